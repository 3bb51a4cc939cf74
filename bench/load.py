"""Load on loopback: many concurrent clients against a real `qingdan serve` (uvicorn), measured from
outside the server process.

    .venv/bin/python bench/load.py [--store memory|neo4j] [--clients 50] [--requests 5000] [--seconds 60]
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 [--trace out.jsonl]   # an already running server

Without --url the server is started on a free 127.0.0.1 port with the chosen store and stopped at the
end. The clients are asyncio tasks sharing one httpx connection pool in this process; they ask for
the home page `/` and for `/resolve` (the bench questions, half of them with a village), until the
request budget or the time budget is spent, whichever first. Only 127.0.0.1 is ever contacted.

Prints one JSON object: requests, errors (anything but 200, or no answer), status counts, latency
p50/p99/max in ms, requests per second, per path. --trace writes one line per request
(start offset s, path, status or error, ms) for bench/reliability.py.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere

from bench.questions import QUESTIONS  # noqa: E402

HOME_SHARE = 0.2  # one request in five is the web home page, the rest are /resolve questions
TIMEOUT = 30.0  # a request without an answer after this long counts as hung


@dataclass
class Sample:
    start: float  # seconds since the run began
    path: str
    status: int | None  # None: no answer (timeout, refused, reset)
    ms: float
    error: str | None = None
    wall: float = 0.0  # the same moment as a Unix time, to line requests up with outside events


@dataclass
class Result:
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        return summarize(self.samples, self.seconds)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else 0.0


def summarize(samples: list[Sample], seconds: float) -> dict[str, Any]:
    def block(ss: list[Sample]) -> dict[str, Any]:
        ok = [s.ms for s in ss if s.status == 200]
        lat = [s.ms for s in ss]
        return {"requests": len(ss), "errors": sum(1 for s in ss if s.status != 200),
                "status": dict(sorted(Counter(str(s.status) if s.status else (s.error or "error") for s in ss).items())),
                "ms": {"p50": round(pct(lat, 50), 1), "p99": round(pct(lat, 99), 1), "max": round(max(lat, default=0), 1)},
                "ok_ms": {"p50": round(pct(ok, 50), 1), "p99": round(pct(ok, 99), 1)}}

    out = block(samples)
    out["seconds"] = round(seconds, 2)
    out["rps"] = round(len(samples) / seconds, 1) if seconds else 0.0
    out["paths"] = {p: block([s for s in samples if s.path == p]) for p in sorted({s.path for s in samples})}
    return out


def loopback_only(url: str) -> None:
    host = urlparse(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"只对本机（127.0.0.1）施加负载，拒绝：{url}")


async def drive(url: str, clients: int, max_requests: int, max_seconds: float, seed: int = 1,
                timeout: float = TIMEOUT) -> Result:
    """Send requests from `clients` concurrent tasks until the budget in requests or seconds is spent."""
    loopback_only(url)
    rng = random.Random(seed)
    plan = [("/", None) if rng.random() < HOME_SHARE else ("/resolve", rng.choice(QUESTIONS)) for _ in range(max_requests)]
    result = Result()
    t0 = time.perf_counter()
    next_i = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits, trust_env=False) as client:
        async def worker() -> None:
            nonlocal next_i
            while next_i < len(plan) and time.perf_counter() - t0 < max_seconds:
                path, qa = plan[next_i]
                next_i += 1
                params = {} if qa is None else {"q": qa[0], **({"village": qa[1]} if qa[1] else {})}
                start, wall = time.perf_counter(), time.time()
                try:
                    r = await client.get(path, params=params)
                    status, error = r.status_code, None
                except httpx.TimeoutException:
                    status, error = None, "timeout"
                except httpx.HTTPError as exc:
                    status, error = None, type(exc).__name__
                    await asyncio.sleep(0.05)  # a refused connection returns at once: do not spin
                result.samples.append(Sample(round(start - t0, 4), path, status, (time.perf_counter() - start) * 1000, error,
                                             round(wall, 4)))

        await asyncio.gather(*(worker() for _ in range(clients)))
    result.seconds = time.perf_counter() - t0
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen[Any] | None, seconds: float) -> float:
    """Seconds until GET /health answers 200 (the graph is loaded); SystemExit when the server died."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        if proc is not None and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise SystemExit(f"qingdan serve 退出（{proc.returncode}）：{err[-800:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2, trust_env=False).status_code == 200:
                return time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"qingdan serve 在 {seconds:.0f} 秒内没有就绪：{url}")


@contextmanager
def server(store: str, env: dict[str, str] | None = None, port: int | None = None,
           ready_seconds: float = 300) -> Iterator[tuple[str, subprocess.Popen[Any], float]]:
    """A `qingdan serve` process on 127.0.0.1: (url, process, seconds until it answered)."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    qingdan = str(Path(sys.executable).parent / "qingdan")
    proc = subprocess.Popen([qingdan, "serve", "--host", "127.0.0.1", "--port", str(port), "--store", store],
                            env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=REPO)
    try:
        ready = wait_until_up(url, proc, ready_seconds)
        yield url, proc, ready
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def warm(url: str) -> None:
    """One pass over the questions, as a running server would have had (resolver built, caches filled).
    The first request builds the resolver: on Neo4j that is thousands of small reads, so it may take long."""
    with httpx.Client(base_url=url, timeout=300, trust_env=False) as c:
        c.get("/")
        for q, v in QUESTIONS:
            c.get("/resolve", params={"q": q, **({"village": v} if v else {})})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="memory", choices=["memory", "neo4j"])
    ap.add_argument("--url", help="drive a server that is already running (127.0.0.1 only)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--trace", type=Path, help="write one JSON line per request here")
    ap.add_argument("--no-warm", action="store_true", help="measure from the first request on")
    args = ap.parse_args()

    def run(url: str) -> dict[str, Any]:
        if not args.no_warm:
            warm(url)
        res = asyncio.run(drive(url, args.clients, args.requests, args.seconds))
        if args.trace:
            with args.trace.open("w", encoding="utf-8") as fh:
                for s in sorted(res.samples, key=lambda s: s.start):
                    fh.write(json.dumps(s.__dict__, ensure_ascii=False) + "\n")
        return res.summary()

    if args.url:
        loopback_only(args.url)
        out = {"url": args.url, "clients": args.clients, **run(args.url)}
    else:
        with server(args.store) as (url, _, ready):
            out = {"store": args.store, "clients": args.clients, "startup_s": round(ready, 2), **run(url)}
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
