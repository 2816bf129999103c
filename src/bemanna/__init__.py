"""bemanna: staff rosters for Swedish municipal care, built with CP-SAT."""

__version__ = "0.1.0"
