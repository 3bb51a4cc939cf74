"""Statute scan: every paragraph (款) of the corpus that speaks of village or residents' committees.

The catalog was written by people reading laws; the scan reads all of them, so a duty the
catalog has not picked up yet shows up as a provision no item rests on. Each hit is classified
by cue words in the sentence that names the committee — rule-based, so a person can see why:
协助/配合 → assists; 可以 → may; 不得/禁止 → must_not; 听取…意见/征求 → consulted;
应当/负责/组织 → own_duty; none of these → mentions. The cue must follow the committee in the
sentence (“村民委员会应当…”), or the committee must be the agent (“由村民委员会负责…”, which
alone counts as own_duty); a cue before it, or after a “…的，” condition, usually binds someone
else (“任何组织或者个人不得指定…村民委员会成员”, “村民委员会有下列行为之一的，…可以予以通报”).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from qingdan.statute_text import COMMITTEE_RE, LAW_TITLE_RE

from .citations import CitationKey, parse_key
from .jurisdiction import jurisdiction_name, jurisdiction_of
from .laws import LawCorpus, LawVersion

if TYPE_CHECKING:
    from qingdan.queries.stores.base import GraphStore

BODY_RE = COMMITTEE_RE
TITLE_RE = LAW_TITLE_RE
CLAUSE_RE = re.compile(r"[^。；]+")
PLACEHOLDER = "〔自治组织〕"
ROLES = ("consulted", "assists", "must_not", "may", "own_duty", "mentions")  # precedence, first wins
ROLE_ZH = {"own_duty": "本身职责", "assists": "协助配合", "may": "可以（授权）", "must_not": "不得（禁止）",
           "consulted": "听取意见", "mentions": "其他提及"}
BODY_ZH = {"village": "村民委员会", "residents": "居民委员会", "grassroots": "基层群众性自治组织"}
ANYWHERE = {"consulted": re.compile(r"听取[^。；]{0,40}意见|征求"), "assists": re.compile(r"协助|配合")}
AFTER = {"must_not": re.compile(r"不得|禁止"), "may": re.compile(r"可以"),
         # 组织 as a verb (组织村民…), not the noun in 集体经济组织、社会组织、消防组织
         "own_duty": re.compile(r"应当|负责|(?<![会济防关他有业区者督性层治])组织(?=村民|居民|群众|农民|人员|力量|开展|实施|制定|召开|协商|做好|"
                                r"编制|动员|落实|进行|参与|宣传|学习|培训|救援|疏散|志愿)")}
AGENT_RE = re.compile(r"由" + re.escape(PLACEHOLDER))


@dataclass(frozen=True)
class Mention:
    """One paragraph naming a committee, with its items (项) as part of its text."""

    work: str
    version: str
    article: int
    paragraph: int
    text: str
    bodies: tuple[str, ...]
    role: str
    cue: str | None
    jurisdiction: str = "CN"

    @property
    def citation(self) -> str:
        return CitationKey(self.work, self.version, self.article, self.paragraph).key

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["bodies"] = list(self.bodies)
        d["citation"] = self.citation
        d["role_zh"] = ROLE_ZH[self.role]
        d["bodies_zh"] = [BODY_ZH[b] for b in self.bodies]
        d["jurisdiction_name"] = jurisdiction_name(self.jurisdiction)
        return d


def _bodies(names: Iterable[str]) -> tuple[str, ...]:
    out: set[str] = set()
    for n in names:
        if "基层" in n:
            out.add("grassroots")
        if n.startswith("村") or "（村）" in n or "(村)" in n:
            out.add("village")
        if "居" in n:
            out.add("residents")
    return tuple(b for b in BODY_ZH if b in out)


def classify(text: str) -> tuple[str, str | None]:
    """Role of the committee in a paragraph and the cue word that decided it."""
    bare = BODY_RE.sub(PLACEHOLDER, TITLE_RE.sub("", text))
    found: dict[str, str] = {}
    for clause in CLAUSE_RE.findall(bare):
        at = clause.find(PLACEHOLDER)
        if at < 0:
            continue
        for role, rx in ANYWHERE.items():
            m = rx.search(clause)
            if m:
                found.setdefault(role, m.group(0))
        agent = AGENT_RE.search(clause)
        tail = clause[agent.start():] if agent else clause[at:]
        cut = tail.find("的，")
        if cut >= 0:
            tail = tail[:cut]  # “…村民委员会…有下列行为之一的，” — what follows binds someone else
        for role, rx in AFTER.items():
            m = rx.search(tail.replace(PLACEHOLDER, "＊"))  # the placeholder holds 组织 itself
            if m:
                found.setdefault(role, m.group(0))
        if agent:
            found.setdefault("agent", "由")
    for role in ROLES[:-1]:
        if role in found:
            return role, found[role]
    if "agent" in found:
        return "own_duty", found["agent"]  # “由村民委员会解决” names who does it
    return "mentions", None


def scan_version(v: LawVersion) -> list[Mention]:
    out: list[Mention] = []
    place = v.jurisdiction or jurisdiction_of(v.title)
    for num, art in sorted(v.articles.items()):
        for pi, p in enumerate(art.paragraphs, start=1):
            text = "\n".join([p.text, *p.items])
            names = BODY_RE.findall(TITLE_RE.sub("", text))
            if not names:
                continue
            # the lead-in says who does what (“村民委员会应当及时公布下列事项：”); its items list
            # the objects, so they decide only when the lead-in itself gives no role
            role, cue = classify(p.text)
            if role == "mentions":
                role, cue = classify(text)
            out.append(Mention(v.work, v.version_date, num, pi, text, _bodies(names), role, cue, place))
    return out


def scan(corpus: LawCorpus) -> list[Mention]:
    """Every paragraph of every version in the corpus that names a committee."""
    out: list[Mention] = []
    for key in sorted(corpus.versions):
        out.extend(scan_version(corpus.versions[key]))
    return out


# ---- what the catalog covers ------------------------------------------------------------------
ITEM_LABELS = ("AutonomyItem", "AssistanceItem", "ProhibitedItem", "MicroPower", "PublicService",
               "DisclosureItem", "NegativeBehaviour", "DelegatedPower")


def cited_keys(store: "GraphStore") -> dict[str, set[str]]:
    """Citation key → ids of the items resting on it."""
    out: dict[str, set[str]] = {}
    for label in ITEM_LABELS:
        for item in store.nodes(label):
            for _, target in store.neighbors(item.id, "RESTS_ON"):
                key = target.get("citation")
                if key:
                    out.setdefault(key, set()).add(item.id.split("/", 1)[1])
    return out


def coverage(mentions: list[Mention], store: "GraphStore") -> list[dict[str, Any]]:
    """Each mention with the items resting on it: on the paragraph itself, one of its items (项),
    or its whole article. article_cited says another paragraph of the same article is cited."""
    by_article: dict[str, set[str]] = {}
    by_paragraph: dict[str, set[str]] = {}
    for key, items in cited_keys(store).items():
        try:
            c = parse_key(key)
        except ValueError:
            continue
        if not isinstance(c, CitationKey):
            continue
        by_article.setdefault(c.article_key, set()).update(items)
        if c.paragraph is None:
            by_paragraph.setdefault(c.article_key, set()).update(items)
        else:
            by_paragraph.setdefault(f"{c.article_key}.{c.paragraph}", set()).update(items)
    out = []
    for m in mentions:
        art = CitationKey(m.work, m.version, m.article).key
        items = by_paragraph.get(m.citation, set()) | by_paragraph.get(art, set())
        out.append(m.to_dict() | {"covered": bool(items), "items": sorted(items),
                                  "article_cited": bool(by_article.get(art))})
    return out


def within(code: str, jurisdiction: str) -> bool:
    """Is a rule of this jurisdiction one of the place's own (CN: the national ones only)?"""
    return code == jurisdiction if jurisdiction == "CN" else code != "CN" and code.startswith(jurisdiction)


