"""The sentences of the rules that bind (`explain/why.py`), per language: (Swedish, English)."""

from __future__ import annotations

from bemanna.checker.passes import Pass, stamp
from bemanna.labels import Lang

WORDS: dict[str, tuple[str, str]] = {
    "header": ("regler som binder i detta schema", "rules that bind in this roster"),
    "none": ("(inga)", "(none)"),
    "soft": ("Mjuka regler som bryts (prissatta):", "Soft rules broken (priced):"),
    "wishes": ("Ej uppfyllda önskemål (priset för att bevilja vart och ett är en uppskattning: "
               "en kort omlösning kring datumet):",
               "Wishes not met (the price of granting each is an estimate: a short re-solve "
               "around the date):"),
    "exactly": ("exakt ", "exactly "),
    "daily_rest": ("{exactly}{rest} vila mellan {previous} och {next} (minst {minimum})",
                   "{exactly}{rest} rest between {previous} and {next} (minimum {minimum})"),
    "ending": ("pass {shift} som slutar {at}", "pass {shift} ending {at}"),
    "starting": ("pass {shift} som börjar {at}", "pass {shift} starting {at}"),
    "next_cycle": (" i nästa varv av schemat", " in the next turn of the cycle"),
    "weekly_rest": ("längsta vilan i vecka {week} ({first} – {last}) är {longest} "
                    "(minst {minimum})",
                    "longest rest in week {week} ({first} – {last}) is {longest} "
                    "(minimum {minimum})"),
    "contract": ("{paid} betalt {when}, avtal {target} ± {tolerance}",
                 "{paid} paid in {when}, contract {target} ± {tolerance}"),
    "edge": (": exakt vid {edge} gränsen", ": exactly at the {edge} edge"),
    "lower": ("nedre", "lower"),
    "upper": ("övre", "upper"),
    "no_more": (": inget pass till ryms ({left} kvar, kortaste passet är {shortest})",
                ": no pass more fits ({left} left, the shortest pass is {shortest})"),
    "no_less": (": inget pass kan tas bort ({above} över nedre gränsen, kortaste passet är "
                "{shortest})",
                ": no pass can be taken away ({above} above the lower edge, the shortest pass "
                "is {shortest})"),
    "consecutive": ("{count} arbetsdagar i rad, {first} – {last} (högst {limit})",
                    "{count} working days in a row, {first} – {last} (maximum {limit})"),
    "split": ("{count} delade pass (högst {limit})", "{count} split passes (maximum {limit})"),
    "weekends": ("{count} helger i tjänst (högst {limit})",
                 "{count} weekends worked (maximum {limit})"),
    "shift_passes": ("{count} pass {shift} (högst {limit})",
                     "{count} passes of {shift} (maximum {limit})"),
    "short_runs": ("{count} perioder med exakt {limit} {what} (minst {limit}), den första "
                   "från {first}",
                   "{count} runs of exactly {limit} {what} (minimum {limit}), the first from "
                   "{first}"),
    "working_days": ("arbetsdagar", "working days"),
    "days_off": ("lediga dagar", "days off"),
}


def say(key: str, lang: Lang, **fields: object) -> str:
    sv, en = WORDS[key]
    return (sv if lang == "sv" else en).format(**fields)


def ending(p: Pass, lang: Lang) -> str:
    """'pass D ending 2025-03-05 15:30' / 'pass D som slutar 2025-03-05 15:30'."""
    return say("ending", lang, shift=p.shift_id, at=stamp(p.assignment.end))


def starting(p: Pass, lang: Lang, next_cycle: bool = False) -> str:
    text = say("starting", lang, shift=p.shift_id, at=stamp(p.assignment.start))
    return text + (say("next_cycle", lang) if next_cycle else "")
