"""Importing as an administrator does it: POST /admin/import behind the token, and the `qingdan import`,
`template` and `diff` commands."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import openpyxl
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import qingdan.api.cli_import  # noqa: F401  (registers import / template / diff / imports)
from qingdan import paths
from qingdan.api.app import create_app
from qingdan.api.cli import app as cli_app
from qingdan.api.routes_import import MAX_UPLOAD, register
from qingdan.api.settings import Settings
from qingdan.loaders.pipeline import build
from qingdan.queries.stores.base import PropertyGraph
from qingdan.queries.stores.memory import MemoryStore

TOKEN = "s3cret-token-for-tests"
ORG = "《中华人民共和国村民委员会组织法》"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "群众自治工作职责事项"
    for row in [["序号", "事项名称", "法律依据", "责任主体"], *rows]:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [[1, "讨论决定本村宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村委会"],
        [2, "调解民间纠纷", f"{ORG}第二条第二款", "村民委员会"]]


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_catalog: Path, mini_laws: Path) -> SimpleNamespace:
    """A district's own data folder (QINGDAN_DATA) holding the small catalog; imports land beside it."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copytree(mini_catalog, root / "catalog")
    (root / "laws").symlink_to(mini_laws.resolve())
    (root / "divisions").symlink_to((paths.REPO / "data" / "divisions").resolve())
    monkeypatch.setenv("QINGDAN_DATA", str(root))
    for var in ("QINGDAN_IMPORTS", "QINGDAN_LAWS"):
        monkeypatch.delenv(var, raising=False)
    return SimpleNamespace(root=root, imports=root / "imports", tmp=tmp_path,
                           good=workbook(tmp_path / "目录.xlsx", GOOD))


@pytest.fixture(scope="module")
def mini_graph() -> PropertyGraph:
    fixtures = Path(__file__).parent.parent / "fixtures"
    return build(catalog_dir=fixtures / "mini_catalog", laws_dir=fixtures / "mini_laws").graph


@pytest.fixture()
def make_client(data: SimpleNamespace, mini_graph: PropertyGraph) -> Callable[[str | None], tuple[TestClient, MemoryStore]]:
    """An app serving the small catalog as loaded before any import, with the given admin token."""
    def make(token: str | None) -> tuple[TestClient, MemoryStore]:
        return _client(token, mini_graph)
    return make


def _client(token: str | None, graph: PropertyGraph) -> tuple[TestClient, MemoryStore]:
    store = MemoryStore()
    store.replace_all(graph)
    app = create_app(store=store, settings=Settings(admin_token=token))
    if not any(getattr(r, "path", None) == "/admin/import" for r in app.routes):
        register(app, app.state.get_store)  # until the maintainer registers the route in create_app
    return TestClient(app), store


def post(client: TestClient, path: Path, token: str | None = TOKEN, **fields: str) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = {"version_date": "2024-05-01", **fields}
    with path.open("rb") as fh:
        return client.post("/admin/import", headers=headers, data=data, files={"file": (path.name, fh, XLSX)})


def test_no_token_configured_means_writes_are_off(data, make_client):
    client, _ = make_client(None)
    r = post(client, data.good)
    assert r.status_code == 401
    assert "未配置管理令牌" in r.json()["message"]
    assert not data.imports.exists()


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}])
def test_missing_or_wrong_token_is_refused(data, headers, make_client):
    client, store = make_client(TOKEN)
    with data.good.open("rb") as fh:
        r = client.post("/admin/import", headers=headers, data={"version_date": "2024-05-01"},
                        files={"file": (data.good.name, fh, XLSX)})
    assert r.status_code == 401 and "管理令牌无效" in r.json()["message"]
    assert store.node("item/T-AUT-2024-05-01-001") is None and not data.imports.exists()


def test_right_token_imports_and_reloads_the_store(data, make_client):
    client, store = make_client(TOKEN)
    dry = post(client, data.good, dry_run="true")
    assert dry.status_code == 200 and dry.json()["valid"] and not dry.json()["loaded"]
    assert store.node("item/T-AUT-2024-05-01-001") is None
    r = post(client, data.good, issuer="汕头市龙湖区人民政府")
    assert r.status_code == 200, r.json()
    body = r.json()
    assert (body["rows_read"], body["rows_loaded"], body["problems"], body["loaded"]) == (2, 2, [], True)
    assert [p.name for p in data.imports.iterdir() if not p.name.startswith(".")] == ["T-AUT-2024-05-01"]
    item = client.get("/items/T-AUT-2024-05-01-001")
    assert item.status_code == 200 and "讨论决定本村宅基地使用方案" in item.text
    assert store.node("version/T-AUT-1").get("in_force_to") == "2024-04-30"
    assert store.node("version/T-AUT-2024-05-01").get("issuer") == "汕头市龙湖区人民政府"


def test_a_bad_file_returns_the_report_and_loads_nothing(data, make_client):
    client, store = make_client(TOKEN)
    bad = workbook(data.tmp / "bad.xlsx", [*GOOD, [3, None, f"{ORG}第二条", "村民委员会"]])
    r = post(client, bad)
    assert r.status_code == 422
    body = r.json()
    assert body["problems"] == [{"sheet": "群众自治工作职责事项", "row": 4, "column": "事项名称", "value": None,
                                 "reason": "缺少事项名称"}]
    assert (body["rows_read"], body["rows_loaded"], body["loaded"]) == (3, 0, False)
    assert store.node("item/T-AUT-2024-05-01-001") is None
    fake = data.tmp / "fake.xlsx"
    fake.write_text("序号,事项名称\n1,调解\n", "utf-8")
    r = post(client, fake)
    assert r.status_code == 422 and len(r.json()["problems"]) == 1


