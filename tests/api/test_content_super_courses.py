"""Super-courses: courses composed of sections taken from several courses.

Why: api.md lets authors combine sections of existing courses into a new
offering. The same lifecycle promises as courses apply — a draft is visible
only to its creator and catalog editors, only they change or publish it
(403 for others), it cannot be published empty (409), and a section can be
included once, and only when its author may see it (a draft course's section
stays private).
"""

from __future__ import annotations

import pytest

from client import assert_problem
from catalog_support import add_section, create_course, make_cast, published_course, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def sections_of(c, course_id) -> list[dict]:
    return walk(c, f"/v1/courses/{course_id}/sections")


def test_super_course_succeeds_combining_sections_of_two_courses_then_publishing(client, cast):
    a = published_course(cast.teacher, cast, title="Algebra")
    b = published_course(cast.other_teacher, cast, title="Geometry")
    resp = cast.teacher.post("/v1/super-courses", json={"title": "Maths Track", "description": "Both."})
    assert resp.status_code == 201, resp.text
    sc = resp.json()
    assert sc["status"] == "draft" and sc["slug"] == "maths-track" and sc["section_count"] == 0
    assert_problem(cast.teacher.post(f"/v1/super-courses/{sc['id']}/publish"), 409, "SUPER_COURSE_HAS_NO_SECTIONS")
    for course in (b, a):
        section = sections_of(client, course["id"])[0]
        added = cast.teacher.post(f"/v1/super-courses/{sc['id']}/sections", json={"section_id": section["id"]})
        assert added.status_code == 201, added.text
        assert added.json()["course_id"] == course["id"]
    assert_problem(client.get(f"/v1/super-courses/{sc['id']}"), 404, "SUPER_COURSE_NOT_FOUND")
    listed = walk(cast.teacher, f"/v1/super-courses/{sc['id']}/sections")
    assert [(s["course_id"], s["position"]) for s in listed] == [(b["id"], 1), (a["id"], 2)]
    resp = cast.teacher.post(f"/v1/super-courses/{sc['id']}/publish")
    assert resp.status_code == 200 and resp.json()["status"] == "published", resp.text
    assert client.get(f"/v1/super-courses/{sc['id']}").json()["section_count"] == 2
    assert sc["id"] in {s["id"] for s in walk(client, "/v1/super-courses")}
    assert_problem(cast.teacher.post(f"/v1/super-courses/{sc['id']}/publish"), 409, "INVALID_STATUS_TRANSITION")


def test_super_course_section_fails_with_409_twice_and_400_for_a_hidden_section(client, cast):
    sc = cast.teacher.post("/v1/super-courses", json={"title": "Track"}).json()
    public = published_course(cast.teacher, cast)
    section = sections_of(client, public["id"])[0]
    path = f"/v1/super-courses/{sc['id']}/sections"
    assert cast.teacher.post(path, json={"section_id": section["id"]}).status_code == 201
    assert_problem(cast.teacher.post(path, json={"section_id": section["id"]}), 409, "SECTION_ALREADY_INCLUDED")
    draft = create_course(cast.other_teacher, cast)
    hidden = add_section(cast.other_teacher, draft["id"])
    problem = assert_problem(cast.teacher.post(path, json={"section_id": hidden["id"]}), 400)
    assert {d["field"] for d in problem["details"]} == {"section_id"}
    assert_problem(cast.teacher.post(path, json={"section_id": section["id"], "position": 1}), 400)


def test_super_course_changes_fail_with_403_for_others_and_404_while_a_draft_is_hidden(client, cast):
    sc = cast.teacher.post("/v1/super-courses", json={"title": "Private Track"}).json()
    path = f"/v1/super-courses/{sc['id']}"
    assert_problem(cast.other_teacher.patch(path, json={"title": "Mine"}), 404)
    assert_problem(cast.student.get(path), 404)
    assert cast.admin.patch(path, json={"description": "Reviewed"}).json()["description"] == "Reviewed"
    section = sections_of(client, published_course(cast.teacher, cast)["id"])[0]
    assert cast.teacher.post(f"{path}/sections", json={"section_id": section["id"]}).status_code == 201
    assert cast.teacher.post(f"{path}/publish").status_code == 200
    assert_problem(cast.other_teacher.patch(path, json={"title": "Mine"}), 403)
    assert_problem(cast.other_teacher.post(f"{path}/sections", json={"section_id": section["id"]}), 403)
    resp = cast.teacher.patch(path, json={"title": "Renamed"})
    assert resp.status_code == 200 and resp.json()["title"] == "Renamed"


def test_super_course_create_fails_with_403_for_students_and_400_for_bad_input(client, cast):
    assert_problem(cast.student.post("/v1/super-courses", json={"title": "X"}), 403)
    assert_problem(client.post("/v1/super-courses", json={"title": "X"}), 401)
    for bad in ({}, {"title": ""}, {"title": 5}, {"title": "X", "status": "published"}):
        assert_problem(cast.teacher.post("/v1/super-courses", json=bad), 400)
