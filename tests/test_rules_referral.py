"""§6.4 referral: matters beyond the service go to the competent body, and the result is followed up."""

import itertools

import pytest

from petition_social_work.rules import Problem
from petition_social_work.rules.referral import (
	ACCEPTED,
	COMPLETED,
	DECLINED,
	NEXT_STATUSES,
	SENT,
	referral_problems,
)

STATUSES = (SENT, ACCEPTED, DECLINED, COMPLETED)
# the only moves a referral makes: the receiving body answers, then an accepted referral completes
MOVES = {(SENT, ACCEPTED), (SENT, DECLINED), (ACCEPTED, COMPLETED)}
OUTCOME = "Tianhe labour bureau paid the arrears on 2026-04-02"


def test_statuses_are_sent_accepted_declined_completed():
	assert set(NEXT_STATUSES) == set(STATUSES)


def test_new_referral_starts_as_sent():
	assert referral_problems(None, SENT, None) == []


@pytest.mark.parametrize("status", [ACCEPTED, DECLINED, COMPLETED])
def test_new_referral_cannot_skip_being_sent(status):
	problems = referral_problems(None, status, OUTCOME)

	assert problems == [Problem("referral_transition", ("", status))]


def test_receiving_body_accepts_the_referral():
	assert referral_problems(SENT, ACCEPTED, None) == []


def test_accepted_referral_completes_with_its_outcome():
	"""§6.4: the result of the referral is followed up and recorded."""
	assert referral_problems(ACCEPTED, COMPLETED, OUTCOME) == []


def test_declined_referral_records_the_answer():
	assert referral_problems(SENT, DECLINED, "Not competent: send to the district court") == []


@pytest.mark.parametrize(("old", "new"), [(ACCEPTED, COMPLETED), (SENT, DECLINED)])
@pytest.mark.parametrize("outcome", [None, "", "  \t"])
def test_referral_cannot_end_without_its_outcome(old, new, outcome):
	assert referral_problems(old, new, outcome) == [Problem("referral_outcome_missing", (new,))]


def test_completed_referral_cannot_lose_its_outcome_on_a_later_save():
	assert referral_problems(COMPLETED, COMPLETED, "") == [Problem("referral_outcome_missing", (COMPLETED,))]
	assert referral_problems(COMPLETED, COMPLETED, OUTCOME) == []


def test_sent_referral_cannot_complete_before_it_is_accepted():
	assert referral_problems(SENT, COMPLETED, OUTCOME) == [Problem("referral_transition", (SENT, COMPLETED))]


def test_wrong_move_without_outcome_reports_both_problems():
	assert referral_problems(SENT, COMPLETED, None) == [
		Problem("referral_transition", (SENT, COMPLETED)),
		Problem("referral_outcome_missing", (COMPLETED,)),
	]


@pytest.mark.parametrize(("old", "new"), list(itertools.product(STATUSES, STATUSES)))
def test_referral_moves_only_forward(old, new):
	"""Sent -> Accepted or Declined; Accepted -> Completed; Declined and Completed are final."""
	transition_refused = Problem("referral_transition", (old, new)) in referral_problems(old, new, OUTCOME)

	assert transition_refused == (old != new and (old, new) not in MOVES)


@pytest.mark.parametrize("status", STATUSES)
def test_saving_a_referral_without_changing_status_is_allowed(status):
	assert referral_problems(status, status, OUTCOME) == []


def test_referral_with_an_unknown_earlier_status_cannot_move():
	assert referral_problems("Lost", ACCEPTED, None) == [Problem("referral_transition", ("Lost", ACCEPTED))]
