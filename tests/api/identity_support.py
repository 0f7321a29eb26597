"""Helpers shared by the identity scenario tests (test_auth, test_tokens, test_users).

- a module-scoped server with a known JWT signing key and a local SMTP sink,
  so tests can mint their own tokens and read the mail the server sends;
- accounts: unique emails, register + login in one call, an administrator
  bootstrapped with `deltalabs admin create` (or straight SQL when that
  command is not available);
- HS256 JWT minting with any header and claims, for forged-token tests.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import uuid

import pytest
from requests.adapters import HTTPAdapter

from client import Client
from conftest import Server, free_port

# The key the identity test servers sign with: `--jwt-keys test:<secret>`.
JWT_KID = "test"
JWT_SECRET = "identity-tests-signing-key-0001"
ISSUER = "deltalabs"
AUDIENCE = "deltalabs-api"
PASSWORD = "correct horse battery staple"
SUPER_ADMIN_ROLE_ID = "01900000-0001-7000-8000-00000000000d"
STUDENT_ROLE_ID = "01900000-0001-7000-8000-000000000001"
TEACHER_ROLE_ID = "01900000-0001-7000-8000-000000000003"


# --- servers -------------------------------------------------------------------
def start_module_server(databases, tmp_path_factory, extra_args=()):
    """A started server with the test signing key (and any extra flags)."""
    args = ["--jwt-keys", f"{JWT_KID}:{JWT_SECRET}", *extra_args]
    return Server(databases.create(), args, tmp_path_factory.mktemp("server")).start()


def stop_module_server(srv) -> None:
    """Stops a module server; fails the module if it misbehaved (like conftest's `server`)."""
    srv.stop()
    problems = srv.problems_after_stop()
    if problems:
        pytest.fail("the module's server misbehaved:\n  " + "\n  ".join(problems) +
                    f"\n--- server log (tail) ---\n{srv.log_tail()}", pytrace=False)


class SourceAddressAdapter(HTTPAdapter):
    """Connects from a chosen local address (any 127.x.y.z works on loopback)."""

    def __init__(self, source_ip: str, **kwargs):
        self.source_ip = source_ip
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source_ip, 0)
        super().init_poolmanager(*args, **kwargs)


def client_from(srv, source_ip: str) -> Client:
    """A client of `srv` that connects from `source_ip` (a 127.x.y.z address), standing for another machine."""
    c = srv.client()
    c.session.mount("http://", SourceAddressAdapter(source_ip))
    return c


# --- accounts -------------------------------------------------------------------
def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{secrets.token_hex(5)}@example.test"


def unique_username(prefix: str = "u") -> str:
    return f"{prefix}_{secrets.token_hex(5)}"


