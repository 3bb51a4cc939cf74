"""One import, start to finish: read the file, check every row, build the whole catalog with the
new folder, and only then put it in place (loaders.imports.commit)."""
from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qingdan.errors import DataError
from qingdan.ontology.terms import KIND_ZH

from ..imports import commit, locked, root_for, staged, staging_dir, tidy
from .columns import KIND_CODE, kind_from_text, parse_kind
from .place import Place, given_place, place_in
from .problems import ImportProblem
from .request import ImportReport, ImportRequest, Target
from .rows import SheetPlan
from .table import find_table, split_sections
from .workbook import MAX_ROWS, read_file

if TYPE_CHECKING:
    from ..catalog import Catalog

LIST_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,60}$")


def run_import(req: ImportRequest, catalog_dir: Path | None = None, laws_dir: Path | None = None,
               divisions_dir: Path | None = None) -> ImportReport:
    """Read, check, build the whole catalog with the import, and only then put it in place.

    Nothing is written where the catalog loader looks unless the full build (SHACL included)
    succeeds; with dry_run nothing is written at all.
    """
    from qingdan import paths

    catalog_dir = Path(catalog_dir or paths.catalog_dir())
    laws_dir = Path(laws_dir or paths.laws_dir())
    divisions_dir = Path(divisions_dir or paths.divisions_dir())
    report = ImportReport(req.name, dry_run=req.dry_run)
    fatal = report.problems
    day = _check_date(req.version_date, fatal)
    forced = parse_kind(req.kind) if req.kind else None
    if req.kind and forced is None:
        fatal.append(ImportProblem(None, None, None, req.kind, "未知的清单种类，可选：" + "、".join(f"{k}（{v}）" for k, v in KIND_ZH.items())))
    for lid in req.lists:
        if not LIST_ID_RE.match(lid):
            fatal.append(ImportProblem(None, None, None, lid, "清单编号只能由字母、数字、- 和 _ 组成"))
    place = None
    if req.place:
        place, place_problems = given_place(req.place, divisions_dir)
        fatal.extend(place_problems)
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
        if kind in seen_kind and len(req.lists) < 2:  # with --list naming several, each sheet says which (_targets)
            fatal.append(ImportProblem(table.sheet, None, None, None,
                                       f"与工作表「{seen_kind[kind]}」同为{KIND_ZH[kind]}：一次导入每种清单只能有一个工作表，"
                                       "除非用 --list 逐一指明清单，并在各工作表名称或标题中写明清单编号"))
        seen_kind.setdefault(kind, table.sheet)
    if not tables and not fatal:
        fatal.append(ImportProblem(None, None, None, None, "文件中没有可导入的事项表"))
    if fatal or day is None:
        return report
    if place is None:  # 汕头市龙湖区…目录: the title says whose list it is
        place = place_in([t.title for t, _ in tables] + [Path(req.name).stem], divisions_dir)
    report.place = place.to_dict() if place else None
    return _plan_and_load(req, report, tables, day, catalog_dir, laws_dir, divisions_dir, place)


def _check_date(value: str | None, fatal: list[Any]) -> str | None:
    if not value:
        fatal.append(ImportProblem(None, None, None, None, "请用 --version-date 指明这一版清单的施行日期（YYYY-MM-DD）"))
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        fatal.append(ImportProblem(None, None, None, value, "施行日期格式应为 YYYY-MM-DD"))
        return None


def _plan_and_load(req: ImportRequest, report: ImportReport, tables: list[Any], day: str, catalog_dir: Path,
                   laws_dir: Path, divisions_dir: Path, place: Place | None) -> ImportReport:
    from ..imports import load_with_imports
    from ..laws import cached_corpus
    from .bases import Citer
    from .bodies import BodyIndex
    from .folder import build_problems, write_folder
    from .rows import plan_sheet

    root = root_for(catalog_dir)
    guard = locked(root) if not req.dry_run else contextlib.nullcontext()
    with guard:
        if not req.dry_run:
            tidy(root)
        cat = load_with_imports(catalog_dir)
        corpus = cached_corpus(str(laws_dir))
        bodies = BodyIndex(cat.of("body_types"), cat.of("body_aliases"), place)
        citer = Citer(cat, corpus)
        plans = [plan_sheet(t, kind, day, bodies, citer) for t, kind in tables]
        report.rows_read = sum(p.rows_read for p in plans)
        for p in plans:
            report.warnings.extend(p.warnings)
        targets = _targets(req, plans, cat, report)
        if report.problems:
            return report
        name = _folder_name(targets, day)
        previous: list[Any] = []
        if (root / name).is_dir():  # an earlier import of the same lists and date: read as if it were gone
            previous = [v for v in cat.of("list_versions") if v.file.startswith(f"imports/{name}/")]
            with staged(_placeholder(name)):
                cat = load_with_imports(catalog_dir)
            targets = _targets(req, plans, cat, report)
        _versions(targets, cat, previous, day, req.replace, report)
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
            line_of = write_folder(folder, req, targets, day, report)
            try:
                from ..pipeline import build

                with staged(folder):
                    built = build(catalog_dir=catalog_dir, laws_dir=laws_dir, divisions_dir=divisions_dir,
                                  national=req.national, places=req.places)
            except DataError as exc:
                report.problems.extend(build_problems(exc.problems, folder.name, line_of))
                return report
            report.valid = True
            if req.dry_run:
                return report
            commit(folder, root)
            report.replaced = bool(report.replaced_versions)
            report.loaded = True
            report.rows_loaded = sum(len(t.plan.items) for t in targets)
            report.built = built
            return report
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _folder_name(targets: list[Target], day: str) -> str:
    """The lists and date an import holds, so importing them again finds the earlier folder; a
    workbook of many lists gets a digest of that name (a file name holds at most 255 bytes)."""
    name = "+".join(sorted(f"{t.list_id}-{day}" for t in targets))
    if len(name) <= 120:
        return name
    return f"{len(targets)}lists-{day}-{hashlib.sha256(name.encode()).hexdigest()[:12]}"


