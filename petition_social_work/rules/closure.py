"""Case closure (Appendix C, §7.1.4 j): the form reports against the service plan's goals."""

from petition_social_work.rules import Problem

CASE_ENDED, REFERRAL_OUT = "Case Ended", "Referral Out"
REFERRAL_REASON_FIELDS = (
	"reason_beyond_scope",
	"reason_outside_area",
	"reason_worker_change",
	"reason_change_worker",
	"reason_other",
)


def goals_from_plan(plan_goals: list[dict]) -> list[dict]:
	"""Rows of the goal-achievement table, one per goal of the plan, in the plan's order."""
	return [{"staged_goal": goal["goal"], "service_plan_goal": goal.get("name")} for goal in plan_goals]


def closure_problems(closure: dict, goals: list[dict]) -> list[Problem]:
	"""What stops a closure from being submitted."""
	problems = []
	if not goals:
		problems.append(Problem("closure_no_goals"))
	problems += [
		Problem("closure_goal_unrated", (row.get("idx") or i + 1,))
		for i, row in enumerate(goals)
		if not row.get("achievement")
	]
	if closure.get("category") == REFERRAL_OUT:
		if not any(closure.get(name) for name in REFERRAL_REASON_FIELDS):
			problems.append(Problem("closure_referral_reason_missing"))
		if closure.get("closure_type") != "Referred":
			problems.append(Problem("closure_type_mismatch"))
		if closure.get("reason_other") and not (closure.get("reason_other_detail") or "").strip():
			problems.append(Problem("closure_other_reason_detail"))
	elif closure.get("closure_type") == "Referred":
		problems.append(Problem("closure_type_mismatch"))
	if not (closure.get("organisation_evaluation") or "").strip():
		problems.append(Problem("closure_evaluation_missing"))
	if closure.get("closure_type") == "Other" and not (closure.get("closure_type_detail") or "").strip():
		problems.append(Problem("closure_other_type_detail"))
	return problems
