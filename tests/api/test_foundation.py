"""The foundation every route stands on: operations endpoints, request ids,
problem+json errors, HTTP hardening, the OpenAPI document, the docs page,
graceful shutdown, migrations and CORS.

Why: these are the promises of api.md's "Conventions (every route)" table and
of design.md's operations story. Clients rely on them before any business
route exists: monitors poll /health and /metrics, every error must be a
problem body that carries the request id, hostile or broken HTTP must get a
4xx and never take the server down, the OpenAPI document must list exactly
what the router serves, and a deploy must be able to stop the process cleanly
and refuse to start on a migration that was edited after it was applied.
"""

from __future__ import annotations

import re
import signal
import socket
import time

import pytest
import requests

from client import assert_problem, parse_status, raw_exchange, read_until_quiet
from conftest import BACKEND

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def route_set_from_cli(cli, database: str) -> set[tuple[str, str]]:
    done = cli("routes", database=database)
    assert done.returncode == 0, done.stderr
    routes = set()
    for line in done.stdout.splitlines():
        method, path = line.split(" ", 1)
        routes.add((method, re.sub(r":([A-Za-z0-9_]+)", r"{\1}", path)))
    return routes


# --- operations endpoints ------------------------------------------------------
def test_health_succeeds_with_status_ok(client):
    resp = client.get("/health")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/json")
    assert resp.json() == {"status": "ok"}


def test_health_db_succeeds_naming_the_backend_in_use(client):
    resp = client.get("/health/db")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/json")
    body = resp.json()
    assert body["status"] == "ok"
    assert body["database"] == BACKEND


@pytest.mark.skipif(BACKEND != "postgresql", reason="an embedded SQLite file cannot go away under the server")
def test_health_db_fails_with_503_problem_when_the_database_is_gone(server_factory, databases):
    srv = server_factory()
    c = srv.client()
    assert c.get("/health/db").status_code == 200
    name = srv.database_url.rsplit("/", 1)[1]
    databases.execute(databases.pg_admin_url, f"DROP DATABASE {name} WITH (FORCE)")
    assert_problem(c.get("/health/db"), 503, "DATABASE_UNAVAILABLE")
    assert c.get("/health").status_code == 200  # liveness does not depend on the database


def test_head_succeeds_with_headers_and_no_body(client):
    resp = client.request("HEAD", "/health")
    assert resp.status_code == 200
    assert resp.content == b""
    assert resp.headers["Content-Length"] == str(len('{"status":"ok"}'))


def test_metrics_succeeds_with_request_counts_by_route_template(client):
    assert client.get("/docs/swagger-ui.css").status_code == 200
    assert client.get("/no/such/path/12345").status_code == 404

    resp = client.get("/metrics")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("text/plain")
    text = resp.text
    series = [line for line in text.splitlines() if line.startswith("http_requests_total{")]
    assert series, text[:2000]
    # Labelled by the route template, never the concrete path (bounded cardinality).
    assert any('route="/docs/:asset"' in line for line in series), series
    assert not any("swagger-ui.css" in line or "12345" in line for line in series), series
    for gauge in ("db_pool_connections", "db_pool_in_use", "db_pool_waiting"):
        assert re.search(rf"^{gauge} \d", text, re.M), f"{gauge} missing"


# --- request ids ---------------------------------------------------------------
def test_request_id_is_generated_when_the_client_sends_none(client):
    resp = client.get("/health")
    assert UUID.match(resp.headers["X-Request-Id"]), resp.headers["X-Request-Id"]
    assert client.get("/health").headers["X-Request-Id"] != resp.headers["X-Request-Id"]


def test_request_id_is_echoed_when_the_client_sends_a_sane_one(client):
    resp = client.get("/health", headers={"X-Request-Id": "trace-abc_123.4"})
    assert resp.headers["X-Request-Id"] == "trace-abc_123.4"
    problem = assert_problem(client.get("/nope", headers={"X-Request-Id": "trace-xyz"}), 404)
    assert problem["requestId"] == "trace-xyz"


@pytest.mark.parametrize("insane", ["a" * 300, "has spaces in it", "quote\"and;semicolon", "<script>"],
                         ids=["300-chars", "spaces", "punctuation", "markup"])
def test_request_id_is_replaced_when_the_client_sends_an_insane_one(client, insane):
    resp = client.get("/nope", headers={"X-Request-Id": insane})
    body = assert_problem(resp, 404)
    assert resp.headers["X-Request-Id"] != insane
    assert UUID.match(resp.headers["X-Request-Id"])
    assert body["requestId"] == resp.headers["X-Request-Id"]


# --- routing errors ------------------------------------------------------------
def test_unknown_path_fails_with_404_problem(client):
    assert_problem(client.get("/v1/no-such-thing"), 404, "ROUTE_NOT_FOUND")


