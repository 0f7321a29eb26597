"""Empties the carts of bench/checkout_fixture.py's learners, so a checkout
load that starts again with the same learners does not begin with
409 ITEM_ALREADY_IN_CART (a load that ends between "add to cart" and
"check out" leaves the item there).

Usage: empty_carts.py DIR BASE_URL   (DIR holds the fixture's tokens.txt)
"""

import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

directory, base = sys.argv[1:3]


def call(method, path, token):
    req = urllib.request.Request(base + path, method=method)
    req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read() or b"{}")


def empty(token):
    for item in call("GET", "/v1/cart", token)["items"]:
        call("DELETE", f"/v1/cart/items/{item['id']}", token)


tokens = [t for t in open(f"{directory}/tokens.txt").read().split() if t]
with ThreadPoolExecutor(max_workers=4) as pool:
    list(pool.map(empty, tokens))
