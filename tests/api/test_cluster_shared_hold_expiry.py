"""Lab hold expiry handed over when its holder is killed inside a sweep: every hold released once.

Covers: three instances on one PostgreSQL database with `--lab-hold-seconds
3`; unpaid bookings of a paid lab fill slots of two seats, each slot with one
user waiting. The instance holding the `lab-hold-sweeper` lease expires the
first group's holds (their waiting users are promoted, with holds of their
own). The test then holds a row lock on one slot of the second group, so the
holder's sweep stops inside that slot's transaction, after its fence (the
job's lease row, locked until that transaction ends) and before any seat
moved, and SIGKILLs the holder there. Another instance takes the lease
within the lease time (10 s) plus a tick, under the next fencing token, and
expires the rest, including the holds of the users it promotes. At the end
every booking is expired and its order cancelled exactly once (one
`order.payment_failed` notification per order, one
`lab_booking.waitlist_promoted` per waiting user, no row twice), every
slot's seats_taken is back to 0, the waitlists are empty, and
`deltalabs check` finds nothing wrong.

Why: issue 21 §3 (background work runs on exactly one instance at a time and
survives its holder's death) and decision 0029: the sweep checks its fence
in each slot's transaction, so a killed holder's transaction in flight rolls
back whole and the next holder moves each seat once.
"""

from __future__ import annotations

import signal
import subprocess
import time

from client import Client
from cluster_shared_support import ON_POSTGRESQL_ONLY, instances, wait_until
from labs_support import book, hosted_lab, new_slot, students

pytestmark = ON_POSTGRESQL_ONLY

HOLD_S = 3
JOB_LEASE_S = 10  # BackgroundJobs::kJobLease
TICK_S = 1  # the sweep's interval: a quarter of the hold, at least a second
PRICE = {"amount_minor": 900, "currency": "EUR"}
FIRST, SECOND = 2, 3  # slots expired before the kill; slots expired around it (the locked one first)
TAKEN = '"msg":"job lease taken","job":"lab-hold-sweeper"'
BLOCKED = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
           "AND query LIKE 'UPDATE lab_availability SET updated_at = updated_at%'")


class RowLock:
    """A psql session holding `SELECT ... FOR UPDATE` on one row in an open transaction until release()."""

    def __init__(self, url: str, table: str, row_id: str):
        self.psql = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.psql.stdin.write(f"BEGIN;\nSELECT 1 FROM {table} WHERE id = '{row_id}' FOR UPDATE;\n\\echo locked\n")
        self.psql.stdin.flush()
        while (line := self.psql.stdout.readline()) and line.strip() != "locked":
            pass
        assert line.strip() == "locked", "psql could not lock the row"

    def release(self) -> None:
        if self.psql.poll() is None:
            self.psql.communicate("COMMIT;\n", timeout=30)


def as_on(server, c: Client) -> Client:
    """`c`'s account on `server` (every instance accepts the others' tokens)."""
    return Client(server.base_url).set_token(c.token)


def fill(servers, lab_id: str, slot: dict, users: list[Client]) -> None:
    """Two one-seat unpaid bookings fill the slot; the third user waits. Spread over the instances."""
    for i, user in enumerate(users[:2]):
        resp = book(as_on(servers[i % len(servers)], user), lab_id, slot["slot_start"])
        assert resp.status_code == 201, resp.text
        assert (resp.json()["status"], resp.json()["awaiting_payment"]) == ("pending", True)
    resp = as_on(servers[2 % len(servers)], users[2]).post(f"/v1/labs/{lab_id}/waitlist",
                                                           json={"slot_start": slot["slot_start"]})
    assert resp.status_code == 201, resp.text


def rows(databases, url: str, sql: str) -> list[tuple]:
    return databases.execute(url, sql)


def count(databases, url: str, sql: str) -> int:
    return int(rows(databases, url, sql)[0][0])


