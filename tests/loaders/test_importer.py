"""Official lists as officials publish them: messy files read right, every problem named exactly,
and an import either lands whole (after the full validated build) or leaves everything as it was."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest

from qingdan.loaders.catalog import load_catalog
from qingdan.loaders.imports import load_with_imports
from qingdan.loaders.importer import TEMPLATE_EXAMPLES, BodyIndex, build_template, find_table, read_file
from qingdan.loaders.importer import ImportReport, ImportRequest, run_import
from qingdan.ontology.terms import KIND_ZH

ORG = "《中华人民共和国村民委员会组织法》"
ORG_KEY = "村民委员会组织法@2018-12-29"


def xlsx(path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None) -> Path:
    """A workbook as an office would make it: the rows given, the ranges merged (values only in the top-left)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_catalog: Path, mini_laws: Path) -> SimpleNamespace:
    imports = tmp_path / "imports"
    monkeypatch.setenv("QINGDAN_IMPORTS", str(imports))
    return SimpleNamespace(catalog=mini_catalog, laws=mini_laws, imports=imports, tmp=tmp_path)


def run(env: SimpleNamespace, path: Path, day: str | None = "2024-05-01", **kw: Any) -> ImportReport:
    return run_import(ImportRequest(path, path.name, day, **kw), catalog_dir=env.catalog, laws_dir=env.laws)


def folders(env: SimpleNamespace) -> list[str]:
    return sorted(p.name for p in env.imports.iterdir() if not p.name.startswith(".")) if env.imports.exists() else []


def items_of(env: SimpleNamespace, version_id: str) -> list[Any]:
    return [r for r in load_with_imports(env.catalog).of("items") if r["version_id"] == version_id]


# ── a messy but correct workbook ────────────────────────────────────────────────────────────────

def messy_workbook(path: Path) -> Path:
    title = "汕头市龙湖区村（居）民委员会群众自治工作职责事项指导目录（汕龙府办〔2024〕5号）"
    autonomy = [
        [title, None, None, None, None],
        ["序号", "事项名称", "法律依据", "责任主体", None],
        [None, None, None, "牵头单位", "配合单位"],
        ["一、民主决策（2项）", None, None, None, None],
        ["１", "讨论决定本村\n宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村委会", "村民会议"],
        ["２", "确定误工补贴人员及标准", "《村民委员会组织法》第二十四条第（一）项", "村民委员会", None],
        [None, None, None, None, None],
        ["二、民主管理", None, None, None, None],
        ["３", "调解民间纠纷", f"{ORG}\n第二条第二款", "村（居）委会", "人民调解委员会"],
        ["注：1．本目录自2024年5月1日起施行。", None, None, None, None],
        ["2．由区民政局负责解释。", None, None, None, None],
    ]
    assistance = [
        ["序号", "类别", "事项名称", "业务指导部门", "依据"],
        [1, "社会保障", "协助开展最低生活保障入户调查", "区民政局", f"{ORG}第五条第二款"],
        [2, None, "协助做好殡葬改革宣传", "民政局、镇政府", None],
        [3, "社会治安", "协助派出所开展流动人口登记", "公安派出所", None],
        [4, None, "协助开展禁毒宣传", "澄海区公安局", None],
    ]
    merges = {"群众自治工作职责事项": ["A1:E1", "D2:E2", "A2:A3", "B2:B3", "C2:C3", "A4:E4", "A10:E10"],
              "协助政府工作职责事项": ["B2:B3"]}
    return xlsx(path, {"群众自治工作职责事项": autonomy, "协助政府工作职责事项": assistance, "Sheet3": []}, merges)


