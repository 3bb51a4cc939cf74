"""The Neo4j store: the same GraphStore answers as MemoryStore, from a Neo4j 5.26+ server.

Graph model
    Every node is ``(:Entity:<Label> {id, label, ...props})``: the shared label ``Entity``
    (unique ``id`` constraint ``entity_id``, index ``entity_label`` on ``label``, full-text index
    ``entity_fulltext`` with the ``cjk`` analyzer over name_zh/description/text, eventually
    consistent), its own label
    both as a real label and as the ``label`` property, and its properties (None values are
    dropped; values are str/int/float/bool or homogeneous lists of those). Relationships carry
    their properties (provenance ...). Nodes and relationships also carry ``_load``, the token of
    the load that last wrote them; it never shows in the answers.

Cypher
    Every statement lives in ``queries/cypher/*.cypher`` (readable, paste-able into Neo4j
    Browser) and takes parameters only: no user text is ever concatenated into Cypher.
    Labels and relationship types cannot be ordinary parameters. Node labels are set with
    Cypher 5.26's dynamic labels, ``SET n:$($label)``, whose value is a parameter too, so one
    static query loads every label. A dynamic relationship type in MERGE
    (``MERGE (a)-[r:$($type)]->(b)``) is planned by Neo4j 5.26 as a scan of all relationships
    per row, so ``merge_rels.cypher`` is the one exception: its ``REL_TYPE`` placeholder is
    replaced by the relationship type, only ever a type from the graph being loaded that
    matches ``^[A-Z_]+$`` (checked before anything is sent; the property part stays
    parametrized). Labels are checked against ``^[A-Z][A-Za-z]*$`` and property keys used as
    filters in ``nodes()`` against ``^[A-Za-z_][A-Za-z0-9_]*$`` the same way, so a malformed
    name is a clean error, not a surprise in the graph.

Loading (``replace_all``)
    The whole graph is checked first (names, value types, relationships whose ends are missing,
    reserved keys); nothing is written if that fails. Then: schema (idempotent); one read each of
    the entity ids and the (src, type, dst) of the relationships already there; nodes in batches
    (UNWIND; CREATE for new ids, MERGE on id for existing ones, properties replaced);
    relationships likewise (CREATE when new, MERGE on (src, type, dst) when there); and last the
    deletion, in batches by id / element id, of what was there and the new graph lacks. Loading
    the same graph twice gives the same graph.
    Up to ``ATOMIC_MAX`` entities, old and new together (the bundled graph is ~42k), all of this is one
    transaction: a load killed before it asks to commit is rolled back, leaving the previous graph
    exactly as it was; killed while committing, the server finishes the commit and the new graph
    is there whole. Larger graphs (the national one, 3.4M) commit batch by batch: an interrupted
    load leaves a mix of old and new until it is run again, and the rerun leaves no duplicates
    and no leftovers. A load's transactions carry metadata ``{app: qingdan, job: load, load:
    <token>}``, visible in SHOW TRANSACTIONS.

Version
    Neo4j is read-committed: a read while a commit is being applied (about 0.4 s for the bundled
    graph) can see part of it. So ``version()`` does not trust the entities alone: after the last
    commit has returned, the load writes its token to one ``(:QingdanLoad {key: 'current'})`` node
    in a transaction of its own, and the version is that token when the entity read with it
    carries the same, ``<marked>+<other>`` otherwise (a load being applied, or killed after its commit and before
    its mark). Caches keyed by the version (the resolver, the audit) therefore never keep what
    they read during a commit: the version they were built under changes once the load is done.

Connection
    ``QINGDAN_NEO4J_URI`` (default ``bolt://127.0.0.1:7687``), ``QINGDAN_NEO4J_USER`` (default
    ``neo4j``), ``QINGDAN_NEO4J_PASSWORD`` (authentication only when set) and
    ``QINGDAN_NEO4J_DATABASE`` (default ``neo4j``), read when the store is made; keyword
    arguments override them. Reads and writes are managed transactions (retried by the driver
    on transient errors) against the named database. An unreachable server, an expired session,
    refused credentials or a missing database become ``qingdan.errors.StoreUnavailable``.
    Reads retry for at most ``QINGDAN_NEO4J_RETRY_SECONDS`` (3 s). After a failure a breaker
    (``QINGDAN_NEO4J_BREAKER_SECONDS``, 1 s) answers StoreUnavailable at once, without touching
    the network, until one caller's single connection attempt finds the server back: a server
    under load says 503 in milliseconds during an outage and answers again within about a
    second of the database's return.

Equality in ``nodes(label, **equals)`` is Cypher's: as in Python ``1 == 1.0``, but unlike
Python ``True`` does not equal ``1``.
"""
from __future__ import annotations

