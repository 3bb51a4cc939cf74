"""What a question asks about its topic: who approves, who pays, may the village refuse, how often …

The topic (which work) and the intent (what about it) are kept apart: "宅基地最后谁批" and
"宅基地方案谁讨论" are about the same item but ask for different bodies. The intent set is small and
closed, so cue patterns do. A real question is often a story with the question at its end, so a
cue counts more the later it stands; a story about a cadre's wrongdoing with no question of its
own asks who deals with it. Cues are general Chinese usage and the development questions, never
the held-out ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

INTENT_ZH: dict[str, str] = {
    "responsible": "归谁管、谁负责",
    "approves": "谁审批、谁发证",
    "decides": "谁决定、要不要村民会议同意",
    "drafts": "谁制定、谁组织",
    "funds": "谁出钱、经费谁承担",
    "complaint": "向谁反映、谁来纠正",
    "enforces": "谁执法、谁处罚",
    "may_refuse": "村里能不能拒绝",
    "certificate": "村里能不能开这个证明",
    "timing": "多久一次、几天、什么时候",
    "procedure": "怎么办、走什么程序",
    "village_part": "村里在这件事里做什么",
    "may_do": "能不能这样做",
    "forbidden": "干部这样做行不行",
}
# the role whose body an intent asks for (None: the answer leads with the item's verdict as listed)
INTENT_ROLE: dict[str, str | None] = {
    "responsible": "handles", "approves": "approves", "decides": "decides", "drafts": "drafts",
    "funds": "funds", "complaint": "corrects", "enforces": "enforces", "may_refuse": None,
    "certificate": None, "timing": None, "procedure": None, "village_part": None, "may_do": None, "forbidden": None,
}

# (intent, weight, pattern): weight 3 = a question about that and nothing else, 2 = a clear cue,
# 1 = a hint that a stronger cue elsewhere overrides
_CUES: list[tuple[str, int, str]] = [
    ("certificate", 3, r"(开|出具|出|打|办|盖章的?|盖个章的?|给开)(个|张|份|一张|一份)?[^，。？?！!]{0,12}证明|证明[^，。？?！!]{0,10}(开|出具|盖章|盖.{0,2}章)"),
    ("certificate", 2, r"证明"),
    ("funds", 3, r"谁(来)?(出钱|出资|掏钱|买单|埋单|付钱|付费|支付|负担|垫付|兜底|拿钱|给钱|承担(费用|经费)|报销)|(经费|费用|费|钱|款|工资|报酬|补贴|补助|开支|成本|资金)(到底|究竟)?(从哪|(该|应该|应|要|由)?谁(来)?(出|付|发|承担|负担|支付|给|掏))|费随事转|(钱|债|欠款|借款|欠账|外债)[^。？?！!]{0,10}(该|应该|应当|要)?(由)?谁(来)?(还|偿还|归还)"),
    ("funds", 2, r"(国家|政府|财政|上面|上级|村里|集体)(发|出|给|拨|承担|掏)还是|(国家|政府|财政|上面|村里|村民|自己|个人)(出钱|拿钱|掏钱|拨款|出资)|经费.{0,6}(来源|哪来|从哪)|工作经费|领(多少|几)(钱|块)|(补贴|补助|津贴|救助)(标准)?(是)?多少|(该不该|应不应该|应该不应该|要不要|用不用)(交|缴)(钱|费)?(?!(材料|资料|申请|表))"),
    ("complaint", 3, r"(投诉|举报|申诉|告状|讨说法|讨个说法|给个说法|说理)|谁(该|应该|应当)?(有权|能|可以)?(来)?(管着|出面)?(叫|让|要求|责令|督促)[^，。？?！!]{0,8}(改|纠正|撤销|退还|停|公开|公布|公示)|(去|找|向)(哪|哪里|哪儿|哪个部门|什么部门|谁)(反映|投诉|举报|告|申诉|纠正|解决)|谁(来)?(纠正|责令|撤销|查处)|(找谁|谁)(能|可以)?(来)?(让|叫|逼|督促|责令|管管).{0,4}?(他|她|村里|村委|干部)"),
    ("complaint", 2, r"反映|不满意|不服|没人管|不作为|调查|查一查|过问|公道|(希望|请|恳请|肯请|要求)(有关|相关|上级)?(主管)?(部门|领导|政府)|该找哪个部门|找哪个部门|还能找谁|找谁(?![修办开弄盖签批领交报登咨问])|依法履职"),
    ("enforces", 3, r"(谁|哪个部门|谁来|哪里)(来)?(负责)?(罚|处罚|罚款|执法|取缔|没收|拆除|拆(?!迁)|查处|叫停|制止)|执法权|谁来罚|谁有权(力|利)?(来)?(查处|处罚|罚款|执法|拆除|取缔|没收)|(谁|哪里|哪个部门|法院)[^，。？?！!]{0,3}强制执行|申请强制执行|(哪个|什么|哪些)(部门|单位|机关)(来)?((处理|管)[、和]?)?(责令|查处|处罚|罚|执法|拆除|取缔|没收)"),
    ("enforces", 2, r"处罚|罚款|执法|(让|叫|责令)[^，。？?！!]{0,3}(停工|停建|拆除|拆掉)"),
    ("approves", 3, r"(谁|哪个部门|哪里|哪儿|在哪)(来)?(批|审批|批准|核准|审核|核发|发证|发放许可|签发|办理许可|发许可)|(去|到)(镇|乡|县|区).{0,6}(领|办)证|批不批|谁[^，。？?！!]{0,4}批下来|批下来(了)?(没|吗|么)|批(准)?还是[^，。？?！!]{1,10}批|报(谁|哪里|哪儿)批|(证(?!明)|许可证?|执照)[^，。？?！!]{0,4}(是)?(谁|哪里|哪个部门)(来)?(发|开)"),
    ("approves", 2, r"审批|批准|许可|规划证|核发|报批|登记证|纳入"),
    ("drafts", 3, r"(谁|哪个部门)(来)?(负责)?(制定|编制|起草|拟定|组织|牵头|定方案|出方案|主持|召集)|(镇|县|区|乡)(里)?组织还是|还是(由)?(镇|乡|县|区|街道)[^，。？?！!]{0,6}?(来)?(编|编制|制定|起草|组织)"),
    ("decides", 3, r"(谁|由谁|该由谁)(来)?(决定|说[了的]算|拍板|做主|定|通过|认定|确定|确认|同意)|(能|可以|有权)(不能)?自己(做主|决定|说[了的]算|拍板)|一个人(就)?(能|可以)?(定|决定|说[了的]算|拍板|做主)(吗|么|嘛|不|[？?])|要不要(经过|开|召开)?(村民)?(会议|大会|代表会)|(需要|要|得|须|必须)(经过)?(全体)?(村民|群众|成员)(会议|大会)?(同意|通过|表决)|是.{1,8}说[了的]算(吗|嘛|么|不)|未经.{0,8}同意|算不算数|算数了?(吗|么|嘛)|有(没有)?权(力)?决定|谁官更大|"
                   r"(开会|上会|开大会)(通过|讨论|决定|表决)|定还是|(说[了的]算|做主|拍板)[，,、]?还是|(怎么|如何)定|(经过|由|开|上|要)哪(一)?(个|种|级)(会|会议)(来)?(定|决定|通过|表决|讨论|同意)|(经过|经|要)谁(的)?同意|(由谁|谁)(来)?(选|推选|选出|选举产生)|"
                   r"(是不是|要不要|需不需要|是否|必须|得|需要)[^，。？?！!]{0,8}(村民会议|村民代表会议|村民大会|代表会议?|成员大会)上?(讨论)?(通过|同意|表决)"),
    ("decides", 2, r"(村民会议|村民代表会议|村民大会|成员大会)(同意|讨论|表决|通过)|表决|三分之二|过半数|一人说[了的]算|自作主张|(怎么|如何|怎样)(分配|分)|两委(商量|开会|定)|不同意"),
    ("may_refuse", 3, r"(能|可以|有权|敢)不?(拒绝|推掉|推辞|不接|不干|不做|不办|不配合|不设|不挂|不签|不搞|不报|不去|不交|不缴|不认|不参加|摘)|能不能不(?!经|通过|开会|公开|公示|招标)|可以不(?!经|通过|开会|公开|公示|招标)|能推吗|往村里推|推给村|说不(去|干|报)|必须(要)?(完成|做|干|配合)吗|凭什么(让|叫|要)|硬(塞|压|派)|被追责|会不会挨批"),
    ("may_refuse", 1, r"摊派|压(给|到)村|甩(给|锅)|考核排名|排名通报|形式主义|台账|填表|借调|借去|借用"),
    # "几日内要去申诉": a deadline asked for the act it names (the 申诉 is what must be done in time, not where)
    ("timing", 4, r"(几|多少)(天|日|个月|个工作日)(内|之内|以内)"),
    # "每年""每月""任期" alone tell of the matter ("为什么每年的补贴款不一样"), they do not ask when
    ("timing", 3, r"多久|多长时间|几天|多少天|几日|几个月|多少日|几年|多少年|几号|什么时候|啥时候|何时|期限|时限|截止|间隔|频次|一年几次|几月|哪个月|发放时间|最长|多大(年龄|岁数)|几岁|多少岁|几点"),
    ("procedure", 3, r"流程|程序|步骤|第一步|头一步|(要|需要|得)(有)?多少(个)?(人|户|名|村民|代表)[^，。？?！!]{0,4}(签名|签字|联名|提议)|哪几步|几步|(什么|哪些|啥|哪几道|几道)(样的)?手续|手续(怎么|如何|有哪些|是什么|要哪些)|(要|需要|得)(办|走|办理)(什么|哪些|啥)?手续|怎么(申请|走|操作|召开|换届|招标|选|办理)|如何(申请|办理|换届|招标|产生|召开|处理|进行|操作)|咋(办|弄|走|申请)|(需要|要|得)(准备|带|提供|交)?些?(什么|哪些|啥子?)(材料|资料|证件)|(去|在|到)哪(里|儿)?(办|申请)|操作手册|流程图|怎么写|哪几种形式|是如何|(怎么|如何|怎样)(产生|选出|推选)"),
    ("procedure", 2, r"有(什么|哪些|啥)?(学历|年龄|户籍|资格)?(条件|要求)(吗|么)?[？?]?$|(能|可以)(办|办理|申请)[^，。？?]{0,8}(吗|么|[？?])"),
    ("procedure", 1, r"怎么办|如何|怎样|怎么(处理|解决)"),
    ("village_part", 3, r"村(里|委会|委|居委会|民委员会)?(在?(这里面|这里头|这里|里面|其中|这件事(情)?(里头|里面|里|当中|中)?|这事(里头|里面|里|当中|中)?|中间|这一环|这个环节|这一步|这一块))?(到底|究竟)?(要|需要|该|应该|得)?(负责|配合|协助)?(算|是)?(做|干)(些)?(什么|啥|哪些)|村(里|委会|委)?(到底|究竟)?管到哪|村(里|委会|委)[^，。？?！!]{0,10}(到底|究竟)?管哪(一)?(段|块|部分|些|一环)|是村(里|委会|委)?(自己)?(该|应该)?管的(吗|么|嘛|事)|村(里|委会|委)?自己的事[^？?]{0,3}还是|(本来|本身)(就)?(该|应该|要)?(干|做|管)的(事|活)?[，,]?还是(帮|替|给)|(本职|分内|本身)(的|嘅)?(职责|工作|事|事情|嘢|活)?[^？?。]{0,4}(还是|定系|抑或|或者是)[^？?。]{0,6}(帮|替|给|协助)|哪些(是|系)村(里|委会|委)?(该|应该|要)(干|做|管)的|村里(做|干)(什么|啥)|村(里|委会|委)?(怎么|如何|咋)(处理|应对|办|做)|"
                        r"村(里|委会|委|干部)(到底|究竟)?(管不管|要不要|该不该|需不需要|用不用|有没有(义务|责任))|是村(里|委会|委)?的事|"
                        r"村(里|委会|委|干部)?[^，。？?！!]{0,8}有(没有)?(这个|这种|这份)?(义务|责任)[^，。？?！!]{0,8}(吗|么|嘛|[？?])|"
                        r"村(里|委会|委|干部)?(要|需要|必须|得|该|应该)(去)?(配合|协助|参与|帮忙)(吗|么|不)|"
                        r"(找|让|叫)村(里|委会|委|干部)?.{0,4}(做|干|帮)(什么|啥|哪些)|村(里|委会|委)?(要|需要|该|应该)(配合|协助)(做|干)(什么|啥|哪些)"),
    ("may_do", 3, r"(?<!谁)(能|可以|有权(利|力)?|有没有权(利|力)?|凭什么)[^，。？?！!谁]{0,6}(罚款|罚钱|收费|收钱)|怎么(能|能够|可以)(收|收取|罚|扣|要)|"
                  r"(有没有|有无|有)(罚款|罚钱|收费)的?(权力|权利|权)"),
    ("may_do", 3, r"(收|罚|扣)[^，。？?！!]{0,6}(要得不|要不要得|行不行|行吗|可以吗|能行吗|对吗|对不对)|(钱|费|押金|罚款|保证金)[^，。？?！!]{0,4}(该|要|得|应该|必须)(交|缴|给)(吗|么|嘛|[？?])|(合法|违法|合规|违规)(的|了)?(吗|么|嘛|不[？?]|[？?])|合不合(法|规)|有(没有)?(法律)?依据(吗|么|[？?])|(能|可以)(这么|这样)(办|搞|做|干|弄)|是否合(法|规)|符不符合(规定|法律)|正(不)?正常(吗|么|嘛)?[？?]"),
    # "开会表决就能这么做吗": whether a vote makes the act lawful, not who decides it ("开会表决" alone)
    ("may_do", 4, r"(表决|举手|投票|过半数|开会|大会|村民会议|代表会议?|成员大会)[^？?。！!；;]{0,16}就(能|可以|算)[^，。？?]{1,20}[？?]|"
                  r"(就算|即使|即便)[^？?。！!；;]{0,20}(通过|同意|表决|决定)[^？?。！!；;]{0,20}(能|可以)[^，。？?]{1,20}(吗|么|嘛)|"
                  r"(表决|举手|投票|开会|大会|村民会议|代表会议?|成员大会)[^？?。！!；;]{0,24}(这样|这么)(做|办|搞|干|定)?(的话)?(行|可以|合法|算数)(吗|么|嘛|不)"),
    ("may_do", 2, r"能不能|可不可以|可以吗|行不行|行吗|要得不|要不要得|合理吗|公平吗|是不是违(规|法|纪)|算不算违(规|法|纪)|有没有权|是否有权|有权.{0,12}吗|是否可以|能否|允许吗|能[^，。？?！!]{1,24}吗|可以[^，。？?！!]{1,24}吗|有没有.{0,6}限制|(可以|行|能)么|(凭什么|为啥子?|为什么|为何)(还)?(硬|非|偏)?(要)?(收|罚|扣|截|占|拆|管|享受)|(凭什么|为啥子?|为什么|为何)[^，。？?！!]{0,6}(硬|非|偏)要|(有|有没有)(那么大的|这么大的)权(力|利)|有(这个|这种|这样的)权(力|利)?(吗|么|嘛)"),
    # "我们该怎么办" after a grievance asks for a remedy (who deals with it), not for the steps of a procedure
    ("responsible", 2, r"(我|我们|我家|咱们|咱|农民|村民|老百姓)(这些)?(农民|村民|老百姓)?(到底|究竟)?(该|应该|应当|要|能)?(怎么办|如何是好|怎么是好)"),
    # "镇政府对土地流转到底管不管", "归不归街道管": whether a body the question names deals with it, and nothing else
    ("responsible", 3, r"(镇|乡|街道|政府|县|区|局|所|部门|委员会)[^，。？?！!]{0,8}(管不管|该不该管|应不应该管|负不负责)|(是|归)?[^，。？?！!]{1,8}管还是[^，。？?！!]{1,10}管|归不归[^，。？?！!]{1,8}管|(能不能|可不可以|能否|可以)(找|去找|请|让)(镇|乡|县|区|街道)[^，。？?！!]{0,4}(处理|解决|管|调解)"),
    ("responsible", 2, r"(哪个|什么|哪些|哪一级|哪级)(部门|单位|机关|政府)(来)?(申请)?(处理|负责|管|解决|裁决)|找谁|归谁管|谁(来)?管|谁负责|归哪个部门|哪个部门管|管不管|该不该管|应不应该管|负不负责|谁的事|谁的责任|是谁的职责|归谁|属于哪个部门|(该|应该|应当|由)?谁(来)?(公示|公布|张榜|通知|登记)|"
                       # "路灯坏了谁来修": who does the work, not who decides it
                       r"(该|应该|应当|由)?谁(来)?(修|维修|修理|清运|清理|打扫|清扫|维护|养护|管护)"),
]
_COMPILED = [(intent, weight, re.compile(p)) for intent, weight, p in _CUES]
# among equal scores, the more specific intent wins
_PRIORITY = ["certificate", "funds", "may_refuse", "approves", "drafts", "enforces", "decides", "complaint",
             "timing", "procedure", "village_part", "may_do", "responsible"]

# a charge asked about ("收20块钱", "要交手续费"): with a certificate, the fee is what "合理吗" asks about
FEE = re.compile(r"收(费|钱|取)|(收|要|交)了?\d+(元|块)|(要|交)了?钱|手续费|工本费|管理费|辛苦费")

# words that say a cadre did wrong; without them, a behaviour that matches the topic only says
# which duty the question is about, not that it is about misconduct
MISCONDUCT = re.compile(r"私自|擅自|私下|偷偷|自己(做主|决定|说[了的]算)|一个人说[了的]算|说[了的]算|截留|挪用|侵占|贪污|贪|中饱私囊|私分|克扣|"
                        r"优亲厚友|人情保|关系保|吃拿卡要|好处费|收礼|送礼|收红包|回扣|虚报|冒领|套取|霸占|"
                        r"不公开|不公示|不公布|没有公开|从来没有公开|拖着不办|不作为|刁难|打牌|赌博|酒驾|贿选|拉票|违规|违纪|违法|"
                        r"不经过|不开会|没开会|乱收费|乱摊派|强行|威胁|打击报复|拒不|隐瞒|造假|弄虚作假|去向不明|不公平|随意|"
                        r"自作主张|据为己有|殴打|权势|乱罚|乱收|拦路收费|设卡收费|设卡|手续费|好处|卡着|不交(钱)?就不|交钱才|先交.{0,6}(钱|元|块)|"
                        # charging for a certificate or a stamp: the prohibited list names it (借办事、盖章、出具证明向群众收费)
                        r"(证明|盖章|盖个章)[^，。？?！!]{0,8}收(费|钱|取|了?\d+(元|块))|收(费|钱)[^，。？?！!]{0,6}(开|出具|盖)[^，。？?！!]{0,4}(证明|章)")


# acts the law forbids whatever a meeting votes (组织法 §27.2: no decision may infringe a villager's person,
# democratic rights or property): taking someone's money or land, fining, forcing; and selling land
# (土地管理法 §2.3). Asked "may they?", the answer is no, not who should have decided
DEPRIVES = re.compile(r"罚款|罚\d|乱罚|(?<!折)扣(下|着|留|回|发|掉|押|了|钱|款|除)|克扣|截留|强(行|迫|制|拆)|逼(着|迫)|不准(?!确)|剥夺|摊派|押金|保证金|"
                      r"卖(掉|了)?[^，。？?！!]{0,8}(土地|地皮|耕地|水田|田地)|(土地|地皮|耕地|水田|田地|田|山林|林地)[^，。？?！!]{0,4}卖(掉|了)|"
                      r"(排除|剔除)[^，。？?！!]{0,8}(在外|外面|分配|名单)|不给[^，。？?！!]{0,12}分|白送|无偿(送|给|划|转让)|取消[^，。？?！!]{0,10}(分红|分配|股份|股权|待遇|资格)|不(将|把)?[^，。？?！!]{0,6}列入[^，。？?！!]{0,8}(名单|分配|分红)|除名|划掉|一分(钱)?(都|也)?(没|没有|冇|未)(给|分|发)?|拒绝[^，。？?！!]{0,4}(发放|分配|发给|给)|不分(钱|红)|收(回)?[^，。？?！!]{0,4}(承包)?地(?!方)|(分红|股份|股权|待遇|资格)[^，。？?！!]{0,4}(给)?取消")


def deprives(text: str) -> bool:
    return DEPRIVES.search(text) is not None


# whether a decision stands ("算不算数", "有没有效"), asked in the same sentence as the taking it decided
VALIDITY = re.compile(r"算(不)?数|作(不)?数|有(没有|无)?效|无效|合(不合)?法")


def validity_of_taking(asked: str | None) -> bool:
    return bool(asked) and deprives(asked) and VALIDITY.search(asked) is not None


# an asking sentence that points back at what the story told ("村里可不可以这样规定？") asks about that act
POINTS_BACK = re.compile(r"这样|这么|这种|这般")


def points_back(asked: str | None) -> bool:
    return bool(asked) and POINTS_BACK.search(asked) is not None


# "开会表决了就能……吗", "就算村民代表会议通过了，村里能……吗": whether a meeting's vote makes an act lawful
VOTE_ASKED = re.compile(r"表决|举手|投票|过半数|开会|大会|会议|通过|同意")


def vote_asked(intent: Intent) -> bool:
    return intent.id == "may_do" and intent.cue is not None and VOTE_ASKED.search(intent.cue) is not None


# what a cadre does wrong as a person (takes bribes, embezzles, strikes someone), not what the village
# decides wrongly: the discipline and supervision commission deals with the person (监察法 §15 puts
# those who manage a village committee's affairs under it), before the town corrects the village's act
PERSONAL = re.compile(r"收礼|收了.{0,6}礼|受贿|索贿|(收|拿|要)了?[^，。送]{0,6}红包|回扣|好处费|(收|拿|要)[^，。]{0,2}好处|表示表示|吃拿卡要|贪污|贪腐|腐败|中饱私囊|侵吞|侵占|挪用|私分|"
                      r"据为己有|冒领|冒名|顶名|骗取|骗领|套取|虚列|辛苦费|截留|克扣|殴打|打人|动手打|赌博|吸毒|利用职务之便|以权谋私")


# deciding without the meeting that decides: the story asks who should have decided
BYPASS = re.compile(r"未经.{0,12}(同意|讨论|表决|通过)|没有(经过|通过).{0,12}(会|同意|讨论|表决)|没(有)?(召开|开)[^，。,]{0,8}(会议|大会|代表会|会)|(会议|大会|代表会)[^，。,]{0,4}(都|也)?没(有)?(召开|开)|不经过?.{0,8}(会议|大会|讨论|表决|程序)|"
                    r"私自|私下|暗中|背着(村民|群众|大家|我们|全体)|自作主张|一(个)?人说[了的]算|擅自|暗箱操作")


# "没有审批", "未经批准", "无证": what was not approved is the story's fact, not the question
UNAPPROVED = re.compile(r"(没有|没|未经|未|不经|无)(经过|办|办理|获得|取得|得到)?$")


# a report already made ("去镇里反映过", "已经举报了", "投诉到镇上也没回音") tells what happened before
# the question; the question itself may ask something else ("村干部能这样做吗")
PAST_REPORT = re.compile(r"(已经|已|多次|曾经|曾|屡次|反复|几次|好几次|一直)[^，。？?！!,]{0,10}(反映|投诉|举报|上访|信访|申诉)|"
                         r"(反映|投诉|举报|上访|信访|申诉)(过|了|到|后|无果|未果|多次|好几次|几次|也没|都没)")


@dataclass(frozen=True)
class Intent:
    id: str
    role: str | None
    cue: str | None  # the words that decided it
    told: bool = False  # the cue stands in a sentence that tells the story, none asks for it
    learnt: float | None = None  # read by the intent prior (its probability), not by the cues (queries/intent_prior.py)
    taken: bool = False  # a reading the answer takes on purpose (queries/readings.py): what the story tells redirects it nowhere

    @property
    def zh(self) -> str:
        return INTENT_ZH[self.id]

    def as_dict(self) -> dict[str, str | float | None]:
        return {"id": self.id, "zh": self.zh, "role": self.role, "cue": self.cue, "learnt": self.learnt}


# "may the village help with this / do it on our behalf?" asks whether it may assist, which it may; "may the
# village do this?" about a matter it only assists with asks whether it may act alone, which it may not
HELPING = re.compile(r"帮|协助|代(办|缴|交|领|收|填|签|为)|配合|上门")


def asks_to_help(asked: str) -> bool:
    return HELPING.search(asked) is not None


# the words of a question that asks where to complain, not a grievance's own words (反映, 没人管)
WHERE_TO_TURN = re.compile(r"(去|找|向|到)(哪|哪里|哪儿|哪个部门|什么部门|谁)")


def asks_where(cue: str | None) -> bool:
    """The complaint cue asks in so many words where to turn ("可以去哪里反映")."""
    return cue is not None and WHERE_TO_TURN.search(cue) is not None


def bypassed_meeting(text: str) -> bool:
    return BYPASS.search(text) is not None


# "这种村干部该由谁来查处", "由谁来查处村支书": who investigates the cadre himself, whatever he did, is the supervision
# and discipline commission's (监察法 §15: those who manage a village committee's affairs), not the duty's enforcer
_CADRE = r"(村干部|村官|村支书|支书|村书记|书记|村主任|村长|副主任|主任|会计|出纳|组长|社长|队长)"
PUNISHING_CADRE = re.compile(rf"(查处|调查处理|查办|处分|追究|追责)[^，。？?！!]{{0,2}}{_CADRE}|"
                             rf"{_CADRE}[^，。？?！!]{{0,6}}(该|应该|应当)?(由)?谁(来)?(查处|调查|查办|处分|追责)")


# asking where to report a cadre ("该向哪里举报", "准备实名举报，材料往哪递") or whether the discipline commission deals
# with him ("纪委监委管得着吗"): in a story about a cadre, a question about the cadre himself (监察法 §15)
REPORTING_CADRE = re.compile(r"(向|往|到|去|找)[^，。？?！!]{0,4}(哪里|哪儿|哪个部门|什么部门|谁)[^，。？?！!]{0,4}(举报|检举|递)|"
                             r"(举报|检举)[^，。？?！!]{0,6}(找谁|向谁|到哪|去哪|哪个部门)|准备(实名)?(举报|检举)|"
                             r"(纪委|监委|纪检)[^，。？?！!]{0,6}(管不管|管得着|管得了|能不能管|能管|管吗|查不查)")
_CADRE_RE = re.compile(_CADRE)
# but a report of bribery or fraud in an election goes to the town or the county government, who investigate it
# (组织法 2018 §17)
ELECTION = re.compile(r"选举|贿选|拉票|买票|选票|换届|当选|投票|候选人")


# the town government itself did what the question complains of ("镇政府强行霸占村民土地建垃圾场", "镇里把各村的公章锁起来"):
# a complaint goes to the government above it, not back to the town (地方组织法 2022 §73 (三))
TOWN_ACTED = re.compile(r"(镇|乡|街道)(政府|里|上|党委|领导|干部|长|书记|办)[^，。？?！!]{0,8}"
                        r"(强行|强制|霸占|占用|收走|锁|扣|拆|截留|不给|不发|拖欠|克扣|擅自|私自|骗|撤换|撤销|指定)")


def town_acted(text: str) -> bool:
    return TOWN_ACTED.search(text) is not None


def asks_about_cadre(text: str) -> bool:
    return PUNISHING_CADRE.search(text) is not None or (REPORTING_CADRE.search(text) is not None and _CADRE_RE.search(text) is not None
                                                        and ELECTION.search(text) is None)


def personal_misconduct(text: str) -> bool:
    return PERSONAL.search(text) is not None or asks_about_cadre(text)


def misconduct_in(text: str) -> bool:
    return MISCONDUCT.search(text) is not None


def about_misconduct(intent: Intent) -> Intent:
    """A question that describes a cadre's misconduct without asking a role ("村干部挪用集体资金，
    怎么处理") asks who deals with it; one that asks "may they do this?" about the misconduct asks
    whether the act is allowed (it is not); one that asks who decides keeps that intent."""
    if intent.id in ("responsible", "procedure"):
        return Intent("complaint", INTENT_ROLE["complaint"], intent.cue, intent.told)
    if intent.id == "may_do":
        return Intent("forbidden", None, intent.cue, intent.told)
    return intent


def asks_about_act(intent: Intent, misconduct: bool) -> bool:
    """Whether a prohibited act the question matches is its topic rather than a caution on a duty: the
    question tells of misconduct, asks "may they / may we refuse?", complains, or asks with a cue who
    deals with it ("村里收回了我家承包地，我该找谁"); "承包地流转" asks about the transfer."""
    return misconduct or intent.id in ("may_do", "may_refuse", "complaint") or (intent.id == "responsible" and intent.cue is not None)


# what a sentence that does not ask can still express: a grievance, a need nobody meets
STORY_INTENTS = {"complaint", "responsible"}
# a sentence that asks: it ends with a question mark or holds a question word or particle
_SENTENCE = re.compile(r"[^。！!？?；;\n…]+[。！!？?；;\n…]*")
_ASKING = re.compile(r"[？?]|吗|呢|谁|什么|啥|怎么|怎样|如何|咋|哪|多久|多长|是否|能否|可否|有没有|能不能|可不可以|行不行|"
                     r"为什么|为何|凭什么|要不要|该不该|算不算|合不合")
# "十几年""过了几天" count, and "没什么好公布的""谁也不管""怎么定的我们都不清楚" tell: they do not ask
_NOT_ASKING = re.compile(r"[十好这了]几|(?<![提日])前几|几十|几百|几千|几万|没(有)?(什么|啥)|不怎么|(什么|谁|哪儿|哪里)(都|也)|怎么也|"
                         r"(什么|啥)[^，。？?！!,]{0,4}(都|也)(没|不)|哪怕|"
                         r"谁料|谁想到|谁知(?!道)|(?<![做干是])什么的|多多少少|(怎么|如何|咋)[^，。？?！!,]{1,4}的[^，。？?！!,]{0,4}(都|也)?(不清楚|不知道|不晓得|不了解)|(不管|无论)(是)?(什么|谁|怎么|怎样|多少|如何|哪)")
# a rhetorical question asserts ("法律不是明确规定……吗？", "难道……吗"): its particle and mark ask nothing
_RHETORICAL = re.compile(r"(不是|难道)[^，。？?！!；;]{0,30}?(吗|么|嘛)[？?]*")


def masked(text: str) -> str:
    """The text with counting and telling phrases ("这几年", "没什么") blanked, same length, so that
    neither a cue nor a question word is read in them and positions stay."""
    return _NOT_ASKING.sub(lambda m: "·" * len(m.group(0)), text)


def asking_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentences that ask stand, in a masked text. In a story the question is a sentence
    of its own, and a cue in a narrative sentence ("后来的几个月里", "每年发800元") tells the story,
    not the question. A rhetorical question ("法律不是明确规定……吗？") asserts and does not ask; its
    words, particle included, still count as cues ("这不是违法吗" alone asks whether it is lawful)."""
    plain = _RHETORICAL.sub(lambda m: m.group(0)[:m.start(2) - m.start(0)].replace("难道", "··")
                            + "·" * (m.end(0) - m.start(2)), text)
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(plain) if _ASKING.search(m.group(0))]


