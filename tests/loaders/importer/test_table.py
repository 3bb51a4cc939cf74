"""Finding the table in a sheet: a header over two or three rows is one header, never data, whether
its groups are merged (Excel) or written once over blank cells (CSV); titles and notes stay out."""
from __future__ import annotations

from pathlib import Path

from qingdan.loaders.importer import find_table, read_file

from .workbooks import xlsx

LAW = "中华人民共和国村民委员会组织法"


def table_of(path: Path):  # type: ignore[no-untyped-def]
    [sheet], problems = read_file(path)
    assert problems == []
    table, problems = find_table(sheet)
    assert problems == [] and table is not None
    return table


def columns(table) -> dict[str, list[tuple[int, str]]]:  # type: ignore[no-untyped-def]
    return {f: [(c.index, c.label) for c in cols] for f, cols in table.columns.items()}


def test_a_column_group_split_under_merged_cells_is_one_header(tmp_path):
    rows = [["龙湖区群众自治工作职责事项清单", None, None, None, None, None, None],
            ["序号", "事项名称", "法律依据", None, "责任主体", None, "备注"],
            [None, None, "法规名称", "条款", "牵头单位", "配合单位", None],
            ["１", "调解民间纠纷", LAW, "第二条第二款", "区民政局", "村委会", None],
            ["２", "讨论决定宅基地使用方案", f"《{LAW}》\n《{LAW}》", "第二十四条第一款第（六）项\n第二条", "村委会", None, "每年"],
            ["注：本清单自2024年5月1日起施行", None, None, None, None, None, None]]
    merges = ["A1:G1", "C2:D2", "E2:F2", "A2:A3", "B2:B3", "G2:G3", "A6:G6"]
    table = table_of(xlsx(tmp_path / "h.xlsx", {"群众自治工作职责事项": rows}, {"群众自治工作职责事项": merges}))
    assert table.title == "龙湖区群众自治工作职责事项清单"
    assert columns(table) == {
        "seq": [(0, "序号")], "name": [(1, "事项名称")],
        "bases": [(2, "法律依据（法规名称）"), (3, "法律依据（条款）")],
        "lead": [(4, "责任主体（牵头单位）")], "assist": [(5, "责任主体（配合单位）")], "remark": [(6, "备注")]}
    assert table.label("bases") == "法律依据"  # a problem names the group the person sees
    # the sub-row is header, not an item; title and note stay out; a title cell meets its articles line by line
    assert [(r.row, r.cells["name"], r.cells["bases"], r.cells["lead"], r.cells["assist"]) for r in table.rows] == [
        (4, "调解民间纠纷", f"《{LAW}》第二条第二款", "区民政局", "村委会"),
        (5, "讨论决定宅基地使用方案", f"《{LAW}》第二十四条第一款第（六）项；《{LAW}》第二条", "村委会", ""),
    ]


def test_a_group_row_above_the_item_column_belongs_to_the_header(tmp_path):
    """事项 over 事项名称 / 具体内容: the row naming the item column is the second one."""
    rows = [["序号", "事项", None, "法律依据", None],
            [None, "事项名称", "具体内容", "法规名称", "条款"],
            [1, "调解民间纠纷", "调解村民之间的纠纷", LAW, "第二条第二款"]]
    table = table_of(xlsx(tmp_path / "g.xlsx", {"表": rows}, {"表": ["B1:C1", "D1:E1", "A1:A2"]}))
    assert columns(table) == {"seq": [(0, "序号")], "name": [(1, "事项（事项名称）")],
                              "description": [(2, "事项（具体内容）")],
                              "bases": [(3, "法律依据（法规名称）"), (4, "法律依据（条款）")]}
    assert [(r.row, r.cells["name"], r.cells["description"]) for r in table.rows] == [(3, "调解民间纠纷", "调解村民之间的纠纷")]


def test_a_group_written_once_over_blank_cells_spans_its_sub_columns(tmp_path):
    """CSV cannot merge: 法律依据 is written over its first sub-column and the next header cell is blank."""
    path = tmp_path / "清单.csv"
    path.write_text("序号,事项名称,法律依据,,责任主体,\n"
                    ",,法规名称,条款,牵头单位,配合单位\n"
                    f"1,调解民间纠纷,{LAW},第二条第二款,区民政局,村委会\n", "utf-8")
    table = table_of(path)
    assert columns(table) == {"seq": [(0, "序号")], "name": [(1, "事项名称")],
                              "bases": [(2, "法律依据（法规名称）"), (3, "法律依据（条款）")],
                              "lead": [(4, "责任主体（牵头单位）")], "assist": [(5, "责任主体（配合单位）")]}
    assert [r.cells["bases"] for r in table.rows] == [f"《{LAW}》第二条第二款"]


def test_an_item_right_under_a_one_row_header_is_an_item(tmp_path):
    """A first item whose cells are short words (名称 and 单位 alike) is still data, not a second header row."""
    rows = [["序号", "事项名称", "牵头单位", "配合单位"],
            [None, "调解纠纷", "司法所", "村委会"],
            [2, "征兵宣传", "人武部", "村委会"]]
    table = table_of(xlsx(tmp_path / "d.xlsx", {"表": rows}))
    assert [r.cells["name"] for r in table.rows] == ["调解纠纷", "征兵宣传"]


def test_category_cells_merged_down_and_headings_between_items(tmp_path):
    rows = [["序号", "类别", "事项名称"],
            [1, "社会保障", "协助低保调查"],
            [2, None, "协助临时救助"],
            ["二、社会治安", None, None],
            [3, None, "协助禁毒宣传"]]
    table = table_of(xlsx(tmp_path / "c.xlsx", {"表": rows}, {"表": ["B2:B3", "A4:C4"]}))
    assert [(r.row, r.category, r.cells["name"]) for r in table.rows] == [
        (2, "社会保障", "协助低保调查"), (3, "社会保障", "协助临时救助"), (5, "社会治安", "协助禁毒宣传")]


def test_the_official_layout_the_export_writes(tmp_path):
    """序号 / 类别 / 事项名称 / 具体内容 / 法律依据 / 责任单位 / 备注 under a title, categories merged, a note below."""
    rows = [["汕头市村（居）民委员会协助政府工作职责事项", None, None, None, None, None, None],
            ["序号", "类别", "事项名称", "具体内容", "法律依据", "责任单位", "备注"],
            [1, "社会保障", "协助低保调查", "入户核实家庭情况", f"《{LAW}》第五条第二款", "区（县）民政局", None],
            [2, None, "协助临时救助", None, None, "区（县）民政局；镇人民政府", "示例"],
            ["注：本表由 qingdan 导出", None, None, None, None, None, None]]
    table = table_of(xlsx(tmp_path / "o.xlsx", {"表": rows}, {"表": ["A1:G1", "B3:B4", "A5:G5"]}))
    assert {f: [c.label for c in cols] for f, cols in table.columns.items()} == {
        "seq": ["序号"], "category": ["类别"], "name": ["事项名称"], "description": ["具体内容"], "bases": ["法律依据"],
        "lead": ["责任单位"], "remark": ["备注"]}
    assert [(r.row, r.category, r.cells["name"], r.cells["description"], r.cells["lead"], r.cells["remark"])
            for r in table.rows] == [(3, "社会保障", "协助低保调查", "入户核实家庭情况", "区（县）民政局", ""),
                                     (4, "社会保障", "协助临时救助", "", "区（县）民政局；镇人民政府", "示例")]