import os
import re
import threading
import time
import uuid
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Iterator

from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired

from qingdan.errors import BadRequest, DataError, Problem, StoreUnavailable

from .base import EXPLAIN_DROPPED, PROVISION_LABELS, Direction, LoadReport, Node, PropertyGraph, Rel, Subgraph, sort_pairs

LABEL_RE = re.compile(r"^[A-Z][A-Za-z]*$")
REL_TYPE_RE = re.compile(r"^[A-Z_]+$")
PROP_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

LOAD_KEY = "_load"
NODE_RESERVED = frozenset({"id", "label", LOAD_KEY})
REL_RESERVED = frozenset({LOAD_KEY})
SCALARS = (str, int, float, bool)
INT64 = (-(2**63), 2**63 - 1)

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_DATABASE = "neo4j"
BATCH = 5000
ATOMIC_MAX = 500_000  # entities (nodes + relationships) loaded in one transaction


# --- the Cypher files ----------------------------------------------------------------------------

@lru_cache(maxsize=None)
def cypher(name: str) -> str:
    """The text of queries/cypher/<name>.cypher, one statement, without a trailing ';'."""
    (stmt,) = statements(name)
    return stmt


@lru_cache(maxsize=None)
def statements(name: str) -> tuple[str, ...]:
    """The statements of queries/cypher/<name>.cypher, split at a ';' that ends a line."""
    text = resources.files("qingdan.queries").joinpath("cypher", f"{name}.cypher").read_text("utf-8")
    out, cur = [], []
    for line in text.splitlines():
        cur.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(cur).rstrip().removesuffix(";"))
            cur = []
    out.append("\n".join(cur))
    return tuple(s.strip() for s in out if _has_code(s))


def rels_query(name: str, rel_type: str) -> str:
    """merge_rels.cypher / create_rels.cypher for one relationship type (the only text ever put into Cypher)."""
    if not REL_TYPE_RE.match(rel_type):
        raise DataError(Problem("关系", None, "type", rel_type, "关系类型须匹配 ^[A-Z_]+$"))
    text = cypher(name)
    if text.count(":REL_TYPE]") != 1:
        raise RuntimeError(f"{name}.cypher must contain exactly one ':REL_TYPE]'")
    return text.replace(":REL_TYPE]", f":{rel_type}]")


def _has_code(stmt: str) -> bool:
    return any(ln.strip() and not ln.strip().startswith("//") for ln in stmt.splitlines())


# --- checking a graph before anything is written ------------------------------------------------

def _clean_value(value: Any) -> tuple[Any, str | None]:
    """(value as Neo4j stores it, or a reason it cannot be stored)."""
    if isinstance(value, SCALARS):
        if isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
            return None, "整数超出 64 位范围"
        return value, None
    if isinstance(value, list):
        kinds = {bool if isinstance(v, bool) else str if isinstance(v, str) else
                 int if isinstance(v, int) else float if isinstance(v, float) else None for v in value}
        if None in kinds:
            return None, "列表元素只能是字符串、整数、小数或布尔值"
        if len(kinds) > 1 and kinds != {int, float}:
            return None, "列表元素类型必须一致"
        return list(value), None
    return None, f"不支持的属性值类型 {type(value).__name__}"


