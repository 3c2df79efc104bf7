"""``reportdiff serve``: the reader served by textual-serve, opened in headless chromium.

xterm.js draws the served terminal on a canvas (its WebGL or canvas renderer), so there
are no DOM rows to read. What the page receives is read instead: the terminal output the
server sends down the page's websocket, escape sequences removed. A key is typed into the
page (xterm's own input) and its effect comes back the same way.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rendered import CHROMIUM, browser_or_skip
from reportdiff.cli import main

DEADLINE = 60.0
"""Seconds any one wait may take on a busy 2-core machine before the test fails."""
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(what: str, done: Callable[[], bool], *, pump: Callable[[], None]) -> None:
    """Poll ``done`` (calling ``pump`` between polls) until it holds or the deadline."""
    deadline = time.monotonic() + DEADLINE
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        pump()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``reportdiff serve yangpu-2022 yangpu-2023`` on a free loopback port; its URL."""
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        pytest.skip("textual-serve is not installed (pip install '.[test]')")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportdiff",
            "serve",
            "yangpu-2022",
            "yangpu-2023",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own group: the apps it starts are stopped with it
        env=dict(os.environ, COLUMNS="100"),
    )
    try:

        def listening() -> bool:
            if proc.poll() is not None:
                pytest.fail(f"serve exited: {(tmp_path / 'serve.log').read_text()}")
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", port)) == 0

        _wait_for("the server to listen", listening, pump=lambda: time.sleep(0.05))
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.send_signal(signal.SIGTERM)  # textual-serve's graceful exit
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
        log.close()


def test_the_served_reader_shows_the_reports_and_takes_keys(server: str) -> None:
    sync_playwright = browser_or_skip()
    received: list[bytes] = []

    def screen_text() -> str:
        raw = b"".join(received).decode("utf-8", errors="replace")
        return _ESCAPE.sub("", raw)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            # Offline: the page asks Google for a font; only the local server is reached.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(server) else route.abort()
                ),
            )

            def on_socket(ws) -> None:  # type: ignore[no-untyped-def]
                ws.on(
                    "framereceived",
                    lambda data: received.append(
                        data if isinstance(data, bytes) else data.encode()
                    ),
                )

            page.on("websocket", on_socket)
            page.goto(server)
            pump = lambda: page.wait_for_timeout(100)  # lets playwright deliver the frames
            # The first words of yangpu-2022's opening paragraph, and the pane's border.
            _wait_for("the report text", lambda: "2022年是党和国家" in screen_text(), pump=pump)
            assert "杨浦区 2023" in screen_text()
            # Typed into the page: xterm sends it down the websocket to the app.
            page.locator(".xterm-helper-textarea").focus()
            before = len(received)
            page.keyboard.press("?")
            _wait_for(
                "the help screen",
                lambda: (
                    "Remap any by its id"
                    in _ESCAPE.sub(
                        "", b"".join(received[before:]).decode("utf-8", errors="replace")
                    )
                ),
                pump=pump,
            )
        finally:
            browser.close()


def test_serve_refuses_an_address_other_machines_can_reach(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "yangpu-2022", "yangpu-2023", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "only loopback" in err


def test_serve_names_an_unknown_report_before_serving(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "yangpu-2022", "yangpu-2099"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "yangpu-2099" in err
