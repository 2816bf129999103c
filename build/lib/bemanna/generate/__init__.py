"""Synthetic portfolios of units (care homes, LSS group homes, nurse groups), seeded."""
