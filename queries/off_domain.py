"""Questions a story tells in a village but asks of someone else: a doctor, an agronomist, a court, labour
arbitration, 12315, the medical insurance fund, the social insurance schemes, a housing estate's owners and its
property management company; and short questions that ask only a policy's figure or standard, which its department
publishes.

A village named in the story does not make the question a village duty. "村医开了降压药……要不要去大医院换药"
asks a doctor; "借给同村熟人的钱要不回来" and "包工头欠的工钱找谁要" ask a court or labour arbitration;
"商家不退款去哪投诉" asks 12315. Each rule reads the last two asking sentences (where a story's question stands),
and a civil rule stands aside when public money, land or the village's own act is told: "村里发征地补偿款不给我，
这钱能要回来吗" is the village's matter in the same words.
"""
from __future__ import annotations

import re

# a question that asks about a treatment (which medicine, whether to stop it, which hospital) asks a doctor, not
# who is responsible: the village clinic or the village doctor a story names does not make it a village duty
TREATMENT_ASKED = re.compile(r"(吃|用|贴)(点|些)?(啥|什么|哪种|哪个)(药|膏)|换药|停药|贴膏|药[^，。？?！!]{0,6}(停|一直吃)|(去|上|到)[^，。？?！!]{0,6}医院(看|换|检查|治)|怎么治|能治好|"
                             r"(吊水|输液|打针|吊针)[^，。？?！!]{0,4}(管用|有用|能好)|(多久|多长时间)[^，。？?！!]{0,6}(送医|就医|去医院|送医院)")
# a question about a crop's pests or diseases ("荔枝起白霉该喷什么药") asks the agricultural extension station, not the village
CROP_TREATMENT = re.compile(r"(喷|打|用)(点|些)?(啥|什么|哪种|哪个)(农)?药|病虫害|(虫害|病害)[^，。？?！!]{0,4}(怎么|咋|如何)(治|防|办)")
# a question that asks how much the medical insurance pays back, or where a bill is claimed ("新农合一万块能报多少",
# "异地住院回本地什么部门报销", "低保的二次报销去哪里") asks the insurance fund's rules (医疗保障部门), not a village duty:
# the village only helps people enrol (its 协助 item). Asked of the village's own act ("村里不给报") it is not that.
MEDICAL_CLAIM = re.compile(r"(新农合|合作医疗|医保|医疗保险|大病保险|意外险|住院|医药费|医疗费)[^。？?！!]{0,12}(报销|能报|报多少|起付线)|"
                           r"二次报销|报销比例|(报销|能报)[^。？?！!，]{0,4}(多少|比例)")
# a question that asks what a social insurance costs or pays ("2021年合作医疗农村缴费多少钱", "农村老年金怎么交",
# "养老金发放标准2024年") asks the scheme's rules, which the human resources and social security department (pensions)
# and the medical insurance department set each year: the village only helps people enrol and pay (its 协助 item)
INSURANCE_RATE = re.compile(r"(养老保险|养老金|老年金|合作医疗|新农合|医保|医疗保险|社保)[^。？?！!]{0,12}"
                            r"(多少|好多|几多|标准|档次|(怎么|咋|如何)(交|缴|算)|每月|一个月)")
