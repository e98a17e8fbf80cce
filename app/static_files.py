"""Static files as a real site delivers them (README "Speed"): content-hashed names, gzip and
brotli copies, one year `immutable` caching, served by WhiteNoise inside the app.

At start (create_app) every file under app/static gets a name with a hash of its content
(css/site.css -> css/site.3f2a1b9c0d4e.css). The hashed copies and their .gz/.br siblings are
written to a build folder under instance/, only when missing, each through a temporary file and
os.replace, so several workers starting at once never see half a file. The plain names
(css/site.css) are copied there too and stay served with a short cache, so pages rendered
before a deploy keep working. WhiteNoise's own manifest storage is Django-only; this module is
the small part of it this site needs.

WhiteNoise answers before Flask, so the security headers are added through its
add_headers_function (app/security.py's static_headers).
"""

import hashlib
import os
import re
import tempfile
from pathlib import Path

from flask import Flask, current_app, request
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from app.i18n import ENVIRON_KEY, PREFIX

STATIC_DIR = Path(__file__).resolve().parent / "static"
HASH_LENGTH = 12
ONE_YEAR = 31536000
PLAIN_NAME_MAX_AGE = 300  # old pages asking for css/site.css get today's file within 5 minutes
HASHED_NAME = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.[A-Za-z0-9]+$")


def hashed_name(relative: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    stem, dot, extension = relative.rpartition(".")
    return f"{stem}.{digest}.{extension}" if dot else f"{relative}.{digest}"


def source_name(name: str) -> str:
    """css/site.3f2a1b9c0d4e.css -> css/site.css (a name without a hash stays as it is)."""
    return HASHED_NAME.sub(lambda m: m.group(0)[HASH_LENGTH + 1:], name)


def build(source: Path, target: Path) -> dict[str, str]:
    """Writes hashed and plain copies (with .gz/.br) of every file in source; returns the manifest."""
    target.mkdir(parents=True, exist_ok=True)
    # Staging beside the build folder, not in it: WhiteNoise never lists a half-written file.
    temp_root = target.parent
    manifest = {}
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source).as_posix()
        data = path.read_bytes()
        name = hashed_name(relative, data)
        manifest[relative] = name
        _publish(data, target / name, temp_root)
        plain = target / relative
        if not plain.is_file() or plain.read_bytes() != data:
            _publish(data, plain, temp_root, replace=True)
    return manifest


def _publish(data: bytes, destination: Path, temp_root: Path, replace: bool = False) -> None:
    """The file and its compressed copies, each moved into place whole; the file itself last,
    so its presence means its .gz/.br are there too."""
    if destination.is_file() and not replace:
        return
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=temp_root, prefix=".static-") as tmp:
        staged = Path(tmp) / destination.name
        staged.write_bytes(data)
        compressor = Compressor(quiet=True)
        written = compressor.compress(str(staged)) if compressor.should_compress(staged.name) else []
        for suffix in (".br", ".gz"):
            if str(staged) + suffix in written:
                os.replace(str(staged) + suffix, str(destination) + suffix)
            elif replace:
                Path(str(destination) + suffix).unlink(missing_ok=True)
        os.replace(staged, destination)


class StaticFiles(WhiteNoise):
    FOREVER = ONE_YEAR  # WhiteNoise's default is ten years; a year is what RFC 9111 advises


def build_dir(app: Flask) -> Path:
    from app.config import INSTANCE_DIR

    return Path(app.config.get("STATIC_BUILD_DIR") or INSTANCE_DIR / "static-build")


def init_app(app: Flask) -> None:
    """Build the manifest and wrap the app in WhiteNoise (innermost: /en/static/ works too)."""
    from app.security import static_headers

    target = build_dir(app)
    manifest = build(STATIC_DIR, target)
    app.extensions["beschut.static_manifest"] = manifest
    app.wsgi_app = StaticFiles(
        app.wsgi_app,
        root=str(target),
        prefix="static/",
        max_age=PLAIN_NAME_MAX_AGE,
        immutable_file_test=lambda path, url: bool(HASHED_NAME.search(url)),
        add_headers_function=static_headers(app),
    )


def static_path(filename: str) -> str:
    """/static/<hashed name> (a file we do not know keeps its own name: Flask answers 404)."""
    manifest = current_app.extensions.get("beschut.static_manifest", {})
    root = request.script_root
    # One address per file in both languages, so switching language downloads nothing again.
    if request.environ.get(ENVIRON_KEY) == "en" and root.endswith(PREFIX):
        root = root[: -len(PREFIX)]
    return f"{root}{current_app.static_url_path}/{manifest.get(filename, filename)}"
