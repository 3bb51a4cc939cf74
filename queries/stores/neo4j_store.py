"""The Neo4j store: the same GraphStore answers as MemoryStore, from a Neo4j 5.26+ server.

Graph model
    Every node is ``(:Entity:<Label> {id, label, _load, ...props})``: the shared label ``Entity``,
    its own label both as a real label and as the ``label`` property, ``_load`` the token of the
    generation (load) that wrote it, and its properties (None values are dropped; values are
    str/int/float/bool or homogeneous lists of those). Relationships carry their properties
    (provenance ...) and ``_load`` too; ``_load`` never shows in the answers. Schema
    (``schema.cypher``): uniqueness on (_load, id) (``entity_key``: an id is unique within a
    generation), an index on (_load, label) (``entity_load_label``), a full-text index
    ``text_fulltext`` with the ``cjk`` analyzer over name_zh/description/text of the nodes labelled
    ``Text`` (all but divisions and their bodies; eventually
    consistent), and the marker ``(:QingdanLoad {key: 'current'})`` holding the current token.

Cypher
    Every statement lives in ``queries/cypher/*.cypher`` (readable, paste-able into Neo4j
    Browser) and takes parameters only: no user text is ever concatenated into Cypher.
    Labels and relationship types cannot be ordinary parameters. Node labels are set with
    Cypher 5.26's dynamic labels, ``SET n:$($label)``, whose value is a parameter too, so one
    static query loads every label. ``create_rels.cypher`` is the one exception: its
    ``REL_TYPE`` placeholder is replaced by the relationship type, only ever a type from the
    graph being loaded that matches ``^[A-Z_]+$`` (checked before anything is sent; the
    property part stays parametrized). Labels are checked against ``^[A-Z][A-Za-z]*$`` and
    property keys used as filters in ``nodes()`` against ``^[A-Za-z_][A-Za-z0-9_]*$`` the same
    way, so a malformed name is a clean error, not a surprise in the graph.
    Every read starts from the marker and matches only entities of the current generation.

Loading (``replace_all``, in ``neo4j_load.py``)
    The whole graph is checked first; nothing is written if that fails. The new graph is then
    written with CREATE only, in batches, as a new generation beside the old one, which readers go
    on seeing; one tiny transaction switches the marker to the new token; the old generation is
    then deleted in batches. A reader sees the old graph or the new one, never a mix, at any size;
    a load killed before the switch leaves the graph readers see exactly as it was (its orphan
    generation, invisible, is deleted by the next load or ``sweep()``); killed after it, the new
    graph is there whole. Loading the same graph twice gives the same graph. A load's
    transactions carry metadata ``{app: qingdan, job: load, load: <token>, step}``, visible in
    SHOW TRANSACTIONS.

Version
    ``version()`` is ``neo4j-<token>`` of the current generation (``neo4j-empty`` when it holds
    nothing): it changes at the switch and only then, so caches keyed by it (the resolver, the
    audit) never mix what they read from two graphs.

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
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Iterator

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired

from qingdan.errors import BadRequest, StoreUnavailable

from .base import EXPLAIN_DROPPED, PROVISION_LABELS, Direction, LoadReport, Node, PropertyGraph, Rel, Subgraph, sort_pairs
from .neo4j_load import LOAD_KEY, NODE_RESERVED, REL_RESERVED, load_graph, load_metadata, sweep  # noqa: F401

PROP_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_DATABASE = "neo4j"


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


def _has_code(stmt: str) -> bool:
    return any(ln.strip() and not ln.strip().startswith("//") for ln in stmt.splitlines())


# --- records → Node / Rel ----------------------------------------------------------------------

def _node(node_id: str, label: str, props: dict[str, Any]) -> Node:
    return Node(node_id, label, {k: v for k, v in props.items() if k not in NODE_RESERVED})


def _rel(rtype: str, src: str, dst: str, props: dict[str, Any]) -> Rel:
    return Rel(rtype, src, dst, {k: v for k, v in props.items() if k not in REL_RESERVED})


# --- transaction functions (managed transactions may run them more than once) ----------------

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
                 batch_size: int | None = None, connection_timeout: float = 3.0,
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

    def replace_all(self, graph: PropertyGraph) -> LoadReport:
        """Load `graph` in place of whatever the database holds: a new generation, written beside
        the old one, then one switch (neo4j_load.py). Readers see the old graph or the new one."""
        return load_graph(self, graph)

    def sweep(self) -> int:
        """Delete every generation but the current one (what a killed load left); entities deleted."""
        return sweep(self)

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
        # one map parameter: one cached plan whatever the sizes and the village (explain.cypher)
        ((node_rows, rel_rows),) = self._read_values("explain", q={
            "ids": list(dict.fromkeys([*item_ids, *node_ids])), "village": village_id, "works": list(work_ids),
            "plabels": list(PROVISION_LABELS), "drop": [*EXPLAIN_DROPPED, LOAD_KEY]})
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
        """The current generation's token: it changes at each switch, and only then."""
        rec = (self._read("version") or [{}])[0]
        mark, data = rec.get("mark"), rec.get("data")
        return f"neo4j-{mark}" if mark is not None and data else "neo4j-empty"

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
