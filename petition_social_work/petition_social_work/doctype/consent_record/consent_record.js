// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.ui.form.on("Consent Record", {
	setup(frm) {
		frm.set_query("petition_intake", () => ({
			filters: frm.doc.petitioner ? { petitioner: frm.doc.petitioner } : {},
		}));
	},

	refresh(frm) {
		if (frm.doc.withdrawn_on) {
			frm.set_intro(
				__("This consent was withdrawn on {0}: it allows nothing any more (§4.5).", [
					frappe.datetime.str_to_user(frm.doc.withdrawn_on),
				]),
				"red"
			);
			frm.disable_form();
			return;
		}
		if (!frm.is_new() && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Withdraw Consent"), () => withdraw(frm));
		}
	},

	petition_intake(frm) {
		if (!frm.doc.petition_intake) return;
		frappe.db
			.get_value("Petition Intake", frm.doc.petition_intake, "petitioner")
			.then(({ message }) => {
				if (message && message.petitioner) frm.set_value("petitioner", message.petitioner);
			});
	},
});

function withdraw(frm) {
	frappe.prompt(
		[{ fieldname: "reason", fieldtype: "Small Text", label: __("Withdrawal Reason"), reqd: 1 }],
		({ reason }) => frm.call("withdraw", { reason }).then(() => frm.reload_doc()),
		__("Withdraw Consent"),
		__("Withdraw")
	);
}
