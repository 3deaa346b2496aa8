// Copyright (c) 2026, petition_social_work developers. See LICENSE.

// §8.1 c: red over the band, orange inside it (at capacity), green below it
const CASELOAD_COLOURS = { "Over Limit": "red", "Near Limit": "orange", Within: "green" };

frappe.query_reports["Worker Caseload"] = {
	filters: [
		{
			fieldname: "worker",
			label: __("Worker"),
			fieldtype: "Link",
			options: "User",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (!data || !data.status_key) return value;
		const colour = CASELOAD_COLOURS[data.status_key] || "gray";
		if (column.fieldname === "status") {
			return `<span class="indicator-pill ${colour}">${value}</span>`;
		}
		if (column.fieldname === "capacity_used" && colour !== "green") {
			return `<span class="text-${colour === "red" ? "danger" : "warning"}"><b>${value}</b></span>`;
		}
		return value;
	},
};
