"""What a question asks is read from the sentences that ask: a long story's narrative words
("后来的几个月里", "每月发800元", "没什么好公布的") are not its question."""
from __future__ import annotations

import pytest

from qingdan.queries.intent import asking_clause, bypassed_meeting, detect, personal_misconduct
from qingdan.queries.matching import simplified

STORY = ("我叫张三，家住某镇某村。2019年村里开始修路，后来的几个月里我家先后十几次去村委会问，"
         "村干部说没什么好说的，每月照样开会，可路一直没修好，")


@pytest.mark.parametrize("question, intent", [
    # the question at the end decides, whatever the story counted before it
    (STORY + "这条路到底归谁管？", "responsible"),
    (STORY + "修路的钱该谁出？", "funds"),
    (STORY + "这种情况可以去哪里投诉？", "complaint"),
    (STORY + "村里公布修路账目要多久公布一次？", "timing"),
    # a story that asks nothing is a grievance, not a question of how long
    (STORY + "希望有关部门管一管。", "complaint"),
    # a letter that asks nothing is a petition: it asks whoever can put things right
    (STORY + "后来又过了几个月，还是没人来修。", "complaint"),
])
def test_the_asking_sentence_decides_the_intent(question: str, intent: str) -> None:
    assert detect(question).id == intent


@pytest.mark.parametrize("story", [
    # 哪怕 ("even if") is no question word
    "我们村发福利，男的结婚后老婆孩子都能领，每月每人八百。女的结婚后哪怕户口还在村里，也只有她自己能领，"
    "丈夫和孩子一分没有，这样的规矩已经执行好多年了。",
    # a rhetorical question asserts the grievance; it asks nothing
    "我们村发福利，男的结婚后老婆孩子都能领，女的结婚后户口还在村里，丈夫和孩子却一分没有，这个规矩执行好多年了。"
    "法律不是明确规定男女平等吗？",
    # 谁知 ("who would have thought") tells what happened next
    "去年村里把集体的鱼塘承包给了村主任的表弟，说好一年租金两万，全部入村集体的账。谁知他转手就以五万一年租给了"
    "外地老板，差价全进了自己腰包，村里的账上到现在一分钱都没见到。",
])
def test_a_grievance_without_a_real_question_is_a_complaint(story: str) -> None:
    assert len(story) > 60
    assert detect(story).id == "complaint"


def test_a_short_question_without_a_question_word_keeps_its_cue() -> None:
    # a title-like query ("…流程图") has no question mark and still asks for the procedure
    assert detect("农村宅基地审批程序流程图").id == "procedure"


