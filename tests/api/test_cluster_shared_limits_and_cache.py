"""Rate limits and the shared listing cache across instances on one PostgreSQL database.

Covers: failed sign-ins at one account spread round-robin over three
instances meet one budget (the counters live in the database, one upsert per
check), so the 11th of them is refused with 429 whichever instance answers;
and a course published through one instance is listed by another within
100 ms although that instance's cache would keep the old listing for a
minute (a NOTIFY after the write's commit; a LISTEN thread on every instance
drops its entries).

Why: issue 21 §3 (state that must be shared is shared) and decision 0029;
with per-process counters three instances would allow 30 guesses a minute,
and with per-process invalidation a listing could stay stale for the TTL.
"""

from __future__ import annotations

import time

from catalog_support import make_cast, published_course
from client import assert_problem
from cluster_shared_support import ON_POSTGRESQL_ONLY, instances
from identity_support import client_from, register, unique_email

pytestmark = ON_POSTGRESQL_ONLY


def test_the_eleventh_failed_sign_in_at_one_account_over_three_instances_gets_429(server_factory, databases):
    servers = instances(server_factory, databases, 3, ["--auth-rate-limit", "10"])
    victim = unique_email("victim")
    register(client_from(servers[0], "127.0.31.1"), victim)
    # Each attempt from another address: only the account's budget is shared by them all.
    for attempt in range(10):
        srv = servers[attempt % 3]
        resp = client_from(srv, f"127.0.31.{attempt + 2}").post(
            "/v1/auth/login", json={"email": victim, "password": f"guess {attempt}"})
        assert resp.status_code == 401, (attempt, srv.base_url, resp.text)
        assert f'"failed-account";r={10 - attempt - 1};' in resp.headers["RateLimit"], resp.headers
    for srv in servers:
        resp = client_from(srv, "127.0.31.40").post("/v1/auth/login",
                                                      json={"email": victim, "password": "guess 11"})
        assert_problem(resp, 429, "RATE_LIMITED")
        assert '"failed-account";r=0;' in resp.headers["RateLimit"], resp.headers


def test_a_course_published_through_one_instance_is_listed_by_another_within_100_ms(
        server_factory, databases, cli):
    writer, reader_server = instances(server_factory, databases, 2, ["--shared-cache-ms", "60000"])
    cast = make_cast(writer, cli)
    reader = reader_server.client()

    def listed() -> set[str]:
        resp = reader.get("/v1/courses")
        assert resp.status_code == 200, resp.text
        return {c["id"] for c in resp.json()["items"]}

    before = listed()
    assert listed() == before  # now kept by the reader's cache for a minute
    course = published_course(cast.teacher, cast)
    published = time.monotonic()
    while True:  # at least one read, however long the publish's answer took to reach us
        seen = course["id"] in listed()
        if seen or time.monotonic() - published >= 0.1:
            break
    assert seen, "the reader still listed the catalog of before the publish 100 ms after it"
