"""The embedded store: a networkx MultiDiGraph held in memory, the zero-setup default.

The country's divisions beyond the loaded lists' places (QINGDAN_NATIONAL: 620k villages) stay in
the property graph's compact DivisionTable (divisions.py) instead of becoming networkx nodes; every
method answers for them as if they were nodes, so no query can tell the difference.
"""
from __future__ import annotations

import heapq
import time
from collections import Counter
from typing import Any, Iterable

import networkx as nx

from .divisions import DivisionTable
from .base import (EXPLAIN_NEXT_OUT, PROVISION_LABELS, SUCCESSION_STEPS, Direction, LoadReport, Node, PropertyGraph,
                   Rel, Subgraph, sort_pairs)


class MemoryStore:
    name = "memory"

    def __init__(self) -> None:
        self._g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._by_label: dict[str, list[str]] = {}
        self._table: DivisionTable | None = None
        self._generation = 0

    def replace_all(self, graph: PropertyGraph) -> LoadReport:
        t0 = time.perf_counter()
        g = nx.MultiDiGraph()
        by_label: dict[str, list[str]] = {}
        for node in graph.nodes.values():
            g.add_node(node.id, node=node)
            by_label.setdefault(node.label, []).append(node.id)
        for rel in graph.rels:
            g.add_edge(rel.src, rel.dst, key=rel.type, rel=rel)
        for ids in by_label.values():
            ids.sort()
        table: DivisionTable | None = getattr(graph, "divisions", None)  # graphs pickled before the table had none
        if table is not None:
            both = [nid for nid in graph.nodes if nid in table]
            if both:
                raise ValueError(f"区划表与图谱重复持有节点：{', '.join(both[:5])}")
        # swap only when everything is built: a failed build leaves the old graph in place
        self._g, self._by_label, self._table = g, by_label, table
        self._generation += 1
        nodes, rels = self.count_nodes(), self.count_rels()
        return LoadReport(
            store=self.name,
            nodes=nodes,
            relationships=rels,
            created=sum(nodes.values()) + sum(rels.values()),
            seconds=time.perf_counter() - t0,
        )

    def node(self, node_id: str) -> Node | None:
        data = self._g.nodes.get(node_id)
        if data:
            return data["node"]
        return self._table.node(node_id) if self._table is not None else None

    def nodes(self, label: str, **equals: Any) -> list[Node]:
        def wanted(n: Node) -> bool:
            return all(n.props.get(k) == v for k, v in equals.items())

        out = [n for nid in self._by_label.get(label, []) if wanted(n := self._g.nodes[nid]["node"])]
        if self._table is not None:
            more = [n for n in self._table.nodes(label) if wanted(n)]
            if more:
                out = list(heapq.merge(out, more, key=lambda n: n.id))
        return out

    def names(self, label: str) -> list[tuple[str, str]]:
        out = [(nid, self._g.nodes[nid]["node"].get("name_zh")) for nid in self._by_label.get(label, [])]
        if self._table is not None:
            more = list(self._table.names(label))
            if more:
                out = list(heapq.merge(out, more)) if out else more
        return out

    def _at(self, nid: str) -> Node:
        """The node at an end of a graph edge: the graph's, or (a loaded list binding a division
        elsewhere) the table's."""
        data = self._g.nodes[nid]
        return data["node"] if "node" in data else self._table.node(nid)  # type: ignore[union-attr,return-value]

    def neighbors(
        self, node_id: str, rel_type: str | None = None, direction: Direction = "out"
    ) -> list[tuple[Rel, Node]]:
        pairs: list[tuple[Rel, Node]] = []
        if node_id in self._g:
            # the adjacency dicts themselves (networkx's documented _succ/_pred: {other: {type: attrs}}),
            # in the order out_edges/in_edges give: a typed lookup no longer walks every edge's view
            adj = (self._g._succ if direction == "out" else self._g._pred)[node_id]
            if rel_type is None:
                pairs = [(d.get("rel"), self._at(o)) for o, keyed in adj.items() for d in keyed.values()]
            else:
                pairs = [(keyed[rel_type].get("rel"), self._at(o)) for o, keyed in adj.items() if rel_type in keyed]
        if self._table is not None:
            if direction == "out":
                pairs += [(r, n) for r, other in self._table.out(node_id)
                          if rel_type in (None, r.type) and (n := self.node(other)) is not None]
            else:
                pairs += self._table.into(node_id, rel_type)
        return sort_pairs(pairs)

    def neighbors_many(self, node_ids: Iterable[str], rel_type: str) -> dict[str, list[tuple[Rel, Node]]]:
        out = {nid: self.neighbors(nid, rel_type) for nid in dict.fromkeys(node_ids)}
        return {nid: pairs for nid, pairs in out.items() if pairs}

    def explain(self, item_ids: Iterable[str], village_id: str | None = None, node_ids: Iterable[str] = (),
                work_ids: Iterable[str] = ()) -> Subgraph:
        return explain_subgraph(self, item_ids, village_id, node_ids, work_ids)

    def count_nodes(self) -> dict[str, int]:
        counts = Counter({label: len(ids) for label, ids in self._by_label.items()})
        counts.update(self._table.count_nodes() if self._table is not None else {})
        return dict(sorted(counts.items()))

    def count_rels(self) -> dict[str, int]:
        counts = Counter(k for _, _, k in self._g.edges(keys=True))
        counts.update(self._table.count_rels() if self._table is not None else {})
        return dict(sorted(counts.items()))

    def provenance_gaps(self) -> dict[str, int]:
        def missing(props: dict[str, Any]) -> bool:
            return not (props.get("provenance_status") and props.get("source"))

        nodes = sum(missing(d["node"].props) for _, d in self._g.nodes(data=True) if "node" in d)
        rels = sum(missing(r.props) for _, _, r in self._g.edges(data="rel"))
        if (t := self._table) is not None:  # one provenance for all its divisions, one for all their bodies
            counted_n, counted_r = t.count_nodes(), t.count_rels()
            bodies = counted_n.get("Body", 0)
            nodes += (len(t) if missing(t.prov) else 0) + (bodies if missing(t.body_prov) else 0)
            rels += (counted_r.get("WITHIN", 0) if missing(t.prov) else 0) + (2 * bodies if missing(t.body_prov) else 0)
        return {"nodes": nodes, "relationships": rels}

    def version(self) -> str:
        return f"memory-{id(self)}-{self._generation}"

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None


