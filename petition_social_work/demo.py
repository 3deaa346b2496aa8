"""A demo data set for people trying the app and for benchmarks: staff, petitioners and their cases.

`make_demo` first plans everything from one `random.Random(seed)` on a fixed demo calendar (no clock, no
global random), then plays the plan in date order through the app's real rules: every step is taken by
the person who takes it in a service, with the Petition Intake and Petition Interview workflows. The
worker registers and screens (§7.1.1, §7.1.2), the supervisor signs off, the assigned worker plans,
interviews and refers (§7.1.3, §7.1.4, §6.4), and the supervisor submits the closure that closes the case
(Appendix C). Two runs with the same seed on fresh sites give the same records.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import escape_html, now_datetime

from petition_social_work.roles import OFFICE_LIAISON, SERVICE_MANAGER, SOCIAL_WORKER, SUPERVISOR
from petition_social_work.rules import lifecycle
from petition_social_work.rules.identity import age_on, id_check_char
from petition_social_work.rules.screening import NOT_ACCEPTED as DECIDE_NOT_ACCEPTED
from petition_social_work.rules.screening import OPEN as DECIDE_OPEN
from petition_social_work.rules.screening import REFER as DECIDE_REFER

DEMO_DOMAIN = "demo.petition.localhost"
DEMO_PASSWORD = "Demo@2025!"  # nosec B105  # the published password of the demo users, demo sites only
DEMO_LANGUAGE = "zh"
# the demo calendar: every date of the set lies before this day, whatever day the demo is made
DEMO_TODAY = date(2026, 1, 1)
WORKDAY_START = time(8, 30)

INTAKE, PLAN, INTERVIEW, REFERRAL, CLOSURE = (
	"Petition Intake",
	"Service Plan",
	"Petition Interview",
	"Petition Referral",
	"Case Closure",
)
DEMO_DOCTYPES = ("Petitioner", INTAKE, PLAN, INTERVIEW, REFERRAL, CLOSURE)
CASE_STATES = (
	lifecycle.REGISTERED,
	lifecycle.SCREENING,
	lifecycle.AWAITING_SIGN_OFF,
	lifecycle.IN_SERVICE,
	lifecycle.CLOSING_REVIEW,
	lifecycle.CLOSED,
	lifecycle.NOT_ACCEPTED,
	lifecycle.REFERRED_OUT,
)

# (user id before the domain, full name, role)
STAFF = (
	("worker1", "陈晓敏", SOCIAL_WORKER),
	("worker2", "黄志伟", SOCIAL_WORKER),
	("worker3", "林嘉欣", SOCIAL_WORKER),
	("worker4", "梁俊杰", SOCIAL_WORKER),
	("supervisor", "何慧珍", SUPERVISOR),
	("manager", "罗建华", SERVICE_MANAGER),
	("liaison", "郑文涛", OFFICE_LIAISON),
)

# share of the petitioners' first cases that end in each state
STATE_WEIGHTS = (
	(lifecycle.REGISTERED, 7),
	(lifecycle.SCREENING, 8),
	(lifecycle.AWAITING_SIGN_OFF, 7),
	(lifecycle.IN_SERVICE, 26),
	(lifecycle.CLOSING_REVIEW, 7),
	(lifecycle.CLOSED, 27),
	(lifecycle.NOT_ACCEPTED, 8),
	(lifecycle.REFERRED_OUT, 10),
)
# how many days before DEMO_TODAY the last step of a case still in progress may fall
RECENT_WINDOW = {
	lifecycle.REGISTERED: 20,
	lifecycle.SCREENING: 25,
	lifecycle.AWAITING_SIGN_OFF: 10,
	lifecycle.IN_SERVICE: 21,
	lifecycle.CLOSING_REVIEW: 12,
}

# routes a case takes at screening (§7.1.2 f–l) and after
OPEN, NOT_ACCEPT = "open", "not_accept"
REFER_SCOPE, REFER_LEVEL, REFER_DISCIPLINE = "refer_scope", "refer_level", "refer_discipline"
CLOSE_REFERRED = "close_referred"
SIGN_OFF_ACTIONS = {
	DECIDE_OPEN: "Approve Opening",
	DECIDE_REFER: "Approve Referral",
	DECIDE_NOT_ACCEPTED: "Approve Not Accepting",
}

# repeat petitions (§3.4): the second visit and what the first case had become by then
REPEAT_AFTER_CLOSURE, REOPENED_MATTER, WITHIN_HANDLING_PERIOD, AFTER_REFUSAL = (
	"after_closure",
	"reopened",
	"within_period",
	"after_refusal",
)

# ---------------------------------------------------------------- people
GUANGZHOU = {
	"440103": (
		"荔湾区",
		("沙面街道", "华林街道", "多宝街道", "昌华街道", "西村街道", "南源街道", "东漖街道", "中南街道"),
		("中山八路", "黄沙大道", "龙津西路", "康王中路", "芳村大道中", "花地大道北"),
	),
	"440104": (
		"越秀区",
		("北京街道", "人民街道", "东山街道", "农林街道", "梅花村街道", "建设街道", "大塘街道", "登峰街道"),
		("中山五路", "东风中路", "环市东路", "解放北路", "农林下路", "越秀南路"),
	),
	"440105": (
		"海珠区",
		("江南中街道", "沙园街道", "昌岗街道", "南华西街道", "素社街道", "凤阳街道", "琶洲街道", "南洲街道"),
		("江南大道中", "工业大道中", "新港西路", "宝岗大道", "南洲路", "广州大道南"),
	),
	"440106": (
		"天河区",
		("石牌街道", "林和街道", "天河南街道", "员村街道", "车陂街道", "棠下街道", "猎德街道", "龙洞街道"),
		("天河路", "中山大道西", "天河北路", "黄埔大道西", "体育东路", "华观路"),
	),
	"440111": (
		"白云区",
		(
			"三元里街道",
			"京溪街道",
			"同和街道",
			"棠景街道",
			"新市街道",
			"嘉禾街道",
			"太和镇",
			"人和镇",
			"钟落潭镇",
		),
		("白云大道北", "机场路", "广园中路", "同和路", "太和大道", "云城西路"),
	),
	"440112": (
		"黄埔区",
		("黄埔街道", "鱼珠街道", "大沙街道", "红山街道", "萝岗街道", "联和街道", "永和街道", "九龙镇"),
		("黄埔东路", "开创大道", "丰乐北路", "香雪大道中", "科丰路"),
	),
	"440113": (
		"番禺区",
		("市桥街道", "沙头街道", "东环街道", "桥南街道", "大石街道", "洛浦街道", "南村镇", "石楼镇"),
		("繁华路", "迎宾路", "番禺大道北", "亚运大道", "大石大道"),
	),
	"440114": (
		"花都区",
		("新华街道", "新雅街道", "秀全街道", "花城街道", "狮岭镇", "炭步镇", "赤坭镇", "花东镇"),
		("新华路", "迎宾大道", "公益大道", "商业大道", "凤凰北路"),
	),
	"440115": (
		"南沙区",
		("南沙街道", "珠江街道", "龙穴街道", "黄阁镇", "横沥镇", "万顷沙镇", "东涌镇", "大岗镇"),
		("进港大道", "环市大道中", "金岭北路", "市南路"),
	),
	"440117": (
		"从化区",
		("街口街道", "江埔街道", "城郊街道", "温泉镇", "良口镇", "吕田镇", "太平镇", "鳌头镇"),
		("河滨北路", "新城中路", "青云路", "中田路"),
	),
	"440118": (
		"增城区",
		("荔城街道", "增江街道", "朱村街道", "永宁街道", "新塘镇", "石滩镇", "中新镇", "派潭镇"),
		("增城大道", "府佑路", "荔景大道", "新塘大道西", "港口大道"),
	),
}
GUANGZHOU_WEIGHTS = (
	("440103", 8), ("440104", 9), ("440105", 11), ("440106", 12), ("440111", 15), ("440112", 8),
	("440113", 14), ("440114", 8), ("440115", 5), ("440117", 4), ("440118", 8),
)  # fmt: skip
# people born outside Guangzhou who live there: (region code, Appendix A language, the "other" language)
HOMETOWNS = (
	("441402", "Hakka", None),
	("441424", "Hakka", None),
	("445281", "Other", "潮汕话"),
	("430521", "Other", "湘语"),
	("511321", "Mandarin", None),
	("412827", "Mandarin", None),
	("450122", "Other", "壮语"),
)
VILLAGES = ("石马", "大塘", "新围", "上元", "龙岗", "东岸", "沙浦", "塘头", "白石", "西洲", "横岭", "水口")
ESTATES = (
	"锦绣花园", "丽江花苑", "云山雅苑", "珠江御景", "翠湖山庄", "金沙花园", "荔港南湾", "华景新城",
	"祈福新邨", "富力半岛",
)  # fmt: skip

SURNAMES = (
	("陈", 9), ("黄", 7), ("李", 6), ("梁", 5), ("林", 5), ("张", 4), ("何", 4), ("刘", 4), ("罗", 3),
	("郭", 3), ("邓", 3), ("冯", 3), ("吴", 3), ("周", 2), ("谭", 2), ("麦", 2), ("曾", 2), ("钟", 2),
	("叶", 2), ("黎", 2), ("杨", 2), ("王", 2), ("蔡", 1), ("潘", 1), ("卢", 1), ("区", 1), ("关", 1),
	("温", 1), ("丘", 1), ("彭", 1), ("欧阳", 1), ("司徒", 1),
)  # fmt: skip
GIVEN_NAMES = {
	("Male", "old"): (
		"国强", "建国", "志明", "伟雄", "炳坤", "锦荣", "德胜", "永福", "耀祖", "汉文", "振邦", "兆基",
		"润生", "桂森",
	),
	("Male", "middle"): (
		"志强", "伟明", "建华", "永康", "家豪", "国栋", "卫东", "海涛", "少华", "文辉", "锦华", "荣光",
		"振华",
	),
	("Male", "young"): (
		"浩然", "俊宇", "子轩", "嘉豪", "梓豪", "宇航", "志豪", "泽华", "晓东", "家乐", "俊熙", "明轩",
	),
	("Female", "old"): (
		"秀英", "桂英", "淑芬", "玉兰", "秀兰", "月娥", "丽华", "凤英", "美容", "带娣", "亚妹", "金凤",
		"碧霞", "惠芳",
	),
	("Female", "middle"): (
		"丽萍", "美玲", "艳红", "慧敏", "小燕", "淑仪", "少芳", "晓红", "雪梅", "秀珍", "燕玲", "翠华",
	),
	("Female", "young"): (
		"欣怡", "嘉欣", "诗琪", "晓琳", "婉婷", "思敏", "颖欣", "梓晴", "雅琪", "咏诗", "佩珊", "慧琳",
	),
}  # fmt: skip
MOBILE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "153", "158", "159", "177", "180", "186", "188", "189", "199")  # fmt: skip
OCCUPATIONS = {
	"old": ("退休工人", "退休职工", "务农", "无业", "退休教师", "个体户（已歇业）", "环卫工（退休返聘）"),
	"middle": (
		"建筑工人", "个体户", "外卖骑手", "工厂普工", "保安", "出租车司机", "家政服务员", "务农", "无业",
		"网约车司机", "保洁员",
	),
	"young": ("外卖骑手", "工厂普工", "快递员", "待业", "餐饮服务员", "电商客服", "装修工"),
}  # fmt: skip
ECONOMIC_STATUS = (
	"低保户", "低收入", "一般", "较困难", "收入稳定", "有退休金，收入稳定", "无固定收入", "负债较重",
)  # fmt: skip
MARITAL = {
	"old": (("Married", 50), ("Widowed", 25), ("Divorced", 10), ("Remarried", 10), ("Other", 5)),
	"middle": (("Married", 60), ("Divorced", 18), ("Remarried", 8), ("Unmarried", 9), ("Other", 5)),
	"young": (("Unmarried", 65), ("Married", 30), ("Divorced", 5)),
}
EDUCATION = {
	"old": (("Illiterate", 12), ("Semi-literate", 18), ("Primary School", 35), ("Junior Middle School", 25), ("Senior High / Technical Secondary", 10)),
	"middle": (("Primary School", 15), ("Junior Middle School", 40), ("Senior High / Technical Secondary", 30), ("Junior College", 10), ("Bachelor or Above", 5)),
	"young": (("Junior Middle School", 25), ("Senior High / Technical Secondary", 35), ("Junior College", 25), ("Bachelor or Above", 15)),
}  # fmt: skip
LIVING = {
	"old": (("Living Alone", 30), ("With Spouse", 35), ("With Adult Children", 30), ("Other", 5)),
	"middle": (("With Spouse", 35), ("With Minor Children", 35), ("With Partner", 10), ("Living Alone", 15), ("Other", 5)),
	"young": (("Living Alone", 35), ("With Partner", 25), ("Other", 40)),
}  # fmt: skip
MARITAL_ZH = {
	"Unmarried": "未婚",
	"Married": "已婚",
	"Divorced": "离异",
	"Widowed": "丧偶",
	"Remarried": "再婚",
	"Other": "分居",
}
LIVING_ZH = {
	"Living Alone": "独居",
	"With Partner": "与伴侣同住",
	"With Spouse": "与配偶同住",
	"With Adult Children": "与成年子女同住",
	"With Minor Children": "与未成年子女同住",
	"Other": "与父母同住",
}
FOREIGNERS = (
	# full name, gender, nationality, passport letter and digits, birth year, language, occupation
	("阮氏兰", "Female", "越南", "C", 7, 1986, "越南语", "服装厂普工"),
	("奥卢瓦塞云·阿德巴约", "Male", "尼日利亚", "A", 8, 1979, "英语", "外贸个体户"),
)
COMPANY_WORDS = (
	"宏达", "永盛", "鑫源", "华建", "粤通", "兴业", "德隆", "恒泰", "穗丰", "联创", "广裕", "盛和",
)  # fmt: skip
COMPANY_TRADES = ("建筑劳务", "五金制品", "服装", "物流", "装饰工程", "餐饮管理", "电子科技", "皮具")

# ---------------------------------------------------------------- matters (§7.1.1) and their service
# "refer": the referral route when such a matter is not served (§7.1.2 f, g or i)
SCENARIOS = (
	{
		"key": "wage_arrears",
		"for": ("citizen", "foreign"),
		"matter_type": "Labour and Social Security",
		"topic": "欠薪",
		"summary": (
			"{company}承建的{district}{street}项目拖欠信访人及{workers}名工友{months}个月工资，合计约{amount}元，多次向包工头讨要未果。",
			"信访人在{company}务工期间，公司以资金紧张为由拖欠其{months}个月工资约{amount}元，至今未予支付。",
		),
		"claims": ("要求用工单位尽快足额支付拖欠工资。", "要求依法追讨欠薪，并由总包单位承担清偿责任。"),
		"location": "{district}{street}{company}项目工地",
		"authority": "{district}人力资源和社会保障局",
		"law": 0.4,
		"needs": ("need_legal_advice", "need_claim_resolution", "need_emotional_support"),
		"receivers": ("{district}劳动人事争议仲裁院", "{district}法律援助处", "{district}劳动保障监察大队"),
		"goals": (
			"协助信访人整理劳动关系及欠薪证据材料",
			"链接劳动监察与法律援助资源，依法追讨欠薪",
			"缓解信访人因欠薪产生的焦虑和对立情绪",
			"协助信访人及家庭渡过短期生活困难",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "social_insurance",
		"for": ("citizen",),
		"matter_type": "Labour and Social Security",
		"topic": "社保补缴",
		"summary": (
			"信访人反映原工作单位{company}在其工作期间少缴、漏缴社会保险约{years}年，影响其退休待遇核定。",
			"信访人临近退休时发现原单位{company}未按实际工资基数缴纳社保，养老金核定偏低。",
		),
		"claims": (
			"要求原单位补缴社会保险费，并重新核定养老待遇。",
			"要求社保部门核查缴费记录并说明核定依据。",
		),
		"location": "{district}{company}",
		"authority": "{district}社会保险基金管理局",
		"law": 0.3,
		"needs": ("need_policy_guidance", "need_claim_resolution"),
		"receivers": ("{district}社会保险基金管理局", "{district}劳动保障监察大队"),
		"goals": (
			"协助信访人查询并核对参保缴费记录",
			"讲解社保补缴政策，指导其依程序申请补缴",
			"协调原单位配合出具劳动关系证明",
		),
		"refer": REFER_LEVEL,
	},
	{
		"key": "demolition",
		"for": ("citizen",),
		"matter_type": "Land Acquisition and Demolition",
		"topic": "拆迁补偿",
		"summary": (
			"信访人位于{district}{street}{village}村的自建房被纳入旧村改造范围，信访人对补偿方案中的面积认定和安置标准有异议。",
			"信访人反映{district}{street}{village}村征地时，其家庭承包地青苗及附着物补偿未足额发放，差额约{amount}元。",
		),
		"claims": ("要求重新测量房屋面积，按实际面积给予补偿安置。", "要求补发差额补偿款并公开补偿标准。"),
		"location": "{district}{street}{village}村",
		"authority": "{district}城市更新局",
		"law": 0.5,
		"needs": ("need_policy_guidance", "need_claim_resolution", "need_legal_advice"),
		"receivers": ("{district}城市更新局", "{street}征地拆迁工作组", "{district}法律援助处"),
		"goals": (
			"协助信访人了解旧改补偿安置政策及计算方式",
			"陪同信访人与改造主体协商沟通",
			"引导信访人通过复核、行政复议等合法途径表达诉求",
			"稳定信访人及家庭成员情绪",
		),
		"refer": REFER_LEVEL,
	},
	{
		"key": "housing_quality",
		"for": ("citizen",),
		"matter_type": "Housing and Urban Construction",
		"topic": "房屋质量",
		"summary": (
			"信访人所购{estate}商品房交付后出现墙体开裂、天花渗水等质量问题，开发商推诿拖延，至今未维修。",
			"{estate}多栋楼外墙瓷砖脱落，信访人作为业主代表多次要求开发商维修，开发商以过保修期为由拒绝。",
		),
		"claims": ("要求开发商限期维修并赔偿损失。", "要求住建部门督促开发商履行保修责任。"),
		"location": "{district}{street}{estate}",
		"authority": "{district}住房和城乡建设局",
		"law": 0.4,
		"needs": ("need_claim_resolution", "need_legal_advice"),
		"receivers": ("{district}住房和城乡建设局", "{district}消费者委员会"),
		"goals": (
			"协助信访人固定房屋质量问题证据",
			"协调住建部门组织开发商与业主协商维修方案",
			"跟进维修进度直至问题解决",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "property",
		"for": ("citizen", "foreign"),
		"matter_type": "Neighbourhood and Property Management",
		"topic": "物业纠纷",
		"summary": (
			"{estate}物业服务企业擅自上调物业费，并以业主欠费为由停止电梯维保，信访人等多名业主多次交涉无果。",
			"信访人租住的{estate}房屋到期退租，房东以墙面污损为由扣留押金{amount}元，双方协商未果。",
		),
		"claims": ("要求物业公司恢复电梯维保、公开收支账目。", "要求退还押金，费用争议依合同处理。"),
		"location": "{district}{street}{estate}",
		"authority": "{district}{street}办事处",
		"law": 0.2,
		"needs": ("need_claim_resolution", "need_policy_guidance"),
		"receivers": ("{street}物业管理纠纷调解委员会", "{district}住房和城乡建设局"),
		"goals": (
			"协助信访人依法表达诉求，推动与对方协商",
			"链接街道、社区召开协调会",
			"协助规范业主委员会运作",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "neighbour",
		"for": ("citizen", "foreign"),
		"matter_type": "Neighbourhood and Property Management",
		"topic": "邻里纠纷",
		"summary": (
			"信访人与楼上住户因长期漏水和夜间噪音问题发生纠纷，双方多次争吵并发生推搡，关系紧张。",
			"信访人与邻居因公共走道堆放杂物、占用消防通道问题积怨多年，近期矛盾激化。",
		),
		"claims": (
			"要求对方维修防水层并赔偿损失，停止夜间噪音扰民。",
			"要求社区督促清理杂物，调解邻里矛盾。",
		),
		"location": "{district}{street}{road}{number}号",
		"authority": "{street}人民调解委员会",
		"law": 0.2,
		"needs": ("need_neighbour_dispute", "need_emotional_support"),
		"receivers": ("{street}人民调解委员会", "{street}社区居委会"),
		"goals": ("缓和信访人与邻居的对立情绪", "协助双方通过人民调解达成协议", "修复邻里关系，预防矛盾激化"),
		"refer": REFER_SCOPE,
	},
	{
		"key": "subsistence",
		"for": ("citizen",),
		"matter_type": "Civil Affairs and Social Assistance",
		"topic": "低保申请",
		"summary": (
			"信访人因{hardship}，家庭生活困难，申请最低生活保障被认定不符合条件，对审核结果不服。",
			"信访人因{hardship}，希望获得临时救助和残疾人补贴，但不清楚申请流程，多次往返未果。",
		),
		"claims": ("要求重新核查家庭经济状况，纳入低保保障范围。", "希望获得临时救助，解决当前生活困难。"),
		"location": "{district}{street}",
		"authority": "{district}民政局",
		"law": 0.05,
		"needs": ("need_resource_linking", "need_policy_guidance", "need_emotional_support"),
		"receivers": ("{street}社会救助服务站", "{district}民政局", "{district}慈善会"),
		"goals": (
			"向信访人讲解低保认定政策，协助重新提交申请材料",
			"链接临时救助及慈善资源，缓解眼前生活困难",
			"协助家庭成员就业，提升家庭自我保障能力",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "medical",
		"for": ("citizen", "foreign"),
		"matter_type": "Healthcare",
		"topic": "医疗纠纷",
		"summary": (
			"信访人家属在{district}某医院接受手术后出现严重并发症，信访人认为医院诊疗存在过错，与院方协商赔偿未果。",
			"信访人认为{district}某医院对其母亲的病情延误诊断，要求院方道歉赔偿，院方不予认可。",
		),
		"claims": ("要求医院承担赔偿责任并公开诊疗记录。", "要求卫健部门组织调查并作出处理。"),
		"location": "{district}某医院",
		"authority": "{district}卫生健康局",
		"law": 0.6,
		"needs": ("need_legal_advice", "need_emotional_support", "need_claim_resolution"),
		"receivers": ("广州市医疗纠纷人民调解委员会", "{district}卫生健康局"),
		"goals": (
			"陪伴信访人处理家属病情带来的情绪冲击",
			"引导信访人通过医疗纠纷人民调解或诉讼途径解决争议",
			"协助申请医疗救助，减轻医疗费用负担",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "school",
		"for": ("citizen",),
		"matter_type": "Education",
		"topic": "学位申请",
		"summary": (
			"信访人随迁子女因积分不足未获{district}公办学校学位，信访人认为积分核算有误。",
			"信访人反映其子女就读的{district}某小学以学位紧张为由要求转学，家长难以接受。",
		),
		"claims": ("要求重新核算积分，安排就近公办学位。", "要求教育部门说明学位安排依据。"),
		"location": "{district}{street}",
		"authority": "{district}教育局",
		"law": 0.0,
		"needs": ("need_policy_guidance",),
		"receivers": ("{district}教育局",),
		"goals": (
			"协助信访人核对积分材料，指导其依程序申请复核",
			"链接民办学校学位补贴政策资源",
			"缓解信访人对子女入学问题的焦虑",
		),
		"refer": REFER_LEVEL,
	},
	{
		"key": "police_case",
		"for": ("citizen", "foreign"),
		"matter_type": "Public Security and Justice",
		"topic": "案件办理",
		"summary": (
			"信访人反映其被他人以投资理财名义骗取{amount}元，报案后{months}个月未见进展。",
			"信访人反映其与他人发生纠纷被打伤，认为派出所处理不公，对调解结果不服。",
		),
		"claims": ("要求公安机关加快侦办，追回被骗款项。", "要求重新处理纠纷，依法追究对方责任。"),
		"location": "{district}{street}",
		"authority": "{district}公安分局",
		"law": 1.0,
		"needs": ("need_legal_advice", "need_emotional_support"),
		"receivers": ("{district}公安分局", "{district}法律援助处"),
		"goals": (
			"引导信访人通过法定程序了解案件办理进度",
			"疏导信访人因受骗或受伤产生的焦虑情绪",
			"链接法律援助，协助其依法主张权利",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "rural",
		"for": ("citizen",),
		"matter_type": "Rural and Agricultural Affairs",
		"topic": "集体收益分配",
		"summary": (
			"信访人反映{village}村集体土地出租收益长期不公开，其户口迁出后被取消股份分红。",
			"信访人反映{village}村经济社将其承包的鱼塘另行发包，未给予任何补偿。",
		),
		"claims": ("要求村集体公开收支账目，恢复其股份分红资格。", "要求恢复承包经营权或给予合理补偿。"),
		"location": "{district}{street}{village}村",
		"authority": "{district}农业农村局",
		"law": 0.3,
		"needs": ("need_policy_guidance", "need_claim_resolution"),
		"receivers": ("{street}农村集体资产交易管理中心", "{district}农村土地承包仲裁委员会"),
		"goals": (
			"协助信访人了解集体经济组织成员资格认定政策",
			"推动村集体与信访人协商分配问题",
			"引导信访人依法申请调解或仲裁",
		),
		"refer": REFER_LEVEL,
	},
	{
		"key": "environment",
		"for": ("citizen",),
		"matter_type": "Environment",
		"topic": "油烟噪音",
		"summary": (
			"信访人住所楼下{shop}长期排放油烟、夜间噪音扰民，家中老人无法休息，多次投诉未解决。",
			"信访人反映住所附近工地夜间违规施工，噪音严重影响居民休息。",
		),
		"claims": ("要求执法部门依法查处，督促商户整改。", "要求工地停止夜间施工，落实降噪措施。"),
		"location": "{district}{street}{road}{number}号",
		"authority": "{district}生态环境分局",
		"law": 0.0,
		"needs": ("need_neighbour_dispute", "need_claim_resolution"),
		"receivers": ("{district}城市管理和综合执法局", "{district}生态环境分局"),
		"goals": ("协助信访人向执法部门规范反映问题", "推动商户或施工方与居民协商整改", "跟进整改效果并回访"),
		"refer": REFER_SCOPE,
	},
	{
		"key": "restructuring",
		"for": ("citizen",),
		"matter_type": "Enterprise Restructuring",
		"topic": "改制补偿",
		"summary": (
			"信访人原为{factory}职工，{year}年企业改制时被买断工龄，认为经济补偿标准过低，现生活困难。",
			"信访人反映{factory}改制时未为其办理内退手续，导致其医疗保障中断多年。",
		),
		"claims": ("要求按现行标准补发经济补偿金，解决医疗保障问题。", "要求补办内退手续并接续医疗保险。"),
		"location": "原{factory}",
		"authority": "广州市国有资产监督管理委员会",
		"law": 0.3,
		"needs": ("need_policy_guidance", "need_resource_linking", "need_emotional_support"),
		"receivers": ("广州市国有资产监督管理委员会", "{district}人力资源和社会保障局"),
		"goals": (
			"向信访人讲解企业改制时期的政策依据",
			"链接医疗救助及社区资源，解决实际困难",
			"引导信访人理性表达诉求",
		),
		"refer": REFER_LEVEL,
	},
	{
		"key": "official_conduct",
		"for": ("citizen",),
		"matter_type": "Conduct of Officials",
		"topic": "干部作风",
		"summary": (
			"信访人举报{district}{street}某工作人员在{benefit}审批中优亲厚友、收受好处。",
			"信访人反映{street}某村干部在{benefit}评定中弄虚作假，侵害群众利益。",
		),
		"claims": ("要求纪检监察机关调查核实并依纪依法处理。",),
		"location": "{district}{street}",
		"authority": "{district}纪委监委",
		"law": 0.0,
		"needs": (),
		"receivers": ("{district}纪委监委",),
		"goals": ("协助信访人规范提交检举材料",),
		"refer": REFER_DISCIPLINE,
	},
	{
		"key": "family",
		"for": ("citizen",),
		"matter_type": "Other",
		"topic": "家庭矛盾",
		"summary": (
			"信访人与子女因赡养及房产分配问题矛盾激化，多次到信访接待场所哭诉，自述“活着没意思”。",
			"信访人与前配偶因子女抚养费问题长期纠纷，情绪低落，多次在接待场所情绪失控。",
		),
		"claims": ("希望政府出面协调子女履行赡养义务。", "要求对方按判决支付抚养费。"),
		"location": "{district}{street}",
		"authority": "{street}社区居委会",
		"law": 0.3,
		"needs": ("need_family_relations", "need_emotional_support", "need_crisis_intervention"),
		"receivers": ("{district}心理援助热线", "{street}人民调解委员会", "{district}法律援助处"),
		"goals": (
			"评估并降低信访人的自伤风险，建立安全计划",
			"协调家庭会议，促进家庭成员履行义务",
			"重建信访人的社区支持网络",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "project_payment",
		"for": ("legal_person",),
		"matter_type": "Housing and Urban Construction",
		"topic": "工程款拖欠",
		"summary": (
			"信访单位承接的{district}{street}市政配套工程已竣工验收，总包单位拖欠工程款约{amount_large}万元，导致单位无法按时发放工人工资。",
		),
		"claims": ("要求协调总包单位按合同支付工程款。",),
		"location": "{district}{street}市政配套工程",
		"authority": "{district}住房和城乡建设局",
		"law": 0.6,
		"needs": ("need_claim_resolution", "need_legal_advice"),
		"receivers": ("{district}住房和城乡建设局", "广州商事调解中心"),
		"goals": (
			"协助单位梳理合同及结算资料",
			"推动总包单位与信访单位协商付款计划",
			"防范因拖欠工程款引发工人群体性讨薪",
		),
		"refer": REFER_SCOPE,
	},
	{
		"key": "factory_land",
		"for": ("legal_person",),
		"matter_type": "Land Acquisition and Demolition",
		"topic": "厂房征收",
		"summary": (
			"信访单位位于{district}{street}的厂房被纳入土地整备范围，单位认为评估价格明显低于市场价。",
		),
		"claims": ("要求重新评估厂房及设备搬迁补偿。",),
		"location": "{district}{street}某工业园",
		"authority": "{district}土地开发中心",
		"law": 0.5,
		"needs": ("need_policy_guidance", "need_claim_resolution"),
		"receivers": ("{district}土地开发中心", "{district}司法局行政复议办公室"),
		"goals": (
			"协助单位了解土地整备补偿政策",
			"推动评估机构说明评估依据",
			"引导单位通过行政复议等途径表达异议",
		),
		"refer": REFER_LEVEL,
	},
	{
		"key": "land_boundary",
		"for": ("other_organisation",),
		"matter_type": "Rural and Agricultural Affairs",
		"topic": "土地权属",
		"summary": ("{village}村经济合作社反映相邻村在其集体土地上违规搭建厂房，双方土地权属争议多年未决。",),
		"claims": ("要求确认土地权属并拆除违法建筑。",),
		"location": "{district}{street}{village}村",
		"authority": "{district}规划和自然资源局",
		"law": 0.5,
		"needs": ("need_claim_resolution", "need_legal_advice"),
		"receivers": ("{district}规划和自然资源局", "{street}人民调解委员会"),
		"goals": (
			"协助合作社整理土地权属证明材料",
			"推动两村在街道主持下协商",
			"引导通过土地权属争议调处程序解决",
		),
		"refer": REFER_LEVEL,
	},
)
HARDSHIPS = (
	"本人患病丧失劳动能力",
	"配偶去世、独自抚养未成年子女",
	"下岗失业多年且身患慢性病",
	"子女患重病需长期治疗",
)
SHOPS = ("烧烤店", "大排档", "茶餐厅", "KTV", "夜宵档")
FACTORIES = ("广州某国营纺织厂", "广州某国营机械厂", "广州某国营电池厂", "广州某国营造纸厂")
BENEFITS = ("低保", "困难补助", "宅基地", "公租房")

TEMPERAMENTS = {
	"calm": (
		"情绪基本平稳，能够理性表达诉求。",
		"举止得体，配合登记，无过激行为。",
		"语言表达清晰，思路有条理，能提供书面材料。",
	),
	"anxious": (
		"焦虑明显，反复询问处理时限，夜间睡眠差。",
		"坐立不安，多次打断登记，要求当场给出答复。",
		"表达较急促，思维集中于诉求本身，难以接受分阶段处理。",
	),
	"angry": (
		"情绪激动，对相关部门存在明显的不信任和对立情绪。",
		"言辞激烈，曾扬言到市、省上访，有拍桌子等行为。",
		"认为“不闹解决不了问题”，存在以偏概全的非理性信念。",
	),
	"low": (
		"情绪低落，多次哭泣，自述“活着没意思”。",
		"少言寡语，回避目光，对未来缺乏期望。",
		"思维消极，反复自责，需关注自伤风险。",
	),
}
QUOTES = (
	"我只想讨个说法",
	"再拖下去一家人都没法过了",
	"我跑了很多部门都没人管",
	"政府应该给我们做主",
	"我不是来闹事的",
)
THEORIES = (
	"危机介入理论",
	"任务中心模式",
	"优势视角",
	"生态系统理论",
	"理性情绪疗法",
	"社会支持网络理论",
	"增能理论",
)
STRATEGIES = (
	"以个案管理统筹服务：先稳定情绪、建立信任，再协助梳理诉求和证据，链接相关部门依法依规处理。",
	"运用任务中心模式，将诉求拆分为可完成的阶段任务，与信访人共同推进并定期检视。",
	"从优势视角出发，发掘信访人及家庭的资源与能力，协助其通过合法途径表达和解决诉求。",
	"针对非理性信念开展认知调整，同时链接法律、政策资源，推动问题实质性化解。",
)
SCREENING_COMMENTS = {
	DECIDE_OPEN: (
		"同意开案，按计划开展服务。",
		"同意开案，注意评估信访人情绪风险。",
		"同意开案，请两周内完成服务计划。",
	),
	DECIDE_REFER: ("同意转介，请做好解释和跟进回访。", "同意按程序转送有权处理机关。"),
	DECIDE_NOT_ACCEPTED: ("同意不予受理，请做好解释疏导工作。", "同意，注意信访人后续动向。"),
}
RETURN_COMMENTS = (
	"请补充信访人既往信访经历及家庭支持情况的评估后再提交。",
	"筛查第(h)项依据不足，请核实是否涉法涉诉后再提交。",
	"需求分析过于笼统，请结合理论细化后再提交。",
)
INTERVIEW_PURPOSES = {
	"early": (
		"建立专业关系，了解{topic}问题的来龙去脉",
		"评估信访人情绪状况及家庭支持情况",
		"澄清信访人核心诉求，讲解服务流程",
	),
	"middle": (
		"跟进{topic}问题办理进度，反馈相关部门答复",
		"陪同信访人与相关部门沟通",
		"开展情绪疏导，调整非理性信念",
	),
	"late": (
		"回顾服务过程，评估目标达成情况",
		"告知结案安排，讨论后续支持",
		"确认问题解决情况，做好结案准备",
	),
}
INTERVIEW_RECORDS = {
	"early": (
		"{interviewee}讲述了{topic}问题的来龙去脉，情绪{mood}，多次提到“{quote}”。社工以倾听和共情回应，澄清其核心诉求，并说明社工的角色与服务范围。",
		"社工与{interviewee}一起梳理了已有材料和过往反映情况，了解其家庭及经济状况。{interviewee}表示愿意配合社工服务。",
	),
	"middle": (
		"社工反馈了{authority}的答复意见，并逐条解释相关政策。{interviewee}情绪较上次平稳，表示愿意按程序等待处理结果。",
		"社工陪同{interviewee}到{authority}了解办理进度，工作人员现场作了说明。{interviewee}对进展基本认可，但仍担心落实问题。",
		"本次会谈重点处理{interviewee}“{quote}”的想法，社工运用认知调整技术，引导其看到已取得的进展。",
	),
	"late": (
		"社工与{interviewee}共同回顾服务过程，{topic}问题已有明确处理结果。{interviewee}对社工服务表示感谢，同意结案。",
		"{interviewee}表示目前生活已基本恢复正常，社工告知结案后可随时联系社工站，并约定一个月后电话回访。",
	),
}
ASSESSMENTS = (
	"信访人诉求基本合理，情绪逐步稳定，需继续跟进办理进度。",
	"信访人对政策理解有偏差，经解释后有所接受，仍需巩固。",
	"信访人家庭支持较弱，需加强社区支持网络建设。",
	"信访人非理性信念有所松动，情绪风险可控。",
)
FOLLOW_UPS = (
	"一周后电话跟进，了解部门答复情况。",
	"下次会谈前联系相关部门核实进度。",
	"两周后家访，评估家庭关系变化。",
	"继续观察情绪变化，必要时启动危机干预预案。",
)
SUPERVISOR_OPINIONS = (
	"同意社工评估，注意跟进信访人情绪变化。",
	"记录较完整，建议补充家庭支持系统的评估。",
	"下一步重点链接法律援助资源，避免信访人采取过激行为。",
	"会谈目标清晰，同意后续计划。",
	"注意保护信访人隐私，对外沟通须征得其书面同意。",
)
RELATIVES = ("配偶", "儿子", "女儿", "兄弟", "姐妹")
REFERRAL_OUTCOMES = {
	"Completed": (
		"接收单位已作出书面处理意见，信访人表示接受。",
		"已由接收单位调解结案，双方签订协议并履行。",
		"接收单位已立案处理并向信访人反馈结果，社工已回访确认。",
	),
	"Declined": (
		"接收单位答复不属其受理范围，社工已另行引导信访人向有权机关反映。",
		"接收单位以材料不全为由退回，社工协助补充材料后另行处理。",
	),
}
CLOSURE_TYPES = (
	("Goals Met", 60),
	("Client Ended the Service", 14),
	("Moved Away", 8),
	("Other", 10),
	("Deceased", 4),
)
ACHIEVEMENTS = {
	"Goals Met": (("Achieved", 80), ("Partly Achieved", 20)),
	"Client Ended the Service": (("Partly Achieved", 50), ("Not Achieved", 50)),
	"Moved Away": (("Partly Achieved", 60), ("Not Achieved", 40)),
	"Deceased": (("Partly Achieved", 50), ("Not Achieved", 50)),
	"Other": (("Achieved", 50), ("Partly Achieved", 50)),
	"Referred": (("Partly Achieved", 60), ("Not Achieved", 40)),
}
ACHIEVEMENT_REMARKS = {
	"Achieved": ("目标已达成，信访人认可。", "按计划完成，回访确认。"),
	"Partly Achieved": ("已取得阶段性进展，后续由相关部门跟进。", "部分完成，信访人仍有顾虑。"),
	"Not Achieved": ("因客观原因未能达成。", "信访人中止服务，未能完成。"),
}
PROGRESS_FOR = {"Achieved": "Done", "Partly Achieved": "In Progress", "Not Achieved": "In Progress"}
REFLECTIONS = (
	"本案中及早建立信任关系是服务得以推进的关键；今后应更早链接法律资源，缩短信访人等待时间。",
	"信访人诉求涉及多个部门，社工在协调中体会到联动机制的重要性，建议建立定期联席沟通。",
	"服务中对信访人情绪风险的评估较及时，但家庭系统介入不足，今后需加强家庭层面的工作。",
	"本案体现了“合理诉求解决到位、不合理诉求教育到位”的原则，社工在政策解释方面仍需提升。",
)
EVALUATIONS = (
	"服务过程规范，记录完整，目标达成情况符合预期，同意结案。",
	"社工能够运用专业方法化解矛盾，信访人满意度较高，同意结案并纳入优秀个案。",
	"服务基本达到预期，部分目标受客观条件限制未完全达成，同意结案，请做好回访。",
	"转介衔接顺畅，后续由接收单位跟进，同意结案。",
)


@dataclass
class PetitionerSeed:
	"""One petitioner to create, with what the case texts need to know about them."""

	values: dict
	kind: str  # citizen, foreign, legal_person, other_organisation
	district: str  # region code of the Guangzhou district they live in
	age: int | None = None
	speaker: str = ""  # who speaks for them in interviews
	home: dict = field(default_factory=dict)  # street and village of a village organisation


@dataclass
class CasePlan:
	"""One Petition Intake to create and the steps it goes through, each on its own day."""

	seq: int
	petitioner: int
	target: str
	route: str
	worker: str
	assignee: str
	scenario: dict
	fill: dict
	rng: random.Random
	channel: str = "Visit"
	repeat_kind: str | None = None
	first_of_pair: "CasePlan | None" = None
	matter: dict = field(default_factory=dict)
	steps: list = field(default_factory=list)  # (day, action, payload)


def make_demo(seed: int = 2025, petitioners: int = 100) -> dict:
	"""Create the demo staff, `petitioners` petitioners and their cases; return what was made.

	Returns {"doctypes": {doctype: count}, "case_states": {state: count}, "interview_states": …,
	"referral_statuses": …, "repeat_petitions": n}.
	"""
	if petitioners < 1:
		frappe.throw(_("The demo needs at least one petitioner."))
	emails = [demo_email(user_id) for user_id, _name, _role in STAFF]
	refuse_if_demo_exists(emails)

	rng = random.Random(seed)  # nosec B311  # seeded on purpose: the same seed gives the same demo set
	seeds, cases = plan_demo(rng, petitioners)
	logger = frappe.logger("petition_social_work")
	logger.info(f"demo: seed {seed}, {len(seeds)} petitioners, {len(cases)} cases planned")

	site_language = frappe.local.lang
	try:
		frappe.set_user("Administrator")
		ensure_staff()
		frappe.local.lang = DEMO_LANGUAGE  # the staff work in Chinese: texts the rules store follow it
		DemoPlayer(seeds, cases).play()
	finally:
		frappe.local.lang = site_language
		frappe.set_user("Administrator")
	frappe.db.commit()  # nosemgrep: frappe-manual-commit  # a bench command: persist the demo set

	counts = demo_counts(emails)
	logger.info(f"demo: made {counts}")
	return counts


def demo_email(user_id: str) -> str:
	return f"{user_id}@{DEMO_DOMAIN}"


def refuse_if_demo_exists(emails: list[str]) -> None:
	existing = frappe.get_all(
		INTAKE,
		or_filters={"owner": ("in", emails), "responsible_worker": ("in", emails)},
		pluck="name",
		limit=1,
	)
	if existing:
		frappe.throw(
			_("This site already has demo cases (for example {0}): use a fresh site for the demo.").format(
				existing[0]
			),
			title=_("Demo Already Made"),
		)


# ---------------------------------------------------------------- planning: pure, from the seeded rng
def plan_demo(rng: random.Random, count: int) -> tuple[list[PetitionerSeed], list[CasePlan]]:
	kinds = petitioner_kinds(rng, count)
	used = {"ids": set(), "phones": set()}
	foreigners = iter(FOREIGNERS)
	seeds = [make_petitioner_seed(rng, kind, used, foreigners) for kind in kinds]

	targets = state_deck(rng, count)
	workers = [demo_email(user_id) for user_id, _name, role in STAFF if role == SOCIAL_WORKER]
	cases: list[CasePlan] = []
	for index, petitioner in enumerate(seeds):
		worker = rng.choice(workers)
		first = plan_case(rng, len(cases), index, petitioner, targets[index], worker, workers)
		cases.append(first)
		follow_up = plan_follow_up(rng, len(cases), first, petitioner, workers)
		if follow_up:
			cases.append(follow_up)
	return seeds, cases


def petitioner_kinds(rng: random.Random, count: int) -> list[str]:
	"""Mostly citizens; a few organisations (§3.1) and one or two foreigners (§7.1.2 k)."""
	organisations = count // 25 if count >= 25 else int(count >= 10)
	foreign = min(2, count // 20) if count >= 10 else 0
	kinds = ["citizen"] * count
	special = rng.sample(range(count), organisations + foreign)
	for position, index in enumerate(special):
		if position < foreign:
			kinds[index] = "foreign"
		elif position == len(special) - 1 and organisations >= 3:
			kinds[index] = "other_organisation"
		else:
			kinds[index] = "legal_person"
	return kinds


def state_deck(rng: random.Random, count: int) -> list[str]:
	"""The state each petitioner's first case ends in: every state once, then by weight."""
	deck = [state for state, _weight in STATE_WEIGHTS][:count]
	while len(deck) < count:
		deck.append(pick(rng, STATE_WEIGHTS))
	rng.shuffle(deck)
	return deck


