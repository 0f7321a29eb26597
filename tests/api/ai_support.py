"""Helpers shared by the AI assistant scenario tests (no tests here).

Why a module of its own: the assistant's tests need the same cast (a
published free course, a paid one, a course the student is not in), the
same way to talk to /v1/ai/chat and to /v1/mcp (JSON-RPC 2.0), and a
stand-in for an OpenAI-compatible model: a real HTTP server on loopback
(Python's http.server) that answers Chat Completions requests from a script
and keeps every request it received, so a test can script tool-call turns
(including two calls in one turn and malformed arguments) and then read what
the service sent back to the model.
"""

from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from client import Client


def chat(c: Client, prompt: str, conversation_id: str | None = None, expect: int = 200) -> dict:
    body = {"prompt": prompt} | ({"conversation_id": conversation_id} if conversation_id else {})
    resp = c.post("/v1/ai/chat", json=body)
    assert resp.status_code == expect, resp.text
    return resp.json()


def calls_named(turn: dict, name: str) -> list[dict]:
    return [t for t in turn["tool_calls"] if t["name"] == name]


def mcp(c: Client, method: str, params: dict | None = None, rpc_id=1):
    """POSTs one JSON-RPC request to /v1/mcp as an MCP client does; returns the HTTP response."""
    message = {"jsonrpc": "2.0", "id": rpc_id, "method": method} | ({"params": params} if params is not None else {})
    return c.post("/v1/mcp", json=message, headers={"Accept": "application/json, text/event-stream"})


def mcp_result(c: Client, method: str, params: dict | None = None) -> dict:
    resp = mcp(c, method, params)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["jsonrpc"] == "2.0" and body["id"] == 1 and "error" not in body, body
    return body["result"]


def mcp_call(c: Client, name: str, arguments: dict) -> dict:
    """tools/call over MCP: {content, structuredContent, isError}."""
    return mcp_result(c, "tools/call", {"name": name, "arguments": arguments})


def unique_words() -> str:
    """Two made-up words no other course of the module shares, for an exact search."""
    return f"zq{secrets.token_hex(3)} xv{secrets.token_hex(3)}"


class StandInModel:
    """An OpenAI-compatible Chat Completions endpoint on loopback that answers from a script.

    `script` is a list of replies, one per POST, each either a dict
    (`reply(...)`) or a callable taking the request body and returning one.
    Every request body is kept in `requests`. An exhausted script answers 500.
    """

    def __init__(self):
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.script: list = []
        self.lock = threading.Lock()
        model = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's hook name)
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                with model.lock:
                    model.requests.append(body)
                    model.headers.append(dict(self.headers))
                    step = model.script.pop(0) if model.script else None
                if self.path != "/v1/chat/completions" or step is None:
                    self.send_response(500 if step is None else 404)
                    self.end_headers()
                    return
                answer = step(body) if callable(step) else step
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def start(self) -> "StandInModel":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def reply(content: str | None = None, tool_calls: list[tuple[str, str]] | None = None, tokens: int = 10) -> dict:
    """A Chat Completions response: text, or tool calls given as (name, arguments text)."""
    message: dict = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = [{"id": f"call_{i + 1}", "type": "function",
                                  "function": {"name": name, "arguments": args}}
                                 for i, (name, args) in enumerate(tool_calls)]
    return {"id": "chatcmpl-test", "object": "chat.completion", "model": "stand-in",
            "choices": [{"index": 0, "message": message,
                         "finish_reason": "tool_calls" if tool_calls else "stop"}],
            "usage": {"prompt_tokens": tokens - 1, "completion_tokens": 1, "total_tokens": tokens}}


def tool_messages(request: dict) -> list[dict]:
    return [m for m in request["messages"] if m["role"] == "tool"]
