"""The words of the explanation of an infeasible instance (`bemanna.explain.infeasible`): the
conflicts, one sentence per rule, the employee's facts and the repair options, per language:
key -> (Swedish, English); rendered by `bemanna.labels.phrases.render`. Durations are `:dur`
fields ('10 tim 30 min' / '10 h 30 min'); rule ids and YAML paths stay as they are written
in the instance.
"""

from __future__ import annotations

EXPLAIN_WORDS: dict[str, tuple[str, str]] = {
    # --- the frame (Explanation.lines) ---
    "explain.none": ("Ingen konflikt mellan de hårda reglerna hittades inom tidsbudgeten.",
                     "No conflict between the hard rules was found within the time budget."),
    "explain.conflict": ("Konflikt {n}: reglerna för {employee} kan inte alla hållas "
                         "samtidigt{proven}:",
                         "Conflict {n}: {employee}'s rules cannot all hold together{proven}:"),
    "explain.maybe_not_minimal": (" (kanske inte minimal)", " (may not be minimal)"),
    "explain.repairs": ("Sätt att lösa upp konflikten, minsta lättnad först (prissatt med "
                        "varje regels weight_sek):",
                        "Repair options, smallest relaxation first (priced at each rule's "
                        "weight_sek):"),
    "explain.not_alone": (" [räcker inte ensam]", " [not enough alone]"),
    "explain.more": ("  … och {more} till (--explain skriver alla till explanation.json)",
                     "  … and {more} more (--explain writes them all to explanation.json)"),
    "explain.written": ("Förklaringen skriven till {path}", "Explanation written to {path}"),
    # --- pieces of the conflict sentences (explain/wording.py) ---
    "explain.in_week": (" i vecka {week} ({first} – {last}, v. {iso})",
                        " in week {week} ({first} – {last}, v. {iso})"),
    "explain.group": ("{name}: {employee}{when}", "{name}: {employee}{when}"),
    "explain.pinned_off": ("{name}: {employee} är låst ledig den {date}",
                           "{name}: {employee} is pinned off on {date}"),
    "explain.pinned_to": ("{name}: {employee} är låst till {shift} den {date}",
                          "{name}: {employee} is pinned to {shift} on {date}"),
    "explain.facts": ("{employee}: {rate} av {full:dur}/vecka; får arbeta {shifts}",
                      "{employee}: {rate} of {full:dur}/week; may work {shifts}"),
    "explain.fact_shift": ("{shift} ({paid:dur} betalt)", "{shift} ({paid:dur} paid)"),
    "explain.fact_absent": ("; frånvarande {spans}", "; absent {spans}"),
    "explain.fact_pinned": ("; låst {pins}", "; pinned {pins}"),
    "explain.pin_off": ("ledig den {date}", "off on {date}"),
    "explain.pin_pass": ("{shift} den {date}", "{shift} on {date}"),
    # --- one conflict sentence per rule (explain/sentences.py) ---
    "explain.daily_rest": ("{name}: minst {minimum:dur} vila efter varje pass{reduced}, för "
                           "passen som {employee} har{when}",
                           "{name}: at least {minimum:dur} rest after each pass{reduced}, for "
                           "{employee}'s passes{when}"),
    "explain.daily_rest_reduced": (" (ned till {reduced:dur} om nästa vila tar igen det)",
                                   " (down to {reduced:dur} if the next rest makes up for it)"),
    "explain.weekly_rest": ("{name}: {employee} behöver {needed:dur} sammanhängande vila{when}",
                            "{name}: {employee} needs {needed:dur} continuous rest{when}"),
    "explain.daily_rest_24h": ("{name}: {employee} behöver {minimum:dur} vila under varje "
                               "dygn från dygnsbrytet {dygnsbryt}, dagar{when}",
                               "{name}: {employee} needs {minimum:dur} rest in each 24 hours "
                               "from dygnsbryt {dygnsbryt}, days{when}"),
    "explain.contract_basis": ("{rate} av {full:dur}/vecka", "{rate} of {full:dur}/week"),
    "explain.contract_absent": (", minus {n} vardagar med frånvaro",
                                ", less {n} absent weekdays"),
    "explain.contract_absent_one": (", minus 1 vardag med frånvaro",
                                    ", less 1 absent weekday"),
    "explain.at_most": ("högst {minutes:dur}", "at most {minutes:dur}"),
    "explain.at_least": ("minst {minutes:dur}", "at least {minutes:dur}"),
    "explain.contract_hours": ("{name}: {employee} måste schemaläggas {bound} betald tid "
                               "{first} – {last}: avtal {target:dur} ({basis}) {sign} "
                               "{tolerance:dur} tolerans",
                               "{name}: {employee} must be scheduled {bound} paid in {first} – "
                               "{last}: contract {target:dur} ({basis}) {sign} {tolerance:dur} "
                               "tolerance"),
    "explain.max_split_shifts": ("{name}: {employee} arbetar högst {count} under schemat",
                                 "{name}: {employee} works at most {count} over the schedule"),
    "explain.max_consecutive_days": ("{name}: {employee} arbetar högst {limit} dagar i rad "
                                     "(perioder{when})",
                                     "{name}: {employee} works at most {limit} days in a row "
                                     "(runs{when})"),
    "explain.min_consecutive_days": ("{name}: perioderna av arbetsdagar för {employee} varar "
                                     "minst {limit} dagar{when}",
                                     "{name}: {employee}'s runs of working days last at least "
                                     "{limit} days{when}"),
    "explain.min_consecutive_days_off": ("{name}: perioderna av lediga dagar för {employee} "
                                         "varar minst {limit} dagar{when}",
                                         "{name}: {employee}'s runs of days off last at least "
                                         "{limit} days{when}"),
    "explain.max_weekends": ("{name}: {employee} arbetar högst {count}",
                             "{name}: {employee} works at most {count}"),
    "explain.max_shift_passes": ("{name}: {employee} arbetar högst {count} {shift}",
                                 "{name}: {employee} works at most {count} of {shift}"),
    "explain.succession": ("{first} följt av {then}", "{first} then {then}"),
    "explain.forbidden_successions": ("{name}: {employee} får inte arbeta {pairs} dagen "
                                      "därpå{when}",
                                      "{name}: {employee} may not work {pairs} on the next "
                                      "day{when}"),
    "explain.total_minutes": ("{name}: {employee} arbetar {bound} betald tid under schemat",
                              "{name}: {employee} works {bound} paid over the schedule"),
    "explain.average_weekly_hours": ("{name}: {employee} arbetar i genomsnitt högst "
                                     "{limit:dur} i veckan, {total:dur} under {weeks}",
                                     "{name}: {employee} works at most {limit:dur} a week on "
                                     "average, {total:dur} over {weeks}"),
    "explain.pass_span_why": ("dess längd {span:dur} är över {maximum:dur}",
                              "its span {span:dur} is over {maximum:dur}"),
    "explain.breaks_why": ("en del arbetar mer än {work:dur} utan {rest:dur} rast",
                           "a part works more than {work:dur} without a {rest:dur} break"),
    "explain.shape": ("{name}: {employee} får inte arbeta {shift}: {why}",
                      "{name}: {employee} may not work {shift}: {why}"),
    # --- repair options (explain/repairs.py, explain/changes.py) ---
    "explain.relax_alone": ("lätta på {rule} för {employee}: räcker inte ensamt (en annan "
                            "konflikt finns kvar)",
                            "relax {rule} for {employee}: not enough on its own (another "
                            "conflict remains)"),
    "explain.or_soft": (" — eller gör {rule} mjuk ({weight} kr per {per})",
                        " — or turn {rule} soft ({weight} SEK per {per})"),
    "explain.per_hour": ("timme", "hour"),
    "explain.per_breach": ("brott", "breach"),
    "explain.remove_pin": ("ta bort låsningen av {employee} den {date} ({what})",
                           "remove the pin of {employee} on {date} ({what})"),
    "explain.pin_day_off": ("ledig dag", "day off"),
    "explain.pin_shift": ("pass {shift}", "pass {shift}"),
    "explain.breaches": ("{units} brott mot {rule} ({name})",
                         "{units} breaches of {rule} ({name})"),
    "explain.accept": ("godta {noun} för {employee}{first}",
                       "accept {noun} for {employee}{first}"),
    "explain.allow_shape": ("tillåt {count} {shifts} för {employee}",
                            "allow {count} of {shifts} for {employee}"),
    "explain.widest": (" (pass_span.max_minutes: {widest})", " (pass_span.max_minutes: {widest})"),
    "explain.allow_split": ("tillåt {count} till för {employee} "
                            "(max_split_shifts.per_employee.{employee}: {limit})",
                            "allow {count} more for {employee} "
                            "(max_split_shifts.per_employee.{employee}: {limit})"),
    "explain.allow_weekends": ("tillåt {count} till för {employee} "
                               "(max_weekends.per_employee.{employee}: {limit})",
                               "allow {count} more for {employee} "
                               "(max_weekends.per_employee.{employee}: {limit})"),
    "explain.lower_contract": ("sänk avtalet för {employee} med {by:dur} till högst "
                               "{most:dur} {first} – {last} (sysselsättningsgrad {rate} → "
                               "{new_rate}), eller vidga toleransen till {tolerance:dur}",
                               "lower {employee}'s contract by {by:dur} to at most {most:dur} "
                               "in {first} – {last} (employment rate {rate} → {new_rate}), or "
                               "widen the tolerance to {tolerance:dur}"),
    "explain.raise_contract": ("höj avtalet för {employee} med {by:dur} {first} – {last}, "
                               "eller vidga toleransen till {tolerance:dur}",
                               "raise {employee}'s contract by {by:dur} in {first} – {last}, or "
                               "widen the tolerance to {tolerance:dur}"),
    "explain.change_contract": ("ändra avtalet för {employee}", "change {employee}'s contract"),
    "explain.allow_average": ("tillåt {more:dur} till för {employee} under schemat "
                              "(average_weekly_hours.max_minutes_per_week: {needed}, över "
                              "ATL:s 48 tim bara genom lokalt avtal)",
                              "allow {more:dur} more for {employee} over the schedule "
                              "(average_weekly_hours.max_minutes_per_week: {needed}, above the "
                              "ATL 48 h only by local agreement)"),
    "explain.lower_minimum": ("sänk minimum för {employee} med {by:dur} "
                              "(total_minutes.per_employee.{employee}.min: {paid})",
                              "lower {employee}'s minimum by {by:dur} "
                              "(total_minutes.per_employee.{employee}.min: {paid})"),
    "explain.raise_maximum": ("höj maximum för {employee} med {by:dur} "
                              "(total_minutes.per_employee.{employee}.max: {paid})",
                              "raise {employee}'s maximum by {by:dur} "
                              "(total_minutes.per_employee.{employee}.max: {paid})"),
    "explain.change_total": ("ändra total_minutes för {employee}",
                             "change {employee}'s total_minutes"),
    "explain.allow_shift_passes": ("tillåt {count} {shift} till för {employee} (gräns "
                                   "{limit} → {needed})",
                                   "allow {count} more of {shift} for {employee} (limit "
                                   "{limit} → {needed})"),
    "explain.change_shift_limits": ("ändra passgränserna för {employee}",
                                    "change the shift limits of {employee}"),
    "explain.allow_consecutive": ("tillåt {longest} arbetsdagar i rad för {employee} "
                                  "(max_consecutive_days.per_employee.{employee}: {longest}; "
                                  "nu {now})",
                                  "allow {longest} working days in a row for {employee} "
                                  "(max_consecutive_days.per_employee.{employee}: {longest}; "
                                  "now {now})"),
    "explain.allow_short_runs": ("tillåt perioder om {count} för {employee} "
                                 "({rule}.per_employee.{employee}: {shortest}; nu {now})",
                                 "allow runs of {count} for {employee} "
                                 "({rule}.per_employee.{employee}: {shortest}; now {now})"),
}

