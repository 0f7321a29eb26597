"""Sessions, refresh-token families, idempotency keys and notification streams across instances.

Covers, with two instances on one PostgreSQL database and one signing key:
a token issued by one instance is good on the other; a refresh through the
other rotates the family, and reusing the rotated token through the first
revokes the whole family on both; a logout through one ends the session on
the other at once; an Idempotency-Key's answer is replayed by the other
instance (and another body under the key is 422 there too); and a client
whose notification stream was on one instance reconnects to the other with
Last-Event-ID and gets exactly the notifications it missed, in order.

Why: issue 21 §3 (idempotency keys, sessions and refresh-token families
behave the same whichever instance answers; a stream reconnecting to another
instance misses nothing and gets nothing twice) and decision 0029: all of
this state is in the database, and notification ids are database-wide
UUIDv7s, never per-process counters.
"""

from __future__ import annotations

import json

from catalog_support import make_cast, published_course, register_student, unique
from client import assert_problem
from cluster_shared_support import ON_POSTGRESQL_ONLY, instances
from engagement_support import EventStream, answer, ask, enroll
from identity_support import login, register, unique_email

pytestmark = ON_POSTGRESQL_ONLY


def refresh(srv, token: str):
    return srv.client().post("/v1/auth/refresh", json={"refresh_token": token})


def me_status(srv, access_token: str) -> int:
    return srv.client().set_token(access_token).get("/v1/users/me").status_code


def test_refresh_token_families_rotate_and_are_revoked_whichever_instance_answers(server_factory, databases):
    a, b = instances(server_factory, databases, 2)
    email = unique_email()
    register(a.client(), email)
    first = login(a.client(), email)
    assert me_status(b, first["access_token"]) == 200
    rotated = refresh(b, first["refresh_token"])
    assert rotated.status_code == 200, rotated.text
    assert me_status(a, rotated.json()["access_token"]) == 200
    assert_problem(refresh(a, first["refresh_token"]), 401, "REFRESH_TOKEN_REUSED")
    # The whole family is dead on both instances.
    assert_problem(refresh(b, rotated.json()["refresh_token"]), 401)
    for srv in (a, b):
        assert_problem(srv.client().set_token(rotated.json()["access_token"]).get("/v1/users/me"), 401,
                       "SESSION_REVOKED")


def test_a_logout_through_one_instance_ends_the_session_on_the_other(server_factory, databases):
    a, b = instances(server_factory, databases, 2)
    email = unique_email()
    register(a.client(), email)
    tokens = login(a.client(), email)
    other = login(b.client(), email)
    resp = b.client().set_token(tokens["access_token"]).post("/v1/auth/logout",
                                                            json={"refresh_token": tokens["refresh_token"]})
    assert resp.status_code == 204, resp.text
    assert_problem(a.client().set_token(tokens["access_token"]).get("/v1/users/me"), 401, "SESSION_REVOKED")
    assert_problem(refresh(a, tokens["refresh_token"]), 401)
    assert me_status(a, other["access_token"]) == 200  # only that session ended


def test_an_idempotency_key_is_replayed_by_the_other_instance(server_factory, databases, cli):
    a, b = instances(server_factory, databases, 2)
    cast = make_cast(a, cli)
    course, other_course = published_course(cast.teacher, cast), published_course(cast.teacher, cast)
    learner = register_student(a)
    on_b = b.client().set_token(learner.token)
    key = unique("enroll")
    created = learner.post("/v1/enrollments", json={"course_id": course["id"]}, headers={"Idempotency-Key": key})
    assert created.status_code == 201, created.text
    replay = on_b.post("/v1/enrollments", json={"course_id": course["id"]}, headers={"Idempotency-Key": key})
    assert replay.status_code == 201 and replay.json()["id"] == created.json()["id"], replay.text
    assert_problem(on_b.post("/v1/enrollments", json={"course_id": other_course["id"]},
                             headers={"Idempotency-Key": key}), 422)
    assert len(on_b.get("/v1/enrollments").json()["items"]) == 1


def test_a_stream_resumed_on_the_other_instance_misses_nothing_and_repeats_nothing(
        server_factory, databases, cli):
    a, b = instances(server_factory, databases, 2)
    cast = make_cast(a, cli)
    course = published_course(cast.teacher, cast)
    asker = register_student(a)
    enroll(asker, course["id"])
    question = ask(asker, course["id"])
    first = EventStream(a, asker.token)
    try:
        answer(cast.teacher, question["id"])
        seen = first.next_event(timeout=2)
    finally:
        first.close()
    missed = [answer(cast.teacher, question["id"])["id"] for _ in range(3)]  # while disconnected
    resumed = EventStream(b, asker.token, last_event_id=seen["id"])
    try:
        got = [json.loads(resumed.next_event(timeout=2)["data"])["payload"]["answer_id"] for _ in missed]
        assert got == missed
        assert resumed.no_event(0.5)
        # And what is written through the first instance now reaches the stream on the second.
        live = answer(cast.teacher, question["id"])["id"]
        assert json.loads(resumed.next_event(timeout=2)["data"])["payload"]["answer_id"] == live
        assert resumed.no_event(0.5)
    finally:
        resumed.close()
