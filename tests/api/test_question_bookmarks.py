"""Question bookmarks: GET/POST /v1/bookmarks, GET/DELETE /v1/bookmarks/:id.

Why: a learner working through a course's Q&A keeps the questions they want
to come back to (the web app's community journey had nowhere to keep them).
A bookmark is the learner's own: nobody else reads or removes it. A question
is bookmarked once per learner (a unique constraint, so a double click cannot
make two), only by someone who may read it, and its bookmarks go with it.
Issue 19 adds it as the small resource that shows what one resource costs:
a migration, its SQL, one unit (model, service, routes), the module, this test.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from catalog_support import make_cast, walk
from client import assert_problem
from engagement_support import ask, make_community

UNKNOWN = "01900000-dead-7000-8000-000000000000"


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def community(server, cast):
    return make_community(server, cast, learners=2)


def bookmark(c, question_id: str):
    return c.post("/v1/bookmarks", json={"question_id": question_id})


def test_bookmarking_succeeds_and_lists_the_question_newest_first(community):
    learner, asker = community.learners
    first = ask(asker, community.course["id"], title="What is a monad?")
    second = ask(asker, community.course["id"], title="Why tabs?")

    made = [bookmark(learner, q["id"]) for q in (first, second)]
    for resp, q in zip(made, (first, second)):
        assert resp.status_code == 201, resp.text
        body = resp.json()
        assert resp.headers["Location"] == f"/v1/bookmarks/{body['id']}"
        assert (body["question_id"], body["course_id"]) == (q["id"], community.course["id"])
        assert body["question_title"] == q["title"]

    mine = {first["id"], second["id"]}
    listed = [b for b in walk(learner, "/v1/bookmarks", limit=1) if b["question_id"] in mine]
    assert [b["question_title"] for b in listed] == ["Why tabs?", "What is a monad?"]
    one = learner.get(f"/v1/bookmarks/{made[0].json()['id']}")
    assert one.status_code == 200 and one.json() == made[0].json()


def test_bookmarking_twice_fails_with_409_and_keeps_one_even_when_raced(server, community):
    learner = community.learners[0]
    q = ask(community.learners[1], community.course["id"], title="Raced question")
    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = sorted(pool.map(lambda _: bookmark(learner, q["id"]).status_code, range(6)))
    assert codes == [201, 409, 409, 409, 409, 409]
    assert_problem(bookmark(learner, q["id"]), 409, "ALREADY_BOOKMARKED")
    assert [b["question_id"] for b in walk(learner, "/v1/bookmarks")].count(q["id"]) == 1


def test_bookmarking_fails_for_outsiders_and_unknown_questions(community):
    q = ask(community.learners[0], community.course["id"])
    assert_problem(bookmark(community.outsider, q["id"]), 403, "NOT_A_COURSE_MEMBER")
    assert_problem(bookmark(community.learners[0], UNKNOWN), 404, "QUESTION_NOT_FOUND")
    assert_problem(community.learners[0].post("/v1/bookmarks", json={"question_id": "nope"}), 400)
    assert_problem(community.learners[0].post("/v1/bookmarks", json={}), 400)


def test_another_users_bookmark_is_not_found_to_read_or_remove(community):
    owner, other = community.learners
    q = ask(owner, community.course["id"])
    made = bookmark(owner, q["id"]).json()

    assert_problem(other.get(f"/v1/bookmarks/{made['id']}"), 404, "BOOKMARK_NOT_FOUND")
    assert_problem(other.delete(f"/v1/bookmarks/{made['id']}"), 404, "BOOKMARK_NOT_FOUND")
    assert made["id"] not in [b["id"] for b in walk(other, "/v1/bookmarks")]
    assert owner.get(f"/v1/bookmarks/{made['id']}").status_code == 200


def test_removing_succeeds_once_and_the_question_can_be_bookmarked_again(community):
    learner = community.learners[0]
    q = ask(learner, community.course["id"])
    made = bookmark(learner, q["id"]).json()

    assert learner.delete(f"/v1/bookmarks/{made['id']}").status_code == 204
    assert_problem(learner.delete(f"/v1/bookmarks/{made['id']}"), 404, "BOOKMARK_NOT_FOUND")
    assert_problem(learner.get(f"/v1/bookmarks/{made['id']}"), 404, "BOOKMARK_NOT_FOUND")
    assert bookmark(learner, q["id"]).status_code == 201


def test_bookmarks_need_a_signed_in_user(server, community):
    anonymous = server.client()
    assert_problem(anonymous.get("/v1/bookmarks"), 401)
    assert_problem(anonymous.post("/v1/bookmarks", json={"question_id": UNKNOWN}), 401)
