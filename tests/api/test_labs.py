"""Labs: hosts, labs, slots, bookings with approval, waitlists, search and calendars.

Why: issue 11 rents lab time. A host (a user or an organization, exactly
one) offers labs; a lab opens slots that never overlap; users book seats in a
slot that has not started, never beyond its capacity; labs needing approval
hold the seats of pending bookings until the host, a lab manager or a holder
of labs:approve (the organization's lab assistants) decides; a cancellation
gives the seats to the first in the slot's waitlist in the same transaction
and tells them. The concurrency bars live in test_labs_bars.py.
"""

from __future__ import annotations

import uuid

import pytest

from access_helpers import UNKNOWN_ID
from client import assert_problem
from labs_support import (LAB_ASSISTANT_ROLE, at, become_host, book, hosted_lab, new_lab, new_slot,
                          notifications, stored, students)
from catalog_support import bootstrap, register_student, unique, user_id


@pytest.fixture(scope="module")
def admin(server, cli):
    return bootstrap(server, cli, "super_admin", "Ada")


def organization(admin, parent: str | None = None) -> str:
    resp = admin.post("/v1/organization-types", json={"slug": unique("lab-network"), "name": "Labs"})
    assert resp.status_code == 201, resp.text
    body = {"type_id": resp.json()["id"], "name": unique("Org"), "slug": unique("org")}
    resp = admin.post("/v1/organizations", json=body | ({"parent_id": parent} if parent else {}))
    assert resp.status_code == 201, resp.text
    return resp.json()["id"]


def lab_assistant_of(server, admin, organization_id: str):
    """A new account whose only lab role is lab_assistant through membership of the organization."""
    c = register_student(server)
    resp = admin.post(f"/v1/organizations/{organization_id}/members",
                      json={"user_id": user_id(c), "role_id": LAB_ASSISTANT_ROLE})
    assert resp.status_code == 201, resp.text
    return c


# --- hosts --------------------------------------------------------------------------------------
def test_a_host_is_a_user_or_an_organization_exactly_once(server, admin, databases):
    person = register_student(server)
    host = become_host(person)
    assert (host["user_id"], host["organization_id"]) == (user_id(person), None)
    assert_problem(person.post("/v1/hosts", json={"name": "Again"}), 409, "HOST_EXISTS")
    org = organization(admin)
    org_host = become_host(admin, organization_id=org)
    assert (org_host["user_id"], org_host["organization_id"]) == (None, org)
    assert_problem(admin.post("/v1/hosts", json={"name": "Twice", "organization_id": org}), 409, "HOST_EXISTS")
    # Hosting for an organization needs labs:manage in it.
    assert_problem(register_student(server).post("/v1/hosts", json={"name": "X", "organization_id": organization(admin)}), 403)
    assert server.client().get(f"/v1/hosts/{host['id']}").json()["id"] == host["id"]
    # The schema itself refuses a host that is both (or neither).
    for user, org_id in ((f"'{user_id(admin)}'", f"'{organization(admin)}'"), ("NULL", "NULL")):
        with pytest.raises(Exception, match="(?i)check constraint"):
            databases.execute(server.database_url,
                              "INSERT INTO hosts (id, user_id, organization_id, name, description, created_at, updated_at) "
                              f"VALUES ('{UNKNOWN_ID}', {user}, {org_id}, 'Both', '', '2026-12-02T00:00:00.000Z', "
                              "'2026-12-02T00:00:00.000Z')")


# --- labs ---------------------------------------------------------------------------------------
def test_labs_are_created_and_changed_by_their_host_only(server):
    owner, host, lab = hosted_lab(server, price={"amount_minor": 2500, "currency": "EUR"},
                                  location="Room 1", requires_approval=True)
    assert lab["price"] == {"amount_minor": 2500, "currency": "EUR"}
    assert (lab["host_id"], lab["requires_approval"], lab["status"]) == (host["id"], True, "active")
    resp = owner.patch(f"/v1/labs/{lab['id']}", json={"equipment": ["Oscilloscope", "laser"], "name": "Optics"})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["equipment"], resp.json()["name"]) == (["Oscilloscope", "laser"], "Optics")
    outsider = register_student(server)
    assert_problem(outsider.patch(f"/v1/labs/{lab['id']}", json={"name": "Mine"}), 403)
    assert_problem(outsider.post("/v1/labs", json={"host_id": host["id"], "name": "Mine"}), 403)
    assert_problem(owner.post("/v1/labs", json={"host_id": UNKNOWN_ID, "name": "X"}), 404, "HOST_NOT_FOUND")
    assert server.client().get(f"/v1/labs/{lab['id']}").json()["name"] == "Optics"