@pytest.mark.parametrize("question, intent", [
    ("选民名单要提前几天公布？", "timing"),  # 提前几天 asks; 前几年 tells
    ("候选人名单要在选举日前几天公布？", "timing"),
    ("村委会想聘一个报账员，工资从集体收入里出，需不需要开会通过？", "decides"),
    ("村民小组的集体山林要承包出去，是村民小组自己开会定还是村委会定？", "decides"),
    ("村委会要换届了，选举委员会是怎么产生的？", "procedure"),
    ("村里搞环境整治，上面不给钱，费用该谁承担？", "funds"),
    ("协助人口普查的误工费由谁负担？", "funds"),  # 负担 / 支付 / 垫付: other verbs of paying
    ("村里垫付的防疫物资钱最后谁支付", "funds"),
    ("村里收低保手续费合法吗？", "may_do"),  # 手续费 is a fee, not a procedure
    ("发现邻居家孩子被打，村委会要不要报告？", "village_part"),
    ("是村干部说了算吗？", "decides"),
    ("村集体经济组织成员资格谁认定？", "decides"),  # who determines it is who decides
    ("老会计不肯交出公章，这种情况该找谁来让他交出来？", "complaint"),  # someone to make another act: who corrects
    ("谁能管管我们村的干部", "complaint"),
    # a report already made tells the story; the question asks whether the act is allowed
    ("村里修路向每户收了500块，已经向镇里举报了，村委会有权收这个钱吗？", "may_do"),
    ("村干部把低保名额给了自己亲戚，村民去镇里反映过，请问村干部能这样做吗？", "may_do"),
    ("村干部把低保名额给了自己亲戚，请问该去哪里反映？", "complaint"),
    ("村委会把我家的地收回去给别人种了，他们有这个权力吗", "may_do"),
    ("上面搞人口普查，村委会要配合做哪些事", "village_part"),
    ("村干部的工资是财政发还是村里自己出", "funds"),  # a choice between payers asks who pays
    ("村规民约写了乱倒垃圾罚款二百，这样合法吗？", "may_do"),  # whether it is lawful, not who fines
    ("村委会可以把集体的鱼塘租给外村人吗", "may_do"),  # 可以……吗 asks whether it is allowed
    ("村规民约能规定罚款吗", "may_do"),  # may it fine at all, not who fines
    ("谁有权对乱倒垃圾罚款", "enforces"),
    ("同样是7口人，为什么每年的补贴款不一样？是不是被村干部克扣了？", "responsible"),  # 每年 tells, it does not ask when
    ("组里分卖地的钱，说我们几个外嫁女不同意签字就一分钱都不给，只能签了，太欺负人了。", "complaint"),  # asks nothing: a grievance, 不同意 tells
    ("我家宅基地上的老房子塌了，去年就申请翻建，村里说材料交上去了，镇里说没收到，两边推来推去拖了一年多，房子一直没法盖，一家人只能租房住，现在怎么办？", "responsible"),  # after a long grievance 怎么办 asks for a remedy
    ("村民集资修路，有人设障碍拦路收费，这样也叫合法的吗？", "may_do"),  # 合法的吗 asks the same as 合法吗
    ("发包方派人来查看我承包地的利用情况，请问村委会是否有权这样做？", "may_do"),  # 是否有权 asks whether it may
    ("村委会硬要收我们卫生站的管理费，不交就拿去公开招标，我该如何是好？", "responsible"),  # 如何是好 asks for a remedy, not steps
    ("征地款还没到位就让我们签放弃养老保险的承诺书，这正不正常？", "may_do"),  # 正不正常 asks whether it is proper
    ("村里这样收费，这不是违法吗？", "may_do"),  # a short rhetorical question still asks whether it is lawful
    ("村务监督委员会的成员应该由谁来选，支书能直接指定吗？", "decides"),  # who elects is who decides
    ("人口普查是政府搞的，村委会在这里面到底要做什么？", "village_part"),
    ("邻居没批就盖了四层楼，应该由哪个部门来责令停工？", "enforces"),
    # "啥手续都没办" tells what a neighbour did not do; it does not ask for the procedure
    ("隔壁老王去年拆了旧房盖新房，啥手续都没办，一直盖到了四层，把我家的路都挡了，我去找过村里也没用，"
     "请问这种没有许可乱盖房子的，该由哪个部门来查处？", "enforces"),
    ("村里不给出嫁女分征地补偿款，合理吗？", "may_do"),
    ("村规民约里写了酒席超标就罚款，村里能罚款吗？", "may_do"),  # whether a fine is allowed, not who fines
    ("高龄津贴一个月能领多少钱？", "funds"),  # how much is paid: the standard and who funds it
    ("政府部门查清了原委，诉求还是得不到解决，我们这些农民到底该怎么办？", "responsible"),  # a plea for a remedy
    ("老房子翻建之前要怎么办？", "procedure"),  # no plea: the steps to take
    # everyday ways of asking "may they?" / "who pays?" / "when?" / "what are the conditions?"
    ("村里把水塘包给外人了，可以么？", "may_do"),  # 么 as the question particle
    ("没通自来水的人家，为啥还要收水费？", "may_do"),  # "why still charge" disputes the right to charge
    ("村委会开个证明，怎么能收这么高的费用？", "may_do"),
    ("村委会给村民开证明要收20块钱，这合理吗", "may_do"),  # the fee, not the certificate, is what "合理吗" asks about
    ("村道上的路灯坏了谁来修", "responsible"),  # who does the work, not who decides it
    ("水渠堵了该谁清理", "responsible"),
    ("修村道占了我家的地，补偿款谁来给", "funds"),  # 款 is money asked about like 钱 and 费
    ("小组长有权利罚款吗？", "may_do"),
    ("村民烧秸秆，村委会直接罚了他2000块。村委会到底有没有罚款的权力？", "may_do"),  # the power named after the fine
    ("这机动地到底该咋包？是村干部说的算，还是得全村开会定？", "decides"),  # 说的算 is the common typo of 说了算
    ("防秸秆焚烧到底是村委会本来就该干的，还是帮镇上干的活？", "village_part"),
    ("代收医保费算村里的本职，还是帮上面办事？", "village_part"),  # own duty or assisting, asked in other words
    ("巡河这件事是村里本身的职责，还是替镇里干的？", "village_part"),
    ("护林防火里哪些是村委会该做的，哪些是镇里的？", "village_part"),
    ("村干部离任审计的结果啥时候得公布？", "timing"),  # 啥时候 is 什么时候
    ("违规土葬这种事，究竟是哪个部门管、谁有权查处？", "enforces"),  # who has the power to investigate asks who enforces
    ("这笔卫生费我们到底应不应该交？", "funds"),
    ("老人多大年龄可以领高龄补贴？", "timing"),
    ("当村会计有什么学历要求？", "procedure"),
    ("在老宅基地上翻建房子，申请要怎么办理？", "procedure"),
    ("去镇里办宅基地要准备些啥子材料？", "procedure"),
    ("恳请主管部门督促镇政府依法履职。", "complaint"),
    ("村里的事是支书说了算还是村委会说了算？", "decides"),  # "A说了算还是B说了算" asks who decides
    ("小组开会表决通过了，就能扣她们家的补偿款吗？", "may_do"),  # whether a vote makes it lawful
    ("上面又让加挂一块牌子，村里能不挂吗？", "may_refuse"),
    ("村庄规划是村委会自己找人画，还是镇里来编？", "drafts"),
    ("申请宅基地，村里这一环要做什么？", "village_part"),
    # a long "能……吗" still asks whether they may
    ("村里签过协议说地永久归我们种，现在村委会能把我们种了二十多年的地收回去拍卖吗？", "may_do"),
    # "在这事里头": the matter's inside, said as people say it, after a first question about who decides
    ("申请低保最后是不是村里说了算？听说镇里审核、县里批，那村委会在这事里头到底负责干啥？", "village_part"),
    ("听说是农户申请、乡里审核、县里审批，那村委会在这里面到底算干什么的？", "village_part"),  # 干什么的 asks
    ("村委会在评低保里到底管哪一段？", "village_part"),
    ("催缴医保这是村里自己的事，还是帮政府干的活？", "village_part"),
    ("宅基地最后到底是村里批还是乡镇政府批？", "approves"),
    ("想申请低保，从申请到批下来要走哪几步？", "procedure"),  # 批下来 tells where the steps end
    ("经济责任审计是村里自己找人审，还是由镇上的审计站来组织？", "drafts"),
    ("组和组之间的山林权属争议到底该由哪一级政府处理？", "responsible"),
    ("这种纠纷能不能找镇政府处理？", "responsible"),
    ("村委说是经济社定的，经济社又说按章程办，推来推去。我们应该找哪里解决？", "complaint"),
    ("邻居建新房把我家出路挡了，农村违规建房到底该谁来管、谁来叫停？", "enforces"),
])
def test_common_ways_of_asking(question: str, intent: str) -> None:
    assert detect(question).id == intent


