"""Helpers shared by the catalog and content scenario tests (no tests here).

Why a module of its own: test_catalog, test_catalog_search and test_content
all need the same cast — an administrator and instructors bootstrapped with
`deltalabs admin create`, a student who registered through the API — plus
reference data and courses built through the public routes, so every module
starts from what a real client would have done.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from client import Client

PASSWORD = "catalog tests password 1"


def unique(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


def login(server, email: str) -> Client:
    """A client for `server` signed in as `email`."""
    c = server.client()
    resp = c.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert resp.status_code == 200, resp.text
    return c.set_token(resp.json()["access_token"])


def bootstrap(server, cli, role: str, first_name: str = "Test") -> Client:
    """An account with `role` created by `deltalabs admin create`, signed in."""
    email = f"{unique(role)}@example.test"
    done = cli("admin", "create", "--email", email, "--password", PASSWORD, "--role", role,
               "--first-name", first_name, "--last-name", "Account", database=server.database_url)
    assert done.returncode == 0, done.stderr
    return login(server, email)


def register_student(server) -> Client:
    """An account registered through the API (role student), signed in."""
    email = f"{unique('student')}@example.test"
    c = server.client()
    resp = c.post("/v1/auth/register", json={"email": email, "password": PASSWORD, "first_name": "Stu",
                                             "last_name": "Dent"})
    assert resp.status_code == 201, resp.text
    return login(server, email)


def user_id(c: Client) -> str:
    resp = c.get("/v1/users/me")
    assert resp.status_code == 200, resp.text
    return resp.json()["id"]


def own_instructor_id(admin: Client, c: Client) -> str:
    """The instructor profile of the account behind `c`, created by the admin if missing."""
    uid = user_id(c)
    resp = admin.post("/v1/instructors", json={"user_id": uid, "headline": "Teaches things"})
    if resp.status_code == 201:
        return resp.json()["id"]
    assert resp.status_code == 409, resp.text
    return next(i["id"] for i in walk(admin, "/v1/instructors") if i["user_id"] == uid)


def walk(c: Client, path: str, limit: int = 100) -> list[dict]:
    """Every item of a paginated list."""
    items, cursor = [], None
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        resp = c.get(path, params=params)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


@dataclass
class Cast:
    """Who acts in a catalog test module, and the reference data they share."""
    anonymous: Client
    admin: Client
    teacher: Client      # role instructor
    other_teacher: Client  # role instructor, teaches nothing of teacher's
    student: Client
    teacher_instructor_id: str
    other_instructor_id: str
    categories: dict[str, str] = field(default_factory=dict)  # slug -> id
    levels: dict[str, str] = field(default_factory=dict)


def make_cast(server, cli) -> Cast:
    admin = bootstrap(server, cli, "super_admin", "Ada")
    teacher = bootstrap(server, cli, "instructor", "Ines")
    other = bootstrap(server, cli, "instructor", "Otto")
    cast = Cast(anonymous=server.client(), admin=admin, teacher=teacher, other_teacher=other,
                student=register_student(server), teacher_instructor_id=own_instructor_id(admin, teacher),
                other_instructor_id=own_instructor_id(admin, other))
    for slug in ("programming", "design"):
        resp = admin.post("/v1/course-categories", json={"slug": slug, "name": slug.title()})
        assert resp.status_code == 201, resp.text
        cast.categories[slug] = resp.json()["id"]
    for slug in ("beginner", "advanced"):
        resp = admin.post("/v1/course-levels", json={"slug": slug, "name": slug.title()})
        assert resp.status_code == 201, resp.text
        cast.levels[slug] = resp.json()["id"]
    return cast


def course_body(cast: Cast, **overrides) -> dict:
    body = {"title": unique("Course"), "description": "A course about things.",
            "category_id": cast.categories["programming"], "level_id": cast.levels["beginner"],
            "price": {"amount_minor": 0, "currency": "USD"}}
    body.update(overrides)
    return body


def create_course(c: Client, cast: Cast, **overrides) -> dict:
    resp = c.post("/v1/courses", json=course_body(cast, **overrides))
    assert resp.status_code == 201, resp.text
    return resp.json()


def add_section(c: Client, course_id: str, title: str = "Section", items: int = 1) -> dict:
    resp = c.post(f"/v1/courses/{course_id}/sections", json={"title": title})
    assert resp.status_code == 201, resp.text
    section = resp.json()
    for n in range(items):
        done = c.post(f"/v1/sections/{section['id']}/items",
                      json={"item_type": "text", "title": f"Item {n + 1}", "body": {"markdown": "Hello"}})
        assert done.status_code == 201, done.text
    return section


def published_course(c: Client, cast: Cast, **overrides) -> dict:
    """A course created by `c`, given one section with one item, and published."""
    course = create_course(c, cast, **overrides)
    add_section(c, course["id"])
    resp = c.post(f"/v1/courses/{course['id']}/publish")
    assert resp.status_code == 200, resp.text
    return resp.json()