def make_petitioner_seed(rng: random.Random, kind: str, used: dict, foreigners) -> PetitionerSeed:
	if kind == "foreign":
		return foreign_seed(rng, next(foreigners), used)
	if kind in ("legal_person", "other_organisation"):
		return organisation_seed(rng, kind, used)
	return citizen_seed(rng, used)


def citizen_seed(rng: random.Random, used: dict) -> PetitionerSeed:
	gender = "Male" if rng.random() < 0.52 else "Female"
	born = birth_date(rng)
	age = age_on(born, DEMO_TODAY)
	era = "old" if born.year < 1962 else ("middle" if born.year < 1985 else "young")
	full_name = pick(rng, SURNAMES) + rng.choice(GIVEN_NAMES[(gender, era)])

	if rng.random() < 0.82:
		region = pick(rng, GUANGZHOU_WEIGHTS)
		district = region if rng.random() < 0.7 else pick(rng, GUANGZHOU_WEIGHTS)
		language, language_other = ("Cantonese", None) if rng.random() < 0.75 else ("Mandarin", None)
	else:
		region, language, language_other = rng.choice(HOMETOWNS)
		district = pick(rng, GUANGZHOU_WEIGHTS)

	id_number = unique(used["ids"], lambda: mainland_id(rng, region, born, gender))
	marital = pick(rng, MARITAL[era])
	living = pick(rng, LIVING[era])
	values = {
		"petitioner_type": "Citizen",
		"full_name": full_name,
		"gender": gender,
		"birth_month": born.replace(day=1),
		"id_type": "Mainland ID Card",
		"id_number": id_number,
		"phone": unique(used["phones"], lambda: phone_number(rng)),
		"address": home_address(rng, district),
		"occupation": rng.choice(OCCUPATIONS[era]),
		"economic_status": rng.choice(ECONOMIC_STATUS),
		"language": language,
		"language_other": language_other,
		"marital_status": marital,
		"marital_status_other": "长期分居" if marital == "Other" else None,
		"education": pick(rng, EDUCATION[era]),
		"living_situation": living,
		"living_situation_other": "与父母同住" if living == "Other" else None,
	}
	return PetitionerSeed(values, "citizen", district, age, full_name)


