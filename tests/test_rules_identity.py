"""Appendix A client basics: mainland ID numbers (GB 11643), phones, birth month and age."""

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from petition_social_work.rules import Problem
from petition_social_work.rules.identity import (
	MainlandId,
	age_on,
	birth_month_of,
	check_mainland_id,
	normalize_id_number,
	normalize_phone,
)

TODAY = date(2026, 12, 3)

# region codes of real districts: Guangzhou Tianhe and Yuexiu, Beijing Chaoyang, Shenzhen Futian
REGIONS = ("440106", "440104", "110105", "440304")


def gb11643_check_char(first17: str) -> str:
	"""The check character, computed here from the standard's definition rather than the app's table.

	Digit i (1 = leftmost) weighs 2^(18-i) mod 11; the check value is (12 - sum mod 11) mod 11, 10 is X.
	"""
	total = sum(int(digit) * pow(2, 17 - i, 11) for i, digit in enumerate(first17))
	value = (12 - total % 11) % 11
	return "X" if value == 10 else str(value)


def make_id(region: str, born: date, sequence: str) -> str:
	first17 = f"{region}{born:%Y%m%d}{sequence}"
	return first17 + gb11643_check_char(first17)


def sequence_giving_check_x(region: str, born: date) -> str:
	return next(f"{n:03d}" for n in range(1000) if make_id(region, born, f"{n:03d}").endswith("X"))


# ---------------------------------------------------------------- valid ID numbers


def test_known_id_number_with_check_x_is_a_woman_born_1949_12_31():
	"""Appendix A client basics: the published sample 11010519491231002X is valid."""
	parsed = check_mainland_id("11010519491231002X", TODAY)

	assert parsed == MainlandId("11010519491231002X", date(1949, 12, 31), "Female")


def test_helper_check_char_agrees_with_the_published_sample():
	assert gb11643_check_char("11010519491231002") == "X"
	assert gb11643_check_char("11010519491231003") != "X"


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("sequence", ["001", "123", "458", "999"])
def test_guangzhou_petitioner_registers_with_a_valid_id_number(region, sequence):
	"""Appendix A: an ID number with a correct GB 11643 check character is accepted and parsed."""
	number = make_id(region, date(1990, 3, 7), sequence)

	parsed = check_mainland_id(number, TODAY)

	assert isinstance(parsed, MainlandId)
	assert parsed.number == number
	assert parsed.birth_date == date(1990, 3, 7)


def test_id_number_whose_check_character_is_x_is_accepted():
	sequence = sequence_giving_check_x("440106", date(1990, 3, 7))
	number = make_id("440106", date(1990, 3, 7), sequence)

	assert number.endswith("X")
	assert isinstance(check_mainland_id(number, TODAY), MainlandId)


def test_lowercase_x_is_normalised_to_uppercase():
	"""Workers type the check character as x as often as X; the stored number uses X."""
	parsed = check_mainland_id("11010519491231002x", TODAY)

	assert isinstance(parsed, MainlandId)
	assert parsed.number == "11010519491231002X"


def test_spaces_typed_inside_and_around_the_id_number_are_dropped():
	parsed = check_mainland_id(" 110105 19491231 002x ", TODAY)

	assert isinstance(parsed, MainlandId)
	assert parsed.number == "11010519491231002X"


def test_normalize_id_number_of_empty_values():
	assert normalize_id_number(None) == ""
	assert normalize_id_number("   ") == ""
	assert normalize_id_number(" 4401 0619 ") == "44010619"


@pytest.mark.parametrize(
	("sequence", "gender"), [("011", "Male"), ("013", "Male"), ("020", "Female"), ("128", "Female")]
)
def test_gender_follows_the_seventeenth_digit(sequence, gender):
	"""Appendix A gender: the 17th digit is odd for men and even for women."""
	parsed = check_mainland_id(make_id("440106", date(1985, 11, 20), sequence), TODAY)

	assert parsed.gender == gender


@given(
	region=st.sampled_from(REGIONS),
	born=st.dates(min_value=date(1890, 1, 1), max_value=TODAY),
	sequence=st.integers(0, 999),
)
def test_every_well_formed_id_number_parses_to_its_birth_date_and_gender(region, born, sequence):
	number = make_id(region, born, f"{sequence:03d}")

	parsed = check_mainland_id(number, TODAY)

	assert parsed == MainlandId(number, born, "Male" if sequence % 2 else "Female")


# ---------------------------------------------------------------- invalid ID numbers


def test_every_wrong_check_character_is_refused():
	number = make_id("440106", date(1990, 3, 7), "123")

	for wrong in (c for c in "0123456789X" if c != number[-1]):
		assert check_mainland_id(number[:17] + wrong, TODAY) == Problem("id_checksum")


