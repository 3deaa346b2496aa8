"""§7.1.2 assessment and screening: each check f–l is a recorded answer with its consequence."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition_social_work.rules import Problem
from petition_social_work.rules.screening import (
	DECISIONS,
	NOT_ACCEPTED,
	OPEN,
	REFER,
	SCREENING_CHECKS,
	screening_outcome,
	screening_problems,
)

CHECK_ORDER = (
	"within_scope",
	"screen_competent_level",
	"screen_law_related",
	"screen_discipline",
	"screen_repeat",
	"screen_foreign",
	"screen_not_accepted",
)


def cleared(**answers) -> dict:
	"""A case every check clears: in scope, for this level, and none of h–l applies."""
	return {
		"within_scope": "Yes",
		"screen_competent_level": "Yes",
		"screen_law_related": "No",
		"screen_discipline": "No",
		"screen_repeat": "No",
		"screen_foreign": "No",
		"screen_not_accepted": "No",
		**answers,
	}


def signed(decision: str, **answers) -> dict:
	"""Cleared answers with a decision that carries what it needs (an assignee or a reason)."""
	extra = (
		{"assigned_worker": "worker@example.com"}
		if decision == OPEN
		else {"decision_reason": "see assessment"}
	)
	return cleared(decision=decision, **extra, **answers)


def test_checks_are_listed_in_the_standards_order_with_their_clauses():
	assert tuple(SCREENING_CHECKS) == CHECK_ORDER
	assert list(SCREENING_CHECKS.values()) == [f"§7.1.2 {c}" for c in "fghijkl"]


def test_decisions_are_open_refer_or_not_accept():
	assert DECISIONS == ("Open Case", "Refer Out", "Not Accepted")


# ---------------------------------------------------------------- outcomes of each check


def test_case_that_clears_every_check_may_take_any_decision():
	"""§7.1.2 f: a matter within scope is served; nothing is ruled out."""
	outcome = screening_outcome(cleared())

	assert outcome.allowed_decisions == (OPEN, REFER, NOT_ACCEPTED)
	assert outcome.consequences == []
	assert outcome.unanswered == []


def test_matter_outside_the_services_scope_is_referred_not_served():
	"""§7.1.2 f: outside the service's scope or ability -> refer (or not accept); never open."""
	outcome = screening_outcome(cleared(within_scope="No"))

	assert outcome.consequences == ["out_of_scope_refer"]
	assert outcome.allowed_decisions == (REFER, NOT_ACCEPTED)


def test_matter_for_another_level_is_guided_to_the_competent_level():
	"""§7.1.2 g: not a matter for this level -> guide it to the competent level; the case is not opened."""
	outcome = screening_outcome(cleared(screen_competent_level="No"))

	assert outcome.consequences == ["route_to_competent_level"]
	assert outcome.allowed_decisions == (REFER, NOT_ACCEPTED)


def test_law_related_matter_is_guided_to_the_judicial_channel_without_closing_any_decision():
	"""§7.1.2 h: law- or litigation-related -> guidance to the judicial channel, which is recorded."""
	outcome = screening_outcome(cleared(screen_law_related="Yes"))

	assert outcome.consequences == ["guide_to_judicial_channel"]
	assert outcome.allowed_decisions == DECISIONS


def test_accusation_for_discipline_inspection_can_only_be_referred():
	"""§7.1.2 i: an accusation against officials goes to the discipline inspection organs."""
	outcome = screening_outcome(cleared(screen_discipline="Yes"))

	assert outcome.consequences == ["refer_to_discipline_inspection"]
	assert outcome.allowed_decisions == (REFER,)


def test_repeat_petition_is_classified_and_may_still_be_served():
	"""§7.1.2 j, §3.4: a repeat petition is recorded as such; it is not refused for being repeated."""
	outcome = screening_outcome(cleared(screen_repeat="Yes"))

	assert outcome.consequences == ["repeat_petition"]
	assert outcome.allowed_decisions == DECISIONS


