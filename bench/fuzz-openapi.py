#!/usr/bin/python3
"""Fuzzes every operation of the served OpenAPI document.

What: starts `deltalabs serve` on a fresh SQLite database with the demo data
(`seed --demo`), or uses --base-url, fetches /v1/openapi.json and sends many
requests to every operation, with path, query, header and body values made
from the declared schemas:
  - valid: what the schema allows (ids of things that exist, taken from earlier
    answers, or random UUIDs);
  - boundary: minLength/maxLength, minimum/maximum, maxItems, one step inside
    and one outside;
  - hostile: wrong types, nulls, unknown fields, missing required fields,
    huge strings, negative and huge numbers, lone surrogates and NULs in JSON
    strings, invalid UTF-8 (raw bytes in the body; %FF, truncated %C3, overlong
    and surrogate encodings in paths and queries), not-JSON bodies, deep
    nesting, wrong content types, bodies over the limit, bad Idempotency-Keys;
each one anonymous or as a signed-in demo account (learner, instructor, admin).

Why: issue 18. Whatever a client sends, the answer is never a 5xx (each one
is printed with its request, and written with the rest to
bench/results/fuzz-failures-*.jsonl), and every 4xx is an
application/problem+json body that is valid UTF-8 JSON repeating the status.

Usage: bench/fuzz-openapi.py [--requests 100000] [--threads 4] [--seed N]
                             [--postgres URL|throwaway] [--base-url URL] [--binary PATH]
Exit status 1 if any request got a 5xx or no answer, or any 4xx broke the rules.
"""

from __future__ import annotations

import argparse
import base64
import collections
import datetime
import http.client
import json
import random
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deltalabs_proc import (DEMO_PASSWORD, ROOT, Database, Server, machine_line, newest_binary,  # noqa: E402
                            private_copy, run_cli)

IDENTITIES = {"learner": "learner1@deltalabs.local", "instructor": "instructor@deltalabs.local",
              "admin": "admin@deltalabs.local"}
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIMEOUT_S = 20

# Already percent-encoded hostile path segments and query values (sent as they are).
HOSTILE_URL_VALUES = [
    "", "%FF", "%C3", "abc%C3", "%C3%28", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%C0%80", "%00",
    "%FE%FF", "%EF%BB%BF", "%25", "%2F", "%2e%2e", "..", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%20", "+", "%0A",
    "%0D%0Aset-cookie:%20x=1", "%22", "%27%20OR%201%3D1--", "%3Cscript%3E", "null", "undefined", "true", "0",
    "-1", "1e309", "NaN", "99999999999999999999999", "-9223372036854775809", "0x10", "a" * 300, "b" * 9000,
    "%F0%9F%98%80", "%E2%80%AE", "%", "%G1", "%%", "%FF%FE%FD", "00000000-0000-0000-0000-000000000000",
    "00000000-0000-0000-0000-00000000000g", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "{id}", ":id", "*", "~",
]
# Hostile JSON values of any type.
HOSTILE_JSON = [None, True, False, 0, -1, 1.5, -0.0, 2**31, 2**63, 2**64, -2**63 - 1, 10**400, 1e308, -1e308,
                float("inf"), float("nan"), "", " ", "\u0000", "\ud800", "\udfff", "a\ud83d", "\u202e", "\ufeff",
                "%FF", "'; DROP TABLE users; --", "<script>alert(1)</script>", "😀" * 50, "x" * 100_000,
                [], [None], [[[[]]]], {}, {"": ""}, {"__proto__": {"admin": True}}, "1", "true", "null",
                "2026-13-45T99:99:99Z", "0000-00-00T00:00:00Z", "not-a-uuid", "@", "a@", "@b",
                "00000000-0000-0000-0000-000000000000"]
RAW_BODIES = [
    b"", b"{", b"}", b"[", b"{\"a\":", b"null", b"[]", b"\"text\"", b"123", b"true", b"{}garbage",
    b"{\"title\":\"\xff\xfe\"}", b"{\"name\":\"\xc3\"}", b"{\"\xc3\x28\":1}", b"\xef\xbb\xbf{}", b"\xff\xfe{\x00}\x00",
    b"{\"a\":1,\"a\":2}", b"{\"a\":" + b"1" * 500 + b"}", b"{\"a\":1e99999}", b"{\"a\":-}", b"{'a':1}",
    b"[" * 100_000, b"{\"a\":" * 20_000, b"\x00" * 64, b"{\"x\":\"" + b"\\ud800" + b"\"}",
    b"{\"x\":\"\\u0000\"}", b"{\"x\":\"\\uZZZZ\"}", b"{\"x\":\"\xed\xa0\x80\"}", b"{\"x\":\"\xc0\xaf\"}",
]
CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain", "application/xml",
                 "application/json; charset=latin-1", "multipart/form-data; boundary=x", "", "application/*",
                 "APPLICATION/JSON", "application/problem+json"]


