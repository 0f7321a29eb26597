"""A role held through membership of an organization reaches the
organizations below it.

Why: organizations form a tree (a university, its faculties, their
departments). api.md says a membership role grants its permissions inside
that organization's resources, and the resources of a faculty are the
university's too: the university's manager must be able to run every
department without a membership in each. The reach goes down the tree only
(a department's manager has no say over its faculty or a sibling), follows a
re-parenting at once (nothing is cached), and counts for the "not beyond your
own permissions" rule of membership changes as well.
"""

from __future__ import annotations

import pytest

from access_helpers import PERMISSION_IDS, bootstrap_admin, register, set_roles, unique
from client import Client, assert_problem


@pytest.fixture(scope="module")
def admin(server, databases, cli) -> Client:
    c = Client(server.base_url).set_token(bootstrap_admin(server, databases, cli))
    yield c
    c.close()


@pytest.fixture(scope="module")
def manager_role(admin) -> str:
    """A role granting organizations:read, :update and :members (and nothing else)."""
    resp = admin.post("/v1/roles", json={"name": "Org manager", "slug": unique("org-manager"),
                                         "description": "runs an organization"})
    assert resp.status_code == 201, resp.text
    role_id = resp.json()["id"]
    grants = [PERMISSION_IDS[p] for p in ("organizations:read", "organizations:update", "organizations:members")]
    assert admin.put(f"/v1/roles/{role_id}/permissions", json={"permission_ids": grants}).status_code == 200
    return role_id


def organization(admin: Client, type_id: str, parent: str | None = None) -> str:
    body = {"type_id": type_id, "name": unique("Org"), "slug": unique("org")}
    if parent:
        body["parent_id"] = parent
    resp = admin.post("/v1/organizations", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()["id"]


@pytest.fixture
def tree(admin) -> dict[str, str]:
    """university -> faculty -> department, and another university beside it."""
    resp = admin.post("/v1/organization-types", json={"slug": unique("school"), "name": "School"})
    assert resp.status_code == 201, resp.text
    type_id = resp.json()["id"]
    university = organization(admin, type_id)
    faculty = organization(admin, type_id, university)
    return {"university": university, "faculty": faculty,
            "department": organization(admin, type_id, faculty), "other": organization(admin, type_id)}


def member_with_role(server, admin: Client, organization_id: str, role_id: str) -> tuple[dict, Client]:
    """A new account without global roles, member of `organization_id` with `role_id`."""
    user, token = register(server.base_url, "manager")
    set_roles(admin, user["id"], [])
    resp = admin.post(f"/v1/organizations/{organization_id}/members", json={"user_id": user["id"], "role_id": role_id})
    assert resp.status_code == 201, resp.text
    return user, Client(server.base_url).set_token(token)


def rename(c: Client, organization_id: str):
    return c.patch(f"/v1/organizations/{organization_id}", json={"name": unique("Renamed")})


def test_membership_role_applies_to_descendant_organizations(server, admin, manager_role, tree):
    _, manager = member_with_role(server, admin, tree["university"], manager_role)
    for below in ("university", "faculty", "department"):
        assert manager.get(f"/v1/organizations/{tree[below]}").status_code == 200, below
        assert rename(manager, tree[below]).status_code == 200, below
    assert_problem(manager.get(f"/v1/organizations/{tree['other']}"), 403)
    assert_problem(rename(manager, tree["other"]), 403)


def test_membership_role_does_not_reach_ancestors_or_siblings(server, admin, manager_role, tree):
    _, manager = member_with_role(server, admin, tree["faculty"], manager_role)
    assert rename(manager, tree["department"]).status_code == 200
    assert_problem(rename(manager, tree["university"]), 403)
    assert_problem(rename(manager, tree["other"]), 403)


def test_reach_follows_a_re_parenting_at_once(server, admin, manager_role, tree):
    _, manager = member_with_role(server, admin, tree["university"], manager_role)
    assert rename(manager, tree["department"]).status_code == 200
    moved = admin.patch(f"/v1/organizations/{tree['department']}", json={"parent_id": tree["other"]})
    assert moved.status_code == 200, moved.text
    assert_problem(rename(manager, tree["department"]), 403)


def test_ancestor_membership_role_counts_when_handing_out_roles_in_a_descendant(server, admin, manager_role, tree):
    _, manager = member_with_role(server, admin, tree["university"], manager_role)
    newcomer, _ = register(server.base_url, "newcomer")
    # The manager's own role is within their reach in the department, through the university.
    resp = manager.post(f"/v1/organizations/{tree['department']}/members",
                        json={"user_id": newcomer["id"], "role_id": manager_role})
    assert resp.status_code == 201, resp.text
    listed = manager.get(f"/v1/organizations/{tree['department']}/members")
    assert listed.status_code == 200 and [m["user"]["id"] for m in listed.json()["items"]] == [newcomer["id"]]
    assert manager.delete(f"/v1/organizations/{tree['department']}/members/{newcomer['id']}").status_code == 204
    # Not in the other university.
    assert_problem(manager.post(f"/v1/organizations/{tree['other']}/members", json={"user_id": newcomer["id"]}), 403)
