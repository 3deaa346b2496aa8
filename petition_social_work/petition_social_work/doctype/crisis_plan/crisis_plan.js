// Copyright (c) 2026, petition_social_work developers. See LICENSE.

const CRISIS = "petition_social_work.crisis";

frappe.ui.form.on("Crisis Plan", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role(["Petition Supervisor", "Petition Service Manager"])) return;
		if (["Active", "Escalated"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Acknowledge Alert"), () =>
				frappe.call(`${CRISIS}.acknowledge`, { name: frm.doc.name }).then(() => frm.reload_doc())
			);
		}
		if (frm.doc.status !== "Resolved") {
			frm.add_custom_button(__("Resolve Crisis"), () =>
				frappe.prompt(
					{ fieldname: "resolution", fieldtype: "Small Text", label: __("Resolution"), reqd: 1 },
					({ resolution }) =>
						frappe.call(`${CRISIS}.resolve`, { name: frm.doc.name, resolution }).then(() => frm.reload_doc()),
					__("Resolve Crisis")
				)
			);
		}
	},
});