def asking_sentence(text: str, cue: str | None) -> str | None:
    """The sentence that asks and holds the cue ("村委会有没有权力截留我们的土地流转款呢"): in a story
    it names the act asked about, where the rest tells what happened around it."""
    if not cue:
        return None
    plain = masked(text)
    at = plain.rfind(cue)
    return next((text[a:b] for a, b in asking_spans(plain) if a <= at < b), None) if at >= 0 else None


_CLAUSE = re.compile(r"[^，,。！!？?；;\n…]+")
# fewer Chinese characters than this ("这样做合法吗") name no act
CLAUSE_MIN_CHARS = 8


def asking_clause(text: str, intent_id: str) -> str | None:
    """The clause of the asking sentences that holds the last cue of the intent ("……这样做合不合法，
    我想知道村委会有没有权力截留我们的土地流转款呢" → the second clause): the act itself, where
    the sentence may open with a clause that only asks "is it lawful". A clause of a few characters
    ("这样做合法吗") names no act: then None."""
    plain = masked(text)
    spans = asking_spans(plain)
    last = None
    for intent, _, pattern in _COMPILED:
        if intent != intent_id:
            continue
        for m in pattern.finditer(plain):
            if any(a <= m.start() < b for a, b in spans) and (last is None or m.start() > last):
                last = m.start()
    if last is None:
        return None
    for m in _CLAUSE.finditer(text):
        if m.start() <= last < m.end():
            clause = m.group(0)
            return clause if len(re.sub(r"[^\u4e00-\u9fff]", "", clause)) >= CLAUSE_MIN_CHARS else None
    return None


