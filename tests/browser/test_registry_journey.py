"""A visitor's journey through the registry, in headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def test_home_to_members_as_of_2006_then_russian(site, page):
    page.goto(site + "/")
    expect(page.get_by_test_id("member-count")).to_have_text("28")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Members").click()
    expect(page).to_have_url(re.compile(r"/members/$"))
    members = page.get_by_test_id("members-table").locator("tbody tr")
    expect(members).to_have_count(28)

    page.get_by_label("As of").fill("2006-06-16")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("member-count")).to_have_text("17 Member States")
    expect(members).to_have_count(17)
    expect(page.get_by_test_id("members-table")).not_to_contain_text("Republic of Korea")
    expect(page).to_have_url(re.compile(r"as_of=2006-06-16"))

    page.get_by_role("button", name="Русский").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(CYRILLIC)
    assert CYRILLIC.search(page.get_by_role("heading", level=2).first.inner_text())
    expect(page.get_by_test_id("members-table").locator("tbody tr")).to_have_count(17)
    expect(page.get_by_test_id("members-table")).to_contain_text("Казахстан")


def test_sorting_and_state_page_by_keyboard(site, page):
    page.goto(site + "/members/?status=member")
    page.get_by_role("link", name="Since").first.click()
    page.get_by_role("link", name="Since").first.click()  # second click: newest first
    first_row = page.get_by_test_id("members-table").locator("tbody tr").first
    expect(first_row).to_contain_text("Kuwait")
    first_row.get_by_role("link", name="Kuwait").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kuwait")
    expect(page.get_by_test_id("status-today")).to_have_text("A Member State today.")


def test_skip_link_moves_focus_to_the_content(site, page):
    page.goto(site + "/members/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/members/",
        "/members/?as_of=2006-06-16",
        "/members/TH/",
        "/members/structure/",
        "/accounts/login/",
    ],
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_serious_accessibility_violations(site, page, axe_violations, path, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page.goto(site + path)
    assert axe_violations(page) == []
