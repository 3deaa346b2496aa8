"""Access control proven over HTTP, as an attacker would try it, against a live gunicorn server.

A case (Petition Intake) and its Petitioner, Interview, Crisis Plan and Case Closure belong to one worker
(alice). Another worker (bob), a worker the case is only shared with for reading (carol), the office
liaison and an anonymous visitor then try every way Frappe offers to read, change, delete, submit, share,
rename, search, count, print and export them; supervisors and managers try what even they may not. Every
attempt must be refused with the status Frappe gives that refusal, leak none of the records' secrets, and
leave the database as it was. The class prints a table of all attempts at the end.

Also proven over HTTP: stored XSS is escaped in the print view, SQL metacharacters in filters are harmless,
oversize and malformed values are refused with a clear error, changing methods refuse GET and a cookie
session without its CSRF token, two saves of one loaded case end in Frappe's TimestampMismatchError for
the second, and interview session numbers stay unique under parallel inserts (Appendix B).
"""

import functools
import re
import threading
from pathlib import Path

import frappe
from frappe.share import add_docshare
from frappe.tests.utils import FrappeTestCase

from petition_social_work.roles import SOCIAL_WORKER
from petition_social_work.tests import factories as f
from petition_social_work.tests.attacks import (
	AttackLog,
	Client,
	PatientLiveServer,
	app_whitelisted_methods,
	exc_type,
	is_guest_method,
	message,
	snapshot,
)

INTAKE, PETITIONER, INTERVIEW, CRISIS, CLOSURE = (
	"Petition Intake",
	"Petitioner",
	"Petition Interview",
	"Crisis Plan",
	"Case Closure",
)
CASE_DOCTYPES = (INTAKE, PETITIONER, INTERVIEW, CRISIS, CLOSURE)
# a field of each DocType an attacker tries to overwrite
TAMPER_FIELD = {
	INTAKE: "matter_summary",
	PETITIONER: "occupation",
	INTERVIEW: "record",
	CRISIS: "behaviour_plan",
	CLOSURE: "worker_reflection",
}
# the permission-level-2 fields (sensitive): only the handler, supervisors and managers read them
LEVEL_2 = {
	PETITIONER: ("id_number", "phone", "address"),
	INTAKE: ("emotion", "behaviour", "language_and_thinking", "assessment_bio_psycho_social"),
	INTERVIEW: ("risk_notes",),
	CRISIS: ("life_risk_judgement",),
}
XSS = '<img src=x onerror=alert(1)><script>alert("xss")</script>'
RAW_XSS_MARKS = ("<img src=x onerror", "<script>alert(")
SQL_PAYLOADS = (
	"' OR 1=1 --",
	'"; DROP TABLE `tabPetition Intake`; --',
	"%",
	"\\",
	"1) or (1=1",
	"' union select name, password from __Auth --",
)
TEXT_FIELDTYPES = ("Data", "Small Text", "Text", "Long Text")
PARALLEL_INSERTS = 6