@given(
	born=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
	sequence=st.integers(0, 999),
	position=st.sampled_from([2, 3, 4, 5, 14, 15, 16]),
	shift=st.integers(1, 9),
)
def test_a_single_mistyped_digit_outside_the_birth_date_is_caught_by_the_checksum(
	born, sequence, position, shift
):
	"""GB 11643 weights are non-zero mod 11, so every single-digit typo changes the check character."""
	number = make_id("440106", born, f"{sequence:03d}")
	typo = str((int(number[position]) + shift) % 10)

	mistyped = number[:position] + typo + number[position + 1 :]

	assert check_mainland_id(mistyped, TODAY) == Problem("id_checksum")


@pytest.mark.parametrize(
	"value",
	["", "44010619900307123", "4401061990030712345", "44010619900307", "11010519491231002X0"],
)
def test_id_number_of_the_wrong_length_is_refused_with_its_length(value):
	assert check_mainland_id(value, TODAY) == Problem("id_length", (len(value),))


def test_missing_id_number_is_refused_as_empty():
	assert check_mainland_id(None, TODAY) == Problem("id_length", (0,))


@pytest.mark.parametrize(
	"value",
	[
		"4401061990030712AB",  # letters in the body
		"44010619900307X234",  # X is only allowed last
		"11010519491231002Y",  # only X may stand for ten
		"44010619900307-123",
		"440106199003071.23",
	],
)
def test_id_number_with_other_characters_is_refused(value):
	assert check_mainland_id(value, TODAY) == Problem("id_characters")


@pytest.mark.parametrize("region", ["000000", "001234", "100000", "200101", "500101", "900101"])
def test_id_number_without_a_province_code_is_refused(region):
	"""Province codes run 11–91; none ends in 0 and none is 00."""
	number = make_id(region, date(1990, 3, 7), "123")

	assert check_mainland_id(number, TODAY) == Problem("id_region")


@pytest.mark.parametrize(
	"birth",
	[
		"19900230",  # 30 February
		"19901301",  # month 13
		"19900001",  # month 0
		"19900300",  # day 0
		"19900229",  # 1990 is not a leap year
		"18891231",  # before 1890
	],
)
def test_id_number_with_an_impossible_birth_date_is_refused(birth):
	first17 = f"440106{birth}123"

	assert check_mainland_id(first17 + gb11643_check_char(first17), TODAY) == Problem("id_birth_date")


def test_leap_day_birth_and_the_earliest_year_are_accepted():
	leap_day, earliest = date(2000, 2, 29), date(1890, 1, 1)

	assert check_mainland_id(make_id("440106", leap_day, "123"), TODAY).birth_date == leap_day
	assert check_mainland_id(make_id("440106", earliest, "123"), TODAY).birth_date == earliest


def test_id_number_born_in_the_future_is_refused():
	tomorrow = make_id("440106", date(2026, 12, 4), "123")
	born_today = make_id("440106", TODAY, "123")

	assert check_mainland_id(tomorrow, TODAY) == Problem("id_birth_date")
	assert isinstance(check_mainland_id(born_today, TODAY), MainlandId)


def test_future_birth_date_is_judged_against_the_real_today_by_default():
	next_year = date.today().year + 1
	number = make_id("440106", date(next_year, 1, 1), "123")

	assert check_mainland_id(number) == Problem("id_birth_date")


@pytest.mark.parametrize("position", [0, 3, 14, 16])
def test_superscript_digit_in_an_id_number_gives_a_problem_not_an_exception(position):
	number = make_id("440106", date(1990, 3, 7), "123")

	result = check_mainland_id(number[:position] + "³" + number[position + 1 :], TODAY)

	# NFKC reads ³ as 3: the number is then either refused or stored in plain ASCII digits
	assert isinstance(result, Problem) or result.number.isascii()


def test_full_width_digits_are_stored_as_ascii_digits():
	full_width = "１１０１０５１９４９１２３１００２X"

	result = check_mainland_id(full_width, TODAY)

	assert isinstance(result, Problem) or result.number == "11010519491231002X"


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
	"value",
	[
		"13800138000",
		"138 0013 8000",
		"+86 138 0013 8000",
		"+8613800138000",
		"0086 13800138000",
		"0086-13800138000",
		"+86-13800138000",
		"(+86) 138 0013 8000",
		"（+86）13800138000",
		"\t13800138000\n",
	],
)
def test_mobile_number_is_stored_as_eleven_digits(value):
	assert normalize_phone(value) == "13800138000"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_every_mobile_network_prefix_is_accepted(prefix):
	assert normalize_phone(f"{prefix}912345678") == f"{prefix}912345678"