def test_messy_workbook_reads_like_a_clerk_would(env):
    report = run(env, messy_workbook(env.tmp / "目录.xlsx"))
    assert report.problems == []
    assert [w.to_dict() for w in report.warnings] == [
        {"sheet": "Sheet3", "row": None, "column": None, "value": None, "reason": "工作表为空，已跳过"}]
    assert report.loaded and (report.rows_read, report.rows_loaded) == (7, 7)
    assert folders(env) == ["IMP-AST-2024-05-01+T-AUT-2024-05-01"]

    cat = load_with_imports(env.catalog)
    version = next(r for r in cat.of("list_versions") if r["version_id"] == "T-AUT-2024-05-01")
    assert (version["list_id"], version["in_force_from"], version["doc_no"]) == ("T-AUT", "2024-05-01", "汕龙府办〔2024〕5号")
    cats = {r["category_id"]: r["name_zh"] for r in cat.of("categories")}
    got = [(r["seq"], cats[r["category_id"]], r["name_zh"], r["lead_body"], r["assist_bodies"], r["bases"])
           for r in items_of(env, "T-AUT-2024-05-01")]
    assert got == [
        (1, "民主决策", "讨论决定本村宅基地使用方案", "village_committee", ["villagers_assembly"], [f"{ORG_KEY}#24.1.6"]),
        (2, "民主决策", "确定误工补贴人员及标准", "village_committee", [], [f"{ORG_KEY}#24.1.1"]),
        (3, "民主管理", "调解民间纠纷", "village_committee", ["people_mediation_committee"], [f"{ORG_KEY}#2.2"]),
    ]
    got = [(cats[r["category_id"]], r["name_zh"], r["lead_body"], r["assist_bodies"], r["no_basis_reason"])
           for r in items_of(env, "IMP-AST-2024-05-01")]
    village_side = ["village_committee", "residents_committee"]
    assert got == [
        ("社会保障", "协助开展最低生活保障入户调查", "county_civil_affairs", village_side, None),
        ("社会保障", "协助做好殡葬改革宣传", "county_civil_affairs", ["town_government", *village_side], "官方清单未列依据"),
        ("社会治安", "协助派出所开展流动人口登记", "county_public_security", village_side, "官方清单未列依据"),
        ("社会治安", "协助开展禁毒宣传", "county_public_security", village_side, "官方清单未列依据"),
    ]
    first = items_of(env, "T-AUT-2024-05-01")[0]
    assert first["provenance_status"] == "official_verbatim"
    assert first["source"] == "import:目录.xlsx#群众自治工作职责事项!5"
    summaries = {r["citation"]: r for r in cat.of("provisions")}
    assert summaries[f"{ORG_KEY}#24.1.1"]["summary_zh"] == "（一）本村享受误工补贴的人员及补贴标准；"
    assert summaries[f"{ORG_KEY}#24.1.1"]["source"] == "import:目录.xlsx#群众自治工作职责事项!6"
    # a provision the catalog already summarises keeps the catalog's summary
    assert summaries[f"{ORG_KEY}#24.1.6"]["summary_zh"] == "宅基地使用方案须经村民会议讨论决定"


# ── every problem, exactly ──────────────────────────────────────────────────────────────────────

def faulty_workbook(path: Path) -> Path:
    rows = [
        ["序号", "事项名称", "法律依据", "责任主体"],
        [1, "讨论决定宅基地使用方案", f"{ORG}第二十四条第一款第（六）项", "村民委员会"],
        [2, "召开村民会议", f"{ORG}第五十一条", "村民委员会"],
        [3, "村务监督", f"{ORG}第四十五条", "村民委员会"],
        [4, None, f"{ORG}第二条", "村民委员会"],
        [5, "选举村民委员会", "《中华人民共和国村民委员会选举法》第三条", "村民委员会"],
        [5, "调解纠纷", f"{ORG}第二条第二款", "村民委员会"],
        [6, "清理村霸", None, "村霸"],
        ["７", "管理本村集体财产", f"{ORG}第八条第二款", "村民委员会"],
    ]
    return xlsx(path, {"群众自治工作职责事项": rows})


