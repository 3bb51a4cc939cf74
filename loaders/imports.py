"""Imported official lists laid over the bundled catalog, and where their folders live.

An import is a folder of catalog-format CSV parts (data/CATALOG.md) under the imports
directory, one folder per import. load_with_imports reads the bundled folder (loaders.catalog)
and lays every import folder over it, so an imported list goes through the same records → RDF →
SHACL → property graph path as everything else, and removing its folder removes it. A new
folder is written aside, the whole catalog is built with it, and only when that succeeds is it
put in place (one atomic rename of a link into .store, see commit): a failed or killed import
never disturbs what was loaded before. Reading a file into such a folder is loaders.importer's.

Besides the usual parts a folder may hold
- `list_version_overrides.csv` (version_id, in_force_to, provenance_status, source): a new version
  closes the version before it without editing the bundled files;
- `replaced_versions.csv` (version_id, provenance_status, source): the folder's own version of that
  id replaces the one held elsewhere (bundled or another import), with its categories and items.
Both are undone by deleting the folder that holds them.
"""
from __future__ import annotations

import contextlib
import csv
import fcntl
import json
import os
import shutil
import uuid
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from qingdan.errors import DataError, Problem

from .catalog import Catalog, Row, as_text_cell, check_ids, read_folder

OVERRIDES = "list_version_overrides.csv"
REPLACED = "replaced_versions.csv"
MANIFEST = "import.json"
OVERRIDE_COLUMNS = ("version_id", "in_force_to", "provenance_status", "source")
REPLACED_COLUMNS = ("version_id", "provenance_status", "source")

# folders being tried out by an import: read as if already in place (replacing a folder of the
# same name), without being visible to anyone else — a ContextVar keeps concurrent requests apart
STAGED: ContextVar[tuple[Path, ...]] = ContextVar("qingdan_staged_imports", default=())


def root_for(catalog_dir: Path) -> Path:
    """The imports directory that belongs to a catalog directory.

    QINGDAN_IMPORTS when set; otherwise the folder `imports` beside the catalog folder, which for
    the default catalog (data/catalog) is paths.imports_dir() (data/imports).
    """
    env = os.environ.get("QINGDAN_IMPORTS")
    return Path(env) if env else Path(catalog_dir).resolve().parent / "imports"


def import_folders(catalog_dir: Path) -> list[Path]:
    """Every import folder to read with this catalog, in a stable order, staged ones last."""
    root = root_for(catalog_dir)
    staged = STAGED.get()
    names = {p.name for p in staged}
    existing = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
                      and p.name not in names) if root.is_dir() else []
    return [*existing, *staged]


@contextlib.contextmanager
def staged(*folders: Path) -> Iterator[None]:
    """Within this block catalog loads include these folders (e.g. for pipeline.build)."""
    token = STAGED.set(tuple(folders))
    try:
        yield
    finally:
        STAGED.reset(token)


def part_label(folder: Path, file_name: str) -> str:
    return f"imports/{folder.name}/{file_name}"


# ── laying imports over the catalog ─────────────────────────────────────────────────────────────

def load_with_imports(catalog_dir: Path) -> Catalog:
    """The bundled catalog folder with every import folder laid over it; DataError lists every problem."""
    catalog_dir = Path(catalog_dir)
    if not catalog_dir.is_dir():
        raise DataError(Problem(str(catalog_dir), None, None, None, "清单目录不存在"))
    problems: list[Problem] = []
    cat = read_folder(catalog_dir, problems)
    overlay(cat, import_folders(catalog_dir), problems)
    if problems:
        raise DataError(problems, "清单数据有误，未加载任何内容")
    return cat


