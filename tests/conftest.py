"""Shared fixtures: the bundled graph (built once), stores, and the small test catalog."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from qingdan.loaders.cache import cached_graph
from qingdan.queries.stores.base import PropertyGraph
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).parent / "fixtures"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def bundled_graph() -> PropertyGraph:
    """The bundled catalog, validated (through the on-disk cache when nothing changed)."""
    return cached_graph()


@pytest.fixture(scope="session")
def memory_store(bundled_graph: PropertyGraph) -> MemoryStore:
    store = MemoryStore()
    store.replace_all(bundled_graph)
    return store


@pytest.fixture()
def mini_catalog(tmp_path: Path) -> Path:
    """A writable copy of the small test catalog, to break on purpose."""
    dst = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "mini_catalog", dst)
    return dst


@pytest.fixture()
def mini_laws() -> Path:
    return FIXTURES / "mini_laws"


def _neo4j_store(graph: PropertyGraph):  # type: ignore[no-untyped-def]
    from qingdan.errors import StoreUnavailable
    from qingdan.queries.stores.neo4j_store import Neo4jStore

    uri = os.environ.get("QINGDAN_TEST_NEO4J_URI") or f"bolt://127.0.0.1:{os.environ.get('QINGDAN_NEO4J_PORT', '7687')}"
    store = Neo4jStore(uri=uri, database=os.environ.get("QINGDAN_TEST_NEO4J_DATABASE", "neo4j"))
    try:
        store.ping()
    except StoreUnavailable as exc:
        store.close()
        if IN_CI:
            pytest.fail(f"CI 需要 Neo4j（tools/neo4j/up.sh）：{exc}")
        pytest.skip(f"Neo4j 不可用（用 make neo4j-up 启动）：{exc}")
    store.replace_all(graph)
    return store


@pytest.fixture(scope="session")
def _neo4j_base(bundled_graph: PropertyGraph):  # type: ignore[no-untyped-def]
    store = _neo4j_store(bundled_graph)
    holder = {"version": store.version()}
    yield store, holder
    store.close()


@pytest.fixture(scope="module")
def neo4j_store(_neo4j_base, bundled_graph: PropertyGraph):  # type: ignore[no-untyped-def]
    """The shared Neo4j holding the bundled graph — reloaded when a test module (store tests,
    the killed-load test) has put something else there."""
    store, holder = _neo4j_base
    if store.version() != holder["version"] or sum(store.count_nodes().values()) != len(bundled_graph.nodes):
        store.replace_all(bundled_graph)
        holder["version"] = store.version()
    return store


@pytest.fixture(scope="module", params=["memory", "neo4j"])
def any_store(request: pytest.FixtureRequest, memory_store: MemoryStore):  # type: ignore[no-untyped-def]
    """The same tests on both stores: the parity the GraphStore seam promises."""
    if request.param == "memory":
        return memory_store
    return request.getfixturevalue("neo4j_store")