def test_every_problem_is_named_with_sheet_row_column_value(env):
    report = run(env, faulty_workbook(env.tmp / "bad.xlsx"))
    in_force = "（清单施行日 2024-05-01 适用 2018-12-29 版）"
    s = "群众自治工作职责事项"
    assert [p.to_dict() for p in report.problems] == [
        {"sheet": s, "row": 3, "column": "法律依据", "value": f"{ORG}第五十一条",
         "reason": f"《村民委员会组织法》第五十一条：《村民委员会组织法》2018-12-29版只有41条{in_force}"},
        {"sheet": s, "row": 4, "column": "法律依据", "value": f"{ORG}第四十五条",
         "reason": f"《村民委员会组织法》第四十五条：《村民委员会组织法》2018-12-29版只有41条{in_force}"},
        {"sheet": s, "row": 5, "column": "事项名称", "value": None, "reason": "缺少事项名称"},
        {"sheet": s, "row": 6, "column": "法律依据", "value": "《中华人民共和国村民委员会选举法》第三条",
         "reason": "《村民委员会选举法》第三条：法规库中没有《村民委员会选举法》"},
        {"sheet": s, "row": 7, "column": "序号", "value": "5", "reason": "序号重复（第6行已用）"},
        {"sheet": s, "row": 8, "column": "责任主体", "value": "村霸",
         "reason": "未知的主体“村霸”：请写主体类型表中的名称，如 村民委员会、镇人民政府、区（县）民政局"},
    ]
    assert (report.rows_read, report.rows_loaded, report.loaded) == (8, 0, False)


def test_one_bad_row_loads_nothing_and_skip_invalid_loads_the_rest(env):
    path = faulty_workbook(env.tmp / "bad.xlsx")
    assert not run(env, path).loaded
    assert folders(env) == []
    assert [(r["version_id"], r["in_force_to"]) for r in load_with_imports(env.catalog).of("list_versions")] == [
        ("T-AUT-1", None), ("T-NEG-1", None)]

    report = run(env, path, skip_invalid=True)
    assert report.loaded and (report.rows_read, report.rows_loaded) == (8, 2)
    assert report.skipped == [{"sheet": "群众自治工作职责事项", "row": r} for r in (3, 4, 5, 6, 7, 8)]
    assert len(report.warnings) == 6  # the skipped rows' problems are still shown
    got = [(r["seq"], r["name_zh"], r["bases"]) for r in items_of(env, "T-AUT-2024-05-01")]
    assert got == [(1, "讨论决定宅基地使用方案", [f"{ORG_KEY}#24.1.6"]), (7, "管理本村集体财产", [f"{ORG_KEY}#8.2"])]


def test_a_failed_import_leaves_the_earlier_one_in_place(env):
    good = messy_workbook(env.tmp / "目录.xlsx")
    assert run(env, good).loaded
    before = folders(env)
    names = [r["name_zh"] for r in items_of(env, "T-AUT-2024-05-01")]
    wb = openpyxl.load_workbook(good)
    wb["群众自治工作职责事项"]["B5"] = "讨论决定本村宅基地使用方案（修订）"
    wb["群众自治工作职责事项"]["C6"] = f"{ORG}第九十九条"  # the same version again, now with a bad row
    wb.save(env.tmp / "目录2.xlsx")
    report = run(env, env.tmp / "目录2.xlsx")
    assert not report.loaded and [p.row for p in report.problems] == [6]
    assert folders(env) == before
    assert [r["name_zh"] for r in items_of(env, "T-AUT-2024-05-01")] == names

    wb["群众自治工作职责事项"]["C6"] = f"{ORG}第二十四条第一款第（一）项"
    wb.save(env.tmp / "目录3.xlsx")
    report = run(env, env.tmp / "目录3.xlsx")
    assert report.loaded and report.replaced
    assert folders(env) == before
    assert items_of(env, "T-AUT-2024-05-01")[0]["name_zh"] == "讨论决定本村宅基地使用方案（修订）"


