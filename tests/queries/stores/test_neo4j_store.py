"""Neo4jStore answers exactly as MemoryStore does, against a real Neo4j.

Start one with tools/neo4j/up.sh. Without a reachable Neo4j these tests are skipped, except on
CI (CI=true), where they fail. They replace every :Entity node of the database they use, so
they talk only to QINGDAN_TEST_NEO4J_URI (default bolt://127.0.0.1:$QINGDAN_NEO4J_PORT, the
dev instance), never to QINGDAN_NEO4J_URI.
"""
from __future__ import annotations

import os
from typing import Any, Iterator

import pytest

from qingdan.errors import BadRequest, DataError, StoreUnavailable
from qingdan.queries.stores.base import GraphStore, Node, PropertyGraph, Rel
from qingdan.queries.stores.memory import MemoryStore
from qingdan.queries.stores.neo4j_store import Neo4jStore, cypher, statements

from ...faults import load_tokens

TEST_URI = os.environ.get("QINGDAN_TEST_NEO4J_URI") or \
    f"bolt://127.0.0.1:{os.environ.get('QINGDAN_NEO4J_PORT', '7687')}"


@pytest.fixture(scope="module")
def neo() -> Iterator[Neo4jStore]:
    store = Neo4jStore(uri=TEST_URI, database=os.environ.get("QINGDAN_TEST_NEO4J_DATABASE", "neo4j"))
    try:
        store.ping()
    except StoreUnavailable as e:
        store.close()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs Neo4j (run tools/neo4j/up.sh first): {e}")
        pytest.skip(f"Neo4j not reachable at {TEST_URI} (start it with tools/neo4j/up.sh): {e}")
    yield store
    store.close()


PROV = {"provenance_status": "statute_derived", "source": "测试数据 第3行"}


def sample_graph() -> PropertyGraph:
    g = PropertyGraph()
    nodes = [
        Node("item/autonomy/10", "AutonomyItem", {
            "name_zh": "村民会议的召集", "seq": 10, "kind": "autonomy", "weight": 0.5,
            "keywords": ["开会", "村民大会"], "published": True, **PROV}),
        Node("item/autonomy/9", "AutonomyItem", {
            "name_zh": "村规民约的制定", "seq": 9, "kind": "autonomy", "weight": 1.0,
            "keywords": [], "published": False, "note": None, **PROV}),
        Node("item/micro/1", "MicroPower", {
            "name_zh": "宅基地申请初审", "seq": 1, "kind": "micro_power",
            "description": "农村村民申请宅基地的村级初审", **PROV}),
        Node("law/土地管理法", "Law", {"name_zh": "中华人民共和国土地管理法", "short": "土地管理法"}),
        Node("article/土地管理法/62", "Article", {"text": "农村村民一户只能拥有一处宅基地……", "number": 62}),
        Node("article/土地管理法/9", "Article", {"text": "城市市区的土地属于国家所有。", "number": 9}),
        Node("division/440500000000", "City", {"code": "440500000000", "name_zh": "汕头市", "level": 2,
                                                "provenance_status": "official_verbatim", "source": "NBS"}),
        Node("division/440507000000", "District", {"code": "440507000000", "name_zh": "龙湖区", "level": 3,
                                                    "provenance_status": "", "source": "NBS"}),
        Node("Z-upper", "Law", {"name_zh": "大写开头的编号", "short": "Z"}),
        Node("a-lower", "Law", {"name_zh": "小写开头的编号", "short": "a"}),
        Node("lonely", "Body", {}),
    ]
    for n in nodes:
        g.add_node(n)
    rels = [
        Rel("BASED_ON", "item/micro/1", "article/土地管理法/62", PROV),
        Rel("BASED_ON", "item/micro/1", "article/土地管理法/9", {**PROV, "note": "间接依据"}),
        Rel("BASED_ON", "item/autonomy/10", "article/土地管理法/9", PROV),
        Rel("PART_OF", "article/土地管理法/62", "law/土地管理法", {"provenance_status": "official_verbatim", "source": "法律库"}),
        Rel("PART_OF", "article/土地管理法/9", "law/土地管理法", {"provenance_status": "official_verbatim", "source": "法律库"}),
        Rel("WITHIN", "division/440507000000", "division/440500000000", {"provenance_status": "official_verbatim", "source": "NBS"}),
        Rel("WITHIN", "division/440500000000", "division/440500000000", {"provenance_status": "official_verbatim", "source": ""}),
        Rel("RELATED", "item/autonomy/9", "item/autonomy/9", {"source": "自环"}),
        Rel("RELATED", "item/autonomy/9", "item/autonomy/10", {"source": "旧的", "order": 1}),
        Rel("SEE_ALSO", "item/autonomy/9", "item/autonomy/10", {"source": "同一对节点的第二种关系"}),
        # a repeated (src, type, dst): the last one wins, in both stores
        Rel("RELATED", "item/autonomy/9", "item/autonomy/10", {"source": "新的", "order": 2, "tags": ["x", "y"]}),
    ]
    for r in rels:
        g.add_rel(r)
    return g


