"""The words of report.html and report.xlsx, per language: key -> (Swedish, English).

Headings, column heads, notes and tooltips of the two reports (`bemanna.report`), with
`{named}` fields as in MESSAGES; `bemanna.labels.say` finds them beside the terminal's lines.
Ids (budget lines, key figures, bands, shift kinds) take their words from `tables.py`. Column
heads of one table are one entry, joined by '|'.
"""

from __future__ import annotations

SHEET_NAMES: dict[str, tuple[str, str]] = {
    "roster": ("Schema", "Roster"),
    "coverage": ("Bemanning", "Coverage"),
    "costs": ("Kostnader", "Costs"),
    "kpis": ("Nyckeltal", "Key figures"),
    "hours": ("Timmar per anställd", "Hours per employee"),
    "resurstid": ("Resurstid", "Resurstid"),
    "rohs": ("RÖHS", "RÖHS"),
}
"""report.xlsx's sheets in order (docs/reports.md)."""

RUN_STATUS: dict[str, tuple[str, str]] = {
    "done": ("klar", "done"),
    "failed": ("misslyckad", "failed"),
    "interrupted": ("avbruten", "interrupted"),
}
"""A compared scenario's run (`bemanna.batch.job.Status`), in compare.xlsx's runs sheet."""

REPORT_WORDS: dict[str, tuple[str, str]] = {
    # --- the page's frame ---
    "report.title": ("Schemarapport {name}", "Roster report {name}"),
    "report.heading": ("Schemarapport: {name}", "Roster report: {name}"),
    "report.cyclic": (" (rullande grundschema)", " (cyclic base roster)"),
    "report.meta": ("{start} – {end}, {weeks}{cyclic}, {employees} anställda · lösning: "
                    "{status} · kontroll: {verdict}",
                    "{start} – {end}, {weeks}{cyclic}, {employees} employees · solution: "
                    "{status} · check: {verdict}"),
    "report.all_rules_hold": ("alla regler hålls", "every rule holds"),
    "report.violations": ("{count} regelbrott", "rule violations: {count}"),
    "report.nav": ("Nyckeltal|Kostnader|Bemanning|Resurstid|RÖHS|Schema|Timmar|Regelkontroll",
                   "Key figures|Costs|Coverage|Resurstid|RÖHS|Roster|Hours|Rule check"),
    "report.key_figures": ("Nyckeltal", "Key figures"),
    # --- key figure tiles ---
    "report.forecast": ("Prognos, {weeks}", "Forecast, {weeks}"),
    "report.annual_forecast": ("Prognos helår", "Forecast, full year"),
    "report.deviation": ("Avvikelse mot budget", "Deviation from budget"),
    "report.absence_cover": ("Förväntad täckning av frånvaro (resurspass)",
                             "Expected absence cover (resurspass)"),
    "report.per_period": ("per period ({weeks})", "per period ({weeks})"),
    "report.interval": ("90 %-intervall {low} – {high}", "90 % interval {low} – {high}"),
    "report.not_simulated": ("ej simulerad", "not simulated"),
    "report.no_resurspass": ("inga resurspass i schemat", "no resurspass in the roster"),
    "report.seed": ("frö {seed}", "seed {seed}"),
    "report.given_absences": ("given frånvaro", "given absences"),
    "report.simulation_none": (
        "Frånvaron är ej simulerad: {command} simulerar sjukfrånvaro över schemat "
        "(docs/resurstid.md).",
        "Absences are not simulated: {command} simulates sick leave over the roster "
        "(docs/resurstid.md)."),
    "report.simulation": (
        "Simulerad sjukfrånvaro: {runs} körningar ({drawn}); medelvärde och 90 %-intervall "
        "(5:e–95:e percentilen). Helår = × 52 / antal veckor. Utnyttjandegrad = bokade "
        "resurspasstimmar / alla resurspasstimmar.",
        "Simulated sick leave: {runs} runs ({drawn}); mean and 90 % interval (5th–95th "
        "percentile). Full year = × 52 / number of weeks. Utilisation = booked resurspass "
        "hours / all resurspass hours."),
    # --- costs ---
    "report.costs_heading": ("Kostnader mot budget", "Costs against budget"),
    "report.cost_columns": (
        "Budgetpost|Prognos|Budget|Avvikelse|Avvikelse %|Prognos helår|Budget helår|"
        "Avvikelse helår",
        "Budget line|Forecast|Budget|Deviation|Deviation %|Forecast, full year|"
        "Budget, full year|Deviation, full year"),
    "report.cost_chart": (
        "Rader med budget har sin egen skala: stapel = prognos (grön inom budget, röd över), "
        "svart streck och grått fält = budget. Rader utan budget: blå stapel = andel av total "
        "prognos.",
        "Lines with a budget have their own scale: bar = forecast (green within budget, red "
        "over), black mark and grey band = budget. Lines without a budget: blue bar = share of "
        "the total forecast."),
    "report.cost_note": (
        "Period {weeks}. Avvikelse = budget − prognos (negativ = över budget). Helår = belopp "
        "× 52 / {count}. Otäckt behov prissätts som det köps enligt kompensationsordningen "
        "(timvikarier, övertid, bemanningsföretag).",
        "Period {weeks}. Deviation = budget − forecast (negative = over budget). Full year = "
        "amount × 52 / {count}. Uncovered need is priced as it is bought, in the order of "
        "compensation (hourly temps, overtime, agency staff)."),
    "report.chart_forecast": ("prognos {amount}", "forecast {amount}"),
    "report.chart_no_budget": (" · ingen budget", " · no budget"),
    "report.chart_budget": (" · budget {budget} · avvikelse {deviation}{pct}",
                            " · budget {budget} · deviation {deviation}{pct}"),
    "report.chart_costs": ("Prognos mot budget per budgetpost",
                           "Forecast against budget per budget line"),
    # --- coverage ---
    "report.coverage_heading": ("Behov och bemanning per kompetens",
                                "Need and staffing per skill"),
    "report.week_option": ("vecka {week}", "week {week}"),
    "report.show_week": ("Visa schemavecka ", "Show roster week "),
    "report.coverage_legend": (
        "bemannat (ordinarie pass)|minimibehov|önskat behov|otäckt minimibehov",
        "staffed (ordinary passes)|minimum need|desired need|uncovered minimum need"),
    "report.coverage_caption": ("Antal personer per minut, måndag–söndag.",
                                "People at work per minute, Monday–Sunday."),
    "report.chart_coverage": ("Behov och bemanning för {skill}, måndag–söndag",
                              "Need and staffing for {skill}, Monday–Sunday"),
    # --- resurstid ---
    "report.resurstid_heading": ("Resurstid per veckodag och timme",
                                 "Resurstid per weekday and hour"),
    "report.resurstid_note": (
        "Timmar summerade över perioden ({weeks}): bokningsbar resurstid (resurspass) "
        "{bookable} h + outnyttjad resurstid (bemanning över behovet i ordinarie pass) "
        "{stranded} h = {total} h. Håll muspekaren över en ruta för fördelningen.",
        "Hours summed over the period ({weeks}): bookable resurstid (resurspass) {bookable} h "
        "+ stranded resurstid (staffing above the need in ordinary passes) {stranded} h = "
        "{total} h. Hover over a cell for the split."),
    "report.resurstid_caption": ("Mörkare = fler timmar resurstid.",
                                 "Darker = more hours of resurstid."),
    "report.resurstid_tip": ("{day} {hours}: {total} h (bokningsbar {bookable} h, outnyttjad "
                             "{stranded} h)",
                             "{day} {hours}: {total} h (bookable {bookable} h, stranded "
                             "{stranded} h)"),
    "report.booked_none": ("Planerade mot förväntat bokade resurspass: ej simulerad "
                           "({command}).",
                           "Planned against expected booked resurspass: not simulated "
                           "({command})."),
    "report.booked_heading": ("Resurspass: planerat mot förväntat bokat",
                              "Resurspass: planned against expected booked"),
    "report.booked_note": (
        "Timmar summerade över perioden: resurspass i schemat {planned} h, förväntat bokade på "
        "frånvaro {booked} h{used} (medel över {runs} simulerade perioder). Per veckodag och "
        "tidsband: simuleringen bokar per tidsband, inte per timme.",
        "Hours summed over the period: resurspass in the roster {planned} h, expected booked "
        "onto absences {booked} h{used} (mean over {runs} simulated periods). Per weekday and "
        "time band: the simulation books per time band, not per hour."),
    "report.booked_caption": (
        "Samma färgskala i båda: mörkare = fler timmar. Håll muspekaren över en ruta för "
        "planerat, bokat och utnyttjandegrad.",
        "One colour scale for both: darker = more hours. Hover over a cell for planned, booked "
        "and utilisation."),
    "report.panels": ("Planerade resurspass|Förväntat bokade (simulering)",
                      "Planned resurspass|Expected booked (simulation)"),
    "report.booked_tip": ("{day} {band}: planerat {planned} h, förväntat bokat {booked} h{used}",
                          "{day} {band}: planned {planned} h, expected booked {booked} h{used}"),
    "report.chart_booked": ("Planerade och förväntat bokade resurspass per veckodag och "
                            "tidsband",
                            "Planned and expected booked resurspass per weekday and time band"),
    # --- RÖHS ---
    "report.rohs_heading": ("RÖHS – önskad högre sysselsättningsgrad",
                            "RÖHS – requested higher employment rate"),
    "report.rohs_policy": ("Policy: {policy} · steg {step} procentenheter · minsta andel "
                           "{share} % av begärda procentenheter",
                           "Policy: {policy} · step {step} percentage points · at least "
                           "{share} % of the requested percentage points"),
    "report.rohs_none": ("Ingen anställd har begärt högre sysselsättningsgrad (RÖHS).",
                         "No employee has asked for a higher employment rate (RÖHS)."),
    "report.rohs_columns": (
        "Anställd|Nuvarande syss.grad %|Önskad syss.grad %|Beviljad syss.grad %|"
        "Extra kontraktstimmar|Extra kontraktstimmar per år|Lönekostnad inkl. PO|"
        "Årskostnad inkl. PO",
        "Employee|Current rate %|Requested rate %|Granted rate %|Extra contract hours|"
        "Extra contract hours per year|Salary cost incl. PO|Cost per year incl. PO"),
    "report.rohs_term": (" (målfunktionens term rohs: {amount})",
                         " (the objective's term rohs: {amount})"),
    "report.rohs_footnote": (
        "Period {weeks}; per år = × 52 / {count}. Kostnad = kontraktsminuterna vid beviljad "
        "minus vid nuvarande sysselsättningsgrad, till den anställdas lön inkl. PO; summan är "
        "beviljandenas lönekostnad{objective}. Vad ett enskilt beviljande sparar (köpt "
        "täckning, övertid, bemanningsföretag) räknas inte fram här: det kräver en ny lösning "
        "per anställd. Policyerna jämförs i benchmarks/RESULTS.md, avsnittet \"RÖHS policies\".",
        "Period {weeks}; per year = × 52 / {count}. Cost = the contract minutes at the granted "
        "minus at the current employment rate, at the employee's salary incl. PO; the sum is "
        "the grants' salary cost{objective}. What one grant saves (bought cover, overtime, "
        "agency staff) is not computed here: it takes a new solve per employee. The policies "
        "are compared in benchmarks/RESULTS.md, section \"RÖHS policies\"."),
    # --- the roster grid ---
    "report.roster_heading": ("Schema", "Roster"),
    "report.employee": ("Anställd", "Employee"),
    "report.iso_week": ("Vecka {week} (schemavecka {number})",
                        "Week {week} (roster week {number})"),
    "report.resurspass_mark": ("= resurspass", "= resurspass"),
    "report.unavailable": ("ej tillgänglig", "unavailable"),
    "report.free": ("ledig", "free"),
    # --- hours per employee and the check ---
    "report.hours_heading": ("Timmar per anställd", "Hours per employee"),
    "report.hours_columns": (
        "Anställd|Syss.grad %|Kontrakt h|Schemalagt h|Differens h|varav resurspass h|Pass|"
        "Delade turer|Nattpass|Helger|Önskemål uppfyllda",
        "Employee|Rate %|Contract h|Scheduled h|Difference h|of which resurspass h|Passes|"
        "Split shifts|Night passes|Weekends|Wishes met"),
    "report.wishes_of": ("{met} av {wishes}", "{met} of {wishes}"),
    "report.check_heading": ("Regelkontroll", "Rule check"),
    "report.check_ok": ("Alla hårda regler hålls (oberoende kontroll av schemat).",
                        "Every hard rule holds (independent check of the roster)."),
    "report.more": ("… och {more} till", "… and {more} more"),
    # --- a roster without a cost model ---
    "report.unpriced": (
        "Ingen kostnadsmodell: instansen har ingen cost_model och den inbyggda räcker inte "
        "({lacking}). Inga belopp i kronor; kostnaderna är målfunktionens termer i instansens "
        "egna enheter (vikterna / 100 per öre).",
        "No cost model: the instance has no cost_model and the built-in one does not suffice "
        "({lacking}). No amounts in kronor; the costs are the objective's terms in the "
        "instance's own units (the weights / 100 per öre)."),
    "report.unpriced_columns": ("Term|Målfunktionens enheter|totalt",
                                "Term|The objective's own units|total"),
    # --- report.xlsx's own lines ---
    "sheet.name": ("Namn", "Name"),
    "sheet.iso_week": ("v.{week}", "wk {week}"),
    "sheet.legend": ("Förklaring", "Legend"),
    "sheet.legend_notes": ("R efter passets id (kursiv) = resurspass|grå = ej tillgänglig "
                           "(frånvaro)",
                           "R after the shift's id (italics) = resurspass|grey = unavailable "
                           "(absence)"),
    "sheet.coverage_columns": (
        "Kompetens|Veckodag|Tidsband|Minimibehov (h)|Önskat behov (h)|Bemannat (h)|"
        "Otäckt behov (h)|Över behov (h)",
        "Skill|Weekday|Time band|Minimum need (h)|Desired need (h)|Staffed (h)|"
        "Uncovered need (h)|Above need (h)"),
    "sheet.sum_per_skill": ("Summa per kompetens", "Sum per skill"),
    "sheet.all": ("alla", "all"),
    "sheet.sum": ("Summa", "Sum"),
    "sheet.total": ("Totalt", "Total"),
    "sheet.cost_columns": (
        "Budgetpost|Prognos {weeks} v (kr)|Budget {weeks} v (kr)|Avvikelse (kr)|Avvikelse (%)|"
        "Prognos helår (kr)|Budget helår (kr)|Avvikelse helår (kr)",
        "Budget line|Forecast {weeks} wk (SEK)|Budget {weeks} wk (SEK)|Deviation (SEK)|"
        "Deviation (%)|Forecast, full year (SEK)|Budget, full year (SEK)|"
        "Deviation, full year (SEK)"),
    "sheet.cost_note": ("Avvikelse = budget − prognos (negativ = över budget). Helår = belopp "
                        "× 52 / {weeks}. Tomt = ingen budget angiven.",
                        "Deviation = budget − forecast (negative = over budget). Full year = "
                        "amount × 52 / {weeks}. Empty = no budget given."),
    "sheet.bought": ("Köpt täckning av otäckt behov", "Bought cover of uncovered need"),
    "sheet.bought_columns": ("Kompetens|Källa|Ersättning|Timmar|Kostnad (kr)",
                             "Skill|Source|Pay|Hours|Cost (SEK)"),
    "sheet.kpi_columns": ("Nyckeltal|Värde|Enhet|Id|90 %-intervall från|90 %-intervall till",
                          "Key figure|Value|Unit|Id|90 % interval from|90 % interval to"),
    "sheet.per_year": ("kr per år", "SEK per year"),
    "sheet.per_period": ("kr per period ({weeks})", "SEK per period ({weeks})"),
    "sheet.simulation": ("Simulerad sjukfrånvaro: {runs} körningar, {drawn}; medelvärde och "
                         "90 %-intervall (5:e–95:e percentilen).",
                         "Simulated sick leave: {runs} runs, {drawn}; mean and 90 % interval "
                         "(5th–95th percentile)."),
    "sheet.simulation_none": ("Frånvaron är ej simulerad (bemanna report … --simulate N).",
                              "Absences are not simulated (bemanna report … --simulate N)."),
    "sheet.absence_cover": (
        "Förväntad täckning av frånvaro: målfunktionens term expected_absence_cover med "
        "omvänt tecken — resurspassens minuter upp till den förväntade frånvaron per "
        "kompetens, veckodag och tidsband, till priset för första ersättningskällan.",
        "Expected absence cover: the objective's term expected_absence_cover with the sign "
        "turned — the resurspass minutes up to the expected absence per skill, weekday and "
        "time band, at the price of the first source of cover."),
    "sheet.hours_columns": (
        "Anställd|Namn|Sysselsättningsgrad (%)|Kontrakt (h)|Schemalagt (h)|Differens (h)|"
        "varav resurspass (h)|Pass|Resurspass|Delade turer|Nattpass|Helger|Önskemål|"
        "Uppfyllda önskemål",
        "Employee|Name|Employment rate (%)|Contract (h)|Scheduled (h)|Difference (h)|"
        "of which resurspass (h)|Passes|Resurspass|Split shifts|Night passes|Weekends|Wishes|"
        "Wishes met"),
    "sheet.resurstid": ("Resurstid per veckodag och timme (h, summa över perioden): "
                        "bokningsbar (resurspass) + outnyttjad (överskott i pass)",
                        "Resurstid per weekday and hour (h, sum over the period): bookable "
                        "(resurspass) + stranded (excess in passes)"),
    "sheet.resurstid_blocks": ("Totalt|Bokningsbar (resurspass)|Outnyttjad (överskott i pass)",
                               "Total|Bookable (resurspass)|Stranded (excess in passes)"),
    "sheet.booked": ("Resurspass per veckodag och tidsband: planerat och förväntat bokat (h)",
                     "Resurspass per weekday and time band: planned and expected booked (h)"),
    "sheet.booked_none": ("{title}: ej simulerad (--simulate N)",
                          "{title}: not simulated (--simulate N)"),
    "sheet.booked_runs": ("{title}, medel över {runs} simulerade perioder",
                          "{title}, mean over {runs} simulated periods"),
    "sheet.booked_columns": ("Veckodag|Planerat {band}|Bokat {band}|Planerat|Bokat|"
                             "Utnyttjandegrad (%)",
                             "Weekday|Planned {band}|Booked {band}|Planned|Booked|"
                             "Utilisation (%)"),
    "sheet.rohs_policy": ("RÖHS-policy: {policy}; steg {step} procentenheter; minsta andel "
                          "{share} % av begärda procentenheter",
                          "RÖHS policy: {policy}; step {step} percentage points; at least "
                          "{share} % of the requested percentage points"),
    "sheet.rohs_columns": (
        "Anställd|Namn|Nuvarande syss.grad (%)|Önskad syss.grad (%)|Beviljad syss.grad (%)|"
        "Extra kontraktstimmar ({weeks} v)|Extra kontraktstimmar per år|"
        "Lönekostnad inkl. PO {weeks} v (kr)|Årskostnad inkl. PO (kr)",
        "Employee|Name|Current rate (%)|Requested rate (%)|Granted rate (%)|"
        "Extra contract hours ({weeks} wk)|Extra contract hours per year|"
        "Salary cost incl. PO {weeks} wk (SEK)|Cost per year incl. PO (SEK)"),
    "sheet.rohs_notes": (
        "Per år = × 52 / {weeks}; totalraden räknas om till helår en gång (kan skilja några "
        "öre från summan av raderna).|Kostnad = kontraktsminuterna vid beviljad minus vid "
        "nuvarande sysselsättningsgrad, till den anställdas lön inkl. PO (kontrollens "
        "prissättning av RÖHS per anställd).{term}|Vad ett enskilt beviljande sparar räknas "
        "inte fram (det kräver en ny lösning per anställd); policyerna jämförs i "
        "benchmarks/RESULTS.md, avsnittet \"RÖHS policies\".",
        "Per year = × 52 / {weeks}; the totals row is annualised once (it may differ by a few "
        "öre from the sum of the rows).|Cost = the contract minutes at the granted minus at "
        "the current employment rate, at the employee's salary incl. PO (the checker's price "
        "of RÖHS per employee).{term}|What one grant saves is not computed (it takes a new "
        "solve per employee); the policies are compared in benchmarks/RESULTS.md, section "
        "\"RÖHS policies\"."),
    "sheet.rohs_term": (" Målfunktionens term rohs: {amount}.",
                        " The objective's term rohs: {amount}."),
    # --- compare.xlsx and compare.html (the rest of compare's words are in messages.py) ---
    "compare.sheets": ("jämförelse|körningar|om", "compare|runs|about"),
    "compare.run_sheet_columns": (
        "scenario|beskrivning|status|start|fel|lösarens status|målvärde (kr, perioden)|"
        "sekunder|schema",
        "scenario|description|status|start|error|solver status|objective (kr, horizon)|"
        "seconds|roster"),
    "compare.about": ("instans|fil|veckor i perioden|per år|scenarierna startar",
                      "instance|file|horizon weeks|annualised|the scenarios start"),
    "compare.about_paired": ("basen|basens första schema",
                             "the base|the base's first roster"),
    "compare.first_roster": ("målvärde {objective} kr (perioden), {seconds} s",
                             "objective {objective} kr (horizon), {seconds} s"),
    "compare.annualised": ("× 52 / veckor i perioden; pengar i kronor per år",
                           "× 52 / horizon weeks; money in kronor per year"),
    "compare.done": ("klar ({status}, {seconds} s)", "done ({status}, {seconds} s)"),
    "compare.failed": ("misslyckad: {error}", "failed: {error}"),
    "compare.interrupted": ("avbruten: {error}", "interrupted: {error}"),
    # --- how compare's and batch's scenarios start (bemanna.batch.warm) ---
    "warm.on": ("från basens schema (varmstart)", "from the base's roster (warm start)"),
    "warm.off": ("från grunden, oberoende av basen (--cold)",
                 "from scratch, independent of the base (--cold)"),
    "warm.without_base": ("från grunden (utan basen, --no-base)",
                          "from scratch (without the base, --no-base)"),
    "warm.on_continued": (
        "från basens schema (varmstart), och basen fortsätter lika länge från samma schema "
        "som deras referens (base_continued)",
        "from the base's roster (warm start), and the base goes on from the same roster for "
        "as long as their reference (base_continued)"),
    # one column's or job's start (bemanna.batch.warm.STARTS)
    "warm.reference": ("referensen", "the reference"),
    "warm.continued": ("fortsatt från sitt första schema, som scenarierna",
                       "continued from its first roster, as the scenarios are"),
    "warm.hinted": ("varmstart från schemat för {base}", "warm start from the roster of {base}"),
    "warm.cold": ("kallstart (--cold)", "cold start (--cold)"),
    "warm.cold_horizon": ("kallstart: annan period än {base}",
                          "cold start: the horizon differs from {base}'s"),
    "warm.cold_no_base": ("kallstart: {base} har inget schema",
                          "cold start: {base} has no roster"),
}
"""The reports' sentences: `report.*` the page's (and both files' shared ones), `sheet.*`
report.xlsx's own, `compare.*` compare.xlsx's and compare.html's, `warm.*` how a scenario's
solve started (compare's outputs and batch's first line)."""
