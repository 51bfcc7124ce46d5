"""The site tests' own small handbook (fixture.py), built once per search backend and served on loopback."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.browser.conftest import _QuietHandler
from tests.browser.site.fixture import build_site


@pytest.fixture(scope="session")
def site_urls(tmp_path_factory):
    """backend -> URL of the fixture handbook built with that search backend (built when first asked for)."""
    servers: list[ThreadingHTTPServer] = []
    urls: dict[str, str] = {}

    def url_for(backend: str) -> str:
        if backend not in urls:
            build = build_site(tmp_path_factory, backend)
            server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build.site)))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            urls[backend] = f"http://127.0.0.1:{server.server_address[1]}/"
        return urls[backend]

    yield url_for
    for server in servers:
        server.shutdown()


@pytest.fixture(params=["material", "pagefind"])
def backend_url(request, site_urls):
    """(search backend, URL of the fixture handbook's site built with it)."""
    return request.param, site_urls(request.param)


@pytest.fixture
def material_url(site_urls):
    """The fixture handbook with Material's search: for what does not depend on the backend."""
    return site_urls("material")
