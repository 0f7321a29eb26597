"""Accounts and credentials: registration, sign-in, email verification,
password reset, rate limits on the auth routes, and the audit trail of sign-ins.

Why: these routes are the front door. api.md promises 201 {user} with the
student role for a registration and 409 for a duplicate email or username
(whatever the case), one 401 body for "no such account" and "wrong password"
so nobody can enumerate accounts (design.md's security floor: also the same
timing, since both do an argon2id verification), 202 from forgot-password
whether or not the account exists, single-use mailed tokens, and 429 with
the IETF RateLimit headers when one address or one account hammers the auth
routes. Bad bodies (missing or unknown fields, broken JSON, wrong media type,
invalid UTF-8, huge bodies) must be 4xx with per-field details and never 500,
and a race of many registrations on one email must create exactly one account.

The module's server signs with a known key and delivers mail to an SMTP sink
running in the test process, so tests read the very message a user would get.
"""

from __future__ import annotations

import json
import statistics
import threading
import time

import pytest
import requests

from client import assert_problem
from identity_support import (PASSWORD, STUDENT_ROLE_ID, Account, MailSink, client_from, jwt_part, login,
                              make_super_admin, register, start_module_server, stop_module_server, token_from_mail,
                              unique_email, unique_username)

PROBLEM_FIELDS = ("type", "title", "status", "detail", "code", "message")


@pytest.fixture(scope="module")
def mail_sink():
    sink = MailSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, mail_sink):
    srv = start_module_server(databases, tmp_path_factory, ["--smtp-url", mail_sink.url])
    yield srv
    stop_module_server(srv)


def detail_fields(body: dict) -> set[str]:
    return {d["field"] for d in body.get("details", [])}


# --- registration ------------------------------------------------------------------
def test_register_succeeds_with_201_student_user_and_location_when_the_body_is_valid(client):
    email_address = unique_email("Reg")
    resp = client.post("/v1/auth/register", json={"email": email_address, "password": PASSWORD,
                                                  "first_name": "Grace", "last_name": "Hopper"})
    assert resp.status_code == 201, resp.text
    assert resp.headers["Content-Type"].startswith("application/json")
    user = resp.json()["user"]
    assert resp.headers["Location"] == f"/v1/users/{user['id']}"
    assert user["email"] == email_address
    assert (user["first_name"], user["last_name"], user["username"]) == ("Grace", "Hopper", None)
    assert user["status"] == "active"
    assert user["email_verified"] is False
    assert user["roles"] == [{"id": STUDENT_ROLE_ID, "slug": "student", "name": "Student"}]
    assert not {"password", "password_hash"} & set(user), user
    # The Location is the account as its owner sees it.
    owner = client.with_token(login(client, email_address)["access_token"])
    got = owner.get(resp.headers["Location"])
    assert got.status_code == 200 and got.json()["id"] == user["id"]


def test_register_succeeds_when_a_username_is_given(client):
    username = unique_username()
    user = register(client, username=username)
    assert user["username"] == username


def test_register_fails_with_409_email_taken_when_the_email_exists_in_any_case(client, databases, server):
    tag = unique_username("ann")
    first = f"Ann.{tag}@X.io"
    register(client, first)
    for variant in (first, f"ann.{tag.lower()}@x.io", f"ANN.{tag.upper()}@X.IO"):
        resp = client.post("/v1/auth/register", json={"email": variant, "password": PASSWORD,
                                                      "first_name": "Ann", "last_name": "Other"})
        assert_problem(resp, 409, "EMAIL_TAKEN")
    rows = databases.execute(server.database_url, f"SELECT count(*) FROM users WHERE lower(email) = '{first.lower()}'")
    assert rows == [("1",)]


def test_register_fails_with_409_username_taken_when_the_username_differs_only_in_case(client):
    username = unique_username("Neo")
    register(client, username=username)
    for variant in (username, username.lower(), username.upper()):
        resp = client.post("/v1/auth/register", json={"email": unique_email(), "password": PASSWORD,
                                                      "first_name": "T", "last_name": "A", "username": variant})
        assert_problem(resp, 409, "USERNAME_TAKEN")


