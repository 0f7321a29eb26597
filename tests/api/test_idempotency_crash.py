"""A retry cut off by a crash runs right after the restart, once.

Why: issue 18 §3 — after a SIGKILL, a client retrying a cut-off request with
the same Idempotency-Key got 409 IDEMPOTENCY_IN_PROGRESS until the claim's
5-minute stale_after passed. A claim now records its owner, the instance
lease of the process that made it (decision 0025): a claim whose owner is
gone is taken over at once, so a retry within 2 s of the restart runs exactly
once; a claim of a process that still runs stays 409, and two live requests
with one key never both execute — across two servers on one database too.
"""

from __future__ import annotations

import itertools
import random
import secrets
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from client import Client
from catalog_support import make_cast, published_course, register_student, user_id, walk

# One signing key for every restart, so tokens stay valid.
KEYS = ["--jwt-keys", "crash:idempotency-crash-secret-0123456789"]
WORKERS = 8
MAX_ROUNDS = 12  # kills until one caught a claim in progress (each round does, most of the time)
CLAIM_WAIT_S = 3.0  # how long a round watches for a claim in progress before it kills anyway
RETRY_WITHIN_S = 2.0


def enroll(c: Client, course_id: str, key: str) -> requests.Response:
    return c.post("/v1/enrollments", json={"course_id": course_id}, headers={"Idempotency-Key": key})


def enrollments_in(c: Client, course_id: str) -> list[dict]:
    return [e for e in walk(c, "/v1/enrollments") if e["course_id"] == course_id]


def enroll_until_killed(base_url: str, token: str, course_ids: list[str], cut_off: list, stop: threading.Event):
    """Enrolls in one course after another, each with a new key, round and round (already enrolled
    after the first round); records (token, course, key) of the request the kill cut off."""
    c = Client(base_url, timeout=5).set_token(token)
    for course_id in itertools.cycle(course_ids):
        if stop.is_set():
            return
        key = secrets.token_hex(8)
        try:
            enroll(c, course_id, key)
        except requests.RequestException:
            cut_off.append((token, course_id, key))
            return


def in_progress_claims(databases, database: str) -> int:
    return int(databases.execute(database, "SELECT COUNT(*) FROM idempotency_keys WHERE state = 'in_progress'")[0][0])


def kill_with_a_claim_in_flight(srv, databases, database: str) -> None:
    """SIGKILLs the server as soon as a claim is seen in progress (a random kill
    on a loaded machine often lands between requests), or after CLAIM_WAIT_S."""
    time.sleep(random.uniform(0.05, 0.2))
    deadline = time.monotonic() + CLAIM_WAIT_S
    while time.monotonic() < deadline and in_progress_claims(databases, database) == 0:
        pass
    srv.stop(sig=signal.SIGKILL)


def test_retries_right_after_a_kill_run_each_cut_off_request_once(server_factory, cli, databases):
    srv = server_factory(extra_args=KEYS)
    database = srv.database_url
    cast = make_cast(srv, cli)
    courses = [published_course(cast.teacher, cast)["id"] for _ in range(30)]
    caught = 0
    for _ in range(MAX_ROUNDS):
        learners = [register_student(srv).token for _ in range(WORKERS)]
        cut_off: list[tuple[str, str, str]] = []
        stop = threading.Event()
        workers = [threading.Thread(target=enroll_until_killed, args=(srv.base_url, t, courses, cut_off, stop))
                   for t in learners]
        for w in workers:
            w.start()
        kill_with_a_claim_in_flight(srv, databases, database)
        stop.set()
        for w in workers:
            w.join(timeout=30)
        caught += in_progress_claims(databases, database)
        srv = server_factory(extra_args=KEYS, database=database)
        restarted = time.monotonic()
        retried = []
        for token, course_id, key in cut_off:
            c = Client(srv.base_url).set_token(token)
            retried.append((c, course_id, enroll(c, course_id, key)))
        assert time.monotonic() - restarted < RETRY_WITHIN_S, "the retries took too long to prove anything"
        for c, course_id, resp in retried:
            # 201: the cut-off request ran now (or had finished and is replayed). 409
            # ALREADY_ENROLLED: it had committed its enrollment but not its answer when killed.
            assert resp.status_code == 201 or resp.json()["code"] == "ALREADY_ENROLLED", resp.text
            assert len(enrollments_in(c, course_id)) == 1
        if caught:
            break
    assert caught > 0, f"no kill in {MAX_ROUNDS} rounds caught a claim in progress: the test proved nothing"


def test_a_claim_is_kept_while_its_server_runs_and_released_when_it_is_killed(server_factory, cli, databases):
    first = server_factory(extra_args=KEYS)
    database = first.database_url
    second = server_factory(extra_args=KEYS, database=database)
    cast = make_cast(first, cli)
    course = published_course(cast.teacher, cast)["id"]
    # A claim `first` made and completed: it names first's owner and this body's hash.
    done = register_student(first)
    assert enroll(done, course, "done-key").status_code == 201
    done_scope = f"{user_id(done)} POST /v1/enrollments done-key"
    # A claim of `first` still in progress, as a request cut off mid-way leaves it.
    learner = register_student(first)
    key = secrets.token_hex(8)
    databases.execute(database, (
        "INSERT INTO idempotency_keys (scope, user_id, request_hash, state, created_at, expires_at, owner) "
        f"SELECT '{user_id(learner)} POST /v1/enrollments {key}', '{user_id(learner)}', request_hash, "
        f"'in_progress', created_at, expires_at, owner FROM idempotency_keys WHERE scope = '{done_scope}'"))
    on_second = Client(second.base_url).set_token(learner.token)
    for c in (learner, on_second):  # its own server, and another that shares the database
        resp = enroll(c, course, key)
        assert (resp.status_code, resp.json()["code"]) == (409, "IDEMPOTENCY_IN_PROGRESS"), resp.text
    first.stop(sig=signal.SIGKILL)
    killed = time.monotonic()
    time.sleep(0.2)  # a moment for PostgreSQL to see the killed server's sessions close
    resp = enroll(on_second, course, key)
    assert time.monotonic() - killed < RETRY_WITHIN_S
    assert resp.status_code == 201, resp.text
    assert enroll(on_second, course, key).json()["id"] == resp.json()["id"]  # replayed from now on
    assert len(enrollments_in(on_second, course)) == 1


def test_one_key_sent_at_once_to_two_servers_on_one_database_enrolls_once(server_factory, cli):
    first = server_factory(extra_args=KEYS)
    second = server_factory(extra_args=KEYS, database=first.database_url)
    cast = make_cast(first, cli)
    course = published_course(cast.teacher, cast)["id"]
    learner = register_student(first)
    clients = [learner, Client(second.base_url).set_token(learner.token)]
    key = secrets.token_hex(8)
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda i: enroll(clients[i % 2], course, key), range(20)))
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    others = {r.json()["code"] for r in responses if r.status_code != 201}
    assert len(created) == 1 and others <= {"IDEMPOTENCY_IN_PROGRESS"}, (created, others)
    assert len(enrollments_in(learner, course)) == 1
