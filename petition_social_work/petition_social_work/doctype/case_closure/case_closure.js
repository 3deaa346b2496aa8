// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.ui.form.on("Case Closure", {
	petition_intake(frm) {
		// Appendix C: the goal table reports against the case's service plan
		if (!frm.doc.petition_intake || (frm.doc.goals || []).length) return;
		frappe
			.call("petition_social_work.petition_social_work.doctype.case_closure.case_closure.goals_for_case", {
				petition_intake: frm.doc.petition_intake,
			})
			.then((r) => {
				(r.message || []).forEach((goal) => frm.add_child("goals", goal));
				frm.refresh_field("goals");
				if (!(r.message || []).length) {
					frappe.show_alert({ message: __("This case has no service plan goals yet."), indicator: "orange" });
				}
			});
	},

	category(frm) {
		if (frm.doc.category === "Referral Out") frm.set_value("closure_type", "Referred");
	},
});
