"""Which item a question is about, and whether it is about any: the matcher's ranking adjusted for the act
named, a story's last asking sentence, behaviours lending their score to the duties they endanger, the item
that knows what a timing, procedure or role question asks, and the judgement that nothing listed fits.

A mixin of the Resolver (queries/resolve.py), which holds the index, items, roles and facts it reads.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import TYPE_CHECKING, Callable

from rapidfuzz import fuzz

from . import topic_judge
from .asked import DECISION_ASPECT
from .intent import Intent, asking_clause, asking_sentence, asking_spans, masked
from .lexicon import STOP_PHRASES
from .matching import ItemIndex, Match, normalize, simplified
from .roles import Role, decided_elsewhere

if TYPE_CHECKING:
    from .resolve import ItemMeta

UNLISTED_BELOW = 0.15
# characters; beyond this the bar for "on topic" falls with the square root of the length. At 60, stories
# of 40–60 characters about a cadre keeping the seal or a fee collected without a meeting got 未列入;
# at 30 no dev answer changes, and of the public pages' train excerpts (each about some item) 52 → 44
# get 未列入; ten off-topic questions naming the village I wrote myself are answered no more often
LONG_STORY = 30
OFF_DOMAIN_MIN = 0.5
# a question this short is turned away when the topic judgement (topic_judge.py) finds it off topic
JUDGED_UP_TO = 40
JUDGED_OFF_BELOW = 0.4
# unless its words cover an item's name or phrasing in full and more ("村里鱼塘发包"): the judgement, trained on
# everyday voice, doubts terse list words; the off-topic examples it was trained on reach 0.6 at most
JUDGE_OVERRULED_FROM = 0.9
OTHER_SUBJECT_MIN = 0.9
CLEAR_LEAD_MIN, CLEAR_LEAD_RATIO = 0.15, 1.3  # a question naming no village: enough when the first item leads the second this clearly
# bodies whose own affairs a question may be about: without a village word, such a question is theirs
OTHER_SUBJECTS = re.compile(r"侨联|工会|共青团|团委|妇联|编委|党委|人大|政协|中标|投标|招标公告|公司|企业|学校|医院|法院|检察院|单位|机关|国企|事业单位")
# an election, its term or a recall, where no other body's is named (侨联换届, 人大选举): a village committee's
ELECTION_WORDS = re.compile(r"换届|选举|选民|罢免")
# words that put a question in a village or community (or its committee) at all
VILLAGE_WORDS = re.compile(r"村|社区|居委|屯|生产队|大队|小组|组长|两委|支书|嘎查|寨|网格|[0-9一二三四五六七八九十]+组|队长|社员")
# the item a story's last asking sentence finds by itself gains this share of the top score
FOCUS_BONUS = 0.1
FOCUS_AFTER = 0.4  # that sentence must start in the last 60% of the text
FOCUS_MIN_CHARS = 6
# a behaviour matched in the question lends its score to the duties it endangers
NEGATIVE_TRANSFER = 0.95
NEGATIVE_TRANSFER_TOPIC = 0.6
# a timing or procedure question takes an item that knows the answer if it scores this close to the top
PREFER_WITHIN = 0.7
# and a question about these roles one whose bodies in that role are recorded (of a duty's story, who
# decides or corrects is often read from a grievance's words; who approves, pays or penalises rarely)
PREFER_ROLES = ("approves", "funds", "enforces")
# "may they do this?": a prohibited item the asking sentence names first, this close to the top, is the topic
PROHIBITED_WITHIN = 0.4
# how clearly the asking sentence alone must find a forbidden act to make it the topic
ASKED_LEAD = 1.3
# what an asking sentence says besides asking "may they?" (with lexicon.STOP_PHRASES): "是否有权这样做" names no act
ASKING_SCAFFOLD = re.compile(r"合不合(法|规)|这样|这么|这种|有没有权(利|力)?|有权(利|力)?|(合|违)(法|规)|[做搞干弄][?？]?|[^\u4e00-\u9fff]")
ACT_MIN_CHARS = 2
STOP_PHRASES_LONGEST = sorted(STOP_PHRASES, key=len, reverse=True)
# an asking sentence that points back at the story instead of naming the act
ANAPHORIC = re.compile(r"这样|这么|这种|这般|此事|就算|就能|就可以")
MEANING_NEAREST = 0.85
# a story that tells of a decision taken: a meeting, a vote, a rule laid down
DECISION_TOLD = re.compile(r"开会|开大会|表决|举手|投票|会议|定了|规定|决定|通过")
# a certificate's own item ("无犯罪记录证明") is named in a question when its name (this long at least: not the
# generic "出具证明") stands in it nearly as written ("无违法犯罪记录证明")
CERTIFICATE_NAME_MIN = 5
CERTIFICATE_NAMED = 85
# acts whose presence in both the question and an item's name says more than topic words do
ACTION_WORDS = ("处罚", "调解", "证明", "公开", "选举", "罢免", "出租", "发包", "承包", "扣押", "审批", "登记",
                "备案", "救助", "补贴", "采购", "招标", "拆除", "征收", "评议", "审计", "公示")


def _evidence(m: Match) -> float:
    """What of a match's score says the question is about the item at all: its words. The nearest
    item in meaning is nearest for any text, "今天天气怎么样" included."""
    return m.score - m.meaning


class Ranking:
    """The ranking half of the Resolver."""

    index: ItemIndex
    items: dict[str, ItemMeta]
    roles: dict[str, list[Role]]
    endangers: dict[str, list[str]]
    has_timing: set[str]
    has_procedure: set[str]

    in_force_items: Callable[[date], set[str]]

    def rank(self, text: str, day: date, limit: int = 8, allowed: set[str] | None = None) -> list[Match]:
        matches = self.index.search(text, limit=limit * 2, allowed=self.in_force_items(day) if allowed is None else allowed)
        normalized = normalize(text)
        actions = [a for a in ACTION_WORDS if a in normalized]
        adjusted = []
        for m in matches:
            node = self.items[m.id].node
            factor = 1.0
            named = [a for a in actions if a in (node.get("name_zh") or "")]
            if named:
                # the act asked about (处罚, 调解, 出租 …) named by the item itself; asking who
                # punishes is the strongest such signal
                factor *= 1.25 if "处罚" in named else 1.15
            adjusted.append(Match(m.id, round(m.score * factor, 4), m.meaning))
        adjusted = self.focused(text, adjusted, allowed if allowed is not None else self.in_force_items(day))
        adjusted.sort(key=lambda m: -m.score)  # stable: equal scores keep the index's tie order
        return adjusted[:limit]

    def focused(self, text: str, ranked: list[Match], allowed: set[str]) -> list[Match]:
        """A story's words spread over what happened; its last asking sentence says what it is about
        ("乱倒垃圾一次罚款200……村里在村规民约里定罚款，这样合法吗": the fine, not the rubbish). The
        item that sentence alone finds first gains a little, so a near tie goes to it."""
        plain = simplified(text)
        if not ranked or len(plain) < LONG_STORY:
            return ranked
        spans = asking_spans(masked(plain))
        if not spans:
            return ranked
        start, end = spans[-1]
        asked = plain[start:end]
        if start < FOCUS_AFTER * len(plain) or len(asked) < FOCUS_MIN_CHARS:
            return ranked  # the whole text is the question, or the question is a word or two
        found = self.index.search(asked, limit=1, allowed=allowed)
        if not found:
            return ranked
        bonus = FOCUS_BONUS * ranked[0].score
        return [Match(m.id, round(m.score + bonus, 4), m.meaning) if m.id == found[0].id else m for m in ranked]

    def topic(self, ranked: list[Match], allowed: set[str], misconduct: bool = True,
              acts_asked: bool = True, bypass: bool = False) -> tuple[list[Match], dict[str, float]]:
        """Duties ranked, with matched behaviours lending their score to the duties they endanger
        (fully when the question describes misconduct, partly otherwise); and the behaviours
        matched (id → score), which become cautions. A prohibited act the law forbids the village
        (截留流转收益, 收回承包地: it endangers a duty) is a behaviour too unless the question asks
        about the act (acts_asked: misconduct told, "may they?", a complaint): "承包地流转怎么办" is
        about the transfer, with the act as a caution, not answered 不可以. An act forbidden only when done
        without the meeting (擅自出让集体土地: 土地管理法 §63.2 lets two thirds of the assembly decide it) is a
        caution too in a story of cadres deciding alone (bypass): it asks who should have decided."""
        transfer = NEGATIVE_TRANSFER if misconduct else NEGATIVE_TRANSFER_TOPIC
        scores: dict[str, float] = {}
        evidence: dict[str, float] = {}  # the same sums over the scores less closeness in meaning
        negatives: dict[str, float] = {}
        for m in ranked:
            node = self.items[m.id].node
            kind = node.get("kind")
            decided_elsewhere = bypass and node.get("aspect") == DECISION_ASPECT
            if kind == "negative" or (kind == "prohibited" and (not acts_asked or decided_elsewhere) and self.endangers.get(m.id)):
                negatives[m.id] = m.score
            elif m.score > scores.get(m.id, -1.0):
                scores[m.id] = m.score
            evidence[m.id] = max(evidence.get(m.id, 0.0), _evidence(m))
        for neg, s in negatives.items():
            for duty in self.endangers.get(neg, []):
                if duty in allowed:
                    own, own_ev, neg_ev = scores.get(duty, 0.0), evidence.get(duty, 0.0), evidence[neg]
                    scores[duty] = max(own, s * transfer) + 0.1 * min(own, s)
                    evidence[duty] = max(own_ev, neg_ev * transfer) + 0.1 * min(own_ev, neg_ev)
        duties = sorted((Match(i, round(s, 4), max(0.0, round(s - evidence[i], 4))) for i, s in scores.items()),
                        key=lambda m: -m.score)
        return duties, negatives

    def prefer(self, duties: list[Match], intent: Intent, text: str = "", allowed: set[str] | None = None) -> Match:
        """For "how often / by when" and "what steps" questions, the best item among those close to
        the top that knows the answer (a disclosure rule, a procedure) rather than one that does not;
        likewise for a question about a role (who approves, pays, penalises): "宅基地审批最后谁批"
        shares more words with the disclosure of approvals than with the approval itself."""
        if intent.id in ("may_do", "may_refuse"):
            return self.prohibited_asked(duties, intent, text, allowed)
        if intent.id == "certificate":
            return self.certificate_named(duties, text)
        want = self.has_timing if intent.id == "timing" else self.has_procedure if intent.id == "procedure" else None
        top = duties[0]
        undecided = want is None and self.undecided(top, intent)
        if want is None and (intent.role in PREFER_ROLES or undecided):
            want = {m.id for m in duties[:6] if any(r.role == intent.role for r in self.roles.get(m.id, []))}
        if want is None or top.id in want:
            return top
        # near the top in words: the closeness-in-meaning bonus goes to a few items only, and would make
        # the others look farther from the top than the question's words put them
        near = next((m for m in duties[1:6] if m.id in want and _evidence(m) >= PREFER_WITHIN * _evidence(top)), None)
        if near is None and undecided:
            # asked in so many words who decides, of a matter whose item records nobody deciding (the archive
            # the meeting's minutes went to, the purchase the money bought): the nearest item that does
            return next((m for m in duties[1:6] if m.id in want), top)
        return near or top

    def undecided(self, top: Match, intent: Intent) -> bool:
        """A question asking in so many words which meeting decides ("是不是要先拿到村民会议上通过") about an item
        that records nobody deciding or approving it (the works' settlement, not the works plan): an item near the
        top that records who decides knows the answer. A government matter's approver stands in for who decides."""
        return intent.id == "decides" and bool(intent.cue) and not intent.told \
            and not any(r.role in ("decides", "approves") for r in self.roles.get(top.id, []))

    def in_its_case(self, duties: list[Match], top: Match, plain: str) -> Match:
        """An item for another case of the matter ("村里的鱼塘要承包出去" against the villager group's own
        property, which only its group meeting decides) gives way to the nearest item in words that is not."""
        if not decided_elsewhere(self.roles.get(top.id, []), plain):
            return top
        return next((m for m in duties if m.id != top.id and _evidence(m) >= PREFER_WITHIN * _evidence(top)
                     and not decided_elsewhere(self.roles.get(m.id, []), plain)), top)

    def certificate_named(self, duties: list[Match], text: str) -> Match:
        """"这种无犯罪记录的证明，村委会到底能不能开" names the certificate: a story about being sent to the
        village for it shares as many words with the village's general power to issue certificates (出具证明),
        but the list that says whether the village may issue this one is the certificate's own item. Among the
        items near the top, one whose name is a certificate written out in the question leads."""
        top = duties[0]
        plain = normalize(simplified(text))
        if self.names_certificate(top, plain):
            return top
        return next((m for m in duties[1:6] if _evidence(m) >= PREFER_WITHIN * _evidence(top) and self.names_certificate(m, plain)), top)

    def names_certificate(self, m: Match, plain: str) -> bool:
        name = normalize(str(self.items[m.id].node.get("name_zh") or ""))
        return name.endswith("证明") and len(name) >= CERTIFICATE_NAME_MIN and fuzz.partial_ratio(name, plain) >= CERTIFICATE_NAMED

    def prohibited_asked(self, duties: list[Match], intent: Intent, text: str, allowed: set[str] | None = None) -> Match:
        """"May they do this?" asks about the act its asking sentence names. A story about a land transfer
        ("流转出去了……村委会有没有权力截留我们的土地流转款") shares most words with the transfer service,
        but the act asked about is what the law forbids: among the items near the top, the one that
        sentence alone finds first, when it is a prohibited item, is the topic. When the sentence opens
        with a clause that only asks "is it lawful" about the story, the clause that asks last is searched."""
        top = duties[0]
        plain = simplified(text)
        asked = asking_clause(plain, intent.id) or asking_sentence(plain, intent.cue)
        if not asked or self.is_prohibited(top.id):
            return top
        near = {m.id: m for m in duties[1:6] if m.score >= PROHIBITED_WITHIN * top.score}
        found = self.index.search(asked, limit=1, allowed=set(near) | {top.id})
        if found and found[0].id in near and self.is_prohibited(found[0].id):
            return near[found[0].id]
        # "村里能这样罚款吗" names the act in a sentence of its own: when that sentence alone clearly finds a
        # forbidden act among all the items, and the story's words reach it too (it is among the duties), the
        # story's many other words (the bridge, the levy) do not outvote it. A sentence that only asks
        # ("是否有权这样做", "这样做可以不？") names no act: alone it finds the items worded like a refusal.
        named = self.index.search(asked, limit=2, allowed=allowed) if allowed is not None and asked_act(asked) else []
        if named and self.is_prohibited(named[0].id) \
                and (len(named) == 1 or named[0].score >= ASKED_LEAD * named[1].score):
            return next((m for m in duties if m.id == named[0].id), top)
        if ANAPHORIC.search(asked) and DECISION_TOLD.search(plain):
            # "开会表决了，就算合法了？" points back at a decision the story told: a meeting's vote does not make
            # lawful what the law forbids (组织法 §27.2), so the act is the topic when the story tells it about as
            # well in words as the matter it happened in, and is (about) nearest to it in meaning
            nearest = max(m.meaning for m in duties[:6])
            return next((m for m in near.values()
                         if self.is_prohibited(m.id) and m.meaning > 0 and m.meaning >= MEANING_NEAREST * nearest), top)
        return top

    def is_prohibited(self, item_id: str) -> bool:
        return self.items[item_id].node.get("kind") == "prohibited"

    def on_topic(self, text: str, duties: list[Match], asked_of: str | None) -> bool:
        """Unlisted is a judgement, not one cut: a question that names no village-level body or
        place must match an item clearly; one about a village needs less, a long story least."""
        # some item is always nearest in meaning: that closeness decides which item, the words decide whether any
        by_words = sorted(duties, key=lambda m: -_evidence(m))
        evidence = [_evidence(m) for m in by_words] + [0.0]
        top = evidence[0]
        plain = simplified(text)
        if asked_of is not None:
            # a question for someone else (a doctor, an insurance scheme, a court …): whatever village the story names
            return False
        if len(plain) <= JUDGED_UP_TO:
            # in a short question one shared everyday word is a large share ("村里的井水能直接喝吗")
            p = topic_judge.on_topic_probability(text)
            if p is not None and p < JUDGED_OFF_BELOW and top < JUDGE_OVERRULED_FROM:
                return False
        if not VILLAGE_WORDS.search(plain) and not (ELECTION_WORDS.search(plain) and not OTHER_SUBJECTS.search(plain)):
            # a question about another body's own affairs (侨联换届, 编委会开会, 中标人公示) is no village duty
            if OTHER_SUBJECTS.search(plain):
                return top >= OTHER_SUBJECT_MIN
            # or one item clearly leads in words and is among the nearest in meaning too: "失独家庭每月补多少"
            # shares few words with any item, but far more with the one it is about than with the next
            # (the two signals agreeing: a stray shared bigram, 今天天气 ~ 天天填表, is near in neither)
            second = evidence[1]
            return top >= OFF_DOMAIN_MIN or (top >= CLEAR_LEAD_MIN and top >= CLEAR_LEAD_RATIO * second
                                             and by_words[0].meaning > 0)
        # a story's words spread over many items: the share any one item covers shrinks with its length
        return top >= UNLISTED_BELOW * min(1.0, math.sqrt(LONG_STORY / max(len(plain), 1)))


def asked_act(asked: str) -> str:
    """The act an asking sentence names, if any: the sentence without its question words."""
    core = asked
    for phrase in STOP_PHRASES_LONGEST:
        core = core.replace(phrase, "")
    core = ASKING_SCAFFOLD.sub("", core)
    return core if len(core) >= ACT_MIN_CHARS else ""
