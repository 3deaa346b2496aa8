"""§7.2.3 hardship petitions and §6.3.1 c resource linking: an application is decided, then replied to."""

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition_social_work.rules import Problem
from petition_social_work.rules.hardship import (
	APPROVED,
	DECISIONS,
	NEXT_STATUSES,
	OTHER,
	PARTLY_APPROVED,
	PREPARING,
	REJECTED,
	SUBMITTED,
	WITHDRAWN,
	resource_application_problems,
)

STATUSES = (PREPARING, SUBMITTED, APPROVED, PARTLY_APPROVED, REJECTED, WITHDRAWN)
# the only moves an application makes: it is handed in or dropped, then decided or withdrawn
MOVES = {
	(PREPARING, SUBMITTED),
	(PREPARING, WITHDRAWN),
	(SUBMITTED, APPROVED),
	(SUBMITTED, PARTLY_APPROVED),
	(SUBMITTED, REJECTED),
	(SUBMITTED, WITHDRAWN),
}
RESULT = "荔湾区民政局批准临时救助，下月发放"
DECIDED = {"decided_on": "2026-05-10", "result": RESULT}


def problems(old, new, **values):
	return resource_application_problems(old, new, **values)


def test_statuses_are_the_application_statuses():
	assert set(NEXT_STATUSES) == set(STATUSES)
	assert set(DECISIONS) == {APPROVED, PARTLY_APPROVED, REJECTED}


@pytest.mark.parametrize("status", [PREPARING, SUBMITTED])
def test_new_application_starts_in_preparation_or_as_already_submitted(status):
	assert problems(None, status) == []


@pytest.mark.parametrize("status", [APPROVED, PARTLY_APPROVED, REJECTED, WITHDRAWN])
def test_new_application_cannot_start_decided_or_withdrawn(status):
	assert Problem("resource_transition", ("", status)) in problems(None, status, **DECIDED)


@pytest.mark.parametrize(("old", "new"), sorted(MOVES))
def test_application_takes_each_allowed_step(old, new):
	"""§6.3.1 c: the application is submitted, then the providing body decides it, or it is withdrawn."""
	assert problems(old, new, **DECIDED) == []


@pytest.mark.parametrize(
	("old", "new"),
	[(a, b) for a, b in itertools.permutations(STATUSES, 2) if (a, b) not in MOVES],
)
def test_application_refuses_every_other_step(old, new):
	assert problems(old, new, **DECIDED) == [Problem("resource_transition", (old, new))]


@pytest.mark.parametrize("status", [APPROVED, PARTLY_APPROVED, REJECTED, WITHDRAWN])
def test_decided_or_withdrawn_application_is_final(status):
	assert NEXT_STATUSES[status] == set()
	assert problems(status, SUBMITTED) == [Problem("resource_transition", (status, SUBMITTED))]


@pytest.mark.parametrize("status", STATUSES)
def test_saving_again_in_the_same_status_is_no_step(status):
	assert problems(status, status, **DECIDED) == []


@pytest.mark.parametrize("status", [APPROVED, PARTLY_APPROVED, REJECTED])
@pytest.mark.parametrize("result", [None, "", "  \n"])
def test_decision_needs_its_result(status, result):
	"""§7.2.3 d: the outcome must be known to be replied to the petitioner."""
	found = problems(SUBMITTED, status, decided_on="2026-05-10", result=result)

	assert found == [Problem("resource_result_missing", (status,))]


@pytest.mark.parametrize("status", [APPROVED, PARTLY_APPROVED, REJECTED])
def test_decision_needs_its_date(status):
	assert problems(SUBMITTED, status, result=RESULT) == [Problem("resource_decided_on_missing", (status,))]


@pytest.mark.parametrize("status", [PREPARING, SUBMITTED, WITHDRAWN])
def test_undecided_application_needs_no_result(status):
	assert problems(status, status) == []


@pytest.mark.parametrize("status", [APPROVED, PARTLY_APPROVED])
def test_granted_amount_goes_with_an_approval(status):
	assert problems(SUBMITTED, status, amount_requested=3000, amount_granted=1500, **DECIDED) == []


