"""Where imported official lists live, and how a new one is put in place without risk.

An import is a folder of catalog-format CSV parts (data/CATALOG.md) under the imports
directory, one folder per import, read by the catalog loader after the bundled parts. So an
imported list goes through the same records → RDF → SHACL → property graph path as everything
else, and removing its folder removes it. A new folder is written aside, the whole catalog is
built with it, and only when that succeeds is it put in place (one atomic rename of a link
into .store, see commit): a failed or killed import never disturbs what was loaded before.

Besides the usual parts a folder may hold `list_version_overrides.csv` (version_id, in_force_to,
provenance_status, source): a new version closes the version it replaces without editing the
bundled files, and closing is undone by deleting the folder that did it.
"""
from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import json
import os
import re
import shutil
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from qingdan.errors import DataError, Problem
from qingdan.ontology.terms import KIND_ZH

from .catalog import as_text_cell

if TYPE_CHECKING:
    from .catalog import Catalog
    from .importer import ImportProblem, SheetPlan
    from .pipeline import Built

OVERRIDES = "list_version_overrides.csv"
MANIFEST = "import.json"
OVERRIDE_COLUMNS = ("version_id", "in_force_to", "provenance_status", "source")

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


# ── overrides ────────────────────────────────────────────────────────────────────────────────────

def read_overrides(folder: Path, problems: list[Problem]) -> list[dict[str, Any]]:
    path = folder / OVERRIDES
    if not path.is_file():
        return []
    label = part_label(folder, OVERRIDES)
    out: list[dict[str, Any]] = []
    reader = csv.DictReader(path.read_text("utf-8-sig").splitlines())
    missing = [c for c in OVERRIDE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        problems.append(Problem(label, 1, ",".join(missing), None, "缺少必需的列"))
        return []
    for line, raw in enumerate(reader, start=2):
        cells = {c: (raw.get(c) or "").strip() for c in OVERRIDE_COLUMNS}
        if not any(cells.values()):
            continue
        bad = [c for c, v in cells.items() if not v]
        if bad:
            problems.append(Problem(label, line, bad[0], None, "必填项为空"))
            continue
        try:
            date.fromisoformat(cells["in_force_to"])
        except ValueError:
            problems.append(Problem(label, line, "in_force_to", cells["in_force_to"], "日期格式应为 YYYY-MM-DD"))
            continue
        out.append({**cells, "where": f"{label}#{line}"})
    return out


def apply_overrides(cat: "Catalog", folders: list[Path], problems: list[Problem]) -> None:
    """Close list versions as the import folders say; the earliest closing date wins."""
    versions = {r["version_id"]: r for r in cat.of("list_versions")}
    for folder in folders:
        for o in read_overrides(folder, problems):
            file, line = o["where"].rsplit("#", 1)
            target = versions.get(o["version_id"])
            if target is None:
                problems.append(Problem(file, int(line), "version_id", o["version_id"], "要截止的清单版本不存在"))
                continue
            if o["in_force_to"] < (target["in_force_from"] or ""):
                problems.append(Problem(file, int(line), "in_force_to", o["in_force_to"],
                                        f"截止日期早于该版本的施行日期 {target['in_force_from']}"))
                continue
            current = target["in_force_to"]
            if current is None or o["in_force_to"] < current:
                target.cells["in_force_to"] = o["in_force_to"]
                note = f"施行至 {o['in_force_to']}（由导入 {folder.name} 设定）"
                target.cells["source"] = f"{target['source']}；{note}" if target["source"] else note


def relabel(problems: list[Problem], start: int, folder: Path) -> None:
    """Problems found in an import folder name that folder, not just the file inside it."""
    for i in range(start, len(problems)):
        p = problems[i]
        if "/" not in p.file:
            problems[i] = replace(p, file=part_label(folder, p.file))


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


# ── one import, start to finish ──────────────────────────────────────────────────────────────────

LIST_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,60}$")
ITEMS_FILE = "items_import.csv"


