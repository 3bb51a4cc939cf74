"""POST /admin/import: an official list uploaded by someone holding the admin token.

The public API is read-only; this one write needs `Authorization: Bearer <QINGDAN_ADMIN_TOKEN>`,
and with no token configured writes are off altogether. The token is checked and the size
limited before the upload is parsed, so a stranger cannot make the server spool large files.
"""
from __future__ import annotations

import hmac
import re
import tempfile
from pathlib import Path
from typing import Any, AsyncGenerator, Callable, Optional

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartParser
from starlette.requests import ClientDisconnect

from qingdan.errors import BadRequest, QingdanError, Unauthorized

MAX_UPLOAD = 5 * 1024 * 1024
MAX_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the small text fields


class TooLarge(QingdanError):
    http_status = 413


class ProblemOut(BaseModel):
    sheet: Optional[str] = Field(None, description="工作表名称（CSV 为文件名）；整个文件的问题为空")
    row: Optional[int] = Field(None, description="行号（与 Excel 中看到的一致）")
    column: Optional[str] = Field(None, description="列名（表头原文）")
    value: Optional[str] = Field(None, description="有问题的值")
    reason: str = Field(..., description="问题说明")


class ImportReportOut(BaseModel):
    file: str = Field(..., description="上传的文件名")
    rows_read: int = Field(..., description="读到的事项行数")
    rows_loaded: int = Field(..., description="已导入的事项数（未导入或仅校验时为 0）")
    problems: list[ProblemOut] = Field(..., description="全部问题；有问题时不导入任何内容（除非 skip_invalid）")
    warnings: list[ProblemOut] = Field(..., description="提示：不影响导入，但值得核对（如空工作表、被跳过的行）")
    skipped: list[dict[str, Any]] = Field(..., description="skip_invalid 时跳过的行")
    versions: list[dict[str, Any]] = Field(..., description="每个工作表成为的清单版本")
    closed: list[dict[str, Any]] = Field(..., description="被新版本截止的旧版本（仍可按日期查询）")
    dry_run: bool
    valid: bool = Field(..., description="是否通过全部校验（含整个图谱的 SHACL 校验）")
    loaded: bool = Field(..., description="是否已导入并重新加载图谱")
    replaced: bool = Field(..., description="是否替换了同一施行日期的原版本（须 replace=true）")
    replaced_versions: list[dict[str, Any]] = Field(..., description="被替换的原版本（编号、施行日期、所在位置）")
    place: Optional[dict[str, str]] = Field(None, description="清单所属区县或镇街（place 字段给出，或从标题识别）")
    folder: Optional[str] = Field(None, description="导入目录名（imports/ 下）")


FORM_DOC = {
    "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["file", "version_date"],
        "properties": {
            "file": {"type": "string", "format": "binary", "description": "官方清单文件（.xlsx 或 .csv，最大 5 MB）"},
            "version_date": {"type": "string", "description": "这一版清单的施行日期 YYYY-MM-DD"},
            "kind": {"type": "string", "description": "清单种类（不填则按工作表名判断）"},
            "issuer": {"type": "string", "description": "发文机关"},
            "doc_no": {"type": "string", "description": "文号"},
            "list": {"type": "array", "items": {"type": "string"}, "description": "导入到哪个清单（编号，可多个）"},
            "dry_run": {"type": "boolean", "description": "只校验，不导入"},
            "skip_invalid": {"type": "boolean", "description": "跳过有问题的行，导入其余的行"},
            "replace": {"type": "boolean", "description": "同一清单已有同一施行日期的版本时，以本文件替换该版本"},
            "place": {"type": "string", "description": "清单所属区县或镇街（区划代码或名称）；不填则从标题识别"}}}}}}}


def check_token(request: Request) -> None:
    token = getattr(request.app.state.settings, "admin_token", None)
    if not token:
        raise Unauthorized("服务器未配置管理令牌（QINGDAN_ADMIN_TOKEN），写操作已关闭")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise Unauthorized("管理令牌无效：请在请求头中提供 Authorization: Bearer <令牌>")


