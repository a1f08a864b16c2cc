"""Every page fits a phone's 390 px in both languages and passes an accessibility check (axe)
at 390 and 1366 px: wide tables scroll inside their own (labelled, focusable) region, forms are
one column, the header collapses into a menu button. A screenshot of each is kept under
var/screenshots/ (not committed)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from concord.core import clock
from concord.core.actors import SYSTEM
from conftest import PASSWORD

from ..permission_world import MOMENT, build_world
from ..test_permission_matrix import ROWS
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
        # Each subject's own fields: a fieldset must not widen the page to its widest choice.
        "/decisions/open/?subject.type=meeting",
        "/decisions/open/?subject.type=catalogue_change",
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


# Every page of the site, from the permission table (which the permission matrix keeps in step
# with the URL conf, so a new page is caught here too): a GET that answers the Secretariat (or,
# for a public page, anyone) with a page. The API and its documentation are not pages of ours.
NOT_PAGES = ("/api/", "/healthz", "/i18n/")
# Pieces of a page that htmx fetches into it, not pages of their own: each is checked inside
# the page that fetches it.
FRAGMENTS = ("/amendments/wording/",)
WIDTHS = {"phone": PHONE, "desktop": {"width": 1366, "height": 900}}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def page_rows(role: str) -> list[str]:
    return [
        row.path
        for row in ROWS
        if row.method == "GET"
        and row.answers[role] == "200"
        and not row.path.startswith(NOT_PAGES)
        and not any(fragment in row.path for fragment in FRAGMENTS)
    ]


@pytest.fixture
def world(live_server, transactional_db):
    """The permission matrix's world (a draft with amendments, a procedure, meetings, measures,
    states, users, an invitation, a stalled e-mail) behind the live site, on its day."""
    with clock.frozen_at(MOMENT):
        yield live_server.url, build_world()


def visit_all(browser, site, world, language: str, role: str, axe_check) -> dict:
    """Every page the role may see, at both widths: what overflows, what axe finds."""
    context = browser.new_context(viewport=PHONE)
    context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    if role != "anon":
        session = world.sessions[role]
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site}])
    page = context.new_page()
    problems = {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for template in page_rows(role):
        path = template.format_map(world.values)
        for width, viewport in WIDTHS.items():
            page.set_viewport_size(viewport)
            response = page.goto(site + path)
            if response.status != 200:
                problems[(path, width)] = f"answered {response.status}"
                continue
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            name = re.sub(r"[^a-z0-9]+", "-", template.lower()).strip("-") or "home"
            page.screenshot(
                path=SCREENSHOTS / f"{role}-{language}-{width}-{name}.png", full_page=True
            )
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > viewport["width"]:
                problems[(path, width)] = f"{scroll} px wide"
            if found := axe_check(page):
                problems[(path, width)] = found
    context.close()
    return problems


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_page_fits_a_phone_and_passes_axe(world, browser, axe_violations, language):
    """As the Secretariat (who sees every page) and as the public (the public pages)."""
    site, cast = world
    problems = {}
    for role in ("secr", "anon"):
        problems |= {
            (role, *key): v
            for key, v in visit_all(browser, site, cast, language, role, axe_violations).items()
        }
    assert problems == {}, "\n".join(f"{key}: {value}" for key, value in problems.items())


def test_the_header_collapses_into_a_menu_button_on_a_phone(site, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(site + "/")
    menu = page.get_by_role("button", name="Menu")
    navigation = page.get_by_role("navigation", name="Main")
    expect(menu).to_be_visible()
    expect(navigation.get_by_role("link", name="Members")).to_be_hidden()
    menu.click()
    expect(navigation.get_by_role("link", name="Members")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Members").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Members and observers")
    expect(page.get_by_role("search").get_by_role("searchbox")).to_be_visible()
    expect(page.get_by_role("button", name="Русский")).to_be_visible()
    page.close()


def test_without_scripts_the_navigation_shows_in_full(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Members")
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
