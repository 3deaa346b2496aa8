"""Confidentiality grades of cases in the database (§8.4 e); the rule itself is `rules.grading`.

A Restricted case opens only for its responsible worker and its named users, so it is left out of
every list and refused as a document to anyone else; a Confidential or Restricted case is shared only
with named users, so a share can never widen the grade.
"""

import frappe
from frappe import _

from petition_social_work.errors import ConfidentialityError
from petition_social_work.rules.grading import RESTRICTED, may_share_with

INTAKE = "Petition Intake"
NAMED = "Case Authorised User"


def closed_cases_sql(user: str) -> str:
	"""Names of the Restricted cases the user may not open (few: an `in` list stays short)."""
	escaped = frappe.db.escape(user)
	return (
		f"select `name` from `tab{INTAKE}` where `confidentiality_grade` = {frappe.db.escape(RESTRICTED)} "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"and coalesce(`responsible_worker`, '') != {escaped} and `name` not in "
		f"(select `parent` from `tab{NAMED}` where `parenttype` = {frappe.db.escape(INTAKE)} and `user` = {escaped})"
	)


def is_named(case: str, user: str) -> bool:
	return bool(frappe.db.exists(NAMED, {"parenttype": INTAKE, "parent": case, "user": user}))


def is_closed_to(case: str | None, user: str) -> bool:
	"""Is `case` a Restricted case that `user` may not open?"""
	if not case or user == "Administrator":
		return False
	grade, responsible = frappe.db.get_value(
		INTAKE, case, ["confidentiality_grade", "responsible_worker"]
	) or (
		None,
		None,
	)
	return grade == RESTRICTED and responsible != user and not is_named(case, user)


# ---------------------------------------------------------------- document events
def check_share(share, method=None):
	"""DocShare.validate: a graded case, or a record of one, is shared only with its named users."""
	case = _case_of(share.share_doctype, share.share_name)
	if not case:
		return
	grade = frappe.db.get_value(INTAKE, case, "confidentiality_grade")
	if not may_share_with(grade, named=is_named(case, share.user)):
		frappe.throw(
			_("Case {0} is graded {1}: it can be shared only with the users named on the case.").format(
				case, _(grade)
			),
			ConfidentialityError,
		)


def withdraw_unnamed_shares(intake):
	"""When a case is graded up, shares with users who are not named on it end."""
	if not may_share_with(intake.confidentiality_grade, named=False):
		named = {row.user for row in intake.get("authorised_users") or []}
		for share in frappe.get_all(
			"DocShare", filters={"share_doctype": INTAKE, "share_name": intake.name}, fields=["name", "user"]
		):
			if share.user not in named:
				frappe.delete_doc("DocShare", share.name, ignore_permissions=True)


def name_the_grader(intake):
	"""Whoever grades a case Restricted is named on it, so the grade cannot lock its author out."""
	if intake.confidentiality_grade != RESTRICTED or not intake.has_value_changed("confidentiality_grade"):
		return
	user = frappe.session.user
	if user in ("Administrator", intake.responsible_worker):
		return
	if user not in {row.user for row in intake.get("authorised_users") or []}:
		intake.append("authorised_users", {"user": user})


def _case_of(doctype: str, name: str) -> str | None:
	if doctype == INTAKE:
		return name
	meta = frappe.get_meta(doctype)
	if meta.module != "Petition Social Work" or not meta.has_field("petition_intake"):
		return None
	return frappe.db.get_value(doctype, name, "petition_intake")
