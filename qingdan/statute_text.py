"""Statute text as compared and as cited, shared by the loaders (which align versions) and the
queries (which read article texts from the graph): one definition of what counts as the same words.

An article's text is its paragraphs (款) one per line, each followed by its items (项) one per line,
an item line starting （一）…; that is how the corpus is parsed and how the graph stores it, so the
paragraphs and items of an article can be read back from its text alone.
"""
from __future__ import annotations

import re

from cn2an import an2cn
from rapidfuzz import fuzz

# the committees a provision may name (the statute scan's and the local-law index's one definition)
COMMITTEE_RE = re.compile(r"村[（(]居[)）]民委员会|居[（(]村[)）]民委员会|村、居民委员会|村民委员会|居民委员会|基层群众性自治组织")
LAW_TITLE_RE = re.compile(r"《[^《》]*》")  # 《村民委员会组织法》 names a law, not the committee
HEAD_RE = re.compile(r"^第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?")
ITEM_MARK_RE = re.compile(r"^[（(][零〇一二三四五六七八九十]+[）)]")
SPACE_RE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Text as compared: no 第X条 heading, no item mark, no whitespace."""
    text = SPACE_RE.sub("", text)
    text = HEAD_RE.sub("", text)
    return ITEM_MARK_RE.sub("", text)


def paragraphs(article_text: str) -> list[tuple[str, list[str]]]:
    """(paragraph line, its item lines) for each 款 of an article text."""
    out: list[tuple[str, list[str]]] = []
    for line in (ln.strip() for ln in article_text.splitlines()):
        if not line:
            continue
        if ITEM_MARK_RE.match(line) and out:
            out[-1][1].append(line)
        else:
            out.append((line, []))
    return out


def compared(article_text: str) -> str:
    """The whole article as compared."""
    return "".join(clean(line) for line in article_text.splitlines())


def unit(article_text: str, paragraph: int | None = None, item: int | None = None) -> str | None:
    """The text of the article, of its 款 (with its 项) or of one 项, as compared; None when the
    article has no such unit."""
    if paragraph is None:
        return compared(article_text)
    paras = paragraphs(article_text)
    if not 1 <= paragraph <= len(paras):
        return None
    head, items = paras[paragraph - 1]
    if item is None:
        return "".join(clean(t) for t in [head, *items])
    if not 1 <= item <= len(items):
        return None
    return clean(items[item - 1])


def raw_unit(article_text: str, paragraph: int | None = None, item: int | None = None) -> str | None:
    """The words of a unit as printed (for showing, not comparing)."""
    if paragraph is None:
        return article_text
    paras = paragraphs(article_text)
    if not 1 <= paragraph <= len(paras):
        return None
    head, items = paras[paragraph - 1]
    if item is None:
        return "\n".join([head, *items])
    return items[item - 1] if 1 <= item <= len(items) else None


def similarity(a: str, b: str) -> float:
    """Character similarity 0–1 of two compared texts."""
    return fuzz.ratio(a, b) / 100.0


def label_zh(article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """第二十四条第一款第（五）项."""
    s = f"第{an2cn(article)}条"
    if paragraph is not None:
        s += f"第{an2cn(paragraph)}款"
        if item is not None:
            s += f"第（{an2cn(item)}）项"
    return s


def standing_notice(work: str, status: str, nearest_version: str | None, nearest_start: str | None = None,
                    repealed_on: str | None = None, repealed_by: str | None = None) -> str | None:
    """What an answer must say when it cannot check a basis against the text in force that day:
    one wording for the graph's answers and for `qingdan cite --as-of`."""
    year = f"{(nearest_version or '')[:4]}年"
    if status == "missing":
        return f"《{work}》：该日施行的文本未收录，以下按最近的版本（{year}）核对"
    if status == "not_yet":
        return f"《{work}》：该日尚未施行（{nearest_start}起施行），以下按最近的版本（{year}）核对"
    if status == "repealed":
        return f"《{work}》已于{repealed_on}被《{repealed_by}》废止，以下按其最后的版本（{year}）核对"
    return None


def names_committee(text: str) -> bool:
    """Does the text speak of village or residents' committees (not merely of a law named after them)?"""
    return COMMITTEE_RE.search(LAW_TITLE_RE.sub("", text)) is not None
