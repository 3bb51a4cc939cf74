"""Questions that ask for one role — who approves, who pays, where to complain, how often, may the
village refuse — are answered with the body playing that role and the verdict for it.

Every expectation comes from the statute or document that gives the role (cited per case), not from
what the resolver prints. Dates: 2025-06-01, the 2018 text of 村民委员会组织法 in force.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from qingdan.queries.resolve import Resolver

DAY = "2025-06-01"


@dataclass(frozen=True)
class RoleCase:
    id: str
    question: str
    intent: str
    verdicts: tuple[str, ...]
    bodies: tuple[str, ...] = ()  # body types one of which must lead the asked role
    basis_work: str | tuple[str, ...] | None = None  # the statute(s) the asked role's basis may be in


ROLE_CASES: list[RoleCase] = [
    # 城乡规划法 第四十一条第二款：村民在原有宅基地建住宅的规划管理办法由省规定；土地管理法（2019）第六十二条
    # 第四款：村民住宅用地由乡镇人民政府审核批准——村民自建房去镇里，不是县里（第一款的县级核发管乡镇企业、
    # 公共设施和公益事业）
    RoleCase("permit", "农村自建房的规划许可谁发", "approves", ("town",), ("town_government",), ("城乡规划法", "土地管理法")),
    RoleCase("house-approval", "村民建房要谁批准", "approves", ("town",), ("town_government",), "土地管理法"),
    # 城乡规划法 第四十一条第一款：乡镇企业、乡村公共设施和公益事业建设，由乡镇报县级城乡规划主管部门核发
    RoleCase("public-works-permit", "村集体办厂要建厂房，规划许可谁发", "approves", ("county_department",),
             ("county_natural_resources",), "城乡规划法"),
    # 汕府〔2020〕105号（放权强镇，本库建模事项）：乡村建设规划许可证核发下放到镇——镇人民政府在前，县级部门在后
    RoleCase("delegated-permit", "乡村建设规划许可证谁发", "approves", ("town",), ("town_government",)),
    # 土地管理法（2019）第六十二条第四款：农村村民住宅用地由乡镇人民政府审核批准——问的是审批，不是审批结果的公开
    # （宅基地审批情况的公开事项与问题共享的词更多）
    RoleCase("homestead", "宅基地审批最后谁批", "approves", ("town",), ("town_government",), "土地管理法"),
    # 组织法（2018）第二十七条第三款、第三十一条：一事一议没开会就收钱、账目不公布，由乡镇政府责令改正——讲完
    # 经过问“找谁”，问的是向谁反映，不是这件事平常归谁办（村里）
    RoleCase("story-whom", "我们村去年修村道，每家每户按人头交了三百块钱，说是一事一议，可根本没开过会，钱交了到现在"
             "账也没公布，路修了一半就停了。请问这种情况找谁？", "complaint", ("town",), ("town_government",), "村民委员会组织法"),
    # 社会救助暂行办法 第四十八条：临时救助由县级民政部门审批（可委托乡镇）
    RoleCase("relief", "临时救助最后谁批", "approves", ("county_department", "town"),
             ("county_civil_affairs", "town_government"), "社会救助暂行办法"),
    # 村民委员会组织法（2018）第三十六条：村委会及其成员、村务监督机构的问题由乡镇政府责令改正、纠正
    RoleCase("supervision", "对村务监督委员会不满意找谁", "complaint", ("town",), ("town_government",), "村民委员会组织法"),
    # 组织法 第二十四条第一款第（八）项：处分村集体财产须经村民会议讨论决定；集体山林发包给外人，
    # 农村土地承包法 第十九条、第五十二条：须经村民会议三分之二以上成员或村民代表同意
    RoleCase("forest", "村主任能不能自己做主把集体山林卖了", "decides", ("village_autonomy",),
             ("villagers_assembly", "villagers_representative_meeting"), ("村民委员会组织法", "农村土地承包法")),
    # 第三十七条第一款：委托村委会协助的事项，所需经费由委托的政府部门承担
    RoleCase("census-funds", "镇里叫村干部协助搞人口普查，这个经费谁出", "funds", ("county_department", "town"),
             ("county_statistics", "county_government", "town_government", "county_department")),
    # 民发〔2015〕136号 / 整治形式主义为基层减负若干规定：评比达标表彰不得随意下派给村
    RoleCase("ranking", "镇里让村里搞创建评比排名，村里能拒绝吗", "may_refuse", ("not_for_village",)),
    # 台账报表 pushed down with a penalty for not filing: the same rules, told as "台账" alone ("上报三份台账"), not only "台账太多"
    # 组织法（2018）第二条第二款：村委会办理本村的公共事务和公益事业——路灯坏了问谁修，问的是谁来办，不是谁决定要不要修
    RoleCase("streetlight", "村道上的路灯坏了谁来修", "responsible", ("village_autonomy",)),
    RoleCase("ledgers", "镇上要求村委会每月上报三份台账，不报就扣分，这合理吗", "may_do", ("not_for_village",)),
    # 组织法（2018）第二十七条第三款：村民会议的决定侵犯村民财产权利的，由乡镇政府责令改正——村民先找镇政府，
    # 法院（民法典第二百六十五条，只能撤销）排在后面
    RoleCase("lease-complaint", "村里把集体鱼塘低价租给了村干部的亲戚，村民想讨个说法，该向哪里反映？", "complaint",
             ("town",), ("town_government",), "村民委员会组织法"),
    # 第三十一条：村委会不及时公布应当公布的事项的，村民可向乡镇政府或县级政府及其主管部门反映
    RoleCase("disclosure-complaint", "村里的财务账目从来不公开，村民一概不知，该向哪里反映？", "complaint", ("town",),
             ("town_government",), "村民委员会组织法"),
    # 组织法（2018）第二十八条第三款：属于村民小组的集体土地，其经营管理由村民小组会议讨论决定——组上的山林发包，决定的是
    # 小组会议，不是全村的村民会议
    RoleCase("group-land", "小组的集体山林要承包给外村人，谁决定？", "decides", ("village_autonomy",), ("villager_group",),
             "村民委员会组织法"),
    # 反过来，组织法（2018）第二十四条第一款第（八）项：村里的鱼塘（全村集体的财产）出租由村民会议决定——不是只管村民小组
    # 自己财产的那一项（题目与它共享的词更多）
    # 同一款：征收的是小组（自然村）的地，补偿款怎么分由小组会议决定，不是全村的村民会议（第二十四条第一款第（七）项）
    RoleCase("group-compensation", "我们自然村的地被镇里征收了，这笔土地补偿款怎么分，是村委会说了算，还是我们小组自己开会定？",
             "decides", ("village_autonomy",), ("villager_group",), "村民委员会组织法"),
    # 组织法（2018）第五条第二款：政府的事项（危房改造由县里审批），村委会协助——问村委会在其中做什么，答协助，不答县里
    RoleCase("village-share", "农村危房改造补助听说是农户申请、村里评议公示、乡里审核、县里审批，那村委会在这里面到底算干什么的？",
             "village_part", ("village_assists",)),
    # 同一款：队（组）上的租金收入怎么用，由小组会议决定（第二十四条第一款第（二）项是全村的收益）
    RoleCase("group-rent", "我们六队每年租地有近20万收入，队长收了租金不入账。队里的租金怎么用，能由队长一个人说了算吗？",
             "decides", ("village_autonomy",), ("villager_group",), "村民委员会组织法"),
    # 同一款也管小组的公益事项：组上修机耕路向本组各户筹钱，方案由小组会议定，不是全村的村民会议
    RoleCase("group-works", "我们三组要修一条通到田里的机耕路，组长说每户出两百块，这个组上的筹钱方案该由谁来定？",
             "decides", ("village_autonomy",), ("villager_group",), "村民委员会组织法"),
    # 监察法 第十五条第（五）项：问谁来查处村干部本人，先答监察机关（纪委监委），事情本身的执法主体随后
    RoleCase("cadre-investigated", "村支书没开会也没贴公告，就安排施工队把村民的老房子拆了、宅基地翻成了田。这种事该由谁来查处村支书？",
             "enforces", ("county_department",), ("county_discipline",)),
    # 组织法（2010 年文本，2018 年未改）第二十四条第一款第（八）项：集体厂房等财产出租由村民会议决定，不是集体经济组织自定
    RoleCase("factory-lease", "村里原来的厂房空着，村两委想公开竞标租出去，这种集体厂房出租该怎么定才算数？", "decides",
             ("village_autonomy",), ("villagers_assembly", "villagers_representative_meeting")),
    # 组织法（2018）第二十七条第一款：村民会议制定和修改村规民约——问“谁来制定”，答村民会议，不答起草它的村委会
    RoleCase("village-rules-made", "我们村的村规民约到底该由谁来制定？", "drafts", ("village_autonomy",), ("villagers_assembly",),
             "村民委员会组织法"),
    RoleCase("village-pond", "村里的鱼塘要承包出去，谁说了算", "decides", ("village_autonomy",),
             ("villagers_assembly", "villagers_representative_meeting"), "村民委员会组织法"),
    # 组织法 第二十四条、农村土地承包法 第十九条：集体土地承包方案由村民会议决定——讲干部绕开会议的经过而不另问
    # 别的，问的是该由谁决定
    RoleCase("bypass-story", "上个月村长和书记没有通过村民大会，私自做主把村里的集体山地承包给外地老板种果树，一签就是"
             "三十年。村民们都很气愤，大家议论纷纷，觉得这样做损害了全村人的利益。", "decides", ("village_autonomy",),
             ("villagers_assembly", "villagers_representative_meeting"), ("村民委员会组织法", "农村土地承包法")),
    # 监察法 第十五条第一款第（五）项：基层群众性自治组织中从事管理的人员是监察对象——干部本人收礼、打人，
    # 问去哪里举报，先是区县纪委监委，镇政府（组织法第三十六条）排在后面
    RoleCase("bribe-complaint", "村支书收了我家的红包还不给办事，这种事该去哪里举报？", "complaint",
             ("county_department",), ("county_discipline",), "监察法"),
    # 民发〔2015〕136号：协助事项所需经费和工作条件由提出要求的部门提供——问经费谁出，答的是部门，不是“村里不应承担”
    RoleCase("assist-funds", "上面要求村里协助却不提供工作经费，这个经费谁承担？", "funds", ("county_department",),
             ("county_department",)),
    # 同上（组织法（2018）第三十七条第一款同）：协助所需经费由提出要求、委托工作的部门承担——问题说出了是哪个部门，
    # 出钱的就是它，不是笼统的“区县职能部门”
    RoleCase("named-commissioner-funds", "县水务局要求村里派人上门登记水井，经费应该谁出？", "funds", ("county_department",),
             ("county_water",)),
    # 同上：叙述里“向镇里反映过”讲的是经过，不是在问向谁反映——没开村民会议就发包，问的仍是该由谁决定
    RoleCase("bypass-told", "去年村主任和村支书没有召开村民会议，私自把村里的集体山林承包给外村老板三十年，承包费也没公开。"
             "村民们多次向镇里反映，到现在也没有结果。", "decides", ("village_autonomy",),
             ("villagers_assembly", "villagers_representative_meeting"), ("村民委员会组织法", "农村土地承包法")),
    # 环境保护法（2014）第十条、第六十条：县级环境保护主管部门统一监督管理，超标排污的由其责令限产、停产整治——
    # 投诉的是别人违法排污，不是村里失职：执法的部门在一般监督的镇政府之前
    RoleCase("pollution-complaint", "村边的养猪场把粪水排进河里，臭得不行，该向哪个部门投诉？", "complaint",
             ("county_department",), ("county_ecology_environment",), "环境保护法"),
    # 组织法（2018）第十一条：村委会成员由村民直接选举产生，任何组织或者个人不得指定、委派或者撤换；第三十六条第三款：
    # 乡镇政府干预依法属于村民自治范围的事项的，由上一级人民政府责令改正——纠正镇政府的是县级政府，不是镇政府自己
    RoleCase("town-removes-head", "我们村选出来的村主任，镇里一个副镇长说他不服从安排，就下通知让他暂停履职，还指定支书代理主任。"
             "镇里这样撤换村主任，我们该向谁反映？", "complaint", ("county_department",), ("county_government",), "村民委员会组织法"),
    # 军人抚恤优待条例（2019）第三十三条第一款：义务兵服现役期间，其家庭由当地人民政府发给优待金——不是村集体出
    RoleCase("conscript-family", "我儿子去年去当兵了，村会计说以前优待金是村里和乡里摊的，现在村里没钱。义务兵家庭的优待金到底谁出钱？",
             "funds", ("county_department",), ("county_government",), "军人抚恤优待条例"),
    # 组织法 2018 第二十四条第一款第（四）项：村公益事业的建设承包方案，经村民会议讨论决定——
    # 一个只讲支书“私自”发包工程、什么也没问的故事，问的是这事本该谁决定
    RoleCase("privately-let", "村里新修的文化楼，支书私自把工程包给了外村一个包工头，每平方比邻村公开招标的贵三百多块。",
             "decides", ("village_autonomy",), ("villagers_assembly", "villagers_representative_meeting"), "村民委员会组织法"),
    # 城乡规划法 第六十五条：乡、村庄规划区内未依法取得乡村建设规划许可证进行建设的，由乡、镇人民政府责令停止
    # 建设、限期改正；逾期不改正的，可以拆除——村里不能拆（应取消和禁入事项），问“谁来拆”答的是镇，不是“村里不应承担”
    RoleCase("demolish", "农村违建谁来拆", "enforces", ("town",), ("town_government",), "城乡规划法"),
    # 征兵工作条例（2001）第十二条（兵役法 2021 第十五条第二款同）：乡镇人民政府根据县级兵役机关的安排，负责组织兵役登记
    RoleCase("registration-organised", "兵役登记按法律到底是谁负责组织的", "drafts", ("town",), ("town_government",), "征兵工作条例"),
    # 农民承担费用和劳务管理条例 第三条第二款、第三十二条：乡人民政府主管本乡农民负担监督管理，接到违规收费的举报
    # 必须及时查处——问“去哪里投诉”村里自设的收费，答的是受理的镇政府（不是只能撤销决定的法院，也不是“村里不应承担”）
    RoleCase("fee-complaint", "村里办低保要先交手续费，这事该去哪里投诉？", "complaint", ("town",), ("town_government",),
             "农民承担费用和劳务管理条例"),
    # 第三十条：村务公开，财务收支每月或至少每季度公布一次
    RoleCase("timing", "村里的账要多久公布一次", "timing", ("village_autonomy",)),
    # 农村集体经济组织法 第十二条第一款（2025-05-01 施行）：集体经济组织通过成员大会确认成员——只说事项、不问角色的检索，
    # 答的是由谁决定（该法晚于清单施行日，角色只在说明里引它，见 test_membership_is_decided_by_the_members_meeting）
    RoleCase("no-cue-decides", "集体经济组织成员资格认定", "decides", ("village_autonomy",),
             ("collective_economic_org",)),
    # 组织法 第二十四条第一款第（一）项（2010 年文本起未改）：本村享受误工补贴的人员及补贴标准经村民会议讨论决定——问的是
    # 公布出来的标准由谁定，题目与公开事项共享的词最多，答的仍是决定它的会议，不是公布它的村委会（公开清单 2014 年施行，
    # 本库未收录当时的 2010 年文本，所以这一角色没有可链接的条文，只有说明）
    RoleCase("disclosed-decision", "公布出来的村干部报酬标准是谁定的？", "decides", ("village_autonomy",),
             ("villagers_assembly", "villagers_representative_meeting")),
    # 组织法（2018）第二十四条第一款：涉及村民利益的事项经村民会议讨论决定方可办理——村党组织领导、村委会执行，
    # 三者中问"谁说了算"，答的是村民会议
    RoleCase("village-major-matters", "村里的大事到底是支部说了算、村委会说了算，还是村民会议说了算？", "decides",
             ("village_autonomy",), ("villagers_assembly", "villagers_representative_meeting"), "村民委员会组织法"),
    # 组织法（2018）第二十四条第一款第（八）项：以租赁等方式处分村集体财产须经村民会议讨论决定；土地管理法（2019）第六十三条
    # 第二款：集体经营性建设用地出租须经村民会议三分之二以上成员或三分之二以上村民代表同意——几个干部签了合同不算数
    RoleCase("collective-lease-decides", "村里把一大片集体土地租给外面的公司建厂房，租金、年限都是几个干部定的，也没开过村民会议。"
             "这么大的事应该由谁来拍板？", "decides", ("village_autonomy",),
             ("villagers_assembly", "villagers_representative_meeting"), ("村民委员会组织法", "土地管理法")),
    # 地方组织法（2022）第七十三条第（三）项：县级以上地方人民政府改变或者撤销下级人民政府不适当的决定——镇政府自己
    # 占地、锁章，投诉不是交回镇政府，而是向上一级（县级）人民政府
    RoleCase("town-own-act", "镇政府强行占了我们村的地建垃圾场，这事该向谁反映？", "complaint", ("county_department",),
             ("county_government",), "地方各级人民代表大会和地方各级人民政府组织法"),
    # 森林法（2019）第五十七条第一款、第三款：采伐许可证由县级以上林业主管部门核发，农村居民采伐个人承包集体林地上的
    # 林木，也可由其委托的乡镇政府核发（是否委托看当地公布）——发证的是县级部门，村里盖章不是许可，也不是盗伐的处罚
    # 环境保护法（2014）第五十七条第一款：发现污染环境的行为，向环境保护主管部门举报——工厂排废气是生态环境部门的事，
    # 不是镇政府对村委会的“责令改正”
    RoleCase("pollution-reported", ("我们村原本空气清新，最近夜里烟雾弥漫、刺鼻难闻，门都不敢出，原来是村边新开的化工厂排的废气。"
              "希望有关部门能彻底解决。"), "complaint", ("county_department",),
             ("county_ecology_environment",), "环境保护法"),
    RoleCase("harvest-permit", "承包的杉木林想砍了卖，采伐证归谁发", "approves", ("county_department",),
             ("county_natural_resources", "town_government"), "森林法"),
    # 矿产资源法（2009）第四十五条第一款：无证采矿由县级以上地质矿产主管部门处罚；水法（2016）第三十九条、第六十五条：
    # 河道采砂实行许可，危害河势堤防的由水行政主管部门查处——不是村里，也不是“未列入”
    RoleCase("sand-enforced", "有人在河里挖沙卖，该哪个部门来查处", "enforces", ("county_department",),
             ("county_natural_resources", "county_water"), ("矿产资源法", "水法")),
]


@pytest.fixture(scope="module")
def resolver(any_store) -> Resolver:  # type: ignore[no-untyped-def]
    return Resolver(any_store)


@pytest.mark.parametrize("case", ROLE_CASES, ids=[c.id for c in ROLE_CASES])
def test_the_asked_role_leads_the_answer(resolver: Resolver, case: RoleCase) -> None:
    a = resolver.resolve(case.question, as_of=DAY)
    info = f"intent={a['intent']} verdict={a['verdict']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["intent"]["id"] == case.intent, info
    assert a["verdict"] in case.verdicts, info
    assert a["item"] is not None and a["item"]["kind"] != "negative", info
    if case.bodies:
        bodies = a["asked"]["bodies"]
        assert bodies and bodies[0]["body_type"] in case.bodies, info
        assert a["responsible"]["body_type"]["type"] == bodies[0]["body_type"] or a["verdict"] == "town", info
        if case.basis_work:
            works = case.basis_work if isinstance(case.basis_work, tuple) else (case.basis_work,)
            assert (bodies[0]["basis_label"] or "").startswith(tuple(f"《{w}》" for w in works)), info
    # every role of the item is listed with its basis, the asked one first on the page
    assert all(r["role"] and r["body_type"] for r in a["roles"])


@pytest.mark.parametrize("question, verdict, body", [
    # 土地管理法（2019）第十四条第二款：单位之间的争议由县级以上人民政府处理；个人之间、个人与单位之间的争议由
    # 乡级人民政府或者县级以上人民政府处理——两个村争地，镇政府不处理；农户之间的，镇政府处理
    ("我们村和邻村都说河边那片荒地是自己的，这种土地权属争议归哪一级政府处理？", "county_department", "county_government"),
    ("两个村民小组争一片山林，这种权属纠纷归谁处理？", "county_department", "county_government"),
    ("我家和邻居为一块地的归属吵起来了，这种土地权属争议归谁处理？", "town", "town_government"),
])
def test_who_hears_a_land_dispute_depends_on_its_parties(resolver: Resolver, question: str, verdict: str, body: str) -> None:
    a = resolver.resolve(question, as_of=DAY)
    info = f"intent={a['intent']} verdict={a['verdict']} item={(a['item'] or {}).get('id')} responsible={a['responsible']}"
    assert a["verdict"] == verdict, info
    assert a["responsible"]["body_type"]["type"] == body, info
    # the town's part is recorded with the case it applies in, so a reader sees why it was set aside
    town = [r for r in a["roles"] if r["role"] == "handles" and r["body_type"] == "town_government"]
    assert town and town[0]["applies_when"] == "involving_persons" and "个人" in town[0]["applies_when_zh"], a["roles"]


def test_where_an_economic_cooperative_holds_the_property_its_members_decide(resolver: Resolver) -> None:
    # 民法典 §261.2: 土地补偿费等费用的使用、分配办法经本集体成员决定 — in a 经济社 by its members' meeting, not the
    # villagers' meeting; a question that names no organisation keeps the villagers' meeting (组织法 2018 §24)
    a = resolver.resolve("我们村的股份经济合作社卖了两块地，分红方案同每股分多少钱，系边个决定？", as_of=DAY)
    assert a["intent"]["id"] == "decides", a["intent"]
    assert a["asked"]["bodies"][0]["body_type"] == "collective_economic_org", a["asked"]["bodies"]
    cases = {r["applies_when"] for r in a["roles"] if r["body_type"] == "collective_economic_org" and r["role"] == "decides"}
    assert cases == {"economic_org"}, a["roles"]
    a = resolver.resolve("村里卖了两块地，分红方案同每人分多少钱，到底谁决定？", as_of=DAY)
    assert a["asked"]["bodies"][0]["body_type"] in ("villagers_assembly", "villagers_representative_meeting"), a["asked"]["bodies"]


def test_who_decides_asked_of_an_item_that_records_no_decision_finds_the_one_that_does(resolver: Resolver) -> None:
    # the story's words fit the village's company (民事活动) best, which records nobody deciding; lending the
    # collective's money is decided by the villagers' meeting (组织法 2018 §24), which the borrowing item records
    for q in ("村委会成立了村集体公司，让书记当法定代表人和总经理，他拿公司的钱往外放贷吃利息，一次集体会都没开，"
              "现在还有7笔借款收不回来。村集体的钱要借给别人，应该谁来拍板？",
              # the purchase the money bought records nobody deciding; spending the collective's money is the meeting's
              "村支书拍板从集体账上拿了18万，给村委会办公室装修又买了台车，说是两委集体研究过的，可村民会议、代表会议"
              "都没开。他们两委研究就算数了吗？"):
        a = resolver.resolve(q, as_of=DAY)
        info = f"intent={a['intent']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
        assert a["intent"]["id"] == "decides", info
        assert a["verdict"] == "village_autonomy", info
        assert a["asked"]["bodies"][0]["body_type"] in ("villagers_assembly", "villagers_representative_meeting"), info


def test_a_debt_the_village_committee_owes_is_its_own_whoever_signed(resolver: Resolver) -> None:
    # 民法典 §60: a legal person answers for its debts with all its property; a new committee does not escape them
    a = resolver.resolve("1991年村里没钱交提留，村干部向我家借了一万多，打了借条说按月息还。二十多年过去，村干部换了几茬，"
                         "村里说不是现在这届借的。村委会当年欠的钱，现在该由谁来还？", as_of=DAY)
    info = f"intent={a['intent']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["intent"]["id"] == "funds", info
    assert a["verdict"] == "village_autonomy", info
    assert a["asked"]["bodies"][0]["body_type"] == "village_committee", info
    assert any("民法典" in (r.get("basis_label") or "") for r in a["roles"] if r["role"] == "funds"), a["roles"]


def test_who_enforces_a_judgement_the_village_does_not_pay_is_the_court(resolver: Resolver) -> None:
    # 民诉法解释（2020）第四百六十三条：生效法律文书由当事人申请人民法院执行——村委会作为民事主体败诉不履行，
    # 由法院强制执行，镇政府不能代替法院执行判决
    a = resolver.resolve("村委会当年借了我家两万块修水渠，一直不还，我起诉到法院赢了，判决生效半年村里还是不给钱。这判决到底谁来强制执行？", as_of=DAY)
    info = f"intent={a['intent']} verdict={a['verdict']} item={(a['item'] or {}).get('id')} responsible={a['responsible']}"
    assert a["intent"]["id"] == "enforces", info
    assert a["responsible"]["body_type"]["type"] == "court", info
    assert any("民事诉讼法" in (r.get("basis_label") or "") for r in a["roles"] if r["body_type"] == "court"), a["roles"]


def test_how_often_is_answered_from_the_disclosure_rules(resolver: Resolver) -> None:
    a = resolver.resolve("村里的账要多久公布一次", as_of=DAY)
    frequencies = " ".join(t["frequency"] or "" for t in a["timing"])
    assert "每月" in frequencies or "季度" in frequencies, a["timing"]


@pytest.mark.parametrize("as_of, version", [(DAY, "2018-12-29"), ("2026-06-01", "2025-10-28")])
def test_how_often_a_meeting_is_held_is_answered_from_the_cited_provision(resolver: Resolver, as_of: str, version: str) -> None:
    # 组织法 2018 §26.2 / 2025 §30.1: 村民代表会议每季度召开一次 — the disclosure list only knows how often things are posted
    a = resolver.resolve("村民代表会议多久开一次", as_of=as_of)
    assert a["intent"]["id"] == "timing", a["intent"]
    first = a["timing"][0]
    assert "每季度召开一次" in first["frequency"] and first["source"].startswith(f"村民委员会组织法@{version}#"), a["timing"]


def test_a_handover_deadline_comes_from_the_statute_and_a_posting_question_from_the_disclosure_list(resolver: Resolver) -> None:
    a = resolver.resolve("换届后上任村委应在多少天内移交工作", as_of=DAY)
    assert any("十日内" in (t["frequency"] or "") and t.get("from_provision") for t in a["timing"]), a["timing"]
    posted = resolver.resolve("村里的账要多久公布一次", as_of=DAY)["timing"]
    assert posted and not posted[0].get("from_provision"), posted


def test_a_role_the_item_does_not_record_is_said_so(resolver: Resolver) -> None:
    """Asking who drafts a duty with no drafting body names the stand-in role, never invents one."""
    a = resolver.resolve("村民调解委员会的调解方案谁来制定", as_of=DAY)
    asked = a["asked"]
    assert asked is not None and asked["role"] == "drafts"
    assert asked["answered_role"] in (None, "drafts", "handles", "decides")
    if asked["answered_role"] not in (None, "drafts"):
        assert asked["stand_in"] is True and "按" in asked["text"]


def test_misconduct_the_list_forbids_is_answered_no_with_the_duty_kept(resolver: Resolver) -> None:
    a = resolver.resolve("村干部给村民开个证明还要收钱，这是不是违规", as_of=DAY)
    assert a["item"]["kind"] != "negative"
    assert any(c["matched"] for c in a["cautions"])


@pytest.mark.parametrize("question", ["村干部给村民开个证明还要收钱，这是不是违规", "村委会给村民开证明要收20块钱，这合理吗"])
def test_a_fee_for_a_certificate_is_answered_no_by_the_rule_on_charges(resolver: Resolver, question: str) -> None:
    # the certificate is the occasion and shares most words with "乱开证明"; the question asks about the charge,
    # which the prohibited list names (借办事、盖章、出具证明向群众收费, 农业法 §67)
    a = resolver.resolve(question, as_of=DAY)
    assert a["verdict"] == "not_for_village" and a["item"]["kind"] == "micro_power", (a["verdict"], a["item"])
    assert a["asked"]["behaviour"] == "PRO-031" and "收费" in a["asked"]["text"], a["asked"]
    assert "应取消和禁入事项" in a["verdict_zh"], a["verdict_zh"]


def test_the_body_that_leads_is_not_also_listed_as_assisting(resolver: Resolver) -> None:
    # the rules item lists the villagers' assembly among its assisting bodies; asked who decides, the assembly
    # leads, and the answer read "责任主体：村民会议；协助：村民会议"
    a = resolver.resolve("我们是浙江宁波的村，村规民约要报谁备案", as_of=DAY)
    r = a["responsible"]
    lead = r["body_type"]["type"]
    assert lead == "villagers_assembly", r
    assert lead not in {b["type"] for b in r["assisting"] + r["supervising"] if b}, r


LONG_STORY = ("我们村去年把村里的二十多亩鱼塘重新发包，村干部说是公开竞标，可是村民都没见过公告，最后承包的人是村主任的"
              "小舅子，价格比原来还低了一半。村民们都很气愤，大家想知道这种发包到底要经过什么程序，村委会这样做合法吗？")


def test_a_long_story_is_not_unlisted_for_its_length(resolver: Resolver) -> None:
    # 组织法（2018）第二十四条第一款第（八）项：以租赁等方式处分集体财产由村民会议讨论决定——村里自己的事；
    # 一段长叙述里每个事项分到的词都少，不能因此判成“未列入”，也不能让叙述里的负面行为成为结论
    a = resolver.resolve(LONG_STORY, as_of=DAY)
    assert a["verdict"] == "village_autonomy", (a["verdict"], (a.get("item") or {}).get("id"))
    assert a["item"]["kind"] != "negative"


def test_a_story_of_a_few_sentences_is_not_unlisted_either(resolver: Resolver) -> None:
    # 48 characters sharing no word with the seal item's name, only 公章 with its phrasings: the committee's seal kept at home by a
    # former clerk; 民法典第一百零一条 (the committee acts as a legal person), 组织法 §20 (handed over at 换届)
    a = resolver.resolve("我们村原来的文书去年调走了，可村委会的公章和几本账册到现在还锁在他家里，说要等补发完他的工资才交", as_of=DAY)
    assert a["verdict"] != "unlisted"
    assert a["item"]["id"] == "MP-050", a["item"]


def test_a_role_basis_is_read_in_the_text_in_force(resolver: Resolver) -> None:
    # 组织法（2025年修正，2026-01-01施行）第三十一条第三款 carries 2018 text §27.3 (乡镇政府责令改正)
    q = "村里把集体鱼塘低价租给了村干部的亲戚，村民想讨个说法，该向哪里反映？"
    before = resolver.resolve(q, as_of="2025-06-01")["asked"]["bodies"][0]["basis_label"]
    after = resolver.resolve(q, as_of="2026-03-01")["asked"]["bodies"][0]["basis_label"]
    assert "2018-12-29版" in before and "第二十七条第三款" in before and "原引用" not in before
    assert "2025-10-28版" in after and "第三十一条第三款" in after and "原引用2018-12-29版第二十七条第三款" in after


def test_a_cadres_own_wrongdoing_goes_first_to_discipline_then_the_town(resolver: Resolver) -> None:
    # 监察法 第十五条：打人、受贿的是干部本人，由纪委监委处置；村里的事由镇政府责令改正，两者都要告诉提问的人
    a = resolver.resolve("村支书目无党纪国法，动手打人，去哪里告他？", as_of=DAY)
    bodies = [b["body_type"] for b in a["asked"]["bodies"]]
    assert bodies[0] == "county_discipline" and "town_government" in bodies, bodies
    assert any(c["id"] == "NEG-050" for c in a["cautions"]), [c["id"] for c in a["cautions"]]
    # a question that names no misconduct of the person keeps the town in front
    b = resolver.resolve("对村务监督委员会不满意找谁", as_of=DAY)
    assert b["asked"]["bodies"][0]["body_type"] == "town_government"


# 村民委员会组织法 2018 §32 (2025 §37.1): 村民委员会成员及其近亲属不得担任村务监督机构成员
WIFE_ON_SUPERVISION = "村干部的老婆能当村务监督委员会成员吗"


def test_may_they_quotes_what_the_answer_s_own_bases_forbid(resolver: Resolver) -> None:
    """"Is it allowed?" about a matter the village runs: the verdict stays the matter's, and the sentence of
    its basis that forbids the act asked about comes first, in the text in force that day."""
    a = resolver.resolve(WIFE_ON_SUPERVISION, as_of=DAY)
    assert a["intent"]["id"] == "may_do"
    limits = a["asked"]["limits"]
    assert limits and limits[0]["citation"] == "村民委员会组织法@2018-12-29#32", limits
    assert "近亲属不得担任村务监督机构成员" in limits[0]["text"] and "（2018年文本）" in limits[0]["label"]
    later = resolver.resolve(WIFE_ON_SUPERVISION, as_of="2026-03-01")["asked"]["limits"]
    assert later and later[0]["citation"].startswith("村民委员会组织法@2025-10-28#37"), later


@pytest.mark.parametrize("question", [WIFE_ON_SUPERVISION, "村里要修路，村民集资合理吗？", "村委会可以把集体的鱼塘租给外村人吗",
                                      "村里能不能收回进城落户农民的承包地"])
def test_a_limit_is_only_ever_a_sentence_of_a_basis_the_answer_cites(resolver: Resolver, question: str) -> None:
    a = resolver.resolve(question, as_of=DAY)
    assert a["intent"]["id"] == "may_do" and a["asked"] is not None, a["intent"]
    cited = {b["citation"]: b["text"] for b in a["bases"] if b.get("kind") == "provision" and b.get("current", True)}
    for x in a["asked"]["limits"]:
        assert x["citation"] in cited and x["text"] in cited[x["citation"]], x
        assert any(w in x["text"] for w in ("不得", "禁止", "严禁", "不准", "不允许")), x
    if not a["asked"]["limits"]:
        # nothing quoted: a prohibited matter is "不可以" by itself, a duty says the act is not judged here
        said = "不可以" if (a["item"] or {}).get("kind") == "prohibited" else "不能代替对具体做法是否合法的判断"
        assert said in a["asked"]["text"], a["asked"]["text"]


def test_a_forbidding_sentence_that_shares_no_word_with_the_question_is_not_shown(resolver: Resolver) -> None:
    # the election item rests on 2018 §13.3 (已登记参加选举的村民不得再参加其他地方的选举); a question on candidates'
    # age shares only the village's name with it. From 2026 the text in force says who may not be a candidate
    q = "法律对村委会候选人条件有没有年龄限制"
    a = resolver.resolve(q, as_of=DAY)
    assert a["intent"]["id"] == "may_do", a["intent"]
    assert not any("其他地方" in x["text"] for x in a["asked"]["limits"]), a["asked"]["limits"]
    later = resolver.resolve(q, as_of="2026-06-01")["asked"]["limits"]
    assert later and all("候选人" in x["text"] for x in later), later


def test_may_they_about_reserved_land_quotes_the_five_percent_cap(resolver: Resolver) -> None:
    # 农村土地承包法（2018）第六十七条：已留的机动地不得超过耕地总面积的百分之五，未留的不得再留；the contract
    # scheme's item rests on it, so a question about keeping half the land in reserve sees the cap
    a = resolver.resolve("村里能把一半耕地留作机动地自己发包吗", as_of=DAY)
    assert a["intent"]["id"] == "may_do" and a["verdict"] == "village_autonomy", (a["intent"], a["verdict"])
    limits = a["asked"]["limits"]
    assert any(x["citation"] == "农村土地承包法@2018-12-29#67.1" and "百分之五" in x["text"] for x in limits), limits


# 组织法（2018）第五条第二款 /（2025）第六条第二款：村委会协助乡镇政府开展工作；2018 第三十七条第一款：委托开展工作
# 需要经费的由委托部门承担；2025 第四十三条第二款：委托事项还应当符合法律、法规规定——政府的事，村里不能自行决定、
# 附加条件或收钱。2018 年文本没有“符合法律、法规规定”一句，答案不得在那天引它
@pytest.mark.parametrize("as_of, article", [(DAY, "第五条第二款"), ("2026-03-01", "第六条第二款")])
def test_may_the_village_act_alone_in_a_matter_it_only_assists_with(resolver: Resolver, as_of: str, article: str) -> None:
    a = resolver.resolve("村委会说低保名额要先交钱才给报上去，这样合法吗", as_of=as_of)
    info = f"verdict={a['verdict']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["verdict"] == "not_for_village", info
    assert a["item"]["kind"] not in ("prohibited", "negative"), info  # the matter stays the assisted duty
    assert article in a["asked"]["text"] and "协助" in a["verdict_zh"], info
    assert ("符合法律、法规规定" in a["asked"]["text"]) is (as_of != DAY), info


# "为啥硬要……" challenges an act as one asks "may they?": a question that names no village body still asks whether
# the village may do it, and a matter it only assists with is not its to dispose of (not the government's part)
def test_why_must_they_about_an_assisted_matter_is_may_they(resolver: Resolver) -> None:
    a = resolver.resolve("低保金是国家为保障贫困人口的基本生活才执行的政策，为啥子硬要拿来大家平分？", as_of=DAY)
    info = f"verdict={a['verdict']} intent={a['intent']} item={(a['item'] or {}).get('id')}"
    assert a["intent"]["id"] == "may_do" and a["verdict"] == "not_for_village", info
    assert a["item"]["kind"] == "assistance", info


# 组织法（2018）第二十四条：集体收益的使用（第二项）、处分集体财产（第八项）经村民会议讨论决定方可办理——问“能不能这样
# 用”就是问该由谁决定：村民会议领头，不是村委会
def test_may_they_about_a_matter_the_meeting_decides_leads_with_the_meeting(resolver: Resolver) -> None:
    a = resolver.resolve("村里的集体收益能拿来给干部发奖金吗？", as_of=DAY)
    info = f"verdict={a['verdict']} intent={a['intent']['id']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["verdict"] == "village_autonomy" and a["intent"]["id"] == "may_do", info
    assert a["asked"]["bodies"][0]["body_type"] == "villagers_assembly" and "村民会议" in a["asked"]["text"], info


def test_who_the_collective_land_s_money_belongs_to_is_the_meeting_s_decision(resolver: Resolver) -> None:
    a = resolver.resolve("这笔钱应该属于全体村民所有，因为这土地是村里的集体用地。", as_of=DAY)
    info = f"verdict={a['verdict']} intent={a['intent']['id']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["verdict"] == "village_autonomy" and a["asked"]["bodies"][0]["body_type"] == "villagers_assembly", info
    assert any(r["role"] == "decides" and "第二十四条" in (r.get("basis_label") or "") for r in a["roles"]), info


# 中办国办 2022 年规范村级组织工作事务的意见：杜绝随意要求村级组织加挂牌子——“这些牌子村里能不能摘”问的是挂牌子这件
# 负担，不是牌子上写的那项服务（残疾人康复、日间照料）
def test_may_we_take_down_the_signboards_asks_about_the_burden(resolver: Resolver) -> None:
    a = resolver.resolve("村委会门口挂了残疾人康复室、日间照料中心好几块牌子，平时没人用，这些牌子村里能不能摘？", as_of=DAY)
    info = f"verdict={a['verdict']} intent={a['intent']['id']} item={(a['item'] or {}).get('id')}"
    assert a["intent"]["id"] == "may_refuse" and a["item"]["kind"] == "prohibited", info
    assert a["verdict"] == "not_for_village", info


def test_may_the_village_help_with_it_is_still_assisting(resolver: Resolver) -> None:
    a = resolver.resolve("村委会能帮村民办理城乡居民医保参保吗", as_of=DAY)
    assert a["verdict"] == "village_assists", f"verdict={a['verdict']} item={(a['item'] or {}).get('id')}"


# 社会救助暂行办法 第十一条、第四十八条：申请向乡镇政府提出，县级民政部门审批——没提村的问题问的是政府的事，
# 结论取审批主体，责任主体与结论同级（不能结论写“区县部门”、责任主体写“镇人民政府”）
@pytest.mark.parametrize("question", ["临时救助怎么申请", "农村低保审批程序流程图"])
def test_the_responsible_body_is_of_the_verdict_s_level(resolver: Resolver, question: str) -> None:
    a = resolver.resolve(question, as_of=DAY)
    level = {"county_department": "county", "town": "town"}.get(a["verdict"])
    info = f"verdict={a['verdict']} item={(a['item'] or {}).get('id')} responsible={a['responsible']}"
    assert level is not None, info
    assert a["responsible"]["body_type"]["level"] == level, info
    assert any(r["role"] == "handles" and r["level"] == "town" for r in a["roles"]), info  # the town's part is still shown


# 农村土地承包法（2018）第十二条第三款：乡（镇）人民政府负责本行政区域内农村土地承包经营及承包经营合同管理——问
# “镇政府管不管”问的是镇政府在这件事中的职责，不是这件事平常由谁承办（集体经济组织）
def test_does_the_named_body_deal_with_it(resolver: Resolver) -> None:
    a = resolver.resolve("我们组的地被村组干部流转给老板挖鱼塘，镇干部说政府不该插手。镇政府对土地流转到底管不管？", as_of=DAY)
    info = f"verdict={a['verdict']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["verdict"] == "town" and a["asked"]["bodies"][0]["body_type"] == "town_government", info
    assert "第十二条" in a["asked"]["text"], info
    # a body the item records no part for is said so, and the topic is the matter, not the body's own work
    b = resolver.resolve("派出所管不管村里的土地纠纷", as_of=DAY)
    assert "没有记录" in b["asked"]["text"] and b["item"]["id"] != "AST-011", b["asked"]


def test_asking_the_steps_of_an_application_leads_with_where_it_is_filed(resolver: Resolver) -> None:
    # 社会救助暂行办法 第十一条、第四十八条：申请向乡镇人民政府（街道）提出，由其受理、调查审核；县级民政部门审批
    # 在后——问"先找谁、走哪几步"，先答受理申请的镇政府
    a = resolver.resolve("家里人突然得了大病，积蓄花光了，想申请临时救助，是找村委会还是直接去乡镇？要走哪些步骤？", as_of=DAY)
    assert a["intent"]["id"] == "procedure"
    assert a["verdict"] == "town"
    assert a["responsible"]["body_type"]["type"] == "town_government"


def test_which_meeting_decides_a_village_works_project_is_answered_with_the_meeting(resolver: Resolver) -> None:
    # 组织法（2018）第二十四条第一款第（四）项：公益事业的兴办和筹资筹劳方案及建设承包方案由村民会议讨论决定;
    # the story's words fit the deliberation service (议事会) and the project's money best, neither of which
    # records who decides: the works item near them that does answers
    a = resolver.resolve("村里要修一段十几万的村道，钱一半是村集体的，一半是上级专项资金。县里的制度说10万元以上先两委讨论、"
                         "再交村民议事会表决、然后招标。这种村里的工程，按法律到底要经过哪个会定？", as_of=DAY)
    assert a["intent"]["id"] == "decides" and a["verdict"] == "village_autonomy", (a["intent"], a["verdict"])
    assert a["asked"]["bodies"][0]["body_type"] in ("villagers_assembly", "villagers_representative_meeting"), a["asked"]
    # asked in so many words whether the plans go to the villagers' meeting first, it is a question of who decides
    b = resolver.resolve("村里搞公益工程，建设承包方案跟集资方案是不是要先拿到村民会议上通过才能办？", as_of=DAY)
    assert b["intent"]["id"] == "decides", b["intent"]
    assert b["asked"]["bodies"][0]["body_type"] == "villagers_assembly", b["asked"]


@pytest.mark.parametrize("question, body", [
    ("村里会计把我们的种粮补贴扣了一半，说是抵村里的开支。这种村干部乱扣钱，我该向哪里举报？", "county_discipline"),
    ("村委会没开会就把鱼塘租出去了，村主任说是两委定的，我准备实名举报，材料往哪递？", "county_discipline"),
    ("村里没开会就把鱼塘租出去了，我去哪里反映？", "town_government"),
    # bribery in an election: the town or county government investigates (组织法 2018 §17)
    ("村主任换届前挨家挨户送米送油拉票，这种村干部贿选该向哪里举报？", "town_government"),
])
def test_reporting_a_cadre_goes_to_the_discipline_commission_first(resolver: Resolver, question: str, body: str) -> None:
    """监察法 §15: those who manage a village's affairs are under the supervision commission, which takes reports
    about them; a complaint about the village's decision (no cadre reported) is the town's to correct (组织法 §36)."""
    a = resolver.resolve(question, as_of=DAY)
    assert a["asked"]["bodies"][0]["body_type"] == body, a["asked"]["bodies"]
    assert a["verdict"] == ("county_department" if body == "county_discipline" else "town"), a["verdict"]


def test_selling_river_sand_is_not_the_village_s_to_decide(resolver: Resolver) -> None:
    # 矿产资源法（2009）第三条：矿产资源属于国家所有，不因其所依附的土地归谁而改变，开采须取得采矿权——村民小组长
    # 把沙洲卖给老板采砂，不是“该由小组会议决定”的集体财产处分，村组无权这样做
    a = resolver.resolve("村民小组长私下把河边的沙洲卖给老板采砂，村里能这样卖沙吗", as_of=DAY)
    info = f"intent={a['intent']} verdict={a['verdict']} item={(a['item'] or {}).get('id')}"
    assert a["verdict"] == "not_for_village", info
    assert any(b["work"] == "矿产资源法" for b in a["bases"]), a["bases"]


def test_membership_is_decided_by_the_members_meeting(resolver: Resolver) -> None:
    # 农村集体经济组织法（2024-06-28 通过，2025-05-01 施行）第十二条第一款：成员由集体经济组织的成员大会确认——晚于清单施行日，
    # 所以这一角色不以它为清单依据，只在说明里写明；村民会议（组织法 2018 第二十四条第一款第（九）项）随后列出
    bodies = resolver.resolve("我是外嫁女，户口一直没迁，集体经济组织的成员资格到底由谁来认定？", as_of="2025-06-01")["asked"]["bodies"]
    assert bodies[0]["body_type"] == "collective_economic_org", bodies
    assert "农村集体经济组织法" in bodies[0]["note"] and "2025-05-01" in bodies[0]["note"], bodies[0]
    assert bodies[1]["body_type"] in ("villagers_assembly", "villagers_representative_meeting"), bodies


def test_who_decides_an_act_the_law_forbids_is_answered_by_the_prohibition(resolver: Resolver) -> None:
    # 农村土地承包法（2018）第二十七条、第二十八条：承包期内发包方不得收回、调整承包地；特殊情形个别调整须经村民会议
    # 三分之二以上同意并报乡镇政府和县级农业农村部门批准。“没经我们同意就把地分了”问的不是镇里批不批，而是能不能这样做
    a = resolver.resolve("村里未经我们同意，私自把我们家的承包地收回了。", as_of=DAY)
    info = f"intent={a['intent']} verdict={a['verdict']} item={(a['item'] or {}).get('id')} asked={a.get('asked')}"
    assert a["item"] is not None and a["item"]["kind"] == "prohibited", info
    assert a["intent"]["id"] == "decides", info
    assert a["verdict"] == "not_for_village", info
    assert a["asked"]["verdict"] == "not_for_village" and "禁止" in a["asked"]["text"], info
    # the lawful path's bodies are still shown, with their bases
    assert any(r["role"] == "approves" and r["body_type"] == "town_government" for r in a["roles"]), a["roles"]


def test_pollution_is_reported_to_the_environment_department_not_penalised_by_stand_in(resolver: Resolver) -> None:
    # 环境保护法（2014）第五十七条第一款：发现污染环境的行为有权向环境保护主管部门举报——“向谁反映”答的是受理举报的主体，
    # 不是借“执法/处罚”的主体顶替
    a = resolver.resolve("村边的化工厂一到夜里就排废气，刺鼻难闻，这事该向哪里举报？", as_of=DAY)
    asked = a["asked"]
    assert asked["answered_role"] == "corrects" and not asked["stand_in"], asked
    assert asked["bodies"][0]["body_type"] == "county_ecology_environment", asked
    assert asked["bodies"][0]["basis"] == "环境保护法@2014-04-24#57.1", asked
