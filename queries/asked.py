"""The part of an answer a question's intent adds: the body playing the asked role, the verdict
for that role, "may the cadres do this?" about forbidden acts, and how often / how long.

A mixin of the Resolver (queries/resolve.py), which supplies the item's roles, its verdict as listed,
delegation and concrete bodies; kept apart so that choosing the item and framing the answer for
the asked role can change separately.
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from rapidfuzz import fuzz

from qingdan.ontology.terms import ROLE_ZH

from . import bases as bs
from . import items as iq
from . import limits as lm
from . import reasons as rs
from . import roles as rq
from .bodies import ABOVE_THE_TOWN, COUNTY_AT_LARGE
from .intent import FEE, Intent, asks_where, deprives, town_acted
from .matching import normalize, simplified
from .reasons import VERDICT_ZH, organic
from .scope import Scope, binds
from .stores.base import GraphStore, Node
from .villages import Place

if TYPE_CHECKING:
    from .resolve import ItemMeta

# a timing question about what is posted (公布, 公示, 张榜): the disclosure list's periods answer it first
POSTING_ASKED = re.compile(r"公开|公布|公示|张榜|贴|上墙|晒")

# behaviours of this aspect misuse a decision procedure: asking "may they?" asks who decides
DECISION_ASPECT = "重大决策不合规"
# behaviours of a cadre as a person (graft, violence, gambling): the discipline commission's first
PERSONAL_ASPECTS = ("履行职责不廉洁", "自身形象不端正")


def led_by(answer: dict[str, Any], body: dict[str, Any] | None) -> dict[str, Any]:
    """The answer's responsible part led by another body, the item's listed lead kept as `lead`; the body that
    now leads is no longer listed as assisting or supervising too ("责任主体：村民会议；协助：村民会议")."""
    r = answer["responsible"]
    leading = (body or {}).get("type")
    others = {k: [b for b in r.get(k) or [] if not b or b.get("type") != leading] for k in ("assisting", "supervising")}
    return {**r, **others, "lead": r.get("body_type"), "body_type": body}


def asks_where_to_turn(intent: Intent, item: "ItemMeta") -> bool:
    """"这种“万能章”的事可以去哪里反映": a question that says in so many words it asks where to complain about
    a practice the village must not engage in asks for that body, whose level is the answer; a story told
    as a complaint without such words keeps the practice's 不应由村承担."""
    return item.node.get("kind") == "prohibited" and intent.id == "complaint" and asks_where(intent.cue)


def basis_text(b: dict[str, Any]) -> str:
    """A basis (a described provision or document, as an answer's bases hold them) as a reader cites it: the work,
    the version shown, the provision and where it binds, and the version first cited when that differs."""
    if b["kind"] == "document":
        return f"《{b.get('title') or b.get('work')}》{b['label']}{rs.where(b)}"
    label = f"《{b['work']}》（{b['version']}版）{b['label']}{rs.where(b)}"
    original = b.get("original")
    if original and original.get("version") != b.get("version"):
        label += f"（原引用{original['version']}版{original['label']}）"
    return label


