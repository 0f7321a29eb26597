"""Rate limits of the auth routes on the binary's own defaults, and behind a
reverse proxy.

Why: the limits must stop what attacks look like without locking out the
people a school puts behind one address. On default settings 30 learners
signing in with their right passwords from one address within a minute all
get in, while repeated failures from one address, or at one account, still
end in 429 with Retry-After and the IETF RateLimit headers. Refreshes count
under the separate, generous sign-in limit. Behind a reverse proxy the
client's address comes from X-Forwarded-For only when the peer is a
--trusted-proxy (off by default, since any client can send the header), and
then only its right-most untrusted entry counts, so a client cannot pick
its own address by writing one in.

Each test starts its own server (server_factory), with the binary's own
defaults unless it says otherwise; clients pick their source address on the
loopback range (127.x.y.z) to stand for different machines.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from client import assert_problem
from identity_support import PASSWORD, client_from, register, unique_email


def policy_quota(resp, name: str) -> int:
    """q= of the named policy in RateLimit-Policy."""
    found = re.search(rf'"{re.escape(name)}";q=(\d+);w=60', resp.headers.get("RateLimit-Policy", ""))
    assert found, f"no policy {name!r} in {resp.headers}"
    return int(found.group(1))


def assert_limited(resp, policy: str):
    body = assert_problem(resp, 429, "RATE_LIMITED")
    assert 1 <= int(resp.headers["Retry-After"]) <= 60, resp.headers
    assert f'"{policy}";' in resp.headers["RateLimit-Policy"], resp.headers
    assert f'"{policy}";r=0;' in resp.headers["RateLimit"], resp.headers
    return body


def test_classroom_of_30_signing_in_from_one_address_within_a_minute_succeeds_on_default_limits(server_factory):
    srv = server_factory(test_defaults=False)
    setup = client_from(srv, "127.0.5.1")
    # The learners registered earlier, from their homes.
    learners = [unique_email("learner") for _ in range(30)]
    for i, email in enumerate(learners):
        register(client_from(srv, f"127.0.6.{i + 1}"), email)
    setup.close()

    classroom = "127.0.5.2"

    def sign_in(email):
        c = client_from(srv, classroom)
        try:
            return c.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
        finally:
            c.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(sign_in, learners))
    assert [r.status_code for r in answers] == [200] * 30, [r.text for r in answers if r.status_code != 200]
    # Every learner then refreshes once; the classroom still fits the sign-in budget.
    c = client_from(srv, classroom)
    for r in answers:
        resp = c.post("/v1/auth/refresh", json={"refresh_token": r.json()["refresh_token"]})
        assert resp.status_code == 200, resp.text
    assert policy_quota(resp, "sign-in") >= 60


def test_repeated_failed_sign_ins_from_one_address_get_429_with_retry_after_on_default_limits(server_factory):
    srv = server_factory(test_defaults=False)
    victim = unique_email("victim")
    register(client_from(srv, "127.0.7.1"), victim)
    attacker = client_from(srv, "127.0.7.2")
    quota = None
    for attempt in range(100):
        resp = attacker.post("/v1/auth/login", json={"email": unique_email("spray"), "password": f"guess {attempt}"})
        if resp.status_code == 429:
            break
        assert resp.status_code == 401, resp.text
        quota = policy_quota(resp, "failed-sign-in")
        assert f'"failed-sign-in";r={quota - attempt - 1};' in resp.headers["RateLimit"], resp.headers
    assert quota is not None and attempt == quota, (attempt, quota)
    assert_limited(resp, "failed-sign-in")
    # Even the right password waits now from that address; elsewhere it works.
    assert_limited(attacker.post("/v1/auth/login", json={"email": victim, "password": PASSWORD}), "failed-sign-in")
    assert client_from(srv, "127.0.7.3").post("/v1/auth/login",
                                              json={"email": victim, "password": PASSWORD}).status_code == 200


def test_successful_sign_ins_do_not_spend_the_failure_budget(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "2"])
    email = unique_email()
    register(client_from(srv, "127.0.8.1"), email)
    c = client_from(srv, "127.0.8.2")
    for _ in range(5):
        assert c.post("/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code == 200
    assert c.post("/v1/auth/login", json={"email": email, "password": "wrong one"}).status_code == 401
    assert c.post("/v1/auth/login", json={"email": email, "password": PASSWORD}).status_code == 200


def test_sign_ins_and_refreshes_get_429_past_the_sign_in_limit(server_factory):
    srv = server_factory(extra_args=["--sign-in-rate-limit", "4"])
    email = unique_email()
    register(client_from(srv, "127.0.9.1"), email)
    c = client_from(srv, "127.0.9.2")
    tokens = c.post("/v1/auth/login", json={"email": email, "password": PASSWORD}).json()
    for _ in range(3):
        resp = c.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        assert resp.status_code == 200, resp.text
        tokens = resp.json()
    assert_limited(c.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), "sign-in")
    assert_limited(c.post("/v1/auth/login", json={"email": email, "password": PASSWORD}), "sign-in")
    # The budget is the address's: another one refreshes the same session.
    assert client_from(srv, "127.0.9.3").post("/v1/auth/refresh",
                                              json={"refresh_token": tokens["refresh_token"]}).status_code == 200


def test_forgot_password_requests_from_one_address_get_429_past_the_limit(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    c = client_from(srv, "127.0.10.1")
    for _ in range(3):
        assert c.post("/v1/auth/forgot-password", json={"email": unique_email()}).status_code == 202
    assert_limited(c.post("/v1/auth/forgot-password", json={"email": unique_email()}), "reset-request")


# --- behind a reverse proxy ----------------------------------------------------------
def fail_sign_in(c, forwarded_for: str | None = None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for is not None else {}
    return c.post("/v1/auth/login", json={"email": unique_email("nobody"), "password": "wrong guess"},
                  headers=headers)


def test_x_forwarded_for_is_ignored_without_a_trusted_proxy(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3"])
    c = client_from(srv, "127.0.11.1")
    for i in range(3):
        assert fail_sign_in(c, f"198.51.100.{i + 1}").status_code == 401
    # A fresh X-Forwarded-For each time does not buy a fresh budget.
    assert_limited(fail_sign_in(c, "198.51.100.99"), "failed-sign-in")


def test_trusted_proxy_limits_per_forwarded_client_and_ignores_what_clients_prepend(server_factory, databases):
    srv = server_factory(extra_args=["--auth-rate-limit", "3", "--trusted-proxy", "127.0.12.1",
                                     "--trusted-proxy", "10.0.0.0/8"])
    proxy = client_from(srv, "127.0.12.1")
    for _ in range(3):
        assert fail_sign_in(proxy, "198.51.100.1").status_code == 401
    assert_limited(fail_sign_in(proxy, "198.51.100.1"), "failed-sign-in")
    # The client wrote an address of its own left of what the proxy appended: not believed.
    assert_limited(fail_sign_in(proxy, "203.0.113.7, 198.51.100.1"), "failed-sign-in")
    # A chain of trusted proxies is walked through to the first untrusted hop.
    assert_limited(fail_sign_in(proxy, "198.51.100.1, 10.1.2.3"), "failed-sign-in")
    # Other clients behind the same proxy keep their own budget.
    assert fail_sign_in(proxy, "198.51.100.2").status_code == 401

    # Sessions and the audit log record the forwarded client.
    email = unique_email()
    register(client_from(srv, "127.0.12.9"), email)
    resp = proxy.post("/v1/auth/login", json={"email": email, "password": PASSWORD},
                      headers={"X-Forwarded-For": "192.0.2.44"})
    assert resp.status_code == 200, resp.text
    rows = databases.execute(srv.database_url,
                             f"SELECT ip_address FROM sessions WHERE user_id = '{resp.json()['user']['id']}'")
    assert rows == [("192.0.2.44",)]


def test_x_forwarded_for_from_an_untrusted_peer_is_ignored_when_a_proxy_is_trusted(server_factory):
    srv = server_factory(extra_args=["--auth-rate-limit", "3", "--trusted-proxy", "127.0.13.1"])
    direct = client_from(srv, "127.0.13.2")
    for i in range(3):
        assert fail_sign_in(direct, f"198.51.100.{i + 10}").status_code == 401
    assert_limited(fail_sign_in(direct, "198.51.100.50"), "failed-sign-in")


def test_serve_refuses_a_trusted_proxy_that_is_no_address(cli, databases):
    done = cli("--trusted-proxy", "not-an-address/8", "--listen", "127.0.0.1:0", "serve",
               database=databases.create(), timeout=30)
    assert done.returncode != 0
    assert "trusted proxy" in done.stderr.lower(), done.stderr