# -- comparing answers, properties included ------------------------------------------------------

def _props(p: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in p.items() if v is not None}  # the Neo4j store drops None values


def nd(n: Node | None) -> tuple | None:
    return None if n is None else (n.id, n.label, _props(n.props))


def pairs(ps: list[tuple[Rel, Node]]) -> list[tuple]:
    return [((r.type, r.src, r.dst, _props(r.props)), nd(n)) for r, n in ps]


def assert_same(mem: GraphStore, neo: GraphStore, graph: PropertyGraph) -> None:
    assert neo.count_nodes() == mem.count_nodes()
    assert list(neo.count_nodes()) == list(mem.count_nodes())
    assert neo.count_rels() == mem.count_rels()
    assert list(neo.count_rels()) == list(mem.count_rels())
    assert neo.provenance_gaps() == mem.provenance_gaps()
    ids = sorted(graph.nodes) + ["missing", "item/autonomy"]
    types = sorted({r.type for r in graph.rels}) + [None, "NO_SUCH_TYPE"]
    for nid in ids:
        got, want = neo.node(nid), mem.node(nid)
        assert nd(got) == nd(want), nid
        if want is not None:
            assert got == want and type(got) is Node
        for t in types:
            for d in ("out", "in"):
                g, w = neo.neighbors(nid, t, d), mem.neighbors(nid, t, d)  # type: ignore[arg-type]
                assert pairs(g) == pairs(w), (nid, t, d)
                assert g == w
    for t in types[:-2] + ["NO_SUCH_TYPE"]:
        g, w = neo.neighbors_many(ids, t), mem.neighbors_many(ids, t)
        assert {k: pairs(v) for k, v in g.items()} == {k: pairs(v) for k, v in w.items()}, t
        assert g == w and w == {nid: mem.neighbors(nid, t) for nid in ids if mem.neighbors(nid, t)}
    labels = sorted({n.label for n in graph.nodes.values()}) + ["Nothing"]
    for label in labels:
        assert [nd(n) for n in neo.nodes(label)] == [nd(n) for n in mem.nodes(label)], label


FILTERS: list[tuple[str, dict[str, Any]]] = [
    ("AutonomyItem", {"kind": "autonomy"}),
    ("AutonomyItem", {"seq": 9}),
    ("AutonomyItem", {"seq": 9.0}),
    ("AutonomyItem", {"weight": 1}),
    ("AutonomyItem", {"published": True}),
    ("AutonomyItem", {"published": False, "kind": "autonomy"}),
    ("AutonomyItem", {"keywords": ["开会", "村民大会"]}),
    ("AutonomyItem", {"keywords": []}),
    ("AutonomyItem", {"note": None}),
    ("AutonomyItem", {"kind": "micro_power"}),
    ("MicroPower", {"description": "农村村民申请宅基地的村级初审"}),
    ("Law", {"short": "Z"}),
    ("Law", {"missing_prop": None}),
    ("Law", {"missing_prop": "x"}),
    ("Article", {"number": 62}),
    ("Article", {"number": "62"}),
    ("City", {"code": "440500000000", "level": 2}),
    ("District", {"provenance_status": ""}),
    ("Body", {}),
    ("Nothing", {"x": 1}),
]


@pytest.fixture()
def loaded(neo: Neo4jStore) -> tuple[MemoryStore, Neo4jStore, PropertyGraph]:
    graph = sample_graph()
    mem = MemoryStore()
    mem.replace_all(graph)
    neo.replace_all(graph)
    return mem, neo, graph