def test_foreign_petitioner_is_served_under_the_same_rules_and_flagged():
	"""§7.1.2 k: foreigners, stateless persons and foreign organisations are flagged, not turned away."""
	outcome = screening_outcome(cleared(screen_foreign="Yes"))

	assert outcome.consequences == ["foreign_petitioner"]
	assert outcome.allowed_decisions == DECISIONS


def test_matter_not_to_be_accepted_can_only_be_not_accepted():
	"""§7.1.2 l: a matter not to be accepted, or no longer accepted, is not accepted."""
	outcome = screening_outcome(cleared(screen_not_accepted="Yes"))

	assert outcome.consequences == ["not_accepted"]
	assert outcome.allowed_decisions == (NOT_ACCEPTED,)


@pytest.mark.parametrize("answer", ["No", None, ""])
def test_a_cleared_answer_or_no_answer_adds_no_consequence(answer):
	for check in (
		"screen_law_related",
		"screen_discipline",
		"screen_repeat",
		"screen_foreign",
		"screen_not_accepted",
	):
		assert screening_outcome(cleared(**{check: answer})).consequences == []
	for check in ("within_scope", "screen_competent_level"):
		assert screening_outcome(cleared(**{check: "Yes" if answer == "No" else answer})).consequences == []


# ---------------------------------------------------------------- combinations


def test_discipline_accusation_that_is_also_not_accepted_leaves_no_decision():
	"""§7.1.2 i and l contradict: one demands a referral, the other refusal."""
	outcome = screening_outcome(cleared(screen_discipline="Yes", screen_not_accepted="Yes"))

	assert outcome.allowed_decisions == ()
	assert outcome.consequences == ["refer_to_discipline_inspection", "not_accepted"]


@pytest.mark.parametrize("decision", DECISIONS)
def test_contradictory_screening_is_refused_whatever_the_decision(decision):
	answers = signed(decision, screen_discipline="Yes", screen_not_accepted="Yes")

	assert screening_problems(answers) == [Problem("screening_contradiction")]


def test_out_of_scope_discipline_accusation_is_referred():
	"""§7.1.2 f with i: both point outward, and only a referral satisfies both."""
	outcome = screening_outcome(cleared(within_scope="No", screen_discipline="Yes"))

	assert outcome.allowed_decisions == (REFER,)


def test_out_of_scope_matter_no_longer_accepted_is_not_accepted():
	outcome = screening_outcome(cleared(within_scope="No", screen_not_accepted="Yes"))

	assert outcome.allowed_decisions == (NOT_ACCEPTED,)


def test_repeat_law_related_petition_from_a_foreigner_may_still_be_opened():
	"""§7.1.2 h, j, k only add consequences: the case can still be served."""
	outcome = screening_outcome(cleared(screen_law_related="Yes", screen_repeat="Yes", screen_foreign="Yes"))

	assert outcome.allowed_decisions == DECISIONS
	assert outcome.consequences == ["guide_to_judicial_channel", "repeat_petition", "foreign_petitioner"]


def test_consequences_are_listed_in_clause_order():
	every_flag = {
		"within_scope": "No",
		"screen_competent_level": "No",
		"screen_law_related": "Yes",
		"screen_discipline": "Yes",
		"screen_repeat": "Yes",
		"screen_foreign": "Yes",
		"screen_not_accepted": "Yes",
	}

	assert screening_outcome(every_flag).consequences == [
		"out_of_scope_refer",
		"route_to_competent_level",
		"guide_to_judicial_channel",
		"refer_to_discipline_inspection",
		"repeat_petition",
		"foreign_petitioner",
		"not_accepted",
	]


answer = st.sampled_from(["Yes", "No", None, ""])


@given(answers=st.fixed_dictionaries({name: answer for name in CHECK_ORDER}))
def test_allowed_decisions_follow_the_standard_for_every_combination(answers):
	"""§7.1.2 f–l across all combinations: each refusal holds whatever else was answered."""
	allowed = screening_outcome(answers).allowed_decisions

	assert allowed == tuple(d for d in DECISIONS if d in allowed)
	sends_out = answers["within_scope"] == "No" or answers["screen_competent_level"] == "No"
	assert (OPEN in allowed) == (
		not sends_out and answers["screen_discipline"] != "Yes" and answers["screen_not_accepted"] != "Yes"
	)
	assert (REFER in allowed) == (answers["screen_not_accepted"] != "Yes")
	assert (NOT_ACCEPTED in allowed) == (answers["screen_discipline"] != "Yes")


