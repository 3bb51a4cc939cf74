"""The one write — POST /admin/import — behind QINGDAN_ADMIN_TOKEN: compared in constant time, checked
before the body is read, the upload bounded in bytes and rows, hostile workbooks refused quickly and
without a 500, and nothing written anywhere unless the whole import succeeds."""
from __future__ import annotations

import inspect
import io
import re
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterator

import openpyxl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from qingdan import paths
from qingdan.api import routes_import
from qingdan.api.routes_import import MAX_UPLOAD
from qingdan.loaders.importer import MAX_ROWS
from qingdan.queries.stores.base import PropertyGraph
from qingdan.queries.stores.memory import MemoryStore

from .conftest import TOKEN

FIXTURES = Path(__file__).parent.parent / "fixtures"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ORG = "《中华人民共和国村民委员会组织法》"


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A district's own QINGDAN_DATA holding the small catalog, so an import never lands in the repo."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copytree(FIXTURES / "mini_catalog", root / "catalog")
    (root / "laws").symlink_to((FIXTURES / "mini_laws").resolve())
    (root / "divisions").symlink_to((paths.REPO / "data" / "divisions").resolve())
    monkeypatch.setenv("QINGDAN_DATA", str(root))
    for var in ("QINGDAN_IMPORTS", "QINGDAN_LAWS"):
        monkeypatch.delenv(var, raising=False)
    return root


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def workbook(rows: list[list[Any]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "群众自治工作职责事项"
    for row in [["序号", "事项名称", "法律依据", "责任主体"], *rows]:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def upload(client: TestClient, content: bytes, name: str = "清单.xlsx", token: str | None = TOKEN,
           **fields: str) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.post("/admin/import", headers=headers, data={"version_date": "2024-05-01", **fields},
                       files={"file": (name, content, XLSX)})


@pytest.fixture()
def admin(make_app: Callable[..., FastAPI], bundled_graph: PropertyGraph) -> TestClient:
    # a store of its own: an import that succeeds reloads the app's store with the district's small
    # catalog, which must not become the graph every later test module reads
    store = MemoryStore()
    store.replace_all(bundled_graph)
    return TestClient(make_app(store, admin_token=TOKEN), raise_server_exceptions=False)


# ── the token ────────────────────────────────────────────────────────────────────────────────────

def test_the_token_is_compared_in_constant_time(admin: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = routes_import.hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(routes_import.hmac, "compare_digest", spy)
    assert upload(admin, b"", token="guess").status_code == 401
    assert calls and {TOKEN.encode(), b"guess"} == {calls[0][0], calls[0][1]}
    source = inspect.getsource(routes_import.check_token)
    assert not re.search(r"==\s*token|token\s*==|!=\s*token|token\s*!=", source), "the token must never meet =="


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN[:-1]}",
                                    f"Bearer {TOKEN}x", f"Bearer {TOKEN.upper()}", f"Bearer  {TOKEN[1:]}",
                                    f"Bearer {TOKEN[:8]}"])
def test_missing_or_wrong_token_is_401_and_writes_nothing(make_app: Callable[..., FastAPI], data_dir: Path,
                                                          header: str | None) -> None:
    client = TestClient(make_app(admin_token=TOKEN), raise_server_exceptions=False)
    before = files_under(data_dir)
    good = workbook([[1, "调解民间纠纷", f"{ORG}第二条第二款", "村民委员会"]])
    headers = {} if header is None else {"Authorization": header}
    r = client.post("/admin/import", headers=headers, data={"version_date": "2024-05-01"},
                    files={"file": ("清单.xlsx", good, XLSX)})
    assert r.status_code == 401 and "令牌" in r.json()["message"]
    assert TOKEN not in r.text
    assert files_under(data_dir) == before


def test_with_no_token_configured_writes_are_off(client: TestClient) -> None:
    for header in ("Bearer ", "Bearer None", "Bearer null"):
        r = client.post("/admin/import", headers={"Authorization": header}, files={"file": ("a.csv", b"x", "text/csv")})
        assert r.status_code == 401 and "未配置管理令牌" in r.json()["message"]


def test_the_token_is_checked_before_the_body_is_read(admin: TestClient) -> None:
    """A stranger cannot make the server spool megabytes: 401 (not 413) for 16 MB sent without a token."""
    def body() -> Iterator[bytes]:
        for _ in range(64):
            yield b"x" * (256 * 1024)

    t = time.perf_counter()
    r = admin.post("/admin/import", headers={"Authorization": "Bearer nope", "Content-Type": "multipart/form-data; boundary=b"},
                   content=body())
    assert r.status_code == 401
    assert time.perf_counter() - t < 5


# ── size and row limits ──────────────────────────────────────────────────────────────────────────

