"""Following a provision through the texts of its work, and into the law that repealed it, along
the graph's `succeededBy` edges (computed at load time by aligning the texts).

A basis citing one text is shown, on a day another text is in force, as its counterpart in that
text: forwards along the edges to a later text, backwards to an earlier one. One step reports the
edge's own score and change; several steps compare the two ends' words directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from qingdan.citations import CitationKey, parse_key
from qingdan.statute_text import compared, similarity, unit

from .stores.base import GraphStore, Node

MAX_STEPS = 12  # more texts of one work than any in the library


@dataclass(frozen=True)
class Carried:
    """The counterpart of a provision in another text."""

    node: Node
    score: float  # similarity of the two units' words, 0–1
    change: str  # unchanged / amended / split / merged
    text_changed: bool
    steps: int
    alternatives: tuple[Node, ...] = field(default=())  # other articles the provision went to (split)


def key_of(p: Node) -> CitationKey | None:
    try:
        k = parse_key(p.get("citation") or "")
    except ValueError:
        return None
    return k if isinstance(k, CitationKey) else None


def version_id(p: Node) -> str | None:
    k = key_of(p)
    return f"law/{k.work}/{k.version}" if k else None


def article_node(store: GraphStore, p: Node) -> Node | None:
    k = key_of(p)
    if k is None:
        return None
    return p if k.paragraph is None else store.node(f"law/{k.work}/{k.version}/{k.article}")


def words(store: GraphStore, p: Node) -> str:
    """The words of a provision as compared (a 款 with its 项), read from its article's text."""
    k = key_of(p)
    art = article_node(store, p)
    if k is None or art is None:
        return ""
    return (compared(art.get("text") or "") if k.paragraph is None
            else unit(art.get("text") or "", k.paragraph, k.item) or "")


def _step_change(changes: list[str]) -> str:
    if all(c == "unchanged" for c in changes):
        return "unchanged"
    for kind in ("split", "merged"):
        if kind in changes:
            return kind
    return "amended"


def follow(store: GraphStore, p: Node, target: Node) -> Carried | None:
    """p's counterpart in the text `target` (a WorkVersion node, of p's work or of the work that
    repealed it); None when the provision has none there (removed, or added later)."""
    start = version_id(p)
    if start is None:
        return None
    if start == target.id:
        return Carried(p, 1.0, "unchanged", False, 0)
    here = (start.rsplit("/", 1)[1], start)
    there = (target.get("version_date") or "", target.id)
    direction = "out" if here < there else "in"
    origin = p
    if not store.neighbors(p.id, "SUCCEEDED_BY", direction) and key_of(p) and key_of(p).paragraph is not None:  # type: ignore[union-attr]
        origin = article_node(store, p) or p  # a 款/项 nobody else cited: follow its article
    found: list[tuple[float, Node, list[tuple[float, str, bool]]]] = []
    frontier: list[tuple[Node, float, list[tuple[float, str, bool]]]] = [(origin, 1.0, [])]
    seen = {origin.id}
    for _ in range(MAX_STEPS):
        nxt: list[tuple[Node, float, list[tuple[float, str, bool]]]] = []
        for node, score, path in frontier:
            for rel, other in store.neighbors(node.id, "SUCCEEDED_BY", direction):
                if other.id in seen:
                    continue
                seen.add(other.id)
                step = (float(rel.props.get("score") or 0.0), rel.props.get("change") or "amended",
                        bool(rel.props.get("text_changed")))
                entry = (other, score * step[0], [*path, step])
                if version_id(other) == target.id:
                    found.append((entry[1], other, entry[2]))
                else:
                    nxt.append(entry)
        if found or not nxt:
            break
        frontier = nxt
    if not found:
        return None
    found.sort(key=lambda f: (-f[0], f[1].get("article") or 0, f[1].id))
    _, best, path = found[0]
    others = tuple(n for _, n, _ in found[1:] if n.get("paragraph") is None)
    if len(path) == 1 and origin is p:
        score, change, changed = path[0]
    else:
        a, b = words(store, p), words(store, best)
        same_level = (key_of(p).paragraph is None) == (key_of(best).paragraph is None)  # type: ignore[union-attr]
        # words of a 款 against a whole article say nothing: then the weakest step is the confidence
        score = round(similarity(a, b), 3) if same_level else min(s[0] for s in path)
        change, changed = _step_change([s[1] for s in path]), a != b
    return Carried(best, score, change, changed, len(path), others)
