"""PostgreSQL and Redis for the multi-instance tests: a fresh schema and a Redis key prefix each."""

import os
import uuid

import pytest
import redis

from tests.reliability.proxy import DatabaseProxy
from tests.reliability.servers import Gunicorn
from tests.support.database import migrated_schema, schema_url

POSTGRES = os.environ.get("RELIABILITY_DATABASE_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
REDIS = os.environ.get("RELIABILITY_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def postgres_schema():
    """(admin engine, schema name, URL) of a migrated schema of its own, dropped afterwards."""
    with migrated_schema(POSTGRES, "rel") as created:
        yield created


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


def proxied_url(proxy: DatabaseProxy, schema: str) -> str:
    return schema_url(POSTGRES.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"), schema)


@pytest.fixture
def behind_proxy(tmp_path, postgres_schema, redis_prefix):
    """(server, proxy, admin engine, schema): one gunicorn worker reaching PostgreSQL through a proxy
    the test can stop, to play an outage."""
    admin, schema, _url = postgres_schema
    proxy = DatabaseProxy()
    proxy.up()
    server = Gunicorn(instance_env(proxied_url(proxy, schema), redis_prefix), workers=1,
                      log_path=tmp_path / "gunicorn.log")
    try:
        server.wait_until_up()
        yield server, proxy, admin, schema
    finally:
        server.stop()
        proxy.down()
