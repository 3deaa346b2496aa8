"""The desk in a real browser (headless Chromium driven by Playwright), as a worker whose language is `zh`.

The worker logs in, registers a Petitioner and a Petition Intake by filling the forms and pressing
Ctrl+S, moves the intake one step along its workflow with the Actions menu, and opens the intakes'
Report view, as a person would. The test asserts what the worker sees (Chinese labels, the new record's
name, the workflow state in Chinese) and what the database then holds, and saves a screenshot of each
screen into `PSW_ARTIFACTS` (default: `<bench>/logs/psw-artifacts/`).

Needs the `playwright` wheel in the bench env (its own driver; no `playwright install`) and a Chromium
(`/usr/bin/chromium`, or `PSW_CHROMIUM`). Without them the tests skip loudly, or fail when
`PSW_REQUIRE_BROWSER=1` (CI). The server is gunicorn in another process (LiveServer), so the user is
committed, and everything the class creates is removed in tearDownClass. gunicorn serves no static
files, so the browser context answers /assets/ from the bench's built assets itself.
"""

import contextlib
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import frappe

from petition_social_work.roles import SOCIAL_WORKER
from petition_social_work.tests import factories as f
from petition_social_work.tests.attacks import PatientLiveServer
from petition_social_work.tests.utils import PetitionTestCase

try:
	from playwright.sync_api import Error as PlaywrightError
	from playwright.sync_api import sync_playwright
except ImportError:  # the browser tests skip or fail with the reason below
	sync_playwright = None
	PlaywrightError = Exception

CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-dev-shm-usage",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	# the site's name (http://<site>:<port>) reaches the loopback server without /etc/hosts
	"--host-resolver-rules=MAP * 127.0.0.1",
]
# the desk boots slowly on a small shared machine: generous waits, never sleeps
TIMEOUT_MS = 90_000
CJK = re.compile(r"[\u3400-\u9fff]")
INTAKE, PETITIONER = "Petition Intake", "Petitioner"
# rows the server writes about the records the worker creates, removed with them
TRACES = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Workflow Action": ("reference_doctype", "reference_name"),
	"Notification Log": ("document_type", "document_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"DocShare": ("share_doctype", "share_name"),
}


def zh(source: str, doctype: str | None = None) -> str:
	"""What a `zh` user sees for `source` (a label of `doctype`): the translation the server gives."""
	return frappe._(source, lang="zh", context=doctype)


def browser_missing() -> str | None:
	"""Why no browser test can run here, or None."""
	if sync_playwright is None:
		return (
			"the Python package `playwright` is not installed in the bench env "
			"(install it with `env/bin/pip install playwright`; its driver comes with it)"
		)
	if not Path(chromium_path()).is_file():
		return f"no Chromium at {chromium_path()} (install Debian's `chromium` or set PSW_CHROMIUM)"
	return None