class AskedRoles:
    store: GraphStore
    roles: dict[str, list[rq.Role]]
    _lead: dict[str, Node | None]
    binds_list: Callable[["ItemMeta", Scope], bool]
    items: dict[str, "ItemMeta"]

    def roles_here(self, item_id: str, place: Place | None, scope: Scope | None = None) -> list[rq.Role]:
        """The item's roles whose basis binds the village, or without one the place the answer is for: a body
        a Shantou regulation names is no role of a village in Zhejiang, nor in a city a question names."""
        roles = self.roles.get(item_id, [])
        if place is not None:
            code = place.village.get("code")
            return [r for r in roles if not r.basis_id or binds(self._basis_jurisdiction(r.basis_id), code)]
        if scope is not None:
            return [r for r in roles if not r.basis_id or scope.binds(self._basis_jurisdiction(r.basis_id))]
        return roles

    def _basis_jurisdiction(self, node_id: str) -> str:
        cache: dict[str, str] = self.__dict__.setdefault("_basis_places", {})
        if node_id not in cache:
            node = self.store.node(node_id)
            cache[node_id] = (iq.describe_provision(self.store, node).get("jurisdiction") or "CN") if node else "CN"
        return cache[node_id]

    def role_verdict(self, item: ItemMeta, role: rq.Role, place: Place | None, day: date, scope: Scope | None = None) -> str:
        """The verdict for the body playing the asked role."""
        kind = item.node.get("kind")
        lead = self._lead.get(item.node.id)
        if kind == "delegated" and scope is not None and not self.binds_list(item, scope):
            # a place no delegation decision binds (通辽, 玉林): the power stays at the body's own level, the county's
            # department or, where the law itself gives it (城乡规划法 §65), the town
            return "town" if role.level == "town" else "county_department"
        # who deals with a practice the village must not engage in does not make it the village's; who pays
        # for or approves the work the practice concerns answers for that work
        # but "谁来拆" asks who demolishes: the enforcing body's own level (城乡规划法 §65: the town, in a village)
        if kind == "negative" or (kind == "prohibited" and role.role in rq.MISCONDUCT_ROLES and role.role != "enforces") \
                or (kind == "delegated" and lead is not None and role.body.id == lead.id):
            return self.verdict(item, place, day)[0]
        if kind == "delegated" and role.level == "county":
            decision = self.decision_of(item)
            if decision is not None and place is not None and self.adoption(decision, place, day) is None:
                return "county_department"
            return "town" if decision is not None else "county_department"
        return rq.verdict_for_level(kind, role.level)

    def asked(self, item: ItemMeta, intent: Intent, place: Place | None, day: date,
              answer: dict[str, Any], personal: bool = False, named: Node | None = None,
              commissioner: Node | None = None, about_cadre: bool = False, scope: Scope | None = None) -> dict[str, Any]:
        """Every role of the item, and the body playing the asked role with the verdict for it.
        named: the body a "does X deal with it?" question names (镇政府对土地流转到底管不管);
        commissioner: the department the question says gave the village the work (县卫健局让村里……)."""
        roles = self.roles_here(item.node.id, place, scope)
        out_roles = [self.role_out(r, place, day) for r in roles]
        timing = self.timing(answer) if intent.id == "timing" or answer.get("disclosure") else []
        if intent.id == "timing":  # the matter the question names first (财务收支 for "账多久公布")
            q = normalize(answer["question"])
            timing.sort(key=lambda t: -fuzz.partial_ratio(q, normalize(t["matter"] or "")))
            # what the cited provisions themselves set ("村民代表会议每季度召开一次", "十日内完成工作移交"): first
            # unless the question asks about posting, which the disclosure list answers
            law = [{"matter": x["label"], "frequency": x["text"], "min_posting_days": None, "channel": None,
                    "source": x["citation"], "from_provision": True} for x in lm.time_rules(answer.get("bases") or [], str(answer["question"]))]
            timing = timing + law if POSTING_ASKED.search(q) else law + timing
        result: dict[str, Any] = {"roles": out_roles, "asked": None, "timing": timing}
        if intent.id == "forbidden":
            matched = [c for c in answer.get("cautions") or [] if c.get("matched")]
            if matched and matched[0].get("aspect") == DECISION_ASPECT and not deprives(simplified(str(answer["question"]))):
                # deciding without the assembly: the answer is who decides, by what procedure; but taking a
                # villager's money or land, a fine or force is forbidden whoever decides it
                intent = Intent("decides", "decides", intent.cue)
                result["intent"] = intent.as_dict()
            else:
                return {**result, **self.forbidden(item, answer, day)}
        if intent.id == "responsible" and named is not None:
            return {**result, **self.named_body_part(item, named, roles, place, day, answer, scope)}
        if intent.role is None or intent.id == "responsible":
            return result
        # the duty's own body for the role, in the case the question tells; then, for misconduct, whoever
        # deals with the behaviour the question describes; then the duty's nearest stand-in role
        roles = rq.in_case(roles, str(answer.get("question") or ""))
        answered, bodies = rq.for_role(roles, intent.role, exact=True)
        if not bodies and intent.id == "decides" and item.node.get("kind") == "prohibited":
            # "村里未经我们同意就把地分了" about an act the law forbids: no one's decision makes it lawful, so the
            # answer is the prohibition, not the body that approves the lawful case (a stand-in would make it the town's)
            return {**result, "asked": {"role": "decides", "role_zh": ROLE_ZH["decides"], "answered_role": None, "stand_in": False,
                                        "bodies": [], "verdict": "not_for_village",
                                        "text": f"不能这样做：“{item.node.get('name_zh')}”是法律禁止的行为，谁决定都不行；"
                                                "依法办理时各主体的角色见下。"}}
        note = None
        matched = [c for c in answer.get("cautions") or [] if c.get("matched")]
        conduct = self.own_conduct(intent, personal, matched, place, about_cadre, scope)
        if conduct is not None:
            # a cadre's own wrongdoing (a bribe, embezzlement, a blow) is the discipline commission's
            # before it is the town's: whoever deals with the person leads, the duty's own bodies follow
            c, dealing = conduct
            own = rq.nearest_first(bodies) if answered == "corrects" else bodies
            bodies = [*dealing, *(r for r in own if r.body.id not in {d.body.id for d in dealing})]
            answered = intent.role
            note = f"干部本人的行为“{c['name']}”由其处理主体查处" + ("；这件事本身的纠正主体随后列出" if own else "")
        elif not bodies and intent.role in rq.MISCONDUCT_ROLES:
            # the duty records no such body: whoever deals with the behaviour the question describes
            for c in matched:
                answered, bodies = rq.for_role(self.roles_here(f"item/{c['id']}", place, scope), intent.role)
                if bodies:
                    note = f"按负面清单行为“{c['name']}”的处理主体回答"
                    break
        if not bodies:
            answered, bodies = rq.for_role(roles, intent.role)
        if answered == "corrects" and conduct is None:
            bodies = rq.nearest_first(bodies)
        elif item.node.get("kind") == "delegated" and bodies and answer["verdict"] == "town":
            # the power moved to the town where the place took the delegation: the town's own row (resting on
            # the decision) leads, the county department the statute names follows
            here = (answer["responsible"].get("body_type") or {}).get("type")
            bodies = sorted(bodies, key=lambda r: (r.level != "town", r.body.id != f"bodytype/{here}"))
        # a complaint about what the town government itself did goes above it, whoever the item sends complaints to
        above = self.above_the_town(bodies, str(answer.get("question") or "")) \
            if intent.role == "corrects" and conduct is None else None
        if above is not None:
            answered = "corrects"
            bodies = [above, *(r for r in bodies if r.level != "town" and r.body.id != above.body.id),
                      *(r for r in bodies if r.level == "town")]
        if intent.role == "funds" and commissioner is not None and bodies \
                and bodies[0].body.id in COUNTY_AT_LARGE and bodies[0].basis_id \
                and commissioner.id not in {r.body.id for r in bodies}:
            # the item's funding body is the county at large (§37: the government, or the department that entrusts
            # the work); the question names the department that did: it pays, on the same basis
            first = bodies[0]
            bodies = [rq.Role("funds", commissioner, first.basis, first.basis_id,
                              "所需经费由委托（提出要求的）部门承担，依据同下一行；问题说出了是哪个部门", first.provenance_status,
                              first.source, False), *bodies]
        if not bodies and intent.role == "funds" and item.node.get("kind") == "assistance":
            lead = self._lead.get(item.node.id)
            if lead is not None:
                answered = "funds"
                bodies = [rq.Role("funds", lead, None, None, f"委托村（居）委会协助的事项，所需经费由委托部门承担（{organic(self.store, day, 37, 43)}）",
                                  "statute_derived", organic(self.store, day, 37, 43), False)]
        if not bodies:
            result["asked"] = {"role": intent.role, "role_zh": ROLE_ZH[intent.role], "answered_role": None,
                               "bodies": [], "verdict": None,
                               "text": f"本库没有记录该事项中“{ROLE_ZH[intent.role]}”的主体，以下按事项的责任主体回答。"}
            return result
        # the discipline commission deals with the person, whatever the duty's own delegation
        verdict = "county_department" if above is not None \
            else rq.verdict_for_level("negative", bodies[0].level) if conduct is not None \
            else rq.verdict_for_level("prohibited", bodies[0].level) if asks_where_to_turn(intent, item) \
            else self.role_verdict(item, bodies[0], place, day, scope)
        shown = [self.role_out(r, place, day) for r in bodies]
        if verdict == "town" and bodies[0].level == "county" and item.node.get("kind") == "delegated":
            shown[0]["body"] = (answer["responsible"]["body_type"] or {}).get("body")
        stand_in = answered != intent.role
        text = f"{ROLE_ZH[intent.role]}：{shown[0]['body_name']}"
        if stand_in and answered:
            text += f"（本库未记录专门的“{ROLE_ZH[intent.role]}”主体，按“{ROLE_ZH[answered]}”主体回答）"
        result["asked"] = {"role": intent.role, "role_zh": ROLE_ZH[intent.role], "answered_role": answered,
                           "stand_in": stand_in, "bodies": shown, "verdict": verdict, "note": note, "text": text}
        result.update(self.for_role_verdict(item, verdict, answer, day))
        listed = answer["responsible"].get("body_type")
        result["responsible"] = led_by(answer, listed if verdict == "town" and bodies[0].level == "county" else self.body(bodies[0].body, place))
        return result

    def above_the_town(self, bodies: list[rq.Role], question: str) -> rq.Role | None:
        """Whoever corrects the town government's own act: a complaint that the town seized land or locked the village's
        seal away is heard by the county government (地方组织法 2022 §73 (三)), not by the town the item would
        otherwise send it to. None when the town does not lead or the question tells no act of the town's."""
        if not bodies or bodies[0].level != "town" or not town_acted(simplified(question)):
            return None
        body, basis = (self.store.node(i) for i in ABOVE_THE_TOWN)
        if body is None or basis is None:
            return None
        return rq.Role("corrects", body, basis.get("citation"), basis.id,
                       "问题说的是乡镇政府自己的行为：由上一级（县级）人民政府改变或者撤销其不适当的决定，乡镇政府列在其后",
                       "statute_derived", basis.get("citation"), False)

    def own_conduct(self, intent: Intent, personal: bool, matched: list[dict[str, Any]],
                    place: Place | None, about_cadre: bool = False, scope: Scope | None = None) -> tuple[dict[str, Any], list[rq.Role]] | None:
        """The behaviour of a cadre as a person that a complaint tells of, and who deals with it: for
        "where do I report" the body that handles the behaviour (the discipline and supervision
        commission: 监察法 §15 puts those who manage a village's affairs under it), for "who punishes"
        its enforcers. Only when the question names such an act (`personal`: its PERSONAL words, read
        once by the resolver) and asks where to turn, or tells a story without asking a role of its own, or asks
        who investigates the cadre himself (about_cadre: "这种村干部该由谁来查处")."""
        if intent.role not in rq.MISCONDUCT_ROLES or (intent.role != "corrects" and intent.cue is not None and not about_cadre):
            return None
        if not personal:
            return None
        for c in matched:
            if c.get("aspect") in PERSONAL_ASPECTS:
                _, dealing = rq.for_role(self.roles_here(f"item/{c['id']}", place, scope),
                                         "handles" if intent.role == "corrects" else intent.role)
                if dealing:
                    return c, dealing
        return None

    def forbidden(self, item: ItemMeta, answer: dict[str, Any], day: date) -> dict[str, Any]:
        """"May the cadres do this?" about an act the negative list forbids: no. The duty stays the
        item (who really decides it, by what procedure); the verdict is for the act asked about."""
        cautions = answer.get("cautions") or []
        matched = [c for c in cautions if c.get("matched")]
        if not matched:
            return {}
        c = matched[0]
        if FEE.search(simplified(str(answer.get("question") or ""))):
            # a question about a charge ("开个证明还要收钱") names the behaviour about charging, even when the occasion
            # (the certificate) shares more words with another one (乱开证明)
            c = next((x for x in cautions if "收费" in (x.get("name") or "")), c)  # the matched ones stand first
        # a behaviour named by another place's negative list is forbidden here by the law it rests on
        prohibited = self.items[f"item/{c['id']}"].node.get("kind") == "prohibited"
        listed = ("是应取消和禁入事项，村（居）委会不得这样做" if prohibited else "是村（社区）干部履职负面清单上的行为") \
            if c.get("listed_here", True) else "违反约束本村的法律规定"
        text = f"不可以：“{c['name']}”{listed}" + (f"（依据{'、'.join(c['bases'][:2])}）" if c.get("bases") else "") \
            + f"。这件事本身按“{item.node.get('name_zh')}”办理。"
        return {"verdict": "not_for_village",
                "verdict_zh": ("不能这样做：应取消和禁入事项" if prohibited else "不能这样做：干部履职负面清单禁止的行为")
                if c.get("listed_here", True) else "不能这样做：法律禁止的行为",
                "asked": {"role": None, "role_zh": "能否这样做", "answered_role": None, "bodies": [],
                          "verdict": "not_for_village", "text": text, "behaviour": c["id"]}}

    def overruled(self, item: ItemMeta, answer: dict[str, Any], day: date) -> dict[str, Any]:
        """"开会表决了就能不给外嫁女分吗": a meeting decides the matter, but no decision of it, and no village rule,
        may take a villager's rights or property or break the law (组织法 2018 §27.2, 2025 §31.2); taking money or
        land, fining or forcing is what the question asks about, so the answer is no, with the matter's own
        prohibitions and who decides it lawfully."""
        limits = lm.prohibitions(answer.get("bases") or [], str(answer.get("question") or ""))
        quoted = "；".join(f"“{x['text']}”（{x['label']}）" for x in limits)
        text = (f"不可以：村规民约和村民会议、村民代表会议的决定都不得违反法律，不得侵犯村民的人身权利、民主权利和财产权利"
                f"（{organic(self.store, day, 27, 31)}第二款），即使经会议表决也不能这样做。"
                + (f"其中的禁止性规定：{quoted}。" if limits else "")
                + f"这件事本身按“{item.node.get('name_zh')}”依法办理。")
        return {"verdict": "not_for_village", "verdict_zh": "不能这样做：会议决定也不能违反法律、侵犯村民权益",
                "asked": {"role": None, "role_zh": "能否这样做", "answered_role": None, "bodies": [],
                          "verdict": "not_for_village", "text": text, "limits": limits}}

    def named_body_part(self, item: ItemMeta, named: Node, roles: list[rq.Role], place: Place | None, day: date,
                        answer: dict[str, Any], scope: Scope | None = None) -> dict[str, Any]:
        """"镇政府对土地流转到底管不管？" asks about the town's part, not who handles the matter as a rule: the
        roles the named body plays in the item, each with its basis, and the verdict for the first; when the
        item records none for it, the answer says so and keeps the item's verdict."""
        mine = [r for r in roles if r.body.id == named.id]
        name = named.get("name_zh")
        if not mine:
            return {"asked": {"role": None, "role_zh": f"{name}管不管", "answered_role": None, "bodies": [], "verdict": None,
                              "text": f"本库没有记录{name}在这件事中的职责，以下按事项的责任主体回答。"}}
        shown = [self.role_out(r, place, day) for r in mine]
        verdict = self.role_verdict(item, mine[0], place, day, scope)
        parts = "；".join(f"{x['role_zh']}" + (f"（{x['basis_label']}）" if x.get("basis_label") else "") for x in shown)
        # the first role leads (its bodies, as any asked role); every part the body plays is in the note and text
        out: dict[str, Any] = {"asked": {"role": mine[0].role, "role_zh": ROLE_ZH[mine[0].role], "answered_role": mine[0].role,
                                         "stand_in": False, "bodies": shown[:1], "verdict": verdict,
                                         "note": f"{name}在这件事中的职责：" + "、".join(dict.fromkeys(x["role_zh"] for x in shown)),
                                         "text": f"管。{name}在这件事中的职责：{parts}"}}
        out.update(self.for_role_verdict(item, verdict, answer, day))
        out["responsible"] = led_by(answer, self.body(named, place))
        return out

    def for_role_verdict(self, item: ItemMeta, verdict: str, answer: dict[str, Any], day: date) -> dict[str, Any]:
        """The answer's verdict replaced by the one for the asked role, with why it is not the others."""
        if verdict == answer["verdict"]:
            return {}
        return {"verdict": verdict, "verdict_zh": VERDICT_ZH[verdict],
                "why_not": rs.why_not(self.store, item.node, self.detail(item, day), verdict, day)}

    def decided_here(self, item: ItemMeta, asked: dict[str, Any], verdict: str, place: Place | None, day: date,
                     question: str) -> dict[str, Any]:
        """"May they do this?" about the village's own matter that a village meeting decides (组织法 2018 §24): whether
        the village may do it is whether that meeting decided it, so the deciding body leads the asked part, the one
        of the case the question tells (the group meeting for what the group owns, §28.3)."""
        roles = rq.in_case(self.roles_here(item.node.id, place), question)
        deciding = [r for r in rq.for_role(roles, "decides", exact=True)[1] if r.level == "village"]
        if verdict != "village_autonomy" or not deciding:
            return asked
        shown = [self.role_out(r, place, day) for r in deciding]
        return {**asked, "role_zh": "能否这样做，先看由谁决定", "answered_role": "decides", "bodies": shown,
                "text": f"由{'、'.join(b['body_name'] for b in shown)}决定。" + asked["text"]}

    def not_its_own(self, item: ItemMeta, answer: dict[str, Any], day: date) -> dict[str, Any]:
        """"May the village do this?" about a matter it only assists the government with ("村委说要占用
        我家的地，合法吗", "不交监控钱就不收你的参保费"): the village holds no power of its own in it, so it
        may not decide, impose or attach conditions itself (组织法 2018 §5.2, 2025 §6.2: it assists the town; 2018 §37: the entrusting department pays;
        2025 §43.2: and the entrusted work must rest on law). A question asking whether it may help is not this
        one (the resolver leaves it to limits.may_do)."""
        lead = (answer.get("responsible") or {}).get("lead") or (answer.get("responsible") or {}).get("body_type") or {}
        who = lead.get("name") or "政府有关部门"
        text = (f"不可以由村里自行决定：“{item.node.get('name_zh')}”是{who}的职责，村（居）委会只依法协助"
                f"（{organic(self.store, day, 5, 6)}第二款）；{rs.entrusted(self.store, day)}；村里不能自行决定、附加条件或向村民收取费用。")
        return {"verdict": "not_for_village", "verdict_zh": "不能由村里自行决定：政府部门的职责，村（居）委会只能协助",
                "asked": {"role": None, "role_zh": "能否这样做", "answered_role": None, "bodies": [],
                          "verdict": "not_for_village", "text": text, "limits": []}}

    def role_out(self, r: rq.Role, place: Place | None, day: date) -> dict[str, Any]:
        out = rq.role_dict(r)
        b = self.body(r.body, place)
        out["body"] = b.get("body") if b else None
        out["basis_label"] = self.basis_label(r.basis_id, day) if r.basis_id else None
        return out

    def basis_label(self, node_id: str, day: date) -> str | None:
        """The role's basis as read on the day: a role rests on the text in force when its list took
        force, and on a later day it is shown in the text then in force, the cited one kept as 原引用
        (as an item's own bases are)."""
        node = self.store.node(node_id)
        if node is None:
            return None
        shown = bs.bases_as_of(self.store, [node], day) if node.label == "Provision" else []
        return basis_text(shown[0] if shown else iq.describe_provision(self.store, node))

    def timing(self, answer: dict[str, Any]) -> list[dict[str, Any]]:
        """How often, how many days, by when: from the item's disclosure requirements and procedure steps."""
        out = []
        for d in answer.get("disclosure") or []:
            if d.get("frequency") or d.get("min_posting_days"):
                out.append({"matter": d.get("name"), "frequency": d.get("frequency"),
                            "min_posting_days": d.get("min_posting_days"), "channel": d.get("channel"), "source": d.get("item")})
        for s in answer.get("procedure") or []:
            if s.get("posting_days"):
                out.append({"matter": s.get("name"), "frequency": None, "min_posting_days": s.get("posting_days"),
                            "channel": None, "source": f"流程第{s.get('seq')}步"})
        return out

    def government_matter(self, item: "ItemMeta", place: Place | None, day: date, answer: dict[str, Any],
                          lead_with: bool = False, procedure: bool = False) -> dict[str, Any]:
        """A question that never mentions the village ("临时救助怎么申请") asks about the government's
        programme, not the village's share in it: the verdict is that of the body deciding it (who
        approves, else the lead department), and the answer says the village only assists. lead_with: the
        answer also leads with that body (a "when is it paid" question is the government's to answer); procedure: the
        question asks for the steps, so the body that handles the application comes before the one that approves."""
        # the body that decides the matter (approves, then decides) above the village, else the lead,
        # unless the case the question tells sets the lead's part aside (a dispute between two villages is
        # the county's, not the town's): then the body that handles that case
        every = self.roles_here(item.node.id, place)
        roles = rq.in_case(every, str(answer.get("question") or ""))
        # "要走哪几步、先找谁" asks where to go: the government body a provision says receives and handles the
        # application (社会救助暂行办法 §11: 向乡镇人民政府提出申请) leads, before the one that approves at the end;
        # a handling body the project only modeled does not displace the approver
        receives = next((r.body for r in roles if r.role == "handles" and r.basis_id
                         and r.level in ("town", "county")), None) if procedure else None
        owner = receives or next((r.body for role in ("approves", "decides") for r in roles
                                  if r.role == role and r.level in ("town", "county")), None)
        lead = self._lead.get(item.node.id)
        set_aside = {r.body.id for r in every if r.role == "handles"} - {r.body.id for r in roles if r.role == "handles"}
        case_role = next((r for r in roles if r.role == "handles" and r.level in ("town", "county")), None) \
            if lead is not None and lead.id in set_aside else None
        if case_role is not None:
            lead = case_role.body
        lead = owner or lead
        lead_with = lead_with or case_role is not None
        if lead is None or lead.get("level") not in ("town", "county"):
            return {}
        verdict = "town" if lead.get("level") == "town" else "county_department"
        # the body shown as responsible is of the verdict's level: "区（县）职能部门事项" over 镇人民政府 misleads
        listed = (answer["responsible"].get("body_type") or {}).get("level")
        lead_with = lead_with or listed != lead.get("level")
        # the case that decided whose matter it is, in the words of the role's basis
        case = f"{case_role.note}。" if case_role is not None and case_role.note and lead is case_role.body else ""
        led = {"responsible": led_by(answer, self.body(lead, place))} if lead_with else {}
        return {**led, "verdict": verdict, "verdict_zh": VERDICT_ZH[verdict],
                "why_not": [{"side": "village", "text": case + f"这是{lead.get('name_zh')}负责的事项，村（居）委会只协助（如代为提交申请、"
                                                               f"入户核实、公示）；委托协助的经费由委托部门承担（{organic(self.store, day, 37, 43)}）。"},
                            *[w for w in answer.get("why_not") or [] if w["side"] != "village"]]}
