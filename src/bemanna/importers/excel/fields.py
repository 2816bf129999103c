"""The field sheets: Enhet (the unit's basics) and Regler (the rules), one value per row.

Each row names its field in the last column (`horizon.start`, `daily_rest.min_minutes`), so
rows may be moved; a row that is deleted leaves the field at its default. Durations of the
rules are shown in hours (a break in minutes), as planners state them.
"""

from __future__ import annotations

from decimal import Decimal

from bemanna.importers.excel.cells import Column
from bemanna.importers.excel.texts import read_gap_fill, read_successions
from bemanna.instance.rules import RULE_IDS

D0 = Decimal(0)


def _col(path: str, sv: str, name: str, kind: str = "text", help: str = "",
         **limits: Decimal | bool) -> Column:
    return Column(path, sv, name, kind, help=help, **limits)  # type: ignore[arg-type]


ROHS_CHOICES = (("optimera", "optimise"), ("bevilja alla", "grant_all"),
                ("bevilja inga", "grant_none"))

UNIT_FIELDS: tuple[Column, ...] = (
    _col("name", "Enhetens kod", "kod", "id", "Kort kod utan mellanslag, t.ex. solgarden."),
    _col("description", "Beskrivning", "beskrivning", "text", "Fri text: antaganden m.m."),
    _col("horizon.start", "Schemat börjar (måndag)", "startdatum", "date", "En måndag."),
    _col("horizon.weeks", "Antal veckor", "antal veckor", "int", "1–26 veckor.",
         low=Decimal(1), high=Decimal(26)),
    _col("horizon.cyclic", "Rullande schema", "rullande schema", "bool",
         "ja: sista dagen följs av den första (grundschema)."),
    _col("resurspass", "Resurspass tillåtna", "resurspass", "bool",
         "ja: pass utanför behovet får läggas (resurstid)."),
    Column("cost_model.default_gap_fill", "Ej täckt behov köps via (övriga kompetenser)",
           "köpordning", parse=read_gap_fill,
           help="För kompetenser utan egen köpordning eller standard, t.ex. 'timvikarie'."),
    _col("costs.default_uncovered_per_hour", "Ej täckt behov, fast vikt (kr/tim)", "vikt",
         "decimal", "Tom: priset enligt köpordningen (Kompetenser).", low=D0),
    _col("costs.default_below_desired_per_hour", "Under önskad bemanning (kr/tim)", "vikt",
         "decimal", "Vikt per timme under önskat antal.", low=D0),
    _col("costs.stranded_resurstid_per_hour", "Outnyttjad resurstid (kr/tim)", "vikt",
         "decimal", "Tom: kompetensens timlön med PO.", low=D0),
    _col("costs.own_ob", "Räkna OB för egna pass", "egen OB", "bool"),
    _col("cost_model.hours_per_month", "Timmar per månad", "timmar per månad", "decimal",
         "Timlön = månadslön / timmar per månad.", low=D0, low_open=True,
         high=Decimal(744)),
    _col("cost_model.po_rate", "PO-pålägg (andel)", "PO-pålägg", "decimal",
         "Personalomkostnader, t.ex. 0,45.", low=D0, high=Decimal(10)),
    _col("cost_model.overtime_enkel_factor", "Enkel övertid (× timlön)", "faktor", "decimal",
         low=D0, high=Decimal(10)),
    _col("cost_model.overtime_kvalificerad_factor", "Kvalificerad övertid (× timlön)",
         "faktor", "decimal", low=D0, high=Decimal(10)),
    _col("cost_model.overtime_enkel_minutes", "Enkel övertid inom (min före/efter pass)",
         "minuter", "int", low=D0, high=Decimal(24 * 60)),
    _col("cost_model.temp_holiday_pay", "Semesterersättning timvikarier (andel)", "andel",
         "decimal", low=D0, high=Decimal(10)),
    _col("cost_model.budget.personnel", "Budget personal (kr)", "budget", "decimal",
         "Grundlöner inkl. PO för perioden. Tom: ingen budget.", low=D0),
    _col("cost_model.budget.ob", "Budget OB (kr)", "budget", "decimal", low=D0),
    _col("cost_model.budget.overtime", "Budget övertid/mertid (kr)", "budget", "decimal",
         low=D0),
    _col("cost_model.budget.hourly_temps", "Budget timvikarier (kr)", "budget", "decimal",
         low=D0),
    _col("cost_model.budget.agency", "Budget bemanningsföretag (kr)", "budget", "decimal",
         low=D0),
    _col("absence.rate", "Sjukfrånvaro (andel)", "frånvaroandel", "decimal",
         "Andel av schemalagd tid, t.ex. 0,097.", low=D0, high=Decimal("0.9999")),
    _col("absence.spell_mean_days", "Frånvaroperiod, medel (dagar)", "dagar", "decimal",
         low=Decimal(1), high=Decimal(365)),
    Column("rohs.policy", "RÖHS-beslut", "RÖHS-beslut", "choice", choices=ROHS_CHOICES,
           help="Vem beslutar om önskad högre sysselsättningsgrad."),
    _col("rohs.step_percent", "RÖHS-steg (procentenheter)", "steg", "decimal",
         low=D0, low_open=True, high=Decimal(100)),
    _col("rohs.min_share", "RÖHS minsta andel beviljad", "andel", "decimal",
         low=D0, high=Decimal(1)),
)
"""Rows of the Enhet sheet; `key` is the field path in the instance."""

