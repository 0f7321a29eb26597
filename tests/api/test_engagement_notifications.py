"""Notifications: my list, marking read, and the Server-Sent Events stream.

Why: issue 9 tells people about answers, accepted answers and waitlist
promotions (and, from assessment, appeal outcomes and grade overrides). The
list shows mine only, unread first. The stream must deliver a new
notification within a second, resume after Last-Event-ID without losing or
repeating events, keep quiet connections alive with heartbeats, let the
server shut down promptly while streams are open, and — on PostgreSQL —
deliver a notification created through one server process to a stream open
on another process of the same database.
"""

from __future__ import annotations

import json
import time

import pytest

from client import assert_problem
from conftest import BACKEND
from engagement_support import EventStream, answer, ask, make_community, notifications
from catalog_support import login, make_cast, register_student, walk

UNKNOWN = "01900000-dead-7000-8000-000000000000"


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def community(server, cast):
    return make_community(server, cast, learners=2)


def answered(community, asker=None) -> tuple[dict, dict]:
    """A question of `asker` (the first learner) answered by the second learner."""
    asker = asker or community.learners[0]
    q = ask(asker, community.course["id"])
    return q, answer(community.learners[1], q["id"])


# --- the list ----------------------------------------------------------------------------------
def test_notifications_list_mine_unread_first_newest_first_and_mark_read(server, cast):
    community = make_community(server, cast, learners=2)
    asker = community.learners[0]
    made = [answered(community)[1]["id"] for _ in range(4)]
    items = notifications(asker)
    assert [n["payload"]["answer_id"] for n in items] == made[::-1]
    assert all(n["read_at"] is None and n["kind"] == "answer.created" for n in items)
    oldest = items[-1]
    resp = asker.post(f"/v1/notifications/{oldest['id']}/read")
    assert resp.status_code == 200 and resp.json()["read_at"]
    again = asker.post(f"/v1/notifications/{oldest['id']}/read").json()
    assert again["read_at"] == resp.json()["read_at"]  # marking twice keeps the first time
    paged = walk(asker, "/v1/notifications", limit=1)
    assert [n["id"] for n in paged] == [n["id"] for n in items[:-1]] + [oldest["id"]]
    assert notifications(community.learners[1]) == []
    assert_problem(community.learners[1].post(f"/v1/notifications/{oldest['id']}/read"), 404,
                   "NOTIFICATION_NOT_FOUND")
    assert_problem(asker.post(f"/v1/notifications/{UNKNOWN}/read"), 404)
    assert_problem(cast.anonymous.get("/v1/notifications"), 401)


# --- the stream --------------------------------------------------------------------------------
def test_a_new_notification_reaches_an_open_stream_within_a_second(server, community):
    asker = community.learners[0]
    stream = EventStream(server, asker.token)
    try:
        assert stream.status == 200 and stream.headers["content-type"] == "text/event-stream"
        assert stream.no_event(0.3)  # older notifications are not replayed without Last-Event-ID
        started = time.monotonic()
        q, a = answered(community)
        event = stream.next_event(timeout=1.0 + (time.monotonic() - started))
        assert event["event"] == "answer.created"
        data = json.loads(event["data"])
        assert data["id"] == event["id"] and data["payload"]["answer_id"] == a["id"]
        assert event["id"] == notifications(asker)[0]["id"]
    finally:
        stream.close()


def test_a_stream_resumes_after_last_event_id_without_gaps_or_repeats(server, community):
    asker = community.learners[0]
    first = EventStream(server, asker.token)
    try:
        answered(community)
        seen = first.next_event(timeout=2)
    finally:
        first.close()
    missed = [answered(community)[1]["id"] for _ in range(3)]  # while disconnected
    for resume in ({"last_event_id": seen["id"]}, {"query": f"?last_event_id={seen['id']}"}):
        stream = EventStream(server, asker.token, **resume)
        try:
            got = [json.loads(stream.next_event(timeout=2)["data"])["payload"]["answer_id"]
                   for _ in missed]
            assert got == missed
            assert stream.no_event(0.5)
        finally:
            stream.close()


