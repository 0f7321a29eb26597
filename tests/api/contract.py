"""The served OpenAPI document as a contract every API response is checked against.

`Client` (client.py) hands each response it receives to `Contract.check`, which
returns the ways the response breaks the document the same server serves at
/v1/openapi.json. The rules:

- The operation is found like the server's router finds a route: segment by
  segment, a literal segment wins over a `{param}` one (`/v1/users/me` over
  `/v1/users/{id}`), with no backtracking.
- The status must be declared by the operation. A 2xx or 3xx must be declared
  explicitly; an error status the operation does not list falls to `default`
  (every operation declares it as Problem) and is noted, not reported, so the
  survey can list statuses that are answered but not declared.
- A declared body must come with a declared media type (`text/*` and `*/*`
  ranges count). A JSON body (application/json or any +json) must parse and
  validate, with formats asserted, against the declared schema: OpenAPI 3.1
  schemas are JSON Schema 2020-12, `$ref`s resolve over the whole document. A
  JSON media type declared without a schema is a violation; other media (HTML,
  text, calendars, event streams, static files) are checked by media type only.
  Every application/problem+json body must also match components/schemas/Problem.
- 204, 304 and every answer to HEAD carry no body; a status that declares no
  content must not have one.

What is outside the document by design, and how it is judged:
- HEAD is answered by the GET route of the path without a body (RFC 9110), so
  it is checked against the GET operation, status and media type only.
- OPTIONS is answered by the pipeline for every known path (Allow, CORS
  preflight): it must be a 200 or 204 without a body.
- A path no operation has (404) and a method its path lacks (405) get errors
  that must be problem+json matching Problem; any other answer is a violation.
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass, field

import requests
from jsonschema import Draft202012Validator, FormatChecker, RefResolver

OPENAPI_PATH = "/v1/openapi.json"
PROBLEM_REF = "#/components/schemas/Problem"
PROBLEM_SCHEMA = {"$ref": PROBLEM_REF}
# How an answer outside every operation (404, 405, ...) must look.
PROBLEM_RESPONSE = {"description": "Problem", "content": {"application/problem+json": {"schema": PROBLEM_SCHEMA}}}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
NO_BODY_STATUSES = (204, 304)
MAX_SCHEMA_ERRORS = 5  # per response: enough to fix it, short enough to read


@dataclass(frozen=True)
class Violation:
    """One way a response breaks the contract."""

    kind: str  # no-schema | undeclared-status | schema | media-type | body | outside-document | no-contract
    method: str
    path: str  # as requested, without the query
    status: int
    operation: str  # "GET /v1/users/{id}", or "" when no operation matched
    detail: str

    def __str__(self) -> str:
        where = f" (operation {self.operation})" if self.operation else ""
        return f"{self.method} {self.path} -> {self.status}{where}: [{self.kind}] {self.detail}"


@dataclass(frozen=True)
class Note:
    """An error status answered by an operation that covers it only with `default`."""

    operation: str
    status: int


@dataclass
class _Node:
    children: dict = field(default_factory=dict)  # literal segment -> _Node
    param: "_Node | None" = None
    template: str | None = None  # the document's path when a path item ends here


def media_type(content_type: str | None) -> str:
    """`text/html; charset=utf-8` -> `text/html` ("" when absent)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


