"""The paper forms of Appendices A–C, rendered to PDF through Frappe's print path and read back.

One case is walked through intake, interview and closure with every section of the three forms filled;
each form is printed as the case's worker in Chinese, its text extracted with pypdf, and compared with the
standard's items. A worker who does not handle the case cannot print it, in process or over HTTP.
"""

import io
import re
import threading
import unicodedata
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import frappe
from frappe.model.workflow import apply_workflow
from frappe.translate import print_language
from frappe.utils import add_days, today
from pypdf import PdfReader

from petition_social_work.printing import appendix_case
from petition_social_work.roles import SOCIAL_WORKER
from petition_social_work.tests import factories as f
from petition_social_work.tests.live_server import LiveServer
from petition_social_work.tests.utils import PetitionTestCase

INTAKE_FORM = "Appendix A Intake Form"
INTERVIEW_FORM = "Appendix B Interview Form"
CLOSURE_FORM = "Appendix C Closure Form"

# Table A.1 信访社会工作服务接案表: every heading and item, in the standard's order
APPENDIX_A = [
	"信访社会工作服务接案表",
	"接案记录",
	"初次接触日期",
	"负责社工",
	"个案来源",
	"案主主动咨询",
	"社工探访/接访",
	"转介人/单位",
	"信访诉求及要求",
	"信访经历",
	"（初访对象还是重访对象？求助经历、何时曾到哪些部门反映过问题？）",
	"人格特征描述",
	"（情绪表现、行为表现、语言及思维表现等）",
	"转介单位资料",
	"转介单位",
	"联系人及联系方式",
	"案主基本情况",
	"案主姓名",
	"性别",
	"联系电话",
	"联系地址",
	"出生年月",
	"年龄",
	"职业",
	"经济状况",
	"语言",
	"普通话",
	"广东话",
	"客家话",
	"婚姻状况",
	"未婚",
	"已婚",
	"离异",
	"丧偶",
	"再婚",
	"教育程度",
	"文盲",
	"略懂文字",
	"小学",
	"初中",
	"高中/中专",
	"大专",
	"本科及以上",
	"居住状况",
	"独居",
	"与伴侣同住",
	"与配偶同住",
	"与成年子女同住",
	"与未成年子女同住",
	"问题/需要",
	"（可多选）",
	"法律咨询",
	"政策引导",
	"情绪疏导",
	"家庭关系调适",
	"危机介入",
	"邻里纠纷",
	"诉求解决",
	"链接资源",
	"个案背景（个案家庭图及生态系统图）",
	"社工的预估及分析",
	"服务对象需求分析（理论架构）",
	"服务计划",
	"服务目标",
	"服务策略",
	"成效评估方法",
	"社工签名及日期",
	"服务立案",
	"是否接案：",
	"是，个案委派予：",
	"否，说明：",
	"项目负责人签批",
]
APPENDIX_A_SECTIONS = [
	"接案记录",
	"个案来源",
	"信访诉求及要求",
	"信访经历",
	"人格特征描述",
	"转介单位资料",
	"案主基本情况",
	"问题/需要",
	"个案背景",
	"社工的预估及分析",
	"服务对象需求分析",
	"服务计划",
	"社工签名及日期",
	"服务立案",
	"项目负责人签批",
]

# Table B.1 信访社会工作服务会谈表
APPENDIX_B = [
	"信访社会工作服务会谈表",
	"会谈对象",
	"联系方式",
	"与案主的关系",
	"地点",
	"案主家中",
	"其他",
	"日期",
	"时间",
	"工作次数",
	"会谈目的",
	"工作形式",
	"面谈",
	"电话",
	"陪同",
	"QQ/微信",
	"会谈记录",
	"本次服务情况总体评估及分析",
	"跟进计划",
	"负责社工签署：",
	"签字日期：",
	"项目负责人（督导）意见",
	"项目负责人签署：",
]
APPENDIX_B_SECTIONS = [
	"会谈对象",
	"与案主的关系",
	"日期",
	"工作次数",
	"会谈目的",
	"工作形式",
	"会谈记录",
	"本次服务情况总体评估及分析",
	"跟进计划",
	"负责社工签署：",
	"项目负责人（督导）意见",
	"项目负责人签署：",
]

