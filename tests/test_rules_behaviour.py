"""Classification of petition behaviour (§3.3–3.7)."""

import pytest

from petition_social_work.rules import Problem
from petition_social_work.rules.behaviour import (
	IRRATIONAL,
	LEVELS,
	PERSISTENT_BEHAVIOUR_FIELDS,
	RATIONAL,
	classify,
	is_bypassing,
	persistent_problems,
)


@pytest.mark.parametrize(
	"visit_level, competent_level, expected",
	[
		("City", "Community", True),  # skips the town/street and the district
		("District", "Community", True),
		("Town / Street", "Community", False),  # the level directly above the competent one
		("Community", "Community", False),
		("National", "Province", False),
		("National", "District", True),
		("Community", "City", False),  # a lower level is not bypassing
		("", "Community", False),
		("City", None, False),
	],
)
def test_a_visit_bypasses_levels_when_it_skips_the_competent_level_and_the_one_above(
	visit_level, competent_level, expected
):
	"""§3.6: 越级上访 skips the competent level and the level above it."""
	assert is_bypassing("Visit", visit_level, competent_level) is expected


def test_only_a_visit_can_bypass_levels():
	"""§3.6 speaks of visits (走访): a letter to the city is not bypassing."""
	assert not is_bypassing("Letter", "City", "Community")
	assert not is_bypassing("Online", "National", "Community")


def test_levels_run_from_community_to_national():
	assert LEVELS[0] == "Community" and LEVELS[-1] == "National" and len(set(LEVELS)) == 6


@pytest.mark.parametrize(
	"repeat, bypassing, persistent, expected",
	[
		(False, False, False, RATIONAL),
		(True, False, False, IRRATIONAL),  # §3.4
		(False, True, False, IRRATIONAL),  # §3.6
		(False, False, True, IRRATIONAL),  # §3.5
		(True, True, True, IRRATIONAL),
	],
)
def test_any_irrational_kind_makes_the_petition_irrational(repeat, bypassing, persistent, expected):
	"""§3.3: repeat, persistent / unruly and bypassing are the kinds of irrational petition."""
	assert classify(repeat, bypassing, persistent) == expected


def test_persistent_judgement_needs_behaviours_and_evidence():
	"""§3.5: the judgement is recorded with what was observed."""
	assert persistent_problems({"is_persistent_unruly": 0}) == []
	assert persistent_problems({"is_persistent_unruly": 1}) == [
		Problem("persistent_without_behaviour"),
		Problem("persistent_without_evidence"),
	]
	assert persistent_problems(
		{"is_persistent_unruly": 1, "behaviour_sit_in": 1, "persistent_evidence": "  "}
	) == [Problem("persistent_without_evidence")]


@pytest.mark.parametrize("behaviour", PERSISTENT_BEHAVIOUR_FIELDS)
def test_each_observed_behaviour_is_enough_with_evidence(behaviour):
	case = {"is_persistent_unruly": 1, behaviour: 1, "persistent_evidence": "区政府门口拉横幅"}
	assert persistent_problems(case) == []