class Contract:
    """The checks of one served OpenAPI document."""

    def __init__(self, document: dict):
        self.document = document
        self.paths: dict = document.get("paths") or {}
        self._root = _Node()
        for template in self.paths:
            self._add(template)
        self._resolver = RefResolver.from_schema(document)
        self._validators: dict[int, tuple] = {}  # id(schema) -> (schema, validator)
        self._format_checker = FormatChecker()
        self.notes: list[Note] = []  # appended by check(); read by the survey

    # --- finding the operation -------------------------------------------------
    def _add(self, template: str) -> None:
        node = self._root
        for seg in _segments(template):
            if seg.startswith("{") and seg.endswith("}"):
                node.param = node.param or _Node()
                node = node.param
            else:
                node = node.children.setdefault(seg, _Node())
        node.template = template

    def path_template(self, path: str) -> str | None:
        """The document's path that the server's router would match for `path`, or None."""
        node = self._root
        for seg in _segments(path):
            if seg in node.children:
                node = node.children[seg]
            elif node.param is not None and seg:
                node = node.param
            else:
                return None
        return node.template

    def operation(self, method: str, path: str) -> tuple[str, dict] | None:
        """(template, operation object) for a request, or None when the document has none."""
        template = self.path_template(path)
        if template is None:
            return None
        op = self.paths[template].get(method.lower())
        return (template, op) if isinstance(op, dict) else None

    # --- checking a response ---------------------------------------------------
    def check(self, method: str, url_or_path: str, status: int, content_type: str | None,
              body: bytes | None) -> list[Violation]:
        """Every way this response breaks the document (empty when it keeps it).

        `body` is None when it was not read (a stream): then only the status
        and the media type are checked."""
        method = method.upper()
        path = urllib.parse.urlsplit(url_or_path).path or "/"
        template = self.path_template(path)
        lookup = "GET" if method == "HEAD" else method
        op = self.paths[template].get(lookup.lower()) if template else None

        def violation(kind: str, detail: str, operation: str = "") -> Violation:
            return Violation(kind, method, path, status, operation, detail)

        if not isinstance(op, dict):
            return self._check_outside(method, template, status, content_type, body, violation)
        name = f"{lookup} {template}"
        out: list[Violation] = []
        declared = self._declared_response(op, status)
        if declared is None:
            codes = ", ".join(k for k in op.get("responses", {}))
            why = "a success or redirect status must be declared explicitly" if status < 400 else "there is no default"
            return [violation("undeclared-status", f"status {status} is not declared (declared: {codes}); {why}",
                              name)]
        key, response = declared
        if key == "default":
            self.notes.append(Note(name, status))
        out += self._check_body(method, status, response, content_type, body, violation, name)
        return out

    def _check_outside(self, method, template, status, content_type, body, violation) -> list[Violation]:
        if method == "OPTIONS" and template is not None:
            if status not in (200, 204):
                return [violation("outside-document", f"OPTIONS of a known path answered {status}, not 200/204")]
            return [violation("body", "OPTIONS answer has a body")] if body else []
        if status >= 400:
            return self._check_body(method, status, PROBLEM_RESPONSE, content_type, body, violation, "")
        where = "no path of the document matches" if template is None else f"{template} has no {method}"
        return [violation("outside-document", f"{where}, yet the server answered {status}")]

    def _declared_response(self, op: dict, status: int) -> tuple[str, dict] | None:
        responses = op.get("responses") or {}
        for key in (str(status), f"{status // 100}XX"):
            if key in responses:
                return key, self._deref(responses[key])
        if status >= 400 and "default" in responses:
            return "default", self._deref(responses["default"])
        return None

    def _check_body(self, method, status, response, content_type, body, violation, name) -> list[Violation]:
        content: dict = response.get("content") or {}
        if body is None:
            if not content:
                return []
            return self._check_media(media_type(content_type), content, violation, name)[1]
        if method == "HEAD" or status in NO_BODY_STATUSES:
            if body:
                return [violation("body", f"a {'HEAD answer' if method == 'HEAD' else status} must have no body, "
                                          f"got {len(body)} bytes", name)]
            if method == "HEAD" and content and content_type:
                return self._check_media(media_type(content_type), content, violation, name)[1]
            return []
        if not content:
            return [violation("body", f"the status declares no content, got {len(body)} bytes of "
                                      f"{content_type!r}", name)] if body else []
        if not body:
            return [violation("body", f"the status declares {sorted(content)}, got an empty body", name)]
        media = media_type(content_type)
        declared_media, out = self._check_media(media, content, violation, name)
        if declared_media is None:
            return out
        if is_json(media):
            try:
                instance = json.loads(body)
            except ValueError as e:
                return [violation("body", f"{media} body is not JSON: {e}", name)]
            schema = content[declared_media].get("schema")
            if schema is None:
                out.append(violation("no-schema", f"{declared_media} is declared without a schema", name))
            else:
                out += [violation("schema", e, name) for e in self.schema_errors(schema, instance)]
            if media == "application/problem+json" and schema != PROBLEM_SCHEMA:
                out += [violation("schema", "Problem: " + e, name)
                        for e in self.schema_errors(PROBLEM_SCHEMA, instance)]
        return out

    @staticmethod
    def _check_media(media: str, content: dict, violation, name) -> tuple[str | None, list[Violation]]:
        for candidate in (media, media.split("/", 1)[0] + "/*", "*/*"):
            if candidate in content:
                return candidate, []
        return None, [violation("media-type", f"Content-Type {media or 'absent'} is not declared "
                                              f"(declared: {', '.join(sorted(content))})", name)]

    def schema_errors(self, schema, instance) -> list[str]:
        """Why `instance` fails `schema` (a schema of this document), at most MAX_SCHEMA_ERRORS reasons."""
        # Keyed by identity; the entry keeps the schema alive, so its id is never reused.
        kept, validator = self._validators.get(id(schema), (None, None))
        if kept is not schema:
            validator = Draft202012Validator(schema, resolver=self._resolver, format_checker=self._format_checker)
            self._validators[id(schema)] = (schema, validator)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        out = [f"at {e.json_path}: {_short(e.message)}" for e in errors[:MAX_SCHEMA_ERRORS]]
        if len(errors) > MAX_SCHEMA_ERRORS:
            out.append(f"... and {len(errors) - MAX_SCHEMA_ERRORS} more schema errors")
        return out

    def _deref(self, obj: dict) -> dict:
        """A Response object with its `$ref` (into components/responses) followed."""
        seen = 0
        while isinstance(obj, dict) and "$ref" in obj and seen < 10:
            _, obj = self._resolver.resolve(obj["$ref"])
            seen += 1
        return obj


