"""PostgreSQL and Redis for the multi-instance tests: a fresh schema and a Redis key prefix each."""

import os
import uuid

import pytest
import redis
from alembic import command
from sqlalchemy import create_engine, text

from tests.conftest import alembic_config

POSTGRES = os.environ.get("RELIABILITY_DATABASE_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
REDIS = os.environ.get("RELIABILITY_REDIS_URL", "redis://127.0.0.1:6379/0")


def schema_url(server_url: str, schema: str) -> str:
    separator = "&" if "?" in server_url else "?"
    return f"{server_url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_schema():
    """(admin engine, schema name, URL) of a migrated schema of its own, dropped afterwards."""
    schema = f"rel_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = schema_url(POSTGRES, schema)
    command.upgrade(alembic_config(url), "head")
    yield admin, schema, url
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def redis_prefix():
    """A key prefix of its own in Redis; its keys are deleted afterwards."""
    prefix = f"rel-{uuid.uuid4().hex[:10]}"
    yield prefix
    connection = redis.Redis.from_url(REDIS)
    for key in connection.scan_iter(f"*{prefix}*"):
        connection.delete(key)


def instance_env(database_url: str, prefix: str, **extra) -> dict:
    return {
        "APP_ENV": "development",
        "SECRET_KEY": "reliability-test-secret-" + "x" * 20,
        "DATABASE_URL": database_url,
        "RATELIMIT_STORAGE_URI": REDIS,
        "RATELIMIT_KEY_PREFIX": prefix,
        **extra,
    }
