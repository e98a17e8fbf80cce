"""Flask extensions, created here and wired to the app in create_app()."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

babel = Babel()
csrf = CSRFProtect()
# No default limits: only the API and document downloads are limited, per route.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
