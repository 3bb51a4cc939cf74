"""An answer's explanation subgraph, read in one round trip and then read like the whole graph.

The resolver asks the store once per answer for everything the answer will read (GraphStore.explain:
the items, their list, category, bodies, roles, bases with every text they were carried to, the
works' versions and repeals, procedure, disclosure, the delegation decision, the village and its
bodies). ExplainedView serves node() / neighbors() from that subgraph, so the code that words the
answer (items.describe_item, bases.bases_as_of, reasons.*) runs unchanged on it and gives the
answer the whole graph gives — on Neo4j without a round trip per node. The rules of what the
subgraph holds are in stores/base.Subgraph; tests/queries/test_explain.py checks that answers read
from it equal answers read from the whole graph, item by item.
"""
from __future__ import annotations

import functools
import re
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Iterable, Iterator, TypeVar

from .bodies import ABOVE_THE_TOWN
from .stores.base import Direction, GraphStore, LoadReport, Node, PropertyGraph, Rel, Subgraph, sort_pairs

DOC_KEY_RE = re.compile(r"DOC:([A-Za-z0-9_\-]+)")
# body types an answer may swap in by name (the committee of a 社区 or a 村, the town or the street office)
BODY_TYPES = ("bodytype/residents_committee", "bodytype/village_committee", "bodytype/town_government",
              "bodytype/subdistrict_office")
ORGANIC_WORK = "work/村民委员会组织法"
T = TypeVar("T")


def document_anchors(node: Node) -> list[str]:
    """The documents a node's provenance names by DOC: key (items.provenance reads them by id)."""
    return [f"doc/{k}" for k in DOC_KEY_RE.findall(node.get("source") or "")]


class ExplainedView:
    """A read-only GraphStore over one Subgraph; everything else about the store (name, version)
    is the store's own."""

    def __init__(self, base: GraphStore, sub: Subgraph, items: frozenset[str], village: str | None,
                 owner: object, unlisted: bool = False) -> None:
        self.base, self.sub, self.items, self.village, self.owner = base, sub, items, village, owner
        self.unlisted = unlisted  # holds what an 未列入 answer reads (the access rule)
        self.name = base.name
        self._out: dict[str, list[tuple[Rel, Node]]] = {}
        self._in: dict[str, list[tuple[Rel, Node]]] = {}
        for rel in sub.rels.values():
            self._out.setdefault(rel.src, []).append((rel, sub.nodes[rel.dst]))
            self._in.setdefault(rel.dst, []).append((rel, sub.nodes[rel.src]))
        for table in (self._out, self._in):
            for key, pairs in table.items():
                table[key] = sort_pairs(pairs)

    def covers(self, items: Iterable[str], village: str | None) -> bool:
        return village == self.village and self.items.issuperset(items)

    def node(self, node_id: str) -> Node | None:
        return self.sub.nodes.get(node_id)

    def nodes(self, label: str, **equals: Any) -> list[Node]:
        return sorted((n for n in self.sub.nodes.values()
                       if n.label == label and all(n.props.get(k) == v for k, v in equals.items())), key=lambda n: n.id)

    def names(self, label: str) -> list[tuple[str, str]]:
        return [(n.id, n.get("name_zh")) for n in self.nodes(label)]

    def neighbors(self, node_id: str, rel_type: str | None = None, direction: Direction = "out") -> list[tuple[Rel, Node]]:
        pairs = (self._out if direction == "out" else self._in).get(node_id, [])
        return pairs if rel_type is None else [p for p in pairs if p[0].type == rel_type]

    def neighbors_many(self, node_ids: Iterable[str], rel_type: str) -> dict[str, list[tuple[Rel, Node]]]:
        out = {nid: self.neighbors(nid, rel_type) for nid in dict.fromkeys(node_ids)}
        return {nid: pairs for nid, pairs in out.items() if pairs}

    def explain(self, item_ids: Iterable[str], village_id: str | None = None, node_ids: Iterable[str] = (),
                work_ids: Iterable[str] = ()) -> Subgraph:
        return self.base.explain(item_ids, village_id, node_ids, work_ids)

    def version(self) -> str:
        return self.base.version()

    def replace_all(self, graph: PropertyGraph) -> LoadReport:
        raise TypeError("an answer's explanation subgraph is read-only")

    def count_nodes(self) -> dict[str, int]:
        return self.base.count_nodes()

    def count_rels(self) -> dict[str, int]:
        return self.base.count_rels()

    def provenance_gaps(self) -> dict[str, int]:
        return self.base.provenance_gaps()

    def ping(self) -> None:
        self.base.ping()

    def close(self) -> None:
        return None


# the view of the answer being assembled in this thread / task (set by Resolver.explaining)
CURRENT: ContextVar[ExplainedView | None] = ContextVar("qingdan_explained_view", default=None)


def read_adoptions(store: GraphStore) -> dict[str, list[tuple[Node, Node | None, set[str]]]]:
    """Every district's adoption of a delegation decision, by decision: (adoption, the district, the
    towns it names), read in bulk once (they are few) so that no verdict needs a round trip."""
    adoptions = store.nodes("Adoption")
    ids = [a.id for a in adoptions]
    adopts, towns, by = (store.neighbors_many(ids, t) for t in ("ADOPTS", "APPLIES_TO_TOWN", "ADOPTED_BY"))
    out: dict[str, list[tuple[Node, Node | None, set[str]]]] = {}
    for a in adoptions:  # ordered by id, as neighbors(decision, "ADOPTS", "in") gives them
        for _, decision in adopts.get(a.id, []):
            out.setdefault(decision.id, []).append(
                (a, by[a.id][0][1] if a.id in by else None, {t.id for _, t in towns.get(a.id, [])}))
    return out