def test_a_lab_in_an_unknown_organization_is_404(server, admin):
    own = become_host(admin)  # labs:manage everywhere, so only the reference can fail
    assert_problem(admin.post("/v1/labs", json={"host_id": own["id"], "name": "X", "organization_id": UNKNOWN_ID}),
                   404, "ORGANIZATION_NOT_FOUND")
    lab = new_lab(admin, own["id"])
    assert_problem(admin.patch(f"/v1/labs/{lab['id']}", json={"organization_id": UNKNOWN_ID}), 404,
                   "ORGANIZATION_NOT_FOUND")


@pytest.mark.parametrize("body", [
    {"name": ""}, {"name": "x", "price": {"amount_minor": -1, "currency": "USD"}},
    {"name": "x", "price": {"amount_minor": 1, "currency": "DOLLARS"}}, {"name": "x", "equipment": "scope"},
    {"name": "x", "status": "open"}, {"name": "x", "colour": "red"}, {"name": "x", "requires_approval": "yes"},
])
def test_creating_a_lab_fails_with_400_for_malformed_bodies(server, body):
    owner = register_student(server)
    host = become_host(owner)
    assert_problem(owner.post("/v1/labs", json={"host_id": host["id"]} | body), 400)


# --- availability -------------------------------------------------------------------------------
def test_slots_never_overlap_never_start_in_the_past_and_end_after_they_start(server):
    owner, _, lab = hosted_lab(server)
    path = f"/v1/labs/{lab['id']}/availability"
    first = new_slot(owner, lab["id"], 24, 26)
    assert (first["capacity"], first["seats_taken"], first["seats_free"]) == (3, 0, 3)
    for start, end in ((25, 27), (23, 25), (24, 26), (23, 27), (24.5, 25.5)):
        assert_problem(owner.post(path, json={"slot_start": at(start), "slot_end": at(end), "capacity": 2}),
                       409, "SLOT_OVERLAP")
    new_slot(owner, lab["id"], 26, 27)  # touching is not overlapping
    assert_problem(owner.post(path, json={"slot_start": at(-2), "slot_end": at(-1), "capacity": 2}), 400)
    assert_problem(owner.post(path, json={"slot_start": at(30), "slot_end": at(29), "capacity": 2}), 400)
    assert_problem(owner.post(path, json={"slot_start": "tomorrow", "slot_end": at(29), "capacity": 2}), 400)
    assert_problem(owner.post(path, json={"slot_start": at(40), "slot_end": at(41), "capacity": 0}), 400)
    assert_problem(register_student(server).post(path, json={"slot_start": at(50), "slot_end": at(51), "capacity": 1}), 403)


def test_the_schema_itself_refuses_overlapping_slots(server, databases):
    """The rule holds below the service too: an exclusion constraint on PostgreSQL, a trigger on SQLite."""
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 150, 152)
    start, end = stored(at(151)), stored(at(153))
    with pytest.raises(Exception, match="lab_availability_no_overlap"):
        databases.execute(server.database_url,
                          "INSERT INTO lab_availability (id, lab_id, slot_start, slot_end, capacity, seats_taken, created_at, updated_at) "
                          f"VALUES ('{uuid.uuid4()}', '{lab['id']}', '{start}', '{end}', 1, 0, '{start}', '{start}')")
    # Stretching a slot over its neighbour is refused as well.
    new_slot(owner, lab["id"], 158, 159)
    with pytest.raises(Exception, match="lab_availability_no_overlap"):
        databases.execute(server.database_url,
                          f"UPDATE lab_availability SET slot_end = '{stored(at(160))}' WHERE id = '{slot['id']}'")


