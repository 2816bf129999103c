"""Compare scenarios side by side: figures, deltas, terminal table, xlsx and html."""
