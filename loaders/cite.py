"""依据 text as officials write it → structured citations, checked against the law corpus.

Officials write bases as free text: 《中华人民共和国村民委员会组织法》第二十四条第一款第（五）项、第二十六条；
《民法典》第1260条；《关于……的指导意见》（民发〔2020〕37号）. Before such text can become a citation key
(loaders.citations) someone has to read it; this module does that reading and then says, per citation,
whether the corpus really has that work, version, article, paragraph and item — it never accepts silently.

Reading rules (the ones a careful human applies):
- a title (《…》, or a bare name such as 村民委员会组织法 right before 第…条) applies to every following
  number until the next title; 本法 / 同法 / 该法 keep the previous title;
- 款 and 项 attach to the article (and 款) just before them; a second 款/项 in a list repeats the article;
  a 项 without 款 belongs to 第一款 (第二十四条第（五）项 = 24.1.5);
- 至 / 到 / - between numbers of one level is a range (第八条至第十条 → 8, 9, 10);
- （2018年修正） or （2021年1月22日修订） after a title is a version note for that title;
- 民发〔2020〕37号 (any of 〔〕[]［］【】()（）) is a normative document number; right after a title it
  names that title's document.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import cn2an

from qingdan.errors import BadRequest, DataError, Problem
from qingdan.loaders.laws import LawCorpus, LawVersion

from .cite_as_of import read_as_of

PRC = "中华人民共和国"
NUM = r"[0-9０-９]+|[零〇一二三四五六七八九十百千两]+"
NUMP = rf"(?:[（(]\s*(?:{NUM})\s*[）)]|(?:{NUM}))"
JOIN = r"\s*(?:[、，,]|至|到|[-－—~～])\s*"
GROUP_RE = re.compile(rf"(?:第\s*{NUMP}|[（(]\s*(?:{NUM})\s*[）)])(?:{JOIN}第?\s*{NUMP})*\s*"
                      rf"(?P<unit>条|款|项|章|节)(?P<zhi>之[一二三四五六七八九十]+)?")
GROUP_PART_RE = re.compile(rf"(?P<num>{NUM})|(?P<range>至|到|[-－—~～])")
CN_ITEM = r"[（(]\s*[一二三四五六七八九十]+\s*[）)]"
BARE_ITEMS_RE = re.compile(rf"{CN_ITEM}(?:\s*(?:[、，,]|至|到|[-－—~～])\s*{CN_ITEM})*(?!\s*(?:项|款|条))")
RANGE_AFTER_RE = re.compile(r"\s*(?:至|到|[-－—~～])\s*(?=第|[（(])")
VERSION_RE = re.compile(r"[（(](?P<body>[^（）()]{0,300}?(?:19|20|１９|２０)[0-9０-９]{2}\s*年[^（）()]{0,300}?)[）)]")
VERSION_WORDS = re.compile(r"修订|修正|修改|通过|公布|颁布|施行|版|文本")
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")
DOCNO_RE = re.compile(r"(?P<org>[\u4e00-\u9fff]{1,6})\s*[〔\[［【(（]\s*(?P<year>(?:19|20|１９|２０)[0-9０-９]{2})\s*[〕\]］】)）]"
                      r"\s*(?:第\s*)?(?P<num>[0-9０-９]+)\s*号")
ORDER_RE = re.compile(r"(?P<org>[\u4e00-\u9fff]{1,8}令)\s*第\s*(?P<num>[0-9０-９]+)\s*号")
THIS_RE = re.compile(r"(?<![基根])(?:本|同|该|此)(?:法典|法|条例|办法|规定|细则)(?=\s*第)")
ALIAS_RE = re.compile(r"(?:以下)?简称\s*$")
LEAD_WORDS = re.compile(r"^(?:根据|依据|按照|依照|参照|遵照|对照|详见|参见|见|依|据|按|以及|及|和|与|或|并|另|同时|还有|违反|符合)+")
BARE_SUFFIX = re.compile(r"(?:法|法典|条例|办法|细则|规程)$")
NOT_TITLES = {"本法", "该法", "同法", "此法", "上述法", "前述法", "办法", "条例", "细则", "规程"}
MINFADIAN_PART = re.compile(r"^民法典[·・\-—]?(?:总则编?|物权编|合同编|人格权编|婚姻家庭编|继承编|侵权责任编|附则)$")
CJK = re.compile(r"[\u4e00-\u9fff〈〉《》]+$")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
MAX_RANGE = 200
MAX_CITATIONS = 500  # one 依据 cell cites a handful; hundreds means the text is not a 依据


@dataclass
class Citation:
    """One cited work/article/paragraph/item; `resolved`/`problem` say whether the corpus bears it out."""

    work: str
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    version: str | None = None  # "2018" from （2018年修正）, an ISO date once matched to a corpus version
    resolved: bool = False
    problem: str | None = None
    doc_no: str | None = None  # normative documents only, normalised to 民发〔2020〕37号
    in_force: dict[str, Any] | None = None  # with as_of: the text in force that day and the provision there

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI and API promise: doc_no only for normative documents, in_force
        only when a day was asked about."""
        d = asdict(self)
        if self.doc_no is None:
            d.pop("doc_no")
        if self.in_force is None:
            d.pop("in_force")
        return d

    def label_zh(self) -> str:
        s = book(self.work) if self.work else "（未写法规名称）"
        if self.doc_no and self.doc_no != self.work:
            s += f"（{self.doc_no}）"
        if self.article is not None:
            s += f"第{cn2an.an2cn(self.article)}条"
        if self.paragraph is not None:
            s += f"第{cn2an.an2cn(self.paragraph)}款"
        if self.item is not None:
            s += f"第（{cn2an.an2cn(self.item)}）项"
        return s


