"""Static checks of the app's declarations: DocType and Workflow JSON, hooks, fixtures and packaging.

Nothing here imports Frappe: JSON is read as JSON, Python files are parsed with `ast`. Each check is
parametrised per file (and per field where it applies), so a failure names what to fix.
"""

import ast
import json
import re
import sys
from collections import deque
from functools import cache
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from petition_social_work.rules import closure, lifecycle, referral, repeat, screening

try:
	import tomllib
except ImportError:  # Python 3.10
	import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "petition_social_work"
MODULE_NAME = "Petition Social Work"
MODULE_DIR = APP / "petition_social_work"
DOCTYPE_DIR = MODULE_DIR / "doctype"
WORKFLOW_DIR = MODULE_DIR / "workflow"

SOCIAL_WORKER, SUPERVISOR = "Petition Social Worker", "Petition Supervisor"
SERVICE_MANAGER, OFFICE_LIAISON = "Petition Service Manager", "Petition Office Liaison"
# DocTypes holding a petitioner's personal data: the commissioning bureau sees aggregates only (§4.5)
CASE_DOCTYPES = (
	"Petitioner",
	"Petition Intake",
	"Service Plan",
	"Petition Interview",
	"Petition Referral",
	"Case Closure",
	"Crisis Plan",
	"Petition Home Visit",
	"Resource Application",
	"Collective Petition",
	"Coordination Meeting",
	"Consent Record",
)
# master data whose history nobody needs to audit
UNTRACKED_DOCTYPES = ("Petition Matter Type",)

# Frappe core DocTypes the app may link to, with the fields `fetch_from` may read from them
CORE_DOCTYPES = {
	"User": {"full_name", "first_name", "last_name", "email", "mobile_no", "phone", "username", "enabled"},
	"Role": {"role_name", "desk_access"},
	"Workflow State": {"workflow_state_name", "style", "icon"},
	"Workflow Action Master": {"workflow_action_name"},
	"File": {"file_name", "file_url"},
	"DocType": {"module", "istable"},
	"Module Def": {"module_name", "app_name"},
	"Country": {"country_name", "code"},
	"Language": {"language_name", "language_code"},
	"Gender": {"gender"},
	"Contact": {"full_name", "email_id", "phone", "mobile_no"},
	"Address": {"address_line1", "city", "country"},
	"DocShare": {"share_doctype", "share_name", "user"},
	"Access Log": {"user", "export_from", "reference_document", "method"},
	"Personal Data Deletion Request": {"email", "status"},
}
FIXTURE_DOCTYPES = {
	"Role",
	"Custom Field",
	"Property Setter",
	"Workflow",
	"Workflow State",
	"Workflow Action Master",
}
STANDARD_FIELDS = {
	"name",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"docstatus",
	"idx",
	"parent",
	"parentfield",
	"parenttype",
	"__islocal",
	"__unsaved",
}
LINK_TYPES = ("Link", "Table", "Table MultiSelect")
DEPENDS_KEYS = ("depends_on", "mandatory_depends_on", "read_only_depends_on", "collapsible_depends_on")
WORKFLOW_STYLES = {"", "Primary", "Info", "Success", "Warning", "Danger", "Inverse"}
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
DOC_ATTRIBUTE = re.compile(r"\bdoc\.([A-Za-z_]\w*)")


def scrub(name: str) -> str:
	return name.replace(" ", "_").replace("-", "_").lower()


@cache
def load_json(path: Path):
	return json.loads(path.read_text(encoding="utf-8"))


def try_load(path: Path):
	try:
		return load_json(path)
	except (OSError, ValueError):
		return None


