"""Fault injection shared by the tests and bench/reliability.py: a TCP relay that plays a database
going away, and a look at the server for a load's open transaction."""
from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections import Counter
from typing import Any, Callable


class Relay:
    """127.0.0.1:<port> → a server's port while up; when cut, open connections are dropped and new
    ones closed at once (what a crashed or unplugged database looks like to the driver)."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.port = self.sock.getsockname()[1]
        self.up = True
        self.accepted = 0  # connection attempts, refused ones included
        self.lock = threading.Lock()
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            for s in (client, upstream):  # without it Nagle and delayed ACKs add ~40 ms to every small query
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.close()
                except OSError:
                    pass

    def cut(self) -> None:
        self.up = False
        with self.lock:
            for c in self.conns:
                try:
                    c.shutdown(socket.SHUT_RDWR)
                    c.close()
                except OSError:
                    pass
            self.conns.clear()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.sock.close()


def load_transaction(store: Any) -> str | None:
    """The status of a qingdan load's transaction on the Neo4j server — "Running" (also between its
    statements), "Closing" while it commits — or None when there is none. Found by the metadata
    the loader attaches (neo4j_load.load_metadata); a fixed query, no user text."""
    step = load_step(store)
    return step[1] if step else None


def load_step(store: Any) -> tuple[str, str] | None:
    """(step, status) of a qingdan load's open transaction — step "nodes" or "rels" while it writes
    the new generation, "switch", "sweep" while it deletes the old one — or None."""
    with store._driver.session(database=store.database) as s:  # noqa: SLF001
        rows = s.run("SHOW TRANSACTIONS YIELD metaData, status RETURN metaData, status").data()
    for r in rows:
        meta = r["metaData"] or {}
        if meta.get("job") == "load" and meta.get("app") == "qingdan":
            return str(meta.get("step")), str(r["status"])
    return None


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen | None = None, timeout: float = 600,
             step: float = 0.02) -> float | None:
    """perf_counter() when `condition` first holds, or None if `proc` ended (or time ran out) first."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return time.perf_counter()
        if proc is not None and proc.poll() is not None:
            return None
        time.sleep(step)
    return None


def load_tokens(store: Any) -> Counter[str]:
    """How many entities carry each load's token: one token after a whole load, two in a mix."""
    with store._driver.session(database=store.database) as s:  # noqa: SLF001
        return Counter({r["t"]: r["c"] for r in s.run("MATCH (n:Entity) RETURN n._load AS t, count(*) AS c")})
