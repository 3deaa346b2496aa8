"""§4.5 privacy and §8.3 a: the petitioner's written consent before a disclosure, media use or recording."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition_social_work.rules import Problem
from petition_social_work.rules.consent import (
	CONSENT_TYPES,
	DISCLOSURE,
	INTERVIEW_RECORDING,
	MEDIA_USE,
	Consent,
	consent_problems,
	consent_record_problems,
	first_valid,
	is_consent_valid,
	is_recording,
	names_recipient,
)

START, END = date(2026, 3, 1), date(2026, 8, 31)
LEGAL_AID = "荔湾区法律援助处"
SIGNED = "/private/files/consent-signed.pdf"
DISCLOSURE_CONSENT = Consent(
	name="CONSENT-2026-00001",
	consent_type=DISCLOSURE,
	valid_from=START,
	valid_until=END,
	disclosed_to=f"{LEGAL_AID}\n荔湾区人力资源和社会保障局",
	signed_consent=SIGNED,
)


def codes(problems: list[Problem]) -> set[str]:
	return {p.code for p in problems}


def test_signed_consent_in_force_allows_disclosure_to_a_named_body():
	assert is_consent_valid(DISCLOSURE_CONSENT, DISCLOSURE, date(2026, 5, 1), LEGAL_AID)
	assert is_consent_valid(DISCLOSURE_CONSENT, DISCLOSURE, START, "荔湾区人力资源和社会保障局")


def test_first_and_last_day_are_inside_the_validity():
	assert is_consent_valid(DISCLOSURE_CONSENT, DISCLOSURE, START, LEGAL_AID)
	assert is_consent_valid(DISCLOSURE_CONSENT, DISCLOSURE, END, LEGAL_AID)


def test_consent_is_not_valid_before_it_starts_or_after_it_ends():
	before = consent_problems(DISCLOSURE_CONSENT, DISCLOSURE, START - timedelta(days=1), LEGAL_AID)
	after = consent_problems(DISCLOSURE_CONSENT, DISCLOSURE, END + timedelta(days=1), LEGAL_AID)

	assert codes(before) == {"consent_not_yet_valid"}
	assert codes(after) == {"consent_expired"}
	assert after[0].args == (DISCLOSURE_CONSENT.name, END)


def test_open_ended_consent_holds_until_withdrawn():
	open_ended = replace(DISCLOSURE_CONSENT, valid_until=None)

	assert is_consent_valid(open_ended, DISCLOSURE, date(2040, 1, 1), LEGAL_AID)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_withdrawn_consent_is_never_valid_again(on):
	"""§4.5: a withdrawal is final, whatever day the consent is looked at."""
	withdrawn = replace(DISCLOSURE_CONSENT, valid_from=None, valid_until=None, withdrawn_on=date(2026, 4, 1))

	assert "consent_withdrawn" in codes(consent_problems(withdrawn, DISCLOSURE, on, LEGAL_AID))


def test_unsigned_consent_is_not_valid():
	for attachment in (None, "", "  "):
		unsigned = replace(DISCLOSURE_CONSENT, signed_consent=attachment)
		assert codes(consent_problems(unsigned, DISCLOSURE, START, LEGAL_AID)) == {"consent_not_signed"}


@pytest.mark.parametrize("wanted", [MEDIA_USE, INTERVIEW_RECORDING])
def test_consent_of_one_type_allows_no_other_use(wanted):
	assert codes(consent_problems(DISCLOSURE_CONSENT, wanted, START)) == {"consent_wrong_type"}


def test_disclosure_to_a_body_the_consent_does_not_name_is_refused():
	problems = consent_problems(DISCLOSURE_CONSENT, DISCLOSURE, START, "广州日报")

	assert problems == [Problem("consent_other_recipient", (DISCLOSURE_CONSENT.name, "广州日报"))]


def test_recipient_names_compare_without_spacing_or_letter_case():
	consent = replace(DISCLOSURE_CONSENT, disclosed_to="  荔湾区 法律援助处 \nLiwan Legal Aid Office")

	assert names_recipient(consent, LEGAL_AID)
	assert names_recipient(consent, "liwan legal aid  office")
	assert not names_recipient(consent, "荔湾区法律援助")


def test_disclosure_consent_naming_nobody_covers_nobody():
	assert not names_recipient(replace(DISCLOSURE_CONSENT, disclosed_to=""), LEGAL_AID)


def test_media_consent_naming_no_outlet_covers_any_but_one_naming_an_outlet_only_that_one():
	media = replace(DISCLOSURE_CONSENT, consent_type=MEDIA_USE, disclosed_to=None)
	assert is_consent_valid(media, MEDIA_USE, START, "广州日报")
	assert is_consent_valid(media, MEDIA_USE, START)

	named = replace(media, disclosed_to="广州日报")
	assert is_consent_valid(named, MEDIA_USE, START, "广州日报")
	assert not is_consent_valid(named, MEDIA_USE, START, "南方都市报")


def test_a_use_without_recipient_needs_no_named_body():
	recording = replace(DISCLOSURE_CONSENT, consent_type=INTERVIEW_RECORDING, disclosed_to=None)

	assert is_consent_valid(recording, INTERVIEW_RECORDING, START)


def test_every_reason_is_reported_at_once():
	bad = replace(DISCLOSURE_CONSENT, signed_consent=None, withdrawn_on=START)

	assert codes(consent_problems(bad, MEDIA_USE, END + timedelta(days=1), "广州日报")) == {
		"consent_withdrawn",
		"consent_wrong_type",
		"consent_not_signed",
		"consent_expired",
		"consent_other_recipient",
	}


def test_first_valid_skips_withdrawn_and_expired_consents():
	withdrawn = replace(DISCLOSURE_CONSENT, name="C1", withdrawn_on=START)
	expired = replace(DISCLOSURE_CONSENT, name="C2", valid_until=START)
	good = replace(DISCLOSURE_CONSENT, name="C3")
	on = date(2026, 6, 1)

	assert first_valid([withdrawn, expired, good], DISCLOSURE, on, LEGAL_AID) == good
	assert first_valid([withdrawn, expired], DISCLOSURE, on, LEGAL_AID) is None
	assert first_valid([], DISCLOSURE, on) is None


def test_consent_types():
	assert CONSENT_TYPES == (DISCLOSURE, MEDIA_USE, INTERVIEW_RECORDING)


# ---------------------------------------------------------------- saving a consent record


def test_complete_consent_record_saves():
	assert consent_record_problems(DISCLOSURE_CONSENT) == []


def test_disclosure_consent_record_names_its_recipient():
	for nobody in (None, "", " \n "):
		record = replace(DISCLOSURE_CONSENT, disclosed_to=nobody)
		assert codes(consent_record_problems(record)) == {"consent_recipient_missing"}


def test_media_and_recording_consent_records_may_name_nobody():
	for consent_type in (MEDIA_USE, INTERVIEW_RECORDING):
		assert (
			consent_record_problems(replace(DISCLOSURE_CONSENT, consent_type=consent_type, disclosed_to=None))
			== []
		)


def test_consent_record_cannot_end_before_it_starts():
	record = replace(DISCLOSURE_CONSENT, valid_until=START - timedelta(days=1))

	assert codes(consent_record_problems(record)) == {"consent_ends_before_start"}
	assert consent_record_problems(replace(DISCLOSURE_CONSENT, valid_until=START)) == []


def test_withdrawal_is_recorded_only_by_the_withdraw_action():
	withdrawn = replace(DISCLOSURE_CONSENT, withdrawn_on=date(2026, 4, 1))

	assert codes(consent_record_problems(withdrawn)) == {"consent_withdraw_by_action"}
	assert codes(consent_record_problems(withdrawn, DISCLOSURE_CONSENT)) == {"consent_withdraw_by_action"}
	assert consent_record_problems(withdrawn, DISCLOSURE_CONSENT, withdrawing=True) == []


def test_withdrawal_cannot_be_undone_or_the_withdrawn_consent_edited():
	withdrawn = replace(DISCLOSURE_CONSENT, withdrawn_on=date(2026, 4, 1))
	undone = replace(withdrawn, withdrawn_on=None)
	widened = replace(withdrawn, valid_until=date(2030, 1, 1))

	assert codes(consent_record_problems(undone, withdrawn)) == {"consent_withdrawal_final"}
	assert codes(consent_record_problems(undone, withdrawn, withdrawing=True)) == {"consent_withdrawal_final"}
	assert codes(consent_record_problems(widened, withdrawn)) == {"consent_withdrawal_final"}
	assert consent_record_problems(withdrawn, withdrawn) == []


def test_unwithdrawn_consent_record_may_be_corrected():
	corrected = replace(DISCLOSURE_CONSENT, valid_until=date(2026, 12, 31))

	assert consent_record_problems(corrected, DISCLOSURE_CONSENT) == []


# ---------------------------------------------------------------- recordings (§8.3 a)


@pytest.mark.parametrize(
	"file_name",
	[
		"会谈录音.mp3",
		"interview.M4A",
		"call.amr",
		"session.wav",
		"/private/files/clip.mp4",
		"v.MOV",
		"a.opus",
	],
)
def test_audio_and_video_files_are_recordings(file_name):
	assert is_recording(file_name)


@pytest.mark.parametrize(
	"file_name", ["会谈记录.pdf", "photo.jpg", "scan.png", "notes.docx", "mp3", "", None, "/files/a.mp3.pdf"]
)
def test_documents_and_images_are_not_recordings(file_name):
	assert not is_recording(file_name)


def test_mime_type_decides_when_the_name_has_no_known_extension():
	assert is_recording("upload.bin", "audio/x-custom")
	assert is_recording("blob", "video/quicktime")
	assert not is_recording("blob", "application/pdf")
