"""Administration cannot lock itself out: the last active super_admin stays,
and super_admin keeps the grants that restore everything else.

Why: roles and permissions are data, so a few requests could leave nobody
able to hand out roles again, and only someone with database access could
repair it. Every path that takes super_admin from a user (PATCH role_ids,
PATCH status to suspended or deleted, DELETE /v1/users/:id) answers 409
LAST_SUPER_ADMIN when no other active super_admin would remain, and every
path that takes roles:update or users:update from the super_admin role (PUT
of its permission list, DELETE of one grant) answers 409 PROTECTED_GRANT.
The check runs inside the writing transaction: two administrators demoting
each other at the same moment leave exactly one super_admin, never none.

Each test starts its own server on a fresh database, so it knows exactly who
holds super_admin.
"""

from __future__ import annotations

import threading

import pytest

from access_helpers import PASSWORD, PERMISSION_IDS, ROLE_IDS, collect, login, register, unique
from client import Client, assert_problem

SUPER_ADMIN = ROLE_IDS["super_admin"]
ROLES_UPDATE = "01900000-0002-7000-8000-000000000008"
USERS_UPDATE = "01900000-0002-7000-8000-000000000003"


def account(srv, cli, role: str) -> tuple[str, Client]:
    """(user id, signed-in client) of a new account bootstrapped with `role`."""
    email = f"{unique(role.replace('_', '-'))}@example.com"
    done = cli("admin", "create", "--email", email, "--password", PASSWORD, "--role", role,
               database=srv.database_url)
    assert done.returncode == 0, done.stderr
    c = srv.client().set_token(login(srv.base_url, email))
    me = c.get("/v1/users/me").json()
    assert [r["slug"] for r in me["roles"]] == [role], me
    return me["id"], c


@pytest.fixture
def srv(server_factory):
    return server_factory()


def super_admins(c: Client) -> list[str]:
    return sorted(u["id"] for u in collect(c, "/v1/users?role=super_admin&status=active", limit=50))


def test_patch_role_ids_fails_with_409_when_it_demotes_the_last_super_admin(srv, cli):
    a, as_a = account(srv, cli, "super_admin")
    assert_problem(as_a.patch(f"/v1/users/{a}", json={"role_ids": [ROLE_IDS["student"]]}), 409, "LAST_SUPER_ADMIN")
    assert super_admins(as_a) == [a]
    # With a second super_admin, the first may step down.
    b, _ = account(srv, cli, "super_admin")
    resp = as_a.patch(f"/v1/users/{a}", json={"role_ids": [ROLE_IDS["admin"]]})
    assert resp.status_code == 200, resp.text
    assert super_admins(as_a) == [b]
    # And b, now the last one, may not.
    assert_problem(as_a.patch(f"/v1/users/{b}", json={"role_ids": []}), 409, "LAST_SUPER_ADMIN")


@pytest.mark.parametrize("status", ["suspended", "deleted"])
def test_patch_status_fails_with_409_when_it_deactivates_the_last_super_admin(srv, cli, status):
    a, as_a = account(srv, cli, "super_admin")
    _, as_admin = account(srv, cli, "admin")
    assert_problem(as_admin.patch(f"/v1/users/{a}", json={"status": status}), 409, "LAST_SUPER_ADMIN")
    assert as_a.get("/v1/users/me").json()["status"] == "active"
    # A plain account's status still changes, and renaming the last super_admin is fine.
    student, _ = register(srv.base_url, "student")
    assert as_admin.patch(f"/v1/users/{student['id']}", json={"status": status}).status_code == 200
    assert as_admin.patch(f"/v1/users/{a}", json={"first_name": "Still"}).status_code == 200


def test_delete_user_fails_with_409_for_the_last_active_super_admin(srv, cli):
    a, as_a = account(srv, cli, "super_admin")
    b, _ = account(srv, cli, "super_admin")
    _, as_admin = account(srv, cli, "admin")
    # A suspended super_admin cannot administer, so it does not count.
    assert as_admin.patch(f"/v1/users/{b}", json={"status": "suspended"}).status_code == 200
    assert_problem(as_admin.delete(f"/v1/users/{a}"), 409, "LAST_SUPER_ADMIN")
    assert as_a.get("/v1/users/me").json()["status"] == "active"
    assert as_admin.patch(f"/v1/users/{b}", json={"status": "active"}).status_code == 200
    assert as_admin.delete(f"/v1/users/{a}").status_code == 204
    assert super_admins(as_admin) == [b]


