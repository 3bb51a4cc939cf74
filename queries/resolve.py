"""“这件事归谁管，依据是什么？” — the verdict, the body and the chain of reasons for a task."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from qingdan.errors import BadRequest
from qingdan.ontology.terms import KIND_CLASS, KIND_ZH

from . import items as iq
from .dates import parse_as_of
from .matching import ItemIndex, Match, normalize
from .statutes import in_force, standing
from .stores.base import GraphStore, Node
from .villages import Place, VillageFinder, by_code, concrete_body

VERDICTS = ("village_autonomy", "village_assists", "town", "county_department", "not_for_village", "unlisted")
VERDICT_ZH = {
    "village_autonomy": "村（居）民自治事项：由村（居）民委员会依法自行办理",
    "village_assists": "协助政府事项：政府部门负责，村（居）委会协助",
    "town": "镇（街道）事项：由镇政府或街道办事处负责",
    "county_department": "区（县）职能部门事项：未下放到该镇街，由区县部门负责",
    "not_for_village": "不应由村（居）委会承担（应取消和禁入 / 负面清单）",
    "unlisted": "未列入清单：按准入制度，未经批准不得交由村（居）委会承担",
}
UNLISTED_BELOW = 0.25
NEGATIVE_CUES = ("私自", "擅自", "私下", "自己决定", "一个人说了算", "截留", "挪用", "侵占", "贪", "优亲厚友",
                 "吃拿卡要", "收好处", "收红包", "虚报", "冒领", "不公开", "不公示", "拖着不办", "打牌", "赌博", "酒驾",
                 "私分", "违规", "不经过", "不开会", "偷偷")
# acts whose presence in both the question and an item's name says more than topic words do
ACTION_WORDS = ("处罚", "调解", "证明", "公开", "选举", "罢免", "出租", "发包", "承包", "扣押", "审批", "登记",
                "备案", "救助", "补贴", "采购", "招标", "拆除", "征收", "评议", "审计", "公示")
ACCESS_RULE = [("村民委员会组织法", 5), ("村民委员会组织法", 37), ("村民委员会组织法", 6), ("村民委员会组织法", 43)]


def organic(store: GraphStore, day: date, a2018: int, a2025: int) -> str:
    """The organic-law article as numbered in the text in force that day."""
    from cn2an import an2cn

    v = in_force(store, "村民委员会组织法", day) if store.node("work/村民委员会组织法") else None
    if v is not None and v.get("version_date") >= "2025-10-28":
        return f"村民委员会组织法（2025年修正）第{an2cn(a2025)}条"
    return f"村民委员会组织法（2018年修正）第{an2cn(a2018)}条"


def short(node_id: str) -> str:
    return node_id.split("/", 1)[1]


@dataclass
class ItemMeta:
    node: Node
    category: Node | None
    version: Node | None
    lst: Node | None


class Resolver:
    """Everything resolve needs, prepared once per loaded graph."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.version = store.version()
        # answers depend only on the graph and the date; the graph is fixed for this resolver
        # (the API rebuilds it when store.version() changes), so these caches are never stale
        self._in_force: dict[str, set[str]] = {}
        self._detail: dict[tuple[str, str], dict[str, Any]] = {}
        self._cautions: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._places: dict[str, Place] = {}
        self._lead: dict[str, Node | None] = {}
        self._answers: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.items: dict[str, ItemMeta] = {}
        records: list[dict[str, Any]] = []
        for cls in KIND_CLASS.values():
            for n in store.nodes(cls):
                cat = iq.one(store, n.id, "IN_CATEGORY")
                ver = iq.one(store, n.id, "IN_VERSION")
                lst = iq.one(store, ver.id, "VERSION_OF_LIST") if ver else None
                self.items[n.id] = ItemMeta(n, cat, ver, lst)
                self._lead[n.id] = iq.one(store, n.id, "LEAD_BODY")
                records.append({"id": n.id, "kind": n.get("kind"), "name": n.get("name_zh"),
                                "keywords": n.get("keywords") or [], "description": n.get("description"),
                                "category": cat.get("name_zh") if cat else None})
        self.index = ItemIndex(records)
        self.finder = VillageFinder(store)
        self.decisions: dict[str, Node] = {}
        self.list_decisions: dict[str, Node] = {}
        for d in store.nodes("DelegationDecision"):
            for _, v in store.neighbors(d.id, "DECISION_LIST"):
                self.decisions[v.id] = d
                lst = iq.one(store, v.id, "VERSION_OF_LIST")
                if lst is not None:
                    # a later (imported) version of the same list still rests on the decision
                    self.list_decisions.setdefault(lst.id, d)

    # ---- helpers -------------------------------------------------------------------------
    def in_force_items(self, day: date) -> set[str]:
        d = day.isoformat()
        cached = self._in_force.get(d)
        if cached is not None:
            return cached
        out = set()
        for nid, m in self.items.items():
            v = m.version
            if v is None:
                continue
            if (v.get("in_force_from") or "0000") <= d and (not v.get("in_force_to") or d <= v.get("in_force_to")):
                out.add(nid)
        if len(self._in_force) > 256:
            self._in_force.clear()
        self._in_force[d] = out
        return out

    def rank(self, text: str, day: date, limit: int = 8) -> list[Match]:
        matches = self.index.search(text, limit=limit * 2, allowed=self.in_force_items(day))
        cue = any(c in text for c in NEGATIVE_CUES)
        normalized = normalize(text)
        actions = [a for a in ACTION_WORDS if a in normalized]
        adjusted = []
        for m in matches:
            node = self.items[m.id].node
            kind = node.get("kind")
            factor = 1.0
            if kind == "negative" and not cue:
                factor = 0.8  # a behaviour to avoid is the answer only when the question is about doing wrong
            elif kind != "negative" and cue:
                factor = 0.85
            named = [a for a in actions if a in (node.get("name_zh") or "")]
            if named and not (cue and kind != "negative"):
                # the act asked about (处罚, 调解, 出租 …) named by the item itself; asking who
                # punishes is the strongest such signal
                factor *= 1.25 if "处罚" in named else 1.15
            adjusted.append(Match(m.id, round(m.score * factor, 4)))
        adjusted.sort(key=lambda m: (-m.score, m.id))
        return adjusted[:limit]

    def place(self, text: str, village: str | None) -> Place | None:
        if village:
            v = village.strip()
            if v.isdigit():
                if v not in self._places:
                    self._places[v] = by_code(self.store, v)
                return self._places[v]
            found = self.finder.in_text(v)
            if found is None:
                from qingdan.errors import NotFound

                raise NotFound(f"没有找到名为“{v}”的村（社区）")
            return found
        return self.finder.in_text(text)

    def decision_of(self, item: ItemMeta) -> Node | None:
        if item.version is not None and item.version.id in self.decisions:
            return self.decisions[item.version.id]
        return self.list_decisions.get(item.lst.id) if item.lst is not None else None

    def adoptions(self, decision: Node) -> list[tuple[Node, Node | None, set[str]]]:
        key = ("adoptions", decision.id)
        if key not in self._detail:
            rows = []
            for _, a in self.store.neighbors(decision.id, "ADOPTS", "in"):
                towns = {n.id for _, n in self.store.neighbors(a.id, "APPLIES_TO_TOWN")}
                rows.append((a, iq.one(self.store, a.id, "ADOPTED_BY"), towns))
            self._detail[key] = rows  # type: ignore[assignment]
        return self._detail[key]  # type: ignore[return-value]

    def adoption(self, decision: Node, place: Place, day: date) -> Node | None:
        for a, by, towns in self.adoptions(decision):
            if by is None or place.district is None or by.id != place.district.id:
                continue
            if a.get("issued") and a.get("issued") > day.isoformat():
                continue
            if "征求意见" in (a.get("doc_no") or ""):
                continue  # a draft for comment moves no power
            if not towns or (place.town is not None and place.town.id in towns):
                return a
        return None

    # ---- the verdict ---------------------------------------------------------------------
    def verdict(self, item: ItemMeta, place: Place | None, day: date) -> tuple[str, Node | None, Node | None]:
        kind = item.node.get("kind")
        lead = self._lead.get(item.node.id)
        if kind == "autonomy":
            return "village_autonomy", None, None
        if kind in ("micro_power", "public_service", "disclosure"):
            # the village's own power or service, unless the list puts a government body in the lead
            return ("village_autonomy" if lead is not None and lead.get("level") == "village" else "village_assists"), None, None
        if kind == "assistance":
            return "village_assists", None, None
        if kind in ("prohibited", "negative"):
            return "not_for_village", None, None
        decision = self.decision_of(item)
        if decision is None or place is None:
            return "town", decision, None
        adoption = self.adoption(decision, place, day)
        return ("town" if adoption is not None else "county_department"), decision, adoption

    def resolve(self, text: str, village: str | None = None, as_of: str | date | None = None) -> dict[str, Any]:
        if not text or not text.strip():
            raise BadRequest("问题不能为空")
        if len(text) > 500:
            raise BadRequest("问题太长（最多 500 字）")
        day = parse_as_of(as_of)
        place = self.place(text, village)
        ranked = self.rank(text, day)
        top = ranked[0] if ranked and ranked[0].score >= UNLISTED_BELOW else None
        answer: dict[str, Any] = {
            "question": text, "as_of": day.isoformat(),
            "village": place.as_dict() if place else None,
            "notice": "清单事项系依据法规和公开资料整理，标注“建模示例”的事项并非汕头官方清单原文；以官方发布为准。",
        }
        matches = [self.match_summary(m, place, day) for m in ranked if top is None or m.id != top.id][:5]
        if top is None:
            answer.update(self.unlisted(place, day))
            answer["matches"] = matches
            answer["confidence"] = min(1.0, ranked[0].score) if ranked else 0.0
            return answer
        item = self.items[top.id]
        answer.update(self.item_answer(item, place, day))
        answer.update({
            "matches": matches,
            "confidence": min(1.0, top.score),
        })
        return answer

    def item_answer(self, item: ItemMeta, place: Place | None, day: date) -> dict[str, Any]:
        """Everything in an answer that follows from the item, the village and the date."""
        key = (item.node.id, place.village.id if place else "", day.isoformat())
        cached = self._answers.get(key)
        if cached is not None:
            return cached
        verdict, decision, adoption = self.verdict(item, place, day)
        detail = self.detail(item, day)
        out = {
            "verdict": verdict, "verdict_zh": VERDICT_ZH[verdict],
            "item": {k: detail[k] for k in ("id", "name", "kind", "kind_zh", "provenance", "list", "version", "category",
                                            "description")},
            "responsible": self.responsible(item, verdict, decision, place),
            "bases": detail["bases"],
            "reasons": self.reasons(item, detail, verdict, decision, adoption, place, day),
            "why_not": self.why_not(item, detail, verdict, decision, place, day),
            "cautions": self.cautions(item, day),
            "disclosure": detail["disclosure"],
            "procedure": detail["procedure"],
        }
        if len(self._answers) > 20000:
            self._answers.clear()
        self._answers[key] = out
        return out

    # ---- parts of the answer -------------------------------------------------------------
    def detail(self, item: ItemMeta, day: date) -> dict[str, Any]:
        key = (item.node.id, day.isoformat())
        if key not in self._detail:
            if len(self._detail) > 20000:
                self._detail.clear()
            self._detail[key] = iq.describe_item(self.store, short(item.node.id), as_of=day)
        return self._detail[key]

    def match_summary(self, m: Match, place: Place | None, day: date) -> dict[str, Any]:
        item = self.items[m.id]
        verdict = self.verdict(item, place, day)[0]
        return {"id": short(m.id), "name": item.node.get("name_zh"), "kind": item.node.get("kind"),
                "kind_zh": KIND_ZH[item.node.get("kind")], "score": min(1.0, m.score), "verdict": verdict}

    def body(self, body_type: Node | None, place: Place | None) -> dict[str, Any] | None:
        if body_type is None:
            return None
        # the committee type follows the place: a 社区 has a residents' committee, a 村 a villagers'
        if place is not None and place.village.get("urban_rural") == "社区" and short(body_type.id) == "village_committee":
            body_type = self.store.node("bodytype/residents_committee") or body_type
        elif place is not None and place.village.get("urban_rural") == "村" and short(body_type.id) == "residents_committee":
            body_type = self.store.node("bodytype/village_committee") or body_type
        out = {"type": short(body_type.id), "name": body_type.get("name_zh"), "level": body_type.get("level")}
        if place is not None:
            out["body"] = concrete_body(self.store, body_type, place)
        return out

    def responsible(self, item: ItemMeta, verdict: str, decision: Node | None, place: Place | None) -> dict[str, Any]:
        s = self.store
        lead = iq.one(s, item.node.id, "LEAD_BODY")
        assisting = [n for _, n in s.neighbors(item.node.id, "ASSIST_BODY")]
        if verdict == "town":
            to = [n for _, n in s.neighbors(decision.id, "TO_BODY")] if decision else []
            want = "subdistrict_office" if place and place.town and place.town.get("urban_rural") == "街道" else "town_government"
            lead = next((n for n in to if short(n.id) == want), None) or s.node(f"bodytype/{want}") or lead
        elif verdict == "county_department" and decision is not None and (lead is None or lead.get("level") != "county"):
            lead = iq.one(s, decision.id, "FROM_BODY") or lead
        if verdict == "village_assists" and not any(n.get("level") == "village" for n in assisting):
            vc = s.node("bodytype/village_committee")
            assisting = [*assisting, vc] if vc else assisting
        def bodies(nodes: list[Node]) -> list[dict[str, Any] | None]:
            out, seen = [], set()
            for n in nodes:
                b = self.body(n, place)
                if b is not None and b["type"] not in seen:
                    seen.add(b["type"])
                    out.append(b)
            return out

        return {
            "body_type": self.body(lead, place),
            "assisting": bodies(assisting),
            "supervising": bodies([n for _, n in s.neighbors(item.node.id, "SUPERVISE_BODY")]),
            "must_not": bodies([n for _, n in s.neighbors(item.node.id, "MUST_NOT_BODY")]),
        }

    def reasons(self, item: ItemMeta, detail: dict[str, Any], verdict: str, decision: Node | None,
                adoption: Node | None, place: Place | None, day: date) -> list[dict[str, Any]]:
        steps: list[dict[str, Any]] = []
        lst, ver, cat = item.lst, item.version, item.category
        prov = detail["provenance"]
        ver_txt = f"（{ver.get('doc_no') or ver.get('issuer') or ''}，{ver.get('in_force_from')}起施行）" if ver else ""
        steps.append({"kind": "list_item",
                      "text": f"列入《{lst.get('name_zh') if lst else '清单'}》{ver_txt}：{detail['name']}（{detail['kind_zh']}，编号 {detail['id']}）",
                      "source": prov["source"], "provenance": prov})
        if cat is not None:
            steps.append({"kind": "category", "text": f"所属类别：{cat.get('name_zh')}",
                          "source": cat.get("source"), "provenance": iq.provenance(cat)})
        for b in detail["bases"]:
            if b["kind"] == "document":
                text = f"依据{b['title']}" + (f"（{b['label']}）" if b["label"] else "")
            else:
                text = f"依据《{b['work']}》（{b['version']}版）{b['label']}"
                o = b.get("original")
                if o:
                    text += f"（原引用：《{o['work']}》（{o['version']}版）{o['label']}，按新旧条文对照对应）"
                if b.get("notice"):
                    text += f"（{b['notice']}）"
                elif b.get("note"):
                    text += f"（注意：{b['note']}）"
                elif not b.get("current", True):
                    text += f"（注意：该版本在 {day.isoformat()} 不是现行文本，现行版本为 {b.get('in_force_version') or '尚未施行'}）"
            if b.get("summary"):
                text += f"：{b['summary']}"
            steps.append({"kind": "provision", "text": text, "citation": b["citation"],
                          "source": f"法规库《{b['work']}》" if b["kind"] == "provision" else b.get("title")})
        if not detail["bases"] and detail.get("no_basis_reason"):
            steps.append({"kind": "provision", "text": f"未找到法律条文依据：{detail['no_basis_reason']}", "source": prov["source"]})
        if decision is not None:
            steps.append({"kind": "delegation",
                          "text": f"{decision.get('issuer')}{('《' + decision.get('doc_no') + '》') if decision.get('doc_no') else ''}"
                                  f"（{decision.get('issued') or '日期未公开'}）将{decision.get('field')}的区（县）级行政职权调整由镇（街道）实施",
                          "source": decision.get("source"), "provenance": iq.provenance(decision)})
            for _, basis in self.store.neighbors(decision.id, "DECISION_BASIS"):
                b = iq.describe_provision(self.store, basis)
                steps.append({"kind": "provision", "text": f"放权的法律依据：《{b['work']}》{b['label']}" + (f"：{b['summary']}" if b.get("summary") else ""),
                              "citation": b["citation"], "source": f"法规库《{b['work']}》"})
            if place is not None:
                dname = place.district.get("name_zh") if place.district else "该区县"
                if adoption is not None:
                    steps.append({"kind": "adoption",
                                  "text": f"{dname}已承接该决定（{adoption.get('doc_no') or '文号未公开'}，{adoption.get('issued') or ''}，"
                                          f"承接 {adoption.get('adopted_count') or '若干'} 项），适用于{place.town.get('name_zh') if place.town else '该镇街'}",
                                  "source": adoption.get("source"), "provenance": iq.provenance(adoption)})
                else:
                    steps.append({"kind": "adoption",
                                  "text": f"未查到{dname}承接该决定、适用于{place.town.get('name_zh') if place.town else '该镇街'}的公开记录，职权仍由区（县）部门行使",
                                  "source": "本库放权承接记录（adoptions）"})
        return [{"step": i + 1, **s} for i, s in enumerate(steps)]

    def why_not(self, item: ItemMeta, detail: dict[str, Any], verdict: str, decision: Node | None,
                place: Place | None, day: date) -> list[dict[str, str]]:
        lead = detail["lead"]["name"] if detail.get("lead") else "有关部门"
        out: list[dict[str, str]] = []
        if verdict == "village_autonomy":
            out.append({"side": "town", "text": f"这是村民自治范围内的事项，乡镇政府给予指导、支持和帮助，但不得干预（{organic(self.store, day, 5, 6)}）。"})
        elif verdict == "village_assists":
            out.append({"side": "village", "text": f"主责在{lead}，村（居）委会只是协助；委托村委会协助的事项应有法律法规依据，所需经费由委托部门承担（{organic(self.store, day, 37, 43)}），不能把主责转给村里。"})
        elif verdict in ("town", "county_department"):
            out.append({"side": "village", "text": "这是行政职权（许可、处罚、检查、强制等），村（居）委会不是行政机关，不能行使；村里可以发现、劝阻和报告。"})
            if verdict == "town":
                out.append({"side": "county", "text": "该职权已依放权决定调整由镇（街道）以自己的名义实施（行政处罚法 2021 年第二十四条 / 行政许可法第二十四条）。"})
            else:
                out.append({"side": "town", "text": "该镇街所在区县未承接这项下放职权（或承接记录未公开），镇街不能以自己的名义行使。"})
        elif verdict == "not_for_village":
            if item.node.get("kind") == "negative":
                out.append({"side": "village", "text": f"这是村（社区）干部履职负面清单上的行为（{item.node.get('aspect')}），不得这样做。"})
            else:
                out.append({"side": "village", "text": f"该事项列入应取消和禁入事项，不应交由村（居）委会办理；应由{lead}依职责办理。"})
        return out

    def cautions(self, item: ItemMeta, day: date) -> list[dict[str, Any]]:
        key = (item.node.id, day.isoformat())
        if key not in self._cautions:
            self._cautions[key] = self._cautions_uncached(item, day)
        return self._cautions[key]

    def _cautions_uncached(self, item: ItemMeta, day: date) -> list[dict[str, Any]]:
        out = []
        negatives = [n for _, n in self.store.neighbors(item.node.id, "ENDANGERS", "in")]
        if item.node.get("kind") == "negative":
            negatives = [item.node, *negatives]
        for n in negatives:
            bases = iq.item_bases(self.store, n, day)
            out.append({"id": short(n.id), "name": n.get("name_zh"), "aspect": n.get("aspect"),
                        "bases": [f"《{b['work']}》{b['label']}" if b["kind"] == "provision" else b["title"] for b in bases],
                        "provenance": iq.provenance(n)})
        return out

    def unlisted(self, place: Place | None, day: date) -> dict[str, Any]:
        key = ("unlisted", "", day.isoformat())
        if key not in self._answers:
            self._answers[key] = self._unlisted(day)
        return self._answers[key]

    def _unlisted(self, day: date) -> dict[str, Any]:
        reasons: list[dict[str, Any]] = [{"step": 1, "kind": "access_rule",
                                          "text": "该事项未列入村级工作职责事项清单。按准入制度，未列入清单的事项，有关部门不得擅自交由村（居）委会承担；确需委托的，应有法律法规依据并经批准，做到“费随事转、权随责走”。",
                                          "source": "广东省村（居）民委员会工作职责事项指导目录（准入说明）；村民委员会组织法"}]
        bases = []
        for work, art in ACCESS_RULE:
            if self.store.node(f"work/{work}") is None:
                continue
            st = standing(self.store, work, day)
            v = st.checked  # before 2018 the text then in force is not in the library: say so, check the nearest
            node = self.store.node(f"law/{work}/{v.get('version_date')}/{art}") if v else None
            if node is None:
                continue
            b = iq.describe_provision(self.store, node)
            if b["version"] == v.get("version_date") and any(k in (b.get("text") or "") for k in ("干预", "经费", "委托")):  # type: ignore[union-attr]
                notice = st.notice()
                bases.append({**b, "current": st.status == "in_force", "status": st.status, "notice": notice,
                              "checked_against": "in_force" if st.status == "in_force" else "nearest"})
                reasons.append({"step": len(reasons) + 1, "kind": "provision",
                                "text": f"依据《{b['work']}》（{b['version']}版）{b['label']}" + (f"（{notice}）" if notice else ""),
                                "citation": b["citation"], "source": f"法规库《{b['work']}》"})
        return {"verdict": "unlisted", "verdict_zh": VERDICT_ZH["unlisted"], "item": None,
                "responsible": {"body_type": None, "assisting": [], "supervising": [], "must_not": []},
                "bases": bases, "reasons": reasons,
                "why_not": [{"side": "village", "text": "没有清单依据，不能默认由村（居）委会承担；请向镇（街道）确认主责部门。"}],
                "cautions": [], "disclosure": [], "procedure": []}