@dataclass
class ImportRequest:
    """What a person asked for: the file and the flags of `qingdan import` / POST /admin/import."""

    file: Path
    name: str  # the file name as the person knows it (an upload is saved under another)
    version_date: str | None
    kind: str | None = None
    issuer: str | None = None
    doc_no: str | None = None
    lists: tuple[str, ...] = ()
    dry_run: bool = False
    skip_invalid: bool = False
    # where a NEW list binds (CN or an NBS code prefix); the bundled catalog is Shantou's
    jurisdiction: str = "4405"


@dataclass
class ImportReport:
    file: str
    rows_read: int = 0
    rows_loaded: int = 0
    problems: list["ImportProblem"] = field(default_factory=list)
    warnings: list["ImportProblem"] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    closed: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    loaded: bool = False
    valid: bool = False
    replaced: bool = False
    folder: str | None = None
    built: "Built | None" = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "rows_read": self.rows_read, "rows_loaded": self.rows_loaded,
                "problems": [p.to_dict() for p in self.problems], "warnings": [w.to_dict() for w in self.warnings],
                "skipped": self.skipped, "versions": self.versions, "closed": self.closed, "dry_run": self.dry_run,
                "valid": self.valid, "loaded": self.loaded, "replaced": self.replaced, "folder": self.folder}


@dataclass
class _Target:
    plan: "SheetPlan"
    list_id: str
    new_list: bool
    version_id: str = ""
    in_force_to: str | None = None


def run_import(req: ImportRequest, catalog_dir: Path | None = None, laws_dir: Path | None = None,
               divisions_dir: Path | None = None) -> ImportReport:
    """Read, check, build the whole catalog with the import, and only then put it in place.

    Nothing is written where the catalog loader looks unless the full build (SHACL included)
    succeeds; with dry_run nothing is written at all.
    """
    from qingdan import paths

    from .importer import MAX_ROWS, ImportProblem, find_table, kind_from_text, parse_kind, read_file, split_sections

    catalog_dir = Path(catalog_dir or paths.catalog_dir())
    laws_dir = Path(laws_dir or paths.laws_dir())
    report = ImportReport(req.name, dry_run=req.dry_run)
    fatal = report.problems
    day = _check_date(req.version_date, fatal)
    forced = parse_kind(req.kind) if req.kind else None
    if req.kind and forced is None:
        fatal.append(ImportProblem(None, None, None, req.kind, "未知的清单种类，可选：" + "、".join(f"{k}（{v}）" for k, v in KIND_ZH.items())))
    for lid in req.lists:
        if not LIST_ID_RE.match(lid):
            fatal.append(ImportProblem(None, None, None, lid, "清单编号只能由字母、数字、- 和 _ 组成"))
    sheets, read_problems = read_file(req.file, req.name)
    fatal.extend(read_problems)
    tables = []
    for sheet in sheets:
        if sheet.truncated:
            fatal.append(ImportProblem(sheet.name, None, None, None, f"行数超过上限（每个工作表最多 {MAX_ROWS} 行），请分文件导入"))
            continue
        table, problems = find_table(sheet)
        if table is None:
            if not problems:
                report.warnings.append(ImportProblem(sheet.name, None, None, None, "工作表为空，已跳过"))
            elif forced or kind_from_text(sheet.name):
                fatal.extend(problems)  # named as a list, so its table must be readable
            else:
                report.warnings.append(ImportProblem(sheet.name, None, None, None,
                                                     "不是事项表（没有含“事项名称”列的表头），已跳过"))
            continue
        for part, kind in split_sections(table, forced or kind_from_text(sheet.name, table.title, Path(req.name).stem)):
            if kind is None:
                if not req.kind:  # a --kind that is not a kind was reported once already
                    fatal.append(ImportProblem(sheet.name, None, None, None, "无法判断这是哪种清单：请把工作表命名为清单种类"
                                               "（如 群众自治工作职责事项），或用 --kind 指定"))
                continue
            tables.append((part, kind))
    seen_kind: dict[str, str] = {}
    for table, kind in tables:
        if kind in seen_kind:
            fatal.append(ImportProblem(table.sheet, None, None, None,
                                       f"与工作表「{seen_kind[kind]}」同为{KIND_ZH[kind]}：一次导入每种清单只能有一个工作表"))
        seen_kind.setdefault(kind, table.sheet)
    if not tables and not fatal:
        fatal.append(ImportProblem(None, None, None, None, "文件中没有可导入的事项表"))
    if fatal or day is None:
        return report
    return _plan_and_load(req, report, tables, day, catalog_dir, laws_dir, divisions_dir)


