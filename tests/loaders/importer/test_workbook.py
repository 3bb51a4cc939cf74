"""Files as they arrive: not every .xlsx is a workbook, CSV comes in GBK, and a file is bounded before it is parsed."""
from __future__ import annotations

import openpyxl
import pytest

from qingdan.loaders.importer import find_table, read_file

from .workbooks import run, xlsx


@pytest.mark.parametrize("content,name,reason", [
    (b"<html><body>not a workbook</body></html>", "清单.xlsx",
     "不是有效的 Excel 文件：.xlsx 文件应由 Excel 或 WPS 保存，此文件内容不是 Excel 格式"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "清单.xlsx",
     "这是旧版 .xls 文件（扩展名写成了 .xlsx）：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"),
    (b"PK\x03\x04 truncated zip", "清单.xlsx", "Excel 文件已损坏或无法读取（BadZipFile）"),
    (b"anything", "清单.docx", "只能导入 Excel（.xlsx）或 CSV（.csv）文件"),
])
def test_a_file_that_is_not_a_workbook_is_one_clear_problem(env, content, name, reason):
    path = env.tmp / name
    path.write_bytes(content)
    report = run(env, path)
    value = name if name.endswith(".docx") else None
    assert [p.to_dict() for p in report.problems] == [
        {"sheet": None, "row": None, "column": None, "value": value, "reason": reason}]
    assert not report.loaded


def test_gbk_csv_with_title_fullwidth_numbers_and_notes(env):
    text = ("龙湖区协助政府工作职责事项目录\n"
            "编号,事项,设定依据,责任单位,配合单位\n"
            "１,协助开展征兵宣传,\"《村民委员会组织法》\n第五条第二款\",区人武部,村委会\n"
            ",,,,\n"
            "２,协助开展人口普查,,统计局,\n"
            "注：本目录由区民政局解释,,,,\n")
    path = env.tmp / "目录.csv"
    path.write_bytes(text.encode("gb18030"))
    report = run(env, path, dry_run=True)
    assert report.problems == [] and report.valid and report.rows_read == 2
    sheets, _ = read_file(path)
    table, problems = find_table(sheets[0])
    assert problems == [] and table is not None
    assert table.title == "龙湖区协助政府工作职责事项目录"
    assert [(r.row, r.cells["seq"], r.cells["name"]) for r in table.rows] == [(3, "１", "协助开展征兵宣传"), (5, "２", "协助开展人口普查")]
    assert report.versions[0]["kind"] == "assistance" and report.versions[0]["items"] == 2


def test_merged_cells_carry_their_value_and_their_origin(tmp_path):
    path = xlsx(tmp_path / "m.xlsx", {"表": [["标题", None, None], ["序号", "事项名称", "类别"], [1, "甲", "民主决策"],
                                              [2, "乙", None]]}, {"表": ["A1:C1", "C3:C4"]})
    [sheet], problems = read_file(path)
    assert problems == []
    assert sheet.grid[3] == ["2", "乙", "民主决策"]
    assert sheet.origin[(3, 2)] == (2, 2) and 0 in sheet.wide


def test_formatting_far_below_the_table_is_not_content(env):
    path = xlsx(env.tmp / "styled.xlsx", {"群众自治工作职责事项": [["序号", "事项名称"], [1, "调解民间纠纷"]]})
    wb = openpyxl.load_workbook(path)
    wb.active.cell(row=20000, column=3).number_format = "@"  # a styled, empty cell: Excel files carry thousands
    wb.save(path)
    report = run(env, path, dry_run=True)
    assert report.problems == [] and report.valid and report.rows_read == 1
    wb.active.cell(row=20000, column=3).value = "漏在下面的事项"
    wb.save(path)
    assert [p.reason for p in run(env, path, dry_run=True).problems] == ["行数超过上限（每个工作表最多 5000 行），请分文件导入"]


def test_a_workbook_with_more_cells_than_any_list_is_refused_before_parsing(env, monkeypatch):
    """The cell count comes from the raw sheet XML, so openpyxl never spends time on such a file."""
    import qingdan.loaders.importer.workbook as workbook

    rows = [["序号", "事项名称", "责任主体"]] + [[i, f"事项{i}", "村民委员会"] for i in range(1, 40)]
    path = xlsx(env.tmp / "wide.xlsx", {"群众自治工作职责事项": rows})
    assert run(env, path, dry_run=True).valid
    monkeypatch.setattr(workbook, "MAX_CELLS", 100)
    problems = run(env, path, dry_run=True).problems
    assert [(p.value, p.reason) for p in problems] == [
        ("120 个单元格", "单元格超过上限（整个文件最多 100 个）：请删去与清单无关的工作表和内容，或分文件导入")]