def test_killing_the_hold_sweeper_inside_a_slot_transaction_hands_it_over_and_every_hold_is_released_once(
        server_factory, databases, cli):
    servers = instances(server_factory, databases, 3, ["--lab-hold-seconds", str(HOLD_S)])
    url = servers[0].database_url
    holders = wait_until(lambda: [s for s in servers if TAKEN in s.log_text()], 20,
                         "an instance took the hold sweeper's lease")
    assert len(holders) == 1, [s.base_url for s in holders]
    holder = holders[0]
    owner, _, lab = hosted_lab(servers[0], price=PRICE)
    slots = [new_slot(owner, lab["id"], 24 + 2 * i, 25 + 2 * i, capacity=2) for i in range(FIRST + SECOND)]
    users = students(servers[0], 3 * len(slots))
    group = {s["id"]: users[3 * i:3 * i + 3] for i, s in enumerate(slots)}

    for slot in slots[:FIRST]:
        fill(servers, lab["id"], slot, group[slot["id"]])
    first_ids = "', '".join(s["id"] for s in slots[:FIRST])
    wait_until(lambda: count(databases, url, "SELECT count(*) FROM lab_bookings WHERE status = 'expired' AND "
                                            f"availability_id IN ('{first_ids}')") == 2 * FIRST,
               HOLD_S + 3 * TICK_S + 5, "the holder expired the first group's holds")

    locked = slots[FIRST]
    fill(servers, lab["id"], locked, group[locked["id"]])
    lock = RowLock(url, "lab_availability", locked["id"])
    try:
        for slot in slots[FIRST + 1:]:
            fill(servers, lab["id"], slot, group[slot["id"]])
        token = int(rows(databases, url, "SELECT fencing_token FROM job_leases WHERE name = 'lab-hold-sweeper'")[0][0])
        wait_until(lambda: count(databases, url, BLOCKED) == 1, HOLD_S + 3 * TICK_S + 5,
                   "the holder's sweep waited for the locked slot inside its transaction")
        holder.stop(signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        lock.release()  # the killed holder's transaction now rolls back: its client is gone
    assert count(databases, url, f"SELECT seats_taken FROM lab_availability WHERE id = '{locked['id']}'") == 2
    assert count(databases, url, "SELECT count(*) FROM lab_bookings WHERE status = 'expired' AND "
                                 f"availability_id = '{locked['id']}'") == 0

    def taken_over():
        row = rows(databases, url, "SELECT holder, fencing_token FROM job_leases WHERE name = 'lab-hold-sweeper'")[0]
        return int(row[1]) == token + 1
    wait_until(taken_over, JOB_LEASE_S + TICK_S + 3, "another instance took the sweep over")
    took = time.monotonic() - killed_at
    others = [s for s in servers if s is not holder]
    assert len([s for s in others if TAKEN in s.log_text()]) == 1, "not exactly one instance took the job over"
    assert took <= JOB_LEASE_S + TICK_S + 3, took

    booked = len(slots) * 3  # two bookings and one promotion per slot
    wait_until(lambda: count(databases, url, "SELECT count(*) FROM lab_bookings WHERE status = 'expired'") == booked,
               HOLD_S + 3 * TICK_S + 10, "every hold expired, the promoted users' too")
    assert count(databases, url, "SELECT count(*) FROM lab_bookings") == booked
    assert count(databases, url, "SELECT count(*) FROM lab_availability WHERE seats_taken <> 0") == 0
    assert count(databases, url, "SELECT count(*) FROM lab_waitlist") == 0
    assert rows(databases, url, "SELECT o.status, p.status, count(*) FROM orders o JOIN payments p ON "
                                "p.order_id = o.id GROUP BY 1, 2") == [("cancelled", "failed", str(booked))]
    kinds = dict(rows(databases, url, "SELECT kind, count(*) FROM notifications GROUP BY kind"))
    assert kinds == {"order.payment_failed": str(booked), "lab_booking.waitlist_promoted": str(len(slots))}
    assert rows(databases, url, "SELECT user_id, kind, payload FROM notifications GROUP BY 1, 2, 3 "
                                "HAVING count(*) > 1") == []
    assert count(databases, url, "SELECT count(DISTINCT payload->>'order_id') FROM notifications WHERE "
                                 "kind = 'order.payment_failed'") == booked
    assert int(rows(databases, url, "SELECT fencing_token FROM job_leases WHERE name = 'lab-hold-sweeper'")[0][0]) \
        == token + 1
    audit = cli("check", database=url, timeout=120)
    assert audit.returncode == 0, audit.stdout + audit.stderr
