"""Risk levels and crisis alerts (§4.3, §5.6 b, §5.8 a, §6.3.3 b)."""

from datetime import datetime, timedelta

import pytest

from petition_social_work.rules import Problem
from petition_social_work.rules.risk import (
	DEFAULT_ALERT_LEVEL,
	NO_RISK,
	WARNING_LEVELS,
	handover_problems,
	is_overdue,
	level_change_problem,
	level_rank,
	needs_alert,
)

BLUE, YELLOW, ORANGE, RED = WARNING_LEVELS


def test_levels_rank_from_blue_to_red_and_no_risk_is_zero():
	"""§6.3.3 b: four graded warning levels."""
	assert [level_rank(level) for level in WARNING_LEVELS] == [1, 2, 3, 4]
	assert level_rank(NO_RISK) == level_rank("") == level_rank(None) == level_rank("Level V") == 0


@pytest.mark.parametrize(
	"level, alert_level, expected",
	[
		(RED, ORANGE, True),
		(ORANGE, ORANGE, True),
		(YELLOW, ORANGE, False),
		(BLUE, BLUE, True),
		(NO_RISK, BLUE, False),
		(None, BLUE, False),
		(RED, None, True),
		(YELLOW, None, DEFAULT_ALERT_LEVEL in (BLUE, YELLOW)),
	],
)
def test_an_assessment_at_or_above_the_alert_level_starts_the_crisis_plan(level, alert_level, expected):
	"""§5.6 b, §5.8 a: the emergency plan starts at the service's alert level or above."""
	assert needs_alert(level, alert_level) is expected


def test_a_worker_may_raise_the_level():
	assert level_change_problem(YELLOW, RED, ORANGE, by_supervisor=False) is None
	assert level_change_problem(None, BLUE, None, by_supervisor=False) is None


def test_a_worker_cannot_lower_below_the_supervisor_level():
	assert level_change_problem(RED, YELLOW, ORANGE, by_supervisor=False) == Problem(
		"level_below_supervisor", (ORANGE,)
	)
	assert level_change_problem(RED, BLUE, RED, by_supervisor=False) == Problem(
		"level_below_supervisor", (RED,)
	)


def test_a_worker_may_lower_a_level_no_supervisor_set_or_down_to_it():
	assert level_change_problem(RED, YELLOW, None, by_supervisor=False) is None
	assert level_change_problem(RED, ORANGE, ORANGE, by_supervisor=False) is None


def test_a_supervisor_may_lower_any_level():
	assert level_change_problem(RED, BLUE, RED, by_supervisor=True) is None


def test_an_alert_is_overdue_after_the_service_time():
	alerted = datetime(2026, 3, 1, 9, 0)
	assert not is_overdue(alerted, alerted + timedelta(hours=1, minutes=59), 2)
	assert is_overdue(alerted, alerted + timedelta(hours=2), 2)
	assert is_overdue(alerted, alerted + timedelta(minutes=31), 0.5)
	assert not is_overdue(None, alerted, 2)


def test_a_hand_over_to_the_police_needs_fixed_evidence_and_a_date():
	"""§6.3.4 e: evidence fixed before the police take over."""
	assert handover_problems({}) == []
	assert handover_problems({"handed_over_to": "Police"}) == [
		Problem("handover_date_missing"),
		Problem("handover_without_evidence"),
	]
	police = {"handed_over_to": "Police", "handed_over_on": "2026-03-01", "evidence_fixed": 1}
	assert handover_problems(police) == [Problem("handover_without_evidence")]
	assert handover_problems({**police, "evidence_notes": "现场录像两段、证人证言一份"}) == []
	assert handover_problems({"handed_over_to": "Petition Department", "handed_over_on": "2026-03-01"}) == []