class TestHttpAttacks(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.token = frappe.generate_hash(length=8)
		cls.alice = f.make_user(f"http-alice-{cls.token}@test.petition.localhost", SOCIAL_WORKER)
		cls.bob = f.make_user(f"http-bob-{cls.token}@test.petition.localhost", SOCIAL_WORKER)
		cls.carol = f.make_user(f"http-carol-{cls.token}@test.petition.localhost", SOCIAL_WORKER)
		cls.supervisor, cls.manager, cls.liaison = f.supervisor(), f.manager(), f.liaison()
		cls.created: list[tuple[str, str]] = []
		cls.server = None
		try:
			cls.make_victim_case()
			frappe.set_user("Administrator")
			frappe.db.commit()  # the server runs in another process: it must see the test data
			cls.server = PatientLiveServer.start()
			cls.clients = cls.log_everyone_in()
		except Exception:
			cls.clean_up()
			raise
		cls.log = AttackLog(cls.victim_snapshot, cls.secrets.values())

	@classmethod
	def log_everyone_in(cls) -> dict[str, Client]:
		login = cls.server.login
		return {
			"alice": Client(cls.server, "worker (handler)", login(cls.alice, f.PASSWORD)),
			"bob": Client(cls.server, "worker (other)", login(cls.bob, f.PASSWORD)),
			"carol": Client(cls.server, "worker (shared, read)", login(cls.carol, f.PASSWORD)),
			"supervisor": Client(cls.server, "supervisor", login(cls.supervisor, f.PASSWORD)),
			"manager": Client(cls.server, "manager", login(cls.manager, f.PASSWORD)),
			"liaison": Client(cls.server, "liaison", login(cls.liaison, f.PASSWORD)),
			"guest": Client(cls.server, "guest", cls.server.session()),
		}

	@classmethod
	def make_victim_case(cls):
		t = cls.token
		cls.secrets = {
			"name": f"Httpvictim Secret{t}",
			"matter": f"SECRET-MATTER-{t}",
			"record": f"SECRET-RECORD-{t}",
			"crisis_plan": f"SECRET-CRISISPLAN-{t}",
			"reflection": f"SECRET-REFLECTION-{t}",
			"file": f"SECRET-FILE-{t}",
		}
		cls.level_2_secrets = {
			"phone": "13912345678",
			"address": f"SECRET-ADDRESS-{t}",
			"id_number": f.mainland_id(birth="19710203", serial="987"),
			"emotion": f"SECRET-EMOTION-{t}",
			"behaviour": f"SECRET-BEHAVIOUR-{t}",
			"language_and_thinking": f"SECRET-LANGUAGE-{t}",
			"assessment_bio_psycho_social": f"SECRET-BPS-{t}",
			"risk_notes": f"SECRET-RISKNOTES-{t}",
			"life_risk_judgement": f"SECRET-LIFERISK-{t}",
		}
		cls.secrets.update(cls.level_2_secrets)
		s = cls.secrets

		petitioner = f.make_petitioner(cls.alice, full_name=s["name"])
		cls.created.append((PETITIONER, petitioner.name))
		case = f.open_case(petitioner.name, owner=cls.alice)
		cls.created.append((INTAKE, case.name))
		frappe.set_user(cls.alice)
		interview = f.make_interview(case.name)
		crisis = frappe.get_doc(
			{"doctype": CRISIS, "petition_intake": case.name, "warning_level": "Level IV (Blue)"}
		).insert()
		closure = f.make_closure(case.name, worker_reflection=s["reflection"])
		attachment = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"secret-{t}.txt",
				"attached_to_doctype": INTAKE,
				"attached_to_name": case.name,
				"is_private": 1,
				"content": s["file"].encode(),
			}
		).insert()
		cls.file_url = attachment.file_url
		cls.secrets["file_url"] = attachment.file_url

		# the secrets are written by an update, so that the version log holds them too
		frappe.set_user("Administrator")
		for doctype, name, values in (
			(PETITIONER, petitioner.name, {k: s[k] for k in ("phone", "address", "id_number")}),
			(INTAKE, case.name, {"matter_summary": s["matter"], **{k: s[k] for k in LEVEL_2[INTAKE]}}),
			(INTERVIEW, interview.name, {"record": s["record"], "risk_notes": s["risk_notes"]}),
			(
				CRISIS,
				crisis.name,
				{"behaviour_plan": s["crisis_plan"], "life_risk_judgement": s["life_risk_judgement"]},
			),
		):
			doc = frappe.get_doc(doctype, name)
			doc.update(values)
			doc.save()
		add_docshare(INTAKE, case.name, cls.carol, read=1, flags={"ignore_share_permission": True})

		cls.targets = {
			INTAKE: case.name,
			PETITIONER: petitioner.name,
			INTERVIEW: interview.name,
			CRISIS: crisis.name,
			CLOSURE: closure.name,
		}
		cls.created += [(doctype, name) for doctype, name in cls.targets.items()]

	@classmethod
	def victim_snapshot(cls) -> dict:
		return snapshot(cls.targets.items(), (*CASE_DOCTYPES, "DocShare", "ToDo", "Tag", "User"))

	@classmethod
	def tearDownClass(cls):
		try:
			print("\n" + cls.log.table())
		finally:
			cls.clean_up()
			super().tearDownClass()

	@classmethod
	def clean_up(cls):
		if cls.server:
			cls.server.stop()
		frappe.set_user("Administrator")
		remove_test_data(cls.created, (cls.alice, cls.bob, cls.carol))
		frappe.db.commit()  # the test data was committed for the server; its removal must be too

	def setUp(self):
		frappe.set_user("Administrator")
		self.first_attempt = len(self.log.attempts)

	def assertAllRefused(self):
		failures = self.log.failures(self.first_attempt)
		self.assertFalse(failures, "attempts not refused:\n" + "\n".join(failures))

	def c(self, who: str) -> Client:
		return self.clients[who]

	# ------------------------------------------------------------ reading what is not yours
	def test_reads_of_another_workers_case_are_refused(self):
		public_url = self.upload_public_attachment()
		for who in ("bob", "liaison", "guest"):
			for doctype, name in self.targets.items():
				self.attack_reads(self.c(who), doctype, name)
			self.attack_attachment(self.c(who), public_url)
		self.assertAllRefused()

	def upload_public_attachment(self) -> str:
		"""The handler attaches a file to the case as public, as the upload dialog allows."""
		alice, case = self.c("alice"), self.targets[INTAKE]
		response = alice.session.post(
			self.server.url("/api/method/upload_file"),
			data={"is_private": 0, "doctype": INTAKE, "docname": case, "folder": "Home/Attachments"},
			files={"file": (f"public-{self.token}.txt", self.secrets["file"].encode(), "text/plain")},
			timeout=120,
		)
		self.assertEqual(response.status_code, 200, response.text[:500])
		return message(response)["file_url"]

	def attack_reads(self, c: Client, doctype: str, name: str):
		log, target = self.log, f"{doctype} {name}"
		by_name = {"name": name}
		empty = _expect_empty
		log.attack(c, "GET /api/resource", target, lambda: c.resource("GET", doctype, name), (403,))
		log.attack(
			c,
			"GET /api/resource list",
			target,
			lambda: c.resource("GET", doctype, fields=["*"], filters=by_name),
			(200, 403),
			check=empty,
		)
		log.attack(
			c,
			"frappe.client.get",
			target,
			lambda: c.method("frappe.client.get", "GET", doctype=doctype, name=name),
			(403,),
		)
		log.attack(
			c,
			"desk form load (getdoc)",
			target,
			lambda: c.method("frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=name),
			(403,),
		)
		log.attack(
			c,
			"desk form docinfo (versions)",
			target,
			lambda: c.method("frappe.desk.form.load.get_docinfo", "GET", doctype=doctype, name=name),
			(403,),
		)
		log.attack(
			c,
			"frappe.client.get_value",
			target,
			lambda: c.method(
				"frappe.client.get_value",
				"GET",
				doctype=doctype,
				fieldname=["name", "modified"],
				filters=by_name,
			),
			(200, 403),
			check=empty,
		)
		log.attack(
			c,
			"frappe.client.get_list",
			target,
			lambda: c.method("frappe.client.get_list", "GET", doctype=doctype, fields=["*"], filters=by_name),
			(200, 403),
			check=empty,
		)
		for filters in (by_name, {}):
			log.attack(
				c,
				f"frappe.client.get_count {filters or 'all'}",
				target,
				lambda filters=filters: c.method(
					"frappe.client.get_count", "GET", doctype=doctype, filters=filters
				),
				(200, 403),
				check=_expect_zero,
			)
		log.attack(
			c,
			"reportview.get",
			target,
			lambda: c.method(
				"frappe.desk.reportview.get",
				"POST",
				doctype=doctype,
				fields=[f"`tab{doctype}`.`name`"],
				filters=by_name,
			),
			(200, 403),
			check=empty,
			secrets=(*self.secrets.values(), name),
		)
		log.attack(
			c,
			"reportview.get_count",
			target,
			lambda: c.method("frappe.desk.reportview.get_count", "POST", doctype=doctype, filters=by_name),
			(200, 403),
			check=_expect_zero,
		)
		for method in ("frappe.desk.search.search_link", "frappe.desk.search.search_widget"):
			log.attack(
				c,
				method.rsplit(".", 1)[1],
				target,
				lambda method=method: c.method(method, "GET", doctype=doctype, txt=name),
				(200, 403),
				secrets=(*self.secrets.values(), name),
			)
		log.attack(
			c,
			"validate_link with fields",
			target,
			lambda: c.method(
				"frappe.client.validate_link",
				"GET",
				doctype=doctype,
				docname=name,
				fields=[TAMPER_FIELD[doctype]],
			),
			(200, 403),
		)
		log.attack(
			c,
			"/printview",
			target,
			lambda: c.get("/printview", doctype=doctype, name=name, format="Standard", key="guessed"),
			(401, 403),  # Frappe's page for a PermissionError answers 401
			check=_expect_no_print_of(name),
		)
		log.attack(
			c,
			"download_pdf",
			target,
			lambda: c.method("frappe.utils.print_format.download_pdf", "GET", doctype=doctype, name=name),
			(403,),
		)
		log.attack(
			c,
			"reportview.export_query",
			target,
			lambda: c.method(
				"frappe.desk.reportview.export_query",
				"POST",
				doctype=doctype,
				file_format_type="CSV",
				fields=[f"`tab{doctype}`.`name`"],
				filters=by_name,
				title="x",
			),
			(403,),
		)
		log.attack(
			c,
			"Version log of the record",
			target,
			lambda: c.method(
				"frappe.client.get_list",
				"GET",
				doctype="Version",
				fields=["data"],
				filters={"ref_doctype": doctype, "docname": name},
			),
			(200, 403),
		)

	def attack_attachment(self, c: Client, public_url: str):
		case = self.targets[INTAKE]
		self.log.attack(c, "GET private file URL", self.file_url, lambda: c.get(self.file_url), (403,))
		self.log.attack(
			c, "GET a case file uploaded as public", public_url, lambda: c.get(public_url), (403, 404)
		)
		self.log.attack(
			c,
			"File list of the case",
			f"{INTAKE} {case}",
			lambda: c.method(
				"frappe.client.get_list",
				"GET",
				doctype="File",
				fields=["file_url", "file_name"],
				filters={"attached_to_doctype": INTAKE, "attached_to_name": case},
			),
			(200, 403),
		)

	# ------------------------------------------------------------ changing what is not yours
	def test_changes_to_another_workers_case_are_refused(self):
		for who in ("bob", "carol", "liaison", "guest"):
			for doctype, name in self.targets.items():
				self.attack_writes(self.c(who), doctype, name)
			self.attack_case_extras(self.c(who))
		for who in ("supervisor", "carol", "bob"):
			for doctype, name in self.targets.items():
				if who != "supervisor" or doctype != CLOSURE:
					self.attack_delete(self.c(who), doctype, name)
		for who in ("supervisor", "manager"):
			for doctype, name in self.targets.items():
				self.attack_rename(self.c(who), doctype, name)
		for who in ("alice", "bob", "carol", "liaison", "guest"):
			self.attack_closure_submit(self.c(who))
		self.assertAllRefused()

	def attack_writes(self, c: Client, doctype: str, name: str):
		log, target, field = self.log, f"{doctype} {name}", TAMPER_FIELD[doctype]
		hacked = {field: "HACKED"}

		def attack(attempt, send, statuses=(403,), check=None):
			log.attack(c, attempt, target, send, statuses, mutating=True, check=check)

		attack("PUT /api/resource", lambda: c.resource("PUT", doctype, name, hacked))
		attack("DELETE /api/resource", lambda: c.resource("DELETE", doctype, name), (403,))
		attack("frappe.client.delete", lambda: c.method("frappe.client.delete", doctype=doctype, name=name))
		attack(
			"frappe.client.set_value",
			lambda: c.method(
				"frappe.client.set_value", doctype=doctype, name=name, fieldname=field, value="HACKED"
			),
		)
		attack(
			"frappe.client.rename_doc",
			lambda: c.method(
				"frappe.client.rename_doc", doctype=doctype, old_name=name, new_name=f"{name}-X"
			),
			(403, 417),
		)
		attack(
			"rename_doc.update_document_title",
			lambda: c.method(
				"frappe.model.rename_doc.update_document_title",
				doctype=doctype,
				docname=name,
				title="HACKED",
				name=name,
			),
			(403, 417),
		)
		attack(
			"frappe.client.bulk_update",
			lambda: c.method(
				"frappe.client.bulk_update", docs=[{"doctype": doctype, "docname": name, **hacked}]
			),
			(200, 403),
			check=_expect_failed_docs,
		)
		attack(
			"bulk_update.submit_cancel_or_update_docs",
			lambda: c.method(
				"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs",
				doctype=doctype,
				docnames=[name],
				action="update",
				data=hacked,
			),
			(200, 403),
			check=_expect_listed_as_failed(name),
		)
		attack(
			"savedocs Save",
			lambda: c.method(
				"frappe.desk.form.save.savedocs", doc=self.doc_json(doctype, name, hacked), action="Save"
			),
		)
		attack(
			"frappe.share.add (to self)",
			lambda: c.method("frappe.share.add", doctype=doctype, name=name, user=self.bob, read=1, write=1),
		)
		attack(
			"assign_to.add (to self)",
			lambda: c.method(
				"frappe.desk.form.assign_to.add",
				doctype=doctype,
				name=name,
				assign_to=[self.bob],
				ignore_permissions=1,
			),
		)
		attack(
			"tag.add_tag",
			lambda: c.method("frappe.desk.doctype.tag.tag.add_tag", tag="HACKED", dt=doctype, dn=name),
		)
		attack(
			"delete_items (bulk delete)",
			lambda: c.method("frappe.desk.reportview.delete_items", doctype=doctype, items=[name]),
			(200, 403),
		)
		if c.role != "worker (shared, read)":
			attack(
				"like.toggle_like",
				lambda: c.method("frappe.desk.like.toggle_like", doctype=doctype, name=name, add="Yes"),
			)
			attack(
				"form.utils.add_comment",
				lambda: c.method(
					"frappe.desk.form.utils.add_comment",
					reference_doctype=doctype,
					reference_name=name,
					content="HACKED",
					comment_email=self.bob,
					comment_by="bob",
				),
			)
		if doctype in (INTAKE, INTERVIEW):
			action = "Request Closure" if doctype == INTAKE else "Submit for Review"
			attack(
				f"apply_workflow {action}",
				lambda: c.method(
					"frappe.model.workflow.apply_workflow",
					doc={"doctype": doctype, "name": name},
					action=action,
				),
				(403, 417),
			)

	def attack_case_extras(self, c: Client):
		case = self.targets[INTAKE]
		self.log.attack(
			c,
			"insert Interview on the case",
			f"{INTAKE} {case}",
			lambda: c.resource(
				"POST",
				INTERVIEW,
				body={
					"petition_intake": case,
					"interviewee": "x",
					"purpose": "x",
					"interview_date": "2026-01-05",
					"interview_form": "Phone",
				},
			),
			(403,),
			mutating=True,
		)
		self.log.attack(
			c,
			"run Bulk Update with an SQL condition",
			INTAKE,
			lambda: c.method(
				"run_doc_method",
				method="bulk_update",
				docs={
					"doctype": "Bulk Update",
					"document_type": INTAKE,
					"field": "matter_summary",
					"update_value": "HACKED",
					"__islocal": 1,
					"condition": "1=1",
					"limit": 10,
				},
			),
			(403,),
			mutating=True,
		)

	def attack_delete(self, c: Client, doctype: str, name: str):
		self.log.attack(
			c,
			"DELETE /api/resource",
			f"{doctype} {name}",
			lambda: c.resource("DELETE", doctype, name),
			(403,),
			mutating=True,
		)

	def attack_rename(self, c: Client, doctype: str, name: str):
		self.log.attack(
			c,
			"frappe.client.rename_doc",
			f"{doctype} {name}",
			lambda: c.method(
				"frappe.client.rename_doc", doctype=doctype, old_name=name, new_name=f"{name}-X"
			),
			(403, 417),
			mutating=True,
		)

	def attack_closure_submit(self, c: Client):
		name = self.targets[CLOSURE]
		target = f"{CLOSURE} {name}"
		self.log.attack(
			c,
			"frappe.client.submit",
			target,
			lambda: c.method("frappe.client.submit", doc=self.doc_json(CLOSURE, name)),
			(403,),
			mutating=True,
		)
		self.log.attack(
			c,
			"savedocs Submit",
			target,
			lambda: c.method(
				"frappe.desk.form.save.savedocs", doc=self.doc_json(CLOSURE, name), action="Submit"
			),
			(403,),
			mutating=True,
		)
		self.log.attack(
			c,
			"submit_cancel_or_update_docs submit",
			target,
			lambda: c.method(
				"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs",
				doctype=CLOSURE,
				docnames=[name],
				action="submit",
			),
			(200, 403),
			mutating=True,
			check=_expect_listed_as_failed(name),
		)

	def short_doc_json(self, doctype: str, name: str, **changes) -> dict:
		frappe.db.rollback()  # the timestamp the server last committed
		modified = frappe.db.get_value(doctype, name, "modified")
		return {"doctype": doctype, "name": name, "modified": str(modified), **changes}

	def doc_json(self, doctype: str, name: str, changes: dict | None = None) -> dict:
		frappe.db.rollback()  # the record as the server last committed it
		doc = frappe.get_doc(doctype, name).as_dict(convert_dates_to_str=True)
		doc.update(changes or {})
		return doc

	# ------------------------------------------------------------ anonymous calls to the app's own methods
	def test_guest_cannot_call_any_whitelisted_method_of_the_app(self):
		methods = app_whitelisted_methods()
		self.assertTrue(methods, "no whitelisted method found in the app: the discovery is broken")
		guest, closure = self.c("guest"), self.targets[CLOSURE]
		for path, fn in methods:
			expected = (200, 403, 417) if is_guest_method(fn) else (403,)
			if "." in fn.__qualname__:  # a controller method: reached through run_doc_method
				params = {"cmd_path": "run_doc_method", "dt": CLOSURE, "dn": closure, "method": fn.__name__}
			else:
				params = {
					"cmd_path": path,
					"name": self.targets[CRISIS],
					"petition_intake": self.targets[INTAKE],
				}
			send = functools.partial(_call, guest, **params)
			self.log.attack(guest, f"guest calls {path}", "(any)", send, expected, mutating=True)
		self.assertAllRefused()

	# ------------------------------------------------------------ stored XSS rendered in the print view
	def test_stored_xss_is_escaped_in_the_print_view(self):
		alice, supervisor = self.c("alice"), self.c("supervisor")
		for doctype, name in self.xss_records().items():
			stored = 0
			for df in frappe.get_meta(doctype).fields:
				if not _is_free_text(df):
					continue
				payload = f"xss-{df.fieldname}{XSS}"
				attempt = self.log.attack(
					alice,
					f"store <img onerror>/<script> in {df.fieldname}",
					f"{doctype} {name}",
					lambda df=df, payload=payload: alice.resource(
						"PUT", doctype, name, {df.fieldname: payload}
					),
					(200, 417),
				)
				stored += attempt.status == 200
			self.assertTrue(stored, f"no text field of {doctype} took the payload: nothing was attacked")
			# Frappe's own layout, and the app's Appendix A–C Jinja format where the DocType has one
			formats = dict.fromkeys(("Standard", frappe.get_meta(doctype).default_print_format or "Standard"))
			for print_format in formats:
				self.log.attack(
					supervisor,
					f"print view ({print_format}) renders the stored payload escaped",
					f"{doctype} {name}",
					lambda doctype=doctype, name=name, print_format=print_format: supervisor.get(
						"/printview", doctype=doctype, name=name, format=print_format, no_letterhead=1
					),
					(200,),
					secrets=RAW_XSS_MARKS,
					check=_expect_markers_printed,
				)
		self.assertAllRefused()

	def xss_records(self) -> dict:
		if not getattr(self, "_xss_records", None):
			frappe.set_user(self.alice)
			petitioner = f.make_petitioner(self.alice, full_name=f"Xss Target {self.token}")
			case = f.open_case(petitioner.name, owner=self.alice)
			frappe.set_user(self.alice)
			records = {
				PETITIONER: petitioner.name,
				INTAKE: case.name,
				INTERVIEW: f.make_interview(case.name).name,
				CRISIS: frappe.get_doc(
					{"doctype": CRISIS, "petition_intake": case.name, "warning_level": "Level IV (Blue)"}
				)
				.insert()
				.name,
				CLOSURE: f.make_closure(case.name).name,
			}
			frappe.set_user("Administrator")
			type(self).created += list(records.items())
			frappe.db.commit()  # the server must see the records it is asked to store into
			type(self)._xss_records = records
		return self._xss_records

	# ------------------------------------------------------------ SQL metacharacters in every filter
	def test_sql_metacharacters_in_filters_are_harmless(self):
		bob, supervisor = self.c("bob"), self.c("supervisor")
		for doctype in CASE_DOCTYPES:
			fields = ["name", *(df.fieldname for df in frappe.get_meta(doctype).fields if _is_filterable(df))]
			for i, fieldname in enumerate(fields):
				payload = SQL_PAYLOADS[i % len(SQL_PAYLOADS)]
				self.log.attack(
					bob,
					f"get_list filter {fieldname}={payload!r}",
					doctype,
					lambda fieldname=fieldname, payload=payload, doctype=doctype: bob.method(
						"frappe.client.get_list",
						"GET",
						doctype=doctype,
						fields=["name"],
						filters={fieldname: payload},
					),
					(200, 417, 500),
					check=_expect_empty_or_type_refusal,
				)
				self.log.attack(
					supervisor,
					f"reportview filter {fieldname} like {payload!r}",
					doctype,
					lambda fieldname=fieldname, payload=payload, doctype=doctype: supervisor.method(
						"frappe.desk.reportview.get",
						doctype=doctype,
						fields=[f"`tab{doctype}`.`name`"],
						filters=[[doctype, fieldname, "like", payload]],
					),
					(200, 417, 500),
					secrets=(),
					check=_expect_type_refusal_if_500,
				)
			self.log.attack(
				bob,
				"get_list name like '%' (all)",
				doctype,
				lambda doctype=doctype: bob.method(
					"frappe.client.get_list",
					"GET",
					doctype=doctype,
					fields=["name"],
					filters={"name": ["like", "%"]},
				),
				(200,),
				check=_expect_empty,
			)
			for attempt, params in (
				("order_by injection", {"order_by": "name; drop table `tabPetitioner`"}),
				("fields sub-select", {"fields": ["name", "(select group_concat(password) from __Auth)"]}),
				("group_by injection", {"group_by": "name union select password from __Auth"}),
			):
				params.setdefault("fields", ["name"])
				self.log.attack(
					supervisor,
					attempt,
					doctype,
					lambda params=params, doctype=doctype: supervisor.method(
						"frappe.client.get_list", "GET", doctype=doctype, **params
					),
					(403, 417),
					mutating=True,
				)
		self.attack_reports_with_sql()
		self.assertAllRefused()

	def attack_reports_with_sql(self):
		reports = frappe.get_all(
			"Report",
			filters={"module": "Petition Social Work", "disabled": 0},
			fields=["name", "report_type"],
		)
		names = (*self.secrets.values(), *self.targets.values())
		for report in reports:
			filters = {
				name: SQL_PAYLOADS[i % len(SQL_PAYLOADS)]
				for i, name in enumerate(_report_filters(report.name))
			}
			for who in ("bob", "liaison", "supervisor", "guest"):
				c = self.c(who)
				self.log.attack(
					c,
					f"query_report.run with SQL in {sorted(filters) or 'no filters'}",
					f"Report {report.name}",
					lambda report=report, c=c: c.method(
						"frappe.desk.query_report.run", report_name=report.name, filters=filters
					),
					(200, 403, 417),
					secrets=names if who != "supervisor" else (),
					mutating=True,
				)

	# ------------------------------------------------------------ oversize and malformed values
	def test_oversize_and_malformed_values_are_refused_with_a_clear_error(self):
		alice = self.c("alice")
		attempts = (
			(PETITIONER, "full_name", "Data(140) with 200 characters", "x" * 200),
			(INTAKE, "competent_authority", "Data(140) with 200 characters", "x" * 200),
			(INTAKE, "matter_summary", "Small Text with 10 MB", "x" * (10 * 1024 * 1024)),
			(INTERVIEW, "record", "Text with 10 MB", "x" * (10 * 1024 * 1024)),
			(PETITIONER, "birth_month", "text in a Date", "not-a-date"),
			(PETITIONER, "birth_month", "impossible Date", "2025-02-31"),
			(INTERVIEW, "interview_time", "text in a Time", "25:99:99"),
			(INTERVIEW, "session_number", "text in an Int", "abc"),
			(INTERVIEW, "session_number", "overwrite the read-only session number", 9),
			(INTAKE, "need_legal_advice", "text in a Check", "yes"),
			(INTAKE, "need_legal_advice", "2 in a Check", 2),
			(PETITIONER, "gender", "Select value not in options", "Alien"),
			(INTAKE, "petition_channel", "Select value not in options", "Carrier pigeon"),
			(INTAKE, "matter_type", "Link to nothing", "No such matter type"),
			(PETITIONER, "full_name", "a list in a Data", ["a", "b"]),
			(
				INTAKE,
				"visit_history",
				"malformed child rows",
				[{"visit_date": "garbage", "visit_level": "Mars"}],
			),
		)
		for doctype, fieldname, attempt, value in attempts:
			name = self.targets[doctype]
			self.log.attack(
				alice,
				f"{attempt} ({fieldname})",
				f"{doctype} {name}",
				lambda doctype=doctype, name=name, fieldname=fieldname, value=value: alice.resource(
					"PUT", doctype, name, {fieldname: value}
				),
				(413, 417),
				mutating=True,
				secrets=(),
				check=_expect_clear_error,
			)
		self.assertAllRefused()

	# ------------------------------------------------------------ GET never changes data; CSRF on cookies
	def test_changing_methods_refuse_get_and_cookie_posts_without_csrf_token(self):
		alice, case = self.c("alice"), self.targets[INTAKE]
		closure, target = self.targets[CLOSURE], f"{INTAKE} {case}"
		by_get = (
			(
				"frappe.client.set_value",
				{"doctype": INTAKE, "name": case, "fieldname": "claims", "value": "GET"},
			),
			("frappe.client.delete", {"doctype": CLOSURE, "name": closure}),
			(
				"frappe.model.workflow.apply_workflow",
				{"doc": {"doctype": INTAKE, "name": case}, "action": "Request Closure"},
			),
			(
				"frappe.desk.form.save.savedocs",
				# a GET carries a short document: the fields it changes, with the current timestamp
				{"doc": self.short_doc_json(INTAKE, case, claims="GET"), "action": "Save"},
			),
			("frappe.share.add", {"doctype": INTAKE, "name": case, "user": self.bob, "read": 1}),
			("frappe.desk.form.assign_to.add", {"doctype": INTAKE, "name": case, "assign_to": [self.bob]}),
			("frappe.desk.doctype.tag.tag.add_tag", {"tag": "GET", "dt": INTAKE, "dn": case}),
			("frappe.desk.like.toggle_like", {"doctype": INTAKE, "name": case, "add": "Yes"}),
			(
				"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs",
				{"doctype": INTAKE, "docnames": [case], "action": "update", "data": {"claims": "GET"}},
			),
			(
				"frappe.model.rename_doc.update_document_title",
				{"doctype": INTAKE, "docname": case, "title": "GET"},
			),
			("frappe.desk.reportview.delete_items", {"doctype": CLOSURE, "items": [closure]}),
		)
		for method, params in by_get:
			self.log.attack(
				alice,
				f"GET {method}",
				target,
				lambda method=method, params=params: alice.method(method, "GET", **params),
				(403,),
				mutating=True,
				secrets=(),
			)

		# a desk session: loading /app gives the session its CSRF token, which every change must then carry
		desk = Client(
			self.server, "worker (handler), desk session", self.server.login(self.alice, f.PASSWORD)
		)
		page = desk.get("/app")
		self.assertEqual(page.status_code, 200)
		token = re.search(r'frappe\.csrf_token = "([^"]+)"', page.text)
		self.assertTrue(token and token.group(1), "the desk page gave no CSRF token")
		set_claims = {"doctype": INTAKE, "name": case, "fieldname": "claims", "value": "CSRF"}
		for attempt, headers in (
			("no X-Frappe-CSRF-Token", None),
			("wrong X-Frappe-CSRF-Token", {"X-Frappe-CSRF-Token": "forged"}),
		):
			self.log.attack(
				desk,
				f"POST set_value, {attempt}",
				target,
				lambda headers=headers: desk.method("frappe.client.set_value", headers=headers, **set_claims),
				(400,),
				mutating=True,
				secrets=(),
				check=_expect_exc("CSRFTokenError"),
			)
		# the same session with its token may read: the refusal above was the missing token, not the session
		allowed = desk.method(
			"frappe.client.get_value",
			headers={"X-Frappe-CSRF-Token": token.group(1)},
			doctype=INTAKE,
			fieldname="name",
			filters={"name": case},
		)
		self.assertEqual(allowed.status_code, 200, allowed.text[:500])
		self.assertEqual(message(allowed), {"name": case})
		self.assertAllRefused()

	# ------------------------------------------------------------ sensitive fields (permission level 2)
	def test_level_2_fields_stay_hidden_from_a_worker_the_case_is_only_shared_with(self):
		carol = self.c("carol")
		visible = {
			PETITIONER: self.secrets["name"],
			INTAKE: self.secrets["matter"],
			INTERVIEW: self.secrets["record"],
			CRISIS: self.secrets["crisis_plan"],
		}
		hidden = tuple(self.level_2_secrets.values())
		for doctype, fields in LEVEL_2.items():
			name, target = self.targets[doctype], f"{doctype} {self.targets[doctype]}"
			reads = (
				(
					"GET /api/resource",
					lambda doctype=doctype, name=name: carol.resource("GET", doctype, name),
				),
				(
					"desk form load (getdoc)",
					lambda doctype=doctype, name=name: carol.method(
						"frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=name
					),
				),
				(
					"frappe.client.get",
					lambda doctype=doctype, name=name: carol.method(
						"frappe.client.get", "GET", doctype=doctype, name=name
					),
				),
			)
			for attempt, send in reads:
				self.log.attack(
					carol,
					f"{attempt}: level-2 fields",
					target,
					send,
					(200,),
					secrets=hidden,
					check=_expect_text(visible[doctype]),
				)
			self.log.attack(
				carol,
				"get_list of level-2 fields",
				target,
				lambda doctype=doctype, name=name, fields=fields: carol.method(
					"frappe.client.get_list",
					"GET",
					doctype=doctype,
					fields=["name", *fields],
					filters={"name": name},
				),
				(200, 403),
				secrets=hidden,
			)
			self.log.attack(
				carol,
				"get_value of level-2 fields",
				target,
				lambda doctype=doctype, name=name, fields=fields: carol.method(
					"frappe.client.get_value",
					"GET",
					doctype=doctype,
					fieldname=list(fields),
					filters={"name": name},
				),
				(200, 403),
				secrets=hidden,
			)
			self.log.attack(
				carol,
				"version log (docinfo): level-2 values",
				target,
				lambda doctype=doctype, name=name: carol.method(
					"frappe.desk.form.load.get_docinfo", "GET", doctype=doctype, name=name
				),
				(200, 403),
				secrets=hidden,
			)
			self.log.attack(
				carol,
				"/printview: level-2 fields",
				target,
				lambda doctype=doctype, name=name: carol.get(
					"/printview", doctype=doctype, name=name, format="Standard"
				),
				(200, 403),
				secrets=hidden,
			)
			for fieldname in fields:
				value = self.level_2_secrets[fieldname]
				self.log.attack(
					carol,
					f"count by a level-2 value ({fieldname}) as an oracle",
					target,
					lambda doctype=doctype, fieldname=fieldname, value=value: carol.method(
						"frappe.client.get_count", "GET", doctype=doctype, filters={fieldname: value}
					),
					(200, 403, 417),
					check=_expect_zero,
				)
		self.assertAllRefused()

	# ------------------------------------------------------------ resilience over HTTP
	def test_second_save_of_a_stale_case_gets_timestamp_mismatch_and_the_first_is_kept(self):
		alice, supervisor, case = self.c("alice"), self.c("supervisor"), self.targets[INTAKE]
		loaded = {}
		for who, c in (("alice", alice), ("supervisor", supervisor)):
			response = c.method("frappe.desk.form.load.getdoc", "GET", doctype=INTAKE, name=case)
			self.assertEqual(response.status_code, 200, response.text[:500])
			loaded[who] = response.json()["docs"][0]
		first = alice.method(
			"frappe.desk.form.save.savedocs",
			doc={**loaded["alice"], "claims": "alice was first"},
			action="Save",
		)
		self.assertEqual(first.status_code, 200, first.text[:1000])
		second = supervisor.method(
			"frappe.desk.form.save.savedocs",
			doc={**loaded["supervisor"], "claims": "supervisor overwrote", "plan_goals": "supervisor"},
			action="Save",
		)
		self.assertEqual(second.status_code, 417, second.text[:1000])
		self.assertEqual(second.json().get("exc_type"), "TimestampMismatchError")
		frappe.db.rollback()
		claims, goals = frappe.db.get_value(INTAKE, case, ["claims", "plan_goals"])
		self.assertEqual(claims, "alice was first")
		self.assertNotEqual(goals, "supervisor")

	def test_parallel_http_inserts_keep_session_numbers_unique(self):
		"""Appendix B: six interviews posted at once on one case get sessions 1..6."""
		frappe.set_user(self.alice)
		case = f.open_case(
			f.make_petitioner(self.alice, full_name=f"Parallel {self.token}").name, owner=self.alice
		)
		frappe.set_user("Administrator")
		type(self).created += [(INTAKE, case.name), (PETITIONER, case.petitioner)]
		frappe.db.commit()  # the server must see the case the interviews are posted on
		sessions = [self.server.login(self.alice, f.PASSWORD) for _ in range(PARALLEL_INSERTS)]
		barrier, statuses = threading.Barrier(PARALLEL_INSERTS), [None] * PARALLEL_INSERTS
		today = frappe.utils.today()

		def post(n):
			client = Client(self.server, "worker (handler)", sessions[n])
			barrier.wait(timeout=30)
			response = client.resource(
				"POST",
				INTERVIEW,
				body={
					"petition_intake": case.name,
					"interviewee": "陈建国",
					"purpose": f"并发 {n}",
					"interview_date": today,
					"interview_form": "Phone",
				},
			)
			statuses[n] = (response.status_code, response.text[:300])

		threads = [threading.Thread(target=post, args=(n,)) for n in range(PARALLEL_INSERTS)]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join(timeout=120)
		frappe.db.rollback()
		interviews = frappe.get_all(
			INTERVIEW,
			filters={"petition_intake": case.name},
			fields=["name", "session_number"],
			order_by="session_number asc",
		)
		type(self).created += [(INTERVIEW, row.name) for row in interviews]
		self.assertEqual([s[0] for s in statuses], [200] * PARALLEL_INSERTS, statuses)
		self.assertEqual([row.session_number for row in interviews], list(range(1, PARALLEL_INSERTS + 1)))


def _call(client: Client, cmd_path: str, **params):
	return client.method(cmd_path, **params)


# ---------------------------------------------------------------- verdicts on one answer
def _expect_empty(response):
	if response.status_code != 200:
		return None
	value = message(response)
	if isinstance(value, dict) and "values" in value:  # reportview.get
		value = value["values"]
	if isinstance(response.json().get("data"), list):  # /api/resource list
		value = response.json()["data"]
	return None if not value else f"rows returned: {str(value)[:200]}"


# a value that cannot be a date, time or number refused by Frappe's date parser or by MariaDB: harmless,
# though answered 500 (Frappe 15 does not check filter values against the column type)
TYPE_REFUSALS = ("ParserError", "OperationalError", "DataError")


def _expect_type_refusal_if_500(response):
	if response.status_code != 500:
		return None
	return None if exc_type(response) in TYPE_REFUSALS else f"server error {exc_type(response)}"


def _expect_empty_or_type_refusal(response):
	return _expect_type_refusal_if_500(response) or _expect_empty(response)


def _expect_zero(response):
	if response.status_code != 200:
		return None
	return None if message(response) in (0, None) else f"counted {message(response)}"


def _expect_failed_docs(response):
	if response.status_code != 200:
		return None
	failed = (message(response) or {}).get("failed_docs")
	return None if failed else "bulk_update reported no failure"


def _expect_listed_as_failed(name):
	def check(response):
		if response.status_code != 200:
			return None
		return None if name in (message(response) or []) else f"{name} not reported as failed"

	return check


def _expect_no_print_of(name):
	def check(response):
		return f"print of {name} rendered" if response.status_code == 200 else None

	return check


def _expect_markers_printed(response):
	return None if "xss-" in response.text else "no stored payload in the print view: nothing was checked"


def _expect_clear_error(response):
	if response.status_code == 413:
		return None
	try:
		body = response.json()
	except ValueError:
		return "no JSON error"
	return None if body.get("exc_type") and body.get("_server_messages") else "refused without a message"


def _expect_exc(name):
	def check(response):
		try:
			exc = response.json().get("exc_type")
		except ValueError:
			exc = None
		return None if exc == name else f"exc_type {exc}, expected {name}"

	return check


def _expect_text(text):
	def check(response):
		return None if text in response.text else "the readable part is missing too: the read itself failed"

	return check


# ---------------------------------------------------------------- fields and reports
def _is_free_text(df) -> bool:
	return (
		df.fieldtype in TEXT_FIELDTYPES
		and not df.read_only
		and not df.hidden
		and not df.options
		and df.fieldname != "id_number"
		and (df.permlevel or 0) in (0, 2)
	)


def _is_filterable(df) -> bool:
	return df.fieldtype not in frappe.model.no_value_fields and df.fieldtype not in frappe.model.table_fields


def _report_filters(report: str) -> list[str]:
	"""The filter fieldnames a Script Report's JS declares."""
	module_path = Path(frappe.get_module_path("Petition Social Work"))
	js = module_path / "report" / frappe.scrub(report) / f"{frappe.scrub(report)}.js"
	return re.findall(r'fieldname:\s*["\'](\w+)["\']', js.read_text()) if js.exists() else []


# ---------------------------------------------------------------- clean-up
def remove_test_data(records: list[tuple[str, str]], users: tuple[str, ...]):
	"""Everything the class made, with the rows that hang off it (raw deletes: submitted and logged rows too)."""
	frappe.db.rollback()
	by_doctype: dict[str, set] = {}
	for doctype, name in records:
		by_doctype.setdefault(doctype, set()).add(name)
	for doctype in (CLOSURE, CRISIS, INTERVIEW, "Service Plan", "Petition Referral", INTAKE, PETITIONER):
		names = by_doctype.get(doctype, set())
		if doctype == INTAKE:
			for child in (CLOSURE, CRISIS, INTERVIEW, "Service Plan", "Petition Referral"):
				names_of_child = frappe.get_all(
					child, filters={"petition_intake": ("in", list(names) or [""])}, pluck="name"
				)
				_purge(child, names_of_child)
		_purge(doctype, names)
	for user in users:
		frappe.delete_doc("User", user, force=True, ignore_permissions=True)


def _purge(doctype: str, names):
	names = list(names)
	if not names:
		return
	for df in frappe.get_meta(doctype).get_table_fields():
		frappe.db.delete(df.options, {"parent": ("in", names), "parenttype": doctype})
	for table, doctype_field, name_field in (
		("DocShare", "share_doctype", "share_name"),
		("ToDo", "reference_type", "reference_name"),
		("Comment", "reference_doctype", "reference_name"),
		("Tag Link", "document_type", "document_name"),
		("Version", "ref_doctype", "docname"),
		("Access Log", "export_from", "reference_document"),
		("View Log", "reference_doctype", "reference_name"),
		("Notification Log", "document_type", "document_name"),
	):
		frappe.db.delete(table, {doctype_field: doctype, name_field: ("in", names)})
	for file in frappe.get_all(
		"File", filters={"attached_to_doctype": doctype, "attached_to_name": ("in", names)}, pluck="name"
	):
		frappe.delete_doc("File", file, force=True, ignore_permissions=True)
	frappe.db.delete(doctype, {"name": ("in", names)})
