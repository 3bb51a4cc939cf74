"""Import folders laid over the bundled catalog: what they add, close and replace, and how a new one is
put in place by one atomic rename whatever moment a kill comes."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from qingdan.errors import DataError
from qingdan.loaders.catalog import load_catalog
from qingdan.loaders.imports import load_with_imports

from .importer.workbooks import folders, items_of, messy_workbook, run


def hidden(env) -> list[str]:
    """What a reader ignores: everything hidden under imports/, and the stored folders."""
    names = [p.name for p in env.imports.iterdir() if p.name.startswith(".") and p.name not in (".lock", ".store")]
    return sorted(names + [f".store/{p.name}" for p in (env.imports / ".store").iterdir()])


def write_folder(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for file, text in files.items():
        (folder / file).write_text(text, "utf-8")
    return folder


NEG_VERSION = ("version_id,list_id,issuer,doc_no,issued,in_force_from,in_force_to,provenance_status,source\n"
               "T-NEG-1,T-NEG,区纪委,,,2021-01-01,,official_verbatim,import:负面.xlsx\n")
NEG_CATEGORY = "category_id,version_id,kind,seq,name_zh,provenance_status,source\nN-C1,T-NEG-1,negative,1,财务规定不执行,official_verbatim,x\n"
NEG_ITEM = ("item_id,kind,version_id,category_id,seq,name_zh,lead_body,no_basis_reason,aspect,provenance_status,source\n"
            "N-001,negative,T-NEG-1,N-C1,1,虚开白条入账,county_discipline,官方清单未列依据,财务规定不执行,official_verbatim,x\n")


def test_the_bundled_catalog_reads_one_folder_and_the_overlay_adds_the_imports(env):
    write_folder(env.imports, "NEG", {"list_versions.csv": NEG_VERSION, "categories.csv": NEG_CATEGORY,
                                      "items_x.csv": NEG_ITEM, "replaced_versions.csv":
                                      "version_id,provenance_status,source\nT-NEG-1,official_verbatim,x\n"})
    assert [r["item_id"] for r in load_catalog(env.catalog).of("items")] == ["T-001", "T-002", "T-003"]
    cat = load_with_imports(env.catalog)
    # the import's own T-NEG-1 replaced the bundled one with its items; the rest is as it was
    assert [(r["item_id"], r.file) for r in cat.of("items")] == [
        ("T-001", "items_test.csv"), ("T-002", "items_test.csv"), ("N-001", "imports/NEG/items_x.csv")]
    assert [(r["version_id"], r.file) for r in cat.of("list_versions")] == [
        ("T-AUT-1", "list_versions.csv"), ("T-NEG-1", "imports/NEG/list_versions.csv")]


def test_a_repeated_version_without_a_replacement_and_a_replacement_of_nothing_are_errors(env):
    write_folder(env.imports, "A", {"list_versions.csv": NEG_VERSION})
    write_folder(env.imports, "B", {"replaced_versions.csv": "version_id,provenance_status,source\nT-GONE,modeled,x\n"})
    with pytest.raises(DataError) as exc:
        load_with_imports(env.catalog)
    assert [(p.file, p.row, p.field, p.value, p.reason) for p in exc.value.problems] == [
        ("imports/B/replaced_versions.csv", 2, "version_id", "T-GONE", "要替换的清单版本不存在"),
        ("imports/A/list_versions.csv", 2, "version_id", "T-NEG-1", "编号重复（已见于 list_versions.csv#3）"),
    ]


def test_an_override_closes_a_version_and_deleting_its_folder_reopens_it(env):
    folder = write_folder(env.imports, "C", {"list_version_overrides.csv":
                                             "version_id,in_force_to,provenance_status,source\nT-AUT-1,2023-12-31,modeled,x\n"})
    spans = {r["version_id"]: r["in_force_to"] for r in load_with_imports(env.catalog).of("list_versions")}
    assert spans == {"T-AUT-1": "2023-12-31", "T-NEG-1": None}
    shutil.rmtree(folder)
    assert {r["version_id"]: r["in_force_to"] for r in load_with_imports(env.catalog).of("list_versions")}["T-AUT-1"] is None


def test_a_replacement_killed_before_its_last_rename_leaves_the_old_folder_readable(env, monkeypatch):
    import qingdan.loaders.imports as imports

    good = messy_workbook(env.tmp / "目录.xlsx")
    assert run(env, good).loaded
    old_names = [r["name_zh"] for r in items_of(env, "T-AUT-2024-05-01")]
    wb = openpyxl.load_workbook(good)
    wb["群众自治工作职责事项"]["B5"] = "讨论决定本村宅基地使用方案（修订）"
    wb.save(env.tmp / "目录2.xlsx")

    real = os.replace

    def killed_at_the_link(src, dst):  # the process dies just before the link is renamed into place
        if Path(src).name.startswith(".link-"):
            raise KeyboardInterrupt
        return real(src, dst)

    before = folders(env)
    monkeypatch.setattr(imports.os, "replace", killed_at_the_link)
    with pytest.raises(KeyboardInterrupt):
        run(env, env.tmp / "目录2.xlsx", replace=True)
    monkeypatch.setattr(imports.os, "replace", real)
    assert folders(env) == before
    assert [r["name_zh"] for r in items_of(env, "T-AUT-2024-05-01")] == old_names
    assert hidden(env)  # what the killed import left: its link and stored folder, both ignored

    report = run(env, env.tmp / "目录2.xlsx", replace=True)  # the next import tidies up, then replaces
    assert report.loaded and report.replaced
    assert items_of(env, "T-AUT-2024-05-01")[0]["name_zh"] == "讨论决定本村宅基地使用方案（修订）"
    assert len(hidden(env)) == 1  # only the stored folder the link points to


def test_a_folder_written_before_links_is_replaced_and_the_cache_sees_removals(env):
    from qingdan.loaders.cache import fingerprint

    good = messy_workbook(env.tmp / "目录.xlsx")
    assert run(env, good).loaded
    [name] = folders(env)
    link = env.imports / name
    assert link.is_symlink()
    copy = env.tmp / "legacy"
    shutil.copytree(link, copy)  # as an earlier qingdan left it: a plain folder
    link.unlink()
    shutil.move(str(copy), str(link))
    assert not link.is_symlink()
    assert run(env, good, replace=True).replaced
    assert link.is_symlink() and len(hidden(env)) == 1
    before = fingerprint(env.imports)
    link.unlink()  # removing an import is removing its link
    assert fingerprint(env.imports) != before
    assert items_of(env, "T-AUT-2024-05-01") == []
