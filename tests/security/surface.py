"""The app's whole HTTP surface as a list, so the fuzz and security tests cover every route that exists
— including ones added later — instead of a hand-kept list that goes stale."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, get_args

from fastapi import FastAPI
from fastapi.routing import APIRoute

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ADMIN_WRITES = frozenset({("POST", "/admin/import")})  # the one write, behind QINGDAN_ADMIN_TOKEN


@dataclass(frozen=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    query: tuple[str, ...]  # query parameter names
    path_params: tuple[str, ...]
    int_params: frozenset[str]  # parameters declared as integers (text would only be a 422)
    in_schema: bool


def _walk(routes: Iterable[Any]) -> Iterable[Any]:
    for r in routes:
        inner = getattr(r, "original_router", None) or getattr(r, "router", None)
        if inner is not None and not hasattr(r, "path"):  # an included router (starlette ≥ 1.x keeps it whole)
            yield from _walk(inner.routes)
        else:
            yield r


def routes(app: FastAPI) -> list[RouteInfo]:
    out = []
    for r in _walk(app.routes):
        if not isinstance(r, APIRoute):
            continue
        dep = r.dependant
        ints = frozenset(p.name for p in [*dep.query_params, *dep.path_params] if _is_int(p.field_info.annotation))
        out.append(RouteInfo(r.path, frozenset(r.methods or ()), tuple(p.name for p in dep.query_params),
                             tuple(p.name for p in dep.path_params), ints, bool(r.include_in_schema)))
    return out


def _is_int(annotation: Any) -> bool:
    return annotation is int or set(get_args(annotation)) == {int, type(None)}


def other_routes(app: FastAPI) -> list[tuple[str, frozenset[str] | None]]:
    """Routes that are not API routes (the docs pages, mounts): path and methods (None for a mount)."""
    return [(r.path, frozenset(r.methods) if getattr(r, "methods", None) else None)
            for r in _walk(app.routes) if not isinstance(r, APIRoute) and hasattr(r, "path")]
