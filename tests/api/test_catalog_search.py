"""The public catalog listing: full-text search with relevance ranking, every
filter and sort, and cursor pagination that stays exact while courses are
added between pages.

Why: GET /v1/courses is the path learners hit most (issue 4). Relevance must
rank title matches over subtitle matches over description matches on both
backends (SQLite FTS5, PostgreSQL tsvector); filters must combine; and a
client paging through results must see every course once — never skipped,
never repeated — even when new courses are published meanwhile, because the
cursor is a keyset position (sort key + id), sealed so it cannot be forged.
"""

from __future__ import annotations

import pytest

from client import assert_problem
from identity_support import register
from catalog_support import make_cast, published_course, walk, create_course


@pytest.fixture(scope="module")
def world(server, cli):
    cast = make_cast(server, cli)
    t, o = cast.teacher, cast.other_teacher
    cat, lvl = cast.categories, cast.levels
    courses = {
        "rust": published_course(t, cast, title="Rust Systems Programming", subtitle="Ownership and lifetimes",
                                 description="Memory safety without a collector.",
                                 price={"amount_minor": 0, "currency": "USD"}),
        "design": published_course(o, cast, title="Systems Design Interviews", subtitle="Rust services in practice",
                                   description="Scaling web backends.", category_id=cat["design"],
                                   level_id=lvl["advanced"], price={"amount_minor": 5000, "currency": "USD"}),
        "python": published_course(t, cast, title="Python Basics", subtitle="Scripts and notebooks",
                                   description="We compare it with rust along the way.", language="de",
                                   price={"amount_minor": 1000, "currency": "USD"}),
        "cooking": published_course(o, cast, title="Cooking for Engineers", subtitle="Heat and timing",
                                    description="Kitchen chemistry.", category_id=cat["design"],
                                    level_id=lvl["advanced"], price={"amount_minor": 2000, "currency": "USD"}),
    }
    create_course(t, cast, title="Rust Draft Never Listed")  # a draft: must never show up
    # Popularity is the seat count: real enrollments, made by an admin so paid courses need no order.
    learners = [register(server.client())["id"] for _ in range(4)]
    counts = {"rust": 2, "design": 4, "python": 3, "cooking": 0}
    for key, n in counts.items():
        for learner in learners[:n]:
            resp = cast.admin.post("/v1/enrollments", json={"course_id": courses[key]["id"], "user_id": learner})
            assert resp.status_code == 201, resp.text
    names = {c["id"]: key for key, c in courses.items()}
    return cast, courses, names


def listing(client, names, **params) -> list[str]:
    """Names of the fixture courses a listing returns, in order (other courses are ignored)."""
    items, cursor = [], None
    while True:
        query = dict(params, limit=100) | ({"cursor": cursor} if cursor else {})
        resp = client.get("/v1/courses", params=query)
        assert resp.status_code == 200, resp.text
        items += resp.json()["items"]
        cursor = resp.json()["next_cursor"]
        if cursor is None:
            break
    return [names[c["id"]] for c in items if c["id"] in names]


# --- search ---------------------------------------------------------------------------
def test_search_succeeds_ranking_title_over_subtitle_over_description(client, world):
    _, _, names = world
    assert listing(client, names, q="rust") == ["rust", "design", "python"]
    assert listing(client, names, q="rust", sort="relevance") == ["rust", "design", "python"]


def test_search_succeeds_requiring_every_word_and_ignoring_case_and_punctuation(client, world):
    _, _, names = world
    assert listing(client, names, q="RUST, systems!") == ["rust", "design"]
    assert listing(client, names, q="kitchen chemistry") == ["cooking"]
    assert listing(client, names, q="nonexistentword") == []
    assert listing(client, names, q="!!!") == []


def test_search_succeeds_combined_with_a_filter_and_another_sort(client, world):
    _, _, names = world
    assert listing(client, names, q="rust", sort="price") == ["rust", "python", "design"]
    assert listing(client, names, q="rust", category="design") == ["design"]


# --- filters ------------------------------------------------------------------------------
def test_filters_succeed_each_on_its_own(client, world):
    cast, _, names = world
    assert set(listing(client, names, category="programming")) == {"rust", "python"}
    assert set(listing(client, names, category=cast.categories["design"])) == {"design", "cooking"}
    assert set(listing(client, names, level="advanced")) == {"design", "cooking"}
    assert set(listing(client, names, level=cast.levels["beginner"])) == {"rust", "python"}
    assert set(listing(client, names, instructor_id=cast.other_instructor_id)) == {"design", "cooking"}
    assert set(listing(client, names, language="de")) == {"python"}
    assert set(listing(client, names, price_max=1000)) == {"rust", "python"}
    assert set(listing(client, names, price_max=0)) == {"rust"}
    assert set(listing(client, names, free="true")) == {"rust"}
    assert set(listing(client, names, free="false")) == {"design", "python", "cooking"}