def birth_date(rng: random.Random) -> date:
	"""1940–2004, most petitioners in middle or old age."""
	year = int(rng.triangular(1940, 2005, 1962))
	first = date(year, 1, 1)
	return first + timedelta(days=rng.randrange((date(year + 1, 1, 1) - first).days))


def mainland_id(rng: random.Random, region: str, born: date, gender: str) -> str:
	"""GB 11643: region, birth date, a serial whose last digit is odd for men, and the check character."""
	serial = f"{rng.randrange(100):02d}{rng.choice('13579' if gender == 'Male' else '02468')}"
	first17 = f"{region}{born:%Y%m%d}{serial}"
	return first17 + id_check_char(first17)


def phone_number(rng: random.Random) -> str:
	if rng.random() < 0.1:
		return f"020-{rng.choice('38')}{rng.randrange(10**7):07d}"
	return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def home_address(rng: random.Random, district: str) -> str:
	name, streets, roads = GUANGZHOU[district]
	street = rng.choice(streets)
	if street.endswith("镇"):
		return f"广州市{name}{street}{rng.choice(VILLAGES)}村{rng.randint(1, 12)}巷{rng.randint(1, 40)}号"
	return (
		f"广州市{name}{street}{rng.choice(roads)}{rng.randint(1, 480)}号"
		f"{rng.randint(1, 12)}栋{rng.randint(1, 32)}{rng.randint(1, 8):02d}房"
	)


