"""Swedish labels of the reports and number formatting for display.

The pricing and checker speak in ids (`personnel`, `full_time_share`, `stranded` ...); the
reports show the words a planner or manager uses (domain.md §2, §4, §6). An id without a
label (a figure added later) is shown as it is, never dropped.
"""

from __future__ import annotations

BUDGET_LINES: dict[str, str] = {
    "personnel": "Personal (grundlön inkl. PO)",
    "ob": "OB-tillägg",
    "overtime": "Övertid/mertid",
    "hourly_temps": "Timvikarier",
    "agency": "Bemanningsföretag",
    "total": "Totalt",
}

KPIS: dict[str, str] = {
    "full_time_share": "Heltidsandel",
    "average_employment_rate": "Genomsnittlig sysselsättningsgrad",
    "overtime_share_of_personnel_cost": "Övertid/mertid av personalkostnad",
    "agency_fte": "Inhyrd personal",
    "resurstid_fte": "Resurstid",
    "bookable_resurstid_fte": "Bokningsbar resurstid (resurspass)",
    "stranded_resurstid_fte": "Outnyttjad resurstid (överskott i pass)",
    "split_shifts_per_100_passes": "Delade turer",
    "wishes_met": "Uppfyllda önskemål",
    "weekend_spread": "Helgspridning (flest − färst)",
    "night_spread": "Nattspridning (flest − färst)",
}

SIMULATED: dict[str, str] = {
    "resurstid_utilisation": "Resurstid bokad (utnyttjandegrad)",
    "absence_cost_annual": "Förväntad frånvarokostnad per år",
    "simulated_overtime_share": "Övertid/mertid av personalkostnad med frånvaro",
}
"""Key figures of the absence simulation (`--simulate`)."""

ABSENCE_COVER = "Förväntad täckning av frånvaro (resurspass)"
NOT_SIMULATED = "ej simulerad"

ROHS_POLICY: dict[str, str] = {
    "optimise": "optimera (lösaren väljer beviljandet)",
    "grant_all": "bevilja alla",
    "grant_none": "bevilja inga",
}

UNITS: dict[str, str] = {
    "%": "%",
    "FTE": "årsarbetare",
    "per 100 passes": "per 100 pass",
    "weekends": "helger",
    "nights": "nätter",
}

SOURCES: dict[str, str] = {
    "hourly_temp": "Timvikarie",
    "overtime": "Övertid",
    "agency": "Bemanningsföretag",
}

PAY: dict[str, str] = {
    "hourly_temp": "timlön + semesterersättning + OB",
    "enkel": "enkel övertid",
    "kvalificerad": "kvalificerad övertid",
    "agency": "faktura + OB",
}

RESURSTID: dict[str, str] = {
    "bookable": "bokningsbar (resurspass)",
    "stranded": "outnyttjad (överskott i pass)",
}

BANDS: dict[str, str] = {
    "morning": "förmiddag 07–13",
    "afternoon": "eftermiddag 13–19",
    "evening": "kväll 19–22",
    "night": "natt 22–07",
}

WEEKDAYS: dict[str, str] = {
    "mon": "mån", "tue": "tis", "wed": "ons", "thu": "tor", "fri": "fre", "sat": "lör",
    "sun": "sön",
}
WEEKDAY_SHORT: tuple[str, ...] = tuple(WEEKDAYS.values())

SHIFT_KINDS: dict[str, str] = {
    "day": "dag",
    "evening": "kväll",
    "night": "natt",
    "split": "delad tur",
}

STATUS: dict[str, str] = {
    "OPTIMAL": "optimalt (bevisat)",
    "FEASIBLE": "tillåtet (ej bevisat optimalt)",
}


def weeks(count: int) -> str:
    """'1 vecka', '4 veckor'."""
    return f"{count} vecka" if count == 1 else f"{count} veckor"


def label(table: dict[str, str], key: str) -> str:
    """The Swedish label of an id, or the id itself when it has none."""
    return table.get(key, key)


def thousands(whole: int) -> str:
    """1234567 -> '1 234 567' (no-break spaces, so a number never wraps)."""
    return f"{whole:,}".replace(",", "\u00a0")


def sek(ore: int | None, unit: bool = True) -> str:
    """Integer öre as Swedish kronor text: 123456789 -> '1 234 567,89 kr'; None -> '–'."""
    if ore is None:
        return "–"
    sign = "−" if ore < 0 else ""
    whole, cents = divmod(abs(int(ore)), 100)
    text = f"{sign}{thousands(whole)},{cents:02d}"
    return text + "\u00a0kr" if unit else text


def sek_whole(ore: int | None) -> str:
    """Integer öre as whole kronor, half up: 123456789 -> '1 234 568 kr'."""
    if ore is None:
        return "–"
    sign = "−" if ore < 0 else ""
    whole = (abs(int(ore)) + 50) // 100
    return f"{sign}{thousands(whole)}\u00a0kr"


def decimal(value: float | None, places: int = 1) -> str:
    """A display number with a decimal comma: 12.345 -> '12,3'; None -> '–'."""
    if value is None:
        return "–"
    text = f"{value:,.{places}f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


def hours(minutes: int, places: int = 1) -> str:
    """Minutes as hours with a decimal comma: 90 -> '1,5'."""
    return decimal(minutes / 60, places)
