"""The aggregated queries behind the reports and the monthly report to the petition bureau (§8.2 b, c).

Each function runs one grouped query, whatever the number of cases, and returns counts only: nothing here
carries a person's name, so its results may go to the petition office liaison.
"""

import frappe
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum

from petition_social_work.reporting.query import (
	INTAKE,
	case_conditions,
	date_range,
	month_of,
	where_all,
)
from petition_social_work.rules.caseload import IRRATIONAL

# report dimension -> Petition Intake field
DIMENSIONS = {
	"Matter Type": "matter_type",
	"Problem Location": "problem_location",
	"Competent Authority": "competent_authority",
}


def cases_by_month(filters: dict, fields: tuple[str, ...]) -> list[dict]:
	"""Cases registered per month and per value of each Petition Intake field in `fields`."""
	intake = frappe.qb.DocType(INTAKE)
	month = month_of(intake.first_contact_date)
	columns = [intake[field] for field in fields]
	query = (
		frappe.qb.from_(intake)
		.select(*columns, month.as_("month"), Count("*").as_("cases"))
		.groupby(*columns, month)
	)
	return where_all(query, case_conditions(intake, filters)).run(as_dict=True)


def behaviour_by_month(filters: dict) -> list[dict]:
	"""Cases registered per month and how many of them are irrational petitions (§3.3, §7.1.5 a)."""
	intake = frappe.qb.DocType(INTAKE)
	month = month_of(intake.first_contact_date)
	irrational = Sum(Case().when(intake.petition_behaviour == IRRATIONAL, 1).else_(0))
	query = (
		frappe.qb.from_(intake)
		.select(month.as_("month"), Count("*").as_("cases"), irrational.as_("irrational"))
		.groupby(month)
	)
	return where_all(query, case_conditions(intake, filters)).run(as_dict=True)


def closure_goals_by_month(filters: dict) -> list[dict]:
	"""Per month of closing: closures submitted, the goals they record and how many were achieved (§7.1.5 a)."""
	closure = frappe.qb.DocType("Case Closure")
	goal = frappe.qb.DocType("Case Closure Goal")
	intake = frappe.qb.DocType(INTAKE)
	from_date, to_date = date_range(filters)
	month = month_of(closure.closed_on)
	query = (
		frappe.qb.from_(closure)
		.join(intake)
		.on(intake.name == closure.petition_intake)
		.left_join(goal)
		.on(
			(goal.parent == closure.name)
			& (goal.parenttype == "Case Closure")
			& (goal.parentfield == "goals")
		)
		.select(
			month.as_("month"),
			Count(closure.name).distinct().as_("closures"),
			Count(goal.name).as_("goals"),
			Sum(Case().when(goal.achievement == "Achieved", 1).else_(0)).as_("achieved"),
			Sum(Case().when(goal.achievement == "Partly Achieved", 1).else_(0)).as_("partly_achieved"),
		)
		.where(closure.docstatus == 1)
		.where(closure.closed_on.between(from_date, to_date))
		.groupby(month)
	)
	return where_all(query, case_conditions(intake, filters, date_field=None)).run(as_dict=True)


def referrals_by_status(filters: dict, extra_conditions=()) -> list[dict]:
	"""Referrals made in the period per receiving unit and status, with the mean days the receiver took."""
	from petition_social_work.reporting.query import DateDiff

	referral = frappe.qb.DocType("Petition Referral")
	from_date, to_date = date_range(filters)
	query = (
		frappe.qb.from_(referral)
		.select(
			referral.referred_to,
			referral.status,
			Count("*").as_("referrals"),
			Sum(DateDiff(referral.responded_on, referral.referral_date)).as_("response_days"),
			Count(referral.responded_on).as_("responded"),
		)
		.where(referral.referral_date.between(from_date, to_date))
		.groupby(referral.referred_to, referral.status)
	)
	if filters.get("reason"):
		query = query.where(referral.reason == filters["reason"])
	return where_all(query, list(extra_conditions)).run(as_dict=True)


def crises_by_level(filters: dict) -> list[dict]:
	"""Crisis plans alerted in the period per warning level (§7.2.2 d)."""
	crisis = frappe.qb.DocType("Crisis Plan")
	from_date, to_date = date_range(filters)
	alerted_on = crisis.alerted_on
	return (
		frappe.qb.from_(crisis)
		.select(crisis.warning_level, Count("*").as_("crises"))
		.where(alerted_on >= from_date)
		.where(alerted_on < frappe.utils.add_days(to_date, 1))
		.groupby(crisis.warning_level)
		.run(as_dict=True)
	)