@pytest.mark.parametrize("length", [7, 129])
def test_register_fails_with_400_when_the_password_length_is_out_of_range(client, length):
    resp = client.post("/v1/auth/register", json={"email": unique_email(), "password": "p" * length,
                                                  "first_name": "A", "last_name": "B"})
    body = assert_problem(resp, 400, "VALIDATION_FAILED")
    assert detail_fields(body) == {"password"}, body


@pytest.mark.parametrize("password", ["pässwörd", "密码密码密码密码", "p" * 128],
                         ids=["latin8", "cjk8", "ascii128"])
def test_register_succeeds_when_the_password_has_8_to_128_characters_of_any_script(client, password):
    # Lengths count characters, not bytes: "密码密码密码密码" is 8 characters and 24 bytes.
    email_address = unique_email()
    register(client, email_address, password)
    assert login(client, email_address, password)["access_token"]


def test_register_fails_with_400_naming_each_field_when_fields_are_missing(client):
    body = assert_problem(client.post("/v1/auth/register", json={}), 400, "VALIDATION_FAILED")
    assert detail_fields(body) == {"email", "password", "first_name", "last_name"}, body


def test_register_fails_with_400_naming_each_field_and_creates_nothing_when_fields_are_unknown(client, databases,
                                                                                                server):
    email_address = unique_email()
    resp = client.post("/v1/auth/register", json={"email": email_address, "password": PASSWORD, "first_name": "A",
                                                  "last_name": "B", "role_ids": [STUDENT_ROLE_ID],
                                                  "status": "active", "email_verified": True})
    body = assert_problem(resp, 400, "VALIDATION_FAILED")
    assert detail_fields(body) == {"role_ids", "status", "email_verified"}, body
    count = databases.execute(server.database_url, f"SELECT count(*) FROM users WHERE email = '{email_address}'")
    assert count == [("0",)]


@pytest.mark.parametrize("patch,field", [
    ({"email": "not-an-email"}, "email"),
    ({"email": 42}, "email"),
    ({"first_name": ""}, "first_name"),
    ({"last_name": "x" * 101}, "last_name"),
    ({"username": "ab"}, "username"),
    ({"password": None}, "password"),
], ids=["email-format", "email-type", "first-empty", "last-long", "username-short", "password-null"])
def test_register_fails_with_400_naming_the_field_when_a_value_is_wrong(client, patch, field):
    body = {"email": unique_email(), "password": PASSWORD, "first_name": "A", "last_name": "B", **patch}
    problem = assert_problem(client.post("/v1/auth/register", json=body), 400, "VALIDATION_FAILED")
    assert detail_fields(problem) == {field}, problem


@pytest.mark.parametrize("raw", [b'{"email": "a@b.io", "password": ', b"[1, 2", b"{'email': 'x'}", b"\x00"],
                         ids=["truncated", "open-array", "single-quotes", "nul"])
def test_register_fails_with_400_when_the_json_is_malformed(client, raw):
    resp = client.post("/v1/auth/register", data=raw, headers={"Content-Type": "application/json"})
    assert_problem(resp, 400, "MALFORMED_JSON")


def test_register_fails_with_400_when_the_body_is_json_but_not_an_object(client):
    resp = client.post("/v1/auth/register", data=b'["a@b.io"]', headers={"Content-Type": "application/json"})
    assert_problem(resp, 400, "VALIDATION_FAILED")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_register_fails_with_415_when_the_content_type_is_not_json(client, content_type):
    body = json.dumps({"email": unique_email(), "password": PASSWORD, "first_name": "A", "last_name": "B"})
    resp = client.post("/v1/auth/register", data=body, headers={"Content-Type": content_type})
    assert_problem(resp, 415, "UNSUPPORTED_MEDIA_TYPE")


def test_register_fails_with_400_when_the_body_is_not_valid_utf8(client, databases, server):
    raw = (b'{"email": "utf8-\xff\xfe@example.test", "password": "correct horse", '
           b'"first_name": "\xc3\x28", "last_name": "B"}')
    resp = client.post("/v1/auth/register", data=raw, headers={"Content-Type": "application/json"})
    assert_problem(resp, 400)
    assert databases.execute(server.database_url, "SELECT count(*) FROM users WHERE email LIKE 'utf8-%'") == [("0",)]


