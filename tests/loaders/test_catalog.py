"""Catalog CSV cells: what officials open in Excel must not run, and undecodable bytes are found by row."""
from __future__ import annotations

from pathlib import Path

import pytest

from qingdan.errors import Problem
from qingdan.loaders.catalog import as_text_cell, from_text_cell, read_rows


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","点我")', "+1", "-2 调解", "@SUM(A1)", "'=1", "'", "''x",
                                   "'普通", "调解民间纠纷", "", "\t=1"])
def test_cells_round_trip_and_never_start_a_formula(value: str) -> None:
    cell = as_text_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert from_text_cell(cell) == value


def test_bytes_that_are_not_utf8_are_named_by_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "items_autonomy.csv"
    rows = ["item_id,kind,version_id,name_zh,lead_body", "AUT-001,autonomy,v1,调解民间纠纷,villagers_committee"]
    data = ("\n".join(rows) + "\n").encode() + b"AUT-002,autonomy,v1,\xff\xfe\xe8,villagers_committee\n"
    path.write_bytes(b"\xef\xbb\xbf" + data)
    problems: list[Problem] = []
    assert read_rows(path, "items", problems) == []
    [p] = problems
    assert (p.file, p.row, p.field, p.value) == ("items_autonomy.csv", 3, "name_zh", "ff fe e8 2c")
    assert "UTF-8" in p.reason
