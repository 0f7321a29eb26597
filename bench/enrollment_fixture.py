"""Builds the data bench/enrollments.sh needs through the public API: free
published courses and signed-in learners, written as courses.txt and
tokens.txt into the directory given as the first argument.

Usage: enrollment_fixture.py OUT_DIR BASE_URL ADMIN_EMAIL PASSWORD COURSES LEARNERS
"""

import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

out, base, admin_email, password = sys.argv[1:5]
n_courses, n_learners = int(sys.argv[5]), int(sys.argv[6])


def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read() or b"{}")


def login(email):
    return call("POST", "/v1/auth/login", {"email": email, "password": password})["access_token"]


admin = login(admin_email)
category = call("POST", "/v1/course-categories", {"slug": "bench", "name": "Bench"}, admin)["id"]
level = call("POST", "/v1/course-levels", {"slug": "bench", "name": "Bench"}, admin)["id"]


def course(i):
    c = call("POST", "/v1/courses", {"title": f"Bench course {i}", "description": "For load tests.",
                                     "category_id": category, "level_id": level,
                                     "price": {"amount_minor": 0, "currency": "USD"}}, admin)
    s = call("POST", f"/v1/courses/{c['id']}/sections", {"title": "Only section"}, admin)
    call("POST", f"/v1/sections/{s['id']}/items", {"item_type": "text", "title": "Only item", "body": {}}, admin)
    call("POST", f"/v1/courses/{c['id']}/publish", None, admin)
    return c["id"]


def learner(i):
    email = f"learner{i}@bench.test"
    call("POST", "/v1/auth/register", {"email": email, "password": password, "first_name": "B", "last_name": "L"})
    return login(email)


with ThreadPoolExecutor(max_workers=4) as pool:
    courses = list(pool.map(course, range(n_courses)))
    tokens = list(pool.map(learner, range(n_learners)))
open(f"{out}/courses.txt", "w").write("\n".join(courses) + "\n")
open(f"{out}/tokens.txt", "w").write("\n".join(tokens) + "\n")
