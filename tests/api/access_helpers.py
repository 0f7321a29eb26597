"""Accounts and small helpers shared by the access-control scenario tests
(test_roles_permissions.py, test_organizations.py).

Every account is made through the public API (POST /v1/auth/register, then
login). The first administrator cannot be made that way, by design: it is
bootstrapped like an operator would, with `deltalabs admin create ... --role
super_admin` against the server's own database, or, when the binary has no
such subcommand, by inserting the super_admin grant into user_roles directly.
"""

from __future__ import annotations

import re
import secrets

from client import Client

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
PASSWORD = "correct horse battery staple"
INJECTION = "x'); DROP TABLE roles;--"
# An id that is a well-formed UUID but names nothing.
UNKNOWN_ID = "01900000-dead-7000-8000-000000000000"
NOT_A_UUID = "not-a-uuid"

# Seeded role and permission ids (migrations/0002_identity.sql).
ROLE_IDS = {
    "student": "01900000-0001-7000-8000-000000000001",
    "admin": "01900000-0001-7000-8000-00000000000c",
    "super_admin": "01900000-0001-7000-8000-00000000000d",
}
PERMISSION_IDS = {
    "users:list": "01900000-0002-7000-8000-000000000001",
    "users:read": "01900000-0002-7000-8000-000000000002",
    "roles:list": "01900000-0002-7000-8000-000000000005",
    "roles:read": "01900000-0002-7000-8000-000000000007",
    "organizations:read": "01900000-0002-7000-8000-000000000016",
    "organizations:update": "01900000-0002-7000-8000-000000000017",
    "organizations:members": "01900000-0002-7000-8000-000000000019",
}


def unique(prefix: str) -> str:
    """A slug-safe unique name: prefix plus random hex."""
    return f"{prefix}-{secrets.token_hex(4)}"


def login(base_url: str, email: str) -> str:
    c = Client(base_url)
    try:
        resp = c.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
        assert resp.status_code == 200, resp.text
        return resp.json()["access_token"]
    finally:
        c.close()


def register(base_url: str, prefix: str = "user") -> tuple[dict, str]:
    """A new student account: (user as the API shows it, access token)."""
    email = f"{unique(prefix)}@example.com"
    c = Client(base_url)
    try:
        resp = c.post("/v1/auth/register",
                      json={"email": email, "password": PASSWORD, "first_name": "Test", "last_name": prefix})
        assert resp.status_code == 201, resp.text
        user = resp.json()["user"]
    finally:
        c.close()
    return user, login(base_url, email)


def bootstrap_admin(server, databases, cli) -> str:
    """The access token of a fresh super_admin on this server's database."""
    email = f"{unique('admin')}@example.com"
    done = cli("admin", "create", "--email", email, "--password", PASSWORD, "--role", "super_admin",
               database=server.database_url)
    if done.returncode == 0:
        return login(server.base_url, email)
    # No admin subcommand in this binary: register, then grant the role in the database.
    user, _ = register(server.base_url, "admin")
    databases.execute(server.database_url,
                      "INSERT INTO user_roles (user_id, role_id, granted_at) "
                      f"SELECT '{user['id']}', id, '2026-11-24T00:00:00.000Z' FROM roles WHERE slug = 'super_admin'")
    return login(server.base_url, user["email"])


def set_roles(admin: Client, user_id: str, role_ids: list[str]) -> None:
    """Makes `role_ids` the user's global roles, through PATCH /v1/users/:id."""
    resp = admin.patch(f"/v1/users/{user_id}", json={"role_ids": role_ids})
    assert resp.status_code == 200, resp.text


def collect(c: Client, path: str, limit: int = 2) -> list[dict]:
    """Every item of a cursor-paginated list, following next_cursor; checks the page shape."""
    items, cursor = [], None
    for _ in range(1000):
        params = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        resp = c.get(path, params=params)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert set(body) == {"items", "next_cursor"}, body
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def audit_actions(databases, url: str, target_id: str) -> list[str]:
    """The audited actions on a target, oldest first."""
    rows = databases.execute(url, f"SELECT action FROM audit_log WHERE target_id = '{target_id}' ORDER BY created_at, id")
    return [r[0] for r in rows]
