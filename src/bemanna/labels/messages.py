"""Sentences for people, per language: key -> (Swedish, English) format strings.

Kept apart from the id tables (`tables.py`): these are whole lines the verdict, the terminal
and explain print, with `{named}` fields filled in by `bemanna.labels.say`.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the verdict after a solve (bemanna.pricing.verdict) ---
    "verdict": ("Bedömning", "Verdict"),
    "verdict.figures": (
        "{uncovered} tim behov ej täckt, {stranded} årsarbetare outnyttjad resurstid "
        "({stranded_hours} tim), {cost}",
        "{uncovered} h of need uncovered, {stranded} FTE of resurstid stranded "
        "({stranded_hours} h), {cost}"),
    "verdict.forecast": ("prognos {cost}", "forecast {cost}"),
    "verdict.unpriced": ("ingen kostnadsmodell: målvärde {objective} i målfunktionens enheter",
                         "no cost model: objective {objective} in its own units"),
    "verdict.bound": ("gräns {bound}, högst {gap} kvar att vinna",
                      "bound {bound}, at most {gap} left to gain"),
    "verdict.no_bound": ("ingen användbar gräns", "no useful bound"),
    "verdict.timing": ("senaste förbättring vid {last} s av {wall} s",
                       "last improvement at {last} s of {wall} s"),
    "verdict.first_late": ("första schemat först vid {first} s av {wall} s",
                           "first roster only at {first} s of {wall} s"),
    "advice.optimal": ("Optimalt (bevisat): mer tid ändrar inget.",
                       "Optimal (proved): more time changes nothing."),
    "advice.near_optimal": ("Nära optimum: mer tid ger högst {gap}.",
                            "Near the optimum: more time gains at most {gap}."),
    "advice.more_time": ("Mer tid hjälper troligen: kör {seconds} s{command}.",
                         "More time is likely to help: run {seconds} s{command}."),
    "advice.stalled": (
        "Ingen förbättring de senaste {quiet} s: mer tid hjälper troligen lite.",
        "No improvement in the last {quiet} s: more time is unlikely to help much."),
    "advice.stopped": ("Avbruten efter {wall} s: kör hela tiden ({seconds} s){command}.",
                       "Stopped after {wall} s: run the full time ({seconds} s){command}."),
    "advice.unknown": ("", ""),
    # --- the terminal during a solve ---
    "solving": ("Löser {name}: {employees}, {days}, tidsgräns {limit} s, {workers}, frö {seed}",
                "Solving {name}: {employees}, {days}, limit {limit} s, {workers}, seed {seed}"),
    "interrupted": ("avbruten: behåller det bästa schemat hittills",
                    "interrupted: keeping the best roster found so far"),
    # --- the terminal after a solve ---
    "check.ok": ("kontroll: alla hårda regler hålls (oberoende kontroll)",
                 "check: every hard rule holds (independent checker)"),
    "check.broken": ("kontroll: {count} regelbrott", "check: {count}"),
    "search": ("sökning: {status}, målvärde {objective}, {bound}",
               "search: {status}, objective {objective}, {bound}"),
    "bound": ("gräns {bound}", "bound {bound}"),
    "details.hint": ("(tabellerna per medarbetare, tid på dygnet och post: --details)",
                     "(the tables per employee, time of day and term: --details)"),
    "roster.written": ("Schemat skrivet till {json} och {csv}",
                       "Roster written to {json} and {csv}"),
    "reports.written": ("Rapporter skrivna till {xlsx} och {html}",
                        "Reports written to {xlsx} and {html}"),
    "table.employees": ("Medarbetare: avtal mot schemalagt (timmar)",
                        "Employees: contract vs scheduled (hours)"),
    "table.uncovered": ("Ej täckt behov (timmar över perioden)",
                        "Uncovered need (hours over the period)"),
    "table.terms": ("Målfunktionen per post (kr)", "Objective by term (SEK)"),
    "table.costs": ("Kostnad mot budget, {weeks} veckor (kr; avvikelse = budget − prognos)",
                    "Costs vs budget, {weeks} weeks (SEK; deviation = budget − forecast)"),
    "table.annual": ("Per år (× 52 / {weeks}, kr)", "Annualised (× 52 / {weeks}, SEK)"),
    "table.key_figures": ("Nyckeltal", "Key figures"),
    "resurstid.note": (
        "resurstid: {bookable} tim bokningsbar (resurspass), {stranded} tim outnyttjad "
        "(överskott i pass, ligger i täckningen och kan inte knytas till en person)",
        "resurstid: {bookable} h bookable (resurspass), {stranded} h stranded (excess in "
        "passes: it lies in the coverage and belongs to no one person)"),
    "costs.unpriced": (
        "Ingen kostnadsmodell: instansen saknar cost_model och den inbyggda saknar det den "
        "behöver ({missing}); kostnaderna är målfunktionens egna enheter (målfunktionen per "
        "post, --details).",
        "No cost model: the instance has no cost_model and the built-in one lacks what it "
        "needs ({missing}); costs are the objective's own units (objective by term, "
        "--details)."),
    # --- compare ---
    "compare.title": ("{instance}: scenarier mot {base}, per år (× 52 / veckor)",
                      "{instance}: scenarios against {base}, annualised (× 52 / weeks)"),
    "compare.heading": ("Scenarier för {instance}", "Scenarios for {instance}"),
    "compare.note": (
        "Instans {path}, {weeks} veckor; varje schema löst med samma parametrar ({params}) och "
        "kontrollerat av den oberoende kontrollen. Nyckeltalen är per år (× 52 / veckor); "
        "pengar i kronor per år. En skillnad är scenariot minus basen. Scenarierna startar "
        "{start}; körningarna nedan säger hur var och en startade.",
        "Instance {path}, {weeks} weeks; every roster solved with the same parameters "
        "({params}) and checked by the independent checker. Figures are annualised "
        "(× 52 / weeks); money in kronor per year. A delta is the scenario minus the base. "
        "The scenarios start {start}; the runs below say how each one started."),
    "compare.paired": (
        "Basen löstes först en gång; det schemat är startpunkten för scenarierna och för "
        "basen, som sedan fortsatte lika länge från det. Så jämför varje skillnad lika lång "
        "sökning från samma schema: skillnaden är scenariots, inte den längre sökningens.",
        "The base was solved once; that roster is the common start of the scenarios and of "
        "the base, which then went on from it for as long. So every delta compares equal "
        "search from the same roster: it is the scenario's, not the longer search's."),
    "compare.runs": ("Körningar", "Runs"),
    "compare.run_columns": ("scenario|beskrivning|status|start|schema",
                            "scenario|description|status|start|roster"),
    "compare.chart_money": ("Kostnad per år (kronor), skillnad mot basen",
                            "Cost per year (kronor), delta against the base"),
    "compare.chart_fte": ("Årsarbetare, skillnad mot basen", "FTE, delta against the base"),
    "compare.chart_hours": ("Timmar per år, skillnad mot basen",
                            "Hours per year, delta against the base"),
    "compare.no_result": ("inget resultat", "no result"),
    # --- a search without a roster (bemanna solve) ---
    "none.stopped": ("Avbruten efter {seconds} s innan något schema hittades.",
                     "Stopped after {seconds} s before a roster was found."),
    "none.timeout": ("Inget schema hittat inom {limit} s ({status}): det är inte bevisat "
                     "omöjligt; prova en längre --time-limit.",
                     "No roster found within {limit} s ({status}): not proved impossible; "
                     "try a longer --time-limit."),
    "none.infeasible": ("OMÖJLIGT (bevisat): de hårda reglerna kan inte alla hållas.",
                        "INFEASIBLE (proved): the hard rules cannot all hold."),
}
