"""The served OpenAPI document says everything a generated client needs.

Why: issue 18 §5. A client generated from /v1/openapi.json must be usable as
it comes: bodies the server reads are declared, closed query values are
enums and bounded integers (the server enforces exactly what is declared),
a union answer carries a discriminator, the cart shows its totals, a
permanent "not configured" is not a 503, and rate-limited routes send the
headers the docs' frontend reads. The strongest check is the real one:
openapi-typescript generates types from the served document and `tsc
--strict` compiles a typed journey (tests/contract/journey.ts) against them,
so a document a generated client cannot use fails here.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from client import assert_problem
from commerce_support import added, money, paid_course
from conftest import ROOT
from identity_support import client_from, unique_email
from catalog_support import make_cast, published_course, register_student

BIN = ROOT / "node_modules" / ".bin"
CONTRACT = ROOT / "tests" / "contract"
LISTS_WITH_STATUS = {"/v1/users": {"active", "suspended", "deleted"},
                     "/v1/enrollments": {"active", "completed", "cancelled"}}


@pytest.fixture(scope="module")
def document(server):
    return server.client().get("/v1/openapi.json").json()


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def operations(document):
    for path, item in document["paths"].items():
        for method, op in item.items():
            yield path, method, op


def query_params(op) -> dict:
    return {p["name"]: p for p in op.get("parameters", []) if p["in"] == "query"}


def run(args: list, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=300)


# --- the generated client ----------------------------------------------------------------------
def test_a_generated_typescript_client_compiles_the_typed_journey(document, tmp_path):
    for tool in ("openapi-typescript", "tsc"):
        assert (BIN / tool).exists(), f"{BIN / tool} is missing: run scripts/setup (npm ci)"
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(document))
    generated = run([BIN / "openapi-typescript", spec, "-o", tmp_path / "api.ts"])
    assert generated.returncode == 0, generated.stdout + generated.stderr
    # The journey's own tsconfig (strict), with the generated types put where it imports them.
    config = tmp_path / "tsconfig.json"
    config.write_text(json.dumps({"extends": str(CONTRACT / "tsconfig.json"),
                                  "compilerOptions": {"paths": {"deltalabs-api": [str(tmp_path / "api.ts")]}},
                                  "files": [str(CONTRACT / "journey.ts")]}))
    checked = run([BIN / "tsc", "--noEmit", "-p", config])
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- closed query values -----------------------------------------------------------------------
def test_every_limit_declares_its_bounds_and_the_server_keeps_them(document, client):
    limits = [(path, op) for path, method, op in operations(document) if "limit" in query_params(op)]
    assert len(limits) >= 40
    for path, op in limits:
        schema = query_params(op)["limit"]["schema"]
        assert (schema["type"], schema["minimum"], schema["maximum"]) == ("integer", 1, 100), path
    for bad in ("0", "101", "500", "ten", "1.5", ""):
        body = assert_problem(client.get("/v1/courses", params={"limit": bad}), 400, "VALIDATION_FAILED")
        assert {d["field"] for d in body["details"]} == {"limit"}, body
    assert client.get("/v1/courses", params={"limit": "100"}).status_code == 200


def test_closed_string_parameters_are_enums_the_server_enforces(document, client, cast):
    courses = query_params(document["paths"]["/v1/courses"]["get"])
    assert courses["sort"]["schema"]["enum"] == ["relevance", "newest", "popular", "price"]
    assert courses["price_max"]["schema"]["minimum"] == 0
    assert courses["free"]["schema"]["type"] == "boolean"
    for value in courses["sort"]["schema"]["enum"]:
        assert client.get("/v1/courses", params={"sort": value}).status_code == 200, value
    body = assert_problem(client.get("/v1/courses", params={"sort": "cheapest", "free": "yes", "price_max": "-1"}),
                          400, "VALIDATION_FAILED")
    assert {d["field"] for d in body["details"]} == {"sort", "free", "price_max"}
    for path, values in LISTS_WITH_STATUS.items():
        assert set(query_params(document["paths"][path]["get"])["status"]["schema"]["enum"]) == values, path
        for value in values:
            assert cast.admin.get(path, params={"status": value}).status_code == 200, (path, value)
        assert_problem(cast.admin.get(path, params={"status": "archived"}), 400, "VALIDATION_FAILED")
    formats = query_params(document["paths"]["/v1/schema"]["get"])["format"]["schema"]["enum"]
    assert formats == ["json", "markdown", "mermaid"]


# --- bodies, unions, totals ----------------------------------------------------------------------
def test_bodies_the_handlers_read_themselves_are_declared(document):
    def body_schema(path, method):
        ref = document["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        return document["components"]["schemas"][ref.rsplit("/", 1)[1]]

    setting = body_schema("/v1/feature-config/{key}", "put")
    assert setting["required"] == ["value"] and set(setting["properties"]) == {"value", "description"}
    rpc = body_schema("/v1/mcp", "post")
    assert set(rpc["required"]) == {"jsonrpc", "method"} and "params" in rpc["properties"]
    event = body_schema("/v1/payments/webhook", "post")
    assert set(event["required"]) == {"id", "type", "created"} and "data" in event["properties"]


def test_an_enrollment_answer_says_which_kind_it_is(server, document, cast):
    answer = document["paths"]["/v1/enrollments"]["post"]["responses"]["201"]["content"]["application/json"]
    discriminator = answer["schema"]["discriminator"]
    assert discriminator["propertyName"] == "kind"
    assert discriminator["mapping"] == {"enrollment": "#/components/schemas/Enrollment",
                                        "super_course_enrollment": "#/components/schemas/SuperCourseEnrollment"}
    course = published_course(cast.teacher, cast)
    resp = register_student(server).post("/v1/enrollments", json={"course_id": course["id"]})
    assert resp.status_code == 201, resp.text
    assert resp.json()["kind"] == "enrollment"


def test_the_cart_shows_subtotal_discount_total_and_currency(server, cast):
    learner = register_student(server)
    empty = learner.get("/v1/cart").json()
    assert (empty["subtotal"], empty["discount"], empty["total"]) == (None, None, None)
    aided, plain = paid_course(cast, 2000), paid_course(cast, 999)
    aid = learner.post("/v1/financial-aid", json={"course_id": aided["id"], "statement": "I am a student."})
    assert aid.status_code == 201, aid.text
    approved = cast.admin.patch(f"/v1/financial-aid/{aid.json()['id']}",
                                json={"status": "approved", "discount_percent": 75})
    assert approved.status_code == 200, approved.text
    added(learner, "course", aided["id"])
    cart = added(learner, "course", plain["id"])
    assert cart["currency"] == "USD"
    assert (cart["subtotal"], cart["discount"], cart["total"]) == (money(2999), money(1500), money(1499))
    assert learner.get("/v1/cart").json()["total"] == money(1499)


# --- statuses and headers ------------------------------------------------------------------------
def test_a_webhook_without_a_card_processor_is_a_404_not_a_503(client, document):
    resp = client.post("/v1/payments/webhook", data=b"{}",
                       headers={"Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00"})
    assert_problem(resp, 404, "CARD_PAYMENTS_DISABLED")
    # Its only 503 is the one every route declares: a moment's outage (issue 21), not "not configured".
    declared = document["paths"]["/v1/payments/webhook"]["post"]["responses"]["503"]
    assert declared == {"$ref": "#/components/responses/Unavailable"}
    assert "Retry-After" in document["components"]["responses"]["Unavailable"]["headers"]


def test_rate_limited_routes_send_the_x_ratelimit_headers_beside_the_ietf_ones(server_factory):
    srv = server_factory(extra_args=["--sign-in-rate-limit", "2"])
    c = client_from(srv, "127.0.0.5")
    for remaining in (1, 0):
        resp = c.post("/v1/auth/login", json={"email": unique_email("rl"), "password": "not the password"})
        assert resp.status_code == 401
        assert (resp.headers["X-RateLimit-Limit"], resp.headers["X-RateLimit-Remaining"]) == ("2", str(remaining))
        assert "RateLimit" in resp.headers and "RateLimit-Policy" in resp.headers
    limited = c.post("/v1/auth/login", json={"email": unique_email("rl"), "password": "not the password"})
    assert_problem(limited, 429, "RATE_LIMITED")
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert (limited.headers["X-RateLimit-Limit"], limited.headers["X-RateLimit-Remaining"]) == ("2", "0")
    documented = srv.client().get("/v1/openapi.json").json()["paths"]["/v1/auth/login"]["post"]["responses"]["429"]
    assert {"Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"} <= set(documented["headers"])
