"""The fault checkpoints the crash-safety test stops a server at (tests/test_crash_safety.py)."""

import threading
import time

from concord.core import faults


def test_a_checkpoint_not_named_by_the_settings_does_nothing(settings, tmp_path):
    settings.VAR_DIR, settings.FAULT_CHECKPOINT = tmp_path, "drafting.incorporate"
    faults.checkpoint("documents.import")
    assert list(tmp_path.iterdir()) == []


def test_the_named_checkpoint_leaves_its_marker_and_holds(settings, tmp_path):
    settings.VAR_DIR, settings.FAULT_CHECKPOINT = tmp_path, "documents.import"
    # A daemon thread: it holds until the test process ends, as the server holds until killed.
    held = threading.Thread(target=faults.checkpoint, args=["documents.import"], daemon=True)
    held.start()
    marker = faults.marker("documents.import")
    for _ in range(200):
        if marker.exists() and marker.read_text():
            break
        time.sleep(0.01)
    assert marker.read_text() == "documents.import"
    held.join(timeout=0.2)
    assert held.is_alive()