COMMAND_WORDS: dict[str, tuple[str, str]] = {
    # --- compare's progress (cli/compare.py) ---
    "compare.start": ("Jämför {rosters} scheman för {instance}: gräns {limit} s, {workers}, "
                      "frö {seed}, strategi {strategy} för varje",
                      "Comparing {rosters} rosters of {instance}: limit {limit} s, {workers}, "
                      "seed {seed}, strategy {strategy} each"),
    "compare.solving": ("  löser {name} ...", "  solving {name} ..."),
    "compare.solving_from": ("  löser {name}: {start} ...", "  solving {name}: {start} ..."),
    "compare.simulating": ("  simulerar sjukfrånvaro: {runs}, frö {seed}",
                           "  simulating sick leave: {runs}, seed {seed}"),
    "compare.written": ("Skrivet: {xlsx}, {html} och schemana under {out}/",
                        "Written {xlsx}, {html} and the rosters under {out}/"),
    # --- refusals and errors around a solve (presolve/size.py, cli/report.py, ...) ---
    "size.memory": ("(storlek): lösningen behöver {estimate}, över gränsen {limit} MB "
                    "(--max-memory eller {env}); färre medarbetare, veckor, passtyper eller "
                    "arbetstrådar gör den mindre",
                    "(size): solving needs {estimate}, over the limit of {limit} MB "
                    "(--max-memory or {env}); fewer employees, weeks, shift types or workers "
                    "make it smaller"),
    "report.cannot_price": ("kan inte prissätta schemat ({source}): schemat skrevs, "
                            "kostnadstabellen och rapporterna skrevs inte",
                            "cannot price the roster ({source}): the roster was written, the "
                            "cost table and reports were not"),
    "report.cannot_simulate": ("kan inte simulera frånvaro ({source}): schemat skrevs, "
                               "rapporterna skrevs inte",
                               "cannot simulate absences ({source}): the roster was written, "
                               "the reports were not"),
    "report.cannot_write": ("kan inte skriva rapporterna till {folder}: {reason}",
                            "cannot write the reports to {folder}: {reason}"),
    "report.out_cannot_write": ("--out: kan inte skriva till {folder}: {reason}",
                                "--out: cannot write to {folder}: {reason}"),
    "report.breaks_hard": ("schemat bryter {count} hårda regler",
                           "the roster breaks {count} hard rules"),
    "report.breaks_where": (" (listade i rapporten; `bemanna check` skriver ut dem)",
                            " (listed in the report; `bemanna check` prints them)"),
    "explain.no_employee": ("--employee: ingen medarbetare {employee} i {instance} "
                            "(t.ex. {known})",
                            "--employee: no employee {employee} in {instance} (e.g. {known})"),
    "moved": ("{problem}; {what} till {folder} i stället",
              "{problem}; {what} written to {folder} instead"),
    "moved.roster": ("schemat skrevs", "the roster was"),
    "moved.reports": ("rapporterna skrevs", "the reports were"),
    "moved.compare": ("compare.xlsx och compare.html skrevs",
                      "compare.xlsx and compare.html were"),
    "moved.summary": ("sammanställningen skrevs", "the summary was"),
    "moved.instance": ("instansen skrevs", "the instance was"),
    "moved.instances": ("instanserna skrevs", "the instances were"),
    "moved.template": ("mallen skrevs", "the template was"),
    "batch.workers_deprecated": ("--workers är föråldrad (den togs lätt för CP-SAT:s "
                                 "arbetstrådar): använd --jobs för lokala processer, "
                                 "--solver-workers för CP-SAT",
                                 "--workers is deprecated (it was easily taken for CP-SAT "
                                 "workers): use --jobs for local processes, --solver-workers "
                                 "for CP-SAT"),
    "batch.jobs_disagree": ("--jobs {jobs} och --workers {workers} säger emot varandra: ge "
                            "bara --jobs",
                            "--jobs {jobs} and --workers {workers} disagree: give --jobs only"),
    "batch.dask_both": ("ge --dask-scheduler eller --dask-local, inte båda",
                        "give --dask-scheduler or --dask-local, not both"),
}
"""The rest of the terminal's lines that were English only: compare's progress, the memory
refusal, the report errors, the fallback folder and batch's deprecated option."""
