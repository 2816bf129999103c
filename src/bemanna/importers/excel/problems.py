"""Problems of the instance's validation, reported by field path, shown at their cells in
Swedish ("employees[4].skills[1]: unknown skill 'SSK2'" -> "Personal!E7: kompetensen 'SSK2'
finns inte i Kompetenser")."""

from __future__ import annotations

import re

from bemanna.importers.excel.reading import Reading, Where

_WORDS = {"hourly_temp": "timvikarie", "overtime": "övertid", "agency": "bemanningsföretag",
          "morning": "förmiddag", "afternoon": "eftermiddag", "evening": "kväll",
          "night": "natt", "Monday": "måndag", "Tuesday": "tisdag", "Wednesday": "onsdag",
          "Thursday": "torsdag", "Friday": "fredag", "Saturday": "lördag", "Sunday": "söndag",
          "mon": "måndag", "tue": "tisdag", "wed": "onsdag", "thu": "torsdag", "fri": "fredag",
          "sat": "lördag", "sun": "söndag"}
"""English words inside validation messages, as a Swedish message says them."""

TRANSLATIONS: tuple[tuple[str, str, str], ...] = (
    (r"unknown skill '(.+)'", "kompetensen '{0}' finns inte i Kompetenser", ""),
    (r"unknown shift '(.+)'", "passtypen '{0}' finns inte i Passtyper", ""),
    (r"unknown employee '(.+)'", "'{0}' finns inte i Personal", ""),
    (r"(\S+) is outside the horizon", "{0} ligger utanför schemaperioden", ""),
    (r"id '(.+)' appears more than once", "koden '{0}' finns mer än en gång", ""),
    (r"(\S+) is a (\w+), not a Monday", "{0} är en {1}, ingen måndag", ""),
    (r"Field required", "{name} saknas", ""),
    (r"Input should be less than or equal to (\S+)", "{name} är över {0}", ""),
    (r"Input should be less than (\S+)", "{name} måste vara under {0}", ""),
    (r"Input should be greater than or equal to (\S+)", "{name} är under {0}", ""),
    (r"Input should be greater than (\S+)", "{name} måste vara över {0}", ""),
    (r"Decimal input should have no more than (\d+) decimal places?",
     "{name}: högst {0} decimaler", ""),
    (r"Decimal input should have no more than (\d+) digits? in total",
     "{name}: högst {0} siffror", ""),
    (r"List should have at least 1 item.*", "{name} saknas", ""),
    (r"employee '(.+)' has no allowed shift that their skills may work",
     "'{0}' har inget tillåtet pass som hens kompetenser får gå", ""),
    (r"desired_employment_rate (\S+) is below employment_rate (\S+)",
     "önskad sysselsättningsgrad {0} är under sysselsättningsgraden {1}",
     "desired_employment_rate"),
    (r"end (\S+) is before start (\S+)", "slutet {0} är före starten {1}", "end"),
    (r"break_minutes (\d+) is not less than the worked (\d+) minutes",
     "rasten {0} min är inte kortare än passets {1} min", "break_minutes"),
    (r"desired (\d+) is below min (\d+)", "önskat antal {0} är under min antal {1}",
     "desired"),
    (r"(\d+) does not divide the horizon's (\d+) weeks",
     "{0} veckor går inte jämnt upp i schemaperiodens {1} veckor", ""),
    (r"(\S+) is pinned more than once", "{0} är låst mer än en gång", ""),
    (r"a shift_\w+ wish needs a shift", "önskemålet behöver ett pass", "shift"),
    (r"a day_off wish names no shift", "en ledig dag anger inget pass", "shift"),
    (r"no monthly salary for skill '(.+?)'.*", "kompetensen '{0}' saknar månadslön", ""),
    (r"'(.+)' has no skill that may work '(.+)'", "'{0}' har ingen kompetens som får gå "
     "'{1}'", ""),
    (r"'(.+)' is not among '(.+)''s allowed_shifts", "'{0}' är inte bland '{1}':s tillåtna "
     "pass", ""),
    (r"'(.+)' does not exist on (\w+)s", "passet '{0}' finns inte på {1}ar", ""),
    (r"'(.+)' breaks a hard rule \(pass_span or breaks\)",
     "passet '{0}' bryter en hård regel (passets längd eller raster)", ""),
    (r"(\S+) is a date the employee is unavailable", "{0} är en dag med frånvaro", ""),
    (r"the first part must start before 24:00 of the pass's date",
     "passet måste börja före 24:00", "parts[0].start"),
    (r"a pass may not span more than 48 hours", "ett pass får inte sträcka sig över 48 timmar",
     ""),
    (r"agency for skill '(.+)' has no rate: set cost_model\.agency_per_hour\.\S+",
     "bemanningsföretag för kompetensen '{0}' har inget pris: ange Bemanningsföretag (kr/tim) "
     "i Kompetenser", ""),
    (r"(\w+) for skill '(.+)' has no rate: it needs cost_model\.monthly_salary\.\S+",
     "{0} för kompetensen '{1}' har inget pris: ange kompetensens månadslön i Kompetenser", ""),
    (r"a source appears twice in the policy", "en källa står två gånger", ""),
    (r"every source but the last needs max_hours_per_week.*",
     "alla källor utom den sista behöver ett tak i timmar per vecka", ""),
    (r"the last source must not have max_hours_per_week.*",
     "den sista källan får inget tak: allt ej täckt behov måste kunna köpas", ""),
    (r"(\S+): a minute below the desired level may not cost more than an uncovered minute",
     "under önskad bemanning får inte kosta mer än ej täckt behov för '{0}'", "{0}"),
    (r"the rate of skill '(.+)' on (\w+) (\w+) is (\S+) \(.*\): a rate must be below 1",
     "frånvaron för '{0}' blir {3} på {1} ({2}): den måste vara under 1", ""),
    (r"[\d ]+ entries, at most ([\d ]+) are supported \(instance size limit\)",
     "fler rader än de {0} som stöds", ""),
    (r"[\d ]+ [a-z_ ]+, at most ([\d ]+) are supported \(instance size limit\)",
     "fler rader än de {0} som stöds", ""),
)
"""(English message, Swedish text, the field of the record it is about: shown at that cell)."""
SHEET_OF = {"name": "Enhet", "description": "Enhet", "horizon": "Enhet", "resurspass": "Enhet",
            "costs": "Enhet", "cost_model": "Enhet", "absence": "Enhet", "rohs": "Enhet",
            "skills": "Kompetenser", "employees": "Personal", "shift_types": "Passtyper",
            "demand": "Bemanning", "rules": "Regler", "shift_demand": "_bemanna (dolt blad)"}


