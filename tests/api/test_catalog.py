"""Courses and catalog reference data: lifecycle, visibility, who may edit,
and what the write routes accept.

Why: api.md's "Catalog and content" and issue 4 make the catalog the most
visited part of the platform. A draft must not leak to anyone but its
instructors and admins, only a course's own instructors (or holders of
courses:update) may change it, a course goes draft -> published -> archived
and cannot be published empty, and writes take only the fields they declare
with the types and limits they declare (money as integer minor units with an
ISO 4217 code), storing hostile text verbatim.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import assert_problem
from catalog_support import (add_section, course_body, create_course, make_cast, published_course, unique,
                                  user_id, walk)

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def listed_ids(c) -> set[str]:
    return {course["id"] for course in walk(c, "/v1/courses")}


# --- create ------------------------------------------------------------------------
def test_course_create_succeeds_as_a_draft_with_slug_price_and_the_creator_as_instructor(client, cast):
    body = course_body(cast, title="Intro to Graph Theory", subtitle="Vertices & edges", max_students=30,
                       price={"amount_minor": 4999, "currency": "EUR"}, language="fr")
    resp = cast.teacher.post("/v1/courses", json=body)
    assert resp.status_code == 201, resp.text
    course = resp.json()
    assert UUID.match(course["id"])
    assert resp.headers["Location"] == f"/v1/courses/{course['id']}"
    assert course["status"] == "draft"
    assert course["slug"].startswith("intro-to-graph-theory")
    assert course["price"] == {"amount_minor": 4999, "currency": "EUR"}
    for key in ("title", "subtitle", "description", "category_id", "level_id", "language", "max_students"):
        assert course[key] == body[key], key
    assert course["instructor_ids"] == [cast.teacher_instructor_id]
    assert course["created_by"] == user_id(cast.teacher)
    assert course["enrollment_count"] == 0 and course["published_at"] is None


def test_course_create_succeeds_with_explicit_instructors_and_no_student_cap(client, cast):
    course = create_course(cast.admin, cast, instructor_ids=[cast.other_instructor_id, cast.teacher_instructor_id])
    assert sorted(course["instructor_ids"]) == sorted([cast.other_instructor_id, cast.teacher_instructor_id])
    assert course["max_students"] is None


def test_course_slug_succeeds_unique_when_titles_repeat(client, cast):
    title = unique("Same Title")
    first = create_course(cast.teacher, cast, title=title)
    second = create_course(cast.teacher, cast, title=title)
    slug = title.lower().replace(" ", "-")
    assert first["slug"] == slug
    assert second["slug"] != slug and second["slug"].startswith(slug + "-")


def test_course_create_fails_with_403_for_a_student(client, cast):
    assert_problem(cast.student.post("/v1/courses", json=course_body(cast)), 403)


def test_course_create_fails_with_401_without_a_token(client, cast):
    assert_problem(client.post("/v1/courses", json=course_body(cast)), 401)


@pytest.mark.parametrize("change, field", [
    ({"status": "published"}, "status"),
    ({"enrollment_count": 1000}, "enrollment_count"),
    ({"title": 42}, "title"),
    ({"title": ""}, "title"),
    ({"price": {"amount_minor": -1, "currency": "USD"}}, "price.amount_minor"),
    ({"price": {"amount_minor": "10", "currency": "USD"}}, "price.amount_minor"),
    ({"price": {"amount_minor": 10.5, "currency": "USD"}}, "price.amount_minor"),
    ({"price": {"amount_minor": 10, "currency": "usd"}}, "price.currency"),
    ({"price": {"amount_minor": 10, "currency": "US"}}, "price.currency"),
    ({"price": {"amount_minor": 10, "currency": "USD", "tax": 1}}, "price.tax"),
    ({"price": 10}, "price"),
    ({"max_students": 0}, "max_students"),
    ({"category_id": "not-a-uuid"}, "category_id"),
    ({"category_id": "01900000-0000-7000-8000-000000000000"}, "category_id"),
    ({"instructor_ids": ["01900000-0000-7000-8000-000000000000"]}, "instructor_ids[0]"),
])
def test_course_create_fails_with_400_naming_the_field_when_input_is_bad(client, cast, change, field):
    before = len(walk(cast.admin, "/v1/courses"))
    body = assert_problem(cast.teacher.post("/v1/courses", json=course_body(cast, **change)), 400)
    assert field in {d["field"] for d in body.get("details", [])}, body
    assert len(walk(cast.admin, "/v1/courses")) == before


def test_course_create_fails_with_400_when_required_fields_are_missing(client, cast):
    body = assert_problem(cast.teacher.post("/v1/courses", json={"title": "Only a title"}), 400)
    assert {"description", "category_id", "level_id", "price"} <= {d["field"] for d in body["details"]}


@pytest.mark.parametrize("text", ["Robert'); DROP TABLE courses;--", "<script>alert(1)</script>",
                                  "\" OR 1=1 --", "ünïcödé ✓ 😀", "rust\" NEAR OR *"])
def test_course_text_with_injection_strings_is_stored_and_returned_verbatim(client, cast, text):
    course = published_course(cast.teacher, cast, title=text, description=text, subtitle=text)
    got = client.get(f"/v1/courses/{course['id']}").json()
    assert (got["title"], got["subtitle"], got["description"]) == (text, text, text)
    resp = client.get("/v1/courses", params={"q": text, "limit": 100})
    assert resp.status_code == 200, resp.text


# --- visibility ----------------------------------------------------------------------
def test_draft_succeeds_only_for_its_instructors_and_admins_and_is_never_listed(client, cast):
    course = create_course(cast.teacher, cast)
    path = f"/v1/courses/{course['id']}"
    assert cast.teacher.get(path).status_code == 200
    assert cast.admin.get(path).status_code == 200
    for outsider in (client, cast.student, cast.other_teacher):
        assert_problem(outsider.get(path), 404, "COURSE_NOT_FOUND")
    assert course["id"] not in listed_ids(client)
    assert course["id"] not in listed_ids(cast.teacher)


def test_course_get_fails_with_404_for_unknown_and_malformed_ids(client):
    assert_problem(client.get("/v1/courses/01900000-0000-7000-8000-000000000000"), 404, "COURSE_NOT_FOUND")
    assert_problem(client.get("/v1/courses/not-a-uuid"), 404, "COURSE_NOT_FOUND")


# --- editing ---------------------------------------------------------------------------
def test_course_update_succeeds_for_its_instructor_changing_only_what_was_sent(client, cast):
    course = create_course(cast.teacher, cast, max_students=10)
    resp = cast.teacher.patch(f"/v1/courses/{course['id']}",
                              json={"title": "Renamed", "price": {"amount_minor": 1500, "currency": "GBP"},
                                    "max_students": None})
    assert resp.status_code == 200, resp.text
    got = resp.json()
    assert got["title"] == "Renamed" and got["price"] == {"amount_minor": 1500, "currency": "GBP"}
    assert got["max_students"] is None
    assert got["slug"] == course["slug"] and got["description"] == course["description"]


def test_course_update_succeeds_for_a_holder_of_courses_update(client, cast):
    course = published_course(cast.teacher, cast)
    resp = cast.admin.patch(f"/v1/courses/{course['id']}", json={"subtitle": "Edited by an admin"})
    assert resp.status_code == 200, resp.text
    assert resp.json()["subtitle"] == "Edited by an admin"


def test_course_update_fails_with_403_for_a_non_instructor_of_a_published_course(client, cast):
    course = published_course(cast.teacher, cast)
    for outsider in (cast.other_teacher, cast.student):
        assert_problem(outsider.patch(f"/v1/courses/{course['id']}", json={"title": "Hijacked"}), 403)
        assert_problem(outsider.delete(f"/v1/courses/{course['id']}"), 403)
        assert_problem(outsider.post(f"/v1/courses/{course['id']}/sections", json={"title": "X"}), 403)
    assert client.get(f"/v1/courses/{course['id']}").json()["title"] == course["title"]


def test_course_update_fails_with_404_for_a_non_instructor_of_a_draft(client, cast):
    course = create_course(cast.teacher, cast)
    assert_problem(cast.other_teacher.patch(f"/v1/courses/{course['id']}", json={"title": "X"}), 404)


def test_course_update_succeeds_for_an_instructor_added_to_the_course(client, cast):
    course = create_course(cast.teacher, cast)
    assert_problem(cast.other_teacher.patch(f"/v1/courses/{course['id']}", json={"title": "X"}), 404)
    resp = cast.teacher.patch(f"/v1/courses/{course['id']}",
                              json={"instructor_ids": [cast.teacher_instructor_id, cast.other_instructor_id]})
    assert resp.status_code == 200, resp.text
    resp = cast.other_teacher.patch(f"/v1/courses/{course['id']}", json={"title": "Co-taught"})
    assert resp.status_code == 200, resp.text


def test_course_instructors_succeed_replaced_everywhere_the_course_is_read(client, cast, server, cli):
    """The course row keeps its instructor ids (decision 0023): after each replacement the course, the
    listing and the instructor filter agree; after concurrent replacements they still agree, on a list
    one of the writers answered with; and `deltalabs check` finds the kept list exact."""
    course = published_course(cast.admin, cast, instructor_ids=[cast.teacher_instructor_id])
    path = f"/v1/courses/{course['id']}"

    def seen_everywhere() -> list[str]:
        ids = cast.admin.get(path).json()["instructor_ids"]
        listed = [c for c in walk(client, "/v1/courses") if c["id"] == course["id"]]
        assert [c["instructor_ids"] for c in listed] == [ids]
        for instructor in (cast.teacher_instructor_id, cast.other_instructor_id):
            filtered = {c["id"] for c in walk(client, f"/v1/courses?instructor_id={instructor}")}
            assert (course["id"] in filtered) == (instructor in ids), instructor
        return ids

    for ids in ([cast.teacher_instructor_id, cast.other_instructor_id], [cast.other_instructor_id],
                [cast.teacher_instructor_id]):
        resp = cast.admin.patch(path, json={"instructor_ids": ids})
        assert resp.status_code == 200, resp.text
        assert sorted(resp.json()["instructor_ids"]) == sorted(ids)
        assert sorted(seen_everywhere()) == sorted(ids)

    lists = [[cast.teacher_instructor_id], [cast.other_instructor_id],
             [cast.teacher_instructor_id, cast.other_instructor_id]] * 4
    admins = [cast.admin.with_token(cast.admin.token) for _ in lists]  # a connection each
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda a, ids: a.patch(path, json={"instructor_ids": ids}), admins, lists))
    assert {r.status_code for r in answers} <= {200, 409}, [r.text for r in answers]
    written = [sorted(r.json()["instructor_ids"]) for r in answers if r.status_code == 200]
    assert written and sorted(seen_everywhere()) in written
    audit = cli("check", database=server.database_url)
    assert audit.returncode == 0, audit.stdout + audit.stderr


@pytest.mark.parametrize("change, field", [
    ({"status": "archived"}, "status"), ({"slug": "my-slug"}, "slug"), ({"created_by": None}, "created_by"),
    ({"price": {"amount_minor": -5, "currency": "USD"}}, "price.amount_minor"), ({"language": 7}, "language"),
])
def test_course_update_fails_with_400_for_fields_a_client_may_not_set(client, cast, change, field):
    course = create_course(cast.teacher, cast)
    body = assert_problem(cast.teacher.patch(f"/v1/courses/{course['id']}", json=change), 400)
    assert field in {d["field"] for d in body["details"]}
    assert cast.teacher.get(f"/v1/courses/{course['id']}").json()["status"] == "draft"


# --- lifecycle ---------------------------------------------------------------------------
def test_publish_fails_with_409_when_the_course_has_no_content(client, cast):
    course = create_course(cast.teacher, cast)
    assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/publish"), 409, "COURSE_HAS_NO_CONTENT")
    add_section(cast.teacher, course["id"], items=0)
    assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/publish"), 409, "COURSE_HAS_NO_CONTENT")
    assert cast.teacher.get(f"/v1/courses/{course['id']}").json()["status"] == "draft"


def test_publish_succeeds_with_content_then_lists_the_course_and_fails_with_409_when_repeated(client, cast):
    course = create_course(cast.teacher, cast)
    add_section(cast.teacher, course["id"])
    resp = cast.teacher.post(f"/v1/courses/{course['id']}/publish")
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "published" and resp.json()["published_at"]
    assert client.get(f"/v1/courses/{course['id']}").status_code == 200
    assert course["id"] in listed_ids(client)
    assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/publish"), 409, "INVALID_STATUS_TRANSITION")


def test_publish_fails_with_403_for_a_non_instructor_and_404_for_an_outsider_on_a_draft(client, cast):
    course = create_course(cast.teacher, cast)
    add_section(cast.teacher, course["id"])
    assert_problem(cast.other_teacher.post(f"/v1/courses/{course['id']}/publish"), 404)
    assert_problem(client.post(f"/v1/courses/{course['id']}/publish"), 401)


def test_archive_succeeds_via_delete_leaving_the_listing_readable_to_editors_and_frozen(client, cast):
    course = published_course(cast.teacher, cast)
    assert cast.teacher.delete(f"/v1/courses/{course['id']}").status_code == 204
    got = cast.teacher.get(f"/v1/courses/{course['id']}")
    assert got.status_code == 200 and got.json()["status"] == "archived"
    assert_problem(client.get(f"/v1/courses/{course['id']}"), 404, "COURSE_NOT_FOUND")
    assert course["id"] not in listed_ids(client)
    assert_problem(cast.teacher.patch(f"/v1/courses/{course['id']}", json={"title": "X"}), 409, "COURSE_ARCHIVED")
    assert_problem(cast.teacher.delete(f"/v1/courses/{course['id']}"), 409, "INVALID_STATUS_TRANSITION")
    assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/publish"), 409, "INVALID_STATUS_TRANSITION")


def test_archive_succeeds_for_a_draft(client, cast):
    course = create_course(cast.teacher, cast)
    assert cast.teacher.delete(f"/v1/courses/{course['id']}").status_code == 204
    assert cast.teacher.get(f"/v1/courses/{course['id']}").json()["status"] == "archived"


# --- reference data and instructors -----------------------------------------------------------
def test_categories_and_levels_succeed_for_catalog_managers_and_are_public(client, cast):
    slug = unique("cat").lower()
    resp = cast.admin.post("/v1/course-categories", json={"slug": slug, "name": "Data", "description": "Data work"})
    assert resp.status_code == 201, resp.text
    assert resp.json()["slug"] == slug and UUID.match(resp.json()["id"])
    assert slug in {c["slug"] for c in walk(client, "/v1/course-categories")}
    assert {"beginner", "advanced"} <= {lv["slug"] for lv in walk(client, "/v1/course-levels")}


def test_categories_fail_with_409_for_a_duplicate_slug_and_400_for_a_bad_one(client, cast):
    assert_problem(cast.admin.post("/v1/course-categories", json={"slug": "programming", "name": "Again"}), 409,
                   "SLUG_TAKEN")
    assert_problem(cast.admin.post("/v1/course-levels", json={"slug": "Not A Slug", "name": "X"}), 400)
    assert_problem(cast.admin.post("/v1/course-levels", json={"slug": "ok", "name": "X", "extra": 1}), 400)


def test_categories_fail_with_403_for_instructors_and_students(client, cast):
    for c in (cast.teacher, cast.student):
        assert_problem(c.post("/v1/course-categories", json={"slug": unique("x").lower(), "name": "X"}), 403)
        assert_problem(c.post("/v1/course-levels", json={"slug": unique("x").lower(), "name": "X"}), 403)


def test_instructors_succeed_listing_publicly_with_names(client, cast):
    listed = {i["id"]: i for i in walk(client, "/v1/instructors")}
    mine = listed[cast.teacher_instructor_id]
    assert mine["name"] == "Ines Account" and mine["headline"] == "Teaches things"


def test_instructor_create_fails_with_409_twice_and_403_for_someone_else(client, cast, server, cli):
    assert_problem(cast.admin.post("/v1/instructors", json={"user_id": user_id(cast.teacher)}), 409,
                   "INSTRUCTOR_EXISTS")
    assert_problem(cast.teacher.post("/v1/instructors", json={"user_id": user_id(cast.student)}), 403)
    assert_problem(cast.student.post("/v1/instructors", json={"user_id": user_id(cast.student)}), 403)
    assert_problem(cast.admin.post("/v1/instructors", json={"user_id": "01900000-0000-7000-8000-000000000000"}),
                   400)


# --- demo data ------------------------------------------------------------------------------
def test_seed_demo_succeeds_twice_loading_one_believable_catalog(databases, cli, server_factory):
    url = databases.create()
    for _ in range(2):
        done = cli("seed", "--demo", database=url, timeout=120)
        assert done.returncode == 0, done.stderr
    c = server_factory(database=url).client()
    courses = walk(c, "/v1/courses")
    assert len(courses) == 10 and len({co["slug"] for co in courses}) == 10
    assert len(walk(c, "/v1/course-categories")) == 3 and len(walk(c, "/v1/course-levels")) == 3
    assert len(walk(c, "/v1/instructors")) == 2
    intro = c.get(f"/v1/courses/{courses[0]['id']}/intro").json()
    assert intro["counts"]["sections"] >= 2 and intro["counts"]["items"] >= 4
    rows = databases.execute(url, "SELECT count(*) FROM courses")
    assert int(rows[0][0]) == 12
