"""Roles, permissions and the grants between them: /v1/roles, /v1/roles/:id,
/v1/roles/:id/permissions[/:permissionId], /v1/permissions and /v1/permissions/:id.

Why: api.md says permissions are checked by slug, resolved from the user's
roles in the database, never by role name in code. So these routes ARE the
access-control system: who may manage them, that seeded system roles survive,
that every grant or revoke is audited, and that a change takes effect on the
very next request (nothing is cached) must hold exactly as a client sees it.
Each route is shown with its happy path, 401 without a token, 403 without
the permission, 404 for unknown and non-UUID ids, 400 for unknown fields and
wrong types, its 409 rules, and injection-looking text stored verbatim.

Granting a permission a role already has answers 409 ALREADY_GRANTED (a
retrying client may treat that code as success); revoking one it does not
have answers 404 PERMISSION_GRANT_NOT_FOUND. Deleting a permission that a
role still grants answers 409 PERMISSION_IN_USE.
"""

from __future__ import annotations

import pytest

from access_helpers import (INJECTION, NOT_A_UUID, PERMISSION_IDS, RFC3339, ROLE_IDS, UNKNOWN_ID, UUID,
                            audit_actions, bootstrap_admin, collect, register, set_roles, unique)
from client import Client, assert_problem


# --- accounts ----------------------------------------------------------------
@pytest.fixture(scope="module")
def admin_token(server, databases, cli):
    return bootstrap_admin(server, databases, cli)


@pytest.fixture(scope="module")
def student(server):
    """(user, token) of a plain registered account: role student, no role or permission rights."""
    return register(server.base_url, "student")


@pytest.fixture
def admin(client, admin_token) -> Client:
    return client.with_token(admin_token)


@pytest.fixture
def as_student(client, student) -> Client:
    return client.with_token(student[1])


