"""§3.7 and §7.2.1 collective petitions: five or more people on one matter, at most five representatives,
persuasion before the police, and no closing before the procedure is told and a large event reported."""

import pytest

from petition_social_work.rules import Problem
from petition_social_work.rules.collective import (
	CLOSED,
	COLLECTIVE_THRESHOLD,
	MAX_REPRESENTATIVES,
	OPEN,
	collective_problems,
	is_collective_visit,
)


def petition(**values) -> dict:
	"""An open collective petition of six people that breaks no rule."""
	return {"headcount": 6, "status": OPEN, **values}


def members(count: int, representatives: int = 0) -> list[dict]:
	return [
		{"petitioner": f"PET-{i:05d}", "is_representative": int(i < representatives)} for i in range(count)
	]


def closable(**values) -> dict:
	return petition(status=CLOSED, told_procedure=1, **values)


def test_thresholds_are_the_standards_five():
	"""§3.7 "5人或者5人以上"; §7.2.1 a "不超过5个（含）"."""
	assert COLLECTIVE_THRESHOLD == 5
	assert MAX_REPRESENTATIVES == 5


@pytest.mark.parametrize(
	("headcount", "collective"), [(None, False), (0, False), (4, False), (5, True), (30, True)]
)
def test_five_or_more_people_make_a_collective_visit(headcount, collective):
	"""§3.7: a visit by 5 or more people raising the same matter."""
	assert is_collective_visit(headcount) is collective


def test_a_group_of_six_with_five_representatives_is_accepted():
	assert collective_problems(petition(), members(6, representatives=5)) == []


def test_a_sixth_representative_is_refused():
	"""§7.2.1 a: the group chooses at most 5 representatives."""
	problems = collective_problems(petition(headcount=8), members(8, representatives=6))

	assert problems == [Problem("too_many_representatives", (6, MAX_REPRESENTATIVES))]


@pytest.mark.parametrize("headcount", [None, 0, 1, 4])
def test_fewer_than_five_people_are_not_a_collective_petition(headcount):
	"""§3.7: four people on one matter are recorded as individual petitions, not a collective one."""
	problems = collective_problems(petition(headcount=headcount), [])

	assert problems == [Problem("not_collective", (headcount or 0, COLLECTIVE_THRESHOLD))]


def test_exactly_five_people_are_a_collective_petition():
	assert collective_problems(petition(headcount=5), members(5)) == []


def test_headcount_cannot_be_smaller_than_the_petitioners_listed():
	"""§7.2.1 b: the number of people involved is fixed on record, and counts everyone listed."""
	assert collective_problems(petition(headcount=6), members(7)) == [
		Problem("headcount_below_members", (6, 7))
	]


def test_headcount_may_exceed_the_petitioners_listed():
	"""Only some of a large group give their names; the rest are counted."""
	assert collective_problems(petition(headcount=40), members(5, representatives=5)) == []


def test_a_petitioner_is_listed_once():
	rows = members(5) + [{"petitioner": "PET-00002"}]

	assert collective_problems(petition(), rows) == [Problem("member_listed_twice", ("PET-00002",))]


def test_police_are_notified_only_after_persuasion_fails():
	"""§7.2.1 f: those who stay are persuaded first; only then are the local police notified."""
	assert collective_problems(petition(police_notified=1), []) == [Problem("police_before_persuasion")]
	assert collective_problems(petition(police_notified=1, stayed_after_persuasion=1), []) == []


def test_persuasion_alone_needs_no_police():
	assert collective_problems(petition(stayed_after_persuasion=1), []) == []


def test_an_upward_report_names_its_recipient():
	"""§7.2.1 b: the report goes to a named higher level."""
	assert collective_problems(petition(reported_upward_on="2026-03-02"), []) == [
		Problem("upward_report_recipient_missing")
	]
	assert collective_problems(petition(reported_upward_on="2026-03-02", reported_upward_to="  "), []) == [
		Problem("upward_report_recipient_missing")
	]
	assert (
		collective_problems(petition(reported_upward_on="2026-03-02", reported_upward_to="广州市信访局"), [])
		== []
	)


def test_a_large_scale_event_cannot_close_without_the_upward_report():
	"""§7.2.1 b: large-scale collective petitions are reported to the level above in time."""
	assert collective_problems(closable(is_large_scale=1), []) == [Problem("large_scale_not_reported")]


def test_a_reported_large_scale_event_closes():
	reported = {"reported_upward_on": "2026-03-02", "reported_upward_to": "广州市信访局"}

	assert collective_problems(closable(is_large_scale=1, **reported), []) == []


def test_an_open_large_scale_event_may_wait_for_its_report():
	assert collective_problems(petition(is_large_scale=1), []) == []


def test_closing_requires_telling_the_representatives_the_procedure():
	"""§7.2.1 e: representatives are told how the matter is handled before the group leaves."""
	assert collective_problems(petition(status=CLOSED), []) == [Problem("closed_without_procedure")]
	assert collective_problems(closable(), []) == []


def test_an_open_petition_need_not_have_told_the_procedure_yet():
	assert collective_problems(petition(told_procedure=0), []) == []


def test_every_problem_is_reported_at_once():
	problems = collective_problems(
		{"headcount": 3, "status": CLOSED, "is_large_scale": 1, "police_notified": 1},
		members(7, representatives=6),
	)

	assert problems == [
		Problem("too_many_representatives", (6, MAX_REPRESENTATIVES)),
		Problem("not_collective", (3, COLLECTIVE_THRESHOLD)),
		Problem("headcount_below_members", (3, 7)),
		Problem("police_before_persuasion"),
		Problem("large_scale_not_reported"),
		Problem("closed_without_procedure"),
	]
