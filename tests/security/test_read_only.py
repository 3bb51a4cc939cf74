"""The public API is read-only: the one write is the admin import, and every other path refuses every
write method without touching the graph. Cross-origin reads are off unless QINGDAN_CORS_ORIGINS says who."""
from __future__ import annotations

import re
from typing import Any, Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings

from .conftest import TOKEN
from .surface import ADMIN_WRITES, WRITE_METHODS, other_routes, routes

SAMPLE = {"item_id": "AUT-001", "code": "440513101210", "work": "村民委员会组织法", "version": "2018-12-29",
          "article": "24"}


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: SAMPLE.get(m.group(1), "x"), path)


def test_the_only_write_route_is_the_admin_import(make_app: Callable[..., FastAPI]) -> None:
    app = make_app(admin_token=TOKEN)
    writes = {(m, r.path) for r in routes(app) for m in r.methods & WRITE_METHODS}
    assert writes == set(ADMIN_WRITES)
    assert len([r for r in routes(app) if "GET" in r.methods]) >= 20  # the walk really found the routes


def test_write_methods_on_read_routes_are_refused_and_change_nothing(make_app: Callable[..., FastAPI],
                                                                     memory_store: Any) -> None:
    app = make_app(admin_token=TOKEN)
    client = TestClient(app, raise_server_exceptions=False)
    before = (memory_store.version(), memory_store.count_nodes(), memory_store.count_rels())
    paths = {concrete(r.path) for r in routes(app)} | {"/static/css/site.css", "/openapi.json", "/docs"}
    tried = 0
    for path in sorted(paths):
        for method in sorted(WRITE_METHODS):
            if (method, path) in ADMIN_WRITES:
                continue
            r = client.request(method, path, headers={"Authorization": f"Bearer {TOKEN}"}, content=b'{"x": 1}')
            tried += 1
            assert r.status_code in (404, 405), f"{method} {path} → {r.status_code}"
    assert tried >= 80
    assert (memory_store.version(), memory_store.count_nodes(), memory_store.count_rels()) == before
    others = other_routes(app)
    assert [p for p, methods in others if methods is None] == ["/static"]  # no other mount this walk would miss
    assert all(methods <= {"GET", "HEAD"} for _, methods in others if methods is not None)


def test_admin_import_takes_only_post(client: TestClient) -> None:
    for method in ("GET", "PUT", "PATCH", "DELETE"):
        assert client.request(method, "/admin/import").status_code == 405


# ── CORS ─────────────────────────────────────────────────────────────────────────────────────────

ORIGIN = "https://portal.example.gov.cn"


def _cors_headers(r: Any) -> dict[str, str]:
    return {k: v for k, v in r.headers.items() if k.lower().startswith("access-control-")}


def test_no_cors_headers_unless_origins_are_configured(monkeypatch: pytest.MonkeyPatch, memory_store: Any) -> None:
    monkeypatch.delenv("QINGDAN_CORS_ORIGINS", raising=False)
    client = TestClient(create_app(store=memory_store, settings=Settings()))
    r = client.get("/stats", headers={"Origin": ORIGIN})
    assert r.status_code == 200 and _cors_headers(r) == {}
    pre = client.options("/resolve", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"})
    assert _cors_headers(pre) == {}


def test_cors_allows_only_the_configured_origins_and_only_reads(monkeypatch: pytest.MonkeyPatch,
                                                                memory_store: Any) -> None:
    monkeypatch.setenv("QINGDAN_CORS_ORIGINS", f"{ORIGIN}, https://other.example")
    client = TestClient(create_app(store=memory_store, settings=Settings()))
    ok = client.get("/stats", headers={"Origin": ORIGIN})
    assert ok.headers.get("access-control-allow-origin") == ORIGIN
    assert ok.headers.get("access-control-allow-credentials") is None
    stranger = client.get("/stats", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in stranger.headers
    pre = client.options("/admin/import", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert "POST" not in pre.headers.get("access-control-allow-methods", "")
