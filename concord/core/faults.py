"""Named points inside a transaction where the crash-safety test stops a real server process.

`checkpoint(name)` does nothing unless the setting FAULT_CHECKPOINT names that point (only the
test settings read it, from CONCORD_FAULT_CHECKPOINT). Then it writes the marker file
`<CONCORD_VAR_DIR>/fault-<name>` and blocks, holding the transaction open, until the test kills
the process with SIGKILL: what the database keeps afterwards is what a crash at that point keeps.
"""

import time

from django.conf import settings


def checkpoint(name: str) -> None:
    if name != settings.FAULT_CHECKPOINT:
        return
    marker(name).write_text(name)
    while True:
        time.sleep(60)


def marker(name: str):
    return settings.VAR_DIR / f"fault-{name}"
