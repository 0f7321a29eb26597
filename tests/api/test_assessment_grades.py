"""Grades, overrides, appeals and the ranking.

Why: issue 9 asks that a learner's course score always be the weighted mean
of their grade items, and that every change of a grade be accounted for.
These tests read like the rules: a graded submission creates or raises the
learner's grade item (best attempt counts) and recomputes the course score
in the same transaction; a student sees only their own grades, instructors
see everyone's; an instructor's override is kept with who, when and why,
audited, and notifies the learner; a learner appeals a grade once at a time;
an accepted appeal changes grade item, course score and history and
notifies the learner in one transaction, a rejected one notifies too; the
ranking orders by course score with ties going to who completed the course
first; and `deltalabs check` audits course scores and attempt numbering.
"""

from __future__ import annotations

import pytest

from access_helpers import audit_actions
from assessment_support import (ALL_RIGHT, ALL_WRONG, QUIZ, course_with_learners, create_exercise, grades_of,
                                notifications, own_grade, submitted)
from client import assert_problem
from catalog_support import make_cast, register_student, user_id, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def item_of(learner, course_id: str, exercise_id: str) -> dict:
    return next(i for i in own_grade(learner, course_id)["items"] if i["exercise_id"] == exercise_id)


def override(c, item_id: str, score: int, reason: str = "Re-marked question 2"):
    return c.patch(f"/v1/grade-items/{item_id}", json={"score": score, "reason": reason})


def appeal(c, item_id: str, reason: str = "My answer to question 3 was right"):
    return c.post(f"/v1/grade-items/{item_id}/appeals", json={"reason": reason})


# --- the grade book ---------------------------------------------------------------------------
def test_the_best_attempt_counts_and_the_course_score_is_the_weighted_mean(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    quiz = create_exercise(cast.teacher, course["id"], attempts_allowed=3, weight=1)
    heavy = create_exercise(cast.teacher, course["id"], questions=[QUIZ[0]], weight=3)
    submitted(learner, quiz, ALL_RIGHT[0], ALL_RIGHT[1])       # 3 of 5
    assert own_grade(learner, course["id"])["score"] == 60
    submitted(learner, quiz, *ALL_RIGHT)                       # 5 of 5
    submitted(learner, quiz, *ALL_WRONG)                       # 0 of 5: the best still counts
    item = item_of(learner, course["id"], quiz["id"])
    assert (item["score"], item["max_score"], item["overridden"], item["weight"]) == (5, 5, False, 1)
    submitted(learner, heavy, ALL_WRONG[0])                    # 0 of 1, weight 3
    grade = own_grade(learner, course["id"])
    assert grade["score"] == 25  # (1 x 100% + 3 x 0%) / 4
    assert grade["user_id"] == user_id(learner) and grade["course_id"] == course["id"]
    history = cast.teacher.get(f"/v1/grade-items/{item['id']}").json()["history"]
    assert [(h["old_score"], h["new_score"], h["source"]) for h in history] == [
        (None, 3, "submission"), (3, 5, "submission")]
    assert history[0]["changed_by"] == user_id(learner) and history[1]["reason"] == "attempt 2"


def test_students_see_their_own_grades_and_instructors_everyones(server, cast):
    course, learners = course_with_learners(server, cast, 3)
    x = create_exercise(cast.teacher, course["id"])
    for learner in learners[:2]:
        submitted(learner, x, *ALL_RIGHT)
    assert [g["user_id"] for g in grades_of(learners[0], course["id"])] == [user_id(learners[0])]
    assert grades_of(learners[2], course["id"]) == []  # nothing graded yet
    everyone = walk(cast.teacher, f"/v1/courses/{course['id']}/grades", limit=1)
    assert sorted(g["user_id"] for g in everyone) == sorted(user_id(c) for c in learners[:2])
    assert_problem(register_student(server).get(f"/v1/courses/{course['id']}/grades"), 403, "NOT_ENROLLED")
    item = own_grade(learners[0], course["id"])["items"][0]
    assert_problem(learners[1].get(f"/v1/grade-items/{item['id']}"), 404, "GRADE_ITEM_NOT_FOUND")
    assert learners[0].get(f"/v1/grade-items/{item['id']}").status_code == 200


def test_a_teaching_assistant_of_the_course_grades_it_without_any_permission(server, cast):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"])
    submitted(learner, x, *ALL_WRONG)
    ta = register_student(server)
    resp = cast.teacher.post("/v1/enrollments", json={"course_id": course["id"], "user_id": user_id(ta),
                                                      "member_role": "ta"})
    assert resp.status_code == 201, resp.text
    assert [g["user_id"] for g in grades_of(ta, course["id"])] == [user_id(learner)]
    item = item_of(learner, course["id"], x["id"])
    assert override(ta, item["id"], 1, "Partial credit").status_code == 200
    assert cast.teacher.get(f"/v1/grade-items/{item['id']}").json()["history"][-1]["changed_by"] == user_id(ta)
    # the same account in another course is nobody special
    other, _ = course_with_learners(server, cast, 0)
    assert_problem(ta.get(f"/v1/courses/{other['id']}/grades"), 403, "NOT_ENROLLED")


# --- overrides --------------------------------------------------------------------------------
def test_an_instructor_override_is_kept_with_who_when_why_and_notifies_the_learner(server, cast, databases):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=2)
    submitted(learner, x, *ALL_WRONG)
    item = item_of(learner, course["id"], x["id"])
    resp = override(cast.teacher, item["id"], 4, "Question 2 was ambiguous")
    assert resp.status_code == 200, resp.text
    changed = resp.json()
    assert (changed["score"], changed["overridden"]) == (4, True)
    last = changed["history"][-1]
    assert (last["old_score"], last["new_score"], last["source"], last["reason"]) == (
        0, 4, "override", "Question 2 was ambiguous")
    assert last["changed_by"] == user_id(cast.teacher) and last["created_at"]
    assert own_grade(learner, course["id"])["score"] == 80
    kinds = notifications(databases, server, learner)
    assert [k for k, _ in kinds] == ["grade.overridden"]
    assert (kinds[0][1]["old_score"], kinds[0][1]["new_score"], kinds[0][1]["grade_item_id"]) == (0, 4, item["id"])
    assert audit_actions(databases, server.database_url, item["id"]) == ["grade.overridden"]
    # an overridden grade stays as the instructor set it, even after a better attempt
    submitted(learner, x, *ALL_RIGHT)
    assert item_of(learner, course["id"], x["id"])["score"] == 4


