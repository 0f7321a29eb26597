"""Course announcements: GET/POST /v1/courses/:id/announcements, GET /v1/announcements/:id.

Why: an instructor needs one way to tell everyone taking a course something
(a changed deadline, a new section). Issue 19 adds it as the example of a
small resource built on the shared route, body, row and keyset helpers.
Posting is for the course's instructors and editors; reading for its
members; posting notifies every other enrolled member in the same
transaction, so there is a notification exactly when there is an announcement.
"""

from __future__ import annotations

import pytest

from catalog_support import make_cast, published_course, register_student, unique, user_id, walk
from client import assert_problem
from engagement_support import notifications


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture
def course(cast):
    return published_course(cast.teacher, cast)


def enrolled_student(server, course_id: str):
    learner = register_student(server)
    resp = learner.post("/v1/enrollments", json={"course_id": course_id})
    assert resp.status_code == 201, resp.text
    return learner


def announce(c, course_id: str, **body):
    return c.post(f"/v1/courses/{course_id}/announcements",
                  json={"title": unique("Week 2"), "body": "The quiz moves to Friday."} | body)


def test_posting_succeeds_for_the_instructor_and_notifies_each_enrolled_member_once(server, cast, course):
    learners = [enrolled_student(server, course["id"]) for _ in range(3)]
    outsider = register_student(server)

    resp = announce(cast.teacher, course["id"], title="Quiz moved")
    assert resp.status_code == 201, resp.text
    posted = resp.json()
    assert resp.headers["Location"] == f"/v1/announcements/{posted['id']}"
    assert posted["course_id"] == course["id"]
    assert posted["author_id"] == user_id(cast.teacher)
    assert posted["author_first_name"] == "Ines"
    assert (posted["title"], posted["body"]) == ("Quiz moved", "The quiz moves to Friday.")

    for learner in learners:
        told = [n for n in notifications(learner) if n["kind"] == "course.announcement"]
        assert len(told) == 1
        assert told[0]["payload"] == {"announcement_id": posted["id"], "course_id": course["id"],
                                      "title": "Quiz moved"}
    assert not [n for n in notifications(outsider) if n["kind"] == "course.announcement"]
    assert not [n for n in notifications(cast.teacher) if n["kind"] == "course.announcement"]


def test_members_read_the_list_newest_first_and_one_by_id(server, cast, course):
    learner = enrolled_student(server, course["id"])
    titles = [unique("Note") for _ in range(3)]
    ids = []
    for title in titles:
        resp = announce(cast.teacher, course["id"], title=title)
        assert resp.status_code == 201, resp.text
        ids.append(resp.json()["id"])

    listed = walk(learner, f"/v1/courses/{course['id']}/announcements", limit=2)
    assert [a["title"] for a in listed] == titles[::-1]

    one = learner.get(f"/v1/announcements/{ids[0]}")
    assert one.status_code == 200, one.text
    assert one.json() == listed[-1]


def test_posting_fails_for_a_learner_and_for_an_instructor_of_another_course(server, cast, course):
    learner = enrolled_student(server, course["id"])
    assert_problem(announce(learner, course["id"]), 403, "NOT_COURSE_INSTRUCTOR")
    assert_problem(announce(cast.other_teacher, course["id"]), 403, "NOT_COURSE_INSTRUCTOR")
    # Nothing was stored, and nobody was told.
    assert walk(learner, f"/v1/courses/{course['id']}/announcements") == []
    assert not [n for n in notifications(learner) if n["kind"] == "course.announcement"]


def test_reading_fails_for_people_who_take_no_part_in_the_course(server, cast, course):
    resp = announce(cast.teacher, course["id"])
    assert resp.status_code == 201, resp.text
    outsider = register_student(server)
    assert_problem(outsider.get(f"/v1/courses/{course['id']}/announcements"), 403, "NOT_A_COURSE_MEMBER")
    # One by id answers as if it did not exist: its course is none of theirs.
    assert_problem(outsider.get(f"/v1/announcements/{resp.json()['id']}"), 404, "ANNOUNCEMENT_NOT_FOUND")
    assert_problem(cast.anonymous.get(f"/v1/courses/{course['id']}/announcements"), 401)


def test_unknown_ids_and_bad_bodies_answer_4xx_problems(server, cast, course):
    missing = "00000000-0000-7000-8000-000000000000"
    assert_problem(cast.teacher.get(f"/v1/announcements/{missing}"), 404, "ANNOUNCEMENT_NOT_FOUND")
    assert_problem(cast.teacher.get("/v1/announcements/not-a-uuid"), 404, "ANNOUNCEMENT_NOT_FOUND")
    assert_problem(announce(cast.teacher, missing), 404, "COURSE_NOT_FOUND")
    assert_problem(announce(cast.teacher, course["id"], title=""), 400)
    assert_problem(announce(cast.teacher, course["id"], body="x" * 10001), 400)
    bad = cast.teacher.post(f"/v1/courses/{course['id']}/announcements", json={"title": "No body"})
    assert "body" in {d["field"] for d in assert_problem(bad, 400)["details"]}
