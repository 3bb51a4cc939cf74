"""Apps built the way the tests need them: a plain read-only one, one with an admin token, one with CORS."""
from __future__ import annotations

from typing import Any, Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from qingdan.api.app import create_app
from qingdan.api.settings import Settings

TOKEN = "adm-7Qx-very-secret-token-42"


def with_import_route(app: FastAPI) -> FastAPI:
    """The import route, also where create_app does not register it yet."""
    if not any(getattr(r, "path", None) == "/admin/import" for r in app.routes):
        from qingdan.api.routes_import import register

        register(app, app.state.get_store)
    return app


@pytest.fixture()
def make_app(memory_store: Any) -> Callable[..., FastAPI]:
    def make(store: Any = None, **settings: Any) -> FastAPI:
        base: dict[str, Any] = {"admin_token": None, "cors_origins": ()}
        return with_import_route(create_app(store=store or memory_store, settings=Settings(**{**base, **settings})))
    return make


@pytest.fixture()
def client(make_app: Callable[..., FastAPI]) -> TestClient:
    return TestClient(make_app(), raise_server_exceptions=False)
