"""依据 text → citation keys of the statute version in force on the list's date, every problem named.

What the library lacks is not the list's fault: a citation whose text in force on the list's date
is not held (the work is here only in later versions, or not at all) is a warning naming the
work and the date, and the citation is kept as written (unlinked) instead of being pinned to a
text that was not in force. What no text could hold is an error: an article beyond the last
article of every held version, or a work cited before it was first adopted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cn2an import an2cn

from ..catalog import Catalog
from ..citations import CitationKey
from ..cite import Citation, book, normalise_doc_no, normalise_title, parse_citations, validate_citations
from ..laws import LawCorpus, LawVersion
from .columns import clean_text

SUMMARY_CHARS = 60
HISTORY_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass
class Bases:
    keys: list[str]
    summaries: dict[str, str]
    problems: list[str]
    warnings: list[str]
    unread: str | None = None  # text with no citation in it at all
    unlinked: list[str] = field(default_factory=list)  # citations as written whose text in force is not held


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
        # numbered parts of documents, by how the document numbers them (附件第5项 → A1.5)
        self.doc_parts: dict[str, list[tuple[str, str]]] = {}
        for r in catalog.of("document_provisions"):
            self.doc_parts.setdefault(r["doc_key"], []).append((r["label_zh"], r["part"]))
        for parts in self.doc_parts.values():
            parts.sort(key=lambda lp: -len(lp[0]))
        self.doc_names: list[tuple[str, str]] = sorted(
            [(r["doc_no"], r["doc_key"]) for r in catalog.of("documents") if r["doc_no"] and r["doc_key"] in self.doc_parts]
            + [(f"《{r['title']}》", r["doc_key"]) for r in catalog.of("documents") if r["doc_key"] in self.doc_parts],
            key=lambda nk: -len(nk[0]))

    def version_on(self, work: str, day: str) -> LawVersion | None:
        current = None
        for v in self.corpus.versions_of(work):
            if (self.in_force.get((work, v.version_date)) or v.in_force_from or v.version_date) <= day:
                current = v
        return current

    def document_parts(self, text: str) -> tuple[list[str], str]:
        """DOC:key#part for each numbered part of a known document the text cites ("《…》（民发〔2020〕20号）
        附件第8项"), and the text without those citations, for the statute parser."""
        keys: list[str] = []
        segments = re.split(r"[；;\n]", text)
        rest = []
        for seg in segments:
            found = next(((name, key) for name, key in self.doc_names if name in seg), None)
            if found is None:
                rest.append(seg)
                continue
            tail = seg[seg.index(found[0]) + len(found[0]):]
            parts = []
            for label, part in self.doc_parts[found[1]]:
                if label and label in tail:
                    parts.append(part)
                    tail = tail.replace(label, " ")
            if parts:
                keys.extend(f"DOC:{found[1]}#{p}" for p in parts)
            else:
                rest.append(seg)
        return keys, "；".join(rest)

    def read(self, text: str, day: str) -> Bases:
        out = Bases([], {}, [], [])
        part_keys, text = self.document_parts(text)
        out.keys.extend(part_keys)
        if part_keys and not text.strip():
            return out
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
        out.unlinked = list(dict.fromkeys(out.unlinked))
        return out

    def _corpus(self, c: Citation, day: str, label: str, out: Bases) -> None:
        """Check the article against the text in force on the list's date (or the one its note names)."""
        versions = self.corpus.versions_of(c.work)
        if c.version:  # （2018年修正）: the version the official named
            if not any(c.version in (v.version_date, v.version_date[:4], v.in_force_from) for v in versions):
                self._missing(c, day, label, out, f"法规库没有{book(c.work)}{c.version}年的文本")
                return
            noted = validate_citations([replace(c, article=None, paragraph=None, item=None)], self.corpus)[0]
            if not noted.resolved:
                out.problems.append(f"{label}：{noted.problem}")
                return
            v, why = self.corpus.get(c.work, noted.version or ""), ""
        else:
            v = self.version_on(c.work, day)
            if v is None:
                first = versions[0]
                since = self.in_force.get((c.work, first.version_date)) or first.in_force_from or first.version_date
                self._missing(c, day, label, out, f"法规库没有{book(c.work)}在清单施行日 {day} 施行的文本"
                                                  f"（最早收录的是 {first.version_date} 版，自 {since} 施行）")
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

    def _missing(self, c: Citation, day: str, label: str, out: Bases, why: str) -> None:
        """The text in force is not held: an error only if no text could hold the citation, else kept as written."""
        versions = self.corpus.versions_of(c.work)
        adopted = min((d for v in versions for d in _history_dates(v)), default=None)
        if adopted and day < adopted:
            out.problems.append(f"{label}：清单施行日 {day} 时{book(c.work)}尚未制定（{adopted} 首次通过）")
            return
        most = max((v.max_article for v in versions), default=0)
        if c.article is not None and versions and c.article > most:
            held = "，".join(f"{v.version_date}版{v.max_article}条" for v in versions)
            out.problems.append(f"{label}：{book(c.work)}任何版本都没有第{an2cn(c.article)}条（法规库收录的版本：{held}）")
            return
        written = label + (f"（{c.version}年版）" if c.version and len(c.version) == 4 else f"（{c.version}版）" if c.version else "")
        out.warnings.append(f"{written}：{why}；依据按原文记录，未链接到条文，补充该文本后重新导入即可链接")
        out.unlinked.append(written)

    def _other(self, c: Citation, day: str, label: str, out: Bases) -> None:
        """Normative documents and works the catalog declares but the corpus lacks; anything else is not held."""
        if c.doc_no and c.doc_no not in self.doc_titles and c.work not in self.extra and c.work not in self.doc_by_title:
            self._missing(c, day, label, out, f"文件目录中没有{c.doc_no}，无从核对")
            return
        if not c.doc_no and c.work not in self.extra and c.work not in self.doc_by_title:
            self._missing(c, day, label, out, f"{book(c.work)}不在法规库中（也未在 works_extra.csv 声明），"
                                              f"清单施行日 {day} 时的文本无从核对")
            return
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
            declared = "、".join(sorted(self.extra.get(c.work, [])))
            self._missing(c, day, label, out, f"清单施行日 {day} 时{book(c.work)}施行的文本未收录（已声明的版本：{declared}）")
            return
        key = CitationKey(c.work, dates[-1], c.article, c.paragraph, c.item).key
        out.keys.append(key)
        out.summaries.setdefault(key, f"{label}（原文未收录）")


def _history_dates(v: LawVersion) -> list[str]:
    return [f"{y}-{int(m):02d}-{int(d):02d}" for line in v.history for y, m, d in HISTORY_DATE.findall(line)]


def _summary(v: LawVersion, k: CitationKey) -> str:
    art = v.articles[k.article]
    text = art.text
    if k.paragraph is not None:
        para = art.paragraphs[k.paragraph - 1]
        text = para.items[k.item - 1] if k.item is not None else para.text
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"

