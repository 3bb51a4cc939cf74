"""The country's villages held in the compact DivisionTable answer exactly as networkx nodes did.

With every village of the country loaded, villages and towns outside the loaded lists' places are
kept in a table of codes and names instead of networkx nodes (start and memory). A user must not
notice: the same village, town, district and committee, the same nodes and neighbours through
every GraphStore method, the same clear error for a code that is not a village — checked against
the graph as loaders/pipeline.add_national built it before (every division a node), and against
Neo4j, which still holds every division as a node.
"""
from __future__ import annotations

from typing import Any

import pytest

from qingdan.errors import BadRequest, DataError, NotFound
from qingdan.loaders.divisions import Division
from qingdan.loaders.pipeline import add_national
from qingdan.loaders.rdf import DIVISION_CLASS, NBS_SOURCE, body_name, body_type_for
from qingdan.queries.stores.base import GraphStore, Node, PropertyGraph, Rel
from qingdan.queries.stores.memory import MemoryStore
from qingdan.queries.villages import CODE_RE, Place, VillageFinder, by_code, concrete_body, place_of, short_name

from .test_neo4j_store import assert_same, nd, neo  # noqa: F401  (neo: the module's Neo4j fixture)

PROV = {"provenance_status": "official_verbatim", "source": NBS_SOURCE}
BODY_TYPES = ("residents_committee", "village_committee", "subdistrict_office", "town_government",
              "county_government")
DIVISIONS = [
    Division("14", "山西省", "province", None),
    Division("33", "浙江省", "province", None),
    Division("1401", "太原市", "city", "14"),
    Division("3302", "宁波市", "city", "33"),
    Division("140105", "小店区", "district", "1401"),
    Division("330203", "海曙区", "district", "3302"),
    Division("140105001", "坞城街道", "town", "140105", "街道"),
    Division("140105100", "北格镇", "town", "140105", "镇"),
    Division("140105200", "西温庄乡", "town", "140105", "乡"),
    Division("330203101", "洞桥镇", "town", "330203", "镇"),
    Division("140105001001", "坞城社区居委会", "village", "140105001", "社区"),
    Division("140105100201", "张花村委会", "village", "140105100", "村"),
    Division("140105100202", "北格村民委员会", "village", "140105100", "村"),
    Division("140105200201", "王村村委会", "village", "140105200", "村"),
    Division("330203101201", "王村村委会", "village", "330203101", "村"),  # the same name, another province
    Division("330203101202", "百梁桥村委会", "village", "330203101", "村"),
]


def old_add_national(pg: PropertyGraph, divisions: list[Division]) -> None:
    """loaders/pipeline.add_national before the table: every division and body a node."""
    names = {d.code: d.name for d in divisions}
    for d in divisions:
        nid = f"division/{d.code}"
        if nid in pg.nodes:
            continue
        props: dict[str, object] = {"code": d.code, "name_zh": d.name, "level": d.level, **PROV}
        if d.kind:
            props["urban_rural"] = d.kind
        pg.add_node(Node(nid, DIVISION_CLASS[d.level], props))
        if d.parent:
            pg.add_rel(Rel("WITHIN", nid, f"division/{d.parent}", PROV))
        bt = body_type_for(d)
        if bt:
            bid = f"body/{d.code}"
            bprov = {"provenance_status": "statute_derived", "source": f"{NBS_SOURCE}；主体类型按区划代码推定"}
            pg.add_node(Node(bid, "Body", {"name_zh": body_name(d, names), **bprov}))
            pg.add_rel(Rel("BODY_TYPE", bid, f"bodytype/{bt}", bprov))
            pg.add_rel(Rel("BODY_OF", bid, nid, bprov))


def base_graph() -> PropertyGraph:
    """What the RDF path holds before the rest of the country is added: body types, Shanxi itself,
    and one town of Xiaodian held as a graph node (its villages come from the table)."""
    pg = PropertyGraph()
    for bt in BODY_TYPES:
        pg.add_node(Node(f"bodytype/{bt}", "BodyType", {"name_zh": bt, "level": "village", **PROV}))
    pg.add_node(Node("division/14", "Province", {"code": "14", "name_zh": "山西省", "level": "province", **PROV}))
    pg.add_node(Node("division/140105200", "Town", {"code": "140105200", "name_zh": "西温庄乡", "level": "town",
                                                    "urban_rural": "乡", **PROV}))
    pg.add_rel(Rel("WITHIN", "division/140105200", "division/140105", PROV))
    return pg


@pytest.fixture(scope="module")
def graphs() -> tuple[PropertyGraph, PropertyGraph]:
    """(with the table, every division a node as before)."""
    lean, full = base_graph(), base_graph()
    add_national(lean, DIVISIONS)
    old_add_national(full, DIVISIONS)
    assert lean.divisions is not None and not any(nid.startswith(("division/33", "body/")) for nid in lean.nodes)
    return lean, full


