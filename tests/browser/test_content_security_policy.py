"""Every main page runs under the Content-Security-Policy with nothing refused and no error in
the console, and htmx still works: a form swapped in, its 422 errors shown, and no inline style
settled by a swap."""

import re

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

pytestmark = pytest.mark.browser
DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n\n2. We meet every year.\n"
)
# Injected by the browser's tools before any page script, so the policy does not apply to it.
LISTEN = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__refused.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(site, browser):
    """A signed-in delegate's page that records refusals by the policy and console errors."""
    from concord.accounts.services import create_user
    from concord.documents.services import (
        import_text,
        load_seed_documents,
        register_documents,
    )

    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD)
    slug = import_text(actor=SYSTEM, raw=DRAFT).document.slug
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("kz@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()
    yield page, errors, slug
    context.close()


def refused(page) -> list[str]:
    return page.evaluate("window.__refused")


def test_the_main_pages_run_under_the_policy(site, watched):
    from concord.decisions import services
    from concord.decisions.requests import ProcedureRequest, SubjectRequest
    from concord.documents.models import Document

    page, errors, slug = watched
    officer = _officer()
    version = Document.objects.get(slug=slug).versions.get()
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Adoption",
            subject=SubjectRequest("document_adoption", version=version.pk),
            mode="silence",
        ),
    )
    paths = [
        "/", "/members/", "/members/KZ/", "/documents/", "/documents/almaty-declaration-2006/",
        "/search?q=terrorism", "/decisions/", f"/decisions/{procedure.pk}/", "/drafts/",
        f"/drafts/{slug}/", "/meetings/", "/catalogue/", "/accounts/me/", "/api/docs",
    ]  # fmt: skip
    for path in paths:
        response = page.goto(site + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert refused(page) == [], path
        assert errors == [], path
    expect(page.locator("#swagger-ui .information-container")).to_be_visible()
    assert refused(page) == [] and errors == []


def test_the_print_button_is_shown_by_the_sites_script(site, watched):
    page, errors, _slug = watched
    page.goto(site + "/documents/almaty-declaration-2006/")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    assert refused(page) == [] and errors == []


def test_htmx_swaps_the_amendment_form_and_its_errors(site, watched):
    page, errors, slug = watched
    page.goto(f"{site}/drafts/{slug}/")
    page.locator("#op-1").get_by_role("link", name="Amend").click()
    page.get_by_label("Proposed text").fill("We cooperate closely on water.")
    page.get_by_role("button", name="Propose").click()  # no rationale: a 422, swapped in
    expect(page.get_by_test_id("error-summary")).to_contain_text(
        "Rationale: This field is required."
    )
    expect(page.get_by_test_id("error-summary")).to_be_focused()
    page.get_by_label("Rationale").fill("Closer.")
    page.get_by_role("button", name="Propose").click()
    expect(page.get_by_test_id("recorded")).to_contain_text(
        "proposes an amendment to operative paragraph 1 — recorded"
    )
    expect(page.locator("#amendment-1 ins").first).to_have_text("closely ")

    # A form that cannot be undone asks first, from the site's script: no means no.
    row = page.locator("#amendment-1")
    page.once("dialog", lambda dialog: dialog.dismiss())
    row.get_by_role("button", name="Withdraw").click()
    page.wait_for_load_state("networkidle")
    expect(row).to_have_attribute("data-status", "proposed")
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Withdraw").click()
    expect(page.locator("#amendment-1")).to_have_attribute("data-status", "withdrawn")
    assert refused(page) == []
    # The browser reports the 422 itself; nothing else went wrong.
    assert [e for e in errors if "422" not in e] == []


def test_an_htmx_swap_settles_no_inline_style(site, watched):
    """A style set from a script (CSSOM, which the policy allows) on an element that a swap
    replaces: htmx's settling would copy it as a style attribute, which the policy refuses."""
    page, errors, _slug = watched
    page.goto(f"{site}/members/")
    page.evaluate("document.getElementById('language-next').style.outline = '1px solid'")
    # The filter swaps the registry in, and #language-next out of band.
    page.get_by_label("Status").select_option("observer")
    expect(page.get_by_test_id("members-table")).to_have_count(0)
    expect(page.locator("#language-next")).to_have_value(re.compile("status=observer"))
    assert refused(page) == [] and errors == []


def _officer():
    from concord.accounts.services import create_user
    from concord.core.actors import actor_for

    return actor_for(
        create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    )
