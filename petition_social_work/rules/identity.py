"""Identity data of a petitioner (Appendix A client basics): mainland ID numbers, phones, birth month, age."""

import re
from dataclasses import dataclass
from datetime import date

from petition_social_work.rules import Problem

# GB 11643-1999: weights of the first 17 digits and the check character for each remainder mod 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


@dataclass(frozen=True)
class MainlandId:
	number: str
	birth_date: date
	gender: str  # "Male" or "Female": the 17th digit is odd for men


def normalize_id_number(value: str | None) -> str:
	return (value or "").strip().replace(" ", "").upper()


def check_mainland_id(value: str, today: date | None = None) -> MainlandId | Problem:
	"""Parse an 18-character mainland ID number, or say why it is not one."""
	number = normalize_id_number(value)
	if len(number) != 18:
		return Problem("id_length", (len(number),))
	if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
		return Problem("id_characters")
	if number[:2] in ("00", "10", "20", "30", "40", "50", "60", "70", "80", "90") or number[:6] == "000000":
		return Problem("id_region")
	try:
		birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
	except ValueError:
		return Problem("id_birth_date")
	if birth.year < 1890 or birth > (today or date.today()):
		return Problem("id_birth_date")
	expected = id_check_char(number[:17])
	if number[17] != expected:
		return Problem("id_checksum")
	return MainlandId(number, birth, "Male" if int(number[16]) % 2 else "Female")


def id_check_char(first17: str) -> str:
	total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
	return ID_CHECK_CHARS[total % 11]


def normalize_phone(value: str | None) -> str | Problem:
	"""A mainland mobile (11 digits) or landline with area code; +86 / 86 and separators are dropped."""
	phone = re.sub(r"[\s()（）]", "", value or "")
	phone = re.sub(r"^(\+86|0086)-?", "", phone)
	if MOBILE.match(phone):
		return phone
	if LANDLINE.match(phone):
		return phone if "-" in phone else _split_area_code(phone)
	return Problem("phone_invalid", (value,))


def _split_area_code(phone: str) -> str:
	# three-digit area codes are 010 and 02x; the rest have four digits
	area = 3 if phone[1] in "12" else 4
	return f"{phone[:area]}-{phone[area:]}"


def birth_month_of(day: date) -> date:
	return day.replace(day=1)


def age_on(birth_month: date, today: date) -> int:
	"""Full years of age; a person is treated as born on the first of the birth month."""
	born = birth_month_of(birth_month)
	return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