@pytest.fixture(scope="module")
def stores(graphs: tuple[PropertyGraph, PropertyGraph]) -> tuple[MemoryStore, MemoryStore]:
    lean, full = MemoryStore(), MemoryStore()
    lean.replace_all(graphs[0])
    full.replace_all(graphs[1])
    return lean, full


def test_written_out_the_table_is_the_graph_as_built_before(graphs) -> None:
    lean, full = graphs
    out = lean.expanded()
    assert {i: nd(n) for i, n in out.nodes.items()} == {i: nd(n) for i, n in full.nodes.items()}
    key = lambda r: (r.src, r.type, r.dst)  # noqa: E731
    assert sorted((key(r), r.props) for r in out.rels) == sorted((key(r), r.props) for r in full.rels)
    assert lean.size() == (len(full.nodes), len(full.rels))


def test_the_neo4j_loader_reads_the_table_as_the_written_out_graph(graphs) -> None:
    """prepare() reads the table row by row instead of an expanded copy: the same rows are sent."""
    from qingdan.queries.stores.neo4j_load import prepare

    lean, full = graphs
    assert prepare(lean) == prepare(lean.expanded())
    by_label, by_type = prepare(lean)
    want_labels, want_types = prepare(full)
    assert {k: sorted(r["id"] for r in v) for k, v in by_label.items()} == \
        {k: sorted(r["id"] for r in v) for k, v in want_labels.items()}
    assert {k: sorted((r["src"], r["dst"]) for r in v) for k, v in by_type.items()} == \
        {k: sorted((r["src"], r["dst"]) for r in v) for k, v in want_types.items()}
    dangling = PropertyGraph(dict(lean.nodes), [*lean.rels, Rel("WITHIN", "division/140105100", "nowhere", PROV)],
                             divisions=lean.divisions)
    with pytest.raises(DataError, match="未写入任何内容"):
        prepare(dangling)


def test_every_store_method_answers_for_table_divisions_as_for_nodes(stores, graphs) -> None:
    lean, full = stores
    ids = [*graphs[1].nodes, "division/140105100999", "body/14", "body/140105200", "division/abc",
           "division/１４", "division/", "bodytype/no_such", "division/1401051002010"]
    graph = PropertyGraph({i: Node(i, "Probe") for i in ids}, graphs[1].rels)
    assert_same(full, lean, graph)  # counts, provenance gaps, node(), neighbors() both ways, nodes()
    for label in ("Province", "City", "District", "Town", "Village", "Body", "BodyType", "Nothing"):
        assert lean.names(label) == [(n.id, n.get("name_zh")) for n in full.nodes(label)], label
    assert lean.nodes("Village", urban_rural="村") == full.nodes("Village", urban_rural="村")
    assert [nd(n) for n in lean.nodes("Village", urban_rural="村")] == [nd(n) for n in full.nodes("Village", urban_rural="村")]
    for village in ("division/330203101201", "division/140105200201"):
        a, b = lean.explain([], village), full.explain([], village)
        assert {i: nd(n) for i, n in a.nodes.items()} == {i: nd(n) for i, n in b.nodes.items()}
        assert {k: r.props for k, r in a.rels.items()} == {k: r.props for k, r in b.rels.items()}


def test_a_village_outside_the_lists_gives_its_town_district_and_committee(stores) -> None:
    lean, full = stores
    for code in ("330203101201", "140105200201", "140105001001"):
        a, b = by_code(lean, code), by_code(full, code)
        assert a.as_dict() == b.as_dict()
        assert a.town is not None and a.district is not None and a.city is not None
    place = by_code(lean, "330203101202")
    assert place.as_dict()["village"] == {"code": "330203101202", "name": "百梁桥村委会", "kind": "村", "short_name": "百梁桥村"}
    assert (place.town.get("name_zh"), place.district.get("name_zh"), place.city.get("name_zh")) == ("洞桥镇", "海曙区", "宁波市")  # type: ignore[union-attr]
    committee = lean.node("bodytype/village_committee")
    assert committee is not None
    assert concrete_body(lean, committee, place) == concrete_body(full, committee, by_code(full, "330203101202")) == \
        {"type": "village_committee", "code": "330203101202", "name": "洞桥镇百梁桥村民委员会"}


@pytest.mark.parametrize("code, error", [("999999999999", NotFound), ("140105100", BadRequest),
                                         ("140105100999", NotFound), ("140105100000", NotFound),
                                         ("33020310120１", NotFound), ("33020310120", BadRequest)])
def test_an_unknown_code_gives_the_same_clear_error(stores, code: str, error: type[Exception]) -> None:
    lean, full = stores
    with pytest.raises(error) as got:
        by_code(lean, code)
    with pytest.raises(error) as want:
        by_code(full, code)
    assert str(got.value) == str(want.value) and code in str(got.value)