# Table C.1 信访社会工作服务结案表
APPENDIX_C = [
	"信访社会工作服务结案表",
	"类别",
	"个案转介",
	"个案结束",
	"案主姓名",
	"负责社工",
	"开案/转入日期",
	"结案/转出日期",
	"转介原因",
	"问题超出本机构服务范畴，机构不能提供求助者所需的服务",
	"服务对象生活在本机构服务区域之外",
	"社工的工作变动",
	"案主与社工之间的关系，双方希望更换社工",
	"结案类型",
	"目标达成",
	"转介",
	"案主自决终止服务",
	"远离服务区域",
	"离世",
	"资源链接情况",
	"链接的资源：",
	"联络的相关部门：",
	"目标达成情况",
	"序号",
	"阶段性目标",
	"备注",
	"社工反思及建议",
	"社工签字：",
	"签字日期：",
	"服务机构的评估",
	"项目负责人签字：",
]
APPENDIX_C_SECTIONS = [
	"类别",
	"案主姓名",
	"开案/转入日期",
	"转介原因",
	"结案类型",
	"资源链接情况",
	"目标达成情况",
	"社工反思及建议",
	"服务机构的评估",
]

A4_POINTS = (595, 842)
# pypdf yields some characters as CJK radicals that NFKC leaves alone (CJK Radicals Supplement)
SIMPLIFIED_RADICALS = str.maketrans("⻅⻔⻓⻉⻋⻛⻜⻢⻚⻥⻬⻮⻰⻩⻆⻈", "见门长贝车风飞马页鱼齐齿龙黄角讠")


def squeeze(text: str) -> str:
	"""Text as compared: NFKC (pypdf yields Kangxi radicals and full-width forms) without any whitespace."""
	return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(SIMPLIFIED_RADICALS))


class AssetHost:
	"""Serves the site's /assets to the PDF step, as the site's web server does.

	Frappe makes the print page's stylesheet links absolute with the site's URL, and wkhtmltopdf aborts when
	that host does not resolve or answer; a test site's name need not resolve and no web server need run.
	"""

	def __init__(self):
		handler = partial(_AssetsOnly, directory=frappe.local.sites_path)
		self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
		threading.Thread(target=self.server.serve_forever, daemon=True).start()
		self.saved_host_name = frappe.local.conf.get("host_name")
		frappe.local.conf.host_name = f"http://127.0.0.1:{self.server.server_address[1]}"

	def close(self):
		frappe.local.conf.host_name = self.saved_host_name
		self.server.shutdown()
		self.server.server_close()


class _AssetsOnly(SimpleHTTPRequestHandler):
	def do_GET(self):
		if self.path.startswith("/assets/") and ".." not in self.path:
			return super().do_GET()
		self.send_error(404)

	def log_message(self, *args):
		pass


def pdf_text(pdf: bytes) -> str:
	return squeeze("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def render(doctype: str, name: str, print_format: str, user: str, language: str = "zh") -> bytes:
	frappe.set_user(user)
	with print_language(language):
		return frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)