def _placeholder(name: str) -> Path:
    """A folder path that hides the import of that name and adds nothing (it does not exist)."""
    return Path("/nonexistent-qingdan-import") / name


def _problem(sheet: str | None, reason: str, value: str | None = None) -> Any:
    return ImportProblem(sheet, None, None, value, reason)


def _targets(req: ImportRequest, plans: list[Any], cat: "Catalog", report: ImportReport) -> list[Target]:
    """Which list each sheet becomes a version of: --list when given, else the one list of its kind."""
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
    out: list[Target] = []
    for p in plans:
        asked = [lid for lid in req.lists if lid in lists and lists[lid]["kind"] == p.kind]
        if len(asked) > 1:  # 放权强镇 in one workbook: three delegated lists, one sheet each
            lid = _named_in(p, asked)
            if lid is None:
                report.problems.append(_problem(p.sheet, f"--list 指明了多个{KIND_ZH[p.kind]}清单（{'、'.join(asked)}），"
                                                "请在工作表名称或标题中写明它属于哪一个清单编号"))
                continue
        else:
            lid = chosen.get(p.kind)
        if lid is None:
            have = sorted(by_kind.get(p.kind, []))
            if len(have) > 1:
                report.problems.append(_problem(p.sheet, f"已有多个{KIND_ZH[p.kind]}清单（{'、'.join(have)}），请用 --list 指明导入到哪一个"))
                continue
            lid = have[0] if have else f"IMP-{KIND_CODE[p.kind]}"
        out.append(Target(p, lid, lid not in lists))
    twice = {t.list_id for t in out if sum(u.list_id == t.list_id for u in out) > 1}
    for lid in sorted(twice):
        sheets = "、".join(f"「{t.plan.sheet}」" for t in out if t.list_id == lid)
        report.problems.append(_problem(None, f"工作表{sheets}都对应清单 {lid}：一次导入每个清单只能有一个工作表", lid))
    return out


def _named_in(plan: SheetPlan, candidates: list[str]) -> str | None:
    """The one candidate list whose id the sheet's name or title writes (an exported sheet's title
    names its version, ST-ZDML-PRO-V1). An id must not run on into letters or digits (CN-CERT is not
    in CN-CERT2), and of two that both stand there the longer wins (ST-ZDML-PRO over ST-ZDML)."""
    text = f"{plan.sheet} {plan.title}"
    found = [lid for lid in candidates if re.search(rf"(?<![A-Za-z0-9]){re.escape(lid)}(?![A-Za-z0-9_])", text)]
    found = [lid for lid in found if not any(o != lid and lid in o for o in found)]
    return found[0] if len(found) == 1 else None


def _versions(targets: list[Target], cat: "Catalog", previous: list[Any], day: str, replace: bool,
              report: ImportReport) -> None:
    """The new version of each list, the versions it closes, and where a later version closes it.

    A version already in force from the same day is replaced with --replace (the new one keeps
    its id, so whatever points to it still does) and is otherwise a problem saying how to replace it.
    previous: the versions of an earlier import of the same name, which this one would replace whole.
    """
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    versions = cat.of("list_versions")
    for t in targets:
        t.version_id = f"{t.list_id}-{day}"
        clash = next((v for v in [*previous, *versions] if v["version_id"] == t.version_id
                      or (v["list_id"] == t.list_id and v["in_force_from"] == day)), None)
        if clash is not None and not replace:
            report.problems.append(_problem(
                t.plan.sheet, f"清单 {t.list_id} 已有自 {day} 施行的版本 {clash['version_id']}（{_where(clash)}）："
                              "要以本文件替换这一版本，请加 --replace 重新导入（API：replace=true）；"
                              "如是另一版本，请用 --version-date 写明它的施行日期", clash["version_id"]))
            continue
        if clash is not None:
            t.version_id = clash["version_id"]
            t.replaces = None if clash in previous else clash["version_id"]
            report.replaced_versions.append({"version_id": clash["version_id"], "list_id": t.list_id,
                                             "in_force_from": clash["in_force_from"], "where": _where(clash)})
        mine = [v for v in versions if v["list_id"] == t.list_id and v["version_id"] != t.version_id]
        later = sorted(v["in_force_from"] for v in mine if v["in_force_from"] > day)
        if later:
            t.in_force_to = (date.fromisoformat(later[0]) - timedelta(days=1)).isoformat()
        for v in mine:
            if v["in_force_from"] < day and (v["in_force_to"] is None or v["in_force_to"] >= day):
                report.closed.append({"version_id": v["version_id"], "list_id": t.list_id, "in_force_to": before,
                                      "was": v["in_force_to"]})
        report.versions.append({"sheet": t.plan.sheet, "kind": t.plan.kind, "list_id": t.list_id, "new_list": t.new_list,
                                "version_id": t.version_id, "in_force_from": day, "in_force_to": t.in_force_to,
                                "items": len(t.plan.items), "replaces": clash["version_id"] if clash else None})


def _where(version: Any) -> str:
    """Where a version is held, as a person finds it: an import folder or a row of the catalog."""
    if version.file.startswith("imports/"):
        return f"由导入 imports/{version.file.split('/')[1]} 写入"
    return f"清单目录 {version.file} 第{version.line}行"