VILLAGE_ACT = re.compile(r"村委|村里|村干部|组里|组长|书记|主任|会计")
# a question that asks how to get one's money back or be compensated (借款, 彩礼, 工钱, 损失) from a private party is a
# civil claim for the courts, not a village duty, unless public money is at stake or the story tells of the village,
# the town or a cadre taking, owing or destroying (then it is the matter the village or the government answers for)
PRIVATE_CLAIM = re.compile(r"(要|讨|追)(得|不)?回(来|[吗么不]|[？?]|$)|讨回|(让|叫|要|找)[^，。？?！!]{0,4}赔|赔(偿)?(多少|吗|么|不)|按[^，。？?！!]{0,6}标准赔|谁(来)?赔")
# a question about a private dispute's own means (an IOU, suing, a refund, a shop, maintenance between siblings, who
# gets the child after a divorce, what an insurer pays) asks a lawyer, a court or 12315; asked of the village, a
# certificate or an arbitration it is not that
PRIVATE_MATTER = re.compile(r"欠条|借条|起诉|家产|分家|退款|退货|商家|12315|赡养费|抚养费|抚养权|监护权|判给谁|判给(我|他|她|男方|女方)|赔哪些|彩礼|保险公司|理赔")
NOT_PRIVATE = re.compile(r"村委|村里|村干部|组里|组长|镇|政府|书记|主任|证明|仲裁|裁决")
# wages a private employer (老板, 包工头, 厂子) owes, asked where to turn: labour arbitration and the courts, not the village;
# a village cadre's pay (报酬, 误工补贴) is the village's matter
UNPAID_WAGES = re.compile(r"(欠|拖欠|克扣|拖)[^，。？?！!]{0,8}(工资|工钱|薪水|血汗钱|劳务费)|(工资|工钱|薪水)[^，。？?！!]{0,6}(没|不|未)(发|给|结)|"
                          r"(没|未|不)(有)?(拿到|领到|发放|结清|结算)[^，。？?！!]{0,8}(工资|工钱|薪水)|"
                          r"(工资|工钱|薪水)[^，。？?！!]{0,8}(找谁|去哪|到哪|向哪)(里|儿)?(要|讨|追)?|(工资|工钱|薪水)[^，。？?！!]{0,8}(怎么|咋)(要|讨)|讨薪")
# a private employer named: a story of unpaid wages then asks for them whether or not it says where to turn
# ("望政府部门能够给予帮助"), and is still not the village's matter
EMPLOYER = re.compile(r"包工头|工头|农民工|工地|项目部|老板|公司|厂里|工厂|建筑队|施工队")
WHERE_TO_CLAIM = re.compile(r"找谁|去哪|向哪|到哪|哪里|哪个部门|投诉|举报|怎么(要|讨)|咋(要|讨)")
CADRES_PAY = re.compile(r"村干部|村官|村主任|支书|书记|村委|会计|报酬|误工")
PUBLIC_MONEY = re.compile(r"补偿|补贴|补助|分红|低保|救助|征地|征收|集体|养老金|粮补|扶贫|土地|承包地|宅基地|出让款|山林|林地|山场|占地|征用|"
                          r"(村里|村委会?|村干部|村组|组里|镇里|镇政府|政府|书记|主任|组长|会计)[^，。？?！!]{0,16}(借|欠|占|拆|扒|推|挖|砍|毁|扣|拿走|不给|不发|收)")


# a housing estate's property management (物业 fees, its greenery, its services) is for its owners, their owners'
# committee and the company under their contract; a Guangdong village's 集体物业 (its rented buildings) is not this
ESTATE = re.compile(r"小区|业主|楼院|楼盘")
PROPERTY_SERVICE = re.compile(r"(?<!集体)物业(?!出租|租赁|收入|招租)")
NOT_ESTATE = re.compile(r"集体|村委|村里|村干部|村民|组里|组长|经济社|书记")

# a short question that asks only for a figure, a standard or what something counts as ("农民补贴一年多少钱",
# "宅基地3间大概多少平方米", "分红配股规则是什么") asks the policy's content, which its department publishes; it asks
# neither who is responsible, nor whether one may, nor how to proceed, which is all the lists answer
FACT_UP_TO = 40
FACT_ASKED = re.compile(r"多少钱|多少元|多少块|是多少|多少平|几平(方|米)|(最高|最多|最低|一年|一个月|每月|每年|每人|一亩)[^，。？?！!]{0,4}多少|"
                        r"(什么|啥|哪些)(规则|条件|标准|待遇)|(规则|条件|标准|政策|待遇|计算方法|比例|上限|利率|时效)(是什么|是啥|有哪些|是怎样|是什么样|是多少|怎么算)|"
                        r"计算方法|怎么(计算|算)|属于什么(?!性质)|是什么样|合法有效")
# …unless it asks a role, a permission, a procedure, or why, or names the village's own organs (VILLAGE_ACT: "村委会的工资是多少")
NOT_FACT = re.compile(r"谁|哪个部门|哪里|哪儿|哪去|找|能不能|可以|能否|可否|合法吗|合不合法|违法|该不该|应不应该|应该|要不要|是否|有没有|"
                      r"为什么|为何|凭什么|程序|手续|材料|管|负责|怎么办|克扣|扣")