def test_a_bypassed_procedure_is_told_not_asked() -> None:
    # "不经过任何程序就…" tells that the meeting was skipped; the question is whether that may be done
    assert detect("村委会能不经过任何程序就把集体的地租出去吗？").id != "procedure"
    assert detect("村委会把集体的地租出去要走什么程序？").id == "procedure"


def test_whom_to_turn_to_is_a_complaint_unless_it_names_the_work() -> None:
    # "该找谁" after a grievance asks whom to turn to; "找谁修" asks who does the repair
    assert detect("补偿款一直拖着不发，我们该找谁？").id == "complaint"
    assert detect("村口路灯坏了好几天，找谁修？").id == "responsible"


def test_skipping_a_step_is_not_refusing_the_work() -> None:
    # "可以不经过招标" asks whether a step may be skipped in the village's own work, not whether it may refuse work
    assert detect("村里的鱼塘可以不经过招标直接包给别人吗？").id != "may_refuse"
    assert detect("镇里派下来的台账，村里可以不填吗？").id == "may_refuse"


def test_what_nobody_approved_is_told_not_asked() -> None:
    # "没有审批" tells that the house went up without approval; the question is whom to turn to
    assert detect("隔壁在自家承包地上盖房子，没有审批，找谁处理").id != "approves"
    assert detect("在承包地上盖房子要谁审批").id == "approves"
    assert detect("农村违建谁来拆").id == "enforces"