def test_register_fails_with_413_when_the_body_is_huge(client):
    huge = json.dumps({"email": unique_email(), "password": PASSWORD, "first_name": "A" * (4 << 20), "last_name": "B"})
    resp = client.post("/v1/auth/register", data=huge, headers={"Content-Type": "application/json"})
    assert_problem(resp, 413, "PAYLOAD_TOO_LARGE")
    assert client.get("/health").status_code == 200


def test_register_succeeds_exactly_once_when_200_clients_race_on_one_email(server, databases):
    email_address = unique_email("race")
    barrier = threading.Barrier(200)
    statuses: list[tuple[int, str]] = []
    lock = threading.Lock()

    def attempt(i: int) -> None:
        with requests.Session() as s:
            barrier.wait()
            try:
                r = s.post(server.base_url + "/v1/auth/register", timeout=180,
                           json={"email": email_address, "password": PASSWORD, "first_name": "R", "last_name": str(i)})
                result = (r.status_code, r.json().get("code", "") if r.status_code != 201 else "")
            except requests.RequestException as e:
                result = (0, repr(e))
        with lock:
            statuses.append(result)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    created = [s for s in statuses if s[0] == 201]
    conflicts = [s for s in statuses if s == (409, "EMAIL_TAKEN")]
    others = [s for s in statuses if s[0] not in (201, 409) or (s[0] == 409 and s[1] != "EMAIL_TAKEN")]
    assert (len(created), len(conflicts), others) == (1, 199, []), statuses[:20]
    assert databases.execute(server.database_url,
                             f"SELECT count(*) FROM users WHERE email = '{email_address}'") == [("1",)]


# --- login -------------------------------------------------------------------------
def test_login_succeeds_with_a_token_pair_and_the_user_when_the_email_is_given_in_any_case(client):
    email_address = unique_email("Login")
    user = register(client, email_address)
    for variant in (email_address, email_address.upper()):
        resp = client.post("/v1/auth/login", json={"email": variant, "password": PASSWORD})
        assert resp.status_code == 200, resp.text
        assert resp.headers.get("Cache-Control") == "no-store"
        body = resp.json()
        assert body["token_type"] == "Bearer"
        assert isinstance(body["expires_in"], int) and body["expires_in"] > 0
        assert body["refresh_token"] and body["refresh_token"] != body["access_token"]
        assert body["user"]["id"] == user["id"]
        header, claims = jwt_part(body["access_token"], 0), jwt_part(body["access_token"], 1)
        assert header == {"alg": "HS256", "typ": "JWT", "kid": "test"}
        assert claims["sub"] == user["id"] and claims["typ"] == "access"
        assert (claims["iss"], claims["aud"]) == ("deltalabs", "deltalabs-api")
        assert claims["exp"] - claims["iat"] == body["expires_in"]
        assert {"sid", "nbf", "jti"} <= set(claims)


def test_login_succeeds_when_the_username_is_given_in_any_case(client):
    username = unique_username("Log")
    user = register(client, username=username)
    for variant in (username, username.upper()):
        body = login(client, variant, by="username")
        assert body["user"]["id"] == user["id"]
        me = client.with_token(body["access_token"]).get("/v1/users/me")
        assert me.status_code == 200 and me.json()["username"] == username


@pytest.mark.parametrize("body", [{"password": PASSWORD}, {"email": "a@b.io", "username": "abc", "password": PASSWORD}],
                         ids=["neither", "both"])
def test_login_fails_with_400_when_not_exactly_one_of_email_and_username_is_given(client, body):
    problem = assert_problem(client.post("/v1/auth/login", json=body), 400, "VALIDATION_FAILED")
    assert "email" in detail_fields(problem)


def test_login_fails_with_one_identical_401_when_the_password_is_wrong_or_the_account_unknown(client):
    username = unique_username()
    email_address = unique_email()
    register(client, email_address, username=username)
    attempts = [{"email": email_address, "password": "wrong password!"},
                {"email": unique_email("nobody"), "password": "wrong password!"},
                {"username": username, "password": "wrong password!"},
                {"username": unique_username("nobody"), "password": "wrong password!"}]
    bodies = []
    for attempt in attempts:
        body = assert_problem(client.post("/v1/auth/login", json=attempt), 401, "INVALID_CREDENTIALS")
        bodies.append({k: body[k] for k in PROBLEM_FIELDS})
        assert set(body) - set(PROBLEM_FIELDS) == {"requestId"}, body
    assert all(b == bodies[0] for b in bodies), bodies


