"""Risk of a petitioner and the crisis alert (§4.3 life first, §5.8, §6.3.3, §7.2.2).

The graded warning levels (§6.3.3 b) are defined here once, lowest first; the Select fields of the
interview's risk section and of the Crisis Plan carry exactly these options.
"""

from datetime import datetime, timedelta

from petition_social_work.rules import Problem

NO_RISK = "No Risk"
WARNING_LEVELS = ("Level IV (Blue)", "Level III (Yellow)", "Level II (Orange)", "Level I (Red)")
DEFAULT_ALERT_LEVEL = "Level II (Orange)"
DEFAULT_ESCALATION_HOURS = 2

# §5.8 a, §6.3.3 a: the risks that make a case a crisis
RISK_TYPE_FIELDS = ("risk_suicide_self_harm", "risk_violence", "risk_mass_incident", "risk_mental_disorder")

ACTIVE, ACKNOWLEDGED, ESCALATED, RESOLVED = "Active", "Acknowledged", "Escalated", "Resolved"
OPEN_ALERT_STATES = (ACTIVE, ACKNOWLEDGED, ESCALATED)


def level_rank(level: str | None) -> int:
	"""0 for no assessed risk, 1 (Level IV, blue) to 4 (Level I, red)."""
	return WARNING_LEVELS.index(level) + 1 if level in WARNING_LEVELS else 0


def needs_alert(level: str | None, alert_level: str | None = None) -> bool:
	"""An assessment at or above the service's alert level starts the crisis plan (§5.6 b, §5.8 a)."""
	return level_rank(level) > 0 and level_rank(level) >= level_rank(alert_level or DEFAULT_ALERT_LEVEL)


def level_change_problem(old: str | None, new: str | None, supervisor_level: str | None, by_supervisor: bool):
	"""A worker may raise a crisis level, but not take it below the level a supervisor set."""
	if by_supervisor or level_rank(new) >= level_rank(old):
		return None
	if level_rank(new) < level_rank(supervisor_level):
		return Problem("level_below_supervisor", (supervisor_level,))
	return None


def is_overdue(alerted_on: datetime | None, now: datetime, escalation_hours: int | float) -> bool:
	"""An alert nobody acknowledged within the service's time escalates to the manager."""
	return bool(alerted_on) and now - alerted_on >= timedelta(hours=escalation_hours)


def handover_problems(plan: dict) -> list[Problem]:
	"""§6.3.4 e: a petitioner handed to the police goes with the evidence fixed; every hand-over is dated."""
	if not plan.get("handed_over_to"):
		return []
	problems = []
	if not plan.get("handed_over_on"):
		problems.append(Problem("handover_date_missing"))
	if plan.get("handed_over_to") == "Police" and not (
		plan.get("evidence_fixed") and (plan.get("evidence_notes") or "").strip()
	):
		problems.append(Problem("handover_without_evidence"))
	return problems
