"""A migrated PostgreSQL schema of its own, for one test (tests/conftest.py, tests/reliability/)."""

import contextlib
import uuid
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent.parent


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def schema_url(server_url: str, schema: str) -> str:
    """The server URL with every connection's search_path set to `schema`."""
    separator = "&" if "?" in server_url else "?"
    return f"{server_url}{separator}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def migrated_schema(server_url: str, prefix: str = "test"):
    """(admin engine, schema name, URL) of a new schema upgraded to the newest migration; dropped afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = schema_url(server_url, schema)
        command.upgrade(alembic_config(url), "head")
        yield admin, schema, url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