def foreign_seed(rng: random.Random, foreigner: tuple, used: dict) -> PetitionerSeed:
	full_name, gender, nationality, letter, digits, year, language, occupation = foreigner
	passport = unique(
		used["ids"], lambda: letter + "".join(rng.choice("0123456789") for _digit in range(digits))
	)
	district = rng.choice(("440104", "440111"))  # Xiaobei and Sanyuanli, where most foreign traders live
	values = {
		"petitioner_type": "Citizen",
		"full_name": full_name,
		"gender": gender,
		"birth_month": date(year, rng.randint(1, 12), 1),
		"is_foreign": 1,
		"nationality": nationality,
		"id_type": "Passport",
		"id_number": passport,
		"phone": unique(used["phones"], lambda: phone_number(rng)),
		"address": home_address(rng, district),
		"occupation": occupation,
		"economic_status": rng.choice(("一般", "较困难", "无固定收入")),
		"language": "Other",
		"language_other": language,
		"marital_status": rng.choice(("Married", "Unmarried")),
		"education": rng.choice(("Senior High / Technical Secondary", "Junior College")),
		"living_situation": rng.choice(("Living Alone", "With Spouse")),
	}
	return PetitionerSeed(values, "foreign", district, age_on(values["birth_month"], DEMO_TODAY), full_name)


