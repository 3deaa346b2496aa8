"""Tools of the HTTP attack suite: a client per user, a log of every attempt with its verdict, snapshots of the
records attacked, and the app's whitelisted methods.

An attempt is refused when the server answers with one of the statuses chosen for it, no secret of the
attacked records is in the answer, any extra check passes, and (for attempts that could change data) the
attacked records, their shares, assignments, comments, tags, files and versions are as they were before.
"""

import hashlib
import importlib
import inspect
import json
import pkgutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import frappe
import requests

from petition_social_work.tests.live_server import LiveServer

# the tables whose rows hang off a record by (doctype, name): a change in any of them changes the record
SIDE_TABLES = (
	("DocShare", "share_doctype", "share_name"),
	("ToDo", "reference_type", "reference_name"),
	("Comment", "reference_doctype", "reference_name"),
	("Tag Link", "document_type", "document_name"),
	("File", "attached_to_doctype", "attached_to_name"),
	("Version", "ref_doctype", "docname"),
)


class PatientLiveServer(LiveServer):
	"""The live server, waiting out a first answer slower than 5 s (workers importing the app on a busy machine)."""

	def _wait_until_up(self, timeout: float):
		deadline = time.monotonic() + max(timeout, 120)
		while time.monotonic() < deadline:
			if self.process.poll() is not None:
				raise RuntimeError(f"gunicorn exited early:\n{self.log_tail()}")
			try:
				if self.session().get(self.url("/api/method/ping"), timeout=60).ok:
					return
			except requests.RequestException:
				pass
			time.sleep(0.5)
		self.stop()
		raise RuntimeError(f"gunicorn did not answer in time:\n{self.log_tail()}")


class Client:
	"""One user's HTTP session against the live server; `role` names the user in the attempts table."""

	def __init__(self, server, role: str, session: requests.Session):
		self.server, self.role, self.session = server, role, session
		self.csrf_token = None

	def method(self, path: str, http: str = "POST", headers: dict | None = None, **params):
		params = {key: _encode(value) for key, value in params.items()}
		url = self.server.url(f"/api/method/{path}")
		if http == "GET":
			return self.session.get(url, params=params, headers=headers, timeout=120)
		return self.session.request(http, url, data=params, headers=headers, timeout=120)

	def resource(self, http: str, doctype: str, name: str | None = None, body: dict | None = None, **params):
		path = f"/api/resource/{doctype}" + (f"/{name}" if name else "")
		params = {key: _encode(value) for key, value in params.items()}
		return self.session.request(
			http,
			self.server.url(path),
			params=params,
			data=json.dumps(body) if body is not None else None,
			headers={"Content-Type": "application/json"} if body is not None else None,
			timeout=120,
		)

	def get(self, path: str, **params):
		return self.session.get(self.server.url(path), params=params, timeout=120)


def _encode(value):
	return json.dumps(value) if isinstance(value, dict | list | tuple) else value


@dataclass
class Attempt:
	role: str
	attempt: str
	target: str
	status: int
	exc_type: str
	refused: bool
	problems: list[str]


