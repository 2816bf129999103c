"""OB per pass, by hand (rates from 2024-04-01, domain.md §4, SEK per hour):

    weekday_evening  24.80  Mon–Thu 19–22            weekend        63.90  Fri 19 → Mon 07
    weekday_night    54.80  Mon–Fri 22–06            weekend_night  73.50  22–06 in the weekend
    major_holiday   122.70  storhelg                 major_holiday_night 147.30

Each minute is paid in the single highest category it lies in. OB in öre = minutes × rate ×
100 / 60; with PO: × 1.45, rounded half up once per row. The week of 2025-03-03 has no holiday.
"""

from __future__ import annotations

import datetime as dt

from bemanna.instance.cost_model import HolidayRules, weekly_intervals
from bemanna.tariff.holidays import (
    major_holiday_spans,
    major_holiday_windows,
    public_holiday_windows,
)
from test_pricing_builders import ob_of, price, pricing_instance

FRIDAY, SUNDAY, THURSDAY = 4, 6, 3


def test_friday_evening_pass_is_weekend() -> None:
    """FK Friday 19:00–22:00: the weekend starts Friday 19:00, and the weekday evening is
    Mon–Thu only, so all 180 minutes are weekend: 3 h × 63.90 = 191.70 SEK = 19 170 öre.
    With PO: 19 170 × 1.45 = 27 796.5 → 27 797 öre; PO = 27 797 − 19 170 = 8 627."""
    pricing = price(pricing_instance(), [("E1", FRIDAY, "FK")])
    assert ob_of(pricing) == {"weekend": (180, 19_170)}
    row = pricing.ob.iloc[0]
    assert (row.ob_ore, row.po_ore, row.cost_ore) == (19_170, 8_627, 27_797)
    assert pricing.totals["ob"] == 27_797


def test_thursday_evening_pass_is_weekday_evening() -> None:
    """FK on Thursday: 3 h × 24.80 = 74.40 SEK = 7 440 öre."""
    pricing = price(pricing_instance(), [("E1", THURSDAY, "FK")])
    assert ob_of(pricing) == {"weekday_evening": (180, 7_440)}


def test_sunday_night_into_monday_is_weekend_night() -> None:
    """NS Sunday 22:00 → Monday 06:00 crosses midnight into Monday, but the weekend lasts
    until Monday 07:00: all 480 minutes are weekend night (the weekday night, 54.80, is
    lower). 8 h × 73.50 = 588.00 SEK = 58 800 öre; × 1.45 = 85 260 öre."""
    pricing = price(pricing_instance(), [("E1", SUNDAY, "NS")])
    assert ob_of(pricing) == {"weekend_night": (480, 58_800)}
    assert pricing.totals["ob"] == 85_260


def test_night_passes_around_the_weekend_boundary() -> None:
    """N 21:00–07:00 (600 minutes), three nights:

    - Thursday: 21–22 weekday evening 24.80 (2 480 öre); 22–06 weekday night 8 × 54.80 =
      438.40 SEK (43 840); 06–07 Friday morning: no OB.
    - Friday: 21–22 weekend (6 390); 22–06 weekend night (58 800); 06–07 Saturday weekend
      (6 390): weekend 120 minutes = 12 780.
    - Sunday: the same as Friday; the Monday hour 06–07 is still weekend.
    And E Monday 06:00–14:00 (second week): 06–07 is the weekend's last hour, 63.90 SEK.
    """
    inst = pricing_instance(weeks=2)
    pricing = price(inst, [("E1", THURSDAY, "N"), ("E2", FRIDAY, "N"), ("E1", SUNDAY, "N"),
                           ("E2", 7, "E")])
    assert ob_of(pricing, date=inst.horizon.date(THURSDAY)) == {
        "weekday_evening": (60, 2_480), "weekday_night": (480, 43_840)}
    assert ob_of(pricing, date=inst.horizon.date(FRIDAY)) == {
        "weekend": (120, 12_780), "weekend_night": (480, 58_800)}
    assert ob_of(pricing, date=inst.horizon.date(SUNDAY)) == {
        "weekend": (120, 12_780), "weekend_night": (480, 58_800)}
    assert ob_of(pricing, date=inst.horizon.date(7)) == {"weekend": (60, 6_390)}