def explain_subgraph(store: "MemoryStore", item_ids: Iterable[str], village_id: str | None = None,
                     node_ids: Iterable[str] = (), work_ids: Iterable[str] = ()) -> Subgraph:
    """The rules of base.Subgraph walked with the store's own node() / neighbors() (no round trips
    in memory); queries/cypher/explain.cypher is the same walk in one Cypher statement."""
    sub = Subgraph()
    firsts = [n for nid in dict.fromkeys([*item_ids, *node_ids]) if (n := store.node(nid)) is not None]
    sub.add(None, *firsts)
    level1: dict[str, Node] = {n.id: n for n in firsts}
    seeds: dict[str, Node] = {}
    for n in firsts:  # rule 1
        for rel, o in store.neighbors(n.id):
            sub.add(rel, o)
            level1.setdefault(o.id, o)
            basis = rel.props.get("basis_id") if rel.type.startswith("ROLE_") else None
            if basis and (b := store.node(basis)) is not None:
                sub.add(None, b)
                seeds[b.id] = b
    for n in level1.values():  # rule 2
        for t in EXPLAIN_NEXT_OUT:
            for rel, o in store.neighbors(n.id, t):
                sub.add(rel, o)
        for rel, step in store.neighbors(n.id, "STEP_OF", "in"):
            sub.add(rel, step)
            for r2, actor in store.neighbors(step.id, "STEP_ACTOR"):
                sub.add(r2, actor)
        if n.label in PROVISION_LABELS:
            seeds.setdefault(n.id, n)

    def ancestors(p: Node) -> list[Node]:
        """p and its PART_OF ancestors (款 → 条, 项 → 款 → 条), their relationships added."""
        out, cur = [p], [p]
        for _ in range(2):
            nxt = []
            for c in cur:
                for rel, a in store.neighbors(c.id, "PART_OF"):
                    sub.add(rel, a)
                    nxt.append(a)
            out += nxt
            cur = nxt
        return out

    reached: dict[str, Node] = {}  # rule 3
    for p in seeds.values():
        for a in ancestors(p):
            reached[a.id] = a
    for start in list(reached.values()):
        for direction in ("out", "in"):
            frontier, seen = [start], {start.id}
            for _ in range(SUCCESSION_STEPS):
                nxt = []
                for node in frontier:
                    for rel, other in store.neighbors(node.id, "SUCCEEDED_BY", direction):  # type: ignore[arg-type]
                        sub.add(rel, other)
                        if other.id not in seen:
                            seen.add(other.id)
                            reached.setdefault(other.id, other)
                            nxt.append(other)
                frontier = nxt
    works: dict[str, Node] = {}
    for s in list(reached.values()):
        for x in ancestors(s):
            for t in ("PROVISION_OF", "PROVISION_OF_DOCUMENT"):
                for rel, v in store.neighbors(x.id, t):
                    sub.add(rel, v)
                    for r2, w in store.neighbors(v.id, "VERSION_OF_WORK"):
                        sub.add(r2, w)
                        works[w.id] = w
    for wid in work_ids:  # rule 4
        if (w := store.node(wid)) is not None:
            sub.add(None, w)
            works[w.id] = w
    for w in works.values():
        for rel, v in store.neighbors(w.id, "VERSION_OF_WORK", "in"):
            sub.add(rel, v)
        for rel, repealing in store.neighbors(w.id, "REPEALS", "in"):
            sub.add(rel, repealing)
            for r2, heir in store.neighbors(repealing.id, "VERSION_OF_WORK"):
                sub.add(r2, heir)
                for r3, v in store.neighbors(heir.id, "VERSION_OF_WORK", "in"):
                    sub.add(r3, v)
    village = store.node(village_id) if village_id else None  # rule 5
    level = [village] if village is not None else []
    for depth in range(5):  # the village and up to four ancestors: town, district, city, province
        nxt = []
        for n in level:
            sub.add(None, n)
            for rel, body in store.neighbors(n.id, "BODY_OF", "in"):
                sub.add(rel, body)
            if depth < 4:
                for rel, parent in store.neighbors(n.id, "WITHIN"):
                    sub.add(rel, parent)
                    nxt.append(parent)
        level = nxt
    return sub
