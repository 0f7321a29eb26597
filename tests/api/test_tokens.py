"""Access and refresh tokens: what a bearer token must be to be accepted,
key rotation, refresh-token rotation with reuse detection, and logout.

Why: design.md's security floor asks for short-lived access tokens with an
allowlisted algorithm whose exp, nbf, iss, aud and typ are all checked, and
opaque refresh tokens that rotate on use, where presenting a rotated token
again ends the whole token family (the thief and the victim both have to sign
in again). Every forged, expired, mis-addressed or wrongly typed token must
be a plain 401, never a 500 and never a pass. Signing keys must rotate without
signing everyone out, and a removed key must stop working. Logout must kill
the session's refresh token and its access tokens at once.

The module's server signs with `--jwt-keys test:<secret>`, so tests mint
tokens that differ from a genuine one in exactly one respect; a control test
shows a correctly minted token is accepted, so each rejection is about the
respect that was changed.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time

import pytest
import requests

from client import assert_problem
from identity_support import (Account, b64url, jwt_part, login, mint_jwt, register, start_module_server,
                              stop_module_server, unique_email)


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory):
    srv = start_module_server(databases, tmp_path_factory)
    yield srv
    stop_module_server(srv)


@pytest.fixture
def account(client):
    return Account(client)


def refresh(client, token):
    return client.post("/v1/auth/refresh", json={"refresh_token": token})


def me_status(client, token) -> int:
    return client.with_token(token).get("/v1/users/me").status_code


# --- the happy path and its control ------------------------------------------------------
def test_me_succeeds_when_the_access_token_comes_from_login(client, account):
    resp = account.client.get("/v1/users/me")
    assert resp.status_code == 200, resp.text
    me = resp.json()
    assert me["id"] == account.id and me["email"] == account.email
    assert [r["slug"] for r in me["roles"]] == ["student"]
    assert isinstance(me["permissions"], list) and "users:list" not in me["permissions"]


def test_me_fails_with_401_when_there_is_no_bearer_token(client):
    assert_problem(client.get("/v1/users/me"), 401, "AUTHENTICATION_REQUIRED")
    assert_problem(client.get("/v1/users/me", headers={"Authorization": "Basic dXNlcjpwYXNz"}), 401)
    assert_problem(client.get("/v1/users/me", headers={"Authorization": "Bearer"}), 401)


def test_me_succeeds_when_the_token_is_minted_like_the_servers_own(client, account):
    # The control for every attack below: same claims, same key, accepted.
    claims = jwt_part(account.access_token, 1)
    token = mint_jwt({"sub": claims["sub"], "sid": claims["sid"]})
    assert me_status(client, token) == 200


# --- forged and unacceptable access tokens ------------------------------------------------
def attacks(real: str) -> dict[str, str]:
    """Tokens that differ from an acceptable one in one respect each."""
    claims = jwt_part(real, 1)
    ids = {"sub": claims["sub"], "sid": claims["sid"]}
    now = int(time.time())
    header_b64, payload_b64, signature = real.split(".")
    tampered_payload = b64url(json.dumps({**claims, "exp": claims["exp"] + 86400}, separators=(",", ":")))
    unsigned = lambda header, body: b64url(json.dumps(header)) + "." + b64url(json.dumps(body)) + "."  # noqa: E731
    return {
        "expired": mint_jwt({**ids, "iat": now - 7200, "nbf": now - 7200, "exp": now - 3600}),
        "tampered-payload": f"{header_b64}.{tampered_payload}.{signature}",
        "tampered-signature": f"{header_b64}.{payload_b64}.{signature[:-4]}AAAA",
        "wrong-key": mint_jwt(ids, secret="some-other-secret-of-32-chars!!"),
        "unknown-kid": mint_jwt(ids, header={"kid": "retired"}),
        "no-kid": mint_jwt(ids, header={"kid": None}),
        "alg-none": unsigned({"alg": "none", "typ": "JWT", "kid": "test"}, {**claims}),
        "alg-none-signed": mint_jwt(ids, header={"alg": "none"}),
        "alg-HS512": mint_jwt(ids, header={"alg": "HS512"}, digest=hashlib.sha512),
        "alg-HS512-header-only": mint_jwt(ids, header={"alg": "HS512"}),
        "alg-RS256": mint_jwt(ids, header={"alg": "RS256"}),
        "wrong-audience": mint_jwt({**ids, "aud": "someone-else"}),
        "wrong-issuer": mint_jwt({**ids, "iss": "evil"}),
        "nbf-in-future": mint_jwt({**ids, "nbf": now + 3600, "exp": now + 7200}),
        "exp-beyond-the-ttl": mint_jwt({**ids, "exp": now + 30 * 86400}),
        "typ-refresh": mint_jwt({**ids, "typ": "refresh"}),
        "no-typ": mint_jwt(ids, drop=("typ",)),
        "no-sub": mint_jwt(ids, drop=("sub",)),
        "sub-not-uuid": mint_jwt({**ids, "sub": "1 OR 1=1"}),
        "no-exp": mint_jwt(ids, drop=("exp",)),
        "exp-as-string": mint_jwt({**ids, "exp": str(now + 600)}),
        "exp-negative": mint_jwt({**ids, "exp": -(2**63)}),
        "exp-float": mint_jwt({**ids, "exp": now + 600.5}),
        "exp-beyond-int64": mint_jwt({**ids, "exp": 2**64 + 1}),
        "nbf-max": mint_jwt({**ids, "nbf": 2**63 - 1}),
        "sid-unknown": mint_jwt({**ids, "sid": "01900000-0000-7000-8000-000000000000"}),
        "sid-not-uuid": mint_jwt({**ids, "sid": "x'); DROP TABLE sessions;--"}),
        "garbage": "not-a-jwt",
        "three-dots": "a.b.c",
        "empty-parts": "..",
        "four-parts": real + ".extra",
        "huge": "A" * 5000,
    }


ATTACK_NAMES = list(attacks(mint_jwt()))


@pytest.mark.parametrize("name", ATTACK_NAMES)
def test_me_fails_with_401_when_the_access_token_is(client, account, name):
    token = attacks(account.access_token)[name]
    body = assert_problem(client.with_token(token).get("/v1/users/me"), 401)
    assert body["code"] in ("INVALID_TOKEN", "TOKEN_EXPIRED", "SESSION_REVOKED"), body
    if name == "expired":
        assert body["code"] == "TOKEN_EXPIRED"


def test_me_answers_without_error_when_signed_claims_hold_extreme_numbers(client, account):
    # Genuinely signed, so accepted or rejected by their values, but never an
    # arithmetic overflow (the client fixture fails the test on any 500).
    ids = {k: jwt_part(account.access_token, 1)[k] for k in ("sub", "sid")}
    assert me_status(client, mint_jwt({**ids, "exp": 2**63 - 1})) == 401  # outlives any token we issue
    assert me_status(client, mint_jwt({**ids, "nbf": -(2**63)})) == 200
    assert me_status(client, mint_jwt({**ids, "exp": 2**63 - 1, "nbf": 2**63 - 1})) == 401


def test_me_fails_with_401_when_a_refresh_token_is_used_as_bearer(client, account):
    assert_problem(client.with_token(account.refresh_token).get("/v1/users/me"), 401, "INVALID_TOKEN")


def test_access_token_fails_with_401_when_its_ttl_has_passed(server_factory):
    srv = server_factory(extra_args=["--access-token-ttl", "1"])
    c = srv.client()
    email_address = unique_email()
    register(c, email_address)
    tokens = login(c, email_address)
    assert tokens["expires_in"] == 1
    assert me_status(c, tokens["access_token"]) == 200
    time.sleep(7)  # the TTL plus the 5 s clock-skew leeway
    assert_problem(c.with_token(tokens["access_token"]).get("/v1/users/me"), 401, "TOKEN_EXPIRED")
    # The refresh token is still good and gives a fresh access token.
    fresh = refresh(c, tokens["refresh_token"])
    assert fresh.status_code == 200 and me_status(c, fresh.json()["access_token"]) == 200


# --- key rotation ------------------------------------------------------------------
def test_old_access_token_succeeds_after_key_rotation_and_fails_when_its_key_is_removed(server_factory, databases):
    s1, s2 = "first-secret-0123456789", "second-secret-0123456789"
    database = databases.create()

    first = server_factory(extra_args=["--jwt-keys", f"old:{s1}"], database=database)
    c = first.client()
    email_address = unique_email()
    register(c, email_address)
    old_token = login(c, email_address)["access_token"]
    assert jwt_part(old_token, 0)["kid"] == "old"
    assert first.stop() == 0

    rotated = server_factory(extra_args=["--jwt-keys", f"new:{s2},old:{s1}"], database=database)
    c = rotated.client()
    assert me_status(c, old_token) == 200
    new_token = login(c, email_address)["access_token"]
    assert jwt_part(new_token, 0)["kid"] == "new"
    assert me_status(c, new_token) == 200
    assert rotated.stop() == 0

    retired = server_factory(extra_args=["--jwt-keys", f"new:{s2}"], database=database)
    c = retired.client()
    assert_problem(c.with_token(old_token).get("/v1/users/me"), 401, "INVALID_TOKEN")
    assert me_status(c, new_token) == 200


def test_serve_fails_to_start_when_a_jwt_secret_is_short(cli, databases):
    done = cli("--jwt-keys", "k:short", "--listen", "127.0.0.1:0", "serve", database=databases.create(), timeout=30)
    assert done.returncode != 0
    assert "16" in (done.stderr + done.stdout)


# --- refresh rotation ----------------------------------------------------------------
def test_refresh_succeeds_with_a_new_pair_when_the_refresh_token_is_current(client, account):
    first = refresh(client, account.refresh_token)
    assert first.status_code == 200, first.text
    pair = first.json()
    assert first.headers.get("Cache-Control") == "no-store"
    assert pair["token_type"] == "Bearer" and pair["refresh_token"] != account.refresh_token
    assert jwt_part(pair["access_token"], 1)["sid"] == jwt_part(account.access_token, 1)["sid"]
    assert me_status(client, pair["access_token"]) == 200
    second = refresh(client, pair["refresh_token"])
    assert second.status_code == 200
    assert me_status(client, second.json()["access_token"]) == 200


def test_refresh_fails_and_revokes_the_whole_family_when_a_rotated_token_is_reused(client, account, databases, server):
    other_session = login(client, account.email)  # a separate sign-in of the same user
    r1, a1 = account.refresh_token, account.access_token
    p2 = refresh(client, r1).json()
    p3 = refresh(client, p2["refresh_token"]).json()
    assert me_status(client, p3["access_token"]) == 200

    reused = refresh(client, r1)
    assert_problem(reused, 401, "REFRESH_TOKEN_REUSED")
    # Everything of that family is dead: the newest refresh token and every access token.
    assert_problem(refresh(client, p3["refresh_token"]), 401)
    assert_problem(refresh(client, p2["refresh_token"]), 401)
    for token in (a1, p2["access_token"], p3["access_token"]):
        assert_problem(client.with_token(token).get("/v1/users/me"), 401, "SESSION_REVOKED")
    # Another sign-in of the same user is another family, untouched.
    assert me_status(client, other_session["access_token"]) == 200
    assert refresh(client, other_session["refresh_token"]).status_code == 200

    sid = jwt_part(a1, 1)["sid"]
    rows = databases.execute(server.database_url,
                             "SELECT actor_user_id, target_type FROM audit_log "
                             f"WHERE action = 'auth.token_family_revoked' AND target_id = '{sid}'")
    assert rows == [(account.id, "session")]


def test_refresh_succeeds_at_most_once_when_one_token_is_presented_concurrently(client, account):
    results: list[int] = []
    barrier = threading.Barrier(10)

    def attempt():
        with requests.Session() as s:
            barrier.wait()
            r = s.post(client.base_url + "/v1/auth/refresh", json={"refresh_token": account.refresh_token}, timeout=60)
            results.append(r.status_code)

    threads = [threading.Thread(target=attempt) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(200) <= 1 and set(results) <= {200, 401}, results


@pytest.mark.parametrize("token", ["", "x" * 43, "not a token at all"])
def test_refresh_fails_with_401_when_the_refresh_token_is_unknown(client, token):
    assert_problem(refresh(client, token), 401)


def test_refresh_fails_with_400_when_the_body_is_not_a_refresh_request(client):
    assert_problem(client.post("/v1/auth/refresh", json={}), 400, "VALIDATION_FAILED")
    assert_problem(client.post("/v1/auth/refresh", json={"refresh_token": 7}), 400, "VALIDATION_FAILED")
    assert_problem(client.post("/v1/auth/refresh", json={"refresh_token": "x" * 201}), 400, "VALIDATION_FAILED")


def test_refresh_fails_with_401_when_the_refresh_token_has_expired(server_factory):
    srv = server_factory(extra_args=["--refresh-token-ttl", "1"])
    c = srv.client()
    email_address = unique_email()
    register(c, email_address)
    tokens = login(c, email_address)
    time.sleep(2.5)
    assert_problem(refresh(c, tokens["refresh_token"]), 401)


# --- logout ------------------------------------------------------------------------
def test_logout_succeeds_with_204_and_ends_the_session_when_the_refresh_token_is_mine(client, account):
    other_session = login(client, account.email)
    resp = account.client.post("/v1/auth/logout", json={"refresh_token": account.refresh_token})
    assert resp.status_code == 204 and resp.content == b""
    assert_problem(refresh(client, account.refresh_token), 401)
    assert_problem(account.client.get("/v1/users/me"), 401, "SESSION_REVOKED")
    # Only that session ended.
    assert me_status(client, other_session["access_token"]) == 200


def test_logout_fails_with_401_when_there_is_no_access_token(client, account):
    assert_problem(client.post("/v1/auth/logout", json={"refresh_token": account.refresh_token}), 401)
    assert refresh(client, account.refresh_token).status_code == 200


def test_logout_fails_with_401_when_the_refresh_token_is_another_users(client, account):
    victim = Account(client)
    assert_problem(account.client.post("/v1/auth/logout", json={"refresh_token": victim.refresh_token}), 401)
    assert me_status(client, victim.access_token) == 200
    assert refresh(client, victim.refresh_token).status_code == 200
