"""Every user-facing string the app defines, and where it comes from.

Standard library only (no Frappe), so the translation checks run anywhere.

	app_strings(repo_root) -> {string: origin}

covers DocType, workflow, role, report, print format, workspace, number card and dashboard chart
definitions, the module names, every literal passed to `_()` / `_lt()` in the app's Python and Jinja
files, every literal passed to `__()` in its JavaScript, and the default master data that
`setup/install.py` creates (shown to users as they are).

Run as a script to list what `translations/zh.csv` still lacks:

	python3 tests/translation_sources.py            # missing strings with their origin
	python3 tests/translation_sources.py --csv      # the same as `source,` CSV rows to fill in
	python3 tests/translation_sources.py --stale    # zh.csv rows no app string uses any more
"""

from __future__ import annotations

import ast
import csv
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

APP = "petition_social_work"
MODULE_DIR = f"{APP}/{APP}"  # the app's one module folder
TRANSLATION_FILE = f"{APP}/translations/zh.csv"

# module-level constants of master data that the app inserts and shows to users as they are
DATA_CONSTANTS = {
	f"{APP}/setup/install.py": ("DEFAULT_MATTER_TYPES",),
}

_JS_CALL = re.compile(
	r"""(?<![\w$.])__\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`)\s*[,)]""",
	re.S,
)
_JINJA_CALL = re.compile(
	r"""(?<![\w$.])_\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')\s*[,)]""",
)
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "`": "`", "$": "$"}
_FRAPPE_HTML_ESCAPES = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
	"'": "&#39;",
	"`": "&#x60;",
	"=": "&#x3D;",
}


class _Collector:
	def __init__(self, root: Path):
		self.root = root
		self.strings: dict[str, str] = {}
		self.contexts: dict[tuple[str, str], str] = {}

	def add(self, text, origin: str, context: str | None = None):
		if not isinstance(text, str):
			return
		text = text.strip()
		if not text:
			return
		self.strings.setdefault(text, origin)
		if context:
			self.contexts.setdefault((text, context), origin)

	def rel(self, path: Path) -> str:
		return path.relative_to(self.root).as_posix()


def _load_json(path: Path):
	try:
		return json.loads(path.read_text(encoding="utf-8"))
	except (OSError, ValueError):
		return None


def _docs(path: Path) -> list[dict]:
	data = _load_json(path)
	if isinstance(data, dict):
		return [data]
	if isinstance(data, list):
		return [d for d in data if isinstance(d, dict)]
	return []


def _definition_files(root: Path, folder: str) -> list[Path]:
	"""The `<folder>/<name>/<name>.json` definitions of the app's module, if the folder exists."""
	base = root / MODULE_DIR / folder
	if not base.is_dir():
		return []
	return sorted(p for p in base.glob("*/*.json") if p.stem == p.parent.name)


def _select_options(options) -> list[str]:
	if not isinstance(options, str):
		return []
	return [line.strip() for line in options.split("\n") if line.strip()]


def _add_fields(c: _Collector, fields, where: str, doctype: str | None):
	for df in fields or []:
		if not isinstance(df, dict):
			continue
		name = df.get("fieldname") or df.get("label") or "?"
		context = doctype or df.get("dt")
		c.add(df.get("label"), f"{where}: label of {name}", context)
		c.add(df.get("description"), f"{where}: description of {name}", context)
		c.add(df.get("placeholder"), f"{where}: placeholder of {name}", context)
		if df.get("fieldtype") in ("Select", "Autocomplete"):
			for option in _select_options(df.get("options")):
				c.add(option, f"{where}: option of {name}", context)


def _add_doctypes(c: _Collector):
	for path in _definition_files(c.root, "doctype"):
		for doc in _docs(path):
			if doc.get("doctype") != "DocType":
				continue
			where = c.rel(path)
			name = doc.get("name")
			c.add(name, f"{where}: DocType name")
			c.add(doc.get("description"), f"{where}: DocType description", name)
			_add_fields(c, doc.get("fields"), where, name)
			for link in doc.get("links") or []:
				c.add(link.get("group"), f"{where}: connections group", name)
			for action in doc.get("actions") or []:
				c.add(action.get("label"), f"{where}: action", name)
				c.add(action.get("group"), f"{where}: action group", name)


def _add_workflow(c: _Collector, doc: dict, where: str):
	c.add(doc.get("workflow_name") or doc.get("name"), f"{where}: workflow name")
	for state in doc.get("states") or []:
		c.add(state.get("state"), f"{where}: workflow state")
		c.add(state.get("message"), f"{where}: workflow state message")
	for transition in doc.get("transitions") or []:
		c.add(transition.get("action"), f"{where}: workflow action")
		c.add(transition.get("state"), f"{where}: workflow state")
		c.add(transition.get("next_state"), f"{where}: workflow state")