def test_is_a_graph_store(neo: Neo4jStore) -> None:
    assert isinstance(neo, GraphStore)
    missing = [m for m in dir(GraphStore) if not m.startswith("_") and not hasattr(neo, m)]
    assert missing == []
    assert neo.name == "neo4j"


def test_every_answer_matches_memory_store(loaded) -> None:
    mem, neo, graph = loaded
    assert_same(mem, neo, graph)


@pytest.mark.parametrize("label,equals", FILTERS)
def test_nodes_filters_match_memory_store(loaded, label: str, equals: dict[str, Any]) -> None:
    mem, neo, _ = loaded
    assert [nd(n) for n in neo.nodes(label, **equals)] == [nd(n) for n in mem.nodes(label, **equals)]


def test_nodes_are_ordered_by_python_string_order(loaded) -> None:
    _, neo, _ = loaded
    assert [n.id for n in neo.nodes("Law")] == ["Z-upper", "a-lower", "law/土地管理法"]
    assert [n.id for n in neo.nodes("AutonomyItem")] == ["item/autonomy/10", "item/autonomy/9"]


def test_values_keep_their_types(loaded) -> None:
    _, neo, _ = loaded
    n = neo.node("item/autonomy/10")
    assert n is not None
    assert n.props["seq"] == 10 and type(n.props["seq"]) is int
    assert type(n.props["weight"]) is float and type(n.props["published"]) is bool
    assert n.props["keywords"] == ["开会", "村民大会"]
    assert neo.node("item/autonomy/9").props["keywords"] == []  # type: ignore[union-attr]
    assert "note" not in neo.node("item/autonomy/9").props  # type: ignore[union-attr]
    assert neo.node("lonely") == Node("lonely", "Body", {}) and neo.node("lonely").props == {}  # type: ignore[union-attr]
    (rel, _), = [p for p in neo.neighbors("item/autonomy/9", "RELATED", "out") if p[1].id.endswith("/10")]
    assert rel.props == {"source": "新的", "order": 2, "tags": ["x", "y"]}


def test_loading_twice_gives_the_same_graph(neo: Neo4jStore) -> None:
    graph = sample_graph()
    first = neo.replace_all(graph)
    second = neo.replace_all(graph)
    assert second.nodes == first.nodes == MemoryStore().replace_all(graph).nodes
    assert second.relationships == first.relationships
    assert second.store == "neo4j" and second.atomic
    # a load writes a whole new generation: everything is created, nothing updated in place
    assert second.created == len(graph.nodes) + sum(second.relationships.values()) and second.updated == 0
    assert sum(second.nodes.values()) == len(graph.nodes)
    assert second.seconds > 0 and set(second.steps) == {"write_s", "switch_s", "sweep_s"}
    assert len(load_tokens(neo)) == 1  # the first load's generation is gone
    mem = MemoryStore()
    mem.replace_all(graph)
    assert_same(mem, neo, graph)


def test_first_load_into_an_empty_database_counts_created(neo: Neo4jStore) -> None:
    neo.replace_all(PropertyGraph())
    assert neo.count_nodes() == {} and neo.count_rels() == {} and neo.version() == "neo4j-empty"
    report = neo.replace_all(sample_graph())
    assert report.created == sum(report.nodes.values()) + sum(report.relationships.values())
    assert report.updated == 0  # a repeated (src, type, dst) is merged before it is sent
    assert report.nodes == neo.count_nodes() and report.relationships == neo.count_rels()


def test_second_load_removes_what_is_gone_and_follows_changes(neo: Neo4jStore) -> None:
    neo.replace_all(sample_graph())
    graph = sample_graph()
    del graph.nodes["item/micro/1"]
    graph.rels = [r for r in graph.rels if "item/micro/1" not in (r.src, r.dst) and r.type != "SEE_ALSO"]
    graph.add_node(Node("law/土地管理法", "Regulation", {"name_zh": "改了标签和属性"}))
    graph.add_node(Node("new/1", "Law", {"name_zh": "新增"}))
    graph.add_rel(Rel("PART_OF", "new/1", "law/土地管理法", PROV))
    mem = MemoryStore()
    mem.replace_all(graph)
    report = neo.replace_all(graph)
    assert neo.node("item/micro/1") is None
    assert "MicroPower" not in neo.count_nodes() and "SEE_ALSO" not in neo.count_rels()
    assert neo.neighbors("article/土地管理法/62", direction="in") == []
    assert report.nodes == mem.count_nodes() and report.relationships == mem.count_rels()
    assert_same(mem, neo, graph)
    # the changed node lost its old label
    with neo._driver.session(database=neo.database) as s:
        labels = s.run("MATCH (n:Entity {id: $id}) RETURN labels(n) AS l", id="law/土地管理法").single()["l"]
    assert sorted(labels) == ["Entity", "Regulation", "Text"]


