"""Enrollments, seats, progress and course members.

Why: issue 4 makes enrollment the rule-heaviest path of the platform. A user
enrolls once per course; paid courses need a paid order (402 until commerce
enrolls); seats are capped by max_students exactly, even under concurrent
requests; cancelling frees the seat; a super-course enrolls into each of its
courses all-or-nothing; progress is recorded only by the enrolled learner,
its percent is derived from the required items and never accepted from the
client, and the last required item completes the enrollment.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from client import assert_problem
from catalog_support import (add_section, create_course, make_cast, published_course, register_student, unique,
                                  user_id, walk)


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def enroll(c, course_id, **extra):
    return c.post("/v1/enrollments", json={"course_id": course_id} | extra)


def enrolled(c, course_id) -> dict:
    resp = enroll(c, course_id)
    assert resp.status_code == 201, resp.text
    return resp.json()


def course_of(c, course_id) -> dict:
    resp = c.get(f"/v1/courses/{course_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def items_of(c, course_id) -> list[dict]:
    items = []
    for section in walk(c, f"/v1/courses/{course_id}/sections"):
        items += walk(c, f"/v1/sections/{section['id']}/items")
    return items


def students(server, n: int) -> list:
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda _: register_student(server), range(n)))


# --- enrolling --------------------------------------------------------------------------------
def test_enroll_succeeds_in_a_free_published_course_taking_a_seat(server, cast):
    course = published_course(cast.teacher, cast)
    learner = register_student(server)
    resp = enroll(learner, course["id"])
    assert resp.status_code == 201, resp.text
    e = resp.json()
    assert resp.headers["Location"] == f"/v1/enrollments/{e['id']}"
    assert e["course_id"] == course["id"] and e["user_id"] == user_id(learner)
    assert (e["member_role"], e["status"], e["source"], e["order_id"]) == ("student", "active", "free", None)
    assert e["course_title"] == course["title"] and e["progress_percent"] == 0
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1
    mine = walk(learner, "/v1/enrollments")
    assert [m["id"] for m in mine if m["course_id"] == course["id"]] == [e["id"]]
    assert learner.get(f"/v1/enrollments/{e['id']}").json() == e


def test_enroll_fails_with_409_already_enrolled_the_second_time(server, cast):
    course = published_course(cast.teacher, cast)
    learner = register_student(server)
    enrolled(learner, course["id"])
    assert_problem(enroll(learner, course["id"]), 409, "ALREADY_ENROLLED")
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1


def test_enroll_fails_with_402_payment_required_for_a_paid_course(server, cast):
    course = published_course(cast.teacher, cast, price={"amount_minor": 1999, "currency": "USD"})
    learner = register_student(server)
    assert_problem(enroll(learner, course["id"]), 402, "PAYMENT_REQUIRED")
    assert walk(learner, "/v1/enrollments") == []


def test_enroll_fails_with_404_for_drafts_and_unknown_courses(server, cast):
    draft = create_course(cast.teacher, cast)
    learner = register_student(server)
    assert_problem(enroll(learner, draft["id"]), 404, "COURSE_NOT_FOUND")
    assert_problem(enroll(learner, "00000000-0000-7000-8000-000000000000"), 404, "COURSE_NOT_FOUND")


@pytest.mark.parametrize("body", [
    {},
    {"course_id": "not-a-uuid"},
    {"course_id": "00000000-0000-7000-8000-000000000000", "super_course_id": "00000000-0000-7000-8000-000000000000"},
    {"course_id": "00000000-0000-7000-8000-000000000000", "status": "completed"},
    {"course_id": "00000000-0000-7000-8000-000000000000", "member_role": "owner"},
    {"course_id": "00000000-0000-7000-8000-000000000000", "progress_percent": 100},
])
def test_enroll_fails_with_400_for_malformed_bodies(cast, body):
    assert_problem(cast.student.post("/v1/enrollments", json=body), 400)


def test_enroll_fails_with_401_without_a_token(cast):
    course = published_course(cast.teacher, cast)
    assert_problem(enroll(cast.anonymous, course["id"]), 401)


def test_enrolling_someone_else_fails_for_learners_and_succeeds_for_the_course_instructor(server, cast):
    course = published_course(cast.teacher, cast, price={"amount_minor": 500, "currency": "USD"}, max_students=1)
    learner, assistant = register_student(server), register_student(server)
    assert_problem(enroll(learner, course["id"], user_id=user_id(assistant)), 403)
    assert_problem(enroll(learner, course["id"], member_role="ta"), 403)
    resp = enroll(cast.teacher, course["id"], user_id=user_id(assistant), member_role="ta")
    assert resp.status_code == 201, resp.text
    assert (resp.json()["member_role"], resp.json()["source"]) == ("ta", "admin")
    # staff take no seat; an admin-enrolled student skips payment but takes the only seat
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 0
    resp = enroll(cast.teacher, course["id"], user_id=user_id(learner))
    assert resp.status_code == 201 and resp.json()["source"] == "admin"
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 1
    assert_problem(enroll(cast.teacher, course["id"], user_id="00000000-0000-7000-8000-000000000000"), 404,
                   "USER_NOT_FOUND")


# --- seats ------------------------------------------------------------------------------------
def test_cancel_frees_the_seat_and_re_enrolling_revives_the_enrollment(server, cast):
    course = published_course(cast.teacher, cast, max_students=1)
    first, second = register_student(server), register_student(server)
    mine = enrolled(first, course["id"])
    assert_problem(enroll(second, course["id"]), 409, "COURSE_FULL")
    assert_problem(second.post(f"/v1/enrollments/{mine['id']}/cancel"), 404, "ENROLLMENT_NOT_FOUND")
    resp = first.post(f"/v1/enrollments/{mine['id']}/cancel")
    assert resp.status_code == 200 and resp.json()["status"] == "cancelled" and resp.json()["cancelled_at"]
    assert_problem(first.post(f"/v1/enrollments/{mine['id']}/cancel"), 409, "ENROLLMENT_ALREADY_CANCELLED")
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 0
    enrolled(second, course["id"])
    assert_problem(enroll(first, course["id"]), 409, "COURSE_FULL")
    second_id = walk(second, "/v1/enrollments")[0]["id"]
    assert cast.teacher.post(f"/v1/enrollments/{second_id}/cancel").status_code == 200
    revived = enrolled(first, course["id"])
    assert revived["id"] == mine["id"] and revived["status"] == "active" and revived["cancelled_at"] is None


def test_fifty_concurrent_enrollments_into_five_seats_admit_exactly_five(server, cast):
    course = published_course(cast.teacher, cast, max_students=5)
    learners = students(server, 50)
    with ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(pool.map(lambda c: enroll(c, course["id"]), learners))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * 5 + [409] * 45, statuses
    assert all(r.json()["code"] == "COURSE_FULL" for r in responses if r.status_code == 409)
    assert course_of(cast.anonymous, course["id"])["enrollment_count"] == 5
    assert len(walk(cast.teacher, f"/v1/courses/{course['id']}/members")) == 5 + 1  # and the instructor


def test_the_same_idempotency_key_sent_twenty_times_at_once_enrolls_once(server, cast):
    course = published_course(cast.teacher, cast)
    learner = register_student(server)
    key = unique("enroll")
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(
            lambda _: learner.post("/v1/enrollments", json={"course_id": course["id"]},
                                   headers={"Idempotency-Key": key}), range(20)))
    created = [r.json() for r in responses if r.status_code == 201]
    others = [r.json()["code"] for r in responses if r.status_code != 201]
    assert created and all(c["id"] == created[0]["id"] for c in created)
    assert set(others) <= {"IDEMPOTENCY_IN_PROGRESS"}, others
    assert len(walk(learner, "/v1/enrollments")) == 1
    replay = learner.post("/v1/enrollments", json={"course_id": course["id"]}, headers={"Idempotency-Key": key})
    assert replay.status_code == 201 and replay.json()["id"] == created[0]["id"]
    assert_problem(learner.post("/v1/enrollments", json={"course_id": published_course(cast.teacher, cast)["id"]},
                                headers={"Idempotency-Key": key}), 422)


# --- super-courses ----------------------------------------------------------------------------
def super_course_of(cast, courses: list[dict]) -> dict:
    resp = cast.teacher.post("/v1/super-courses", json={"title": unique("Bundle")})
    assert resp.status_code == 201, resp.text
    bundle = resp.json()
    for course in courses:
        section = walk(cast.teacher, f"/v1/courses/{course['id']}/sections")[0]
        done = cast.teacher.post(f"/v1/super-courses/{bundle['id']}/sections", json={"section_id": section["id"]})
        assert done.status_code == 201, done.text
    assert cast.teacher.post(f"/v1/super-courses/{bundle['id']}/publish").status_code == 200
    return bundle


def test_super_course_enrollment_succeeds_into_every_course_at_once(server, cast):
    courses = [published_course(cast.teacher, cast) for _ in range(2)]
    bundle = super_course_of(cast, courses)
    learner = register_student(server)
    resp = learner.post("/v1/enrollments", json={"super_course_id": bundle["id"]})
    assert resp.status_code == 201, resp.text
    got = resp.json()
    assert got["super_course_id"] == bundle["id"]
    assert sorted(e["course_id"] for e in got["enrollments"]) == sorted(c["id"] for c in courses)
    assert all(e["super_course_id"] == bundle["id"] for e in got["enrollments"])
    assert_problem(learner.post("/v1/enrollments", json={"super_course_id": bundle["id"]}), 409, "ALREADY_ENROLLED")


def test_super_course_enrollment_is_all_or_nothing(server, cast):
    roomy = published_course(cast.teacher, cast)
    full = published_course(cast.teacher, cast, max_students=1)
    paid = published_course(cast.teacher, cast, price={"amount_minor": 100, "currency": "USD"})
    enrolled(register_student(server), full["id"])
    learner = register_student(server)
    assert_problem(learner.post("/v1/enrollments", json={"super_course_id": super_course_of(cast, [roomy, full])["id"]}),
                   409, "COURSE_FULL")
    assert_problem(learner.post("/v1/enrollments", json={"super_course_id": super_course_of(cast, [roomy, paid])["id"]}),
                   402, "PAYMENT_REQUIRED")
    assert walk(learner, "/v1/enrollments") == []
    assert course_of(cast.anonymous, roomy["id"])["enrollment_count"] == 0


# --- progress ---------------------------------------------------------------------------------
def course_with_items(cast) -> tuple[dict, list[dict]]:
    """A published course of two sections with two items each; the last item is optional."""
    course = create_course(cast.teacher, cast)
    add_section(cast.teacher, course["id"], "One", items=2)
    second = add_section(cast.teacher, course["id"], "Two", items=1)
    optional = cast.teacher.post(f"/v1/sections/{second['id']}/items",
                                 json={"item_type": "link", "title": "Extra", "body": {"url": "https://x.test"},
                                       "is_required": False})
    assert optional.status_code == 201, optional.text
    assert cast.teacher.post(f"/v1/courses/{course['id']}/publish").status_code == 200
    return course, items_of(cast.teacher, course["id"])


def step(c, enrollment_id, item_id, status="completed"):
    return c.patch(f"/v1/enrollments/{enrollment_id}/progress", json={"content_item_id": item_id, "status": status})


def test_progress_succeeds_with_a_derived_percent_and_completes_on_the_last_required_item(server, cast):
    course, items = course_with_items(cast)
    learner = register_student(server)
    e = enrolled(learner, course["id"])
    resp = step(learner, e["id"], items[0]["id"], "started")
    assert resp.status_code == 200, resp.text
    assert resp.json()["progress_percent"] == 0 and resp.json()["items"][0]["status"] == "started"
    assert step(learner, e["id"], items[0]["id"]).json()["progress_percent"] == 33
    assert step(learner, e["id"], items[3]["id"]).json()["progress_percent"] == 33  # optional item
    assert step(learner, e["id"], items[1]["id"]).json()["progress_percent"] == 66
    # progress never moves backwards
    assert step(learner, e["id"], items[0]["id"], "started").json()["items"][0]["status"] == "completed"
    done = step(learner, e["id"], items[2]["id"]).json()
    assert (done["progress_percent"], done["status"]) == (100, "completed") and done["completed_at"]
    assert learner.get(f"/v1/enrollments/{e['id']}").json()["status"] == "completed"
    assert learner.get(f"/v1/enrollments/{e['id']}/progress").json() == done
    events = walk(learner, f"/v1/activity?course_id={course['id']}")
    assert [(a["kind"], a["data"].get("percent")) for a in events] == [
        ("enrollment.completed", None), ("progress.milestone", 75), ("progress.milestone", 50),
        ("progress.milestone", 25), ("enrollment.created", None)]


def test_progress_fails_for_anyone_but_the_enrolled_learner(server, cast):
    course, items = course_with_items(cast)
    learner, stranger = register_student(server), register_student(server)
    e = enrolled(learner, course["id"])
    assert_problem(step(stranger, e["id"], items[0]["id"]), 404, "ENROLLMENT_NOT_FOUND")
    assert_problem(stranger.get(f"/v1/enrollments/{e['id']}/progress"), 404)
    assert_problem(step(cast.teacher, e["id"], items[0]["id"]), 403)
    assert cast.teacher.get(f"/v1/enrollments/{e['id']}/progress").status_code == 200
    assert_problem(step(cast.anonymous, e["id"], items[0]["id"]), 401)


def test_progress_fails_with_400_for_a_sent_percent_or_an_item_of_another_course(server, cast):
    course, items = course_with_items(cast)
    other, other_items = course_with_items(cast)
    learner = register_student(server)
    e = enrolled(learner, course["id"])
    resp = learner.patch(f"/v1/enrollments/{e['id']}/progress",
                         json={"content_item_id": items[0]["id"], "status": "completed", "progress_percent": 100})
    assert_problem(resp, 400)
    assert_problem(step(learner, e["id"], other_items[0]["id"]), 400)
    assert_problem(step(learner, e["id"], items[0]["id"], "finished"), 400)
    assert learner.get(f"/v1/enrollments/{e['id']}/progress").json()["progress_percent"] == 0


def test_progress_fails_with_409_on_a_cancelled_enrollment(server, cast):
    course, items = course_with_items(cast)
    learner = register_student(server)
    e = enrolled(learner, course["id"])
    assert learner.post(f"/v1/enrollments/{e['id']}/cancel").status_code == 200
    assert_problem(step(learner, e["id"], items[0]["id"]), 409, "ENROLLMENT_CANCELLED")


def test_concurrent_progress_on_the_last_items_completes_exactly_once(server, cast):
    course, items = course_with_items(cast)
    learner = register_student(server)
    e = enrolled(learner, course["id"])
    with ThreadPoolExecutor(max_workers=3) as pool:
        responses = list(pool.map(lambda i: step(learner, e["id"], i["id"]), items[:3]))
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    assert learner.get(f"/v1/enrollments/{e['id']}").json()["status"] == "completed"
    kinds = [a["kind"] for a in walk(learner, f"/v1/activity?course_id={course['id']}")]
    assert kinds.count("enrollment.completed") == 1


# --- members and archived courses -------------------------------------------------------------
def test_members_are_listed_to_members_and_managers_only(server, cast):
    course = published_course(cast.teacher, cast)
    learner, outsider = register_student(server), register_student(server)
    enrolled(learner, course["id"])
    members = walk(learner, f"/v1/courses/{course['id']}/members")
    roles = {m["user_id"]: m["member_role"] for m in members}
    assert roles == {user_id(learner): "student", user_id(cast.teacher): "instructor"}
    assert walk(cast.admin, f"/v1/courses/{course['id']}/members") == members
    assert_problem(outsider.get(f"/v1/courses/{course['id']}/members"), 403)
    assert_problem(cast.anonymous.get(f"/v1/courses/{course['id']}/members"), 401)


def test_an_archived_course_stays_readable_to_its_learners_only(server, cast):
    course = published_course(cast.teacher, cast)
    learner, outsider = register_student(server), register_student(server)
    e = enrolled(learner, course["id"])
    assert cast.teacher.delete(f"/v1/courses/{course['id']}").status_code == 204
    assert learner.get(f"/v1/courses/{course['id']}").json()["status"] == "archived"
    assert learner.get(f"/v1/enrollments/{e['id']}").status_code == 200
    assert_problem(outsider.get(f"/v1/courses/{course['id']}"), 404)
    assert_problem(cast.anonymous.get(f"/v1/courses/{course['id']}"), 404)
    assert_problem(enroll(outsider, course["id"]), 404)
