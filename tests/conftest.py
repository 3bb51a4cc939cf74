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
