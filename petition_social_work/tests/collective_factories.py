"""Factories for collective petitions (§7.2.1) and coordination meetings, each returning a saved document."""

import frappe
from frappe.utils import today

from petition_social_work.tests.factories import make_petitioner


def make_members(count: int, representatives: int = 0) -> list[dict]:
	"""Rows of the member table: `count` new petitioners, the first `representatives` of them representatives."""
	return [
		{
			"petitioner": make_petitioner(full_name=f"集访人{i + 1}", phone=None).name,
			"is_representative": int(i < representatives),
		}
		for i in range(count)
	]


def make_collective_petition(members: list[dict] | None = None, **values) -> "frappe.Document":
	"""A collective petition handled by the current user: 6 people, 3 named, 2 of them representatives."""
	return frappe.get_doc(
		{
			"doctype": "Collective Petition",
			"visit_date": values.pop("visit_date", today()),
			"headcount": values.pop("headcount", 6),
			"matter_type": values.pop("matter_type", "Labour and Social Security"),
			"matter_summary": values.pop("matter_summary", "某制衣厂停业，工人集体追讨拖欠工资"),
			"problem_location": values.pop("problem_location", "广州市荔湾区"),
			"nature": values.pop("nature", "Claim"),
			"members": make_members(3, representatives=2) if members is None else members,
			**values,
		}
	).insert()


def make_coordination_meeting(**values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Coordination Meeting",
			"meeting_type": values.pop("meeting_type", "Hardship Coordination"),
			"meeting_date": values.pop("meeting_date", today()),
			"venue": values.pop("venue", "荔湾区信访局三楼会议室"),
			"agenda": values.pop("agenda", "协调解决信访人医疗救助申请"),
			**values,
		}
	).insert()
