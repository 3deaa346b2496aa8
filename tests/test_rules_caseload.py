"""§8.1 c: 65–70 rational or 5–10 irrational cases per full-time worker."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition_social_work.rules.caseload import (
	NEAR,
	OVER,
	WITHIN,
	capacity_used,
	caseload_limit_for,
	caseload_status,
)


@pytest.mark.parametrize(
	("rational", "irrational", "status"),
	[
		(0, 0, WITHIN),
		(64, 0, WITHIN),
		(65, 0, NEAR),
		(70, 0, NEAR),
		(71, 0, OVER),
		(0, 4, WITHIN),
		(0, 5, NEAR),
		(0, 10, NEAR),
		(0, 11, OVER),
		(35, 5, NEAR),
		(35, 6, OVER),
		(30, 2, WITHIN),
	],
)
def test_status_follows_the_bands_of_8_1_c(rational, irrational, status):
	assert caseload_status(rational, irrational) == status


def test_limits_per_behaviour():
	assert caseload_limit_for("Rational") == 70
	assert caseload_limit_for("Irrational") == 10
	assert caseload_limit_for(None) == 70


def test_negative_counts_are_refused():
	with pytest.raises(ValueError):
		caseload_status(-1, 0)


@given(st.integers(0, 200), st.integers(0, 30))
def test_one_more_case_never_lowers_the_status(rational, irrational):
	order = [WITHIN, NEAR, OVER]
	now = order.index(caseload_status(rational, irrational))
	assert order.index(caseload_status(rational + 1, irrational)) >= now
	assert order.index(caseload_status(rational, irrational + 1)) >= now
	assert (capacity_used(rational, irrational) > 1) == (caseload_status(rational, irrational) == OVER)
