"""The admin token and the Neo4j password never show up in a log line, an error message or a response —
not when they are right, not when they are wrong, not when the database is away. Every logger is
captured at DEBUG (the Neo4j driver logs its whole Bolt conversation there)."""
from __future__ import annotations

import logging
import socket
from typing import Any, Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from qingdan.errors import StoreUnavailable
from qingdan.queries.stores.neo4j_store import Neo4jStore

from .conftest import TOKEN

PASSWORD = "pw-Zq81-do-not-log-me"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture()
def everything(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    for name in ("neo4j", "neo4j.io", "neo4j.pool", "uvicorn", "uvicorn.access", "uvicorn.error", "fastapi", "qingdan"):
        caplog.set_level(logging.DEBUG, logger=name)  # restored after the test
    return caplog


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_admin_token_is_never_logged_nor_echoed(make_app: Callable[..., FastAPI], everything: Any,
                                                    tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGDAN_IMPORTS", str(tmp_path / "imports"))
    client = TestClient(make_app(admin_token=TOKEN), raise_server_exceptions=False)
    wrong = TOKEN[::-1]
    bodies = []
    for header in (f"Bearer {TOKEN}", f"Bearer {wrong}", f"Basic {TOKEN}", TOKEN):
        r = client.post("/admin/import", headers={"Authorization": header},
                        data={"version_date": "2024-05-01", "dry_run": "true"},
                        files={"file": ("清单.csv", "序号,事项名称\n1,调解民间纠纷\n".encode(), "text/csv")})
        bodies.append(r.text)
        assert r.status_code in (200, 401, 422)
    r = client.get("/health", headers={"Authorization": f"Bearer {TOKEN}"})
    bodies.append(r.text)
    assert everything.records, "nothing was captured: the test would prove nothing"
    for secret in (TOKEN, wrong):
        assert secret not in everything.text
        assert not any(secret in b for b in bodies)


def test_the_neo4j_password_is_not_logged_when_the_server_is_away(everything: Any) -> None:
    store = Neo4jStore(uri=f"bolt://127.0.0.1:{dead_port()}", password=PASSWORD, connection_timeout=1.0,
                       max_retry_time=0.5)
    try:
        with pytest.raises(StoreUnavailable) as exc:
            store.ping()
    finally:
        store.close()
    assert "Neo4j" in str(exc.value)
    assert PASSWORD not in str(exc.value) and PASSWORD not in repr(exc.value.__cause__)
    assert PASSWORD not in everything.text


def test_the_neo4j_password_is_not_logged_while_talking_to_a_real_server(neo4j_store: Neo4jStore,
                                                                         everything: Any) -> None:
    """The real server of the suite (a missing one fails under CI=true, like every Neo4j test)."""
    store = Neo4jStore(uri=neo4j_store.uri, database=neo4j_store.database, password=PASSWORD,
                       connection_timeout=2.0, max_retry_time=1.0)
    try:
        try:
            store.ping()  # a server without auth accepts any password; one with auth refuses this one
        except StoreUnavailable as exc:
            assert PASSWORD not in str(exc)
    finally:
        store.close()
    assert any(r.name.startswith("neo4j") for r in everything.records), "the driver's Bolt log was not captured"
    assert PASSWORD not in everything.text


def test_the_cli_does_not_print_the_password(monkeypatch: pytest.MonkeyPatch, everything: Any) -> None:
    from qingdan.api.cli import app

    monkeypatch.setenv("QINGDAN_NEO4J_URI", f"bolt://127.0.0.1:{dead_port()}")
    monkeypatch.setenv("QINGDAN_NEO4J_PASSWORD", PASSWORD)
    monkeypatch.setenv("QINGDAN_ADMIN_TOKEN", TOKEN)
    r = CliRunner().invoke(app, ["stats", "--store", "neo4j"])
    assert r.exit_code == 2 and "Neo4j" in r.output
    assert PASSWORD not in r.output and TOKEN not in r.output
    assert PASSWORD not in everything.text
