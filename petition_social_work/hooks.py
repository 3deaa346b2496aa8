app_name = "petition_social_work"
app_title = "Petition Social Work"
app_publisher = "petition_social_work developers"
app_description = "Petition social work case management after DB4401/T 321—2025"
app_email = "maintainers@petition-social-work.invalid"
app_license = "MIT"

export_python_type_annotations = True

after_install = "petition_social_work.setup.install.after_install"
after_migrate = "petition_social_work.setup.install.after_migrate"
before_tests = "petition_social_work.setup.install.before_tests"

# the Appendix A–C print formats read the case and its petitioner through these, permission checked
jinja = {
	"methods": [
		"petition_social_work.printing.appendix_case",
		"petition_social_work.printing.appendix_choices",
		"petition_social_work.printing.appendix_checks",
	]
}

fixtures = [
	{
		"dt": "Role",
		"filters": [
			[
				"role_name",
				"in",
				[
					"Petition Social Worker",
					"Petition Supervisor",
					"Petition Service Manager",
					"Petition Office Liaison",
				],
			]
		],
	}
]

permission_query_conditions = {
	"Petition Intake": "petition_social_work.permissions.intake_query_conditions",
	"Service Plan": "petition_social_work.permissions.case_record_query_conditions",
	"Petition Interview": "petition_social_work.permissions.case_record_query_conditions",
	"Petition Referral": "petition_social_work.permissions.case_record_query_conditions",
	"Case Closure": "petition_social_work.permissions.case_record_query_conditions",
	"Crisis Plan": "petition_social_work.permissions.case_record_query_conditions",
	"Petition Home Visit": "petition_social_work.permissions.case_record_query_conditions",
	"Resource Application": "petition_social_work.permissions.case_record_query_conditions",
	"Petitioner": "petition_social_work.permissions.petitioner_query_conditions",
	"Collective Petition": "petition_social_work.permissions.collective_query_conditions",
	"Coordination Meeting": "petition_social_work.permissions.meeting_query_conditions",
	"Consent Record": "petition_social_work.privacy.consent.consent_query_conditions",
	# attachments of a case are listed only to those who see the case; Frappe adds its own File rule
	"File": "petition_social_work.permissions.file_query_conditions",
}

has_permission = {
	"Petition Intake": "petition_social_work.permissions.intake_has_permission",
	"Service Plan": "petition_social_work.permissions.case_record_has_permission",
	"Petition Interview": "petition_social_work.permissions.case_record_has_permission",
	"Petition Referral": "petition_social_work.permissions.case_record_has_permission",
	"Case Closure": "petition_social_work.permissions.case_record_has_permission",
	"Crisis Plan": "petition_social_work.permissions.case_record_has_permission",
	"Petition Home Visit": "petition_social_work.permissions.case_record_has_permission",
	"Resource Application": "petition_social_work.permissions.case_record_has_permission",
	"Petitioner": "petition_social_work.permissions.petitioner_has_permission",
	"Collective Petition": "petition_social_work.permissions.collective_has_permission",
	"Coordination Meeting": "petition_social_work.permissions.meeting_has_permission",
	"Consent Record": "petition_social_work.privacy.consent.consent_has_permission",
}

scheduler_events = {
	# §4.3 life first: unacknowledged crisis alerts escalate within minutes of their deadline
	"cron": {
		"*/10 * * * *": ["petition_social_work.crisis.escalate_overdue_alerts"],
		# §8.2 c: the previous month's data-analysis report to the petition bureau, early on the 1st
		"0 2 1 * *": ["petition_social_work.reporting.bureau.send_monthly_report"],
	},
}


doc_events = {
	"*": {
		# only this app's DocTypes are acted on: malformed values refused, sensitive fields encrypted
		"before_validate": "petition_social_work.security.check_field_values",
		"before_save": "petition_social_work.privacy.encryption.encrypt_marked_fields",
	},
	"DocShare": {"validate": "petition_social_work.privacy.grading.check_share"},
	# §8.3 a: a recording attaches to an interview only with the petitioner's authorisation
	"File": {"validate": "petition_social_work.privacy.consent.check_interview_recording"},
	"Access Log": {
		"validate": "petition_social_work.privacy.access_log.refuse_change",
		"on_trash": "petition_social_work.privacy.access_log.refuse_deletion",
	},
	# printing a case record is logged (§4.5)
	"Petitioner": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Petition Intake": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Service Plan": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Petition Interview": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Petition Referral": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Case Closure": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Crisis Plan": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Petition Home Visit": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Resource Application": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Collective Petition": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Coordination Meeting": {"before_print": "petition_social_work.privacy.access_log.log_print"},
	"Consent Record": {"before_print": "petition_social_work.privacy.access_log.log_print"},
}

override_doctype_class = {
	"Personal Data Deletion Request": "petition_social_work.privacy.erasure.PetitionerDeletionRequest",
}

# §4.5: Frappe's Log Settings keep Access Log entries this many days at least
default_log_clearing_doctypes = {"Access Log": 180}

# Frappe 15 methods that count without permissions, answer GET while changing data, or tag without a check
override_whitelisted_methods = {
	"frappe.client.get_count": "petition_social_work.security.get_count",
	"frappe.model.workflow.apply_workflow": "petition_social_work.security.apply_workflow",
	"frappe.model.workflow.bulk_workflow_approval": "petition_social_work.security.bulk_workflow_approval",
	"frappe.desk.form.save.savedocs": "petition_social_work.security.savedocs",
	"frappe.desk.form.save.cancel": "petition_social_work.security.cancel",
	"frappe.share.add": "petition_social_work.security.share_add",
	"frappe.share.set_permission": "petition_social_work.security.share_set_permission",
	"frappe.desk.form.assign_to.add": "petition_social_work.security.assign_add",
	"frappe.desk.form.assign_to.add_multiple": "petition_social_work.security.assign_add_multiple",
	"frappe.desk.form.assign_to.remove": "petition_social_work.security.assign_remove",
	"frappe.desk.form.assign_to.remove_multiple": "petition_social_work.security.assign_remove_multiple",
	"frappe.desk.form.assign_to.close": "petition_social_work.security.assign_close",
	"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs": "petition_social_work.security.submit_cancel_or_update_docs",
	"frappe.model.rename_doc.update_document_title": "petition_social_work.security.update_document_title",
	"frappe.desk.reportview.delete_items": "petition_social_work.security.delete_items",
	"frappe.desk.form.utils.update_comment": "petition_social_work.security.update_comment",
	"frappe.desk.doctype.tag.tag.add_tag": "petition_social_work.security.add_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "petition_social_work.security.add_tags",
	"frappe.desk.doctype.tag.tag.remove_tag": "petition_social_work.security.remove_tag",
	"frappe.desk.like.toggle_like": "petition_social_work.security.toggle_like",
}
