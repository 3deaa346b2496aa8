"""The petitioner's consent (§4.5 privacy, §8.3 a authorised recordings).

Nothing is disclosed to an outside body without the petitioner's written consent, media use needs a signed
authorisation, and interviews are recorded only with the petitioner's authorisation. A consent is valid for
a use when it is of that type, signed (its written form attached), in force on the day (from `valid_from`,
to `valid_until` when one is set), names the recipient when the use has one, and was never withdrawn: a
withdrawal is final.
"""

import mimetypes
from dataclasses import dataclass
from datetime import date

from petition_social_work.rules import Problem

DISCLOSURE = "Disclosure to an Outside Body"
MEDIA_USE = "Media Use"
INTERVIEW_RECORDING = "Interview Recording"
CONSENT_TYPES = (DISCLOSURE, MEDIA_USE, INTERVIEW_RECORDING)
# a disclosure consent names who may receive the information; media and recording consents may name nobody
NEEDS_RECIPIENT = (DISCLOSURE,)

# audio and video formats phones and recorders produce that `mimetypes` may not know
RECORDING_EXTENSIONS = frozenset(
	{
		"3gp",
		"aac",
		"aiff",
		"amr",
		"avi",
		"flac",
		"flv",
		"m4a",
		"m4v",
		"mkv",
		"mov",
		"mp3",
		"mp4",
		"mpeg",
		"mpg",
		"oga",
		"ogg",
		"ogv",
		"opus",
		"silk",
		"wav",
		"weba",
		"webm",
		"wma",
		"wmv",
	}
)


@dataclass(frozen=True)
class Consent:
	"""What a consent record says, as far as its validity goes."""

	name: str
	consent_type: str
	valid_from: date | None
	valid_until: date | None = None
	disclosed_to: str | None = None
	signed_consent: str | None = None
	withdrawn_on: date | None = None


def consent_problems(consent: Consent, consent_type: str, on: date, recipient: str | None = None) -> list:
	"""Why `consent` does not allow a use of `consent_type` on day `on` (for `recipient`); empty when it does."""
	problems = []
	if consent.withdrawn_on:
		problems.append(Problem("consent_withdrawn", (consent.name, consent.withdrawn_on)))
	if consent.consent_type != consent_type:
		problems.append(Problem("consent_wrong_type", (consent.name, consent.consent_type)))
	if not (consent.signed_consent or "").strip():
		problems.append(Problem("consent_not_signed", (consent.name,)))
	if consent.valid_from and on < consent.valid_from:
		problems.append(Problem("consent_not_yet_valid", (consent.name, consent.valid_from)))
	if consent.valid_until and on > consent.valid_until:
		problems.append(Problem("consent_expired", (consent.name, consent.valid_until)))
	if recipient and not names_recipient(consent, recipient):
		problems.append(Problem("consent_other_recipient", (consent.name, recipient)))
	return problems


def is_consent_valid(consent: Consent, consent_type: str, on: date, recipient: str | None = None) -> bool:
	return not consent_problems(consent, consent_type, on, recipient)


def first_valid(consents, consent_type: str, on: date, recipient: str | None = None) -> Consent | None:
	return next((c for c in consents if is_consent_valid(c, consent_type, on, recipient)), None)


def names_recipient(consent: Consent, recipient: str) -> bool:
	"""A consent naming recipients (one a line) covers only those; one naming none covers any, if its type allows."""
	named = recipients_of(consent.disclosed_to)
	if not named:
		return consent.consent_type not in NEEDS_RECIPIENT
	return normalise(recipient) in named


def recipients_of(disclosed_to: str | None) -> set[str]:
	return {normalise(line) for line in (disclosed_to or "").splitlines() if line.strip()}


def normalise(name: str) -> str:
	"""Compare body names without regard to spacing or letter case: "荔湾区 法律援助处" is "荔湾区法律援助处"."""
	return "".join(name.split()).casefold()


def consent_record_problems(
	consent: Consent, before: Consent | None = None, withdrawing: bool = False
) -> list:
	"""What a consent record must hold when saved over its stored version `before` (None when new).

	A withdrawal is recorded only by the withdraw action (`withdrawing`), and a withdrawn consent is kept as
	it was: neither its withdrawal nor its terms change afterwards.
	"""
	problems = []
	if consent.consent_type in NEEDS_RECIPIENT and not recipients_of(consent.disclosed_to):
		problems.append(Problem("consent_recipient_missing"))
	if consent.valid_from and consent.valid_until and consent.valid_until < consent.valid_from:
		problems.append(Problem("consent_ends_before_start", (consent.valid_until, consent.valid_from)))
	old_withdrawn_on = before.withdrawn_on if before else None
	if old_withdrawn_on and consent != before:
		problems.append(Problem("consent_withdrawal_final", (consent.name,)))
	elif consent.withdrawn_on != old_withdrawn_on and not withdrawing:
		problems.append(Problem("consent_withdraw_by_action"))
	return problems


def is_recording(file_name: str | None, content_type: str | None = None) -> bool:
	"""An audio or video file, told by its MIME type or, failing that, by its extension (§8.3 a)."""
	content_type = content_type or mimetypes.guess_type(file_name or "")[0] or ""
	if content_type.startswith(("audio/", "video/")):
		return True
	extension = (file_name or "").rsplit("/", 1)[-1].rpartition(".")[2].lower()
	return "." in (file_name or "") and extension in RECORDING_EXTENSIONS
