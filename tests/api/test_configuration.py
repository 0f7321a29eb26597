"""Configuration: every setting comes from a flag, the TOML file named by
--config, a DELTALABS_* environment variable or its default, strongest first.

Shown with the database location, which every data subcommand shares: the
`migrate` subcommand reports the database it migrated, so the winning source
is visible without a server.
"""
import os
import subprocess

from conftest import BINARY


def run(args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DELTALABS_")}
    env.update(env_extra or {})
    return subprocess.run([str(BINARY)] + args, capture_output=True, text=True, timeout=60, env=env,
                          stdin=subprocess.DEVNULL)


def write_config(tmp_path, text):
    path = tmp_path / "deltalabs.toml"
    path.write_text(text)
    return path


def test_config_file_sets_the_database_succeeds(tmp_path):
    config = write_config(tmp_path, f'database = "sqlite:{tmp_path}/from-config.db"\nlog-level = "warn"\n')
    done = run(["--config", str(config), "migrate"])
    assert done.returncode == 0, done.stderr
    assert "from-config.db" in done.stdout
    assert (tmp_path / "from-config.db").exists()


def test_flag_beats_config_file_succeeds(tmp_path):
    config = write_config(tmp_path, f'database = "sqlite:{tmp_path}/from-config.db"\n')
    done = run(["--config", str(config), "migrate", "--database", f"sqlite:{tmp_path}/from-flag.db"])
    assert done.returncode == 0, done.stderr
    assert "from-flag.db" in done.stdout
    assert not (tmp_path / "from-config.db").exists()


def test_environment_applies_without_flag_or_file_succeeds(tmp_path):
    done = run(["migrate"], {"DELTALABS_DATABASE": f"sqlite:{tmp_path}/from-env.db"})
    assert done.returncode == 0, done.stderr
    assert "from-env.db" in done.stdout


def test_config_file_beats_environment_succeeds(tmp_path):
    config = write_config(tmp_path, f'database = "sqlite:{tmp_path}/from-config.db"\n')
    done = run(["--config", str(config), "migrate"], {"DELTALABS_DATABASE": f"sqlite:{tmp_path}/from-env.db"})
    assert done.returncode == 0, done.stderr
    assert "from-config.db" in done.stdout
    assert not (tmp_path / "from-env.db").exists()


def test_missing_config_file_fails_with_a_message(tmp_path):
    done = run(["--config", str(tmp_path / "nope.toml"), "migrate"])
    assert done.returncode != 0
    assert "nope.toml" in (done.stderr + done.stdout)


def test_unsupported_database_url_fails_with_a_message(tmp_path):
    done = run(["migrate", "--database", "mysql://localhost/x"])
    assert done.returncode == 1
    assert "sqlite:" in done.stderr and "postgresql://" in done.stderr


def test_malformed_listen_address_fails_before_serving(tmp_path):
    done = run(["serve", "--database", f"sqlite:{tmp_path}/x.db", "--listen", "localhost"])
    assert done.returncode == 2
    assert "HOST:PORT" in done.stderr