@pytest.mark.parametrize("story", [
    "组里的鱼塘是组长私下跟老板约定包出去的。",
    "村干部背着村民把集体的山林卖了。",
])
def test_a_private_deal_bypasses_the_meeting(story: str) -> None:
    # a deal made privately or behind the villagers' backs skipped the meeting that decides it
    assert bypassed_meeting(story)
    assert not bypassed_meeting("组长跟老板约定好了，下周开村民小组会议表决。")


def test_of_several_questions_the_first_counts_as_much_as_the_last() -> None:
    # "还能找谁？…能不能罢免？": the question asked first is the main one, the later one is a follow-up
    q = ("村里的征地款一直不公布，我们先问了村民小组长，他也说不清楚。下一步还能找谁？"
         "要是多数村民都不信任这届村委会的干部了，能不能直接开会罢免他们？")
    assert detect(q).id == "complaint"


@pytest.mark.parametrize("question, clause", [
    # the sentence opens with a clause that only asks "is it lawful"; the act is in the clause that asks last
    ("流转款被扣了一部分。我不清楚这样做合不合法，我想知道村委会有没有权力截留我们的流转款呢？",
     "我想知道村委会有没有权力截留我们的流转款呢"),
    # a clause that names no act ("这样做合法吗") is no clause to search: the whole asking sentence is
    ("村里要每户交五百块修路钱。这样做合法吗？", None),
])
def test_a_may_do_question_asks_about_the_act_in_its_last_asking_clause(question: str, clause: str | None) -> None:
    assert asking_clause(question, "may_do") == clause


@pytest.mark.parametrize("question, intent", [
    # south-western 哪个 means "who" before a verb of paying, approving, drafting, deciding
    ("县里搞普查，镇上让村里派人入户登记，这个误工钱到底该哪个出？", "funds"),
    ("宅基地申请村里开会同意了，也公示了，接下来最后是哪个批？", "approves"),
    ("村庄规划到底是村委会自己编，还是镇上编？按规定该哪个来组织编制？", "drafts"),
    ("组上的鱼塘要发包，到底应该哪个说了算？", "decides"),
])
def test_the_dialect_who_is_read_as_who(question: str, intent: str) -> None:
    assert detect(simplified(question)).id == intent


def test_which_before_a_body_or_place_is_still_which() -> None:
    assert "哪个市" in simplified("揭阳潮汕属于哪个市区") and "哪个部门" in simplified("该找哪个部门来处理")


@pytest.mark.parametrize("question", [
    "村民代表会议表决通过了，这个决定就算合法了？",
    "村委会扣这笔钱有依据吗？",
    "合作社开会定了就能这么办？",
    # the assembly itself voted: asking whether the vote makes it lawful
    "老板想买村东头的耕地盖厂房，村民大会表决过了，村里就能把地卖给他了？",
])
def test_asking_whether_a_decision_is_lawful_is_may_do(question: str) -> None:
    assert detect(simplified(question)).id == "may_do"


