"""Two official versions of one list: what was added, removed and changed, and which one answers on a date."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import openpyxl
import pytest

from qingdan.errors import BadRequest, NotFound
from qingdan.loaders.importer import ImportRequest, run_import
from qingdan.loaders.pipeline import build
from qingdan.queries.diff import diff_versions
from qingdan.queries.resolve import Resolver
from qingdan.queries.stores.memory import MemoryStore

FIXTURES = Path(__file__).parent.parent / "fixtures"
ORG = "《中华人民共和国村民委员会组织法》"
KEY = "村民委员会组织法@2018-12-29"
HEADER = ["序号", "事项名称", "法律依据", "责任主体", "配合单位"]
V1 = [
    [1, "讨论决定本村宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村民委员会", "村民会议"],
    [2, "确定误工补贴人员及标准", f"{ORG}第二十四条第一款第（一）项", "村民委员会", None],
    [3, "调解民间纠纷", f"{ORG}第二条第二款", "村民委员会", None],
    [4, "组织开展爱国卫生运动", None, "村民委员会", None],
    [5, "讨论决定土地承包经营方案", f"{ORG}第二十四条第一款第（四）项", "村民委员会", None],
]
V2 = [
    [1, "讨论决定本村宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村民委员会", "村民代表会议"],
    [2, "确定本村误工补贴人员及补贴标准", f"{ORG}第二十四条第一款第（一）项", "村民委员会", None],
    [3, "调解民间纠纷", f"{ORG}第二条第二款、第八条第二款", "村民委员会", None],
    [4, "管理本村集体财产", f"{ORG}第八条第二款", "村民委员会", None],
    [5, "讨论决定土地承包经营方案", f"{ORG}第二十四条第一款第（四）项", "村民委员会", None],
]


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "群众自治工作职责事项"
    for row in [HEADER, *rows]:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MemoryStore]:
    """The small catalog with two imported versions of its autonomy list (2024-05-01 and 2025-03-01)."""
    tmp = tmp_path_factory.mktemp("diff")
    catalog = tmp / "catalog"
    shutil.copytree(FIXTURES / "mini_catalog", catalog)
    laws = FIXTURES / "mini_laws"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QINGDAN_IMPORTS", str(tmp / "imports"))
        for day, rows in (("2024-05-01", V1), ("2025-03-01", V2)):
            path = workbook(tmp / f"{day}.xlsx", rows)
            report = run_import(ImportRequest(path, path.name, day), catalog_dir=catalog, laws_dir=laws)
            assert report.loaded, report.problems
        s = MemoryStore()
        s.replace_all(build(catalog_dir=catalog, laws_dir=laws).graph)
        yield s


def names(items: list[dict[str, Any]]) -> list[str]:
    return [i["name"] for i in items]


def test_diff_shows_added_removed_and_changed(store):
    d = diff_versions(store, "T-AUT", "T-AUT-2024-05-01", "T-AUT-2025-03-01")
    assert (d["from"]["id"], d["from"]["items"], d["to"]["id"], d["to"]["items"]) == (
        "T-AUT-2024-05-01", 5, "T-AUT-2025-03-01", 5)
    assert names(d["added"]) == ["管理本村集体财产"]
    assert names(d["removed"]) == ["组织开展爱国卫生运动"]
    assert [(c["to"]["seq"], c["changes"]) for c in d["changed"]] == [
        (1, {"assist_bodies": {"from": ["村民会议"], "to": ["村民代表会议"]}}),
        (2, {"name": {"from": "确定误工补贴人员及标准", "to": "确定本村误工补贴人员及补贴标准"}}),
        (3, {"bases": {"from": [f"{KEY}#2.2"], "to": [f"{KEY}#2.2", f"{KEY}#8.2"]}}),
    ]
    assert d["unchanged"] == 1


def test_versions_can_be_named_by_date(store):
    by_id = diff_versions(store, "T-AUT", "T-AUT-2024-05-01", "T-AUT-2025-03-01")
    by_day = diff_versions(store, "T-AUT", "2024-06-01", "2025-06-01")
    assert by_day == by_id
    older = diff_versions(store, "T-AUT", "2023-01-01", "2024-06-01")  # the bundled version, then the import
    assert older["from"]["id"] == "T-AUT-1" and older["removed"] == []
    assert names(older["added"]) == ["确定误工补贴人员及标准", "组织开展爱国卫生运动", "讨论决定土地承包经营方案"]
    reworded = older["changed"][0]  # the modeled item and the official wording of the same duty
    assert (reworded["from"]["name"], reworded["to"]["name"]) == ("讨论决定宅基地使用方案", "讨论决定本村宅基地使用方案")
    assert older["unchanged"] == 0 and [c["to"]["name"] for c in older["changed"]][1:] == ["调解民间纠纷"]


def test_diff_refuses_what_does_not_exist(store):
    with pytest.raises(NotFound, match="没有编号为 T-XXX 的清单"):
        diff_versions(store, "T-XXX", "2024-06-01", "2025-06-01")
    with pytest.raises(NotFound, match="现有版本：T-AUT-1（2021-01-01 起）、T-AUT-2024-05-01"):
        diff_versions(store, "T-AUT", "2019-01-01", "2025-06-01")
    with pytest.raises(BadRequest, match="同一个版本"):
        diff_versions(store, "T-AUT", "2025-04-01", "T-AUT-2025-03-01")


def test_earlier_versions_stay_queryable_by_date(store):
    spans = {v: (store.node(f"version/{v}").get("in_force_from"), store.node(f"version/{v}").get("in_force_to"))
             for v in ("T-AUT-1", "T-AUT-2024-05-01", "T-AUT-2025-03-01")}
    assert spans == {"T-AUT-1": ("2021-01-01", "2024-04-30"), "T-AUT-2024-05-01": ("2024-05-01", "2025-02-28"),
                     "T-AUT-2025-03-01": ("2025-03-01", None)}
    r = Resolver(store)

    def autonomy_on(day: date) -> set[str]:
        return {store.node(i).get("name_zh") for i in r.in_force_items(day) if store.node(i).get("kind") == "autonomy"}

    assert autonomy_on(date(2023, 1, 1)) == {"讨论决定宅基地使用方案", "调解民间纠纷"}
    assert autonomy_on(date(2024, 6, 1)) == {row[1] for row in V1}
    assert autonomy_on(date(2025, 6, 1)) == {row[1] for row in V2}
    for day, expected in (("2024-06-01", "确定误工补贴人员及标准"), ("2025-06-01", "确定本村误工补贴人员及补贴标准")):
        answer = r.resolve("村干部误工补贴的人员和标准谁来定", as_of=day)
        assert answer["item"]["name"] == expected, answer["item"]
        assert answer["item"]["provenance"]["status"] == "official_verbatim"