def test_dry_run_validates_and_writes_nothing(env):
    report = run(env, messy_workbook(env.tmp / "目录.xlsx"), dry_run=True)
    assert report.valid and not report.loaded and report.rows_loaded == 0
    assert folders(env) == [] and not env.imports.exists()


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


def test_sheet_named_as_a_list_without_a_header_is_a_problem_other_sheets_are_skipped(env):
    path = xlsx(env.tmp / "x.xlsx", {"小微权力清单": [["村级小微权力清单"], ["一、重大事项决策"], ["见附件"]],
                                      "封面": [["汕头市龙湖区"], ["2024年5月"]]})
    report = run(env, path)
    assert [p.to_dict() for p in report.problems] == [{
        "sheet": "小微权力清单", "row": None, "column": None, "value": None,
        "reason": "找不到表头：表头应有“事项名称”一列，以及“序号”“法律依据”“责任主体”等列中的至少一列"}]
    assert [(w.sheet, w.reason) for w in report.warnings] == [("封面", "不是事项表（没有含“事项名称”列的表头），已跳过")]


def test_missing_date_unknown_kind_and_undetectable_kind(env):
    path = xlsx(env.tmp / "清单.xlsx", {"Sheet1": [["序号", "事项名称"], [1, "调解民间纠纷"]]})
    report = run(env, path, day=None, kind="村级大事")
    assert [p.reason for p in report.problems] == [
        "请用 --version-date 指明这一版清单的施行日期（YYYY-MM-DD）",
        "未知的清单种类，可选：" + "、".join(f"{k}（{v}）" for k, v in KIND_ZH.items()),
    ]
    report = run(env, path)
    assert [(p.sheet, p.reason) for p in report.problems] == [
        ("Sheet1", "无法判断这是哪种清单：请把工作表命名为清单种类（如 群众自治工作职责事项），或用 --kind 指定")]
    assert run(env, path, kind="群众自治工作职责事项", dry_run=True).valid


def test_negative_items_need_one_of_the_eight_aspects(env):
    rows = [["序号", "方面", "负面行为表现"], [1, "一、重大决策不合规方面", "擅自决定宅基地分配"], [2, "其他", "上班打牌"]]
    report = run(env, xlsx(env.tmp / "负面清单.xlsx", {"负面清单": rows}))
    assert [(p.row, p.column, p.value) for p in report.problems] == [(3, "方面", "其他")]
    assert report.problems[0].reason.startswith("负面行为须归入八个方面之一：政治立场不坚定")


def test_the_law_version_follows_the_lists_date(env):
    rows = [["序号", "事项名称", "法律依据"],
            [1, "讨论决定误工补贴", f"{ORG}第二十八条第一款第（二）项"],
            [2, "代行集体经济组织职能", f"{ORG}第二十八条第四款"],
            [3, "讨论决定误工补贴（按2018年文本）", f"{ORG}（2018年修正）第二十四条第一款第（一）项"]]
    report = run(env, xlsx(env.tmp / "2026.xlsx", {"群众自治工作职责事项": rows}), day="2026-02-01")
    assert report.loaded, report.problems
    got = [r["bases"] for r in items_of(env, "T-AUT-2026-02-01")]
    new = "村民委员会组织法@2025-10-28"
    assert got == [[f"{new}#28.1.2"], [f"{new}#28.4"], [f"{ORG_KEY}#24.1.1"]]
    summaries = {r["citation"]: r["summary_zh"] for r in load_with_imports(env.catalog).of("provisions")}
    assert summaries[f"{new}#28.1.2"] == "（二）本村享受误工补贴的人员及补贴标准；"
    long = summaries[f"{new}#28.4"]  # the first 60 characters of the paragraph
    assert long.startswith("村民委员会依法代行农村集体经济组织职能的") and long.endswith("…") and len(long) == 61