def _add_workflows(c: _Collector):
	for path in _definition_files(c.root, "workflow"):
		for doc in _docs(path):
			_add_workflow(c, doc, c.rel(path))


class _TextOnly(HTMLParser):
	def __init__(self):
		super().__init__()
		self.parts: list[str] = []

	def handle_data(self, data):
		self.parts.append(data)


def _header_key(markup: str) -> str:
	"""The key Frappe's workspace header block translates: its text, HTML-escaped as frappe.utils.escape_html does."""
	parser = _TextOnly()
	parser.feed(markup)
	text = html.unescape("".join(parser.parts)).strip()
	return "".join(_FRAPPE_HTML_ESCAPES.get(ch, ch) for ch in text)


def _add_workspaces(c: _Collector):
	for path in _definition_files(c.root, "workspace"):
		for doc in _docs(path):
			where = c.rel(path)
			c.add(doc.get("label") or doc.get("name"), f"{where}: workspace label")
			c.add(doc.get("title"), f"{where}: workspace title")
			for table in ("shortcuts", "links", "charts", "number_cards", "quick_lists", "custom_blocks"):
				for row in doc.get(table) or []:
					if isinstance(row, dict):
						c.add(row.get("label"), f"{where}: {table} label")
						c.add(row.get("description"), f"{where}: {table} description")
			try:
				blocks = json.loads(doc.get("content") or "[]")
			except ValueError:
				blocks = []
			for block in blocks if isinstance(blocks, list) else []:
				if isinstance(block, dict) and block.get("type") in ("header", "paragraph"):
					c.add(
						_header_key((block.get("data") or {}).get("text") or ""),
						f"{where}: {block['type']} block",
					)


def _add_reports(c: _Collector):
	for path in _definition_files(c.root, "report"):
		for doc in _docs(path):
			where = c.rel(path)
			c.add(doc.get("report_name") or doc.get("name"), f"{where}: report name")
			for column in doc.get("columns") or []:
				if isinstance(column, dict):
					c.add(column.get("label"), f"{where}: column label")
			for flt in doc.get("filters") or []:
				if isinstance(flt, dict):
					c.add(flt.get("label"), f"{where}: filter label")
			try:
				spec = json.loads(doc.get("json") or "{}")
			except ValueError:
				spec = {}
			columns = spec.get("columns") if isinstance(spec, dict) else None
			for column in columns or []:
				if isinstance(column, dict):
					c.add(column.get("label"), f"{where}: column label")
			_add_jinja(c, doc.get("html") or "", where)


def _add_print_formats(c: _Collector):
	for path in _definition_files(c.root, "print_format"):
		for doc in _docs(path):
			where = c.rel(path)
			c.add(doc.get("name"), f"{where}: print format name")
			_add_jinja(c, doc.get("html") or "", where)
			try:
				layout = json.loads(doc.get("format_data") or "[]")
			except ValueError:
				layout = []
			for item in layout if isinstance(layout, list) else []:
				if isinstance(item, dict):
					c.add(item.get("label"), f"{where}: layout label")


def _add_cards_and_charts(c: _Collector):
	for path in _definition_files(c.root, "number_card"):
		for doc in _docs(path):
			c.add(doc.get("label") or doc.get("name"), f"{c.rel(path)}: number card label")
	for path in _definition_files(c.root, "dashboard_chart"):
		for doc in _docs(path):
			c.add(doc.get("chart_name") or doc.get("name"), f"{c.rel(path)}: dashboard chart name")
	for path in _definition_files(c.root, "dashboard"):
		for doc in _docs(path):
			c.add(doc.get("dashboard_name") or doc.get("name"), f"{c.rel(path)}: dashboard name")


def _add_fixtures(c: _Collector):
	base = c.root / APP / "fixtures"
	if not base.is_dir():
		return
	for path in sorted(base.glob("*.json")):
		where = c.rel(path)
		for doc in _docs(path):
			kind = doc.get("doctype")
			if kind == "Role":
				c.add(doc.get("role_name") or doc.get("name"), f"{where}: role")
			elif kind == "Custom Field":
				_add_fields(c, [doc], where, doc.get("dt"))
			elif kind == "Workflow":
				_add_workflow(c, doc, where)
			elif kind == "Workflow State":
				c.add(doc.get("workflow_state_name") or doc.get("name"), f"{where}: workflow state")
			elif kind == "Workflow Action Master":
				c.add(doc.get("workflow_action_name") or doc.get("name"), f"{where}: workflow action")


def _add_modules(c: _Collector):
	path = c.root / APP / "modules.txt"
	if path.is_file():
		for line in path.read_text(encoding="utf-8").splitlines():
			c.add(line, f"{c.rel(path)}: module")


def _is_test_file(path: Path) -> bool:
	return path.name.startswith("test_") or "tests" in path.parts or path.name == "conftest.py"


