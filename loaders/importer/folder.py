"""Writing an import folder: the plan of each sheet as catalog-format parts (data/CATALOG.md),
the original file and a manifest; and build problems told in the file's own terms."""
from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from qingdan.errors import Problem
from qingdan.ontology.terms import KIND_ZH

from ..catalog import SPECS
from ..cite import normalise_doc_no
from ..imports import MANIFEST, OVERRIDE_COLUMNS, OVERRIDES, REPLACED, REPLACED_COLUMNS, part_label, write_csv
from .problems import ImportProblem
from .request import ImportReport, ImportRequest, Target


ITEMS_FILE = "items_import.csv"


def list_jurisdiction(place: dict | None) -> str:
    """A new list binds the district (or city) it was issued for; without a place, Shantou, whose
    lists the bundled catalog holds. A town's list binds its district here: jurisdictions are
    province, city or county codes."""
    code = str(place["code"]) if place and place.get("code") else DEFAULT_JURISDICTION
    return code[:6]


DEFAULT_JURISDICTION = "4405"


def write_folder(folder: Path, req: ImportRequest, targets: list[Target], day: str,
                 report: ImportReport) -> dict[int, tuple[str, int]]:
    """The import folder in catalog format; returns items-file line → (sheet, row) for build problems."""
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
            lists.append({"list_id": t.list_id, "kind": plan.kind, "name_zh": name,
                          "jurisdiction": list_jurisdiction(report.place),
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
                          "keywords": d.keywords, "aspect": d.aspect, "lead_body_name": d.lead_name,
                          "assist_body_names": d.assist_names, "supervise_body_names": d.supervise_names,
                          "unlinked_bases": d.unlinked, **prov, "source": where})
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
    replaced = [t for t in targets if t.replaces]
    if replaced:
        write_csv(folder / REPLACED, REPLACED_COLUMNS, [
            {"version_id": t.replaces, **prov, "source": f"{src}：以本文件替换该版本（--replace）"} for t in replaced])
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
        "versions": report.versions, "closed": report.closed, "replaced_versions": report.replaced_versions,
        "place": report.place}, ensure_ascii=False, indent=2), "utf-8")
    return line_of


def build_problems(problems: list[Problem], folder: str, line_of: dict[int, tuple[str, int]]) -> list[Any]:
    """Build problems in the file's own terms where they come from its rows."""
    out = []
    for p in problems:
        if p.file == part_label(Path(folder), ITEMS_FILE) and p.row in line_of:
            sheet, row = line_of[p.row]
            out.append(ImportProblem(sheet, row, p.field, p.value, p.reason))
        else:
            where = p.file + (f" 第{p.row}行" if p.row else "")
            out.append(ImportProblem(None, None, p.field, p.value, f"{where}：{p.reason}"))
    return out
