"""Helpers shared by the assessment scenario tests (no tests here).

Why a module of its own: test_assessment and test_assessment_grades both need
a published course taught by the cast's instructor, learners enrolled in it
through the API, and exercises built through the public routes, so every test
starts from what a real client would have done.
"""

from __future__ import annotations

import json

from client import Client
from catalog_support import published_course, register_student, user_id

# The objective quiz most tests use: 5 points in all.
QUIZ = [
    {"type": "single_choice", "prompt": "Closest planet to the Sun?", "options": ["Venus", "Mercury", "Mars"],
     "correct_options": [1], "points": 1},
    {"type": "multiple_choice", "prompt": "Which are prime?", "options": ["two", "four", "seven", "nine"],
     "correct_options": [0, 2], "points": 2},
    {"type": "numeric", "prompt": "Pi to two places?", "numeric_answer": "3.14", "tolerance": "0.01", "points": 1},
    {"type": "short_text", "prompt": "A place to drink coffee?", "accepted_answers": ["Café"], "points": 1},
]
# Members of an answer key: none may reach a learner before the due date.
KEY_MEMBERS = ("correct_options", "numeric_answer", "accepted_answers", "tolerance")


def enrolled_learner(server, course_id: str) -> Client:
    learner = register_student(server)
    resp = learner.post("/v1/enrollments", json={"course_id": course_id})
    assert resp.status_code == 201, resp.text
    return learner


def course_with_learners(server, cast, n: int = 1) -> tuple[dict, list[Client]]:
    course = published_course(cast.teacher, cast)
    return course, [enrolled_learner(server, course["id"]) for _ in range(n)]


def create_exercise(teacher: Client, course_id: str, questions=None, **settings) -> dict:
    body = {"title": "Quiz", "published": True, "questions": questions or QUIZ} | settings
    resp = teacher.post(f"/v1/courses/{course_id}/exercises", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def answers(exercise: dict, *responses) -> list[dict]:
    """Answers pairing the exercise's questions, in order, with `responses` (None skips one)."""
    out = []
    for question, response in zip(exercise["questions"], responses):
        if response is not None:
            out.append({"question_id": question["id"]} | response)
    return out


ALL_RIGHT = ({"selected": [1]}, {"selected": [2, 0]}, {"number": "3.145"}, {"text": "  CAFE\u0301 "})
ALL_WRONG = ({"selected": [0]}, {"selected": [0]}, {"number": "3"}, {"text": "tea room"})


def submit(learner: Client, exercise: dict, *responses):
    return learner.post(f"/v1/courses/{exercise['course_id']}/exercises/{exercise['id']}/submit",
                        json={"answers": answers(exercise, *responses)})


def submitted(learner: Client, exercise: dict, *responses) -> dict:
    resp = submit(learner, exercise, *responses)
    assert resp.status_code == 201, resp.text
    return resp.json()


def grades_of(c: Client, course_id: str) -> list[dict]:
    resp = c.get(f"/v1/courses/{course_id}/grades", params={"limit": 100})
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


def own_grade(learner: Client, course_id: str) -> dict:
    mine = grades_of(learner, course_id)
    assert len(mine) == 1, mine
    return mine[0]


def assert_no_answer_keys(body) -> None:
    """No answer key anywhere in a learner's response: keys null, no key members."""
    text = json.dumps(body)
    for member in KEY_MEMBERS:
        assert f'"{member}"' not in text, f"{member} leaked: {text[:400]}"
    for value in (body if isinstance(body, list) else [body]):
        for q in value.get("questions", []):
            assert q["answer_key"] is None
        for a in value.get("answers", []):
            assert a["correct_answer"] is None


def notifications(databases, server, c: Client) -> list[tuple[str, dict]]:
    """(kind, payload) of the notifications of the user behind `c`, oldest first."""
    rows = databases.execute(server.database_url,
                             f"SELECT kind, payload FROM notifications WHERE user_id = '{user_id(c)}' ORDER BY id")
    return [(kind, json.loads(payload)) for kind, payload in rows]