def overlay(cat: Catalog, folders: list[Path], problems: list[Problem]) -> None:
    """Add the import folders' rows to cat (read from one folder), then check ids over all of them.

    A provision summary an import repeats is dropped in favour of the one read first, so each
    import stays self-contained; any other repeated id is an error, as within the bundled files.
    A version an import replaces is dropped from the other parts first; afterwards the imports'
    overrides close the versions their new versions follow.
    """
    for folder in folders:
        part = read_folder(folder, problems, label=lambda name, f=folder: part_label(f, name))
        for kind, rows in part.rows.items():
            cat.rows.setdefault(kind, []).extend(rows)
    _drop_replaced(cat, folders, problems)
    check_ids(cat, problems, may_repeat=lambda r: r.kind == "provisions" and r.file.startswith("imports/"))
    apply_overrides(cat, folders, problems)


def _read_small(folder: Path, name: str, columns: tuple[str, ...], problems: list[Problem]) -> list[dict[str, Any]]:
    """The rows of an import folder's own control file (overrides, replacements), with where they are."""
    path = folder / name
    if not path.is_file():
        return []
    label = part_label(folder, name)
    out: list[dict[str, Any]] = []
    reader = csv.DictReader(path.read_text("utf-8-sig").splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        problems.append(Problem(label, 1, ",".join(missing), None, "缺少必需的列"))
        return []
    for line, raw in enumerate(reader, start=2):
        cells = {c: (raw.get(c) or "").strip() for c in columns}
        if not any(cells.values()):
            continue
        bad = [c for c, v in cells.items() if not v]
        if bad:
            problems.append(Problem(label, line, bad[0], None, "必填项为空"))
            continue
        out.append({**cells, "file": label, "line": line})
    return out


def replaced_by(folders: list[Path]) -> dict[str, str]:
    """version_id → the import folder (name) whose own version replaces it."""
    return {r["version_id"]: f.name for f in folders for r in _read_small(f, REPLACED, REPLACED_COLUMNS, [])}


def _drop_replaced(cat: Catalog, folders: list[Path], problems: list[Problem]) -> None:
    """A replaced version leaves, with its categories and items (and their disclosure facts), from
    every part but the folder that replaces it; a replacement of a version held nowhere is an error."""
    owner: dict[str, str] = {}
    for folder in folders:
        for r in _read_small(folder, REPLACED, REPLACED_COLUMNS, problems):
            vid, mine = r["version_id"], part_label(folder, "")
            if vid in owner and owner[vid] != mine:
                problems.append(Problem(r["file"], r["line"], "version_id", vid, f"该版本已由 {owner[vid]} 替换"))
                continue
            owner[vid] = mine
            if not any(v["version_id"] == vid and not v.file.startswith(mine) for v in cat.of("list_versions")):
                problems.append(Problem(r["file"], r["line"], "version_id", vid, "要替换的清单版本不存在"))
    if not owner:
        return

    def gone(row: Row, vid: str | None) -> bool:
        return vid in owner and not row.file.startswith(owner[vid])

    items = {r["item_id"] for r in cat.of("items") if gone(r, r["version_id"])}
    for kind in ("list_versions", "categories", "items"):
        cat.rows[kind] = [r for r in cat.of(kind) if not gone(r, r["version_id"])]
    cat.rows["disclosures"] = [r for r in cat.of("disclosures") if r["item_id"] not in items]


def read_overrides(folder: Path, problems: list[Problem]) -> list[dict[str, Any]]:
    out = []
    for o in _read_small(folder, OVERRIDES, OVERRIDE_COLUMNS, problems):
        try:
            date.fromisoformat(o["in_force_to"])
        except ValueError:
            problems.append(Problem(o["file"], o["line"], "in_force_to", o["in_force_to"], "日期格式应为 YYYY-MM-DD"))
            continue
        out.append(o)
    return out


def apply_overrides(cat: Catalog, folders: list[Path], problems: list[Problem]) -> None:
    """Close list versions as the import folders say; the earliest closing date wins."""
    versions = {r["version_id"]: r for r in cat.of("list_versions")}
    for folder in folders:
        for o in read_overrides(folder, problems):
            target = versions.get(o["version_id"])
            if target is None:
                problems.append(Problem(o["file"], o["line"], "version_id", o["version_id"], "要截止的清单版本不存在"))
                continue
            if o["in_force_to"] < (target["in_force_from"] or ""):
                problems.append(Problem(o["file"], o["line"], "in_force_to", o["in_force_to"],
                                        f"截止日期早于该版本的施行日期 {target['in_force_from']}"))
                continue
            current = target["in_force_to"]
            if current is None or o["in_force_to"] < current:
                target.cells["in_force_to"] = o["in_force_to"]
                note = f"施行至 {o['in_force_to']}（由导入 {folder.name} 设定）"
                target.cells["source"] = f"{target['source']}；{note}" if target["source"] else note


# ── writing and committing ───────────────────────────────────────────────────────────────────────

def write_csv(path: Path, columns: tuple[str, ...] | list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: _cell(r.get(c)) for c in columns})


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        v = ";".join(str(x) for x in v)
    return as_text_cell(str(v).replace("\r", " ").replace("\n", " "))


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """One import at a time per imports directory (two would race for the same version ids)."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


STORE = ".store"  # the files of every import; root/<name> is a link into it


def staging_dir(root: Path, in_place: bool) -> Path:
    """A private folder for a trial; inside root (same file system) when it will be committed."""
    if in_place:
        root.mkdir(parents=True, exist_ok=True)
        d = root / f".staging-{uuid.uuid4().hex[:12]}"
        d.mkdir()
        return d
    import tempfile

    return Path(tempfile.mkdtemp(prefix="qingdan-import-"))


def commit(staged_folder: Path, root: Path) -> bool:
    """Put a built-and-validated folder in place; True when it replaced one of the same name.

    Each import under root is a symbolic link to its files in root/.store, so putting one in
    place, new or replacing, is a single rename of a link (atomic): a reader or a kill at any
    moment finds the old folder or the new one, never neither. What a kill leaves behind is
    hidden and removed by tidy() at the next import.
    """
    target = root / staged_folder.name
    replaced = target.exists()
    store = root / STORE
    store.mkdir(exist_ok=True)
    tag = uuid.uuid4().hex[:12]
    physical = store / f"{staged_folder.name}.{tag}"
    os.replace(staged_folder, physical)
    link = root / f".link-{tag}"
    os.symlink(Path(STORE) / physical.name, link, target_is_directory=True)  # relative: root may move
    previous = None
    if target.is_symlink():
        previous = target.resolve()
    elif target.exists():  # a folder written before imports became links: moved aside first (once)
        previous = store / f"{target.name}.{tag}-legacy"
        os.replace(target, previous)
    os.replace(link, target)
    if previous is not None and previous.resolve().parent == store.resolve():
        shutil.rmtree(previous, ignore_errors=True)
    return replaced


def leftovers(root: Path) -> list[Path]:
    """What killed imports left: staging folders, links never put in place, stored folders no
    import links to. The loader ignores all of them."""
    if not root.is_dir():
        return []
    used = {p.resolve() for p in root.iterdir() if p.is_symlink() and not p.name.startswith(".")}
    out = [p for p in root.iterdir() if (p.name.startswith(".link-") and p.is_symlink())
           or (p.name.startswith(".staging-") and p.is_dir() and not p.is_symlink())]
    store = root / STORE
    out += [p for p in store.iterdir() if p.resolve() not in used] if store.is_dir() else []
    return sorted(out)


def tidy(root: Path) -> None:
    """Remove the leftovers; called with the imports lock held, so none belongs to a live import."""
    for p in leftovers(root):
        p.unlink() if p.is_symlink() else shutil.rmtree(p, ignore_errors=True)


def manifests(root: Path) -> list[dict[str, Any]]:
    """What each import folder says about itself (for `qingdan imports`)."""
    out: list[dict[str, Any]] = []
    if not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        info: dict[str, Any] = {"folder": folder.name}
        m = folder / MANIFEST
        if m.is_file():
            try:
                info.update(json.loads(m.read_text("utf-8")))
            except ValueError:
                info["problem"] = "import.json 无法读取"
        out.append(info)
    return out