# ── reading ──────────────────────────────────────────────────────────────────────────────────────

def _number(text: str) -> int | None:
    text = text.translate(FULLWIDTH_DIGITS).strip("（()） ")
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _doc_no(m: re.Match[str]) -> tuple[str, str]:
    """(words before the issuer code, the number as 民发〔2020〕37号) for a DOCNO_RE/ORDER_RE match."""
    org = LEAD_WORDS.sub("", m.group("org")) or m.group("org")
    lead = m.group("org")[: len(m.group("org")) - len(org)]
    num = m.group("num").translate(FULLWIDTH_DIGITS)
    if m.re is DOCNO_RE:
        return lead, f"{org}〔{m.group('year').translate(FULLWIDTH_DIGITS)}〕{num}号"
    return lead, f"{org}第{num}号"


def normalise_doc_no(text: str) -> str | None:
    """The first document number in text, in the one spelling used for matching (民发〔2020〕37号)."""
    m = DOCNO_RE.search(text) or ORDER_RE.search(text)
    return _doc_no(m)[1] if m else None


def _version_of(body: str) -> str | None:
    """The version a note names: the latest enacting date (施行 dates only when nothing else is given)."""
    if not VERSION_WORDS.search(body):
        return None
    body = body.translate(FULLWIDTH_DIGITS)
    found: list[tuple[str, bool]] = []
    matches = list(DATE_RE.finditer(body))
    for k, m in enumerate(matches):
        tail = body[m.end(): matches[k + 1].start() if k + 1 < len(matches) else len(body)]
        y, mo, d = m.group(1), m.group(2), m.group(3)
        value = y
        if mo and d and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            value = f"{y}-{int(mo):02d}-{int(d):02d}"
        found.append((value, "施行" in tail))
    enacting = [v for v, in_force in found if not in_force] or [v for v, _ in found]
    return max(enacting) if enacting else None


def normalise_title(raw: str) -> tuple[str, str | None]:
    """A title as the corpus file names spell it, plus a version note written inside the title."""
    t = re.sub(r"\s+", "", raw)
    t = t.translate(str.maketrans("<>＜＞〈〉", "《》《》《》"))
    version = None
    m = re.search(r"[（(]([^（）()]*\d{4}\s*年[^（）()]*)[）)]$", t)
    if m and _version_of(m.group(1)):
        version = _version_of(m.group(1))
        t = t[: m.start()]
    t = re.sub(r"《([^《》]+)》", lambda n: "《" + n.group(1).removeprefix(PRC) + "》", t)
    t = t.removeprefix(PRC)
    if MINFADIAN_PART.match(t):
        t = "民法典"
    return t, version