class TestAppendixPrintFormats(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker = f.make_user("print-worker@test.petition.localhost", SOCIAL_WORKER)
		cls.outsider = f.make_user("print-outsider@test.petition.localhost", SOCIAL_WORKER)
		cls.supervisor = f.supervisor()
		cls.id_number = f.mainland_id(birth="19750315", serial="417")
		cls.created = []
		cls.asset_host = AssetHost()
		try:
			cls.build_case()
		finally:
			frappe.set_user("Administrator")
			frappe.db.commit()  # the live server reads the case on its own connection

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for doctype, name in reversed(cls.created):
			if frappe.db.get_value(doctype, name, "docstatus") == 1:
				frappe.db.set_value(doctype, name, "docstatus", 2)  # test data only: let it be deleted
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()  # the records were committed for the live server; remove them for good
		cls.asset_host.close()
		super().tearDownClass()

	@classmethod
	def build_case(cls):
		petitioner = f.make_petitioner(
			cls.worker,
			full_name="陈建国",
			phone="13800138000",
			gender="Male",
			birth_month="1975-03-01",
			id_type="Mainland ID Card",
			id_number=cls.id_number,
			occupation="建筑工人",
			economic_status="低收入",
			language="Cantonese",
			marital_status="Married",
			education="Junior College",
			living_situation="With Spouse",
		)
		cls.created.append(("Petitioner", petitioner.name))

		intake = f.make_intake(
			petitioner.name,
			cls.worker,
			case_source="Referred by Person or Unit",
			case_source_detail="荔湾区信访局窗口",
			referrer_unit="荔湾区信访局",
			referrer_contact_person="王科长",
			referrer_contact="020-81234567",
			claims="要求支付拖欠的三个月工资",
			help_seeking_history="曾向劳动监察大队投诉",
			visit_history=[
				{
					"visit_date": add_days(today(), -60),
					"department": "荔湾区劳动监察大队",
					"level": "District",
					"channel": "Visit",
					"result": "已受理未办结",
				}
			],
			emotion="焦虑、易激动",
			behaviour="多次到访",
			language_and_thinking="表达清楚",
			need_legal_advice=1,
			need_emotional_support=1,
			need_other=1,
			need_other_detail="子女就学",
			case_background="夫妻二人在穗务工",
			worker_analysis="诉求合理，情绪需疏导",
			needs_analysis="需要层次理论",
			plan_goals="追回欠薪",
			plan_strategy="链接法律援助",
			plan_evaluation_method="回访",
			worker_signed_on=today(),
		)
		cls.created.append(("Petition Intake", intake.name))
		intake = f.screen(intake, cls.worker)
		frappe.set_user(cls.supervisor)
		intake.reload()
		intake.supervisor_comment = "同意立案"  # the project lead's own field
		intake.save()
		intake = apply_workflow(intake, "Approve Opening")
		cls.case = intake.name

		frappe.set_user(cls.worker)
		interview = f.make_interview(
			cls.case,
			interviewee="陈建国",
			interviewee_contact="13800138000",
			relation_to_client="本人",
			place="Other",
			place_detail="社区服务站",
			interview_time="10:30:00",
			interview_form="Phone",
			record="案主讲述欠薪经过",
			overall_assessment="情绪平稳",
			follow_up_plan="下周陪同申请法律援助",
			worker_signed_on=today(),
		)
		cls.created.append(("Petition Interview", interview.name))
		interview = apply_workflow(interview, "Submit for Review")
		frappe.set_user(cls.supervisor)
		interview.reload()
		interview.supervisor_opinion = "记录完整，注意跟进情绪"
		interview.save()
		cls.interview = apply_workflow(interview, "Approve").name

		frappe.set_user(cls.worker)
		plan = f.make_service_plan(cls.case, goals=("稳定情绪", "追回欠薪"))
		cls.created.append(("Service Plan", plan.name))
		apply_workflow(frappe.get_doc("Petition Intake", cls.case), "Request Closure")
		closure = f.make_closure(
			cls.case,
			category="Referral Out",
			closure_type="Referred",
			reason_beyond_scope=1,
			reason_other=1,
			reason_other_detail="案主要求诉讼",
			resources_linked="法律援助",
			departments_contacted="荔湾区法律援助处",
			worker_signed_on=today(),
			closed_on=today(),
		)
		cls.created.append(("Case Closure", closure.name))
		frappe.set_user(cls.supervisor)
		closure.reload()
		closure.goals[0].achievement = "Achieved"
		closure.goals[1].achievement = "Partly Achieved"
		closure.goals[1].remark = "已转介法律援助"
		closure.organisation_evaluation = "转介及时"
		closure.save()
		closure.submit()
		cls.closure = closure.name

	def assert_items(self, text: str, items: list[str], sections: list[str]):
		missing = [item for item in items if squeeze(item) not in text]
		self.assertEqual(missing, [], f"items of the standard's form missing from the printed PDF: {text}")
		position = -1
		for section in sections:
			found = text.find(squeeze(section), position + 1)
			self.assertGreater(found, position, f"{section} is not in the standard's order")
			position = found

	def assert_marked(self, text: str, chosen: list[str], not_chosen: list[str]):
		for label in chosen:
			self.assertIn(squeeze("☑" + label), text)
		for label in not_chosen:
			self.assertIn(squeeze("☐" + label), text)

	def test_intake_form_prints_appendix_a(self):
		pdf = render("Petition Intake", self.case, INTAKE_FORM, self.worker)
		width, height = (float(v) for v in PdfReader(io.BytesIO(pdf)).pages[0].mediabox[2:])
		self.assertEqual((round(width), round(height)), A4_POINTS)

		text = pdf_text(pdf)
		self.assert_items(text, APPENDIX_A, APPENDIX_A_SECTIONS)
		self.assert_marked(
			text,
			chosen=[
				"转介人/单位：荔湾区信访局窗口",
				"广东话",
				"已婚",
				"大专",
				"与配偶同住",
				"法律咨询",
				"情绪疏导",
				"其他：子女就学",
				"是，个案委派予：print-worker",
			],
			not_chosen=["案主主动咨询", "普通话", "未婚", "本科及以上", "独居", "政策引导", "否，说明："],
		)
		for value in ("陈建国", "13800138000", "男", "1975-03", "荔湾区劳动监察大队", "王科长", "同意立案"):
			self.assertIn(squeeze(value), text)
		self.assertNotIn(self.id_number, text)  # the ID number is never printed

	def test_interview_form_prints_appendix_b(self):
		text = pdf_text(render("Petition Interview", self.interview, INTERVIEW_FORM, self.worker))
		self.assert_items(text, APPENDIX_B, APPENDIX_B_SECTIONS)
		self.assert_marked(
			text, chosen=["其他：社区服务站", "电话"], not_chosen=["案主家中", "面谈", "QQ/微信"]
		)
		for value in (
			"陈建国",
			"13800138000",
			"第1次",
			"10:30",
			"案主讲述欠薪经过",
			"记录完整，注意跟进情绪",
		):
			self.assertIn(squeeze(value), text)
		self.assertIn(squeeze("负责社工签署：print-worker"), text)

	def test_closure_form_prints_appendix_c(self):
		text = pdf_text(render("Case Closure", self.closure, CLOSURE_FORM, self.worker))
		self.assert_items(text, APPENDIX_C, APPENDIX_C_SECTIONS)
		self.assert_marked(
			text,
			chosen=["个案转介", "问题超出本机构服务范畴，机构不能提供求助者所需的服务", "转介"],
			not_chosen=["个案结束", "社工的工作变动", "目标达成", "离世"],
		)
		self.assertIn(squeeze("☑其他原因：案主要求诉讼"), text)
		# the goal-achievement table: no., staged goal, achievement, remark
		self.assertIn(squeeze("1稳定情绪已达成"), text)
		self.assertIn(squeeze("2追回欠薪部分达成已转介法律援助"), text)
		self.assertIn(squeeze("社工签字：print-worker"), text)
		self.assertIn(squeeze("项目负责人签字：supervisor"), text)

	def test_an_english_user_gets_english_forms(self):
		text = pdf_text(render("Petition Intake", self.case, INTAKE_FORM, self.worker, language="en"))
		self.assertIn(squeeze("Petition Social Work Service Intake Form"), text)
		self.assert_marked(text, chosen=["Cantonese", "Legal Advice"], not_chosen=["Mandarin"])

	def test_another_worker_cannot_print_the_case(self):
		for doctype, name, print_format in self.printed_forms():
			with self.subTest(print_format=print_format), self.assertRaises(frappe.PermissionError):
				render(doctype, name, print_format, self.outsider)

	def test_helper_refuses_a_case_the_user_cannot_read(self):
		"""The Jinja helper checks the case itself, whichever template calls it."""
		frappe.set_user(self.outsider)
		with self.assertRaises(frappe.PermissionError):
			appendix_case(frappe.get_doc("Petition Intake", self.case))
		frappe.set_user(self.worker)
		basics = appendix_case(frappe.get_doc("Petition Intake", self.case)).petitioner
		self.assertEqual(basics.phone, "13800138000")
		self.assertNotIn("id_number", basics)

	def test_download_over_http_is_refused_to_another_worker(self):
		server = LiveServer.start()
		try:
			own = server.login(self.worker, f.PASSWORD)
			other = server.login(self.outsider, f.PASSWORD)
			for doctype, name, print_format in self.printed_forms():
				params = {"doctype": doctype, "name": name, "format": print_format}
				with self.subTest(print_format=print_format):
					# the same permission gate and template, without the PDF step (needs the site's name to
					# resolve on the server)
					response = own.get(server.url("/printview"), params=params, timeout=120)
					self.assertEqual(response.status_code, 200, server.log_tail())
					self.assertIn("appendix-form", response.text)

					pdf_url = server.url("/api/method/frappe.utils.print_format.download_pdf")
					response = other.get(pdf_url, params=params, timeout=120)
					self.assertEqual(response.status_code, 403)
					self.assertFalse(response.content.startswith(b"%PDF"))
					response = other.get(server.url("/printview"), params=params, timeout=120)
					self.assertNotIn("appendix-form", response.text)
		finally:
			server.stop()

	def printed_forms(self):
		return [
			("Petition Intake", self.case, INTAKE_FORM),
			("Petition Interview", self.interview, INTERVIEW_FORM),
			("Case Closure", self.closure, CLOSURE_FORM),
		]
