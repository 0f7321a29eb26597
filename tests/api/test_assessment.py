"""Exercises, submissions and auto-grading.

Why: issue 9 makes assessment the place where a learner's work turns into a
grade, so its rules are pinned here as a learner and an instructor meet them.
Instructors of a course author exercises with five question types; learners
see published exercises only and never an answer key (not in exercise
reads, not in their submissions before the due date; after it, the correct
answers of their own submissions). Only enrolled members submit; objective
questions are scored at once (numeric within tolerance, short text compared
without case, surrounding space or Unicode normalisation differences) while
free text waits for a grader; the attempts limit holds exactly, even for 50
concurrent submits; the due date closes an exercise.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest

from assessment_support import (ALL_RIGHT, ALL_WRONG, QUIZ, answers, assert_no_answer_keys, course_with_learners,
                                create_exercise, enrolled_learner, own_grade, submit, submitted)
from client import assert_problem
from catalog_support import make_cast, register_student, user_id, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def exercise_path(x: dict) -> str:
    return f"/v1/courses/{x['course_id']}/exercises/{x['id']}"


def in_past() -> str:
    return (datetime.now(timezone.utc) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- authoring --------------------------------------------------------------------------------
def test_an_instructor_creates_an_exercise_and_sees_its_answer_keys(server, cast):
    course, _ = course_with_learners(server, cast, 0)
    resp = cast.teacher.post(f"/v1/courses/{course['id']}/exercises",
                             json={"title": "Week 1", "questions": QUIZ, "attempts_allowed": 3, "weight": 2})
    assert resp.status_code == 201, resp.text
    x = resp.json()
    assert resp.headers["Location"] == exercise_path(x)
    assert (x["title"], x["attempts_allowed"], x["weight"], x["published"], x["max_score"]) == ("Week 1", 3, 2, False, 5)
    assert [q["type"] for q in x["questions"]] == [q["type"] for q in QUIZ]
    assert [q["position"] for q in x["questions"]] == [1, 2, 3, 4]
    keys = [q["answer_key"] for q in x["questions"]]
    assert keys[0]["correct_options"] == [1] and keys[1]["correct_options"] == [0, 2]
    assert (keys[2]["numeric_answer"], keys[2]["tolerance"]) == (3.14, 0.01)
    assert keys[3]["accepted_answers"] == ["Café"]
    assert cast.teacher.get(exercise_path(x)).json() == x


def test_learners_see_published_exercises_only_and_never_an_answer_key(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    published = create_exercise(cast.teacher, course["id"])
    draft = create_exercise(cast.teacher, course["id"], published=False)
    listed = walk(learner, f"/v1/courses/{course['id']}/exercises")
    assert [x["id"] for x in listed] == [published["id"]]
    assert_no_answer_keys(listed)
    one = learner.get(exercise_path(published))
    assert one.status_code == 200, one.text
    assert_no_answer_keys(one.json())
    assert [q["prompt"] for q in one.json()["questions"]] == [q["prompt"] for q in QUIZ]
    assert_problem(learner.get(exercise_path(draft)), 404, "EXERCISE_NOT_FOUND")
    # publishing the draft shows it
    resp = cast.teacher.patch(exercise_path(draft), json={"published": True})
    assert resp.status_code == 200 and resp.json()["published"] is True
    assert len(walk(learner, f"/v1/courses/{course['id']}/exercises")) == 2
    assert [x["id"] for x in walk(cast.teacher, f"/v1/courses/{course['id']}/exercises", limit=1)] == [
        published["id"], draft["id"]]


def test_authoring_fails_for_anyone_but_the_course_instructors(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    body = {"title": "Quiz", "questions": QUIZ}
    assert_problem(learner.post(f"/v1/courses/{course['id']}/exercises", json=body), 403)
    assert_problem(cast.other_teacher.post(f"/v1/courses/{course['id']}/exercises", json=body), 403)
    assert_problem(cast.anonymous.post(f"/v1/courses/{course['id']}/exercises", json=body), 401)
    x = create_exercise(cast.teacher, course["id"])
    assert_problem(learner.patch(exercise_path(x), json={"title": "Mine now"}), 403)


def test_reading_exercises_fails_for_non_members(server, cast):
    course, _ = course_with_learners(server, cast, 0)
    x = create_exercise(cast.teacher, course["id"])
    outsider = register_student(server)
    assert_problem(outsider.get(f"/v1/courses/{course['id']}/exercises"), 403, "NOT_ENROLLED")
    assert_problem(outsider.get(exercise_path(x)), 403, "NOT_ENROLLED")
    assert_problem(cast.anonymous.get(f"/v1/courses/{course['id']}/exercises"), 401)
    assert_problem(outsider.get("/v1/courses/00000000-0000-7000-8000-000000000000/exercises"), 404)


@pytest.mark.parametrize("questions,field", [
    ([], "questions"),
    ([{"type": "single_choice", "prompt": "?", "options": ["a", "b"], "correct_options": [0, 1]}],
     "questions[0].correct_options"),
    ([{"type": "single_choice", "prompt": "?", "options": ["a", "b"], "correct_options": [2]}],
     "questions[0].correct_options"),
    ([{"type": "multiple_choice", "prompt": "?", "options": ["a"], "correct_options": [0]}], "questions[0].options"),
    ([{"type": "numeric", "prompt": "?"}], "questions[0].numeric_answer"),
    ([{"type": "numeric", "prompt": "?", "numeric_answer": "three"}], "questions[0].numeric_answer"),
    ([{"type": "numeric", "prompt": "?", "numeric_answer": "3", "tolerance": "-1"}], "questions[0].tolerance"),
    ([{"type": "short_text", "prompt": "?", "accepted_answers": ["  "]}], "questions[0].accepted_answers"),
    ([{"type": "free_text", "prompt": "?", "options": ["a", "b"]}], "questions[0].options"),
    ([{"type": "free_text", "prompt": "?", "points": 0}], "questions"),
    ([{"type": "essay", "prompt": "?"}], "questions[0].type"),
    ([{"type": "free_text", "prompt": "?", "answer": "x"}], "questions[0].answer"),
])
def test_authoring_fails_with_400_for_questions_whose_key_does_not_fit(server, cast, questions, field):
    course, _ = course_with_learners(server, cast, 0)
    body = assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/exercises",
                                            json={"title": "Bad", "questions": questions}), 400)
    assert field in [d["field"] for d in body.get("details", [])], body
    assert walk(cast.teacher, f"/v1/courses/{course['id']}/exercises") == []


def test_authoring_fails_with_400_for_a_section_of_another_course(server, cast):
    course, _ = course_with_learners(server, cast, 0)
    other, _ = course_with_learners(server, cast, 0)
    section = walk(cast.teacher, f"/v1/courses/{other['id']}/sections")[0]
    body = assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/exercises",
                                            json={"title": "X", "questions": QUIZ, "section_id": section["id"]}), 400)
    assert [d["field"] for d in body["details"]] == ["section_id"]


# --- submitting and auto-grading ----------------------------------------------------------------
def test_submit_scores_every_objective_type_at_once(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=2)
    resp = submit(learner, x, *ALL_RIGHT)
    assert resp.status_code == 201, resp.text
    s = resp.json()
    assert resp.headers["Location"] == f"/v1/submissions/{s['id']}"
    assert (s["attempt"], s["status"], s["score"], s["auto_score"], s["max_score"]) == (1, "graded", 5, 5, 5)
    assert [a["points"] for a in s["answers"]] == [1, 2, 1, 1]
    assert s["user_id"] == user_id(learner) and s["graded_at"]
    assert_no_answer_keys(s)
    wrong = submitted(learner, x, *ALL_WRONG)
    assert (wrong["attempt"], wrong["score"], [a["points"] for a in wrong["answers"]]) == (2, 0, [0, 0, 0, 0])
    assert_no_answer_keys(wrong)


@pytest.mark.parametrize("response,points", [
    ({"number": "3.15"}, 1), ({"number": "3.13"}, 1), ({"number": "3.1501"}, 0), ({"number": "-3.14"}, 0),
])
def test_numeric_answers_count_within_the_tolerance(server, cast, response, points):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], questions=[QUIZ[2]])
    assert submitted(learner, x, response)["score"] == points


@pytest.mark.parametrize("text,points", [
    ("Café", 1), ("  CAFÉ\t", 1), ("cafe\u0301", 1), ("CAFE\u0301 ", 1), ("cafe", 0), ("Ca fé", 0), ("", 0),
])
def test_short_text_ignores_case_surrounding_space_and_normalisation_form(server, cast, text, points):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], questions=[QUIZ[3]])
    assert submitted(learner, x, {"text": text})["score"] == points


def test_unanswered_questions_earn_nothing(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"])
    s = submitted(learner, x, ALL_RIGHT[0], None, None, ALL_RIGHT[3])
    assert s["score"] == 2 and [a["points"] for a in s["answers"]] == [1, 0, 0, 1]
    assert [a["question_id"] for a in s["answers"]] == [q["id"] for q in x["questions"]]


def test_submit_fails_for_anyone_not_enrolled(server, cast):
    course, _ = course_with_learners(server, cast, 0)
    x = create_exercise(cast.teacher, course["id"])
    assert_problem(submit(register_student(server), x, *ALL_RIGHT), 403, "NOT_ENROLLED")
    assert_problem(submit(cast.teacher, x, *ALL_RIGHT), 403, "NOT_ENROLLED")
    assert_problem(submit(cast.anonymous, x, *ALL_RIGHT), 401)
    # a cancelled enrollment no longer submits
    learner = enrolled_learner(server, course["id"])
    mine = walk(learner, "/v1/enrollments")[0]
    assert learner.post(f"/v1/enrollments/{mine['id']}/cancel").status_code == 200
    assert_problem(submit(learner, x, *ALL_RIGHT), 403, "NOT_ENROLLED")


def test_submit_fails_with_404_for_drafts_and_unknown_exercises(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    draft = create_exercise(cast.teacher, course["id"], published=False)
    assert_problem(submit(learner, draft, *ALL_RIGHT), 404, "EXERCISE_NOT_FOUND")
    ghost = dict(draft, id="00000000-0000-7000-8000-000000000000")
    assert_problem(submit(learner, ghost, *ALL_RIGHT), 404, "EXERCISE_NOT_FOUND")


def test_submit_fails_with_400_for_answers_that_do_not_fit(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"])
    path = exercise_path(x) + "/submit"
    q = [question["id"] for question in x["questions"]]
    bad = [
        {"answers": [{"question_id": "00000000-0000-7000-8000-000000000000", "text": "?"}]},
        {"answers": [{"question_id": q[0], "selected": [1]}, {"question_id": q[0], "selected": [0]}]},
        {"answers": [{"question_id": q[0], "selected": [0, 1]}]},
        {"answers": [{"question_id": q[0], "selected": [7]}]},
        {"answers": [{"question_id": q[0], "text": "Mercury"}]},
        {"answers": [{"question_id": q[2], "number": "pi"}]},
        {"answers": [{"question_id": q[2], "number": 3.14}]},
        {"answers": [{"question_id": q[3], "selected": [0]}]},
        {"answers": [{"question_id": q[3], "text": "x", "score": 1}]},
        {},
    ]
    for body in bad:
        assert_problem(learner.post(path, json=body), 400)
    # none of them used an attempt
    assert submitted(learner, x, *ALL_RIGHT)["attempt"] == 1


def test_the_attempts_limit_holds_and_attempts_are_numbered(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=2)
    assert [submitted(learner, x, *ALL_WRONG)["attempt"] for _ in range(2)] == [1, 2]
    assert_problem(submit(learner, x, *ALL_RIGHT), 409, "ATTEMPTS_EXHAUSTED")
    # another learner has attempts of their own
    other = enrolled_learner(server, course["id"])
    assert submitted(other, x, *ALL_RIGHT)["attempt"] == 1
    # the instructor may allow more
    assert cast.teacher.patch(exercise_path(x), json={"attempts_allowed": 3}).status_code == 200
    assert submitted(learner, x, *ALL_RIGHT)["attempt"] == 3


def test_fifty_concurrent_submits_on_a_three_attempt_exercise_accept_exactly_three(server, cast, databases):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=3)

    def attempt(_):
        c = learner.with_token(learner.token)  # a session of its own per request
        try:
            return submit(c, x, *ALL_RIGHT).status_code
        finally:
            c.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(attempt, range(50)))
    assert sorted(codes) == [201] * 3 + [409] * 47, codes
    rows = databases.execute(server.database_url,
                             f"SELECT attempt FROM submissions WHERE exercise_id = '{x['id']}' ORDER BY attempt")
    assert [int(r[0]) for r in rows] == [1, 2, 3]
    assert len(walk(learner, exercise_path(x) + "/submissions")) == 3


def test_a_retried_submit_with_the_same_idempotency_key_uses_no_attempt(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=2)
    body = {"answers": answers(x, *ALL_RIGHT)}
    first = learner.post(exercise_path(x) + "/submit", json=body, headers={"Idempotency-Key": "try-1"})
    again = learner.post(exercise_path(x) + "/submit", json=body, headers={"Idempotency-Key": "try-1"})
    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert_problem(learner.post(exercise_path(x) + "/submit", json={"answers": []},
                                headers={"Idempotency-Key": "try-1"}), 422)
    assert submitted(learner, x, *ALL_WRONG)["attempt"] == 2


def test_the_due_date_closes_the_exercise_and_opens_the_learners_correct_answers(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=2, due_at="2100-01-01T00:00:00Z")
    s = submitted(learner, x, *ALL_WRONG)
    assert_no_answer_keys(learner.get(f"/v1/submissions/{s['id']}").json())
    assert_no_answer_keys(walk(learner, exercise_path(x) + "/submissions"))
    # graders always see the correct answers
    seen = cast.teacher.get(f"/v1/submissions/{s['id']}").json()
    assert seen["answers"][0]["correct_answer"]["correct_options"] == [1]
    changed = cast.teacher.patch(exercise_path(x), json={"due_at": in_past()})
    assert changed.status_code == 200, changed.text
    assert_problem(submit(learner, x, *ALL_RIGHT), 409, "EXERCISE_CLOSED")
    after = learner.get(f"/v1/submissions/{s['id']}").json()
    assert [a["correct_answer"] is not None for a in after["answers"]] == [True] * 4
    assert after["answers"][3]["correct_answer"]["accepted_answers"] == ["Café"]
    assert_no_answer_keys(learner.get(exercise_path(x)).json())  # the exercise itself stays keyless


@pytest.mark.parametrize("due_at", ["2999-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "tomorrow"])
def test_due_dates_fail_with_400_past_the_year_2200(server, cast, due_at):
    course, _ = course_with_learners(server, cast, 0)
    x = create_exercise(cast.teacher, course["id"])
    body = {"title": "Far", "questions": QUIZ, "due_at": due_at}
    assert_problem(cast.teacher.post(f"/v1/courses/{course['id']}/exercises", json=body), 400)
    assert_problem(cast.teacher.patch(exercise_path(x), json={"due_at": due_at}), 400)


def test_learners_read_their_own_submissions_only(server, cast):
    course, (learner, other) = course_with_learners(server, cast, 2)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=3)
    mine = submitted(learner, x, *ALL_RIGHT)
    theirs = submitted(other, x, *ALL_WRONG)
    assert_problem(learner.get(f"/v1/submissions/{theirs['id']}"), 404, "SUBMISSION_NOT_FOUND")
    assert [s["id"] for s in walk(learner, exercise_path(x) + "/submissions")] == [mine["id"]]
    # user_id is a grader's filter; a learner still sees only their own
    assert [s["id"] for s in walk(learner, exercise_path(x) + f"/submissions?user_id={user_id(other)}")] == [mine["id"]]
    assert {s["id"] for s in walk(cast.teacher, exercise_path(x) + "/submissions")} == {mine["id"], theirs["id"]}
    only = walk(cast.teacher, exercise_path(x) + f"/submissions?user_id={user_id(other)}")
    assert [s["id"] for s in only] == [theirs["id"]]
    assert_problem(cast.teacher.get(exercise_path(x) + "/submissions?user_id=nope"), 400)


# --- free text ----------------------------------------------------------------------------------
ESSAY = {"type": "free_text", "prompt": "Explain spaced repetition.", "points": 4}


def test_free_text_waits_for_a_grader_then_counts(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], questions=[QUIZ[0], ESSAY])
    s = submitted(learner, x, {"selected": [1]}, {"text": "Reviewing at growing intervals."})
    assert (s["status"], s["score"], s["graded_at"]) == ("submitted", 1, None)
    assert [a["points"] for a in s["answers"]] == [1, None]
    assert own_grade_or_none(learner, course["id"]) is None  # nothing counts before grading
    essay_id = x["questions"][1]["id"]
    assert_problem(learner.patch(f"/v1/submissions/{s['id']}", json={"points": [{"question_id": essay_id, "points": 4}]}),
                   403)
    assert_problem(cast.teacher.patch(f"/v1/submissions/{s['id']}",
                                      json={"points": [{"question_id": essay_id, "points": 5}]}), 400)
    assert_problem(cast.teacher.patch(f"/v1/submissions/{s['id']}",
                                      json={"points": [{"question_id": x["questions"][0]["id"], "points": 1}]}), 400)
    resp = cast.teacher.patch(f"/v1/submissions/{s['id']}",
                              json={"points": [{"question_id": essay_id, "points": 3}], "feedback": "Good."})
    assert resp.status_code == 200, resp.text
    g = resp.json()
    assert (g["status"], g["score"], g["feedback"], g["graded_by"]) == ("graded", 4, "Good.", user_id(cast.teacher))
    grade = own_grade(learner, course["id"])
    assert [(i["exercise_id"], i["score"], i["max_score"]) for i in grade["items"]] == [(x["id"], 4, 5)]
    assert grade["score"] == 80
    assert_no_answer_keys(learner.get(f"/v1/submissions/{s['id']}").json())


def test_a_blank_free_text_answer_needs_no_grader(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], questions=[QUIZ[0], ESSAY])
    s = submitted(learner, x, {"selected": [1]})
    assert (s["status"], s["score"]) == ("graded", 1)


def own_grade_or_none(learner, course_id):
    resp = learner.get(f"/v1/courses/{course_id}/grades")
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    return items[0] if items else None
