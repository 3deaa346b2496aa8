"""The monthly data-analysis report to the petition bureau (§8.2 c).

On the 1st of each month the scheduler makes one Petition Statistics Report for the previous month: the
de-identified figures (cases by problem type, area and competent authority, irrational petitions,
indicator completion, referrals, crises), a PDF of them attached to the record, and one e-mail to each
recipient configured in Petition Service Settings. Running it again for a month already sent changes
nothing.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import add_months, get_first_day, get_last_day, getdate, now_datetime, today
from frappe.utils.pdf import get_pdf

from petition_social_work.petition_social_work.doctype.petition_service_settings.petition_service_settings import (
	bureau_report_recipients,
)
from petition_social_work.reporting.aggregates import (
	behaviour_by_month,
	cases_by_month,
	closure_goals_by_month,
	crises_by_level,
	referrals_by_status,
)
from petition_social_work.reporting.query import months_between, percent
from petition_social_work.rules.risk import WARNING_LEVELS

STATISTICS_REPORT = "Petition Statistics Report"
TEMPLATE = "petition_social_work/reporting/templates/bureau_report.html"
TREND_MONTHS = 6
TOP_ROWS = 10


def send_monthly_report() -> None:
	"""Scheduler entry: the report of the month that ended yesterday."""
	make_monthly_report(get_first_day(add_months(today(), -1)))


def make_monthly_report(month_start) -> "frappe.Document":
	"""The month's record, made, filled and sent once; a second call returns the record unchanged."""
	month_start = get_first_day(getdate(month_start))
	period = month_start.strftime("%Y-%m")

	name = frappe.db.get_value(STATISTICS_REPORT, {"period": period})
	if not name:
		name = _insert_record(month_start, period)
	doc = frappe.get_doc(STATISTICS_REPORT, name)
	if not doc.report_pdf:
		_attach_pdf(doc)
	if not doc.sent_on:
		_send(doc)
	return doc


def _insert_record(month_start, period: str) -> str:
	figures = monthly_figures(month_start)
	doc = frappe.get_doc(
		{
			"doctype": STATISTICS_REPORT,
			"period": period,
			"period_start": month_start,
			"period_end": get_last_day(month_start),
			**figures["totals"],
			"figures_json": frappe.as_json(figures),
		}
	)
	try:
		doc.insert(ignore_permissions=True)
	except frappe.DuplicateEntryError:
		# another worker made the month's record between our look-up and insert: use theirs
		frappe.db.rollback()
		return frappe.db.get_value(STATISTICS_REPORT, {"period": period})
	return doc.name


def monthly_figures(month_start) -> dict:
	"""Every figure of the report: counts only, no names (the bureau receives aggregates)."""
	month_end = get_last_day(month_start)
	month = {"from_date": month_start, "to_date": month_end}
	trend_filters = {
		"from_date": get_first_day(add_months(month_start, 1 - TREND_MONTHS)),
		"to_date": month_end,
	}

	behaviour = {row.month: row for row in behaviour_by_month(trend_filters)}
	goals = next(iter(closure_goals_by_month(month)), {})
	referrals = defaultdict(int)
	for row in referrals_by_status(month):
		referrals[row.status] += row.referrals
	crises = {row.warning_level: row.crises for row in crises_by_level(month)}
	this_month = behaviour.get(month_start.strftime("%Y-%m")) or {}

	cases = int(this_month.get("cases") or 0)
	irrational = int(this_month.get("irrational") or 0)
	goals_set, achieved = int(goals.get("goals") or 0), int(goals.get("achieved") or 0)
	return {
		"totals": {
			"cases_registered": cases,
			"irrational_cases": irrational,
			"irrational_rate": percent(irrational, cases),
			"cases_closed": int(goals.get("closures") or 0),
			"goals_set": goals_set,
			"goals_achieved": achieved,
			"completion_rate": percent(achieved, goals_set),
			"referrals_made": sum(referrals.values()),
			"crises_opened": sum(crises.values()),
		},
		"by_matter_type": _ranked(cases_by_month(month, ("matter_type",)), "matter_type"),
		"by_problem_location": _ranked(cases_by_month(month, ("problem_location",)), "problem_location"),
		"by_competent_authority": _ranked(
			cases_by_month(month, ("competent_authority",)), "competent_authority"
		),
		"referrals_by_status": dict(referrals),
		"crises_by_level": {level: crises.get(level, 0) for level in WARNING_LEVELS},
		"trend": [
			{
				"month": key,
				"cases": int((behaviour.get(key) or {}).get("cases") or 0),
				"irrational": int((behaviour.get(key) or {}).get("irrational") or 0),
			}
			for key in months_between(trend_filters["from_date"], month_end)
		],
	}


def _ranked(rows: list[dict], field: str) -> list[list]:
	return sorted(([row.get(field) or "", row.cases] for row in rows), key=lambda pair: (-pair[1], pair[0]))


def render_html(doc: "frappe.Document") -> str:
	figures = frappe.parse_json(doc.figures_json)
	most = max((pair[1] for pair in figures["by_matter_type"]), default=0)
	peak = max((row["cases"] for row in figures["trend"]), default=0)
	return frappe.render_template(
		TEMPLATE,
		{
			"doc": doc,
			"figures": figures,
			"top_rows": TOP_ROWS,
			"bar_scale": 100.0 / most if most else 0,
			"trend_scale": 100.0 / peak if peak else 0,
			"percent": percent,
		},
	)


def _attach_pdf(doc: "frappe.Document") -> None:
	pdf = get_pdf(render_html(doc))
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": pdf_file_name(doc),
			"attached_to_doctype": STATISTICS_REPORT,
			"attached_to_name": doc.name,
			"attached_to_field": "report_pdf",
			"is_private": 1,
			"content": pdf,
		}
	).insert(ignore_permissions=True)
	doc.db_set("report_pdf", file.file_url)


def pdf_file_name(doc: "frappe.Document") -> str:
	return f"petition-statistics-{doc.period}.pdf"


def _send(doc: "frappe.Document") -> None:
	"""One e-mail per recipient, so no bureau address is shown to another."""
	recipients = bureau_report_recipients()
	if not recipients:
		frappe.log_error(
			title=_("Monthly petition report not sent"),
			message=_("No recipients are set in Petition Service Settings."),
			reference_doctype=STATISTICS_REPORT,
			reference_name=doc.name,
		)
		return

	pdf = frappe.get_doc("File", {"file_url": doc.report_pdf}).get_content()
	subject = _("Petition social work data analysis report {0}").format(doc.period)
	message = _("Attached is the de-identified data analysis report of petition social work for {0}.")
	try:
		for recipient in recipients:
			frappe.sendmail(
				recipients=[recipient],
				subject=subject,
				message=message.format(doc.period),
				attachments=[{"fname": pdf_file_name(doc), "fcontent": pdf}],
				reference_doctype=STATISTICS_REPORT,
				reference_name=doc.name,
			)
	except frappe.OutgoingEmailError:
		# left unsent, so the next run sends it once an outgoing e-mail account exists
		frappe.log_error(title=_("Monthly petition report not sent"), reference_doctype=STATISTICS_REPORT)
		return
	doc.db_set({"sent_to": "\n".join(recipients), "sent_on": now_datetime()})