def doctype_folders() -> list[Path]:
	return sorted(p for p in DOCTYPE_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


DOCTYPE_FOLDERS = doctype_folders()
DOCTYPE_FILES = [folder / f"{folder.name}.json" for folder in DOCTYPE_FOLDERS]
WORKFLOW_FILES = sorted(WORKFLOW_DIR.glob("*/*.json"))


@cache
def doctypes() -> dict[str, dict]:
	"""The app's DocTypes by name; a file that does not parse is reported by its own test."""
	found = {}
	for path in DOCTYPE_FILES:
		definition = try_load(path)
		if isinstance(definition, dict) and definition.get("name"):
			found[definition["name"]] = definition
	return found


def doctype(name: str) -> dict:
	return doctypes()[name]


def fields_of(definition: dict) -> dict[str, dict]:
	return {f["fieldname"]: f for f in definition.get("fields", []) if f.get("fieldname")}


def fieldnames_of(doctype_name: str) -> set[str]:
	if doctype_name in CORE_DOCTYPES:
		return CORE_DOCTYPES[doctype_name]
	return set(fields_of(doctype(doctype_name)))


def select_options(doctype_name: str, fieldname: str) -> list[str]:
	field = fields_of(doctype(doctype_name))[fieldname]
	assert field["fieldtype"] == "Select", f"{doctype_name}.{fieldname} is not a Select"
	return [o for o in (field.get("options") or "").split("\n") if o]


def all_fields() -> list:
	"""(doctype, field) pairs, each a pytest param named `DocType.fieldname`."""
	return [
		pytest.param(name, field, id=f"{name}.{field.get('fieldname')}")
		for name, definition in sorted(doctypes().items())
		for field in definition.get("fields", [])
	]


def fields_where(predicate) -> list:
	return [p for p in all_fields() if predicate(p.values[1])]


def doctype_params(predicate=lambda d: True) -> list:
	return [pytest.param(name, id=name) for name, d in sorted(doctypes().items()) if predicate(d)]


def permission_rows(doctype_name: str) -> list[dict]:
	return doctype(doctype_name).get("permissions") or []


def parse_python(path: Path) -> ast.Module:
	return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def string_constants(path: Path) -> dict[str, object]:
	"""Module-level NAME = literal assignments, with tuples of earlier names resolved."""
	values = {}
	for node in parse_python(path).body:
		if not (
			isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
		):
			continue
		value = node.value
		if isinstance(value, ast.Tuple) and all(isinstance(e, ast.Name) for e in value.elts):
			values[node.targets[0].id] = tuple(values.get(e.id) for e in value.elts)
			continue
		try:
			values[node.targets[0].id] = ast.literal_eval(value)
		except ValueError:
			continue
	return values


def app_roles() -> tuple[str, ...]:
	return string_constants(APP / "roles.py")["APP_ROLES"]


def hooks() -> dict[str, object]:
	return string_constants(APP / "hooks.py")


# ---------------------------------------------------------------- DocTypes: files and names


def test_app_has_doctypes():
	assert DOCTYPE_FOLDERS, f"no DocType folders under {DOCTYPE_DIR}"
	assert set(CASE_DOCTYPES) <= set(doctypes())


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=lambda p: p.parent.name)
def test_doctype_json_is_named_after_its_folder(path):
	assert path.exists(), f"{path.parent.name}/ has no {path.name}"
	definition = load_json(path)

	assert definition.get("doctype") == "DocType"
	assert scrub(definition.get("name", "")) == path.parent.name


@pytest.mark.parametrize("folder", DOCTYPE_FOLDERS, ids=lambda p: p.name)
def test_doctype_folder_has_its_controller_and_init(folder):
	assert (folder / "__init__.py").exists(), f"{folder.name}/__init__.py is missing"
	assert (folder / f"{folder.name}.py").exists(), f"{folder.name}/{folder.name}.py is missing"


@pytest.mark.parametrize("name", doctype_params())
def test_controller_defines_the_doctype_class(name):
	controller = DOCTYPE_DIR / scrub(name) / f"{scrub(name)}.py"
	class_name = name.replace(" ", "").replace("-", "")

	classes = {n.name for n in parse_python(controller).body if isinstance(n, ast.ClassDef)}

	assert class_name in classes, f"{controller.name} has no class {class_name}"


@pytest.mark.parametrize("name", doctype_params())
def test_doctype_belongs_to_the_app_module(name):
	modules = [
		line.strip()
		for line in (APP / "modules.txt").read_text(encoding="utf-8").splitlines()
		if line.strip()
	]

	assert doctype(name).get("module") == MODULE_NAME
	assert MODULE_NAME in modules
	assert (APP / scrub(MODULE_NAME) / "__init__.py").exists()


@pytest.mark.parametrize("name", doctype_params())
def test_field_order_lists_every_field_in_order(name):
	definition = doctype(name)

	assert definition.get("field_order") == [f.get("fieldname") for f in definition.get("fields", [])]


@pytest.mark.parametrize("name", doctype_params())
def test_fieldnames_are_unique(name):
	fieldnames = [f.get("fieldname") for f in doctype(name).get("fields", [])]

	assert sorted({n for n in fieldnames if fieldnames.count(n) > 1}) == []


@pytest.mark.parametrize(("name", "field"), all_fields())
def test_fieldname_is_snake_case(name, field):
	assert SNAKE_CASE.match(field.get("fieldname") or ""), (
		f"{name}: {field.get('fieldname')!r} is not snake_case"
	)
	assert field["fieldname"] not in STANDARD_FIELDS, f"{name}: {field['fieldname']} shadows a standard field"