def _check_date(value: str | None, fatal: list[Any]) -> str | None:
    from .importer import ImportProblem

    if not value:
        fatal.append(ImportProblem(None, None, None, None, "请用 --version-date 指明这一版清单的施行日期（YYYY-MM-DD）"))
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        fatal.append(ImportProblem(None, None, None, value, "施行日期格式应为 YYYY-MM-DD"))
        return None


def _plan_and_load(req: ImportRequest, report: ImportReport, tables: list[Any], day: str, catalog_dir: Path,
                   laws_dir: Path, divisions_dir: Path | None) -> ImportReport:
    from .catalog import load_catalog
    from .importer import BodyIndex, Citer, plan_sheet
    from .laws import cached_corpus

    root = root_for(catalog_dir)
    guard = locked(root) if not req.dry_run else contextlib.nullcontext()
    with guard:
        if not req.dry_run:
            tidy(root)
        cat = load_catalog(catalog_dir)
        corpus = cached_corpus(str(laws_dir))
        bodies, citer = BodyIndex(cat.of("body_types")), Citer(cat, corpus)
        plans = [plan_sheet(t, kind, day, bodies, citer) for t, kind in tables]
        report.rows_read = sum(p.rows_read for p in plans)
        for p in plans:
            report.warnings.extend(p.warnings)
        targets = _targets(req, plans, cat, report)
        if report.problems:
            return report
        name = "+".join(sorted(f"{t.list_id}-{day}" for t in targets))
        if (root / name).is_dir():
            report.replaced = True
            with staged(_placeholder(name)):  # the folder this import replaces does not count
                cat = load_catalog(catalog_dir)
            targets = _targets(req, plans, cat, report)
        _versions(targets, cat, day, report)
        row_problems = [p for plan in plans for p in plan.problems]
        if req.skip_invalid:
            report.skipped = [{"sheet": plan.sheet, "row": r} for plan in plans for r in sorted(plan.bad_rows)]
            report.warnings.extend(row_problems)
            if not any(plan.items for plan in plans):
                report.problems.append(_problem(None, "没有可导入的有效事项"))
        else:
            report.problems.extend(row_problems)
        if report.problems:
            report.problems.sort(key=lambda p: (p.sheet or "", p.row or 0))
            return report
        report.folder = name
        work = staging_dir(root, in_place=not req.dry_run)
        try:
            folder = work / name
            line_of = _write(folder, req, targets, day, report)
            try:
                from .pipeline import build

                with staged(folder):
                    built = build(catalog_dir=catalog_dir, laws_dir=laws_dir, divisions_dir=divisions_dir)
            except DataError as exc:
                report.problems.extend(_from_build(exc.problems, folder.name, line_of))
                return report
            report.valid = True
            if req.dry_run:
                return report
            report.replaced = commit(folder, root)
            report.loaded = True
            report.rows_loaded = sum(len(t.plan.items) for t in targets)
            report.built = built
            return report
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _placeholder(name: str) -> Path:
    """A folder path that hides the import of that name and adds nothing (it does not exist)."""
    return Path("/nonexistent-qingdan-import") / name


def _problem(sheet: str | None, reason: str, value: str | None = None) -> Any:
    from .importer import ImportProblem

    return ImportProblem(sheet, None, None, value, reason)


