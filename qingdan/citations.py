"""Citation keys — the one machine form of a legal basis: WORK@YYYY-MM-DD#A[.P[.I]], DOC:key or DOC:key#part."""
from __future__ import annotations

import re
from dataclasses import dataclass

KEY_RE = re.compile(r"^(?P<work>[^@#;\s]+)@(?P<date>\d{4}-\d{2}-\d{2})#(?P<a>\d+)(?:\.(?P<p>\d+))?(?:\.(?P<i>\d+))?$")
DOC_RE = re.compile(r"^DOC:(?P<key>[A-Za-z0-9_\-]+)(?:#(?P<part>[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*))?$")


class DocKey(str):
    """A document citation: the whole document (`DOC:key`) or one numbered part (`DOC:key#2.1`).

    It is a str whose value is the path under `doc/` (key or key/part), so code that only needs
    "is this a document?" keeps working, while code that renders or links uses .doc and .part.
    """

    doc: str
    part: str | None

    def __new__(cls, doc: str, part: str | None = None) -> "DocKey":
        obj = super().__new__(cls, f"{doc}/{part}" if part else doc)
        obj.doc = doc
        obj.part = part
        return obj

    @property
    def key(self) -> str:
        return f"DOC:{self.doc}" + (f"#{self.part}" if self.part else "")


@dataclass(frozen=True)
class CitationKey:
    work: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    @property
    def key(self) -> str:
        s = f"{self.work}@{self.version}#{self.article}"
        if self.paragraph is not None:
            s += f".{self.paragraph}"
            if self.item is not None:
                s += f".{self.item}"
        return s

    @property
    def article_key(self) -> str:
        return f"{self.work}@{self.version}#{self.article}"

    def parent(self) -> "CitationKey | None":
        if self.item is not None:
            return CitationKey(self.work, self.version, self.article, self.paragraph)
        if self.paragraph is not None:
            return CitationKey(self.work, self.version, self.article)
        return None

    def label_zh(self) -> str:
        from cn2an import an2cn

        s = f"第{an2cn(self.article)}条"
        if self.paragraph is not None:
            s += f"第{an2cn(self.paragraph)}款"
        if self.item is not None:
            s += f"第（{an2cn(self.item)}）项"
        return s


def parse_key(text: str) -> CitationKey | DocKey:
    """A CitationKey, or a DocKey for DOC: citations; ValueError otherwise."""
    text = text.strip()
    m = KEY_RE.match(text)
    if m:
        return CitationKey(m["work"], m["date"], int(m["a"]),
                           int(m["p"]) if m["p"] else None, int(m["i"]) if m["i"] else None)
    d = DOC_RE.match(text)
    if d:
        return DocKey(d["key"], d["part"])
    raise ValueError(f"引用键格式应为 法规@YYYY-MM-DD#条.款.项、DOC:键 或 DOC:键#部分，实为「{text}」")


def split_multi(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split(";") if p.strip()]
