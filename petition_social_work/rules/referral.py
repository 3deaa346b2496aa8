"""Referral of matters beyond the service (§6.4): the receiving body's answer and the result are followed up."""

from petition_social_work.rules import Problem

SENT, ACCEPTED, DECLINED, COMPLETED = "Sent", "Accepted", "Declined", "Completed"

NEXT_STATUSES = {
	SENT: {ACCEPTED, DECLINED},
	ACCEPTED: {COMPLETED},
	DECLINED: set(),
	COMPLETED: set(),
}


def referral_problems(old_status: str | None, new_status: str, outcome: str | None) -> list[Problem]:
	problems = []
	if old_status and old_status != new_status and new_status not in NEXT_STATUSES.get(old_status, set()):
		problems.append(Problem("referral_transition", (old_status, new_status)))
	if old_status is None and new_status != SENT:
		problems.append(Problem("referral_transition", ("", new_status)))
	if new_status in (COMPLETED, DECLINED) and not (outcome or "").strip():
		problems.append(Problem("referral_outcome_missing", (new_status,)))
	return problems