@pytest.mark.parametrize(
	("value", "stored"),
	[
		("020-12345678", "020-12345678"),
		("02012345678", "020-12345678"),
		("(020) 8888 6666", "020-88886666"),
		("010 1234 5678", "010-12345678"),
		("0755-1234567", "0755-1234567"),
		("07551234567", "0755-1234567"),
		("075512345678", "0755-12345678"),
		("0760-88123456", "0760-88123456"),
		("+86 020 1234 5678", "020-12345678"),
	],
)
def test_landline_is_stored_with_its_area_code_separated(value, stored):
	"""Three-digit area codes are 010 and 02x (Guangzhou is 020); every other area code has four digits."""
	assert normalize_phone(value) == stored


@pytest.mark.parametrize(
	"value",
	[
		"",
		None,
		"12345",
		"phone me",
		"12800138000",  # no 12x mobile network
		"1380013800",  # ten digits
		"138001380001",  # twelve digits
		"20-12345678",  # area code without its leading 0
		"020-123456",  # local number too short
		"020-123456789",  # local number too long
	],
)
def test_invalid_phone_is_refused_with_what_was_typed(value):
	assert normalize_phone(value) == Problem("phone_invalid", (value,))


@given(
	digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
	prefix=st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "+86-"]),
	spaces=st.lists(st.sampled_from(["", " ", "\t"]), min_size=11, max_size=11),
)
def test_any_spacing_of_a_mobile_number_gives_the_same_eleven_digits(digits, prefix, spaces):
	typed = prefix + "".join(d + s for d, s in zip(digits, spaces, strict=True))

	assert normalize_phone(typed) == digits


@given(
	area_and_local=st.one_of(
		st.tuples(
			st.one_of(st.just("010"), st.from_regex(r"02[0-9]", fullmatch=True)),
			st.from_regex(r"[1-9][0-9]{7}", fullmatch=True),
		),
		st.tuples(
			st.from_regex(r"0[3-9][0-9]{2}", fullmatch=True),
			st.from_regex(r"[1-9][0-9]{6,7}", fullmatch=True),
		),
	)
)
def test_landline_typed_without_a_dash_splits_at_its_area_code(area_and_local):
	"""010 and 02x numbers have 8 local digits; four-digit area codes have 7 or 8."""
	area, local = area_and_local
	assert normalize_phone(area + local) == f"{area}-{local}"
	assert normalize_phone(f"{area}-{local}") == f"{area}-{local}"


@pytest.mark.parametrize("value", ["8613800138000", "86 138 0013 8000", "138-0013-8000", "138.0013.8000"])
def test_mobile_with_bare_country_code_or_separators_is_normalised(value):
	assert normalize_phone(value) == "13800138000"


@pytest.mark.parametrize(
	"value, expected",
	[
		("+86 20 8333 4444", "020-83334444"),
		("0086-755-1234567", "0755-1234567"),
		("020--83334444", "020-83334444"),
	],
)
def test_landline_in_international_or_loose_form_gets_its_trunk_zero_and_one_dash(value, expected):
	assert normalize_phone(value) == expected


# ---------------------------------------------------------------- birth month and age


def test_birth_month_keeps_year_and_month_only():
	"""Appendix A records the birth month (出生年月), not the day."""
	assert birth_month_of(date(1990, 3, 17)) == date(1990, 3, 1)
	assert birth_month_of(date(1990, 3, 1)) == date(1990, 3, 1)


@pytest.mark.parametrize(
	("today", "age"),
	[
		(date(2020, 2, 29), 29),  # the month before the birthday month
		(date(2020, 3, 1), 30),  # the first of the birth month counts as the birthday
		(date(2020, 3, 31), 30),
		(date(2020, 12, 31), 30),
		(date(2021, 2, 28), 30),
		(date(2021, 3, 1), 31),
	],
)
def test_age_turns_over_on_the_first_of_the_birth_month(today, age):
	assert age_on(date(1990, 3, 1), today) == age


def test_day_of_the_birth_month_does_not_change_the_age():
	"""A person born on 31 March is one year older on 1 March already: only the month is recorded."""
	assert age_on(date(1990, 3, 31), date(2020, 3, 1)) == age_on(date(1990, 3, 1), date(2020, 3, 1)) == 30


def test_newborn_in_the_current_month_is_zero():
	assert age_on(date(2026, 12, 1), date(2026, 12, 3)) == 0
	assert age_on(date(2025, 12, 1), date(2026, 11, 30)) == 0
	assert age_on(date(2025, 12, 1), date(2026, 12, 1)) == 1


@given(
	born=st.dates(min_value=date(1890, 1, 1), max_value=date(2026, 12, 31)),
	today=st.dates(min_value=date(1890, 1, 1), max_value=date(2100, 12, 31)),
)
def test_age_is_whole_years_of_months_since_the_birth_month(born, today):
	assume(birth_month_of(born) <= today)
	months = (today.year - born.year) * 12 + today.month - born.month

	assert age_on(born, today) == months // 12
