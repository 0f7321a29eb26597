"""One account per email address, whatever its case and Unicode composition,
on every backend.

Why: api.md answers a duplicate email with 409, and sign-in must find the
account however its owner types the address. SQLite's lower() folds ASCII
only, PostgreSQL's folds Unicode, so until migration 0007 'Ädá@x.org' and
'ädá@x.org' were one account on PostgreSQL and two on SQLite. The service now
compares a folded key (NFC, Unicode lower case) on both: registration, sign-in
(and its per-account rate limit) and password reset all treat the spellings
as one account, while mail still goes to the address as it was registered.
Usernames follow the same rule since migration 0017.
"""

from __future__ import annotations

import secrets
import unicodedata

from client import assert_problem
from identity_support import PASSWORD, client_from, register


def spellings() -> tuple[str, str, str, str]:
    """(registered, lower-case, decomposed, upper-case) spellings of one new address."""
    tag = secrets.token_hex(4)
    registered = f"Ädá.Øre-{tag}@Bücher.example"
    return (registered, registered.lower(), unicodedata.normalize("NFD", registered),
            registered.upper())


def test_register_fails_with_409_when_the_email_differs_only_in_unicode_case_or_composition(client):
    registered, lower, decomposed, upper = spellings()
    register(client, registered)
    for other in (lower, decomposed, upper):
        resp = client.post("/v1/auth/register", json={"email": other, "password": PASSWORD,
                                                      "first_name": "Ada", "last_name": "Twin"})
        assert_problem(resp, 409, "EMAIL_TAKEN")


def test_register_stores_the_email_as_typed(client):
    registered, *_ = spellings()
    assert register(client, registered)["email"] == registered


def test_login_succeeds_with_any_unicode_case_or_composition_of_the_email(client):
    registered, lower, decomposed, upper = spellings()
    user = register(client, registered)
    for typed in (registered, lower, decomposed, upper):
        resp = client.post("/v1/auth/login", json={"email": typed, "password": PASSWORD})
        assert resp.status_code == 200, (typed, resp.text)
        assert resp.json()["user"]["id"] == user["id"]


def test_forgot_password_mails_the_registered_address_when_asked_with_another_spelling(client, server, databases):
    registered, lower, *_ = spellings()
    user = register(client, registered)
    assert client.post("/v1/auth/forgot-password", json={"email": lower}).status_code == 202
    rows = databases.execute(server.database_url,
                             f"SELECT to_address FROM mail_outbox WHERE user_id = '{user['id']}' "
                             "AND subject LIKE '%Reset%'")
    assert rows == [(registered,)]


def test_failed_sign_ins_with_different_spellings_share_one_account_budget(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    registered, lower, decomposed, upper = spellings()
    register(client_from(srv, "127.0.20.1"), registered)
    for i, typed in enumerate((lower, decomposed, upper)):
        resp = client_from(srv, f"127.0.20.{i + 2}").post("/v1/auth/login",
                                                           json={"email": typed, "password": "not it"})
        assert resp.status_code == 401, resp.text
    resp = client_from(srv, "127.0.20.9").post("/v1/auth/login", json={"email": registered, "password": PASSWORD})
    assert_problem(resp, 429, "RATE_LIMITED")
    assert '"failed-account";r=0;' in resp.headers["RateLimit"]


def test_migration_0007_backfills_the_email_key_of_existing_accounts(server_factory, databases, cli):
    """Accounts made before 0007 get their key from the migration itself, on each backend's own
    SQL (SQLite through the function the driver registers, PostgreSQL through ICU's lower())."""
    url = databases.create()
    srv = server_factory(database=url)
    registered, lower, decomposed, upper = spellings()
    composed_later = f"A\u0308bc-{secrets.token_hex(3)}@x.example"  # stored decomposed, as typed
    first, second = register(srv.client(), registered), register(srv.client(), composed_later)
    assert srv.stop() == 0
    # Back to the schema before 0007: no key column, uniqueness on lower(email).
    for statement in ("DROP INDEX users_email_key_unique", "ALTER TABLE users DROP COLUMN email_key",
                      "CREATE UNIQUE INDEX users_email_key ON users (lower(email))",
                      "DELETE FROM schema_migrations WHERE version = 7"):
        databases.execute(url, statement)

    migrated = cli("migrate", database=url)
    assert migrated.returncode == 0, migrated.stderr
    keys = dict(databases.execute(url, "SELECT CAST(id AS TEXT), email_key FROM users"))
    assert keys[first["id"]] == unicodedata.normalize("NFC", registered).lower()
    assert keys[second["id"]] == unicodedata.normalize("NFC", composed_later.lower())

    srv = server_factory(database=url)
    c = srv.client()
    for typed, user in ((upper, first), (decomposed, first), (composed_later.upper(), second)):
        resp = c.post("/v1/auth/login", json={"email": typed, "password": PASSWORD})
        assert resp.status_code == 200 and resp.json()["user"]["id"] == user["id"], (typed, resp.text)


def username_spellings() -> tuple[str, str, str]:
    """(registered, upper-case, decomposed) spellings of one new non-ASCII username."""
    registered = f"Zoë-Ørsted-{secrets.token_hex(3)}"
    return registered, registered.upper(), unicodedata.normalize("NFD", registered)


def test_usernames_are_unique_whatever_their_unicode_case_or_composition(client):
    """Migration 0017: usernames fold like emails (until then SQLite folded ASCII only)."""
    registered, upper, decomposed = username_spellings()
    register(client, username=registered)
    for other in (upper, decomposed):
        resp = client.post("/v1/auth/register", json={"email": f"{secrets.token_hex(4)}@x.example",
                                                      "password": PASSWORD, "first_name": "Zoë",
                                                      "last_name": "Twin", "username": other})
        assert_problem(resp, 409, "USERNAME_TAKEN")


def test_login_by_username_succeeds_with_any_unicode_case_of_it(client):
    registered, upper, decomposed = username_spellings()
    user = register(client, username=registered)
    for typed in (registered, upper, decomposed, registered.lower()):
        resp = client.post("/v1/auth/login", json={"username": typed, "password": PASSWORD})
        assert resp.status_code == 200, (typed, resp.text)
        assert resp.json()["user"]["id"] == user["id"]
        assert resp.json()["user"]["username"] == registered


def test_renaming_to_another_spelling_of_a_taken_username_fails_with_409(client):
    registered, upper, _ = username_spellings()
    register(client, username=registered)
    other = register(client)
    token = client.post("/v1/auth/login", json={"email": other["email"], "password": PASSWORD}).json()
    resp = client.patch("/v1/users/me", json={"username": upper},
                        headers={"Authorization": f"Bearer {token['access_token']}"})
    assert_problem(resp, 409, "USERNAME_TAKEN")