async def _body(request: Request) -> bytes:
    """The request body, refused as soon as it is larger than an upload may be."""
    too_big = TooLarge(f"上传文件过大：最大 {MAX_UPLOAD // (1024 * 1024)} MB，请拆分后分别导入")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_UPLOAD + MAX_FORM_OVERHEAD:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_UPLOAD + MAX_FORM_OVERHEAD:
                raise too_big
            chunks.append(chunk)
    except ClientDisconnect as exc:
        raise BadRequest("上传中断") from exc
    return b"".join(chunks)


async def _once(data: bytes) -> AsyncGenerator[bytes, None]:
    yield data


def _flag(value: Any) -> bool:
    return str(value or "").strip().lower() in ("1", "true", "yes", "on", "是")


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[\x00-\x1f]", "", base)[:120] or "upload"


def register(app: FastAPI, get_store: Callable[..., Any]) -> None:
    """The store is reloaded from the newly validated graph after a successful import."""

    @app.post("/admin/import", tags=["管理"], summary="导入官方清单（需要管理令牌）", response_model=ImportReportOut,
              openapi_extra=FORM_DOC,
              responses={401: {"description": "缺少或错误的管理令牌，或服务器未配置令牌"},
                         413: {"description": "上传文件超过 5 MB"},
                         422: {"description": "文件有问题，未导入任何内容；返回与成功时相同结构的报告"}},
              description="上传官方发布的清单（Excel .xlsx 或 CSV），表单字段：file、version_date（施行日期，必填）、kind、issuer、doc_no、"
                          "list、dry_run、skip_invalid、replace、place。逐行核对事项名称、序号、责任主体和法律依据（按施行日期选取当时施行的法规版本），"
                          "整个图谱通过 SHACL 校验后才生效；同一清单的旧版本截止到新版本施行的前一日，仍可按日期查询；"
                          "同一施行日期已有版本时，须 replace=true 才替换。"
                          "请求头须带 Authorization: Bearer <QINGDAN_ADMIN_TOKEN>；服务器未配置令牌时一律拒绝。")
    async def admin_import(request: Request) -> Any:
        check_token(request)
        body = await _body(request)
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise BadRequest("请以 multipart/form-data 上传文件（字段 file）")
        try:
            form = await MultiPartParser(request.headers, _once(body), max_files=1, max_fields=20).parse()
        except Exception as exc:  # the multipart parser has its own error types; all mean a malformed upload
            raise BadRequest(f"上传内容无法解析：{exc}") from exc
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise BadRequest("缺少上传的文件（表单字段 file）")
        name = _safe_name(upload.filename or "upload")
        data = await upload.read()
        if len(data) > MAX_UPLOAD:
            raise TooLarge(f"上传文件过大：最大 {MAX_UPLOAD // (1024 * 1024)} MB，请拆分后分别导入")
        with tempfile.TemporaryDirectory(prefix="qingdan-upload-") as tmp:
            path = Path(tmp) / f"upload{Path(name).suffix.lower()}"
            path.write_bytes(data)
            report = await run_in_threadpool(_import, path, name, form, request.app.state.settings)
        if report.loaded and report.built is not None:
            await run_in_threadpool(_reload, request, get_store, report.built.graph)
        out = report.to_dict()
        ok = report.loaded or (report.dry_run and report.valid)
        return out if ok else JSONResponse(out, status_code=422)


def _import(path: Path, name: str, form: Any, settings: Any) -> Any:
    from qingdan.loaders.importer import ImportRequest, run_import

    def text(key: str) -> str | None:
        v = form.get(key)
        return v.strip() if isinstance(v, str) and v.strip() else None

    req = ImportRequest(file=path, name=name, version_date=text("version_date"), kind=text("kind"),
                        issuer=text("issuer"), doc_no=text("doc_no"),
                        lists=tuple(v.strip() for v in form.getlist("list") if isinstance(v, str) and v.strip()),
                        dry_run=_flag(form.get("dry_run")), skip_invalid=_flag(form.get("skip_invalid")),
                        replace=_flag(form.get("replace")), place=text("place"),
                        national=bool(getattr(settings, "national", False)), places=tuple(getattr(settings, "places", ())))
    return run_import(req)


def _reload(request: Request, get_store: Callable[..., Any], graph: Any) -> None:
    # the import built the graph for the places the server serves (ImportRequest.national / places)
    store = get_store(request)
    store.replace_all(graph)
    request.app.state.resolver = None  # answers are rebuilt from the new graph
