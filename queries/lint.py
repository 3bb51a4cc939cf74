"""Catalog lint: what a careful legal reader would object to in the catalog, read from the graph.

Four findings, each naming the item(s), the list version, the citation, the reason, and the
catalog's own recorded explanation (LintExplanation nodes from data/catalog/lint_explanations.csv;
null when it has none). An explained finding is still shown — with its reason — but does not fail.
- anachronisms: a basis in a statute version adopted after the item's list version took force,
  or not yet in force then while an older in-force text exists in the library — unless the item
  also cites the text of that work in force then (the later text is then a successor citation,
  the convention for 村民委员会组织法 2018/2025). A document issued after that day likewise.
- contradictions: the same certificate or work prohibited on one list and done by the village on
  another; one provision grounding both a duty and its ban; one provision making the same work
  both autonomy and assistance (which decides who pays: 费随事转).
- weak_bases: a remedy, sanction, programme or rule-making clause cited where a clause of the
  same work grounds the item's duty (cited beside it or found in that work by the item's name).
- duplicates: near-identical items on different lists resting on the same provisions.
Only GraphStore primitives are used, so both stores give the same lint.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from rapidfuzz import fuzz

from qingdan.ontology.terms import KIND_CLASS

from .dates import parse_day
from .stores.base import GraphStore, Node

RULES = {"anachronisms": "anachronism", "contradictions": "contradiction", "weak_bases": "weak_basis",
         "duplicates": "duplicate"}
VILLAGE_BODIES = {"village_committee", "residents_committee", "villagers_assembly", "villagers_representative_meeting",
                  "villagers_group", "village_party_org", "village_supervision_committee", "collective_economic_org",
                  "people_mediation_committee"}
PERMITTED_KINDS = {"autonomy", "assistance", "micro_power", "public_service", "disclosure"}

# ---- what kind of clause a provision is (text and chapter heuristics; see tests/queries/test_lint.py) ----
VILLAGE_RE = re.compile(r"村民委员会|居民委员会|村（居）民委员会|基层群众性自治组织|村民会议|村民代表会议|村民小组|"
                        r"集体经济组织|村务监督|人民调解委员会")
DUTY_MODAL_RE = re.compile(r"应当|负责|协助|配合|有权|可以|须|不得|组织|开展|做好|办理|报告|公布")
SANCTION_CHAPTER_RE = re.compile(r"法律责任|罚\s*则|奖励与处罚|违法行为及其适用")
SANCTION_RE = re.compile(r"罚款|给予[^。；]{0,8}处分|依法给予处分|追究[^。；]{0,12}责任|依法承担(?:法律)?责任|没收违法所得|吊销|行政拘留|"
                         r"予以警告|记过|记大过|予以降级|予以撤职|予以开除|给予开除")
REMEDY_RE = re.compile(r"责令(?:其)?(?:改正|限期|停止|纠正|公布|退还|赔偿|恢复)|有权向[^。；]{0,40}(?:反映|投诉|举报|控告|申诉)|"
                       r"可以向[^。；]{0,40}(?:投诉|举报|申诉|控告)|请求人民法院予以撤销|申请行政复议|提起行政诉讼")
AUTHORISING_RE = re.compile(r"应当制定[^。；]{0,60}(?:管理办法|实施办法|具体办法|规定|细则)。?$|(?:具体|实施|管理)?办法由[^。；]{0,40}(?:制定|规定)|(?:可以|有权)[^。；]{0,30}制定[^。；]{0,30}(?:规定|办法|细则)|"
                            r"根据本(?:法|条例)[^。；]{0,10}制定|由[^。；]{0,30}另行规定|具体规定由")
PROGRAMME_RE = re.compile(r"^第[^条]+条\s*为了|^为了|本(?:法|条例|办法)所称|本(?:法|条例|办法)适用于|适用本(?:法|条例|办法)|"
                          r"遵循[^。；]{0,20}原则|应当坚持|坚持[^。；]{0,20}(?:原则|方针)|国家(?:鼓励|支持|倡导|实行|建立|加强)|"
                          r"各级人民政府应当[^。；]{0,20}(?:加强|支持|统筹|纳入)|县级以上[^。；]{0,20}人民政府应当[^。；]{0,20}(?:加强|支持|统筹|纳入)")
REFERRAL_RE = re.compile(r"^[^。；]{0,60}另有规定的，依照其规定。?$")
PENAL_ITEM_RE = re.compile(r"处罚|罚款|查封|扣押|没收|责令|强制|处分|追究")
CLASS_ZH = {"sanction": "罚则（法律责任、处分、罚款）", "remedy": "救济或纠正条款（责令改正、投诉举报）",
            "programme": "总则性宣示条款（目的、原则、国家鼓励支持）", "authorising": "授权制定办法的条款", "duty": "职责条款",
            "other_body": "其他主体的职责条款（未涉及村（居）委会）", "referral": "援引其他法律的衔接条款（另有规定的依照其规定）"}


def _sentence_class(s: str, chapter: str) -> str:
    if REFERRAL_RE.search(s.strip()):
        return "referral"  # 法律对…另有规定的，依照其规定: points elsewhere, grounds nothing itself
    if SANCTION_RE.search(s):
        return "sanction"
    if REMEDY_RE.search(s):
        return "remedy"
    m = AUTHORISING_RE.search(s)
    if m and not re.search(r"负责|应当(?!制定)|协助|组织", s[:m.start()]):
        return "authorising"  # only a mandate to make rules, no duty of its own before it
    if VILLAGE_RE.search(s) and DUTY_MODAL_RE.search(s):
        return "duty"  # the village (or its bodies) told what to do, wherever the article sits
    if SANCTION_CHAPTER_RE.search(chapter):
        return "sanction"
    if PROGRAMME_RE.search(s) and ("总则" in chapter or not chapter):
        return "programme"
    return "duty"


def clause_class(text: str, chapter: str) -> str:
    """duty | sanction | remedy | programme | authorising | referral — the part a clause plays, by its words and chapter.

    Judged sentence by sentence: one sentence that gives a duty makes the clause a duty clause
    (妇女权益保障法 §36.2: the town orders parents to send girls to school — 村民委员会应当协助);
    a sentence naming the village with a modal is a duty even in 总则 or 法律责任 (消防法 §6,
    未成年人保护法 §118: 村民委员会予以劝诫、制止…应当及时报告)."""
    chapter = chapter or ""
    sentences = [x for x in re.split(r"(?<=[。；])", text or "") if len(x.strip()) > 4] or [text or ""]
    classes = [_sentence_class(x, chapter) for x in sentences]
    if "duty" in classes:
        return "duty"
    order = ("sanction", "remedy") if SANCTION_CHAPTER_RE.search(chapter) else ("remedy", "sanction")
    return next(c for c in (*order, "authorising", "referral", "programme") if c in classes)


def bigrams(text: str) -> set[str]:
    t = re.sub(r"[^\u4e00-\u9fff]", "", text or "")
    return {t[i:i + 2] for i in range(len(t) - 1)}


# ---- the graph, read once ----------------------------------------------------------------------------
@dataclass
class Item:
    node: Node
    version: Node | None
    list_id: str | None
    bases: list[Node]
    bodies: set[str]
    lead: str | None = None
    discloses: set[str] = field(default_factory=set)  # item ids of the disclosure items it must publish
    jurisdiction: str = "CN"  # of its list: rules of disjoint places cannot contradict each other

    @property
    def id(self) -> str:
        return self.node.id.split("/", 1)[1]

    @property
    def kind(self) -> str:
        return self.node.get("kind") or ""

    @property
    def name(self) -> str:
        return self.node.get("name_zh") or ""

    @property
    def start(self) -> str:
        return (self.version.get("in_force_from") if self.version else None) or "0000-00-00"

    @property
    def end(self) -> str:
        return (self.version.get("in_force_to") if self.version else None) or "9999-12-31"

    @property
    def version_id(self) -> str | None:
        return self.version.id.split("/", 1)[1] if self.version else None

    def ref(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "list_version": self.version_id,
                "in_force_from": self.version.get("in_force_from") if self.version else None}


@dataclass
class Snapshot:
    items: list[Item]
    law_version: dict[str, Node]  # provision id → its WorkVersion
    work_of: dict[str, str]  # WorkVersion id → work short title
    versions_by_work: dict[str, list[Node]]
    doc_of: dict[str, Node]  # DocumentProvision id → Document
    explanations: list[tuple[Node, set[str] | None]]  # (explanation, item ids or None for all)
    _articles: dict[str, list[Node]] = field(default_factory=dict)


def _short(node_id: str) -> str:
    return node_id.split("/", 1)[1]


def snapshot(store: GraphStore) -> Snapshot:
    """Everything the rules need, in a few batched reads (one per label or relationship type)."""
    nodes = [n for cls in KIND_CLASS.values() for n in store.nodes(cls)]
    ids = [n.id for n in nodes]
    version_of = {k: v[0][1] for k, v in store.neighbors_many(ids, "IN_VERSION").items() if v}
    list_of = {k: v[0][1] for k, v in store.neighbors_many([v.id for v in version_of.values()], "VERSION_OF_LIST").items() if v}
    rests = store.neighbors_many(ids, "RESTS_ON")
    bodies: dict[str, set[str]] = {i: set() for i in ids}
    lead: dict[str, str] = {}
    for rel in ("LEAD_BODY", "ASSIST_BODY"):
        for k, pairs in store.neighbors_many(ids, rel).items():
            bodies[k] |= {_short(b.id) for _, b in pairs}
            if rel == "LEAD_BODY" and pairs:
                lead[k] = _short(pairs[0][1].id)
    discloses = {k: {_short(d.id) for _, d in pairs} for k, pairs in store.neighbors_many(ids, "MUST_DISCLOSE").items()}
    items = []
    for n in nodes:
        v = version_of.get(n.id)
        lst = list_of.get(v.id) if v is not None else None
        items.append(Item(n, v, _short(lst.id) if lst is not None else None,
                          [b for _, b in rests.get(n.id, [])], bodies[n.id], lead.get(n.id), discloses.get(n.id, set()),
                          (lst.get("jurisdiction") if lst is not None else None) or "CN"))
    provisions = sorted({b.id for it in items for b in it.bases if b.label == "Provision"})
    law_version = {k: v[0][1] for k, v in store.neighbors_many(provisions, "PROVISION_OF").items() if v}
    all_versions = store.nodes("WorkVersion")
    work_of = {k: v[0][1].get("short_title") for k, v in store.neighbors_many([v.id for v in all_versions], "VERSION_OF_WORK").items() if v}
    by_work: dict[str, list[Node]] = {}
    for v in all_versions:
        by_work.setdefault(work_of.get(v.id, ""), []).append(v)
    for vs in by_work.values():
        vs.sort(key=lambda v: v.get("version_date") or "")
    doc_parts = sorted({b.id for it in items for b in it.bases if b.label == "DocumentProvision"})
    doc_of = {k: v[0][1] for k, v in store.neighbors_many(doc_parts, "PROVISION_OF_DOCUMENT").items() if v}
    expl = store.nodes("LintExplanation")
    covered = store.neighbors_many([e.id for e in expl], "EXPLAINS_ITEM")
    explanations = [(e, None if e.get("explains_all_items") else {_short(i.id) for _, i in covered.get(e.id, [])})
                    for e in expl]
    snap = Snapshot(items, law_version, work_of, by_work, doc_of, explanations)
    snap._articles = {}
    return snap


def in_force_on(versions: list[Node], day: str) -> Node | None:
    current = None
    for v in versions:
        if (v.get("in_force_from") or v.get("version_date") or "9999") <= day:
            current = v
    return current


def _overlap(a: Item, b: Item) -> bool:
    """In force on a common day, in a common place."""
    ja, jb = a.jurisdiction, b.jurisdiction
    same_place = ja == "CN" or jb == "CN" or ja.startswith(jb) or jb.startswith(ja)
    return same_place and a.start <= b.end and b.start <= a.end


# ---- (a) anachronisms ----------------------------------------------------------------------------------
def anachronisms(snap: Snapshot, items: list[Item]) -> list[dict[str, Any]]:
    """Later texts cited per item, and items none of whose bases stood on the list's first day.

    A later text that the catalog records as standing in for a text the library lacks
    (explanation reason text_missing) grounds the item; one cited beside the basis in force then
    (later_law) does not."""
    out = []
    for it in items:
        day = it.start
        cited_versions = {snap.law_version[b.id].id for b in it.bases if b.id in snap.law_version}
        earliest: dict[str, str] = {}  # work → the earliest of its texts the item cites
        for b in it.bases:
            if b.id in snap.law_version:
                v = snap.law_version[b.id]
                w, d = snap.work_of.get(v.id, ""), v.get("version_date") or ""
                earliest[w] = min(earliest.get(w, d), d)
        grounded = False  # does any basis stand on the list's first day?
        found = []
        for b in it.bases:
            if b.label in ("Document", "DocumentProvision"):
                doc = b if b.label == "Document" else snap.doc_of.get(b.id)
                issued = doc.get("issued") if doc is not None else None
                if issued and issued > day:
                    found.append(_entry("anachronism", [it], b.get("citation") or "DOC:" + _short(b.id).split("/", 1)[0],
                                        f"所引文件 {issued} 印发，晚于清单版本施行日期 {day}", kind="later_text"))
                else:
                    grounded = True
                continue
            v = snap.law_version.get(b.id)
            if v is None:
                continue
            adopted, start = v.get("version_date") or "", v.get("in_force_from") or v.get("version_date") or ""
            work = snap.work_of.get(v.id, "")
            versions = snap.versions_by_work.get(work, [])
            current = in_force_on(versions, day)
            if adopted <= day and (start <= day or current is None):
                grounded = True  # in force, or adopted before the list with nothing older held: the best text there is
                continue
            if start <= day:
                continue
            if current is not None and current.id in cited_versions:
                continue  # a successor citation beside the text in force then
            if earliest.get(work, adopted) < adopted:
                continue  # a successor of an earlier cited text of the work: that one is judged
            if current is not None:
                reason = (f"所引《{work}》{adopted} 文本（{start} 施行）晚于清单版本施行日期 {day}；"
                          f"该日施行的是 {current.get('version_date')} 文本，事项未引用")
            else:
                reason = (f"所引《{work}》{adopted} 文本（{start} 施行）晚于清单版本施行日期 {day}；"
                          f"法规库中没有该日施行的文本（最早收录 {versions[0].get('version_date') if versions else adopted}）")
            e = _entry("anachronism", [it], b.get("citation"), reason, kind="later_text")
            e["in_force_version"] = current.get("version_date") if current is not None else None
            found.append(e)
        if not grounded:
            for e in found:
                x = explanation_for(snap, e)
                if x is not None and x.get("explanation_reason") == "text_missing":
                    grounded = True  # the nearest later text stands in for the text in force then, which is not held
        if it.bases and not grounded:
            found.append(_entry("anachronism", [it], None, f"没有一项依据在清单版本施行日 {day} 已经施行（或是当时法规库收录的最早文本）",
                                kind="no_basis_in_force"))
        out.extend(found)
    return out


# ---- (b)(c)(d) contradictions -----------------------------------------------------------------------
NEGATION_RE = re.compile(r"不应|不得|不再|不予|不属|禁止|无需|不需|不要求|取消|而非|不是|不出具|不开|不能|告知|另行|由[^，；。]{0,12}(?:机关|部门)")
CERT_RE = re.compile(r"([\u4e00-\u9fff]{2,12}证明)")


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[。；;！？\n]", text or "") if c.strip()]


def _provision_key(b: Node) -> str | None:
    """Provisions precise enough to say the same thing twice: statute paragraphs/items and document parts."""
    if b.label == "Provision" and b.get("paragraph") is not None:
        return b.get("citation")
    if b.label == "DocumentProvision":
        return b.get("citation")
    return None


def contradictions(snap: Snapshot, items: list[Item]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    prohibited = [i for i in items if i.kind == "prohibited"]
    permitted = [i for i in items if i.kind in PERMITTED_KINDS]
    for p in prohibited:
        # a certificate is named by what it certifies: 婚姻状况证明 → 婚姻状况 … 证明 in one sentence
        cores = {c.removesuffix("证明") for c in CERT_RE.findall(p.name) if len(c) >= 5}
        for q in permitted:
            if not cores or not _overlap(p, q) or not (q.bodies & VILLAGE_BODIES):
                continue
            text = "。".join([q.name, q.node.get("description") or ""])
            hits = [c for c in _clauses(text) for t in cores if t in c and "证明" in c and not NEGATION_RE.search(c)]
            if hits:
                out.append(_entry("contradiction", [p, q], None,
                                  f"「{p.name}」列为不应由村承担，而「{q.name}」写明由村办理：{hits[0].strip()}",
                                  kind="permitted_and_prohibited"))
    by_key: dict[str, list[Item]] = {}
    for it in items:
        for b in it.bases:
            k = _provision_key(b)
            if k:
                by_key.setdefault(k, []).append(it)
    for key, its in sorted(by_key.items()):
        bans = [i for i in its if i.kind == "prohibited"]
        duties = [i for i in its if i.kind in PERMITTED_KINDS]
        for p in bans:
            for q in duties:
                if _overlap(p, q) and p.list_id != q.list_id:
                    out.append(_entry("contradiction", [p, q], key, f"同一条款既是「{q.name}」的依据，又是禁止「{p.name}」的依据",
                                      kind="duty_and_ban"))
        auts = [i for i in its if i.kind == "autonomy"]
        asts = [i for i in its if i.kind == "assistance"]
        for a in auts:
            for s in asts:
                if _overlap(a, s) and _same_work(a, s):
                    out.append(_entry("contradiction", [a, s], key,
                                      f"同一条款把同一事务既列为群众自治（村自担）又列为协助政府（费随事转）：「{a.name}」/「{s.name}」",
                                      kind="autonomy_and_assistance"))
    return out


def _same_work(a: Item, b: Item) -> bool:
    """Two items describe the same work when their names share most of their words."""
    return fuzz.token_set_ratio(_norm(a.name), _norm(b.name)) >= 60 or len(bigrams(a.name) & bigrams(b.name)) >= 3


def _norm(name: str) -> str:
    return " ".join(bigrams(re.sub(r"^(协助|配合|做好|开展|依法|组织)", "", name)))


# ---- (e) weak bases ------------------------------------------------------------------------------------
def _articles(store: GraphStore, snap: Snapshot, version: Node) -> list[Node]:
    if version.id not in snap._articles:
        snap._articles[version.id] = [p for _, p in store.neighbors(version.id, "PROVISION_OF", "in")
                                      if p.get("paragraph") is None]
    return snap._articles[version.id]


def _penal(it: Item) -> bool:
    """Items whose substance is a sanction or someone else's power: a negative behaviour, a
    prohibited item (grounded by the clause giving the power to a government body), a penalty."""
    return it.kind in ("negative", "prohibited") or (it.kind == "delegated" and bool(PENAL_ITEM_RE.search(it.name)))


def _match(it: Item, text: str) -> float:
    """How much of the item's name the clause's words cover (character bigrams)."""
    name = bigrams(re.sub(r"^(对|协助|配合|做好|开展|依法)|的处罚$|处罚$", "", it.name))
    return len(name & bigrams(text)) / len(name) if name else 0.0


def weak_bases(store: GraphStore, snap: Snapshot, items: list[Item]) -> list[dict[str, Any]]:
    parents = {k: v[0][1] for k, v in store.neighbors_many(
        sorted({b.id for it in items for b in it.bases if b.get("clause") is not None}), "PART_OF").items() if v}
    out = []
    for it in items:
        grounding = {"duty", "sanction", "remedy"} if _penal(it) else {"duty"}
        by_version: dict[str, list[tuple[Node, str, str]]] = {}
        for b in it.bases:
            v = snap.law_version.get(b.id)
            if v is None or b.label != "Provision" or v.get("in_corpus") is False:
                continue
            text = (parents[b.id].get("text") or "") + (b.get("text") or "") if b.id in parents else b.get("text") or ""
            by_version.setdefault(v.id, []).append((b, clause_class(text, b.get("chapter") or ""), text))
        for vid, cited in by_version.items():
            version = snap.law_version[cited[0][0].id]
            weak = [(b, c) for b, c, _ in cited if c not in grounding and not _described(c, it.name)]
            duty = [b for b, c, _ in cited if c in grounding]
            if weak:
                better = [d.get("citation") for d in duty] or _candidates(store, snap, it, version, grounding, weak)
                for b, c in weak:
                    if better or c == "authorising":  # a clause telling others to make rules grounds nothing
                        out.append(_weak(it, b, c, better))
            if it.node.get("kind") in PERMITTED_KINDS and it.lead in VILLAGE_BODIES and not _penal(it):
                # a duty of another body cited for the village's own duty, where the work has the village's clause
                others = [b for b, c, t in cited if c in grounding and not VILLAGE_RE.search(t) and "村" not in t]
                if others and not any(VILLAGE_RE.search(t) for _, _, t in cited):
                    better = _candidates(store, snap, it, version, grounding, [(b, "") for b in others], village=True)
                    for b in others if better else []:
                        out.append(_weak(it, b, "other_body", better))
    return out


def _candidates(store: GraphStore, snap: Snapshot, it: Item, version: Node, grounding: set[str],
                weak: list[tuple[Node, str]], village: bool = False) -> list[str]:
    """Articles of the same text that ground the item's duty: of a grounding class, covering most of
    the item's name, not the article already cited (and naming the village, when that is what is missing)."""
    cited = {b.get("article") for b, _ in weak}
    scored = []
    for a in _articles(store, snap, version):
        text = a.get("text") or ""
        if a.get("article") in cited or (village and not VILLAGE_RE.search(text)):
            continue
        if clause_class(text, a.get("chapter") or "") in grounding:
            score = _match(it, text)
            if score >= 0.6:
                scored.append((score, a.get("citation")))
    return [c for _, c in sorted(scored, key=lambda x: -x[0])[:2]]