def _clean_props(props: dict[str, Any], reserved: frozenset[str], where: str,
                 problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in props.items():
        if not isinstance(key, str) or key in reserved:
            problems.append(Problem(where, None, str(key), None, "属性名为保留字，不能使用"))
            continue
        if value is None:
            continue
        clean, reason = _clean_value(value)
        if reason:
            problems.append(Problem(where, None, key, repr(value)[:80], reason))
        else:
            out[key] = clean
    return out


def _prepare(graph: PropertyGraph) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Rows grouped by label and by relationship type, or DataError listing every problem."""
    problems: list[Problem] = []
    by_label: dict[str, list[dict[str, Any]]] = {}
    for key, node in graph.nodes.items():
        where = f"节点 {node.id}"
        if key != node.id:
            problems.append(Problem(where, None, "id", key, "图中登记的编号与节点编号不一致"))
        if not LABEL_RE.match(node.label or ""):
            problems.append(Problem(where, None, "label", node.label, "标签须匹配 ^[A-Z][A-Za-z]*$"))
        props = _clean_props(node.props, NODE_RESERVED, where, problems)
        by_label.setdefault(node.label, []).append({"id": node.id, "props": props})
    # one relationship per (src, type, dst), the last one wins, as in MemoryStore
    rels: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rel in graph.rels:
        where = f"关系 {rel.src} -[{rel.type}]-> {rel.dst}"
        if not REL_TYPE_RE.match(rel.type or ""):
            problems.append(Problem(where, None, "type", rel.type, "关系类型须匹配 ^[A-Z_]+$"))
        for end in (rel.src, rel.dst):
            if end not in graph.nodes:
                problems.append(Problem(where, None, None, end, "关系端点不在图中"))
        props = _clean_props(rel.props, REL_RESERVED, where, problems)
        rels[(rel.src, rel.type, rel.dst)] = {"src": rel.src, "dst": rel.dst, "props": props}
    if problems:
        raise DataError(problems, "图数据无法写入 Neo4j，未写入任何内容")
    by_type: dict[str, list[dict[str, Any]]] = {}
    for (_, rtype, _), row in rels.items():
        by_type.setdefault(rtype, []).append(row)
    return by_label, by_type


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


# --- records → Node / Rel ----------------------------------------------------------------------

def _node(node_id: str, label: str, props: dict[str, Any]) -> Node:
    return Node(node_id, label, {k: v for k, v in props.items() if k not in NODE_RESERVED})


def _rel(rtype: str, src: str, dst: str, props: dict[str, Any]) -> Rel:
    return Rel(rtype, src, dst, {k: v for k, v in props.items() if k not in REL_RESERVED})


# --- transaction functions (managed transactions may run them more than once) ----------------

def load_metadata(load: str) -> dict[str, str]:
    """Attached to a load's transactions: SHOW TRANSACTIONS tells an operator (and the fault
    tests) that a qingdan load is running, between its statements and while it commits."""
    return {"app": "qingdan", "job": "load", "load": load}


def _tx_write(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> Any:
    return tx.run(query, params).consume().counters


def _tx_data(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return tx.run(query, params).data()


def _tx_values(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[list[Any]]:
    """The rows' values as the codec gives them: no per-value walk (Result.data() costs ~3 ms on
    an answer's subgraph; these queries return no graph types, so there is nothing to convert)."""
    return [rec.values() for rec in tx.run(query, params)]


class Breaker:
    """Once the server is found unreachable, callers get StoreUnavailable at once instead of each
    waiting through the driver's retries (which held every worker of a busy server for seconds).

    Open for `seconds`; after that the first caller probes with a single connection attempt while
    the others still fail fast; a good probe closes the breaker, a bad one opens it again.
    """

    def __init__(self, probe: Callable[[], bool], seconds: float, where: str) -> None:
        self.probe, self.seconds, self.where = probe, seconds, where
        self._lock = threading.Lock()
        self._open_until: float | None = None
        self._probing = False

    def trip(self) -> None:
        if self.seconds > 0:
            with self._lock:
                self._open_until = time.monotonic() + self.seconds

    def check(self) -> None:
        with self._lock:
            if self._open_until is None:
                return
            if self._probing or time.monotonic() < self._open_until:
                raise StoreUnavailable(f"图数据库 Neo4j 暂时无法连接：{self.where}（刚刚连接失败），请稍后再试")
            self._probing = True
        ok = False
        try:
            ok = self.probe()
        finally:
            with self._lock:
                self._probing = False
                self._open_until = None if ok else time.monotonic() + self.seconds
        if not ok:
            raise StoreUnavailable(f"图数据库 Neo4j 仍然无法连接：{self.where}，请稍后再试")


