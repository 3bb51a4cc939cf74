"""A damaged catalog at start: `qingdan serve` must refuse to start — non-zero exit, the file and the row
named on stderr, and at no moment a port answering with a half-loaded graph."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qingdan import paths

TARGET = "items_prohibited.csv"
ROW = 5  # the line as a spreadsheet numbers it (header = 1)


def corrupt(kind: str, path: Path) -> None:
    lines = path.read_bytes().split(b"\n")
    line = lines[ROW - 1]
    if kind == "unknown_kind":
        line = line.replace(b",prohibited,", b",prohibitted,", 1)
    elif kind == "missing_cells":
        line = b",".join(line.split(b",")[:5])
    elif kind == "not_utf8":
        line = line[:40] + b"\xff\xfe\xfa" + line[40:]
    assert line != lines[ROW - 1]
    lines[ROW - 1] = line
    path.write_bytes(b"\n".join(lines))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("kind", [
    "unknown_kind",
    "missing_cells",
    "not_utf8",
])
def test_serve_refuses_a_corrupted_catalog_naming_file_and_row(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(paths.REPO / "data" / "catalog", data / "catalog")
    for part in ("laws", "divisions"):
        (data / part).symlink_to(paths.REPO / "data" / part)
    corrupt(kind, data / "catalog" / TARGET)
    port = free_port()
    env = {**os.environ, "QINGDAN_DATA": str(data), "QINGDAN_CACHE": str(tmp_path / "cache"),
           "QINGDAN_STORE": "memory"}
    env.pop("QINGDAN_IMPORTS", None)
    qingdan = str(Path(sys.executable).parent / "qingdan")
    proc = subprocess.Popen([qingdan, "serve", "--host", "127.0.0.1", "--port", str(port), "--store", "memory"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    answered = False
    while proc.poll() is None and time.time() < deadline:
        answered = answered or listening(port)
        time.sleep(0.05)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
        pytest.fail("qingdan serve was still running with a corrupted catalog")
    _, err = proc.communicate()
    assert proc.returncode != 0
    assert not answered and not listening(port), "a port answered although the catalog was corrupted"
    flat = " ".join(err.split())
    assert TARGET in flat and f"第{ROW}行" in flat, err[-600:]
    assert "Traceback" not in err
