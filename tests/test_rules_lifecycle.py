"""§7.1 case states: registration, screening, sign-off, service, closing review and the three ends."""

import itertools

import pytest

from petition_social_work.rules import lifecycle
from petition_social_work.rules.lifecycle import (
	ACTIVE_STATES,
	AWAITING_SIGN_OFF,
	CLOSED,
	CLOSING_REVIEW,
	END_STATES,
	IN_SERVICE,
	NOT_ACCEPTED,
	REFERRED_OUT,
	REGISTERED,
	SCREENED_STATES,
	SCREENING,
	is_reopening,
	is_sign_off,
)

ALL_STATES = ACTIVE_STATES + END_STATES


def test_every_case_state_is_either_active_or_an_end():
	assert set(ACTIVE_STATES).isdisjoint(END_STATES)
	assert set(ALL_STATES) == {
		REGISTERED,
		SCREENING,
		AWAITING_SIGN_OFF,
		IN_SERVICE,
		CLOSING_REVIEW,
		CLOSED,
		NOT_ACCEPTED,
		REFERRED_OUT,
	}


def test_a_case_is_screened_once_it_reaches_the_supervisor():
	"""§7.1.2: screening is settled when the case goes for sign-off, and stays settled."""
	assert set(SCREENED_STATES) == set(ALL_STATES) - {REGISTERED, SCREENING}


# ---------------------------------------------------------------- reopening


@pytest.mark.parametrize(("old", "new"), list(itertools.product(END_STATES, ACTIVE_STATES)))
def test_going_from_an_end_back_to_work_is_a_reopening(old, new):
	assert is_reopening(old, new)


@pytest.mark.parametrize(
	("old", "new"),
	[
		*itertools.product(ACTIVE_STATES, ALL_STATES),
		*itertools.product(END_STATES, END_STATES),
		(None, REGISTERED),
		(None, IN_SERVICE),
		(CLOSED, None),
	],
)
def test_any_other_move_is_not_a_reopening(old, new):
	assert not is_reopening(old, new)


# ---------------------------------------------------------------- sign-off


@pytest.mark.parametrize("outcome", [IN_SERVICE, NOT_ACCEPTED, REFERRED_OUT])
def test_supervisor_signs_off_the_decision_to_open_refer_or_not_accept(outcome):
	"""Appendix A 项目负责人签批: the step out of Awaiting Sign-off to an outcome is the sign-off."""
	assert is_sign_off(AWAITING_SIGN_OFF, outcome)


def test_returning_a_case_to_screening_is_not_a_sign_off():
	assert not is_sign_off(AWAITING_SIGN_OFF, SCREENING)


@pytest.mark.parametrize(
	("old", "new"),
	[
		(SCREENING, IN_SERVICE),  # skipping the supervisor
		(CLOSING_REVIEW, REFERRED_OUT),  # closing as referred is the closure, not the opening decision
		(CLOSED, IN_SERVICE),  # reopening
		(None, IN_SERVICE),
		(AWAITING_SIGN_OFF, AWAITING_SIGN_OFF),
		(AWAITING_SIGN_OFF, CLOSED),
		(AWAITING_SIGN_OFF, None),
	],
)
def test_other_moves_are_not_a_sign_off(old, new):
	assert not is_sign_off(old, new)


def test_closure_actions_and_interview_states_are_named():
	assert (lifecycle.CLOSE_ACTION, lifecycle.CLOSE_AS_REFERRED_ACTION, lifecycle.REOPEN_ACTION) == (
		"Close Case",
		"Close as Referred",
		"Reopen",
	)
	assert (lifecycle.INTERVIEW_DRAFT, lifecycle.INTERVIEW_AWAITING_REVIEW, lifecycle.INTERVIEW_REVIEWED) == (
		"Draft",
		"Awaiting Review",
		"Reviewed",
	)
