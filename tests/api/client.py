"""A small HTTP client for the API scenario tests.

Wraps one keep-alive `requests.Session` against a running `deltalabs serve`.
Every call returns the plain `requests.Response`, so tests assert on real
status codes, headers and bodies. Any 500 the client sees is remembered so the
fixture can fail the test that caused it, even when the test did not look.
Likewise every response is checked against the OpenAPI document the server
serves (contract.py): each way it breaks the document is recorded in
`contract_violations`, one list shared by every Client of that server, which
the fixtures turn into a failure of the test that caused it.
"""

from __future__ import annotations

import socket
import time

import requests

import contract

PROBLEM_MEMBERS = ("type", "title", "status", "detail", "code", "message", "requestId")


class Client:
    def __init__(self, base_url: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.token: str | None = None
        self.server_errors: list[str] = []  # "METHOD PATH -> 500" of every 500 seen
        # Shared by every Client of this server (contract.violations_for).
        self.contract_violations: list[contract.Violation] = contract.violations_for(self.base_url)

    # --- authentication -------------------------------------------------
    def set_token(self, token: str | None) -> "Client":
        """Send `Authorization: Bearer <token>` on every later request (None clears it)."""
        self.token = token
        return self

    def with_token(self, token: str | None) -> "Client":
        """A second client for the same server acting with another token."""
        other = Client(self.base_url, self.timeout)
        other.server_errors = self.server_errors  # one list: the fixture checks it
        other.contract_violations = self.contract_violations
        return other.set_token(token)

    # --- requests -------------------------------------------------------
    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if self.token is not None and "Authorization" not in headers:
            headers["Authorization"] = f"Bearer {self.token}"
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("allow_redirects", False)
        resp = self.session.request(method, self.base_url + path, headers=headers, **kwargs)
        if resp.status_code == 500:
            self.server_errors.append(f"{method} {path} -> 500: {resp.text[:300]}")
        # A streamed body (event streams) is the test's to read: only its status and media are checked.
        self.contract_violations.extend(self.check_contract(resp, read_body=not kwargs.get("stream")))
        return resp

    def check_contract(self, resp: requests.Response, read_body: bool = True) -> list[contract.Violation]:
        """How `resp` breaks the document its server serves (its request says which operation)."""
        req = resp.request
        try:
            served = contract.fetch(self.base_url, self.timeout)
        except Exception as e:  # no document, no check: that is a violation itself
            return [contract.Violation("no-contract", req.method, req.path_url.split("?")[0], resp.status_code,
                                       "", f"cannot fetch {contract.OPENAPI_PATH}: {e}")]
        return served.check(req.method, req.path_url, resp.status_code, resp.headers.get("Content-Type"),
                            resp.content if read_body else None)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, json=None, **kwargs) -> requests.Response:
        return self.request("POST", path, json=json, **kwargs)

    def put(self, path: str, json=None, **kwargs) -> requests.Response:
        return self.request("PUT", path, json=json, **kwargs)

    def patch(self, path: str, json=None, **kwargs) -> requests.Response:
        return self.request("PATCH", path, json=json, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    def options(self, path: str, **kwargs) -> requests.Response:
        return self.request("OPTIONS", path, **kwargs)

    def close(self) -> None:
        self.session.close()


def assert_problem(resp: requests.Response, status: int, code: str | None = None) -> dict:
    """Asserts an RFC 9457 problem response of our shape and returns its body.

    Checks the status, the media type, every member the contract requires, that
    the body repeats the status, and that requestId is the X-Request-Id header.
    """
    assert resp.status_code == status, f"expected {status}, got {resp.status_code}: {resp.text[:500]}"
    media = resp.headers.get("Content-Type", "").split(";")[0].strip()
    assert media == "application/problem+json", f"Content-Type is {media!r}: {resp.text[:200]}"
    body = resp.json()
    missing = [m for m in PROBLEM_MEMBERS if m not in body]
    assert not missing, f"problem body lacks {missing}: {body}"
    assert body["status"] == status, body
    assert body["requestId"] == resp.headers.get("X-Request-Id"), (body["requestId"], resp.headers.get("X-Request-Id"))
    if code is not None:
        assert body["code"] == code, f"expected code {code}, got {body['code']}: {body}"
    return body


# --- raw HTTP, for what requests refuses to send ----------------------------
def raw_exchange(host: str, port: int, data: bytes, *, timeout: float = 10.0, half_close: bool = False) -> bytes:
    """Sends bytes on a fresh TCP connection and returns everything read until the server closes or goes quiet.

    With half_close the client shuts down its sending side after the bytes
    (an early end of the request). Errors while sending are ignored: a server
    may legitimately answer and close before it has read everything.
    """
    with socket.create_connection((host, port), timeout=timeout) as s:
        try:
            s.sendall(data)
            if half_close:
                s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        return read_until_quiet(s, timeout)


def read_until_quiet(s: socket.socket, timeout: float = 10.0, head: bool = False) -> bytes:
    """Reads until one complete response (by Content-Length; headers only when
    it answers a HEAD), EOF, a reset, or `timeout` seconds."""
    data = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not _complete(data, head):
        s.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            chunk = s.recv(65536)
        except (socket.timeout, ConnectionResetError):
            break
        if not chunk:
            break
        data += chunk
    return data


def _complete(data: bytes, head: bool) -> bool:
    header, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    if head:
        return True
    for line in header.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length" and value.strip().isdigit():
            return len(body) >= int(value.strip())
    return False


def parse_status(raw: bytes) -> int | None:
    """The status code of the first HTTP response in raw bytes, or None."""
    line = raw.split(b"\r\n", 1)[0]
    parts = line.split(b" ")
    if len(parts) >= 2 and parts[0].startswith(b"HTTP/") and parts[1].isdigit():
        return int(parts[1])
    return None
