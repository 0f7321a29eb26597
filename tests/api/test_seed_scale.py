"""`deltalabs seed --scale` at a tiny size: the data set keeps every rule of the
schema and the domain (checked by `deltalabs check` and by queries), accounts
sign in with the documented password, the API serves it, a second run is
refused, and the same options give the same rows."""

TINY = ["--users", "40", "--courses", "12", "--enrollments", "150", "--sections", "2", "--items", "3"]
PASSWORD = "deltalabs-scale"


def seed(cli, url, *extra):
    return cli("seed", "--scale", *TINY, *extra, database=url, timeout=120)


def one(databases, url, sql) -> int:
    return int(databases.execute(url, sql)[0][0])


def test_seed_scale_succeeds_and_check_passes_when_run_small(cli, databases):
    url = databases.create()
    done = seed(cli, url)
    assert done.returncode == 0, done.stderr
    assert "40 users" in done.stdout and "150 enrollments" in done.stdout
    assert "seed:" in done.stderr, "progress goes to stderr as plain lines when it is not a terminal"
    checked = cli("check", database=url)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    assert one(databases, url, "SELECT count(*) FROM users WHERE email LIKE '%@scale.deltalabs.local'") == 40
    assert one(databases, url, "SELECT count(*) FROM courses") == 12
    assert one(databases, url, "SELECT count(*) FROM course_sections") == 24
    assert one(databases, url, "SELECT count(*) FROM content_items") == 72
    assert one(databases, url, "SELECT count(*) FROM enrollments") == 150
    assert one(databases, url, "SELECT count(*) FROM enrollment_progress") > 0
    # Seats: the stored count is exactly the course's non-cancelled student enrollments.
    assert one(databases, url, """
        SELECT count(*) FROM courses c WHERE c.enrollment_count <> (
          SELECT count(*) FROM enrollments e
          WHERE e.course_id = c.id AND e.member_role = 'student' AND e.status <> 'cancelled')""") == 0
    assert one(databases, url, "SELECT count(*) FROM courses WHERE max_students < enrollment_count") == 0
    assert one(databases, url, "SELECT count(*) FROM courses WHERE status = 'published'") >= 6
    # Only courses that take learners have them; a completed enrollment completed every item.
    assert one(databases, url, """
        SELECT count(*) FROM enrollments e JOIN courses c ON c.id = e.course_id
        WHERE c.status = 'draft'""") == 0
    assert one(databases, url, """
        SELECT count(*) FROM enrollments e WHERE e.status = 'completed' AND 6 <> (
          SELECT count(*) FROM enrollment_progress p
          WHERE p.enrollment_id = e.id AND p.status = 'completed')""") == 0
    assert one(databases, url, """
        SELECT count(*) FROM enrollments
        WHERE (status = 'completed') <> (completed_at IS NOT NULL)
           OR (status = 'cancelled') <> (cancelled_at IS NOT NULL)""") == 0


def test_seed_scale_fails_when_the_data_set_is_already_there(cli, databases):
    url = databases.create()
    assert seed(cli, url).returncode == 0
    again = seed(cli, url)
    assert again.returncode != 0
    assert "already holds a scale data set" in again.stderr
    assert one(databases, url, "SELECT count(*) FROM enrollments") == 150, "nothing was added"


def test_seed_scale_fails_when_the_sizes_cannot_fit(cli, databases):
    url = databases.create()
    done = cli("seed", "--scale", "--users", "3", "--courses", "2", "--enrollments", "100", database=url)
    assert done.returncode != 0
    assert "Too many enrollments" in done.stderr
    assert one(databases, url, "SELECT count(*) FROM users") == 0


def test_seed_scale_succeeds_with_the_same_rows_when_run_on_two_databases(cli, databases):
    first, second = databases.create(), databases.create()
    assert seed(cli, first).returncode == 0
    assert seed(cli, second).returncode == 0
    rows = "SELECT id, slug, enrollment_count FROM courses ORDER BY id"
    assert databases.execute(first, rows) == databases.execute(second, rows)


def test_seed_scale_succeeds_and_the_api_serves_it_when_a_learner_signs_in(cli, databases, server_factory):
    url = databases.create()
    assert seed(cli, url).returncode == 0
    client = server_factory(database=url).client()
    login = client.post("/v1/auth/login", json={"email": "user39@scale.deltalabs.local", "password": PASSWORD})
    assert login.status_code == 200, login.text
    popular = client.get("/v1/courses", params={"sort": "popular", "limit": 100})
    assert popular.status_code == 200
    listed = popular.json()["items"]
    assert listed and all(c["status"] == "published" for c in listed)
    counts = [c["enrollment_count"] for c in listed]
    assert counts == sorted(counts, reverse=True)
    stored = dict(databases.execute(url, "SELECT id, enrollment_count FROM courses"))
    for course in listed:
        assert str(course["enrollment_count"]) == stored[course["id"]]
        assert course["instructor_ids"], "every course has an instructor"
    detail = client.get(f"/v1/courses/{listed[0]['id']}")
    assert detail.status_code == 200 and detail.json()["instructor_ids"] == listed[0]["instructor_ids"]
    found = client.get("/v1/courses", params={"q": listed[0]["title"].split()[-1]})
    assert found.status_code == 200 and found.json()["items"]
