"""The site tests' own small handbook (fixture.py), built once per search backend and served on loopback."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.browser.conftest import _QuietHandler
from tests.browser.site.fixture import build_site


@pytest.fixture(scope="session", params=["material", "pagefind"])
def backend_url(request, tmp_path_factory):
    """(search backend, URL of the fixture handbook's site built with it)."""
    build = build_site(tmp_path_factory, request.param)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield request.param, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
