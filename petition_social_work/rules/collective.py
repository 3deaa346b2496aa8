"""Collective petitions (§3.7, §7.2.1): who counts as one, and what must be done before one is closed."""

from collections import Counter

from petition_social_work.rules import Problem

# §3.7: a visit by 5 or more people raising the same matter is a collective petition
COLLECTIVE_THRESHOLD = 5
# §7.2.1 a: the group chooses at most 5 representatives ("不超过 5 个（含）")
MAX_REPRESENTATIVES = 5
OPEN, CLOSED = "Open", "Closed"


def is_collective_visit(headcount: int | None) -> bool:
	return (headcount or 0) >= COLLECTIVE_THRESHOLD


def collective_problems(petition: dict, members: list[dict]) -> list[Problem]:
	"""What stops a collective petition from being saved; `members` are the rows of its member table."""
	problems = []
	headcount = petition.get("headcount") or 0

	representatives = sum(1 for member in members if member.get("is_representative"))
	if representatives > MAX_REPRESENTATIVES:
		problems.append(Problem("too_many_representatives", (representatives, MAX_REPRESENTATIVES)))
	if not is_collective_visit(headcount):
		problems.append(Problem("not_collective", (headcount, COLLECTIVE_THRESHOLD)))
	if headcount < len(members):
		problems.append(Problem("headcount_below_members", (headcount, len(members))))
	listed = Counter(member.get("petitioner") for member in members if member.get("petitioner"))
	problems += [Problem("member_listed_twice", (name,)) for name, times in listed.items() if times > 1]

	# §7.2.1 f: the police are called in only for those who stay after being persuaded to leave
	if petition.get("police_notified") and not petition.get("stayed_after_persuasion"):
		problems.append(Problem("police_before_persuasion"))
	if petition.get("reported_upward_on") and not (petition.get("reported_upward_to") or "").strip():
		problems.append(Problem("upward_report_recipient_missing"))

	if petition.get("status") == CLOSED:
		# §7.2.1 b: a large-scale event is reported to the level above before the record is closed
		if petition.get("is_large_scale") and not petition.get("reported_upward_on"):
			problems.append(Problem("large_scale_not_reported"))
		# §7.2.1 e: the representatives are told the procedure before the group leaves
		if not petition.get("told_procedure"):
			problems.append(Problem("closed_without_procedure"))
	return problems
