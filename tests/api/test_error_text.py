"""Error bodies and log lines quote client values as valid UTF-8.

Why: issue 18 §4. A problem body is JSON, and JSON is UTF-8: echoing a raw
byte a client sent (`?format=%FF`) or cutting an echo in the middle of a
character made bodies that strict parsers (and PostgreSQL, for stored text)
reject. Every quoted value is made valid UTF-8 (invalid bytes become U+FFFD)
and cut at a character boundary; the unit tests go over every byte value,
these check what a client and an operator actually receive.
"""

from __future__ import annotations

import json
import socket

from client import assert_problem
from identity_support import PASSWORD, register, unique_email

REPLACEMENT = "\ufffd"


def strict_json(resp) -> dict:
    """The body decoded as strict UTF-8 (no replacement on our side) and parsed."""
    return json.loads(resp.content.decode("utf-8", errors="strict"))


def test_a_raw_invalid_byte_in_a_query_value_is_echoed_as_a_replacement_character(client):
    resp = client.get("/v1/schema?format=%FF")
    assert_problem(resp, 400, "INVALID_FORMAT")
    body = strict_json(resp)
    assert body["detail"] == body["message"]
    assert f"'{REPLACEMENT}'" in body["detail"], body["detail"]


def test_a_long_echo_is_cut_between_characters(client):
    resp = client.get("/v1/schema?format=a" + "%C3%A9" * 50)
    assert_problem(resp, 400, "INVALID_FORMAT")
    detail = strict_json(resp)["detail"]
    # 40 bytes at most: "a" and 19 whole "é" (39 bytes); the 20th would straddle the cut.
    assert f"'a{'é' * 19}'" in detail, detail
    assert REPLACEMENT not in detail


def test_every_invalid_byte_in_a_query_value_still_gives_a_strict_utf8_problem(client):
    for byte in range(0x80, 0x100, 7):
        resp = client.get(f"/v1/schema?format=x%{byte:02X}y")
        assert_problem(resp, 400, "INVALID_FORMAT")
        assert f"'x{REPLACEMENT}y'" in strict_json(resp)["detail"]


def test_a_user_agent_with_invalid_bytes_still_signs_in(client):
    # The session keeps the user agent: on PostgreSQL raw 0xFF in a text column is an error.
    email = unique_email("agent")
    register(client, email)
    resp = client.post("/v1/auth/login", json={"email": email, "password": PASSWORD},
                       headers={"User-Agent": b"Agent \xff\xfe/1.0"})
    assert resp.status_code == 200, resp.text


def test_the_access_log_stays_valid_utf8_whatever_the_request_line_holds(server, client):
    host, port = server.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(b"GET /v1/caf\xff\xc3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 4"), head
    body.decode("utf-8", errors="strict")
    client.get("/health")  # one more line, so the one above has been flushed
    server.log_path.read_bytes().decode("utf-8", errors="strict")
