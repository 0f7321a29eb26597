"""Helpers shared by the labs scenario tests (no tests here).

Why a module of its own: every labs test starts from a host with a lab and
slots in the future, built through the public API, and the bars need many
signed-in users at once.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

from client import Client
from catalog_support import register_student, unique

LAB_ASSISTANT_ROLE = "01900000-0001-7000-8000-000000000005"


def at(hours: float) -> str:
    """An RFC 3339 UTC time `hours` from now, on a whole minute (so slots line up)."""
    t = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(hours=hours)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def stored(rfc3339: str) -> str:
    """The form the API answers times in: milliseconds and Z."""
    return rfc3339.replace("Z", ".000Z")


def become_host(c: Client, **body) -> dict:
    resp = c.post("/v1/hosts", json={"name": unique("Host")} | body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def new_lab(c: Client, host_id: str, **fields) -> dict:
    body = {"host_id": host_id, "name": unique("Lab"), "equipment": ["microscope"]} | fields
    resp = c.post("/v1/labs", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def new_slot(c: Client, lab_id: str, start_h: float, end_h: float, capacity: int = 3) -> dict:
    resp = c.post(f"/v1/labs/{lab_id}/availability",
                  json={"slot_start": at(start_h), "slot_end": at(end_h), "capacity": capacity})
    assert resp.status_code == 201, resp.text
    return resp.json()


def book(c: Client, lab_id: str, slot_start: str, seats: int | None = None, **kwargs):
    body = {"slot_start": slot_start} | ({"seats": seats} if seats is not None else {})
    return c.post(f"/v1/labs/{lab_id}/bookings", json=body, **kwargs)


def students(server, n: int) -> list[Client]:
    """`n` new signed-in student accounts."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda _: register_student(server), range(n)))


def hosted_lab(server, **fields) -> tuple[Client, dict, dict]:
    """A new user host, its lab, and the host's client."""
    owner = register_student(server)
    host = become_host(owner)
    return owner, host, new_lab(owner, host["id"], **fields)


def notifications(c: Client) -> list[dict]:
    resp = c.get("/v1/notifications", params={"limit": 100})
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]
