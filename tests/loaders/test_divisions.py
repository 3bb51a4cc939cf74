import lzma
from collections import Counter
from pathlib import Path

import pytest

from qingdan import paths
from qingdan.errors import DataError
from qingdan.loaders.divisions import load_divisions


def test_shantou_counts():
    divs = load_divisions(paths.divisions_dir())
    levels = Counter(d.level for d in divs)
    assert (levels["district"], levels["town"], levels["village"]) == (7, 67, 1091)
    kinds = Counter(d.kind for d in divs if d.level == "village")
    assert kinds == {"村": 558, "社区": 533}
    towns = Counter(d.kind for d in divs if d.level == "town")
    assert towns == {"镇": 30, "街道": 37}


def test_bad_row_names_file_row_and_field(tmp_path: Path):
    src = paths.divisions_dir()
    for name in ("provinces", "cities", "areas", "streets"):
        (tmp_path / f"{name}.csv.xz").write_bytes((src / f"{name}.csv.xz").read_bytes())
    (tmp_path / "villages.csv").write_text(
        "code,name,streetCode,provinceCode,cityCode,areaCode\n"
        '440513101210,"中田村委会",440513101,44,4405,440513\n'
        '44051310121X,"坏村委会",440513101,44,4405,440513\n', "utf-8")
    with pytest.raises(DataError) as exc:
        load_divisions(tmp_path)
    p = exc.value.problems[0]
    assert (p.file, p.row, p.field) == ("villages.csv", 3, "code")