def swedish(message: str, name: str) -> tuple[str, str]:
    """(the Swedish wording of a validation message, the field it is about); the English
    wording when no Swedish one is known."""
    for pattern, text, field in TRANSLATIONS:
        match = re.fullmatch(pattern, message.strip())
        if match is not None:
            groups = [_WORDS.get(g, g) for g in match.groups()]
            return text.format(*groups, name=name), field.format(*match.groups())
    return f"{name}: {message}", ""


def _parent(path: str) -> str:
    return re.sub(r"(\[\d+\]|\.[^.\[\]]+)$", "", path)


def locate(path: str, reading: Reading) -> Where | None:
    """The cell of a field path, or of its nearest parent that was read from a cell."""
    while path:
        if path in reading.where:
            return reading.where[path]
        shorter = _parent(path)
        if shorter == path:
            break
        path = shorter
    return None


def cell_problems(lines: list[str], reading: Reading) -> list[str]:
    """Validation problems ('path: message') as 'Sheet!Cell: meddelande', dropping those at
    cells that already have a problem of their own, and repeats."""
    shown: list[str] = []
    for line in lines:
        path, sep, message = line.partition(": ")
        if not sep:
            path, message = "", line
        where = locate(path, reading)
        text, field = swedish(message, where.name if where is not None else "värdet")
        where = reading.where.get(f"{path}.{field}", where) if field else where
        if where is None:
            place = SHEET_OF.get(re.split(r"[.\[]", path)[0], "(arbetsboken)")
            if place in reading.missing:
                continue
            text = f"{place}: {path}: {text}" if path else f"{place}: {text}"
        elif where.ref in reading.bad:
            continue
        else:
            text = f"{where.ref}: {text}"
        if text not in shown and text not in reading.problems:
            shown.append(text)
    return shown
