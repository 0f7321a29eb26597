"""A local stand-in for a Stripe-compatible card processor (no tests here).

Why: the card adapter must be tested end to end — real HTTP over libcurl,
form bodies, Bearer keys, Idempotency-Key, 402 declines, refunds — without
the internet. This server speaks the small part of the PaymentIntents API
the adapter uses, remembers what it was asked, and builds signed webhook
deliveries the way the processor signs them (t=<unix>,v1=HMAC-SHA256 hex of
"t.payload").

Test payment methods: pm_card_visa succeeds at once, pm_card_chargeDeclined
is declined (402 card_error), pm_card_processing stays processing until a
webhook says otherwise.

Faults on demand: answer_next(status, reply) makes the next API call answer
that instead (and remember nothing), delay_next(seconds) makes it answer
late (after doing its work, as a processor whose answer is lost on the way
does), and refunded_event() builds the charge.refunded event of a refund
made at the processor's own dashboard.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

API_KEY = "sk_test_standin"
WEBHOOK_SECRET = "whsec_standin"


class CardStandIn:
    """The processor's state: payment intents, refunds and every request seen."""

    def __init__(self):
        self.intents: dict[str, dict] = {}
        self.refunds: list[dict] = []
        self.requests: list[dict] = []
        self.replies: dict[str, tuple[int, dict]] = {}  # Idempotency-Key -> first answer
        self.script: list[tuple[str, object]] = []  # faults for the next calls, in order
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> "CardStandIn":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- faults on demand ---------------------------------------------------------
    def answer_next(self, status: int, reply: dict | None = None) -> None:
        """The next API call answers `status` with `reply`, doing nothing."""
        with self.lock:
            self.script.append(("answer", (status, reply or {"error": {"type": "api_error"}})))

    def delay_next(self, seconds: float) -> None:
        """The next API call does its work, then answers after `seconds`."""
        with self.lock:
            self.script.append(("delay", seconds))

    def calls_to(self, path: str, order_id: str | None = None) -> list[dict]:
        with self.lock:
            return [r for r in self.requests if r["path"] == path
                    and (order_id is None or r["form"].get("metadata[order_id]") == order_id)]

    def refund_at_processor(self, intent: dict, amount: int) -> None:
        """A refund made at the processor's dashboard, without the platform."""
        with self.lock:
            self.refunds.append({"id": f"re_{secrets.token_hex(8)}", "payment_intent": intent["id"],
                                 "amount": amount, "status": "succeeded"})

    def refunded_event(self, intent: dict, event_id: str | None = None) -> str:
        """The charge.refunded event of `intent`, with everything refunded so far."""
        with self.lock:
            refunded = sum(r["amount"] for r in self.refunds if r["payment_intent"] == intent["id"])
        charge = {"id": f"ch_{secrets.token_hex(8)}", "object": "charge", "payment_intent": intent["id"],
                  "amount": intent["amount"], "amount_refunded": refunded,
                  "refunded": refunded >= intent["amount"], "metadata": intent["metadata"]}
        return json.dumps({"id": event_id or f"evt_{secrets.token_hex(8)}", "object": "event",
                           "type": "charge.refunded", "created": int(time.time()), "data": {"object": charge}})

    # --- the API ---------------------------------------------------------------
    def _intent(self, form: dict) -> tuple[int, dict]:
        pi = {"id": f"pi_{secrets.token_hex(8)}", "object": "payment_intent", "amount": int(form["amount"]),
              "currency": form["currency"], "metadata": {"order_id": form.get("metadata[order_id]"),
                                                         "order_number": form.get("metadata[order_number]")}}
        method = form.get("payment_method", "")
        if method == "pm_card_chargeDeclined":
            pi["status"] = "requires_payment_method"
            self.intents[pi["id"]] = pi
            return 402, {"error": {"type": "card_error", "code": "card_declined",
                                   "message": "Your card was declined.", "payment_intent": pi}}
        pi["status"] = "processing" if method == "pm_card_processing" else "succeeded"
        self.intents[pi["id"]] = pi
        return 200, pi

    def _refund(self, form: dict) -> tuple[int, dict]:
        pi = self.intents.get(form.get("payment_intent", ""))
        amount = int(form.get("amount", "0"))
        refunded = sum(r["amount"] for r in self.refunds if r["payment_intent"] == form.get("payment_intent"))
        if pi is None or pi["status"] != "succeeded" or refunded + amount > pi["amount"]:
            return 400, {"error": {"type": "invalid_request_error", "message": "cannot refund"}}
        refund = {"id": f"re_{secrets.token_hex(8)}", "payment_intent": pi["id"], "amount": amount,
                  "status": "succeeded"}
        self.refunds.append(refund)
        return 200, refund

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                form = {k: v[0] for k, v in parse_qs(body).items()}
                key = self.headers.get("Idempotency-Key", "")
                with standin.lock:
                    standin.requests.append({"path": self.path, "form": form, "idempotency_key": key,
                                             "authorization": self.headers.get("Authorization")})
                    fault, arg = standin.script.pop(0) if standin.script else (None, None)
                    if fault == "answer":
                        status, reply = arg
                    elif self.headers.get("Authorization") != f"Bearer {API_KEY}":
                        status, reply = 401, {"error": {"type": "authentication_error"}}
                    elif key and key in standin.replies:
                        status, reply = standin.replies[key]
                    elif self.path == "/v1/payment_intents":
                        status, reply = standin._intent(form)
                    elif self.path == "/v1/refunds":
                        status, reply = standin._refund(form)
                    else:
                        status, reply = 404, {"error": {"type": "invalid_request_error"}}
                    if key and status < 500 and fault != "answer":
                        standin.replies[key] = (status, reply)
                if fault == "delay":
                    time.sleep(arg)
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    # --- webhooks ----------------------------------------------------------------
    def intent_of(self, order_id: str) -> dict:
        return [pi for pi in self.intents.values() if pi["metadata"]["order_id"] == order_id][0]

    def event(self, type_: str, intent: dict, created: int | None = None, event_id: str | None = None) -> str:
        obj = dict(intent)
        obj["status"] = {"payment_intent.succeeded": "succeeded",
                         "payment_intent.payment_failed": "requires_payment_method"}.get(type_, obj["status"])
        return json.dumps({"id": event_id or f"evt_{secrets.token_hex(8)}", "object": "event", "type": type_,
                           "created": created or int(time.time()), "data": {"object": obj}})


def signature(payload: str, secret: str = WEBHOOK_SECRET, t: int | None = None) -> str:
    t = int(time.time()) if t is None else t
    mac = hmac.new(secret.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"