# ---------------------------------------------------------------- unanswered checks


def test_new_case_has_every_check_unanswered_in_order():
	assert screening_outcome({}).unanswered == list(CHECK_ORDER)


@pytest.mark.parametrize("blank", [None, "", "Maybe"])
@pytest.mark.parametrize("check", CHECK_ORDER)
def test_each_check_needs_a_yes_or_no(check, blank):
	"""§7.1.2: each screening check is a recorded yes or no."""
	answers = signed(OPEN, **{check: blank})

	assert screening_outcome(answers).unanswered == [check]
	assert screening_problems(answers) == [Problem("screening_unanswered", (check,))]


# ---------------------------------------------------------------- what stops sign-off


@pytest.mark.parametrize("decision", DECISIONS)
def test_complete_screening_goes_to_sign_off(decision):
	assert screening_problems(signed(decision)) == []


def test_screening_without_a_decision_cannot_go_to_sign_off():
	assert screening_problems(cleared()) == [Problem("decision_missing")]
	assert screening_problems(cleared(decision="")) == [Problem("decision_missing")]


def test_opening_a_case_needs_the_worker_it_is_assigned_to():
	"""Appendix A decision to open: yes, assigned to whom."""
	assert screening_problems(cleared(decision=OPEN)) == [Problem("assignee_missing")]
	assert screening_problems(cleared(decision=OPEN, decision_reason="why")) == [Problem("assignee_missing")]


@pytest.mark.parametrize("decision", [REFER, NOT_ACCEPTED])
@pytest.mark.parametrize("reason", [None, "", "  \n "])
def test_referring_or_not_accepting_needs_the_reason(decision, reason):
	"""Appendix A decision to open: no, and why."""
	answers = cleared(decision=decision, decision_reason=reason, assigned_worker="worker@example.com")

	assert screening_problems(answers) == [Problem("decision_reason_missing")]


def test_opening_a_discipline_accusation_is_not_allowed():
	answers = signed(OPEN, screen_discipline="Yes")

	assert screening_problems(answers) == [Problem("decision_not_allowed", (OPEN, (REFER,)))]


def test_opening_an_out_of_scope_matter_is_not_allowed():
	answers = signed(OPEN, within_scope="No")

	assert screening_problems(answers) == [Problem("decision_not_allowed", (OPEN, (REFER, NOT_ACCEPTED)))]


def test_referring_a_matter_that_is_not_accepted_is_not_allowed():
	answers = signed(REFER, screen_not_accepted="Yes")

	assert screening_problems(answers) == [Problem("decision_not_allowed", (REFER, (NOT_ACCEPTED,)))]


def test_unknown_decision_is_not_allowed():
	answers = cleared(decision="Postpone", decision_reason="later")

	assert screening_problems(answers) == [Problem("decision_not_allowed", ("Postpone", DECISIONS))]


def test_law_related_matter_needs_the_judicial_guidance_recorded():
	"""§7.1.2 h: the guidance to the judicial channel is recorded before sign-off."""
	missing = signed(OPEN, screen_law_related="Yes")
	blank = signed(OPEN, screen_law_related="Yes", judicial_guidance="   ")
	given_guidance = signed(OPEN, screen_law_related="Yes", judicial_guidance="Told to file at Tianhe court")

	assert screening_problems(missing) == [Problem("judicial_guidance_missing")]
	assert screening_problems(blank) == [Problem("judicial_guidance_missing")]
	assert screening_problems(given_guidance) == []


def test_judicial_guidance_is_not_asked_for_a_matter_outside_the_law():
	assert screening_problems(signed(OPEN, screen_law_related="No")) == []


def test_every_problem_is_reported_together_in_order():
	answers = {"screen_law_related": "Yes"}

	assert screening_problems(answers) == [
		*(Problem("screening_unanswered", (name,)) for name in CHECK_ORDER if name != "screen_law_related"),
		Problem("judicial_guidance_missing"),
		Problem("decision_missing"),
	]
