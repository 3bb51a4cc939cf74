"""NBS statistical division codes (2023 table) → provinces, cities, districts, towns, villages.

The repo carries its own xz-compressed copy of the tables (data/divisions/), so a clone works
without ../shared. Shantou (city 4405) is the default scope; the whole country is opt-in.
"""
from __future__ import annotations

import csv
import io
import lzma
from dataclasses import dataclass
from pathlib import Path

from qingdan.errors import DataError, Problem

SHANTOU_CITY = "4405"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | district | town | village
    parent: str | None
    kind: str = ""  # 镇/街道/乡 for towns; 村/社区 for villages


def _rows(folder: Path, name: str, prefix: str | None = None) -> list[tuple[int, dict[str, str]]]:
    path = folder / f"{name}.csv.xz"
    if not path.exists():
        path = folder / f"{name}.csv"
    if not path.exists():
        raise DataError(Problem(str(folder / f"{name}.csv.xz"), None, None, None, "区划表缺失"))
    raw = lzma.open(path, "rb").read() if path.suffix == ".xz" else path.read_bytes()
    lines = raw.decode("utf-8").splitlines()
    numbered = list(enumerate(lines[1:], start=2))
    if prefix and name in ("streets", "villages"):
        # codes start every row, so a prefix test skips 600k rows before csv parsing them
        numbered = [(n, ln) for n, ln in numbered if ln.startswith(prefix)]
    reader = csv.DictReader([ln for _, ln in numbered], fieldnames=next(csv.reader([lines[0]])))
    return [(n, row) for (n, _), row in zip(numbered, reader)]


def village_kind(code: str) -> str:
    """001–199 are residents' committees (社区), 200–399 village committees (村)."""
    tail = int(code[-3:])
    return "社区" if tail < 200 else "村"


def town_kind(name: str) -> str:
    if name.endswith("街道") or name.endswith("街道办事处"):
        return "街道"
    if name.endswith("乡"):
        return "乡"
    return "镇"


# the levels whose names a question may give for its place ("南充市嘉陵区"): without a village, they say
# which lists bind the answer (a city outside Shantou is not answered from Shantou's lists)
COUNTY_LEVELS = ("province", "city", "district")


def load_divisions(folder: Path, city_prefix: str | None = SHANTOU_CITY,
                   levels: tuple[str, ...] = ("province", "city", "district", "town", "village")) -> list[Division]:
    """All divisions whose code starts with city_prefix (None: the whole country), of these levels."""
    folder = Path(folder)
    out: list[Division] = []
    problems: list[Problem] = []

    def keep(code: str) -> bool:
        return city_prefix is None or code.startswith(city_prefix) or city_prefix.startswith(code)

    specs = [
        ("provinces", "province", None, 2),
        ("cities", "city", "provinceCode", 4),
        ("areas", "district", "cityCode", 6),
        ("streets", "town", "areaCode", 9),
        ("villages", "village", "streetCode", 12),
    ]
    for name, level, parent_col, width in specs:
        if level not in levels:
            continue
        for rowno, row in _rows(folder, name, city_prefix):
            code = (row.get("code") or "").strip()
            if not code.isdigit() or len(code) != width:
                problems.append(Problem(f"{name}.csv", rowno, "code", code, f"区划代码应为{width}位数字"))
                continue
            if not keep(code):
                continue
            dname = (row.get("name") or "").strip()
            if not dname:
                problems.append(Problem(f"{name}.csv", rowno, "name", None, "名称为空"))
                continue
            parent = row.get(parent_col) if parent_col else None
            kind = town_kind(dname) if level == "town" else village_kind(code) if level == "village" else ""
            out.append(Division(code, dname, level, parent, kind))
    if problems:
        raise DataError(problems, "区划数据有误，未加载任何内容")
    return out
