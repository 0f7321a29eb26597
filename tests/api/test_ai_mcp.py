"""The tool catalog as a Model Context Protocol server at /v1/mcp.

Why: issue 12 lets any MCP client (Claude Desktop, an IDE, an agent) use
Delta Labs as the signed-in user: a session initializes, lists the same
tools as /v1/ai/tools with their input schemas, and calls them over
Streamable HTTP with JSON-RPC 2.0. The bearer token decides who acts, so a
call runs with that user's permissions exactly as REST and chat do, and a
refusal is a tool result with isError true, never data. Protocol mistakes
are JSON-RPC errors, never 5xx.
"""

from __future__ import annotations

import json

import pytest

from ai_support import mcp, mcp_call, mcp_result, unique_words
from client import assert_problem
from engagement_support import enroll
from catalog_support import make_cast, published_course, register_student, user_id, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


@pytest.fixture(scope="module")
def course(cast):
    return published_course(cast.teacher, cast, title=f"Spectra Over MCP {unique_words()}")


def test_an_mcp_session_initializes_lists_the_tools_and_calls_one(server, cast, course):
    student = register_student(server)
    init = mcp_result(student, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                              "clientInfo": {"name": "pytest", "version": "1"}})
    assert init["protocolVersion"] == "2025-06-18" and init["capabilities"]["tools"] == {"listChanged": False}
    assert init["serverInfo"]["name"] == "deltalabs"
    # The client's "initialized" notification is accepted without a body.
    done = student.post("/v1/mcp", json={"jsonrpc": "2.0", "method": "notifications/initialized"})
    assert done.status_code == 202 and done.content == b""
    listed = mcp_result(student, "tools/list")["tools"]
    catalog = student.get("/v1/ai/tools").json()["tools"]
    assert [t["name"] for t in listed] == [t["name"] for t in catalog]
    assert all(t["inputSchema"] == c["parameters"] for t, c in zip(listed, catalog))
    result = mcp_call(student, "enroll_in_course", {"course_id": course["id"]})
    assert result["isError"] is False
    assert result["structuredContent"]["enrollment"]["user_id"] == user_id(student)
    assert json.loads(result["content"][0]["text"]) == result["structuredContent"]
    assert [e["course_id"] for e in walk(student, "/v1/enrollments")] == [course["id"]]


def test_every_tool_runs_over_mcp_as_the_caller(server, cast, course):
    student = register_student(server)
    enroll(student, course["id"])
    words = course["title"].split(" ", 3)[3]
    assert not mcp_call(student, "list_courses", {"limit": 5})["isError"]
    found = mcp_call(student, "search_courses", {"query": words})
    assert [c["id"] for c in found["structuredContent"]["courses"]] == [course["id"]]
    mine = mcp_call(student, "get_my_enrollments", {})
    assert [e["user_id"] for e in mine["structuredContent"]["enrollments"]] == [user_id(student)]
    assert not mcp_call(student, "get_course_grades", {"course_id": course["id"]})["isError"]
    asked = mcp_call(student, "ask_question", {"course_id": course["id"], "title": "Over MCP?", "body": "Yes."})
    assert asked["structuredContent"]["question"]["author_id"] == user_id(student)
    nav = mcp_call(student, "navigate_to_route", {"route": f"/courses/{course['id']}/grades"})
    assert nav["structuredContent"] == {"navigate": f"/courses/{course['id']}/grades"}


def test_permission_failures_are_tool_errors_without_data(server, cast, course):
    outsider = register_student(server)
    grades = mcp_call(outsider, "get_course_grades", {"course_id": course["id"]})
    assert grades["isError"] is True and set(grades["structuredContent"]) == {"error"}
    assert grades["structuredContent"]["error"]["status"] == 403
    asked = mcp_call(outsider, "ask_question", {"course_id": course["id"], "title": "Let me in", "body": "?"})
    assert asked["isError"] is True
    # No parameter reaches another user's data: get_my_enrollments takes no user.
    other = mcp_call(outsider, "get_my_enrollments", {"user_id": user_id(cast.student)})
    assert other["isError"] is True and other["structuredContent"]["error"]["code"] == "VALIDATION_FAILED"
    bad_route = mcp_call(outsider, "navigate_to_route", {"route": "/admin/secrets"})
    assert bad_route["isError"] is True and bad_route["structuredContent"]["error"]["code"] == "UNKNOWN_ROUTE"


def test_mcp_needs_the_callers_bearer_token(server):
    anonymous = server.client()
    assert_problem(mcp(anonymous, "tools/list"), 401)


def test_protocol_mistakes_are_json_rpc_errors(server):
    student = register_student(server)
    raw = student.post("/v1/mcp", data=b"{not json", headers={"Content-Type": "application/json"})
    assert raw.status_code == 200 and raw.json()["error"]["code"] == -32700 and raw.json()["id"] is None
    unknown = mcp(student, "resources/list").json()
    assert unknown["error"]["code"] == -32601 and unknown["id"] == 1
    no_tool = mcp(student, "tools/call", {"name": "launch_rockets", "arguments": {}}).json()
    assert no_tool["error"]["code"] == -32602
    batch = student.post("/v1/mcp", json=[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]).json()
    assert batch["error"]["code"] == -32600
    assert mcp_result(student, "ping") == {}