# ---------------------------------------------------------------- DocTypes: fields


@pytest.mark.parametrize(("name", "field"), fields_where(lambda f: f.get("fieldtype") in LINK_TYPES))
def test_link_and_table_point_to_a_known_doctype(name, field):
	target = field.get("options")

	assert target in doctypes() or target in CORE_DOCTYPES, f"{name}.{field['fieldname']} links to {target!r}"
	if field["fieldtype"] == "Link":
		assert target in CORE_DOCTYPES or not doctype(target).get("istable"), (
			"a Link cannot point to a child table"
		)
	else:
		assert target in doctypes() and doctype(target).get("istable"), "a Table must point to a child table"


def test_dynamic_links_name_a_link_to_doctype():
	for name, field in [p.values for p in fields_where(lambda f: f.get("fieldtype") == "Dynamic Link")]:
		source = fields_of(doctype(name)).get(field.get("options"))
		assert source and (source["fieldtype"], source.get("options")) == ("Link", "DocType"), field[
			"fieldname"
		]


@pytest.mark.parametrize(("name", "field"), fields_where(lambda f: f.get("fetch_from")))
def test_fetch_from_reads_a_field_of_a_linked_doctype(name, field):
	link_fieldname, _, source_fieldname = field["fetch_from"].partition(".")
	link = fields_of(doctype(name)).get(link_fieldname)

	assert link, f"{name}.{field['fieldname']} fetches through {link_fieldname!r}, which is not a field"
	assert link["fieldtype"] == "Link", f"{link_fieldname} is a {link['fieldtype']}, not a Link"
	assert source_fieldname in fieldnames_of(link["options"]), (
		f"{link['options']} has no field {source_fieldname!r}"
	)


@pytest.mark.parametrize(("name", "field"), fields_where(lambda f: any(f.get(k) for k in DEPENDS_KEYS)))
def test_depends_on_references_existing_fields(name, field):
	known = set(fields_of(doctype(name))) | STANDARD_FIELDS

	for key in DEPENDS_KEYS:
		expression = (field.get(key) or "").strip()
		if not expression:
			continue
		if expression.startswith("eval:"):
			referenced = set(DOC_ATTRIBUTE.findall(expression))
			assert referenced, f"{key} {expression!r} reads no field of the document"
		else:
			referenced = {expression}
		assert referenced <= known, f"{key} {expression!r} reads unknown fields {sorted(referenced - known)}"


@pytest.mark.parametrize(("name", "field"), fields_where(lambda f: f.get("fieldtype") == "Select"))
def test_select_has_options(name, field):
	options = [o for o in (field.get("options") or "").split("\n") if o.strip()]

	assert options, f"{name}.{field['fieldname']} has no options"
	assert len(options) == len(set(options)), f"{name}.{field['fieldname']} repeats an option"
	if field.get("default"):
		assert field["default"] in options


@pytest.mark.parametrize(("name", "field"), fields_where(lambda f: f.get("permlevel")))
def test_field_with_a_permission_level_has_a_rule_for_that_level(name, field):
	levels = {row.get("permlevel", 0) for row in permission_rows(name)}

	assert field["permlevel"] in levels, (
		f"no role may read {name}.{field['fieldname']} (permlevel {field['permlevel']})"
	)


@pytest.mark.parametrize("name", doctype_params())
def test_title_search_and_sort_fields_exist(name):
	definition = doctype(name)
	known = set(fields_of(definition)) | STANDARD_FIELDS
	named = [definition.get("title_field"), definition.get("sort_field")]
	named += (definition.get("search_fields") or "").split(",")

	assert {n.strip() for n in named if n and n.strip()} <= known


def test_each_numbered_doctype_counts_on_its_own_series():
	"""`format:…{#####}` names share one counter across DocTypes in Frappe v15; a series prefix each does not."""
	prefixes = {}
	for name, definition in sorted(doctypes().items()):
		autoname = definition.get("autoname") or ""
		assert not (autoname.startswith("format:") and "#" in autoname), name
		if "#" in autoname:
			prefixes.setdefault(autoname.split(".", 1)[0], []).append(name)
	assert prefixes, "no numbered DocType found"
	assert all(len(names) == 1 for names in prefixes.values()), prefixes


# ---------------------------------------------------------------- DocTypes: child tables and tracking


@pytest.mark.parametrize("name", doctype_params(lambda d: d.get("istable")))
def test_child_table_has_no_permissions_of_its_own(name):
	assert permission_rows(name) == []