def _segments(path: str) -> list[str]:
    """Like the server's router: "/a/b/" -> ["a", "b", ""]; "/" -> []."""
    if path == "/":
        return []
    return (path[1:] if path.startswith("/") else path).split("/")


def _short(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[:limit] + "..."


# --- one contract per server ----------------------------------------------------
_contracts: dict[str, Contract] = {}
_violations: dict[str, list[Violation]] = {}
_retired_notes: list[Note] = []  # of contracts forgotten


def fetch(base_url: str, timeout: float = 10.0) -> Contract:
    """The contract `base_url` serves, fetched on first use and kept (raises when it cannot be had)."""
    contract = _contracts.get(base_url)
    if contract is None:
        resp = requests.get(base_url + OPENAPI_PATH, timeout=timeout)
        if resp.status_code != 200:
            raise RuntimeError(f"GET {OPENAPI_PATH} answered {resp.status_code}: {resp.text[:300]}")
        contract = _contracts[base_url] = Contract(resp.json())
    return contract


def use(base_url: str, contract: Contract | None) -> None:
    """Replaces (or, with None, forgets) the contract kept for `base_url`."""
    if contract is None:
        _contracts.pop(base_url, None)
    else:
        _contracts[base_url] = contract


def violations_for(base_url: str) -> list[Violation]:
    """The one list every Client of `base_url` records its violations in."""
    return _violations.setdefault(base_url, [])


def forget(base_url: str) -> None:
    """Drops what is kept for `base_url` (a new server may listen there now),
    keeping its contract's notes for the survey."""
    contract = _contracts.pop(base_url, None)
    if contract is not None:
        _retired_notes.extend(contract.notes)
    violations_for(base_url).clear()


def notes() -> list[Note]:
    """Every error status answered through `default`, over all servers of this run."""
    return _retired_notes + [n for c in _contracts.values() for n in c.notes]
