"""Course content: ordered sections, typed content items, and the course intro.

Why: a course is only as good as its syllabus. Sections keep a gap-free
order that instructors rearrange with PATCH {position} (the others shift, no
two sections ever share a position); items are typed blocks (video, text,
file, link, exercise_ref) whose JSON body comes back as sent; only those who
may edit the course change its content (403), drafts hide their content from
everyone else (404), and GET /v1/courses/:id/intro summarises it all.
"""

from __future__ import annotations

import pytest

from client import assert_problem
from catalog_support import add_section, create_course, make_cast, published_course, walk


@pytest.fixture(scope="module")
def cast(server, cli):
    return make_cast(server, cli)


def titles(c, course_id) -> list[str]:
    sections = walk(c, f"/v1/courses/{course_id}/sections")
    assert [s["position"] for s in sections] == list(range(1, len(sections) + 1))
    return [s["title"] for s in sections]


def test_sections_succeed_appended_in_order_and_paged(client, cast):
    course = create_course(cast.teacher, cast)
    for t in ("A", "B", "C"):
        add_section(cast.teacher, course["id"], t, items=0)
    assert titles(cast.teacher, course["id"]) == ["A", "B", "C"]
    first = cast.teacher.get(f"/v1/courses/{course['id']}/sections", params={"limit": 2}).json()
    assert [s["title"] for s in first["items"]] == ["A", "B"] and first["next_cursor"]
    rest = cast.teacher.get(f"/v1/courses/{course['id']}/sections",
                            params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert [s["title"] for s in rest["items"]] == ["C"] and rest["next_cursor"] is None


@pytest.mark.parametrize("moved, to, expected", [
    ("D", 1, ["D", "A", "B", "C"]), ("A", 4, ["B", "C", "D", "A"]), ("B", 3, ["A", "C", "B", "D"]),
    ("C", 2, ["A", "C", "B", "D"]), ("A", 99, ["B", "C", "D", "A"]), ("B", 2, ["A", "B", "C", "D"]),
])
def test_section_reorder_succeeds_shifting_the_others(client, cast, moved, to, expected):
    course = create_course(cast.teacher, cast)
    ids = {t: add_section(cast.teacher, course["id"], t, items=0)["id"] for t in "ABCD"}
    resp = cast.teacher.patch(f"/v1/sections/{ids[moved]}", json={"position": to})
    assert resp.status_code == 200, resp.text
    assert resp.json()["position"] == expected.index(moved) + 1
    assert titles(cast.teacher, course["id"]) == expected


def test_section_update_succeeds_renaming_and_fails_with_400_for_bad_fields(client, cast):
    course = create_course(cast.teacher, cast)
    section = add_section(cast.teacher, course["id"], "Old", items=0)
    resp = cast.teacher.patch(f"/v1/sections/{section['id']}", json={"title": "New", "summary": "About it"})
    assert resp.status_code == 200 and resp.json()["title"] == "New" and resp.json()["summary"] == "About it"
    for bad in ({"position": 0}, {"position": "1"}, {"course_id": course["id"]}, {"title": ""}):
        assert_problem(cast.teacher.patch(f"/v1/sections/{section['id']}", json=bad), 400)


def test_section_delete_succeeds_closing_the_gap_and_removing_items(client, cast):
    course = create_course(cast.teacher, cast)
    ids = {t: add_section(cast.teacher, course["id"], t, items=1)["id"] for t in "ABC"}
    assert cast.teacher.delete(f"/v1/sections/{ids['B']}").status_code == 204
    assert titles(cast.teacher, course["id"]) == ["A", "C"]
    assert_problem(cast.teacher.get(f"/v1/sections/{ids['B']}/items"), 404, "SECTION_NOT_FOUND")
    add_section(cast.teacher, course["id"], "D", items=0)
    assert titles(cast.teacher, course["id"]) == ["A", "C", "D"]


def test_items_succeed_typed_ordered_with_the_body_returned_as_sent(client, cast):
    course = create_course(cast.teacher, cast)
    section = add_section(cast.teacher, course["id"], items=0)
    sent = [
        {"item_type": "video", "title": "Welcome", "body": {"url": "https://v.example/1", "seconds": 95}},
        {"item_type": "text", "title": "Notes", "body": {"markdown": "# Hi\n'; DROP TABLE content_items;--"},
         "is_required": False},
        {"item_type": "link", "title": "Docs", "body": {"href": "https://docs.example", "tags": ["a", "b"]}},
        {"item_type": "exercise_ref", "title": "Quiz", "body": {"exercise_id": None}},
        {"item_type": "file", "title": "Slides", "body": {}},
    ]
    for body in sent:
        resp = cast.teacher.post(f"/v1/sections/{section['id']}/items", json=body)
        assert resp.status_code == 201, resp.text
    got = walk(cast.teacher, f"/v1/sections/{section['id']}/items")
    assert [(i["item_type"], i["title"], i["body"]) for i in got] == [(b["item_type"], b["title"], b["body"])
                                                                     for b in sent]
    assert [i["position"] for i in got] == [1, 2, 3, 4, 5]
    assert [i["is_required"] for i in got] == [True, False, True, True, True]


@pytest.mark.parametrize("body, field", [
    ({"item_type": "podcast", "title": "X", "body": {}}, "item_type"),
    ({"item_type": "text", "title": "X", "body": "just text"}, "body"),
    ({"item_type": "text", "title": "X", "body": [1, 2]}, "body"),
    ({"item_type": "text", "title": "X"}, "body"),
    ({"item_type": "text", "title": "X", "body": {}, "position": 3}, "position"),
])
def test_item_create_fails_with_400_for_bad_input(client, cast, body, field):
    course = create_course(cast.teacher, cast)
    section = add_section(cast.teacher, course["id"], items=0)
    problem = assert_problem(cast.teacher.post(f"/v1/sections/{section['id']}/items", json=body), 400)
    assert field in {d["field"] for d in problem["details"]}


def item_titles(c, section_id) -> list[str]:
    return [i["title"] for i in walk(c, f"/v1/sections/{section_id}/items")]


@pytest.mark.parametrize("moved, to, expected", [
    ("C", 1, ["C", "A", "B"]), ("A", 3, ["B", "C", "A"]), ("A", 50, ["B", "C", "A"]), ("B", 2, ["A", "B", "C"]),
])
def test_item_reorder_succeeds_shifting_the_others(client, cast, moved, to, expected):
    course = create_course(cast.teacher, cast)
    section = add_section(cast.teacher, course["id"], items=0)
    ids = {}
    for t in "ABC":
        resp = cast.teacher.post(f"/v1/sections/{section['id']}/items", json={"item_type": "text", "title": t, "body": {}})
        ids[t] = resp.json()["id"]
    resp = cast.teacher.patch(f"/v1/items/{ids[moved]}", json={"position": to})
    assert resp.status_code == 200, resp.text
    assert resp.json()["position"] == expected.index(moved) + 1
    assert item_titles(cast.teacher, section["id"]) == expected


def test_item_update_and_delete_succeed_for_editors_closing_the_gap(client, cast):
    course = create_course(cast.teacher, cast)
    section = add_section(cast.teacher, course["id"], items=3)
    first, second, _ = walk(cast.teacher, f"/v1/sections/{section['id']}/items")
    resp = cast.teacher.patch(f"/v1/items/{first['id']}",
                              json={"title": "Renamed", "body": {"markdown": "New"}, "is_required": False})
    assert resp.status_code == 200, resp.text
    got = resp.json()
    assert (got["title"], got["body"], got["is_required"], got["item_type"]) == (
        "Renamed", {"markdown": "New"}, False, "text")
    assert cast.teacher.delete(f"/v1/items/{second['id']}").status_code == 204
    assert [i["position"] for i in walk(cast.teacher, f"/v1/sections/{section['id']}/items")] == [1, 2]
    assert_problem(cast.teacher.delete(f"/v1/items/{second['id']}"), 404, "CONTENT_ITEM_NOT_FOUND")
    for bad in ({"position": 0}, {"item_type": "video"}, {"body": "text"}, {"title": ""}):
        assert_problem(cast.teacher.patch(f"/v1/items/{first['id']}", json=bad), 400)


def test_item_writes_fail_with_403_for_others_and_404_for_outsiders_of_drafts(client, cast):
    published = published_course(cast.teacher, cast)
    section = walk(client, f"/v1/courses/{published['id']}/sections")[0]
    item = walk(client, f"/v1/sections/{section['id']}/items")[0]
    for outsider in (cast.student, cast.other_teacher):
        assert_problem(outsider.patch(f"/v1/items/{item['id']}", json={"title": "X"}), 403)
        assert_problem(outsider.delete(f"/v1/items/{item['id']}"), 403)
    draft = create_course(cast.teacher, cast)
    hidden = walk(cast.teacher, f"/v1/sections/{add_section(cast.teacher, draft['id'])['id']}/items")[0]
    # Who can edit no course at all gets 403 for every item write, existing or not
    # (the pipeline's permission gate): that tells nothing about the draft either.
    assert_problem(cast.student.patch(f"/v1/items/{hidden['id']}", json={"title": "X"}), 403)
    assert_problem(cast.student.patch("/v1/items/not-a-uuid", json={"title": "X"}), 403)
    # An instructor of other courses passes the gate, and the draft stays hidden from them.
    create_course(cast.other_teacher, cast)
    assert_problem(cast.other_teacher.patch(f"/v1/items/{hidden['id']}", json={"title": "X"}), 404,
                   "CONTENT_ITEM_NOT_FOUND")
    assert_problem(cast.other_teacher.patch("/v1/items/not-a-uuid", json={"title": "X"}), 404)
    assert_problem(client.delete(f"/v1/items/{item['id']}"), 401)


def test_content_of_a_draft_fails_with_404_for_outsiders(client, cast):
    course = create_course(cast.teacher, cast)
    section = add_section(cast.teacher, course["id"])
    for outsider in (client, cast.student, cast.other_teacher):
        assert_problem(outsider.get(f"/v1/courses/{course['id']}/sections"), 404, "COURSE_NOT_FOUND")
        assert_problem(outsider.get(f"/v1/sections/{section['id']}/items"), 404, "SECTION_NOT_FOUND")
        assert_problem(outsider.get(f"/v1/courses/{course['id']}/intro"), 404, "COURSE_NOT_FOUND")
    assert cast.admin.get(f"/v1/sections/{section['id']}/items").status_code == 200


def test_content_writes_fail_with_403_for_non_instructors_of_a_published_course(client, cast):
    course = published_course(cast.teacher, cast)
    section = walk(client, f"/v1/courses/{course['id']}/sections")[0]
    for outsider in (cast.student, cast.other_teacher):
        assert_problem(outsider.post(f"/v1/courses/{course['id']}/sections", json={"title": "X"}), 403)
        assert_problem(outsider.patch(f"/v1/sections/{section['id']}", json={"title": "X"}), 403)
        assert_problem(outsider.delete(f"/v1/sections/{section['id']}"), 403)
        assert_problem(outsider.post(f"/v1/sections/{section['id']}/items",
                                     json={"item_type": "text", "title": "X", "body": {}}), 403)
    assert_problem(client.post(f"/v1/courses/{course['id']}/sections", json={"title": "X"}), 401)
    assert len(walk(client, f"/v1/sections/{section['id']}/items")) == 1


def test_intro_succeeds_with_overview_syllabus_instructors_and_counts(client, cast):
    course = create_course(cast.teacher, cast, description="Everything about graphs.")
    add_section(cast.teacher, course["id"], "Basics", items=2)
    add_section(cast.teacher, course["id"], "Trees", items=1)
    assert cast.teacher.post(f"/v1/courses/{course['id']}/publish").status_code == 200
    resp = client.get(f"/v1/courses/{course['id']}/intro")
    assert resp.status_code == 200, resp.text
    intro = resp.json()
    assert intro["course"]["id"] == course["id"] and intro["overview"] == "Everything about graphs."
    assert [(s["title"], s["position"], s["item_count"]) for s in intro["syllabus"]] == [("Basics", 1, 2),
                                                                                       ("Trees", 2, 1)]
    assert [i["id"] for i in intro["instructors"]] == [cast.teacher_instructor_id]
    assert intro["counts"] == {"sections": 2, "items": 3, "enrollments": 0}


# --- supplements and resources ------------------------------------------------------------------
def test_supplements_succeed_for_editors_and_are_visible_with_the_course(client, cast):
    course = published_course(cast.teacher, cast)
    path = f"/v1/courses/{course['id']}/supplements"
    sent = [{"kind": "book", "title": "The Book", "url": "https://books.example/1"},
            {"kind": "generated", "title": "Summary", "body": {"text": "<b>'; DROP TABLE x;--</b>"}}]
    for body in sent:
        resp = cast.teacher.post(path, json=body)
        assert resp.status_code == 201, resp.text
    got = walk(client, path)
    assert [(s["kind"], s["title"], s["url"]) for s in got] == [("book", "The Book", "https://books.example/1"),
                                                                  ("generated", "Summary", None)]
    assert got[1]["body"] == sent[1]["body"]
    assert_problem(cast.student.post(path, json={"kind": "doc", "title": "X"}), 403)
    assert_problem(cast.teacher.post(path, json={"kind": "poster", "title": "X"}), 400)


def test_resources_succeed_with_price_and_stock_and_fail_with_400_for_bad_money(client, cast):
    course = published_course(cast.teacher, cast)
    path = f"/v1/courses/{course['id']}/resources"
    body = {"title": "Lab kit", "mode": "purchase", "price": {"amount_minor": 2500, "currency": "EUR"}, "stock": 3}
    resp = cast.teacher.post(path, json=body)
    assert resp.status_code == 201, resp.text
    assert (resp.json()["price"], resp.json()["stock"], resp.json()["mode"]) == (body["price"], 3, "purchase")
    assert [r["title"] for r in walk(client, path)] == ["Lab kit"]
    for bad, field in [({"stock": -1}, "stock"), ({"mode": "lease"}, "mode"),
                       ({"price": {"amount_minor": -1, "currency": "EUR"}}, "price.amount_minor"),
                       ({"price": {"amount_minor": 1, "currency": "eur"}}, "price.currency")]:
        problem = assert_problem(cast.teacher.post(path, json=body | bad), 400)
        assert field in {d["field"] for d in problem["details"]}
    assert_problem(cast.other_teacher.post(path, json=body), 403)
    assert len(walk(client, path)) == 1


def test_supplements_and_resources_of_a_draft_fail_with_404_for_outsiders(client, cast):
    course = create_course(cast.teacher, cast)
    for kind in ("supplements", "resources"):
        assert_problem(client.get(f"/v1/courses/{course['id']}/{kind}"), 404, "COURSE_NOT_FOUND")
        assert cast.teacher.get(f"/v1/courses/{course['id']}/{kind}").status_code == 200