REQUIRED_UNIT = ("name", "horizon.start", "horizon.weeks")

RULE_NAMES: dict[str, str] = {
    "daily_rest": "Dygnsvila", "pass_span": "Passets längd (med delad tur)",
    "breaks": "Raster", "weekly_rest": "Veckovila", "daily_rest_24h": "Dygnsvila per dygn",
    "contract_hours": "Avtalad arbetstid", "max_split_shifts": "Delade turer",
    "max_consecutive_days": "Arbetsdagar i följd", "min_consecutive_days":
    "Minsta arbetspass i följd", "min_consecutive_days_off": "Lediga dagar i följd",
    "max_weekends": "Helger", "max_shift_passes": "Pass av en typ",
    "forbidden_successions": "Förbjudna följder", "total_minutes": "Timmar i perioden",
    "average_weekly_hours": "Genomsnittlig veckoarbetstid (ATL)",
}

_HOURS = "timmar"
_COMMON: tuple[tuple[str, str, str, str, dict[str, Decimal | bool]], ...] = (
    ("enabled", "På", "bool", "ja/nej", {}),
    ("mode", "Läge", "choice", "hård/mjuk", {}),
    ("weight_sek", "Pris per brott (mjuk)", "decimal", "kr", {"low": D0}),
)
_PARAMS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "daily_rest": (("min_minutes", "Minst", "hours", _HOURS),
                   ("reduced_minutes", "Förkortad vila (tom: nej)", "hours", _HOURS)),
    "pass_span": (("max_minutes", "Högst", "hours", _HOURS),),
    "breaks": (("max_work_minutes", "Högst arbete utan rast", "hours", _HOURS),
               ("min_break_minutes", "Minsta rast", "int", "minuter")),
    "weekly_rest": (("min_minutes", "Minst", "hours", _HOURS),
                    ("includes_daily_rest", "Dygnsvilan ingår", "bool", "ja/nej")),
    "daily_rest_24h": (("min_minutes", "Minst", "hours", _HOURS),),
    "contract_hours": (("tolerance_minutes", "Tolerans ±", "hours", _HOURS),
                       ("period_weeks", "Perioder om (veckor; tom: hela)", "int", "veckor")),
    "max_split_shifts": (("max", "Högst", "int", "st per anställd"),),
    "max_consecutive_days": (("max", "Högst", "int", "dagar"),),
    "min_consecutive_days": (("min", "Minst", "int", "dagar"),),
    "min_consecutive_days_off": (("min", "Minst", "int", "dagar"),),
    "max_weekends": (("max", "Högst", "int", "helger"),),
    "max_shift_passes": (),
    "forbidden_successions": (("pairs", "Pass > förbjudna pass nästa dag", "pairs",
                               "t.ex. kvall > dag, tidig; natt > dag"),),
    "total_minutes": (("min", "Minst", "hours", _HOURS), ("max", "Högst", "hours", _HOURS)),
    "average_weekly_hours": (("max_minutes_per_week", "Högst per vecka", "hours", _HOURS),),
}
_LOW: dict[str, Decimal] = {"max_consecutive_days.max": Decimal(1),
                            "min_consecutive_days.min": Decimal(1),
                            "min_consecutive_days_off.min": Decimal(1),
                            "contract_hours.period_weeks": Decimal(1)}


def _rule_column(rule: str, key: str, sv: str, kind: str, unit: str,
                 limits: dict[str, Decimal | bool]) -> Column:
    path = f"{rule}.{key}"
    name = f"{RULE_NAMES[rule].lower()} – {sv.lower()}"
    if kind == "pairs":
        return Column(path, sv, name, help=unit, parse=read_successions)
    if kind == "choice":
        return Column(path, sv, name, "choice", help=unit,
                      choices=(("hård", "hard"), ("mjuk", "soft")))
    low = limits.get("low", _LOW.get(path, D0))
    high = Decimal(16) if path == "contract_hours.period_weeks" else None
    return Column(path, sv, name, kind, help=unit, low=low,  # type: ignore[arg-type]
                  high=high)


def rule_rows() -> list[tuple[str, Column]]:
    """(Swedish rule name, value column) per row of Regler; column keys are 'rule.field'."""
    rows = []
    for rule in RULE_IDS:
        for key, sv, kind, unit, limits in _COMMON:
            rows.append((RULE_NAMES[rule], _rule_column(rule, key, sv, kind, unit, limits)))
        for key, sv, kind, unit in _PARAMS[rule]:
            rows.append((RULE_NAMES[rule], _rule_column(rule, key, sv, kind, unit, {})))
    return rows


RULE_ROWS = rule_rows()