def _targets(req: ImportRequest, plans: list[Any], cat: "Catalog", report: ImportReport) -> list[_Target]:
    """Which list each sheet becomes a version of: --list when given, else the one list of its kind."""
    from .importer import KIND_CODE

    lists = {r["list_id"]: r for r in cat.of("lists")}
    by_kind: dict[str, list[str]] = {}
    for lid, r in lists.items():
        by_kind.setdefault(r["kind"], []).append(lid)
    chosen: dict[str, str] = {}
    new: list[str] = []
    for lid in req.lists:
        if lid in lists:
            if not any(p.kind == lists[lid]["kind"] for p in plans):
                report.problems.append(_problem(None, f"清单 {lid} 是{KIND_ZH[lists[lid]['kind']]}，文件中没有这种清单", lid))
            chosen[lists[lid]["kind"]] = lid
        else:
            new.append(lid)
    if new:
        if len(new) > 1 or len(plans) != 1:
            report.problems.append(_problem(None, "新清单编号只能在导入单个工作表时指定：" + "、".join(new)))
        else:
            chosen.setdefault(plans[0].kind, new[0])
    out: list[_Target] = []
    for p in plans:
        lid = chosen.get(p.kind)
        if lid is None:
            have = sorted(by_kind.get(p.kind, []))
            if len(have) > 1:
                report.problems.append(_problem(p.sheet, f"已有多个{KIND_ZH[p.kind]}清单（{'、'.join(have)}），请用 --list 指明导入到哪一个"))
                continue
            lid = have[0] if have else f"IMP-{KIND_CODE[p.kind]}"
        out.append(_Target(p, lid, lid not in lists))
    return out


def _versions(targets: list[_Target], cat: "Catalog", day: str, report: ImportReport) -> None:
    """The new version of each list, the versions it closes, and where a later version closes it."""
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    versions = cat.of("list_versions")
    for t in targets:
        t.version_id = f"{t.list_id}-{day}"
        mine = [v for v in versions if v["list_id"] == t.list_id]
        clash = next((v for v in versions if v["version_id"] == t.version_id), None) or \
            next((v for v in mine if v["in_force_from"] == day), None)
        if clash is not None:
            report.problems.append(_problem(t.plan.sheet, f"清单 {t.list_id} 已有自 {day} 施行的版本 {clash['version_id']}"
                                                          f"（{clash.where}）", t.version_id))
            continue
        later = sorted(v["in_force_from"] for v in mine if v["in_force_from"] > day)
        if later:
            t.in_force_to = (date.fromisoformat(later[0]) - timedelta(days=1)).isoformat()
        for v in mine:
            if v["in_force_from"] < day and (v["in_force_to"] is None or v["in_force_to"] >= day):
                report.closed.append({"version_id": v["version_id"], "list_id": t.list_id, "in_force_to": before,
                                      "was": v["in_force_to"]})
        report.versions.append({"sheet": t.plan.sheet, "kind": t.plan.kind, "list_id": t.list_id, "new_list": t.new_list,
                                "version_id": t.version_id, "in_force_from": day, "in_force_to": t.in_force_to,
                                "items": len(t.plan.items)})