def test_put_role_permissions_fails_with_409_when_super_admin_would_lose_roles_or_users_update(srv, cli):
    _, as_a = account(srv, cli, "super_admin")
    path = f"/v1/roles/{SUPER_ADMIN}/permissions"
    current = [g["id"] for g in collect(as_a, path, limit=100)]
    assert {ROLES_UPDATE, USERS_UPDATE} <= set(current)
    for dropped in (ROLES_UPDATE, USERS_UPDATE):
        kept = [p for p in current if p != dropped]
        assert_problem(as_a.put(path, json={"permission_ids": kept}), 409, "PROTECTED_GRANT")
    assert_problem(as_a.put(path, json={"permission_ids": []}), 409, "PROTECTED_GRANT")
    assert sorted(g["id"] for g in collect(as_a, path, limit=100)) == sorted(current)
    # Other grants of super_admin can go (and come back).
    fewer = [p for p in current if p != PERMISSION_IDS["users:list"]]
    assert as_a.put(path, json={"permission_ids": fewer}).status_code == 200
    assert as_a.put(path, json={"permission_ids": current}).status_code == 200


def test_delete_role_permission_fails_with_409_for_super_admins_roles_and_users_update(srv, cli):
    _, as_a = account(srv, cli, "super_admin")
    for protected in (ROLES_UPDATE, USERS_UPDATE):
        assert_problem(as_a.delete(f"/v1/roles/{SUPER_ADMIN}/permissions/{protected}"), 409, "PROTECTED_GRANT")
    granted = {g["id"] for g in collect(as_a, f"/v1/roles/{SUPER_ADMIN}/permissions", limit=100)}
    assert {ROLES_UPDATE, USERS_UPDATE} <= granted
    # The same grants of another role are ordinary.
    assert as_a.delete(f"/v1/roles/{ROLE_IDS['admin']}/permissions/{ROLES_UPDATE}").status_code == 204
    # Deleting the permission itself is refused while super_admin grants it.
    assert_problem(as_a.delete(f"/v1/permissions/{ROLES_UPDATE}"), 409, "PERMISSION_IN_USE")


def test_two_super_admins_demoting_each_other_at_once_leave_exactly_one(srv, cli):
    for _ in range(4):
        a, as_a = account(srv, cli, "super_admin")
        b, as_b = account(srv, cli, "super_admin")
        # Everyone else steps down first, so a and b are the only super_admins.
        for other in super_admins(as_a):
            if other not in (a, b):
                assert as_a.patch(f"/v1/users/{other}", json={"role_ids": [ROLE_IDS['student']]}).status_code == 200
        assert super_admins(as_a) == sorted([a, b])
        barrier = threading.Barrier(2)
        answers = {}

        def demote(actor: Client, target: str, how: str):
            barrier.wait()
            body = {"role_ids": [ROLE_IDS["student"]]} if how == "roles" else {"status": "suspended"}
            answers[target] = actor.patch(f"/v1/users/{target}", json=body)

        threads = [threading.Thread(target=demote, args=(as_a, b, "roles")),
                   threading.Thread(target=demote, args=(as_b, a, "status"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        codes = sorted(r.status_code for r in answers.values())
        # Never both. The loser either waited for the winner and found itself the
        # last one (409), or came after it and had lost its role (403) or its
        # session (401, when it was the one suspended).
        assert codes[0] == 200 and codes[1] in (401, 403, 409), [r.text for r in answers.values()]
        for r in answers.values():
            if r.status_code == 409:
                assert r.json()["code"] == "LAST_SUPER_ADMIN"
        survivors = [u for u in (a, b) if answers[u].status_code != 200]
        assert len(survivors) == 1
        survivor_client = as_a if survivors[0] == a else as_b
        assert super_admins(survivor_client) == survivors