def test_a_stream_only_carries_my_notifications(server, community):
    other = community.learners[1]
    stream = EventStream(server, other.token)
    try:
        answered(community)  # notifies learner 0 only
        assert stream.no_event(1.0)
    finally:
        stream.close()


def test_a_stream_fails_with_401_without_a_token_and_400_for_a_bad_last_event_id(server, community):
    anonymous = EventStream(server, None)
    assert anonymous.status == 401 and b"AUTHENTICATION_REQUIRED" in anonymous.body
    anonymous.close()
    bad = EventStream(server, community.learners[0].token, last_event_id="not-an-id")
    assert bad.status == 400 and b"INVALID_LAST_EVENT_ID" in bad.body
    bad.close()


def test_heartbeats_keep_a_quiet_stream_alive(server_factory, cli):
    srv = server_factory(extra_args=["--sse-heartbeat-ms", "300"])
    student = register_student(srv)
    stream = EventStream(srv, student.token)
    try:
        beats = [stream.comments.get(timeout=2) for _ in range(4)]
        assert "heartbeat" in beats
    finally:
        stream.close()


def test_the_server_stops_promptly_with_open_streams(server_factory):
    srv = server_factory()
    students = [register_student(srv) for _ in range(2)]
    streams = [EventStream(srv, s.token) for s in students]
    started = time.monotonic()
    assert srv.stop() == 0
    assert time.monotonic() - started < 10
    for s in streams:
        assert s.ended.wait(2), "the stream did not end when the server stopped"
        s.close()


@pytest.mark.skipif(BACKEND != "postgresql", reason="several processes share one database on PostgreSQL")
def test_a_notification_made_through_one_process_reaches_a_stream_on_another(server_factory, cli):
    first = server_factory()
    second = server_factory(database=first.database_url)
    cast = make_cast(first, cli)
    community = make_community(first, cast, learners=2)
    asker = community.learners[0]
    email = asker.get("/v1/users/me").json()["email"]
    on_second = login(second, email)  # a token of the second process
    stream = EventStream(second, on_second.token)
    try:
        time.sleep(0.3)  # the second process's listener is connected
        started = time.monotonic()
        q, a = answered(community)
        event = stream.next_event(timeout=1.0 + (time.monotonic() - started))
        assert json.loads(event["data"])["payload"]["answer_id"] == a["id"]
    finally:
        stream.close()


# --- demo data and the audit -------------------------------------------------------------------
def test_seed_demo_loads_a_community_twice_without_change_and_check_passes(databases, cli):
    url = databases.create()
    for _ in range(2):
        done = cli("seed", "--demo", database=url, timeout=180)
        assert done.returncode == 0, done.stderr
    counts = databases.execute(url, "SELECT (SELECT count(*) FROM questions), (SELECT count(*) FROM answers), "
                                    "(SELECT count(*) FROM votes), (SELECT count(*) FROM thread_posts), "
                                    "(SELECT count(*) FROM event_rsvps WHERE status = 'waitlisted'), "
                                    "(SELECT count(*) FROM questions WHERE accepted_answer_id IS NOT NULL)")
    assert tuple(int(v) for v in counts[0]) == (2, 2, 4, 2, 1, 1)
    audit = cli("check", database=url, timeout=120)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "vote_total" in audit.stdout and "waitlist positions" in audit.stdout


def test_check_reports_a_vote_total_that_disagrees_with_the_votes(server, community, databases, cli):
    q, _ = answered(community)
    databases.execute(server.database_url, f"UPDATE questions SET vote_total = 7 WHERE id = '{q['id']}'")
    try:
        audit = cli("check", database=server.database_url, timeout=120)
        assert audit.returncode == 1 and "FAILED  questions.vote_total" in audit.stdout, audit.stdout
    finally:
        databases.execute(server.database_url, f"UPDATE questions SET vote_total = 0 WHERE id = '{q['id']}'")
