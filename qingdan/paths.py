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


def divisions_dir() -> Path:
    return data_dir() / "divisions"