@pytest.mark.parametrize("status", [PREPARING, SUBMITTED, REJECTED, WITHDRAWN])
def test_no_amount_is_granted_without_an_approval(status):
	found = problems(status, status, amount_requested=3000, amount_granted=1500, **DECIDED)

	assert found == [Problem("resource_grant_without_approval", (status,))]


@pytest.mark.parametrize("status", [APPROVED, PARTLY_APPROVED])
def test_granted_amount_cannot_exceed_the_request(status):
	found = problems(SUBMITTED, status, amount_requested=3000, amount_granted=3000.01, **DECIDED)

	assert found == [Problem("resource_grant_above_request", (3000.01, 3000))]


def test_full_grant_is_an_approval_not_a_partial_one():
	found = problems(SUBMITTED, PARTLY_APPROVED, amount_requested=3000, amount_granted=3000, **DECIDED)

	assert found == [Problem("resource_partial_grant_is_full", (3000,))]
	assert problems(SUBMITTED, APPROVED, amount_requested=3000, amount_granted=3000, **DECIDED) == []


@pytest.mark.parametrize(("requested", "granted"), [(0, 5000), (None, 5000), (3000, 0), (3000, None)])
def test_amounts_are_compared_only_when_both_are_recorded(requested, granted):
	"""An in-kind grant or an unknown request has no amount to compare (Frappe stores empty as 0)."""
	found = problems(
		SUBMITTED, PARTLY_APPROVED, amount_requested=requested, amount_granted=granted, **DECIDED
	)

	assert found == []


@given(
	requested=st.decimals(min_value="0.01", max_value="1000000", places=2),
	granted=st.decimals(min_value="0.01", max_value="1000000", places=2),
)
def test_approved_grant_is_refused_exactly_when_above_the_request(requested, granted):
	found = problems(SUBMITTED, APPROVED, amount_requested=requested, amount_granted=granted, **DECIDED)

	assert (found != []) == (granted > requested)


@pytest.mark.parametrize("detail", [None, "", "   "])
def test_other_resource_type_needs_its_description(detail):
	found = problems(None, PREPARING, resource_type=OTHER, resource_type_detail=detail)

	assert found == [Problem("resource_other_detail_missing")]


def test_other_resource_type_with_its_description_is_accepted():
	assert problems(None, PREPARING, resource_type=OTHER, resource_type_detail="法律援助费用减免") == []
	assert problems(None, PREPARING, resource_type="Medical Aid") == []


def test_reply_to_the_petitioner_cannot_precede_the_decision():
	"""§7.2.3 d: the petitioner is told the outcome once it is decided."""
	found = problems(SUBMITTED, REJECTED, decided_on="2026-05-10", result=RESULT, replied_on="2026-05-09")

	assert found == [Problem("resource_reply_before_decision", (date(2026, 5, 9), date(2026, 5, 10)))]


@pytest.mark.parametrize("replied_on", ["2026-05-10", "2026-05-11", date(2026, 6, 1)])
def test_reply_on_or_after_the_decision_is_accepted(replied_on):
	assert problems(SUBMITTED, APPROVED, replied_on=replied_on, **DECIDED) == []


def test_decision_cannot_precede_the_application():
	found = problems(SUBMITTED, APPROVED, applied_on=date(2026, 5, 11), **DECIDED)

	assert found == [Problem("resource_decided_before_applied", (date(2026, 5, 10), date(2026, 5, 11)))]
	assert problems(SUBMITTED, APPROVED, applied_on=date(2026, 5, 10), **DECIDED) == []


def test_every_problem_of_a_save_is_reported_together():
	found = problems(
		REJECTED,
		APPROVED,
		resource_type=OTHER,
		amount_requested=1000,
		amount_granted=2000,
		replied_on="2026-01-01",
		**DECIDED,
	)

	assert {p.code for p in found} == {
		"resource_transition",
		"resource_other_detail_missing",
		"resource_grant_above_request",
		"resource_reply_before_decision",
	}
