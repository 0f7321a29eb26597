"""Organization types, organizations and memberships: /v1/organization-types[/:id],
/v1/organizations[/:id] and /v1/organizations/:id/members[/:userId].

Why: organizations are where access becomes scoped. api.md says a role held
through a membership grants its permissions inside that organization's
resources, so a school's manager can run the school's members without any
global right, and must get 403 everywhere else. The tree must never get a
cycle (self or a descendant as parent: 400 PARENT_CYCLE, also when two
re-parentings race), a type in use and an organization with children cannot
be deleted (409 TYPE_IN_USE, 409 HAS_CHILDREN), a user is a member once (409
ALREADY_MEMBER, also under concurrent requests), and every membership change
is audited. Each route is shown with its happy path, 401, 403, 404 for
unknown and non-UUID ids, 400 for unknown fields and wrong types, and
injection-looking text stored verbatim.

A scoped manager also cannot hand out, or take away, a membership role that
grants more than they hold in that organization (403
ROLE_BEYOND_YOUR_PERMISSIONS): otherwise organizations:members would be a
path to every permission.
"""

from __future__ import annotations

import threading

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
    """(user, token) of a registered account: role student, which may list and read organizations only."""
    return register(server.base_url, "student")


@pytest.fixture(scope="module")
def nobody(server, admin_token):
    """(user, token) of an account without any role: not even organizations:read."""
    user, token = register(server.base_url, "nobody")
    admin = Client(server.base_url).set_token(admin_token)
    set_roles(admin, user["id"], [])
    admin.close()
    return user, token


@pytest.fixture
def admin(client, admin_token) -> Client:
    return client.with_token(admin_token)


@pytest.fixture
def as_student(client, student) -> Client:
    return client.with_token(student[1])


@pytest.fixture
def as_nobody(client, nobody) -> Client:
    return client.with_token(nobody[1])


