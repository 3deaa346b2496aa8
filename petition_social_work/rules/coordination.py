"""Coordination meetings (§5.4, §7.2.1 d, §7.2.3 c–d): a meeting held records its decision, and the
decision is replied to the petitioner."""

from petition_social_work.rules import Problem

PLANNED, HELD, REPLIED = "Planned", "Held", "Replied"
STATUSES = (PLANNED, HELD, REPLIED)

CONSULTATION = "Consultation on Collective Petition"
HARDSHIP = "Hardship Coordination"
DISPUTE = "Dispute Coordination"
MEETING_TYPES = (CONSULTATION, HARDSHIP, DISPUTE)


def meeting_problems(meeting: dict) -> list[Problem]:
	problems = []
	status = meeting.get("status")

	if status in (HELD, REPLIED) and not (meeting.get("decisions") or "").strip():
		problems.append(Problem("meeting_decisions_missing", (status,)))
	# §7.2.3 d: the outcome reaches the petitioner, and when it did is on record
	if status == REPLIED:
		if not (meeting.get("reply_to_petitioner") or "").strip():
			problems.append(Problem("meeting_reply_missing"))
		if not meeting.get("replied_on"):
			problems.append(Problem("meeting_reply_date_missing"))
	# §7.2.1 d: a consultation meeting is held on a recorded collective petition
	if meeting.get("meeting_type") == CONSULTATION and not meeting.get("collective_petition"):
		problems.append(Problem("consultation_without_collective_petition"))
	return problems