@pytest.mark.parametrize("name", doctype_params(lambda d: d.get("istable")))
def test_child_table_is_used_by_a_table_field(name):
	users = [
		p.id
		for p in fields_where(
			lambda f: f.get("fieldtype") in ("Table", "Table MultiSelect") and f.get("options") == name
		)
	]

	assert users, f"no Table field uses {name}"


@pytest.mark.parametrize("name", doctype_params(lambda d: not d.get("istable")))
def test_changes_are_tracked(name):
	"""§8.3 a: services are traceable end to end, so every record keeps its version history."""
	expected = 0 if name in UNTRACKED_DOCTYPES else 1

	assert int(doctype(name).get("track_changes") or 0) == expected


# ---------------------------------------------------------------- DocTypes: permissions


@pytest.mark.parametrize("name", doctype_params(lambda d: not d.get("istable")))
def test_permissions_are_given_to_app_roles_only(name):
	roles = {row.get("role") for row in permission_rows(name)}

	assert roles, f"{name} has no permission rules"
	assert roles <= set(app_roles()), f"{name} grants rights to {sorted(roles - set(app_roles()))}"


@pytest.mark.parametrize("name", CASE_DOCTYPES)
def test_office_liaison_sees_no_personal_data(name):
	"""§4.5: the petition bureau gets aggregates, never a petitioner's record."""
	assert [row for row in permission_rows(name) if row.get("role") == OFFICE_LIAISON] == []


@pytest.mark.parametrize("name", doctype_params(lambda d: not d.get("istable")))
def test_higher_level_rights_go_with_level_zero_read(name):
	rows = permission_rows(name)
	readers = {row["role"] for row in rows if row.get("permlevel", 0) == 0 and row.get("read")}

	for row in rows:
		if row.get("permlevel", 0):
			assert row["role"] in readers, (
				f"{row['role']} has permlevel {row['permlevel']} but cannot read {name}"
			)


def test_only_the_supervisor_submits_a_case_closure():
	"""Appendix C: the project lead signs the organisation's evaluation; submitting closes the case."""
	submitters = {row["role"] for row in permission_rows("Case Closure") if row.get("submit")}

	assert submitters == {SUPERVISOR}


@pytest.mark.parametrize(
	"name", doctype_params(lambda d: not d.get("is_submittable") and not d.get("istable"))
)
def test_documents_that_are_not_submitted_give_no_submit_rights(name):
	for row in permission_rows(name):
		assert not any(row.get(right) for right in ("submit", "cancel", "amend")), row


def test_closure_submitters_may_close_the_case_and_cancellers_reopen_it():
	"""Submitting a closure applies Close or Close as Referred; cancelling it applies Reopen, as that user."""
	rows = permission_rows("Case Closure")
	transitions = workflow_for("Petition Intake")["transitions"]

	def allowed(action):
		return {t["allowed"] for t in transitions if t["action"] == action}

	for role in {row["role"] for row in rows if row.get("submit")}:
		assert role in allowed(lifecycle.CLOSE_ACTION) & allowed(lifecycle.CLOSE_AS_REFERRED_ACTION), role
	for role in {row["role"] for row in rows if row.get("cancel")}:
		assert role in allowed(lifecycle.REOPEN_ACTION), role


# ---------------------------------------------------------------- DocTypes agree with the rules


def test_screening_checks_are_yes_no_questions_on_the_intake():
	for fieldname in screening.SCREENING_CHECKS:
		assert select_options("Petition Intake", fieldname) == ["Yes", "No"], fieldname


def test_intake_decision_offers_exactly_the_screening_decisions():
	assert tuple(select_options("Petition Intake", "decision")) == screening.DECISIONS


def test_intake_holds_every_answer_screening_reads():
	fields = fields_of(doctype("Petition Intake"))

	for fieldname in ("judicial_guidance", "decision", "assigned_worker", "decision_reason"):
		assert fieldname in fields
	assert fields["assigned_worker"]["options"] == "User"


def test_intake_holds_the_matter_fields_repeat_detection_compares():
	fields = fields_of(doctype("Petition Intake"))

	for fieldname in (
		"first_contact_date",
		"petition_channel",
		"matter_type",
		"problem_location",
		"competent_authority",
	):
		assert fieldname in fields
	assert repeat.VISIT in select_options("Petition Intake", "petition_channel")
	assert repeat.VISIT in select_options("Petition Visit Record", "channel")