def organisation_seed(rng: random.Random, kind: str, used: dict) -> PetitionerSeed:
	district = pick(rng, GUANGZHOU_WEIGHTS)
	name, streets, roads = GUANGZHOU[district]
	contact = pick(rng, SURNAMES) + rng.choice(GIVEN_NAMES[(rng.choice(("Male", "Female")), "middle")])
	street, home = rng.choice(streets), {}
	if kind == "other_organisation":
		home = {"street": street, "village": rng.choice(VILLAGES)}
		full_name = f"广州市{name}{street}{home['village']}村经济合作社"
		address = f"广州市{name}{street}{home['village']}村村民委员会办公楼"
		prefix, petitioner_type = "N2", "Other Organisation"
	else:
		full_name = f"广州市{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}有限公司"
		address = f"广州市{name}{street}{rng.choice(roads)}{rng.randint(1, 480)}号{rng.randint(1, 9)}楼"
		prefix, petitioner_type = "91", "Legal Person"
	values = {
		"petitioner_type": petitioner_type,
		"full_name": full_name,
		"id_type": "Unified Social Credit Code",
		"id_number": unique(used["ids"], lambda: social_credit_code(rng, prefix, district)),
		"phone": unique(used["phones"], lambda: phone_number(rng)),
		"address": address,
		"economic_status": rng.choice(("经营困难", "正常经营", "资金周转困难")),
		"language": rng.choice(("Cantonese", "Mandarin")),
		"legal_representative": pick(rng, SURNAMES) + rng.choice(GIVEN_NAMES[("Male", "middle")]),
		"contact_person": contact,
	}
	return PetitionerSeed(values, kind, district, None, contact, home)


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def social_credit_code(rng: random.Random, prefix: str, region: str) -> str:
	"""GB 32100: authority and type, region, the organisation code (GB 11714) and a mod-31 check character."""
	body = "".join(rng.choice("0123456789") for _digit in range(8))
	remainder = 11 - sum(int(c) * w for c, w in zip(body, ORG_CODE_WEIGHTS, strict=True)) % 11
	org_code = body + {10: "X", 11: "0"}.get(remainder, str(remainder))
	first17 = f"{prefix}{region}{org_code}"
	total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
	return first17 + USCC_CHARS[(31 - total % 31) % 31]


def unique(seen: set, make) -> str:
	value = make()
	while value in seen:
		value = make()
	seen.add(value)
	return value


def pick(rng: random.Random, weighted):
	values, weights = zip(*weighted, strict=True)
	return rng.choices(values, weights=weights)[0]


def plan_case(
	rng: random.Random,
	seq: int,
	index: int,
	petitioner: PetitionerSeed,
	target: str,
	worker: str,
	workers: list[str],
	scenario: dict | None = None,
) -> CasePlan:
	route = route_for(rng, target, petitioner)
	if scenario and route == REFER_DISCIPLINE:
		route = scenario["refer"]
	scenario = scenario or scenario_for(rng, route, petitioner)
	case = CasePlan(
		seq=seq,
		petitioner=index,
		target=target,
		route=route,
		worker=worker,
		assignee=worker if rng.random() < 0.8 else rng.choice(workers),
		scenario=scenario,
		fill=scenario_fill(rng, petitioner),
		rng=random.Random(rng.getrandbits(64)),  # nosec B311  # demo data from the seeded plan, not secrets
		channel=channel_for(rng, petitioner),
	)
	case.matter = matter_fields(case)
	case.steps = case_steps(rng, case)
	anchor(rng, case)
	return case


def route_for(rng: random.Random, target: str, petitioner: PetitionerSeed) -> str:
	if target in (lifecycle.IN_SERVICE, lifecycle.CLOSING_REVIEW, lifecycle.CLOSED):
		route = OPEN
	elif target == lifecycle.NOT_ACCEPTED:
		route = NOT_ACCEPT
	elif target == lifecycle.REFERRED_OUT:
		route = pick(rng, ((REFER_SCOPE, 2), (REFER_LEVEL, 2), (REFER_DISCIPLINE, 2), (CLOSE_REFERRED, 4)))
	else:
		route = pick(
			rng, ((OPEN, 70), (NOT_ACCEPT, 10), (REFER_SCOPE, 8), (REFER_LEVEL, 6), (REFER_DISCIPLINE, 6))
		)
	if route == REFER_DISCIPLINE and petitioner.kind != "citizen":
		route = REFER_SCOPE
	return route


def scenario_for(rng: random.Random, route: str, petitioner: PetitionerSeed) -> dict:
	fitting = [s for s in SCENARIOS if petitioner.kind in s["for"]]
	if route == REFER_DISCIPLINE:
		fitting = [s for s in fitting if s["refer"] == REFER_DISCIPLINE]
	else:
		fitting = [s for s in fitting if s["refer"] != REFER_DISCIPLINE]
	if route in (REFER_SCOPE, REFER_LEVEL):
		fitting = [s for s in fitting if s["refer"] == route] or fitting
	return rng.choice(fitting)


def scenario_fill(rng: random.Random, petitioner: PetitionerSeed) -> dict:
	"""The values a matter's texts are filled with; the problem lies mostly where the petitioner lives."""
	district = petitioner.district if rng.random() < 0.7 or petitioner.home else pick(rng, GUANGZHOU_WEIGHTS)
	name, streets, roads = GUANGZHOU[district]
	fill = {
		"district": name,
		"street": rng.choice(streets),
		"road": rng.choice(roads),
		"number": rng.randint(1, 480),
		"village": rng.choice(VILLAGES),
		"estate": rng.choice(ESTATES),
		"company": f"广州市{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}有限公司",
		"amount": f"{rng.randint(6, 180) * 1000:,}",
		"amount_large": rng.randint(80, 900),
		"months": rng.randint(2, 14),
		"years": rng.randint(2, 9),
		"workers": rng.randint(3, 20),
		"hardship": rng.choice(HARDSHIPS),
		"shop": rng.choice(SHOPS),
		"factory": rng.choice(FACTORIES),
		"year": rng.randint(1998, 2004),
		"benefit": rng.choice(BENEFITS),
		"court": f"{name}人民法院",
	}
	return {**fill, **petitioner.home}


def channel_for(rng: random.Random, petitioner: PetitionerSeed) -> str:
	if petitioner.kind in ("legal_person", "other_organisation"):
		return pick(rng, (("Letter", 4), ("Visit", 3), ("Online", 2), ("Fax", 1)))
	return pick(rng, (("Visit", 56), ("Phone", 15), ("Online", 13), ("Letter", 14), ("Fax", 2)))


def matter_fields(case: CasePlan) -> dict:
	"""§7.1.1: matter type, problem location, competent authority; what repeat detection compares."""
	fill, scenario = case.fill, case.scenario
	variant = case.rng.randrange(len(scenario["summary"]))  # a summary and the claims that go with it
	return {
		"matter_type": scenario["matter_type"],
		"problem_location": scenario["location"].format(**fill),
		"competent_authority": scenario["authority"].format(**fill),
		"summary": scenario["summary"][variant].format(**fill),
		"claims": scenario["claims"][variant % len(scenario["claims"])].format(**fill),
		"law_related": case.rng.random() < scenario["law"]
		or (case.route == NOT_ACCEPT and scenario["law"] >= 0.5),
	}


def case_steps(rng: random.Random, case: CasePlan) -> list[tuple]:
	"""The steps of a case as (day offset from registration, action, payload), up to its target state."""
	target, steps = case.target, [(0, "register", {})]
	if target == lifecycle.REGISTERED:
		return steps
	day = rng.randint(0, 2)
	steps.append((day, "start_screening", {}))
	if target == lifecycle.SCREENING:
		steps.append((day + rng.randint(1, 5), "screen", {"complete": rng.random() < 0.4, "submit": False}))
		return steps
	day += rng.randint(1, 6)
	steps.append((day, "screen", {"complete": True, "submit": True}))
	if target == lifecycle.AWAITING_SIGN_OFF:
		return steps
	if rng.random() < 0.12:
		day += rng.randint(1, 3)
		steps.append((day, "return", {}))
		day += rng.randint(1, 4)
		steps.append((day, "resubmit", {}))
	day += rng.randint(1, 5)
	steps.append((day, "sign_off", {}))
	if case.route not in (OPEN, CLOSE_REFERRED):
		return steps
	return steps + service_steps(rng, case, day)


def service_steps(rng: random.Random, case: CasePlan, opened: int) -> list[tuple]:
	"""Plan, interviews with their reviews, referrals, and the closure where the case gets that far."""
	closing = case.target in (lifecycle.CLOSING_REVIEW, lifecycle.CLOSED) or case.route == CLOSE_REFERRED
	day = opened + rng.randint(2, 8)
	steps = [(day, "plan", {})]

	count = {lifecycle.IN_SERVICE: rng.randint(1, 5), lifecycle.CLOSING_REVIEW: rng.randint(3, 6)}.get(
		case.target, rng.randint(2, 4) if case.route == CLOSE_REFERRED else rng.randint(3, 7)
	)
	interview_days = []
	for k in range(count):
		day += rng.randint(0, 5) if k == 0 else rng.randint(7, 21)
		interview_days.append(day)
		last = k == count - 1
		if closing:
			# the supervisor reviews every session before closing; a case in closing review may still wait
			submit, reviewed = True, case.target != lifecycle.CLOSING_REVIEW or rng.random() < 0.85
		elif last:
			submit = rng.random() < 0.7
			reviewed = submit and rng.random() < 0.4
		else:
			submit, reviewed = True, rng.random() < 0.7
		steps.append((day, "interview", {"k": k, "phase": phase_of(k, count, closing), "submit": submit}))
		if reviewed:
			steps.append((day + rng.randint(1, 5), "review", {"k": k}))

	steps += referral_steps(rng, case, interview_days)
	if closing:
		request = max(d for d, _a, _p in steps) + rng.randint(3, 12)
		steps.append((request, "request_closure", {}))
		if case.target != lifecycle.CLOSING_REVIEW:
			steps.append((request + rng.randint(2, 8), "close", {}))
	return steps


def phase_of(k: int, count: int, closing: bool) -> str:
	if k == 0:
		return "early"
	return "late" if closing and k == count - 1 else "middle"


def referral_steps(rng: random.Random, case: CasePlan, interview_days: list[int]) -> list[tuple]:
	"""§6.4: referrals sent at an interview, answered, and for accepted ones completed with the outcome."""
	if case.route == CLOSE_REFERRED:
		finals = [rng.choice(("Accepted", "Completed"))]
	else:
		finals = [None] * pick(rng, ((0, 50), (1, 40), (2, 10)))
		ended = case.target == lifecycle.CLOSED
		statuses = (
			(("Completed", 70), ("Declined", 30))
			if ended
			else (("Sent", 25), ("Accepted", 25), ("Completed", 30), ("Declined", 20))
		)
		finals = [pick(rng, statuses) for _final in finals]

	steps = []
	for r, final in enumerate(finals):
		sent = rng.choice(interview_days[1:] or interview_days) + (r * rng.randint(3, 10))
		steps.append((sent, "refer", {"r": r}))
		if final == "Sent":
			continue
		answered = sent + rng.randint(3, 12)
		steps.append(
			(
				answered,
				"referral_reply",
				{"r": r, "status": "Declined" if final == "Declined" else "Accepted"},
			)
		)
		if final == "Completed":
			steps.append((answered + rng.randint(7, 30), "referral_complete", {"r": r}))
	return steps


def anchor(rng: random.Random, case: CasePlan) -> None:
	"""Turn day offsets into dates: cases in progress end recently, ended ones anywhere in the past year."""
	length = max(day for day, _a, _p in case.steps)
	window = RECENT_WINDOW.get(case.target)
	last = DEMO_TODAY - timedelta(days=rng.randint(1, window) if window else rng.randint(7, 330))
	shift(case, last - timedelta(days=length))


