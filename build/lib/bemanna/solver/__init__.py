"""The CP-SAT solver: the only package that imports OR-Tools."""

from bemanna.solver.params import SolverParams
from bemanna.solver.search import Progress, build_model
from bemanna.solver.solve import Result, solve

__all__ = ["Progress", "Result", "SolverParams", "build_model", "solve"]
