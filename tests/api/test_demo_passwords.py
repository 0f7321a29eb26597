"""`serve` refuses to listen beyond this machine while a demo account still
has the demo password.

Why: `seed --demo` gives its accounts, a super_admin among them, the
password the README publishes. That is fine on 127.0.0.1 and an open door on
0.0.0.0. So `serve` on a non-loopback address checks every demo account's
hash against the demo password and, while any still matches, exits non-zero
with a message on stderr naming the accounts and how to change them. Once
each password changed (through the API's reset flow or `deltalabs admin
set-password`) it serves; running the seed again does not bring the demo
password back. Loopback addresses are never refused.
"""

from __future__ import annotations

import re

from conftest import Server, free_port

DEMO_ACCOUNTS = ["admin@deltalabs.local", "instructor@deltalabs.local", "instructor2@deltalabs.local",
                 "ta@deltalabs.local", "lab@deltalabs.local", "learner1@deltalabs.local",
                 "learner2@deltalabs.local", "learner3@deltalabs.local"]
NEW_PASSWORD = "not the demo password any more"


class AnyAddressServer(Server):
    """A test server listening on every IPv4 address (0.0.0.0), reached through 127.0.0.1."""

    def command(self) -> list[str]:
        args = super().command()
        args[args.index("--listen") + 1] = f"0.0.0.0:{self.port}"
        return args


def serve_on(cli, database: str, listen: str):
    """`deltalabs serve` on `listen`, expected to refuse (so to end by itself)."""
    return cli("--listen", listen, "serve", database=database, timeout=60)


def seeded(cli, databases) -> str:
    url = databases.create()
    done = cli("seed", "--demo", database=url, timeout=300)
    assert done.returncode == 0, done.stderr
    return url


def reset_password_through_the_api(srv, databases, email: str) -> None:
    c = srv.client()
    assert c.post("/v1/auth/forgot-password", json={"email": email}).status_code == 202
    rows = databases.execute(srv.database_url, "SELECT body FROM mail_outbox "
                                               f"WHERE to_address = '{email}' AND subject LIKE '%Reset%'")
    token = re.search(r"Token:\s*([A-Za-z0-9_\-]+)", rows[-1][0]).group(1)
    resp = c.post("/v1/auth/reset-password", json={"token": token, "new_password": NEW_PASSWORD})
    assert resp.status_code == 204, resp.text
    c.close()


def test_serve_refuses_non_loopback_addresses_while_demo_passwords_remain(cli, databases):
    url = seeded(cli, databases)
    for listen in (f"0.0.0.0:{free_port()}", f"[::]:{free_port()}"):
        done = serve_on(cli, url, listen)
        assert done.returncode != 0, done.stdout
        assert "demo password" in done.stderr, done.stderr
        assert "admin set-password" in done.stderr, done.stderr
        for email in DEMO_ACCOUNTS:
            assert email in done.stderr, done.stderr


def test_serve_on_loopback_is_accepted_with_demo_passwords(cli, databases, server_factory):
    url = seeded(cli, databases)
    srv = server_factory(database=url)
    resp = srv.client().post("/v1/auth/login", json={"email": "admin@deltalabs.local", "password": "deltalabs-demo"})
    assert resp.status_code == 200, resp.text


def test_serve_accepts_0_0_0_0_once_every_demo_password_changed(cli, databases, server_factory, tmp_path):
    url = seeded(cli, databases)
    # One password through the API's reset flow, on a loopback server.
    loopback = server_factory(database=url)
    reset_password_through_the_api(loopback, databases, "admin@deltalabs.local")
    assert loopback.stop() == 0

    done = serve_on(cli, url, f"0.0.0.0:{free_port()}")
    assert done.returncode != 0
    assert "admin@deltalabs.local" not in done.stderr and "learner3@deltalabs.local" in done.stderr, done.stderr

    # The rest from the command line, as the message says.
    for email in DEMO_ACCOUNTS[1:]:
        changed = cli("admin", "set-password", "--email", email.upper(), "--password", NEW_PASSWORD, database=url)
        assert changed.returncode == 0, changed.stderr
    # Seeding again keeps the new passwords.
    assert cli("seed", "--demo", database=url, timeout=300).returncode == 0

    srv = AnyAddressServer(url, [], tmp_path).start()
    try:
        c = srv.client()
        assert c.get("/health").status_code == 200
        assert c.post("/v1/auth/login", json={"email": "admin@deltalabs.local",
                                              "password": "deltalabs-demo"}).status_code == 401
        assert c.post("/v1/auth/login", json={"email": "learner1@deltalabs.local",
                                              "password": NEW_PASSWORD}).status_code == 200
    finally:
        code = srv.stop()
    assert code == 0 and not srv.problems_after_stop(), srv.log_tail()


def test_admin_set_password_fails_for_an_unknown_account_or_a_short_password(cli, databases):
    url = seeded(cli, databases)
    unknown = cli("admin", "set-password", "--email", "nobody@deltalabs.local", "--password", NEW_PASSWORD,
                  database=url)
    assert unknown.returncode != 0 and "no account" in unknown.stderr.lower(), unknown.stderr
    short = cli("admin", "set-password", "--email", "admin@deltalabs.local", "--password", "short", database=url)
    assert short.returncode != 0 and "password" in short.stderr, short.stderr
