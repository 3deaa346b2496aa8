"""The desk is fully Chinese for a `zh` user: translations/zh.csv covers every string the app shows.

Plain pytest, no Frappe. Each check collects every offending row and fails once, listing them all.
To list what is missing without pytest: `python3 tests/translation_sources.py` (or `--csv`).
"""

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ZH_CSV = ROOT / "petition_social_work" / "translations" / "zh.csv"

_spec = importlib.util.spec_from_file_location(
	"translation_sources", Path(__file__).with_name("translation_sources.py")
)
translation_sources = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translation_sources)

PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}")
# §7.1.2 h, §3.4, §7.1.2 a–f, §7.1.2 g-l: a clause number, with an optional item letter or letter range
CLAUSE_REF = re.compile(r"§\s?\d+(?:\.\d+)*(?:\s[a-z](?:\s?[–-]\s?[a-z])?(?![A-Za-z]))?")
LATIN_LETTER = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3400-\u9fff]")
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>")


def _show(items) -> str:
	return "\n" + "\n".join(f"  {item}" for item in items)


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
	assert ZH_CSV.is_file(), f"{ZH_CSV} is missing"
	with open(ZH_CSV, encoding="utf-8", newline="") as f:
		return [row for row in csv.reader(f) if row]


@pytest.fixture(scope="module")
def entries(rows) -> list[tuple[str, str, str]]:
	"""(source, translation, context) for every well-formed row."""
	return [(row[0], row[1], row[2] if len(row) == 3 else "") for row in rows if len(row) in (2, 3)]


@pytest.fixture(scope="module")
def plain(entries) -> dict[str, str]:
	return {source: translation for source, translation, context in entries if not context}


@pytest.fixture(scope="module")
def strings() -> dict[str, str]:
	found = translation_sources.app_strings(ROOT)
	assert len(found) > 100, f"only {len(found)} app strings found: is the extraction broken?"
	return found


def test_rows_are_frappe_csv(rows):
	bad = [row for row in rows if len(row) not in (2, 3) or not row[0].strip()]
	assert not bad, f"rows must be `source,translation[,context]`:{_show(bad)}"


def test_every_app_string_is_translated(strings, plain):
	missing = sorted((s for s in strings if not plain.get(s, "").strip()), key=lambda s: (s.casefold(), s))
	assert not missing, f"{len(missing)} app strings have no zh translation:" + _show(
		f"{s!r}  ({strings[s]})" for s in missing
	)


def test_no_duplicate_sources(entries):
	counts = Counter((source, context) for source, _translation, context in entries)
	duplicates = sorted(
		f"{s!r}" + (f" [context {c!r}]" if c else "") for (s, c), n in counts.items() if n > 1
	)
	assert not duplicates, f"sources listed more than once:{_show(duplicates)}"


def _needs_translating(source: str) -> bool:
	"""A string with Latin letters outside its clause references and placeholders."""
	return bool(LATIN_LETTER.search(PLACEHOLDER.sub("", CLAUSE_REF.sub("", source))))


def test_translations_are_chinese(entries):
	bad = [
		f"{source!r} -> {translation!r}"
		for source, translation, _context in entries
		if _needs_translating(source)
		and (translation.strip() == source.strip() or not CJK.search(translation))
	]
	assert not bad, f"translations left in English (or without any Chinese):{_show(bad)}"


def test_placeholders_are_kept(entries):
	bad = [
		f"{source!r} -> {translation!r}"
		for source, translation, _context in entries
		if translation and Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation))
	]
	assert not bad, f"placeholders lost, added or duplicated:{_show(bad)}"


def test_clause_references_are_kept(entries):
	bad = [
		f"{source!r} -> {translation!r}"
		for source, translation, _context in entries
		if translation and not Counter(CLAUSE_REF.findall(source)) <= Counter(CLAUSE_REF.findall(translation))
	]
	assert not bad, f"clause references (§…) of the source missing from the translation:{_show(bad)}"


def test_translations_hold_no_html(entries):
	bad = [
		f"{source!r} -> {translation!r}"
		for source, translation, _context in entries
		if HTML_TAG.search(translation) and not HTML_TAG.search(source)
	]
	assert not bad, f"translations with HTML the source does not have:{_show(bad)}"


def test_context_rows_match_app_labels(entries):
	"""A `source,translation,DocType` row must name a label or option the DocType really has."""
	known = translation_sources.contextual_strings(ROOT)
	stale = sorted(f"{s!r} [context {c!r}]" for s, _t, c in entries if c and (s, c) not in known)
	assert not stale, f"context rows for labels or options no DocType has (any more):{_show(stale)}"


def test_rows_are_sorted(entries):
	keys = [(source.casefold(), source, context) for source, _translation, context in entries]
	out_of_order = [f"{b[1]!r} after {a[1]!r}" for a, b in zip(keys, keys[1:], strict=False) if b < a]
	assert not out_of_order, (
		f"keep zh.csv sorted by source (case-insensitive) for stable diffs:{_show(out_of_order)}"
	)