def _raw(neo: Neo4jStore, cypher_text: str, **params: Any) -> list[dict[str, Any]]:
    """A fixed test query straight through the driver, seeing every generation."""
    with neo._driver.session(database=neo.database) as s:
        return s.run(cypher_text, params).data()


def _answers(neo: Neo4jStore) -> tuple[Any, ...]:
    return (neo.count_nodes(), neo.count_rels(), neo.version(), neo.provenance_gaps(),
            [nd(n) for n in neo.nodes("Law")], neo.names("Village"), neo.node("item/micro/1"),
            neo.neighbors("item/autonomy/9"), neo.explain(["item/micro/1"], "division/440507000000"))


def test_a_load_failing_before_its_switch_changes_nothing_readers_see(neo: Neo4jStore, monkeypatch) -> None:
    from qingdan.queries.stores import neo4j_load as module

    neo.replace_all(sample_graph())
    before = _answers(neo)
    graph = sample_graph()
    graph.add_node(Node("new/2", "Law", {"name_zh": "中断时写入一半"}))
    del graph.nodes["item/micro/1"]
    graph.rels = [r for r in graph.rels if "item/micro/1" not in (r.src, r.dst)]
    calls = {"n": 0}
    real = module._tx_write

    def flaky(tx, query, params):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("interrupted")  # every node and two batches of relationships written
        return real(tx, query, params)

    monkeypatch.setattr(neo, "batch_size", 2)
    monkeypatch.setenv("QINGDAN_NEO4J_LOAD_WORKERS", "1")
    monkeypatch.setattr(module, "_tx_write", flaky)
    with pytest.raises(RuntimeError):
        neo.replace_all(graph)
    assert calls["n"] == 3
    assert _answers(neo) == before  # the new generation was written, and nobody sees it
    assert neo.node("new/2") is None
    tokens = load_tokens(neo)
    assert len(tokens) == 2 and tokens[before[2].removeprefix("neo4j-")] == len(sample_graph().nodes)
    monkeypatch.setattr(module, "_tx_write", real)
    report = neo.replace_all(graph)  # the next load deletes the orphan too
    assert report.atomic and neo.node("new/2") is not None and neo.node("item/micro/1") is None
    assert list(load_tokens(neo).values()) == [len(graph.nodes)]
    mem = MemoryStore()
    mem.replace_all(graph)
    assert_same(mem, neo, graph)
    dup = _raw(neo, "MATCH (a:Entity)-[r]->(b:Entity) WITH a, type(r) AS t, b, count(*) AS c "
                    "WHERE c > 1 RETURN count(*) AS n")[0]["n"]
    assert dup == 0


def test_an_orphan_generation_is_swept_and_never_read(neo: Neo4jStore) -> None:
    """What a killed load leaves (a generation the marker never named) and what a killed sweep
    leaves (the old generation after the switch): invisible, and gone after sweep() or a load."""
    neo.replace_all(sample_graph())
    before = _answers(neo)
    _raw(neo, "CREATE (:Entity:Law {id: 'law/土地管理法', label: 'Law', name_zh: '孤儿', _load: 'orphan'})"
              "-[:PART_OF {_load: 'orphan'}]->(:Entity:Law {id: 'orphan/2', label: 'Law', _load: 'orphan'})")
    _raw(neo, "CREATE (:Entity:Law {id: 'untokened', label: 'Law'})")  # from before loads were tokened
    assert _answers(neo) == before
    assert neo.sweep() == 3
    assert _answers(neo) == before and set(load_tokens(neo)) == {before[2].removeprefix("neo4j-")}
    assert neo.sweep() == 0


