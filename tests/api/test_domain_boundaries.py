"""Domain boundaries, read from the source tree (no server needed).

Why: design.md's "Shape of the code" says a domain's SQL writes only its own
tables, reaches another domain only through that domain's service (inside the
same transaction, the service taking the open `Connection&`) or a read-only
view the owner declares, and that folders include each other in one direction
only. Issue 19 §6: this test is generated from the migrations' table list and
the domain each table is annotated with (`schema_annotations`), so a new table
or a new statement is checked without anyone updating a list. It fails when

- a folder's SQL (C++ string literals that read as SQL) writes (INSERT INTO,
  UPDATE, DELETE FROM) a table another folder owns;
- a folder's SQL reads (FROM, JOIN) a table another folder owns, unless the
  owner declares that table readable in `DECLARED_VIEWS`;
- a service, module or handler holds SQL (all of a domain's SQL is in its
  `*_sql.h`, run by its `*_repository.cc`, or by a service through the
  statement's `RowTable` where a repository would only forward the call);
- a module or handler names a statement (`sql::k...`);
- a file includes a header its folder may not (`LAYER_MAY_INCLUDE`,
  `DOMAIN_MAY_INCLUDE`, `DOMAIN_USES`: the allowed directions, written once).

Everything the code does not yet follow is in `EXCEPTIONS`, each named and
justified; an exception that no longer happens fails the test too, so the
list only ever shrinks to what is true.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
MIGRATIONS = ROOT / "migrations"

DOMAINS = ["identity", "catalog", "content", "learning", "assessment", "engagement", "commerce", "labs", "ai"]

# --- the table-to-folder map -------------------------------------------------
# `schema_annotations.domain` names the owning domain of each table; the
# folder is that name in lower case. "AI / operational" is two folders, and
# two tables carry no annotation: those are declared here, once.
ANNOTATED_DOMAIN_FOLDER = {
    "Identity": "identity", "Catalog": "catalog", "Content": "content", "Learning": "learning",
    "Assessment": "assessment", "Engagement": "engagement", "Commerce": "commerce", "Labs": "labs",
}
OPERATIONAL_TABLE_FOLDER = {
    # platform/: what every domain writes through inside its own transaction
    "audit_log": "platform", "mail_outbox": "platform", "idempotency_keys": "platform",
    "activity_events": "platform",
    # platform/: what the instances sharing a database agree on (decision 0029)
    "rate_limit_counters": "platform", "job_leases": "platform",
    # ai/: the assistant
    "conversations": "ai", "conversation_messages": "ai", "ai_usage": "ai", "content_drafts": "ai",
    "feature_config": "ai",
}
UNANNOTATED_TABLE_FOLDER = {
    "schema_annotations": "storage",  # written by migrations only; read by the schema catalog
    "courses_fts": "catalog",         # SQLite's full-text index of courses (0004_catalog.sqlite.sql)
}

# Tables an owner lets other folders read directly (read-only: never written
# outside the owner). Keyed by owner; each with why a service call is not needed.
DECLARED_VIEWS = {
    # Display names of people are read beside almost every row of every domain
    # (authors, learners, instructors): a join, never a service call per row.
    "identity": {"users"},
}

# --- the include directions ----------------------------------------------------
# Which folders a folder may include from. A domain may include another domain
# only through `*_service.h`, `model.h`, `*_shapes.h` (and `demo_*` files its
# `*_module.h`), and only downwards in DOMAIN_USES (no cycles).
LAYER_MAY_INCLUDE = {
    "core": set(),
    "storage": {"core"},
    "http": {"core"},
    "platform": {"core", "storage"},
    "ops": {"core", "storage", "http"},
    "app": {"core", "storage", "http", "platform", "ops", *DOMAINS},
}
DOMAIN_MAY_INCLUDE = {"core", "storage", "http", "platform"}
DOMAIN_USES = {
    "identity": set(),
    "catalog": {"identity"},
    "content": {"identity", "catalog"},
    "learning": {"identity", "catalog", "content"},
    "assessment": {"identity", "catalog", "content", "learning"},
    "engagement": {"identity", "catalog", "content", "learning"},
    "commerce": {"identity", "catalog", "content", "learning"},
    "labs": {"identity", "catalog"},
    "ai": {"identity", "catalog", "content", "learning", "assessment", "engagement", "commerce", "labs"},
}
CROSS_DOMAIN_HEADER = re.compile(r"(_service|_shapes|_resource)\.h$|^model\.h$|^authorization_service\.h$")

# Folders whose SQL is checked against the table map. app/ wires, seeds and
# audits the whole database on purpose (`deltalabs check`, `seed --scale`).
SQL_FOLDERS = [*DOMAINS, "platform", "ops", "storage"]
# Where SQL may live: the domain's statements and the code that runs them,
# a repository or a small resource's unit (`*_resource.cc`: its model,
# service and routes in one pair, its rows through RowTable; docs/style.md).
SQL_FILE = re.compile(r"(_sql\.h|_repository\.(h|cc)|_resource\.cc)$")
# A service may run its domain's named statements (through their RowTable,
# issue 19: no repository class that only forwards one call), but holds no
# SQL text of its own.
RUNS_NAMED_SQL = re.compile(r"_service\.cc$")

# --- everything not yet as the rules say: (kind, file, detail) -> why ---------
# Reads are joins inside one statement that pages or derives (a service call
# per row would turn one keyset page into N+1 queries); writes and includes are
# what could not move yet. The way out of each is in its justification.
EXCEPTIONS: dict[tuple[str, str, str], str] = {
    # -- writes
    ("writes-engagement", "platform/notification_log.cc", "notifications"):
        "NotificationLog is the one insert path every domain (learning, assessment, commerce, labs) "
        "uses in its own transaction; moving it into engagement needs engagement below them all, "
        "and engagement uses learning's EnrollmentService today",
    ("reads-engagement", "platform/notification_log.cc", "notifications"):
        "the same insert path reads the recipient's newest id under its lock, so that one "
        "recipient's notifications commit in id order (decision 0029)",
    # -- reads: joins in listing and derived-value statements
    ("reads-catalog", "learning/learning_sql.h", "courses"):
        "enrollments show their course's title and slug, wishlist pages its title, price and "
        "status, read with the row in one paged statement",
    ("reads-catalog", "learning/learning_sql.h", "course_instructors"):
        "kListMembers pages enrolled members and the course's instructors as one keyset list",
    ("reads-catalog", "learning/learning_sql.h", "instructors"):
        "kListMembers: instructors' user ids, in the same keyset list as enrolled members",
    ("reads-content", "learning/learning_sql.h", "content_items"):
        "percent complete is derived from content_items.is_required in the enrollment's own "
        "statement, never stored (decision 0007)",
    ("reads-content", "learning/learning_sql.h", "course_sections"):
        "the same derivation: items belong to a course through their section",
    ("reads-catalog", "commerce/commerce_sql.h", "courses"):
        "kSelectCartItems shows each course line's title in the cart's one statement",
    ("reads-content", "commerce/commerce_sql.h", "resources"):
        "kSelectCartItems shows resource lines' titles; kSelectResource reads the price and stock "
        "the checkout transaction then takes through content::CourseMaterialService",
    ("reads-learning", "assessment/assessment_sql.h", "enrollments"):
        "grade items and grades are keyed by enrollment: their reads join it for the learner and "
        "course, and the ranking orders by completion, in one paged statement",
    ("reads-commerce", "labs/labs_sql.h", "order_items"):
        "a booking answers its order_id through order_items.lab_booking_id (decision 0021); the way "
        "out is labs::PaymentHolds answering it (app/LabPayments), in the labs rework under way",
    ("reads-identity", "labs/labs_sql.h", "organizations"):
        "lab search filters by an organization and its sub-organizations (a recursive walk of "
        "organizations.parent_id) inside the same paged statement",
    # -- includes
    ("include", "platform/idempotency_keys.h", "http/idempotency_store.h"):
        "IdempotencyKeys implements the pipeline's IdempotencyStore interface over the database",
}


# ---------------------------------------------------------------------------


def table_owners() -> dict[str, str]:
    """Every table the migrations create, mapped to the folder that owns it."""
    created: list[str] = []
    annotated: dict[str, str] = {}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        text = path.read_text()
        code = re.sub(r"--[^\n]*", "", text)
        for m in re.finditer(r"\bCREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", code, re.I):
            if m.group(1).lower() not in created:
                created.append(m.group(1).lower())
        for m in re.finditer(r"INSERT\s+INTO\s+schema_annotations\s*\([^)]*\)\s*VALUES", code, re.I):
            # Rows are ('table', 'Domain', 'note'); a note may hold ';' and ')'.
            rest = code[m.end():]
            for row in re.finditer(r"\(\s*'(\w+)'\s*,\s*'([^']+)'\s*,\s*'(?:[^']|'')*'\s*\)\s*([,;])", rest):
                annotated[row.group(1)] = row.group(2)
                if row.group(3) == ";":
                    break
    owners = {}
    for table in created:
        if table in UNANNOTATED_TABLE_FOLDER:
            owners[table] = UNANNOTATED_TABLE_FOLDER[table]
        elif table in OPERATIONAL_TABLE_FOLDER:
            owners[table] = OPERATIONAL_TABLE_FOLDER[table]
        else:
            assert table in annotated, f"{table}: no schema_annotations row and not declared in this test"
            assert annotated[table] in ANNOTATED_DOMAIN_FOLDER, \
                f"{table}: annotated {annotated[table]!r}; declare its folder in OPERATIONAL_TABLE_FOLDER"
            owners[table] = ANNOTATED_DOMAIN_FOLDER[annotated[table]]
    return owners


LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# Statements are written in upper case here (docs/style.md), which tells them
# from prose such as route summaries ("Delete a role ...").
SQL_START = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP)\b")
STATEMENT_NAME = re.compile(r"\bsql::k\w+")


def strip_comments(code: str) -> str:
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    return re.sub(r"(?m)^\s*//[^\n]*$|(?<=[;{}),])\s*//[^\n]*$", " ", code)


def sql_statements(code: str) -> list[str]:
    """The SQL text of a file: runs of adjacent string literals (macros between
    them, such as column lists, are kept by name) that start like a statement,
    plus the bodies of `#define` column and join macros."""
    statements = []
    code = strip_comments(code)
    # Statements composed from a row mapping name their table in a template
    # or function argument (storage/row_mapping.h, row_table.h, sql_text.h):
    # read it as the FROM or INSERT INTO it becomes.
    code = re.sub(r'((?:select_(?:from|where)<\w+>\(|RowTable<\w+,)\s*)"', r'\1"FROM ', code)
    code = re.sub(r'(insert_into<\s*)"', r'\1"INSERT INTO ', code)
    run: list[str] = []
    last_end = None
    for m in LITERAL.finditer(code):
        between = code[last_end:m.start()] if last_end is not None else ""
        if last_end is not None and re.fullmatch(r"[\s\\]*(?:[A-Z_][A-Z0-9_]*[\s\\]*)*", between):
            run.append(m.group(1))
        else:
            if run:
                statements.append(" ".join(run))
            run = [m.group(1)]
        last_end = m.end()
    if run:
        statements.append(" ".join(run))
    return [s for s in statements if SQL_START.match(s) or re.search(r"\b(FROM|JOIN)\s+\w+", s)]


TABLE_AFTER = re.compile(r"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?\w+)?((?:\s*,\s*\w+(?:\s+(?:AS\s+)?\w+)?)*)", re.I)
WRITE = {"insert into", "update", "delete from"}


def tables_named(statement: str, owners: dict[str, str]) -> list[tuple[str, str]]:
    """(access, table) for each table a statement names: 'write' or 'read'."""
    found = []
    for m in TABLE_AFTER.finditer(statement):
        verb = re.sub(r"\s+", " ", m.group(1).lower())
        tables = [m.group(2)] + re.findall(r",\s*(\w+)", m.group(3) or "")
        for t in tables:
            if t.lower() in owners:
                found.append(("write" if verb in WRITE else "read", t.lower()))
    return found


def source_files(folder: str):
    for path in sorted((SRC / folder).rglob("*")):
        if path.suffix in (".h", ".cc"):
            yield path


def rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def sql_findings() -> set[tuple[str, str, str]]:
    owners = table_owners()
    findings = set()
    for folder in SQL_FOLDERS:
        for path in source_files(folder):
            code = path.read_text()
            statements = sql_statements(code)
            if folder in DOMAINS and not SQL_FILE.search(path.name):
                named = sorted(set(STATEMENT_NAME.findall(strip_comments(code))))
                if RUNS_NAMED_SQL.search(path.name):
                    named = []
                if statements or named:
                    findings.add(("sql-outside-repository", rel(path),
                                  ", ".join(named) or f"{len(statements)} statement(s)"))
            for statement in statements:
                for access, table in tables_named(statement, owners):
                    owner = owners[table]
                    if owner == folder:
                        continue
                    if access == "read" and table in DECLARED_VIEWS.get(owner, set()):
                        continue
                    findings.add((f"{access}s-{owner}", rel(path), table))
    return findings


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def include_findings() -> set[tuple[str, str, str]]:
    findings = set()
    for folder in sorted(p.name for p in SRC.iterdir() if p.is_dir()):
        for path in source_files(folder):
            for header in INCLUDE.findall(path.read_text()):
                if "/" not in header:
                    continue
                target, name = header.split("/", 1)
                if target == folder:
                    continue
                if folder in DOMAIN_USES:
                    if target in DOMAIN_MAY_INCLUDE:
                        continue
                    if target in DOMAIN_USES:
                        downward = target in DOMAIN_USES[folder] or header == "identity/authorization_service.h"
                        kind_ok = CROSS_DOMAIN_HEADER.search(name) or (
                            path.name.startswith("demo_") and name.endswith("_module.h"))
                        if downward and kind_ok:
                            continue
                elif target in LAYER_MAY_INCLUDE.get(folder, set()):
                    continue
                findings.add(("include", rel(path), header))
    return findings


def report(findings: set[tuple[str, str, str]]) -> str:
    return "\n".join(f"  {kind:24} {path:48} {detail}" for kind, path, detail in sorted(findings))


def check(findings: set[tuple[str, str, str]]):
    new = findings - EXCEPTIONS.keys()
    assert not new, "boundary violations (fix them, or name and justify them in EXCEPTIONS):\n" + report(new)


def test_every_table_has_an_owning_folder():
    owners = table_owners()
    assert "users" in owners and owners["users"] == "identity"
    assert owners["order_items"] == "commerce" and owners["notifications"] == "engagement"
    unknown = set(owners.values()) - set(DOMAINS) - {"platform", "storage"}
    assert not unknown, f"tables owned by folders that are not domains: {unknown}"


def test_the_scanner_sees_what_it_should():
    owners = table_owners()
    assert tables_named("UPDATE courses SET enrollment_count = 1", owners) == [("write", "courses")]
    assert ("read", "order_items") in tables_named(
        "SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id", owners)
    assert sql_statements('constexpr const char* k = "SELECT a " DL_COLS " FROM labs l WHERE x";') == [
        "SELECT a   FROM labs l WHERE x"]
    composed = 'auto k = sql_concat("SELECT ", column_list<kRow>(), " FROM carts c JOIN courses x ON 1");'
    assert {t for s in sql_statements(composed) for _, t in tables_named(s, owners)} == {"carts", "courses"}


def test_domain_sql_touches_only_its_own_tables_or_declared_views():
    check({f for f in sql_findings() if f[0] != "sql-outside-repository"})


def test_sql_lives_in_repositories():
    check({f for f in sql_findings() if f[0] == "sql-outside-repository"})


def test_folders_include_only_what_they_may():
    check(include_findings())


def test_every_exception_still_happens():
    stale = EXCEPTIONS.keys() - sql_findings() - include_findings()
    assert not stale, "exceptions that no longer happen (remove them):\n" + report(stale)
