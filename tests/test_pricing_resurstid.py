"""Resurstid on a tiny roster: bookable (resurspass) versus stranded (excess headcount).

Bands: morning 07–13, afternoon 13–19, evening 19–22, night 22–07. USK loaded hourly cost:
652 000/33 öre × 1.45 = 286.48 SEK/h. One FTE over one week = 2 295 minutes.
"""

from __future__ import annotations

from bemanna.pricing import Pricing
from test_pricing_builders import price, pricing_instance


def cells(pricing: Pricing, kind: str) -> dict[tuple[str, str], tuple[int, int]]:
    """{(weekday, band): (minutes, cost öre)} of one kind of resurstid."""
    rows = pricing.resurstid[pricing.resurstid.kind == kind]
    return {(str(r.weekday), str(r.band)): (int(r.minutes), int(r.cost_ore))
            for r in rows.itertuples()}


def test_bookable_and_stranded_resurstid() -> None:
    """Monday 07:00–12:00 needs one usk. E1 and E2 both work D (07:00–15:30) on Monday; E1 has
    a resurspass D on Wednesday.

    Stranded (Monday): 07–12 headcount 2, need 1 → 300 min; 12–13 nobody needed, 2 × 60 =
    120 → morning 420 min; 13:00–15:30: 2 × 150 = 300 min afternoon. Total 720 minutes, the
    checker's stranded minutes too.
    Bookable (Wednesday): D's 510 minutes: 360 morning (07–13), 150 afternoon.
    SEK at the loaded wage 286.48 SEK/h: bookable at the employee's exact rate, 360 min →
    171 891 öre, 150 → 71 621; stranded per minute in whole öre as the objective prices it,
    28 648.48 / 60 = 477.47 → 477 öre/min: 420 min → 200 340, 300 → 143 100.
    FTE: 720 / 2 295 = 0.31 stranded, 510 / 2 295 = 0.22 bookable, 1 230 / 2 295 = 0.54.
    """
    inst = pricing_instance(demand=[{"skill": "usk", "weekdays": ["mon"],
                                     "bands": [{"start": "07:00", "end": "12:00", "min": 1}]}])
    pricing = price(inst, [("E1", 0, "D"), ("E2", 0, "D"), ("E1", 2, "D", "resurs")])
    assert cells(pricing, "stranded") == {("mon", "morning"): (420, 200_340),
                                          ("mon", "afternoon"): (300, 143_100)}
    assert cells(pricing, "bookable") == {("wed", "morning"): (360, 171_891),
                                          ("wed", "afternoon"): (150, 71_621)}
    hours = pricing.resurstid.set_index(["kind", "weekday", "band"]).hours
    assert hours[("stranded", "mon", "morning")] == 7.0
    assert hours[("bookable", "wed", "afternoon")] == 2.5
    kpis = dict(zip(pricing.kpis.kpi, pricing.kpis.value, strict=True))
    assert kpis["stranded_resurstid_fte"] == 0.31
    assert kpis["bookable_resurstid_fte"] == 0.22
    assert kpis["resurstid_fte"] == 0.54
    assert pricing.uncovered.empty  # the need is met


def test_a_night_resurspass_wraps_in_a_cyclic_week() -> None:
    """A resurspass N (21:00–07:00) on Sunday of a cyclic one-week horizon: 21:00–22:00 lies in
    Sunday's evening band (60 min), 22:00–24:00 in its night band (120 min), and 00:00–07:00
    wraps onto Monday, day 0 (420 min of Monday's night band)."""
    inst = pricing_instance(cyclic=True)
    pricing = price(inst, [("E1", 6, "N", "resurs")])
    minutes = {k: v[0] for k, v in cells(pricing, "bookable").items()}
    assert minutes == {("sun", "evening"): 60, ("sun", "night"): 120, ("mon", "night"): 420}