def _bare_title(text: str, known_works: Iterable[str]) -> str | None:
    """A work named without 《》 right before 第…条 (村民委员会组织法第二十四条)."""
    m = CJK.search(text.rstrip())
    if not m:
        return None
    run = m.group(0).replace(PRC, "")
    best = max((w for w in known_works if w and run.endswith(w)), key=len, default=None)
    if best:
        return best
    run = LEAD_WORDS.sub("", run)
    if len(run) >= 2 and BARE_SUFFIX.search(run) and run not in NOT_TITLES and not run.startswith(("本", "该", "同")):
        return normalise_title(run)[0]
    return None


def _title_end(text: str, start: int) -> int:
    """Index just past the 》 that closes the 《 at start (nested 《〈 counted), or -1."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "《〈":
            depth += 1
        elif ch in "》〉":
            depth -= 1
            if depth == 0:
                return i + 1 if ch == "》" else -1
    return -1


def _tokens(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "《":
            end = _title_end(text, i)
            if end > 0:
                out.append(("title", text[i + 1: end - 1]))
                i = end
                continue
        m = VERSION_RE.match(text, i)
        if m and _version_of(m.group("body")):
            out.append(("version", _version_of(m.group("body"))))
            i = m.end()
            continue
        m = DOCNO_RE.match(text, i) or ORDER_RE.match(text, i)
        if m:
            lead, doc = _doc_no(m)
            if lead:
                out.append(("text", lead))
            out.append(("doc", doc))
            i = m.end()
            continue
        m = THIS_RE.match(text, i)
        if m:
            out.append(("this", m.group(0)))
            i = m.end()
            continue
        m = GROUP_RE.match(text, i)
        if m:
            unit, raw = m.group("unit"), m.group(0)
            out.append(("unit", (unit, *_numbers(raw[: m.start("unit") - m.start(0)], raw), m.group("zhi"), raw)))
            i = m.end()
            b = BARE_ITEMS_RE.match(text, i) if unit in ("条", "款") and not m.group("zhi") else None
            if b:  # 第二十四条第一款（五）、（六）: items written without 项
                out.append(("unit", ("项", *_numbers(b.group(0), b.group(0)), None, b.group(0))))
                i = b.end()
            r = RANGE_AFTER_RE.match(text, i)
            if r:
                out.append(("range", None))
                i = r.end()
            continue
        out.append(("text", ch))
        i += 1
    return out


def _numbers(body: str, raw: str) -> tuple[list[int], str | None]:
    """The numbers of one group (第八、九条 → 8, 9; 第八至十条 → 8, 9, 10) or why they cannot be read."""
    nums: list[int] = []
    ranging = False
    for part in GROUP_PART_RE.finditer(body):
        if part.group("range"):
            ranging = bool(nums)
            continue
        v = _number(part.group("num"))
        if v is None:
            return [], f"无法识别的数字「{part.group('num')}」"
        if v < 1:
            return [], f"「{raw}」：编号应从1开始"
        if ranging:
            if v <= nums[-1] or v - nums[-1] > MAX_RANGE:
                return [], f"「{raw}」：范围不成立"
            nums.extend(range(nums[-1] + 1, v + 1))
            ranging = False
        else:
            nums.append(v)
    return nums, None


@dataclass
class _Context:
    """The title currently in force while reading: its work, version note, document number."""

    work: str
    version: str | None = None
    doc_no: str | None = None
    problem: str | None = None
    cits: list[Citation] | None = None

    def cite(self, **kw: Any) -> Citation:
        problem = kw.pop("problem", None) or self.problem
        c = Citation(self.work, version=self.version, doc_no=self.doc_no, problem=problem, **kw)
        assert self.cits is not None
        self.cits.append(c)
        return c


def parse_citations(text: str, known_works: Iterable[str] = ()) -> list[Citation]:
    """Read every citation in text (unvalidated: resolved is False until validate_citations)."""
    known = [w for w in known_works if w]
    out: list[Citation] = []
    aliases: dict[str, str] = {}
    ctx: _Context | None = None
    cur: Citation | None = None
    last_unit: str | None = None
    prev_kind: str | None = None
    pending = ""
    ranging = False

    def open_ctx(work: str, version: str | None = None, doc_no: str | None = None,
                 problem: str | None = None) -> _Context:
        nonlocal ctx, cur, last_unit
        close_ctx()
        ctx = _Context(work, version, doc_no, problem, [])
        cur, last_unit = None, None
        return ctx

    def close_ctx() -> None:
        if ctx is not None:
            if not ctx.cits:
                out.append(Citation(ctx.work, version=ctx.version, doc_no=ctx.doc_no, problem=ctx.problem))
            else:
                out.extend(ctx.cits)

    for kind, value in _tokens(text):
        if kind == "text":
            pending += value
            if value.strip():
                ranging = False
            continue
        between = pending
        pending = ""
        just_after_title = prev_kind in ("title", "version", "doc") and not between.strip(" \u3000（()）")
        if kind == "title":
            work, version = normalise_title(value)
            if ctx is not None and ALIAS_RE.search(between.rstrip(" \u3000")) and not ctx.cits:
                aliases[work] = ctx.work  # （以下简称《组织法》）: a second name for the same work
            elif ctx is not None and aliases.get(work, work) == ctx.work and not ctx.cits and just_after_title:
                pass  # the same title twice in a row, e.g. with its short form
            else:
                open_ctx(aliases.get(work, work), version)
        elif kind == "version":
            if ctx is not None:
                ctx.version = value
                for c in ctx.cits or []:
                    c.version = value
        elif kind == "doc":
            if ctx is not None and just_after_title and ctx.doc_no is None and not ctx.cits:
                ctx.doc_no = value
            else:
                open_ctx(value, doc_no=value)
        elif kind == "this":
            if ctx is None:
                open_ctx(value, problem=f"“{value}”前面没有法规名称，不知所指")
            cur, last_unit = None, None
        elif kind == "range":
            ranging = True
            prev_kind = kind
            continue
        elif kind == "unit":
            unit, nums, bad, zhi, raw = value
            bare = _bare_title(between, known) if unit == "条" and prev_kind != "this" else None
            if bare and (ctx is None or bare != ctx.work):
                open_ctx(aliases.get(bare, bare))
            if ctx is None:
                open_ctx("", problem="没有写明法规名称")
            assert ctx is not None
            if bad:
                ctx.cite(problem=bad)
            elif unit in ("章", "节"):
                ctx.cite(problem=f"「{raw}」只引到{unit}，没有具体到条，无法核对")
            else:
                first_new = False
                if ranging and cur is not None and last_unit == unit:
                    start = {"条": cur.article, "款": cur.paragraph, "项": cur.item}[unit]
                    if start is not None and start < nums[0] <= start + MAX_RANGE:
                        nums = list(range(start + 1, nums[0])) + nums
                    else:
                        cur = ctx.cite(article=cur.article, problem=f"「…至{raw}」：范围不成立")
                        nums = []
                    first_new = True
                for k, n in enumerate(nums):
                    attach = k == 0 and not first_new and cur is not None
                    if unit == "条":
                        cur = ctx.cite(article=n)
                        if zhi:
                            cur.problem = f"第{cn2an.an2cn(n)}条{zhi}：法规库不单独收录“之X”条，无法核对"
                    elif cur is None or cur.article is None:
                        cur = ctx.cite(problem=f"「{raw}」前面没有条号")
                    elif unit == "款":
                        if attach and last_unit == "条" and cur.paragraph is None:
                            cur.paragraph = n
                        else:
                            cur = ctx.cite(article=cur.article, paragraph=n)
                    else:  # 项
                        if attach and last_unit in ("条", "款") and cur.item is None:
                            cur.paragraph = cur.paragraph or 1
                            cur.item = n
                        else:
                            cur = ctx.cite(article=cur.article, paragraph=cur.paragraph or 1, item=n)
                last_unit = unit
        ranging = False
        prev_kind = kind
    close_ctx()
    out = _dedupe(out)
    if len(out) > MAX_CITATIONS:
        raise BadRequest(f"识别出 {len(out)} 处引用，超过一次 {MAX_CITATIONS} 处的上限，请分段提交")
    return out


def _dedupe(cits: list[Citation]) -> list[Citation]:
    """Drop repeats, and a bare mention of a work that is also cited by article (根据《X》的规定，《X》第三条)."""
    with_articles = {(c.work, c.version) for c in cits if c.article is not None}
    seen: set[tuple[Any, ...]] = set()
    out: list[Citation] = []
    for c in cits:
        key = (c.work, c.article, c.paragraph, c.item, c.version, c.doc_no, c.problem)
        if key in seen or (c.article is None and c.problem is None and (c.work, c.version) in with_articles):
            continue
        seen.add(key)
        out.append(c)
    return out


# ── checking ─────────────────────────────────────────────────────────────────────────────────────

def book(work: str) -> str:
    """《work》, nested titles written with 〈〉 as Chinese typography wants."""
    return "《" + work.replace("《", "〈").replace("》", "〉") + "》"


def _art(n: int) -> str:
    return f"第{cn2an.an2cn(n)}条"


def _check(v: LawVersion, c: Citation) -> str | None:
    """Why this version lacks the cited article/paragraph/item, or None when it has it."""
    assert c.article is not None
    art = v.articles.get(c.article)
    if art is None:
        return f"只有{v.max_article}条"
    if c.paragraph is not None and c.paragraph > len(art.paragraphs):
        return f"{_art(c.article)}只有{len(art.paragraphs)}款"
    if c.item is not None:
        para = art.paragraphs[(c.paragraph or 1) - 1]
        where = f"{_art(c.article)}第{cn2an.an2cn(c.paragraph or 1)}款"
        if not para.items:
            return f"{where}没有分项"
        if c.item > len(para.items):
            return f"{where}只有{len(para.items)}项"
    return None


def _match_version(versions: list[LawVersion], note: str) -> list[LawVersion]:
    if len(note) == 10:
        return [v for v in versions if note in (v.version_date, v.in_force_from)]
    return [v for v in versions if v.version_date[:4] == note]


def _validate_one(c: Citation, corpus: LawCorpus, extra_works: Iterable[str],
                  documents: Mapping[str, str]) -> Citation:
    c = replace(c, resolved=False)
    if c.problem:
        return c
    unchecked = "原文未收录，条款未核对" if c.article is not None else None
    titles = set(documents.values()) | set(extra_works)
    if c.doc_no:
        known = documents.get(c.doc_no)
        if c.work == c.doc_no:  # only the number was written
            if known:
                c.work, c.resolved, c.problem = known, True, unchecked
            else:
                c.problem = f"文件目录中没有{c.doc_no}"
        elif known and known != c.work:
            c.problem = f"文号{c.doc_no}在文件目录中是{book(known)}，与{book(c.work)}不符"
        elif known:
            c.resolved, c.problem = True, unchecked
        elif c.work in titles:
            c.resolved = True
            c.problem = "文件目录未记载文号，文号未核对" + (f"；{unchecked}" if unchecked else "")
        else:
            c.problem = f"法规库和文件目录中都没有{book(c.work)}（{c.doc_no}）"
        return c
    versions = corpus.versions_of(c.work)
    if not versions:
        if c.work in titles:
            c.resolved, c.problem = True, (f"{book(c.work)}{unchecked}" if unchecked else None)
        else:
            c.problem = f"法规库中没有{book(c.work)}"
        return c
    have = "、".join(v.version_date for v in versions)
    chosen = versions
    if c.version:
        matched = _match_version(versions, c.version)
        label = f"{c.version}年" if len(c.version) == 4 else c.version
        if not matched:
            c.problem = f"{book(c.work)}没有{label}的版本（法规库有 {have}）"
            return c
        if len(matched) > 1:
            c.problem = f"{book(c.work)}有多个{label}的版本（{'、'.join(v.version_date for v in matched)}），请写明日期"
            return c
        c.version = matched[0].version_date
        chosen = matched
    if c.article is None:
        c.resolved = True
        return c
    errors = {v.version_date: _check(v, c) for v in chosen}
    ok = [d for d, e in errors.items() if e is None]
    bad = {d: e for d, e in errors.items() if e is not None}
    if not bad:
        c.resolved = True
    elif ok:
        c.resolved = True
        c.problem = f"仅见于{'、'.join(ok)}版；" + "；".join(f"{d}版{e}" for d, e in bad.items())
    elif len(set(bad.values())) == 1 and len(chosen) > 1 and not any(e.startswith("只有") for e in bad.values()):
        c.problem = f"{book(c.work)}{next(iter(bad.values()))}"
    elif len(chosen) == 1:
        tag = f"{chosen[0].version_date}版" if len(versions) > 1 else ""
        c.problem = f"{book(c.work)}{tag}{bad[chosen[0].version_date]}"
    elif all(e.startswith("只有") for e in bad.values()):
        most = max(v.max_article for v in chosen)
        c.problem = f"{book(c.work)}只有{most}条（" + "，".join(f"{v.version_date}版{v.max_article}条" for v in chosen) + "）"
    else:
        c.problem = f"{book(c.work)}" + "；".join(f"{d}版{e}" for d, e in bad.items())
    return c


def validate_citations(cits: Iterable[Citation], corpus: LawCorpus, extra_works: Iterable[str] = frozenset(),
                       documents: Mapping[str, str] | None = None) -> list[Citation]:
    """Copies of cits with resolved/problem set and a version note turned into the corpus version date.

    extra_works: works cited but not in the corpus (catalog works_extra); documents: known normative
    documents, doc_no → title (catalog documents). These resolve without an article check, and say so.
    """
    docs = dict(documents or {})
    extra = set(extra_works)
    return [_validate_one(c, corpus, extra, docs) for c in cits]


# ── the bundled sources ──────────────────────────────────────────────────────────────────────────

@lru_cache(maxsize=4)
def known_sources(catalog_dir: str) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """What the catalog declares beyond the corpus: titles (works_extra and documents), and doc_no → title."""
    from qingdan.loaders.catalog import files_of, read_rows

    folder = Path(catalog_dir)
    if not folder.is_dir():
        return frozenset(), ()
    problems: list[Problem] = []
    works = {r["work"] for p in files_of(folder, "works_extra") for r in read_rows(p, "works_extra", problems)}
    docs: dict[str, str] = {}
    for p in files_of(folder, "documents"):
        for r in read_rows(p, "documents", problems):
            title = normalise_title(r["title"] or "")[0]
            doc_no = normalise_doc_no(r["doc_no"] or "")
            if doc_no:
                docs[doc_no] = title
            works.add(title)
    if problems:
        raise DataError(problems, "清单中的法规/文件目录有误")
    return frozenset(w for w in works if w), tuple(sorted(docs.items()))


def cite(text: str, corpus: LawCorpus | None = None, extra_works: Iterable[str] | None = None,
         documents: Mapping[str, str] | None = None, as_of: date | None = None) -> list[Citation]:
    """Parse and validate; by default against the bundled corpus and the catalog's declared sources.
    as_of: read each citation against the text in force that day (loaders/cite_as_of.py)."""
    from qingdan import paths
    from qingdan.loaders.laws import cached_corpus

    if corpus is None:
        corpus = cached_corpus(str(paths.laws_dir()))
    if extra_works is None or documents is None:
        works, docs = known_sources(str(paths.catalog_dir()))
        extra_works = works if extra_works is None else extra_works
        documents = dict(docs) if documents is None else documents
    known = [*corpus.works(), *extra_works, *documents.values()]
    cits = validate_citations(parse_citations(text, known), corpus, extra_works, documents)
    if as_of is None:
        return cits
    return [read_as_of(c, corpus, as_of, _check, book) for c in cits]
