"""The terminal's sentences for the commands around a solve (simulate, batch, generate,
template, import, replan), per language: key -> (Swedish, English); rendered by
`bemanna.labels.phrases.render`.
"""

from __future__ import annotations

SIMULATION_FIGURES: dict[str, tuple[str, str]] = {
    "total_cost": ("Total kostnad", "Total cost"),
    "absence_cost": ("  varav frånvaro", "  of which absence"),
    "hourly_temps": ("Timvikarier", "Hourly temps"),
    "overtime": ("Övertid/mertid", "Overtime / extra hours"),
    "agency": ("Bemanningsföretag", "Agency"),
    "absent_hours": ("Frånvaro", "Absent"),
    "absence_gap_hours": ("Lucka som frånvaron öppnar", "Gap opened by absence"),
    "booked_resurspass_hours": ("Bokade resurspass", "Resurspass booked"),
    "hourly_temp_hours": ("Timvikarier", "Hourly temps"),
    "overtime_hours": ("Övertid/mertid", "Overtime / extra hours"),
    "agency_hours": ("Bemanningsföretag", "Agency"),
    "resurstid_utilisation": ("Nyttjad resurstid", "Resurstid utilisation"),
    "overtime_share_of_personnel_cost": ("Övertid/mertid av personalkostnad",
                                         "Overtime share of pers. cost"),
}
"""The simulation's figures (`bemanna.simulation.result.LABELS`) in both languages."""