def test_overrides_fail_for_learners_other_instructors_and_out_of_range_scores(server, cast, databases):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"])
    submitted(learner, x, *ALL_WRONG)
    item = item_of(learner, course["id"], x["id"])
    assert_problem(override(learner, item["id"], 5), 403)
    assert_problem(override(cast.other_teacher, item["id"], 5), 404, "GRADE_ITEM_NOT_FOUND")
    assert_problem(override(cast.teacher, item["id"], 6), 400)
    assert_problem(override(cast.teacher, item["id"], -1), 400)
    assert_problem(cast.teacher.patch(f"/v1/grade-items/{item['id']}", json={"score": 3}), 400)  # why is required
    assert_problem(override(cast.teacher, "00000000-0000-7000-8000-000000000000", 1), 404)
    assert item_of(learner, course["id"], x["id"])["score"] == 0
    assert notifications(databases, server, learner) == []
    # an administrator holds grades:manage
    assert override(cast.admin, item["id"], 2).status_code == 200


# --- appeals ----------------------------------------------------------------------------------
def test_an_accepted_appeal_changes_the_grade_history_and_notifies_in_one_go(server, cast, databases):
    course, (learner,) = course_with_learners(server, cast)
    x = create_exercise(cast.teacher, course["id"])
    submitted(learner, x, ALL_RIGHT[0], ALL_RIGHT[1], ALL_WRONG[2], ALL_RIGHT[3])  # 4 of 5
    item = item_of(learner, course["id"], x["id"])
    resp = appeal(learner, item["id"])
    assert resp.status_code == 201, resp.text
    a = resp.json()
    assert resp.headers["Location"] == f"/v1/appeals/{a['id']}"
    assert (a["status"], a["grade_item_id"], a["user_id"], a["resolved_at"]) == ("open", item["id"], user_id(learner), None)
    assert_problem(appeal(learner, item["id"]), 409, "APPEAL_ALREADY_OPEN")
    assert [o["id"] for o in walk(cast.teacher, f"/v1/courses/{course['id']}/appeals?status=open")] == [a["id"]]
    assert_problem(cast.teacher.patch(f"/v1/appeals/{a['id']}", json={"status": "accepted"}), 400)
    assert_problem(cast.teacher.patch(f"/v1/appeals/{a['id']}", json={"status": "accepted", "score": 9}), 400)
    assert_problem(learner.patch(f"/v1/appeals/{a['id']}", json={"status": "accepted", "score": 5}), 403)
    done = cast.teacher.patch(f"/v1/appeals/{a['id']}", json={"status": "accepted", "score": 5, "note": "Fair point"})
    assert done.status_code == 200, done.text
    resolved = done.json()
    assert (resolved["status"], resolved["new_score"], resolved["resolved_by"], resolved["resolution_note"]) == (
        "accepted", 5, user_id(cast.teacher), "Fair point")
    after = learner.get(f"/v1/grade-items/{item['id']}").json()
    assert (after["score"], after["overridden"]) == (5, True)
    assert (after["history"][-1]["source"], after["history"][-1]["old_score"], after["history"][-1]["new_score"]) == (
        "appeal", 4, 5)
    assert own_grade(learner, course["id"])["score"] == 100
    (kind, payload), = notifications(databases, server, learner)
    assert (kind, payload["status"], payload["new_score"], payload["appeal_id"]) == ("appeal.resolved", "accepted", 5, a["id"])
    assert_problem(cast.teacher.patch(f"/v1/appeals/{a['id']}", json={"status": "rejected"}), 409,
                   "APPEAL_ALREADY_RESOLVED")
    assert learner.get(f"/v1/appeals/{a['id']}").json() == resolved
    # once resolved, the learner may appeal again
    assert appeal(learner, item["id"], "Another thought").status_code == 201