def test_wrong_method_fails_with_405_problem_and_allow_header(client):
    resp = client.post("/health", json={})
    assert_problem(resp, 405, "METHOD_NOT_ALLOWED")
    assert "GET" in [m.strip() for m in resp.headers["Allow"].split(",")]


def test_unknown_method_token_fails_with_4xx_problem(client):
    resp = client.request("FOO", "/health")
    assert 400 <= resp.status_code < 500
    assert_problem(resp, resp.status_code)
    assert client.get("/health").status_code == 200


def test_options_succeeds_with_allow_header(client):
    resp = client.options("/health")
    assert resp.status_code in (200, 204)
    assert "GET" in [m.strip() for m in resp.headers["Allow"].split(",")]


# --- hostile and broken HTTP -----------------------------------------------------
def test_oversized_body_fails_with_413_problem_and_server_keeps_serving(client):
    resp = client.post("/health", data=b"x" * (10 << 20), headers={"Content-Type": "application/json"})
    assert_problem(resp, 413, "PAYLOAD_TOO_LARGE")
    assert client.get("/health").status_code == 200


def test_header_flood_fails_with_4xx_problem_and_server_keeps_serving(client):
    resp = client.get("/health", headers={f"X-Flood-{i}": "v" for i in range(2000)})
    assert 400 <= resp.status_code < 500
    assert_problem(resp, resp.status_code)
    assert client.get("/health").status_code == 200


def test_single_64kb_header_fails_with_4xx_problem_and_server_keeps_serving(client):
    resp = client.get("/health", headers={"X-Big": "a" * 65536})
    assert 400 <= resp.status_code < 500
    assert_problem(resp, resp.status_code)
    assert client.get("/health").status_code == 200


def test_8kb_path_fails_with_4xx_problem(client):
    resp = client.get("/" + "a" * 8192)
    assert 400 <= resp.status_code < 500
    assert_problem(resp, resp.status_code)


def test_truncated_body_does_not_crash_the_server(server, client):
    # Promises 1000 bytes, sends 3, then stops sending.
    raw_exchange(server.host, server.port,
                 b"POST /health HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\nabc",
                 half_close=True, timeout=5)
    # Same again, but the client vanishes without waiting for an answer.
    with socket.create_connection((server.host, server.port)) as s:
        s.sendall(b"POST /health HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nabc")
    assert client.get("/health").status_code == 200
    assert server.alive()


def test_http_garbage_fails_with_400_and_server_keeps_serving(server, client):
    raw = raw_exchange(server.host, server.port, b"\x00\x01\x02 this is not HTTP \xff\r\n\r\n", timeout=5)
    assert parse_status(raw) == 400, raw[:300]
    head, _, body = raw.partition(b"\r\n\r\n")
    assert b"application/problem+json" in head
    assert b'"code":"MALFORMED_REQUEST"' in body
    assert client.get("/health").status_code == 200


def test_http_garbage_after_a_head_request_fails_with_a_complete_400_problem(server):
    # The error answer to the second request must carry its body, although
    # the previous request on the connection was a HEAD.
    with socket.create_connection((server.host, server.port), timeout=5) as s:
        s.sendall(b"HEAD /health HTTP/1.1\r\nHost: t\r\n\r\n")
        head = read_until_quiet(s, timeout=5, head=True)
        assert parse_status(head) == 200
        s.sendall(b"GARBAGE\x01\r\n\r\n")
        raw = read_until_quiet(s, timeout=5)
    assert parse_status(raw) == 400, raw[:300]
    headers, _, body = raw.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?im)^content-length:\s*(\d+)", headers).group(1))
    assert len(body) == length, f"Content-Length {length} but {len(body)} body bytes: {raw!r}"
    assert b'"code":"MALFORMED_REQUEST"' in body


def test_pipelined_requests_are_answered_in_order(server):
    with socket.create_connection((server.host, server.port), timeout=5) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: t\r\n\r\n"
                  b"GET /no-such-path HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        raw = b""
        while chunk := s.recv(65536):
            raw += chunk
    first, second = raw.split(b"HTTP/1.1 ", 2)[1:]
    assert first.startswith(b"200") and second.startswith(b"404"), raw


def test_keep_alive_connection_serves_several_requests(server):
    with socket.create_connection((server.host, server.port), timeout=5) as s:
        for _ in range(3):
            s.sendall(b"GET /health HTTP/1.1\r\nHost: t\r\n\r\n")
            raw = read_until_quiet(s, timeout=5)
            assert parse_status(raw) == 200, raw
            assert raw.endswith(b'{"status":"ok"}')


