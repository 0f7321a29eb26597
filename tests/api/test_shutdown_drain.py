"""Rolling restart of one instance: what SIGTERM does to the requests it holds.

On SIGTERM the server stops accepting connections at once, answers a health
check that was already on its way with 503 SERVER_DRAINING (so a load
balancer takes it out), still serves every request already sent (with
`Connection: close`), ends open notification streams with a `retry:` hint
and the last chunk (so EventSource clients reconnect, to another instance),
and exits 0 within `--shutdown-grace`.

Why: issue 21 item 6: restarting the instances behind haproxy one after
another must fail no request. The requests here are sent on raw sockets and
held half-sent, so "in flight when SIGTERM arrives" is certain, not a race.
"""

from __future__ import annotations

import fcntl
import socket
import struct
import termios
import time

import pytest

from catalog_support import register_student

GRACE_S = 4


def half_sent(srv, request_line: str, headers: tuple[str, ...] = ()) -> socket.socket:
    """A connection the server has accepted (it answered a first request on it),
    holding a second request whose header block is not finished yet."""
    sock = socket.create_connection((srv.host, srv.port), timeout=10)
    sock.sendall(f"GET /health HTTP/1.1\r\nHost: {srv.host}:{srv.port}\r\n\r\n".encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(4096)
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:")))
    while len(body) < length:
        body += sock.recv(4096)
    assert head.startswith(b"HTTP/1.1 200"), head
    lines = [request_line, f"Host: {srv.host}:{srv.port}", *headers]
    sock.sendall(("\r\n".join(lines) + "\r\n").encode())  # the blank line still missing
    delivered(sock)
    return sock


def delivered(sock: socket.socket) -> None:
    """Waits until the server's kernel has acknowledged every byte sent (SIOCOUTQ
    is 0): from then on the server sees them, read or waiting in its socket."""
    for _ in range(500):
        if struct.unpack("i", fcntl.ioctl(sock, termios.TIOCOUTQ, b"\0\0\0\0"))[0] == 0:
            return
        time.sleep(0.01)
    pytest.fail("the server's kernel never acknowledged the request bytes")


def read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and raw body of one response read to the end of the connection."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def sigterm_and_wait_for_drain(srv) -> None:
    """Sends SIGTERM and returns once the server has stopped accepting connections."""
    srv.proc.terminate()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            socket.create_connection((srv.host, srv.port), timeout=1).close()
        except OSError:
            return
        time.sleep(0.02)
    pytest.fail("the server still accepted connections 5 s after SIGTERM")


def exit_code_within(srv, seconds: float) -> int | None:
    try:
        return srv.proc.wait(seconds)
    except Exception:  # subprocess.TimeoutExpired
        return None


def test_a_request_in_flight_when_sigterm_arrives_completes_with_200_and_connection_close(server_factory):
    srv = server_factory(extra_args=["--shutdown-grace", str(GRACE_S)])
    sock = half_sent(srv, "GET /v1/courses?limit=5 HTTP/1.1", ("Accept: application/json",))
    sigterm_and_wait_for_drain(srv)
    sock.sendall(b"\r\n")
    status, headers, body = read_response(sock)
    sock.close()
    assert status == 200, body
    assert headers.get("connection") == "close"
    assert b'"items"' in body
    assert exit_code_within(srv, GRACE_S + 5) == 0


def test_new_connections_are_refused_and_a_health_check_on_its_way_answers_503_draining(server_factory):
    srv = server_factory(extra_args=["--shutdown-grace", str(GRACE_S)])
    check = half_sent(srv, "GET /health HTTP/1.1")
    sigterm_and_wait_for_drain(srv)
    with pytest.raises(OSError):
        socket.create_connection((srv.host, srv.port), timeout=2)
    check.sendall(b"\r\n")
    status, headers, body = read_response(check)
    check.close()
    assert status == 503, body
    assert b'"code":"SERVER_DRAINING"' in body.replace(b" ", b"")
    assert headers.get("content-type") == "application/problem+json"
    assert int(headers["retry-after"]) >= 1
    assert exit_code_within(srv, GRACE_S + 5) == 0


def test_an_open_notification_stream_gets_a_retry_hint_and_ends_cleanly_at_sigterm(server_factory):
    srv = server_factory(extra_args=["--shutdown-grace", str(GRACE_S)])
    student = register_student(srv)
    sock = socket.create_connection((srv.host, srv.port), timeout=10)
    sock.sendall((f"GET /v1/notifications/stream HTTP/1.1\r\nHost: {srv.host}:{srv.port}\r\n"
                  f"Accept: text/event-stream\r\nAuthorization: Bearer {student.token}\r\n\r\n").encode())
    opened = b""
    while b": connected" not in opened:
        chunk = sock.recv(4096)
        assert chunk, opened
        opened += chunk
    started = time.monotonic()
    srv.proc.terminate()
    rest = b""
    while chunk := sock.recv(4096):  # the server ends the response; a timeout fails here
        rest += chunk
    sock.close()
    assert b"retry: 1000\n" in rest, rest
    assert rest.endswith(b"0\r\n\r\n"), rest  # the last chunk: the response ended, it was not cut
    assert exit_code_within(srv, GRACE_S + 5) == 0
    assert time.monotonic() - started < GRACE_S  # a stream does not hold the shutdown for the grace


def test_the_process_exits_0_when_the_grace_ends_with_a_request_still_unfinished(server_factory):
    srv = server_factory(extra_args=["--shutdown-grace", "1"])
    stuck = half_sent(srv, "GET /v1/courses HTTP/1.1")  # never finished by its client
    started = time.monotonic()
    srv.proc.terminate()
    assert exit_code_within(srv, 10) == 0
    assert time.monotonic() - started >= 1  # it waited for the grace before giving up
    stuck.close()
