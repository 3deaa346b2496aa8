"""Who sees which case (issue: a worker sees only their cases).

A worker sees and edits the cases they are responsible for (负责社工) or that were shared with them, and
every record that hangs off those cases by `petition_intake` (plans, interviews, referrals, closures, crisis
plans, home visits, resource applications); the same condition serves lists, reports, link
search and the REST API (`permission_query_conditions`) and single documents (`has_permission`).
Supervisors and managers see the whole service; the liaison role has no access to case records at all.
"""

import frappe

from petition_social_work.privacy.grading import closed_cases_sql, is_closed_to
from petition_social_work.roles import sees_whole_service

INTAKE = "Petition Intake"
# adding a record (an interview, a plan ...) to a case changes the case: a share for reading does not allow it
WRITE_RIGHTS = ("create", "write", "submit", "cancel", "amend", "delete")
CASE_RECORD_DOCTYPES = (
	"Service Plan",
	"Petition Interview",
	"Petition Referral",
	"Case Closure",
	"Crisis Plan",
	"Petition Home Visit",
	"Resource Application",
)


# ---------------------------------------------------------------- list conditions
def intake_query_conditions(user: str | None = None) -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	# §8.4 e: a Restricted case is left out for everyone not entrusted with it, whole-service roles included
	not_closed = f"`tabPetition Intake`.`name` not in ({closed_cases_sql(user)})"
	if sees_whole_service(user):
		return not_closed
	# Frappe adds shared documents itself only for if-owner or user-permission setups, so the share is named here
	return f"`tabPetition Intake`.`name` in ({_visible_cases_sql(user)}) and {not_closed}"


def case_record_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""For every DocType that hangs off a case by its `petition_intake` field (Frappe passes the doctype)."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	not_closed = f"coalesce(`tab{doctype}`.`petition_intake`, '') not in ({closed_cases_sql(user)})"
	if sees_whole_service(user):
		return not_closed
	return f"`tab{doctype}`.`petition_intake` in ({_visible_cases_sql(user)}) and {not_closed}"


def petitioner_query_conditions(user: str | None = None) -> str:
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	# a petitioner with a Restricted case closed to the user stays out of sight with it (§8.4 e)
	not_closed = (
		f"`tabPetitioner`.`name` not in (select `petitioner` from `tabPetition Intake` "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"where `name` in ({closed_cases_sql(user)}))"
	)
	if sees_whole_service(user):
		return not_closed
	escaped = frappe.db.escape(user)
	return (
		f"(`tabPetitioner`.`owner` = {escaped} or `tabPetitioner`.`name` in "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"(select `petitioner` from `tabPetition Intake` where `name` in ({_visible_cases_sql(user)}))) "
		f"and {not_closed}"
	)


def file_query_conditions(user: str | None = None) -> str:
	"""Files attached to a case, its records or its petitioner are listed only to those who see what they
	hang on: Frappe itself lists every file attached to a DocType the user may read at all."""
	user = user or frappe.session.user
	if sees_whole_service(user):
		return ""
	visible = _visible_cases_sql(user)
	attached_to = "`tabFile`.`attached_to_doctype`"
	allowed = [
		f"({attached_to} = {frappe.db.escape(INTAKE)} and `tabFile`.`attached_to_name` in ({visible}))"
	]
	allowed += [
		f"({attached_to} = {frappe.db.escape(doctype)} and `tabFile`.`attached_to_name` in "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"(select `name` from `tab{doctype}` where `petition_intake` in ({visible})))"
		for doctype in CASE_RECORD_DOCTYPES
	]
	allowed.append(
		f"({attached_to} = 'Petitioner' and `tabFile`.`attached_to_name` in "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"(select `name` from `tabPetitioner` where {petitioner_query_conditions(user)}))"
	)
	guarded = ", ".join(
		frappe.db.escape(doctype) for doctype in (INTAKE, "Petitioner", *CASE_RECORD_DOCTYPES)
	)
	return f"(ifnull({attached_to}, '') not in ({guarded}) or {' or '.join(allowed)})"


def _visible_cases_sql(user: str) -> str:
	return _handled_or_shared_sql(INTAKE, "responsible_worker", user)


def _handled_or_shared_sql(doctype: str, handler_field: str, user: str) -> str:
	"""Names of the `doctype` records the user handles (`handler_field`) or that were shared with them."""
	escaped = frappe.db.escape(user)
	return (
		f"select `name` from `tab{doctype}` where `{handler_field}` = {escaped} "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"union select `share_name` from `tabDocShare` where `share_doctype` = {frappe.db.escape(doctype)} "
		f"and `user` = {escaped} and `read` = 1"
	)


def _shared_names(doctype: str, user: str, ptype: str | None):
	"""A sub-query of the `doctype` names shared with the user for the right `ptype` needs."""
	right = "write" if ptype in WRITE_RIGHTS else "read"
	share = frappe.qb.DocType("DocShare")
	return (
		frappe.qb.from_(share)
		.select(share.share_name)
		.where((share.share_doctype == doctype) & (share.user == user) & (share[right] == 1))
	)


