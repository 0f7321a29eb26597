"""Helpers shared by the engagement scenario tests (no tests here).

Why a module of its own: Q&A, community events and notifications all start
from the same situation — a published course, its instructor, some enrolled
learners and an outsider who is not enrolled — built through the public API,
and the notification tests read Server-Sent Events, which `requests` cannot
read and close cleanly from a test: EventStream speaks HTTP/1.1 on a raw
socket instead.
"""

from __future__ import annotations

import queue
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from client import Client
from catalog_support import Cast, published_course, register_student, user_id


def enroll(c: Client, course_id: str) -> dict:
    resp = c.post("/v1/enrollments", json={"course_id": course_id})
    assert resp.status_code == 201, resp.text
    return resp.json()


def token_of(c: Client) -> str:
    return c.token


@dataclass
class Community:
    """A published course taught by cast.teacher, with enrolled learners and one outsider."""
    course: dict
    teacher: Client
    learners: list[Client]
    outsider: Client
    ids: dict[int, str] = field(default_factory=dict)  # id(client) -> user id

    def uid(self, c: Client) -> str:
        if id(c) not in self.ids:
            self.ids[id(c)] = user_id(c)
        return self.ids[id(c)]


def make_community(server, cast: Cast, learners: int = 3, **course) -> Community:
    made = published_course(cast.teacher, cast, **course)
    with ThreadPoolExecutor(max_workers=8) as pool:
        members = list(pool.map(lambda _: register_student(server), range(learners)))
        list(pool.map(lambda c: enroll(c, made["id"]), members))
    return Community(course=made, teacher=cast.teacher, learners=members, outsider=register_student(server))


def ask(c: Client, course_id: str, title: str = "How does this work?", body: str = "Please explain.") -> dict:
    resp = c.post(f"/v1/courses/{course_id}/questions", json={"title": title, "body": body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def answer(c: Client, question_id: str, body: str = "Like this.") -> dict:
    resp = c.post(f"/v1/questions/{question_id}/answers", json={"body": body})
    assert resp.status_code == 201, resp.text
    return resp.json()


def notifications(c: Client) -> list[dict]:
    resp = c.get("/v1/notifications", params={"limit": 100})
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


# --- Server-Sent Events ------------------------------------------------------------------------
class EventStream:
    """GET /v1/notifications/stream on a raw socket, read on a thread of its own.

    `status` and `headers` are read at once; a 200 is then read chunk by chunk
    into `events` (dicts with id, event, data) and `comments` (text after ':').
    close() shuts the socket down, which ends the reader at once.
    """

    def __init__(self, server, token: str | None, last_event_id: str | None = None, query: str = ""):
        self.sock = socket.create_connection((server.host, server.port), timeout=10)
        lines = [f"GET /v1/notifications/stream{query} HTTP/1.1", f"Host: {server.host}:{server.port}",
                 "Accept: text/event-stream"]
        if token:
            lines.append(f"Authorization: Bearer {token}")
        if last_event_id:
            lines.append(f"Last-Event-ID: {last_event_id}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        self.file = self.sock.makefile("rb")
        self.status = int(self.file.readline().split()[1])
        self.headers: dict[str, str] = {}
        while (line := self.file.readline().decode().strip()):
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        self.events: queue.Queue = queue.Queue()
        self.comments: queue.Queue = queue.Queue()
        self.ended = threading.Event()
        self.body = b""
        if self.headers.get("transfer-encoding") == "chunked" and self.status == 200:
            self.sock.settimeout(None)
            threading.Thread(target=self._read, daemon=True).start()
        else:
            self.body = self.file.read(int(self.headers.get("content-length", "0")))
            self.ended.set()

    def _read(self) -> None:
        pending = ""
        try:
            while True:
                size = int(self.file.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    break
                pending += self.file.read(size).decode()
                self.file.readline()  # the CRLF after the chunk
                while "\n\n" in pending:
                    block, pending = pending.split("\n\n", 1)
                    self._dispatch(block)
        except (OSError, ValueError):
            pass
        finally:
            self.ended.set()

    def _dispatch(self, block: str) -> None:
        event: dict[str, str] = {}
        for line in block.split("\n"):
            if line.startswith(":"):
                self.comments.put(line[1:].strip())
                continue
            name, _, value = line.partition(":")
            event[name] = value[1:] if value.startswith(" ") else value
        if "data" in event or "id" in event:
            self.events.put(event)

    def next_event(self, timeout: float = 1.0) -> dict:
        """The next event; fails the test when none arrives within `timeout` seconds."""
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no event within {timeout}s") from None

    def no_event(self, wait: float = 0.5) -> bool:
        try:
            self.events.get(timeout=wait)
            return False
        except queue.Empty:
            return True

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.ended.wait(5)
