"""Repeal relations read from the statute texts themselves.

A law that replaces others says so in its closing article — 民法典 第一千二百六十条: “本法自2021年
1月1日起施行。《中华人民共和国婚姻法》……同时废止。” Reading that clause (rather than typing a table)
keeps the relation tied to its source article and its effective date, and finds every one the
corpus holds. Repealed titles are mapped to corpus works where the corpus has them; the others
(民法通则, decisions of the NPC Standing Committee …) are kept with in_corpus False.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .jurisdiction import jurisdiction_of
from .laws import DATE_RE, LawCorpus, LawVersion

TITLE_RE = re.compile(r"《([^《》]+)》")
# “同时废止” / “自本法施行之日起废止” / “即行废止” — not “修改或者废止” and other talk about repeal
REPEAL_RE = re.compile(r"(同时|施行之日起|即行)废止")
START_RE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")
ON_PROMULGATION_RE = re.compile(r"自(公布|发布)之日起施行")
SENTENCE_RE = re.compile(r"[^。]+。?")
NATIONAL_PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class Repeal:
    """One work repealed by one version of another, effective on a date, per one article.

    date_basis says where effective_date came from: "text" (本法自…起施行), "promulgation"
    (自公布之日起施行: the enactment date in the history lines) or "version" (the version date,
    when the text gives neither)."""

    repealing_work: str
    repealing_version: str
    repealed_work: str
    effective_date: str | None
    source_article: int
    repealed_title: str  # as written in the clause
    in_corpus: bool
    repealed_versions: tuple[str, ...] = field(default=())  # corpus versions the repeal ends
    date_basis: str = "text"
    clause: str = ""
    note: str = ""

    @property
    def source_citation(self) -> str:
        return f"{self.repealing_work}@{self.repealing_version}#{self.source_article}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["repealed_versions"] = list(self.repealed_versions)
        d["source_citation"] = self.source_citation
        return d


def short_title(title: str) -> str:
    """《中华人民共和国婚姻法》 → 婚姻法; inner 〈〉 (or <>) become 《》 as in corpus file names."""
    t = title.strip().replace("〈", "《").replace("〉", "》").replace("﹤", "《").replace("﹥", "》")
    t = t.replace("<", "《").replace(">", "》")  # ASCII marks some texts use would make an invalid IRI
    t = t.removeprefix(NATIONAL_PREFIX)
    return t.replace("《" + NATIONAL_PREFIX, "《")


def _promulgation_date(v: LawVersion) -> tuple[str, str]:
    """The day a law “自公布之日起施行” started: its first enactment in the history lines."""
    dated = [(ln, date(int(y), int(m), int(d))) for ln in v.history for (y, m, d) in DATE_RE.findall(ln)]
    issued = [d for ln, d in dated if "公布" in ln or "发布" in ln]
    if issued:
        return min(issued).isoformat(), "promulgation"
    if dated:
        return min(d for _, d in dated).isoformat(), "promulgation"
    return v.version_date, "version"


def _start(v: LawVersion, text: str) -> tuple[str | None, str]:
    m = START_RE.search(text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "text"
    if ON_PROMULGATION_RE.search(text):
        return _promulgation_date(v)
    return None, "version"


def _version_start(v: LawVersion) -> tuple[str | None, str]:
    """The law's own 施行 article, for a repeal clause standing apart from it."""
    for num in sorted(v.articles, reverse=True):
        when, basis = _start(v, v.articles[num].text)
        if when:
            return when, basis
    return v.in_force_from or v.version_date, "version"


def repeals_in(v: LawVersion, corpus: LawCorpus | None = None) -> list[Repeal]:
    works = {short_title(w): w for w in corpus.works()} if corpus else {}
    out: list[Repeal] = []
    for num, art in sorted(v.articles.items()):
        text = art.text
        if "废止" not in text:
            continue
        when: str | None = None
        basis = "version"
        for sentence in SENTENCE_RE.findall(text.replace("\n", "")):
            outside = TITLE_RE.sub("", sentence)
            if not REPEAL_RE.search(outside):
                continue
            if when is None:
                when, basis = _start(v, text)
                if when is None:
                    when, basis = _version_start(v)
            local = (v.jurisdiction or jurisdiction_of(v.title)) != "CN"
            for title in TITLE_RE.findall(sentence):
                name = short_title(title)
                if local and jurisdiction_of(name) == "CN":
                    # a local regulation never repeals a national law: the title is one named inside
                    # another (《…关于〈四川省《土地管理法》实施办法〉…的解释》同时废止)
                    continue
                work = works.get(name)
                if name == v.work:
                    work = None  # an earlier act of the same name (婚姻法 1980 repealing that of 1950)
                note = "同名的更早法规，不是法规库所收文本" if name == v.work else ""
                versions: tuple[str, ...] = ()
                if work and corpus is not None:
                    versions = tuple(x.version_date for x in corpus.versions_of(work)
                                     if when is None or x.version_date <= when)
                    if not versions:
                        work = None  # the corpus holds only later texts of that name
                        note = "法规库只收录了该名称更晚的文本"
                out.append(Repeal(v.work, v.version_date, work or name, when, num, title, work is not None,
                                  versions, basis, sentence.strip(), note))
    return out


def repeals(corpus: LawCorpus) -> list[Repeal]:
    """Every repeal clause in the corpus, ordered by repealing work, version and article."""
    out: list[Repeal] = []
    for key in sorted(corpus.versions):
        out.extend(repeals_in(corpus.versions[key], corpus))
    return out


def repealed_on(rs: list[Repeal], work: str, day: str) -> Repeal | None:
    """The repeal of a corpus work in effect on an ISO day (the earliest, when several say so)."""
    hits = [r for r in rs if r.in_corpus and r.repealed_work == work and r.effective_date and r.effective_date <= day]
    return min(hits, key=lambda r: r.effective_date or "") if hits else None
