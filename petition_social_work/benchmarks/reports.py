"""Benchmark of the app's reports against the same aggregation as raw SQL (not a test).

	bench --site SITE execute petition_social_work.benchmarks.reports.run --kwargs "{'cases': 100000}"

Fills the site up to `cases` cases with generated rows (frappe.db.bulk_insert; only what is missing), with
closures and goals, referrals, crisis plans and interviews in proportion. For each report it prints the
time of the report as the desk runs it, the time of the same aggregation as raw SQL in the same process,
their ratio, and the number of queries the report ran with about 1,000 cases and with all of them.
Generated rows are named BENCH-…; they are meant for a throw-away benchmark site only.
"""

import random
import time
from contextlib import contextmanager

import click
import frappe
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, add_months, get_first_day, getdate, now_datetime, today

from petition_social_work.reporting.indexes import add_report_indexes

# generated benchmark rows, reproducible for a seed; nothing secret is drawn from it
RNG = random.Random()  # nosec B311  # test data, not a secret

SMALL = 1_000
REPEATS = 5
STATES = ("Registered", "Screening", "Awaiting Sign-off", "In Service", "Closing Review", "Case Closed")
AREAS = (
	"荔湾区",
	"越秀区",
	"海珠区",
	"天河区",
	"白云区",
	"黄埔区",
	"番禺区",
	"花都区",
	"南沙区",
	"从化区",
	"增城区",
)
AUTHORITIES = ("人力资源和社会保障局", "住房和城乡建设局", "规划和自然资源局", "市场监督管理局", "卫生健康局")
REFERRAL_STATUSES = ("Sent", "Accepted", "Declined", "Completed")
LEVELS = ("Level IV (Blue)", "Level III (Yellow)", "Level II (Orange)", "Level I (Red)")
WORKERS = 25


def run(cases: int = 100_000, indexes: bool = True, seed: int = 321) -> None:
	RNG.seed(seed)
	frappe.set_user("Administrator")
	if indexes:
		add_report_indexes()

	small_counts = None
	if frappe.db.count("Petition Intake") <= SMALL:
		fill(SMALL)
		small_counts = {name: measure(name, spec)[-1] for name, spec in REPORTS.items()}
	fill(cases)

	total = frappe.db.count("Petition Intake")
	click.echo(f"\ncases: {total}  (indexes {'on' if indexes else 'off'}, best of {REPEATS} runs)")
	click.echo(
		f"{'report':24} {'desk run ms':>11} {'execute ms':>10} {'raw SQL ms':>10} {'ratio run':>9} "
		f"{'ratio exec':>10} {'queries@1k':>10} {'queries@all':>11}"
	)
	for name, spec in REPORTS.items():
		report_ms, execute_ms, raw_ms, queries = measure(name, spec)
		small = small_counts[name] if small_counts else "n/a"
		click.echo(
			f"{name:24} {report_ms:11.1f} {execute_ms:10.1f} {raw_ms:10.1f} {report_ms / raw_ms:9.2f} "
			f"{execute_ms / raw_ms:10.2f} {small!s:>10} {queries:11}"
		)


# ---------------------------------------------------------------- measuring
def run_raw(statements: list[tuple[str, dict]]) -> list:
	"""The baseline: each aggregation as one raw SQL statement, which is what the benchmark compares with."""
	return [frappe.db.sql(sql, values) for sql, values in statements]  # nosemgrep: frappe-using-db-sql


def measure(name: str, spec: dict) -> tuple[float, float, float, int]:
	filters = spec["filters"]()
	run_report(name, filters=filters)  # warm the caches (report, meta, roles) the way a running site has them
	with counting_queries() as counter:
		run_report(name, filters=filters)
	report_ms = best_of(lambda: run_report(name, filters=filters))
	execute_ms = best_of(lambda: report_module(name).execute(frappe._dict(filters)))
	raw_ms = best_of(lambda: run_raw(spec["raw"](filters)))
	return report_ms, execute_ms, raw_ms, counter["queries"]


def report_module(name: str):
	return frappe.get_module(
		f"petition_social_work.petition_social_work.report.{frappe.scrub(name)}.{frappe.scrub(name)}"
	)


def best_of(fn) -> float:
	times = []
	for _ in range(REPEATS):
		start = time.perf_counter()
		fn()
		times.append((time.perf_counter() - start) * 1000)
	return min(times)


@contextmanager
def counting_queries():
	counter = {"queries": 0}
	original = frappe.db.sql

	def sql(*args, **kwargs):
		counter["queries"] += 1
		return original(*args, **kwargs)

	frappe.db.sql = sql
	try:
		yield counter
	finally:
		frappe.db.sql = original