def test_closure_category_and_types_match_the_closure_rules():
	assert select_options("Case Closure", "category") == [closure.CASE_ENDED, closure.REFERRAL_OUT]
	assert {"Referred", "Other"} <= set(select_options("Case Closure", "closure_type"))
	fields = fields_of(doctype("Case Closure"))
	for fieldname in closure.REFERRAL_REASON_FIELDS:
		assert fields[fieldname]["fieldtype"] == "Check", fieldname
	for fieldname in ("reason_other_detail", "closure_type_detail", "organisation_evaluation", "goals"):
		assert fieldname in fields


def test_closure_goal_rows_carry_what_the_plan_gives_them():
	row = closure.goals_from_plan([{"name": "g1", "goal": "Arrears paid"}])[0]

	assert set(row) | {"achievement"} <= set(fields_of(doctype("Case Closure Goal")))
	assert "goal" in fields_of(doctype("Service Plan Goal"))
	assert fields_of(doctype("Service Plan"))["goals"]["options"] == "Service Plan Goal"


def test_referral_status_offers_exactly_the_referral_statuses():
	statuses = select_options("Petition Referral", "status")

	assert set(statuses) == set(referral.NEXT_STATUSES)
	assert statuses[0] == referral.SENT
	assert "outcome" in fields_of(doctype("Petition Referral"))


def test_petitioner_offers_the_mainland_id_type_and_both_genders():
	assert "Mainland ID Card" in select_options("Petitioner", "id_type")
	assert {"Male", "Female"} <= set(select_options("Petitioner", "gender"))


# ---------------------------------------------------------------- workflows


@cache
def workflows() -> dict[str, dict]:
	return {
		d["document_type"]: d
		for d in map(try_load, WORKFLOW_FILES)
		if isinstance(d, dict) and d.get("document_type")
	}


def workflow_for(doctype_name: str) -> dict:
	return workflows()[doctype_name]


def declared_states(workflow: dict) -> list[str]:
	return list(dict.fromkeys(s["state"] for s in workflow.get("states", [])))


def condition_attributes(condition: str) -> set[str]:
	tree = ast.parse(condition, mode="eval")
	return {
		node.attr
		for node in ast.walk(tree)
		if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "doc"
	}


def condition_comparisons(condition: str) -> list[tuple[str, object]]:
	"""(fieldname, constant) for each `doc.field == 'constant'` in a condition."""
	pairs = []
	if not condition.strip():
		return pairs
	for node in ast.walk(ast.parse(condition, mode="eval")):
		if not (isinstance(node, ast.Compare) and len(node.comparators) == 1):
			continue
		left, right = node.left, node.comparators[0]
		if isinstance(left, ast.Constant):
			left, right = right, left
		if isinstance(left, ast.Attribute) and isinstance(left.value, ast.Name) and left.value.id == "doc":
			if isinstance(right, ast.Constant):
				pairs.append((left.attr, right.value))
	return pairs


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_is_named_after_its_folder(path):
	workflow = load_json(path)

	assert workflow.get("doctype") == "Workflow"
	assert scrub(workflow["name"]) == path.parent.name == path.stem
	assert workflow.get("workflow_name") == workflow["name"]


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_runs_on_an_app_doctype_with_a_state_link(path):
	workflow = load_json(path)

	assert workflow["document_type"] in doctypes()
	field = fields_of(doctype(workflow["document_type"])).get(workflow.get("workflow_state_field"))
	assert field, f"{workflow['document_type']} has no field {workflow.get('workflow_state_field')!r}"
	assert (field["fieldtype"], field.get("options")) == ("Link", "Workflow State")


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_states_are_edited_by_app_roles(path):
	workflow = load_json(path)
	submittable = doctype(workflow["document_type"]).get("is_submittable")

	for row in workflow["states"]:
		assert row.get("allow_edit") in app_roles(), row
		assert str(row.get("doc_status", "0")) in (("0", "1", "2") if submittable else ("0",)), row


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_roles_may_write_the_document(path):
	workflow = load_json(path)
	writers = {
		row["role"]
		for row in permission_rows(workflow["document_type"])
		if row.get("permlevel", 0) == 0 and row.get("write")
	}

	for role in {s["allow_edit"] for s in workflow["states"]} | {
		t["allowed"] for t in workflow["transitions"]
	}:
		assert role in writers, (
			f"{role} acts in {workflow['name']} but cannot write {workflow['document_type']}"
		)


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_transitions_join_declared_states_for_app_roles(path):
	workflow = load_json(path)
	states = set(declared_states(workflow))

	assert workflow["transitions"], f"{workflow['name']} has no transitions"
	for t in workflow["transitions"]:
		assert t["state"] in states, t
		assert t["next_state"] in states, t
		assert t["allowed"] in app_roles(), t
		assert (t.get("action") or "").strip(), t


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_transitions_are_not_repeated(path):
	keys = [
		(t["state"], t["action"], t["allowed"], t.get("condition") or "")
		for t in load_json(path)["transitions"]
	]

	assert sorted({k for k in keys if keys.count(k) > 1}) == []


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_every_workflow_state_is_reachable_from_the_first(path):
	workflow = load_json(path)
	states = declared_states(workflow)
	reached, queue = {states[0]}, deque([states[0]])
	while queue:
		state = queue.popleft()
		for t in workflow["transitions"]:
			if t["state"] == state and t["next_state"] not in reached:
				reached.add(t["next_state"])
				queue.append(t["next_state"])

	assert [s for s in states if s not in reached] == []