# --- OpenAPI and docs ------------------------------------------------------------
def test_openapi_document_is_3_1_and_lists_exactly_the_served_routes(server, client, cli):
    resp = client.get("/v1/openapi.json")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/json")
    doc = resp.json()
    assert doc["openapi"].startswith("3.1")
    assert doc["info"]["title"] and doc["info"]["version"]
    documented = {(method.upper(), path) for path, ops in doc["paths"].items() for method in ops
                  if method in ("get", "put", "post", "delete", "patch", "head", "options")}
    assert documented == route_set_from_cli(cli, server.database_url)


def test_openapi_operations_have_unique_ids_and_declared_path_parameters(client):
    doc = client.get("/v1/openapi.json").json()
    ids = []
    for path, ops in doc["paths"].items():
        names_in_path = set(re.findall(r"{([^}]+)}", path))
        for method, op in ops.items():
            ids.append(op["operationId"])
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert declared == names_in_path, (method, path)
            assert op["responses"], (method, path)
    assert len(ids) == len(set(ids))


def test_docs_page_succeeds_with_html_that_loads_swagger_ui(client):
    resp = client.get("/docs")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "/docs/swagger-ui-bundle.js" in resp.text
    assert "/docs/swagger-ui.css" in resp.text
    assert "/v1/openapi.json" in resp.text


def test_docs_assets_succeed_with_their_content_types(client):
    js = client.get("/docs/swagger-ui-bundle.js")
    assert js.status_code == 200
    assert js.headers["Content-Type"].split(";")[0] in ("application/javascript", "text/javascript")
    assert len(js.content) > 100_000
    css = client.get("/docs/swagger-ui.css")
    assert css.status_code == 200
    assert css.headers["Content-Type"].startswith("text/css")


def test_docs_asset_fails_with_404_problem_when_unknown(client):
    assert_problem(client.get("/docs/..%2F..%2Fetc%2Fpasswd"), 404)
    assert_problem(client.get("/docs/no-such-file.js"), 404)


# --- lifecycle ---------------------------------------------------------------------
def test_sigterm_stops_the_server_with_exit_0_despite_an_open_keep_alive_connection(server_factory):
    srv = server_factory()
    session = requests.Session()
    assert session.get(srv.base_url + "/health", timeout=5).status_code == 200  # connection stays open
    started = time.monotonic()
    code = srv.stop(signal.SIGTERM, timeout=5)
    assert code == 0, srv.log_tail()
    assert time.monotonic() - started < 5
    session.close()


def test_migrate_status_lists_the_foundation_migration_as_applied(server, cli):
    done = cli("migrate", "--status", database=server.database_url)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^0001_foundation\s+applied\b", done.stdout, re.M), done.stdout


def test_migrate_status_lists_pending_migrations_of_a_new_database(databases, cli):
    url = databases.create()
    before = cli("migrate", "--status", database=url)
    assert before.returncode == 0, before.stderr
    assert re.search(r"^0001_foundation\s+pending\b", before.stdout, re.M), before.stdout
    assert cli("migrate", database=url).returncode == 0
    after = cli("migrate", "--status", database=url)
    assert re.search(r"^0001_foundation\s+applied\b", after.stdout, re.M), after.stdout
    assert not re.search(r"\bpending\b", after.stdout), after.stdout


def test_serve_fails_to_start_when_an_applied_migration_was_changed(databases, cli):
    url = databases.create()
    assert cli("migrate", database=url).returncode == 0
    databases.execute(url, "UPDATE schema_migrations SET checksum = 'x' WHERE version = 1")

    status = cli("migrate", "--status", database=url)
    assert status.returncode != 0
    assert re.search(r"^0001_foundation\s+CHANGED\b", status.stdout, re.M), status.stdout

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    served = cli("serve", "--listen", f"127.0.0.1:{port}", database=url, timeout=30)
    assert served.returncode != 0
    assert "0001_foundation.sql" in served.stderr + served.stdout


# --- CORS ---------------------------------------------------------------------------
def test_cors_allows_a_configured_origin_and_not_another(server_factory):
    srv = server_factory(extra_args=["--cors-origin", "http://a.example"])
    c = srv.client()
    allowed = c.get("/health", headers={"Origin": "http://a.example"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "http://a.example"
    assert "Origin" in allowed.headers.get("Vary", "")
    other = c.get("/health", headers={"Origin": "http://b.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = c.options("/health", headers={"Origin": "http://a.example", "Access-Control-Request-Method": "GET"})
    assert preflight.status_code in (200, 204)
    assert preflight.headers.get("Access-Control-Allow-Origin") == "http://a.example"
    assert "GET" in preflight.headers.get("Access-Control-Allow-Methods", "")
    assert not c.server_errors


def test_cors_headers_are_absent_when_no_origin_is_configured(client):
    resp = client.get("/health", headers={"Origin": "http://a.example"})
    assert "Access-Control-Allow-Origin" not in resp.headers
