"""The openai-compatible provider against a scripted stand-in model.

Why: issue 12 runs the assistant on any model that speaks OpenAI's Chat
Completions with tool calling (llama.cpp server, vLLM, Ollama). A real model
is not deterministic, so a stand-in server on loopback answers from a script
and records what the service sent it. The loop must offer the tool catalog,
run every tool call the model asks for exactly once (two in one turn
included) as the caller, feed each result back paired with its call id, turn
malformed arguments into a tool error the model can read rather than a
failure, refuse another user's data inside the tool result, and answer 503
(not 500) when the model cannot be reached.
"""

from __future__ import annotations

import json

import pytest

from ai_support import StandInModel, chat, reply, tool_messages, unique_words
from client import assert_problem
from catalog_support import make_cast, published_course, register_student, user_id, walk

API_KEY = "stand-in-secret-key"


@pytest.fixture(scope="module")
def model():
    m = StandInModel().start()
    yield m
    m.stop()


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, model):
    from identity_support import start_module_server, stop_module_server
    srv = start_module_server(databases, tmp_path_factory,
                              ["--ai-provider", "openai-compatible", "--ai-base-url", model.base_url,
                               "--ai-model", "stand-in-7b", "--ai-api-key", API_KEY, "--ai-rate-limit", "0"])
    yield srv
    stop_module_server(srv)


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def course(cast):
    return published_course(cast.teacher, cast, title=f"Stand-in Chemistry {unique_words()}")


@pytest.fixture(autouse=True)
def fresh_script(model):
    model.script.clear()
    model.requests.clear()
    model.headers.clear()
    yield
    assert model.script == [], "the scripted model was not asked as often as the test expected"


def test_two_tool_calls_in_one_turn_both_run_once_and_both_results_go_back(server, model, course, databases):
    student = register_student(server)
    model.script += [reply(tool_calls=[("get_my_enrollments", "{}"),
                                       ("enroll_in_course", json.dumps({"course_id": course["id"]}))], tokens=40),
                     reply("You are enrolled now.", tokens=25)]
    turn = chat(student, "enroll me in that chemistry course")
    assert turn["answer"] == "You are enrolled now." and turn["tokens"] == 65
    assert [(t["name"], t["ok"]) for t in turn["tool_calls"]] == [("get_my_enrollments", True), ("enroll_in_course", True)]
    assert [e["course_id"] for e in walk(student, "/v1/enrollments")] == [course["id"]]
    first, second = model.requests
    assert first["model"] == "stand-in-7b" and first["tool_choice"] == "auto"
    offered = {t["function"]["name"] for t in first["tools"]}
    assert {"enroll_in_course", "get_my_enrollments", "navigate_to_route"} <= offered
    assert all(t["type"] == "function" and t["function"]["parameters"]["type"] == "object" for t in first["tools"])
    assert first["messages"][0]["role"] == "system" and first["messages"][-1] == {
        "role": "user", "content": "enroll me in that chemistry course"}
    assert model.headers[0].get("Authorization") == f"Bearer {API_KEY}"
    # The second request replays the model's calls and pairs each result with its call id.
    calls = [m for m in second["messages"] if m["role"] == "assistant" and m.get("tool_calls")]
    assert [c["id"] for c in calls[-1]["tool_calls"]] == ["call_1", "call_2"]
    results = tool_messages(second)
    assert [(r["tool_call_id"], r["name"]) for r in results] == [("call_1", "get_my_enrollments"),
                                                                 ("call_2", "enroll_in_course")]
    assert json.loads(results[1]["content"])["enrollment"]["course_id"] == course["id"]
    audited = databases.execute(server.database_url,
                                "SELECT target_id FROM audit_log WHERE action = 'ai.tool_called' "
                                f"AND CAST(actor_user_id AS TEXT) = '{user_id(student)}'")
    assert sorted(r[0] for r in audited) == ["enroll_in_course", "get_my_enrollments"]


def test_malformed_arguments_are_a_tool_error_the_model_reads(server, model, course):
    student = register_student(server)
    model.script += [reply(tool_calls=[("enroll_in_course", '{"course_id": ')]),
                     reply("I could not do that.")]
    turn = chat(student, "enroll me")
    call = turn["tool_calls"][0]
    assert not call["ok"] and call["result"]["error"]["code"] == "MALFORMED_ARGUMENTS"
    assert call["arguments"] == '{"course_id": '  # kept as the model wrote it
    fed_back = json.loads(tool_messages(model.requests[1])[0]["content"])
    assert fed_back["error"]["code"] == "MALFORMED_ARGUMENTS"
    assert walk(student, "/v1/enrollments") == []
    detail = student.get(f"/v1/ai/conversations/{turn['conversation_id']}").json()
    assert detail["messages"][1]["tool_arguments"] == '{"course_id": '


def test_another_users_data_and_unknown_tools_are_refused_inside_the_result(server, model, cast, course):
    student, other = register_student(server), register_student(server)
    model.script += [reply(tool_calls=[("get_my_enrollments", json.dumps({"user_id": user_id(other)})),
                                       ("get_course_grades", json.dumps({"course_id": course["id"]})),
                                       ("drop_database", "{}")]),
                     reply("Refused.")]
    turn = chat(student, "show me someone else's things")
    codes = [(t["name"], t["ok"], t["result"]["error"]["code"]) for t in turn["tool_calls"]]
    assert codes == [("get_my_enrollments", False, "VALIDATION_FAILED"),
                     ("get_course_grades", False, "NOT_ENROLLED"),
                     ("drop_database", False, "UNKNOWN_TOOL")]
    assert all(set(t["result"]) == {"error"} for t in turn["tool_calls"])


def test_tool_calls_are_bounded_per_turn(server, model, course):
    student = register_student(server)
    model.script += [reply(tool_calls=[("list_courses", "{}")] * 5),
                     reply(tool_calls=[("list_courses", "{}")] * 5)]
    turn = chat(student, "loop forever")
    ran = [t for t in turn["tool_calls"] if t["ok"]]
    assert len(ran) == 8 and "stopped after 8 tool calls" in turn["answer"]
    limited = [t for t in turn["tool_calls"] if not t["ok"]]
    assert [t["result"]["error"]["code"] for t in limited] == ["TOOL_CALL_LIMIT"] * 2


def test_an_unreachable_or_broken_model_is_503_not_500(server, model):
    student = register_student(server)
    model.script += [{"choices": []}]
    assert_problem(student.post("/v1/ai/chat", json={"prompt": "hi"}), 503, "AI_PROVIDER_UNAVAILABLE")
    # An exhausted script answers 500 upstream: still our 503.
    assert_problem(student.post("/v1/ai/chat", json={"prompt": "hi"}), 503, "AI_PROVIDER_UNAVAILABLE")
