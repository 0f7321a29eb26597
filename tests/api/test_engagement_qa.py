"""Course Q&A: questions, answers, accepted answers and votes.

Why: issue 9 opens a course's Q&A to its members only (enrolled learners,
TAs, instructors, editors) and lets only the asker or an instructor of the
course accept an answer. Votes are one per user and target, flip when
changed, and the stored vote totals must equal the votes table even under
hundreds of concurrent votes, because lists sort by them and nobody
recounts. Answers and acceptances notify the people they concern.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import assert_problem
from engagement_support import answer, ask, enroll, make_community, notifications
from catalog_support import make_cast, register_student, user_id, walk

UNKNOWN = "01900000-dead-7000-8000-000000000000"


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def community(server, cast):
    return make_community(server, cast, learners=3)


def vote(c, target_type, target_id, value):
    return c.put("/v1/votes", json={"target_type": target_type, "target_id": target_id, "value": value})


def unvote(c, target_type, target_id):
    return c.delete("/v1/votes", json={"target_type": target_type, "target_id": target_id})


# --- questions and answers -----------------------------------------------------------------------
def test_asking_and_answering_succeeds_for_members_and_the_question_shows_its_answers(community):
    asker, helper, _ = community.learners
    course_id = community.course["id"]
    q = ask(asker, course_id, "What is a closure?", "In plain words, please.")
    assert (q["course_id"], q["author_id"], q["title"]) == (course_id, community.uid(asker), "What is a closure?")
    assert (q["vote_total"], q["answer_count"], q["accepted_answer_id"]) == (0, 0, None)
    a = answer(helper, q["id"], "A function with the variables it captured.")
    assert (a["question_id"], a["author_id"], a["accepted"], a["vote_total"]) == (
        q["id"], community.uid(helper), False, 0)
    detail = asker.get(f"/v1/questions/{q['id']}").json()
    assert detail["answer_count"] == 1 and [x["id"] for x in detail["answers"]] == [a["id"]]
    listed = walk(community.teacher, f"/v1/courses/{course_id}/questions")
    assert q["id"] in [x["id"] for x in listed] and "answers" not in listed[0]


def test_questions_are_for_members_only(community, cast):
    course_id = community.course["id"]
    q = ask(community.learners[0], course_id)
    outsider = community.outsider
    assert_problem(outsider.get(f"/v1/courses/{course_id}/questions"), 403, "NOT_A_COURSE_MEMBER")
    assert_problem(outsider.post(f"/v1/courses/{course_id}/questions", json={"title": "Hi", "body": "x"}), 403)
    assert_problem(outsider.get(f"/v1/questions/{q['id']}"), 403)
    assert_problem(outsider.post(f"/v1/questions/{q['id']}/answers", json={"body": "x"}), 403)
    assert_problem(vote(outsider, "question", q["id"], 1), 403)
    assert_problem(cast.anonymous.get(f"/v1/courses/{course_id}/questions"), 401)
    # the instructor and an admin (a course editor) are members without enrolling
    assert community.teacher.get(f"/v1/questions/{q['id']}").status_code == 200
    assert cast.admin.get(f"/v1/courses/{course_id}/questions").status_code == 200


def test_a_ta_enrolled_by_the_instructor_is_a_member(server, community):
    ta = register_student(server)
    resp = community.teacher.post("/v1/enrollments", json={"course_id": community.course["id"],
                                                          "user_id": user_id(ta), "member_role": "ta"})
    assert resp.status_code == 201, resp.text
    ask(ta, community.course["id"], "Office hours?")


def test_a_cancelled_enrollment_ends_membership(server, community):
    leaver = register_student(server)
    e = enroll(leaver, community.course["id"])
    ask(leaver, community.course["id"])
    assert leaver.post(f"/v1/enrollments/{e['id']}/cancel").status_code == 200
    assert_problem(leaver.get(f"/v1/courses/{community.course['id']}/questions"), 403)


def test_unknown_courses_questions_and_answers_answer_404(community, cast):
    member = community.learners[0]
    assert_problem(member.get(f"/v1/courses/{UNKNOWN}/questions"), 404, "COURSE_NOT_FOUND")
    assert_problem(member.get(f"/v1/questions/{UNKNOWN}"), 404, "QUESTION_NOT_FOUND")
    assert_problem(member.get("/v1/questions/not-a-uuid"), 404)
    assert_problem(member.post(f"/v1/questions/{UNKNOWN}/answers", json={"body": "x"}), 404)
    assert_problem(member.post(f"/v1/answers/{UNKNOWN}/accept"), 404, "ANSWER_NOT_FOUND")
    assert_problem(vote(member, "answer", UNKNOWN, 1), 404, "ANSWER_NOT_FOUND")


@pytest.mark.parametrize("body", [
    {}, {"title": "", "body": "x"}, {"title": "x" * 201, "body": "x"}, {"title": "t", "body": ""},
    {"title": "t", "body": "b", "vote_total": 5}, {"title": 3, "body": "b"},
])
def test_asking_fails_with_400_for_malformed_bodies(community, body):
    assert_problem(community.learners[0].post(f"/v1/courses/{community.course['id']}/questions", json=body), 400)


# --- accepting ---------------------------------------------------------------------------------
def test_accepting_succeeds_for_the_asker_and_an_instructor_only(community):
    asker, helper, other = community.learners
    q = ask(asker, community.course["id"])
    first, second = answer(helper, q["id"], "First"), answer(other, q["id"], "Second")
    assert_problem(helper.post(f"/v1/answers/{first['id']}/accept"), 403)
    assert_problem(community.outsider.post(f"/v1/answers/{first['id']}/accept"), 403)
    resp = asker.post(f"/v1/answers/{second['id']}/accept")
    assert resp.status_code == 200, resp.text
    got = resp.json()
    assert got["accepted_answer_id"] == second["id"]
    assert [(a["id"], a["accepted"]) for a in got["answers"]] == [(second["id"], True), (first["id"], False)]
    # an instructor of the course may change it
    resp = community.teacher.post(f"/v1/answers/{first['id']}/accept")
    assert resp.status_code == 200 and resp.json()["accepted_answer_id"] == first["id"]
    assert asker.get(f"/v1/questions/{q['id']}").json()["answers"][0]["id"] == first["id"]


def test_answers_and_acceptance_notify_the_people_they_concern(community):
    asker, helper, _ = community.learners
    q = ask(asker, community.course["id"], "Notify me")
    a = answer(helper, q["id"])
    got = [n for n in notifications(asker) if n["kind"] == "answer.created" and n["payload"]["question_id"] == q["id"]]
    assert len(got) == 1 and got[0]["read_at"] is None
    assert got[0]["payload"]["answer_id"] == a["id"] and got[0]["payload"]["course_id"] == community.course["id"]
    answer(asker, q["id"], "Answering myself notifies nobody")
    assert len([n for n in notifications(asker) if n["payload"].get("question_id") == q["id"]]) == 1
    assert asker.post(f"/v1/answers/{a['id']}/accept").status_code == 200

    def accepted():
        return [n["payload"]["answer_id"] for n in notifications(helper)
                if n["kind"] == "answer.accepted" and n["payload"]["question_id"] == q["id"]]

    assert accepted() == [a["id"]]
    # accepting the same answer again changes nothing and notifies nobody
    assert asker.post(f"/v1/answers/{a['id']}/accept").status_code == 200
    assert accepted() == [a["id"]]


# --- votes -------------------------------------------------------------------------------------
def test_one_vote_per_user_and_target_flips_and_withdraws(community):
    asker, voter, _ = community.learners
    q = ask(asker, community.course["id"])
    a = answer(asker, q["id"])
    resp = vote(voter, "answer", a["id"], 1)
    assert resp.status_code == 200, resp.text
    assert resp.json() == {"target_type": "answer", "target_id": a["id"], "value": 1, "vote_total": 1}
    assert vote(voter, "answer", a["id"], 1).json()["vote_total"] == 1  # PUT twice is one vote
    assert vote(voter, "answer", a["id"], -1).json()["vote_total"] == -1  # flipped
    assert vote(asker, "answer", a["id"], -1).json()["vote_total"] == -2
    assert vote(voter, "question", q["id"], 1).json()["vote_total"] == 1
    detail = asker.get(f"/v1/questions/{q['id']}").json()
    assert detail["vote_total"] == 1 and detail["answers"][0]["vote_total"] == -2
    assert unvote(voter, "answer", a["id"]).json() == {"target_type": "answer", "target_id": a["id"], "value": 0,
                                                       "vote_total": -1}
    assert unvote(voter, "answer", a["id"]).json()["vote_total"] == -1  # nothing left to withdraw


@pytest.mark.parametrize("body", [
    {"target_type": "answer", "target_id": UNKNOWN, "value": 0},
    {"target_type": "answer", "target_id": UNKNOWN, "value": 2},
    {"target_type": "answer", "target_id": UNKNOWN},
    {"target_type": "comment", "target_id": UNKNOWN, "value": 1},
    {"target_type": "answer", "target_id": "nope", "value": 1},
    {"target_type": "answer", "target_id": UNKNOWN, "value": "1"},
])
def test_voting_fails_with_400_for_malformed_bodies(community, body):
    assert_problem(community.learners[0].put("/v1/votes", json=body), 400)


def test_vote_totals_equal_the_votes_table_after_500_concurrent_votes_from_100_users(
        server, cast, databases):
    crowd = make_community(server, cast, learners=100)
    q = ask(crowd.learners[0], crowd.course["id"], "Vote on my answer")
    a = answer(crowd.learners[1], q["id"])
    rng = random.Random(9)
    calls = []
    for voter in crowd.learners:
        calls += [(voter, rng.choice((1, -1, None))) for _ in range(5)]
    rng.shuffle(calls)

    def cast_vote(call):
        voter, value = call
        resp = unvote(voter, "answer", a["id"]) if value is None else vote(voter, "answer", a["id"], value)
        return resp.status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(cast_vote, calls))
    assert statuses == [200] * 500
    rows = databases.execute(server.database_url,
                             f"SELECT COALESCE(SUM(value), 0), COUNT(*), COUNT(DISTINCT user_id) FROM votes "
                             f"WHERE answer_id = '{a['id']}'")
    total, count, voters = (int(v) for v in rows[0])
    assert count == voters <= 100
    stored = crowd.learners[0].get(f"/v1/questions/{q['id']}").json()["answers"][0]["vote_total"]
    assert stored == total
