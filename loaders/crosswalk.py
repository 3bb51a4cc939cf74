"""Crosswalks: which article of one statute text became which article of another.

Amendments renumber articles (村民委员会组织法 2018 第二十四条 is 2025 第二十八条), so a citation
of an old text can only be carried forward by reading both texts. Articles are compared by
character similarity (rapidfuzz, on the text without its 第X条 heading) and aligned in order,
because amendments insert and delete articles but seldom move them; an article is matched out
of order only when it is clearly the same text. Sentences then show what the article-level
view misses: an old article whose sentences went to two new articles was split, a new article
whose sentences came from two old ones was merged.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from rapidfuzz import fuzz, process

from .laws import Article, LawVersion

Change = Literal["unchanged", "amended", "split", "merged", "added", "removed"]
CHANGE_ZH: dict[str, str] = {"unchanged": "未变", "amended": "修改", "split": "拆分", "merged": "合并",
                             "added": "新增", "removed": "删除"}

MATCH = 0.45  # below this two articles of one law share little more than its stock wording
MOVE = 0.75  # an article matched out of order must be at least this similar
CARRY = 75.0  # a sentence reappearing in another article at this similarity (0–100) was carried there
MIN_SENTENCE = 8  # shorter sentences (“依照其规定。”) recur everywhere and prove nothing
BOILERPLATE_GAP = 10.0  # a sentence nearly as present in its own successor was not carried elsewhere

HEAD_RE = re.compile(r"^第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?")
ITEM_MARK_RE = re.compile(r"^[（(][零〇一二三四五六七八九十]+[）)]")
SPACE_RE = re.compile(r"\s+")
SENTENCE_END_RE = re.compile(r"(?<=[。；])")


@dataclass(frozen=True)
class Pair:
    """One link of a crosswalk. from_article is None for an added article, to_article None for a
    removed one. score is the character similarity (0–1) of the two whole articles; for the extra
    links of a split or merge it can be low, since only part of the text travelled."""

    from_article: int | None
    to_article: int | None
    score: float
    change: Change

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Unit:
    """A sentence of an article, located down to paragraph (款) and item (项)."""

    article: int
    paragraph: int
    item: int | None
    text: str


def clean(text: str) -> str:
    """Text as compared: no 第X条 heading, no item mark, no whitespace."""
    text = SPACE_RE.sub("", text)
    text = HEAD_RE.sub("", text)
    return ITEM_MARK_RE.sub("", text)


def article_text(a: Article) -> str:
    return "".join(clean(line) for line in a.text.splitlines())


def paragraph_text(a: Article, paragraph: int, item: int | None = None) -> str | None:
    """The text of 款 (with its 项) or of one 项, as compared; None when the article has no such unit."""
    if not 1 <= paragraph <= len(a.paragraphs):
        return None
    p = a.paragraphs[paragraph - 1]
    if item is None:
        return "".join(clean(t) for t in [p.text, *p.items])
    if not 1 <= item <= len(p.items):
        return None
    return clean(p.items[item - 1])


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100.0


def units(v: LawVersion) -> list[Unit]:
    out: list[Unit] = []
    for num, art in sorted(v.articles.items()):
        for pi, p in enumerate(art.paragraphs, start=1):
            for ii, raw in [(None, p.text), *enumerate(p.items, start=1)]:
                for s in SENTENCE_END_RE.split(clean(raw)):
                    if len(s) >= MIN_SENTENCE:
                        out.append(Unit(num, pi, ii, s))
    return out


def _align(sim: list[list[float]], m: int) -> dict[int, int]:
    """Order-preserving alignment maximising the summed similarity above MATCH (weighted LCS)."""
    n = len(sim)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, s = best[i], best[i - 1], sim[i - 1]
        for j in range(1, m + 1):
            v = max(prev[j], row[j - 1])
            gain = s[j - 1] - MATCH
            if gain > 0 and prev[j - 1] + gain > v:
                v = prev[j - 1] + gain
            row[j] = v
    match: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        gain = sim[i - 1][j - 1] - MATCH
        if gain > 0 and abs(best[i][j] - (best[i - 1][j - 1] + gain)) < 1e-9:
            match[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return match


def _reorder(sim: list[list[float]], match: dict[int, int], m: int) -> None:
    """Articles left over on both sides that are clearly the same text were moved: match them."""
    free_old = [i for i in range(len(sim)) if i not in match]
    taken = set(match.values())
    free_new = [j for j in range(m) if j not in taken]
    cands = sorted(((sim[i][j], i, j) for i in free_old for j in free_new if sim[i][j] >= MOVE), reverse=True)
    used_new: set[int] = set()
    for _, i, j in cands:
        if i not in match and j not in used_new:
            match[i] = j
            used_new.add(j)


def _carried(old: LawVersion, new: LawVersion, primary: dict[int, int]) -> dict[tuple[int, int], float]:
    """(old article, new article) links shown by sentences that travelled outside the article-level match."""
    ou, nu = units(old), units(new)
    if not ou or not nu:
        return {}
    o_texts, n_texts = [u.text for u in ou], [u.text for u in nu]
    back: dict[int, tuple[float, int]] = {}
    links: dict[tuple[int, int], float] = {}
    for u in ou:
        hit = process.extractOne(u.text, n_texts, scorer=fuzz.ratio, score_cutoff=CARRY)
        if hit is None:
            continue
        _, score, ni = hit
        target = nu[ni].article
        if primary.get(u.article) == target:
            continue
        if ni not in back:
            rb = process.extractOne(n_texts[ni], o_texts, scorer=fuzz.ratio)
            back[ni] = (rb[1], rb[2]) if rb else (0.0, -1)
        if back[ni][0] > score + 0.5 and ou[back[ni][1]].article != u.article:
            continue  # the new sentence is better explained by another old article
        own = primary.get(u.article)
        if own is not None:
            own_best = max((fuzz.ratio(u.text, t.text) for t in nu if t.article == own), default=0.0)
            if own_best >= score - BOILERPLATE_GAP:
                continue  # stock wording present in its own successor too
        key = (u.article, target)
        links[key] = max(links.get(key, 0.0), score / 100.0)
    return links


def crosswalk(old: LawVersion, new: LawVersion) -> list[Pair]:
    """Every article of old and of new, linked: unchanged, amended, split, merged, added or removed."""
    o_nums, n_nums = sorted(old.articles), sorted(new.articles)
    o_txt = [article_text(old.articles[k]) for k in o_nums]
    n_txt = [article_text(new.articles[k]) for k in n_nums]
    sim = [[similarity(a, b) for b in n_txt] for a in o_txt]
    match = _align(sim, len(n_nums))
    _reorder(sim, match, len(n_nums))
    primary = {o_nums[i]: n_nums[j] for i, j in match.items()}
    links = set(primary.items()) | set(_carried(old, new, primary))
    targets: dict[int, set[int]] = {}
    sources: dict[int, set[int]] = {}
    for a, b in links:
        targets.setdefault(a, set()).add(b)
        sources.setdefault(b, set()).add(a)
    o_idx, n_idx = {k: i for i, k in enumerate(o_nums)}, {k: j for j, k in enumerate(n_nums)}
    pairs: list[tuple[float, int, Pair]] = []
    for a, b in links:
        i, j = o_idx[a], n_idx[b]
        if len(targets[a]) > 1:
            change: Change = "split"
        elif len(sources[b]) > 1:
            change = "merged"
        else:
            change = "unchanged" if o_txt[i] == n_txt[j] else "amended"
        pairs.append((a, 0 if primary.get(a) == b else 1, Pair(a, b, round(sim[i][j], 3), change)))
    for a in o_nums:
        if a not in targets:
            pairs.append((a, 0, Pair(a, None, 0.0, "removed")))
    for b in n_nums:
        if b not in sources:
            before = [p.from_article for _, _, p in pairs
                      if p.from_article is not None and p.to_article is not None and p.to_article < b]
            pairs.append((max(before, default=0) + 0.5, b, Pair(None, b, 0.0, "added")))
    pairs.sort(key=lambda t: (t[0], t[1], t[2].to_article or 0))
    return [p for _, _, p in pairs]


def successors(pairs: list[Pair], article: int) -> list[Pair]:
    """The links leaving one old article, best first (empty: the article was removed)."""
    return sorted((p for p in pairs if p.from_article == article and p.to_article is not None),
                  key=lambda p: -p.score)


@dataclass(frozen=True)
class Successor:
    article: int
    paragraph: int | None
    item: int | None
    score: float  # similarity of the cited unit (款/项 when one was cited) to the one suggested


def successor_of(old: LawVersion, new: LawVersion, pairs: list[Pair], article: int,
                 paragraph: int | None = None, item: int | None = None) -> Successor | None:
    """Where a citation of old (条[.款[.项]]) now lives in new: among the articles the crosswalk
    links it to, the 款 or 项 whose text is closest to the cited one. None: the article was removed."""
    links = successors(pairs, article)
    if not links:
        return None
    if paragraph is None or article not in old.articles:
        best = links[0]
        return Successor(best.to_article, None, None, best.score)  # type: ignore[arg-type]
    cited = paragraph_text(old.articles[article], paragraph, item)
    if cited is None:
        best = links[0]
        return Successor(best.to_article, None, None, best.score)  # type: ignore[arg-type]
    found: list[tuple[float, int, int, int | None]] = []
    for link in links:
        art = new.articles[link.to_article]  # type: ignore[index]
        for pi, p in enumerate(art.paragraphs, start=1):
            found.append((similarity(cited, paragraph_text(art, pi) or ""), link.to_article, pi, None))  # type: ignore[arg-type]
            if item is not None:
                for ii in range(1, len(p.items) + 1):
                    found.append((similarity(cited, paragraph_text(art, pi, ii) or ""), link.to_article, pi, ii))  # type: ignore[arg-type]
    score, art_no, pi, ii = max(found, key=lambda t: (t[0], -t[1]))
    if score < MATCH:
        # the cited words are gone from every linked article: name the article, and say how little is left
        return Successor(links[0].to_article, None, None, round(score, 3))  # type: ignore[arg-type]
    return Successor(art_no, pi, ii, round(score, 3))
