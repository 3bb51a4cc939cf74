"""What a question asks about its topic: who approves, who pays, may the village refuse, how often …

The topic (which work) and the intent (what about it) are kept apart: "宅基地最后谁批" and
"宅基地方案谁讨论" are about the same item but ask for different bodies. The intent set is small and
closed, so plain cue patterns do; each intent names the role whose body leads the answer.
Cues are general Chinese usage, written without looking at any evaluation question.
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
}
# the role whose body an intent asks for (None: the answer leads with the item's verdict as listed)
INTENT_ROLE: dict[str, str | None] = {
    "responsible": "handles", "approves": "approves", "decides": "decides", "drafts": "drafts",
    "funds": "funds", "complaint": "corrects", "enforces": "enforces", "may_refuse": None,
    "certificate": None, "timing": None, "procedure": None, "village_part": None, "may_do": "decides",
}

_CUES: list[tuple[str, str]] = [
    # (intent, pattern); earlier entries win when two match at the same strength
    ("certificate", r"(开|出具|出|打|办|盖章的?|盖个章的?)(个|张|份)?[^，。？?！!]{0,12}证明|证明[^，。？?！!]{0,8}(开|出具|盖章)|证明.{0,4}(能|可以|给|会)不?(开|出)"),
    ("funds", r"谁(来)?(出钱|出资|掏钱|买单|付钱|付费|承担(费用|经费)|报销)|(经费|费|钱|工资|报酬|补贴|开支|成本)(从哪|(该|应该|应|要|由)?谁(来)?(出|付|发|承担|给|掏))|出钱|费随事转"),
    ("village_part", r"村(里|委会|委|居委会|民委员会)?(要|需要|该|应该)(做|干|配合|负责)(什么|啥|哪些)|村里(做|干)(什么|啥)|村(里|委会)(怎么|如何|咋)(处理|应对|办|做)"),
    ("complaint", r"(投诉|举报|反映|申诉|告状|讨说法|说理)|不满意|不服|没人管|不作为|(谁|哪个部门)(来)?(纠正|责令|撤销)"),
    ("enforces", r"(谁|哪个部门|谁来|哪里)(来)?(罚|处罚|罚款|执法|查处|取缔|没收|拆除|查)|处罚|罚款|执法"),
    ("approves", r"(谁|哪个部门|哪里|哪儿|在哪)(来)?(批|审批|批准|核准|审核|核发|发证|发放许可|签发|办理许可|发许可)|(谁|哪个部门|哪里)(来)?(发|开)(证|许可|执照|牌照)?$|审批|批准|许可|规划证|核发|批不批|报批|批下来"),
    ("drafts", r"(谁|哪个部门)(来)?(制定|编制|起草|拟定|组织|牵头|定方案|出方案)"),
    ("decides", r"(谁|由谁)(来)?(决定|说了算|拍板|做主|定)|要不要(经过|开|召开)?(村民)?(会议|大会|代表会)|(村民会议|村民代表会议|村民大会)(同意|讨论|表决|通过)|表决|三分之二|过半数|一人说了算|自己(做主|决定|说了算)"),
    ("may_refuse", r"(能|可以|有权|敢)不?(拒绝|推掉|推辞|不接|不干|不做|不办|不配合)|能不能不(做|干|办|管|配合)|可以不(做|干|办|管|配合)|必须(要)?(完成|做|干|配合)吗|凭什么(让|叫|要)|硬(塞|压|派)|摊派|压(给|到)村|甩(给|锅)|考核排名|排名通报"),
    ("timing", r"多久|多长时间|几天|多少天|几个月|多少日|每(个)?(月|季度|季|年|半年)|几号|什么时候|何时|期限|时限|截止|多少时间|间隔|频次|一年几次|几次"),
    ("procedure", r"流程|程序|步骤|手续|怎么(办|申请|走|弄|搞|操作)|如何(办|申请|办理)|咋(办|弄|走|申请)|需要(什么|哪些)材料|要(什么|哪些)材料|去哪(里|儿)?办"),
    ("may_do", r"能不能|可不可以|可以吗|行不行|行吗|合法吗|违法吗|合规吗|是不是违(规|法|纪)|算不算违(规|法|纪)|有没有权|有权|是否可以|能否|允许吗|算不算"),
]
_COMPILED = [(intent, re.compile(p)) for intent, p in _CUES]
# asking "who is in charge" is the general intent even when a weaker cue is also present
_GENERAL = re.compile(r"找谁|归谁管|谁(来)?管|谁负责|归哪个部门|哪个部门管|管不管|该不该管|谁的事|谁的责任|是谁的职责|归谁")


@dataclass(frozen=True)
class Intent:
    id: str
    role: str | None
    cue: str | None  # the words that decided it

    @property
    def zh(self) -> str:
        return INTENT_ZH[self.id]

    def as_dict(self) -> dict[str, str | None]:
        return {"id": self.id, "zh": self.zh, "role": self.role, "cue": self.cue}


def about_misconduct(intent: Intent) -> Intent:
    """A question that describes a cadre's misconduct without asking a role ("村干部挪用集体资金，
    怎么处理") asks who deals with it; one that asks "may they" asks who decides the duty."""
    if intent.id in ("responsible", "procedure"):
        return Intent("complaint", INTENT_ROLE["complaint"], intent.cue)
    return intent


def detect(text: str) -> Intent:
    """The first intent whose cue occurs earliest-ranked in the table; the general one otherwise."""
    found: list[tuple[int, int, str, str]] = []
    for rank, (intent, pattern) in enumerate(_COMPILED):
        m = pattern.search(text)
        if m:
            found.append((rank, m.start(), intent, m.group(0)))
    general = _GENERAL.search(text)
    if not found:
        return Intent("responsible", INTENT_ROLE["responsible"], general.group(0) if general else None)
    rank, _, intent, cue = min(found)
    if general and intent in ("may_do", "village_part"):
        return Intent("responsible", INTENT_ROLE["responsible"], general.group(0))
    return Intent(intent, INTENT_ROLE[intent], cue)
