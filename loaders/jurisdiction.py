"""Where a statute version binds, read from its title: local regulations begin with their place.

"广东省村务公开条例" binds Guangdong (44), "汕头经济特区村务公开条例" Shantou (4405), a title that
begins with no province or city name is national (CN). Names come from the bundled NBS tables,
so any province's regulations are placed the same way.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from qingdan import paths

from .divisions import _rows

SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区")


def _variants(name: str) -> set[str]:
    out = {name}
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            out.add(name[: -len(suffix)])
            break
    return out


@lru_cache(maxsize=4)
def place_prefixes(folder: str | None = None) -> tuple[tuple[str, str], ...]:
    """(name, code) for every province and city name and its short form, longest first."""
    base = Path(folder) if folder else paths.divisions_dir()
    pairs: dict[str, str] = {}
    for table in ("provinces", "cities"):
        for _, row in _rows(base, table):
            name, code = (row.get("name") or "").strip(), (row.get("code") or "").strip()
            if not name or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            for v in _variants(name):
                # a city name that is also a province's (北京, 上海 …) keeps the province code
                pairs.setdefault(v, code)
    return tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


def jurisdiction_of(title: str, folder: str | None = None) -> str:
    """CN, or the province / city code the title's leading place name gives."""
    t = title.removeprefix("中华人民共和国")
    for name, code in place_prefixes(folder):
        if t.startswith(name):
            return code
    return "CN"
