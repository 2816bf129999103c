"""The independent checker's sentences, per language: key -> (Swedish, English).

Each violation carries one of these keys and its raw fields (`bemanna.checker.Violation`);
`bemanna.labels.phrases.render` fills them in (format specs: `:dur` minutes, dates as short
dates, `Counted` with its noun from `NOUNS`, nested phrases).
"""

from __future__ import annotations

NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "working_day": (("arbetsdag", "arbetsdagar"), ("working day", "working days")),
    "day_off": (("ledig dag", "lediga dagar"), ("day off", "days off")),
    "day": (("dag", "dagar"), ("day", "days")),
    "week": (("vecka", "veckor"), ("week", "weeks")),
    "weekend": (("helg", "helger"), ("weekend", "weekends")),
    "pass": (("pass", "pass"), ("pass", "passes")),
    "split_pass": (("delat pass", "delade pass"), ("split pass", "split passes")),
    "summary": (("sammanställning", "sammanställningar"), ("summary", "summaries")),
    "employee": (("medarbetare", "medarbetare"), ("employee", "employees")),
    "hour": (("timme", "timmar"), ("hour", "hours")),
    "date": (("datum", "datum"), ("date", "dates")),
    "shift_type": (("passtyp", "passtyper"), ("shift type", "shift types")),
    "worker": (("arbetstråd", "arbetstrådar"), ("worker", "workers")),
    "error": (("fel", "fel"), ("error", "errors")),
    "violation": (("regelbrott", "regelbrott"), ("violation", "violations")),
    "run": (("körning", "körningar"), ("run", "runs")),
    "unit": (("enhet", "enheter"), ("unit", "units")),
    "job": (("jobb", "jobb"), ("job", "jobs")),
    "cpsat_worker": (("CP-SAT-arbetstråd", "CP-SAT-arbetstrådar"),
                     ("CP-SAT worker", "CP-SAT workers")),
    "care_home": (("äldreboende", "äldreboenden"), ("care home", "care homes")),
    "lss_home": (("LSS-gruppbostad", "LSS-gruppbostäder"), ("LSS group home", "LSS group homes")),
    "nurse_group": (("sjuksköterskegrupp", "sjuksköterskegrupper"),
                    ("nurse group", "nurse groups")),
}
"""Nouns that follow a count: (Swedish singular, plural), (English singular, plural)."""

