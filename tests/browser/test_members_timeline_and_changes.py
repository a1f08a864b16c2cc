"""A visitor on a phone and a desktop: from the top of the members page to the timeline, the
as-of date marked on it, and the comparison of two dates (including a refusal they can see)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1366"])
def test_the_chart_is_one_link_away_and_marks_the_as_of_date(site, page, size):
    page.set_viewport_size(size)
    page.goto(site + "/members/?as_of=2006-06-16")
    contents = page.get_by_role("navigation", name="On this page")
    expect(contents).to_be_in_viewport()
    contents.get_by_role("link", name="Accession timeline (chart)").click()
    expect(page).to_have_url(re.compile(r"#timeline$"))
    chart = page.get_by_role("img", name="Number of Member States over time")
    expect(chart).to_be_in_viewport()
    mark = page.get_by_test_id("as-of-mark")
    expect(mark).to_be_visible()
    expect(mark).to_have_text("16 June 2006")
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


def test_the_mark_follows_the_date_chosen(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/members/")
    expect(page.get_by_test_id("as-of-mark")).to_have_text("27 November 2026")
    page.get_by_label("As of").fill("2010-06-08")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("member-count")).to_have_text("22 Member States")
    expect(page.get_by_test_id("as-of-mark")).to_have_text("8 June 2010")


def test_a_date_before_the_record_is_refused_visibly(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/members/")
    page.get_by_label("As of").fill("1980-01-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("registry-summary")).to_contain_text("The record starts in 1992")
    expect(page.get_by_test_id("members-table")).to_have_count(0)


def test_a_note_marker_leads_to_the_note(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/members/?status=member")
    page.get_by_test_id("members-table").get_by_role("link", name="Note 1").first.click()
    expect(page).to_have_url(re.compile(r"#note-1$"))
    expect(page.locator("#note-1")).to_be_in_viewport()


def test_comparing_two_dates_on_a_phone(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/members/")
    page.get_by_role("navigation", name="On this page").get_by_role(
        "link", name="What changed between two dates"
    ).click()
    compare = page.locator("#compare")
    compare.get_by_label("From").fill("2011-01-01")
    compare.get_by_label("To").fill("2010-01-01")
    compare.get_by_role("button", name="Compare").click()
    expect(page.get_by_test_id("error-summary")).to_contain_text("must not be after")

    page.locator("#compare").get_by_label("From").fill("2010-01-01")
    page.locator("#compare").get_by_label("To").fill("2011-12-31")
    page.locator("#compare").get_by_role("button", name="Compare").click()
    table = page.get_by_test_id("changes-table")
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table).to_contain_text("observer → member")
    expect(table).to_contain_text("June 2010")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize(
    "path",
    [
        "/members/?as_of=1980-01-01",
        "/members/changes/?from=2010-01-01&to=2011-12-31",
        "/members/changes/?from=2011-01-01&to=2010-01-01",
    ],
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_serious_accessibility_violations(site, page, axe_violations, path, language):
    page.set_viewport_size(PHONE)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page.goto(site + path)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
