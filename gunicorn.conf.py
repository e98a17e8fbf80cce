"""gunicorn settings, read automatically from the working directory (`gunicorn wsgi:app`).

Command-line flags (`--bind`, `--workers`) still win over the values here.
"""

import os

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