def new_role(admin: Client, **fields) -> dict:
    body = {"name": "Role " + unique("r"), "slug": unique("role"), "description": "made by a test"}
    body.update(fields)
    resp = admin.post("/v1/roles", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def new_permission(admin: Client, resource: str | None = None, action: str = "read") -> dict:
    resource = resource or "thing_" + unique("x").split("-")[1]
    body = {"name": f"{action} {resource}", "slug": f"{resource}:{action}", "resource": resource,
            "action": action, "description": "made by a test"}
    resp = admin.post("/v1/permissions", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


# --- /v1/roles -------------------------------------------------------------------
def test_role_list_succeeds_with_every_seeded_role_across_pages(admin):
    roles = collect(admin, "/v1/roles", limit=4)
    slugs = {r["slug"] for r in roles}
    assert {"student", "parent", "teacher", "normal_user", "lab_assistant", "coach", "professor",
            "content_creator", "tutor", "instructor", "ta", "admin", "super_admin"} <= slugs
    ids = [r["id"] for r in roles]
    assert ids == sorted(ids) and len(ids) == len(set(ids))  # ordered by id, no repeats across pages
    student = next(r for r in roles if r["slug"] == "student")
    assert student["is_system"] is True and student["id"] == ROLE_IDS["student"]
    assert set(student) == {"id", "slug", "name", "description", "is_system", "created_at", "updated_at"}


def test_role_list_fails_with_401_without_token(client):
    assert_problem(client.get("/v1/roles"), 401)


def test_role_list_fails_with_403_without_roles_list(as_student):
    assert_problem(as_student.get("/v1/roles"), 403, "FORBIDDEN")


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=x", "cursor=forged.cursor"])
def test_role_list_fails_with_400_for_a_bad_limit_or_cursor(admin, query):
    assert_problem(admin.get("/v1/roles?" + query), 400)


def test_role_create_succeeds_audited_and_never_a_system_role(admin, server, databases):
    slug = unique("editor")
    resp = admin.post("/v1/roles", json={"name": "Editor", "slug": slug, "description": "Edits things."})
    assert resp.status_code == 201, resp.text
    role = resp.json()
    assert UUID.match(role["id"]) and role["id"][14] == "7"  # UUID v7
    assert resp.headers["Location"] == f"/v1/roles/{role['id']}"
    assert (role["slug"], role["name"], role["description"], role["is_system"]) == (slug, "Editor", "Edits things.",
                                                                                    False)
    assert RFC3339.match(role["created_at"]) and role["created_at"] == role["updated_at"]
    assert admin.get(f"/v1/roles/{role['id']}").json() == role
    assert audit_actions(databases, server.database_url, role["id"]) == ["role.created"]


def test_role_create_stores_injection_strings_verbatim(admin):
    role = new_role(admin, name=INJECTION, description=INJECTION + ' "; --')
    fetched = admin.get(f"/v1/roles/{role['id']}").json()
    assert fetched["name"] == INJECTION and fetched["description"] == INJECTION + ' "; --'
    assert len(collect(admin, "/v1/roles", limit=100)) >= 13  # the roles table is still there


def test_role_create_fails_with_409_slug_taken_for_a_duplicate_slug(admin):
    role = new_role(admin)
    assert_problem(admin.post("/v1/roles", json={"name": "Again", "slug": role["slug"]}), 409, "SLUG_TAKEN")
    assert_problem(admin.post("/v1/roles", json={"name": "Seeded", "slug": "student"}), 409, "SLUG_TAKEN")


@pytest.mark.parametrize("body, field", [
    ({"name": "X", "slug": "x-ok", "is_system": True}, "is_system"),  # never client-settable
    ({"name": "X", "slug": "x-ok", "permissions": []}, "permissions"),
    ({"name": 5, "slug": "x-ok"}, "name"),
    ({"name": "X", "slug": ["x"]}, "slug"),
    ({"name": "X"}, "slug"),
    ({"slug": "x-ok"}, "name"),
    ({"name": "", "slug": "x-ok"}, "name"),
    ({"name": "X", "slug": "Not A Slug"}, "slug"),
    ({"name": "X", "slug": INJECTION}, "slug"),
    ({"name": "X", "slug": "x-ok", "description": None}, "description"),
])
def test_role_create_fails_with_400_naming_the_bad_field(admin, body, field):
    problem = assert_problem(admin.post("/v1/roles", json=body), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


def test_role_create_fails_with_400_for_malformed_json(admin):
    resp = admin.post("/v1/roles", data=b'{"name": "X", "slug":', headers={"Content-Type": "application/json"})
    assert_problem(resp, 400)


def test_role_create_fails_with_401_without_token(client):
    assert_problem(client.post("/v1/roles", json={"name": "X", "slug": unique("x")}), 401)


def test_role_create_fails_with_403_without_roles_create(as_student):
    assert_problem(as_student.post("/v1/roles", json={"name": "X", "slug": unique("x")}), 403)


# --- /v1/roles/:id -----------------------------------------------------------------
def test_role_get_succeeds_for_a_seeded_role(admin):
    role = admin.get(f"/v1/roles/{ROLE_IDS['admin']}").json()
    assert role["slug"] == "admin" and role["is_system"] is True


def test_role_get_succeeds_with_an_uppercase_id(admin):
    assert admin.get(f"/v1/roles/{ROLE_IDS['admin'].upper()}").json()["slug"] == "admin"


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("role_id", [UNKNOWN_ID, NOT_A_UUID, "1", "%27%20OR%201%3D1--"])
def test_role_routes_fail_with_404_for_unknown_or_non_uuid_ids(admin, method, role_id):
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(admin.request(method, f"/v1/roles/{role_id}", **kwargs), 404, "ROLE_NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_role_routes_fail_with_401_without_token(client, method):
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(client.request(method, f"/v1/roles/{ROLE_IDS['student']}", **kwargs), 401)


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_role_routes_fail_with_403_without_permission(as_student, admin, method):
    role = new_role(admin)
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(as_student.request(method, f"/v1/roles/{role['id']}", **kwargs), 403)
    assert admin.get(f"/v1/roles/{role['id']}").json()["name"] == role["name"]


def test_role_update_succeeds_and_is_audited(admin, server, databases):
    role = new_role(admin)
    new_slug = unique("renamed")
    resp = admin.patch(f"/v1/roles/{role['id']}", json={"name": INJECTION, "slug": new_slug, "description": ""})
    assert resp.status_code == 200, resp.text
    changed = resp.json()
    assert (changed["name"], changed["slug"], changed["description"]) == (INJECTION, new_slug, "")
    assert changed["created_at"] == role["created_at"] and changed["updated_at"] >= role["updated_at"]
    assert audit_actions(databases, server.database_url, role["id"]) == ["role.created", "role.updated"]


def test_role_update_succeeds_with_only_some_fields(admin):
    role = new_role(admin)
    changed = admin.patch(f"/v1/roles/{role['id']}", json={"description": "only this"}).json()
    assert (changed["name"], changed["slug"], changed["description"]) == (role["name"], role["slug"], "only this")


def test_role_update_fails_with_409_system_role_when_renaming_a_system_slug(admin):
    assert_problem(admin.patch(f"/v1/roles/{ROLE_IDS['student']}", json={"slug": "learner"}), 409, "SYSTEM_ROLE")
    assert admin.get(f"/v1/roles/{ROLE_IDS['student']}").json()["slug"] == "student"


def test_role_update_fails_with_409_slug_taken(admin):
    a, b = new_role(admin), new_role(admin)
    assert_problem(admin.patch(f"/v1/roles/{a['id']}", json={"slug": b["slug"]}), 409, "SLUG_TAKEN")


@pytest.mark.parametrize("body, field", [
    ({"is_system": True}, "is_system"),
    ({"id": UNKNOWN_ID}, "id"),
    ({"name": 1}, "name"),
    ({"name": None}, "name"),
    ({"slug": "UPPER"}, "slug"),
])
def test_role_update_fails_with_400_naming_the_bad_field(admin, body, field):
    role = new_role(admin)
    problem = assert_problem(admin.patch(f"/v1/roles/{role['id']}", json=body), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


def test_role_delete_succeeds_and_takes_the_role_from_its_users(admin, server, databases):
    role = new_role(admin)
    user, _ = register(server.base_url, "holder")
    set_roles(admin, user["id"], [ROLE_IDS["student"], role["id"]])
    resp = admin.delete(f"/v1/roles/{role['id']}")
    assert resp.status_code == 204 and resp.content == b""
    assert_problem(admin.get(f"/v1/roles/{role['id']}"), 404, "ROLE_NOT_FOUND")
    assert [r["slug"] for r in admin.get(f"/v1/users/{user['id']}").json()["roles"]] == ["student"]
    assert audit_actions(databases, server.database_url, role["id"]) == ["role.created", "role.deleted"]


@pytest.mark.parametrize("slug", ["student", "admin", "super_admin"])
def test_role_delete_fails_with_409_system_role(admin, slug):
    assert_problem(admin.delete(f"/v1/roles/{ROLE_IDS[slug]}"), 409, "SYSTEM_ROLE")
    assert admin.get(f"/v1/roles/{ROLE_IDS[slug]}").status_code == 200


# --- /v1/roles/:id/permissions ---------------------------------------------------------
def test_role_permissions_list_succeeds_for_a_seeded_role_across_pages(admin):
    grants = collect(admin, f"/v1/roles/{ROLE_IDS['admin']}/permissions", limit=7)
    slugs = {g["slug"] for g in grants}
    assert {"users:list", "roles:update", "permissions:delete", "organizations:members"} <= slugs
    assert [g["id"] for g in grants] == sorted(g["id"] for g in grants)
    assert all(RFC3339.match(g["granted_at"]) for g in grants)


def test_role_permissions_set_succeeds_replacing_the_whole_list(admin, server, databases):
    role = new_role(admin)
    read, lst = PERMISSION_IDS["roles:read"], PERMISSION_IDS["roles:list"]
    resp = admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": [read, lst, read]})
    assert resp.status_code == 200, resp.text
    assert sorted(g["slug"] for g in resp.json()["items"]) == ["roles:list", "roles:read"]
    assert resp.json()["next_cursor"] is None
    resp = admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": [lst.upper()]})
    assert [g["slug"] for g in resp.json()["items"]] == ["roles:list"]
    assert [g["slug"] for g in collect(admin, f"/v1/roles/{role['id']}/permissions")] == ["roles:list"]
    assert admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": []}).json()["items"] == []
    assert audit_actions(databases, server.database_url, role["id"]).count("role.permissions_changed") == 3


def test_role_permissions_set_fails_with_400_naming_each_unknown_id_and_changes_nothing(admin):
    role = new_role(admin)
    admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": [PERMISSION_IDS["roles:read"]]})
    other = "01900000-beef-7000-8000-000000000000"
    resp = admin.put(f"/v1/roles/{role['id']}/permissions",
                     json={"permission_ids": [PERMISSION_IDS["roles:list"], UNKNOWN_ID, other]})
    problem = assert_problem(resp, 400, "VALIDATION_FAILED")
    assert [d["field"] for d in problem["details"]] == ["permission_ids[1]", "permission_ids[2]"]
    assert UNKNOWN_ID in problem["details"][0]["message"]
    assert [g["slug"] for g in collect(admin, f"/v1/roles/{role['id']}/permissions")] == ["roles:read"]


@pytest.mark.parametrize("body, field", [
    ({}, "permission_ids"),
    ({"permission_ids": "x"}, "permission_ids"),
    ({"permission_ids": [NOT_A_UUID]}, "permission_ids[0]"),
    ({"permission_ids": [1]}, "permission_ids[0]"),
    ({"permission_ids": [], "role_ids": []}, "role_ids"),
])
def test_role_permissions_set_fails_with_400_for_a_bad_body(admin, body, field):
    role = new_role(admin)
    problem = assert_problem(admin.put(f"/v1/roles/{role['id']}/permissions", json=body), 400)
    assert field in [d["field"] for d in problem["details"]], problem


@pytest.mark.parametrize("method", ["GET", "PUT"])
@pytest.mark.parametrize("role_id", [UNKNOWN_ID, NOT_A_UUID])
def test_role_permissions_fail_with_404_for_an_unknown_role(admin, method, role_id):
    kwargs = {"json": {"permission_ids": []}} if method == "PUT" else {}
    assert_problem(admin.request(method, f"/v1/roles/{role_id}/permissions", **kwargs), 404, "ROLE_NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "PUT"])
def test_role_permissions_fail_with_401_without_token(client, method):
    kwargs = {"json": {"permission_ids": []}} if method == "PUT" else {}
    assert_problem(client.request(method, f"/v1/roles/{ROLE_IDS['student']}/permissions", **kwargs), 401)


@pytest.mark.parametrize("method", ["GET", "PUT"])
def test_role_permissions_fail_with_403_without_permission(as_student, method):
    kwargs = {"json": {"permission_ids": []}} if method == "PUT" else {}
    assert_problem(as_student.request(method, f"/v1/roles/{ROLE_IDS['student']}/permissions", **kwargs), 403)


# --- /v1/roles/:id/permissions/:permissionId ---------------------------------------------
def test_role_permission_grant_succeeds_then_fails_with_409_already_granted(admin, server, databases):
    role = new_role(admin)
    path = f"/v1/roles/{role['id']}/permissions/{PERMISSION_IDS['users:read']}"
    resp = admin.post(path)
    assert resp.status_code == 201, resp.text
    assert resp.json()["slug"] == "users:read" and RFC3339.match(resp.json()["granted_at"])
    assert_problem(admin.post(path), 409, "ALREADY_GRANTED")
    assert [g["slug"] for g in collect(admin, f"/v1/roles/{role['id']}/permissions")] == ["users:read"]
    assert audit_actions(databases, server.database_url, role["id"]) == ["role.created", "role.permission_granted"]


def test_role_permission_revoke_succeeds_then_fails_with_404_not_granted(admin, server, databases):
    role = new_role(admin)
    path = f"/v1/roles/{role['id']}/permissions/{PERMISSION_IDS['users:read']}"
    assert admin.post(path).status_code == 201
    resp = admin.delete(path)
    assert resp.status_code == 204 and resp.content == b""
    assert_problem(admin.delete(path), 404, "PERMISSION_GRANT_NOT_FOUND")
    assert collect(admin, f"/v1/roles/{role['id']}/permissions") == []
    assert audit_actions(databases, server.database_url, role["id"])[-1] == "role.permission_revoked"


@pytest.mark.parametrize("method", ["POST", "DELETE"])
@pytest.mark.parametrize("which, code", [("role", "ROLE_NOT_FOUND"), ("permission", "PERMISSION_NOT_FOUND")])
@pytest.mark.parametrize("bad", [UNKNOWN_ID, NOT_A_UUID])
def test_role_permission_grant_and_revoke_fail_with_404_for_unknown_ids(admin, method, which, code, bad):
    role = new_role(admin)
    role_id = bad if which == "role" else role["id"]
    permission_id = bad if which == "permission" else PERMISSION_IDS["users:read"]
    assert_problem(admin.request(method, f"/v1/roles/{role_id}/permissions/{permission_id}"), 404, code)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_role_permission_grant_and_revoke_fail_with_401_without_token(client, method):
    path = f"/v1/roles/{ROLE_IDS['student']}/permissions/{PERMISSION_IDS['users:list']}"
    assert_problem(client.request(method, path), 401)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_role_permission_grant_and_revoke_fail_with_403_without_roles_update(as_student, method):
    # A student granting themselves users:list through their own role is the classic escalation.
    path = f"/v1/roles/{ROLE_IDS['student']}/permissions/{PERMISSION_IDS['users:list']}"
    assert_problem(as_student.request(method, path), 403)


def test_grant_takes_effect_on_the_next_request_and_so_does_revoke(admin, client, server):
    user, token = register(server.base_url, "promoted")
    me = client.with_token(token)
    assert_problem(me.get("/v1/users"), 403)
    role = new_role(admin, slug=unique("user-lister"))
    set_roles(admin, user["id"], [ROLE_IDS["student"], role["id"]])
    assert_problem(me.get("/v1/users"), 403)  # the role grants nothing yet
    grant = f"/v1/roles/{role['id']}/permissions/{PERMISSION_IDS['users:list']}"
    assert admin.post(grant).status_code == 201
    assert me.get("/v1/users").status_code == 200  # same access token, next request
    assert "users:list" in me.get("/v1/users/me").json()["permissions"]
    assert admin.delete(grant).status_code == 204
    assert_problem(me.get("/v1/users"), 403)


def test_put_permissions_takes_effect_on_the_next_request(admin, client, server):
    user, token = register(server.base_url, "reader")
    me = client.with_token(token)
    role = new_role(admin)
    set_roles(admin, user["id"], [role["id"]])
    assert_problem(me.get("/v1/roles"), 403)
    admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": [PERMISSION_IDS["roles:list"]]})
    assert me.get("/v1/roles").status_code == 200
    admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": []})
    assert_problem(me.get("/v1/roles"), 403)


def test_role_delete_takes_its_permissions_away_on_the_next_request(admin, client, server):
    user, token = register(server.base_url, "lister")
    me = client.with_token(token)
    role = new_role(admin)
    admin.post(f"/v1/roles/{role['id']}/permissions/{PERMISSION_IDS['roles:list']}")
    set_roles(admin, user["id"], [role["id"]])
    assert me.get("/v1/roles").status_code == 200
    assert admin.delete(f"/v1/roles/{role['id']}").status_code == 204
    assert_problem(me.get("/v1/roles"), 403)


# --- /v1/permissions -------------------------------------------------------------------
def test_permission_list_succeeds_with_the_seeded_catalog_across_pages(admin):
    permissions = collect(admin, "/v1/permissions", limit=9)
    slugs = {p["slug"] for p in permissions}
    assert {"users:list", "roles:create", "permissions:delete", "organization_types:read",
            "organizations:members"} <= slugs
    assert [p["id"] for p in permissions] == sorted(p["id"] for p in permissions)
    one = next(p for p in permissions if p["slug"] == "roles:create")
    assert set(one) == {"id", "slug", "name", "resource", "action", "description", "created_at", "updated_at"}
    assert (one["resource"], one["action"]) == ("roles", "create")


def test_permission_list_succeeds_filtered_by_resource(admin):
    permissions = collect(admin, "/v1/permissions?resource=roles", limit=100)
    assert sorted(p["action"] for p in permissions) == ["create", "delete", "list", "read", "update"]
    assert collect(admin, "/v1/permissions?resource=" + "x%27%20OR%20%271%27%3D%271") == []


def test_permission_list_fails_with_401_without_token(client):
    assert_problem(client.get("/v1/permissions"), 401)


def test_permission_list_fails_with_403_without_permissions_list(as_student):
    assert_problem(as_student.get("/v1/permissions"), 403)


def test_permission_create_succeeds_and_is_audited(admin, server, databases):
    resp = admin.post("/v1/permissions", json={"name": "Approve labs", "slug": "labz:approve", "resource": "labz",
                                               "action": "approve", "description": INJECTION})
    assert resp.status_code == 201, resp.text
    p = resp.json()
    assert UUID.match(p["id"]) and resp.headers["Location"] == f"/v1/permissions/{p['id']}"
    assert (p["slug"], p["resource"], p["action"], p["description"]) == ("labz:approve", "labz", "approve", INJECTION)
    assert admin.get(f"/v1/permissions/{p['id']}").json() == p
    assert audit_actions(databases, server.database_url, p["id"]) == ["permission.created"]


def test_permission_create_fails_with_409_slug_taken(admin):
    assert_problem(admin.post("/v1/permissions", json={"name": "Dup", "slug": "users:list", "resource": "users",
                                                       "action": "list"}), 409, "SLUG_TAKEN")


@pytest.mark.parametrize("body, field", [
    ({"slug": "a:b", "resource": "a", "action": "c"}, "slug"),  # slug must be resource:action
    ({"slug": "a:b:c", "resource": "a", "action": "b:c"}, "action"),
    ({"slug": "A:b", "resource": "A", "action": "b"}, "resource"),
    ({"slug": "a:b", "resource": "a", "action": "b", "id": UNKNOWN_ID}, "id"),
    ({"slug": "a:b", "resource": "a", "action": "b", "roles": []}, "roles"),
    ({"slug": "a:b", "resource": "a"}, "action"),
    ({"slug": "a:b", "resource": 1, "action": "b"}, "resource"),
    ({"slug": INJECTION, "resource": "a", "action": "b"}, "slug"),
])
def test_permission_create_fails_with_400_naming_the_bad_field(admin, body, field):
    problem = assert_problem(admin.post("/v1/permissions", json={"name": "N", **body}), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


def test_permission_create_fails_with_401_without_token(client):
    assert_problem(client.post("/v1/permissions", json={"name": "N", "slug": "a:b", "resource": "a",
                                                        "action": "b"}), 401)


def test_permission_create_fails_with_403_without_permissions_create(as_student):
    assert_problem(as_student.post("/v1/permissions", json={"name": "N", "slug": "a:b", "resource": "a",
                                                            "action": "b"}), 403)


# --- /v1/permissions/:id -------------------------------------------------------------------
def test_permission_get_succeeds_for_a_seeded_permission(admin):
    p = admin.get(f"/v1/permissions/{PERMISSION_IDS['users:list']}").json()
    assert p["slug"] == "users:list"


def test_permission_update_succeeds_for_name_and_description_and_is_audited(admin, server, databases):
    p = new_permission(admin)
    resp = admin.patch(f"/v1/permissions/{p['id']}", json={"name": INJECTION, "description": "new"})
    assert resp.status_code == 200, resp.text
    changed = resp.json()
    assert (changed["name"], changed["description"], changed["slug"]) == (INJECTION, "new", p["slug"])
    assert audit_actions(databases, server.database_url, p["id"]) == ["permission.created", "permission.updated"]


@pytest.mark.parametrize("body, field", [
    ({"slug": "x:y"}, "slug"),  # code checks permissions by slug: it is fixed
    ({"resource": "x"}, "resource"),
    ({"action": "y"}, "action"),
    ({"name": ""}, "name"),
    ({"description": 3}, "description"),
])
def test_permission_update_fails_with_400_naming_the_bad_field(admin, body, field):
    p = new_permission(admin)
    problem = assert_problem(admin.patch(f"/v1/permissions/{p['id']}", json=body), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


def test_permission_delete_succeeds_when_no_role_grants_it(admin, server, databases):
    p = new_permission(admin)
    resp = admin.delete(f"/v1/permissions/{p['id']}")
    assert resp.status_code == 204 and resp.content == b""
    assert_problem(admin.get(f"/v1/permissions/{p['id']}"), 404, "PERMISSION_NOT_FOUND")
    assert audit_actions(databases, server.database_url, p["id"]) == ["permission.created", "permission.deleted"]


def test_permission_delete_fails_with_409_permission_in_use_while_a_role_grants_it(admin):
    p = new_permission(admin)
    role = new_role(admin)
    admin.post(f"/v1/roles/{role['id']}/permissions/{p['id']}")
    assert_problem(admin.delete(f"/v1/permissions/{p['id']}"), 409, "PERMISSION_IN_USE")
    assert_problem(admin.delete(f"/v1/permissions/{PERMISSION_IDS['users:list']}"), 409, "PERMISSION_IN_USE")
    admin.delete(f"/v1/roles/{role['id']}/permissions/{p['id']}")
    assert admin.delete(f"/v1/permissions/{p['id']}").status_code == 204


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("permission_id", [UNKNOWN_ID, NOT_A_UUID])
def test_permission_routes_fail_with_404_for_unknown_or_non_uuid_ids(admin, method, permission_id):
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(admin.request(method, f"/v1/permissions/{permission_id}", **kwargs), 404, "PERMISSION_NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_permission_routes_fail_with_401_without_token(client, method):
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(client.request(method, f"/v1/permissions/{PERMISSION_IDS['users:list']}", **kwargs), 401)


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_permission_routes_fail_with_403_without_permission(as_student, admin, method):
    p = new_permission(admin)
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(as_student.request(method, f"/v1/permissions/{p['id']}", **kwargs), 403)
    assert admin.get(f"/v1/permissions/{p['id']}").json()["name"] == p["name"]