def shift(case: CasePlan, start: date) -> None:
	"""Place the case so that its registration falls on `start` (offsets on first call, dates after)."""
	first = case.steps[0][0]
	delta = start - first if isinstance(first, date) else None
	case.steps = [
		((day + delta) if delta is not None else start + timedelta(days=day), action, payload)
		for day, action, payload in case.steps
	]


def start_of(case: CasePlan) -> date:
	return case.steps[0][0]


def end_of(case: CasePlan) -> date:
	return max(day for day, _a, _p in case.steps)


def day_of(case: CasePlan, action: str) -> date | None:
	return next((day for day, a, _p in case.steps if a == action), None)


def plan_follow_up(
	rng: random.Random, seq: int, first: CasePlan, petitioner: PetitionerSeed, workers: list[str]
) -> CasePlan | None:
	"""A later case of the same petitioner: a repeat visit on the same matter (§3.4), or another matter."""
	repeatable = petitioner.kind in ("citizen", "foreign") and first.route in (OPEN, NOT_ACCEPT)
	kind = {
		lifecycle.CLOSED: pick(rng, ((REPEAT_AFTER_CLOSURE, 6), (REOPENED_MATTER, 4))),
		lifecycle.IN_SERVICE: WITHIN_HANDLING_PERIOD,
		lifecycle.NOT_ACCEPTED: AFTER_REFUSAL,
	}.get(first.target)
	if repeatable and kind and rng.random() < 0.35:
		return plan_repeat(rng, seq, first, petitioner, kind)
	if rng.random() < 0.07:
		target = pick(rng, STATE_WEIGHTS)
		other = [s for s in SCENARIOS if petitioner.kind in s["for"] and s["key"] != first.scenario["key"]]
		other = [s for s in other if s["refer"] != REFER_DISCIPLINE]
		if other:
			return plan_case(
				rng, seq, first.petitioner, petitioner, target, first.worker, workers, rng.choice(other)
			)
	return None


def plan_repeat(
	rng: random.Random, seq: int, first: CasePlan, petitioner: PetitionerSeed, kind: str
) -> CasePlan:
	"""The second visit on the same matter: the first case is moved so that it comes before, as it must."""
	target = {
		REPEAT_AFTER_CLOSURE: lifecycle.NOT_ACCEPTED,
		WITHIN_HANDLING_PERIOD: lifecycle.NOT_ACCEPTED,
		REOPENED_MATTER: rng.choice(
			(lifecycle.REGISTERED, lifecycle.SCREENING, lifecycle.AWAITING_SIGN_OFF, lifecycle.IN_SERVICE)
		),
		AFTER_REFUSAL: rng.choice((lifecycle.SCREENING, lifecycle.AWAITING_SIGN_OFF)),
	}[kind]
	first.channel = "Visit"  # §3.4: only visits make a repeat petition
	second = CasePlan(
		seq=seq,
		petitioner=first.petitioner,
		target=target,
		route=NOT_ACCEPT if target == lifecycle.NOT_ACCEPTED or kind == AFTER_REFUSAL else OPEN,
		worker=first.worker,
		assignee=first.assignee,
		scenario=first.scenario,
		fill=first.fill,
		rng=random.Random(rng.getrandbits(64)),  # nosec B311  # demo data from the seeded plan, not secrets
		repeat_kind=kind,
		first_of_pair=first,
	)
	second.matter = {**first.matter, "summary": "再次来访反映：" + first.matter["summary"]}
	second.steps = case_steps(rng, second)
	anchor(rng, second)

	if kind == WITHIN_HANDLING_PERIOD:
		opened = day_of(first, "sign_off")
		latest = DEMO_TODAY - timedelta(days=end_of(second).toordinal() - start_of(second).toordinal() + 2)
		if opened + timedelta(days=10) <= latest:
			shift(second, opened + timedelta(days=rng.randint(10, (latest - opened).days)))
			return second
		second.repeat_kind = REPEAT_AFTER_CLOSURE  # no room before the demo ends: the first case ends first
	gap = timedelta(days=rng.randint(10, 90))
	if end_of(first) + gap > start_of(second):
		shift(first, start_of(first) - (end_of(first) + gap - start_of(second)))
	return second


