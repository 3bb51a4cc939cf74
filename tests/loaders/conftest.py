"""Importing: an imports directory of its own for each test, beside the small test catalog and laws."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_catalog: Path, mini_laws: Path) -> SimpleNamespace:
    imports = tmp_path / "imports"
    monkeypatch.setenv("QINGDAN_IMPORTS", str(imports))
    return SimpleNamespace(catalog=mini_catalog, laws=mini_laws, imports=imports, tmp=tmp_path)
