"""`cite --as-of`: each citation read against the text in force on a day.

A citation that names no version is checked against the text in force that day (not against any
text that happens to have the article). One that names another version keeps its own check and
gains the corresponding provision of the text in force that day, carried along the alignments of
the texts in between. When no text is in force that day the citation is checked against the
nearest one and says so, in the same words the graph's answers use.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Callable

from qingdan.citations import CitationKey
from qingdan.statute_text import label_zh, similarity, standing_notice

from .crosswalk import Pair, paragraph_text, successor_of
from .laws import LawCorpus, LawVersion
from .repeal import Repeal, repealed_on, repeals
from .statute_links import cached_crosswalk


_REPEALS: dict[int, tuple[LawCorpus, list[Repeal]]] = {}


def _repeals(corpus: LawCorpus) -> list[Repeal]:
    """The corpus's repeal clauses, read once per corpus object."""
    held = _REPEALS.get(id(corpus))
    if held is None or held[0] is not corpus:
        held = (corpus, repeals(corpus))
        _REPEALS[id(corpus)] = held
    return held[1]


def standing(corpus: LawCorpus, work: str, day: date) -> tuple[str, LawVersion]:
    """(status, the version to check against): in_force / missing / not_yet / repealed, as in the graph."""
    vs = corpus.versions_of(work)
    d = day.isoformat()
    r = repealed_on(_repeals(corpus), work, d)
    if r is not None:
        held = [v for v in vs if v.version_date in r.repealed_versions] or vs
        return "repealed", held[-1]
    current = [v for v in vs if (v.in_force_from or v.version_date) <= d]
    if current:
        return "in_force", max(current, key=lambda v: (v.in_force_from or v.version_date, v.version_date))
    first = min(v.first_date for v in vs)
    older = first < vs[0].version_date and first <= d
    return ("missing" if older else "not_yet"), vs[0]


def _carry(corpus: LawCorpus, work: str, src: LawVersion, dst: LawVersion,
           key: tuple[int, int | None, int | None]) -> tuple[tuple[int, int | None, int | None], float] | None:
    """(article, paragraph, item) of src carried through the texts between src and dst, with the
    lowest similarity met on the way."""
    vs = corpus.versions_of(work)
    i, j = vs.index(src), vs.index(dst)
    step = 1 if j > i else -1
    here, low = key, 1.0
    for k in range(i, j, step):
        a, b = vs[k], vs[k + step]
        pairs = cached_crosswalk(a, b) if step == 1 else [
            Pair(p.to_article, p.from_article, p.score, p.change) for p in cached_crosswalk(b, a)]
        s = successor_of(a, b, pairs, *here)
        if s is None:
            return None
        here, low = (s.article, s.paragraph, s.item if s.paragraph is not None else None), min(low, s.score)
    return here, low


def _words(v: LawVersion, key: tuple[int, int | None, int | None]) -> str:
    a, p, i = key
    art = v.articles.get(a)
    if art is None:
        return ""
    if p is None:
        return "".join(paragraph_text(art, n) or "" for n in range(1, len(art.paragraphs) + 1))
    return paragraph_text(art, p, i) or ""


def read_as_of(c: Any, corpus: LawCorpus, day: date, check: Callable[[LawVersion, Any], str | None],
               book: Callable[[str], str]) -> Any:
    """A copy of the citation c (loaders.cite.Citation) with in_force filled for the day; check says
    why a version lacks the cited unit (cite._check), book writes a title as 《…》."""
    if not c.resolved or c.doc_no or c.article is None or not corpus.versions_of(c.work):
        return c
    status, target = standing(corpus, c.work, day)
    r = repealed_on(_repeals(corpus), c.work, day.isoformat()) if status == "repealed" else None
    notice = standing_notice(c.work, status, target.version_date, target.in_force_from or target.version_date,
                             r.effective_date if r else None, r.repealing_work if r else None)
    info: dict[str, Any] = {"version": target.version_date, "status": status, "notice": notice}
    key = (c.article, c.paragraph, c.item if c.paragraph is not None else None)
    if c.version is None:
        # no version written: the text meant is the one in force that day
        problem = check(target, c)
        if problem is not None:
            return replace(c, resolved=False, problem=f"{book(c.work)}该日施行的{target.version_date}版{problem}",
                           in_force=info)
        info.update(_where(c.work, target, key, 1.0))
        return replace(c, problem=None, in_force=info)  # which other texts have the article no longer matters
    cited = corpus.get(c.work, c.version)
    if cited is None:
        return c
    carried = (key, 1.0) if cited is target else _carry(corpus, c.work, cited, target, key)
    if carried is None:
        info.update(article=None, note=f"{target.version_date}版中没有与之对应的条款（已删除或尚未规定）")
        return replace(c, in_force=info)
    found, low = carried
    same_level = (found[1] is None) == (key[1] is None) and (found[2] is None) == (key[2] is None)
    score = similarity(_words(cited, key), _words(target, found)) if same_level else low
    info.update(_where(c.work, target, found, round(score, 3)))
    if not same_level:
        info["note"] = "所引款项的文字在该日施行的文本中找不到对应，只能对应到条"
    return replace(c, in_force=info)


def _where(work: str, v: LawVersion, key: tuple[int, int | None, int | None], score: float) -> dict[str, Any]:
    a, p, i = key
    return {"article": a, "paragraph": p, "item": i, "label": label_zh(a, p, i),
            "citation": CitationKey(work, v.version_date, a, p, i).key, "score": score}
