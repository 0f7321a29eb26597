"""Signing out everywhere and changing a password while signed in.

Why: issue 20's learner signs out of every device at once and changes a
password from the profile, knowing the current one, without the reset mail.
Both end every session of the account at once (refresh tokens and the access
tokens of those sessions); changing the password answers a new token pair so
the page it was changed from stays signed in. A wrong current password is a
400 on that field (the session is fine, so never a 401 that would sign the
page out), and the new password follows the registration rules.
"""

from __future__ import annotations

from client import assert_problem
from identity_support import PASSWORD, Account, login


def refresh_status(client, token: str) -> int:
    return client.post("/v1/auth/refresh", json={"refresh_token": token}).status_code


def me_status(client, token: str) -> int:
    return client.with_token(token).get("/v1/users/me").status_code


def test_sign_out_everywhere_succeeds_and_ends_every_session_at_once(client):
    account = Account(client)
    laptop = login(client, account.email)
    assert me_status(client, laptop["access_token"]) == 200

    resp = account.client.post("/v1/auth/logout-all")
    assert resp.status_code == 204, resp.text

    for tokens in (account.tokens, laptop):
        assert me_status(client, tokens["access_token"]) == 401
        assert refresh_status(client, tokens["refresh_token"]) == 401
    # Signing in again works as before.
    assert me_status(client, login(client, account.email)["access_token"]) == 200


def test_sign_out_everywhere_fails_without_a_session(client):
    assert_problem(client.post("/v1/auth/logout-all"), 401)


def test_changing_the_password_succeeds_with_the_current_one_and_signs_out_the_other_sessions(client):
    account = Account(client)
    phone = login(client, account.email)
    new_password = "a new and longer passphrase"

    resp = account.client.post("/v1/auth/change-password",
                               json={"current_password": PASSWORD, "new_password": new_password})
    assert resp.status_code == 200, resp.text
    assert resp.headers["Cache-Control"] == "no-store"
    fresh = resp.json()
    assert me_status(client, fresh["access_token"]) == 200
    assert refresh_status(client, fresh["refresh_token"]) == 200

    for tokens in (account.tokens, phone):
        assert me_status(client, tokens["access_token"]) == 401
        assert refresh_status(client, tokens["refresh_token"]) == 401
    assert_problem(client.post("/v1/auth/login", json={"email": account.email, "password": PASSWORD}), 401,
                   "INVALID_CREDENTIALS")
    assert login(client, account.email, new_password)["user"]["id"] == account.id


def test_changing_the_password_fails_on_the_field_when_the_current_one_is_wrong(client):
    account = Account(client)
    resp = account.client.post("/v1/auth/change-password",
                               json={"current_password": "not my password", "new_password": "whatever it is now"})
    problem = assert_problem(resp, 400)
    assert [d["field"] for d in problem["details"]] == ["current_password"]
    # Nothing changed: the session and the old password still work.
    assert me_status(client, account.access_token) == 200
    assert login(client, account.email)["user"]["id"] == account.id


def test_changing_the_password_fails_for_a_short_new_one_and_without_a_session(client):
    account = Account(client)
    problem = assert_problem(account.client.post("/v1/auth/change-password",
                                                 json={"current_password": PASSWORD, "new_password": "short"}), 400)
    assert "new_password" in {d["field"] for d in problem["details"]}
    assert_problem(client.post("/v1/auth/change-password",
                               json={"current_password": PASSWORD, "new_password": "long enough now"}), 401)
