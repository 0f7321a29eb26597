"""The AI assistant through the builtin provider: tools as the caller.

Why: issue 12 makes the assistant a second way to use the platform, so it
must be exactly as safe as REST. Every tool calls the same domain service as
the REST route, as the signed-in user, with that user's permissions: "enroll
me in <title>" enrolls the student (visible in /v1/enrollments), a paid
course says payment is required, someone else's data is refused, and a
refusal comes back as a tool error inside a 200, never as data and never as a
5xx. The builtin provider is offline and deterministic, so these run without
any model. Every turn is stored once (user prompt, each tool call, answer)
and every tool call lands in the audit log, even 50 at once.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from ai_support import calls_named, chat, unique_words
from client import assert_problem
from engagement_support import enroll
from identity_support import start_module_server, stop_module_server
from catalog_support import make_cast, published_course, register_student, user_id, walk

TOOLS = {"list_courses", "search_courses", "get_my_enrollments", "enroll_in_course", "get_course_grades",
         "ask_question", "navigate_to_route", "add_to_cart", "book_lab"}


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory):
    # Many turns per user here; the per-user limit has a test of its own.
    srv = start_module_server(databases, tmp_path_factory, ["--ai-rate-limit", "0"])
    yield srv
    stop_module_server(srv)


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def free_course(cast):
    return published_course(cast.teacher, cast, title=f"Organic Spectroscopy {unique_words()}")


@pytest.fixture(scope="module")
def paid_course(cast):
    return published_course(cast.teacher, cast, title=f"Paid Spectroscopy {unique_words()}",
                            price={"amount_minor": 4999, "currency": "USD"})


def audit_rows(databases, server, action: str) -> list[tuple]:
    return databases.execute(server.database_url,
                             f"SELECT target_id, details FROM audit_log WHERE action = '{action}'")


# --- catalog ---------------------------------------------------------------------------------------
def test_the_tool_catalog_lists_the_contract_tools_with_json_schema_parameters(server):
    assert_problem(server.client().get("/v1/ai/tools"), 401)
    resp = register_student(server).get("/v1/ai/tools")
    assert resp.status_code == 200
    tools = {t["name"]: t for t in resp.json()["tools"]}
    assert TOOLS <= set(tools)
    # Beyond the contract's nine: the assistant's own drafting tool.
    assert set(tools) - TOOLS <= {"add_to_cart", "book_lab", "create_content_draft"}
    enroll_tool = tools["enroll_in_course"]["parameters"]
    assert enroll_tool["type"] == "object" and enroll_tool["required"] == ["course_id"]
    assert enroll_tool["properties"]["course_id"]["format"] == "uuid"


# --- enroll ----------------------------------------------------------------------------------------
def test_enroll_me_in_a_course_by_title_enrolls_the_student_as_rest_would(server, cast, free_course, databases):
    student = register_student(server)
    turn = chat(student, f"Enroll me in {free_course['title']}")
    assert [t["name"] for t in turn["tool_calls"]] == ["search_courses", "enroll_in_course"]
    enrolled = calls_named(turn, "enroll_in_course")[0]
    assert enrolled["ok"] and enrolled["arguments"] == {"course_id": free_course["id"]}
    assert enrolled["result"]["enrollment"]["user_id"] == user_id(student)
    assert free_course["title"] in turn["answer"] and "enrolled" in turn["answer"]
    mine = walk(student, "/v1/enrollments")
    assert [e["course_id"] for e in mine] == [free_course["id"]]
    # Every tool call is audited as the caller.
    rows = [r for r in audit_rows(databases, server, "ai.tool_called") if r[0] == "enroll_in_course"]
    assert any('"ok":true' in r[1].replace(" ", "") for r in rows)


def test_enrolling_twice_is_a_tool_error_not_a_second_enrollment(server, free_course):
    student = register_student(server)
    enroll(student, free_course["id"])
    turn = chat(student, f"enroll me in {free_course['title']}")
    call = calls_named(turn, "enroll_in_course")[0]
    assert not call["ok"] and call["result"]["error"]["code"] == "ALREADY_ENROLLED"
    assert call["result"]["error"]["status"] == 409 and "enrollment" not in call["result"]
    assert len(walk(student, "/v1/enrollments")) == 1


def test_a_paid_course_says_payment_is_required(server, paid_course):
    student = register_student(server)
    turn = chat(student, f"Enroll me in {paid_course['title']}")
    call = calls_named(turn, "enroll_in_course")[0]
    assert not call["ok"] and set(call["result"]) == {"error"}
    assert (call["result"]["error"]["status"], call["result"]["error"]["code"]) == (402, "PAYMENT_REQUIRED")
    assert "could not enroll" in turn["answer"]
    assert walk(student, "/v1/enrollments") == []


def test_an_unknown_course_is_said_so_without_enrolling(server):
    student = register_student(server)
    turn = chat(student, f"enroll me in {unique_words()}")
    assert [t["name"] for t in turn["tool_calls"]] == ["search_courses"]
    assert "could not find" in turn["answer"]


def test_chat_needs_a_signed_in_user(server):
    anonymous = server.client()
    assert_problem(anonymous.post("/v1/ai/chat", json={"prompt": "show my enrollments"}), 401)
    assert_problem(anonymous.get("/v1/ai/conversations"), 401)


def test_bad_chat_bodies_are_400(server):
    student = register_student(server)
    assert_problem(student.post("/v1/ai/chat", json={}), 400, "VALIDATION_FAILED")
    assert_problem(student.post("/v1/ai/chat", json={"prompt": ""}), 400, "VALIDATION_FAILED")
    assert_problem(student.post("/v1/ai/chat", json={"prompt": "x" * 4001}), 400, "VALIDATION_FAILED")
    assert_problem(student.post("/v1/ai/chat", json={"prompt": "hi", "user_id": "x"}), 400)


# --- the other tools -------------------------------------------------------------------------------
def test_search_and_list_courses_answer_from_the_public_catalog(server, free_course):
    student = register_student(server)
    words = free_course["title"].split(" ", 2)[2]
    found = chat(student, f"find courses about {words}")
    call = calls_named(found, "search_courses")[0]
    assert call["ok"] and [c["id"] for c in call["result"]["courses"]] == [free_course["id"]]
    assert free_course["title"] in found["answer"]
    listed = chat(student, "list courses")
    call = calls_named(listed, "list_courses")[0]
    assert call["ok"] and free_course["id"] in [c["id"] for c in call["result"]["courses"]]


def test_show_my_enrollments_reads_only_the_callers_own(server, free_course, cast):
    student, other = register_student(server), register_student(server)
    enroll(other, free_course["id"])
    empty = chat(student, "show my enrollments")
    assert calls_named(empty, "get_my_enrollments")[0]["result"]["enrollments"] == []
    assert "not enrolled" in empty["answer"]
    enroll(student, free_course["id"])
    mine = chat(student, "Show my enrollments")
    got = calls_named(mine, "get_my_enrollments")[0]["result"]["enrollments"]
    assert [e["user_id"] for e in got] == [user_id(student)]
    assert free_course["title"] in mine["answer"]


def test_grades_are_the_callers_own_and_a_course_they_are_not_in_is_refused(server, cast):
    course = published_course(cast.teacher, cast, title=f"Graded Chemistry {unique_words()}")
    member, outsider = register_student(server), register_student(server)
    enroll(member, course["id"])
    own = chat(member, f"what are my grades in {course['title']}")
    call = calls_named(own, "get_course_grades")[0]
    assert call["ok"] and all(g["user_id"] == user_id(member) for g in call["result"]["grades"])
    refused = chat(outsider, f"What are my grades in {course['title']}?")
    call = calls_named(refused, "get_course_grades")[0]
    assert not call["ok"] and call["result"]["error"]["status"] == 403
    assert set(call["result"]) == {"error"}  # a refusal carries no data
    # The instructor (a grader) sees the member's grade through the same tool.
    teacher_view = chat(cast.teacher, f"what are my grades in {course['title']}")
    assert calls_named(teacher_view, "get_course_grades")[0]["ok"]


def test_ask_a_question_posts_as_the_member_and_refuses_outsiders(server, cast):
    course = published_course(cast.teacher, cast, title=f"Question Lab {unique_words()}")
    member, outsider = register_student(server), register_student(server)
    enroll(member, course["id"])
    turn = chat(member, f"Ask a question in {course['title']}: How do I read an IR spectrum?")
    call = calls_named(turn, "ask_question")[0]
    assert call["ok"] and call["result"]["question"]["author_id"] == user_id(member)
    listed = walk(cast.teacher, f"/v1/courses/{course['id']}/questions")
    assert [q["body"] for q in listed] == ["How do I read an IR spectrum?"]
    refused = chat(outsider, f"ask a question in {course['title']}: Can I see this?")
    call = calls_named(refused, "ask_question")[0]
    assert not call["ok"] and call["result"]["error"]["status"] in (403, 404)
    assert len(walk(cast.teacher, f"/v1/courses/{course['id']}/questions")) == 1


def test_go_to_returns_a_page_to_navigate_to(server, free_course):
    student = register_student(server)
    turn = chat(student, "go to my enrollments")
    assert turn["navigate"] == "/enrollments"
    assert calls_named(turn, "navigate_to_route")[0]["result"] == {"navigate": "/enrollments"}
    course = chat(student, f"take me to {free_course['title']}")
    assert course["navigate"] == f"/courses/{free_course['id']}"
    nothing = chat(student, "hello there")
    assert nothing["tool_calls"] == [] and nothing["navigate"] is None and "I can" in nothing["answer"]


def test_the_assistant_drafts_a_section_for_an_editor_only(server, cast):
    course = published_course(cast.teacher, cast, title=f"Drafted Optics {unique_words()}")
    turn = chat(cast.teacher, f"Draft a section for {course['title']}: Lenses and mirrors")
    call = calls_named(turn, "create_content_draft")[0]
    assert call["ok"], call
    draft = call["result"]["draft"]
    assert (draft["kind"], draft["source"], draft["status"], draft["title"]) == (
        "section", "assistant", "draft", "Lenses and mirrors")
    assert cast.teacher.get(f"/v1/content-drafts/{draft['id']}").json()["author_id"] == user_id(cast.teacher)
    student = register_student(server)
    refused = chat(student, f"draft a section for {course['title']}: Mine now")
    call = calls_named(refused, "create_content_draft")[0]
    assert not call["ok"] and call["result"]["error"]["status"] == 403
    assert walk(student, "/v1/content-drafts") == []


# --- conversations -----------------------------------------------------------------------------------
def test_a_conversation_keeps_every_turn_and_is_mine_only(server, free_course):
    student, other = register_student(server), register_student(server)
    first = chat(student, "show my enrollments")
    second = chat(student, f"find courses about {free_course['title']}", first["conversation_id"])
    assert second["conversation_id"] == first["conversation_id"] and second["turn_id"] != first["turn_id"]
    detail = student.get(f"/v1/ai/conversations/{first['conversation_id']}").json()
    roles = [(m["turn_id"], m["position"], m["role"]) for m in detail["messages"]]
    assert roles == [(first["turn_id"], 0, "user"), (first["turn_id"], 1, "tool"), (first["turn_id"], 2, "assistant"),
                     (second["turn_id"], 0, "user"), (second["turn_id"], 1, "tool"), (second["turn_id"], 2, "assistant")]
    tool = detail["messages"][1]
    assert tool["tool_name"] == "get_my_enrollments" and tool["tool_ok"] is True
    assert tool["tool_result"] == {"enrollments": [], "more": False}
    assert detail["messages"][2]["content"] == first["answer"]
    assert [c["id"] for c in walk(student, "/v1/ai/conversations")] == [first["conversation_id"]]
    # Someone else's conversation does not exist for them, neither to read nor to continue.
    assert_problem(other.get(f"/v1/ai/conversations/{first['conversation_id']}"), 404)
    assert walk(other, "/v1/ai/conversations") == []
    resp = other.post("/v1/ai/chat", json={"prompt": "hi", "conversation_id": first["conversation_id"]})
    assert_problem(resp, 404, "CONVERSATION_NOT_FOUND")


def test_fifty_concurrent_turns_answer_without_5xx_and_each_is_stored_once(server, free_course, databases):
    students = [register_student(server) for _ in range(10)]
    opening = [chat(s, "show my enrollments") for s in students]
    jobs = [(s, o["conversation_id"], "show my enrollments" if n % 2 else f"find courses about {free_course['title']}")
            for s, o in zip(students, opening) for n in range(5)]

    def run(job):
        c, conversation, prompt = job
        return c.post("/v1/ai/chat", json={"prompt": prompt, "conversation_id": conversation})

    with ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(pool.map(run, jobs))
    assert [r.status_code for r in responses] == [200] * 50, [r.text for r in responses if r.status_code != 200]
    turns = [r.json() for r in responses]
    assert len({t["turn_id"] for t in turns}) == 50
    ids = "', '".join(t["turn_id"] for t in turns)
    rows = databases.execute(server.database_url,
                             f"SELECT CAST(turn_id AS TEXT), role, COUNT(*) FROM conversation_messages "
                             f"WHERE CAST(turn_id AS TEXT) IN ('{ids}') GROUP BY CAST(turn_id AS TEXT), role")
    counts = {(r[0], r[1]): int(r[2]) for r in rows}
    for t in turns:
        assert counts[(t["turn_id"], "user")] == 1 and counts[(t["turn_id"], "assistant")] == 1
        assert counts[(t["turn_id"], "tool")] == len(t["tool_calls"]) == 1
    for s, o in zip(students, opening):
        detail = s.get(f"/v1/ai/conversations/{o['conversation_id']}").json()
        assert sum(m["role"] == "user" for m in detail["messages"]) == 6
