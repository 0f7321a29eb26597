"""Users as their owners and administrators see them: the own profile and
preferences, who may read or change whom, the admin user list with filters
and cursor pagination, status changes and deactivation, role assignment,
and hostile strings stored verbatim.

Why: design.md's security floor says every object access is checked against
the actor (no IDOR: a student cannot read or list other users), writes accept
only the fields a role may set (no mass assignment: PATCH /v1/users/me cannot
grant roles, change status or mark an email verified), and deactivation
revokes sessions (a suspended user's token dies at once, not when it
expires). api.md's conventions promise cursor pagination that is opaque and
tamper-safe with limit 1..100, role_ids that must exist, and status changes
that leave an audit trail. Names like "Robert'); DROP TABLE users;--" must be
data, never SQL or markup.
"""

from __future__ import annotations

import pytest

from client import assert_problem
from identity_support import (STUDENT_ROLE_ID, TEACHER_ROLE_ID, Account, login, make_super_admin,
                              start_module_server, stop_module_server, unique_username)

HOSTILE = ["Robert'); DROP TABLE users;--", "<script>alert('x')</script>", "1' OR '1'='1", "100%_\\ ok",
           "Zoë 🙂 \"quoted\""]


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory):
    srv = start_module_server(databases, tmp_path_factory)
    yield srv
    stop_module_server(srv)


@pytest.fixture
def student(client):
    return Account(client)


@pytest.fixture(scope="module")
def admin(server, cli, databases):
    c = server.client()
    yield make_super_admin(c, cli, databases, server)
    c.close()


def detail_fields(body: dict) -> set[str]:
    return {d["field"] for d in body.get("details", [])}


def walk(client, query: str) -> list[dict]:
    """Every item of a user list, page by page; asserts each page is well formed."""
    items, cursor, pages = [], None, 0
    while True:
        resp = client.get("/v1/users?" + query + (f"&cursor={cursor}" if cursor else ""))
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert set(body) == {"items", "next_cursor"}
        items += body["items"]
        pages += 1
        assert pages < 200, "pagination does not end"
        cursor = body["next_cursor"]
        if cursor is None:
            return items


# --- my profile ------------------------------------------------------------------------
@pytest.mark.parametrize("forbidden", [
    {"role_ids": ["01900000-0001-7000-8000-00000000000d"]},
    {"status": "suspended"},
    {"email_verified": True},
    {"roles": [{"slug": "super_admin"}]},
    {"permissions": ["users:list"]},
    {"email": "new@example.test"},
    {"id": "01900000-0000-7000-8000-000000000001"},
    {"password_hash": "x"},
], ids=lambda d: next(iter(d)))
def test_patch_me_fails_with_400_and_changes_nothing_when_a_privileged_field_is_sent(student, forbidden):
    before = student.client.get("/v1/users/me").json()
    body = assert_problem(student.client.patch("/v1/users/me", json={"first_name": "Mallory", **forbidden}), 400,
                          "VALIDATION_FAILED")
    assert detail_fields(body) == set(forbidden), body
    after = student.client.get("/v1/users/me").json()
    assert after == before


def test_patch_me_succeeds_when_changing_names_and_username(client, student):
    username = unique_username("New")
    resp = student.client.patch("/v1/users/me",
                                json={"first_name": "Marie", "last_name": "Curie", "username": username})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert (body["first_name"], body["last_name"], body["username"]) == ("Marie", "Curie", username)
    me = student.client.get("/v1/users/me").json()
    assert (me["first_name"], me["last_name"], me["username"]) == ("Marie", "Curie", username)
    assert [r["slug"] for r in me["roles"]] == ["student"] and me["status"] == "active"
    # The new username signs in; null clears it again.
    assert login(client, username.upper(), by="username")["user"]["id"] == student.id
    cleared = student.client.patch("/v1/users/me", json={"username": None})
    assert cleared.status_code == 200 and cleared.json()["username"] is None


def test_patch_me_fails_with_409_when_the_username_is_taken_in_another_case(client, student):
    taken = unique_username("Taken")
    Account(client, username=taken)
    assert_problem(student.client.patch("/v1/users/me", json={"username": taken.swapcase()}), 409, "USERNAME_TAKEN")
    assert student.client.get("/v1/users/me").json()["username"] is None


@pytest.mark.parametrize("body,field", [({"first_name": ""}, "first_name"), ({"last_name": "x" * 101}, "last_name"),
                                        ({"first_name": None}, "first_name"), ({"username": 5}, "username")])
def test_patch_me_fails_with_400_when_a_name_is_invalid(student, body, field):
    problem = assert_problem(student.client.patch("/v1/users/me", json=body), 400, "VALIDATION_FAILED")
    assert detail_fields(problem) == {field}


