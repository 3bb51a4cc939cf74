"""The GraphStore seam: the few primitives every question is written against.

Queries are plain Python over these primitives, so the embedded (networkx) store and the
Neo4j store answer every question the same way; parity tests run the same suites on both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Protocol, runtime_checkable

Direction = Literal["out", "in"]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.props.get(key, default)


@dataclass(frozen=True)
class Rel:
    type: str
    src: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class PropertyGraph:
    """What the loaders hand to a store: complete, validated, provenance on every rel."""

    nodes: dict[str, Node] = field(default_factory=dict)
    rels: list[Rel] = field(default_factory=list)
    # the country's divisions beyond `nodes` (stores/divisions.DivisionTable): nodes and
    # relationships like the others, held compactly; none of their ids is in `nodes`
    divisions: Any = None

    def add_node(self, node: Node) -> None:
        self.nodes[node.id] = node

    def add_rel(self, rel: Rel) -> None:
        self.rels.append(rel)

    def size(self) -> tuple[int, int]:
        """(nodes, relationships), the divisions table's included."""
        t = self.divisions
        return (len(self.nodes) + (sum(t.count_nodes().values()) if t is not None else 0),
                len(self.rels) + (sum(t.count_rels().values()) if t is not None else 0))

    def expanded(self) -> "PropertyGraph":
        """The same graph with the divisions table written out as ordinary nodes and relationships:
        for a store that holds every node alike (Neo4j)."""
        if self.divisions is None:
            return self
        out = PropertyGraph(dict(self.nodes), list(self.rels))
        for node, rels in self.divisions.rows():
            out.nodes[node.id] = node
            out.rels.extend(rels)
        return out


@dataclass
class Subgraph:
    """What `GraphStore.explain` returns: the nodes and relationships an answer reads, nothing else.

    Its rules (the same in every store, so that an answer assembled from it is the answer the whole
    graph gives):
    1. every node of `item_ids` and `node_ids`, with all its outgoing relationships and their ends;
    2. at those nodes and their ends: VERSION_OF_LIST and HAS_REQUIREMENT out, STEP_OF in with each
       step's STEP_ACTOR out;
    3. provisions (Provision, DocumentProvision, Document) among them, and the provision named by
       the `basis_id` of a ROLE_* relationship of rule 1: with their PART_OF ancestors (≤ 2), every
       SUCCEEDED_BY path of ≤ 12 steps from any of those, forwards and backwards, and for every
       provision so reached its PART_OF ancestors, PROVISION_OF, PROVISION_OF_DOCUMENT out;
    4. works: those of the versions of rule 3 and `work_ids`, each with every VERSION_OF_WORK in and
       REPEALS in, the repealing version's work and every version of that work;
    5. the village `village_id`: its WITHIN ancestors and BODY_OF in at it and at each ancestor.
    Relationships come without their provenance (EXPLAIN_DROPPED): an answer's words read only the
    properties of succession (score, change) and repeals; provenance is shown from the nodes.
    """

    nodes: dict[str, Node] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], Rel] = field(default_factory=dict)

    def add(self, rel: Rel | None, *nodes: Node) -> None:
        for n in nodes:
            self.nodes[n.id] = n
        if rel is not None:
            props = {k: v for k, v in rel.props.items() if k not in EXPLAIN_DROPPED}
            self.rels[(rel.src, rel.type, rel.dst)] = Rel(rel.type, rel.src, rel.dst, props)


# the answer's anchor nodes: relationship types whose targets are followed by rule 2 of Subgraph
EXPLAIN_NEXT_OUT = ("VERSION_OF_LIST", "HAS_REQUIREMENT")
PROVISION_LABELS = ("Provision", "DocumentProvision", "Document")
EXPLAIN_DROPPED = ("provenance_status", "source")
SUCCESSION_STEPS = 12  # = queries/timeline.MAX_STEPS


@dataclass
class LoadReport:
    store: str
    nodes: dict[str, int]
    relationships: dict[str, int]
    created: int = 0
    updated: int = 0
    seconds: float = 0.0
    atomic: bool = True  # readers never saw a half-loaded graph, and an interrupted load changed nothing
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step, where a store tells (Neo4j)


@runtime_checkable
class GraphStore(Protocol):
    name: str

    def replace_all(self, graph: PropertyGraph) -> LoadReport:
        """Make the store hold exactly this graph; all or nothing: readers see the old graph or the new one."""

    def node(self, node_id: str) -> Node | None: ...

    def nodes(self, label: str, **equals: Any) -> list[Node]:
        """Nodes of a label whose properties equal the given values, ordered by id."""

    def names(self, label: str) -> list[tuple[str, str]]:
        """(id, name_zh) of every node of a label, ordered by id: the village finder indexes the
        names of 620k villages without making (or holding) a node for each."""

    def neighbors(
        self, node_id: str, rel_type: str | None = None, direction: Direction = "out"
    ) -> list[tuple[Rel, Node]]:
        """Relationships at a node with the node at their other end, ordered by (type, id)."""

    def neighbors_many(self, node_ids: Iterable[str], rel_type: str) -> dict[str, list[tuple[Rel, Node]]]:
        """neighbors(id, rel_type, "out") for many ids at once (ids without any are left out)."""

    def explain(self, item_ids: Iterable[str], village_id: str | None = None, node_ids: Iterable[str] = (),
                work_ids: Iterable[str] = ()) -> Subgraph:
        """The whole explanation subgraph of an answer (see Subgraph), in one round trip."""

    def count_nodes(self) -> dict[str, int]: ...

    def count_rels(self) -> dict[str, int]: ...

    def provenance_gaps(self) -> dict[str, int]:
        """How many nodes and relationships lack provenance_status or source."""

    def version(self) -> str:
        """A token that changes whenever the graph is replaced, so answers cached from one
        graph are never served from another."""

    def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot answer."""

    def close(self) -> None: ...


def sort_pairs(pairs: Iterable[tuple[Rel, Node]]) -> list[tuple[Rel, Node]]:
    return sorted(pairs, key=lambda p: (p[0].type, p[1].id))