def test_login_fails_in_comparable_time_when_the_password_is_wrong_or_the_account_unknown(client):
    # Both paths do one argon2id verification. Timings on a shared machine are
    # noisy, so compare medians of interleaved tries with a wide margin (3x):
    # skipping the hash for unknown accounts makes them ~100x faster.
    email_address = unique_email()
    register(client, email_address)
    wrong, unknown = [], []
    for _ in range(5):
        for target, payload in ((wrong, {"email": email_address, "password": "not the password"}),
                                (unknown, {"email": unique_email("ghost"), "password": "not the password"})):
            started = time.perf_counter()
            assert client.post("/v1/auth/login", json=payload).status_code == 401
            target.append(time.perf_counter() - started)
    w, u = statistics.median(wrong), statistics.median(unknown)
    assert min(w, u) * 3 >= max(w, u), f"wrong password {w * 1000:.1f} ms vs unknown account {u * 1000:.1f} ms"


def test_login_fails_with_the_same_401_when_the_account_is_deactivated_or_suspended(client, cli, databases, server):
    admin = make_super_admin(client, cli, databases, server)
    unknown = {"email": unique_email("ghost"), "password": PASSWORD}
    reference = assert_problem(client.post("/v1/auth/login", json=unknown), 401, "INVALID_CREDENTIALS")
    deleted, suspended = Account(client), Account(client)
    assert admin.client.delete(f"/v1/users/{deleted.id}").status_code == 204
    assert admin.client.patch(f"/v1/users/{suspended.id}", json={"status": "suspended"}).status_code == 200
    for account in (deleted, suspended):
        body = assert_problem(client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD}),
                              401, "INVALID_CREDENTIALS")
        assert {k: body[k] for k in PROBLEM_FIELDS} == {k: reference[k] for k in PROBLEM_FIELDS}


def test_login_fails_with_400_when_the_password_field_is_missing_or_not_a_string(client):
    assert_problem(client.post("/v1/auth/login", json={"email": unique_email()}), 400, "VALIDATION_FAILED")
    assert_problem(client.post("/v1/auth/login", json={"email": unique_email(), "password": 12345678}), 400,
                   "VALIDATION_FAILED")


# --- email verification and password reset (mail read from the SMTP sink) -------------
def test_verify_email_succeeds_once_when_the_mailed_token_is_used(client, mail_sink):
    account = Account(client)
    message = mail_sink.wait_for(account.email, "verify")
    token = token_from_mail(message)
    assert client.post("/v1/auth/verify-email", json={"token": token}).status_code == 204
    me = account.client.get("/v1/users/me").json()
    assert me["email_verified"] is True
    assert_problem(client.post("/v1/auth/verify-email", json={"token": token}), 400, "INVALID_TOKEN")


def test_verify_email_fails_with_400_when_the_token_is_unknown(client):
    assert_problem(client.post("/v1/auth/verify-email", json={"token": "x" * 43}), 400, "INVALID_TOKEN")


def test_forgot_password_succeeds_with_202_alike_when_the_email_is_known_or_unknown(client, mail_sink):
    known = Account(client)
    unknown = unique_email("nobody")
    answers = [client.post("/v1/auth/forgot-password", json={"email": e}) for e in (known.email, unknown)]
    assert [a.status_code for a in answers] == [202, 202]
    assert answers[0].json() == answers[1].json()
    mail_sink.wait_for(known.email, "reset")
    time.sleep(1.5)  # a few sender polls: nothing may go to the unknown address
    assert mail_sink.received(unknown) == []


def test_forgot_password_succeeds_and_mails_the_stored_address_when_asked_in_another_case(client, mail_sink):
    stored = "Mixed.Case-" + unique_email()
    Account(client, email=stored)
    assert client.post("/v1/auth/forgot-password", json={"email": stored.lower()}).status_code == 202
    message = mail_sink.wait_for(stored, "reset")
    assert stored in str(message["To"])
    assert stored.lower() not in str(message["To"])


