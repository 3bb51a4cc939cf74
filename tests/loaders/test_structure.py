"""The loaders import one way (bundled catalog → import overlays → pipeline → importer), and every
module stays small enough to read: an import cycle or a 900-line module is what made the importer
hard to change."""
from __future__ import annotations

import ast
from pathlib import Path

from qingdan import paths

LOADERS = paths.REPO / "loaders"
PACKAGE = "qingdan.loaders"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(LOADERS).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join([PACKAGE, *parts])


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Every loaders module this file imports, at the top or inside a function or TYPE_CHECKING block."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            targets = [base, *(f"{base}.{a.name}" for a in node.names)]
        else:
            continue
        for t in targets:
            if t in modules and t != name:
                out.add(t)
                outer = t.rsplit(".", 1)[0]
                # importing a package's module from outside that package runs the package first
                if outer in modules and outer != PACKAGE and not name.startswith(outer):
                    out.add(outer)
    return out


def graph() -> dict[str, set[str]]:
    files = sorted(LOADERS.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return {module_name(f): imports_of(f, modules) for f in files}


def find_cycle(g: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(g.get(m, ())):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(g):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_the_loaders_import_each_other_one_way():
    g = graph()
    assert find_cycle(g) is None, " → ".join(find_cycle(g) or [])
    # the direction the pipeline composes them in
    assert f"{PACKAGE}.imports" not in g[f"{PACKAGE}.catalog"]
    assert f"{PACKAGE}.pipeline" not in g[f"{PACKAGE}.imports"]
    assert f"{PACKAGE}.imports" in g[f"{PACKAGE}.pipeline"]
    assert not {m for m in g[f"{PACKAGE}.pipeline"] if m.startswith(f"{PACKAGE}.importer")}


def test_the_cycle_finder_finds_a_cycle_inside_a_function(tmp_path, monkeypatch):
    """The check itself can fail: the circle the loaders had (catalog importing imports inside
    load_catalog) is found."""
    pkg = tmp_path / "loaders"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "catalog.py").write_text("def load():\n    from .imports import overlay\n")
    (pkg / "imports.py").write_text("from .catalog import load\n")
    monkeypatch.setitem(globals(), "LOADERS", pkg)
    assert find_cycle(graph()) == [f"{PACKAGE}.catalog", f"{PACKAGE}.imports", f"{PACKAGE}.catalog"]


def test_the_importer_is_split_by_what_it_holds():
    sizes = {p.relative_to(LOADERS).as_posix(): len(p.read_text("utf-8").splitlines())
             for p in sorted((LOADERS / "importer").glob("*.py"))}
    assert {"workbook.py", "table.py", "bodies.py", "bases.py", "rows.py", "folder.py", "run.py"} <= {
        Path(n).name for n in sizes}
    assert {n: s for n, s in sizes.items() if s > 400} == {}