# ---------------------------------------------------------------- playing the plan through the app's rules
class DemoPlayer:
	"""Takes every planned step in date order, as the user who takes it, through the real rules."""

	def __init__(self, seeds: list[PetitionerSeed], cases: list[CasePlan]):
		self.seeds = seeds
		self.cases = cases
		self.supervisor = demo_email("supervisor")
		self.run_started = now_datetime()
		self.petitioners: dict[int, str] = {}
		self.intakes: dict[int, str] = {}
		self.plans: dict[int, str] = {}
		self.interviews: dict[tuple[int, int], str] = {}
		self.referrals: dict[tuple[int, int], str] = {}
		self.closures: dict[int, str] = {}
		self.actions = {
			"register": self.register,
			"start_screening": self.start_screening,
			"screen": self.screen,
			"return": self.return_to_screening,
			"resubmit": self.resubmit,
			"sign_off": self.sign_off,
			"plan": self.make_plan,
			"interview": self.interview,
			"review": self.review_interview,
			"refer": self.refer,
			"referral_reply": self.referral_reply,
			"referral_complete": self.referral_complete,
			"request_closure": self.request_closure,
			"close": self.close,
		}

	def play(self) -> None:
		for at, case, action, payload in timed_steps(self.cases):
			try:
				self.actions[action](case, at, payload)
				drop_queued_desk_updates()
			except Exception:
				frappe.logger("petition_social_work").error(
					f"demo: step {action} of case {self.intakes.get(case.seq, case.seq)} on {at:%Y-%m-%d} failed"
				)
				raise

	# -- registration and screening (§7.1.1, §7.1.2)
	def register(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.worker)
		petitioner = self.petitioner_for(case, at)
		seed, rng, matter = self.seeds[case.petitioner], case.rng, case.matter
		source = pick(
			rng, (("Self-referred", 45), ("Outreach or Reception", 35), ("Referred by Person or Unit", 20))
		)
		temperament = self.temperament(case)
		emotion, behaviour, thinking = TEMPERAMENTS[temperament]
		visits = self.visit_history(case, at.date())
		values = {
			"doctype": INTAKE,
			"petitioner": petitioner,
			"first_contact_date": at.date(),
			"petition_channel": case.channel,
			"case_source": source,
			"matter_type": matter["matter_type"],
			"problem_location": matter["problem_location"],
			"competent_authority": matter["competent_authority"],
			"matter_summary": matter["summary"],
			"claims": matter["claims"],
			"help_seeking_history": self.help_seeking_history(
				case, visited=len(visits) > bool(case.first_of_pair)
			),
			"visit_history": visits,
			"emotion": emotion,
			"behaviour": behaviour,
			"language_and_thinking": thinking,
			"case_background": self.background(case, seed),
			**{
				need: 1
				for need in case.scenario["needs"]
				if need != "need_crisis_intervention" or temperament == "low"
			},
			**self.source_details(case, source),
		}
		if rng.random() < 0.08:
			values.update(
				{"need_other": 1, "need_other_detail": rng.choice(("就业指导", "子女托管", "住房租赁咨询"))}
			)
		intake = frappe.get_doc(values).insert()
		self.intakes[case.seq] = intake.name
		if seed.kind == "citizen" and case.seq % 3 == 0:
			self.attach_genogram(intake.name, seed)
		self.stamp(INTAKE, intake.name, at, created=True)

	def attach_genogram(self, intake: str, seed: PetitionerSeed) -> None:
		"""Appendix A background: the worker attaches the family's genogram, a private file."""
		genogram = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"genogram-{intake}.svg",
				"attached_to_doctype": INTAKE,
				"attached_to_name": intake,
				"attached_to_field": "genogram",
				"is_private": 1,
				"content": genogram_svg(seed),
			}
		).insert()
		frappe.db.set_value(INTAKE, intake, "genogram", genogram.file_url, update_modified=False)

	def petitioner_for(self, case: CasePlan, at: datetime) -> str:
		"""The petitioner is registered with their first case, by the worker who registers it."""
		if case.petitioner not in self.petitioners:
			doc = frappe.get_doc({"doctype": "Petitioner", **self.seeds[case.petitioner].values}).insert()
			self.petitioners[case.petitioner] = doc.name
			self.stamp("Petitioner", doc.name, at, created=True)
		return self.petitioners[case.petitioner]

	def temperament(self, case: CasePlan) -> str:
		if case.scenario["key"] == "family":
			return "low"
		if case.repeat_kind:
			return pick(case.rng, (("angry", 60), ("anxious", 40)))
		return pick(case.rng, (("calm", 45), ("anxious", 35), ("angry", 15), ("low", 5)))

	def help_seeking_history(self, case: CasePlan, visited: bool) -> str:
		"""Appendix A petition history, in line with the earlier visits recorded."""
		fill, rng = case.fill, case.rng
		if case.first_of_pair:
			first = self.intakes.get(case.first_of_pair.seq)
			return f"曾于{start_of(case.first_of_pair):%Y年%m月}就同一事项来访（{first}），本次为再次来访。"
		if visited:
			return rng.choice(
				(
					f"曾向{case.matter['competent_authority']}反映，获答复按政策处理，信访人不满意。",
					f"曾到{fill['street']}办事处和{fill['district']}信访局反映，未获明确答复。",
				)
			)
		return rng.choice(
			(
				"首次求助，此前未向任何部门反映。",
				"曾拨打12345政务服务热线反映，工单已办结，信访人认为问题未实际解决。",
			)
		)

	def visit_history(self, case: CasePlan, day: date) -> list[dict]:
		rng, fill = case.rng, case.fill
		rows = []
		if case.first_of_pair:
			rows.append(
				{
					"visit_date": start_of(case.first_of_pair),
					"department": f"{fill['district']}信访局",
					"level": "District",
					"channel": "Visit",
					"result": "已登记，社工介入服务",
				}
			)
		for _visit in range(pick(rng, ((0, 50), (1, 35), (2, 15)))):
			rows.append(
				{
					"visit_date": day - timedelta(days=rng.randint(30, 700)),
					"department": rng.choice(
						(case.matter["competent_authority"], f"{fill['street']}办事处", "广州市信访局")
					),
					"level": rng.choice(("Town / Street", "District", "City")),
					"channel": rng.choice(("Visit", "Phone", "Letter", "Online")),
					"result": rng.choice(
						(
							"已受理，答复按政策处理",
							"告知通过诉讼途径解决",
							"未获明确答复",
							"已转交属地街道处理",
						)
					),
				}
			)
		return sorted(rows, key=lambda row: row["visit_date"])

	def background(self, case: CasePlan, seed: PetitionerSeed) -> str:
		values = seed.values
		if seed.kind in ("legal_person", "other_organisation"):
			return f"{values['full_name']}由{values['legal_representative']}任负责人，本次由{values['contact_person']}代表单位反映问题，单位目前{values['economic_status']}。"
		marital = MARITAL_ZH.get(values.get("marital_status"), "婚姻状况不详")
		living = LIVING_ZH.get(values.get("living_situation"), "居住情况不详")
		return f"信访人{seed.age}岁，{marital}，{living}，职业为{values.get('occupation')}，经济状况{values.get('economic_status')}。{case.matter['summary']}"

	def source_details(self, case: CasePlan, source: str) -> dict:
		fill, rng = case.fill, case.rng
		if source == "Self-referred":
			return {"case_source_detail": f"信访人自行到{fill['district']}信访接待大厅求助"}
		if source == "Outreach or Reception":
			return {
				"case_source_detail": rng.choice(
					(f"社工在{fill['street']}开展社区走访时发现", "信访接待窗口引导至社工站")
				)
			}
		unit = rng.choice(
			(
				f"{fill['street']}办事处",
				f"{fill['district']}信访局",
				f"{fill['street']}社区居委会",
				f"{fill['district']}司法局",
			)
		)
		return {
			"case_source_detail": f"由{unit}转介",
			"referrer_unit": unit,
			"referrer_contact_person": pick(rng, SURNAMES) + rng.choice(("主任", "科长", "专干")),
			"referrer_contact": f"020-{rng.choice('38')}{rng.randrange(10**7):07d}",
		}

	def start_screening(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.worker)
		apply_workflow(frappe.get_doc(INTAKE, self.intakes[case.seq]), "Start Screening")
		self.stamp(INTAKE, self.intakes[case.seq], at)

	def screen(self, case: CasePlan, at: datetime, payload: dict) -> None:
		"""§7.1.2 a–e assessment, f–l screening answers and the decision; then, if planned, to sign-off."""
		as_user(case.worker)
		intake = frappe.get_doc(INTAKE, self.intakes[case.seq])
		intake.update(self.assessment(case, intake.help_seeking_history))
		answers = self.screening_answers(case, at.date())
		if not payload["complete"]:
			answers = {
				k: answers[k]
				for k in ("within_scope", "screen_competent_level", "screen_law_related", "judicial_guidance")
				if k in answers
			}
		intake.update(answers)
		intake.save()
		if payload["submit"]:
			apply_workflow(intake, "Submit for Sign-off")
		self.stamp(INTAKE, intake.name, at)

	def assessment(self, case: CasePlan, history: str) -> dict:
		seed, rng, topic = self.seeds[case.petitioner], case.rng, case.scenario["topic"]
		if seed.kind in ("legal_person", "other_organisation"):
			body = f"单位经营受{topic}问题影响较大，联系人{seed.speaker}承受较大压力，情绪{rng.choice(('尚稳定', '焦虑', '急躁'))}。"
			environment = "单位内部对诉求意见一致，与相关部门保持沟通渠道。"
		else:
			health = rng.choice(
				(
					"患有高血压、糖尿病等慢性病",
					"身体状况一般，行动不便",
					"身体健康状况尚可",
					"长期失眠，食欲差",
				)
				if (seed.age or 0) >= 60
				else ("身体健康状况尚可", "长期失眠，偶有头痛", "有腰椎劳损，无法从事重体力劳动")
			)
			body = f"信访人{seed.age}岁，{health}；因{topic}问题{rng.choice(('长期焦虑', '情绪波动较大', '对相关部门存在不信任感'))}。"
			environment = rng.choice(
				(
					"家庭成员关系尚可，子女愿意配合；与社区居委会联系较少。",
					"家庭支持较弱，亲属多在外地；邻里关系一般。",
					"配偶身体不好需要照顾，家庭经济压力大；社区网格员较熟悉其情况。",
				)
			)
		return {
			"assessment_bio_psycho_social": body,
			"assessment_experience": history,
			"assessment_environment": environment,
			"assessment_problems_needs": f"核心诉求为：{case.matter['claims']}同时存在{rng.choice(('情绪疏导', '政策咨询', '资源链接', '法律咨询'))}需要。",
			"assessment_strengths": rng.choice(
				(
					"表达能力较好，保存有较完整的书面材料。",
					"有解决问题的意愿，愿意尝试通过合法途径表达诉求。",
					"子女和社区能够提供一定支持。",
				)
			),
		}

	def screening_answers(self, case: CasePlan, day: date) -> dict:
		"""Answers consistent with the case's route; the rules derive repeat (j) and foreign (k) again."""
		rng, route, matter, fill = case.rng, case.route, case.matter, case.fill
		law = matter["law_related"]
		answers = {
			"within_scope": "No" if route == REFER_SCOPE else "Yes",
			"screen_competent_level": "No" if route == REFER_LEVEL else "Yes",
			"screen_law_related": "Yes" if law else "No",
			"screen_discipline": "Yes" if route == REFER_DISCIPLINE else "No",
			"screen_repeat": "Yes" if case.repeat_kind else "No",
			"screen_foreign": "Yes" if self.seeds[case.petitioner].kind == "foreign" else "No",
			"screen_not_accepted": "Yes" if route == NOT_ACCEPT else "No",
			"worker_analysis": f"{case.scenario['topic']}问题{rng.choice(('诉求基本合理', '部分诉求缺乏政策依据', '诉求合理但期望偏高'))}，信访人{rng.choice(('情绪风险较低', '存在一定情绪风险', '有越级上访倾向'))}。",
			"needs_analysis": f"运用{rng.choice(THEORIES)}分析，信访人当前最迫切的需要是{rng.choice(('问题得到依法处理', '情绪得到理解和疏导', '生活困难得到缓解', '获得准确的政策信息'))}。",
			"worker_signed_on": day,
		}
		if law:
			answers["judicial_guidance"] = (
				f"已告知信访人该争议可依法向{fill['court']}提起诉讼或申请仲裁，并介绍法律援助的申请条件和渠道。"
			)

		if route in (OPEN, CLOSE_REFERRED):
			goals = case.scenario["goals"]
			answers.update(
				{
					"decision": DECIDE_OPEN,
					"assigned_worker": case.assignee,
					"plan_goals": "；".join(goals[:3]),
					"plan_strategy": rng.choice(STRATEGIES),
					"plan_evaluation_method": "目标达成率评估、会谈记录分析、结案前满意度回访",
				}
			)
		elif route == NOT_ACCEPT:
			answers.update(
				{"decision": DECIDE_NOT_ACCEPTED, "decision_reason": self.refusal_reason(case, law)}
			)
		else:
			receiver = case.scenario["receivers"][0].format(**fill)
			reason = {
				REFER_SCOPE: f"该事项涉及{case.scenario['topic']}专业处理，超出本机构服务范围和能力，转介{receiver}跟进。",
				REFER_LEVEL: f"该事项属{matter['competent_authority']}职权范围，不属本级处理，引导信访人向有权处理的机关提出。",
				REFER_DISCIPLINE: f"该事项属对公职人员的检举控告，依规转{receiver}处理。",
			}[route]
			answers.update({"decision": DECIDE_REFER, "decision_reason": reason})
		return answers

	def refusal_reason(self, case: CasePlan, law: bool) -> str:
		"""§7.1.2 l: why the matter is not, or no longer, accepted."""
		if case.repeat_kind == WITHIN_HANDLING_PERIOD:
			return "同一事项正在办理期限内，依规不重复受理，已告知信访人办理进度。"
		if case.repeat_kind:
			return f"同一事项已于{start_of(case.first_of_pair):%Y年%m月}受理办理，信访人再次来访未提出新的事实和理由，依规不再受理，已做好解释疏导。"
		if law:
			return "该事项已进入诉讼程序，属于应当通过诉讼途径解决的事项，依规不予受理，已告知信访人依法行使诉讼权利。"
		return f"该事项已经{case.matter['competent_authority']}办理终结并经复查复核，信访人未提出新的事实和理由，依规不再受理。"

	def return_to_screening(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(self.supervisor)
		intake = frappe.get_doc(INTAKE, self.intakes[case.seq])
		intake.supervisor_comment = case.rng.choice(RETURN_COMMENTS)
		intake.save()
		apply_workflow(intake, "Return to Screening")
		self.stamp(INTAKE, intake.name, at)

	def resubmit(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.worker)
		intake = frappe.get_doc(INTAKE, self.intakes[case.seq])
		intake.assessment_experience = (
			intake.assessment_experience or ""
		) + "经补充了解，信访人此前曾多次电话反映，家属支持其通过合法途径解决。"
		intake.worker_signed_on = at.date()
		intake.save()
		apply_workflow(intake, "Submit for Sign-off")
		self.stamp(INTAKE, intake.name, at)

	def sign_off(self, case: CasePlan, at: datetime, payload: dict) -> None:
		"""Appendix A 项目负责人签批: the supervisor approves the decision the worker recorded."""
		as_user(self.supervisor)
		intake = frappe.get_doc(INTAKE, self.intakes[case.seq])
		intake.supervisor_comment = case.rng.choice(SCREENING_COMMENTS[intake.decision])
		intake.save()
		intake = apply_workflow(intake, SIGN_OFF_ACTIONS[intake.decision])
		opened = {"opened_on": at.date()} if intake.workflow_state == lifecycle.IN_SERVICE else {}
		self.stamp(INTAKE, intake.name, at, signed_off_on=at, **opened)

	# -- service (§7.1.3, §7.1.4, §6.4)
	def make_plan(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.assignee)
		rng, fill, scenario = case.rng, case.fill, case.scenario
		goals = list(scenario["goals"])
		if len(goals) < 4:
			goals.append("稳定信访人情绪，建立专业信任关系")
		goals = rng.sample(goals, min(len(goals), rng.randint(2, 4)))
		plan = frappe.get_doc(
			{
				"doctype": PLAN,
				"petition_intake": self.intakes[case.seq],
				"theme": f"{scenario['topic']}个案服务计划",
				"theory": rng.choice(THEORIES),
				"aims": f"协助信访人通过合法途径解决{scenario['topic']}问题，恢复情绪稳定与社会功能。",
				"goals": [
					{
						"goal": goal,
						"tasks": rng.choice(
							(
								"收集材料、联系部门、定期反馈",
								"会谈疏导、家访评估、链接资源",
								"陪同办理、跟进进度、回访确认",
							)
						),
						"assigned_to": case.assignee,
						"target_date": at.date() + timedelta(days=rng.randint(30, 120)),
						"indicator": rng.choice(
							(
								"信访人确认问题已处理",
								"相关部门出具书面答复",
								"情绪量表得分下降",
								"信访人按约参加会谈",
							)
						),
						"progress": "Not Started",
					}
					for goal in goals
				],
				"client_system": f"信访人{self.seeds[case.petitioner].speaker}及其家庭",
				"target_system": f"{case.matter['competent_authority']}及相关单位",
				"action_system": f"社工、{fill['street']}社区居委会、法律援助律师、心理咨询师",
				"intervention_strategy": rng.choice(STRATEGIES),
				"resources": "街道综治中心、法律援助处、社区居委会、慈善会等",
				"risks_and_responses": "信访人情绪易激动，存在越级上访风险；社工保持每周联系，如出现过激言行及时报告督导并启动应急预案。",
				"evaluation_indicators": "目标达成率；信访人满意度；非理性信访行为是否减少",
				"evaluation_methods": "前后测量表、会谈记录分析、满意度回访",
			}
		).insert()
		self.plans[case.seq] = plan.name
		self.stamp(PLAN, plan.name, at, created=True)

	def interview(self, case: CasePlan, at: datetime, payload: dict) -> None:
		"""Appendix B: the worker records a session and, when done, sends it for the supervisor's review."""
		as_user(case.assignee)
		rng, seed, phase = case.rng, self.seeds[case.petitioner], payload["phase"]
		place = "Client's Home" if rng.random() < 0.35 else "Other"
		form = pick(
			rng, (("Face to Face", 60), ("Phone", 20), ("Accompanying", 8), ("QQ / WeChat", 10), ("Other", 2))
		)
		interviewee, relation = seed.speaker, "本人"
		if seed.kind in ("legal_person", "other_organisation"):
			relation = "单位联系人"
		elif rng.random() < 0.15:
			interviewee, relation = (
				pick(rng, SURNAMES) + rng.choice(GIVEN_NAMES[("Female", "middle")]),
				rng.choice(RELATIVES),
			)
		words = {
			"interviewee": interviewee,
			"topic": case.scenario["topic"],
			"authority": case.matter["competent_authority"],
			"quote": rng.choice(QUOTES),
			"mood": rng.choice(("激动", "低落", "焦虑", "较平稳")),
		}
		interview = frappe.get_doc(
			{
				"doctype": INTERVIEW,
				"petition_intake": self.intakes[case.seq],
				"interview_date": at.date(),
				"interview_time": at.strftime("%H:%M:00"),
				"interviewee": interviewee,
				"interviewee_contact": seed.values.get("phone"),
				"relation_to_client": relation,
				"place": place,
				"place_detail": rng.choice(("社工站会谈室", "街道信访接待室", "社区居委会", "信访人工作单位"))
				if place == "Other"
				else None,
				"purpose": rng.choice(INTERVIEW_PURPOSES[phase]).format(**words),
				"interview_form": form,
				"interview_form_detail": "视频通话" if form == "Other" else None,
				"record": rng.choice(INTERVIEW_RECORDS[phase]).format(**words),
				"overall_assessment": rng.choice(ASSESSMENTS),
				"follow_up_plan": rng.choice(FOLLOW_UPS),
				"worker_signed_on": at.date(),
			}
		).insert()
		self.interviews[(case.seq, payload["k"])] = interview.name
		if payload["submit"]:
			apply_workflow(interview, "Submit for Review")
		self.stamp(INTERVIEW, interview.name, at, created=True)
		if payload["k"] >= 1:
			self.advance_plan(case, at)

	def advance_plan(self, case: CasePlan, at: datetime) -> None:
		"""§7.1.4 c: progress on the plan is followed; one goal moves on after each later session."""
		plan = frappe.get_doc(PLAN, self.plans[case.seq])
		pending = [row for row in plan.goals if row.progress != "Done"]
		if not pending:
			return
		row = pending[0]
		row.progress = (
			"In Progress" if row.progress == "Not Started" else case.rng.choice(("In Progress", "Done"))
		)
		plan.save()
		self.stamp(PLAN, plan.name, at)

	def review_interview(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(self.supervisor)
		interview = frappe.get_doc(INTERVIEW, self.interviews[(case.seq, payload["k"])])
		interview.supervisor_opinion = case.rng.choice(SUPERVISOR_OPINIONS)
		interview.save()
		apply_workflow(interview, "Approve")
		self.stamp(INTERVIEW, interview.name, at, reviewed_on=at)

	def refer(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.assignee)
		rng, fill = case.rng, case.fill
		receivers = case.scenario["receivers"]
		referred_to = receivers[payload["r"] % len(receivers)].format(**fill)
		reason = "Beyond the Organisation's Scope"
		if case.route == CLOSE_REFERRED and rng.random() < 0.3:
			reason = "Outside the Service Area"
		self.record_disclosure_consent(case, at, referred_to, payload["r"])
		referral = frappe.get_doc(
			{
				"doctype": REFERRAL,
				"petition_intake": self.intakes[case.seq],
				"status": "Sent",
				"referral_date": at.date(),
				"referred_to": referred_to,
				"receiver_contact": f"{pick(rng, SURNAMES)}{rng.choice(('科长', '主任', '调解员'))} 020-{rng.choice('38')}{rng.randrange(10**7):07d}",
				"reason": reason,
				"reason_detail": f"{case.scenario['topic']}问题需由{referred_to}依职责处理，社工负责衔接和跟进反馈。",
				"follow_up_due": at.date() + timedelta(days=rng.randint(14, 30)),
			}
		).insert()
		self.referrals[(case.seq, payload["r"])] = referral.name
		self.stamp(REFERRAL, referral.name, at, created=True)

	def record_disclosure_consent(self, case: CasePlan, at: datetime, referred_to: str, r: int) -> None:
		"""§4.5: the petitioner's written consent to disclose to the receiving body, signed and attached."""
		intake = self.intakes[case.seq]
		signed = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"书面同意书-{intake}-{r}.pdf",
				"is_private": 1,
				"content": f"%PDF-1.4 signed consent {intake} {r}".encode(),
			}
		).insert()
		consent = frappe.get_doc(
			{
				"doctype": "Consent Record",
				"petitioner": frappe.db.get_value(INTAKE, intake, "petitioner"),
				"petition_intake": intake,
				"consent_type": "Disclosure to an Outside Body",
				"disclosed_to": referred_to,
				"purpose": "转介处理",
				"scope": "姓名、联系电话、诉求摘要",
				"valid_from": at.date(),
				"signed_consent": signed.file_url,
			}
		).insert()
		self.stamp("Consent Record", consent.name, at, created=True)

	def referral_reply(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.assignee)
		referral = frappe.get_doc(REFERRAL, self.referrals[(case.seq, payload["r"])])
		referral.status = payload["status"]
		referral.responded_on = at.date()
		if payload["status"] == "Declined":
			referral.outcome = case.rng.choice(REFERRAL_OUTCOMES["Declined"])
		referral.save()
		self.stamp(REFERRAL, referral.name, at)

	def referral_complete(self, case: CasePlan, at: datetime, payload: dict) -> None:
		as_user(case.assignee)
		referral = frappe.get_doc(REFERRAL, self.referrals[(case.seq, payload["r"])])
		referral.status = "Completed"
		referral.outcome = case.rng.choice(REFERRAL_OUTCOMES["Completed"])
		referral.save()
		self.stamp(REFERRAL, referral.name, at, completed_on=at.date())

	# -- closure (§7.1.4 j, Appendix C)
	def request_closure(self, case: CasePlan, at: datetime, payload: dict) -> None:
		"""The worker fills the closure form against the plan's goals, then asks for closure on the case."""
		as_user(case.assignee)
		rng, seed = case.rng, self.seeds[case.petitioner]
		referred = case.route == CLOSE_REFERRED
		closure_type = "Referred" if referred else pick(rng, CLOSURE_TYPES)
		if closure_type == "Deceased" and (seed.age or 0) < 70:
			closure_type = "Goals Met"

		values = {
			"doctype": CLOSURE,
			"petition_intake": self.intakes[case.seq],
			"category": "Referral Out" if referred else "Case Ended",
			"closed_on": at.date(),
			"closure_type": closure_type,
			"closure_type_detail": "信访人与对方达成和解，主动撤回信访事项"
			if closure_type == "Other"
			else None,
			"resources_linked": "、".join(r.format(**case.fill) for r in case.scenario["receivers"]),
			"departments_contacted": case.matter["competent_authority"],
			"worker_reflection": rng.choice(REFLECTIONS),
			"worker_signed_on": at.date(),
		}
		if referred:
			referral = frappe.db.get_value(REFERRAL, self.referrals[(case.seq, 0)], "reason")
			values[
				"reason_outside_area" if referral == "Outside the Service Area" else "reason_beyond_scope"
			] = 1
		closure = frappe.get_doc(values).insert()

		for row in closure.goals:
			row.achievement = pick(rng, ACHIEVEMENTS[closure_type])
			row.remark = rng.choice(ACHIEVEMENT_REMARKS[row.achievement])
		closure.save()
		self.closures[case.seq] = closure.name
		self.record_final_progress(case, closure, at)

		apply_workflow(frappe.get_doc(INTAKE, self.intakes[case.seq]), "Request Closure")
		self.stamp(CLOSURE, closure.name, at, created=True)
		self.stamp(INTAKE, self.intakes[case.seq], at)

	def record_final_progress(self, case: CasePlan, closure, at: datetime) -> None:
		plan = frappe.get_doc(PLAN, self.plans[case.seq])
		achieved = {row.service_plan_goal: row.achievement for row in closure.goals}
		for row in plan.goals:
			row.progress = PROGRESS_FOR.get(achieved.get(row.name), row.progress)
		plan.save()
		self.stamp(PLAN, plan.name, at)

	def close(self, case: CasePlan, at: datetime, payload: dict) -> None:
		"""The supervisor evaluates and submits the closure form, which closes the case."""
		as_user(self.supervisor)
		closure = frappe.get_doc(CLOSURE, self.closures[case.seq])
		closure.closed_on = at.date()
		closure.organisation_evaluation = case.rng.choice(
			EVALUATIONS[3:] if case.route == CLOSE_REFERRED else EVALUATIONS[:3]
		)
		closure.submit()
		self.stamp(CLOSURE, closure.name, at, project_lead_signed_on=at)
		self.stamp(INTAKE, self.intakes[case.seq], at)

	# -- the demo calendar
	def stamp(self, doctype: str, name: str, at: datetime, created: bool = False, **values) -> None:
		"""Move what the rules stamped with the clock onto the demo calendar, so every run gives the same set.

		The record's own timestamps, the values named, and the comments and versions this step added.
		"""
		values["modified"] = at
		if created:
			values["creation"] = at
		frappe.db.set_value(doctype, name, values, update_modified=False)

		comment, version = frappe.qb.DocType("Comment"), frappe.qb.DocType("Version")
		(
			frappe.qb.update(comment)
			.set(comment.creation, at)
			.set(comment.modified, at)
			.where(
				(comment.reference_doctype == doctype)
				& (comment.reference_name == name)
				& (comment.creation >= self.run_started)
			)
		).run()
		(
			frappe.qb.update(version)
			.set(version.creation, at)
			.set(version.modified, at)
			.where(
				(version.ref_doctype == doctype)
				& (version.docname == name)
				& (version.creation >= self.run_started)
			)
		).run()


