"""The scenario file (`bemanna-scenario/1`): a name, a base, named transforms and overrides.

    name: pre_2023
    base: ../instances/care_home.yaml     # or  inherits: other_scenario.yaml
    transforms:
      - pre_2023_rest_rules
      - remove_employee: {id: d03}
      - scale_demand: {skill: VB, start: "22:00", end: "06:00", factor: 0.5}
    set:
      rules.weekly_rest.min_minutes: 2160
      cost_model.agency_per_hour.SSK: 950

Each transform is a record with its own parameters (unknown parameters are errors); `set`
paths are checked against the instance format before anything runs (`paths.py`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator

from bemanna.instance.types import STRICT, ClockTime, Identifier, Minutes, Weekday

Rate = Annotated[Decimal, Field(gt=0, le=100, decimal_places=2)]


class AllFulltime(BaseModel):
    """Every employment rate (of the listed employees, or everyone) to 100 %; RÖHS requests
    are then met and dropped."""

    model_config = STRICT

    kind: Literal["all_fulltime"]
    employees: list[Identifier] | None = None


class GrantRohs(BaseModel):
    """RÖHS granted: each employee with a `desired_employment_rate` gets it."""

    model_config = STRICT

    kind: Literal["grant_rohs"]
    employees: list[Identifier] | None = None


class NoSplitShifts(BaseModel):
    """No delade turer: `max_split_shifts` hard with max 0 for everyone."""

    model_config = STRICT

    kind: Literal["no_split_shifts"]


class Pre2023RestRules(BaseModel):
    """The rules before 2023-10-01 (domain.md §3): rest between passes down to 9 h by local
    agreement, split shifts spanning up to 15 h."""

    model_config = STRICT

    kind: Literal["pre_2023_rest_rules"]
    daily_rest_minutes: Minutes = 9 * 60
    pass_span_minutes: Minutes = 15 * 60


class RemoveEmployee(BaseModel):
    """One employee fewer (and every rule value or salary naming them)."""

    model_config = STRICT

    kind: Literal["remove_employee"]
    id: Identifier


class AddFloatPool(BaseModel):
    """`count` pool staff (bemanningspool) who may work wherever their skills are needed."""

    model_config = STRICT

    kind: Literal["add_float_pool"]
    count: int = Field(ge=1, le=200)
    skills: list[Identifier] = Field(min_length=1)
    employment_rate: Rate = Decimal(100)
    full_time: Literal["rotating", "night"] | Minutes = "rotating"
    allowed_shifts: list[Identifier] | None = None
    id_prefix: Identifier = "pool"
    name: str = "Pool"


class ScaleDemand(BaseModel):
    """Need × factor on the matching demand bands (skill, label, weekdays, clock window).

    Headcounts are whole people: the scaled headcounts of bands that share skill, clock times
    and days are rounded together (largest remainder), so four night entries of 1 scaled by
    0.5 leave two. A band partly inside the window is cut at its edges.
    """

    model_config = STRICT

    kind: Literal["scale_demand"]
    factor: Annotated[Decimal, Field(ge=0, le=10, decimal_places=4)]
    skills: list[Identifier] | None = None
    label_contains: str | None = None
    weekdays: list[Weekday] | None = None
    start: ClockTime | None = None
    end: ClockTime | None = None

    @model_validator(mode="after")
    def _window(self) -> ScaleDemand:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end of the clock window, or neither")
        if self.start is not None and self.start == self.end:
            raise ValueError("the clock window is empty (start == end)")
        return self


Transform = Annotated[
    AllFulltime | GrantRohs | NoSplitShifts | Pre2023RestRules | RemoveEmployee
    | AddFloatPool | ScaleDemand,
    Field(discriminator="kind"),
]

TRANSFORM_NAMES: tuple[str, ...] = (
    "all_fulltime", "grant_rohs", "no_split_shifts", "pre_2023_rest_rules", "remove_employee",
    "add_float_pool", "scale_demand",
)


class ScenarioFile(BaseModel):
    """One scenario file as written (paths not yet resolved)."""

    model_config = STRICT

    format: Literal["bemanna-scenario/1"] = "bemanna-scenario/1"
    name: Identifier
    description: str = ""
    base: str | None = None
    """The instance (path relative to this file) the scenario applies to when it is run on
    its own or given as the BASE of `bemanna compare`; with `inherits`, it replaces the
    parent's base."""
    inherits: str | None = None
    """Another scenario file (relative path) whose changes come first."""
    transforms: list[Transform] = Field(default_factory=list)
    overrides: dict[str, Any] = Field(default_factory=dict, alias="set")
    """Dotted field path -> value, applied after the transforms, as if written in the file."""
