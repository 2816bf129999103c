"""View models: what each page shows, read off the API's results (no second computation)."""
