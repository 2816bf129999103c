"""Reports of a priced roster: report.xlsx and report.html (docs/reports.md).

    from bemanna.report.build import report_data, write_reports
    data = report_data(instance, roster, check_report, pricing)
    xlsx_path, html_path = write_reports(out_dir, instance, roster, check_report, pricing,
                                         lang="en")  # Swedish ("sv") by default

Both files are built from one `ReportData` (`data`), drawn by `xlsx` and `html` (charts in
`svg`; the words and number formats, Swedish or English, from `bemanna.labels`) and written
atomically. The package reads the instance, the roster, the checker's report and coverage
arrays and the pricing; it never imports the solver.
This file imports nothing, so that the CLI (`command`) starts fast.
"""