def test_a_rejected_appeal_keeps_the_grade_and_notifies_too(server, cast, databases):
    course, (learner, other) = course_with_learners(server, cast, 2)
    x = create_exercise(cast.teacher, course["id"])
    submitted(learner, x, *ALL_WRONG)
    item = item_of(learner, course["id"], x["id"])
    assert_problem(appeal(other, item["id"]), 404, "GRADE_ITEM_NOT_FOUND")
    assert_problem(appeal(cast.teacher, item["id"]), 403)
    assert_problem(appeal(learner, item["id"], ""), 400)
    a = appeal(learner, item["id"]).json()
    assert_problem(other.get(f"/v1/appeals/{a['id']}"), 404, "APPEAL_NOT_FOUND")
    assert walk(other, f"/v1/courses/{course['id']}/appeals") == []
    assert_problem(cast.teacher.patch(f"/v1/appeals/{a['id']}", json={"status": "rejected", "score": 3}), 400)
    resp = cast.teacher.patch(f"/v1/appeals/{a['id']}", json={"status": "rejected", "note": "The key is right"})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["new_score"]) == ("rejected", None)
    assert item_of(learner, course["id"], x["id"])["score"] == 0
    assert own_grade(learner, course["id"])["score"] == 0
    (kind, payload), = notifications(databases, server, learner)
    assert (kind, payload["status"], payload["note"]) == ("appeal.resolved", "rejected", "The key is right")
    assert audit_actions(databases, server.database_url, a["id"]) == ["appeal.rejected"]


# --- ranking ----------------------------------------------------------------------------------
def test_the_ranking_orders_by_course_score_and_ties_by_earlier_completion(server, cast):
    course, (first, late, early, finisher) = course_with_learners(server, cast, 4)
    x = create_exercise(cast.teacher, course["id"])
    submitted(early, x, ALL_RIGHT[0], ALL_RIGHT[1])   # 60, reached first
    submitted(first, x, *ALL_RIGHT)                   # 100
    submitted(late, x, ALL_RIGHT[0], ALL_RIGHT[1])    # 60, reached later
    submitted(finisher, x, ALL_RIGHT[0], ALL_RIGHT[1])  # 60, reached last but completes the course
    enrollment = walk(finisher, "/v1/enrollments")[0]
    section = walk(finisher, f"/v1/courses/{course['id']}/sections")[0]
    item = walk(finisher, f"/v1/sections/{section['id']}/items")[0]
    done = finisher.patch(f"/v1/enrollments/{enrollment['id']}/progress",
                          json={"content_item_id": item["id"], "status": "completed"})
    assert done.status_code == 200 and done.json()["status"] == "completed", done.text
    ranking = walk(first, f"/v1/courses/{course['id']}/ranking", limit=2)
    assert [(r["rank"], r["user_id"], r["score"]) for r in ranking] == [
        (1, user_id(first), 100), (2, user_id(finisher), 60), (3, user_id(early), 60), (4, user_id(late), 60)]
    assert ranking[1]["completed_at"] and ranking[2]["completed_at"] is None
    assert walk(cast.teacher, f"/v1/courses/{course['id']}/ranking") == ranking
    assert_problem(register_student(server).get(f"/v1/courses/{course['id']}/ranking"), 403, "NOT_ENROLLED")


# --- deltalabs check ------------------------------------------------------------------------
def test_check_audits_course_scores_and_attempt_numbering(server_factory, databases, cli):
    srv = server_factory()
    cast = make_cast(srv, cli)
    course, (learner,) = course_with_learners(srv, cast)
    x = create_exercise(cast.teacher, course["id"], attempts_allowed=2)
    submitted(learner, x, *ALL_RIGHT)
    submitted(learner, x, *ALL_WRONG)
    clean = cli("check", database=srv.database_url)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "ok      grades.score is the weighted mean of the enrollment's grade items" in clean.stdout
    assert "ok      attempts of each learner at each exercise are numbered 1..n without gaps" in clean.stdout
    databases.execute(srv.database_url, "UPDATE grades SET score = 42")
    databases.execute(srv.database_url, f"UPDATE submissions SET attempt = 3 WHERE exercise_id = '{x['id']}' AND attempt = 2")
    broken = cli("check", database=srv.database_url)
    assert broken.returncode == 1
    assert "FAILED  grades.score is the weighted mean of the enrollment's grade items: 1 row(s)" in broken.stdout
    assert "FAILED  attempts of each learner at each exercise are numbered 1..n without gaps: 1 row(s)" in broken.stdout
