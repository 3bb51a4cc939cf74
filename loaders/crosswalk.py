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
from bisect import bisect_left
from dataclasses import asdict, dataclass
from typing import Any, Literal

from rapidfuzz import fuzz, process

from qingdan.statute_text import HEAD_RE, ITEM_MARK_RE, SPACE_RE, clean, similarity  # noqa: F401  (re-exported)

from .laws import Article, LawVersion

Change = Literal["unchanged", "amended", "split", "merged", "added", "removed"]
CHANGE_ZH: dict[str, str] = {"unchanged": "未变", "amended": "修改", "split": "拆分", "merged": "合并",
                             "added": "新增", "removed": "删除"}

MATCH = 0.45  # below this two articles of one law share little more than its stock wording
MOVE = 0.75  # an article matched out of order must be at least this similar …
MOVED = 0.6  # … or at least this, and each other's closest match among the articles left over
GAP, GAP_SIZE = 0.3, 3  # articles left over in the same places between two aligned ones: rewritten
CARRY = 75.0  # a sentence reappearing in another article at this similarity (0–100) was carried there
MIN_SENTENCE = 8  # shorter sentences (“依照其规定。”) recur everywhere and prove nothing
BOILERPLATE_GAP = 10.0  # a sentence nearly as present in its own successor was not carried elsewhere

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


def units(v: LawVersion) -> list[Unit]:
    out: list[Unit] = []
    for num, art in sorted(v.articles.items()):
        for pi, p in enumerate(art.paragraphs, start=1):
            for ii, raw in [(None, p.text), *enumerate(p.items, start=1)]:
                for s in SENTENCE_END_RE.split(clean(raw)):
                    if len(s) >= MIN_SENTENCE:
                        out.append(Unit(num, pi, ii, s))
    return out


Sparse = dict[int, dict[int, float]]  # old index → {new index: similarity ≥ MATCH}


def _similar(o_txt: list[str], n_txt: list[str]) -> Sparse:
    """The article pairs similar enough to matter. Most pairs of two texts share only stock words,
    so only those at MATCH or above are kept; identical texts are found by hashing first."""
    exact: dict[str, list[int]] = {}
    for j, t in enumerate(n_txt):
        exact.setdefault(t, []).append(j)
    out: Sparse = {}
    for i, t in enumerate(o_txt):
        row = {j: score / 100.0 for _, score, j in
               process.extract(t, n_txt, scorer=fuzz.ratio, score_cutoff=MATCH * 100, limit=None)}
        for j in exact.get(t, ()):
            row[j] = 1.0
        if row:
            out[i] = row
    return out


def _align(sim: Sparse, m: int) -> dict[int, int]:
    """Order-preserving alignment maximising the summed similarity above MATCH (weighted LCS).

    Only the pairs above MATCH can gain anything, so the best chain is found over those alone:
    rows in order, each pair extending the best chain that ends left of it (a prefix maximum)."""
    size = m + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)  # Fenwick tree of (best total, cell)

    def best_before(j: int) -> tuple[float, int]:  # best chain ending at a column < j
        out, k = (0.0, -1), j
        while k > 0:
            if tree[k][0] > out[0] + 1e-12:
                out = tree[k]
            k -= k & -k
        return out

    def offer(j: int, value: tuple[float, int]) -> None:
        k = j + 1
        while k <= size:
            if value[0] > tree[k][0] + 1e-12:
                tree[k] = value
            k += k & -k

    cells: list[tuple[int, int, int]] = []  # (i, j, previous cell)
    best: tuple[float, int] = (0.0, -1)
    for i in sorted(sim):
        row = sim[i]
        done: list[tuple[int, tuple[float, int]]] = []
        for j in sorted(row, reverse=True):
            gain = row[j] - MATCH
            if gain <= 0:
                continue
            prev = best_before(j)
            cells.append((i, j, prev[1]))
            value = (prev[0] + gain, len(cells) - 1)
            done.append((j, value))
            if value[0] > best[0] + 1e-12:
                best = value
        for j, value in done:  # a row's pairs never chain to each other
            offer(j, value)
    match: dict[int, int] = {}
    cell = best[1]
    while cell >= 0:
        i, j, cell = cells[cell]
        match[i] = j
    return match


def _reorder(sim: Sparse, match: dict[int, int], m: int) -> None:
    """Articles left over on both sides that are clearly the same text were moved: match them."""
    taken = set(match.values())
    cands = sorted(((s, i, j) for i, row in sim.items() if i not in match
                    for j, s in row.items() if j not in taken and s >= MOVE), reverse=True)
    used_new: set[int] = set()
    for _, i, j in cands:
        if i not in match and j not in used_new:
            match[i] = j
            used_new.add(j)
    # a revision that moves an article also rewrites it: a pair left over on both sides that is
    # each other's closest match at MOVED or above was moved too (体育法 2016 第十五条 → 2022 第八条)
    taken |= used_new
    rows: dict[int, tuple[float, int]] = {}
    cols: dict[int, tuple[float, int]] = {}
    for i, row in sim.items():
        if i in match:
            continue
        for j, sc in row.items():
            if j in taken or sc < MOVED:
                continue
            if sc > rows.get(i, (0.0, -1))[0]:
                rows[i] = (sc, j)
            if sc > cols.get(j, (0.0, -1))[0]:
                cols[j] = (sc, i)
    for i, (_, j) in rows.items():
        if cols[j][1] == i:
            match[i] = j


