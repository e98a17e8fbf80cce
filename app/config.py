"""Settings per environment.

Development and testing run with nothing but SQLite and an in-memory rate-limit store.
Production takes its database, secret and Redis from the environment and refuses to start
without a real SECRET_KEY.
"""

import os
from pathlib import Path

from app.languages import DEFAULT as DEFAULT_LANGUAGE
from app.languages import LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("INSTANCE_DIR", PROJECT_ROOT / "instance"))

_DEV_SECRET = "development-only-secret-not-for-production"  # noqa: S105 - refused in production


class ConfigError(RuntimeError):
    """A setting that makes it unsafe to start; the message is one line for the operator."""


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() not in {"0", "false", "no", "off", ""}


def default_database_url() -> str:
    return f"sqlite:///{INSTANCE_DIR / 'beschut.sqlite3'}"


class Config:
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
    DATABASE_URL = os.environ.get("DATABASE_URL", default_database_url())

    # Languages: Dutch at the root, English under /en (see app.i18n).
    LANGUAGES = LANGUAGES
    BABEL_DEFAULT_LOCALE = DEFAULT_LANGUAGE
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    CONTENT_DIR = str(PROJECT_ROOT / "content")

    # The CSRF token lives as long as the session, so a person who takes their time
    # never loses a page of answers to an expired token.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = False

    SESSION_COOKIE_NAME = "beschut_sessie"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False

    RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # Several sites (or test runs) can share one Redis with a prefix of their own.
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "beschut")
    RATELIMIT_HEADERS_ENABLED = True
    # A moving window: no double burst at the edge of a fixed minute.
    RATELIMIT_STRATEGY = "moving-window"
    # When Redis is unreachable, serve the request unlimited rather than fail (see app/ratelimits.py).
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

    # The public address printed on documents and used in QR codes and link previews
    # (app/site_address.py); empty means the address the page was served from.
    SITE_URL = os.environ.get("SITE_URL", "")
    # Where a person can reach the site's editors; shown wherever the site promises an answer.
    CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "contact@beschutwerk.example")

    HSTS = False
    MAX_CONTENT_LENGTH = 256 * 1024

    def check(self) -> None:
        """Raise ConfigError when the settings are unsafe for this environment."""


class DevelopmentConfig(Config):
    pass


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret-key"  # noqa: S105 - tests only
    RATELIMIT_ENABLED = False


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    HSTS = True

    def check(self) -> None:
        secret = os.environ.get("SECRET_KEY", "")
        if len(secret) < 32 or secret == _DEV_SECRET:
            raise ConfigError(
                "Refusing to start: set SECRET_KEY to a random value of at least 32 characters "
                "(for example: python -c 'import secrets; print(secrets.token_hex(32))')."
            )
        self.SECRET_KEY = secret


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name: str | None = None) -> Config:
    name = name or os.environ.get("APP_ENV", "development")
    try:
        config = CONFIGS[name]()
    except KeyError:
        raise ConfigError(f"Unknown APP_ENV {name!r}: use one of {', '.join(CONFIGS)}.") from None
    config.check()
    return config
