"""Roadmaps, wishlists and the activity feed.

Why: issue 4 asks for a course's learning path with the learner's progress
through it (the same forward-only, derived-percent rule as item progress),
a wishlist with one entry per user and course, and an activity feed that
records enrollments, milestones, completions and wishlist changes, newest
first and only ever the caller's own.
"""

from __future__ import annotations

import pytest

from client import assert_problem
from catalog_support import create_course, make_cast, published_course, register_student, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def milestone(c, course_id, title, **extra):
    return c.post(f"/v1/courses/{course_id}/roadmap/sections", json={"title": title} | extra)


def mark(c, course_id, section_id, status="completed"):
    return c.patch(f"/v1/courses/{course_id}/roadmap", json={"roadmap_section_id": section_id, "status": status})


def enrolled_learner(server, course_id):
    learner = register_student(server)
    assert learner.post("/v1/enrollments", json={"course_id": course_id}).status_code == 201
    return learner


# --- roadmap ----------------------------------------------------------------------------------
def test_roadmap_milestones_succeed_for_the_course_editors_in_order(cast):
    course = published_course(cast.teacher, cast)
    section = walk(cast.teacher, f"/v1/courses/{course['id']}/sections")[0]
    first = milestone(cast.teacher, course["id"], "Basics", section_id=section["id"], description="Start here")
    assert first.status_code == 201, first.text
    assert first.json() | {"id": None} == {
        "id": None, "course_id": course["id"], "section_id": section["id"], "title": "Basics",
        "description": "Start here", "is_required": True, "position": 1, "status": None, "completed_at": None}
    second = milestone(cast.admin, course["id"], "Stretch goal", is_required=False)
    assert second.status_code == 201 and second.json()["position"] == 2
    roadmap = cast.anonymous.get(f"/v1/courses/{course['id']}/roadmap").json()
    assert [s["title"] for s in roadmap["sections"]] == ["Basics", "Stretch goal"]
    assert roadmap["enrollment_id"] is None and roadmap["progress_percent"] == 0 and not roadmap["completed"]


def test_roadmap_milestones_fail_for_others_and_for_sections_of_another_course(server, cast):
    course = published_course(cast.teacher, cast)
    other = published_course(cast.other_teacher, cast)
    foreign = walk(cast.other_teacher, f"/v1/courses/{other['id']}/sections")[0]
    assert_problem(milestone(cast.other_teacher, course["id"], "Mine now"), 403)
    assert_problem(milestone(register_student(server), course["id"], "Mine now"), 403)
    assert_problem(milestone(cast.teacher, course["id"], "Elsewhere", section_id=foreign["id"]), 400)
    assert_problem(milestone(cast.teacher, course["id"], ""), 400)
    draft = create_course(cast.teacher, cast)
    assert_problem(cast.anonymous.get(f"/v1/courses/{draft['id']}/roadmap"), 404)


def test_roadmap_progress_succeeds_forward_only_and_records_completion_once(server, cast):
    course = published_course(cast.teacher, cast)
    basics = milestone(cast.teacher, course["id"], "Basics").json()
    project = milestone(cast.teacher, course["id"], "Project").json()
    extra = milestone(cast.teacher, course["id"], "Extra", is_required=False).json()
    learner = enrolled_learner(server, course["id"])
    got = mark(learner, course["id"], basics["id"], "started").json()
    assert got["enrollment_id"] and got["sections"][0]["status"] == "started" and got["progress_percent"] == 0
    assert mark(learner, course["id"], basics["id"]).json()["progress_percent"] == 50
    assert mark(learner, course["id"], extra["id"]).json()["progress_percent"] == 50
    assert mark(learner, course["id"], basics["id"], "started").json()["sections"][0]["status"] == "completed"
    done = mark(learner, course["id"], project["id"]).json()
    assert done["completed"] and done["progress_percent"] == 100
    assert mark(learner, course["id"], project["id"]).status_code == 200
    kinds = [a["kind"] for a in walk(learner, "/v1/activity")]
    assert kinds.count("roadmap.completed") == 1
    assert learner.get(f"/v1/courses/{course['id']}/roadmap").json() == done