def _fill_gaps(o_txt: list[str], n_txt: list[str], match: dict[int, int]) -> None:
    """Between two aligned articles, as many articles left over on each side as on the other (at
    most GAP_SIZE) hold the same places: an amendment rewrote them (未成年人保护法 2020 第九条 → 2024
    第九条, 0.41). They are linked in order when their words share at least GAP."""
    done = sorted(match)
    groups: dict[tuple[int, int], list[int]] = {}
    for i in range(len(o_txt)):
        if i in match:
            continue
        k = bisect_left(done, i)
        before, after = (done[k - 1] if k else -1), (done[k] if k < len(done) else len(o_txt))
        groups.setdefault((before, after), []).append(i)
    taken = set(match.values())
    for (before, after), olds in groups.items():
        lo = match[before] if before >= 0 else -1
        hi = match[after] if after < len(o_txt) else len(n_txt)
        if lo >= hi:
            continue  # the anchors cross (a moved article): no gap to fill
        news = [j for j in range(lo + 1, hi) if j not in taken]
        if len(olds) != len(news) or len(olds) > GAP_SIZE:
            continue
        if all(similarity(o_txt[i], n_txt[j]) >= GAP for i, j in zip(olds, news)):
            match.update(zip(olds, news))


def _stock(us: list[Unit]) -> set[str]:
    """Sentences found word for word in more than one article of a text: stock wording."""
    seen: dict[str, int] = {}
    stock: set[str] = set()
    for u in us:
        if seen.setdefault(u.text, u.article) != u.article:
            stock.add(u.text)
    return stock


def _carried(old: LawVersion, new: LawVersion, primary: dict[int, int]) -> dict[tuple[int, int], float]:
    """(old article, new article) links shown by sentences that travelled outside the article-level match."""
    ou, nu = units(old), units(new)
    if not ou or not nu:
        return {}
    o_texts, n_texts = [u.text for u in ou], [u.text for u in nu]
    first: dict[str, int] = {}
    by_article: dict[int, set[str]] = {}
    for k, u in enumerate(nu):
        first.setdefault(u.text, k)
        by_article.setdefault(u.article, set()).add(u.text)
    stock = _stock(ou) | _stock(nu)
    back: dict[int, tuple[float, int]] = {}
    links: dict[tuple[int, int], float] = {}
    for u in ou:
        own = primary.get(u.article)
        if own is not None and u.text in by_article.get(own, ()):
            continue  # word for word in its own successor: it stayed
        if u.text in stock:
            continue  # “具体办法由国务院制定。” closes many articles and proves nothing
        if u.text in first:
            hit: tuple[str, float, int] | None = (u.text, 100.0, first[u.text])
        else:
            hit = process.extractOne(u.text, n_texts, scorer=fuzz.ratio, score_cutoff=CARRY)
        if hit is None:
            continue
        _, score, ni = hit
        target = nu[ni].article
        if own == target:
            continue
        if ni not in back:
            rb = process.extractOne(n_texts[ni], o_texts, scorer=fuzz.ratio)
            back[ni] = (rb[1], rb[2]) if rb else (0.0, -1)
        if back[ni][0] > score + 0.5 and ou[back[ni][1]].article != u.article:
            continue  # the new sentence is better explained by another old article
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
    sim = _similar(o_txt, n_txt)
    match = _align(sim, len(n_nums))
    _reorder(sim, match, len(n_nums))
    _fill_gaps(o_txt, n_txt, match)
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
        score = sim.get(i, {}).get(j)
        if score is None:  # a split or merge link below MATCH: only part of the text travelled
            score = similarity(o_txt[i], n_txt[j])
        pairs.append((a, 0 if primary.get(a) == b else 1, Pair(a, b, round(score, 3), change)))
    for a in o_nums:
        if a not in targets:
            pairs.append((a, 0, Pair(a, None, 0.0, "removed")))
    # an added article sorts after the last old article linked to an earlier new one
    linked = sorted((p.to_article, p.from_article) for _, _, p in pairs
                    if p.from_article is not None and p.to_article is not None)
    tos, upto, top = [t for t, _ in linked], [], 0
    for _, f in linked:
        top = max(top, f)
        upto.append(top)
    for b in n_nums:
        if b not in sources:
            k = bisect_left(tos, b)
            pairs.append(((upto[k - 1] if k else 0) + 0.5, b, Pair(None, b, 0.0, "added")))
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
