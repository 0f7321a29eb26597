"""add_to_cart: the assistant's commerce tool.

Why: issue 12 names add_to_cart in the tool contract. It runs as the caller
like every other tool: a student's add_to_cart fills the student's own cart
and nobody else's, and the domain's refusals (already in the cart) are tool
errors, never data. Exercised through /v1/ai/chat (builtin provider) and MCP.
"""

from __future__ import annotations

import pytest

from ai_support import calls_named, chat, mcp_call, unique_words
from catalog_support import make_cast, published_course, register_student


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def test_add_to_cart_fills_the_callers_own_cart(server, cast):
    course = published_course(cast.teacher, cast, title=f"Cart Chemistry {unique_words()}",
                              price={"amount_minor": 2500, "currency": "USD"})
    student, other = register_student(server), register_student(server)
    turn = chat(student, f"Add {course['title']} to my cart")
    call = calls_named(turn, "add_to_cart")[0]
    assert call["ok"], call
    assert [i["item_id"] for i in call["result"]["cart"]["items"]] == [course["id"]]
    cart = student.get("/v1/cart").json()
    assert [i["item_id"] for i in cart["items"]] == [course["id"]]
    assert other.get("/v1/cart").json()["items"] == []
    again = mcp_call(student, "add_to_cart", {"item_type": "course", "item_id": course["id"]})
    assert again["isError"] is True and again["structuredContent"]["error"]["status"] == 409
    assert set(again["structuredContent"]) == {"error"}
