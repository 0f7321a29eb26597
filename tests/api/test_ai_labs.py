"""book_lab: the assistant's labs tool.

Why: issue 12 names book_lab in the tool contract, and "book the chemistry
lab tomorrow at 10" as something the builtin provider resolves. It runs as
the caller like every other tool: a student's book_lab is the student's
booking (visible in their /v1/bookings), and the domain's refusals (a full
slot) are tool errors, never data. Exercised through /v1/ai/chat (builtin
provider) and through MCP.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ai_support import calls_named, chat, mcp_call, unique_words
from labs_support import hosted_lab
from catalog_support import register_student, user_id


def tomorrow_at(hour: int) -> str:
    day = datetime.now(timezone.utc).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_book_lab_books_the_callers_seat_and_a_full_slot_is_refused(server):
    owner, _, lab = hosted_lab(server, name=f"Chemistry Lab {unique_words()}")
    start = tomorrow_at(10)
    made = owner.post(f"/v1/labs/{lab['id']}/availability",
                      json={"slot_start": start, "slot_end": tomorrow_at(12), "capacity": 1})
    assert made.status_code == 201, made.text
    student, late = register_student(server), register_student(server)
    turn = chat(student, f"Book the {lab['name']} tomorrow at 10")
    call = calls_named(turn, "book_lab")[0]
    assert call["ok"], call
    booking = call["result"]["booking"]
    assert booking["user_id"] == user_id(student) and booking["lab_id"] == lab["id"]
    mine = student.get("/v1/bookings").json()["items"]
    assert [b["id"] for b in mine] == [booking["id"]]
    full = mcp_call(late, "book_lab", {"lab_id": lab["id"], "slot_start": start})
    assert full["isError"] is True and full["structuredContent"]["error"]["code"] == "SLOT_UNAVAILABLE"
    assert late.get("/v1/bookings").json()["items"] == []
