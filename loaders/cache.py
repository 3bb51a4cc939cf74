"""A validated graph kept on disk, keyed by a hash of every input and of the code that built it.

Building and validating takes seconds (SHACL over ~120k triples); the CLI and the server start
from the cache when nothing changed, and rebuild — with full validation — when anything did.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from qingdan import paths
from qingdan.queries.stores.base import PropertyGraph

CODE_DIRS = ("loaders", "ontology", "qingdan", "queries/stores")  # stores: the pickled graph's own classes


def _cache_dir() -> Path:
    return paths.cache_dir()


def fingerprint(*folders: Path, national: bool = False, places: tuple[str, ...] = ()) -> str:
    h = hashlib.sha256(f"national={national}|places={','.join(places)}".encode())
    for folder in [*folders, *(paths.REPO / d for d in CODE_DIRS)]:
        for f in sorted(Path(folder).rglob("*")):
            if f.is_symlink():  # an import folder is a link into imports/.store: where it points matters
                h.update(f"{f}->{os.readlink(f)}".encode())
            elif f.is_file() and "__pycache__" not in f.parts:
                st = f.stat()
                h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def cached_graph(catalog_dir: Path | None = None, laws_dir: Path | None = None,
                 divisions_dir: Path | None = None, national: bool = False, use_cache: bool = True,
                 places: tuple[str, ...] = ()) -> PropertyGraph:
    from .pipeline import build

    cat, laws, divs = catalog_dir or paths.catalog_dir(), laws_dir or paths.laws_dir(), divisions_dir or paths.divisions_dir()
    from .imports import root_for

    # imported official lists are part of the graph: a new import must never meet an old cache
    folders = (cat, laws, divs, root_for(Path(cat)), paths.provincial_laws_dir())
    path = _cache_dir() / f"graph-{fingerprint(*folders, national=national, places=places)}.pickle"
    if use_cache and path.exists():
        try:
            with path.open("rb") as fh:
                graph = pickle.load(fh)
            if isinstance(graph, PropertyGraph):
                return graph
        except Exception:  # a damaged cache is rebuilt, never trusted
            path.unlink(missing_ok=True)
    graph = build(cat, laws, divs, national=national, places=places).graph
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(graph, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    return graph
