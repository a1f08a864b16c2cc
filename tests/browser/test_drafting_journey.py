"""Amending a draft in headless Chromium: a delegation proposes, the Secretariat accepts and
makes the next version, and the comparison shows the words that changed."""

import re

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .test_decision_journey import sign_in

pytestmark = pytest.mark.browser
DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n\n2. We meet every year.\n"
)


def test_an_amendment_from_proposal_to_the_next_version(site, browser, axe_violations):
    from concord.accounts.services import create_user
    from concord.documents.services import import_text

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD)
    slug = import_text(actor=SYSTEM, raw=DRAFT).document.slug

    kazakhstan = sign_in(browser, site, "kz@x.example")
    kazakhstan.goto(f"{site}/drafts/")
    kazakhstan.get_by_role("link", name="Statement on Water").click()
    kazakhstan.locator("#op-1").get_by_role("link", name="Amend").click()
    expect(kazakhstan.get_by_label("Paragraph or clause")).to_have_value("op-1")
    expect(kazakhstan.get_by_label("Amendment", exact=True)).to_have_value("edit")
    kazakhstan.get_by_label("Proposed text").fill("We cooperate closely on water and energy.")
    kazakhstan.get_by_label("Rationale").fill("Energy belongs with water.")
    kazakhstan.get_by_role("button", name="Propose").click()  # htmx: the section is redrawn
    expect(kazakhstan.get_by_role("status")).to_have_text("Your amendment is recorded.")
    row = kazakhstan.locator("#amendment-1")
    expect(row).to_contain_text("Kazakhstan")
    expect(row.locator("ins").first).to_have_text("closely ")
    assert axe_violations(kazakhstan) == []

    secretariat = sign_in(browser, site, "sec@x.example")
    secretariat.goto(f"{site}/drafts/{slug}/")
    secretariat.locator("#amendment-1").get_by_role("button", name="Accept").click()
    expect(secretariat.locator("#amendment-1")).to_have_attribute("data-status", "accepted")
    secretariat.once("dialog", lambda dialog: dialog.accept())
    secretariat.get_by_role("button", name=re.compile("Incorporate 1 accepted amendment")).click()
    expect(secretariat).to_have_url(re.compile(r"compare/\?from=1&to=2"))
    expect(secretariat.get_by_test_id("changed")).to_have_text("1")
    changed = secretariat.locator('tr[data-status="changed"]')
    expect(changed.locator("ins")).to_have_text(["closely ", " and energy"])
    assert axe_violations(secretariat) == []