# ---------------------------------------------------------------- single documents
def intake_has_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	user = user or frappe.session.user
	if doc.is_new():
		return None
	if is_closed_to(doc.name, user):
		return False  # no share can reopen it: a graded case is shared only with its named users
	if sees_whole_service(user):
		return None
	# False here still lets Frappe grant access to a case shared with the user
	return doc.responsible_worker == user


def case_record_has_permission(
	doc, ptype: str | None = None, user: str | None = None, **kwargs
) -> bool | None:
	user = user or frappe.session.user
	if is_closed_to(doc.petition_intake, user):
		return False
	if sees_whole_service(user):
		return None
	if not doc.petition_intake:
		return None if doc.is_new() else False
	return can_access_case(doc.petition_intake, user, ptype)


def petitioner_has_permission(
	doc, ptype: str | None = None, user: str | None = None, **kwargs
) -> bool | None:
	user = user or frappe.session.user
	if doc.is_new():
		return None
	if _has_case_closed_to(user, doc.name):
		return False
	if sees_whole_service(user):
		return None
	return doc.owner == user or _has_visible_case(user, ptype, petitioner=doc.name)


def _has_case_closed_to(user: str, petitioner: str) -> bool:
	if user == "Administrator":
		return False
	closed = frappe.db.sql(  # nosemgrep: frappe-using-db-sql  # the shared sub-query of the conditions
		f"select 1 from `tabPetition Intake` where `petitioner` = %s and `name` in ({closed_cases_sql(user)}) limit 1",  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		petitioner,
	)
	return bool(closed)


def can_access_case(case: str, user: str, ptype: str | None = "read") -> bool:
	return _has_visible_case(user, ptype, name=case)


def _has_visible_case(user: str, ptype: str | None, **where) -> bool:
	"""One query: is there a case matching `where` that the user is responsible for or was shared?"""
	intake = frappe.qb.DocType(INTAKE)
	condition = (intake.responsible_worker == user) | intake.name.isin(_shared_names(INTAKE, user, ptype))
	for field, value in where.items():
		condition &= intake[field] == value
	return bool(frappe.qb.from_(intake).select(intake.name).where(condition).limit(1).run())


# ---------------------------------------------------------------- collective petitions and meetings
COLLECTIVE = "Collective Petition"
MEETING = "Coordination Meeting"


def collective_query_conditions(user: str | None = None) -> str:
	"""A worker sees the collective petitions they handle or that were shared with them."""
	user = user or frappe.session.user
	if sees_whole_service(user):
		return ""
	return f"`tabCollective Petition`.`name` in ({_visible_collectives_sql(user)})"


def meeting_query_conditions(user: str | None = None) -> str:
	"""A worker sees the meetings they organise and those held on a case or collective petition they see."""
	user = user or frappe.session.user
	if sees_whole_service(user):
		return ""
	return (
		f"(`tabCoordination Meeting`.`organised_by` = {frappe.db.escape(user)} "
		f"or `tabCoordination Meeting`.`petition_intake` in ({_visible_cases_sql(user)}) "
		f"or `tabCoordination Meeting`.`collective_petition` in ({_visible_collectives_sql(user)}))"
	)


def _visible_collectives_sql(user: str) -> str:
	return _handled_or_shared_sql(COLLECTIVE, "handled_by", user)


def collective_has_permission(
	doc, ptype: str | None = None, user: str | None = None, **kwargs
) -> bool | None:
	user = user or frappe.session.user
	if sees_whole_service(user) or doc.is_new():
		return None
	# False here still lets Frappe grant access to a collective petition shared with the user
	return doc.handled_by == user


def meeting_has_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	user = user or frappe.session.user
	if sees_whole_service(user) or doc.is_new():
		return None
	if doc.organised_by == user:
		return True
	return _meeting_links_visible(user, ptype, doc.petition_intake, doc.collective_petition)


def _meeting_links_visible(user: str, ptype: str | None, case: str | None, collective: str | None) -> bool:
	"""One query: does the meeting hang off a case or a collective petition the user handles or was shared?"""
	if not (case or collective):
		return False
	intake, petition = frappe.qb.DocType(INTAKE), frappe.qb.DocType(COLLECTIVE)
	visible_case = (
		frappe.qb.from_(intake)
		.select(intake.name)
		.where(
			(intake.name == (case or ""))
			& ((intake.responsible_worker == user) | intake.name.isin(_shared_names(INTAKE, user, ptype)))
		)
	)
	visible_collective = (
		frappe.qb.from_(petition)
		.select(petition.name)
		.where(
			(petition.name == (collective or ""))
			& ((petition.handled_by == user) | petition.name.isin(_shared_names(COLLECTIVE, user, ptype)))
		)
	)
	return bool(visible_case.union(visible_collective).limit(1).run())
