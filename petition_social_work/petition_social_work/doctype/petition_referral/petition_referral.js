// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.ui.form.on("Petition Referral", {
	setup(frm) {
		// §4.5: only the petitioner's disclosure consents in force on the referral date for the receiving body
		frm.set_query("consent_record", () => ({
			query: "petition_social_work.privacy.consent.valid_disclosure_consents",
			filters: {
				petitioner: frm.doc.petitioner,
				recipient: frm.doc.referred_to,
				on: frm.doc.referral_date,
			},
		}));
	},

	petition_intake(frm) {
		frm.set_value("consent_record", null);
	},

	referred_to(frm) {
		if (frm.doc.consent_record) frm.set_value("consent_record", null);
	},
});
