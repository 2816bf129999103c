"""The table sheets of the template: one row per record, the columns in order.

Headings: Swedish in row 1, English in row 2, data from row 3 (`FIRST_ROW`). A column is
found by either heading, so a planner may move columns; a missing required column is a
problem of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bemanna.importers.excel.cells import Column
from bemanna.importers.excel.texts import read_full_time, read_gap_fill

FIRST_ROW = 3
"""Rows 1 and 2 hold the headings."""
D0, D100 = Decimal(0), Decimal(100)


@dataclass(frozen=True)
class Table:
    title: str
    """The sheet's name (Swedish)."""
    english: str
    columns: tuple[Column, ...]
    help: str

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _skill(key: str = "skill", required: bool = True) -> Column:
    return Column(key, "Kompetens", "kompetens", "id", required=required, width=12,
                  help="En kod från bladet Kompetenser.")


def _more_skills() -> Column:
    return Column("more_skills", "Fler kompetenser", "kompetenser", "ids", width=16,
                  help="Fler koder från Kompetenser, åtskilda med komma.")


def _employee() -> Column:
    return Column("employee", "Anställd", "anställd", "id", required=True, width=12,
                  help="Id från bladet Personal.")


SKILLS = Table("Kompetenser", "Skills", (
    Column("id", "Kod", "kod", "id", required=True, width=10,
           help="Kort kod, t.ex. USK, VB, SSK."),
    Column("name", "Benämning", "benämning", width=24),
    Column("monthly_salary", "Månadslön heltid (kr)", "månadslön", "decimal", low=D0,
           width=14, help="Tom: standardlönen (USK 32 600, VB 27 500, SSK 44 550 kr)."),
    Column("agency_per_hour", "Bemanningsföretag (kr/tim)", "pris per timme", "decimal",
           low=D0, width=16, help="Tom: standardpriset (USK 470 kr/tim) eller faktorn."),
    Column("agency_factor", "Bemanningsföretag (× egen timkostnad)", "faktor", "decimal",
           low=D0, high=Decimal(10), width=18, help="Tom: standard (SSK 2)."),
    Column("gap_fill", "Ej täckt behov köps via", "köpordning", parse=read_gap_fill, width=36,
           help="Källor i ordning med tak i timmar per vecka; den sista utan tak, t.ex. "
                "'timvikarie 40; övertid 10; bemanningsföretag'. Tom: standard."),
    Column("uncovered_per_hour", "Ej täckt behov, fast vikt (kr/tim)", "vikt", "decimal",
           low=D0, width=16, help="Tom: priset enligt köpordningen."),
    Column("below_desired_per_hour", "Under önskad bemanning (kr/tim)", "vikt", "decimal",
           low=D0, width=16, help="Tom: värdet i Enhet."),
    Column("absence_rate", "Frånvaro (andel)", "frånvaroandel", "decimal", low=D0,
           high=Decimal("0.9999"), width=12, help="T.ex. 0,097 = 9,7 %. Tom: värdet i Enhet."),
), "En rad per kompetens. Lön och priser tomma: standardvärdena (docs/costs.md).")

STAFF = Table("Personal", "Staff", (
    Column("id", "Id", "id", "id", required=True, width=10, help="Unik kort kod."),
    Column("name", "Namn", "namn", width=22),
    Column("employment_rate", "Sysselsättningsgrad (%)", "sysselsättningsgrad", "decimal",
           low=D0, low_open=True, high=D100, width=14, help="Över 0, högst 100."),
    _skill(),
    _more_skills(),
    Column("full_time", "Heltidsmått", "heltidsmått", parse=read_full_time, width=12,
           help="rullande (38,25 tim/v), natt (34,33 tim/v) eller minuter per vecka."),
    Column("desired_employment_rate", "Önskad sysselsättningsgrad (RÖHS)",
           "önskad sysselsättningsgrad", "decimal", low=D0, low_open=True, high=D100,
           width=14, help="Tom: ingen begäran."),
    Column("allowed_shifts", "Tillåtna pass", "tillåtna pass", "ids", width=16,
           help="Passkoder med komma. Tom: alla pass som kompetensen får gå."),
    Column("dygnsbryt", "Dygnsbryt", "dygnsbryt", "clock", width=10, help="Tom: 00:00."),
    Column("monthly_salary", "Egen månadslön heltid (kr)", "månadslön", "decimal", low=D0,
           width=14, help="Tom: kompetensens lön."),
    Column("max_consecutive_days", "Max dagar i följd", "max dagar i följd", "int",
           low=Decimal(1), width=10, help="Tom: värdet i Regler."),
    Column("min_consecutive_days", "Min dagar i följd", "min dagar i följd", "int",
           low=Decimal(1), width=10, help="Tom: värdet i Regler."),
    Column("min_consecutive_days_off", "Min lediga dagar i följd", "min lediga dagar i följd",
           "int", low=Decimal(1), width=10, help="Tom: värdet i Regler."),
    Column("max_weekends", "Max helger", "max helger", "int", low=D0, width=10,
           help="Tom: värdet i Regler."),
    Column("max_split_shifts", "Max delade turer", "max delade turer", "int", low=D0,
           width=10, help="Tom: värdet i Regler."),
    Column("min_hours", "Min timmar i perioden", "min timmar", "hours", low=D0, width=10,
           help="Betald tid över hela schemaperioden (regeln total_minutes)."),
    Column("max_hours", "Max timmar i perioden", "max timmar", "hours", low=D0, width=10,
           help="Betald tid över hela schemaperioden (regeln total_minutes)."),
), "En rad per anställd. Tomma regelkolumner: värdet i bladet Regler gäller.")

