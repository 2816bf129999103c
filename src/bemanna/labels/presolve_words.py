"""The input checks' sentences (`bemanna validate`, the solve's opening findings, the loader's
field problems), per language: key -> (Swedish, English); rendered by
`bemanna.labels.phrases.render`.
"""

from __future__ import annotations

import re

from bemanna.labels.numbers import Lang

PRESOLVE_WORDS: dict[str, tuple[str, str]] = {
    # --- the framing of `bemanna validate` ---
    "validate.valid": ("{path}: giltig ({employees}, {shifts}, {weeks}; modell {model})",
                       "{path}: valid ({employees}, {shifts}, {weeks}; model {model})"),
    "validate.errors": ("{count}: inget schema kan hålla de hårda reglerna",
                        "{count}: no roster can keep the hard rules"),
    "validate.memory": ("omkring {mb} MB för {literals} passalternativ med {workers}",
                        "about {mb} MB for {literals} pass options with {workers}"),
    "validate.infeasible": (
        "OMÖJLIGT: upptäckt före lösningen (felen ovan); inget schema kan hålla de hårda "
        "reglerna.",
        "INFEASIBLE: found before solving (the errors above); no roster can keep the hard "
        "rules."),
    "severity.error": ("fel", "error"),
    "severity.warning": ("varning", "warning"),
    # --- contract hours against what fits (presolve/hours.py) ---
    "presolve.contract": (
        "{emp}: avtal {target:dur} under {first} – {last} ({basis}), minst {low:dur} med "
        "toleransen {tolerance:dur}, men högst {most:dur} pass ryms: {fit}{consequence}",
        "{emp}: contract {target:dur} in {first} – {last} ({basis}), at least {low:dur} with "
        "the {tolerance:dur} tolerance, but at most {most:dur} of passes fit: "
        "{fit}{consequence}"),
    "presolve.priced_below": ("; minst {below:dur} under toleransen prissätts",
                              "; at least {below:dur} below the tolerance will be priced"),
    "presolve.rate": ("{rate} % av {per_week:dur}/vecka", "{rate} % of {per_week:dur}/week"),
    "presolve.less_absent": ("{rate}, minus {absent} frånvarande vardagar",
                             "{rate}, less {absent} absent weekdays"),
    "presolve.total_minimum": (
        "{emp}: total_minutes kräver minst {low:dur} under perioden, men högst {most:dur} "
        "pass ryms: {fit}",
        "{emp}: total_minutes needs at least {low:dur} over the schedule, but at most "
        "{most:dur} of passes fit: {fit}"),
    "presolve.contract_above_cap": (
        "{emp}: contract_hours kräver minst {needed:dur} betald tid under perioden ({rate}), "
        "men {rule} tillåter {words} {limit:dur}",
        "{emp}: contract_hours needs at least {needed:dur} paid over the schedule ({rate}), "
        "but {rule} allows {words} {limit:dur}"),
    "presolve.at_most": ("högst", "at most"),
    "presolve.average_at_most": ("{per_week:dur} i veckan i genomsnitt, högst",
                                 "{per_week:dur} a week on average, at most"),
    "presolve.fit.nothing": (
        "får inte arbeta något pass alls: varje passtyp som kompetenserna och allowed_shifts "
        "tillåter bryter en hård pass_span- eller breaks-regel",
        "may work no pass at all: every shift type their skills and allowed_shifts permit "
        "breaks a hard pass_span or breaks rule"),
    "presolve.fit.may": ("får arbeta {only}{shifts}", "may work {only}{shifts}"),
    "presolve.fit.only": ("bara ", "only "),
    "presolve.fit.with": ("; med {rules}: högst ", "; with {rules} at most "),
    "presolve.fit.plain": ("; högst ", "; at most "),
    "presolve.fit.week": ("{passes} ({minutes:dur}) ryms i en vecka",
                          "{passes} ({minutes:dur}) fit in a week"),
    "presolve.fit.ordinary_week": ("{passes} ({minutes:dur}) ryms i en vanlig vecka",
                                   "{passes} ({minutes:dur}) fit in an ordinary week"),
    "presolve.fit.in_week": ("{passes} ({minutes:dur}) i vecka {week}{reason}",
                             "{passes} ({minutes:dur}) in week {week}{reason}"),
    "presolve.fit.more_weeks": (" och {count} veckor till som dessa",
                                " and {count} more weeks like these"),
    "presolve.week.absent": ("frånvarande {dates}", "absent {dates}"),
    "presolve.week.pinned_off": ("låst ledig {dates}", "pinned off {dates}"),
    "presolve.week.pinned": ("låsta pass {dates}", "pinned passes {dates}"),
    "presolve.rules.daily_rest": ("{minutes:dur} dygnsvila", "{minutes:dur} daily rest"),
    "presolve.rules.weekly_rest": ("{minutes:dur} veckovila", "{minutes:dur} weekly rest"),
    "presolve.rules.max_run": ("högst {days} dagar i rad", "at most {days} days in a row"),
    "presolve.rules.forbidden": ("de förbjudna följderna", "the forbidden successions"),
    # --- pins (presolve/pins.py) ---
    "presolve.pins.break": ("de låsta passen bryter ensamma {rule}: {finding}",
                            "the pinned passes alone break {rule}: {finding}"),
    "presolve.pins.contract": (
        "{emp}: de låsta passen ger ensamma {pinned:dur} betald tid {first} – {last}, över "
        "avtalet {target:dur} + toleransen {tolerance:dur}",
        "{emp}: the pinned passes alone give {pinned:dur} paid in {first} – {last}, above the "
        "contract {target:dur} + {tolerance:dur} tolerance"),
    "presolve.pins.total": (
        "{emp}: de låsta passen ger ensamma {pinned:dur} betald tid, över total_minutes "
        "maximum {most:dur}",
        "{emp}: the pinned passes alone give {pinned:dur} paid, above total_minutes' maximum "
        "{most:dur}"),
    # --- need against staff (presolve/demand.py) ---
    "presolve.demand.skill": (
        "{skill}: minsta behovet är {needed:hours} under perioden, men {staff} med {skill} kan "
        "arbeta högst {can:hours} inom sina avtal och viloregler: minst {short:hours} blir "
        "ej täckt (prissätts som uncovered_demand)",
        "{skill}: the minimum need is {needed:hours} over the schedule, but the {staff} with "
        "{skill} can work at most {can:hours} within their contracts and rest rules: at least "
        "{short:hours} will be uncovered (priced as uncovered_demand)"),
    "presolve.demand.night_peak": (
        "{skill} nätter: upp till {peak} behövs samtidigt på natten, men bara {staff} med "
        "{skill} får arbeta nattpass ({names}): en del behov blir ej täckt varje sådan natt "
        "(prissätts som uncovered_demand)",
        "{skill} nights: up to {peak} needed at once at night, but only {staff} with {skill} "
        "may work night passes ({names}): some need will be uncovered every such night "
        "(priced as uncovered_demand)"),
    "presolve.demand.nights": (
        "{skill} nätter: {needed} nattpass behövs under perioden (det mesta som behövs "
        "samtidigt, varje natt), men {staff} med {skill} som får arbeta natt ({names}) kan "
        "arbeta högst {can} inom sina avtal och viloregler: minst {short} nätter blir korta "
        "(prissätts som uncovered_demand)",
        "{skill} nights: {needed} night passes are needed over the schedule (the most needed "
        "at once, each night), but the {staff} with {skill} who may work nights ({names}) "
        "can work at most {can} within their contracts and rest rules: at least {short} "
        "nights will be short (priced as uncovered_demand)"),
    "presolve.demand.nobody": (
        "{skill}: ingen medarbetare har kompetensen {skill}: alla {need:hours} av dess behov "
        "blir ej täckt (prissätts som uncovered_demand)",
        "{skill}: no employee has skill {skill}: all {need:hours} of its need will be "
        "uncovered (priced as uncovered_demand)"),
    "presolve.demand.no_shift": (
        "{skill}: ingen passtyp täcker {gaps}: {need:hours} behov blir ej täckt (prissätts som "
        "uncovered_demand)",
        "{skill}: no shift type covers {gaps}: {need:hours} of need will be uncovered (priced "
        "as uncovered_demand)"),
    "presolve.demand.no_one_can": (
        "{skill}: ingen med {skill} kan arbeta {gaps}: {need:hours} behov blir ej täckt "
        "(prissätts som uncovered_demand)",
        "{skill}: nobody with {skill} can work {gaps}: {need:hours} of need will be uncovered "
        "(priced as uncovered_demand)"),
    "presolve.gap": ("{weekday} {start}–{end} ({dates}, första {first})",
                     "{weekday} {start}–{end} ({dates}, first {first})"),
    "presolve.gap.more": ("och {count} till", "and {count} more"),
    # --- shift types nobody can work (presolve/shifts.py) ---
    "presolve.shift": ("passtypen {shift} ({clock}) kan aldrig arbetas: {reason}",
                       "shift type {shift} ({clock}) can never be worked: {reason}"),
    "presolve.shift.span": ("den sträcker sig över {span:dur}, mer än pass_span tillåter "
                            "({limit:dur}, hård)",
                            "it spans {span:dur}, more than pass_span allows ({limit:dur}, hard)"),
    "presolve.shift.breaks": (
        "en del arbetar mer än {work:dur} utan en rast på {brk:dur} (breaks, hård)",
        "a part works more than {work:dur} without a break of {brk:dur} (breaks, hard)"),
    "presolve.shift.no_day": ("den går ingen dag i perioden (weekdays)",
                              "it runs on no day of the horizon (weekdays)"),
    "presolve.shift.no_skill": ("ingen har kompetensen {skills}", "nobody has skill {skills}"),
    "presolve.shift.not_allowed": (
        "{staff} med dess kompetenser får inte arbeta den (allowed_shifts)",
        "the {staff} with its skills are not allowed it (allowed_shifts)"),
    "presolve.shift.absent": (
        "{staff} som får arbeta den är frånvarande eller låsta varje dag den går",
        "the {staff} who may work it are absent or pinned on every day it runs"),
    "presolve.shift.rest_24h": (
        "ett pass av den lämnar ingen vila på {minimum:dur} under dygnet från dygnsbrytet "
        "(daily_rest_24h, hård; dygnsbryt {dygnsbryt})",
        "one pass of it leaves no {minimum:dur} rest in the 24 h from the dygnsbryt "
        "(daily_rest_24h, hard; dygnsbryt {dygnsbryt})"),
}