def new_type(admin: Client, **fields) -> dict:
    body = {"name": "Type " + unique("t"), "slug": unique("type"), "description": "made by a test"}
    body.update(fields)
    resp = admin.post("/v1/organization-types", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def new_org(admin: Client, type_id: str | None = None, **fields) -> dict:
    body = {"type_id": type_id or new_type(admin)["id"], "name": "Org " + unique("o"), "slug": unique("org")}
    body.update(fields)
    resp = admin.post("/v1/organizations", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def new_role(admin: Client, permission_slugs: list[str]) -> dict:
    resp = admin.post("/v1/roles", json={"name": "Scoped " + unique("r"), "slug": unique("scoped")})
    assert resp.status_code == 201, resp.text
    role = resp.json()
    ids = [PERMISSION_IDS[s] for s in permission_slugs]
    assert admin.put(f"/v1/roles/{role['id']}/permissions", json={"permission_ids": ids}).status_code == 200
    return role


# --- /v1/organization-types ------------------------------------------------------------
def test_organization_type_create_succeeds_and_is_audited(admin, server, databases):
    slug = unique("school")
    resp = admin.post("/v1/organization-types", json={"name": "School", "slug": slug, "description": INJECTION})
    assert resp.status_code == 201, resp.text
    t = resp.json()
    assert UUID.match(t["id"]) and resp.headers["Location"] == f"/v1/organization-types/{t['id']}"
    assert set(t) == {"id", "slug", "name", "description", "created_at", "updated_at"}
    assert (t["slug"], t["name"], t["description"]) == (slug, "School", INJECTION)
    assert RFC3339.match(t["created_at"])
    assert admin.get(f"/v1/organization-types/{t['id']}").json() == t
    assert audit_actions(databases, server.database_url, t["id"]) == ["organization_type.created"]


def test_organization_type_list_succeeds_across_pages_for_any_student(admin, as_student):
    made = {new_type(admin)["id"] for _ in range(3)}
    listed = collect(as_student, "/v1/organization-types", limit=2)
    ids = [t["id"] for t in listed]
    assert made <= set(ids) and ids == sorted(ids) and len(ids) == len(set(ids))


def test_organization_type_create_fails_with_409_slug_taken(admin):
    t = new_type(admin)
    assert_problem(admin.post("/v1/organization-types", json={"name": "Again", "slug": t["slug"]}), 409,
                   "SLUG_TAKEN")


@pytest.mark.parametrize("body, field", [
    ({"name": "X", "slug": "x-ok", "id": UNKNOWN_ID}, "id"),
    ({"name": "X", "slug": "x-ok", "organizations": []}, "organizations"),
    ({"name": 1, "slug": "x-ok"}, "name"),
    ({"name": "X"}, "slug"),
    ({"name": "X", "slug": "Has Spaces"}, "slug"),
    ({"name": "X", "slug": INJECTION}, "slug"),
    ({"name": "X", "slug": "x-ok", "description": ["a"]}, "description"),
])
def test_organization_type_create_fails_with_400_naming_the_bad_field(admin, body, field):
    problem = assert_problem(admin.post("/v1/organization-types", json=body), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_organization_types_fail_with_401_without_token(client, method):
    kwargs = {"json": {"name": "X", "slug": unique("x")}} if method == "POST" else {}
    assert_problem(client.request(method, "/v1/organization-types", **kwargs), 401)


def test_organization_type_list_fails_with_403_without_organization_types_list(as_nobody):
    assert_problem(as_nobody.get("/v1/organization-types"), 403)


def test_organization_type_create_fails_with_403_without_organization_types_create(as_student):
    assert_problem(as_student.post("/v1/organization-types", json={"name": "X", "slug": unique("x")}), 403)


def test_organization_type_update_succeeds_and_is_audited(admin, server, databases):
    t = new_type(admin)
    slug = unique("renamed")
    resp = admin.patch(f"/v1/organization-types/{t['id']}", json={"name": INJECTION, "slug": slug})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["name"], resp.json()["slug"], resp.json()["description"]) == (INJECTION, slug,
                                                                                      t["description"])
    assert audit_actions(databases, server.database_url, t["id"])[-1] == "organization_type.updated"


def test_organization_type_update_fails_with_409_slug_taken(admin):
    a, b = new_type(admin), new_type(admin)
    assert_problem(admin.patch(f"/v1/organization-types/{a['id']}", json={"slug": b["slug"]}), 409, "SLUG_TAKEN")


@pytest.mark.parametrize("body, field", [({"created_at": "2020-01-01T00:00:00Z"}, "created_at"),
                                         ({"name": None}, "name"), ({"slug": "NO"}, "slug")])
def test_organization_type_update_fails_with_400_naming_the_bad_field(admin, body, field):
    t = new_type(admin)
    problem = assert_problem(admin.patch(f"/v1/organization-types/{t['id']}", json=body), 400)
    assert field in [d["field"] for d in problem["details"]], problem


def test_organization_type_delete_succeeds_when_unused(admin, server, databases):
    t = new_type(admin)
    resp = admin.delete(f"/v1/organization-types/{t['id']}")
    assert resp.status_code == 204 and resp.content == b""
    assert_problem(admin.get(f"/v1/organization-types/{t['id']}"), 404, "ORGANIZATION_TYPE_NOT_FOUND")
    assert audit_actions(databases, server.database_url, t["id"])[-1] == "organization_type.deleted"


def test_organization_type_delete_fails_with_409_type_in_use_until_its_organizations_are_gone(admin):
    t = new_type(admin)
    org = new_org(admin, t["id"])
    assert_problem(admin.delete(f"/v1/organization-types/{t['id']}"), 409, "TYPE_IN_USE")
    assert admin.get(f"/v1/organization-types/{t['id']}").status_code == 200
    assert admin.delete(f"/v1/organizations/{org['id']}").status_code == 204
    assert admin.delete(f"/v1/organization-types/{t['id']}").status_code == 204


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("type_id", [UNKNOWN_ID, NOT_A_UUID])
def test_organization_type_routes_fail_with_404_for_unknown_or_non_uuid_ids(admin, method, type_id):
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(admin.request(method, f"/v1/organization-types/{type_id}", **kwargs), 404,
                   "ORGANIZATION_TYPE_NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_organization_type_routes_fail_with_401_without_token(client, admin, method):
    t = new_type(admin)
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(client.with_token(None).request(method, f"/v1/organization-types/{t['id']}", **kwargs), 401)


@pytest.mark.parametrize("method, who", [("GET", "nobody"), ("PATCH", "student"), ("DELETE", "student")])
def test_organization_type_routes_fail_with_403_without_permission(admin, as_student, as_nobody, method, who):
    t = new_type(admin)
    caller = as_student if who == "student" else as_nobody
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(caller.request(method, f"/v1/organization-types/{t['id']}", **kwargs), 403)
    assert admin.get(f"/v1/organization-types/{t['id']}").json()["name"] == t["name"]


# --- /v1/organizations -------------------------------------------------------------------
def test_organization_create_succeeds_with_settings_and_a_parent(admin, server, databases):
    t = new_type(admin)
    parent = new_org(admin, t["id"])
    settings = {"locale": "de", "seats": 30, "nested": {"ok": True, "list": [1, "two"]}, "note": INJECTION}
    resp = admin.post("/v1/organizations", json={"type_id": t["id"], "name": INJECTION, "slug": unique("child"),
                                                 "parent_id": parent["id"], "settings": settings})
    assert resp.status_code == 201, resp.text
    org = resp.json()
    assert resp.headers["Location"] == f"/v1/organizations/{org['id']}"
    assert set(org) == {"id", "type_id", "parent_id", "name", "slug", "settings", "created_at", "updated_at"}
    assert (org["type_id"], org["parent_id"], org["name"], org["settings"]) == (t["id"], parent["id"], INJECTION,
                                                                                settings)
    assert parent["parent_id"] is None and parent["settings"] == {}
    assert admin.get(f"/v1/organizations/{org['id']}").json() == org
    assert audit_actions(databases, server.database_url, org["id"]) == ["organization.created"]


def test_organization_create_fails_with_400_for_an_unknown_type_or_parent(admin):
    t = new_type(admin)
    problem = assert_problem(admin.post("/v1/organizations", json={"type_id": UNKNOWN_ID, "name": "X",
                                                                   "slug": unique("x")}), 400)
    assert [d["field"] for d in problem["details"]] == ["type_id"]
    problem = assert_problem(admin.post("/v1/organizations", json={"type_id": t["id"], "name": "X",
                                                                   "slug": unique("x"), "parent_id": UNKNOWN_ID}),
                             400)
    assert [d["field"] for d in problem["details"]] == ["parent_id"]


def test_organization_create_fails_with_409_slug_taken(admin):
    org = new_org(admin)
    assert_problem(admin.post("/v1/organizations", json={"type_id": org["type_id"], "name": "Dup",
                                                         "slug": org["slug"]}), 409, "SLUG_TAKEN")


@pytest.mark.parametrize("patch, field", [
    ({"id": UNKNOWN_ID}, "id"),
    ({"members": []}, "members"),
    ({"type_id": NOT_A_UUID}, "type_id"),
    ({"type_id": None}, "type_id"),
    ({"parent_id": 5}, "parent_id"),
    ({"settings": "not an object"}, "settings"),
    ({"settings": [1, 2]}, "settings"),
    ({"name": ""}, "name"),
    ({"slug": INJECTION}, "slug"),
])
def test_organization_create_fails_with_400_naming_the_bad_field(admin, patch, field):
    body = {"type_id": new_type(admin)["id"], "name": "X", "slug": unique("x")}
    body.update(patch)
    problem = assert_problem(admin.post("/v1/organizations", json=body), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


def test_organization_create_fails_with_401_without_token(client):
    assert_problem(client.post("/v1/organizations", json={"type_id": UNKNOWN_ID, "name": "X", "slug": "x"}), 401)


def test_organization_create_fails_with_403_without_organizations_create(admin, as_student):
    t = new_type(admin)
    assert_problem(as_student.post("/v1/organizations", json={"type_id": t["id"], "name": "X",
                                                              "slug": unique("x")}), 403)


def test_organization_list_succeeds_across_pages_and_filtered(admin, as_student):
    t = new_type(admin)
    root = new_org(admin, t["id"])
    kids = {new_org(admin, t["id"], parent_id=root["id"])["id"] for _ in range(3)}
    listed = collect(as_student, "/v1/organizations", limit=2)
    ids = [o["id"] for o in listed]
    assert kids | {root["id"]} <= set(ids) and ids == sorted(ids) and len(ids) == len(set(ids))
    assert {o["id"] for o in collect(admin, f"/v1/organizations?type_id={t['id']}")} == kids | {root["id"]}
    assert {o["id"] for o in collect(admin, f"/v1/organizations?parent_id={root['id']}")} == kids
    assert collect(admin, f"/v1/organizations?parent_id={UNKNOWN_ID}") == []


@pytest.mark.parametrize("query", ["type_id=x", "parent_id=' OR 1=1--", "limit=1000", "cursor=abc"])
def test_organization_list_fails_with_400_for_bad_filters(admin, query):
    assert_problem(admin.get("/v1/organizations?" + query), 400)


def test_organization_list_fails_with_401_without_token(client):
    assert_problem(client.get("/v1/organizations"), 401)


def test_organization_list_fails_with_403_without_organizations_list(as_nobody):
    assert_problem(as_nobody.get("/v1/organizations"), 403)


# --- /v1/organizations/:id ----------------------------------------------------------------
def test_organization_update_succeeds_and_is_audited(admin, server, databases):
    org = new_org(admin)
    other_type = new_type(admin)
    slug = unique("moved")
    resp = admin.patch(f"/v1/organizations/{org['id']}", json={"name": "Renamed", "slug": slug,
                                                               "type_id": other_type["id"],
                                                               "settings": {"theme": "dark"}})
    assert resp.status_code == 200, resp.text
    changed = resp.json()
    assert (changed["name"], changed["slug"], changed["type_id"], changed["settings"]) == (
        "Renamed", slug, other_type["id"], {"theme": "dark"})
    assert changed["parent_id"] is None and changed["created_at"] == org["created_at"]
    assert audit_actions(databases, server.database_url, org["id"]) == ["organization.created", "organization.updated"]


def test_organization_update_succeeds_moving_under_a_parent_and_back_to_the_top(admin):
    a, b = new_org(admin), new_org(admin)
    assert admin.patch(f"/v1/organizations/{b['id']}", json={"parent_id": a["id"]}).json()["parent_id"] == a["id"]
    assert admin.patch(f"/v1/organizations/{b['id']}", json={"name": "kept"}).json()["parent_id"] == a["id"]
    assert admin.patch(f"/v1/organizations/{b['id']}", json={"parent_id": None}).json()["parent_id"] is None


def test_organization_update_fails_with_400_parent_cycle_for_itself_or_a_descendant(admin):
    t = new_type(admin)
    a = new_org(admin, t["id"])
    b = new_org(admin, t["id"], parent_id=a["id"])
    c = new_org(admin, t["id"], parent_id=b["id"])
    for parent in (a, b, c):
        problem = assert_problem(admin.patch(f"/v1/organizations/{a['id']}", json={"parent_id": parent["id"]}), 400,
                                 "PARENT_CYCLE")
        assert problem["details"][0]["field"] == "parent_id"
    assert admin.get(f"/v1/organizations/{a['id']}").json()["parent_id"] is None
    assert admin.patch(f"/v1/organizations/{c['id']}", json={"parent_id": a["id"]}).status_code == 200  # not a cycle


def test_organization_update_never_forms_a_cycle_under_concurrent_reparenting(admin):
    t = new_type(admin)
    for _ in range(4):
        a, b = new_org(admin, t["id"]), new_org(admin, t["id"])
        results = {}
        barrier = threading.Barrier(2)

        def move(child, parent):
            c = admin.with_token(admin.token)
            barrier.wait()
            results[child["id"]] = c.patch(f"/v1/organizations/{child['id']}", json={"parent_id": parent["id"]})
            c.close()

        threads = [threading.Thread(target=move, args=(a, b)), threading.Thread(target=move, args=(b, a))]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        statuses = sorted(r.status_code for r in results.values())
        assert statuses == [200, 400], [r.text for r in results.values()]
        assert next(r for r in results.values() if r.status_code == 400).json()["code"] == "PARENT_CYCLE"
        parents = {o["id"]: admin.get(f"/v1/organizations/{o['id']}").json()["parent_id"] for o in (a, b)}
        assert not (parents[a["id"]] == b["id"] and parents[b["id"]] == a["id"])


def test_organization_update_fails_with_400_for_an_unknown_type_or_parent(admin):
    org = new_org(admin)
    for field in ("type_id", "parent_id"):
        problem = assert_problem(admin.patch(f"/v1/organizations/{org['id']}", json={field: UNKNOWN_ID}), 400)
        assert [d["field"] for d in problem["details"]] == [field]


def test_organization_update_fails_with_409_slug_taken(admin):
    a, b = new_org(admin), new_org(admin)
    assert_problem(admin.patch(f"/v1/organizations/{a['id']}", json={"slug": b["slug"]}), 409, "SLUG_TAKEN")


@pytest.mark.parametrize("body, field", [({"id": UNKNOWN_ID}, "id"), ({"settings": None}, "settings"),
                                         ({"name": 7}, "name"), ({"created_at": "x"}, "created_at")])
def test_organization_update_fails_with_400_naming_the_bad_field(admin, body, field):
    org = new_org(admin)
    problem = assert_problem(admin.patch(f"/v1/organizations/{org['id']}", json=body), 400)
    assert field in [d["field"] for d in problem["details"]], problem


def test_organization_delete_fails_with_409_has_children_then_succeeds_leaf_first(admin, server, databases):
    parent = new_org(admin)
    child = new_org(admin, parent["type_id"], parent_id=parent["id"])
    assert_problem(admin.delete(f"/v1/organizations/{parent['id']}"), 409, "HAS_CHILDREN")
    assert admin.delete(f"/v1/organizations/{child['id']}").status_code == 204
    resp = admin.delete(f"/v1/organizations/{parent['id']}")
    assert resp.status_code == 204 and resp.content == b""
    assert_problem(admin.get(f"/v1/organizations/{parent['id']}"), 404, "ORGANIZATION_NOT_FOUND")
    assert audit_actions(databases, server.database_url, parent["id"])[-1] == "organization.deleted"


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("org_id", [UNKNOWN_ID, NOT_A_UUID])
def test_organization_routes_fail_with_404_for_unknown_or_non_uuid_ids(admin, method, org_id):
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(admin.request(method, f"/v1/organizations/{org_id}", **kwargs), 404, "ORGANIZATION_NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_organization_routes_fail_with_401_without_token(client, admin, method):
    org = new_org(admin)
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(client.with_token(None).request(method, f"/v1/organizations/{org['id']}", **kwargs), 401)


@pytest.mark.parametrize("method, who", [("GET", "nobody"), ("PATCH", "student"), ("DELETE", "student")])
def test_organization_routes_fail_with_403_without_permission(admin, as_student, as_nobody, method, who):
    org = new_org(admin)
    caller = as_student if who == "student" else as_nobody
    kwargs = {"json": {"name": "X"}} if method == "PATCH" else {}
    assert_problem(caller.request(method, f"/v1/organizations/{org['id']}", **kwargs), 403)
    assert admin.get(f"/v1/organizations/{org['id']}").json()["name"] == org["name"]


# --- /v1/organizations/:id/members -------------------------------------------------------------
def test_member_add_list_and_remove_succeed_and_are_audited(admin, server, databases):
    org = new_org(admin)
    user, _ = register(server.base_url, "member")
    resp = admin.post(f"/v1/organizations/{org['id']}/members", json={"user_id": user["id"],
                                                                      "role_id": ROLE_IDS["student"]})
    assert resp.status_code == 201, resp.text
    m = resp.json()
    assert (m["organization_id"], m["user_id"], m["user"]["email"]) == (org["id"], user["id"], user["email"])
    assert m["role"] == {"id": ROLE_IDS["student"], "slug": "student", "name": "Student"}
    assert RFC3339.match(m["joined_at"])
    plain, _ = register(server.base_url, "plain")
    assert admin.post(f"/v1/organizations/{org['id']}/members", json={"user_id": plain["id"]}).json()["role"] is None
    members = collect(admin, f"/v1/organizations/{org['id']}/members", limit=1)
    assert sorted(x["user_id"] for x in members) == sorted([user["id"], plain["id"]])
    resp = admin.delete(f"/v1/organizations/{org['id']}/members/{user['id']}")
    assert resp.status_code == 204 and resp.content == b""
    assert [x["user_id"] for x in collect(admin, f"/v1/organizations/{org['id']}/members")] == [plain["id"]]
    assert audit_actions(databases, server.database_url, org["id"]) == [
        "organization.created", "organization.member_added", "organization.member_added",
        "organization.member_removed"]


def test_member_add_fails_with_409_already_member(admin, server):
    org = new_org(admin)
    user, _ = register(server.base_url, "twice")
    path = f"/v1/organizations/{org['id']}/members"
    assert admin.post(path, json={"user_id": user["id"]}).status_code == 201
    assert_problem(admin.post(path, json={"user_id": user["id"], "role_id": ROLE_IDS["student"]}), 409,
                   "ALREADY_MEMBER")


def test_member_add_succeeds_exactly_once_under_concurrent_requests(admin, server):
    org = new_org(admin)
    user, _ = register(server.base_url, "racer")
    statuses = []
    barrier = threading.Barrier(8)

    def add():
        c = admin.with_token(admin.token)
        barrier.wait()
        statuses.append(c.post(f"/v1/organizations/{org['id']}/members", json={"user_id": user["id"]}).status_code)
        c.close()

    threads = [threading.Thread(target=add) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(statuses) == [201] + [409] * 7
    assert len(collect(admin, f"/v1/organizations/{org['id']}/members")) == 1


def test_member_add_fails_with_400_for_an_unknown_user_or_role(admin, server):
    org = new_org(admin)
    user, _ = register(server.base_url, "known")
    path = f"/v1/organizations/{org['id']}/members"
    problem = assert_problem(admin.post(path, json={"user_id": UNKNOWN_ID}), 400)
    assert [d["field"] for d in problem["details"]] == ["user_id"]
    problem = assert_problem(admin.post(path, json={"user_id": user["id"], "role_id": UNKNOWN_ID}), 400)
    assert [d["field"] for d in problem["details"]] == ["role_id"]
    assert collect(admin, path) == []


@pytest.mark.parametrize("body, field", [
    ({}, "user_id"),
    ({"user_id": NOT_A_UUID}, "user_id"),
    ({"user_id": 1}, "user_id"),
    ({"user_id": UNKNOWN_ID, "role_id": "admin"}, "role_id"),
    ({"user_id": UNKNOWN_ID, "joined_at": "2020-01-01T00:00:00Z"}, "joined_at"),
    ({"user_id": UNKNOWN_ID, "organization_id": UNKNOWN_ID}, "organization_id"),
])
def test_member_add_fails_with_400_naming_the_bad_field(admin, body, field):
    org = new_org(admin)
    problem = assert_problem(admin.post(f"/v1/organizations/{org['id']}/members", json=body), 400, "VALIDATION_FAILED")
    assert field in [d["field"] for d in problem["details"]], problem


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("org_id", [UNKNOWN_ID, NOT_A_UUID])
def test_members_fail_with_404_for_an_unknown_organization(admin, student, method, org_id):
    kwargs = {"json": {"user_id": student[0]["id"]}} if method == "POST" else {}
    assert_problem(admin.request(method, f"/v1/organizations/{org_id}/members", **kwargs), 404,
                   "ORGANIZATION_NOT_FOUND")


@pytest.mark.parametrize("user_id", [UNKNOWN_ID, NOT_A_UUID])
def test_member_remove_fails_with_404_member_not_found(admin, user_id):
    org = new_org(admin)
    assert_problem(admin.delete(f"/v1/organizations/{org['id']}/members/{user_id}"), 404, "MEMBER_NOT_FOUND")


def test_member_remove_fails_with_404_for_an_unknown_organization(admin, student):
    assert_problem(admin.delete(f"/v1/organizations/{UNKNOWN_ID}/members/{student[0]['id']}"), 404,
                   "ORGANIZATION_NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_members_fail_with_401_without_token(client, admin, student, method):
    org = new_org(admin)
    path = f"/v1/organizations/{org['id']}/members" + (f"/{student[0]['id']}" if method == "DELETE" else "")
    kwargs = {"json": {"user_id": student[0]["id"]}} if method == "POST" else {}
    assert_problem(client.with_token(None).request(method, path, **kwargs), 401)


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_members_fail_with_403_without_organizations_members(admin, as_student, student, method):
    org = new_org(admin)
    admin.post(f"/v1/organizations/{org['id']}/members", json={"user_id": student[0]["id"]})
    path = f"/v1/organizations/{org['id']}/members" + (f"/{student[0]['id']}" if method == "DELETE" else "")
    kwargs = {"json": {"user_id": student[0]["id"]}} if method == "POST" else {}
    assert_problem(as_student.request(method, path, **kwargs), 403)
    assert len(collect(admin, f"/v1/organizations/{org['id']}/members")) == 1  # a member of it, still no rights


# --- permissions scoped to one organization -------------------------------------------------------
def test_membership_role_grants_its_permissions_inside_that_organization_only(admin, client, server):
    t = new_type(admin)
    org_a, org_b = new_org(admin, t["id"]), new_org(admin, t["id"])
    manager_role = new_role(admin, ["organizations:members", "organizations:read"])
    x, x_token = register(server.base_url, "manager")
    as_x = client.with_token(x_token)
    y, _ = register(server.base_url, "joiner")
    z, _ = register(server.base_url, "deputy")
    w, _ = register(server.base_url, "upstart")
    members_a, members_b = f"/v1/organizations/{org_a['id']}/members", f"/v1/organizations/{org_b['id']}/members"
    assert_problem(as_x.get(members_a), 403)  # a student has no organizations:members

    assert admin.post(members_a, json={"user_id": x["id"], "role_id": manager_role["id"]}).status_code == 201
    assert as_x.get(members_a).status_code == 200  # the very next request
    assert as_x.post(members_a, json={"user_id": y["id"]}).status_code == 201
    assert as_x.post(members_a, json={"user_id": z["id"], "role_id": manager_role["id"]}).status_code == 201
    assert as_x.delete(f"{members_a}/{y['id']}").status_code == 204

    # Nothing outside organization A.
    assert_problem(as_x.get(members_b), 403)
    assert_problem(as_x.post(members_b, json={"user_id": y["id"]}), 403)
    assert_problem(as_x.patch(f"/v1/organizations/{org_a['id']}", json={"name": "mine now"}), 403)
    assert_problem(as_x.delete(f"/v1/organizations/{org_a['id']}"), 403)
    assert_problem(as_x.get("/v1/users"), 403)
    assert collect(admin, members_b) == []

    # No handing out, or taking away, more than X holds in A.
    problem = assert_problem(as_x.post(members_a, json={"user_id": w["id"], "role_id": ROLE_IDS["admin"]}), 403,
                             "ROLE_BEYOND_YOUR_PERMISSIONS")
    assert "organizations:delete" in problem["detail"]
    assert admin.post(members_a, json={"user_id": w["id"], "role_id": ROLE_IDS["admin"]}).status_code == 201
    assert_problem(as_x.delete(f"{members_a}/{w['id']}"), 403, "ROLE_BEYOND_YOUR_PERMISSIONS")
    assert sorted(m["user_id"] for m in collect(admin, members_a)) == sorted([x["id"], z["id"], w["id"]])

    # Leaving A takes the scoped permission away on the next request.
    assert admin.delete(f"{members_a}/{x['id']}").status_code == 204
    assert_problem(as_x.get(members_a), 403)


def test_membership_role_grants_organization_read_to_an_account_without_global_roles(admin, client, server):
    t = new_type(admin)
    org_a, org_b = new_org(admin, t["id"]), new_org(admin, t["id"])
    reader_role = new_role(admin, ["organizations:read"])
    user, token = register(server.base_url, "scoped-reader")
    set_roles(admin, user["id"], [])
    me = client.with_token(token)
    assert_problem(me.get(f"/v1/organizations/{org_a['id']}"), 403)
    admin.post(f"/v1/organizations/{org_a['id']}/members", json={"user_id": user["id"], "role_id": reader_role["id"]})
    assert me.get(f"/v1/organizations/{org_a['id']}").json()["id"] == org_a["id"]
    assert_problem(me.get(f"/v1/organizations/{org_b['id']}"), 403)
    assert_problem(me.get("/v1/organizations"), 403)  # listing all organizations stays a global right


def test_membership_role_with_organizations_update_may_change_only_that_organization(admin, client, server):
    t = new_type(admin)
    org_a, org_b = new_org(admin, t["id"]), new_org(admin, t["id"])
    editor_role = new_role(admin, ["organizations:update"])
    user, token = register(server.base_url, "org-editor")
    me = client.with_token(token)
    admin.post(f"/v1/organizations/{org_a['id']}/members", json={"user_id": user["id"], "role_id": editor_role["id"]})
    assert me.patch(f"/v1/organizations/{org_a['id']}", json={"name": INJECTION}).json()["name"] == INJECTION
    assert_problem(me.patch(f"/v1/organizations/{org_b['id']}", json={"name": "nope"}), 403)
    # Moving A under B would add a child to B: that needs organizations:create in B.
    assert_problem(me.patch(f"/v1/organizations/{org_a['id']}", json={"parent_id": org_b["id"]}), 403)
    assert admin.get(f"/v1/organizations/{org_a['id']}").json()["parent_id"] is None


def test_deleting_an_organization_ends_its_memberships_and_their_scoped_permissions(admin, client, server):
    org = new_org(admin)
    manager_role = new_role(admin, ["organizations:members"])
    user, token = register(server.base_url, "ex-member")
    admin.post(f"/v1/organizations/{org['id']}/members", json={"user_id": user["id"], "role_id": manager_role["id"]})
    assert client.with_token(token).get(f"/v1/organizations/{org['id']}/members").status_code == 200
    assert admin.delete(f"/v1/organizations/{org['id']}").status_code == 204
    assert_problem(client.with_token(token).get(f"/v1/organizations/{org['id']}/members"), 403)
    assert_problem(admin.get(f"/v1/organizations/{org['id']}/members"), 404, "ORGANIZATION_NOT_FOUND")
