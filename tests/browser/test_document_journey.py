"""Reading the seed declaration and finding a passage, in headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM

pytestmark = pytest.mark.browser


@pytest.fixture
def seeded(site):
    from concord.documents.services import load_seed_documents, register_documents

    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    return site


def test_contents_to_paragraph_8_then_search_terrorism_lands_on_paragraph_4(seeded, page):
    page.goto(seeded + "/documents/almaty-declaration-2006/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Declaration of the Second Summit")

    page.get_by_role("navigation", name="Contents").get_by_role(
        "link", name="Operative paragraph 8", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"#op-8$"))
    expect(page.locator("#op-8")).to_be_in_viewport()
    expect(page.locator("#op-8")).to_contain_text("weapons of mass destruction")

    page.get_by_role("search").get_by_role("searchbox").fill("terrorism")
    page.get_by_role("search").get_by_role("searchbox").press("Enter")
    expect(page.get_by_test_id("search-count")).to_contain_text("passages found")
    page.get_by_test_id("search-hit").first.click()
    expect(page).to_have_url(re.compile(r"#op-4(-\d+)?$"))
    target = page.locator("#op-4")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("We strongly condemn terrorism")


def test_print_layout_hides_the_navigation(seeded, page):
    page.goto(seeded + "/documents/almaty-declaration-2006/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Contents")).to_be_hidden()
    expect(page.locator(".official")).to_be_visible()


def test_document_pages_have_no_serious_accessibility_violations(seeded, page, axe_violations):
    for path in ["/documents/", "/documents/almaty-declaration-2006/", "/search?q=terrorism"]:
        page.goto(seeded + path)
        assert axe_violations(page) == [], path
