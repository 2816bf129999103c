"""The words for bemanna's ids, per language: (Swedish, English) for each id.

The pricing, checker and solver speak in ids (`hourly_temps`, `stranded_resurstid`,
`morning` ...); planners read the words here (domain.md §2, §4, §6). Rule ids take their
names from the rule table (`bemanna.rules`), not from here.
"""

from __future__ import annotations

Table = dict[str, tuple[str, str]]

BUDGET_LINES: Table = {
    "personnel": ("Personal (grundlön inkl. PO)", "Personnel (base wages incl. PO)"),
    "ob": ("OB-tillägg", "OB supplements"),
    "overtime": ("Övertid/mertid", "Overtime / extra hours"),
    "hourly_temps": ("Timvikarier", "Hourly temps"),
    "agency": ("Bemanningsföretag", "Agency staff"),
    "total": ("Totalt", "Total"),
}

TERMS: Table = {
    "uncovered_demand": ("ej täckt behov (vikarier, övertid, inhyrda)",
                         "uncovered need (temps, overtime, agency)"),
    "below_desired_demand": ("under önskad bemanning", "below desired staffing"),
    "shift_cover": ("passtäckning", "shift cover"),
    "stranded_resurstid": ("outnyttjad resurstid (överskott i pass)",
                           "stranded resurstid (excess in passes)"),
    "wishes": ("ej uppfyllda önskemål", "wishes not met"),
    "ob": ("OB-tillägg", "OB supplements"),
    "rohs": ("RÖHS (högre sysselsättningsgrad)", "RÖHS (higher employment rate)"),
    "expected_absence_cover": ("förväntad frånvarotäckning (avdrag)",
                               "expected absence cover (credit)"),
}
"""The objective's priced terms (`bemanna.rules.TERMS`); soft rules use their rule names."""

KPIS: Table = {
    "full_time_share": ("Heltidsandel", "Full-time share"),
    "average_employment_rate": ("Genomsnittlig sysselsättningsgrad",
                                "Average employment rate"),
    "overtime_share_of_personnel_cost": ("Övertid/mertid av personalkostnad",
                                         "Overtime share of personnel cost"),
    "agency_fte": ("Inhyrd personal", "Agency staff"),
    "resurstid_fte": ("Resurstid", "Resurstid"),
    "bookable_resurstid_fte": ("Bokningsbar resurstid (resurspass)",
                               "Bookable resurstid (resurspass)"),
    "stranded_resurstid_fte": ("Outnyttjad resurstid (överskott i pass)",
                               "Stranded resurstid (excess in passes)"),
    "split_shifts_per_100_passes": ("Delade turer", "Split shifts"),
    "wishes_met": ("Uppfyllda önskemål", "Wishes met"),
    "weekend_spread": ("Helgspridning (flest − färst)", "Weekend spread (most − fewest)"),
    "night_spread": ("Nattspridning (flest − färst)", "Night spread (most − fewest)"),
}

UNITS: Table = {
    "%": ("%", "%"),
    "FTE": ("årsarbetare", "FTE"),
    "per 100 passes": ("per 100 pass", "per 100 passes"),
    "weekends": ("helger", "weekends"),
    "nights": ("nätter", "nights"),
    "kr/year": ("kr/år", "SEK/year"),
    "h/year": ("tim/år", "h/year"),
    "per year": ("per år", "per year"),
    "count": ("antal", "count"),
}

BANDS: Table = {
    "morning": ("förmiddag 07–13", "morning 07–13"),
    "afternoon": ("eftermiddag 13–19", "afternoon 13–19"),
    "evening": ("kväll 19–22", "evening 19–22"),
    "night": ("natt 22–07", "night 22–07"),
}
"""The pricing's bands of the day (`bemanna.pricing.bands.BANDS`), as in report.xlsx."""

STATUS: Table = {
    "OPTIMAL": ("optimalt (bevisat)", "optimal (proved)"),
    "FEASIBLE": ("tillåtet (ej bevisat optimalt)", "feasible (not proved optimal)"),
    "INFEASIBLE": ("omöjligt (bevisat)", "infeasible (proved)"),
    "UNKNOWN": ("inget schema hittat", "no roster found"),
}

COLUMNS: Table = {
    "employee": ("medarbetare", "employee"),
    "contract": ("avtal", "contract"),
    "scheduled": ("schemalagt", "scheduled"),
    "diff": ("diff", "diff"),
    "resurspass": ("resurspass", "resurspass"),
    "passes": ("pass", "passes"),
    "split": ("delade", "split"),
    "nights": ("nätter", "nights"),
    "skill": ("kompetens", "skill"),
    "total": ("totalt", "total"),
    "term": ("post", "term"),
    "solver": ("lösaren", "solver"),
    "checker": ("kontrollen", "checker"),
    "budget_line": ("budgetpost", "budget line"),
    "forecast": ("prognos", "forecast"),
    "budget": ("budget", "budget"),
    "deviation": ("avvikelse", "deviation"),
    "deviation_pct": ("avv. %", "dev. %"),
    "forecast_year": ("prognos / år", "forecast / year"),
    "budget_year": ("budget / år", "budget / year"),
    "deviation_year": ("avvikelse / år", "deviation / year"),
    "figure": ("nyckeltal", "figure"),
    "unit": ("enhet", "unit"),
    "value": ("värde", "value"),
}

