"""Crisis alerts (§4.3 life first, §5.6 b, §5.8 a, §7.2.2): no petitioner at risk waits unnoticed in a queue.

A risk at or above the service's alert level, found at an interview, creates or re-activates the case's
Crisis Plan and alerts every supervisor at once: a Frappe Notification (method `on_crisis_alert`, editable
by an admin) and an assigned ToDo. An alert nobody acknowledges in time escalates to the service managers
(scheduler, `escalate_overdue_alerts`). Acknowledging, escalating and resolving are recorded with who and when.
"""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.desk.form.assign_to import close_all_assignments
from frappe.utils import get_datetime, now_datetime

from petition_social_work.roles import SERVICE_MANAGER, SUPERVISOR
from petition_social_work.rules import risk

CRISIS_PLAN = "Crisis Plan"
SETTINGS = "Petition Service Settings"


def alert_settings() -> tuple[str, float]:
	settings = frappe.get_cached_doc(SETTINGS)
	return (
		settings.alert_level or risk.DEFAULT_ALERT_LEVEL,
		settings.escalation_hours or risk.DEFAULT_ESCALATION_HOURS,
	)


def raise_alert_from_interview(interview) -> str | None:
	"""Called when an interview is saved: returns the Crisis Plan alerted, if the risk calls for one."""
	alert_level, _hours = alert_settings()
	if not risk.needs_alert(interview.risk_level, alert_level):
		return None

	name = frappe.db.get_value(CRISIS_PLAN, {"petition_intake": interview.petition_intake}, "name")
	plan = frappe.get_doc(CRISIS_PLAN, name) if name else frappe.new_doc(CRISIS_PLAN)
	was_open = bool(name) and plan.status in risk.OPEN_ALERT_STATES
	plan.petition_intake = interview.petition_intake
	if risk.level_rank(interview.risk_level) > risk.level_rank(plan.warning_level):
		plan.warning_level = interview.risk_level
	for field in risk.RISK_TYPE_FIELDS:
		plan.set(field, plan.get(field) or interview.get(field))
	if not was_open:
		plan.update(
			{
				"status": risk.ACTIVE,
				"alerted_on": now_datetime(),
				"acknowledged_by": None,
				"acknowledged_on": None,
				"escalated_on": None,
				"resolved_by": None,
				"resolved_on": None,
			}
		)
	plan.flags.ignore_permissions = True  # the alert must not depend on who recorded the interview
	plan.save()
	if not was_open:
		alert(plan, supervisors(), "on_crisis_alert", _("Crisis alert: {0} ({1})"))
	return plan.name


def alert(plan, users: list[str], method: str, description: str) -> None:
	"""A ToDo for each user and the admin-editable Notification hooked to `method`."""
	if users:
		assign(
			{
				"assign_to": users,
				"doctype": CRISIS_PLAN,
				"name": plan.name,
				"description": description.format(
					plan.petitioner_name or plan.petition_intake, _(plan.warning_level)
				),
				"priority": "High",
			},
			ignore_permissions=True,
		)
	plan.run_method(method)


def supervisors() -> list[str]:
	return users_with_role(SUPERVISOR)


def users_with_role(role: str) -> list[str]:
	has_role, user = frappe.qb.DocType("Has Role"), frappe.qb.DocType("User")
	rows = (
		frappe.qb.from_(has_role)
		.join(user)
		.on(user.name == has_role.parent)
		.select(user.name)
		.distinct()
		.where((has_role.role == role) & (has_role.parenttype == "User") & (user.enabled == 1))
		.orderby(user.name)
		.run()
	)
	return [row[0] for row in rows if row[0] not in ("Administrator", "Guest")]


@frappe.whitelist()
def acknowledge(name: str) -> None:
	plan = _plan_for_supervisor(name)
	if plan.status not in (risk.ACTIVE, risk.ESCALATED):
		frappe.throw(_("Only an active or escalated alert can be acknowledged."))
	plan.update(
		{
			"status": risk.ACKNOWLEDGED,
			"acknowledged_by": frappe.session.user,
			"acknowledged_on": now_datetime(),
		}
	)
	plan.save()


@frappe.whitelist()
def resolve(name: str, resolution: str) -> None:
	plan = _plan_for_supervisor(name)
	if not (resolution or "").strip():
		frappe.throw(_("Describe how the crisis was resolved."))
	plan.update(
		{
			"status": risk.RESOLVED,
			"resolved_by": frappe.session.user,
			"resolved_on": now_datetime(),
			"resolution": resolution,
		}
	)
	plan.save()
	close_all_assignments(CRISIS_PLAN, plan.name)


def _plan_for_supervisor(name: str):
	if not {SUPERVISOR, SERVICE_MANAGER} & set(frappe.get_roles()):
		frappe.throw(_("Only a supervisor or a service manager can do this."), frappe.PermissionError)
	plan = frappe.get_doc(CRISIS_PLAN, name)
	plan.check_permission("write")
	return plan


def escalate_overdue_alerts() -> list[str]:
	"""Scheduler: alerts still unacknowledged after the service's time go to every service manager."""
	_level, hours = alert_settings()
	now = now_datetime()
	candidates = frappe.get_all(
		CRISIS_PLAN, filters={"status": risk.ACTIVE}, fields=["name", "alerted_on"], order_by="alerted_on asc"
	)
	overdue = [row.name for row in candidates if risk.is_overdue(get_datetime(row.alerted_on), now, hours)]
	managers = users_with_role(SERVICE_MANAGER)
	for name in overdue:
		plan = frappe.get_doc(CRISIS_PLAN, name)
		plan.update({"status": risk.ESCALATED, "escalated_on": now})
		plan.flags.ignore_permissions = True
		plan.save()
		alert(plan, managers, "on_crisis_escalation", _("Escalated crisis alert: {0} ({1})"))
	return overdue
