"""Statutes across time, as the graph will hold them: which provision became which in the next text.

Every two consecutive texts of a work are aligned (loaders/crosswalk.py), and so is the last text
of a repealed work with the text that repealed it (婚姻法 2001 → 民法典, 固体废物污染环境防治法 →
生态环境法典): each aligned article pair becomes a `succeededBy` edge with its score. A citation
of a paragraph or item (款/项) gets its own edges, to the closest paragraph or item of the linked
articles, forwards from the cited text and backwards to the texts before it, so a basis citing any
text can be followed to the text in force on any day by walking the graph alone.

Alignments are cached on disk by the content of both texts and the aligning code: the first load
of a corpus computes them (seconds, mostly the codes with 1,200+ articles), later loads read them.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from qingdan.citations import CitationKey
from qingdan.paths import cache_dir as _cache_dir

from .crosswalk import Pair, crosswalk, paragraph_text, successor_of
from .laws import LawCorpus, LawVersion
from .repeal import Repeal, repeals

CODE = [Path(__file__).with_name("crosswalk.py"), Path(__file__).resolve().parent.parent / "qingdan" / "statute_text.py"]


@dataclass(frozen=True)
class Link:
    """One `succeededBy` edge: src (older text) → dst (newer text, maybe of the repealing work)."""

    src: CitationKey
    dst: CitationKey
    score: float  # similarity of the two units (article, or the cited 款/项 and the one found)
    change: str  # the article-level change: unchanged / amended / split / merged
    text_changed: bool
    source: str


@dataclass
class Timeline:
    links: list[Link] = field(default_factory=list)
    subs: dict[CitationKey, str] = field(default_factory=dict)  # 款/项 nodes the links need → their text
    repeals: list[Repeal] = field(default_factory=list)
    until: dict[tuple[str, str], str] = field(default_factory=dict)  # (work, version) → last day in force
    first_date: dict[str, str] = field(default_factory=dict)  # work → earliest date its texts give


# ---- the alignments, cached ---------------------------------------------------------------------
def _digest(v: LawVersion) -> str:
    h = hashlib.sha256(f"{v.work}|{v.version_date}".encode())
    for num in sorted(v.articles):
        h.update(f"\n#{num}\n{v.articles[num].text}".encode())
    return h.hexdigest()


_CODE_DIGEST: list[str] = []


def _code_digest() -> str:
    if not _CODE_DIGEST:
        h = hashlib.sha256()
        for p in CODE:
            h.update(p.read_bytes())
        _CODE_DIGEST.append(h.hexdigest()[:16])
    return _CODE_DIGEST[0]


def cached_crosswalk(old: LawVersion, new: LawVersion) -> list[Pair]:
    """crosswalk(old, new), read from the cache when both texts and the code are unchanged."""
    key = hashlib.sha256(f"{_code_digest()}|{_digest(old)}|{_digest(new)}".encode()).hexdigest()[:32]
    path = _cache_dir() / "crosswalks" / f"{key}.json"
    if path.exists():
        try:
            return [Pair(**p) for p in json.loads(path.read_text("utf-8"))]
        except (ValueError, TypeError):  # a damaged cache entry is recomputed, never trusted
            path.unlink(missing_ok=True)
    pairs = crosswalk(old, new)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([p.to_dict() for p in pairs]), "utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache only costs time
    return pairs


# ---- which texts follow which ---------------------------------------------------------------------
def version_pairs(corpus: LawCorpus, rs: list[Repeal]) -> list[tuple[LawVersion, LawVersion]]:
    """Consecutive texts of each work, then each repealed work's last text → the repealing text;
    ordered so that every pair into a text comes before the pairs out of it."""
    out: list[tuple[LawVersion, LawVersion]] = []
    for work in corpus.works():
        vs = corpus.versions_of(work)
        out.extend(zip(vs, vs[1:]))
    for r in rs:
        if not r.in_corpus or not r.repealed_versions:
            continue
        old, new = corpus.get(r.repealed_work, r.repealed_versions[-1]), corpus.get(r.repealing_work, r.repealing_version)
        if old is not None and new is not None and old.articles and new.articles:
            out.append((old, new))
    unique = {(o.work, o.version_date, n.work, n.version_date): (o, n) for o, n in out}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[1], k[3], k[0], k[2]))]


def _exists(v: LawVersion, c: CitationKey) -> bool:
    art = v.articles.get(c.article)
    if art is None or c.paragraph is None:
        return art is not None
    if not 1 <= c.paragraph <= len(art.paragraphs):
        return False
    return c.item is None or 1 <= c.item <= len(art.paragraphs[c.paragraph - 1].items)


def _sub_text(v: LawVersion, c: CitationKey) -> str:
    para = v.articles[c.article].paragraphs[c.paragraph - 1]  # type: ignore[operator]
    return para.text if c.item is None else para.items[c.item - 1]


def _unit(v: LawVersion, c: CitationKey) -> str | None:
    return paragraph_text(v.articles[c.article], c.paragraph, c.item) if c.paragraph is not None else None


def _key(v: LawVersion, article: int, paragraph: int | None, item: int | None) -> CitationKey:
    return CitationKey(v.work, v.version_date, article, paragraph, item if paragraph is not None else None)


def _source(old: LawVersion, new: LawVersion) -> str:
    how = "按条文字符相似度保持顺序对齐" if old.work == new.work else f"《{new.work}》废止《{old.work}》，按条文字符相似度对齐"
    return f"条文比对：《{old.work}》{old.version_date} → 《{new.work}》{new.version_date}（{how}）"


def _link(old: LawVersion, new: LawVersion, pairs: list[Pair], src: CitationKey, dst: CitationKey,
          score: float) -> Link:
    art = next((p for p in pairs if p.from_article == src.article and p.to_article == dst.article), None)
    change = art.change if art else "amended"
    if src.paragraph is not None and dst.paragraph is not None:
        changed = _unit(old, src) != _unit(new, dst)
    else:
        changed = change != "unchanged"
    return Link(src, dst, round(score, 3), change, changed, _source(old, new))


def timeline(corpus: LawCorpus, cited: Iterable[CitationKey]) -> Timeline:
    """The succeededBy links of the corpus, with the 款/项 nodes they need, the repeal relations,
    and when each text stopped being in force. In-force dates must already be on the versions
    (laws.apply_in_force)."""
    t = Timeline(repeals=repeals(corpus))
    needed: dict[tuple[str, str], set[CitationKey]] = {}
    for c in cited:
        v = corpus.get(c.work, c.version)
        if v is not None and c.paragraph is not None and _exists(v, c):
            needed.setdefault((c.work, c.version), set()).add(c)
            t.subs[c] = _sub_text(v, c)
    plan = [(old, new, cached_crosswalk(old, new)) for old, new in version_pairs(corpus, t.repeals)]
    linked: set[tuple[CitationKey, CitationKey]] = set()
    for old, new, pairs in plan:
        for p in pairs:
            if p.from_article is not None and p.to_article is not None:
                src, dst = _key(old, p.from_article, None, None), _key(new, p.to_article, None, None)
                t.links.append(Link(src, dst, p.score, p.change, p.change != "unchanged", _source(old, new)))
        # forwards: each cited 款/项 of old (or one reached from an older text) to its closest unit in new
        for c in sorted(needed.get((old.work, old.version_date), ()), key=lambda k: k.key):
            s = successor_of(old, new, pairs, c.article, c.paragraph, c.item)
            if s is None:
                continue
            dst = _key(new, s.article, s.paragraph, s.item)
            if dst.paragraph is not None:
                needed.setdefault((new.work, new.version_date), set()).add(dst)
                t.subs[dst] = _sub_text(new, dst)
            t.links.append(_link(old, new, pairs, c, dst, s.score))
            linked.add((c, dst))
    for old, new, pairs in reversed(plan):
        # backwards: a cited 款/项 of new that nothing in old leads to gets its closest unit in old
        reached = {dst for src, dst in linked if src.work == old.work and src.version == old.version_date}
        back = [Pair(p.to_article, p.from_article, p.score, p.change) for p in pairs]
        for c in sorted(needed.get((new.work, new.version_date), ()), key=lambda k: k.key):
            if c in reached:
                continue
            s = successor_of(new, old, back, c.article, c.paragraph, c.item)
            if s is None:
                continue
            src = _key(old, s.article, s.paragraph, s.item)
            if src.paragraph is not None:
                needed.setdefault((old.work, old.version_date), set()).add(src)
                t.subs[src] = _sub_text(old, src)
            if (src, c) not in linked:
                t.links.append(_link(old, new, pairs, src, c, s.score))
                linked.add((src, c))
    _periods(corpus, t)
    return t


def _periods(corpus: LawCorpus, t: Timeline) -> None:
    ended: dict[tuple[str, str], str] = {}
    for r in t.repeals:
        if r.in_corpus and r.effective_date:
            for v in r.repealed_versions:
                k = (r.repealed_work, v)
                ended[k] = min(ended.get(k, r.effective_date), r.effective_date)
    for work in corpus.works():
        vs = sorted(corpus.versions_of(work), key=lambda v: (v.in_force_from or v.version_date, v.version_date))
        t.first_date[work] = min(v.first_date for v in vs)
        for v, nxt in zip(vs, [*vs[1:], None]):
            start = v.in_force_from or v.version_date
            stop = ended.get((work, v.version_date)) if nxt is None else (nxt.in_force_from or nxt.version_date)
            if stop and stop > start:
                t.until[(work, v.version_date)] = (date.fromisoformat(stop) - timedelta(days=1)).isoformat()