@pytest.mark.parametrize("text", HOSTILE)
def test_names_succeed_verbatim_when_they_hold_injection_strings(client, databases, server, admin, text):
    account = Account(client, first_name=text, last_name=text)
    assert (account.user["first_name"], account.user["last_name"]) == (text, text)
    me = account.client.get("/v1/users/me").json()
    assert (me["first_name"], me["last_name"]) == (text, text)
    assert account.client.patch("/v1/users/me", json={"last_name": text + "!"}).json()["last_name"] == text + "!"
    # Searching for it finds exactly the accounts that contain it, literally (% and _ are not wildcards).
    found = admin.client.get("/v1/users", params={"q": text, "limit": 100})
    assert found.status_code == 200, found.text
    assert account.id in [u["id"] for u in found.json()["items"]]
    assert all(text.lower() in (u["first_name"] + " " + u["last_name"]).lower() for u in found.json()["items"])
    assert int(databases.execute(server.database_url, "SELECT count(*) FROM users")[0][0]) >= 2


# --- preferences -----------------------------------------------------------------------
def test_preferences_succeed_when_read_as_defaults_then_fully_replaced(student):
    resp = student.client.get("/v1/users/me/preferences")
    assert resp.status_code == 200, resp.text
    prefs = resp.json()
    assert (prefs["theme"], prefs["language"]) == ("system", "en")
    assert isinstance(prefs["notifications"], dict) and isinstance(prefs["privacy"], dict)

    wanted = {"theme": "dark", "language": "pt-BR",
              "notifications": {"email": False, "push": True, "sms": False, "digest": "daily"},
              "privacy": {"profile_visible": False, "show_progress": True, "allow_messages": False}}
    saved = student.client.put("/v1/users/me/preferences", json=wanted)
    assert saved.status_code == 200, saved.text
    got = student.client.get("/v1/users/me/preferences").json()
    assert {k: got[k] for k in wanted} == wanted
    assert got["updated_at"]


@pytest.mark.parametrize("change,field", [
    ({"theme": "blue"}, "theme"),
    ({"theme": None}, "theme"),
    ({"notifications": {"email": True, "carrier_pigeon": True}}, "notifications.carrier_pigeon"),
    ({"notifications": {"digest": "hourly"}}, "notifications.digest"),
    ({"privacy": {"profile_visible": "yes"}}, "privacy.profile_visible"),
    ({"privacy": []}, "privacy"),
    ({"language": "x" * 36}, "language"),
    ({"font": "comic"}, "font"),
], ids=["theme-enum", "theme-null", "unknown-nested", "digest-enum", "bool-type", "privacy-type", "language-long",
        "unknown-top"])
def test_put_preferences_fails_with_400_naming_the_field_when_a_value_is_invalid(student, change, field):
    before = student.client.get("/v1/users/me/preferences").json()
    body = {"theme": "light", "language": "en", "notifications": {"email": True}, "privacy": {}, **change}
    problem = assert_problem(student.client.put("/v1/users/me/preferences", json=body), 400, "VALIDATION_FAILED")
    assert detail_fields(problem) == {field}, problem
    assert student.client.get("/v1/users/me/preferences").json() == before


def test_put_preferences_fails_with_400_naming_each_field_when_fields_are_missing(student):
    problem = assert_problem(student.client.put("/v1/users/me/preferences", json={}), 400, "VALIDATION_FAILED")
    assert detail_fields(problem) == {"theme", "language", "notifications", "privacy"}


def test_preferences_fail_with_401_when_there_is_no_token(client):
    assert_problem(client.get("/v1/users/me/preferences"), 401)
    assert_problem(client.put("/v1/users/me/preferences", json={}), 401)


# --- who may see and change whom ------------------------------------------------------------
def test_student_fails_with_403_when_reading_listing_or_changing_other_users(client, student):
    other = Account(client)
    assert_problem(student.client.get(f"/v1/users/{other.id}"), 403, "FORBIDDEN")
    assert_problem(student.client.get("/v1/users"), 403, "FORBIDDEN")
    assert_problem(student.client.get("/v1/users?q=a&limit=5"), 403, "FORBIDDEN")
    assert_problem(student.client.patch(f"/v1/users/{other.id}", json={"first_name": "Owned"}), 403, "FORBIDDEN")
    assert_problem(student.client.patch(f"/v1/users/{student.id}", json={"role_ids": [TEACHER_ROLE_ID]}), 403,
                   "FORBIDDEN")
    assert_problem(student.client.delete(f"/v1/users/{other.id}"), 403, "FORBIDDEN")
    assert other.client.get("/v1/users/me").json()["first_name"] == "Ada"
    assert other.client.get("/v1/users/me").json()["status"] == "active"


