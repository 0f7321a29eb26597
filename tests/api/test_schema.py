"""The data-model document and the database audit: GET /v1/schema,
`deltalabs schema` and `deltalabs check`.

Why: design.md's data model rules make docs/data-model.md a generated view of
the live database's own catalog (tables, keys, unique rules, relations with
cardinality and ON DELETE rules, an ER diagram), served by GET /v1/schema in
three formats. The committed document must never drift from what the
migrations build, and `deltalabs check` is what an operator runs to learn
whether a database still keeps those rules (no orphan rows, every applied
migration known). A check that cannot fail is worthless, so it is shown to
fail on a database corrupted on purpose.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from client import assert_problem
from conftest import BACKEND, ROOT

DOMAINS = ["Identity", "Catalog", "Learning", "Assessment", "Content", "Engagement", "Commerce", "Labs",
           "AI / operational"]
CARDINALITIES = {"many-to-one", "one-to-one", "many-to-many"}
ON_DELETE = {"CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT"}
INTERNAL = {"schema_migrations", "schema_annotations"}


# --- GET /v1/schema ----------------------------------------------------------
def test_schema_defaults_to_json_describing_every_table_and_relation(client):
    resp = client.get("/v1/schema")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/json")
    doc = resp.json()
    assert set(doc) == {"tables", "relations"}
    names = [t["name"] for t in doc["tables"]]
    assert names == sorted(names), "tables are sorted by name"
    assert not INTERNAL & set(names), "migration bookkeeping is not part of the data model"
    for table in doc["tables"]:
        assert {"name", "domain", "note", "columns", "primary_key", "foreign_keys", "unique", "checks"} <= set(table)
        assert table["domain"] in DOMAINS, table["name"]
        column_names = {c["name"] for c in table["columns"]}
        for column in table["columns"]:
            assert {"name", "type", "nullable", "default", "primary_key"} <= set(column)
        assert set(table["primary_key"]) <= column_names
        for fk in table["foreign_keys"]:
            assert set(fk["columns"]) <= column_names, (table["name"], fk)
            assert fk["references"]["table"] in names, (table["name"], fk)
            assert fk["on_delete"] in ON_DELETE, (table["name"], fk)
            assert fk["cardinality"] in CARDINALITIES, (table["name"], fk)
    for relation in doc["relations"]:
        assert relation["from"] in names and relation["to"] in names, relation
        assert relation["cardinality"] in CARDINALITIES, relation


def test_schema_json_is_the_same_when_asked_for_explicitly(client):
    assert client.get("/v1/schema?format=json").json() == client.get("/v1/schema").json()


def test_schema_markdown_has_the_founding_page_structure(client):
    resp = client.get("/v1/schema?format=markdown")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/markdown; charset=utf-8"
    text = resp.text
    assert text.startswith("---\ntitle: Data Model & DB Relations\nsidebar_position: 5\n---\n")
    position = 0
    for heading in ["## How to use this doc", "## Domains and main entities"] + [f"### {d}" for d in DOMAINS] + [
            "## Cross-domain relations (overview)", "## Diagram", "```mermaid\nerDiagram\n"]:
        found = text.find(heading, position)
        assert found >= 0, f"{heading!r} missing or out of order"
        position = found
    assert text.count("| Entity / collection | Key fields / notes | Relations |") == len(DOMAINS)
    assert "| From | To | Relation type | Notes |" in text


def test_schema_mermaid_is_only_the_er_diagram(client):
    resp = client.get("/v1/schema?format=mermaid")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert resp.text.startswith("erDiagram\n")
    assert "```" not in resp.text and "###" not in resp.text
    assert "```mermaid\n" + resp.text + "```" in client.get("/v1/schema?format=markdown").text


def test_schema_with_an_unknown_format_is_a_400_problem(client):
    for value in ("yaml", "JSON", ""):
        assert_problem(client.get("/v1/schema", params={"format": value}), 400, "INVALID_FORMAT")


def test_schema_is_public_and_documents_its_format_parameter(client):
    assert client.with_token("not-a-token").get("/v1/schema?format=mermaid").status_code == 200
    operation = client.get("/v1/openapi.json").json()["paths"]["/v1/schema"]["get"]
    assert "Operations" in operation["tags"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert params["format"]["in"] == "query"
    assert "markdown" in params["format"]["description"] and "mermaid" in params["format"]["description"]


# --- deltalabs schema ----------------------------------------------------------
def test_cli_schema_prints_what_the_api_serves(server, client, cli):
    for fmt in ("markdown", "mermaid"):
        done = cli("schema", "--format", fmt, database=server.database_url)
        assert done.returncode == 0, done.stderr
        assert done.stdout == client.get(f"/v1/schema?format={fmt}").text, fmt
    done = cli("schema", "--format", "json", database=server.database_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == client.get("/v1/schema").json()


def test_cli_schema_writes_a_file_and_rejects_unknown_formats(databases, cli, tmp_path):
    url = databases.create()
    out = tmp_path / "model.md"
    done = cli("schema", "--format", "markdown", "--output", out, database=url)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert out.read_text() == cli("schema", database=url).stdout, "markdown is the default format"
    bad = cli("schema", "--format", "yaml", database=url)
    assert bad.returncode != 0
    assert "format" in bad.stderr.lower()


@pytest.mark.skipif(BACKEND == "postgresql", reason="docs/data-model.md is generated from SQLite")
def test_committed_data_model_document_is_what_the_schema_generates(databases, cli):
    done = cli("schema", "--format", "markdown", database=databases.create())
    assert done.returncode == 0, done.stderr
    committed = (ROOT / "docs" / "data-model.md").read_text()
    assert committed == done.stdout, (
        "docs/data-model.md differs from what the migrations generate: run scripts/gen-data-model and commit it")


# --- deltalabs check -----------------------------------------------------------
def test_check_passes_on_a_freshly_migrated_database(server, cli):
    done = cli("check", database=server.database_url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAILED" not in done.stdout
    assert "ok      migrations" in done.stdout


def migrated_sqlite(cli, path: Path) -> str:
    url = f"sqlite:{path}"
    done = cli("migrate", database=url)
    assert done.returncode == 0, done.stderr
    return url


def test_check_fails_on_an_orphan_row_in_sqlite(cli, tmp_path):
    url = migrated_sqlite(cli, tmp_path / "orphans.db")
    with sqlite3.connect(tmp_path / "orphans.db") as conn:
        conn.executescript("""
            CREATE TABLE check_parents (id INTEGER PRIMARY KEY);
            CREATE TABLE check_children (id INTEGER PRIMARY KEY,
                                         parent_id INTEGER NOT NULL REFERENCES check_parents (id));
            INSERT INTO check_parents VALUES (1);
            INSERT INTO check_children VALUES (1, 1);
        """)
    clean = cli("check", database=url)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    with sqlite3.connect(tmp_path / "orphans.db") as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO check_children VALUES (2, 42)")
        conn.execute("INSERT INTO check_children VALUES (3, 43)")
    done = cli("check", database=url)
    assert done.returncode == 1, done.stdout + done.stderr
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1, done.stdout
    assert "check_children" in failed[0] and "check_parents" in failed[0] and "2 orphan" in failed[0]


def test_check_fails_when_an_applied_migration_is_unknown(cli, tmp_path):
    url = migrated_sqlite(cli, tmp_path / "future.db")
    with sqlite3.connect(tmp_path / "future.db") as conn:
        conn.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at)"
                     " VALUES (9999, '9999_from_a_newer_binary', 'x', '2030-01-01T00:00:00.000Z')")
    done = cli("check", database=url)
    assert done.returncode == 1, done.stdout + done.stderr
    assert any(line.startswith("FAILED") and "9999_from_a_newer_binary" in line for line in done.stdout.splitlines())


@pytest.mark.skipif(BACKEND != "postgresql", reason="the orphan-count audit is the PostgreSQL path")
def test_check_fails_on_an_orphan_row_in_postgresql(databases, cli):
    url = databases.create()
    assert cli("migrate", database=url).returncode == 0
    databases.execute(url, """
        CREATE TABLE check_parents (id INTEGER PRIMARY KEY);
        CREATE TABLE check_children (id INTEGER PRIMARY KEY,
                                     parent_id INTEGER REFERENCES check_parents (id) ON DELETE CASCADE);
        ALTER TABLE check_children DISABLE TRIGGER ALL;
        INSERT INTO check_children VALUES (1, 42), (2, NULL);
        ALTER TABLE check_children ENABLE TRIGGER ALL;
    """)
    done = cli("check", database=url)
    assert done.returncode == 1, done.stdout + done.stderr
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and "check_children(parent_id)" in failed[0] and "1 orphan" in failed[0], done.stdout
