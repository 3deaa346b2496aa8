"""§3.4, §7.1.2 j: a repeat petition is the same petitioner's second or later visit on the same matter."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition_social_work.rules.repeat import (
	VISIT,
	earlier_visits_on_same_matter,
	normalize_place,
	same_matter,
)

WAGES = "Labour and Social Security"
HOUSING = "Housing and Urban Construction"


def intake(
	name=None, on="2026-03-05", channel=VISIT, matter_type=WAGES, location="天河区石牌街", authority=None
):
	return {
		"name": name,
		"first_contact_date": on,
		"petition_channel": channel,
		"matter_type": matter_type,
		"problem_location": location,
		"competent_authority": authority,
	}


def names(intakes: list[dict]) -> list[str]:
	return [i["name"] for i in intakes]


# ---------------------------------------------------------------- same matter


def test_same_matter_type_and_problem_location_is_the_same_matter():
	assert same_matter(intake(), intake())


def test_different_matter_type_is_a_different_matter():
	assert not same_matter(intake(matter_type=WAGES), intake(matter_type=HOUSING))


def test_different_problem_location_is_a_different_matter():
	"""§7.1.1 d: the problem location (问题属地) tells two matters of the same type apart."""
	assert not same_matter(intake(location="天河区石牌街"), intake(location="越秀区北京街"))


@pytest.mark.parametrize(
	("a", "b"),
	[
		("天河区 石牌街", "天河区石牌街"),
		(" Tianhe District, Shipai ", "tianhe district,shipai"),
		("TIANHE\tDISTRICT", "Tianhe District"),
	],
)
def test_problem_location_is_compared_without_spacing_or_case(a, b):
	assert same_matter(intake(location=a), intake(location=b))


def test_normalize_place_drops_all_whitespace_and_case():
	assert normalize_place(" Tianhe  District\n") == "tianhedistrict"
	assert normalize_place(None) == ""


def test_different_competent_authorities_make_different_matters():
	"""§7.1.1 d: the competent authority, where recorded on both intakes, must agree."""
	a = intake(authority="天河区人力资源和社会保障局")
	b = intake(authority="越秀区人力资源和社会保障局")

	assert not same_matter(a, b)


def test_competent_authority_recorded_on_one_intake_only_does_not_separate_matters():
	recorded = intake(authority="天河区人社局")

	assert same_matter(recorded, intake(authority=None))
	assert same_matter(intake(authority=""), recorded)
	assert same_matter(recorded, intake(authority=" 天河区 人社局 "))


text = st.sampled_from(["天河区", "天河区 ", "Tianhe", "tianhe", "越秀区", "", None])


@given(
	a=st.builds(intake, matter_type=st.sampled_from([WAGES, HOUSING]), location=text, authority=text),
	b=st.builds(intake, matter_type=st.sampled_from([WAGES, HOUSING]), location=text, authority=text),
)
def test_same_matter_does_not_depend_on_which_intake_comes_first(a, b):
	assert same_matter(a, b) == same_matter(b, a)
	assert same_matter(a, a)


# ---------------------------------------------------------------- earlier visits


def test_second_visit_on_the_same_matter_is_a_repeat_petition():
	first = intake("CASE-2026-00001", on="2026-01-10")
	current = intake("CASE-2026-00007", on="2026-03-05")

	assert earlier_visits_on_same_matter(current, [first]) == [first]


def test_first_visit_is_not_a_repeat_petition():
	assert earlier_visits_on_same_matter(intake("CASE-2026-00001"), []) == []


def test_earlier_visits_are_returned_as_given_so_the_caller_can_link_the_first():
	first = intake("CASE-2026-00001", on="2026-01-10")

	assert earlier_visits_on_same_matter(intake("CASE-2026-00007"), [first])[0] is first


@pytest.mark.parametrize("channel", ["Online", "Letter", "Phone", "Fax"])
def test_a_letter_or_call_after_a_visit_is_not_a_repeat_petition(channel):
	"""§3.4: only a second or later visit (走访) counts."""
	first = intake("CASE-2026-00001", on="2026-01-10")
	current = intake("CASE-2026-00007", channel=channel)

	assert earlier_visits_on_same_matter(current, [first]) == []


@pytest.mark.parametrize("channel", ["Online", "Letter", "Phone", "Fax", None])
def test_earlier_letters_and_calls_do_not_make_a_visit_a_repeat_petition(channel):
	earlier = intake("CASE-2026-00001", on="2026-01-10", channel=channel)

	assert earlier_visits_on_same_matter(intake("CASE-2026-00007"), [earlier]) == []


def test_earlier_visit_on_another_matter_does_not_count():
	other_type = intake("CASE-2026-00001", on="2026-01-10", matter_type=HOUSING)
	other_place = intake("CASE-2026-00002", on="2026-01-11", location="越秀区北京街")
	other_authority = intake("CASE-2026-00003", on="2026-01-12", authority="越秀区人社局")
	current = intake("CASE-2026-00007", authority="天河区人社局")

	assert earlier_visits_on_same_matter(current, [other_type, other_place, other_authority]) == []


def test_later_visit_does_not_make_an_earlier_one_a_repeat():
	later = intake("CASE-2026-00009", on="2026-04-01")
	current = intake("CASE-2026-00007", on="2026-03-05")

	assert earlier_visits_on_same_matter(current, [later]) == []


def test_the_current_intake_is_not_its_own_earlier_visit():
	current = intake("CASE-2026-00007")

	assert earlier_visits_on_same_matter(current, [dict(current)]) == []


def test_earlier_visits_are_listed_oldest_first():
	march = intake("CASE-2026-00005", on="2026-02-20")
	january = intake("CASE-2026-00001", on="2026-01-10")
	february = intake("CASE-2026-00003", on="2026-02-01")
	current = intake("CASE-2026-00008", on="2026-03-05")

	result = earlier_visits_on_same_matter(current, [march, january, february])

	assert names(result) == ["CASE-2026-00001", "CASE-2026-00003", "CASE-2026-00005"]


def test_visits_on_the_same_day_are_ordered_by_name():
	"""Two visits registered the same day: the one registered first (lower name) is the earlier one."""
	before = intake("CASE-2026-00004", on="2026-03-05")
	after = intake("CASE-2026-00006", on="2026-03-05")
	current = intake("CASE-2026-00005", on="2026-03-05")

	assert earlier_visits_on_same_matter(current, [after, before]) == [before]


def test_unsaved_intake_counts_every_visit_up_to_its_own_day():
	"""An intake not yet named is registered after every stored one, so same-day visits came first."""
	same_day = intake("CASE-2026-00009", on="2026-03-05")
	earlier = intake("CASE-2026-00002", on="2026-02-01")
	later = intake("CASE-2026-00010", on="2026-03-06")
	current = intake(None, on="2026-03-05")

	assert earlier_visits_on_same_matter(current, [later, same_day, earlier]) == [earlier, same_day]


def test_dates_read_from_the_database_compare_with_the_form_dates():
	"""Stored intakes come back with `date` values; the current form may still hold a string."""
	stored = intake("CASE-2026-00001", on=date(2026, 3, 4))
	current = intake("CASE-2026-00007", on="2026-03-05")

	assert earlier_visits_on_same_matter(current, [stored]) == [stored]
	assert earlier_visits_on_same_matter(intake("CASE-2026-00007", on=date(2026, 3, 5)), [stored]) == [stored]


@given(
	days=st.lists(st.integers(1, 28), min_size=1, max_size=8),
	current_day=st.integers(1, 28),
)
def test_every_earlier_visit_is_found_and_nothing_later(days, current_day):
	others = [intake(f"CASE-2026-{i:05d}", on=f"2026-02-{day:02d}") for i, day in enumerate(days, start=1)]
	current = intake(f"CASE-2026-{len(days) + 1:05d}", on=f"2026-02-{current_day:02d}")

	result = earlier_visits_on_same_matter(current, list(reversed(others)))

	# the current intake was named last, so visits on its own day came before it
	expected = sorted(
		(o for o in others if o["first_contact_date"] <= current["first_contact_date"]),
		key=lambda o: (o["first_contact_date"], o["name"]),
	)
	assert result == expected
