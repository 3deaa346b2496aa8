"""Static checks of the reports, number cards, dashboard charts and the workspace (§7.1.5, §8.1 c, §8.2).

JSON is read as JSON and Python parsed with `ast`; nothing imports Frappe.
"""

import ast
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "petition_social_work"
MODULE_DIR = APP / "petition_social_work"
MODULE_NAME = "Petition Social Work"
REPORT_FILES = sorted((MODULE_DIR / "report").glob("*/*.json"))
CARD_FILES = sorted((MODULE_DIR / "number_card").glob("*/*.json"))
CHART_FILES = sorted((MODULE_DIR / "dashboard_chart").glob("*/*.json"))
WORKSPACE = MODULE_DIR / "workspace" / "petition_social_work" / "petition_social_work.json"
LIAISON = "Petition Office Liaison"
# aggregates only: the liaison reads these and must find no personal name in them (§4.5, §8.2 c)
AGGREGATE_REPORTS = ("Petition Problem Trends", "Service Effectiveness")
# DocTypes with a petitioner's data: reports on them are for the service's own staff
CASE_DOCTYPES = ("Petition Intake", "Crisis Plan", "Petition Referral", "Petition Interview", "Case Closure")
STANDARD_FIELDS = {"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx"}


def load(path: Path) -> dict:
	return json.loads(path.read_text(encoding="utf-8"))


def scrub(name: str) -> str:
	return name.replace(" ", "_").replace("-", "_").lower()


def doctype_fields(name: str) -> set[str] | None:
	path = MODULE_DIR / "doctype" / scrub(name) / f"{scrub(name)}.json"
	if not path.exists():
		return None
	return {field["fieldname"] for field in load(path)["fields"]} | STANDARD_FIELDS


def role_names() -> set[str]:
	return {row["name"] for row in load(APP / "fixtures" / "role.json")}


def ids(paths):
	return [p.parent.name for p in paths]


def test_every_report_the_issue_asks_for_exists():
	names = {load(path)["name"] for path in REPORT_FILES}
	assert names >= {
		"Petition Problem Trends",
		"Worker Caseload",
		"Service Effectiveness",
		"Referral Outcomes",
		"Open Crises",
		"Overdue Case Actions",
	}


@pytest.mark.parametrize("path", REPORT_FILES, ids=ids(REPORT_FILES))
def test_report_is_a_standard_script_report_of_the_module(path):
	report = load(path)
	assert scrub(report["name"]) == path.parent.name == path.stem
	assert report["doctype"] == "Report"
	assert report["is_standard"] == "Yes"
	assert report["report_type"] == "Script Report"
	assert report["module"] == MODULE_NAME
	assert report["report_name"] == report["name"]
	assert doctype_fields(report["ref_doctype"]) is not None, report["ref_doctype"]
	assert (path.parent / "__init__.py").exists()
	assert (path.parent / f"{path.stem}.js").exists()


@pytest.mark.parametrize("path", REPORT_FILES, ids=ids(REPORT_FILES))
def test_report_roles_are_app_roles(path):
	roles = {row["role"] for row in load(path)["roles"]}
	assert roles, "a report without roles is open to every desk user"
	assert roles <= role_names()


@pytest.mark.parametrize("path", REPORT_FILES, ids=ids(REPORT_FILES))
def test_report_module_defines_a_read_only_execute(path):
	module = ast.parse((path.parent / f"{path.stem}.py").read_text(encoding="utf-8"))
	functions = {node.name: node for node in module.body if isinstance(node, ast.FunctionDef)}

	assert "execute" in functions
	assert "get_columns" in functions
	decorators = [ast.unparse(d) for d in functions["execute"].decorator_list]
	assert "frappe.read_only()" in decorators


@pytest.mark.parametrize("path", REPORT_FILES, ids=ids(REPORT_FILES))
def test_liaison_reads_only_aggregate_reports(path):
	"""§4.5: the petition bureau's liaison gets counts, never a report listing cases."""
	report = load(path)
	roles = {row["role"] for row in report["roles"]}
	if LIAISON in roles:
		assert report["name"] in AGGREGATE_REPORTS
		assert report["ref_doctype"] not in CASE_DOCTYPES


@pytest.mark.parametrize("name", AGGREGATE_REPORTS)
def test_aggregate_reports_have_no_person_column(name):
	source = (MODULE_DIR / "report" / scrub(name) / f"{scrub(name)}.py").read_text(encoding="utf-8")
	for person_field in ("petitioner", "petitioner_name", "responsible_worker", "full_name", '"User"'):
		assert person_field not in source


def test_aggregate_query_module_reads_no_person_field():
	source = (APP / "reporting" / "aggregates.py").read_text(encoding="utf-8")
	for person_field in ("petitioner_name", "responsible_worker", "full_name"):
		assert person_field not in source


@pytest.mark.parametrize("path", CARD_FILES, ids=ids(CARD_FILES))
def test_number_card_counts_an_app_doctype_by_its_fields(path):
	card = load(path)
	fields = doctype_fields(card["document_type"])

	assert card["doctype"] == "Number Card"
	assert card["is_standard"] == 1 and card["module"] == MODULE_NAME
	assert card["type"] == "Document Type", "document-type cards count through get_list, so permissions apply"
	assert fields is not None, card["document_type"]
	for doctype, fieldname, *_ in json.loads(card["filters_json"]):
		assert doctype == card["document_type"]
		assert fieldname in fields


@pytest.mark.parametrize("path", CHART_FILES, ids=ids(CHART_FILES))
def test_dashboard_chart_reads_fields_of_an_app_doctype(path):
	chart = load(path)
	fields = doctype_fields(chart["document_type"])

	assert chart["doctype"] == "Dashboard Chart"
	assert chart["is_standard"] == 1 and chart["module"] == MODULE_NAME
	assert chart["chart_type"] in ("Count", "Group By")
	assert fields is not None, chart["document_type"]
	for key in ("based_on", "group_by_based_on"):
		if chart.get(key):
			assert chart[key] in fields


def test_workspace_places_every_card_chart_and_report():
	workspace = load(WORKSPACE)
	blocks = json.loads(workspace["content"])
	placed = {
		(b["type"], next(iter(v for k, v in b["data"].items() if k.endswith("_name")), None)) for b in blocks
	}
	cards = {load(p)["name"] for p in CARD_FILES}
	charts = {load(p)["name"] for p in CHART_FILES}
	reports = {load(p)["name"] for p in REPORT_FILES}

	assert {row["number_card_name"] for row in workspace["number_cards"]} == cards
	assert {row["chart_name"] for row in workspace["charts"]} == charts
	assert {("number_card", name) for name in cards} <= placed
	assert {("chart", name) for name in charts} <= placed
	shortcuts = {row["label"]: row for row in workspace["shortcuts"]}
	assert {("shortcut", label) for label in shortcuts} >= {b for b in placed if b[0] == "shortcut"}
	assert reports <= {row["link_to"] for row in workspace["shortcuts"] if row["type"] == "Report"}
	assert reports <= {row.get("link_to") for row in workspace["links"] if row.get("link_type") == "Report"}
	assert LIAISON in {row["role"] for row in workspace["roles"]}
	assert len({b["id"] for b in blocks}) == len(blocks)
