"""Batch runs: instances × scenarios, one solve job each, results in SQLite."""
