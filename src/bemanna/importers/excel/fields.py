"""The Enhet sheet (the unit's basics): one field per row.

Each row names its field in the last column (`horizon.start`), so rows may be moved; a row
that is deleted leaves the field at its default. The Regler sheet's rows are in
`rule_rows.py`.
"""

from __future__ import annotations

from decimal import Decimal

from bemanna.importers.excel.cells import Column
from bemanna.importers.excel.texts import read_gap_fill

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