# --- the document ----------------------------------------------------------
class Document:
    """The served OpenAPI document: operations and schema resolution."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.operations = []
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method in ("get", "post", "put", "patch", "delete"):
                    self.operations.append((method.upper(), path, op))

    def resolve(self, schema: dict) -> dict:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 20:
            node = self.doc
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema, seen = node, seen + 1
        return schema if isinstance(schema, dict) else {}


# --- values from schemas ---------------------------------------------------------
class Values:
    """Generates valid, boundary and hostile values; remembers ids the server answered with."""

    def __init__(self, document: Document):
        self.document = document
        self.ids: list[str] = []
        self.lock = threading.Lock()

    def remember_ids(self, value, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, str) and UUID_RE.match(v) and (k == "id" or k.endswith("_id")):
                    with self.lock:
                        if v not in self.ids:
                            self.ids.append(v)
                            if len(self.ids) > 3000:
                                self.ids.pop(random.randrange(len(self.ids)))
                else:
                    self.remember_ids(v, depth + 1)
        elif isinstance(value, list):
            for v in value[:50]:
                self.remember_ids(v, depth + 1)

    def some_id(self) -> str:
        with self.lock:
            if self.ids and random.random() < 0.8:
                return random.choice(self.ids)
        return str(uuid.uuid4())

    # Valid values.
    def valid(self, schema: dict, depth: int = 0):
        schema = self.document.resolve(schema)
        if "enum" in schema:
            return random.choice(schema["enum"])
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self.valid(random.choice(schema[key]), depth)
        types = schema.get("type", "object")
        if isinstance(types, list):
            real = [t for t in types if t != "null"]
            if not real or random.random() < 0.1:
                return None
            types = random.choice(real)
        if types == "object":
            return self.valid_object(schema, depth)
        if types == "array":
            if depth > 4:
                return []
            return [self.valid(schema.get("items", {}), depth + 1)
                    for _ in range(random.randint(0, min(schema.get("maxItems", 3), 3)))]
        if types == "string":
            return self.valid_string(schema)
        if types == "integer":
            low, high = schema.get("minimum", 0), schema.get("maximum", 100)
            return random.randint(low, min(high, low + 1000))
        if types == "number":
            return round(random.uniform(schema.get("minimum", 0), min(schema.get("maximum", 100), 1000)), 2)
        if types == "boolean":
            return random.random() < 0.5
        return None

    def valid_object(self, schema: dict, depth: int) -> dict:
        if depth > 4:
            return {}
        required = set(schema.get("required", []))
        out = {}
        for name, sub in schema.get("properties", {}).items():
            if name in required or random.random() < 0.5:
                out[name] = self.valid(sub, depth + 1)
        return out

    def valid_string(self, schema: dict) -> str:
        fmt = schema.get("format")
        if fmt == "uuid":
            return self.some_id()
        if fmt == "date-time":
            when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=random.randint(-48, 2000))
            return when.strftime("%Y-%m-%dT%H:00:00Z")
        if fmt == "email":
            return f"fuzz{secrets.token_hex(4)}@fuzz.test"
        low = schema.get("minLength", 0)
        high = min(schema.get("maxLength", 40), max(low, 40))
        alphabet = "abcdefghij klmnopqrstuvwxyzABC0123456789-_."
        if random.random() < 0.3:
            alphabet += "éü中😀"
        return "".join(random.choice(alphabet) for _ in range(random.randint(low, high)))

    # Boundary values: one field at (or one past) a declared limit.
    def boundary(self, schema: dict):
        schema = self.document.resolve(schema)
        types = schema.get("type")
        if isinstance(types, list):
            types = next((t for t in types if t != "null"), None)
        if types == "string" and not schema.get("enum") and schema.get("format") not in ("uuid", "date-time"):
            low, high = schema.get("minLength", 0), schema.get("maxLength", 255)
            return "y" * random.choice([low, max(low - 1, 0), high, high + 1, high * 4 + 3])
        if types == "integer":
            low, high = schema.get("minimum", -2**63), schema.get("maximum", 2**63 - 1)
            return random.choice([low, high, low - 1, high + 1, 0, -1])
        if types == "array":
            n = schema.get("maxItems", 10) + random.choice([0, 1])
            return [self.valid(schema.get("items", {}), 1) for _ in range(n)]
        return random.choice(HOSTILE_JSON)

    # Hostile bodies: a valid one, then a few things broken.
    def hostile_body(self, schema: dict):
        schema = self.document.resolve(schema)
        body = self.valid(schema)
        if not isinstance(body, dict) or random.random() < 0.1:
            return random.choice(HOSTILE_JSON)
        props = schema.get("properties", {})
        for _ in range(random.randint(1, 3)):
            how = random.random()
            names = list(props) or ["x"]
            name = random.choice(names)
            if how < 0.2 and body:
                body.pop(random.choice(list(body)), None)             # a field (maybe required) missing
            elif how < 0.35:
                body["unknown_" + secrets.token_hex(2)] = random.choice(HOSTILE_JSON)
            elif how < 0.5:
                body[name] = None
            elif how < 0.75:
                body[name] = random.choice(HOSTILE_JSON)              # the wrong type, or a hostile string
            elif how < 0.9:
                body[name] = self.boundary(props.get(name, {}))
            else:
                body[name] = self.hostile_body(props.get(name, {})) if props.get(name) else {"deep": [[[{}]]]}
        return body


def encode_json(value) -> bytes:
    """JSON text as a client might send it: ASCII escapes or raw UTF-8 (lone surrogates then
    become invalid UTF-8, which is a hostile input of its own)."""
    if random.random() < 0.5:
        return json.dumps(value).encode()
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


# --- one request ---------------------------------------------------------------------
class Request:
    """Everything needed to send (and to reproduce) one request."""

    def __init__(self, method: str, template: str, path: str, identity: str, headers: dict, body: bytes | None):
        self.method, self.template, self.path, self.identity = method, template, path, identity
        self.headers, self.body = headers, body

    def describe(self, limit: int = 400) -> str:
        body = "" if self.body is None else f" body ({len(self.body)} bytes) {self.body[:limit]!r}"
        headers = {k: (v if k != "Authorization" else f"Bearer <{self.identity} token>") for k, v in self.headers.items()}
        return f"{self.method} {self.path[:limit]} as {self.identity} headers {headers}{body}"

    def record(self) -> dict:
        return {"method": self.method, "path": self.path, "identity": self.identity,
                "headers": {k: v for k, v in self.headers.items() if k != "Authorization"},
                "body_base64": None if self.body is None else base64.b64encode(self.body).decode()}


class Fuzzer:
    def __init__(self, base_url: str, document: Document, tokens: dict, server: Server | None):
        self.base_url, self.document, self.tokens, self.server = base_url, document, tokens, server
        self.values = Values(document)
        self.lock = threading.Lock()
        self.restart_lock = threading.Lock()
        self.counts: collections.Counter = collections.Counter()
        self.statuses: collections.Counter = collections.Counter()
        self.per_operation: collections.Counter = collections.Counter()
        self.failures: list[tuple[str, Request, str]] = []

    # Building.
    def build(self) -> Request:
        method, template, op = random.choice(self.document.operations)
        identity = random.choice(["anonymous"] + list(self.tokens))
        params = op.get("parameters", [])
        path = self.fill_path(template)
        path += self.query(params)
        headers = {}
        if identity != "anonymous":
            headers["Authorization"] = "Bearer " + self.tokens[identity]
            if random.random() < 0.03:
                headers["Authorization"] = random.choice(["Bearer ", "Bearer x.y.z", "Basic YTpi", "Bearer " + "A" * 5000,
                                                          "Bearer " + self.tokens[identity][:-3] + "abc"])
        if any(p.get("name") == "Idempotency-Key" for p in params) or random.random() < 0.05:
            if random.random() < 0.85:
                headers["Idempotency-Key"] = random.choice([secrets.token_hex(8), "k" * 255, "k" * 256, "a b",
                                                            "\u00e9t\u00e9", "\x7f", secrets.token_hex(8)])
        body = self.body(method, op, headers)
        return Request(method, template, path, identity, headers, body)

    def fill_path(self, template: str) -> str:
        def one(_match) -> str:
            r = random.random()
            if r < 0.65:
                return self.values.some_id()  # mostly ids the server answered with
            if r < 0.75:
                return str(uuid.uuid4())
            return random.choice(HOSTILE_URL_VALUES)
        return re.sub(r"\{[^}]+\}", one, template)

    def query(self, params: list) -> str:
        pairs = []
        for p in params:
            if p.get("in") != "query" or random.random() < 0.5:
                continue
            name = p["name"]
            if random.random() < 0.6:
                value = self.values.valid(p.get("schema", {}))
                value = urllib.parse.quote(str(value).lower() if isinstance(value, bool) else str(value), safe="")
            else:
                value = random.choice(HOSTILE_URL_VALUES)
            pairs.append(f"{name}={value}")
        if random.random() < 0.15:
            pairs.append(f"{random.choice(HOSTILE_URL_VALUES)}={random.choice(HOSTILE_URL_VALUES)}")
        if random.random() < 0.05 and pairs:
            pairs.append(pairs[0])  # a repeated parameter
        return ("?" + "&".join(pairs)) if pairs else ""

    def body(self, method: str, op: dict, headers: dict) -> bytes | None:
        content = op.get("requestBody", {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema is None and (method not in ("POST", "PUT", "PATCH") or random.random() < 0.7):
            return None
        headers["Content-Type"] = "application/json" if random.random() < 0.9 else random.choice(CONTENT_TYPES)
        r = random.random()
        if schema is None or r < 0.1:
            raw = random.choice(RAW_BODIES)
            return raw if random.random() < 0.98 else b"{\"x\":\"" + b"z" * 1_100_000 + b"\"}"  # over the 1 MiB limit
        if r < 0.45:
            return encode_json(self.values.valid(schema))
        if r < 0.6:
            body = self.values.valid(schema)
            props = self.document.resolve(schema).get("properties", {})
            if isinstance(body, dict) and props:
                name = random.choice(list(props))
                body[name] = self.values.boundary(props[name])
            return encode_json(body)
        return encode_json(self.values.hostile_body(schema))

    # Sending and judging.
    def send(self, conn_box: list, req: Request):
        """Sends on the thread's keep-alive connection; returns (status, media type, body),
        or the exception when two tries on fresh connections got no answer."""
        for attempt in range(2):
            conn = conn_box[0]
            try:
                try:
                    conn.putrequest(req.method, req.path, skip_accept_encoding=True)
                    for k, v in req.headers.items():
                        conn.putheader(k, v.encode("utf-8", "surrogatepass") if isinstance(v, str) else v)
                    if req.body is not None:
                        conn.putheader("Content-Length", str(len(req.body)))
                    conn.endheaders(req.body)
                except OSError:
                    pass  # the server may answer (413) and close before reading the whole body
                resp = conn.getresponse()
                media = resp.getheader("Content-Type", "")
                if media.startswith("text/event-stream"):
                    conn.close()  # a stream never ends: its head is the answer
                    conn_box[0] = self.connect()
                    return resp.status, media, b""
                data = resp.read()
                if resp.will_close:
                    conn.close()
                    conn_box[0] = self.connect()
                return resp.status, media, data
            except (http.client.HTTPException, OSError) as e:
                conn.close()
                conn_box[0] = self.connect()
                if attempt == 1 or (self.server and not self.server.alive()):
                    return e
        return None

    def connect(self) -> http.client.HTTPConnection:
        parts = urllib.parse.urlsplit(self.base_url)
        return http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT_S)

    def judge(self, req: Request, answer) -> None:
        op_name = f"{req.method} {req.template}"
        with self.lock:
            self.counts["requests"] += 1
            self.per_operation[op_name] += 1
        if not isinstance(answer, tuple):
            self.fail("no answer", req, repr(answer))
            with self.restart_lock:
                if self.server and not self.server.alive():
                    self.fail("server died", req, self.server.log_tail(20))
                    self.server.start()
                    self.base_url = self.server.base_url
            return
        status, media, data = answer
        with self.lock:
            self.counts[f"{status // 100}xx"] += 1
            self.statuses[status] += 1
        if status >= 500:
            self.fail("5xx", req, f"{status} {data[:300]!r}")
        elif 400 <= status < 500:
            self.check_problem(req, status, media, data)
        elif 200 <= status < 300 and media.split(";")[0].strip() == "application/json":
            try:
                self.values.remember_ids(json.loads(data.decode("utf-8")))
            except (UnicodeDecodeError, ValueError) as e:
                self.fail("2xx JSON body not valid UTF-8 JSON", req, f"{status} {e}")

    def check_problem(self, req: Request, status: int, media: str, data: bytes) -> None:
        if media.split(";")[0].strip().lower() != "application/problem+json":
            self.fail("4xx not application/problem+json", req, f"{status} Content-Type {media!r} {data[:200]!r}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail("4xx body not valid UTF-8", req, f"{status} {e} {data[:200]!r}")
            return
        try:
            body = json.loads(text)
        except ValueError as e:
            self.fail("4xx body not JSON", req, f"{status} {e} {text[:200]!r}")
            return
        if not isinstance(body, dict) or body.get("status") != status or "code" not in body:
            self.fail("4xx problem lacks status or code", req, f"{status} {text[:200]!r}")

    def fail(self, kind: str, req: Request, detail: str) -> None:
        with self.lock:
            self.counts[kind] += 1
            self.failures.append((kind, req, detail))
            if kind in ("5xx", "server died") or self.counts[kind] <= 3:
                print(f"FAIL {kind}: {req.describe()} -> {detail[:400]}", file=sys.stderr, flush=True)

    def run(self, n: int, threads: int) -> None:
        remaining = [n]
        remaining_lock = threading.Lock()

        def worker():
            box = [self.connect()]
            while True:
                with remaining_lock:
                    if remaining[0] <= 0:
                        break
                    remaining[0] -= 1
                    left = remaining[0]
                req = self.build()
                self.judge(req, self.send(box, req))
                if left % 2000 == 0:
                    print(f"{n - left} requests, {dict(self.counts)}", file=sys.stderr, flush=True)
            box[0].close()

        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()

    def refresh_tokens(self) -> None:
        """Signs the demo accounts in again if a fuzzed request ended their sessions."""
        for name, email in IDENTITIES.items():
            if name not in self.tokens:
                continue
            me = requests.get(self.base_url + "/v1/users/me", headers={"Authorization": "Bearer " + self.tokens[name]},
                              timeout=TIMEOUT_S)
            if me.status_code == 401:
                login = requests.post(self.base_url + "/v1/auth/login", timeout=TIMEOUT_S,
                                      json={"email": email, "password": DEMO_PASSWORD})
                if login.status_code == 200:
                    self.tokens[name] = login.json()["access_token"]
                    self.counts[f"{name} signed in again"] += 1
                else:  # its password or status was changed: a new student account takes its place
                    self.counts[f"{name} could not sign in again ({login.status_code})"] += 1
                    self.tokens[name] = self.new_student()

    def new_student(self) -> str:
        email, password = f"fuzz-{secrets.token_hex(4)}@fuzz.test", "fuzz password 1"
        requests.post(self.base_url + "/v1/auth/register", timeout=TIMEOUT_S,
                      json={"email": email, "password": password, "first_name": "F", "last_name": "Z"})
        login = requests.post(self.base_url + "/v1/auth/login", timeout=TIMEOUT_S,
                              json={"email": email, "password": password})
        return login.json()["access_token"]


FAILURE_KINDS = ("5xx", "no answer", "server died", "4xx not application/problem+json", "4xx body not valid UTF-8",
                 "4xx body not JSON", "4xx problem lacks status or code", "2xx JSON body not valid UTF-8 JSON")


# --- the report -------------------------------------------------------------------------
def report(fuzzer: Fuzzer, header: list[str], log_500s: int) -> str:
    c = fuzzer.counts
    lines = header + ["", "| figure | count |", "|---|---|",
                      f"| requests | {c['requests']} |",
                      f"| operations in the document / fuzzed | {len(fuzzer.document.operations)} / "
                      f"{len(fuzzer.per_operation)} |"]
    for cls in ("2xx", "3xx", "4xx", "5xx"):
        lines.append(f"| {cls} answers | {c[cls]} |")
    lines += [f"| no answer (reset or {TIMEOUT_S} s timeout) | {c['no answer']} |",
              f"| server died | {c['server died']} |",
              f"| 4xx not application/problem+json | {c['4xx not application/problem+json']} |",
              f"| 4xx body not valid UTF-8 / not JSON / lacking status or code | {c['4xx body not valid UTF-8']} / "
              f"{c['4xx body not JSON']} / {c['4xx problem lacks status or code']} |",
              f"| 2xx JSON body not valid UTF-8 JSON | {c['2xx JSON body not valid UTF-8 JSON']} |",
              f"| lines with status 500 in the server log | {log_500s} |"]
    lines += ["", "Statuses: " + ", ".join(f"{s} x{n}" for s, n in sorted(fuzzer.statuses.items()))]
    sessions = {k: n for k, n in c.items() if "sign in again" in k or "signed in again" in k}
    if sessions:  # a fuzzed request (sign-out, a password or role change) ended a demo account's sessions
        lines += ["", "Demo accounts' sessions ended by fuzzed requests (checked every 2,000 requests): " +
                  "; ".join(f"{k} x{n}" for k, n in sorted(sessions.items()))]
    shown = [f for f in fuzzer.failures if f[0] in ("5xx", "server died", "no answer")][:30]
    shown += [f for f in fuzzer.failures if f[0] not in ("5xx", "server died", "no answer")][:20]
    if shown:
        lines += ["", f"Failures ({len(fuzzer.failures)}; all in the .jsonl file):"]
        lines += [f"- {kind}: `{req.describe(200)}` -> {detail[:300]}" for kind, req, detail in shown]
    return "\n".join(lines) + "\n"


def sign_in_all(base_url: str) -> dict:
    tokens = {}
    for name, email in IDENTITIES.items():
        resp = requests.post(base_url + "/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD},
                             timeout=TIMEOUT_S)
        if resp.status_code == 200:
            tokens[name] = resp.json()["access_token"]
    return tokens


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=100000)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--postgres", metavar="URL", help="a PostgreSQL admin URL, or 'throwaway'")
    ap.add_argument("--base-url", help="fuzz a server that is already running (its accounts: the demo ones)")
    ap.add_argument("--binary", type=Path, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    random.seed(seed)
    binary = args.binary or newest_binary()
    server = db = workdir = None
    started = time.monotonic()
    try:
        if args.base_url:
            base_url = args.base_url.rstrip("/")
        else:
            workdir = Path(tempfile.mkdtemp(prefix="deltalabs-fuzz."))
            program = private_copy(binary, workdir)
            db = Database(workdir, args.postgres)
            seeded = run_cli(program, db.url, "seed", "--demo")
            if seeded.returncode != 0:
                raise SystemExit(f"seed --demo failed: {seeded.stdout}{seeded.stderr}")
            server = Server(program, db.url, workdir, ["--auth-rate-limit", "0", "--sign-in-rate-limit", "0",
                                                     "--ai-rate-limit", "0"])
            server.start()
            base_url = server.base_url
        document = Document(requests.get(base_url + "/v1/openapi.json", timeout=TIMEOUT_S).json())
        fuzzer = Fuzzer(base_url, document, sign_in_all(base_url), server)
        load_before = machine_line()
        done = 0
        while done < args.requests:  # in slices, signing in again between them
            step = min(2000, args.requests - done)
            fuzzer.run(step, args.threads)
            fuzzer.refresh_tokens()
            done += step
        log_500s = 0
        if server:
            log_500s = len(re.findall(r'"status":\s*500\b', server.log_path.read_text(errors="replace")))
            if not server.alive():
                fuzzer.counts["server died"] += 1
        header = [f"OpenAPI fuzzing on {db.backend if db else base_url}, "
                  f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
                  f"{time.monotonic() - started:.0f} s, seed {seed}",
                  f"Binary: {binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary} (linked "
                  f"{datetime.datetime.fromtimestamp(binary.stat().st_mtime, datetime.timezone.utc):%H:%M} UTC); "
                  f"machine: {load_before}",
                  f"{args.threads} threads; identities: anonymous, {', '.join(fuzzer.tokens)}"]
        text = report(fuzzer, header, log_500s)
        print(text)
        out = ROOT / "bench" / "results"
        out.mkdir(parents=True, exist_ok=True)
        stamp = f"{datetime.datetime.now():%Y%m%d-%H%M%S}"
        (out / f"fuzz-openapi-{stamp}.md").write_text(text)
        with open(out / f"fuzz-failures-{stamp}.jsonl", "w") as f:
            for kind, req, detail in fuzzer.failures:
                f.write(json.dumps({"kind": kind, "detail": detail, **req.record()}) + "\n")
        c = fuzzer.counts
        bad = log_500s or any(c[k] for k in FAILURE_KINDS)
        return 1 if bad else 0
    finally:
        if server:
            server.stop()
        if db:
            db.drop()
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