SHIFTS = Table("Passtyper", "Shift types", (
    Column("id", "Kod", "kod", "id", required=True, width=10),
    Column("name", "Namn", "namn", width=22),
    Column("start", "Start", "start", "clock", required=True, width=8, help="TT:MM"),
    Column("end", "Slut", "slut", "clock", required=True, width=8,
           help="TT:MM; före starten: slutar nästa dag."),
    Column("start2", "Start del 2", "start del 2", "clock", width=9,
           help="Delad tur: andra delens start. Tom: ingen delad tur."),
    Column("end2", "Slut del 2", "slut del 2", "clock", width=9),
    Column("break_minutes", "Rast (min)", "rast", "int", low=D0, high=Decimal(24 * 60),
           width=8, help="Obetald rast i minuter."),
    Column("paid_meal_break", "Betald måltidsrast", "betald måltidsrast", "bool", width=10,
           help="ja: måltidsuppehåll på arbetsplatsen i stället för rast."),
    _skill(),
    _more_skills(),
    Column("weekdays", "Dagar", "dagar", "days", width=14,
           help="alla, mån-fre, lör-sön eller dagar med komma. Tom: alla."),
), "En rad per passtyp. Ett slut före starten betyder att passet slutar nästa dag.")

DEMAND = Table("Bemanning", "Demand", (
    _skill(),
    Column("label", "Etikett", "etikett", width=30, help="T.ex. avdelning och tid."),
    Column("weekdays", "Dagar", "dagar", "days", width=12,
           help="alla, mån-fre, lör-sön eller dagar med komma. Tom: alla."),
    Column("start", "Från", "från", "clock", required=True, width=8),
    Column("end", "Till", "till", "clock", required=True, width=8,
           help="Före Från: till nästa dag."),
    Column("min", "Min antal", "min antal", "int", required=True, low=D0,
           high=Decimal(1000), width=8),
    Column("desired", "Önskat antal", "önskat antal", "int", low=D0, high=Decimal(1000),
           width=8, help="Tom: samma som min."),
    Column("dates", "Bara datum", "datum", "dates", width=16,
           help="Datum ÅÅÅÅ-MM-DD med komma: gäller bara de dagarna och ersätter "
                "veckodagsbehovet för kompetensen där."),
), "En rad per tidsband. Rader direkt under varandra med samma kompetens, etikett, dagar "
   "och datum hör till samma behov; behov för samma kompetens och dag läggs ihop.")

ABSENCES = Table("Frånvaro", "Absences", (
    _employee(),
    Column("start", "Från", "från", "date", required=True, width=12),
    Column("end", "Till", "till", "date", required=True, width=12),
    Column("reason", "Orsak", "orsak", width=30),
), "En rad per känd frånvaro (semester, utbildning): den anställda får inga pass de dagarna.")

WISHES = Table("Önskemål", "Wishes", (
    _employee(),
    Column("kind", "Önskemål", "önskemål", "choice", required=True, width=18,
           choices=(("ledig dag", "day_off"), ("vill ha pass", "shift_on"),
                    ("vill inte ha pass", "shift_off"))),
    Column("date", "Datum", "datum", "date", required=True, width=12),
    Column("shift", "Pass", "pass", "id", width=10,
           help="Passkod; tom för en ledig dag."),
    Column("weight_sek", "Vikt (kr)", "vikt", "decimal", low=D0, width=10,
           help="Vad ett ej uppfyllt önskemål får kosta. Tom: 100 kr."),
), "En rad per önskemål. Önskemål är mjuka: de uppfylls när det går.")

PINS = Table("Låsta pass", "Pinned", (
    _employee(),
    Column("date", "Datum", "datum", "date", required=True, width=12),
    Column("shift", "Pass", "pass", "id", width=10, help="Tom: ledig den dagen."),
), "En rad per låst beslut: detta pass detta datum, eller (utan pass) ledig.")

TABLES: tuple[Table, ...] = (SKILLS, STAFF, SHIFTS, DEMAND, ABSENCES, WISHES, PINS)
