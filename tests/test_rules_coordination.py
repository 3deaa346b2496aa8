"""§5.4, §7.2.1 d, §7.2.3 c–d coordination meetings: a meeting held records its decisions, and the outcome
is replied to the petitioner with the date."""

import pytest

from petition_social_work.rules import Problem
from petition_social_work.rules.coordination import (
	CONSULTATION,
	DISPUTE,
	HARDSHIP,
	HELD,
	PLANNED,
	REPLIED,
	meeting_problems,
)

DECISIONS = "区人社局三十日内核查欠薪并答复"
REPLY = "已电话告知信访人代表会议意见"


def meeting(**values) -> dict:
	return {"meeting_type": HARDSHIP, "status": PLANNED, **values}


def test_a_planned_meeting_has_no_decisions_yet():
	assert meeting_problems(meeting()) == []


@pytest.mark.parametrize("decisions", [None, "", "  \n"])
def test_a_meeting_held_records_its_decisions(decisions):
	"""§7.2.1 d: the meeting gives its opinion on how the matter is handled."""
	assert meeting_problems(meeting(status=HELD, decisions=decisions)) == [
		Problem("meeting_decisions_missing", (HELD,))
	]
	assert meeting_problems(meeting(status=HELD, decisions=DECISIONS)) == []


def test_a_reply_names_what_was_said_and_when():
	"""§7.2.3 d: the outcome is replied to the petitioner in time."""
	replied = meeting(status=REPLIED, decisions=DECISIONS)

	assert meeting_problems(replied) == [
		Problem("meeting_reply_missing"),
		Problem("meeting_reply_date_missing"),
	]
	assert meeting_problems({**replied, "reply_to_petitioner": REPLY}) == [
		Problem("meeting_reply_date_missing")
	]
	assert meeting_problems({**replied, "replied_on": "2026-03-09"}) == [Problem("meeting_reply_missing")]
	assert meeting_problems({**replied, "reply_to_petitioner": REPLY, "replied_on": "2026-03-09"}) == []


def test_a_reply_cannot_skip_the_decisions():
	problems = meeting_problems(meeting(status=REPLIED, reply_to_petitioner=REPLY, replied_on="2026-03-09"))

	assert problems == [Problem("meeting_decisions_missing", (REPLIED,))]


def test_a_consultation_meeting_is_held_on_a_collective_petition():
	"""§7.2.1 d: the consultation meeting belongs to the collective petition it decides on."""
	assert meeting_problems(meeting(meeting_type=CONSULTATION)) == [
		Problem("consultation_without_collective_petition")
	]
	assert meeting_problems(meeting(meeting_type=CONSULTATION, collective_petition="COL-2026-00001")) == []


@pytest.mark.parametrize("meeting_type", [HARDSHIP, DISPUTE])
def test_other_meetings_need_no_collective_petition(meeting_type):
	assert meeting_problems(meeting(meeting_type=meeting_type)) == []