def test_the_finder_finds_the_same_village_by_name_and_search(stores) -> None:
    lean, full = stores
    a, b = VillageFinder(lean), VillageFinder(full)
    texts = ["王村村委会能开证明吗", "洞桥镇王村村委会怎么申请低保", "北格村的宅基地", "坞城社区", "百梁桥村修路",
             "330203101202 村务公开", "没有这个村", "张花村", ""]
    for text in texts:
        pa, pb = a.in_text(text), b.in_text(text)
        assert (pa.as_dict() if pa else None) == (pb.as_dict() if pb else None), text
    assert a.in_text("洞桥镇王村村委会怎么申请低保").village.get("code") == "330203101201"  # type: ignore[union-attr]
    assert a.in_text("王村村委会能开证明吗").village.get("code") == "140105200201"  # type: ignore[union-attr]
    for q in ("王村", "村", "社区", "1401", "330203101", "14010510020", "9", "百梁"):
        assert a.search(q) == b.search(q), q
        assert a.search(q, limit=2) == b.search(q, limit=2), q


class OldFinder:
    """queries/villages.VillageFinder before it held names only (a node per village, every name
    scanned longest first): the reference for what users were told."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.villages: dict[str, list[Node]] = {}
        for v in store.nodes("Village"):
            for name in {short_name(v.get("name_zh")), v.get("name_zh")}:
                if len(name) >= 3:
                    self.villages.setdefault(name, []).append(v)
        self.towns: dict[str, list[Node]] = {}
        for t in store.nodes("Town"):
            self.towns.setdefault(t.get("name_zh"), []).append(t)
        self._names = sorted(self.villages, key=len, reverse=True)

    def in_text(self, text: str) -> Place | None:
        m = CODE_RE.search(text)
        if m:
            node = self.store.node(f"division/{m.group(1)}")
            if node is not None and node.label == "Village":
                return place_of(self.store, node)
        for name in self._names:
            if name in text:
                candidates = self.villages[name]
                towns_named = {t.id for tname, ts in self.towns.items() if tname in text for t in ts}
                for c in candidates:
                    p = place_of(self.store, c)
                    if p.town is not None and p.town.id in towns_named:
                        return p
                return place_of(self.store, candidates[0])
        return None

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        q = q.strip()
        if not q:
            return []
        out: list[dict[str, Any]] = []
        if q.isdigit():
            for v in self.store.nodes("Village"):
                if v.get("code", "").startswith(q):
                    out.append(place_of(self.store, v).as_dict())
                    if len(out) >= limit:
                        break
            return out
        seen: set[str] = set()
        for name, nodes in self.villages.items():
            if q in name:
                for v in nodes:
                    if v.id not in seen:
                        seen.add(v.id)
                        out.append(place_of(self.store, v).as_dict())
        out.sort(key=lambda p: (not p["village"]["short_name"].startswith(q), p["village"]["code"]))
        return out[:limit]


def test_the_finder_finds_what_it_found_when_it_held_every_village_as_a_node(places_store) -> None:
    """Villages in six provinces beside Shantou (five of them from the table): the same village for
    every question naming one, the same search results."""
    new, old = VillageFinder(places_store), OldFinder(places_store)
    scan = old._names
    names = [n for n in scan if len(n) >= 4][::53][:60]
    towns = [t.get("name_zh") for t in places_store.nodes("Town")][::7][:20]
    texts = [f"{n}的低保怎么申请" for n in names] + [f"{m}和{n}" for m, n in zip(names, names[1:])] + \
        [f"{t}{n}修路" for t, n in zip(towns, names)] + ["村里能不能开证明", "440523100201 村务公开", "新村", "东村"]
    for text in texts:
        a, b = new.in_text(text), old.in_text(text)
        assert (a.as_dict() if a else None) == (b.as_dict() if b else None), text
    for q in [*names[:15], "村", "社区", "新", "4405", "3302", "110112", "51011", "9", " 村 "]:
        assert new.search(q) == old.search(q), q
        assert new.search(q, limit=3) == old.search(q, limit=3), q


def test_a_table_whose_codes_do_not_nest_is_refused() -> None:
    with pytest.raises(DataError, match="不是其代码前缀"):
        add_national(PropertyGraph(), [Division("14", "山西省", "province", None),
                                       Division("1401", "太原市", "city", "15")])


def test_neo4j_holds_the_table_as_ordinary_nodes_and_answers_the_same(neo, stores, graphs) -> None:  # noqa: F811
    lean, _ = stores
    neo.replace_all(graphs[0])
    assert_same(lean, neo, graphs[0].expanded())
    for label in ("Village", "Town", "Body"):
        assert neo.names(label) == lean.names(label)
    for code in ("330203101201", "140105001001"):
        assert by_code(neo, code).as_dict() == by_code(lean, code).as_dict()


def test_names_agree_with_nodes_on_both_stores(any_store) -> None:
    for label in ("Village", "Town", "BodyType", "Nothing"):
        assert any_store.names(label) == [(n.id, n.get("name_zh")) for n in any_store.nodes(label)], label
