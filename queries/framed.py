"""Files of plain values (marshal: fast to read, runs no code) behind a crc32, replaced atomically:
the resolver's start-up caches (jieba's dictionary in pieces, the item index, the item vectors).
Each caller decides what a missing or damaged file means and says so in its own words."""
from __future__ import annotations

import logging
import marshal
import os
import threading
import zlib
from pathlib import Path

# what reading a damaged file raises (besides FileNotFoundError for a missing one)
DAMAGED = (ValueError, EOFError, TypeError)


def load(path: Path) -> object:
    """The value stored at path: FileNotFoundError when there is none, ValueError("校验和不符") when
    the file was cut short or altered, one of DAMAGED when marshal cannot read it."""
    data = path.read_bytes()
    if len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "big"):
        raise ValueError("校验和不符")
    return marshal.loads(data[4:])


def dump(path: Path, value: object) -> None:
    """Writes a temporary file beside path and renames it: a reader, in this process or another,
    sees the old file or the whole new one."""
    payload = marshal.dumps(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(zlib.crc32(payload).to_bytes(4, "big") + payload)
    tmp.replace(path)


def load_shipped(path: Path, what: str, log: logging.Logger) -> object | None:
    """A table shipped beside the code (weights, vectors): None when it is missing, and when it is damaged
    with a warning naming what it is, so that the answer goes on without it."""
    try:
        return load(path)
    except FileNotFoundError:
        return None
    except DAMAGED as e:
        log.warning("%s %s 已损坏（%s），不使用", what, path, e)
        return None