def chromium_path() -> str:
	return os.environ.get("PSW_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def artifacts_dir() -> Path:
	bench = Path(frappe.local.sites_path).resolve().parent
	path = Path(os.environ.get("PSW_ARTIFACTS") or bench / "logs" / "psw-artifacts")
	path.mkdir(parents=True, exist_ok=True)
	return path


class TestBrowserDesk(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.missing = browser_missing()
		if cls.missing:
			print(f"\n!!! BROWSER TESTS NOT RUN: {cls.missing}\n", file=sys.stderr)
			return

		frappe.set_user("Administrator")
		cls.token = frappe.generate_hash(length=6)
		cls.full_name = f"浏览器测试{cls.token}"
		# kept between runs, as the other tests' users are: Frappe refuses to delete a user while no System
		# Manager but Administrator exists, as on a fresh test site
		cls.user = f.make_user("desk-zh@test.petition.localhost", SOCIAL_WORKER, language="zh")
		cls.addClassCleanup(cls.remove_created_records)  # runs even when the rest of setUpClass fails
		cls.artifacts = artifacts_dir()
		cls.server = PatientLiveServer.start()  # a first answer may take over 5 s on a busy machine
		cls.addClassCleanup(cls.server.stop)
		cls.playwright = sync_playwright().start()
		cls.addClassCleanup(cls.playwright.stop)
		cls.browser = cls.playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
		cls.addClassCleanup(cls.browser.close)
		cls.context = cls.browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
		cls.context.set_default_timeout(TIMEOUT_MS)
		cls.context.set_default_navigation_timeout(TIMEOUT_MS)
		# gunicorn serves no static files (a web server does in production): the browser reads them here
		cls.context.route("**/assets/**", serve_asset_from(Path(frappe.local.sites_path) / "assets"))
		cls.page = cls.context.new_page()
		cls.page_errors = []  # what the desk's JavaScript threw, shown with a failure
		cls.page.on("pageerror", lambda error: cls.page_errors.append(str(error)))
		cls.login()

	def setUp(self):
		super().setUp()
		if self.missing:
			if os.environ.get("PSW_REQUIRE_BROWSER") == "1":
				self.fail(f"PSW_REQUIRE_BROWSER=1 but {self.missing}")
			self.skipTest(f"BROWSER TEST SKIPPED: {self.missing}")

	# -- the scenario ------------------------------------------------------------------------------

	def test_worker_registers_and_screens_a_case_in_chinese(self):
		phone = "139" + str(int(frappe.generate_hash(length=8), 16) % 10**8).zfill(8)
		full_name = self.full_name

		with self.screen("desk-petitioner"):
			petitioner = self.create_petitioner(full_name, phone)
		with self.screen("desk-intake"):
			intake = self.create_intake(petitioner)
		with self.screen("desk-workflow"):
			self.start_screening(intake)
		with self.screen("desk-report"):
			self.open_intake_report(intake)

		frappe.db.rollback()  # a fresh snapshot: read what the server committed
		self.assertEqual(
			frappe.db.get_value(PETITIONER, petitioner, ["full_name", "owner"], as_dict=True),
			{"full_name": full_name, "owner": self.user},
		)
		self.assertEqual(
			frappe.db.get_value(
				INTAKE,
				intake,
				["petitioner", "workflow_state", "responsible_worker", "case_source", "owner"],
				as_dict=True,
			),
			{
				"petitioner": petitioner,
				"workflow_state": "Screening",
				"responsible_worker": self.user,
				"case_source": "Self-referred",
				"owner": self.user,
			},
		)

	def test_script_report_opens_in_chinese(self):
		report = "Overdue Case Actions"  # one a worker opens: their cases waiting too long
		self.assertTrue(frappe.db.exists("Report", report), f"the Script Report {report!r} is not installed")
		frappe.set_user(self.user)
		permitted = frappe.get_doc("Report", report).is_permitted()
		frappe.set_user("Administrator")
		self.assertTrue(permitted, f"a worker may not open {report!r}")

		with self.screen("desk-script-report"):
			self.page.goto(self.server.origin + f"/app/query-report/{report}", wait_until="domcontentloaded")
			self.page.locator(".page-title .title-text", has_text=zh(report)).wait_for()
			self.page.locator(
				".dt-scrollable:visible, .layout-main-section .msg-box .null-state:visible"
			).first.wait_for()  # rows or "nothing to show"
		self.assertTrue(CJK.search(zh(report)), f"{report!r} has no Chinese translation")

	def test_stored_script_does_not_run_in_a_read_only_form_or_a_list(self):
		"""§4.5: what a worker types into a record, a plain field or an encrypted one of the sensitive
		section, never runs as script on the screens that show it. The case waits for sign-off, so the
		worker's form is read-only and shows each value as rendered markup, not in an input."""
		marker = f"xss{self.token}"
		payload = (
			f'<img src=x class="{marker}" onerror="window.{marker}=1"><script>window.{marker}=1</script>'
		)
		frappe.set_user(self.user)
		petitioner = f.make_petitioner(self.user, full_name=self.full_name + payload)
		case = f.make_intake(petitioner.name, self.user, matter_summary="欠薪" + payload)
		case.emotion = "情绪焦虑" + payload  # level 2, stored encrypted
		case.save()
		f.screen(case, self.user)
		frappe.set_user("Administrator")
		frappe.db.commit()  # the browser reads these records through the live server

		# screen -> (route, element that shows the stored value, text of it to wait for)
		shown = {
			"desk-xss-petitioner-list": ("/app/petitioner", ".list-row-container", self.full_name),
			"desk-xss-intake-form": (
				f"/app/petition-intake/{case.name}",
				'[data-fieldname="emotion"]',
				"情绪焦虑",
			),
			"desk-xss-intake-list": ("/app/petition-intake", ".list-row-container", self.full_name),
		}
		for name, (route, holder, text) in shown.items():
			with self.screen(name):
				self.open_desk(route)
				self.page.locator(holder, has_text=text).first.wait_for()
				self.page.wait_for_load_state("networkidle")
				handlers = self.page.locator(f"[onerror], script:has-text('{marker}')").count()
				self.assertEqual(handlers, 0, f"stored script in the page of {route}")
				self.assertIsNone(
					self.page.evaluate(f"() => window.{marker} ?? null"), f"script ran on {route}"
				)
		self.assertEqual(frappe.db.get_value(INTAKE, case.name, "workflow_state"), "Awaiting Sign-off")

	# -- steps -------------------------------------------------------------------------------------

	@classmethod
	def login(cls):
		page = cls.page
		page.goto(cls.server.origin + "/login", wait_until="domcontentloaded")
		page.fill("#login_email", cls.user)
		page.fill("#login_password", f.PASSWORD)
		page.click(".btn-login")
		page.wait_for_url("**/app**", wait_until="domcontentloaded")
		page.wait_for_function("() => window.frappe && frappe.boot && frappe.boot.lang === 'zh'")

	def create_petitioner(self, full_name: str, phone: str) -> str:
		page = self.page
		self.open_desk("/app/petitioner/new")
		self.assert_label("full_name", zh("Name", PETITIONER), PETITIONER)
		self.assert_breadcrumb(zh(PETITIONER))
		page.locator('[data-fieldname="petitioner_type"] select').select_option("Citizen")
		page.fill('[data-fieldname="full_name"] input', full_name)
		page.fill('[data-fieldname="phone"] input', phone)
		name = self.save_with_ctrl_s()

		self.assertRegex(name, r"^PET-\d{5}$")
		self.assertTrue(page.url.endswith(f"/app/petitioner/{name}"), page.url)
		page.locator(".page-title .title-text", has_text=full_name).wait_for()
		# the phone as the server saved it (stored encrypted at rest; the worker reads it back)
		self.assertEqual(page.locator('[data-fieldname="phone"] input').input_value(), phone)
		return name

	def create_intake(self, petitioner: str) -> str:
		page = self.page
		self.open_desk("/app/petition-intake/new")
		self.assert_label("petitioner", zh(PETITIONER, INTAKE), INTAKE)
		self.assertIn("信访人", zh(PETITIONER))
		self.pick_link("petitioner", petitioner)
		page.locator('[data-fieldname="case_source"] select').select_option("Self-referred")
		matter_type = "Labour and Social Security"  # master data the app installs, translated for zh users
		self.pick_link("matter_type", matter_type, typed=zh(matter_type))
		page.fill('[data-fieldname="problem_location"] input', "广州市荔湾区")
		page.fill('[data-fieldname="matter_summary"] textarea', "追讨拖欠工资（浏览器测试）")
		name = self.save_with_ctrl_s()

		self.assertRegex(name, r"^CASE-\d{4}-\d{5}$")
		self.assertTrue(page.url.endswith(f"/app/petition-intake/{name}"), page.url)
		self.assert_breadcrumb(name)  # the title shows the petitioner; the case number is in the breadcrumbs
		page.locator(".page-title .title-text", has_text=self.full_name).wait_for()
		self.assert_status(zh("Registered"))
		return name

	def start_screening(self, intake: str):
		page = self.page
		actions = page.locator(".page-actions .actions-btn-group")
		actions.locator("button").first.click()
		actions.locator(".dropdown-menu .dropdown-item", has_text=zh("Start Screening")).click()
		page.wait_for_function(
			"name => cur_frm && cur_frm.doc.name === name && cur_frm.doc.workflow_state === 'Screening'",
			arg=intake,
		)
		self.assert_status(zh("Screening"))
		self.assertTrue(CJK.search(zh("Screening")), "the workflow state has no Chinese translation")

	def open_intake_report(self, intake: str):
		page = self.page
		self.open_desk("/app/petition-intake/view/report")
		row = page.locator(".dt-scrollable .dt-row").filter(
			has=page.locator(".dt-cell__content", has_text=intake)
		)
		row.first.wait_for()
		self.assertIn(zh("Screening"), row.first.inner_text())
		self.assertIn(zh(INTAKE), page.locator(".page-title .title-text").inner_text())
		headers = page.locator(".dt-row-header .dt-cell__content").all_inner_texts()
		self.assertTrue(any(CJK.search(h) for h in headers), f"no Chinese column header in {headers}")

	# -- helpers -----------------------------------------------------------------------------------

	def open_desk(self, route: str):
		self.page.goto(self.server.origin + route, wait_until="domcontentloaded")
		self.page.wait_for_function(
			"() => window.cur_frm || window.cur_list || document.querySelector('.dt-scrollable')"
		)

	def assert_label(self, fieldname: str, expected: str, doctype: str):
		label = self.page.locator(f'.frappe-control[data-fieldname="{fieldname}"] .control-label').first
		label.wait_for()
		self.assertEqual(label.inner_text().strip(), expected, f"label of {doctype}.{fieldname}")
		self.assertTrue(CJK.search(expected), f"label of {doctype}.{fieldname} is not Chinese: {expected!r}")

	def assert_breadcrumb(self, expected: str):
		self.page.locator("#navbar-breadcrumbs", has_text=expected).wait_for()

	def assert_status(self, expected: str):
		pill = self.page.locator(".page-head .indicator-pill", has_text=expected).first
		pill.wait_for()
		self.assertEqual(pill.inner_text().strip(), expected)

	def pick_link(self, fieldname: str, value: str, typed: str | None = None):
		"""Type into a Link field and choose the record from its dropdown, as a user does. A zh user
		types a translated record's Chinese name (`typed`); the field then holds `value`."""
		typed = typed or value
		field = self.page.locator(f'.frappe-control[data-fieldname="{fieldname}"]')
		box = field.locator("input")
		box.click()
		box.fill(typed)
		field.locator('[role="option"]', has_text=typed).first.click()
		self.page.wait_for_function("([f, v]) => cur_frm && cur_frm.doc[f] === v", arg=[fieldname, value])

	def save_with_ctrl_s(self) -> str:
		"""Press Ctrl+S and wait until the form holds a saved record; return its name."""
		page = self.page
		page.keyboard.press("Control+s")
		try:
			page.wait_for_function("() => cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()")
		except PlaywrightError as error:
			raise AssertionError(f"the form was not saved: {self.visible_dialog()}") from error
		return page.evaluate("() => cur_frm.doc.name")

	def visible_dialog(self) -> str:
		dialogs = self.page.locator(".modal.show .modal-content")
		return " | ".join(t.strip() for t in dialogs.all_inner_texts()) or "no dialog shown"

	@contextlib.contextmanager
	def screen(self, name: str):
		"""One screen of the scenario: screenshot it when done, or on failure with what went wrong."""
		try:
			yield
		except (AssertionError, PlaywrightError) as error:
			self.page.screenshot(path=str(self.artifacts / f"{name}-FAILED.png"), full_page=True)
			raise AssertionError(
				f"{name}: {error}\nat {self.page.url}\ndialog: {self.visible_dialog()}\n"
				f"page errors: {self.page_errors[-5:]}\n"
				f"server log:\n{self.server.log_tail(15)}"
			) from error
		self.page.screenshot(path=str(self.artifacts / f"{name}.png"))

	@classmethod
	def remove_created_records(cls):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		for doctype in (INTAKE, PETITIONER):
			names = frappe.get_all(doctype, filters={"owner": cls.user}, pluck="name")
			for name in names:
				delete(doctype, name)
			for trace, (type_field, name_field) in TRACES.items():
				if names:
					for row in frappe.get_all(
						trace, filters={type_field: doctype, name_field: ("in", names)}
					):
						delete(trace, row.name)
		for trace, filters in user_traces(cls.user).items():
			frappe.db.delete(trace, filters)
		frappe.db.commit()  # the server committed these records; remove them for good


def delete(doctype: str, name: str):
	frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)


def user_traces(user: str) -> dict:
	"""What logging in and browsing as the user leave behind."""
	return {
		"Activity Log": {"user": user},
		"Access Log": {"user": user},
		"Route History": {"user": user},
		"Sessions": {"user": user},
	}


def serve_asset_from(assets: Path):
	"""A Playwright route handler answering /assets/... from the bench's built assets."""

	def handle(route):
		relative = Path(unquote(urlparse(route.request.url).path).removeprefix("/assets/"))
		path = assets / relative
		if ".." not in relative.parts and path.is_file():
			route.fulfill(path=str(path))
		else:
			route.fulfill(status=404, body="")

	return handle