def test_availability_lists_slots_in_a_window_in_time_order(server):
    owner, _, lab = hosted_lab(server)
    slots = [new_slot(owner, lab["id"], h, h + 1) for h in (30, 10, 20)]
    anyone = server.client()
    resp = anyone.get(f"/v1/labs/{lab['id']}/availability")
    assert [s["slot_start"] for s in resp.json()["items"]] == sorted(s["slot_start"] for s in slots)
    resp = anyone.get(f"/v1/labs/{lab['id']}/availability", params={"from": at(15), "to": at(25)})
    assert [s["id"] for s in resp.json()["items"]] == [slots[2]["id"]]
    resp = anyone.get(f"/v1/labs/{lab['id']}/availability", params={"limit": 1})
    page2 = anyone.get(f"/v1/labs/{lab['id']}/availability", params={"limit": 1, "cursor": resp.json()["next_cursor"]})
    assert page2.json()["items"][0]["id"] == slots[2]["id"]
    assert_problem(anyone.get(f"/v1/labs/{lab['id']}/availability", params={"from": "yesterday"}), 400)
    assert_problem(anyone.get(f"/v1/labs/{UNKNOWN_ID}/availability"), 404, "LAB_NOT_FOUND")


# --- bookings -----------------------------------------------------------------------------------
def test_booking_takes_seats_within_capacity_once_per_user(server):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 48, 50, capacity=3)
    a, b, c = students(server, 3)
    resp = book(a, lab["id"], slot["slot_start"], seats=2)
    assert resp.status_code == 201, resp.text
    booking = resp.json()
    assert (booking["status"], booking["seats"], booking["slot_start"], booking["awaiting_approval"]) == \
        ("confirmed", 2, slot["slot_start"], False)
    assert resp.headers["Location"] == f"/v1/bookings/{booking['id']}"
    assert_problem(book(a, lab["id"], slot["slot_start"]), 409, "ALREADY_BOOKED")
    assert_problem(book(b, lab["id"], slot["slot_start"], seats=2), 409, "SLOT_UNAVAILABLE")
    assert book(b, lab["id"], slot["slot_start"]).status_code == 201
    assert_problem(book(c, lab["id"], slot["slot_start"]), 409, "SLOT_UNAVAILABLE")
    listed = server.client().get(f"/v1/labs/{lab['id']}/availability").json()["items"][0]
    assert (listed["seats_taken"], listed["seats_free"]) == (3, 0)
    assert [x["id"] for x in a.get("/v1/bookings").json()["items"]] == [booking["id"]]
    # Only the booker and the lab's approvers see a booking.
    assert owner.get(f"/v1/bookings/{booking['id']}").status_code == 200
    assert_problem(c.get(f"/v1/bookings/{booking['id']}"), 404)


def test_booking_answers_404_400_and_409_for_what_cannot_be_booked(server, databases):
    owner, _, lab = hosted_lab(server)
    learner = register_student(server)
    assert_problem(book(learner, lab["id"], at(100)), 404, "SLOT_NOT_FOUND")
    assert_problem(book(learner, UNKNOWN_ID, at(100)), 404, "LAB_NOT_FOUND")
    assert_problem(book(learner, lab["id"], "soon"), 400)
    assert_problem(book(learner, lab["id"], at(100), seats=0), 400)
    assert_problem(server.client().post(f"/v1/labs/{lab['id']}/bookings", json={"slot_start": at(100)}), 401)
    # A slot in the past (written directly: the API refuses to open one) cannot be booked.
    past = stored(at(-3))
    databases.execute(server.database_url,
                      "INSERT INTO lab_availability (id, lab_id, slot_start, slot_end, capacity, seats_taken, created_at, updated_at) "
                      f"VALUES ('{uuid.uuid4()}', '{lab['id']}', '{past}', '{stored(at(-2))}', 5, 0, '{past}', '{past}')")
    assert_problem(book(learner, lab["id"], past), 409, "SLOT_STARTED")
    assert_problem(book(learner, lab["id"], past.replace(".000Z", "+00:00")), 409, "SLOT_STARTED")
    # An inactive lab takes no bookings.
    future = new_slot(owner, lab["id"], 140, 141, capacity=1)
    assert owner.patch(f"/v1/labs/{lab['id']}", json={"status": "inactive"}).status_code == 200
    assert_problem(book(learner, lab["id"], future["slot_start"]), 409, "LAB_INACTIVE")