def test_student_succeeds_when_reading_their_own_user_by_id(student):
    resp = student.client.get(f"/v1/users/{student.id}")
    assert resp.status_code == 200 and resp.json()["id"] == student.id


def test_user_routes_fail_with_401_when_there_is_no_token(client, student):
    assert_problem(client.get("/v1/users"), 401)
    assert_problem(client.get(f"/v1/users/{student.id}"), 401)
    assert_problem(client.delete(f"/v1/users/{student.id}"), 401)


# --- the admin list ------------------------------------------------------------------------
def test_admin_list_succeeds_when_filtered_by_q_status_and_role(client, admin):
    marker = unique_username("zq")
    members = [Account(client, last_name=f"Member {marker}") for _ in range(3)]
    ids = sorted(m.id for m in members)
    assert admin.client.patch(f"/v1/users/{members[0].id}", json={"status": "suspended"}).status_code == 200
    assert admin.client.patch(f"/v1/users/{members[1].id}",
                              json={"role_ids": [TEACHER_ROLE_ID]}).status_code == 200

    everyone = admin.client.get("/v1/users", params={"q": marker.upper()}).json()
    assert [u["id"] for u in everyone["items"]] == ids and everyone["next_cursor"] is None
    by_email = admin.client.get("/v1/users", params={"q": members[2].email}).json()["items"]
    assert [u["id"] for u in by_email] == [members[2].id]
    suspended = admin.client.get("/v1/users", params={"q": marker, "status": "suspended"}).json()["items"]
    assert [u["id"] for u in suspended] == [members[0].id]
    teachers = admin.client.get("/v1/users", params={"q": marker, "role": "teacher"}).json()["items"]
    assert [u["id"] for u in teachers] == [members[1].id]
    students = admin.client.get("/v1/users", params={"q": marker, "role": "student"}).json()["items"]
    assert sorted(u["id"] for u in students) == sorted([members[0].id, members[2].id])
    assert admin.client.get("/v1/users", params={"q": marker, "role": "nope"}).json()["items"] == []


def test_admin_list_succeeds_without_repeats_when_walking_every_page_with_limit_1(client, admin):
    marker = unique_username("pg")
    ids = sorted(Account(client, first_name=f"Pager {marker}").id for _ in range(4))
    items = walk(admin.client, f"q={marker}&limit=1")
    assert [u["id"] for u in items] == ids  # every user once, in id order, no repeats
    everything = walk(admin.client, "limit=2")
    seen = [u["id"] for u in everything]
    assert len(seen) == len(set(seen)) and set(ids) <= set(seen)


@pytest.mark.parametrize("limit", ["0", "101", "abc", "-1", "1.5", ""])
def test_admin_list_fails_with_400_when_the_limit_is_out_of_range(admin, limit):
    body = assert_problem(admin.client.get(f"/v1/users?limit={limit}"), 400, "VALIDATION_FAILED")
    assert detail_fields(body) == {"limit"}


def test_admin_list_fails_with_400_invalid_cursor_when_the_cursor_is_tampered(client, admin):
    for _ in range(2):
        Account(client)
    cursor = admin.client.get("/v1/users?limit=1").json()["next_cursor"]
    assert cursor
    position, tag = cursor.split(".")
    forged_position = position[:-2] + ("AA" if position[-2:] != "AA" else "BB")
    for bad in (forged_position + "." + tag, position + "." + tag[:-2] + "xx", "garbage", position, "." + tag):
        assert_problem(admin.client.get("/v1/users", params={"limit": 1, "cursor": bad}), 400, "INVALID_CURSOR")


# --- admin changes ---------------------------------------------------------------------------
def test_admin_patch_succeeds_and_revokes_tokens_at_once_when_status_becomes_suspended(client, admin, databases,
                                                                                        server):
    target = Account(client)
    resp = admin.client.patch(f"/v1/users/{target.id}", json={"status": "suspended"})
    assert resp.status_code == 200 and resp.json()["status"] == "suspended"
    assert_problem(target.client.get("/v1/users/me"), 401)
    assert_problem(client.post("/v1/auth/refresh", json={"refresh_token": target.refresh_token}), 401)
    assert_problem(client.post("/v1/auth/login", json={"email": target.email, "password": target.password}), 401)

    rows = databases.execute(server.database_url,
                             "SELECT actor_user_id, details FROM audit_log "
                             f"WHERE action = 'user.status_changed' AND target_id = '{target.id}'")
    assert len(rows) == 1 and rows[0][0] == admin.id
    assert '"suspended"' in rows[0][1] and '"active"' in rows[0][1]

    # Reactivated, the user signs in again (old sessions stay dead).
    assert admin.client.patch(f"/v1/users/{target.id}", json={"status": "active"}).status_code == 200
    assert login(client, target.email)
    assert_problem(target.client.get("/v1/users/me"), 401)