CHECKER_WORDS: dict[str, tuple[str, str]] = {
    # --- `bemanna check` (cli/check.py) ---
    "check.cost": ("  kostnad {term}: {money}", "  cost {term}: {money}"),
    "check.total": ("totalt {money}; {count}", "total {money}; {count}"),
    "check.objective_differs": (
        "schemats målvärde {objective} skiljer sig från kontrollens totala {total}",
        "the roster's objective {objective} differs from the checker's total {total}"),
    "check.note": ("obs", "note"),
    # --- pieces shared by several sentences ---
    "checker.ending": ("pass {shift} som slutar {at}", "pass {shift} ending {at}"),
    "checker.starting": ("pass {shift} som börjar {at}{turn}", "pass {shift} starting {at}{turn}"),
    "checker.next_turn": (" i schemats nästa varv", " in the next turn of the cycle"),
    "checker.across_turn": (" (över schemats varv)", " (across the turn of the cycle)"),
    "checker.where": ("{emp}: pass {shift} den {date}", "{emp}: pass {shift} on {date}"),
    "checker.none": ("(inga)", "(none)"),
    "checker.run.one": ("{count}, {first}", "{count}, {first}"),
    "checker.run.many": ("{count} i rad, {first} – {last}{turn}",
                         "{count} in a row, {first} – {last}{turn}"),
    # --- day patterns (checker/days.py) ---
    "checker.max_split_shifts": (
        "{emp}: {count} (högst {limit}); det första över gränsen är pass {shift} den {date}",
        "{emp}: {count} (maximum {limit}); the first above the maximum is pass {shift} on "
        "{date}"),
    "checker.max_consecutive_days": ("{emp}: {run} (högst {limit})",
                                     "{emp}: {run} (maximum {limit})"),
    "checker.short_run": ("{emp}: bara {run} (minst {limit})",
                          "{emp}: only {run} (minimum {limit})"),
    "checker.max_weekends": ("{emp}: arbetar {count} (högst {limit}): lördagarna {saturdays}",
                             "{emp}: works {count} (maximum {limit}): Saturdays {saturdays}"),
    "checker.max_shift_passes": ("{emp}: {count} av passtypen {shift} (högst {limit})",
                                 "{emp}: {count} of {shift} (maximum {limit})"),
    "checker.forbidden_successions": (
        "{emp}: pass {first} den {first_date} följt av pass {then} den {then_date}{turn}, "
        "en förbjuden följd",
        "{emp}: pass {first} on {first_date} followed by pass {then} on {then_date}{turn}, "
        "a forbidden succession"),
    # --- hours (checker/hours.py) ---
    "checker.contract_hours": (
        "{emp}: {paid:dur} betald tid {first} – {last}, avtal {target:dur} ± "
        "{tolerance:dur}: {off:dur} utanför",
        "{emp}: {paid:dur} paid in {first} – {last}, contract {target:dur} ± "
        "{tolerance:dur}: {off:dur} outside"),
    "checker.total_minutes": (
        "{emp}: {paid:dur} betald tid under perioden, tillåtet {low:dur} – {high:dur}: "
        "{off:dur} utanför",
        "{emp}: {paid:dur} paid over the horizon, allowed {low:dur} – {high:dur}: "
        "{off:dur} outside"),
    "checker.average_weekly_hours": (
        "{emp}: {paid:dur} betald tid på {weeks}, mer än {per_week:dur} i veckan i genomsnitt "
        "tillåter ({limit:dur}): {above:dur} över",
        "{emp}: {paid:dur} paid over {weeks}, more than {per_week:dur} a week on average "
        "allows ({limit:dur}): {above:dur} above"),
    # --- rest (checker/rest.py) ---
    "checker.daily_rest": ("{emp}: {rest:dur} vila mellan {previous} och {next} {reason}",
                           "{emp}: {rest:dur} rest between {previous} and {next} {reason}"),
    "checker.rest.minimum": ("(minst {floor:dur}{reduced})", "(minimum {floor:dur}{reduced})"),
    "checker.rest.even_reduced": (" även som förkortad vila", " even as a reduced rest"),
    "checker.rest.make_up": (
        "(den ska ta igen den förkortade vilan på {rest:dur} före: minst {needed:dur})",
        "(it must make up for the reduced {rest:dur} rest before it: minimum {needed:dur})"),
    "checker.weekly_rest": (
        "{emp}: längsta vilan i veckan {first} – {last} är {longest:dur} (minst {needed:dur})",
        "{emp}: longest rest in the week {first} – {last} is {longest:dur} "
        "(minimum {needed:dur})"),
    "checker.daily_rest_24h": (
        "{emp}: längsta vilan under dygnet från {start} är {longest:dur} (minst {minimum:dur})",
        "{emp}: longest rest in the 24 h from {start} is {longest:dur} (minimum {minimum:dur})"),
    # --- the shape of a pass (checker/shape.py) ---
    "checker.pass_span": (
        "{emp}: pass {shift} den {date} sträcker sig över {span:dur} (högst {limit:dur})",
        "{emp}: pass {shift} on {date} spans {span:dur} (maximum {limit:dur})"),
    "checker.breaks": (
        "{emp}: pass {shift} den {date} har en del på {length:dur} med {brk:dur} rast (högst "
        "{max_work:dur} arbete utan en rast på minst {min_break:dur})",
        "{emp}: pass {shift} on {date} has a part of {length:dur} with a break of {brk:dur} "
        "(at most {max_work:dur} of work without a break of >= {min_break:dur})"),
    # --- wishes (checker/wishes.py) ---
    "checker.wish": ("{emp}: önskade {what} den {date}", "{emp}: wished for {what} on {date}"),
    "checker.wish.day_off": ("en ledig dag", "a day off"),
    "checker.wish.shift_on": ("pass {shift}", "pass {shift}"),
    "checker.wish.shift_off": ("inte pass {shift}", "no pass {shift}"),
    # --- a repair (checker/repair.py) ---
    "checker.frozen_past": (
        "{emp}: pass {shift} som börjar {start} börjar före {now} och är inte det gamla "
        "schemats pass",
        "{emp}: pass {shift} starting {start} starts before {now} and is not the old "
        "roster's pass"),
    # --- RÖHS grants (checker/rohs.py) ---
    "checker.rohs.rate": (
        "{emp}: sysselsättningsgraden {rate} % är inte en som RÖHS-policyn '{policy}' tillåter "
        "({allowed} %)",
        "{emp}: employment rate {rate} % is not one the RÖHS policy '{policy}' allows "
        "({allowed} %)"),
    "checker.rohs.share": (
        "RÖHS: {points} av {asked} begärda procentenheter beviljade, under min_share {share}",
        "RÖHS: {points} of {asked} requested percentage points granted, below min_share "
        "{share}"),
    # --- structure (checker/structure.py) ---
    "checker.horizon": (
        "schemats period (start {r_start}, {r_days}, cykliskt {r_cyclic}) är inte instansens "
        "(start {i_start}, {i_days}, cykliskt {i_cyclic})",
        "the roster's horizon (start {r_start}, {r_days}, cyclic {r_cyclic}) is not the "
        "instance's (start {i_start}, {i_days}, cyclic {i_cyclic})"),
    "checker.horizon.outside": ("{where} börjar utanför perioden {first} – {last}",
                                "{where} starts outside the horizon {first} – {last}"),
    "checker.unknown_employee": ("{where}: {emp} är ingen medarbetare i instansen",
                                 "{where}: {emp} is not an employee of the instance"),
    "checker.unknown_summary": (
        "{emp}: sammanställning för någon som inte är medarbetare i instansen",
        "{emp}: summary for someone who is not an employee of the instance"),
    "checker.unknown_shift": ("{where}: {shift} är ingen passtyp i instansen",
                              "{where}: {shift} is not a shift type of the instance"),
    "checker.shift_kind": ("{where}: slaget '{kind}' är varken ordinary eller resurs",
                           "{where}: kind '{kind}' is neither ordinary nor resurs"),
    "checker.shift_parts": ("{where} har delarna {stated}, men pass {shift} är {defined} den "
                            "{date}",
                            "{where} has parts {stated}, but shift {shift} is {defined} on "
                            "{date}"),
    "checker.shift_paid": ("{where} anger {stated} betalda minuter, men pass {shift} ger {paid} "
                           "({paid:dur})",
                           "{where} states {stated} paid minutes, but shift {shift} pays {paid} "
                           "({paid:dur})"),
    "checker.one_pass_per_day": ("{emp}: {count} börjar den {date} ({shifts})",
                                 "{emp}: {count} start on {date} ({shifts})"),
    "checker.no_overlap": ("{emp}: {next} före {previous}", "{emp}: {next} before {previous}"),
    "checker.skill": ("{emp}: pass {shift} den {date} i kompetensen '{skill}', men {lacking}",
                      "{emp}: pass {shift} on {date} in skill '{skill}', but {lacking}"),
    "checker.skill.employee": ("medarbetaren {emp} saknar den", "employee {emp} lacks it"),
    "checker.skill.shift": ("passet {shift} saknar den", "shift {shift} lacks it"),
    "checker.skill.both": ("medarbetaren {emp} och passet {shift} saknar den",
                           "employee {emp} lacks it and shift {shift} lacks it"),
    "checker.allowed_shifts": (
        "{emp}: pass {shift} den {date} är inte bland de pass medarbetaren får arbeta "
        "({allowed})",
        "{emp}: pass {shift} on {date} is not among the shifts they may work ({allowed})"),
    "checker.weekdays": ("{emp}: pass {shift} den {date}, men pass {shift} finns inte en "
                         "{date:weekday}",
                         "{emp}: pass {shift} on {date}, but shift {shift} does not exist on "
                         "{date:weekday}"),
    "checker.unavailability": (
        "{emp}: pass {shift} den {date}, men medarbetaren är frånvarande {start} – "
        "{end}{reason}",
        "{emp}: pass {shift} on {date}, but they are unavailable {start} – {end}{reason}"),
    "checker.pinned": ("{emp}: låst till {want} den {date}, schemat har {have}",
                       "{emp}: pinned to {want} on {date}, roster has {have}"),
    "checker.pin.pass": ("pass {shift}{role}", "pass {shift}{role}"),
    "checker.pin.none": ("inget pass", "no pass"),
    "checker.pin.role": (" som {role}", " as {role}"),
    "checker.pin.as": ("{shift} som {role}", "{shift} as {role}"),
    "checker.resurs_allowed": (
        "{emp}: resurspass {shift} den {date}, men instansen tillåter inga resurspass",
        "{emp}: resurspass {shift} on {date}, but this instance allows no resurspass"),
    "checker.summary_count": ("{emp}: {count} för medarbetaren i schemat (väntat en)",
                              "{emp}: {count} in the roster (expected one)"),
    "checker.summary_field": ("{emp}: sammanställningen anger {what} {stated}, schemat ger "
                              "{actual}",
                              "{emp}: summary states {what} {stated}, the roster gives {actual}"),
}