@pytest.mark.parametrize(
	("path", "transition"),
	[
		pytest.param(path, t, id=f"{path.parent.name}:{t['state']}->{t['next_state']}:{t['allowed']}")
		for path in WORKFLOW_FILES
		for t in (try_load(path) or {}).get("transitions", [])
		if (t.get("condition") or "").strip()
	],
)
def test_workflow_condition_reads_fields_of_the_document(path, transition):
	workflow = load_json(path)
	fields = fields_of(doctype(workflow["document_type"]))

	referenced = condition_attributes(transition["condition"])

	assert referenced, f"condition {transition['condition']!r} reads no field"
	assert referenced <= set(fields) | STANDARD_FIELDS, sorted(referenced - set(fields) - STANDARD_FIELDS)
	for fieldname, value in condition_comparisons(transition["condition"]):
		if fields.get(fieldname, {}).get("fieldtype") == "Select":
			assert value in select_options(workflow["document_type"], fieldname), (fieldname, value)


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.parent.name)
def test_workflow_state_styles_are_frappe_styles_of_declared_states(path):
	workflow = load_json(path)
	styles = workflow.get("state_styles", {})

	assert set(styles) <= set(declared_states(workflow))
	assert set(styles.values()) <= WORKFLOW_STYLES


def test_every_case_state_the_code_names_is_in_the_intake_workflow():
	states = declared_states(workflow_for("Petition Intake"))

	assert states[0] == lifecycle.REGISTERED
	assert set(states) == set(lifecycle.ACTIVE_STATES) | set(lifecycle.END_STATES)
	assert set(lifecycle.SCREENED_STATES) <= set(states)


def test_every_interview_state_the_code_names_is_in_the_interview_workflow():
	states = declared_states(workflow_for("Petition Interview"))

	assert states[0] == lifecycle.INTERVIEW_DRAFT
	assert {lifecycle.INTERVIEW_AWAITING_REVIEW, lifecycle.INTERVIEW_REVIEWED} <= set(states)


def test_closure_actions_the_code_applies_exist_in_the_intake_workflow():
	moves = {
		(t["action"], t["state"], t["next_state"]) for t in workflow_for("Petition Intake")["transitions"]
	}

	assert (lifecycle.CLOSE_ACTION, lifecycle.CLOSING_REVIEW, lifecycle.CLOSED) in moves
	assert (lifecycle.CLOSE_AS_REFERRED_ACTION, lifecycle.CLOSING_REVIEW, lifecycle.REFERRED_OUT) in moves
	for end in (lifecycle.CLOSED, lifecycle.REFERRED_OUT):
		assert any(action == lifecycle.REOPEN_ACTION and state == end for action, state, _ in moves), end


def test_closing_conditions_compare_the_closure_category_with_its_options():
	for t in workflow_for("Petition Intake")["transitions"]:
		for fieldname, value in condition_comparisons(t.get("condition") or ""):
			if fieldname == "closure_category":
				assert value in select_options("Case Closure", "category"), t


def test_only_the_supervisor_signs_off_a_case():
	"""Appendix A 项目负责人签批: every way out of Awaiting Sign-off is the supervisor's."""
	leaving = [
		t for t in workflow_for("Petition Intake")["transitions"] if t["state"] == lifecycle.AWAITING_SIGN_OFF
	]

	assert leaving
	assert {t["allowed"] for t in leaving} == {SUPERVISOR}