def test_the_switch_is_the_only_change_readers_see(neo: Neo4jStore, monkeypatch) -> None:
    """Readers asking while a load writes see the old graph, then the new one: never a mix."""
    from qingdan.queries.stores import neo4j_load as module

    old = sample_graph()
    neo.replace_all(old)
    old_answers = _answers(neo)
    new = sample_graph()
    new.add_node(Node("new/3", "Law", {"name_zh": "新的"}))
    new.add_rel(Rel("PART_OF", "new/3", "law/土地管理法", PROV))
    seen: list[Any] = []
    real = module._tx_write

    def looking(tx, query, params):
        out = real(tx, query, params)
        seen.append(_answers(neo))  # between two write transactions of the load
        return out

    monkeypatch.setattr(neo, "batch_size", 2)
    monkeypatch.setattr(module, "_tx_write", looking)
    neo.replace_all(new)
    assert seen and all(a == old_answers for a in seen)
    mem = MemoryStore()
    mem.replace_all(new)
    assert_same(mem, neo, new)
    assert neo.version() != old_answers[2]


def _tokens(neo: Neo4jStore) -> tuple[set[str], list[str]]:
    with neo._driver.session(database=neo.database) as s:
        marks = [r["t"] for r in s.run("MATCH (m:QingdanLoad) RETURN m.load AS t")]
    return set(load_tokens(neo)), marks


def test_the_version_is_the_current_generation(neo: Neo4jStore) -> None:
    neo.replace_all(sample_graph())
    first = neo.version()
    data, marks = _tokens(neo)
    assert len(data) == 1 and marks == list(data) and first == f"neo4j-{marks[0]}"
    neo.replace_all(sample_graph())
    assert neo.version() not in (first, "neo4j-empty")
    assert len(_tokens(neo)[1]) == 1  # one marker, switched, however many loads


def test_load_transactions_carry_metadata_an_operator_can_see(neo: Neo4jStore, monkeypatch) -> None:
    from qingdan.queries.stores import neo4j_load as module

    seen: list[Any] = []
    real = module._tx_nodes

    def looking(tx, query, params):
        if not seen:
            with neo._driver.session(database=neo.database) as s:
                seen.extend(r["m"] for r in s.run("SHOW TRANSACTIONS YIELD metaData AS m RETURN m"))
        return real(tx, query, params)

    monkeypatch.setattr(module, "_tx_nodes", looking)
    neo.replace_all(sample_graph())
    loads = [m for m in seen if m.get("job") == "load"]
    assert loads and all(m["app"] == "qingdan" and m["step"] == "nodes" for m in loads)
    assert len({m["load"] for m in loads}) == 1  # one token, however many batches are in flight
    assert neo.version() == f"neo4j-{loads[0]['load']}"


def test_bad_graphs_are_refused_before_anything_is_written(neo: Neo4jStore) -> None:
    neo.replace_all(sample_graph())
    before = (neo.count_nodes(), neo.count_rels())
    bad_label = sample_graph()
    bad_label.add_node(Node("x/1", "Bad Label) DETACH DELETE n //", {}))
    bad_type = sample_graph()
    bad_type.add_rel(Rel("X]->() DETACH DELETE a //", "lonely", "lonely", {}))
    dangling = sample_graph()
    dangling.add_rel(Rel("BASED_ON", "lonely", "nowhere", PROV))
    bad_value = sample_graph()
    bad_value.add_node(Node("x/2", "Law", {"nested": {"a": 1}}))
    reserved = sample_graph()
    reserved.add_node(Node("x/3", "Law", {"label": "Law"}))
    for g in (bad_label, bad_type, dangling, bad_value, reserved):
        with pytest.raises(DataError):
            neo.replace_all(g)
    assert (neo.count_nodes(), neo.count_rels()) == before


def test_filter_keys_must_be_identifiers(loaded) -> None:
    _, neo, _ = loaded
    with pytest.raises(BadRequest):
        neo.nodes("Law", **{"name_zh) OR true //": "x"})


def test_user_text_is_only_ever_a_parameter(loaded) -> None:
    _, neo, _ = loaded
    evil = "x' OR 1=1 // }) DETACH DELETE n"
    assert neo.node(evil) is None
    assert neo.nodes(evil) == []
    assert neo.nodes("Law", name_zh=evil) == []
    assert neo.neighbors(evil, evil) == []
    assert sum(neo.count_nodes().values()) == len(sample_graph().nodes)