@pytest.mark.parametrize("question, intent", [
    ("我承包的杉木林想砍了卖，村里说要先办采伐证。这个证是哪个发的？", "approves"),
    ("在村里开小卖部，营业执照是谁发的？", "approves"),
    # a certificate the village is asked for stays a certificate question
    ("这个无犯罪记录证明是谁开的？", "certificate"),
])
def test_who_issues_a_permit_asks_who_approves(question: str, intent: str) -> None:
    assert detect(simplified(question)).id == intent


def test_a_decision_questioned_after_the_fact_asks_who_decides() -> None:
    story = "村支书从集体账上拿了18万装修办公室，说是两委研究过的。可村民会议、代表会议都没开。他们两委研究就算数了吗？"
    assert detect(simplified(story)).id == "decides"
    assert bypassed_meeting(simplified(story))


def test_whose_consent_asks_who_decides() -> None:
    # "该谁同意了才能…" asks whose consent the act needs: the meeting that decides, not who does the work
    assert detect(simplified("村里的集体收入拿去给干部发奖金，要谁同意了才能发？")).id == "decides"
    assert detect(simplified("集体的地租给外人，得经过谁同意？")).id == "decides"


@pytest.mark.parametrize("question, intent", [
    # written Cantonese: 边个 is 谁, 冇 is 没有
    ("隔篱起屋冇手续，边个负责查处？", "enforces"),
    ("条村嘅账冇公布，我哋揾边个反映？", "complaint"),
    # 唔 is 不 and 咁 is 这样: "可唔可以咁做" asks whether they may
    ("村里将我剔出分红名单，村委会可唔可以咁做？", "may_do"),
    # "村里有义务……吗" asks what the village's part is, as "村里有没有义务" does
    ("县里搞农业普查，村里有义务派人配合吗？", "village_part"),
    ("村口条河有人倒垃圾，村里对条河有冇责任？", "village_part"),
    # who has the power to make them change it asks who corrects
    ("村规民约里写着外嫁女不分红，谁有权叫村里改过来？", "complaint"),
    # "哪个部门来处理、责令拆除": the verb of enforcement after 处理 still asks who enforces
    ("邻居在承包地里盖了房，该哪个部门来处理、责令拆除？", "enforces"),
    # after "may they?", a follow-up that asks who makes them stop or change it is the question labelled
    ("有人没办许可证就盖厂房，村委会能罚他吗？要是不能，该谁来管、让他停工？", "enforces"),
    ("代表会通过的规矩不让外嫁女分钱，这合法吗？要是不合法，谁能管着让村里改过来？", "complaint"),
    # "几天内要去申诉" asks by when, not where
    ("选民名单上没有我家老二，有意见几天内要去申诉？", "timing"),
    # 几日 counts days as 几天 does
    ("选民名单要提前几日公布？", "timing"),
])
def test_dialect_and_duty_readings(question: str, intent: str) -> None:
    assert detect(simplified(question)).id == intent


def test_a_candidate_handing_out_red_envelopes_is_vote_buying_not_a_cadre_taking_bribes() -> None:
    # 组织法（2018）第十七条：贿选由乡级或县级人民政府调查处理；收红包的干部本人才归监察（监察法第十五条）
    assert not personal_misconduct("换届前有个候选人挨家挨户送红包，一户两百块")
    assert personal_misconduct("村支书收了我家的红包还不给办事")


@pytest.mark.parametrize("question", ["村里自己定的这个建房押金该交吗？", "这笔管理费要交么",
                                      # the village levying a fine, then "要得不": may it? (not who fines)
                                      "村规民约写了乱丢垃圾罚一百，村上收这个罚款要得不？"])
def test_must_i_pay_this_asks_whether_the_charge_is_allowed(question: str) -> None:
    # "这个钱该交吗" doubts the charge itself (may the village levy it?), not who pays for a piece of work
    assert detect(simplified(question)).id == "may_do"


