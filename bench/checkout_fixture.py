"""Builds the data bench/checkout.sh needs through the public API: a
published course with a resource with a million in stock, and
signed-in learners, written as resource.txt and tokens.txt into the
directory given as the first argument.

Usage: checkout_fixture.py OUT_DIR BASE_URL ADMIN_EMAIL PASSWORD LEARNERS
"""

import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

out, base, admin_email, password = sys.argv[1:5]
n_learners = int(sys.argv[5])


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
course = call("POST", "/v1/courses", {"title": "Bench shop", "description": "For load tests.",
                                      "category_id": category, "level_id": level,
                                      "price": {"amount_minor": 0, "currency": "USD"}}, admin)
section = call("POST", f"/v1/courses/{course['id']}/sections", {"title": "Only section"}, admin)
call("POST", f"/v1/sections/{section['id']}/items", {"item_type": "text", "title": "Only item", "body": {}}, admin)
call("POST", f"/v1/courses/{course['id']}/publish", None, admin)
kit = call("POST", f"/v1/courses/{course['id']}/resources",
           {"title": "Bench kit", "mode": "purchase", "stock": 1000000,
            "price": {"amount_minor": 1500, "currency": "USD"}}, admin)


def learner(i):
    email = f"buyer{i}@bench.test"
    call("POST", "/v1/auth/register", {"email": email, "password": password, "first_name": "B", "last_name": "L"})
    return login(email)


with ThreadPoolExecutor(max_workers=4) as pool:
    tokens = list(pool.map(learner, range(n_learners)))
open(f"{out}/resource.txt", "w").write(kit["id"] + "\n")
open(f"{out}/tokens.txt", "w").write("\n".join(tokens) + "\n")
