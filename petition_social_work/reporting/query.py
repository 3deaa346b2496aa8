"""Pieces every Script Report of the app shares: typed filters turned into `frappe.qb` conditions, the
case row permissions of `permissions.py` as a condition, and month keys for grouping.

Filter values only ever reach SQL as query parameters (frappe.qb binds them); dates are parsed first, so a
filter that is not a date is refused instead of being passed on.
"""

import frappe
from frappe import _
from frappe.query_builder import Criterion, CustomFunction
from frappe.query_builder.functions import DateFormat
from frappe.utils import add_months, get_first_day, getdate, today

from petition_social_work.permissions import case_record_query_conditions, intake_query_conditions

INTAKE = "Petition Intake"
MONTH_FORMAT = "%Y-%m"
PERIODICITIES = ("Month", "Quarter", "Year")

DateDiff = CustomFunction("DATEDIFF", ["end", "start"])

# filter name -> Petition Intake field compared for equality
CASE_EQUALITY_FILTERS = (
	"matter_type",
	"problem_location",
	"competent_authority",
	"responsible_worker",
	"petition_behaviour",
)


class SqlCondition(Criterion):
	"""A condition written by `permissions.py` (values escaped there), so reports and lists share one rule."""

	def __init__(self, sql: str):
		super().__init__()
		self.sql = sql

	def get_sql(self, **kwargs) -> str:
		return f"({self.sql})"


def visible_rows(doctype: str, user: str | None = None) -> list[Criterion]:
	"""The case row permissions for `doctype` (the case itself or a record hanging off it by `petition_intake`)."""
	user = user or frappe.session.user
	if doctype == INTAKE:
		sql = intake_query_conditions(user)
	else:
		sql = case_record_query_conditions(user, doctype)
	return [SqlCondition(sql)] if sql else []


def date_range(filters: dict, months_back: int = 11) -> tuple:
	"""`from_date` and `to_date` of the filters as dates; by default the last `months_back` months and this one."""
	to_date = getdate(filters.get("to_date") or today())
	from_date = getdate(filters.get("from_date") or get_first_day(add_months(to_date, -months_back)))
	if from_date > to_date:
		frappe.throw(_("From Date must not be after To Date."))
	return from_date, to_date


def case_conditions(intake, filters: dict, date_field: str | None = "first_contact_date") -> list[Criterion]:
	"""Conditions on Petition Intake from the report filters that name one of its fields."""
	conditions = []
	if date_field:
		from_date, to_date = date_range(filters)
		conditions.append(intake[date_field].between(from_date, to_date))
	for fieldname in CASE_EQUALITY_FILTERS:
		if filters.get(fieldname):
			conditions.append(intake[fieldname] == filters[fieldname])
	return conditions


def where_all(query, conditions: list[Criterion]):
	for condition in conditions:
		query = query.where(condition)
	return query


def month_of(field):
	return DateFormat(field, MONTH_FORMAT)


def months_between(from_date, to_date) -> list[str]:
	"""Every month key (`2026-01`) from the month of `from_date` to that of `to_date`."""
	months, month = [], get_first_day(from_date)
	while month <= to_date:
		months.append(month.strftime("%Y-%m"))
		month = add_months(month, 1)
	return months


def period_of(month: str, periodicity: str) -> str:
	"""The period key of a month key: `2026-05`, `2026-Q2` or `2026`."""
	if periodicity == "Year":
		return month[:4]
	if periodicity == "Quarter":
		return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
	return month


def periodicity_of(filters: dict) -> str:
	periodicity = filters.get("periodicity") or "Month"
	if periodicity not in PERIODICITIES:
		frappe.throw(_("Unknown periodicity {0}.").format(periodicity))
	return periodicity


def percent(part: float, whole: float) -> float:
	return round(100.0 * part / whole, 1) if whole else 0.0