def _weak(it: Item, b: Node, cls: str, better: list[str]) -> dict[str, Any]:
    found = f"同一法规中直接规定该职责的条款：{'、'.join(better)}" if better else "它本身不设定任何职责或处罚"
    e = _entry("weak_basis", [it], b.get("citation"), f"所引为{CLASS_ZH[cls]}；{found}", kind=cls)
    e["better"] = better
    return e


def _described(cls: str, name: str) -> bool:
    """The item's own name is about the remedy or sanction it cites (…备案并接受纠正, 自治事项不受干预)."""
    if cls == "remedy":
        return bool(re.search(r"责令|投诉|举报|反映|申诉|撤销|纠正|复议|诉讼|干预", name))
    if cls == "sanction":
        return bool(re.search(r"处罚|罚款|处分|追究", name))
    return False


# ---- (f) duplicates ------------------------------------------------------------------------------------
def duplicates(snap: Snapshot, items: list[Item]) -> list[dict[str, Any]]:
    out = []
    keyed = [(it, {b.get("citation") or b.id for b in it.bases}) for it in items]
    for i, (a, ka) in enumerate(keyed):
        for b, kb in keyed[i + 1:]:
            if a.list_id == b.list_id or not _overlap(a, b) or not (ka & kb):
                continue
            if b.id in a.discloses or a.id in b.discloses:
                continue  # a duty and the disclosure item it must publish: two items by design
            score = fuzz.ratio(a.name, b.name)
            if score >= 85:
                out.append(_entry("duplicate", [a, b], sorted(ka & kb)[0],
                                  f"不同清单中名称几乎相同（相似度 {score:.0f}）且依据相同的事项", kind="near_duplicate"))
    return out


