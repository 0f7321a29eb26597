"""The served OpenAPI document is a contract a client can be generated from,
and every API test holds the server to it.

Why: /v1/openapi.json is generated from the route table, so nothing but a
check keeps it honest. Redocly's `recommended` rules judge the document itself
(a lint error fails; warnings are reported); contract.py checks every
response any test's Client receives against it (the fixtures fail the test
that caused a violation). The unit-style tests here feed the checker bodies
that break a small document on purpose, so the check cannot quietly stop
finding anything, and one test proves the Client really records violations.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import warnings
from pathlib import Path

import pytest

import contract
from conftest import ROOT, SEEN_VIOLATIONS
from contract import Contract, Violation

REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"
REDOCLY_CONFIG = Path(__file__).with_name("redocly.yaml")


# --- the document itself -----------------------------------------------------------
def test_served_document_passes_redocly_recommended_lint(client, tmp_path):
    assert REDOCLY.exists(), f"{REDOCLY} is missing: run scripts/setup (npm ci)"
    resp = client.get(contract.OPENAPI_PATH)
    assert resp.status_code == 200, resp.text[:300]
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(resp.json(), indent=2))  # indented: findings name a line
    env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true", NO_COLOR="1")
    done = subprocess.run([str(REDOCLY), "lint", "--config", str(REDOCLY_CONFIG), "--format", "json",
                           "--max-problems", "100000", str(document)],
                          capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        pytest.fail(f"redocly printed no JSON report (exit {done.returncode}):\n{done.stdout[-3000:]}"
                    f"\n{done.stderr[-3000:]}")
    found = {"error": [], "warn": []}
    for p in report["problems"]:
        pointer = p["location"][0].get("pointer", "") if p.get("location") else ""
        found.setdefault(p["severity"], []).append(f"{p['ruleId']} at {pointer}: {p['message']}")
    if found["warn"]:
        warnings.warn(f"redocly lint: {len(found['warn'])} warnings:\n  " + "\n  ".join(found["warn"]))
    assert not found["error"], f"redocly lint: {len(found['error'])} errors:\n  " + "\n  ".join(found["error"])
    assert done.returncode == 0, done.stderr[-3000:]


def test_every_success_response_declares_its_content_and_schema(client):
    """Static, so operations no test calls are held to it too."""
    doc = client.get(contract.OPENAPI_PATH).json()
    missing = []
    for template, item in doc["paths"].items():
        for method, op in item.items():
            if method not in contract.METHODS:
                continue
            for status, response in op["responses"].items():
                if not status.startswith("2") or status == "204":
                    continue
                # A 202 beside a 200 accepts with nothing to answer (an MCP notification).
                if status == "202" and "200" in op["responses"] and "content" not in response:
                    continue
                content = response.get("content") or {}
                if not content:
                    missing.append(f"{method.upper()} {template} {status}: no content")
                for media, declared in content.items():
                    if contract.is_json(media) and "schema" not in declared:
                        missing.append(f"{method.upper()} {template} {status}: {media} without a schema")
    assert not missing, f"{len(missing)} success responses are not described:\n  " + "\n  ".join(missing)


# --- the checker, on a small document --------------------------------------------------
def problem_schema() -> dict:
    return {"type": "object", "required": ["type", "title", "status", "code"],
            "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                           "status": {"type": "integer"}, "code": {"type": "string"}}}


def json_response(ref: str) -> dict:
    return {"description": "OK", "content": {"application/json": {"schema": {"$ref": ref}}}}


PROBLEM_DEFAULT = {"description": "Error",
                   "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
SMALL_DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/v1/users/me": {"get": {"responses": {"200": json_response("#/components/schemas/User"),
                                               "default": PROBLEM_DEFAULT}}},
        "/v1/users/{id}": {
            "get": {"responses": {"200": json_response("#/components/schemas/User"), "default": PROBLEM_DEFAULT}},
            "delete": {"responses": {"204": {"description": "Removed"}, "default": PROBLEM_DEFAULT}},
        },
        "/v1/users": {"get": {"responses": {"200": json_response("#/components/schemas/UserPage"),
                                            "default": PROBLEM_DEFAULT}}},
        "/v1/raw": {"get": {"responses": {"200": {"description": "OK", "content": {"application/json": {}}}}}},
        "/docs": {"get": {"responses": {"200": {"description": "OK", "content": {"text/html": {}}}}}},
    },
    "components": {"schemas": {
        "Problem": problem_schema(),
        "User": {"type": "object", "required": ["id", "email"], "additionalProperties": False,
                 "properties": {"id": {"type": "string", "format": "uuid"}, "email": {"type": "string"}}},
        "Page": {"type": "object", "required": ["items", "next_cursor"],
                 "properties": {"items": {"type": "array"}, "next_cursor": {"type": ["string", "null"]}}},
        "UserPage": {"allOf": [{"$ref": "#/components/schemas/Page"},
                               {"properties": {"items": {"items": {"$ref": "#/components/schemas/User"}}}}]},
    }},
}
USER_ID = "01900000-0001-7000-8000-000000000001"
USER = {"id": USER_ID, "email": "a@example.com"}
PROBLEM_404 = {"type": "about:blank", "title": "Not found", "status": 404, "code": "NOT_FOUND"}


def check(method, path, status, body=None, media="application/json", raw: bytes | None = None):
    small = Contract(copy.deepcopy(SMALL_DOCUMENT))
    data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
    return small.check(method, path, status, media if data or raw is not None else None, data), small


def kinds(violations: list[Violation]) -> list[str]:
    return [v.kind for v in violations]


def test_checker_accepts_responses_that_keep_the_document():
    assert check("GET", "/v1/users/me", 200, USER)[0] == []
    assert check("GET", f"/v1/users/{USER_ID}?fields=all", 200, USER)[0] == []
    assert check("GET", "/v1/users", 200, {"items": [USER], "next_cursor": None})[0] == []
    assert check("DELETE", f"/v1/users/{USER_ID}", 204)[0] == []
    assert check("GET", "/docs", 200, media="text/html; charset=utf-8", raw=b"<html></html>")[0] == []
    assert check("HEAD", "/v1/users/me", 200)[0] == []
    assert check("OPTIONS", "/v1/users/me", 204)[0] == []


def test_checker_reports_a_body_that_breaks_the_declared_schema():
    violations, _ = check("GET", "/v1/users/me", 200, {"id": 5, "email": "a@example.com", "extra": 1})
    assert kinds(violations) == ["schema", "schema"], violations
    text = "\n".join(str(v) for v in violations)
    assert "GET /v1/users/me -> 200" in text and "$.id" in text and "'extra'" in text, text


def test_checker_follows_refs_through_allof_and_asserts_formats():
    violations, _ = check("GET", "/v1/users", 200, {"items": [{"id": "not-a-uuid", "email": "x"}]})
    text = "\n".join(str(v) for v in violations)
    assert kinds(violations) == ["schema", "schema"], text
    assert "next_cursor" in text and "$.items[0].id" in text and "uuid" in text, text


def test_checker_reports_a_success_status_the_operation_does_not_declare():
    violations, _ = check("GET", "/v1/users/me", 201, USER)
    assert kinds(violations) == ["undeclared-status"], violations
    assert "status 201 is not declared" in violations[0].detail


def test_checker_lets_an_undeclared_error_fall_to_default_but_holds_it_to_problem():
    violations, small = check("GET", "/v1/users/me", 409, {**PROBLEM_404, "status": 409},
                              media="application/problem+json")
    assert violations == [] and small.notes == [contract.Note("GET /v1/users/me", 409)]
    violations, _ = check("GET", "/v1/users/me", 409, {"title": "Conflict"}, media="application/problem+json")
    assert kinds(violations) == ["schema"] * 3, violations  # type, status, code missing
    violations, _ = check("GET", "/v1/raw", 409, PROBLEM_404, media="application/problem+json")
    assert kinds(violations) == ["undeclared-status"], violations  # no default there


def test_checker_reports_json_declared_without_a_schema():
    assert kinds(check("GET", "/v1/raw", 200, {"any": 1})[0]) == ["no-schema"]


def test_checker_reports_bodies_where_none_belongs_and_missing_ones():
    assert kinds(check("DELETE", f"/v1/users/{USER_ID}", 204, {"gone": True})[0]) == ["body"]
    assert kinds(check("GET", "/v1/users/me", 200)[0]) == ["body"]
    assert kinds(check("OPTIONS", "/v1/users/me", 204, {"x": 1})[0]) == ["body"]
    assert kinds(check("GET", "/v1/users/me", 200, raw=b"{not json")[0]) == ["body"]


def test_checker_checks_other_media_by_type_only():
    assert kinds(check("GET", "/docs", 200, media="text/plain", raw=b"hello")[0]) == ["media-type"]
    assert kinds(check("GET", "/v1/users/me", 200, media="text/html", raw=b"<p>")[0]) == ["media-type"]


def test_checker_prefers_a_literal_segment_over_a_parameter_like_the_router():
    small = Contract(copy.deepcopy(SMALL_DOCUMENT))
    assert small.path_template("/v1/users/me") == "/v1/users/me"
    assert small.path_template(f"/v1/users/{USER_ID}") == "/v1/users/{id}"
    assert small.path_template("/v1/users/") is None  # an empty segment names nothing
    assert small.path_template("/v1//users") is None
    # /v1/users/me has no DELETE: the router answers 405, it does not fall back to {id}.
    assert small.operation("DELETE", "/v1/users/me") is None
    assert check("DELETE", "/v1/users/me", 405, {**PROBLEM_404, "status": 405},
                 media="application/problem+json")[0] == []
    assert kinds(check("DELETE", "/v1/users/me", 204)[0]) == ["outside-document"]


def test_checker_holds_paths_outside_the_document_to_problem_errors():
    assert check("GET", "/no/such/path", 404, PROBLEM_404, media="application/problem+json")[0] == []
    assert kinds(check("GET", "/no/such/path", 404, media="text/plain", raw=b"not found")[0]) == ["media-type"]
    assert kinds(check("GET", "/no/such/path", 404, {"status": 404}, media="application/problem+json")[0]) \
        == ["schema"] * 3
    assert kinds(check("GET", "/no/such/path", 200, {"x": 1})[0]) == ["outside-document"]


# --- the wiring: the Client records, the fixtures fail --------------------------------------
def test_client_records_a_violation_for_every_response_that_breaks_the_served_document(client):
    served = contract.fetch(client.base_url)
    doctored = copy.deepcopy(served.document)
    doctored["paths"]["/health"]["get"]["responses"]["200"] = {"description": "OK", "content": {
        "application/json": {"schema": {"type": "object", "required": ["no_such_member"]}}}}
    contract.use(client.base_url, Contract(doctored))
    try:
        client.get("/health")
        client.with_token("any").get("/health")  # a client made by with_token shares the list
        recorded = list(client.contract_violations)
    finally:
        contract.use(client.base_url, served)
        client.contract_violations.clear()  # deliberate: this test must not fail through the fixture
    assert [(v.kind, v.method, v.path, v.status) for v in recorded] == [("schema", "GET", "/health", 200)] * 2
    assert "no_such_member" in recorded[0].detail


def test_fixtures_turn_recorded_violations_into_messages_once(server):
    fake = Violation("schema", "GET", "/health", 200, "GET /health", "at $: deliberately wrong")
    contract.violations_for(server.base_url).append(fake)
    try:
        problems = server.contract_problems()
    finally:
        SEEN_VIOLATIONS.remove(fake)  # not the server's doing: keep it out of the run's summary
    assert problems == ["broke the OpenAPI contract: GET /health -> 200 (operation GET /health): "
                        "[schema] at $: deliberately wrong"]
    assert server.contract_problems() == []