TERMINAL_WORDS: dict[str, tuple[str, str]] = {
    # --- the absence simulation (cli/simulate.py; solve --simulate) ---
    "sim.title": ("Frånvarosimulering av {instance}, {period}",
                  "Absence simulation of {instance}, {period}"),
    "sim.per_period": ("per period ({weeks})", "per period ({weeks})"),
    "sim.per_year": ("per år (× 52 / {weeks})", "per year (× 52 / {weeks})"),
    "sim.columns": ("nyckeltal|planerat|medel|90 %-intervall",
                    "figure|planned|mean|90 % interval"),
    "sim.not_shown": ("{figure}: visas inte, {why}.", "{figure}: not shown, {why}."),
    "sim.no_resurspass": ("schemat har inga resurspass att boka",
                          "the roster has no resurspass to book"),
    "sim.no_value": ("inget värde i någon körning", "no value in any run"),
    "sim.fallback": (
        "Obs: {hours} tim per period (medel) var tänkta för övertid men ingen kunde arbeta dem "
        "inom reglerna och taken; de köptes från bemanningsföretag (eller timvikarier där "
        "kompetensen saknar pris hos bemanningsföretag).",
        "Note: {hours} h per period (mean) were meant for overtime but nobody could work them "
        "within the rules and caps; they were bought from agency (or temps where the skill "
        "has no agency price)."),
    "sim.history": ("historik {path} (annars andel {rate})", "history {path} (else rate {rate})"),
    "sim.rate": ("andel {rate}", "rate {rate}"),
    "sim.footer": (
        "Frånvaro: {source}, sjukperioder på i genomsnitt {days}; {runs}, frö {seed}, "
        "{seconds} s ({per_second} körningar/s). Planerat: schemat prissatt utan frånvaro; "
        "raderna för timvikarier, övertid och bemanningsföretag innehåller även dess egna "
        "ej täckta behov.",
        "Absence: {source}, spells of {days} on average; {runs}, seed {seed}, {seconds} s "
        "({per_second} runs/s). Planned: the roster as priced without absence; the temp, "
        "overtime and agency lines include its own uncovered need."),
    "written_to": ("Skrivet till {path}", "Written to {path}"),
    # --- generate, template, import ---
    "generate.done": ("{units} ({care}, {lss}, {nurse}), {staff} anställda, {weeks}, frö {seed} "
                      "-> {out}/",
                      "{units} ({care}, {lss}, {nurse}), {staff} staff, {weeks}, seed {seed} "
                      "-> {out}/"),
    "template.done": ("{path}: Excelmall med {what}", "{path}: Excel template with {what}"),
    "template.instance": ("instansen {name}", "instance {name}"),
    "template.example": ("exempelenheten", "the example unit"),
    "template.not_xlsx": ("{path}: mallen är en Excelbok, ge den ändelsen .xlsx",
                          "{path}: the template is an Excel workbook, name it .xlsx"),
    "import.done": ("{source} -> {path}: {employees}, {weeks}",
                    "{source} -> {path}: {employees}, {weeks}"),
    "cannot_read": ("{source}: kan inte läsas: {reason}", "{source}: cannot read: {reason}"),
    # --- batch (cli/batch.py) ---
    "batch.start": ("Körning: {jobs}, {already} redan i {db}, {todo} att köra på {where}; "
                    "{limit} s × {workers}, frö {seed}, strategi {strategy}; scenarierna "
                    "startar {start}",
                    "Batch: {jobs}, {already} already in {db}, {todo} to run on {where}; "
                    "{limit} s × {workers}, seed {seed}, strategy {strategy}; the scenarios "
                    "start {start}"),
    "batch.local": ("{count} lokala processer", "{count} local processes"),
    "batch.local_one": ("1 lokal process", "1 local process"),
    "batch.failed_job": ("  misslyckades: {instance} × {scenario}: {error}",
                         "  failed: {instance} × {scenario}: {error}"),
    "batch.done": ("{done} klara, {failed} misslyckade, {skipped} överhoppade (redan i {db}) "
                   "på {seconds} s; scheman under {out}/",
                   "{done} done, {failed} failed, {skipped} skipped (already in {db}) in "
                   "{seconds} s; rosters under {out}/"),
    "batch.stopped": ("avbruten: klara jobb är sparade; kör samma kommando för att fortsätta",
                      "stopped: finished jobs are recorded; run the same command to resume"),
    "batch.title": ("{figure} ({unit}): per scenario, skillnader mot {base}",
                    "{figure} ({unit}): per scenario, deltas against {base}"),
    "batch.columns": ("scenario|enheter|misslyckade|totalt|Δ totalt|Δ per enhet min|median|max",
                      "scenario|units|failed|total|Δ total|Δ per unit min|median|max"),
    "batch.failures": ("{count} misslyckades:", "{count} failed:"),
    "batch.reference": ("Referens: {base}", "Reference: {base}"),
    "batch.reference_continued": (
        "Referens: base_continued, basen fortsatt från sitt första schema lika länge som "
        "scenarierna: parade skillnader (raden base visar vad den längre sökningen ensam "
        "ändrade)",
        "Reference: base_continued, the base continued from its first roster for as long as "
        "the scenarios: paired deltas (the row base shows what the longer search alone "
        "changed)"),
    "batch.reference_partial": (
        "Referens: base (base_continued saknas för {missing} av {units} enheter)",
        "Reference: base (base_continued is missing for {missing} of {units} units)"),
    "batch.bar": ("jobb", "jobs"),
    "batch.bar_failed": ("misslyckade", "failed"),
    "batch.bar_left": ("kvar", "ETA"),
    # --- replan ---
    "replan.title": ("Omplanering av {name} vid {now}: {changed} ändrade pass för personer som "
                     "ingen händelse träffar, {seconds} s",
                     "Repair of {name} at {now}: {changed} changed passes of people no event "
                     "hits, {seconds} s"),
    "replan.money": ("  pengar mot det gamla schemat (köpt, extra timmar, OB): {money}; "
                     "målvärde inkl. vikter {objective}",
                     "  money against the old roster (bought, extra hours, OB): {money}; "
                     "objective incl. weights {objective}"),
    "replan.none": ("Ingen omplanering håller alla hårda regler ({status}); inget skrivet.",
                    "No repair keeps every hard rule ({status}); nothing written."),
    "replan.no_roster": ("inget schema: ingen omplanering håller alla hårda regler",
                         "no roster: no repair keeps every hard rule"),
    "replan.ok": ("alla hårda regler hålls (oberoende kontroll)",
                  "every hard rule holds (independent checker)"),
    "replan.bad_now": ("--now: {now} är ingen tidpunkt som 2025-03-12T06:30",
                       "--now: {now} is not a date-time like 2025-03-12T06:30"),
    "cannot_write": ("{option}: kan inte skriva {path}: {reason}",
                     "{option}: cannot write {path}: {reason}"),
}
