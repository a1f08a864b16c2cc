"""The pages of decisions, documents, members, the audit trail and drafting fit a phone's
390 px in both languages: wide tables scroll inside their own (labelled, focusable) region,
forms fit the screen."""

import pytest

from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .test_decision_journey import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DRAFT = (
    b"Statement on Water and Energy in the Region of the Conference\n\n"
    b"Recognizing the value of water for the peoples of the region;\n\nDecide:\n\n"
    b"1. We cooperate on water, energy and the protection of transboundary watercourses.\n"
)


@pytest.fixture
def decided(site):
    """A silence procedure on a draft, with positions stated, as the Secretariat sees it."""
    from concord.accounts.services import create_user
    from concord.core.actors import actor_for
    from concord.decisions import services
    from concord.decisions.requests import ProcedureRequest, SubjectRequest
    from concord.documents.services import import_text

    officer = actor_for(
        create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    )
    kazakhstan = actor_for(
        create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ")
    )
    draft = import_text(actor=SYSTEM, raw=DRAFT)
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Adoption of the Statement on Water and Energy in the Region",
            subject=SubjectRequest("document_adoption", version=draft.text.version_id),
            mode="silence",
        ),
    )
    services.state_position(
        actor=kazakhstan,
        procedure_id=procedure.pk,
        kind="object",
        statement="Paragraph 1 needs more work on transboundary watercourses.",
    )
    return site, procedure.pk, draft.document.slug


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_pages_fit_a_phone(decided, browser, axe_violations, language):
    site, procedure_id, slug = decided
    page = sign_in(browser, site, "sec@x.example")
    page.set_viewport_size(PHONE)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    paths = [
        "/decisions/",
        f"/decisions/{procedure_id}/",
        "/decisions/open/",
        "/documents/",
        "/members/",
        "/audit/",
        f"/drafts/{slug}/",
    ]
    widths = {}
    for path in paths:
        assert page.goto(site + path).status == 200, path
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
        assert axe_violations(page) == [], path
    assert {path: w for path, w in widths.items() if w > PHONE["width"]} == {}
