"""依据 text → citation keys of the statute version in force on the list's date, every problem named."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..catalog import Catalog
from ..citations import CitationKey
from ..cite import Citation, normalise_doc_no, normalise_title, parse_citations, validate_citations
from ..laws import LawCorpus, LawVersion
from .columns import clean_text

SUMMARY_CHARS = 60


@dataclass
class Bases:
    keys: list[str]
    summaries: dict[str, str]
    problems: list[str]
    warnings: list[str]
    unread: str | None = None  # text with no citation in it at all


class Citer:
    """依据 text → citation keys of the statute version in force on the list's date.

    Reading and checking is loaders.cite's; choosing the version is done here because it depends
    on the list: a 2024 list that cites 村民委员会组织法第二十四条 means the 2018 text.
    """

    def __init__(self, catalog: Catalog, corpus: LawCorpus) -> None:
        self.corpus = corpus
        self.in_force = {(r["work"], r["version_date"]): r["in_force_from"] for r in catalog.of("law_in_force")}
        self.extra: dict[str, list[str]] = {}
        for r in catalog.of("works_extra"):
            self.extra.setdefault(r["work"], []).append(r["version_date"])
        self.doc_by_no: dict[str, str] = {}
        self.doc_by_title: dict[str, str] = {}
        self.doc_titles: dict[str, str] = {}  # doc_no → title, as loaders.cite wants it
        for r in catalog.of("documents"):
            title = normalise_title(r["title"] or "")[0]
            self.doc_by_title[title] = r["doc_key"]
            no = normalise_doc_no(r["doc_no"] or "")
            if no:
                self.doc_by_no[no] = r["doc_key"]
                self.doc_titles[no] = title
        self.known = [*corpus.works(), *self.extra, *self.doc_by_title]

    def version_on(self, work: str, day: str) -> LawVersion | None:
        current = None
        for v in self.corpus.versions_of(work):
            if (self.in_force.get((work, v.version_date)) or v.in_force_from or v.version_date) <= day:
                current = v
        return current

    def read(self, text: str, day: str) -> Bases:
        out = Bases([], {}, [], [])
        cits = parse_citations(re.sub(r"\s*\n\s*", "；", text), self.known)
        if not cits:
            out.unread = clean_text(text)
            out.warnings.append("依据中没有识别出法规或文件引用（应写成《法规名称》第X条，或写出文号），原文记为“未列明条款的依据”")
            return out
        for c in cits:
            label = c.label_zh()
            if c.problem:  # could not even be read (no title, no article number …)
                out.problems.append(f"{label}：{c.problem}")
            elif self.corpus.versions_of(c.work) and not c.doc_no:
                self._corpus(c, day, label, out)
            else:
                self._other(c, day, label, out)
        out.keys = list(dict.fromkeys(out.keys))
        return out

    def _corpus(self, c: Citation, day: str, label: str, out: Bases) -> None:
        """Check the article against the text in force on the list's date (or the one its note names)."""
        if c.version:  # （2018年修正）: the version the official named
            noted = validate_citations([replace(c, article=None, paragraph=None, item=None)], self.corpus)[0]
            if not noted.resolved:
                out.problems.append(f"{label}：{noted.problem}")
                return
            v, why = self.corpus.get(c.work, noted.version or ""), ""
        else:
            v = self.version_on(c.work, day)
            if v is None:
                first = self.corpus.versions_of(c.work)[0]
                out.problems.append(f"{label}：清单施行日 {day} 时该法规尚未施行（法规库最早的版本是 {first.version_date}）")
                return
            why = f"（清单施行日 {day} 适用 {v.version_date} 版）"
        assert v is not None
        if c.article is None:
            out.warnings.append(f"{label}只写了法规名称，没有具体到条，未作为依据条款记录")
            out.unread = "；".join(filter(None, [out.unread, label]))
            return
        checked = validate_citations([replace(c, version=v.version_date, resolved=False)], self.corpus)[0]
        if not checked.resolved:
            out.problems.append(f"{label}：{checked.problem}{why}")
            return
        key = CitationKey(c.work, v.version_date, c.article, c.paragraph, c.item)
        out.keys.append(key.key)
        out.summaries.setdefault(key.key, _summary(v, key))

    def _other(self, c: Citation, day: str, label: str, out: Bases) -> None:
        """Normative documents and works the catalog declares but the corpus lacks; anything else is unknown."""
        c = validate_citations([c], self.corpus, set(self.extra) | set(self.doc_by_title), self.doc_titles)[0]
        if not c.resolved:
            out.problems.append(f"{label}：{c.problem}")
            return
        doc = (self.doc_by_no.get(c.doc_no) if c.doc_no else None) or self.doc_by_title.get(c.work)
        if doc:
            out.keys.append(f"DOC:{doc}")
            return
        if c.article is None:
            out.warnings.append(f"{label}只写了法规名称，没有具体到条，未作为依据条款记录")
            out.unread = "；".join(filter(None, [out.unread, label]))
            return
        dates = sorted(d for d in self.extra.get(c.work, []) if d <= day)
        if not dates:
            out.problems.append(f"{label}：清单施行日 {day} 时该法规尚未公布（清单声明的版本：{'、'.join(sorted(self.extra.get(c.work, [])))}）")
            return
        key = CitationKey(c.work, dates[-1], c.article, c.paragraph, c.item).key
        out.keys.append(key)
        out.summaries.setdefault(key, f"{label}（原文未收录）")


def _summary(v: LawVersion, k: CitationKey) -> str:
    art = v.articles[k.article]
    text = art.text
    if k.paragraph is not None:
        para = art.paragraphs[k.paragraph - 1]
        text = para.items[k.item - 1] if k.item is not None else para.text
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"

