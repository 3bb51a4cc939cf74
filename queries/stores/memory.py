"""The embedded store: a networkx MultiDiGraph held in memory, the zero-setup default."""
from __future__ import annotations

import time
from collections import Counter
from typing import Any, Iterable

import networkx as nx

from .base import Direction, LoadReport, Node, PropertyGraph, Rel, sort_pairs


class MemoryStore:
    name = "memory"

    def __init__(self) -> None:
        self._g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._by_label: dict[str, list[str]] = {}
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
        # swap only when everything is built: a failed build leaves the old graph in place
        self._g, self._by_label = g, by_label
        self._generation += 1
        return LoadReport(
            store=self.name,
            nodes=self.count_nodes(),
            relationships=self.count_rels(),
            created=g.number_of_nodes() + g.number_of_edges(),
            seconds=time.perf_counter() - t0,
        )

    def node(self, node_id: str) -> Node | None:
        data = self._g.nodes.get(node_id)
        return data["node"] if data else None

    def nodes(self, label: str, **equals: Any) -> list[Node]:
        out = []
        for nid in self._by_label.get(label, []):
            n: Node = self._g.nodes[nid]["node"]
            if all(n.props.get(k) == v for k, v in equals.items()):
                out.append(n)
        return out

    def neighbors(
        self, node_id: str, rel_type: str | None = None, direction: Direction = "out"
    ) -> list[tuple[Rel, Node]]:
        if node_id not in self._g:
            return []
        if direction == "out":
            edges = self._g.out_edges(node_id, keys=True, data="rel")
            pairs = [(r, self._g.nodes[v]["node"]) for _, v, k, r in edges if rel_type in (None, k)]
        else:
            edges = self._g.in_edges(node_id, keys=True, data="rel")
            pairs = [(r, self._g.nodes[u]["node"]) for u, _, k, r in edges if rel_type in (None, k)]
        return sort_pairs(pairs)

    def neighbors_many(self, node_ids: Iterable[str], rel_type: str) -> dict[str, list[tuple[Rel, Node]]]:
        out = {nid: self.neighbors(nid, rel_type) for nid in dict.fromkeys(node_ids)}
        return {nid: pairs for nid, pairs in out.items() if pairs}

    def count_nodes(self) -> dict[str, int]:
        return {label: len(ids) for label, ids in sorted(self._by_label.items())}

    def count_rels(self) -> dict[str, int]:
        return dict(sorted(Counter(k for _, _, k in self._g.edges(keys=True)).items()))

    def provenance_gaps(self) -> dict[str, int]:
        def missing(props: dict[str, Any]) -> bool:
            return not (props.get("provenance_status") and props.get("source"))

        nodes = sum(missing(d["node"].props) for _, d in self._g.nodes(data=True))
        rels = sum(missing(r.props) for _, _, r in self._g.edges(data="rel"))
        return {"nodes": nodes, "relationships": rels}

    def version(self) -> str:
        return f"memory-{id(self)}-{self._generation}"

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None
