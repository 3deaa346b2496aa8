"""Appendix B 工作次数 ("session no."): the interviews of a case are numbered 1, 2, 3 … without gaps."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition_social_work.rules.sessions import can_remove_session, next_session_number


def test_first_interview_of_a_case_is_session_one():
	assert next_session_number([]) == 1


def test_next_interview_follows_the_latest_session():
	assert next_session_number([1, 2, 3]) == 4


def test_session_numbers_need_not_arrive_in_order():
	assert next_session_number([3, 1, 2]) == 4


def test_unnumbered_interviews_are_ignored_when_numbering():
	"""An interview stored without a number (0 or empty) does not shift the numbering."""
	assert next_session_number([0]) == 1
	assert next_session_number([None, 2, 0, 1]) == 3


def test_a_number_is_never_reused_below_the_latest_session():
	assert next_session_number([1, 3]) == 4


def test_latest_session_may_be_deleted():
	assert can_remove_session(3, [1, 2, 3])
	assert can_remove_session(3, [3, 1, 2])


def test_the_only_session_may_be_deleted():
	assert can_remove_session(1, [1])


@pytest.mark.parametrize("number", [1, 2])
def test_earlier_session_may_not_be_deleted_as_it_would_leave_a_gap(number):
	assert not can_remove_session(number, [1, 2, 3])


def test_session_missing_from_the_case_may_not_be_deleted():
	assert not can_remove_session(4, [1, 2, 3])
	assert not can_remove_session(1, [])


@given(count=st.integers(1, 40))
def test_deleting_the_latest_session_lets_the_next_interview_take_its_number(count):
	sessions = list(range(1, count + 1))

	assert can_remove_session(count, sessions)
	assert next_session_number(sessions[:-1]) == count
	assert next_session_number(sessions) == count + 1


@given(sessions=st.lists(st.integers(1, 50), min_size=1, max_size=20, unique=True))
def test_exactly_one_session_of_a_case_may_be_deleted(sessions):
	assert [n for n in sessions if can_remove_session(n, sessions)] == [max(sessions)]


def test_unnumbered_interviews_are_ignored_when_deleting():
	assert can_remove_session(2, [1, None, 2])