def test_reset_password_succeeds_and_revokes_every_session_when_the_mailed_token_is_used(client, mail_sink):
    account = Account(client)
    second = login(client, account.email)  # a second session of the same user
    assert client.post("/v1/auth/forgot-password", json={"email": account.email}).status_code == 202
    token = token_from_mail(mail_sink.wait_for(account.email, "reset"))
    new_password = "a brand new passphrase"
    resp = client.post("/v1/auth/reset-password", json={"token": token, "new_password": new_password})
    assert resp.status_code == 204, resp.text

    assert_problem(client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD}), 401,
                   "INVALID_CREDENTIALS")
    fresh = login(client, account.email, new_password)
    assert client.with_token(fresh["access_token"]).get("/v1/users/me").status_code == 200
    for old in (account.tokens, second):
        assert_problem(client.post("/v1/auth/refresh", json={"refresh_token": old["refresh_token"]}), 401)
        assert_problem(client.with_token(old["access_token"]).get("/v1/users/me"), 401)
    # Single use.
    assert_problem(client.post("/v1/auth/reset-password", json={"token": token, "new_password": "yet another one!"}),
                   400, "INVALID_TOKEN")
    assert login(client, account.email, new_password)


def test_reset_password_fails_with_400_when_an_older_reset_token_comes_after_a_newer_one_was_used(client, mail_sink):
    # A reset ends every way into the account that existed before it, including
    # reset tokens still waiting in the mailbox.
    account = Account(client)
    for _ in range(2):
        assert client.post("/v1/auth/forgot-password", json={"email": account.email}).status_code == 202
    older = token_from_mail(mail_sink.wait_for(account.email, "reset", count=1))
    newer = token_from_mail(mail_sink.wait_for(account.email, "reset", count=2))
    assert older != newer
    resp = client.post("/v1/auth/reset-password", json={"token": newer, "new_password": "the new secret"})
    assert resp.status_code == 204, resp.text
    assert_problem(client.post("/v1/auth/reset-password", json={"token": older, "new_password": "an attacker's pick"}),
                   400, "INVALID_TOKEN")
    assert login(client, account.email, "the new secret")


def test_verify_email_fails_with_400_when_the_token_has_expired(client, mail_sink, databases, server):
    account = Account(client)
    token = token_from_mail(mail_sink.wait_for(account.email, "verify"))
    databases.execute(server.database_url, "UPDATE one_time_tokens SET expires_at = '2020-01-01T00:00:00.000Z' "
                                           f"WHERE user_id = '{account.id}'")
    assert_problem(client.post("/v1/auth/verify-email", json={"token": token}), 400, "INVALID_TOKEN")
    assert account.client.get("/v1/users/me").json()["email_verified"] is False


def test_reset_password_fails_with_400_when_given_a_verification_token_or_a_short_password(client, mail_sink):
    account = Account(client)
    verify_token = token_from_mail(mail_sink.wait_for(account.email, "verify"))
    assert_problem(client.post("/v1/auth/reset-password", json={"token": verify_token, "new_password": "whatever123"}),
                   400, "INVALID_TOKEN")
    assert client.post("/v1/auth/forgot-password", json={"email": account.email}).status_code == 202
    reset_token = token_from_mail(mail_sink.wait_for(account.email, "reset"))
    body = assert_problem(client.post("/v1/auth/reset-password", json={"token": reset_token, "new_password": "short"}),
                          400, "VALIDATION_FAILED")
    assert detail_fields(body) == {"new_password"}
    # The rejected attempt did not use the token up.
    assert client.post("/v1/auth/reset-password",
                       json={"token": reset_token, "new_password": "long enough now"}).status_code == 204
    assert login(client, account.email, "long enough now")


# --- rate limits -------------------------------------------------------------------
def assert_rate_limited(resp):
    body = assert_problem(resp, 429, "RATE_LIMITED")
    retry_after = int(resp.headers["Retry-After"])
    assert 1 <= retry_after <= 60, resp.headers
    assert "q=3" in resp.headers["RateLimit-Policy"] and "w=60" in resp.headers["RateLimit-Policy"], resp.headers
    assert "r=0" in resp.headers["RateLimit"], resp.headers
    return body