def test_an_upload_over_the_limit_is_413_declared_or_streamed(admin: TestClient, data_dir: Path) -> None:
    before = files_under(data_dir)
    big = b"PK" + b"\0" * (MAX_UPLOAD + 1)
    r = upload(admin, big)
    assert r.status_code == 413 and "上传文件过大" in r.json()["message"]

    def chunked() -> Iterator[bytes]:  # no Content-Length: the limit must hold while reading
        for _ in range(MAX_UPLOAD // (512 * 1024) + 4):
            yield b"y" * (512 * 1024)

    r = admin.post("/admin/import", headers={"Authorization": f"Bearer {TOKEN}",
                                             "Content-Type": "multipart/form-data; boundary=b"}, content=chunked())
    assert r.status_code == 413
    assert files_under(data_dir) == before


def test_a_sheet_over_the_row_limit_is_refused_whole(admin: TestClient, data_dir: Path) -> None:
    before = files_under(data_dir)
    rows = [[i, f"事项{i}", f"{ORG}第二条第二款", "村民委员会"] for i in range(1, MAX_ROWS + 50)]
    t = time.perf_counter()
    r = upload(admin, workbook(rows))
    assert time.perf_counter() - t < 15
    assert r.status_code == 422
    assert [p["reason"] for p in r.json()["problems"]] == [f"行数超过上限（每个工作表最多 {MAX_ROWS} 行），请分文件导入"]
    assert files_under(data_dir) == before


def test_a_file_name_cannot_steer_where_the_import_is_written(admin: TestClient, data_dir: Path) -> None:
    good = workbook([[1, "调解民间纠纷", f"{ORG}第二条第二款", "村民委员会"]])
    outside = data_dir.parent / "evil.xlsx"
    r = upload(admin, good, name="../../../" + outside.name)
    assert r.status_code == 200, r.text
    assert not outside.exists()
    new = files_under(data_dir) - {f"catalog/{p.name}" for p in (FIXTURES / "mini_catalog").iterdir()}
    assert new and all(f.startswith("imports/") for f in new), new
    assert r.json()["file"] == outside.name


# ── hostile workbooks ────────────────────────────────────────────────────────────────────────────

def _damaged() -> bytes:
    good = workbook([[1, "调解民间纠纷", f"{ORG}第二条第二款", "村民委员会"]])
    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info.filename, b"<worksheet><sheetData><row>" if info.filename == "xl/worksheets/sheet1.xml"
                       else src.read(info.filename))
    return out.getvalue()


def test_a_workbook_with_broken_xml_is_422_not_500(admin: TestClient, data_dir: Path) -> None:
    r = upload(admin, _damaged())
    assert r.status_code == 422, r.status_code
    assert r.json()["problems"]


def zip_bomb(path: Path, rows: int, cols: int) -> Path:
    """A valid .xlsx whose sheet inflates to rows × cols cells: a few hundred KB sent, ~80 MB of XML once
    inflated (a real bomb under the 5 MB limit would be ~40 times larger)."""
    base = zipfile.ZipFile(io.BytesIO(workbook([])))
    row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * cols + b"</row>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info, base.read(info.filename))
                continue
            with z.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main"><sheetData>')
                block = row * 1000
                for _ in range(rows // 1000):
                    fh.write(block)
                fh.write(b"</sheetData></worksheet>")
    return path


BOMB_SECONDS = 4.0


def test_a_zip_bomb_is_refused_within_seconds(tmp_path: Path) -> None:
    """Through run_import (what the route calls), in a child process so a slow read cannot stall the suite."""
    bomb = zip_bomb(tmp_path / "清单.xlsx", rows=40_000, cols=50)
    assert bomb.stat().st_size < 1024 * 1024
    shutil.copytree(FIXTURES / "mini_catalog", tmp_path / "catalog")
    code = textwrap.dedent(f"""
        from pathlib import Path
        from qingdan.loaders.importer import ImportRequest, run_import
        r = run_import(ImportRequest(Path({str(bomb)!r}), "清单.xlsx", "2024-05-01", dry_run=True),
                       catalog_dir=Path({str(tmp_path / 'catalog')!r}), laws_dir=Path({str(FIXTURES / 'mini_laws')!r}))
        print(len(r.problems), r.valid)
    """)
    t = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=BOMB_SECONDS + 2)
    except subprocess.TimeoutExpired:
        pytest.fail(f"a {bomb.stat().st_size // 1024} KB zip bomb was still being read after {BOMB_SECONDS + 2:.0f} s")
    assert done.returncode == 0, done.stderr[-500:]
    problems, valid = done.stdout.split()
    assert int(problems) >= 1 and valid == "False"
    assert time.perf_counter() - t < BOMB_SECONDS
