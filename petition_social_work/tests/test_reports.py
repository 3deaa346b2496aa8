"""Reports, the workspace figures and the monthly report to the petition bureau (§7.1.5 a, §8.1 c, §8.2).

One small service is built once per run, under a matter type and users of its own, so the figures each
report shows can be compared with exactly what was created here.
"""

import io
import json
import unicodedata
from datetime import timedelta

import frappe
from frappe.desk.query_report import run as run_report
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, add_months, get_first_day, now_datetime, today

from petition_social_work.reporting.bureau import STATISTICS_REPORT, make_monthly_report
from petition_social_work.roles import SOCIAL_WORKER
from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase

RED = "Level I (Red)"


def report(name: str, user: str, **filters) -> dict:
	frappe.set_user(user)
	try:
		return run_report(name, filters=filters)
	finally:
		frappe.set_user("Administrator")


def rows_of(result: dict) -> list[dict]:
	return [frappe._dict(row) for row in result["result"]]


def summary_of(result: dict) -> dict:
	return {item["label"]: item["value"] for item in result["report_summary"]}


class TestReports(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.tag = frappe.generate_hash(length=6)
		cls.matter = (
			frappe.get_doc({"doctype": "Petition Matter Type", "matter_type_name": f"报表测试-{cls.tag}"})
			.insert(ignore_permissions=True)
			.name
		)
		cls.worker_a = f.make_user(f"rep-{cls.tag}-a@test.petition.localhost", SOCIAL_WORKER)
		cls.worker_b = f.make_user(f"rep-{cls.tag}-b@test.petition.localhost", SOCIAL_WORKER)
		cls.supervisor, cls.liaison = f.supervisor(), f.liaison()
		cls.unit = f"荔湾区法律援助处-{cls.tag}"

		a, b = cls.worker_a, cls.worker_b
		cls.served = cls.case(a, problem_location="荔湾区", competent_authority="荔湾区人社局")
		cls.irrational = cls.case(
			a, problem_location="荔湾区", competent_level="Community", visit_level="City"
		)
		cls.awaiting = cls.case(a, problem_location="越秀区", open_it=False)
		cls.last_month = f.make_intake(
			f.make_petitioner(a).name,
			a,
			matter_type=cls.matter,
			problem_location="海珠区",
			first_contact_date=add_months(today(), -1),
		)
		cls.with_crisis = cls.case(b, problem_location="越秀区")

		cls.close_with_goals(cls.served, a, ("Achieved", "Achieved", "Not Achieved"))

		frappe.set_user(b)
		f.make_interview(cls.with_crisis.name, risk_level=RED, risk_notes="扬言轻生")
		to_review = apply_workflow(f.make_interview(cls.with_crisis.name), "Submit for Review")
		cls.referral = f.make_referral(cls.with_crisis.name, referred_to=cls.unit)

		frappe.set_user("Administrator")
		# handed over five days ago (sign-off overdue after 3) and ten days ago (review overdue after 7)
		for doctype, name, days in (
			("Petition Intake", cls.awaiting.name, 5),
			("Petition Interview", to_review.name, 10),
		):
			frappe.db.set_value(
				doctype, name, "modified", now_datetime() - timedelta(days=days), update_modified=False
			)
		frappe.db.set_value("Petition Referral", cls.referral.name, "referral_date", add_days(today(), -20))
		cls.to_review = to_review.name

	@classmethod
	def case(cls, user: str, open_it: bool = True, **values) -> "frappe.Document":
		intake = f.make_intake(f.make_petitioner(user).name, user, matter_type=cls.matter, **values)
		intake = f.screen(intake, user)
		if open_it:
			frappe.set_user(cls.supervisor)
			intake = apply_workflow(intake, "Approve Opening")
		return intake

	@classmethod
	def close_with_goals(cls, case, user: str, achievements: tuple[str, ...]) -> None:
		frappe.set_user(user)
		f.make_service_plan(case.name, goals=tuple(f"目标{i}" for i, _ in enumerate(achievements)))
		apply_workflow(frappe.get_doc("Petition Intake", case.name), "Request Closure")
		closure = f.make_closure(case.name)
		frappe.set_user(cls.supervisor)
		closure.reload()
		for row, achievement in zip(closure.goals, achievements, strict=True):
			row.achievement = achievement
		closure.organisation_evaluation = "目标部分达成"
		closure.save()
		closure.submit()

	def period_filters(self) -> dict:
		return {
			"from_date": get_first_day(add_months(today(), -1)),
			"to_date": today(),
			"matter_type": self.matter,
		}

	# ------------------------------------------------------------ §8.2 b problem types and trends
	def test_problem_trends_count_the_cases_per_month(self):
		result = report("Petition Problem Trends", self.supervisor, **self.period_filters())
		(row,) = rows_of(result)
		this_month, last_month = today()[:7].replace("-", "_"), str(add_months(today(), -1))[:7]

		self.assertEqual(row.matter_type, self.matter)
		self.assertEqual(row[f"m_{this_month}"], 4)
		self.assertEqual(row[f"m_{last_month.replace('-', '_')}"], 1)
		self.assertEqual(row.total, 5)
		self.assertEqual(summary_of(result)[frappe._("Cases Registered")], 5)
		self.assertEqual(result["chart"]["data"]["datasets"][0]["values"][-2:], [1, 4])

	def test_problem_trends_by_area(self):
		result = report(
			"Petition Problem Trends", self.supervisor, group_by="Problem Location", **self.period_filters()
		)
		totals = {row.area: row.total for row in rows_of(result)}
		self.assertEqual(totals, {"荔湾区": 2, "越秀区": 2, "海珠区": 1})

	def test_filters_are_values_never_sql(self):
		result = report(
			"Petition Problem Trends",
			self.supervisor,
			**{**self.period_filters(), "matter_type": "x' or '1'='1"},
		)
		self.assertEqual(result["result"], [])
		with self.assertRaises(Exception):
			report("Petition Problem Trends", self.supervisor, from_date="2026-01-01' or 1=1 --")

	# ------------------------------------------------------------ §7.1.5 a effectiveness
	def test_effectiveness_reads_completion_with_the_irrational_rate(self):
		result = report("Service Effectiveness", self.supervisor, periodicity="Year", **self.period_filters())
		rows = rows_of(result)
		self.assertEqual(len(rows), len({str(add_months(today(), -1))[:4], today()[:4]}))
		total = {key: sum(row[key] for row in rows) for key in ("cases", "irrational", "goals", "achieved")}

		self.assertEqual(total, {"cases": 5, "irrational": 1, "goals": 3, "achieved": 2})
		self.assertEqual(summary_of(result)[frappe._("Indicator Completion Rate (%)")], 66.7)
		self.assertEqual(summary_of(result)[frappe._("Irrational Rate (%)")], 20.0)

	# ------------------------------------------------------------ §8.1 c caseload
	def test_caseload_counts_open_cases_per_behaviour(self):
		(row,) = rows_of(report("Worker Caseload", self.supervisor, worker=self.worker_a))
		self.assertEqual((row.rational, row.irrational), (0, 1))  # the served case is closed
		self.assertEqual(row.status_key, "Within")

	def test_worker_over_the_band_is_flagged(self):
		self.bulk_cases(self.worker_b, 71)
		(row,) = rows_of(report("Worker Caseload", self.supervisor, worker=self.worker_b))
		self.assertEqual((row.rational, row.irrational), (72, 0))
		self.assertEqual(row.status_key, "Over Limit")

	def bulk_cases(self, user: str, count: int) -> None:
		now = now_datetime()
		fields = ["name", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]
		fields += ["first_contact_date", "responsible_worker", "workflow_state", "petition_behaviour"]
		fields += ["matter_type"]
		rows = [
			(f"CASE-REP-{self.tag}-{i}", now, now, user, user, 0, 0, "2020-01-01", user, "In Service")
			+ ("Rational", self.matter)
			for i in range(count)
		]
		frappe.db.bulk_insert("Petition Intake", fields, rows)

	# ------------------------------------------------------------ §6.4 referrals
	def test_referral_outcomes_count_only_the_cases_a_worker_sees(self):
		filters = {"from_date": add_days(today(), -30), "to_date": today()}
		mine = [
			r
			for r in rows_of(report("Referral Outcomes", self.worker_b, **filters))
			if r.referred_to == self.unit
		]
		self.assertEqual([(r.sent, r.total) for r in mine], [(1, 1)])
		theirs = rows_of(report("Referral Outcomes", self.worker_a, **filters))
		self.assertNotIn(self.unit, [r.referred_to for r in theirs])

	# ------------------------------------------------------------ §4.3 open crises
	def test_open_crises_follow_the_case_permissions(self):
		for user, sees in ((self.worker_b, True), (self.supervisor, True), (self.worker_a, False)):
			cases = [row.petition_intake for row in rows_of(report("Open Crises", user))]
			self.assertEqual(self.with_crisis.name in cases, sees, user)

		(row,) = [
			r
			for r in rows_of(report("Open Crises", self.worker_b))
			if r.petition_intake == self.with_crisis.name
		]
		self.assertEqual(row.level_key, RED)

	# ------------------------------------------------------------ waiting too long
	def test_overdue_actions_per_worker_and_threshold(self):
		mine = {(r.kind, r.reference_name) for r in rows_of(report("Overdue Case Actions", self.worker_a))}
		self.assertIn(("sign_off", self.awaiting.name), mine)
		self.assertNotIn(("reply", self.referral.name), mine)  # worker B's case

		theirs = {(r.kind, r.reference_name) for r in rows_of(report("Overdue Case Actions", self.worker_b))}
		self.assertIn(("reply", self.referral.name), theirs)
		self.assertIn(("review", self.to_review), theirs)
		self.assertNotIn(("sign_off", self.awaiting.name), theirs)

		later = rows_of(report("Overdue Case Actions", self.worker_a, sign_off_days=10))
		self.assertNotIn(self.awaiting.name, [r.reference_name for r in later])

	# ------------------------------------------------------------ the liaison reads aggregates only
	def test_liaison_reads_the_aggregates_without_any_name(self):
		names = set(frappe.get_all("User", filters={"name": ["like", f"rep-{self.tag}%"]}, pluck="full_name"))
		names |= {self.worker_a, self.worker_b, "陈建国"}
		for name in ("Petition Problem Trends", "Service Effectiveness"):
			result = report(name, self.liaison, **self.period_filters())
			self.assertTrue(result["result"], name)
			text = json.dumps(result, default=str, ensure_ascii=False)
			self.assertFalse([n for n in names if n and n in text], name)

		for name in ("Open Crises", "Overdue Case Actions", "Worker Caseload"):
			with self.assertRaises(frappe.PermissionError):
				report(name, self.liaison)

	# ------------------------------------------------------------ §8.2 c monthly report to the bureau
	def test_monthly_report_is_made_once_with_its_pdf_and_one_mail_per_recipient(self):
		from pypdf import PdfReader

		month = get_first_day(today())
		frappe.db.delete(STATISTICS_REPORT, {"period": month.strftime("%Y-%m")})
		recipients = [f"bureau-{self.tag}@example.com", f"office-{self.tag}@example.com"]
		settings = frappe.get_single("Petition Service Settings")
		settings.bureau_report_recipients = ", ".join(recipients)
		settings.save()
		if not frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
			frappe.get_doc(
				{
					"doctype": "Email Account",
					"email_account_name": f"Reports {self.tag}",
					"email_id": f"reports-{self.tag}@example.com",
					"enable_outgoing": 1,
					"default_outgoing": 1,
					"smtp_server": "localhost",
					"no_smtp_authentication": 1,
				}
			).insert(ignore_permissions=True)

		doc = make_monthly_report(month)
		make_monthly_report(month)  # a second run for the same month changes nothing

		self.assertEqual(self.count(STATISTICS_REPORT, period=month.strftime("%Y-%m")), 1)
		registered = self.count("Petition Intake", first_contact_date=["between", [month, today()]])
		self.assertEqual(doc.cases_registered, registered)
		self.assertEqual(json.loads(doc.figures_json)["totals"]["cases_registered"], registered)

		file = frappe.get_doc("File", {"attached_to_name": doc.name, "attached_to_field": "report_pdf"})
		text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(file.get_content())).pages)
		text = unicodedata.normalize("NFKC", text)
		figures = json.loads(doc.figures_json)
		top_matter, top_cases = figures["by_matter_type"][0]
		self.assertIn(f"{top_matter}\n{top_cases}", text.replace("\t", " "))
		self.assertIn(f"Cases Registered\n{registered}", text.replace("\t", " "))
		self.assertIn(doc.period, text)
		self.assertNotIn("陈建国", text)

		queued = frappe.get_all(
			"Email Queue Recipient",
			filters={
				"parent": ["in", frappe.get_all("Email Queue", {"reference_name": doc.name}, pluck="name")]
			},
			pluck="recipient",
		)
		self.assertEqual(sorted(queued), sorted(recipients))
		self.assertEqual(self.count("Email Queue", reference_name=doc.name), 2)
		self.assertTrue(frappe.db.get_value(STATISTICS_REPORT, doc.name, "sent_on"))
		frappe.set_user(self.liaison)
		self.assertTrue(frappe.has_permission(STATISTICS_REPORT, "read", doc=doc.name))
		self.assertFalse(frappe.has_permission("Petition Intake", "read"))