def test_login_fails_with_429_and_rate_limit_headers_when_one_address_exceeds_the_limit(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    setup = client_from(srv, "127.0.0.2")
    email_address = unique_email()
    register(setup, email_address)

    attacker = client_from(srv, "127.0.0.3")
    for i in range(3):
        resp = attacker.post("/v1/auth/login", json={"email": unique_email("spray"), "password": "guess number %d" % i})
        assert resp.status_code == 401
        assert "RateLimit" in resp.headers and "RateLimit-Policy" in resp.headers
    assert_rate_limited(attacker.post("/v1/auth/login", json={"email": email_address, "password": PASSWORD}))
    # The limit is per address: another address still gets in.
    assert login(client_from(srv, "127.0.0.4"), email_address)


def test_register_fails_with_429_when_one_address_exceeds_the_limit(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    c = client_from(srv, "127.0.0.5")
    for _ in range(3):
        register(c)
    assert_rate_limited(c.post("/v1/auth/register", json={"email": unique_email(), "password": PASSWORD,
                                                          "first_name": "A", "last_name": "B"}))


def test_login_fails_with_429_when_one_account_is_tried_by_email_and_by_username(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    email_address, username = unique_email(), unique_username()
    register(client_from(srv, "127.0.0.2"), email_address, username=username)
    guesses = [{"email": email_address}, {"username": username}, {"email": email_address.upper()}]
    for i, who in enumerate(guesses):
        resp = client_from(srv, f"127.0.3.{i + 1}").post("/v1/auth/login", json={**who, "password": "bad guess"})
        assert resp.status_code == 401
    # Switching between email and username does not buy more guesses: they name one account.
    assert_rate_limited(client_from(srv, "127.0.3.9").post("/v1/auth/login",
                                                           json={"username": username.upper(), "password": PASSWORD}))


def test_login_fails_with_429_when_one_account_is_tried_from_many_addresses(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    email_address = unique_email()
    register(client_from(srv, "127.0.0.2"), email_address)
    for i in range(3):
        resp = client_from(srv, f"127.0.1.{i + 1}").post("/v1/auth/login",
                                                         json={"email": email_address.upper(), "password": "bad guess"})
        assert resp.status_code == 401
    # Even the right password from a fresh address waits: the account is being attacked.
    assert_rate_limited(client_from(srv, "127.0.1.9").post("/v1/auth/login",
                                                           json={"email": email_address, "password": PASSWORD}))
    # Another account is not affected.
    other = unique_email()
    register(client_from(srv, "127.0.0.3"), other)
    assert login(client_from(srv, "127.0.1.10"), other)


def test_forgot_password_fails_with_429_when_one_account_is_asked_for_from_many_addresses(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    target = unique_email()
    for i in range(3):
        assert client_from(srv, f"127.0.2.{i + 1}").post("/v1/auth/forgot-password",
                                                         json={"email": target}).status_code == 202
    assert_rate_limited(client_from(srv, "127.0.2.9").post("/v1/auth/forgot-password", json={"email": target}))


def test_login_is_not_rate_limited_when_the_limit_is_0(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "0"])
    c = srv.client()
    email_address = unique_email()
    register(c, email_address)
    for _ in range(8):
        resp = c.post("/v1/auth/login", json={"email": email_address, "password": "wrong password"})
        assert resp.status_code == 401
        assert "RateLimit" not in resp.headers
    assert login(c, email_address)


# --- audit --------------------------------------------------------------------------
def test_audit_log_succeeds_in_recording_when_a_login_succeeds_or_fails(client, databases, server):
    account = Account(client)
    ok = client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD})
    bad = client.post("/v1/auth/login", json={"email": account.email, "password": "definitely wrong"})
    assert (ok.status_code, bad.status_code) == (200, 401)
    sid = jwt_part(ok.json()["access_token"], 1)["sid"]

    rows = databases.execute(server.database_url,
                             "SELECT actor_user_id, target_type, target_id FROM audit_log "
                             f"WHERE action = 'auth.login' AND request_id = '{ok.headers['X-Request-Id']}'")
    assert rows == [(account.id, "session", sid)]
    rows = databases.execute(server.database_url,
                             "SELECT details FROM audit_log "
                             f"WHERE action = 'auth.login_failed' AND request_id = '{bad.headers['X-Request-Id']}'")
    assert len(rows) == 1 and json.loads(rows[0][0])["login"] == account.email