def timed_steps(cases: list[CasePlan]):
	"""Every step of every case in date order, each at a time of the working day."""
	ordered = sorted(
		(
			(day, case.seq, order, action, payload)
			for case in cases
			for order, (day, action, payload) in enumerate(case.steps)
		),
		key=lambda step: step[:3],
	)
	by_seq = {case.seq: case for case in cases}
	previous, later = None, 0
	for day, seq, _order, action, payload in ordered:
		later = later + 1 if (day, seq) == previous else 0
		previous = (day, seq)
		# a time between 08:30 and 15:30 that varies by case and day; a case's steps of one day in order
		minutes = (seq * 97 + day.toordinal() * 53) % 420 + later * 12
		yield datetime.combine(day, WORKDAY_START) + timedelta(minutes=minutes), by_seq[seq], action, payload


def genogram_svg(seed: PetitionerSeed) -> str:
	"""A small genogram: the petitioner (bold outline) and, when married, the spouse joined by a line."""
	values = seed.values
	people = [(values["gender"], values["full_name"], 3)]
	if values.get("marital_status") in ("Married", "Remarried"):
		people.append(("Female" if values["gender"] == "Male" else "Male", "配偶", 1))
	shapes = []
	for index, (gender, label, width) in enumerate(people):
		x = 40 + index * 100
		outline = (
			f'<rect x="{x - 15}" y="25" width="30" height="30"'
			if gender == "Male"
			else f'<circle cx="{x}" cy="40" r="15"'
		)
		shapes.append(f'{outline} fill="none" stroke="black" stroke-width="{width}"/>')
		shapes.append(f'<text x="{x}" y="75" text-anchor="middle" font-size="12">{escape_html(label)}</text>')
	if len(people) == 2:
		shapes.append('<line x1="55" y1="40" x2="125" y2="40" stroke="black"/>')
	return f'<svg xmlns="http://www.w3.org/2000/svg" width="180" height="90">{"".join(shapes)}</svg>'


def drop_queued_desk_updates() -> None:
	"""Empty the desk updates Frappe queues until commit: no desk sees the demo before its one commit.

	NOTE: the queue is a list scanned on every append, so over a whole demo run it would cost more than
	anything else; it is emptied in place, which keeps Frappe's flush at commit working.
	"""
	queued = getattr(frappe.local, "_realtime_log", None)
	if queued:
		queued.clear()


def as_user(user: str) -> None:
	if frappe.session.user != user:
		frappe.set_user(user)


def ensure_staff() -> None:
	"""The demo's users: four workers, a supervisor, a manager and a liaison (kept if they already exist)."""
	for user_id, full_name, role in STAFF:
		email = demo_email(user_id)
		if frappe.db.exists("User", email):
			user = frappe.get_doc("User", email)
			if role not in [r.role for r in user.roles]:
				user.add_roles(role)
			continue
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": full_name,
				"language": DEMO_LANGUAGE,
				"send_welcome_email": 0,
				"new_password": DEMO_PASSWORD,
				"roles": [{"role": role}],
			}
		).insert()


def demo_counts(emails: list[str]) -> dict:
	"""What the demo users made: records per DocType, cases per state, interviews and referrals per status."""
	made_by_demo = {"owner": ("in", emails)}
	return {
		"doctypes": {
			"User": frappe.db.count("User", {"name": ("in", emails)}),
			**{doctype: frappe.db.count(doctype, made_by_demo) for doctype in DEMO_DOCTYPES},
		},
		"case_states": {
			state: count
			for state, count in zip(
				CASE_STATES, count_by(INTAKE, "workflow_state", made_by_demo, CASE_STATES), strict=True
			)
		},
		"interview_states": count_map(INTERVIEW, "workflow_state", made_by_demo),
		"referral_statuses": count_map(REFERRAL, "status", made_by_demo),
		"closures_submitted": frappe.db.count(CLOSURE, {**made_by_demo, "docstatus": 1}),
		"repeat_petitions": frappe.db.count(INTAKE, {**made_by_demo, "is_repeat_petition": 1}),
	}


def count_by(doctype: str, fieldname: str, filters: dict, keys) -> list[int]:
	counts = count_map(doctype, fieldname, filters)
	return [counts.get(key, 0) for key in keys]


def count_map(doctype: str, fieldname: str, filters: dict) -> dict:
	rows = frappe.get_all(
		doctype,
		filters=filters,
		fields=[fieldname, "count(name) as count"],
		group_by=fieldname,
		order_by=fieldname,
		as_list=True,
	)
	return {value: count for value, count in rows}
