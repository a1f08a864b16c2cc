"""A silence procedure on a draft, from opening to adoption, in headless Chromium."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.decisions.tasks import settle_procedure
from conftest import PASSWORD

pytestmark = pytest.mark.browser
DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n"
)


def sign_in(browser, base, email):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()
    return page


def state(page, url, position, statement=""):
    page.goto(url)
    page.get_by_label(position).check()
    if statement:
        page.get_by_label("Reasons or statement").fill(statement)
    page.get_by_role("button", name="State the position").click()


def test_silence_procedure_on_a_draft_until_adoption(site, browser, axe_violations):
    from concord.accounts.services import create_user
    from concord.documents.services import import_text

    for email, role, code in [
        ("sec@x.example", "secretariat", None),
        ("kz@x.example", "delegate", "KZ"),
        ("cn@x.example", "delegate", "CN"),
        ("in@x.example", "delegate", "IN"),
    ]:
        create_user(actor=SYSTEM, email=email, role=role, state=code, password=PASSWORD)
    draft = import_text(actor=SYSTEM, raw=DRAFT)

    secretariat = sign_in(browser, site, "sec@x.example")
    secretariat.goto(site + "/decisions/open/")
    secretariat.get_by_label("Subject").select_option("document_adoption")
    secretariat.get_by_label("Document version under decision").select_option(
        str(draft.text.version_id)
    )
    title = secretariat.get_by_label("Title", exact=True)
    expect(title).to_have_value("Adoption of Statement on Water")  # suggested
    title.fill("Adoption of the Statement on Water")
    expect(secretariat.get_by_label("Mode")).to_have_value("silence")
    secretariat.get_by_role("button", name="Open the procedure").click()
    expect(secretariat).to_have_url(re.compile(r"/decisions/\d+/$"))
    url = secretariat.url
    expect(secretariat.get_by_test_id("silent")).to_have_text("28")

    state(sign_in(browser, site, "kz@x.example"), url, "Joins the consensus")
    state(sign_in(browser, site, "cn@x.example"), url, "Joins the consensus")
    india = sign_in(browser, site, "in@x.example")
    state(india, url, "Objects", "Paragraph 1 needs more work.")
    expect(india.get_by_test_id("objected")).to_have_text("1")

    secretariat.goto(url)
    expect(secretariat.get_by_test_id("joined")).to_have_text("2")
    expect(secretariat.get_by_test_id("objected")).to_have_text("1")
    expect(secretariat.get_by_test_id("positions")).to_contain_text("Paragraph 1 needs more work.")
    assert axe_violations(secretariat) == []

    state(india, url, "Joins the consensus")  # the objection is withdrawn
    expect(india.get_by_test_id("objected")).to_have_text("0")
    expect(india.get_by_test_id("joined")).to_have_text("3")

    with clock.frozen_at(clock.now() + dt.timedelta(days=15)):
        secretariat.goto(url)
        expect(secretariat.get_by_test_id("procedure-status")).to_contain_text("Adopted")
        expect(secretariat.get_by_test_id("settling")).to_be_visible()
        procedure_id = int(re.search(r"/decisions/(\d+)/$", url).group(1))
        assert settle_procedure.call(procedure_id)  # what the worker runs at the deadline
        secretariat.goto(url)
        expect(secretariat.get_by_test_id("settling")).to_have_count(0)
        secretariat.goto(f"{site}/documents/{draft.document.slug}/")
        expect(secretariat.locator(".doc-meta")).to_contain_text("Adopted")