def detect(text: str) -> Intent:
    """The intent whose cues weigh most (cue_scores). Ties go to the more specific intent."""
    best, asks_nothing = cue_scores(text)
    if not best:
        if asks_nothing:
            # a long letter that asks nothing is a petition: it asks whoever can put things right
            return Intent("complaint", INTENT_ROLE["complaint"], None)
        return Intent("responsible", INTENT_ROLE["responsible"], None)
    intent = max(best, key=lambda i: (best[i][0], -_PRIORITY.index(i)))
    if intent == "certificate" and "may_do" in best and FEE.search(text):
        # "开个证明还要收钱，这是不是违规": the certificate is the occasion, whether the fee is allowed the question
        intent = "may_do"
    return Intent(intent, INTENT_ROLE[intent], best[intent][1], told=best[intent][2])


def cue_scores(text: str) -> tuple[dict[str, tuple[float, str, bool]], bool]:
    """Each intent's strongest cue (score, words, told) and whether a long text asks nothing at all: a cue in
    the last part of the text (where the question usually stands) counts half again and one early in a long
    story less; in a long text, a cue in a sentence that does not ask counts least (a story that never asks
    is a grievance)."""
    n = max(len(text), 1)
    plain = masked(text)
    questions = asking_spans(plain)
    # in a long text only the sentences that ask carry the question; a text of a few sentences that asks
    # nothing at all ("……只给我们外嫁女30%，不同意就不给钱，太不公平了。") is a grievance throughout
    asking = questions if n > 60 or (n >= 30 and not questions) else None
    best: dict[str, tuple[float, str, bool]] = {}
    # "不经过任何程序就…" tells that a meeting was bypassed; it does not ask for the procedure
    bypassed = [(m.start(), m.end()) for m in BYPASS.finditer(plain)]
    reported = [(m.start(), m.end()) for m in PAST_REPORT.finditer(plain)]
    for intent, weight, pattern in _COMPILED:
        for m in pattern.finditer(plain):
            if intent == "procedure" and any(a <= m.start() < b for a, b in bypassed):
                continue
            if intent == "approves" and weight < 3 and UNAPPROVED.search(plain[max(0, m.start() - 4):m.start()]):
                continue  # "没有审批就盖了房" tells that nobody approved; it does not ask who approves
            if intent == "procedure" and weight == 1 and n > 60:
                continue  # "怎么办" after a long grievance asks for a remedy, not for steps
            # in a long story, words early on ("每月发800元", "等了几天") tell the story, not the question
            place = 1.5 if m.end() >= 0.6 * n else 1.0 if n <= 60 else 0.6
            if len(questions) >= 2 and questions[0][0] <= m.start() < questions[0][1] and questions[0][1] >= 0.4 * n:
                place = 1.5  # of several questions at the end, the first is the main one
            told = asking is not None and not any(a <= m.start() < b for a, b in asking)
            if told:
                # a sentence that does not ask can voice a grievance or a need, not ask how long or how
                place = min(place, 0.5 if intent in STORY_INTENTS else 0.3)
            score = weight * place
            if intent == "complaint" and any(a <= m.start() < b for a, b in reported):
                score /= 2  # a report made before the question, not the question
            if score > best.get(intent, (0.0, "", False))[0]:
                best[intent] = (score, m.group(0), told)
    # a mere hint in a sentence that does not ask ("每月发800元") is no intent
    return {i: v for i, v in best.items() if v[0] >= 1.0}, asking == []