def test_the_schema_refuses_more_seats_than_capacity(server, databases):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 60, 61, capacity=2)
    with pytest.raises(Exception, match="(?i)check constraint"):
        databases.execute(server.database_url,
                          f"UPDATE lab_availability SET seats_taken = 3 WHERE id = '{slot['id']}'")


def test_an_idempotency_key_replays_the_booking_and_takes_no_second_seat(server):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 70, 71, capacity=5)
    learner = register_student(server)
    first = book(learner, lab["id"], slot["slot_start"], headers={"Idempotency-Key": "book-once"})
    again = book(learner, lab["id"], slot["slot_start"], headers={"Idempotency-Key": "book-once"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert_problem(book(learner, lab["id"], slot["slot_start"], seats=2, headers={"Idempotency-Key": "book-once"}), 422)
    assert server.client().get(f"/v1/labs/{lab['id']}/availability").json()["items"][0]["seats_taken"] == 1


# --- approval -----------------------------------------------------------------------------------
def test_approval_is_for_the_host_and_the_organizations_lab_assistants_only(server, admin):
    parent = organization(admin)
    child = organization(admin, parent)
    host = become_host(admin, organization_id=child)
    lab = new_lab(admin, host["id"], requires_approval=True)
    assert lab["organization_id"] == child
    # A lab of an organization host stays in that organization.
    assert_problem(admin.post("/v1/labs", json={"host_id": host["id"], "name": "Elsewhere", "organization_id": parent}), 400)
    assert_problem(admin.patch(f"/v1/labs/{lab['id']}", json={"organization_id": parent}), 400)
    slot = new_slot(admin, lab["id"], 80, 82, capacity=3)
    learner, other_learner = students(server, 2)
    resp = book(learner, lab["id"], slot["slot_start"])
    assert resp.status_code == 201, resp.text
    pending = resp.json()
    assert (pending["status"], pending["awaiting_approval"]) == ("pending", True)
    assert server.client().get(f"/v1/labs/{lab['id']}/availability").json()["items"][0]["seats_taken"] == 1
    # The booker, another learner, a user host of another lab and another organization's assistant may not.
    other_owner, _, _ = hosted_lab(server)
    for stranger in (learner, other_learner, other_owner, lab_assistant_of(server, admin, organization(admin))):
        assert_problem(stranger.post(f"/v1/bookings/{pending['id']}/approve"), 403)
    # A lab assistant of the organization above the lab's approves.
    assistant = lab_assistant_of(server, admin, parent)
    resp = assistant.post(f"/v1/bookings/{pending['id']}/approve")
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["decided_by"]) == ("confirmed", user_id(assistant))
    assert any(n["kind"] == "lab_booking.approved" for n in notifications(learner))
    assert_problem(assistant.post(f"/v1/bookings/{pending['id']}/approve"), 409, "BOOKING_NOT_PENDING")
    assert assistant.get("/v1/bookings", params={"lab_id": lab["id"]}).json()["items"][0]["id"] == pending["id"]
    assert_problem(other_learner.get("/v1/bookings", params={"lab_id": lab["id"]}), 403)
    # A rejection frees the seat and tells the booker.
    second = book(other_learner, lab["id"], slot["slot_start"]).json()
    resp = assistant.post(f"/v1/bookings/{second['id']}/reject")
    assert resp.json()["status"] == "rejected"
    assert any(n["kind"] == "lab_booking.rejected" for n in notifications(other_learner))
    assert server.client().get(f"/v1/labs/{lab['id']}/availability").json()["items"][0]["seats_taken"] == 1


def test_a_user_host_decides_the_bookings_of_their_own_labs(server):
    owner, _, lab = hosted_lab(server, requires_approval=True)
    slot = new_slot(owner, lab["id"], 90, 91, capacity=1)
    learner = register_student(server)
    booking = book(learner, lab["id"], slot["slot_start"]).json()
    other_owner, _, _ = hosted_lab(server)
    assert_problem(other_owner.post(f"/v1/bookings/{booking['id']}/approve"), 403)
    assert owner.post(f"/v1/bookings/{booking['id']}/approve").json()["status"] == "confirmed"


# --- cancellation and waitlist -------------------------------------------------------------------
def test_cancellation_frees_the_seat_for_the_first_in_line_who_is_notified(server, databases):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 100, 101, capacity=1)
    holder, first, second = students(server, 3)
    booking = book(holder, lab["id"], slot["slot_start"]).json()
    wait_path = f"/v1/labs/{lab['id']}/waitlist"
    resp = first.post(wait_path, json={"slot_start": slot["slot_start"]})
    assert resp.status_code == 201, resp.text
    assert resp.json()["position"] == 1
    assert second.post(wait_path, json={"slot_start": slot["slot_start"]}).json()["position"] == 2
    assert_problem(first.post(wait_path, json={"slot_start": slot["slot_start"]}), 409, "ALREADY_WAITLISTED")
    assert_problem(holder.post(wait_path, json={"slot_start": slot["slot_start"]}), 409, "ALREADY_BOOKED")
    assert_problem(second.post(f"/v1/bookings/{booking['id']}/cancel"), 404)
    resp = holder.post(f"/v1/bookings/{booking['id']}/cancel")
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "cancelled"
    promoted = first.get("/v1/bookings").json()["items"]
    assert [(b["status"], b["availability_id"]) for b in promoted] == [("confirmed", slot["id"])]
    assert any(n["kind"] == "lab_booking.waitlist_promoted" for n in notifications(first))
    rows = databases.execute(server.database_url,
                             f"SELECT user_id, position FROM lab_waitlist WHERE availability_id = '{slot['id']}'")
    assert [(u, int(p)) for u, p in rows] == [(user_id(second), 1)]
    assert_problem(holder.post(f"/v1/bookings/{booking['id']}/cancel"), 409, "BOOKING_NOT_ACTIVE")
    # With a seat free, joining the line is refused: book instead.
    assert promoted and first.post(f"/v1/bookings/{promoted[0]['id']}/cancel").status_code == 200
    assert second.get("/v1/bookings").json()["items"][0]["status"] == "confirmed"
    third = register_student(server)
    owner_free = new_slot(owner, lab["id"], 102, 103, capacity=2)
    assert_problem(third.post(wait_path, json={"slot_start": owner_free["slot_start"]}), 409, "SEATS_AVAILABLE")


