"""Crosswalks between the versions of a work in force on two dates, and which version that is.

The version in force is picked exactly as the graph picks it (law_in_force.csv, else the 施行
history line, else the version date), so a crosswalk computed from the corpus alone agrees with
one computed against a store.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from qingdan import paths
from qingdan.errors import NotFound, Problem
from qingdan.loaders.catalog import files_of, read_rows
from qingdan.loaders.crosswalk import Pair, crosswalk
from qingdan.loaders.laws import LawCorpus, LawVersion, cached_corpus
from qingdan.loaders.repeal import Repeal, repealed_on, repeals

from .dates import parse_day
from .statutes import in_force
from .stores.base import GraphStore

def default_corpus() -> LawCorpus:
    return cached_corpus(str(paths.laws_dir()))


_REPEALS: dict[int, tuple[LawCorpus, list[Repeal]]] = {}


def corpus_repeals(corpus: LawCorpus) -> list[Repeal]:
    """Repeal relations of a corpus, read once per corpus object."""
    held = _REPEALS.get(id(corpus))
    if held is None or held[0] is not corpus:
        held = (corpus, repeals(corpus))
        _REPEALS[id(corpus)] = held
    return held[1]


def repeal_of(corpus: LawCorpus, work: str, day: date) -> Repeal | None:
    return repealed_on(corpus_repeals(corpus), work, day.isoformat())


def in_force_overrides(catalog_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """law_in_force.csv: in-force dates the texts do not state (2025 organic law: 2026-01-01)."""
    folder = Path(catalog_dir or paths.catalog_dir())
    problems: list[Problem] = []
    out: dict[tuple[str, str], str] = {}
    for path in files_of(folder, "law_in_force"):
        for r in read_rows(path, "law_in_force", problems):
            if r["work"] and r["version_date"] and r["in_force_from"]:
                out[(r["work"], r["version_date"])] = r["in_force_from"]
    return out


def in_force_from(v: LawVersion, overrides: dict[tuple[str, str], str]) -> str:
    return overrides.get((v.work, v.version_date)) or v.in_force_from or v.version_date


def corpus_versions(corpus: LawCorpus, work: str) -> list[LawVersion]:
    vs = corpus.versions_of(work)
    if not vs:
        raise NotFound(f"法规库中没有《{work}》的文本")
    return vs


def corpus_in_force(corpus: LawCorpus, work: str, day: date,
                    overrides: dict[tuple[str, str], str] | None = None) -> LawVersion | None:
    """The corpus version of a work in force on a day: the latest one started on or before it."""
    ov = in_force_overrides() if overrides is None else overrides
    current = None
    for v in corpus_versions(corpus, work):
        if in_force_from(v, ov) <= day.isoformat():
            current = v
    return current


def _pick(source: GraphStore | LawCorpus, corpus: LawCorpus, work: str, day: date) -> LawVersion:
    if isinstance(source, LawCorpus):
        v = corpus_in_force(corpus, work, day)
    else:
        node = in_force(source, work, day)
        v = corpus.get(work, node.get("version_date")) if node is not None else None
        if node is not None and v is None:
            raise NotFound(f"法规库未收录《{work}》（{node.get('version_date')}）的文本，无法逐条对照")
    if v is None:
        raise NotFound(f"《{work}》在 {day.isoformat()} 尚无施行的版本")
    return v


def pair_dict(p: Pair) -> dict[str, Any]:
    return {"from_article": p.from_article, "to_article": p.to_article, "score": p.score, "change": p.change}


def crosswalk_for(source: GraphStore | LawCorpus, work: str, from_date: str | date, to_date: str | date,
                  corpus: LawCorpus | None = None) -> dict[str, Any]:
    """Crosswalk from the version of work in force on from_date to the one in force on to_date."""
    start, end = parse_day(from_date, "起始日期"), parse_day(to_date, "截止日期")
    corpus = source if isinstance(source, LawCorpus) else (corpus or default_corpus())
    old, new = _pick(source, corpus, work, start), _pick(source, corpus, work, end)
    if old.version_date == new.version_date:
        pairs = [Pair(a, a, 1.0, "unchanged") for a in sorted(old.articles)]
    else:
        pairs = crosswalk(old, new)
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p.change] = counts.get(p.change, 0) + 1
    repeal = repeal_of(corpus, work, end)
    return {"work": work, "from_date": start.isoformat(), "to_date": end.isoformat(),
            "from_version": old.version_date, "to_version": new.version_date,
            "same_version": old.version_date == new.version_date,
            "repealed": repeal.to_dict() if repeal else None,
            "counts": counts, "pairs": [pair_dict(p) for p in pairs]}


def versions_for(source: GraphStore | LawCorpus, work: str, day: str | date | None = None) -> dict[str, Any]:
    """Every version of a work with its dates, and which one is in force on the day (default today);
    none when a later law repealed the work by then (per the repeal clauses in the corpus)."""
    d = parse_day(day) if day else date.today()
    if isinstance(source, LawCorpus):
        ov = in_force_overrides()
        vs = [{"version": v.version_date, "in_force_from": in_force_from(v, ov), "title": v.title, "in_corpus": True}
              for v in corpus_versions(source, work)]
        current = corpus_in_force(source, work, d, ov)
        cur = current.version_date if current else None
    else:
        from .statutes import work_versions

        vs = work_versions(source, work)
        node = in_force(source, work, d)
        cur = node.get("version_date") if node is not None else None
    repeal = repeal_of(source if isinstance(source, LawCorpus) else default_corpus(), work, d)
    if repeal is not None and cur in repeal.repealed_versions:
        cur = None
    return {"work": work, "as_of": d.isoformat(), "in_force": cur, "repealed": repeal.to_dict() if repeal else None,
            "versions": [v | {"current": v["version"] == cur} for v in vs]}
