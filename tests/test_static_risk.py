"""Static agreement between the risk and behaviour rules and the DocTypes that carry them."""

import ast
import json
from pathlib import Path

import pytest

from petition_social_work.rules import behaviour, risk

ROOT = Path(__file__).resolve().parent.parent
DOCTYPES = ROOT / "petition_social_work" / "petition_social_work" / "doctype"


def field(doctype: str, fieldname: str) -> dict:
	folder = doctype.lower().replace(" ", "_")
	definition = json.loads((DOCTYPES / folder / f"{folder}.json").read_text(encoding="utf-8"))
	return next(f for f in definition["fields"] if f["fieldname"] == fieldname)


def options(doctype: str, fieldname: str) -> list[str]:
	return [o for o in field(doctype, fieldname).get("options", "").split("\n") if o]


def test_warning_levels_are_defined_once_and_carried_exactly():
	"""§6.3.3 b: the four graded levels, lowest first, on the Crisis Plan, the settings and the interview."""
	assert len(risk.WARNING_LEVELS) == 4
	assert options("Crisis Plan", "warning_level") == list(risk.WARNING_LEVELS)
	assert options("Petition Service Settings", "alert_level") == list(risk.WARNING_LEVELS)
	assert options("Petition Interview", "risk_level") == [risk.NO_RISK, *risk.WARNING_LEVELS]
	assert field("Petition Service Settings", "alert_level")["default"] == risk.DEFAULT_ALERT_LEVEL


@pytest.mark.parametrize("doctype", ["Petition Interview", "Crisis Plan"])
def test_risk_types_exist_where_risk_is_recorded(doctype):
	for fieldname in risk.RISK_TYPE_FIELDS:
		assert field(doctype, fieldname)["fieldtype"] == "Check"


def test_behaviour_levels_and_observations_match_the_intake():
	"""§3.5, §3.6: the levels compared for bypassing and the behaviours observed are intake fields."""
	assert options("Petition Intake", "competent_level") == list(behaviour.LEVELS)
	assert options("Petition Intake", "visit_level") == list(behaviour.LEVELS)
	assert options("Petition Visit Record", "level") == list(behaviour.LEVELS)
	for fieldname in behaviour.PERSISTENT_BEHAVIOUR_FIELDS:
		assert field("Petition Intake", fieldname)["fieldtype"] == "Check"
	assert options("Petition Intake", "petition_behaviour") == [behaviour.RATIONAL, behaviour.IRRATIONAL]


def test_crisis_alert_fields_are_closed_to_workers():
	"""The alert's status and its who-and-when are written only by the crisis rules (permission level 1)."""
	for fieldname in (
		"status",
		"alerted_on",
		"acknowledged_by",
		"escalated_on",
		"resolved_by",
		"supervisor_level",
	):
		assert field("Crisis Plan", fieldname).get("permlevel") == 1, fieldname


def test_escalation_job_is_scheduled():
	hooks = ast.literal_eval(
		next(
			node.value
			for node in ast.parse((ROOT / "petition_social_work" / "hooks.py").read_text()).body
			if isinstance(node, ast.Assign) and node.targets[0].id == "scheduler_events"
		)
	)
	jobs = [
		job
		for group in hooks.values()
		for entry in (group.values() if isinstance(group, dict) else [group])
		for job in entry
	]
	assert "petition_social_work.crisis.escalate_overdue_alerts" in jobs