def test_leaving_the_waitlist_closes_the_gap(server, databases):
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 110, 111, capacity=1)
    holder, a, b, c = students(server, 4)
    book(holder, lab["id"], slot["slot_start"])
    entries = [x.post(f"/v1/labs/{lab['id']}/waitlist", json={"slot_start": slot["slot_start"]}).json() for x in (a, b, c)]
    assert_problem(c.delete(f"/v1/lab-waitlist/{entries[1]['id']}"), 404)
    assert b.delete(f"/v1/lab-waitlist/{entries[1]['id']}").status_code == 204
    rows = databases.execute(server.database_url,
                             f"SELECT user_id, position FROM lab_waitlist WHERE availability_id = '{slot['id']}' ORDER BY position")
    assert [(u, int(p)) for u, p in rows] == [(user_id(a), 1), (user_id(c), 2)]


# --- search -------------------------------------------------------------------------------------
def test_search_finds_labs_by_text_organization_equipment_and_free_seats(server, admin):
    tag = unique("zeta").replace("-", "")
    parent = organization(admin)
    child = organization(admin, parent)
    org_host = become_host(admin, organization_id=child)
    spectro = new_lab(admin, org_host["id"], name=f"{tag} Spectroscopy", equipment=["Spectrometer", "laptop"])
    owner, _, optics = hosted_lab(server, name=f"Optics {tag}", equipment=["laser"], location=f"{tag} hall")
    full = new_slot(owner, optics["id"], 200, 201, capacity=1)
    book(register_student(server), optics["id"], full["slot_start"])
    new_slot(admin, spectro["id"], 200, 201, capacity=2)
    anyone = server.client()

    def found(**params):
        resp = anyone.get("/v1/labs", params=params | {"limit": 100})
        assert resp.status_code == 200, resp.text
        return {lab["id"] for lab in resp.json()["items"]}

    assert found(q=tag.upper()) == {spectro["id"], optics["id"]}
    assert found(q=tag, organization_id=parent) == {spectro["id"]}
    assert found(q=tag, equipment="SPECTROMETER") == {spectro["id"]}
    assert found(q=tag, equipment="laser") == {optics["id"]}
    assert found(q=tag, available_from=at(199), available_to=at(202)) == {spectro["id"]}
    assert found(q=tag, available_from=at(300)) == set()
    assert found(q="no such lab anywhere") == set()
    for params in ({"organization_id": "x"}, {"available_from": "now"},
                   {"available_from": at(5), "available_to": at(4)}):
        assert_problem(anyone.get("/v1/labs", params=params), 400)


