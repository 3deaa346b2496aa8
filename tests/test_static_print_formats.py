"""Static checks of the Appendix A–C print formats: definitions and the fields their templates use."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "petition_social_work" / "petition_social_work"
FORMATS = {
	"appendix_a_intake_form": ("Appendix A Intake Form", "Petition Intake"),
	"appendix_b_interview_form": ("Appendix B Interview Form", "Petition Interview"),
	"appendix_c_closure_form": ("Appendix C Closure Form", "Case Closure"),
}
# attributes of a Frappe Document a template may use besides its fields
DOCUMENT_ATTRIBUTES = {"name", "doctype", "docstatus", "idx", "meta", "get", "get_formatted"}
CJK_FONTS = ('"Noto Sans CJK SC"', '"Noto Serif CJK SC"')


def scrub(name: str) -> str:
	return name.lower().replace(" ", "_")


def doctype_fields(doctype: str) -> set[str]:
	path = MODULE / "doctype" / scrub(doctype) / f"{scrub(doctype)}.json"
	return {df["fieldname"] for df in json.loads(path.read_text(encoding="utf-8"))["fields"]}


def load(folder: str) -> dict:
	return json.loads((MODULE / "print_format" / folder / f"{folder}.json").read_text(encoding="utf-8"))


def used_fields(html: str) -> dict[str, set[str]]:
	"""Field names the template reads, per the DocType they must belong to."""
	uses = {"doc": set(), "Petitioner": set(), "Petition Intake": set()}
	uses["doc"] |= set(re.findall(r"\bdoc\.(\w+)", html)) - DOCUMENT_ATTRIBUTES
	uses["doc"] |= set(re.findall(r"\bdoc\.(?:get|get_formatted)\(\s*[\"'](\w+)[\"']", html))
	for group in re.findall(r"appendix_checks\(\s*doc\s*,\s*\[([^\]]*)\]", html):
		uses["doc"] |= set(re.findall(r"[\"'](\w+)[\"']", group))
	for loop in re.findall(r"\{%-?\s*for\s+fieldname\s+in\s+\[([^\]]*)\]", html):
		uses["doc"] |= set(re.findall(r"[\"'](\w+)[\"']", loop))
	uses["Petitioner"] |= set(re.findall(r"\bp\.(\w+)", html))
	uses["Petition Intake"] |= set(re.findall(r"\binfo\.case\.(\w+)", html))
	for doctype, fieldname in re.findall(r"appendix_choices\(\s*\"([^\"]+)\"\s*,\s*\"(\w+)\"", html):
		uses.setdefault(doctype, set()).add(fieldname)
	return uses


@pytest.mark.parametrize("folder", sorted(FORMATS))
def test_definition(folder):
	name, doctype = FORMATS[folder]
	doc = load(folder)
	assert doc["doctype"] == "Print Format"
	assert doc["name"] == name
	assert doc["doc_type"] == doctype
	assert doc["module"] == "Petition Social Work"
	assert doc["standard"] == "Yes"
	assert doc["custom_format"] == 1
	assert doc["print_format_type"] == "Jinja"
	assert not doc.get("disabled")
	assert all(font in doc["css"] for font in CJK_FONTS)


def test_every_format_is_listed():
	folders = {p.name for p in (MODULE / "print_format").iterdir() if p.is_dir() and p.name != "__pycache__"}
	assert folders == set(FORMATS)


@pytest.mark.parametrize("folder", sorted(FORMATS))
def test_template_uses_only_existing_fields(folder):
	_name, doctype = FORMATS[folder]
	uses = used_fields(load(folder)["html"])
	assert uses["doc"], "the parser found no field: it no longer matches the template"
	for target, fields in uses.items():
		known = doctype_fields(doctype if target == "doc" else target)
		assert fields <= known, f"{folder}: not fields of {target}: {sorted(fields - known)}"


@pytest.mark.parametrize("folder", sorted(FORMATS))
def test_template_blocks_are_closed(folder):
	html = load(folder)["html"]
	for block in ("if", "for", "macro"):
		opened = len(re.findall(r"\{%-?\s*" + block + r"\b", html))
		closed = len(re.findall(r"\{%-?\s*end" + block + r"\b", html))
		assert opened == closed, f"{folder}: {opened} {block} blocks, {closed} closed"


@pytest.mark.parametrize("folder", sorted(FORMATS))
def test_no_identity_number_is_printed(folder):
	"""The petitioner's ID number is encrypted at rest and never printed on a form."""
	assert "id_number" not in load(folder)["html"]


@pytest.mark.parametrize("folder", sorted(FORMATS))
def test_case_data_comes_through_the_permission_checked_helper(folder):
	html = load(folder)["html"]
	assert "appendix_case(doc)" in html
	assert "get_doc" not in html and "frappe.db" not in html