def test_passes_on_midsummer_eve() -> None:
    """Midsummer 2025: Eve Friday 06-20, Day Saturday 06-21. The storhelg window runs from
    18:00 the day before the Eve (Thursday 06-19) to 07:00 the first weekday after Midsummer
    Day (Monday 06-23). Horizon: two weeks from Monday 2025-06-16.

    - D on the Eve, 07:00–15:30: 510 min × 122.70 / 60 = 1 042.95 SEK = 104 295 öre.
    - N on the Eve, 21:00–07:00: 21–22 and 06–07 major holiday, 2 × 122.70 = 24 540 öre;
      22–06 major-holiday night, 8 × 147.30 = 1 178.40 SEK = 117 840 öre.
    - K on Thursday, 13:30–21:30: 18:00–21:30 major holiday (it beats the weekday evening
      from 19:00): 210 min × 122.70 / 60 = 429.45 SEK = 42 945 öre.
    - E on Monday 06-23, 06:00–14:00: 06–07 major holiday, 12 270 öre.
    - D on Wednesday 06-18: no OB.
    """
    inst = pricing_instance(start="2025-06-16", weeks=2)
    pricing = price(inst, [("E1", FRIDAY, "D"), ("E2", FRIDAY, "N"), ("E1", THURSDAY, "K"),
                           ("E1", 7, "E"), ("E2", 2, "D")])
    assert ob_of(pricing, employee="E1", date=dt.date(2025, 6, 20)) == {
        "major_holiday": (510, 104_295)}
    assert ob_of(pricing, employee="E2", date=dt.date(2025, 6, 20)) == {
        "major_holiday": (120, 24_540), "major_holiday_night": (480, 117_840)}
    assert ob_of(pricing, date=dt.date(2025, 6, 19)) == {"major_holiday": (210, 42_945)}
    assert ob_of(pricing, date=dt.date(2025, 6, 23)) == {"major_holiday": (60, 12_270)}
    assert ob_of(pricing, date=dt.date(2025, 6, 18)) == {}


def test_a_public_holiday_counts_as_weekend() -> None:
    """Ascension Day, Thursday 2025-05-29: weekend OB from 19:00 the day before to 07:00 the
    first weekday after (Friday). D on the day: 510 min × 63.90 / 60 = 543.15 SEK = 54 315
    öre. K on Wednesday 13:30–21:30: 19:00–21:30 weekend (not weekday evening),
    150 min × 63.90 / 60 = 159.75 SEK = 15 975 öre."""
    inst = pricing_instance(start="2025-05-26")
    pricing = price(inst, [("E1", THURSDAY, "D"), ("E2", 2, "K")])
    assert ob_of(pricing, employee="E1") == {"weekend": (510, 54_315)}
    assert ob_of(pricing, employee="E2") == {"weekend": (150, 15_975)}


def test_ob_categories_are_overridable() -> None:
    """One category of 30 SEK/h on weekdays 18:00–21:00: K Monday 13:30–21:30 earns
    3 h × 30 = 90 SEK = 9 000 öre, and nothing else is OB."""
    inst = pricing_instance(cost_model={
        "ob": [{"id": "kvall", "sek_per_hour": 30, "weekly": ["mon-fri 18:00-21:00"]}]})
    pricing = price(inst, [("E1", 0, "K"), ("E2", SUNDAY, "N")])
    assert ob_of(pricing) == {"kvall": (180, 9_000)}


def test_weekly_windows_parse() -> None:
    """Minutes after Monday 00:00: Mon–Thu evenings are four intervals; Fri 19:00 → Mon
    07:00 wraps past Sunday (4 × 1440 + 1140 = 6900 to 7 × 1440 + 420 = 10 500)."""
    assert weekly_intervals("mon-thu 19:00-22:00") == [
        (d * 1440 + 1140, d * 1440 + 1320) for d in range(4)]
    assert weekly_intervals("fri 19:00 - mon 07:00") == [(6900, 10_500)]
    assert weekly_intervals("sun 22:00-06:00") == [(6 * 1440 + 1320, 7 * 1440 + 360)]
    assert weekly_intervals("Sat,Sun 00:00-24:00") == [(7200, 8640), (8640, 10_080)]


def test_holiday_windows_come_from_the_holiday_library() -> None:
    """Storhelg windows 2025: Easter from Maundy Thursday 18:00 to Tuesday 07:00 after Easter
    Monday; Christmas from 12-23 18:00 to Monday 12-29 07:00 (Dec 27–28 are a weekend);
    New Year from 12-30 18:00 to Friday 2026-01-02 07:00."""
    rules = HolidayRules()
    first, last = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    spans = {(name, a, b) for name, a, b in
             major_holiday_spans(list(rules.major_holidays), first, last) if a.year == 2025}
    assert ("easter", dt.date(2025, 4, 18), dt.date(2025, 4, 21)) in spans
    assert ("midsummer", dt.date(2025, 6, 20), dt.date(2025, 6, 21)) in spans
    assert ("christmas", dt.date(2025, 12, 24), dt.date(2025, 12, 26)) in spans
    assert ("new_year", dt.date(2025, 12, 31), dt.date(2026, 1, 1)) in spans
    windows = major_holiday_windows(rules, first, last)
    at = dt.datetime
    assert (at(2025, 4, 17, 18), at(2025, 4, 22, 7)) in windows
    assert (at(2025, 12, 23, 18), at(2025, 12, 29, 7)) in windows
    assert (at(2025, 12, 30, 18), at(2026, 1, 2, 7)) in windows
    public = public_holiday_windows(rules, first, last)
    assert (at(2025, 5, 28, 19), at(2025, 5, 30, 7)) in public  # Ascension Day
    assert (at(2025, 6, 5, 19), at(2025, 6, 9, 7)) in public  # National Day, a Friday
