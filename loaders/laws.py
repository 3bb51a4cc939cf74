"""The law corpus: Markdown statute files → works, dated versions and provisions (条/款/项).

File format (LawRefBook): `# title`, optional sub-title, dated history lines, `<!-- INFO END -->`,
then `##` headings and articles as paragraphs starting `第X条`. Items （一）… are separate
paragraphs that belong to the paragraph (款) before them, which is how 款/项 are numbered in law.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import cn2an

from qingdan.errors import DataError, Problem

ARTICLE_RE = re.compile(r"^第([零〇一二三四五六七八九十百千]+)条(之[一二三四五六七八九十]+)?[\s　]*(.*)$")
ITEM_RE = re.compile(r"^[（(]([零〇一二三四五六七八九十]+)[）)]")
START_RE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
FILE_RE = re.compile(r"^(.+?)(?:\((\d{4}-\d{2}-\d{2})\))?\.md$")
MINFADIAN_ORDER = ["总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则"]


def cn_int(text: str) -> int:
    return int(cn2an.cn2an(text, "smart"))


@dataclass
class Paragraph:
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class Article:
    number: int
    paragraphs: list[Paragraph]
    chapter: str = ""

    @property
    def text(self) -> str:
        lines: list[str] = []
        for p in self.paragraphs:
            lines.append(p.text)
            lines.extend(p.items)
        return "\n".join(lines)


@dataclass
class LawVersion:
    work: str
    version_date: str  # ISO date
    title: str
    history: list[str]
    articles: dict[int, Article]
    path: str
    dated_by: str  # "file name" or "history line"
    in_force_from: str | None = None  # from a "…施行" history line, when the text has one
    jurisdiction: str | None = None  # set where the source says more than the title (a province's archive)

    @property
    def max_article(self) -> int:
        return max(self.articles) if self.articles else 0

    @property
    def first_date(self) -> str:
        """The earliest date the text gives for its work (the first adoption or issue in its
        history lines): before it the work did not exist, after it an older text may have been
        in force that the library does not hold."""
        dates = [date(int(y), int(m), int(d)).isoformat() for ln in self.history for (y, m, d) in DATE_RE.findall(ln)]
        return min([*dates, self.version_date])


@dataclass
class LawCorpus:
    versions: dict[tuple[str, str], LawVersion] = field(default_factory=dict)

    def works(self) -> list[str]:
        return sorted({w for w, _ in self.versions})

    def versions_of(self, work: str) -> list[LawVersion]:
        return sorted((v for (w, _), v in self.versions.items() if w == work), key=lambda v: v.version_date)

    def get(self, work: str, version_date: str) -> LawVersion | None:
        return self.versions.get((work, version_date))


def _short_title(name: str) -> str:
    return name.removeprefix("中华人民共和国")


def parse_law_text(text: str, work: str, version_date: str | None, path: str) -> LawVersion:
    lines = [ln.strip() for ln in text.splitlines()]
    if "<!-- INFO END -->" in lines:
        cut = lines.index("<!-- INFO END -->")
        head, body = lines[:cut], lines[cut + 1:]
    else:
        head, body = [], lines
    titles = [ln.lstrip("# ").strip() for ln in head if ln.startswith("#")]
    history = [ln for ln in head if ln and not ln.startswith("#") and DATE_RE.search(ln)]
    dated_by = "file name"
    if version_date is None:
        # a version is dated by its adoption or amendment, not by its entry into force
        enacting = [ln for ln in history if "施行" not in ln] or history
        dates = [date(int(y), int(m), int(d)) for ln in enacting for (y, m, d) in DATE_RE.findall(ln)]
        if not dates:
            raise DataError(Problem(path, None, "history", None, "文件名和沿革行都没有日期，无法确定版本日期"))
        version_date = max(dates).isoformat()
        dated_by = "history line"
    articles: dict[int, Article] = {}
    current: Article | None = None
    chapter = ""
    headings: list[tuple[int, str]] = []  # (depth, heading) from 编 down to 节
    for ln in body:
        if not ln or ln.startswith("---") or ln.startswith("<!--"):
            continue
        if ln.startswith("#"):
            heading = ln.lstrip("# ").strip()
            depth = len(ln) - len(ln.lstrip("#"))
            headings = [h for h in headings if h[0] < depth] + ([(depth, heading)] if heading else [])
            # the whole path, so an article in 第六章 法律责任 / 第二节 … still says it is a sanction
            chapter = " ".join(h for _, h in headings)
            current = None if heading else current
            continue
        m = ARTICLE_RE.match(ln)
        if m and not m.group(2):
            num = cn_int(m.group(1))
            current = Article(num, [Paragraph(ln)], chapter)
            articles.setdefault(num, current)
            continue
        if current is None:
            continue  # preamble text outside any article
        if ITEM_RE.match(ln) and current.paragraphs:
            current.paragraphs[-1].items.append(ln)
        else:
            current.paragraphs.append(Paragraph(ln))
    title = titles[0] if titles else work
    in_force = None
    for ln in history:
        m = DATE_RE.search(ln)
        if m and re.search(r"日\s*(起)?[施实]行", ln) and "公布施行" not in ln:
            in_force = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    if in_force and in_force < version_date:
        in_force = None  # the original act's start, not this amendment's
    if in_force is None:
        # no 施行 history line: the closing article often says "本法自…起施行"
        for num in sorted(articles, reverse=True)[:3]:
            m = START_RE.search(articles[num].text)
            if m:
                start = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
                if start >= version_date:
                    in_force = start
                break
    return LawVersion(work, version_date, title, history, articles, path, dated_by, in_force)


def _parse_file(path: Path, root: Path) -> LawVersion:
    m = FILE_RE.match(path.name)
    if not m:
        raise DataError(Problem(str(path), None, "file name", path.name, "文件名不是 名称(YYYY-MM-DD).md 格式"))
    work = _short_title(m.group(1))
    return parse_law_text(path.read_text("utf-8"), work, m.group(2), str(path.relative_to(root)))


def _parse_minfadian(folder: Path, root: Path) -> LawVersion:
    parts = {p.stem: p for p in folder.glob("*.md") if p.stem != "_index"}
    merged: dict[int, Article] = {}
    first: LawVersion | None = None
    for name in MINFADIAN_ORDER + sorted(set(parts) - set(MINFADIAN_ORDER)):
        if name not in parts:
            continue
        v = parse_law_text(parts[name].read_text("utf-8"), "民法典", None, str(parts[name].relative_to(root)))
        first = first or v
        for num, art in v.articles.items():
            art.chapter = f"{name} {art.chapter}".strip()
            merged.setdefault(num, art)
    assert first is not None
    return LawVersion("民法典", first.version_date, "中华人民共和国民法典", first.history, merged,
                      str(folder.relative_to(root)), "history line", first.in_force_from)


def load_corpus(root: Path) -> LawCorpus:
    """Parse every statute file under root; the 民法典 folder is one work."""
    root = Path(root)
    if not root.is_dir():
        raise DataError(Problem(str(root), None, None, None, "法规目录不存在"))
    corpus = LawCorpus()
    for path in sorted(root.rglob("*.md")):
        if path.parent.name == "民法典":
            continue
        v = _parse_file(path, root)
        corpus.versions[(v.work, v.version_date)] = v
    for folder in sorted(p for p in root.rglob("民法典") if p.is_dir()):
        v = _parse_minfadian(folder, root)
        corpus.versions[(v.work, v.version_date)] = v
    return corpus


def apply_in_force(corpus: LawCorpus, overrides: dict[tuple[str, str], str]) -> LawCorpus:
    """Put the in-force dates recorded in the catalog (law_in_force.csv: dates a text does not
    state, each with its source) on the versions, so every reader of the corpus picks the same
    version for a day as the graph does."""
    for (work, version), start in overrides.items():
        v = corpus.get(work, version)
        if v is not None and start:
            v.in_force_from = start
    return corpus


def in_force_overrides(catalog_dir: Path) -> dict[tuple[str, str], str]:
    """law_in_force.csv (and its parts) of a catalog: (work, version date) → in force from."""
    from .catalog import files_of, read_rows

    problems: list[Problem] = []
    out: dict[tuple[str, str], str] = {}
    folder = Path(catalog_dir)
    if folder.is_dir():
        for path in files_of(folder, "law_in_force"):
            for r in read_rows(path, "law_in_force", problems):
                if r["work"] and r["version_date"] and r["in_force_from"]:
                    out[(r["work"], r["version_date"])] = r["in_force_from"]
    if problems:
        raise DataError(problems, "法规施行日期表有误")
    return out


@lru_cache(maxsize=4)
def cached_corpus(root: str, catalog_dir: str | None = None) -> LawCorpus:
    """The corpus under root with the in-force dates of the catalog (default: the configured one)."""
    from qingdan import paths

    return apply_in_force(load_corpus(Path(root)), in_force_overrides(Path(catalog_dir or paths.catalog_dir())))
