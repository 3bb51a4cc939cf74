"""The one place where the error tree becomes HTTP."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from qingdan.errors import DataError, QingdanError


def install(app: FastAPI) -> None:
    @app.exception_handler(QingdanError)
    async def _qingdan(_: Request, exc: QingdanError) -> JSONResponse:
        body: dict[str, object] = {"error": type(exc).__name__, "message": str(exc).split("\n")[0]}
        if isinstance(exc, DataError):
            body["problems"] = [p.__dict__ for p in exc.problems]
        return JSONResponse(body, status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"field": ".".join(str(x) for x in e.get("loc", [])), "message": e.get("msg")} for e in exc.errors()]
        return JSONResponse({"error": "BadRequest", "message": "请求参数有误", "details": details}, status_code=422)
