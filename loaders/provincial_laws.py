"""Other provinces' local regulations: one .tar.xz per province under data/laws_provinces/.

Read only for the provinces a graph serves (QINGDAN_PLACES prefixes, or all with QINGDAN_NATIONAL),
so the default Shantou graph carries none of them. Each archive is checked against MANIFEST.csv
(every file listed, none extra, sha256 equal) before anything is parsed; a regulation's
jurisdiction is its province, or the city or county its title begins with — never a place outside
the province whose archive holds it.
"""
from __future__ import annotations

import csv
import hashlib
import re
import tarfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from qingdan import paths
from qingdan.errors import DataError, NotFound, Problem

from .jurisdiction import jurisdiction_name, jurisdiction_of, jurisdiction_within
from .laws import FILE_RE, LawCorpus, _short_title, cached_corpus, parse_law_text

ARCHIVE_RE = re.compile(r"^(\d{2})-(.+)\.tar\.xz$")
MANIFEST = "MANIFEST.csv"


def archives(folder: Path) -> dict[str, Path]:
    """Province code → its archive (none when the folder is missing: no other provinces held)."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    out: dict[str, Path] = {}
    for p in sorted(folder.glob("*.tar.xz")):
        m = ARCHIVE_RE.match(p.name)
        if m is None:
            raise DataError(Problem(str(p), None, "file name", p.name, "省级法规包应命名为 省代码-省名.tar.xz"))
        out[m.group(1)] = p
    return out


def provinces_held(folder: Path) -> list[str]:
    return sorted(archives(folder))


def _manifest(folder: Path) -> dict[tuple[str, str], str]:
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise DataError(Problem(str(path), None, None, None, "省级法规包缺少清单文件 MANIFEST.csv"))
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["archive"], r["file"]): r["sha256"] for r in csv.DictReader(fh)}


def served(national: bool, places: Iterable[str], folder: Path) -> list[str]:
    """The provinces whose regulations a graph serving these places loads."""
    held = archives(folder)
    wanted = set(held) if national else {p[:2] for p in places if len(p) >= 2}
    return sorted(wanted & set(held))


def load_provinces(folder: Path, codes: Iterable[str]) -> LawCorpus:
    """The regulations of these provinces, each version with its jurisdiction; all or nothing."""
    folder = Path(folder)
    held = archives(folder)
    codes = sorted(set(codes) & set(held))
    corpus = LawCorpus()
    if not codes:
        return corpus
    manifest = _manifest(folder)
    problems: list[Problem] = []
    for code in codes:
        path = held[code]
        listed = {f for (a, f) in manifest if a == path.name}
        seen: set[str] = set()
        with tarfile.open(path, "r:xz") as tar:
            for member in tar.getmembers():
                where = f"{path.name}:{member.name}"
                if not member.isfile() or "/" in member.name:
                    problems.append(Problem(where, None, None, None, "法规包中只应有法规文件（不含目录和链接）"))
                    continue
                fh = tar.extractfile(member)
                data = fh.read() if fh is not None else b""
                seen.add(member.name)
                expected = manifest.get((path.name, member.name))
                if expected is None:
                    problems.append(Problem(where, None, None, None, "文件不在 MANIFEST.csv 中"))
                    continue
                if hashlib.sha256(data).hexdigest() != expected:
                    problems.append(Problem(where, None, "sha256", None, "文件内容与 MANIFEST.csv 记录的 sha256 不符"))
                    continue
                m = FILE_RE.match(member.name)
                if m is None:
                    problems.append(Problem(where, None, "file name", member.name, "文件名不是 名称(YYYY-MM-DD).md 格式"))
                    continue
                try:
                    v = parse_law_text(data.decode("utf-8"), _short_title(m.group(1)), m.group(2),
                                       f"laws_provinces/{where}")
                except DataError as exc:
                    problems.extend(exc.problems)
                    continue
                v.jurisdiction = jurisdiction_within(v.title, code)
                if not v.jurisdiction.startswith(code):
                    problems.append(Problem(where, None, "title", v.title,
                                            f"标题所示地域（{jurisdiction_name(v.jurisdiction)}）不在该包所属省份"
                                            f"（{jurisdiction_name(code)}）"))
                    continue
                corpus.versions[(v.work, v.version_date)] = v
        for name in sorted(listed - seen):
            problems.append(Problem(f"{path.name}:{name}", None, None, None, "MANIFEST.csv 列出的文件不在法规包中"))
    if problems:
        raise DataError(problems, "省级地方性法规包有误，未加载任何内容")
    return corpus


def merge(corpus: LawCorpus, extra: LawCorpus) -> LawCorpus:
    """The bundled corpus with other provinces' regulations beside it; a work both hold is an error
    (which text would a citation mean?)."""
    clash = sorted({w for w, _ in extra.versions} & {w for w, _ in corpus.versions})
    if clash:
        raise DataError([Problem(extra.versions_of(w)[0].path, None, "work", w, "与法规库中已有的法规同名")
                         for w in clash], "省级地方性法规与法规库重复，未加载任何内容")
    corpus.versions.update(extra.versions)
    return corpus


@lru_cache(maxsize=8)
def served_corpus(laws_dir: str, provincial_dir: str, provinces: tuple[str, ...]) -> LawCorpus:
    """The bundled corpus with the regulations of these provinces beside it — what a graph serving
    them holds, for readers of the texts (the statute scan). A new corpus: the cached ones stay as
    they are."""
    out = LawCorpus(dict(cached_corpus(laws_dir).versions))
    return merge(out, load_provinces(Path(provincial_dir), provinces))


JURISDICTION_RE = re.compile(r"^(CN|\d{2}|\d{4}|\d{6})$")


def parse_jurisdiction(value: str | None) -> str | None:
    """CN, a division code prefix (33, 3302, 330203) or a province / city name (浙江, 宁波市) → a code."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    if v in ("全国", "cn"):
        return "CN"
    if JURISDICTION_RE.match(v):
        if v != "CN" and jurisdiction_name(v) == v:
            raise NotFound(f"没有代码为 {v} 的省、市或区县")
        return v
    code = jurisdiction_of(v)
    if code == "CN":
        raise NotFound(f"没有这个适用地域：{v}（可写 CN、区划代码前 2/4/6 位，或省、市名称）")
    return code


def scan_corpus(jurisdiction: str | None, national: bool, places: tuple[str, ...],
                laws_dir: Path | None = None, provincial_dir: Path | None = None) -> tuple[LawCorpus, str | None]:
    """The texts the statute scan reads — those of the graph the same settings build — and the
    place to keep (a code). A province whose regulations the library holds but these settings do
    not load is a clear error, not an empty scan."""
    code = parse_jurisdiction(jurisdiction)
    folder = Path(provincial_dir or paths.provincial_laws_dir())
    provinces = served(national, places, folder)
    if code not in (None, "CN") and code[:2] in archives(folder) and code[:2] not in provinces:
        raise NotFound(f"{jurisdiction_name(code)}的地方性法规未加载：设置 QINGDAN_PLACES={code[:2]}"
                         f"（或该省的市、县代码）或 QINGDAN_NATIONAL=1 后再扫描")
    return served_corpus(str(laws_dir or paths.laws_dir()), str(folder), tuple(provinces)), code