def test_sign_off_transitions_follow_the_screening_decision():
	"""§7.1.2: the supervisor can only confirm the decision screening recorded."""
	decision_of = {
		lifecycle.IN_SERVICE: screening.OPEN,
		lifecycle.REFERRED_OUT: screening.REFER,
		lifecycle.NOT_ACCEPTED: screening.NOT_ACCEPTED,
	}

	sign_offs = [
		t
		for t in workflow_for("Petition Intake")["transitions"]
		if lifecycle.is_sign_off(t["state"], t["next_state"])
	]

	assert {t["next_state"] for t in sign_offs} == set(decision_of)
	for t in sign_offs:
		assert ("decision", decision_of[t["next_state"]]) in condition_comparisons(t["condition"]), t


def test_leaving_an_end_state_is_always_a_reopening():
	for t in workflow_for("Petition Intake")["transitions"]:
		if t["state"] in lifecycle.END_STATES:
			assert lifecycle.is_reopening(t["state"], t["next_state"]), t
			assert t["action"] == lifecycle.REOPEN_ACTION, t


def test_leaving_sign_off_is_a_sign_off_unless_returned_to_screening():
	for t in workflow_for("Petition Intake")["transitions"]:
		if t["state"] == lifecycle.AWAITING_SIGN_OFF:
			assert lifecycle.is_sign_off(t["state"], t["next_state"]) == (
				t["next_state"] != lifecycle.SCREENING
			), t


# ---------------------------------------------------------------- hooks.py


def hook_paths() -> list:
	"""Every dotted path into the app named in hooks.py, as (hook, path) params."""
	found = []

	def walk(hook, value):
		if isinstance(value, str) and re.fullmatch(r"petition_social_work(\.[A-Za-z_]\w*)+", value):
			found.append(pytest.param(hook, value, id=f"{hook}:{value}"))
		elif isinstance(value, dict):
			for item in value.values():
				walk(hook, item)
		elif isinstance(value, list | tuple):
			for item in value:
				walk(hook, item)

	for hook, value in hooks().items():
		walk(hook, value)
	return found


def resolve(dotted: str) -> tuple[Path, list[str]]:
	"""The source file of the longest module prefix of a dotted path, and the attribute names after it."""
	parts = dotted.split(".")
	for cut in range(len(parts) - 1, 0, -1):
		base = REPO.joinpath(*parts[:cut])
		for candidate in (base.with_suffix(".py"), base / "__init__.py"):
			if candidate.is_file():
				return candidate, parts[cut:]
	raise AssertionError(f"no module found for {dotted}")


def function_def(dotted: str) -> ast.FunctionDef:
	source, names = resolve(dotted)
	scope = parse_python(source).body
	node = None
	for name in names:
		node = next(
			(n for n in scope if isinstance(n, ast.FunctionDef | ast.ClassDef) and n.name == name), None
		)
		assert node, f"{source.relative_to(REPO)} defines no {name}"
		scope = node.body
	assert isinstance(node, ast.FunctionDef), f"{dotted} is not a function"
	return node


def test_hooks_are_plain_assignments():
	tree = parse_python(APP / "hooks.py")

	for node in tree.body:
		assert isinstance(node, ast.Assign | ast.AnnAssign), (
			f"line {node.lineno}: hooks.py should only assign"
		)
		ast.literal_eval(node.value)
	assert hooks()["app_name"] == "petition_social_work"


def test_hooks_name_install_and_migrate_functions():
	assert {"after_install", "after_migrate", "permission_query_conditions", "has_permission"} <= set(hooks())


@pytest.mark.parametrize(("hook", "path"), hook_paths())
def test_hook_points_to_an_existing_function(hook, path):
	if hook == "override_doctype_class":
		source, names = resolve(path)
		classes = {n.name for n in parse_python(source).body if isinstance(n, ast.ClassDef)}
		assert names[-1] in classes, f"{path} is not a class"
		return
	if hook == "override_whitelisted_methods":
		# a replacement may also be a module-level callable made by a wrapper (`x = post_only(...)`)
		source, names = resolve(path)
		assigned = {
			target.id
			for n in parse_python(source).body
			if isinstance(n, ast.Assign)
			for target in n.targets
			if isinstance(target, ast.Name)
		}
		if names[-1] in assigned:
			return
	function = function_def(path)
	arguments = function.args
	positional = [a.arg for a in arguments.posonlyargs + arguments.args]
	required = len(positional) - len(arguments.defaults)

	if hook == "permission_query_conditions":
		assert positional, f"{path} must take the user"
		assert required <= 1, f"{path} may only require the user"
	elif hook == "has_permission":
		assert positional and positional[0] == "doc", f"{path} must take doc first"
		assert required <= 1
	elif hook in ("after_install", "after_migrate", "before_tests", "before_uninstall", "after_uninstall"):
		assert required == 0, f"{path} is called without arguments"


