"""The one place where the error tree becomes HTTP."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from qingdan.errors import DataError, QingdanError, StoreUnavailable

from .params import CODE_PATTERN, DATE_PATTERN


def install(app: FastAPI) -> None:
    @app.exception_handler(QingdanError)
    async def _qingdan(_: Request, exc: QingdanError) -> JSONResponse:
        body: dict[str, object] = {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}
        if isinstance(exc, DataError):
            body["problems"] = [p.__dict__ for p in exc.problems]
        headers = {"Retry-After": "1"} if isinstance(exc, StoreUnavailable) else None
        return JSONResponse(body, status_code=exc.http_status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"field": ".".join(str(x) for x in e.get("loc", [])), "message": e.get("msg")} for e in exc.errors()]
        said = list(dict.fromkeys(_say(e) for e in exc.errors()))
        return JSONResponse({"error": "BadRequest", "message": "请求参数有误：" + "；".join(said), "details": details},
                            status_code=422)


def _say(error: dict[str, Any]) -> str:
    """One validation error in words a caller can act on (pydantic's own are English)."""
    loc = error.get("loc") or ()
    name = str(loc[-1]) if loc else "参数"
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return f"缺少必填参数 {name}"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == DATE_PATTERN:
        return f"{name} 应为日期，格式 YYYY-MM-DD"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == CODE_PATTERN:
        return f"{name} 应为 12 位数字的统计用区划代码"
    if kind == "string_too_short":
        return f"{name} 至少 {ctx.get('min_length')} 个字符"
    if kind == "string_too_long":
        return f"{name} 最多 {ctx.get('max_length')} 个字符"
    if kind.startswith("int_") or kind.startswith("greater_than") or kind.startswith("less_than"):
        bounds = "、".join(f"{k} {v}" for k, v in ctx.items() if k in ("ge", "le", "gt", "lt"))
        return f"{name} 应为整数" + (f"（{bounds}）" if bounds else "")
    if kind.startswith("bool"):
        return f"{name} 应为 true 或 false"
    return f"{name} 不符合要求"
