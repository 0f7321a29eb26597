"""Course community: discussion threads and events with RSVPs and a waitlist.

Why: issue 9 gives every course a members-only community. Threads and their
replies are plain, but events hold seats: at most `capacity` RSVPs are going,
a "going" beyond that waits at the next waitlist position, and when a seat
frees the first in line takes it in the same transaction and is notified.
Positions must stay distinct and dense (1..n) under a burst of concurrent
RSVPs, which is exactly when double-booking or duplicate positions happen.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from client import assert_problem
from engagement_support import make_community, notifications
from catalog_support import make_cast, register_student, user_id, walk

UNKNOWN = "01900000-dead-7000-8000-000000000000"


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def community(server, cast):
    return make_community(server, cast, learners=4)


def new_event(c, course_id, capacity=2, **extra):
    body = {"title": "Study night", "capacity": capacity, "starts_at": "2027-01-15T18:00:00Z"} | extra
    resp = c.post(f"/v1/courses/{course_id}/community/events", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def rsvp(c, event_id, status="going"):
    return c.put(f"/v1/events/{event_id}/rsvp", json={"status": status})


def status_of(c, event_id):
    resp = c.get(f"/v1/events/{event_id}/rsvp")
    assert resp.status_code == 200, resp.text
    return resp.json()["status"], resp.json()["waitlist_position"]


# --- threads -----------------------------------------------------------------------------------
def test_threads_and_replies_succeed_for_members(community):
    author, replier, *_ = community.learners
    course_id = community.course["id"]
    resp = author.post(f"/v1/courses/{course_id}/community/threads", json={"title": "Intro", "body": "Hi all"})
    assert resp.status_code == 201, resp.text
    thread = resp.json()
    assert resp.headers["Location"] == f"/v1/threads/{thread['id']}"
    assert (thread["post_count"], thread["last_post_at"]) == (0, None)
    for text in ("Hello!", "Welcome"):
        done = replier.post(f"/v1/threads/{thread['id']}/posts", json={"body": text})
        assert done.status_code == 201, done.text
    detail = community.teacher.get(f"/v1/threads/{thread['id']}").json()
    assert detail["post_count"] == 2 and detail["last_post_at"]
    assert [p["body"] for p in detail["posts"]] == ["Hello!", "Welcome"]
    assert [p["body"] for p in walk(author, f"/v1/threads/{thread['id']}/posts", limit=1)] == ["Hello!", "Welcome"]
    assert thread["id"] in [t["id"] for t in walk(author, f"/v1/courses/{course_id}/community/threads")]


def test_threads_are_for_members_only(community, cast):
    course_id = community.course["id"]
    resp = community.learners[0].post(f"/v1/courses/{course_id}/community/threads", json={"title": "T", "body": "B"})
    thread = resp.json()
    outsider = community.outsider
    assert_problem(outsider.get(f"/v1/courses/{course_id}/community/threads"), 403, "NOT_A_COURSE_MEMBER")
    assert_problem(outsider.post(f"/v1/courses/{course_id}/community/threads", json={"title": "T", "body": "B"}),
                   403)
    assert_problem(outsider.get(f"/v1/threads/{thread['id']}"), 403)
    assert_problem(outsider.post(f"/v1/threads/{thread['id']}/posts", json={"body": "x"}), 403)
    assert_problem(cast.anonymous.get(f"/v1/threads/{thread['id']}"), 401)
    assert_problem(community.learners[0].get(f"/v1/threads/{UNKNOWN}"), 404, "THREAD_NOT_FOUND")
    assert_problem(community.learners[0].post(f"/v1/threads/{thread['id']}/posts", json={"body": ""}), 400)


# --- events ------------------------------------------------------------------------------------
def test_events_are_created_by_teaching_staff_and_read_by_members(community, cast):
    course_id = community.course["id"]
    event = new_event(community.teacher, course_id, capacity=3, description="Bring questions",
                      ends_at="2027-01-15T20:00:00+01:00")
    assert (event["capacity"], event["going"], event["waitlisted"], event["seats_left"]) == (3, 0, 0, 3)
    assert event["ends_at"].startswith("2027-01-15T19:00:00") and event["organizer_id"] == user_id(community.teacher)
    assert community.learners[0].get(f"/v1/events/{event['id']}").json()["title"] == "Study night"
    assert event["id"] in [e["id"] for e in walk(community.learners[0], f"/v1/courses/{course_id}/community/events")]
    body = {"title": "Mine", "capacity": 2, "starts_at": "2027-01-15T18:00:00Z"}
    assert_problem(community.learners[0].post(f"/v1/courses/{course_id}/community/events", json=body), 403)
    assert_problem(community.outsider.get(f"/v1/events/{event['id']}"), 403)
    assert_problem(community.outsider.get(f"/v1/courses/{course_id}/community/events"), 403)


@pytest.mark.parametrize("body", [
    {"title": "x", "capacity": 0, "starts_at": "2027-01-15T18:00:00Z"},
    {"title": "x", "capacity": 5},
    {"title": "x", "capacity": 5, "starts_at": "tomorrow"},
    {"title": "x", "capacity": 5, "starts_at": "2027-01-15T18:00:00Z", "ends_at": "2027-01-15T17:00:00Z"},
    {"title": "", "capacity": 5, "starts_at": "2027-01-15T18:00:00Z"},
    {"title": "x", "capacity": 5, "starts_at": "2027-01-15T18:00:00Z", "going": 3},
])
def test_creating_an_event_fails_with_400_for_malformed_bodies(community, body):
    assert_problem(community.teacher.post(f"/v1/courses/{community.course['id']}/community/events", json=body), 400)


def test_going_over_capacity_waits_and_a_freed_seat_promotes_the_first_in_line(community):
    a, b, c, d = community.learners
    event = new_event(community.teacher, community.course["id"], capacity=2)
    assert rsvp(a, event["id"]).json()["status"] == "going"
    assert rsvp(b, event["id"]).json()["status"] == "going"
    third = rsvp(c, event["id"]).json()
    assert (third["status"], third["waitlist_position"]) == ("waitlisted", 1)
    assert (rsvp(d, event["id"]).json()["waitlist_position"]) == 2
    assert rsvp(c, event["id"]).json()["waitlist_position"] == 1  # PUT again changes nothing
    counts = a.get(f"/v1/events/{event['id']}").json()
    assert (counts["going"], counts["waitlisted"], counts["seats_left"]) == (2, 2, 0)
    # a going RSVP withdrawn: c takes the seat and is told, d moves up
    assert a.delete(f"/v1/events/{event['id']}/rsvp").status_code == 204
    assert status_of(c, event["id"]) == ("going", None)
    assert status_of(d, event["id"]) == ("waitlisted", 1)
    promoted = [n for n in notifications(c) if n["kind"] == "event.waitlist_promoted"]
    assert [n["payload"]["event_id"] for n in promoted] == [event["id"]]
    assert_problem(a.get(f"/v1/events/{event['id']}/rsvp"), 404, "RSVP_NOT_FOUND")
    assert_problem(a.delete(f"/v1/events/{event['id']}/rsvp"), 404, "RSVP_NOT_FOUND")
    # going -> interested also frees the seat
    assert rsvp(b, event["id"], "interested").json()["status"] == "interested"
    assert status_of(d, event["id"]) == ("going", None)
    # interested holds no seat; waiting people who lose interest leave no gap
    assert rsvp(a, event["id"]).json()["waitlist_position"] == 1
    assert rsvp(b, event["id"]).json()["waitlist_position"] == 2
    assert rsvp(a, event["id"], "interested").json()["waitlist_position"] is None
    assert status_of(b, event["id"]) == ("waitlisted", 1)


def test_rsvps_are_for_members_of_the_course(community):
    event = new_event(community.teacher, community.course["id"])
    assert_problem(rsvp(community.outsider, event["id"]), 403)
    assert_problem(rsvp(community.learners[0], UNKNOWN), 404, "EVENT_NOT_FOUND")
    assert_problem(rsvp(community.learners[0], event["id"], "waitlisted"), 400)


def test_100_concurrent_rsvps_on_10_seats_seat_10_and_queue_90_then_promote_position_1(
        server, cast, databases):
    crowd = make_community(server, cast, learners=100)
    event = new_event(crowd.teacher, crowd.course["id"], capacity=10)
    with ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(pool.map(lambda c: rsvp(c, event["id"]), crowd.learners))
    assert [r.status_code for r in responses] == [200] * 100
    got = [r.json() for r in responses]
    assert sum(1 for r in got if r["status"] == "going") == 10
    positions = sorted(r["waitlist_position"] for r in got if r["status"] == "waitlisted")
    assert positions == list(range(1, 91))
    first = next(c for c, r in zip(crowd.learners, got) if r["waitlist_position"] == 1)
    leaver = next(c for c, r in zip(crowd.learners, got) if r["status"] == "going")
    assert leaver.delete(f"/v1/events/{event['id']}/rsvp").status_code == 204
    assert status_of(first, event["id"]) == ("going", None)
    assert any(n["kind"] == "event.waitlist_promoted" for n in notifications(first))
    rows = databases.execute(server.database_url,
                             f"SELECT status, waitlist_position FROM event_rsvps WHERE event_id = '{event['id']}'")
    assert sum(1 for s, _ in rows if s == "going") == 10
    assert sorted(int(p) for s, p in rows if s == "waitlisted") == list(range(1, 90))