_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    (r"Field required", "fältet saknas"),
    (r"Extra inputs are not permitted", "okänt fält (inte tillåtet här)"),
    (r"Input should be greater than or equal to (.+)", r"värdet ska vara minst \1"),
    (r"Input should be greater than (.+)", r"värdet ska vara större än \1"),
    (r"Input should be less than or equal to (.+)", r"värdet ska vara högst \1"),
    (r"Input should be less than (.+)", r"värdet ska vara mindre än \1"),
    (r"Input should be a valid integer.*", "värdet ska vara ett heltal"),
    (r"Input should be a finite number.*", "värdet ska vara ett ändligt tal"),
    (r"Input should be a valid number.*", "värdet ska vara ett tal"),
    (r"Input should be a valid decimal.*", "värdet ska vara ett decimaltal"),
    (r"Input should be a valid boolean.*", "värdet ska vara true eller false"),
    (r"Input should be a valid string.*", "värdet ska vara text"),
    (r"Input should be a valid list.*", "värdet ska vara en lista"),
    (r"Input should be a valid dictionary.*", "värdet ska vara en tabell (nycklar och värden)"),
    (r"Input should be a valid date.*", "värdet ska vara ett giltigt datum (ÅÅÅÅ-MM-DD)"),
    (r"Input should be in a valid time format.*|Input should be a valid time.*",
     "värdet ska vara en giltig tid (TT:MM)"),
    (r"(List|Value) should have at least (\d+) items?.*", r"listan ska ha minst \2"),
    (r"(List|Value) should have at most (\d+) items?.*", r"listan ska ha högst \2"),
    (r"String should have at least (\d+) characters?.*", r"texten ska ha minst \1 tecken"),
    (r"Input should be (.+)", r"värdet ska vara \1"),
)
"""pydantic's common error messages (by their fixed English wording, one per error type:
missing, extra_forbidden, greater_than(_equal), less_than(_equal), int/float/bool/string/list/
dict types, date and time parsing, too_short/too_long, literal_error) and their Swedish."""


def field_problem(line: str, lang: Lang = "sv") -> str:
    """A loader's 'field.path: message' line in `lang`: pydantic's common messages in Swedish;
    the path, and messages of the project's own validators, kept as they are."""
    if lang != "sv":
        return line
    path, sep, message = line.partition(": ")
    if not sep:
        path, message = "", line
    for pattern, swedish in _FIELD_WORDS:
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            said = match.expand(swedish).replace("' or '", "' eller '")
            return f"{path}: {said}" if sep else said
    return line