def _source_files(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
	base = root / APP
	skip = {"node_modules", "dist", "__pycache__"}
	return sorted(
		p
		for p in base.rglob("*")
		if p.suffix in suffixes
		and p.is_file()
		and not skip & set(p.parts)
		and not _is_test_file(p.relative_to(root))
	)


def _is_translate_call(func: ast.expr) -> bool:
	if isinstance(func, ast.Name):
		return func.id in ("_", "_lt")
	return isinstance(func, ast.Attribute) and func.attr in ("_", "_lt") and isinstance(func.value, ast.Name)


def _add_python(c: _Collector):
	for path in _source_files(c.root, (".py",)):
		where = c.rel(path)
		try:
			tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
		except (SyntaxError, UnicodeDecodeError):
			continue
		data_names = DATA_CONSTANTS.get(where, ())
		for node in ast.walk(tree):
			if isinstance(node, ast.Call) and _is_translate_call(node.func) and node.args:
				first = node.args[0]
				if isinstance(first, ast.Constant) and isinstance(first.value, str):
					c.add(first.value, f"{where}:{node.lineno}")
			elif isinstance(node, (ast.Assign, ast.AnnAssign)) and data_names:
				targets = node.targets if isinstance(node, ast.Assign) else [node.target]
				names = [t.id for t in targets if isinstance(t, ast.Name)]
				if set(names) & set(data_names) and node.value is not None:
					for const in ast.walk(node.value):
						if isinstance(const, ast.Constant) and isinstance(const.value, str):
							c.add(const.value, f"{where}:{const.lineno} ({names[0]})")


def _unescape_js(text: str) -> str:
	return re.sub(r"\\(.)", lambda m: _JS_ESCAPES.get(m.group(1), m.group(1)), text, flags=re.S)


def _add_jinja(c: _Collector, text: str, where: str):
	for match in _JINJA_CALL.finditer(text):
		literal = match.group(1) if match.group(1) is not None else match.group(2)
		c.add(_unescape_js(literal), where)


def _add_javascript(c: _Collector):
	for path in _source_files(c.root, (".js", ".ts", ".vue", ".html")):
		where = c.rel(path)
		text = path.read_text(encoding="utf-8", errors="replace")
		for match in _JS_CALL.finditer(text):
			dq, sq, bt = match.groups()
			if bt is not None and "${" in bt:
				continue
			literal = next(g for g in (dq, sq, bt) if g is not None)
			c.add(_unescape_js(literal), f"{where}:{text.count(chr(10), 0, match.start()) + 1}")
		if path.suffix == ".html":
			_add_jinja(c, text, where)


def _collect(repo_root) -> _Collector:
	c = _Collector(Path(repo_root).resolve())
	_add_modules(c)
	_add_doctypes(c)
	_add_workflows(c)
	_add_fixtures(c)
	_add_reports(c)
	_add_print_formats(c)
	_add_workspaces(c)
	_add_cards_and_charts(c)
	_add_python(c)
	_add_javascript(c)
	return c


def app_strings(repo_root) -> dict[str, str]:
	"""Every user-facing string of the app, mapped to the first place it comes from."""
	return _collect(repo_root).strings


def contextual_strings(repo_root) -> dict[tuple[str, str], str]:
	"""(string, DocType) pairs for the labels, descriptions and options Frappe translates with the
	DocType as context (`__(label, null, doctype)`); a `source,translation,DocType` row overrides
	the plain row for that DocType only."""
	return _collect(repo_root).contexts


def load_translations(path) -> list[list[str]]:
	"""The rows of a Frappe translation CSV, as Frappe reads them."""
	with open(path, encoding="utf-8", newline="") as f:
		return [row for row in csv.reader(f)]


def missing_strings(repo_root) -> dict[str, str]:
	"""App strings without a non-empty plain (context-free) row in zh.csv."""
	root = Path(repo_root)
	path = root / TRANSLATION_FILE
	rows = load_translations(path) if path.exists() else []
	done = {row[0] for row in rows if len(row) >= 2 and row[1].strip() and (len(row) == 2 or not row[2])}
	return {s: o for s, o in app_strings(root).items() if s not in done}


def _main(argv: list[str]) -> int:
	root = Path(__file__).resolve().parent.parent
	if "--stale" in argv:
		strings = app_strings(root)
		for row in load_translations(root / TRANSLATION_FILE):
			if row and row[0] not in strings:
				print(row[0])
		return 0
	missing = missing_strings(root)
	if "--csv" in argv:
		writer = csv.writer(sys.stdout, lineterminator="\n")
		for source in sorted(missing, key=lambda s: (s.casefold(), s)):
			writer.writerow([source, ""])
	else:
		for source, origin in sorted(missing.items(), key=lambda kv: (kv[0].casefold(), kv[0])):
			print(f"{source!r}\t{origin}")
		print(f"{len(missing)} missing", file=sys.stderr)
	return 1 if missing else 0


if __name__ == "__main__":
	sys.exit(_main(sys.argv[1:]))