def test_upload_size_and_row_limits(data, make_client):
    client, _ = make_client(TOKEN)
    big = data.tmp / "big.csv"
    big.write_bytes(b"x" * (MAX_UPLOAD + 1))
    r = post(client, big)
    assert r.status_code == 413 and "上传文件过大：最大 5 MB" in r.json()["message"]
    many = data.tmp / "many.csv"
    many.write_text("序号,事项名称\n" + "".join(f"{i},事项{i}\n" for i in range(1, 5100)), "utf-8")
    r = post(client, many, kind="autonomy")
    assert r.status_code == 422
    assert [p["reason"] for p in r.json()["problems"]] == ["行数超过上限（每个工作表最多 5000 行），请分文件导入"]


def test_the_route_is_documented_for_administrators(data, make_client):
    client, _ = make_client(TOKEN)
    op = client.get("/openapi.json").json()["paths"]["/admin/import"]["post"]
    assert "管理令牌" in op["summary"] and "Authorization: Bearer" in op["description"]
    assert "file" in op["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]


# ── the commands ────────────────────────────────────────────────────────────────────────────────

runner = CliRunner()


def cli(*args: str) -> Any:
    return runner.invoke(cli_app, list(args))


def test_cli_import_json_and_exit_codes(data):
    catalog = str(data.root / "catalog")
    bad = workbook(data.tmp / "bad.xlsx", [[1, "调解民间纠纷", f"{ORG}第九十九条", "村民委员会"]])
    r = cli("import", str(bad), "--version-date", "2024-05-01", "--catalog", catalog, "--json")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert {"rows_read", "rows_loaded", "problems", "warnings", "replaced_versions", "place"} <= set(out)
    assert out["problems"] == [{"sheet": "群众自治工作职责事项", "row": 2, "column": "法律依据", "value": f"{ORG}第九十九条",
                                "reason": "《村民委员会组织法》第九十九条：《村民委员会组织法》2018-12-29版只有41条"
                                          "（清单施行日 2024-05-01 适用 2018-12-29 版）"}]
    r = cli("import", str(data.good), "--version-date", "2024-05-01", "--catalog", catalog, "--place", "龙湖区")
    assert r.exit_code == 0, r.output
    assert "清单所属地区：龙湖区（440507）" in r.stdout
    assert "已导入 2 项" in r.stdout and "原版本 T-AUT-1 施行至 2024-04-30" in r.stdout
    r = cli("imports", "--catalog", catalog, "--json")
    assert [m["folder"] for m in json.loads(r.stdout)["imports"]] == ["T-AUT-2024-05-01"]


def test_cli_import_again_needs_replace(data):
    catalog = str(data.root / "catalog")
    assert cli("import", str(data.good), "--version-date", "2024-05-01", "--catalog", catalog).exit_code == 0
    r = cli("import", str(data.good), "--version-date", "2024-05-01", "--catalog", catalog)
    assert r.exit_code == 1
    flat = "".join(r.stdout.split())  # the table wraps long reasons
    assert "T-AUT-2024-05-01" in flat and "--replace" in flat and "未导入任何内容" in flat
    r = cli("import", str(data.good), "--version-date", "2024-05-01", "--catalog", catalog, "--replace")
    assert r.exit_code == 0, r.output
    assert "已替换版本 T-AUT-2024-05-01（自 2024-05-01 施行" in r.stdout and "替换了同一施行日期的原版本" in r.stdout


def test_the_route_replaces_only_when_asked(data, make_client):
    client, store = make_client(TOKEN)
    assert post(client, data.good).status_code == 200
    again = post(client, data.good)
    assert again.status_code == 422
    assert "replace=true" in again.json()["problems"][0]["reason"]
    r = post(client, data.good, replace="true")
    assert r.status_code == 200 and r.json()["replaced"]
    assert [v["version_id"] for v in r.json()["replaced_versions"]] == ["T-AUT-2024-05-01"]


def test_cli_template_then_diff(data):
    catalog = str(data.root / "catalog")
    out = data.tmp / "模板.xlsx"
    r = cli("template", "--out", str(out))
    assert r.exit_code == 0 and out.exists()
    assert cli("import", str(out), "--version-date", "2024-05-01", "--catalog", catalog, "--dry-run").exit_code == 0
    assert cli("import", str(data.good), "--version-date", "2024-05-01", "--catalog", catalog).exit_code == 0
    newer = workbook(data.tmp / "新.xlsx", [GOOD[0], [2, "组织开展爱国卫生运动", None, "村民委员会"]])
    assert cli("import", str(newer), "--version-date", "2025-03-01", "--catalog", catalog).exit_code == 0
    r = cli("diff", "T-AUT", "2024-06-01", "2025-06-01", "--catalog", catalog)
    assert r.exit_code == 0, r.output
    assert "+ 新增 2 组织开展爱国卫生运动" in r.stdout and "- 删除 2 调解民间纠纷" in r.stdout
    assert "新增 1 项，删除 1 项，修改 0 项，未变 1 项。" in r.stdout
    r = cli("diff", "T-AUT", "2019-01-01", "2025-06-01", "--catalog", catalog)
    assert r.exit_code == 2 and "清单 T-AUT 没有版本 2019-01-01" in r.output and "Traceback" not in r.output
