// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.ui.form.on("Petition Intake", {
	refresh(frm) {
		if (frm.doc.is_repeat_petition) {
			frm.dashboard.set_headline_alert(
				__("Repeat petition: an earlier visit on the same matter is {0} (§3.4).", [
					frm.doc.repeat_of || __("recorded at screening"),
				]),
				"orange"
			);
		}
		if (!frm.is_new()) {
			for (const [doctype, label] of [
				["Petition Interview", __("New Interview")],
				["Service Plan", __("Service Plan")],
				["Petition Referral", __("New Referral")],
				["Case Closure", __("Closure Form")],
			]) {
				frm.add_custom_button(
					label,
					() => frappe.new_doc(doctype, { petition_intake: frm.doc.name }),
					__("Case Records")
				);
			}
		}
	},
});
