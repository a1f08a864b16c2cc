import datetime as dt
from pathlib import Path

import pytest

from concord.core import clock
from concord.core.actors import SYSTEM

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the CICA registry, on a fixed 'today'."""
    from concord.members.services import load_reference_data

    load_reference_data(actor=SYSTEM)
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield live_server.url


@pytest.fixture
def axe_violations():
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `make test` (it runs npm ci) first")
    source = AXE.read_text()

    def check(page) -> list[dict]:
        # Evaluated by the browser's tools, not as an inline <script> the site's
        # Content-Security-Policy would (rightly) refuse.
        page.evaluate(source)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check