def year_filters() -> dict:
	return {"from_date": get_first_day(add_months(today(), -11)), "to_date": getdate(today())}


# the same aggregation as each report, as one raw SQL statement per query the report runs
REPORTS = {
	"Petition Problem Trends": {
		"filters": lambda: {**year_filters(), "group_by": "Problem Location"},
		"raw": lambda f: [
			(
				"select problem_location, matter_type, date_format(first_contact_date, '%%Y-%%m'), count(*) "
				"from `tabPetition Intake` where first_contact_date between %s and %s group by 1, 2, 3",
				(f["from_date"], f["to_date"]),
			)
		],
	},
	"Worker Caseload": {
		"filters": dict,
		"raw": lambda f: [
			(
				"select responsible_worker, responsible_worker_name, petition_behaviour, count(*) "
				"from `tabPetition Intake` where workflow_state in ('In Service', 'Closing Review') "
				"and responsible_worker is not null group by 1, 2, 3",
				(),
			),
			(
				"select distinct u.name, u.full_name from `tabUser` u join `tabHas Role` r on r.parent = u.name "
				"and r.parenttype = 'User' where r.role = 'Petition Social Worker' and u.enabled = 1",
				(),
			),
		],
	},
	"Service Effectiveness": {
		"filters": lambda: {**year_filters(), "periodicity": "Quarter"},
		"raw": lambda f: [
			(
				"select date_format(first_contact_date, '%%Y-%%m'), count(*), "
				"sum(petition_behaviour = 'Irrational') from `tabPetition Intake` "
				"where first_contact_date between %s and %s group by 1",
				(f["from_date"], f["to_date"]),
			),
			(
				"select date_format(c.closed_on, '%%Y-%%m'), count(distinct c.name), count(g.name), "
				"sum(g.achievement = 'Achieved'), sum(g.achievement = 'Partly Achieved') "
				"from `tabCase Closure` c join `tabPetition Intake` i on i.name = c.petition_intake "
				"left join `tabCase Closure Goal` g on g.parent = c.name and g.parenttype = 'Case Closure' "
				"and g.parentfield = 'goals' where c.docstatus = 1 and c.closed_on between %s and %s group by 1",
				(f["from_date"], f["to_date"]),
			),
		],
	},
	"Referral Outcomes": {
		"filters": year_filters,
		"raw": lambda f: [
			(
				"select referred_to, status, count(*), sum(datediff(responded_on, referral_date)), "
				"count(responded_on) from `tabPetition Referral` where referral_date between %s and %s "
				"group by 1, 2",
				(f["from_date"], f["to_date"]),
			)
		],
	},
	"Open Crises": {
		"filters": dict,
		"raw": lambda f: [
			(
				"select c.name, c.warning_level, c.status, c.petition_intake, c.petitioner_name, "
				"i.responsible_worker, c.alerted_on, c.acknowledged_by from `tabCrisis Plan` c "
				"left join `tabPetition Intake` i on i.name = c.petition_intake "
				"where c.status in ('Active', 'Acknowledged', 'Escalated') order by c.level_rank desc, c.alerted_on",
				(),
			)
		],
	},
	"Overdue Case Actions": {
		"filters": dict,
		"raw": lambda f: [
			(
				"select name, name, petitioner_name, responsible_worker, modified from `tabPetition Intake` "
				"where workflow_state = 'Awaiting Sign-off' and modified < %s",
				(add_days(today(), -3),),
			),
			(
				"select r.name, r.petition_intake, i.petitioner_name, i.responsible_worker, r.modified "
				"from `tabPetition Interview` r join `tabPetition Intake` i on i.name = r.petition_intake "
				"where r.workflow_state = 'Awaiting Review' and r.modified < %s",
				(add_days(today(), -7),),
			),
			(
				"select r.name, r.petition_intake, i.petitioner_name, i.responsible_worker, r.referral_date "
				"from `tabPetition Referral` r join `tabPetition Intake` i on i.name = r.petition_intake "
				"where r.status = 'Sent' and r.referral_date <= %s",
				(add_days(today(), -14),),
			),
		],
	},
}


# ---------------------------------------------------------------- generating cases
def fill(target: int) -> None:
	"""Generate cases (and their records) until the site holds `target` cases."""
	existing = frappe.db.count("Petition Intake")
	if existing >= target:
		return
	workers = bench_workers()
	matters = frappe.get_all("Petition Matter Type", pluck="name") or [make_matter_type()]
	start = frappe.db.count("Petition Intake", {"name": ["like", "BENCH-%"]})
	started = time.perf_counter()
	for first in range(start, start + target - existing, 10_000):
		last = min(first + 10_000, start + target - existing)
		insert_batch(range(first, last), workers, matters)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit  # a fill of 100,000 rows commits batch by batch
	click.echo(f"generated {target - existing} cases in {time.perf_counter() - started:.1f} s")