def _write(folder: Path, req: ImportRequest, targets: list[_Target], day: str,
           report: ImportReport) -> dict[int, tuple[str, int]]:
    """The import folder in catalog format; returns items-file line → (sheet, row) for build problems."""
    from .catalog import SPECS
    from .cite import normalise_doc_no

    folder.mkdir(parents=True)
    src = f"import:{req.name}"
    prov = {"provenance_status": "official_verbatim"}
    lists, versions, categories, items, provisions = [], [], [], [], []
    line_of: dict[int, tuple[str, int]] = {}
    seen_keys: set[str] = set()
    for t in targets:
        plan = t.plan
        if t.new_list:
            name = plan.title or plan.sheet
            if KIND_ZH[plan.kind] not in name:  # 指导目录 holding three lists: say which one this is
                name = f"{name}·{KIND_ZH[plan.kind]}"
            lists.append({"list_id": t.list_id, "kind": plan.kind, "name_zh": name, "jurisdiction": req.jurisdiction,
                          "declared_count": plan.rows_read, "declared_source": src, **prov, "source": src})
        doc_no = req.doc_no or normalise_doc_no(plan.title) or ""
        versions.append({"version_id": t.version_id, "list_id": t.list_id, "issuer": req.issuer or "", "doc_no": doc_no,
                         "in_force_from": day, "in_force_to": t.in_force_to or "", **prov,
                         "source": f"{src}#{plan.sheet}" + (f"（{plan.title}）" if plan.title else "")})
        cat_ids: dict[str, str] = {}
        for d in plan.items:
            if d.category not in cat_ids:
                cat_ids[d.category] = f"{t.version_id}-C{len(cat_ids) + 1:02d}"
                categories.append({"category_id": cat_ids[d.category], "version_id": t.version_id, "kind": plan.kind,
                                   "seq": len(cat_ids), "name_zh": d.category, **prov, "source": f"{src}#{plan.sheet}!{d.row}"})
            where = f"{src}#{plan.sheet}!{d.row}"
            items.append({"item_id": f"{t.version_id}-{d.ordinal:03d}", "kind": plan.kind, "version_id": t.version_id,
                          "category_id": cat_ids[d.category], "seq": d.seq, "name_zh": d.name, "description": d.description,
                          "lead_body": d.lead, "assist_bodies": d.assist, "supervise_bodies": d.supervise,
                          "must_not_bodies": d.must_not, "bases": d.bases, "no_basis_reason": d.no_basis_reason,
                          "keywords": d.keywords, "aspect": d.aspect, **prov, "source": where})
            line_of[len(items) + 1] = (plan.sheet, d.row)
            for key, summary in d.summaries.items():
                if key not in seen_keys:
                    seen_keys.add(key)
                    provisions.append({"citation": key, "summary_zh": summary, **prov, "source": where})
    if lists:
        write_csv(folder / "lists.csv", list(SPECS["lists"]), lists)
    write_csv(folder / "list_versions.csv", list(SPECS["list_versions"]), versions)
    write_csv(folder / "categories.csv", list(SPECS["categories"]), categories)
    write_csv(folder / ITEMS_FILE, list(SPECS["items"]), items)
    if provisions:
        write_csv(folder / "provisions.csv", list(SPECS["provisions"]), provisions)
    if report.closed:
        write_csv(folder / OVERRIDES, OVERRIDE_COLUMNS, [
            {"version_id": c["version_id"], "in_force_to": c["in_force_to"], **prov,
             "source": f"{src}：新版本自 {day} 施行"} for c in report.closed])
    shutil.copyfile(req.file, folder / f"original{Path(req.name).suffix.lower()}")
    (folder / MANIFEST).write_text(json.dumps({
        "file": req.name, "sha256": hashlib.sha256(req.file.read_bytes()).hexdigest(),
        "imported_at": datetime.now().astimezone().isoformat(timespec="seconds"), "version_date": day,
        "issuer": req.issuer, "doc_no": req.doc_no, "rows_read": report.rows_read,
        "rows_loaded": sum(len(t.plan.items) for t in targets), "skipped": report.skipped,
        "versions": report.versions, "closed": report.closed}, ensure_ascii=False, indent=2), "utf-8")
    return line_of


def _from_build(problems: list[Problem], folder: str, line_of: dict[int, tuple[str, int]]) -> list[Any]:
    """Build problems in the file's own terms where they come from its rows."""
    from .importer import ImportProblem

    out = []
    for p in problems:
        if p.file == part_label(Path(folder), ITEMS_FILE) and p.row in line_of:
            sheet, row = line_of[p.row]
            out.append(ImportProblem(sheet, row, p.field, p.value, p.reason))
        else:
            where = p.file + (f" 第{p.row}行" if p.row else "")
            out.append(ImportProblem(None, None, p.field, p.value, f"{where}：{p.reason}"))
    return out