def scoped_view(fn: Callable[..., T]) -> Callable[..., T]:
    """One answer, one explanation subgraph: whatever view the call sets is gone when it returns."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        token = CURRENT.set(None)
        try:
            return fn(*args, **kwargs)
        finally:
            CURRENT.reset(token)

    return wrapper


VIEWS_KEPT = 2048  # explanation subgraphs kept per resolver (a repeated question reads none)


class Explaining:
    """The resolver's side: which subgraph an answer needs, read once, served as `self.store`."""

    _store: GraphStore
    _explain: bool
    _views: OrderedDict[tuple[frozenset[str], str | None], ExplainedView]
    items: dict[str, Any]
    endangered_by: dict[str, list[str]]
    endangers: dict[str, list[str]]
    _access_rule: list[str]

    @property
    def store(self) -> GraphStore:
        """The explanation subgraph of the answer being assembled, else the whole store."""
        view = CURRENT.get()
        return view if view is not None and view.owner is self else self._store

    def anchors(self, item_ids: Iterable[str]) -> list[str]:
        """Nodes an answer about these items reads besides the items: their delegation decision,
        the documents their provenance names, the body types an answer may swap in."""
        out: list[str] = []
        for i in item_ids:
            meta = self.items.get(i)
            if meta is None:
                continue
            decision = self.decision_of(meta)  # type: ignore[attr-defined]
            if decision is not None:
                out.append(decision.id)
            out += document_anchors(meta.node)
        return [*dict.fromkeys(out), *BODY_TYPES, *ABOVE_THE_TOWN]

    def view(self, item_ids: Iterable[str], village_id: str | None, unlisted: bool = False) -> ExplainedView:
        ids = frozenset(item_ids)
        key = (ids | ({"<unlisted>"} if unlisted else set()), village_id)
        view = self._views.get(key)
        if view is not None:
            self._views.move_to_end(key)
            return view
        extra = [*self.anchors(sorted(ids)), *(self._access_rule if unlisted else [])]
        sub = self._store.explain(sorted(ids), village_id, extra, [ORGANIC_WORK])
        view = ExplainedView(self._store, sub, ids, village_id, self, unlisted)
        self._views[key] = view
        while len(self._views) > VIEWS_KEPT:
            self._views.popitem(last=False)
        return view

    @contextmanager
    def explaining(self, item_ids: Iterable[str], village_id: str | None, any_village: bool = False) -> Iterator[None]:
        """Within: self.store is a subgraph holding everything about these items (one read, unless
        the answer's own subgraph already holds them)."""
        ids = list(item_ids)
        current = CURRENT.get()
        if not self._explain or (current is not None and current.owner is self
                                 and current.items.issuperset(ids) and (any_village or current.village == village_id)):
            yield
            return
        token = CURRENT.set(self.view(ids, village_id))
        try:
            yield
        finally:
            CURRENT.reset(token)

    def caution_ids(self, item: Any, matched: dict[str, float], strong_from: float,
                    allowed: Any = None, personal: bool = False) -> list[str]:
        """Behaviours that endanger the duty, those the question itself describes first; with a
        place, only those a rule binding it forbids (`allowed`). A cadre's own wrongdoing
        (`personal`: a bribe, a blow) is a caution whichever duty it touches."""
        ids = list(self.endangered_by.get(item.node.id, [])) if item is not None else []
        if allowed is not None:
            ids = [n for n in ids if n in allowed]
        strong = [n for n, s in sorted(matched.items(), key=lambda kv: -kv[1]) if s >= strong_from]
        ordered = [n for n in strong if personal or n in ids or item is None or not self.endangers.get(n)] + [n for n in ids if n not in strong]
        return [n for n in dict.fromkeys(ordered) if n in self.items]

    def answer_ids(self, item: Any, matched: dict[str, float], strong_from: float, personal: bool) -> list[str]:
        """The items an answer reads: its own (None: 未列入) and its cautions'."""
        return ([item.node.id] if item is not None else []) + self.caution_ids(item, matched, strong_from, personal=personal)

    def explain_answer(self, item: Any, matched: dict[str, float], village_id: str | None, strong_from: float,
                       personal: bool = False) -> None:
        """The subgraph of the whole answer (the item, its cautions, the village), read once and
        kept for the rest of the call (scoped_view)."""
        if not self._explain:
            return
        ids = self.answer_ids(item, matched, strong_from, personal)
        current = CURRENT.get()
        if current is not None and current.owner is self and current.covers(ids, village_id) and (item is not None or current.unlisted):
            return  # read already, with the other answers weighed beside it (explain_options)
        CURRENT.set(self.view(ids, village_id, unlisted=item is None))

    def explain_options(self, items: list[Any], matched: dict[str, float], village_id: str | None, strong_from: float,
                        personal: bool = False) -> None:
        """The subgraphs of several candidate answers (None: 未列入), read as one: the verdict prior's second
        look builds each, and on Neo4j that is one more round trip, not one per candidate."""
        if not self._explain:
            return
        ids = [i for item in items for i in self.answer_ids(item, matched, strong_from, personal)]
        CURRENT.set(self.view(dict.fromkeys(ids), village_id, unlisted=any(i is None for i in items)))