def test_template_round_trips(env):
    path = env.tmp / "模板.xlsx"
    build_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["填写说明", *KIND_ZH.values()]
    assert [c.value for c in wb["填写说明"]["A"][1:11]] == ["序号", "类别", "事项名称", "事项说明", "法律依据", "责任主体",
                                                      "协助主体", "监督主体", "关键词", "备注"]
    report = run(env, path)
    assert report.problems == [] and report.loaded and report.rows_loaded == len(TEMPLATE_EXAMPLES)
    cat = load_with_imports(env.catalog)
    imported = {r["kind"]: r["name_zh"] for r in cat.of("items") if r["source"].startswith("import:模板.xlsx")}
    assert imported == {kind: ex["name"] for kind, ex in TEMPLATE_EXAMPLES.items()}


@pytest.mark.parametrize("name,body", [
    ("村委会", "village_committee"), ("澄海区民政局", "county_civil_affairs"), ("莲下镇人民政府", "town_government"),
    ("公安派出所", "county_public_security"), ("街道办", "subdistrict_office"), ("司法所", "county_justice"),
    ("区（县）司法局（司法所）", "county_justice"), ("人社局", "county_human_resources"), ("民政部门", "county_civil_affairs"),
    ("南澳县 公安局", "county_public_security"), ("村霸", None), ("民政", None), ("社区党委书记", None),
])
def test_body_names_officials_write(mini_catalog, name, body):
    index = BodyIndex(load_catalog(mini_catalog).of("body_types"))
    assert index.find(name) == body


def test_an_older_version_imported_later_fits_between_the_others(env):
    rows = [["序号", "事项名称", "法律依据"], [1, "调解民间纠纷", f"{ORG}第二条第二款"]]
    assert run(env, xlsx(env.tmp / "2025.xlsx", {"群众自治工作职责事项": rows}), day="2025-03-01").loaded
    report = run(env, xlsx(env.tmp / "2024.xlsx", {"群众自治工作职责事项": rows}), day="2024-05-01")
    assert report.loaded
    assert report.versions[0]["in_force_to"] == "2025-02-28"
    assert report.closed == [{"version_id": "T-AUT-1", "list_id": "T-AUT", "in_force_to": "2024-04-30", "was": "2025-02-28"}]
    spans = {r["version_id"]: (r["in_force_from"], r["in_force_to"]) for r in load_with_imports(env.catalog).of("list_versions")}
    assert spans == {"T-AUT-1": ("2021-01-01", "2024-04-30"), "T-AUT-2024-05-01": ("2024-05-01", "2025-02-28"),
                     "T-AUT-2025-03-01": ("2025-03-01", None), "T-NEG-1": ("2021-01-01", None)}
    again = run(env, xlsx(env.tmp / "again.xlsx", {"群众自治工作职责事项": rows}), day="2021-01-01")
    assert [p.reason for p in again.problems] == [
        "清单 T-AUT 已有自 2021-01-01 施行的版本 T-AUT-1（list_versions.csv#2）"]


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