# ---- explanations and the whole lint ------------------------------------------------------------------
def _entry(rule: str, items: list[Item], citation: str | None, reason: str, kind: str | None = None) -> dict[str, Any]:
    return {"rule": rule, "kind": kind, "items": [i.ref() for i in items], "list_version": items[0].version_id,
            "citation": citation, "reason": reason, "explanation": None, "explanation_reason": None,
            "explanation_source": None}


def _explains(e: Node, covered: set[str] | None, entry: dict[str, Any]) -> bool:
    if e.get("lint_rule") != entry["rule"]:
        return False
    if covered is not None and not {i["id"] for i in entry["items"]} <= covered:
        return False
    want = e.get("explains_citation")
    if not want:
        return True
    got = entry.get("citation") or ""
    return got == want or ("#" not in want and got.startswith(want + "#"))


def explanation_for(snap: Snapshot, entry: dict[str, Any]) -> Node | None:
    """The first recorded explanation that covers a finding (rule, items, citation)."""
    return next((e for e, covered in snap.explanations if _explains(e, covered, entry)), None)


def lint(store: GraphStore, as_of: date | str | None = None) -> dict[str, Any]:
    """Every finding of the four rules, each with the catalog's explanation when it records one."""
    snap = snapshot(store)
    items = snap.items
    day = parse_day(as_of, "审查日期").isoformat() if as_of else None
    if day:
        items = [i for i in items if i.start <= day <= i.end]
    found = {"anachronisms": anachronisms(snap, items), "contradictions": contradictions(snap, items),
             "weak_bases": weak_bases(store, snap, items), "duplicates": duplicates(snap, items)}
    used: set[str] = set()
    for entries in found.values():
        for entry in entries:
            e = explanation_for(snap, entry)
            if e is not None:
                entry["explanation"] = e.get("explanation")
                entry["explanation_reason"] = e.get("explanation_reason") or "accepted"
                entry["explanation_source"] = e.get("source")
                used.add(e.id)
        entries.sort(key=lambda x: ([i["id"] for i in x["items"]], x["citation"] or ""))
    summary = {k: {"total": len(v), "explained": sum(1 for x in v if x["explanation"]),
                   "unexplained": sum(1 for x in v if not x["explanation"])} for k, v in found.items()}
    unused = [{"id": _short(e.id), "rule": e.get("lint_rule"), "citation": e.get("explains_citation"),
               "items": sorted(c) if c is not None else ["*"], "explanation": e.get("explanation")}
              for e, c in snap.explanations if e.id not in used] if day is None else []
    return {"as_of": day, "items": len(items), "summary": summary, **found, "unused_explanations": unused}


def failing(result: dict[str, Any], rules: Iterable[str] = RULES) -> list[dict[str, Any]]:
    """The findings that carry no explanation — what CI fails on."""
    return [x for r in rules for x in result[r] if not x["explanation"]]