class AttackLog:
	"""Every attempt of the suite, its verdict and what went wrong; `table()` prints them all."""

	def __init__(self, snapshot: Callable[[], dict], secrets: Iterable[str]):
		self.attempts: list[Attempt] = []
		self.snapshot = snapshot
		self.secrets = tuple(secrets)

	def attack(
		self,
		client: Client,
		attempt: str,
		target: str,
		send: Callable[[], requests.Response],
		statuses: Iterable[int],
		*,
		mutating: bool = False,
		secrets: Iterable[str] | None = None,
		check: Callable[[requests.Response], str | None] | None = None,
	) -> Attempt:
		before = self.snapshot() if mutating else None
		try:
			response = send()
		except requests.RequestException as e:
			return self._record(client.role, attempt, target, 0, "", [f"no answer: {e!r}"])
		problems = []
		statuses = tuple(statuses)
		if response.status_code not in statuses:
			problems.append(f"status {response.status_code}, expected one of {statuses}")
		body = response.text
		leaked = [secret for secret in (self.secrets if secrets is None else secrets) if secret in body]
		if leaked:
			problems.append(f"answer holds {leaked}")
		if check and (problem := check(response)):
			problems.append(problem)
		if mutating:
			after = self.snapshot()
			changed = sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key))
			if changed:
				problems.append(f"database changed: {changed}")
		return self._record(client.role, attempt, target, response.status_code, exc_type(response), problems)

	def _record(self, role, attempt, target, status, exc, problems) -> Attempt:
		entry = Attempt(role, attempt, target, status, exc, not problems, problems)
		self.attempts.append(entry)
		return entry

	def failures(self, since: int = 0) -> list[str]:
		return [
			f"{a.role} | {a.attempt} | {a.target}: {'; '.join(a.problems)}"
			for a in self.attempts[since:]
			if not a.refused
		]

	def table(self) -> str:
		rows = [("role", "attempt", "target", "status", "exc_type", "refused?")]
		rows += [
			(a.role, a.attempt, a.target, str(a.status), a.exc_type, "yes" if a.refused else "NO")
			for a in self.attempts
		]
		widths = [min(max(len(row[i]) for row in rows), 60) for i in range(len(rows[0]))]
		lines = [
			" | ".join(cell[:60].ljust(width) for cell, width in zip(row, widths, strict=True))
			for row in rows
		]
		lines.insert(1, "-+-".join("-" * width for width in widths))
		refused = sum(a.refused for a in self.attempts)
		lines.append(
			f"attempts made: {len(self.attempts)}, refused: {refused}, not refused: {len(self.attempts) - refused}"
		)
		return "\n".join(lines)


def exc_type(response: requests.Response) -> str:
	try:
		return str(response.json().get("exc_type") or "")
	except ValueError:
		return ""


def message(response: requests.Response):
	try:
		return response.json().get("message")
	except ValueError:
		return None


# ---------------------------------------------------------------- the database as the attacker found it
def snapshot(records: Iterable[tuple[str, str]], counted_doctypes: Iterable[str]) -> dict:
	"""Each record's whole row and child rows (hashed), the rows hanging off it, and each DocType's count."""
	frappe.db.rollback()  # a fresh transaction sees what the server committed
	state = {}
	for doctype, name in records:
		row = frappe.db.sql(f"select * from `tab{doctype}` where name = %s", name, as_dict=True)
		children = [
			frappe.db.sql(
				f"select * from `tab{df.options}` where parent = %s and parenttype = %s order by idx",
				(name, doctype),
				as_dict=True,
			)
			for df in frappe.get_meta(doctype).get_table_fields()
		]
		state[f"{doctype} {name}"] = _digest([row, children])
		for table, doctype_field, name_field in SIDE_TABLES:
			state[f"{table} of {doctype} {name}"] = frappe.db.count(
				table, {doctype_field: doctype, name_field: name}
			)
	for doctype in counted_doctypes:
		state[f"count {doctype}"] = frappe.db.count(doctype)
	return state


def _digest(value) -> str:
	return hashlib.sha256(json.dumps(value, default=str, sort_keys=True).encode()).hexdigest()


# ---------------------------------------------------------------- the app's whitelisted methods
def app_whitelisted_methods(app: str = "petition_social_work") -> list[tuple[str, Callable]]:
	"""(dotted path, function) of every whitelisted function of the app, found by importing all its modules."""
	package = importlib.import_module(app)
	for module in pkgutil.walk_packages(package.__path__, f"{app}."):
		if ".tests" in module.name or module.name.endswith(".hooks"):
			continue
		try:
			importlib.import_module(module.name)
		except Exception:  # a module that cannot be imported outside a request has no reachable method
			continue
	found = []
	for fn in frappe.whitelisted:
		module = inspect.getmodule(fn)
		if not module or not module.__name__.startswith(f"{app}."):
			continue
		found.append((f"{module.__name__}.{fn.__qualname__}", fn))
	return sorted(found, key=lambda item: item[0])


def is_guest_method(fn: Callable) -> bool:
	return fn in frappe.guest_methods