class Neo4jStore:
    name = "neo4j"

    def __init__(self, *, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None,
                 batch_size: int = BATCH, connection_timeout: float = 3.0,
                 max_retry_time: float | None = None, breaker_seconds: float | None = None) -> None:
        env = os.environ.get
        self.uri = uri or env("QINGDAN_NEO4J_URI") or DEFAULT_URI
        self.user = user or env("QINGDAN_NEO4J_USER") or "neo4j"
        password = password if password is not None else env("QINGDAN_NEO4J_PASSWORD") or None
        self.database = database or env("QINGDAN_NEO4J_DATABASE") or DEFAULT_DATABASE
        self.batch_size = batch_size
        if max_retry_time is None:
            # a server answering people should say 503 within seconds when the database is gone,
            # not hold a worker through a long retry; QINGDAN_NEO4J_RETRY_SECONDS raises it for batch work
            max_retry_time = float(env("QINGDAN_NEO4J_RETRY_SECONDS") or 3.0)
        auth = (self.user, password) if password else None
        if breaker_seconds is None:
            breaker_seconds = float(env("QINGDAN_NEO4J_BREAKER_SECONDS") or 1.0)
        self._breaker = Breaker(self._probe, breaker_seconds, self.uri)
        try:
            self._driver: Driver = GraphDatabase.driver(
                self.uri, auth=auth, connection_timeout=connection_timeout,
                max_transaction_retry_time=max_retry_time)
        except ValueError as e:  # a malformed URI
            raise StoreUnavailable(f"图数据库 Neo4j 地址无效：{self.uri}（{e}）") from e

    # -- plumbing -------------------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        self._breaker.check()
        try:
            yield
        except (ServiceUnavailable, SessionExpired) as e:
            self._breaker.trip()
            raise StoreUnavailable(f"图数据库 Neo4j 无法连接：{self.uri}（{e}）") from e
        except AuthError as e:
            raise StoreUnavailable(f"图数据库 Neo4j 拒绝登录：{self.uri}，用户 {self.user}（{e}）") from e
        except ClientError as e:
            if e.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreUnavailable(f"图数据库 Neo4j 中没有数据库 {self.database}：{self.uri}") from e
            raise
        except OSError as e:
            self._breaker.trip()
            raise StoreUnavailable(f"图数据库 Neo4j 无法连接：{self.uri}（{e}）") from e

    def _probe(self) -> bool:
        """One connection attempt, no retries: is the server back?"""
        try:
            self._driver.verify_connectivity()
            return True
        except (ServiceUnavailable, SessionExpired, OSError):
            return False

    def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        with self._guard(), self._driver.session(database=self.database) as s:
            return s.execute_read(_tx_data, cypher(name), params)

    def _read_values(self, name: str, **params: Any) -> list[list[Any]]:
        with self._guard(), self._driver.session(database=self.database) as s:
            return s.execute_read(_tx_values, cypher(name), params)

    def _write(self, query: str, _work: Callable[..., Any] = _tx_write, **params: Any) -> Any:
        with self._guard(), self._driver.session(database=self.database) as s:
            return s.execute_write(_work, query, params)

    # -- GraphStore -------------------------------------------------------------------------------

    def replace_all(self, graph: PropertyGraph, atomic: bool | None = None) -> LoadReport:
        """Load `graph` in place of whatever the database holds.

        Atomic (one transaction: readers see the old graph until the commit, and a load killed
        part-way is rolled back by the server) unless the new graph and the one it replaces hold
        more than ATOMIC_MAX entities together — loading or replacing the national graph would
        need several GB of transaction state — in which case every batch commits on its own and
        an interrupted load leaves a mix until it is run again.
        """
        t0 = time.perf_counter()
        # the divisions table (PropertyGraph.divisions) as ordinary nodes: Neo4j holds every node alike
        by_label, by_type = _prepare(graph.expanded() if getattr(graph, "divisions", None) is not None else graph)
        size = sum(map(len, by_label.values())) + sum(map(len, by_type.values()))
        if atomic is None:  # what the transaction would hold: everything written and everything deleted
            held = size + sum(self.count_nodes().values()) + sum(self.count_rels().values())
            atomic = held <= int(os.environ.get("QINGDAN_NEO4J_ATOMIC_MAX") or ATOMIC_MAX)
        load = uuid.uuid4().hex
        self.ensure_schema()  # schema changes cannot share a transaction with writes
        if atomic:
            with self._guard(), self._driver.session(database=self.database) as s:
                created = s.execute_write(unit_of_work(metadata=load_metadata(load))(self._load_all),
                                          by_label, by_type, load)
        else:
            created = self._load_all(None, by_label, by_type, load)
        # only now, in a transaction of its own: whoever reads this token reads the whole load
        self._write(cypher("mark_load"), load=load)
        return LoadReport(
            store=self.name,
            nodes=self.count_nodes(),
            relationships=self.count_rels(),
            created=created,
            updated=size - created,
            seconds=time.perf_counter() - t0,
            atomic=atomic,
        )

    def _load_all(self, tx: ManagedTransaction | None, by_label: dict[str, list[dict[str, Any]]],
                  by_type: dict[str, list[dict[str, Any]]], load: str) -> int:
        """Nodes, relationships, then removal of what this load did not write; in `tx`, or one
        transaction per batch when tx is None. Run again whole if the driver retries `tx`."""
        batch_work = unit_of_work(metadata=load_metadata(load))(_tx_write)

        def write(query: str, **params: Any) -> Any:
            return _tx_write(tx, query, params) if tx is not None else self._write(query, _work=batch_work, **params)

        def read(name: str, **params: Any) -> list[dict[str, Any]]:
            return _tx_data(tx, cypher(name), params) if tx is not None else self._read(name, **params)

        # what is there already: new entities are CREATEd (no lookup), existing ones updated in place,
        # and whatever the new graph lacks is deleted — no scan for leftovers after writing
        old_nodes = {r["id"] for r in read("existing_nodes")}
        old_rels: dict[tuple[str, str, str], str] = {}
        twins: list[str] = []  # a second relationship with the same (src, type, dst): never written by a load
        for r in read("existing_rels"):
            key = (r["src"], r["type"], r["dst"])
            if key in old_rels:
                twins.append(r["rid"])
            else:
                old_rels[key] = r["rid"]
        for batch in _batches(twins, self.batch_size):
            write(cypher("delete_rels"), rids=batch, load=load)
        created = 0
        for label in sorted(by_label):
            rows = by_label[label]
            for name, part in (("create_nodes", [r for r in rows if r["id"] not in old_nodes]),
                               ("merge_nodes", [r for r in rows if r["id"] in old_nodes])):
                for batch in _batches(part, self.batch_size):
                    created += write(cypher(name), rows=batch, label=label, load=load).nodes_created
        for rtype in sorted(by_type):
            rows = by_type[rtype]
            for name, part in (("create_rels", [r for r in rows if (r["src"], rtype, r["dst"]) not in old_rels]),
                               ("merge_rels", [r for r in rows if (r["src"], rtype, r["dst"]) in old_rels])):
                for batch in _batches(part, self.batch_size):
                    created += write(rels_query(name, rtype), rows=batch, load=load).relationships_created
        new_nodes = {r["id"] for rows in by_label.values() for r in rows}
        for batch in _batches(sorted(old_nodes - new_nodes), self.batch_size):
            write(cypher("delete_nodes"), ids=batch, load=load)  # with their relationships
        new_rels = {(r["src"], t, r["dst"]) for t, rows in by_type.items() for r in rows}
        stale = [rid for key, rid in old_rels.items()
                 if key not in new_rels and key[0] in new_nodes and key[2] in new_nodes]
        for batch in _batches(stale, self.batch_size):
            write(cypher("delete_rels"), rids=batch, load=load)
        return created

    def ensure_schema(self, wait_seconds: int = 300) -> None:
        """Constraint and indexes (idempotent), then wait until they are online."""
        for stmt in statements("schema"):
            self._write(stmt)
        with self._guard(), self._driver.session(database=self.database) as s:
            s.execute_read(_tx_write, cypher("await_indexes"), {"seconds": wait_seconds})

    def node(self, node_id: str) -> Node | None:
        recs = self._read("node", id=node_id)
        return _node(recs[0]["id"], recs[0]["label"], recs[0]["props"]) if recs else None

    def nodes(self, label: str, **equals: Any) -> list[Node]:
        for key in equals:
            if not PROP_KEY_RE.match(key):
                raise BadRequest(f"属性名不合法：{key!r}")
        out = [_node(i, lb, props) for i, lb, props in self._read_values("nodes", label=label, equals=equals)]
        out.sort(key=lambda n: n.id)  # Python's string order, exactly as MemoryStore
        return out

    def names(self, label: str) -> list[tuple[str, str]]:
        out = [(i, name) for i, name in self._read_values("names", label=label)]
        out.sort()  # Python's string order, exactly as MemoryStore
        return out

    def neighbors(
        self, node_id: str, rel_type: str | None = None, direction: Direction = "out"
    ) -> list[tuple[Rel, Node]]:
        name = "neighbors_out" if direction == "out" else "neighbors_in"
        return sort_pairs((_rel(t, src, dst, rp), _node(i, lb, props))
                          for t, src, dst, rp, i, lb, props in self._read_values(name, id=node_id, type=rel_type))

    def neighbors_many(self, node_ids: Iterable[str], rel_type: str) -> dict[str, list[tuple[Rel, Node]]]:
        grouped: dict[str, list[tuple[Rel, Node]]] = {}
        # one record of rows, values as the codec gives them (_tx_values): the resolver's build reads ~10k
        ((rows,),) = self._read_values("neighbors_many", ids=list(dict.fromkeys(node_ids)), type=rel_type)
        for t, src, dst, rp, i, lb, props in rows:
            grouped.setdefault(src, []).append((_rel(t, src, dst, rp), _node(i, lb, props)))
        return {nid: sort_pairs(pairs) for nid, pairs in grouped.items()}

    def explain(self, item_ids: Iterable[str], village_id: str | None = None, node_ids: Iterable[str] = (),
                work_ids: Iterable[str] = ()) -> Subgraph:
        ((node_rows, rel_rows),) = self._read_values(
            "explain", ids=list(dict.fromkeys([*item_ids, *node_ids])), village=village_id, works=list(work_ids),
            plabels=list(PROVISION_LABELS), drop=[*EXPLAIN_DROPPED, LOAD_KEY])
        sub = Subgraph()
        sub.nodes = {r["id"]: _node(r["id"], r["label"], r["props"]) for r in node_rows}
        for rtype, src, dst, pairs in rel_rows:
            sub.rels[(src, rtype, dst)] = Rel(rtype, src, dst, dict(pairs))
        return sub

    def count_nodes(self) -> dict[str, int]:
        return dict(sorted((r["label"], r["count"]) for r in self._read("count_nodes")))

    def count_rels(self) -> dict[str, int]:
        return dict(sorted((r["type"], r["count"]) for r in self._read("count_rels")))

    def provenance_gaps(self) -> dict[str, int]:
        (rec,) = self._read("provenance_gaps")
        return {"nodes": rec["nodes"], "relationships": rec["relationships"]}

    def version(self) -> str:
        rec = (self._read("version") or [{}])[0]
        mark, data = rec.get("mark"), rec.get("data")
        if data is None:
            return "neo4j-empty"
        if mark in (None, data):  # None: loaded before loads were marked
            return f"neo4j-{data}"
        return f"neo4j-{mark}+{data}"  # a load is being applied, or was killed after its commit

    def ping(self) -> None:
        with self._guard():
            self._driver.verify_connectivity()
            self._read("ping")

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
