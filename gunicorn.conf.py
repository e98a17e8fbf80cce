"""gunicorn settings, read automatically from the working directory (`gunicorn wsgi:app`).

Command-line flags (`--bind`, `--workers`) still win over the values here.
"""

import os

import gunicorn.glogging
import gunicorn.http.wsgi

# gunicorn writes "Server: gunicorn" on every response; name no software or version.
gunicorn.http.wsgi.SERVER = "beschut-werk"
gunicorn.SERVER = gunicorn.SERVER_SOFTWARE = "beschut-werk"

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A worker that hangs (e.g. on a database that stopped answering) is replaced.
timeout = 30
graceful_timeout = 20
# A fresh worker after this many requests (with jitter) keeps slow leaks from piling up. Kept
# high: a restart reloads the whole app (about half a second), and at 5,000 the workers restarted
# every few seconds under load, which showed up as a p99 of 600 ms on the home page.
max_requests = 200000
max_requests_jitter = 20000
# Refuse oversized request lines and headers early (the app limits bodies to 256 KB).
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# Access log without IP addresses or query strings: nothing that points to a person.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# No control socket: nobody here uses gunicornc, and several instances on one machine would
# otherwise share the one default path ($HOME/.gunicorn/gunicorn.ctl).
control_socket_disable = True


def _load_redact():
    """app/logging_filters.redact without importing the app package into the master process."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent / "app" / "logging_filters.py"
    spec = importlib.util.spec_from_file_location("beschut_logging_filters", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.redact


class _PrivateLogger(gunicorn.glogging.Logger):
    """gunicorn's error log without client addresses or query strings.

    gunicorn writes "Invalid request from ip=1.2.3.4: <the request line>" and "Error handling
    request <uri>" (a URI with its query string, which may hold what a person typed).
    """

    redact = staticmethod(_load_redact())

    def _clean(self, msg, args):
        text = str(msg) % args if args else str(msg)
        return self.redact(text.replace("Invalid request from ip=", "Invalid request from "))

    def error(self, msg, *args, **kwargs):
        super().error(self._clean(msg, args), **kwargs)

    def warning(self, msg, *args, **kwargs):
        super().warning(self._clean(msg, args), **kwargs)

    def info(self, msg, *args, **kwargs):
        super().info(self._clean(msg, args), **kwargs)

    def exception(self, msg, *args, **kwargs):
        super().exception(self._clean(msg, args), **kwargs)


logger_class = _PrivateLogger