def test_schema_has_constraint_and_cjk_fulltext_index(loaded) -> None:
    _, neo, _ = loaded
    with neo._driver.session(database=neo.database) as s:
        names = {r["name"]: r for r in s.run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options")}
        constraints = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
        assert {"entity_key", "qingdan_load_key"} <= constraints and "entity_id" not in constraints
        assert names["entity_key"]["properties"] == ["_load", "id"]
        assert names["entity_load_label"]["properties"] == ["_load", "label"]
        assert "entity_fulltext" not in names
        ft = names["text_fulltext"]
        assert ft["type"] == "FULLTEXT" and ft["labelsOrTypes"] == ["Text"]
        assert ft["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
        s.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume()  # updated after the load's commit
        hits = [r["id"] for r in s.run(
            "CALL db.index.fulltext.queryNodes('text_fulltext', $q) YIELD node RETURN node.id AS id", q="宅基地")]
        assert set(hits) == {"item/micro/1", "article/土地管理法/62"}
        # divisions are found by the village index, not by full text
        assert not list(s.run("CALL db.index.fulltext.queryNodes('text_fulltext', $q) YIELD node RETURN node.id AS id",
                              q="汕头"))


def test_the_server_reads_no_file_for_a_query(neo: Neo4jStore) -> None:
    """LOAD CSV must not read the server's files: the dev instance (tools/neo4j/Launcher.java) refuses
    file URLs; embedded Neo4j otherwise read any file by absolute path, as the JVM's user."""
    from neo4j.exceptions import ClientError

    for url in ("file:///etc/hostname", "file:///../../../../etc/hostname"):
        with pytest.raises(ClientError):
            _raw(neo, "LOAD CSV FROM $url AS row RETURN count(*) AS n", url=url)


def test_cypher_files_are_plain_statements() -> None:
    # id constraint and label index from before generations dropped, (_load, id) constraint,
    # (_load, label) index, the two earlier full-text indexes dropped, full-text index over :Text, load marker
    assert len(statements("schema")) == 8
    for name in ("node", "nodes", "names", "neighbors_out", "neighbors_in", "count_nodes", "count_rels",
                 "neighbors_many", "explain", "create_nodes", "create_rels", "switch_load", "current_load",
                 "load_tokens", "sweep_load", "sweep_untokened", "readers_at_switch", "provenance_gaps", "ping",
                 "await_indexes", "version"):
        text = cypher(name)
        assert text and not text.rstrip().endswith(";")
        assert "{}" not in text and "%s" not in text


def test_unreachable_server_is_store_unavailable() -> None:
    store = Neo4jStore(uri="bolt://127.0.0.1:1", connection_timeout=1.0, max_retry_time=0.5)
    try:
        with pytest.raises(StoreUnavailable, match="图数据库 Neo4j 无法连接"):
            store.ping()
        with pytest.raises(StoreUnavailable):
            store.node("x")
        with pytest.raises(StoreUnavailable):
            store.count_nodes()
        with pytest.raises(StoreUnavailable):
            store.replace_all(sample_graph())
    finally:
        store.close()


def test_missing_database_is_store_unavailable(neo: Neo4jStore) -> None:
    store = Neo4jStore(uri=TEST_URI, database="nosuchdb", max_retry_time=0.5)
    try:
        with pytest.raises(StoreUnavailable, match="nosuchdb"):
            store.ping()
    finally:
        store.close()


def test_settings_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("QINGDAN_NEO4J_URI", "bolt://127.0.0.1:7999")
    monkeypatch.setenv("QINGDAN_NEO4J_DATABASE", "qd")
    monkeypatch.delenv("QINGDAN_NEO4J_PASSWORD", raising=False)
    s = Neo4jStore()
    try:
        assert (s.uri, s.database) == ("bolt://127.0.0.1:7999", "qd")
    finally:
        s.close()
    s = Neo4jStore(uri="bolt://127.0.0.1:7000", database="other")
    try:
        assert (s.uri, s.database) == ("bolt://127.0.0.1:7000", "other")
    finally:
        s.close()


def test_explain_query_takes_one_map_parameter() -> None:
    """Neo4j 5 keys its plan cache by parameter types and by size buckets of list and string
    parameters: separate $ids/$village parameters made a first question with a village, or with
    more anchors than the last, wait ~1 s for a new plan. Everything goes in one map, $q."""
    import re

    body = "\n".join(ln for ln in cypher("explain").splitlines() if not ln.lstrip().startswith("//"))
    assert set(re.findall(r"\$(\w+)", body)) == {"q"}