def report(corpus: LawCorpus, store: "GraphStore", uncovered_only: bool = False, as_of: date | None = None,
           work: str | None = None, jurisdiction: str | None = None) -> dict[str, Any]:
    """The scan with coverage; as_of keeps only the versions in force that day (per the store);
    jurisdiction keeps the rules of one place (CN, or a province / city / county code and those
    of the places in it: 33 is Zhejiang's own and Ningbo's, Hangzhou's …)."""
    if work is not None and not corpus.versions_of(work):
        from qingdan.errors import NotFound

        raise NotFound(f"法规库中没有《{work}》的文本")
    mentions = scan(corpus)
    if work is not None:
        mentions = [m for m in mentions if m.work == work]
    if jurisdiction is not None:
        mentions = [m for m in mentions if within(m.jurisdiction, jurisdiction)]
    notices: dict[str, str] = {}
    nearest: set[str] = set()
    if as_of is not None:
        from qingdan.errors import NotFound
        from qingdan.queries.statutes import standing

        current: dict[str, str | None] = {}
        for w in {m.work for m in mentions}:
            try:
                st = standing(store, w, as_of)
            except NotFound:
                current[w] = None
                continue
            # a text in force whose words the library lacks is checked against the nearest one, and
            # the scan says so; a law not yet in force or repealed that day has no duties that day
            v = st.version if st.status == "in_force" else st.nearest if st.status == "missing" else None
            current[w] = v.get("version_date") if v is not None else None
            if st.status == "missing":
                notices[w] = st.notice() or ""
                nearest.add(w)
        mentions = [m for m in mentions if current.get(m.work) == m.version]
    rows = coverage(mentions, store)
    for r in rows:
        r["checked_against"] = "nearest" if r["work"] in nearest else "in_force"
    by_role: dict[str, dict[str, int]] = {}
    for r in rows:
        slot = by_role.setdefault(r["role"], {"total": 0, "uncovered": 0})
        slot["total"] += 1
        slot["uncovered"] += not r["covered"]
    shown = [r for r in rows if not r["covered"]] if uncovered_only else rows
    return {"as_of": as_of.isoformat() if as_of else None, "work": work, "jurisdiction": jurisdiction,
            "jurisdiction_name": jurisdiction_name(jurisdiction) if jurisdiction else None,
            "notices": notices, "total": len(rows),
            "covered": sum(r["covered"] for r in rows), "uncovered": sum(not r["covered"] for r in rows),
            "by_role": by_role, "role_zh": ROLE_ZH, "provisions": shown}