def test_roadmap_progress_fails_for_non_members_and_foreign_milestones(server, cast):
    course = published_course(cast.teacher, cast)
    other = published_course(cast.teacher, cast)
    ours = milestone(cast.teacher, course["id"], "Ours").json()
    theirs = milestone(cast.teacher, other["id"], "Theirs").json()
    assert_problem(mark(register_student(server), course["id"], ours["id"]), 403, "NOT_ENROLLED")
    learner = enrolled_learner(server, course["id"])
    assert_problem(mark(learner, course["id"], theirs["id"]), 400)
    assert_problem(learner.patch(f"/v1/courses/{course['id']}/roadmap",
                                 json={"roadmap_section_id": ours["id"], "status": "completed", "percent": 100}), 400)
    assert_problem(mark(cast.anonymous, course["id"], ours["id"]), 401)


# --- wishlist ---------------------------------------------------------------------------------
def test_wishlist_succeeds_adding_listing_and_removing(server, cast):
    first = published_course(cast.teacher, cast, price={"amount_minor": 2500, "currency": "EUR"})
    second = published_course(cast.teacher, cast)
    learner = register_student(server)
    resp = learner.post("/v1/wishlist", json={"course_id": first["id"]})
    assert resp.status_code == 201, resp.text
    assert resp.json()["course"] == {"id": first["id"], "slug": first["slug"], "title": first["title"],
                                     "price": {"amount_minor": 2500, "currency": "EUR"}, "status": "published"}
    assert learner.post(f"/v1/wishlist/{second['id']}").status_code == 201
    assert [w["course_id"] for w in walk(learner, "/v1/wishlist")] == [second["id"], first["id"]]
    assert learner.delete(f"/v1/wishlist/{first['id']}").status_code == 204
    assert [w["course_id"] for w in walk(learner, "/v1/wishlist")] == [second["id"]]
    kinds = [a["kind"] for a in walk(learner, "/v1/activity")]
    assert kinds == ["wishlist.removed", "wishlist.added", "wishlist.added"]


def test_wishlist_fails_for_duplicates_drafts_and_absent_entries(server, cast):
    course = published_course(cast.teacher, cast)
    draft = create_course(cast.teacher, cast)
    learner = register_student(server)
    assert learner.post("/v1/wishlist", json={"course_id": course["id"]}).status_code == 201
    assert_problem(learner.post("/v1/wishlist", json={"course_id": course["id"]}), 409, "ALREADY_IN_WISHLIST")
    assert_problem(learner.post(f"/v1/wishlist/{course['id']}"), 409, "ALREADY_IN_WISHLIST")
    assert_problem(learner.post("/v1/wishlist", json={"course_id": draft["id"]}), 404)
    assert_problem(cast.teacher.post("/v1/wishlist", json={"course_id": draft["id"]}), 409, "COURSE_NOT_PUBLISHED")
    assert_problem(learner.post("/v1/wishlist/not-a-uuid"), 404)
    assert_problem(learner.post("/v1/wishlist", json={"course_id": 7}), 400)
    assert_problem(learner.delete(f"/v1/wishlist/{draft['id']}"), 404, "WISHLIST_ITEM_NOT_FOUND")
    assert_problem(learner.delete("/v1/wishlist/%27%20OR%201%3D1"), 404)
    assert_problem(cast.anonymous.get("/v1/wishlist"), 401)
    # someone else's wishlist is theirs alone
    assert walk(register_student(server), "/v1/wishlist") == []


# --- activity ---------------------------------------------------------------------------------
def test_activity_pages_newest_first_without_skipping_or_repeating(server, cast):
    learner = register_student(server)
    courses = [published_course(cast.teacher, cast) for _ in range(5)]
    for course in courses:
        assert learner.post(f"/v1/wishlist/{course['id']}").status_code == 201
    first = learner.get("/v1/activity", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    events = walk(learner, "/v1/activity", limit=2)
    assert [e["course_id"] for e in events] == [c["id"] for c in reversed(courses)]
    assert len({e["id"] for e in events}) == 5
    assert [e["created_at"] for e in events] == sorted((e["created_at"] for e in events), reverse=True)
    only = walk(learner, f"/v1/activity?course_id={courses[0]['id']}")
    assert [e["kind"] for e in only] == ["wishlist.added"]
    assert_problem(learner.get("/v1/activity", params={"course_id": "nope"}), 400)
    assert_problem(learner.get("/v1/activity", params={"cursor": "forged"}), 400)
    assert walk(register_student(server), "/v1/activity") == []