def register(client, email_address: str | None = None, password: str = PASSWORD, **fields) -> dict:
    """Registers an account (asserting 201) and returns the user object."""
    body = {"email": email_address or unique_email(), "password": password, "first_name": "Ada",
            "last_name": "Lovelace", **fields}
    resp = client.post("/v1/auth/register", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()["user"]


def login(client, login_name: str, password: str = PASSWORD, by: str = "email") -> dict:
    """Signs in (asserting 200) and returns the token response."""
    resp = client.post("/v1/auth/login", json={by: login_name, "password": password})
    assert resp.status_code == 200, resp.text
    return resp.json()


class Account:
    """A registered, signed-in user: `user`, `email`, `password`, `tokens`, and a client acting as them."""

    def __init__(self, client, **fields):
        self.email = fields.pop("email", None) or unique_email()
        self.password = fields.pop("password", PASSWORD)
        self.user = register(client, self.email, self.password, **fields)
        self.id = self.user["id"]
        self.tokens = login(client, self.email, self.password)
        self.client = client.with_token(self.tokens["access_token"])

    @property
    def access_token(self) -> str:
        return self.tokens["access_token"]

    @property
    def refresh_token(self) -> str:
        return self.tokens["refresh_token"]


def make_super_admin(client, cli, databases, server) -> Account:
    """A signed-in super_admin: registered over HTTP, then promoted with
    `deltalabs admin create --role super_admin` (falling back to a direct
    user_roles insert when that command is not available)."""
    email_address = unique_email("admin")
    register(client, email_address, PASSWORD)
    done = cli("admin", "create", "--email", email_address, "--password", PASSWORD, "--role", "super_admin",
               database=server.database_url)
    if done.returncode != 0:
        user_id = databases.execute(server.database_url,
                                    f"SELECT id FROM users WHERE email = '{email_address}'")[0][0]
        databases.execute(server.database_url,
                          "INSERT INTO user_roles (user_id, role_id, granted_at) VALUES "
                          f"('{user_id}', '{SUPER_ADMIN_ROLE_ID}', '2026-01-01T00:00:00.000Z')")
    admin = Account.__new__(Account)
    admin.email, admin.password = email_address, PASSWORD
    admin.tokens = login(client, email_address, PASSWORD)
    admin.client = client.with_token(admin.tokens["access_token"])
    admin.user = admin.client.get("/v1/users/me").json()
    admin.id = admin.user["id"]
    assert "super_admin" in [r["slug"] for r in admin.user["roles"]], admin.user
    return admin


# --- JWT -----------------------------------------------------------------------
def b64url(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwt_part(token: str, index: int) -> dict:
    """The decoded header (0) or payload (1) of a JWT."""
    return json.loads(b64url_decode(token.split(".")[index]))


def mint_jwt(claims: dict | None = None, *, header: dict | None = None, secret: str = JWT_SECRET,
             drop: tuple = (), digest=hashlib.sha256) -> str:
    """An HS256 (by default) JWT with our service's claims, overridden by `claims`,
    without the claims named in `drop`, signed with `secret`."""
    now = int(time.time())
    h = {"alg": "HS256", "typ": "JWT", "kid": JWT_KID, **(header or {})}
    c = {"iss": ISSUER, "aud": AUDIENCE, "sub": str(uuid.uuid4()), "sid": str(uuid.uuid4()), "typ": "access",
         "iat": now, "nbf": now, "exp": now + 600, "jti": str(uuid.uuid4()), **(claims or {})}
    for name in drop:
        c.pop(name, None)
    signing_input = b64url(json.dumps(h, separators=(",", ":"))) + "." + b64url(json.dumps(c, separators=(",", ":")))
    signature = hmac.new(secret.encode(), signing_input.encode(), digest).digest()
    return signing_input + "." + b64url(signature)


# --- mail ----------------------------------------------------------------------
class MailSink:
    """An SMTP server in the test process (aiosmtpd) that keeps every message it receives."""

    def __init__(self):
        from aiosmtpd.controller import Controller  # Debian's python3-aiosmtpd

        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self._cond = threading.Condition()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> "MailSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._cond:
            self.messages.append(([r.lower() for r in envelope.rcpt_tos], message))
            self._cond.notify_all()
        return "250 Message accepted for delivery"

    def received(self, to: str, subject_contains: str = "") -> list:
        with self._cond:
            return [m for rcpts, m in self.messages
                    if to.lower() in rcpts and subject_contains.lower() in str(m.get("Subject", "")).lower()]

    def wait_for(self, to: str, subject_contains: str = "", count: int = 1, timeout: float = 20.0):
        """The `count`-th message to `to` whose subject contains the text; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [m for rcpts, m in self.messages
                         if to.lower() in rcpts and subject_contains.lower() in str(m.get("Subject", "")).lower()]
                if len(found) >= count:
                    return found[count - 1]
                left = deadline - time.monotonic()
                if left <= 0:
                    subjects = [(r, str(m.get("Subject"))) for r, m in self.messages]
                    pytest.fail(f"no mail #{count} to {to} with subject containing {subject_contains!r} within "
                                f"{timeout}s; the sink received {subjects}", pytrace=False)
                self._cond.wait(left)


def mail_text(message) -> str:
    """The plain-text body of a message."""
    part = message.get_body(preferencelist=("plain",)) if message.is_multipart() else message
    try:
        return part.get_content()
    except (KeyError, LookupError):
        return part.get_payload(decode=True).decode(errors="replace")


def token_from_mail(message) -> str:
    """The token of a verification or reset mail (its body says "Token: <token>")."""
    found = re.search(r"Token:\s*([A-Za-z0-9_\-]+)", mail_text(message))
    assert found, f"no 'Token: ...' line in the mail body:\n{mail_text(message)}"
    return found.group(1)
