"""Every user-facing string the app defines, and where it comes from.

Standard library only (no Frappe), so the translation checks run anywhere.

	app_strings(repo_root) -> {string: origin}

covers, wherever they sit in the app (any module folder, `fixtures/`, or a dict literal with a
`"doctype"` key in Python code that creates them): DocTypes (labels, options, descriptions),
Custom Fields and Property Setters, workflows (states and actions), roles, reports (names, columns,
filters), print formats (HTML and layout), workspaces (labels, shortcuts, links, cards, blocks),
number cards, dashboard charts, dashboards, pages and notifications (`_()` in their Jinja). Also the
module names, every literal passed to `_()` / `_lt()` in the app's Python, Jinja and Markdown
templates (and in Jinja held in Python strings), every literal passed to `__()` in its JavaScript,
the plain `label:` and Select `options:` literals of JavaScript field definitions (the desk
translates them), and the default master data that `setup/install.py` creates.

`template_texts(repo_root)` lists the notification subjects the app ships and `untranslated_labels`
the Script Report labels outside `_()`, for the checks in test_translations.py.

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
TRANSLATION_FILE = f"{APP}/translations/zh.csv"

# module-level constants of master data that the app inserts and shows to users as they are
DATA_CONSTANTS = {
	f"{APP}/setup/install.py": ("DEFAULT_MATTER_TYPES",),
}
SKIP_DIRS = {"node_modules", "dist", "__pycache__", ".git"}

_JS_CALL = re.compile(
	r"""(?<![\w$.])__\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`)\s*[,)]""",
	re.S,
)
_JINJA_CALL = re.compile(
	r"""(?<![\w$.])_\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')\s*[,)]""",
)
_JS_STRING = r"""(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')"""
# `label: "..."` of a field definition (dialogs, report filters): the desk shows it through __()
_JS_LABEL = re.compile(rf"""(?<![\w$.])label\s*:\s*{_JS_STRING}\s*(?=[,}}\n])""")
# `options: ["A", "B"]` or `options: "A\nB"` of a Select field definition: the desk translates each option
_JS_OPTION_LIST = re.compile(
	r"""(?<![\w$.])options\s*:\s*\[((?:\s*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*,?)+)\]"""
)
_JS_OPTION_LINES = re.compile(rf"""(?<![\w$.])options\s*:\s*{_JS_STRING}""")
_JS_LITERAL = re.compile(_JS_STRING)
_JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
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
		self.subjects: dict[str, str] = {}  # notification and e-mail subjects shipped as they are
		self.loose_labels: dict[str, str] = {}  # Script Report labels not passed through _()

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


def _rows(doc: dict, table: str) -> list[dict]:
	return [row for row in doc.get(table) or [] if isinstance(row, dict)]


def _json_value(text, default):
	try:
		value = json.loads(text or "null")
	except (TypeError, ValueError):
		return default
	return default if value is None else value


def _select_options(options) -> list[str]:
	if not isinstance(options, str):
		return []
	return [line.strip() for line in options.split("\n") if line.strip()]


# -- documents (JSON files anywhere in the app, fixtures, dict literals in Python) ----------------


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


def _doctype(c: _Collector, doc: dict, where: str):
	name = doc.get("name")
	c.add(name, f"{where}: DocType name")
	c.add(doc.get("description"), f"{where}: DocType description", name)
	_add_fields(c, doc.get("fields"), where, name)
	for link in _rows(doc, "links"):
		c.add(link.get("group"), f"{where}: connections group", name)
	for action in _rows(doc, "actions"):
		c.add(action.get("label"), f"{where}: action", name)
		c.add(action.get("group"), f"{where}: action group", name)


def _custom_field(c: _Collector, doc: dict, where: str):
	_add_fields(c, [doc], where, doc.get("dt"))


def _property_setter(c: _Collector, doc: dict, where: str):
	prop, value, context = doc.get("property"), doc.get("value"), doc.get("doc_type")
	if prop in ("label", "description", "placeholder"):
		c.add(value, f"{where}: {prop} of {doc.get('field_name')}", context)
	elif prop == "options":
		for option in _select_options(value):
			c.add(option, f"{where}: option of {doc.get('field_name')}", context)


def _workflow(c: _Collector, doc: dict, where: str):
	c.add(doc.get("workflow_name") or doc.get("name"), f"{where}: workflow name")
	for state in _rows(doc, "states"):
		c.add(state.get("state"), f"{where}: workflow state")
		c.add(state.get("message"), f"{where}: workflow state message")
	for transition in _rows(doc, "transitions"):
		c.add(transition.get("action"), f"{where}: workflow action")
		c.add(transition.get("state"), f"{where}: workflow state")
		c.add(transition.get("next_state"), f"{where}: workflow state")


def _report(c: _Collector, doc: dict, where: str):
	c.add(doc.get("report_name") or doc.get("name"), f"{where}: report name")
	for column in _rows(doc, "columns"):
		c.add(column.get("label"), f"{where}: column label")
	for flt in _rows(doc, "filters"):
		c.add(flt.get("label"), f"{where}: filter label")
	spec = _json_value(doc.get("json"), {})
	for column in spec.get("columns") or [] if isinstance(spec, dict) else []:
		if isinstance(column, dict):
			c.add(column.get("label"), f"{where}: column label")
	_add_jinja(c, doc.get("html") or "", where)
	_add_js_calls(c, doc.get("javascript") or "", where)


def _print_format(c: _Collector, doc: dict, where: str):
	c.add(doc.get("name"), f"{where}: print format name")
	_add_jinja(c, doc.get("html") or "", where)
	_add_js_calls(c, doc.get("html") or "", where)  # print formats of type JS use __()
	layout = _json_value(doc.get("format_data"), [])
	for item in layout if isinstance(layout, list) else []:
		if isinstance(item, dict):
			c.add(item.get("label"), f"{where}: layout label")


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


def _workspace(c: _Collector, doc: dict, where: str):
	c.add(doc.get("label") or doc.get("name"), f"{where}: workspace label")
	c.add(doc.get("title"), f"{where}: workspace title")
	for table in ("shortcuts", "links", "charts", "number_cards", "quick_lists", "custom_blocks"):
		for row in _rows(doc, table):
			c.add(row.get("label"), f"{where}: {table} label")
			c.add(row.get("description"), f"{where}: {table} description")
	blocks = _json_value(doc.get("content"), [])
	for block in blocks if isinstance(blocks, list) else []:
		if isinstance(block, dict) and block.get("type") in ("header", "paragraph"):
			c.add(_header_key((block.get("data") or {}).get("text") or ""), f"{where}: {block['type']} block")


def _notification(c: _Collector, doc: dict, where: str):
	"""Frappe renders a notification's subject and message as Jinja, untranslated: only `_()` in them
	reaches a zh user."""
	for part in ("subject", "message"):
		_add_jinja(c, doc.get(part) or "", f"{where}: notification {part}")
	if isinstance(doc.get("subject"), str):
		c.subjects.setdefault(doc["subject"], f"{where}: notification subject")


# records whose only user-facing string is their name: the fields that may hold it, in order, and what it is
NAMED_ONLY = {
	"Workflow State": (("workflow_state_name", "name"), "workflow state"),
	"Workflow Action Master": (("workflow_action_name", "name"), "workflow action"),
	"Role": (("role_name", "name"), "role"),
	"Number Card": (("label", "name"), "number card label"),
	"Dashboard Chart": (("chart_name", "name"), "dashboard chart name"),
	"Dashboard": (("dashboard_name", "name"), "dashboard name"),
	"Page": (("title", "page_name", "name"), "page title"),
}


def _named_only(c: _Collector, doc: dict, where: str):
	fields, what = NAMED_ONLY[doc["doctype"]]
	c.add(next((doc[f] for f in fields if doc.get(f)), None), f"{where}: {what}")


HANDLERS = {
	"DocType": _doctype,
	"Custom Field": _custom_field,
	"Property Setter": _property_setter,
	"Workflow": _workflow,
	"Report": _report,
	"Print Format": _print_format,
	"Workspace": _workspace,
	"Notification": _notification,
	**dict.fromkeys(NAMED_ONLY, _named_only),
}


def _add_document(c: _Collector, doc: dict, where: str):
	handler = HANDLERS.get(doc.get("doctype"))
	if handler:
		handler(c, doc, where)


def _add_json_documents(c: _Collector):
	"""Every exported record in the app: `<module>/<folder>/<name>/<name>.json` and `fixtures/*.json`."""
	for path in _app_files(c.root, (".json",)):
		for doc in _docs(path):
			_add_document(c, doc, c.rel(path))


def _add_modules(c: _Collector):
	path = c.root / APP / "modules.txt"
	if path.is_file():
		for line in path.read_text(encoding="utf-8").splitlines():
			c.add(line, f"{c.rel(path)}: module")


# -- source files ------------------------------------------------------------------------------


def _is_test_file(path: Path) -> bool:
	return path.name.startswith("test_") or "tests" in path.parts or path.name == "conftest.py"


def _app_files(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
	base = root / APP
	return sorted(
		p
		for p in base.rglob("*")
		if p.suffix in suffixes
		and p.is_file()
		and not SKIP_DIRS & set(p.parts)
		and not _is_test_file(p.relative_to(root))
	)


def _is_translate_call(func: ast.expr) -> bool:
	if isinstance(func, ast.Name):
		return func.id in ("_", "_lt")
	return isinstance(func, ast.Attribute) and func.attr in ("_", "_lt") and isinstance(func.value, ast.Name)


def _literal(node: ast.expr):
	"""The value of a literal made of constants, lists, tuples and dicts; parts that are not literal
	(names, calls, f-strings) are left out."""
	if isinstance(node, ast.Constant):
		return node.value
	if isinstance(node, (ast.List, ast.Tuple)):
		return [v for v in (_literal(e) for e in node.elts) if v is not None]
	if isinstance(node, ast.Dict):
		return {
			k.value: v
			for k, v in ((k, _literal(v)) for k, v in zip(node.keys, node.values, strict=False))
			if isinstance(k, ast.Constant) and isinstance(k.value, str) and v is not None
		}
	return None


def _is_jinja(text: str) -> bool:
	return "{{" in text or "{%" in text


def _add_python(c: _Collector):
	for path in _app_files(c.root, (".py",)):
		where = c.rel(path)
		try:
			tree = ast.parse(path.read_text(encoding="utf-8"), filename=where)
		except (SyntaxError, UnicodeDecodeError):
			continue
		data_names = DATA_CONSTANTS.get(where, ())
		in_report = "report" in path.parts
		for node in ast.walk(tree):
			if isinstance(node, ast.Call):
				_add_python_call(c, node, where)
			elif isinstance(node, ast.Dict):
				_add_python_dict(c, node, where, in_report)
			elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _is_jinja(node.value):
				_add_jinja(c, node.value, f"{where}:{node.lineno} (Jinja)")
			elif isinstance(node, (ast.Assign, ast.AnnAssign)) and data_names:
				targets = node.targets if isinstance(node, ast.Assign) else [node.target]
				names = [t.id for t in targets if isinstance(t, ast.Name)]
				if set(names) & set(data_names) and node.value is not None:
					for const in ast.walk(node.value):
						if isinstance(const, ast.Constant) and isinstance(const.value, str):
							c.add(const.value, f"{where}:{const.lineno} ({names[0]})")


def _add_python_call(c: _Collector, node: ast.Call, where: str):
	if _is_translate_call(node.func) and node.args:
		first = node.args[0]
		if isinstance(first, ast.Constant) and isinstance(first.value, str):
			c.add(first.value, f"{where}:{node.lineno}")
	for keyword in node.keywords:
		if keyword.arg == "subject" and isinstance(keyword.value, ast.Constant):
			if isinstance(keyword.value.value, str):
				c.subjects.setdefault(keyword.value.value, f"{where}:{node.lineno}: subject")


def _add_python_dict(c: _Collector, node: ast.Dict, where: str, in_report: bool):
	"""A record created in code (`{"doctype": "Number Card", ...}`), a subject given as it is, and a
	Script Report column or filter whose label skips _()."""
	doc = _literal(node)
	origin = f"{where}:{node.lineno}"
	_add_document(c, doc, origin)
	values = dict(
		zip((k.value if isinstance(k, ast.Constant) else None for k in node.keys), node.values, strict=False)
	)
	subject = values.get("subject")
	if isinstance(subject, ast.Constant) and isinstance(subject.value, str):
		c.subjects.setdefault(subject.value, f"{origin}: subject")
	label = values.get("label")
	if (
		in_report
		and "fieldname" in values
		and isinstance(label, ast.Constant)
		and isinstance(label.value, str)
	):
		c.loose_labels.setdefault(label.value, f"{origin}: label without _()")


def _unescape_js(text: str) -> str:
	return re.sub(r"\\(.)", lambda m: _JS_ESCAPES.get(m.group(1), m.group(1)), text, flags=re.S)


def _first(groups) -> str:
	return next(g for g in groups if g is not None)


def _add_jinja(c: _Collector, text: str, where: str):
	for match in _JINJA_CALL.finditer(text):
		c.add(_unescape_js(_first(match.groups())), where)


def _line(text: str, match: re.Match) -> int:
	return text.count("\n", 0, match.start()) + 1


def _add_js_calls(c: _Collector, text: str, where: str):
	for match in _JS_CALL.finditer(text):
		dq, sq, bt = match.groups()
		if bt is not None and "${" in bt:
			continue
		c.add(_unescape_js(_first((dq, sq, bt))), f"{where}:{_line(text, match)}")


def _add_js_field_literals(c: _Collector, text: str, where: str):
	"""Labels and Select options of field definitions written without __(): the desk translates them."""
	for match in _JS_LABEL.finditer(text):
		c.add(_unescape_js(_first(match.groups())), f"{where}:{_line(text, match)}: label")
	for match in _JS_OPTION_LIST.finditer(text):
		for literal in _JS_LITERAL.finditer(match.group(1)):
			c.add(_unescape_js(_first(literal.groups())), f"{where}:{_line(text, match)}: option")
	for match in _JS_OPTION_LINES.finditer(text):
		options = _unescape_js(_first(match.groups()))
		if "\n" in options:
			for option in _select_options(options):
				c.add(option, f"{where}:{_line(text, match)}: option")


def _add_sources(c: _Collector):
	for path in _app_files(c.root, (".js", ".ts", ".vue", ".html", ".md")):
		where = c.rel(path)
		text = path.read_text(encoding="utf-8", errors="replace")
		if path.suffix != ".md":
			_add_js_calls(c, text, where)
		if path.suffix == ".js":
			_add_js_field_literals(c, text, where)
		if path.suffix in (".html", ".md"):  # Jinja: print and web templates, notification messages
			_add_jinja(c, text, where)


def _collect(repo_root) -> _Collector:
	c = _Collector(Path(repo_root).resolve())
	_add_modules(c)
	_add_json_documents(c)
	_add_python(c)
	_add_sources(c)
	return c


def app_strings(repo_root) -> dict[str, str]:
	"""Every user-facing string of the app, mapped to the first place it comes from."""
	return _collect(repo_root).strings


def contextual_strings(repo_root) -> dict[tuple[str, str], str]:
	"""(string, DocType) pairs for the labels, descriptions and options Frappe translates with the
	DocType as context (`__(label, null, doctype)`); a `source,translation,DocType` row overrides
	the plain row for that DocType only."""
	return _collect(repo_root).contexts


def shipped_subjects(repo_root) -> dict[str, str]:
	"""Subjects the app ships as plain text or Jinja (Notification records, `subject=` literals): Frappe
	sends them untranslated, so any words in them must sit inside `{{ _("...") }}`."""
	return _collect(repo_root).subjects


def untranslated_text(template: str) -> str:
	"""The words of a Jinja template outside its tags: what no `_()` translates."""
	return _JINJA_TAG.sub(" ", template).strip()


def untranslated_report_labels(repo_root) -> dict[str, str]:
	"""Script Report column and filter labels written as plain strings: Frappe shows them untranslated."""
	return _collect(repo_root).loose_labels


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