def _asked(plain: str, spans: list[tuple[int, int]], last: int = 2, whole: bool = False) -> list[str]:
    """The last asking sentences, where a story's question stands; with whole, a text no asking span marks is asked
    whole ("新农合一万块能报多少" asks with 多少 alone)."""
    return [plain[a:b] for a, b in spans[-last:]] or ([plain] if whole else [])


def _asks(pattern: re.Pattern[str], plain: str, spans: list[tuple[int, int]], last: int = 2) -> bool:
    return any(pattern.search(part) for part in _asked(plain, spans, last))


# where each kind of question belongs, told to the asker in place of "ask the town which department": guidance on
# whom to ask, not a legal basis
ASKED_OF: dict[str, str] = {
    "doctor": "这是看病用药的问题，请向医生或医疗机构咨询；不属于村级事务，村（居）委会和清单都不管这件事。",
    "medical_insurance": "这是医保报销的问题（报多少、去哪报），由当地医疗保障部门（医保经办机构）按医保政策答复；不属于村级事务。",
    "agronomy": "这是农作物病虫害防治的技术问题，可以向当地农业技术推广机构（农技站）咨询；不属于村级事务，清单不管这件事。",
    "social_insurance": "这是社会保险缴多少、领多少、怎么缴的问题，由当地人力资源和社会保障部门（养老保险）或医疗保障部门（医保）"
                        "按当年政策答复；村（居）委会只协助宣传和参保缴费，不定标准，清单也不定。不属于村级事务。",
    "court": "这是私人之间的民事纠纷（借款、赔偿、退款、抚养等），可以协商、申请人民调解，或向人民法院起诉；消费纠纷可拨打 12315。不属于村级事务。",
    "property_management": "这是住宅小区物业服务的事（物业费、公共绿化、楼院管理），由业主、业主大会（业主委员会）和物业服务企业"
                           "按物业服务合同处理，当地住房城乡建设（房产）主管部门监督；街道办事处、社区居委会可以协调，"
                           "但不是村（居）委会的职责事项，清单不管这件事。",
    "fact": "这是问具体数额、标准或计算办法的问题。本库回答的是一件事归谁管、谁决定、依据哪条规定，不提供数额和标准；"
            "请向制定这项政策的主管部门查询（不清楚是哪个部门的，可以问镇（街道））。",
    "labour": "这是拖欠工资的劳动纠纷，可以向当地人力资源和社会保障部门（劳动保障监察）投诉，或申请劳动仲裁；不属于村级事务。",
}


def elsewhere(plain: str, spans: list[tuple[int, int]]) -> str | None:
    """Whom the question (simplified text, its asking spans) is for when it is for a doctor, an agronomist, the medical insurance
    fund, the social insurance schemes, a court or labour arbitration rather than the village or the government (a key of ASKED_OF), else None:
    the answer is then 未列入 however well some item's words match the story."""
    if _asks(TREATMENT_ASKED, plain, spans, last=1):
        return "doctor"
    if _asks(CROP_TREATMENT, plain, spans):
        return "agronomy"
    if any(MEDICAL_CLAIM.search(part) and not VILLAGE_ACT.search(part) for part in _asked(plain, spans, whole=True)):
        return "medical_insurance"
    if any(INSURANCE_RATE.search(part) for part in _asked(plain, spans, whole=True)) and not VILLAGE_ACT.search(plain):
        return "social_insurance"
    if len(plain) <= FACT_UP_TO and FACT_ASKED.search(plain) and not NOT_FACT.search(plain) and not VILLAGE_ACT.search(plain):
        return "fact"
    if PUBLIC_MONEY.search(plain):
        return None
    if ESTATE.search(plain) and PROPERTY_SERVICE.search(plain) and not NOT_ESTATE.search(plain):
        return "property_management"
    if _asks(PRIVATE_CLAIM, plain, spans):
        return "court"
    if any(PRIVATE_MATTER.search(part) and not NOT_PRIVATE.search(part) for part in _asked(plain, spans)):
        return "court"
    if UNPAID_WAGES.search(plain) is not None and (_asks(WHERE_TO_CLAIM, plain, spans) or EMPLOYER.search(plain)) \
            and not CADRES_PAY.search(plain):
        return "labour"
    return None
