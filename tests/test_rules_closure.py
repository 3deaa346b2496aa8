"""Appendix C closure form, §7.1.4 j: the case closes against the service plan's goals."""

import pytest

from petition_social_work.rules import Problem
from petition_social_work.rules.closure import (
	CASE_ENDED,
	REFERRAL_OUT,
	REFERRAL_REASON_FIELDS,
	closure_problems,
	goals_from_plan,
)


def ended(**values) -> dict:
	return {
		"category": CASE_ENDED,
		"closure_type": "Goals Met",
		"organisation_evaluation": "Goals met; the petitioner is satisfied.",
		**values,
	}


def referred(**values) -> dict:
	return ended(**{"category": REFERRAL_OUT, "closure_type": "Referred", "reason_beyond_scope": 1, **values})


def rated(*achievements: str) -> list[dict]:
	return [
		{"idx": i, "staged_goal": f"goal {i}", "achievement": a} for i, a in enumerate(achievements, start=1)
	]


GOALS = rated("Achieved", "Partly Achieved")


# ---------------------------------------------------------------- the goal table


def test_goal_table_lists_the_plans_goals_in_the_plans_order():
	"""Appendix C goal achievement table: no., staged goal, achievement, remark — one row per plan goal."""
	plan_goals = [
		{"name": "g-b", "goal": "Arrears paid"},
		{"name": "g-a", "goal": "Calmer contact with the employer"},
		{"name": "g-c", "goal": "Knows the arbitration procedure"},
	]

	assert goals_from_plan(plan_goals) == [
		{"staged_goal": "Arrears paid", "service_plan_goal": "g-b"},
		{"staged_goal": "Calmer contact with the employer", "service_plan_goal": "g-a"},
		{"staged_goal": "Knows the arbitration procedure", "service_plan_goal": "g-c"},
	]


def test_goal_not_yet_saved_has_no_plan_goal_link():
	assert goals_from_plan([{"goal": "Arrears paid"}]) == [
		{"staged_goal": "Arrears paid", "service_plan_goal": None}
	]


def test_case_without_a_plan_has_an_empty_goal_table():
	assert goals_from_plan([]) == []


# ---------------------------------------------------------------- complete forms


def test_complete_case_ended_closure_can_be_submitted():
	assert closure_problems(ended(), GOALS) == []


def test_complete_referral_out_closure_can_be_submitted():
	assert closure_problems(referred(), GOALS) == []


@pytest.mark.parametrize("achievement", ["Achieved", "Partly Achieved", "Not Achieved"])
def test_any_rating_of_a_goal_completes_it(achievement):
	assert closure_problems(ended(), rated(achievement)) == []


# ---------------------------------------------------------------- goals


def test_closure_without_goals_cannot_be_submitted():
	"""§7.1.4 j: the closure reports on the plan's goals; a case without goals has nothing to report."""
	assert closure_problems(ended(), []) == [Problem("closure_no_goals")]


def test_every_unrated_goal_is_named_by_its_row_number():
	goals = rated("Achieved", "", "Not Achieved", None)

	assert closure_problems(ended(), goals) == [
		Problem("closure_goal_unrated", (2,)),
		Problem("closure_goal_unrated", (4,)),
	]


def test_unrated_goal_is_named_by_its_row_number_in_the_table_not_its_position():
	goals = [{"idx": 3, "staged_goal": "c"}, {"idx": 1, "staged_goal": "a", "achievement": "Achieved"}]

	assert closure_problems(ended(), goals) == [Problem("closure_goal_unrated", (3,))]


def test_unrated_goal_without_a_row_number_is_named_by_its_position():
	goals = [{"staged_goal": "a", "achievement": "Achieved"}, {"staged_goal": "b"}]

	assert closure_problems(ended(), goals) == [Problem("closure_goal_unrated", (2,))]


# ---------------------------------------------------------------- referral out


def test_referral_out_needs_at_least_one_reason():
	"""Appendix C referral reasons: beyond scope, outside area, job change, change of worker, other."""
	closure = referred(reason_beyond_scope=0)

	assert closure_problems(closure, GOALS) == [Problem("closure_referral_reason_missing")]


def test_referral_reasons_are_the_five_of_appendix_c():
	assert REFERRAL_REASON_FIELDS == (
		"reason_beyond_scope",
		"reason_outside_area",
		"reason_worker_change",
		"reason_change_worker",
		"reason_other",
	)


@pytest.mark.parametrize("reason", REFERRAL_REASON_FIELDS)
def test_any_one_referral_reason_is_enough(reason):
	closure = referred(reason_beyond_scope=0, reason_other_detail="moved to Foshan")
	closure[reason] = 1

	assert closure_problems(closure, GOALS) == []


@pytest.mark.parametrize(
	"closure_type", ["Goals Met", "Client Ended the Service", "Moved Away", "Deceased", None]
)
def test_referral_out_must_have_the_closure_type_referred(closure_type):
	closure = referred(closure_type=closure_type)

	assert closure_problems(closure, GOALS) == [Problem("closure_type_mismatch")]


def test_case_ended_cannot_have_the_closure_type_referred():
	assert closure_problems(ended(closure_type="Referred"), GOALS) == [Problem("closure_type_mismatch")]


@pytest.mark.parametrize("closure_type", ["Goals Met", "Client Ended the Service", "Moved Away", "Deceased"])
def test_case_ended_accepts_every_closure_type_but_referred(closure_type):
	assert closure_problems(ended(closure_type=closure_type), GOALS) == []


@pytest.mark.parametrize("detail", [None, "", "   "])
def test_other_referral_reason_needs_its_details(detail):
	closure = referred(reason_beyond_scope=0, reason_other=1, reason_other_detail=detail)

	assert closure_problems(closure, GOALS) == [Problem("closure_other_reason_detail")]


# ---------------------------------------------------------------- closure type and evaluation


@pytest.mark.parametrize("detail", [None, "", " \n"])
def test_other_closure_type_needs_its_details(detail):
	closure = ended(closure_type="Other", closure_type_detail=detail)

	assert closure_problems(closure, GOALS) == [Problem("closure_other_type_detail")]


def test_other_closure_type_with_details_is_complete():
	closure = ended(closure_type="Other", closure_type_detail="Petitioner now served by the street office")

	assert closure_problems(closure, GOALS) == []


@pytest.mark.parametrize("evaluation", [None, "", "  "])
def test_closure_needs_the_organisations_evaluation(evaluation):
	"""Appendix C: the organisation's evaluation, signed by the project lead, completes the form."""
	assert closure_problems(ended(organisation_evaluation=evaluation), GOALS) == [
		Problem("closure_evaluation_missing")
	]


def test_every_problem_of_an_empty_referral_form_is_reported_in_order():
	closure = {"category": REFERRAL_OUT, "closure_type": "Other", "reason_other": 1}

	assert closure_problems(closure, rated("")) == [
		Problem("closure_goal_unrated", (1,)),
		Problem("closure_type_mismatch"),
		Problem("closure_other_reason_detail"),
		Problem("closure_evaluation_missing"),
		Problem("closure_other_type_detail"),
	]


def test_empty_form_reports_missing_goals_and_evaluation():
	assert closure_problems({}, []) == [Problem("closure_no_goals"), Problem("closure_evaluation_missing")]
