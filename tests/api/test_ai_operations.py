"""Operational data of the AI domain: feature flags, content drafts, limits.

Why: issue 12 lets admins turn the assistant off without a deploy (a flag the
services read on every use, editable only with feature_config:update, each
change audited), lets authors and the assistant write drafts that only an
instructor of the course promotes, once, into a real section, and keeps
the assistant affordable and abuse-resistant: a per-user rate limit that
answers 429 with the same RateLimit headers as every other limit, and a daily
token cap per user.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from ai_support import chat, mcp
from client import assert_problem
from catalog_support import create_course, make_cast, published_course, register_student, user_id, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


# --- feature configuration -------------------------------------------------------------------------
def test_turning_the_assistant_off_stops_chat_and_mcp_calls_until_it_is_on_again(server, cast, databases):
    student = register_student(server)
    flags = {f["key"]: f for f in student.get("/v1/feature-config").json()["items"]}
    assert flags["assistant.enabled"]["value"] is True
    off = cast.admin.put("/v1/feature-config/assistant.enabled", json={"value": False})
    assert off.status_code == 200 and off.json()["value"] is False
    assert off.json()["updated_by"] == user_id(cast.admin)
    try:
        assert_problem(student.post("/v1/ai/chat", json={"prompt": "show my enrollments"}), 503, "FEATURE_DISABLED")
        call = mcp(student, "tools/call", {"name": "list_courses", "arguments": {}})
        assert_problem(call, 503, "FEATURE_DISABLED")
    finally:
        on = cast.admin.put("/v1/feature-config/assistant.enabled", json={"value": True})
        assert on.status_code == 200
    assert chat(student, "show my enrollments")["tool_calls"]
    audited = databases.execute(server.database_url,
                                "SELECT target_id FROM audit_log WHERE action = 'feature_config.updated'")
    assert [r[0] for r in audited].count("assistant.enabled") >= 2


def test_only_feature_config_update_holders_change_settings(server, cast):
    student = register_student(server)
    assert_problem(student.put("/v1/feature-config/assistant.enabled", json={"value": False}), 403)
    assert_problem(server.client().get("/v1/feature-config"), 401)
    made = cast.admin.put("/v1/feature-config/labs.enabled",
                          json={"value": {"max_hours": 4}, "description": "Lab booking"})
    assert made.status_code == 200 and made.json()["value"] == {"max_hours": 4}
    assert student.get("/v1/feature-config/labs.enabled").json()["description"] == "Lab booking"
    assert_problem(student.get("/v1/feature-config/no.such.key"), 404, "FEATURE_SETTING_NOT_FOUND")
    assert_problem(cast.admin.put("/v1/feature-config/Bad Key!", json={"value": 1}), 400)
    assert_problem(cast.admin.put("/v1/feature-config/x.y", json={"value": 1, "extra": 2}), 400)
    assert_problem(cast.admin.put("/v1/feature-config/x.y", json={}), 400)
    assert_problem(cast.admin.put("/v1/feature-config/x.y", data=b"{nope",
                                  headers={"Content-Type": "application/json"}), 400)


# --- content drafts ----------------------------------------------------------------------------------
def test_an_instructor_promotes_a_section_draft_once_into_a_real_section(server, cast):
    course = published_course(cast.teacher, cast)
    made = cast.teacher.post("/v1/content-drafts", json={"course_id": course["id"], "kind": "section",
                                                         "title": "Infrared basics", "body": "Bonds vibrate."})
    assert made.status_code == 201, made.text
    draft = made.json()
    assert (draft["status"], draft["source"], draft["section_id"]) == ("draft", "author", None)
    edited = cast.teacher.patch(f"/v1/content-drafts/{draft['id']}", json={"title": "Infrared spectroscopy"})
    assert edited.status_code == 200 and edited.json()["title"] == "Infrared spectroscopy"
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(lambda _: cast.teacher.post(f"/v1/content-drafts/{draft['id']}/promote"), range(5)))
    assert sorted(r.status_code for r in results) == [201, 409, 409, 409, 409]
    won = next(r.json() for r in results if r.status_code == 201)
    assert won["draft"]["status"] == "promoted" and won["draft"]["section_id"] == won["section"]["id"]
    sections = walk(cast.teacher, f"/v1/courses/{course['id']}/sections")
    assert [s["title"] for s in sections].count("Infrared spectroscopy") == 1
    assert_problem(cast.teacher.patch(f"/v1/content-drafts/{draft['id']}", json={"body": "late"}), 409, "DRAFT_NOT_DRAFT")


def test_drafts_are_for_the_courses_editors_and_only_sections_are_promoted(server, cast):
    course = create_course(cast.teacher, cast)
    student = register_student(server)
    body = {"course_id": course["id"], "kind": "summary", "title": "Summary", "body": "In short."}
    assert_problem(student.post("/v1/content-drafts", json=body), 404)  # a draft course is invisible to them
    assert_problem(cast.other_teacher.post("/v1/content-drafts", json=body), 404)
    summary = cast.teacher.post("/v1/content-drafts", json=body).json()
    assert_problem(cast.teacher.post(f"/v1/content-drafts/{summary['id']}/promote"), 409, "DRAFT_NOT_PROMOTABLE")
    assert_problem(student.get(f"/v1/content-drafts/{summary['id']}"), 404)
    assert [d["id"] for d in walk(cast.teacher, "/v1/content-drafts")][:1] == [summary["id"]]
    assert walk(student, "/v1/content-drafts") == []
    by_course = cast.admin.get("/v1/content-drafts", params={"course_id": course["id"]})
    assert by_course.status_code == 200 and [d["id"] for d in by_course.json()["items"]] == [summary["id"]]
    discarded = cast.teacher.patch(f"/v1/content-drafts/{summary['id']}", json={"status": "discarded"})
    assert discarded.json()["status"] == "discarded"
    assert_problem(cast.teacher.patch(f"/v1/content-drafts/{summary['id']}", json={"status": "promoted"}), 400)
    assert_problem(cast.teacher.post("/v1/content-drafts", json=body | {"kind": "poem"}), 400)


# --- limits ------------------------------------------------------------------------------------------
def test_the_per_user_rate_limit_answers_429_with_ratelimit_headers(server_factory, cli):
    srv = server_factory(["--ai-rate-limit", "2"])
    first, second = register_student(srv), register_student(srv)
    ok = first.post("/v1/ai/chat", json={"prompt": "list courses"})
    assert ok.status_code == 200 and ok.headers["RateLimit-Policy"] == '"ai-chat";q=2;w=60'
    assert first.post("/v1/ai/chat", json={"prompt": "list courses"}).status_code == 200
    limited = first.post("/v1/ai/chat", json={"prompt": "list courses"})
    assert_problem(limited, 429, "RATE_LIMITED")
    assert int(limited.headers["Retry-After"]) >= 1 and limited.headers["RateLimit"].startswith('"ai-chat";r=0')
    # The budget is per user, not per address.
    assert second.post("/v1/ai/chat", json={"prompt": "list courses"}).status_code == 200


def test_the_daily_token_cap_stops_a_user_until_midnight_utc(server_factory):
    srv = server_factory(["--ai-daily-tokens", "100", "--ai-rate-limit", "0"])
    spender, other = register_student(srv), register_student(srv)
    first = chat(spender, "show my enrollments")
    assert first["tokens"] > 100  # the builtin provider counts about four characters per token
    capped = spender.post("/v1/ai/chat", json={"prompt": "show my enrollments"})
    assert_problem(capped, 429, "TOKEN_CAP_REACHED")
    assert 1 <= int(capped.headers["Retry-After"]) <= 86400
    assert chat(other, "list courses")["answer"]
