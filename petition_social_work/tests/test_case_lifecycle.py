"""The case lifecycle of §7.1 walked end to end, as each role, with the refusals the standard implies."""

import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow

from petition_social_work.errors import (
	CaseStateError,
	ClosureIncompleteError,
	ReferralFollowUpError,
	ScreeningIncompleteError,
	SessionNumberError,
)
from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase


class TestCaseLifecycle(PetitionTestCase):
	def test_whole_lifecycle_from_registration_to_closure_and_reopening(self):
		"""§7.1.1–7.1.4 j: register, screen, sign off, plan, interview, refer, close, then reopen."""
		worker, supervisor = f.worker(), f.supervisor()
		petitioner = f.make_petitioner(worker)
		intake = f.make_intake(petitioner.name, worker)
		self.assertEqual(intake.workflow_state, "Registered")
		self.assertEqual(intake.responsible_worker, worker)

		intake = f.screen(intake, worker)
		self.assertEqual(intake.workflow_state, "Awaiting Sign-off")

		# a worker cannot sign off: the transition is the supervisor's (Appendix A 项目负责人签批)
		with self.assertRaises(WorkflowTransitionError):
			apply_workflow(intake, "Approve Opening")
		intake.reload()
		self.assertEqual(intake.workflow_state, "Awaiting Sign-off")
		self.assertFalse(intake.signed_off_by)

		frappe.set_user(supervisor)
		intake = apply_workflow(intake, "Approve Opening")
		self.assertEqual(intake.workflow_state, "In Service")
		self.assertEqual(intake.signed_off_by, supervisor)
		self.assertTrue(intake.opened_on)

		frappe.set_user(worker)
		plan = f.make_service_plan(intake.name, goals=("稳定情绪", "追回欠薪", "修复家庭关系"))
		sessions = [f.make_interview(intake.name).session_number for _ in range(3)]
		self.assertEqual(sessions, [1, 2, 3])

		referral = f.make_referral(intake.name)
		referral.status = "Accepted"
		referral.save()
		referral.status = "Completed"
		with self.assertRaises(ReferralFollowUpError):
			referral.save()  # §6.4: the result is followed up before a referral completes
		referral.reload()
		referral.update({"status": "Completed", "outcome": "法律援助处已受理并代理仲裁"})
		referral.save()
		self.assertTrue(referral.completed_on)

		intake.reload()
		intake = apply_workflow(intake, "Request Closure")
		self.assertEqual(intake.workflow_state, "Closing Review")

		closure = f.make_closure(intake.name)
		self.assertEqual([g.staged_goal for g in closure.goals], [g.goal for g in plan.goals])
		with self.assertRaises(frappe.PermissionError):
			closure.submit()  # only the project lead submits the closure

		frappe.set_user(supervisor)
		closure.reload()
		with self.assertRaises(ClosureIncompleteError):
			closure.submit()  # goals not rated, no evaluation
		closure.reload()
		self.assertEqual(closure.docstatus, 0)
		for row in closure.goals:
			row.achievement = "Achieved"
		closure.organisation_evaluation = "服务目标基本达成"
		closure.save()
		closure.submit()

		intake.reload()
		self.assertEqual(intake.workflow_state, "Case Closed")
		self.assertEqual(intake.case_closure, closure.name)
		self.assertEqual(closure.project_lead, supervisor)

		# a closed case takes no more work
		frappe.set_user(worker)
		with self.assertRaises(CaseStateError):
			f.make_interview(intake.name)

		frappe.set_user(supervisor)
		closure.reload()
		with self.assertRaises(CaseStateError):
			closure.cancel()  # cancelling reopens the case, so it needs a reason
		closure.reload()
		closure.cancel_reason = "案主反映欠薪未实际到账"
		closure.save()
		closure.cancel()
		intake.reload()
		self.assertEqual(intake.workflow_state, "In Service")
		self.assertFalse(intake.case_closure)
		comments = frappe.get_all(
			"Comment",
			filters={
				"reference_doctype": "Petition Intake",
				"reference_name": intake.name,
				"comment_type": "Info",
			},
			pluck="content",
		)
		self.assertTrue(any("案主反映欠薪未实际到账" in c for c in comments), comments)

	def test_screening_must_be_complete_before_sign_off(self):
		"""§7.1.2 f–l: every check answered and a decision recorded before the supervisor sees the case."""
		worker = f.worker()
		intake = f.make_intake(f.make_petitioner(worker).name, worker)
		intake = apply_workflow(intake, "Start Screening")
		with self.assertRaises(ScreeningIncompleteError):
			apply_workflow(intake, "Submit for Sign-off")
		self.assertEqual(frappe.db.get_value("Petition Intake", intake.name, "workflow_state"), "Screening")

	def test_law_related_matter_is_guided_to_the_judicial_channel(self):
		"""§7.1.2 h, §5.6 a: a law-related matter records the guidance given; the consequence is recorded."""
		worker = f.worker()
		intake = f.make_intake(f.make_petitioner(worker).name, worker)
		with self.assertRaises(ScreeningIncompleteError):
			f.screen(intake, worker, screen_law_related="Yes")
		intake.reload()
		intake.update({"screen_law_related": "Yes", "judicial_guidance": "告知其向荔湾区人民法院提起诉讼"})
		intake.save()
		self.assertIn("§7.1.2 h", intake.screening_outcome)
		intake = apply_workflow(intake, "Submit for Sign-off")
		self.assertEqual(intake.workflow_state, "Awaiting Sign-off")

	def test_out_of_scope_matter_must_be_referred(self):
		"""§7.1.2 f: a matter beyond the service is referred, so 'Open Case' is refused; referral ends the case."""
		worker, supervisor = f.worker(), f.supervisor()
		intake = f.make_intake(f.make_petitioner(worker).name, worker)
		with self.assertRaises(ScreeningIncompleteError):
			f.screen(intake, worker, within_scope="No")
		intake.reload()
		intake.update({"decision": "Refer Out", "decision_reason": "属司法程序，转介法律援助"})
		intake.save()
		intake = apply_workflow(intake, "Submit for Sign-off")
		frappe.set_user(supervisor)
		self.assertNotIn("Approve Opening", [t.action for t in frappe.model.workflow.get_transitions(intake)])
		intake = apply_workflow(intake, "Approve Referral")
		self.assertEqual(intake.workflow_state, "Referred Out")

	def test_not_accepted_case_is_reopened_only_with_a_reason(self):
		"""§7.1.2 l and the logged reopen: not accepted ends the case; reopening it needs a reason."""
		worker, supervisor = f.worker(), f.supervisor()
		intake = f.make_intake(f.make_petitioner(worker).name, worker)
		intake = f.screen(
			intake,
			worker,
			screen_not_accepted="Yes",
			decision="Not Accepted",
			decision_reason="已有处理意见且复查终结",
		)
		frappe.set_user(supervisor)
		intake = apply_workflow(intake, "Approve Not Accepting")
		self.assertEqual(intake.workflow_state, "Not Accepted")
		with self.assertRaises(CaseStateError):
			apply_workflow(intake, "Reopen")
		intake.reload()
		intake.reopen_reason = "信访人提交了新证据"
		intake.save()
		intake = apply_workflow(intake, "Reopen")
		self.assertEqual(intake.workflow_state, "Screening")

	def test_worker_cannot_edit_a_case_awaiting_sign_off(self):
		"""Only the supervisor edits a case while it waits for sign-off (the workflow's allow-edit role)."""
		worker = f.worker()
		intake = f.screen(f.make_intake(f.make_petitioner(worker).name, worker), worker)
		intake.matter_summary = "改写的诉求"
		with self.assertRaises(CaseStateError):
			intake.save()
		self.assertEqual(
			frappe.db.get_value("Petition Intake", intake.name, "matter_summary"), "追讨拖欠工资"
		)

	def test_worker_cannot_sign_off_or_reassign_by_setting_fields(self):
		"""Sign-off and responsibility sit at permission level 1: a worker's values are never written."""
		worker = f.worker()
		intake = f.make_intake(f.make_petitioner(worker).name, worker)
		intake.supervisor_comment = "同意"
		intake.save()
		intake.reload()
		self.assertFalse(intake.supervisor_comment)

		intake.responsible_worker = f.worker(2)
		with self.assertRaises(frappe.PermissionError):
			intake.save()  # handing the case to someone else would also take it from this worker
		self.assertEqual(frappe.db.get_value("Petition Intake", intake.name, "responsible_worker"), worker)

	def test_interviews_are_reviewed_by_the_supervisor(self):
		"""Appendix B: the supervisor's opinion, signature and date; a worker cannot approve."""
		worker, supervisor = f.worker(), f.supervisor()
		case = f.open_case(owner=worker)
		frappe.set_user(worker)
		interview = f.make_interview(case.name, record="案主情绪平稳，讲述欠薪经过")
		interview = apply_workflow(interview, "Submit for Review")
		with self.assertRaises(WorkflowTransitionError):
			apply_workflow(interview, "Approve")
		frappe.set_user(supervisor)
		interview.reload()
		interview.supervisor_opinion = "记录完整，注意跟进情绪"
		interview.save()
		interview = apply_workflow(interview, "Approve")
		self.assertEqual(interview.workflow_state, "Reviewed")
		self.assertEqual(interview.reviewed_by, supervisor)
		self.assertTrue(interview.reviewed_on)

	def test_only_the_latest_session_can_be_deleted(self):
		"""Session numbers have no gaps: deleting session 1 of 2 is refused, deleting 2 is allowed."""
		case = f.open_case()
		frappe.set_user("Administrator")
		first, second = f.make_interview(case.name), f.make_interview(case.name)
		with self.assertRaises(SessionNumberError):
			first.delete()
		second.delete()
		first.delete()
		self.assertEqual(self.count("Petition Interview", petition_intake=case.name), 0)

	def test_referral_closure_sends_the_case_to_referred_out(self):
		"""Appendix C category 个案转介: the closure needs referral reasons; the case ends as referred out."""
		worker, supervisor = f.worker(), f.supervisor()
		case = f.open_case(owner=worker)
		frappe.set_user(worker)
		f.make_service_plan(case.name, goals=("链接法律援助",))
		case = apply_workflow(case, "Request Closure")
		closure = f.make_closure(case.name, category="Referral Out", closure_type="Referred")
		frappe.set_user(supervisor)
		closure.reload()
		closure.goals[0].achievement = "Partly Achieved"
		closure.organisation_evaluation = "转介及时"
		closure.save()
		with self.assertRaises(ClosureIncompleteError):
			closure.submit()  # no referral reason ticked
		closure.reload()
		closure.reason_beyond_scope = 1
		closure.save()
		closure.submit()
		self.assertEqual(frappe.db.get_value("Petition Intake", case.name, "workflow_state"), "Referred Out")

	def test_closure_needs_goals_from_a_service_plan(self):
		"""Appendix C goal table reports against the plan: a case without goals cannot be closed."""
		case = f.open_case()
		frappe.set_user(f.supervisor())
		case = apply_workflow(case, "Request Closure")
		closure = f.make_closure(case.name, organisation_evaluation="无")
		self.assertEqual(len(closure.goals), 0)
		with self.assertRaises(ClosureIncompleteError):
			closure.submit()
		self.assertEqual(
			frappe.db.get_value("Petition Intake", case.name, "workflow_state"), "Closing Review"
		)