FIGURES: Table = {
    "total_cost": ("total kostnad", "total cost"),
    "total_ore": ("total kostnad", "total cost"),
    "personnel_ore": ("personal (avtalslön + PO)", "personnel (contract wages + PO)"),
    "ob_ore": ("OB-tillägg", "OB supplements"),
    "overtime_ore": ("övertid/mertid", "overtime / extra hours"),
    "hourly_temps_ore": ("timvikarier", "hourly temps"),
    "agency_ore": ("bemanningsföretag", "agency staff"),
    "absence_cover_ore": ("förväntad frånvarotäckning (avdrag)",
                          "expected absence cover (credit)"),
    "net_ore": ("totalt minus förväntad frånvarotäckning",
                "total less the expected absence cover"),
    "staff_fte": ("personal (Σ sysselsättningsgrad)", "staff (Σ employment rate)"),
    "uncovered_fte": ("ej täckt behov som årsarbetare", "uncovered need as FTE"),
    "fte_needed": ("personal + ej täckt behov", "staff + uncovered need"),
    "bookable_resurstid_hours": ("resurstid bokningsbar (resurspass)",
                                 "resurstid bookable (resurspass)"),
    "stranded_resurstid_hours": ("resurstid outnyttjad", "resurstid stranded"),
    "uncovered_hours": ("ej täckt behov", "uncovered need"),
    "agency_hours": ("timmar från bemanningsföretag", "agency hours"),
    "overtime_share_pct": ("övertidsandel av egen personalkostnad",
                           "overtime share of own staff cost"),
    "full_time_share_pct": ("heltidsandel", "full-time share"),
    "split_shifts": ("delade turer", "split shifts"),
    "wishes_met_pct": ("uppfyllda önskemål", "wishes met"),
    "violations": ("regelbrott (ska vara 0)", "rule violations (must be 0)"),
    "sim_total_ore": ("totalt med sjukfrånvaro (simulerat medel)",
                      "total with sick leave (simulated mean)"),
    "sim_total_p5_ore": ("  5:e percentilen", "  5th percentile"),
    "sim_total_p95_ore": ("  95:e percentilen", "  95th percentile"),
    "sim_absence_ore": ("kostnad för sjukfrånvaro (simulerat medel)",
                        "sick-leave refill cost (simulated mean)"),
    "sim_utilisation_pct": ("resurstid bokad (simulerat)", "resurstid booked (simulated)"),
    "sim_overtime_share_pct": ("övertidsandel med sjukfrånvaro",
                               "overtime share with sick leave"),
    "sim_agency_hours": ("timmar från bemanningsföretag med sjukfrånvaro",
                         "agency hours with sick leave"),
}
"""compare's figures (`bemanna.pricing.figures.FIGURES`)."""

SIMULATED: Table = {
    "resurstid_utilisation": ("Resurstid bokad (utnyttjandegrad)",
                              "Resurstid booked (utilisation)"),
    "absence_cost_annual": ("Förväntad frånvarokostnad per år", "Expected absence cost per year"),
    "simulated_overtime_share": ("Övertid/mertid av personalkostnad med frånvaro",
                                 "Overtime share of personnel cost with absence"),
}
"""The absence simulation's key figures in the reports (`--simulate`)."""

ROHS_POLICY: Table = {
    "optimise": ("optimera (lösaren väljer beviljandet)", "optimise (the solver chooses)"),
    "grant_all": ("bevilja alla", "grant all"),
    "grant_none": ("bevilja inga", "grant none"),
}

SOURCES: Table = {
    "hourly_temp": ("Timvikarie", "Hourly temp"),
    "overtime": ("Övertid", "Overtime"),
    "agency": ("Bemanningsföretag", "Agency staff"),
}
"""Where bought cover of uncovered need comes from (the pricing's gap fill)."""

REPAIR_ROWS: Table = {
    "resurspass": ("Resurspass (bokade)", "Resurspass (booked)"),
    "mertid": ("Mertid", "Mertid (extra hours, part-time)"),
    "övertid (egen personal)": ("Övertid (egen personal)", "Overtime (own staff)"),
    "uncovered (flat weight)": ("Ej täckt behov (schablon)", "Uncovered need (flat weight)"),
    "roster_changes (vikt)": ("Ändrade pass (vikt)", "Changed passes (weight)"),
}
"""The rows of a repair's cost delta (`replanning.cost_delta`) besides the gap-fill sources
(SOURCES) and the objective's terms (TERMS, rule names)."""

PAY: Table = {
    "hourly_temp": ("timlön + semesterersättning + OB", "hourly wage + holiday pay + OB"),
    "enkel": ("enkel övertid", "simple overtime"),
    "kvalificerad": ("kvalificerad övertid", "qualified overtime"),
    "agency": ("faktura + OB", "invoice + OB"),
}

SHIFT_KINDS: Table = {
    "day": ("dag", "day"),
    "evening": ("kväll", "evening"),
    "night": ("natt", "night"),
    "split": ("delad tur", "split shift"),
}
"""The colour classes of the roster grid (`bemanna.report.data.shift_kind`)."""
