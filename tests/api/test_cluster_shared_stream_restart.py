"""A notification stream across a rolling restart: every notification once, in order.

Covers: two instances on one PostgreSQL database. A learner holds
GET /v1/notifications/stream open on instance A while answers to their
question are posted through instance B, one after another, before and while
A is sent SIGTERM. A ends the stream with a `retry:` hint and the last
chunk; the client reconnects, as an EventSource does, to B with
`Last-Event-ID` set to the last id it received. Across the two streams it
receives every notification exactly once and in the order they were made
(the order of their ids, which is the order of the list), and A exits 0.

Why: issue 21 (rolling restarts behind a load balancer fail nothing) and
decision 0029 (a stream resumes after Last-Event-ID from the database's
`notifications` rows, on any instance); api.md's stream contract: resume
without gaps or repeats.
"""

from __future__ import annotations

import json
import threading
import time

from cluster_shared_support import ON_POSTGRESQL_ONLY, instances
from engagement_support import EventStream, answer, ask, make_community
from catalog_support import make_cast, walk

pytestmark = ON_POSTGRESQL_ONLY

GRACE_S = 4
BEFORE = 4  # answers posted and streamed before the restart
DURING = 20  # answers posted while A restarts
SIGTERM_AFTER = 3  # of those, how many A streams before it is sent SIGTERM


class ResumableStream(EventStream):
    """An EventStream that also keeps the `retry:` hints the server sent."""

    def __init__(self, *args, **kwargs):
        self.retries: list[str] = []
        super().__init__(*args, **kwargs)

    def _dispatch(self, block: str) -> None:
        self.retries += [line[len("retry:"):].strip() for line in block.split("\n") if line.startswith("retry:")]
        super()._dispatch(block)

    def drain(self, until_ended: float) -> list[dict]:
        """Every event until the server ends the stream (within `until_ended` seconds)."""
        assert self.ended.wait(until_ended), "the stream did not end"
        got = []
        while not self.events.empty():
            got.append(self.events.get())
        return got


def answer_ids(events: list[dict]) -> list[str]:
    return [json.loads(e["data"])["payload"]["answer_id"] for e in events]


def test_a_stream_ended_by_a_rolling_restart_resumes_on_another_instance_with_every_notification_once_in_order(
        server_factory, databases, cli):
    a, b = instances(server_factory, databases, 2, ["--shutdown-grace", str(GRACE_S)])
    cast = make_cast(b, cli)
    community = make_community(b, cast, learners=2)
    asker, answerer = community.learners  # clients of B
    question = ask(asker, community.course["id"])
    made: list[str] = []

    first = ResumableStream(a, asker.token)
    assert first.status == 200
    for _ in range(BEFORE):
        made.append(answer(answerer, question["id"])["id"])
    received = [first.next_event(timeout=3) for _ in range(BEFORE)]

    def post_during():
        for _ in range(DURING):
            made.append(answer(answerer, question["id"])["id"])
            time.sleep(0.05)
    poster = threading.Thread(target=post_during)
    poster.start()
    try:
        received += [first.next_event(timeout=3) for _ in range(SIGTERM_AFTER)]
        a.proc.terminate()
        received += first.drain(GRACE_S + 2)
        assert first.retries[-1] == "1000", first.retries  # the hint to reconnect soon, sent last
        first.close()
        on_a = len(received)
        second = ResumableStream(b, asker.token, last_event_id=received[-1]["id"])
        assert second.status == 200
        poster.join(30)
        assert not poster.is_alive()
        try:
            while len(received) < BEFORE + DURING:
                received.append(second.next_event(timeout=3))
            assert second.no_event(0.5)
        finally:
            second.close()
    finally:
        poster.join(30)

    assert BEFORE + SIGTERM_AFTER <= on_a < BEFORE + DURING  # both streams carried some
    assert answer_ids(received) == made
    ids = [e["id"] for e in received]
    assert len(set(ids)) == len(ids)
    listed = [n["id"] for n in walk(asker, "/v1/notifications", limit=100)]
    assert ids == sorted(listed)
    assert a.proc.wait(GRACE_S + 5) == 0