def test_one_table_holding_the_three_parts_of_the_guidance_catalogue(env):
    rows = [
        ["汕头市龙湖区村（居）民委员会工作职责事项指导目录", None, None],
        ["序号", "事项名称", "责任主体"],
        ["一、群众自治工作职责事项（2项）", None, None],
        ["（一）民主决策", None, None],
        [1, "讨论决定本村宅基地使用方案", "村民委员会"],
        ["（二）村务公开", None, None],  # a category that merely mentions 公开, not a part of its own
        [2, "公布集体财务收支", "村民委员会"],
        ["二、协助政府工作职责事项（1项）", None, None],
        [1, "协助开展征兵宣传", "区人武部"],
        ["三、应取消和禁入事项（1项）", None, None],
        [1, "亲属关系证明", "公安派出所"],
    ]
    report = run(env, xlsx(env.tmp / "指导目录.xlsx", {"Sheet1": rows}))
    assert report.loaded, report.problems
    assert [(v["kind"], v["list_id"], v["items"]) for v in report.versions] == [
        ("autonomy", "T-AUT", 2), ("assistance", "IMP-AST", 1), ("prohibited", "IMP-PRO", 1)]
    cat = load_with_imports(env.catalog)
    cats = {r["category_id"]: r["name_zh"] for r in cat.of("categories")}
    assert [(cats[r["category_id"]], r["name_zh"]) for r in items_of(env, "T-AUT-2024-05-01")] == [
        ("民主决策", "讨论决定本村宅基地使用方案"), ("村务公开", "公布集体财务收支")]
    pro = items_of(env, "IMP-PRO-2024-05-01")[0]
    assert (cats[pro["category_id"]], pro["lead_body"], pro["must_not_bodies"]) == (
        "应取消和禁入事项", "county_public_security", ["village_committee", "residents_committee"])


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


# ── putting an import in place: one atomic rename, whatever moment a kill comes ────────────────────

def hidden(env) -> list[str]:
    """What a reader ignores: everything hidden under imports/, and the stored folders."""
    names = [p.name for p in env.imports.iterdir() if p.name.startswith(".") and p.name not in (".lock", ".store")]
    return sorted(names + [f".store/{p.name}" for p in (env.imports / ".store").iterdir()])


def test_a_replacement_killed_before_its_last_rename_leaves_the_old_folder_readable(env, monkeypatch):
    import os as _os

    import qingdan.loaders.imports as imports

    good = messy_workbook(env.tmp / "目录.xlsx")
    assert run(env, good).loaded
    old_names = [r["name_zh"] for r in items_of(env, "T-AUT-2024-05-01")]
    wb = openpyxl.load_workbook(good)
    wb["群众自治工作职责事项"]["B5"] = "讨论决定本村宅基地使用方案（修订）"
    wb.save(env.tmp / "目录2.xlsx")

    real = _os.replace

    def killed_at_the_link(src, dst):  # the process dies just before the link is renamed into place
        if Path(src).name.startswith(".link-"):
            raise KeyboardInterrupt
        return real(src, dst)

    before = folders(env)
    monkeypatch.setattr(imports.os, "replace", killed_at_the_link)
    with pytest.raises(KeyboardInterrupt):
        run(env, env.tmp / "目录2.xlsx")
    monkeypatch.setattr(imports.os, "replace", real)
    assert folders(env) == before
    assert [r["name_zh"] for r in items_of(env, "T-AUT-2024-05-01")] == old_names
    assert hidden(env)  # what the killed import left: its link and stored folder, both ignored

    report = run(env, env.tmp / "目录2.xlsx")  # the next import tidies up, then replaces
    assert report.loaded and report.replaced
    assert items_of(env, "T-AUT-2024-05-01")[0]["name_zh"] == "讨论决定本村宅基地使用方案（修订）"
    assert len(hidden(env)) == 1  # only the stored folder the link points to


def test_a_folder_written_before_links_is_replaced_and_the_cache_sees_removals(env):
    import shutil

    from qingdan.loaders.cache import fingerprint

    good = messy_workbook(env.tmp / "目录.xlsx")
    assert run(env, good).loaded
    [name] = folders(env)
    link = env.imports / name
    assert link.is_symlink()
    copy = env.tmp / "legacy"
    shutil.copytree(link, copy)  # as an earlier qingdan left it: a plain folder
    link.unlink()
    shutil.move(str(copy), str(link))
    assert not link.is_symlink()
    assert run(env, good).replaced
    assert link.is_symlink() and len(hidden(env)) == 1
    before = fingerprint(env.imports)
    link.unlink()  # removing an import is removing its link
    assert fingerprint(env.imports) != before
    assert items_of(env, "T-AUT-2024-05-01") == []
