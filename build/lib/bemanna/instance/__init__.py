"""Validated input: the instance model, its loader and its definitions."""

from bemanna.instance.contract import ContractPeriod, contract_minutes, contract_periods
from bemanna.instance.load import InstanceError, instance_from_data, load_instance
from bemanna.instance.model import (
    Demand,
    DemandBand,
    Employee,
    Horizon,
    Instance,
    ShiftDemand,
    ShiftType,
)
from bemanna.instance.rules import PRICED_TERMS, RULE_IDS, Rules

__all__ = [
    "PRICED_TERMS",
    "RULE_IDS",
    "ContractPeriod",
    "Demand",
    "DemandBand",
    "Employee",
    "Horizon",
    "Instance",
    "InstanceError",
    "Rules",
    "ShiftDemand",
    "ShiftType",
    "contract_minutes",
    "contract_periods",
    "instance_from_data",
    "load_instance",
]
