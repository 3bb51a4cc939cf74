"""Where the bundled data lives; QINGDAN_DATA points elsewhere (e.g. a district's own copy)."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("QINGDAN_DATA") or REPO / "data")


def catalog_dir() -> Path:
    return data_dir() / "catalog"


def laws_dir() -> Path:
    return Path(os.environ.get("QINGDAN_LAWS") or data_dir() / "laws")


def provincial_laws_dir() -> Path:
    """Other provinces' local regulations, one .tar.xz per province (loaded only where served)."""
    return data_dir() / "laws_provinces"


def divisions_dir() -> Path:
    return data_dir() / "divisions"


def imports_dir() -> Path:
    """Where official lists imported with `qingdan import` are kept, one folder per import.

    Beside the catalog by default (data/imports next to data/catalog), so a district's own
    QINGDAN_DATA copy carries its imports with it; QINGDAN_IMPORTS points elsewhere.
    """
    return Path(os.environ.get("QINGDAN_IMPORTS") or data_dir() / "imports")


def cache_dir() -> Path:
    """Where built graphs and statute alignments are kept between runs (QINGDAN_CACHE)."""
    return Path(os.environ.get("QINGDAN_CACHE") or Path.home() / ".cache" / "qingdan")