# --- calendar -----------------------------------------------------------------------------------
def test_my_bookings_export_as_an_icalendar_feed(server):
    owner, _, lab = hosted_lab(server, name="Wet lab, bench 2; east", location="Building B")
    slot = new_slot(owner, lab["id"], 120, 122, capacity=2)
    gone = new_slot(owner, lab["id"], 130, 131, capacity=2)
    learner = register_student(server)
    kept = book(learner, lab["id"], slot["slot_start"]).json()
    dropped = book(learner, lab["id"], gone["slot_start"]).json()
    learner.post(f"/v1/bookings/{dropped['id']}/cancel")
    resp = learner.get("/v1/bookings/calendar.ics")
    assert resp.status_code == 200, resp.text
    assert resp.headers["Content-Type"].startswith("text/calendar")
    text = resp.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.count("BEGIN:VEVENT") == 1
    unfolded = text.replace("\r\n ", "")
    assert f"UID:lab-booking-{kept['id']}@deltalabs" in unfolded
    start = slot["slot_start"]
    assert f"DTSTART:{start[0:4]}{start[5:7]}{start[8:10]}T{start[11:13]}{start[14:16]}00Z" in unfolded
    assert "SUMMARY:Wet lab\\, bench 2\\; east" in unfolded
    assert "STATUS:CONFIRMED" in unfolded
    assert_problem(server.client().get("/v1/bookings/calendar.ics"), 401)


# --- audit --------------------------------------------------------------------------------------
def test_zz_deltalabs_check_is_clean_after_the_labs_tests(server, cli):
    done = cli("check", database=server.database_url)
    assert done.returncode == 0, done.stdout + done.stderr
    for rule in ("lab_availability.seats_taken equals the seats of its pending and confirmed bookings",
                 "no lab slot has more seats booked than its capacity", "slots of one lab never overlap",
                 "lab waitlist positions are 1..n per slot"):
        assert f"ok      {rule}" in done.stdout


def test_an_operator_turns_booking_off_and_on_with_the_labs_flag(server, admin):
    """feature_config `labs.enabled` (issue 12): off, new bookings and waitlist
    entries answer 503 FEATURE_DISABLED while labs stay readable; on again, booking works."""
    owner, _, lab = hosted_lab(server)
    slot = new_slot(owner, lab["id"], 30, 31, capacity=2)
    learner = register_student(server)
    off = admin.put("/v1/feature-config/labs.enabled", json={"value": False})
    assert off.status_code == 200, off.text
    try:
        assert_problem(book(learner, lab["id"], slot["slot_start"]), 503, "FEATURE_DISABLED")
        assert_problem(learner.post(f"/v1/labs/{lab['id']}/waitlist", json={"slot_start": slot["slot_start"]}),
                       503, "FEATURE_DISABLED")
        assert learner.get(f"/v1/labs/{lab['id']}").status_code == 200
    finally:
        assert admin.put("/v1/feature-config/labs.enabled", json={"value": True}).status_code == 200
    assert book(learner, lab["id"], slot["slot_start"]).status_code == 201