def insert_batch(numbers: range, workers: list[tuple[str, str]], matters: list[str]) -> None:
	now, day0 = now_datetime(), getdate(add_months(today(), -24))
	intakes, closures, goals, referrals, crises, interviews = [], [], [], [], [], []
	for n in numbers:
		name = f"BENCH-{n:07d}"
		worker, worker_name = RNG.choice(workers)
		contact = add_days(day0, RNG.randrange(730))
		state = RNG.choice(STATES)
		behaviour = "Irrational" if RNG.random() < 0.1 else "Rational"
		intakes.append(
			(
				name,
				now,
				now,
				"Administrator",
				"Administrator",
				0,
				0,
				contact,
				f"来访人{n}",
				worker,
				worker_name,
			)
			+ (state, RNG.choice(matters), RNG.choice(AREAS), RNG.choice(AUTHORITIES), behaviour)
		)
		if state == "Case Closed":
			closure = f"BENCH-CLO-{n:07d}"
			closures.append(
				(closure, now, now, "Administrator", "Administrator", 1, 0, name, add_days(contact, 90))
			)
			for i in range(3):
				achievement = RNG.choice(("Achieved", "Partly Achieved", "Not Achieved"))
				goals.append(
					(f"{closure}-{i}", now, now, "Administrator", "Administrator", 1, i + 1, closure)
				)
				goals[-1] += ("Case Closure", "goals", f"目标{i}", achievement)
		if RNG.random() < 0.1:
			status = RNG.choice(REFERRAL_STATUSES)
			responded = add_days(contact, RNG.randrange(1, 20)) if status != "Sent" else None
			referrals.append(
				(
					f"BENCH-REF-{n:07d}",
					now,
					now,
					"Administrator",
					"Administrator",
					0,
					0,
					name,
					contact,
					status,
				)
				+ (f"合作机构{RNG.randrange(30)}", "Other", responded)
			)
		if RNG.random() < 0.01:
			level = RNG.randrange(4)
			crises.append(
				(f"BENCH-CRI-{n:07d}", now, now, "Administrator", "Administrator", 0, 0, name, f"来访人{n}")
				+ (
					RNG.choice(("Active", "Acknowledged", "Escalated", "Resolved")),
					LEVELS[level],
					level + 1,
					now,
				)
			)
		if RNG.random() < 0.05:
			interviews.append(
				(
					f"BENCH-INT-{n:07d}",
					add_days(now, -10),
					add_days(now, -10),
					"Administrator",
					"Administrator",
				)
				+ (0, 0, name, 1, contact, "Awaiting Review")
			)

	common = ["name", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]
	frappe.db.bulk_insert(
		"Petition Intake",
		[*common, "first_contact_date", "petitioner_name", "responsible_worker", "responsible_worker_name"]
		+ ["workflow_state", "matter_type", "problem_location", "competent_authority", "petition_behaviour"],
		intakes,
	)
	frappe.db.bulk_insert("Case Closure", [*common, "petition_intake", "closed_on"], closures)
	frappe.db.bulk_insert(
		"Case Closure Goal",
		[*common, "parent", "parenttype", "parentfield", "staged_goal", "achievement"],
		goals,
	)
	frappe.db.bulk_insert(
		"Petition Referral",
		[*common, "petition_intake", "referral_date", "status", "referred_to", "reason", "responded_on"],
		referrals,
	)
	frappe.db.bulk_insert(
		"Crisis Plan",
		[
			*common,
			"petition_intake",
			"petitioner_name",
			"status",
			"warning_level",
			"level_rank",
			"alerted_on",
		],
		crises,
	)
	frappe.db.bulk_insert(
		"Petition Interview",
		[*common, "petition_intake", "session_number", "interview_date", "workflow_state"],
		interviews,
	)


def bench_workers() -> list[tuple[str, str]]:
	users = []
	for i in range(WORKERS):
		email = f"bench-worker{i}@bench.petition.localhost"
		if not frappe.db.exists("User", email):
			frappe.get_doc(
				{
					"doctype": "User",
					"email": email,
					"first_name": f"社工{i}",
					"send_welcome_email": 0,
					"roles": [{"role": "Petition Social Worker"}],
				}
			).insert(ignore_permissions=True)
		users.append((email, f"社工{i}"))
	return users


def make_matter_type() -> str:
	return (
		frappe.get_doc({"doctype": "Petition Matter Type", "matter_type_name": "Labour and Social Security"})
		.insert(ignore_permissions=True)
		.name
	)
