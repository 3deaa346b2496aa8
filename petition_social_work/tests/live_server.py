"""A real HTTP server for the current test site: gunicorn serving `frappe.app:application` on loopback.

Tests that must be proven over HTTP (attacks, the browser desk) start one per class:

	server = LiveServer.start()
	response = server.session().get(server.url("/api/method/ping"))
	server.stop()

The server runs in another process with its own database connection, so a test commits the records it
wants the server to see, and removes them itself afterwards.
"""

import socket
import subprocess
import time
from pathlib import Path

import frappe
import requests


class LiveServer:
	def __init__(self, site: str, port: int, process: subprocess.Popen, log_path: Path):
		self.site = site
		self.port = port
		self.process = process
		self.log_path = log_path

	@classmethod
	def start(cls, timeout: float = 180) -> "LiveServer":
		site = frappe.local.site
		sites_path = Path(frappe.local.sites_path).resolve()
		bench_path = sites_path.parent
		gunicorn = bench_path / "env" / "bin" / "gunicorn"
		port = _free_port()
		log_path = bench_path / "logs" / f"live-server-{port}.log"
		log_path.parent.mkdir(exist_ok=True)
		with open(log_path, "wb") as log:
			process = subprocess.Popen(
				[
					str(gunicorn),
					"--bind",
					f"127.0.0.1:{port}",
					"--workers",
					"2",
					"--threads",
					"2",
					"--timeout",
					"120",
					"frappe.app:application",
				],
				cwd=sites_path,
				stdout=log,
				stderr=subprocess.STDOUT,
			)
		server = cls(site, port, process, log_path)
		server._wait_until_up(timeout)
		return server

	def url(self, path: str) -> str:
		return f"http://127.0.0.1:{self.port}{path}"

	@property
	def origin(self) -> str:
		"""The address a browser uses: the site's name, mapped to loopback by the browser itself."""
		return f"http://{self.site}:{self.port}"

	def session(self) -> requests.Session:
		"""A client whose requests name the site in their Host header, as a browser on the site would."""
		session = requests.Session()
		session.headers["Host"] = self.site
		return session

	def login(self, user: str, password: str) -> requests.Session:
		session = self.session()
		response = session.post(self.url("/api/method/login"), data={"usr": user, "pwd": password})
		response.raise_for_status()
		return session

	def stop(self):
		if self.process.poll() is None:
			self.process.terminate()
			try:
				self.process.wait(timeout=20)
			except subprocess.TimeoutExpired:
				self.process.kill()
				self.process.wait()

	def log_tail(self, lines: int = 40) -> str:
		try:
			return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
		except OSError:
			return ""

	def _wait_until_up(self, timeout: float):
		deadline = time.monotonic() + timeout
		while time.monotonic() < deadline:
			if self.process.poll() is not None:
				raise RuntimeError(f"gunicorn exited early:\n{self.log_tail()}")
			try:
				if self.session().get(self.url("/api/method/ping"), timeout=30).ok:
					return
			except (requests.ConnectionError, requests.Timeout):
				pass  # not listening yet, or the first request still warming up
			time.sleep(0.3)
		self.stop()
		raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{self.log_tail()}")


def _free_port() -> int:
	with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
		probe.bind(("127.0.0.1", 0))
		return probe.getsockname()[1]
