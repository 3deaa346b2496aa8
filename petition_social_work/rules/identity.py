"""Identity data of a petitioner (Appendix A client basics): mainland ID numbers, phones, birth month, age."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from petition_social_work.rules import Problem

# GB 11643-1999: weights of the first 17 digits and the check character for each remainder mod 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
# 010 and 02x are followed by 8 digits; the four-digit area codes by 7 or 8
LANDLINE = re.compile(r"^(0[12][0-9])([0-9]{8})$|^(0[3-9][0-9]{2})([0-9]{7,8})$")
ID_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")


@dataclass(frozen=True)
class MainlandId:
	number: str
	birth_date: date
	gender: str  # "Male" or "Female": the 17th digit is odd for men


def normalize_id_number(value: str | None) -> str:
	# NFKC turns the full-width digits of a Chinese keyboard into ASCII ones
	return re.sub(r"\s", "", unicodedata.normalize("NFKC", value or "")).upper()


def check_mainland_id(value: str, today: date | None = None) -> MainlandId | Problem:
	"""Parse an 18-character mainland ID number, or say why it is not one."""
	number = normalize_id_number(value)
	if len(number) != 18:
		return Problem("id_length", (len(number),))
	if not ID_SHAPE.match(number):
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
	"""A mainland mobile (11 digits) or a landline with its area code, as `13800138000` or `020-83334444`.

	Spaces, dashes, dots and brackets are dropped, and so is the country code (+86, 0086, or a bare 86
	before a mobile); an international landline (+86 20 …) gets its trunk 0 back.
	"""
	digits = re.sub(r"[\s()\-.]", "", unicodedata.normalize("NFKC", value or ""))
	international = re.match(r"^(\+86|0086)", digits)
	if international:
		digits = digits[international.end() :]
	elif digits.startswith("86") and MOBILE.match(digits[2:]):
		digits = digits[2:]
	if MOBILE.match(digits):
		return digits
	if international and digits[:1] not in ("", "0", "1"):
		digits = "0" + digits
	landline = LANDLINE.match(digits)
	if landline:
		area, number = (part for part in landline.groups() if part)
		return f"{area}-{number}"
	return Problem("phone_invalid", (value,))


def birth_month_of(day: date) -> date:
	return day.replace(day=1)


def age_on(birth_month: date, today: date) -> int:
	"""Full years of age; a person is treated as born on the first of the birth month."""
	born = birth_month_of(birth_month)
	return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
