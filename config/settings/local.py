"""The embedded default: SQLite under var/, console e-mail, no HTTPS."""

from config.env import env_bool
from config.settings.base import *  # noqa: F403

# On one's own machine, two-factor sign-in is asked only of those who have set it up.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", False)
