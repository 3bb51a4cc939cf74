"""A real server and Debian's Chromium driven by Playwright.

The server is uvicorn in a background thread on a free 127.0.0.1 port over the bundled graph in
the memory store. Playwright's own browser download cannot work here, so the tests use
/usr/bin/chromium (tools/browser/install.sh installs it); with CI=true a missing browser fails.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest

from qingdan.api import pages
from qingdan.api.app import create_app
from qingdan.api.settings import Settings

CHROMIUM = Path(os.environ.get("QINGDAN_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
IN_CI = os.environ.get("CI") == "true"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI 需要浏览器测试环境：{reason}（运行 tools/browser/install.sh）")
    pytest.skip(f"{reason}（运行 tools/browser/install.sh 安装）")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(memory_store) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The whole app (JSON routes, /viz and the pages) as a user's browser reaches it."""
    import uvicorn

    app = create_app(store=memory_store, settings=Settings())
    pages.register(app, app.state.get_store, app.state.get_resolver)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, name="qingdan-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("测试服务器没有启动")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        _missing(f"找不到 {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("没有安装 playwright（pip install -e '.[test]'）")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Visit:
    """One browser tab that may only talk to the test server, and remembers what went wrong."""

    def __init__(self, browser, base: str, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
        self.base = base
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                           device_scale_factor=1)
        host = urlparse(base).netloc
        self.context.route("**/*", self._guard(host))
        self.page = self.context.new_page()
        self.page.set_default_timeout(15000)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _guard(self, host: str):  # type: ignore[no-untyped-def]
        def handle(route) -> None:  # type: ignore[no-untyped-def]
            url = route.request.url
            if urlparse(url).netloc == host or url.startswith(("data:", "blob:", "about:")):
                route.continue_()
            else:  # officials' networks are closed: a page that needs the internet is broken there
                self.external.append(url)
                route.abort()
        return handle

    def go(self, path: str):  # type: ignore[no-untyped-def]
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def visit(browser, server) -> Iterator[Visit]:  # type: ignore[no-untyped-def]
    v = Visit(browser, server, 1280, 900)
    yield v
    v.close()
    assert not v.external, f"页面请求了外部资源：{v.external}"
    assert not v.errors, f"页面脚本出错：{v.errors}"


@pytest.fixture()
def phone(browser, server) -> Iterator[Visit]:  # type: ignore[no-untyped-def]
    v = Visit(browser, server, 390, 844)
    yield v
    v.close()
    assert not v.external, f"页面请求了外部资源：{v.external}"
    assert not v.errors, f"页面脚本出错：{v.errors}"