def test_papers_named_in_a_may_they_question_are_not_a_procedure_question() -> None:
    """"拿办手续卡村民" tells what the village holds back; only "要走什么手续" asks for the steps."""
    assert detect("村里说不听话就一律不给办转学、上户口这些手续，村里能这样拿办手续卡村民吗？").id == "may_do"
    assert detect("村里想在后山修公益性公墓，要走什么手续？").id == "procedure"


def test_a_half_width_not_is_no_rhetorical_question() -> None:
    """"这些不是村里本职的活,村里可以推掉吗?" asks whether the village may refuse; with half-width marks the
    "不是……吗" once ran across the comma and blanked the question as rhetorical."""
    assert detect(simplified("各部门的任务都往村里压。这些不是村里本职的活,村里可以推掉吗?")).id == "may_refuse"


def test_asking_who_investigates_a_cadre_is_about_the_person() -> None:
    # 监察法 §15: who investigates the cadre himself, whatever he did
    assert personal_misconduct("这种村干部该由谁来查处？")
    assert personal_misconduct("该由谁来查处村支书？")
    assert not personal_misconduct("村里的违建该由谁来查处？")
    # a cadre pocketing collective money as a "辛苦费" is his own wrongdoing
    assert personal_misconduct("补偿款转到副书记账上，支书和副书记商量着当辛苦费平分了")
    # so is claiming a subsidy in someone else's name or on forged papers
    assert personal_misconduct("村干部编假材料，把小组长的名字报上去顶名领危房改造补助")


@pytest.mark.parametrize("question", ["这种村里的工程，按法律到底要经过哪个会定？",
                                      "村里的大事到底是支部说了算、村委会说了算，还是村民会议说了算？",
                                      "集体山林包给本村以外的人，到底要经过谁同意才算数？"])
def test_which_meeting_or_whose_consent_asks_who_decides(question: str) -> None:
    assert detect(simplified(question)).id == "decides"


def test_how_a_thing_was_decided_told_as_unknown_does_not_ask_who_decides() -> None:
    # "贫困户怎么定的我们都不清楚" tells what villagers cannot see; the question is where to take it
    text = "村里的财务一次都没公开过，扶贫的钱、贫困户怎么定的我们都不清楚。找村干部说了也没用，该去哪反映，谁能叫他们把账公开？"
    assert detect(simplified(text)).id == "complaint"


def test_the_first_step_asks_for_the_procedure() -> None:
    text = "家里老人想申请低保，有人说先到村委会填表、开收入证明、村里开会评议，也有人说直接去镇上申请。到底第一步该找谁？"
    assert detect(simplified(text)).id == "procedure"


@pytest.mark.parametrize("question, intent", [
    # a vote told, then "这样做行吗": whether the vote makes it lawful
    ("村里要是开会表决把外嫁女排除在分红之外，这样做行吗？", "may_do"),
    # who repays a debt the village owes is who pays
    ("村委会当年欠的钱，现在该由谁来还？", "funds"),
    ("老班子不移交账目，到底谁该出面督促纠正？", "complaint"),
    ("这个民主评议应该由谁来主持？", "drafts"),
    ("水塔建在哪、管网怎么铺，村支书一个人能定吗？", "decides"),
])
def test_more_role_cues(question: str, intent: str) -> None:
    assert detect(simplified(question)).id == intent


def test_how_many_signatures_asks_for_the_procedure() -> None:
    # 组织法 §21.2: a tenth of the villagers may propose a meeting; how many must sign is a step of the procedure
    text = "村里要卖一块集体的地，村委会一直不开会说明。我们村民想联名要求开村民大会，要多少人签名才行？签好交给谁？"
    assert detect(simplified(text)).id == "procedure"


def test_which_of_two_bodies_deals_with_it_is_asked_in_so_many_words() -> None:
    # "A管还是B管" names the question (who is responsible); with no cue at all the resolver would read a story
    # about a matter a village meeting decides (续包山林) as asking who decides
    read = detect("那片山林村里开会续包给了我，同村两户又拿老土地证来争。个人跟村里争林权，到底是镇政府管还是县里管？")
    assert read.id == "responsible" and read.cue is not None and "管还是" in read.cue