def test_admin_delete_succeeds_and_revokes_sessions_when_deactivating_a_user(client, admin):
    target = Account(client)
    resp = admin.client.delete(f"/v1/users/{target.id}")
    assert resp.status_code == 204 and resp.content == b""
    assert admin.client.get(f"/v1/users/{target.id}").json()["status"] == "deleted"
    assert_problem(target.client.get("/v1/users/me"), 401)
    assert_problem(client.post("/v1/auth/refresh", json={"refresh_token": target.refresh_token}), 401)
    assert_problem(client.post("/v1/auth/login", json={"email": target.email, "password": target.password}), 401)
    assert admin.client.delete(f"/v1/users/{target.id}").status_code == 204  # already deactivated: same answer


@pytest.mark.parametrize("bad_id", ["01900000-0000-7000-8000-0000000000ff", "not-a-uuid", "1; DROP TABLE users"])
def test_admin_user_routes_fail_with_404_when_the_user_is_unknown(admin, bad_id):
    assert_problem(admin.client.get(f"/v1/users/{bad_id}"), 404)
    assert_problem(admin.client.patch(f"/v1/users/{bad_id}", json={"first_name": "X"}), 404)
    assert_problem(admin.client.delete(f"/v1/users/{bad_id}"), 404)


def test_admin_patch_role_ids_succeeds_and_permissions_apply_when_the_roles_exist(client, admin):
    target = Account(client)
    resp = admin.client.patch(f"/v1/users/{target.id}", json={"role_ids": [TEACHER_ROLE_ID, STUDENT_ROLE_ID]})
    assert resp.status_code == 200, resp.text
    assert sorted(r["slug"] for r in resp.json()["roles"]) == ["student", "teacher"]
    me = target.client.get("/v1/users/me").json()
    assert "users:read" in me["permissions"]
    assert target.client.get(f"/v1/users/{admin.id}").status_code == 200  # teachers may read users


def test_me_succeeds_with_roles_and_permissions_in_slug_order_and_each_permission_once_when_roles_overlap(client,
                                                                                                      admin):
    target = Account(client)
    assert admin.client.patch(f"/v1/users/{target.id}",
                              json={"role_ids": [TEACHER_ROLE_ID, STUDENT_ROLE_ID]}).status_code == 200
    me = target.client.get("/v1/users/me").json()
    slugs = [r["slug"] for r in me["roles"]]
    assert slugs == sorted(slugs) == ["student", "teacher"]
    assert me["permissions"] == sorted(set(me["permissions"]))
    assert "organizations:read" in me["permissions"]  # granted by both roles, listed once


def test_admin_patch_role_ids_fails_with_400_and_changes_nothing_when_a_role_does_not_exist(client, admin):
    target = Account(client)
    bogus = "01900000-0001-7000-8000-0000000000ff"
    change = {"role_ids": [TEACHER_ROLE_ID, bogus], "status": "suspended", "first_name": "Changed"}
    resp = admin.client.patch(f"/v1/users/{target.id}", json=change)
    body = assert_problem(resp, 400, "VALIDATION_FAILED")
    assert "role_ids" in detail_fields(body)
    after = admin.client.get(f"/v1/users/{target.id}").json()
    assert [r["slug"] for r in after["roles"]] == ["student"]
    assert (after["status"], after["first_name"]) == ("active", "Ada")
    assert target.client.get("/v1/users/me").status_code == 200


@pytest.mark.parametrize("body,field", [({"status": "banned"}, "status"), ({"role_ids": ["student"]}, "role_ids[0]"),
                                        ({"role_ids": "x"}, "role_ids"), ({"email_verified": True}, "email_verified"),
                                        ({"password_hash": "x"}, "password_hash")])
def test_admin_patch_fails_with_400_when_a_field_is_invalid_or_unknown(client, admin, body, field):
    target = Account(client)
    problem = assert_problem(admin.client.patch(f"/v1/users/{target.id}", json=body), 400, "VALIDATION_FAILED")
    assert detail_fields(problem) == {field}


def test_admin_patch_role_ids_succeeds_once_per_role_when_an_id_is_repeated(client, admin):
    target = Account(client)
    resp = admin.client.patch(f"/v1/users/{target.id}", json={"role_ids": [TEACHER_ROLE_ID, TEACHER_ROLE_ID,
                                                                           TEACHER_ROLE_ID.upper()]})
    assert resp.status_code == 200, resp.text
    assert [r["slug"] for r in resp.json()["roles"]] == ["teacher"]
