"""Vendor the reference corpus of other provinces' local regulations into data/laws_provinces/.

One deterministic .tar.xz per province (members sorted, owner and mtime zeroed, so the same input
gives the same bytes) and a MANIFEST.csv with one row per file: the archive, the province code,
the file's sha256, and where it came from (the public repository, commit and path the reference's
laws_history_manifest.csv records for it). Run once when the reference folder changes:

    .venv/bin/python tools/laws/vendor_provinces.py /work/shared/reference/laws_other_provinces
"""
from __future__ import annotations

import csv
import hashlib
import io
import lzma
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from qingdan.queries.scope import PROVINCES  # noqa: E402

OUT = REPO / "data" / "laws_provinces"
FOLDER_SUFFIX = "地方性法规"


def province_code(folder: str) -> str:
    name = folder.removesuffix(FOLDER_SUFFIX)
    codes = [c for c, n in PROVINCES.items() if n == name]
    if len(codes) != 1:
        raise SystemExit(f"{folder}: 无法从文件夹名识别省份")
    return codes[0]


def archive(src: Path, dst: Path) -> list[dict[str, str]]:
    rows = []
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for f in sorted(src.glob("*.md")):
            data = f.read_bytes()
            info = tarfile.TarInfo(f.name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
            rows.append({"file": f.name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": str(len(data))})
    dst.write_bytes(lzma.compress(buf.getvalue(), preset=9 | lzma.PRESET_EXTREME))
    return rows


def upstream(src_root: Path) -> dict[str, dict[str, str]]:
    """The reference's own record of where each file came from (laws_history_manifest.csv beside it)."""
    path = src_root.parent / "laws_history_manifest.csv"
    rows = csv.DictReader(path.open(encoding="utf-8")) if path.exists() else []
    return {r["path"]: r for r in rows}


def main(src_root: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    known = upstream(src_root)
    manifest = []
    for folder in sorted(p for p in src_root.iterdir() if p.is_dir()):
        code = province_code(folder.name)
        name = f"{code}-{folder.name.removesuffix(FOLDER_SUFFIX)}.tar.xz"
        for r in archive(folder, OUT / name):
            up = known.get(f"{src_root.name}/{folder.name}/{r['file']}")
            if up is not None and up["sha256"] != r["sha256"]:
                raise SystemExit(f"{folder.name}/{r['file']}: 与参考清单记录的 sha256 不符")
            manifest.append({"archive": name, "province": code, **r,
                             "repo": up["repo"] if up else "", "commit": up["commit"] if up else "",
                             "git_path": up["git_path"] if up else ""})
    with (OUT / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["archive", "province", "file", "sha256", "bytes", "repo", "commit", "git_path"], lineterminator="\n")
        w.writeheader()
        w.writerows(manifest)
    print(f"{len(manifest)} files in {len({m['archive'] for m in manifest})} archives → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
