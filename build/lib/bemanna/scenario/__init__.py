"""Scenarios: named changes to an instance (transforms and field overrides), from YAML files.

    scenario = load_scenario("scenarios/pre_2023_rest_rules.yaml")
    inst = apply_scenario(scenario, read_file_data("instances/care_home.yaml"))

See docs/scenarios.md for the file format and every transform.
"""

from bemanna.scenario.load import (
    BASE,
    BASE_NAME,
    Scenario,
    ScenarioError,
    applied,
    apply_scenario,
    apply_to_data,
    is_scenario_data,
    load_scenario,
    read_file_data,
    scenario_base,
)
from bemanna.scenario.model import TRANSFORM_NAMES, ScenarioFile
from bemanna.scenario.paths import path_problems, set_path

__all__ = [
    "BASE",
    "BASE_NAME",
    "TRANSFORM_NAMES",
    "Scenario",
    "ScenarioError",
    "ScenarioFile",
    "applied",
    "apply_scenario",
    "apply_to_data",
    "is_scenario_data",
    "load_scenario",
    "path_problems",
    "read_file_data",
    "scenario_base",
    "set_path",
]