def test_filters_succeed_combined(client, world):
    cast, _, names = world
    assert listing(client, names, category="design", price_max=2000) == ["cooking"]
    assert listing(client, names, instructor_id=cast.teacher_instructor_id, language="en") == ["rust"]
    assert listing(client, names, category="no-such-category") == []


@pytest.mark.parametrize("params, field", [
    ({"sort": "cheapest"}, "sort"), ({"price_max": "-1"}, "price_max"), ({"price_max": "ten"}, "price_max"),
    ({"free": "maybe"}, "free"), ({"instructor_id": "nope"}, "instructor_id"), ({"limit": "0"}, "limit"),
    ({"limit": "101"}, "limit"),
])
def test_listing_fails_with_400_for_a_bad_query_parameter(client, world, params, field):
    body = assert_problem(client.get("/v1/courses", params=params), 400)
    assert field in {d["field"] for d in body["details"]}


# --- sorts -------------------------------------------------------------------------------------
def test_sorts_succeed_by_price_newest_and_popularity(client, world):
    _, _, names = world
    assert listing(client, names, sort="price") == ["rust", "python", "cooking", "design"]
    assert listing(client, names, sort="newest") == ["cooking", "python", "design", "rust"]
    assert listing(client, names) == ["cooking", "python", "design", "rust"]
    assert listing(client, names, sort="popular") == ["design", "python", "rust", "cooking"]


def test_relevance_sort_without_a_query_succeeds_as_newest(client, world):
    _, _, names = world
    assert listing(client, names, sort="relevance") == listing(client, names, sort="newest")


# --- pagination --------------------------------------------------------------------------------
@pytest.mark.parametrize("sort, extra", [("newest", {}), ("price", {}), ("popular", {}),
                                         ("relevance", {"q": "pagination"})])
def test_pagination_succeeds_without_skips_or_repeats_when_courses_are_added_between_pages(client, world, sort,
                                                                                          extra):
    cast, _, _ = world
    prices = [0, 700, 700, 1500, 3000]
    originals = [published_course(cast.teacher, cast, title=f"Pagination {sort} {i}",
                                  price={"amount_minor": p, "currency": "USD"})["id"] for i, p in enumerate(prices)]
    before = [c["id"] for c in walk(client, "/v1/courses?sort=" + sort + "".join(f"&{k}={v}" for k, v in extra.items()))]
    assert set(originals) <= set(before)
    seen, cursor, added = [], None, 0
    while True:
        params = {"sort": sort, "limit": 2, **extra} | ({"cursor": cursor} if cursor else {})
        resp = client.get("/v1/courses", params=params)
        assert resp.status_code == 200, resp.text
        seen += [c["id"] for c in resp.json()["items"]]
        cursor = resp.json()["next_cursor"]
        if cursor is None:
            break
        published_course(cast.teacher, cast, title=f"Pagination {sort} late {added}",
                         price={"amount_minor": 700, "currency": "USD"})
        added += 1
    assert len(seen) == len(set(seen)), "a course was repeated"
    assert set(before) <= set(seen), "a course that existed before the first page was skipped"


def test_cursor_fails_with_400_when_tampered_or_reused_with_another_sort(client, world):
    resp = client.get("/v1/courses", params={"limit": 1, "sort": "price"})
    cursor = resp.json()["next_cursor"]
    assert cursor
    assert_problem(client.get("/v1/courses", params={"cursor": cursor[:-2] + "xx", "sort": "price"}), 400,
                   "INVALID_CURSOR")
    assert_problem(client.get("/v1/courses", params={"cursor": cursor, "sort": "newest"}), 400, "INVALID_CURSOR")


# --- the shared listing cache ------------------------------------------------------------------
def test_listing_shows_a_write_of_this_server_at_once_and_one_made_elsewhere_within_the_ttl(
        server_factory, databases, cli):
    """Public listings are reused for --shared-cache-ms; a write through this
    server invalidates them at once, a write by another process (the CLI,
    another instance) shows within that time."""
    from catalog_support import make_cast
    import time
    srv = server_factory(["--shared-cache-ms", "300"])
    cast = make_cast(srv, cli)
    course = published_course(cast.teacher, cast, title="Cached Course Title")
    titles = lambda: {c["id"]: c["title"] for c in srv.client().get("/v1/courses").json()["items"]}
    assert titles()[course["id"]] == "Cached Course Title"
    assert cast.teacher.patch(f"/v1/courses/{course['id']}", json={"title": "Renamed Here"}).status_code == 200
    assert titles()[course["id"]] == "Renamed Here"
    databases.execute(srv.database_url, f"UPDATE courses SET title = 'Renamed Elsewhere' WHERE id = '{course['id']}'")
    time.sleep(0.4)
    assert titles()[course["id"]] == "Renamed Elsewhere"