DOCTYPE_KEYED_HOOKS = (
	"permission_query_conditions",
	"has_permission",
	"doc_events",
	"doctype_js",
	"doctype_list_js",
	"doctype_tree_js",
	"doctype_calendar_js",
	"override_doctype_class",
	"override_doctype_dashboards",
	"standard_queries",
)


@pytest.mark.parametrize(
	("hook", "name"),
	[
		pytest.param(hook, name, id=f"{hook}:{name}")
		for hook in DOCTYPE_KEYED_HOOKS
		for name in (hooks().get(hook) or {})
		if name != "*"
	],
)
def test_doctype_named_in_hooks_exists(hook, name):
	assert name in doctypes() or name in CORE_DOCTYPES, f"{hook} names unknown DocType {name!r}"


@pytest.mark.parametrize("name", CASE_DOCTYPES)
def test_case_doctype_is_guarded_in_lists_and_documents(name):
	"""A worker sees only their own cases: both list queries and single documents are filtered."""
	assert name in hooks()["permission_query_conditions"]
	assert name in hooks()["has_permission"]


def test_fixtures_export_only_the_apps_records():
	for fixture in hooks().get("fixtures", []):
		assert isinstance(fixture, dict) and fixture.get("filters"), f"unfiltered fixture {fixture!r}"
		assert fixture["dt"] in FIXTURE_DOCTYPES or fixture["dt"] in doctypes()


def test_role_fixture_filter_lists_the_app_roles():
	role_fixture = next(f for f in hooks()["fixtures"] if f["dt"] == "Role")
	(fieldname, operator, values) = role_fixture["filters"][0]

	assert (fieldname, operator) == ("role_name", "in")
	assert sorted(values) == sorted(app_roles())


# ---------------------------------------------------------------- roles, patches, packaging


def test_app_has_four_roles():
	constants = string_constants(APP / "roles.py")

	assert app_roles() == (
		constants["SOCIAL_WORKER"],
		constants["SUPERVISOR"],
		constants["SERVICE_MANAGER"],
		constants["OFFICE_LIAISON"],
	)
	assert set(app_roles()) == {SOCIAL_WORKER, SUPERVISOR, SERVICE_MANAGER, OFFICE_LIAISON}


def test_role_fixture_ships_exactly_the_app_roles():
	records = load_json(APP / "fixtures" / "role.json")

	assert sorted(r["name"] for r in records) == sorted(app_roles())
	for record in records:
		assert record["doctype"] == "Role"
		assert record["role_name"] == record["name"]
		assert record.get("desk_access") == 1
		assert not record.get("disabled")


def test_patches_file_lists_existing_patches():
	lines = (APP / "patches.txt").read_text(encoding="utf-8").splitlines()
	patches = [line.split("#")[0].strip() for line in lines]
	patches = [p for p in patches if p and not p.startswith("[")]

	for patch in patches:
		path = REPO.joinpath(*patch.split()[0].split(".")).with_suffix(".py")
		assert path.is_file(), f"patch {patch} has no file"
		assert "execute" in {n.name for n in parse_python(path).body if isinstance(n, ast.FunctionDef)}, patch


def test_pyproject_pins_frappe_15():
	pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
	spec = SpecifierSet(pyproject["tool"]["bench"]["frappe-dependencies"]["frappe"])

	assert {"15.0.0", "15.38.1", "15.99.0"} <= set(spec.filter(["15.0.0", "15.38.1", "15.99.0"]))
	assert list(spec.filter(["14.99.0", "16.0.0", "16.0.0a1"], prereleases=True)) == []


def test_package_version_is_declared_for_flit():
	pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

	assert pyproject["project"]["name"] == "petition_social_work"
	assert "version" in pyproject["project"]["dynamic"]
	assert re.fullmatch(r"\d+\.\d+\.\d+", string_constants(APP / "__init__.py")["__version__"])


@pytest.mark.parametrize("path", sorted((APP / "rules").glob("*.py")), ids=lambda p: p.name)
def test_rules_import_nothing_but_the_standard_library_and_other_rules(path):
	"""The rules are what this tier tests without Frappe: they must stay free of it."""
	for node in ast.walk(parse_python(path)):
		if isinstance(node, ast.Import):
			modules = [alias.name for alias in node.names]
		elif isinstance(node, ast.ImportFrom):
			modules = [node.module or ""]
		else:
			continue
		for module in modules:
			assert module.split(".")[0] in sys.stdlib_module_names or module.startswith(
				"petition_social_work.rules"
			), f"{path.name} imports {module}"
