"""The web app served by `deltalabs serve` (issue 20 foundation §3).

Why: `./scripts/run` must open the learner app at `/`, yet the app must never
shadow the API: `/v1/...`, `/docs`, `/health` and `/metrics` keep their
meaning, and an unknown `/v1/...` path still answers 404 problem+json. The
app's client-side routes (/catalog, /courses/:id) get index.html (the SPA
fallback); its content-hashed files under /assets are cached for a year; a
pre-compressed `.gz` twin is sent to clients that accept gzip; no path
leaves the folder given by `--web-dir`.

Each test starts the real binary with `--web-dir` pointing at a tiny fixture
folder written here, and speaks raw HTTP (http.client), so the paths reach
the server exactly as written (no client-side dot-segment normalisation).
"""

from __future__ import annotations

import gzip
import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

INDEX = b"<!doctype html><title>Delta Labs</title><div id=root></div>"
ASSET = b"console.log('delta labs app');\n" * 40
SECRET = b"not for the web"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "secret.txt").write_bytes(SECRET)
    web = tmp_path / "web"
    (web / "assets").mkdir(parents=True)
    (web / "index.html").write_bytes(INDEX)
    (web / "robots.txt").write_bytes(b"User-agent: *\n")
    (web / "assets" / "app-3f9a1c.js").write_bytes(ASSET)
    (web / "assets" / "app-3f9a1c.js.gz").write_bytes(gzip.compress(ASSET))
    (web / "assets" / "app-3f9a1c.css").write_bytes(b"body{margin:0}")
    return web


@pytest.fixture
def web(server_factory, site):
    return server_factory(extra_args=["--web-dir", str(site)])


def raw(server, method: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request with the path sent byte for byte; headers come back with lower-case names."""
    url = urlsplit(server.base_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def assert_problem_404(status: int, headers: dict[str, str], body: bytes) -> dict:
    assert status == 404, body[:300]
    assert headers["content-type"].startswith("application/problem+json"), headers
    problem = json.loads(body)
    assert problem["status"] == 404 and problem["code"] and problem["requestId"], problem
    return problem


def test_the_index_is_served_at_the_root(web):
    status, headers, body = raw(web, "GET", "/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert body == INDEX
    # index.html names the current hashed assets: it must be revalidated.
    assert headers["cache-control"] == "no-cache"


def test_client_side_routes_get_the_index_spa_fallback(web):
    for path in ("/catalog", "/courses/01a25036-db91-7008-be54-7031aba5c60e", "/catalog?q=sql", "/sign-in/"):
        status, headers, body = raw(web, "GET", path)
        assert status == 200, path
        assert headers["content-type"].startswith("text/html"), path
        assert body == INDEX, path
    status, headers, body = raw(web, "HEAD", "/catalog")
    assert status == 200
    assert body == b""
    assert headers["content-length"] == str(len(INDEX))


def test_files_of_the_folder_are_served_as_themselves(web):
    status, headers, body = raw(web, "GET", "/robots.txt")
    assert status == 200
    assert headers["content-type"].startswith("text/plain")
    assert body == b"User-agent: *\n"


def test_hashed_assets_are_cached_for_a_year_as_immutable(web):
    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.css")
    assert status == 200
    assert headers["content-type"].startswith("text/css")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert body == b"body{margin:0}"
    # A stale page asking for an asset that is gone gets a 404, never index.html.
    assert_problem_404(*raw(web, "GET", "/assets/app-000000.js"))


def test_the_gzip_twin_goes_to_clients_that_accept_gzip(web):
    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.js", {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert headers["content-type"].startswith("text/javascript")
    assert "accept-encoding" in headers["vary"].lower()
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(body) == ASSET
    assert len(body) < len(ASSET)

    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.js")
    assert status == 200
    assert "content-encoding" not in headers
    assert body == ASSET

    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.js", {"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in headers
    assert body == ASSET


def test_the_brotli_twin_goes_first_to_clients_that_accept_brotli(web, site):
    # What compress.mjs writes; the server never compresses, it picks a twin.
    brotli_twin = b"\x1b\x27\x00\xf8brotli twin bytes"
    (site / "assets" / "app-3f9a1c.js.br").write_bytes(brotli_twin)

    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.js", {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert headers["content-encoding"] == "br"
    assert headers["content-type"].startswith("text/javascript")
    assert "accept-encoding" in headers["vary"].lower()
    assert body == brotli_twin

    # A client without brotli still gets the gzip twin, and br;q=0 means no.
    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.js", {"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == ASSET
    status, headers, body = raw(web, "GET", "/assets/app-3f9a1c.js", {"Accept-Encoding": "br;q=0, gzip"})
    assert headers["content-encoding"] == "gzip"


def test_api_paths_keep_their_meaning_and_never_get_the_app(web):
    problem = assert_problem_404(*raw(web, "GET", "/v1/nope"))
    assert problem["code"] == "ROUTE_NOT_FOUND"
    assert_problem_404(*raw(web, "GET", "/v1"))
    assert_problem_404(*raw(web, "GET", "/health/nope"))
    assert_problem_404(*raw(web, "GET", "/docs/nope.js"))
    status, headers, body = raw(web, "GET", "/health")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    status, headers, body = raw(web, "GET", "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    status, headers, body = raw(web, "GET", "/docs")
    assert status == 200 and b"swagger-ui" in body
    status, headers, body = raw(web, "GET", "/v1/openapi.json")
    assert status == 200 and json.loads(body)["openapi"].startswith("3.1")
    # Only reads are the app's: a POST to an app path is not routed.
    assert_problem_404(*raw(web, "POST", "/catalog", {"Content-Type": "application/json", "Content-Length": "0"}))


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/index.html%00.js",
        "/%zz",
        "/%2fv1/nope",
    ],
)
def test_paths_that_try_to_leave_the_folder_are_refused(web, path):
    status, headers, body = raw(web, "GET", path)
    assert SECRET not in body
    assert_problem_404(status, headers, body)


def test_a_symbolic_link_out_of_the_folder_is_not_followed(server_factory, site):
    (site / "leak.txt").symlink_to(site.parent / "secret.txt")
    srv = server_factory(extra_args=["--web-dir", str(site)])
    status, headers, body = raw(srv, "GET", "/leak.txt")
    assert SECRET not in body
    assert_problem_404(status, headers, body)


def test_without_a_built_app_the_root_stays_a_404(server_factory, tmp_path):
    srv = server_factory(extra_args=["--web-dir", str(tmp_path / "missing")])
    assert_problem_404(*raw(srv, "GET", "/"))
    assert_problem_404(*raw(srv, "GET", "/catalog"))
