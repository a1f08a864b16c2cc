"""Adding the Russian text of a draft from the web, in headless Chromium: a text whose
structure differs is refused naming where, a faithful one is added on confirmation, and the
two languages are read side by side, aligned row by row on a desktop, stacked on a phone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

pytestmark = pytest.mark.browser
TEXTS = Path(__file__).resolve().parents[2] / "concord" / "documents" / "tests" / "texts"
ENGLISH = (TEXTS / "english-declaration.txt").read_text("utf-8")
RUSSIAN = (TEXTS / "russian-declaration.txt").read_text("utf-8")
DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


@pytest.fixture
def draft(site):
    from concord.accounts.services import create_user
    from concord.documents.services import import_text

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    import_text(actor=SYSTEM, raw=ENGLISH, slug="second-summit")
    return site


def _signed_in(browser, base, viewport):
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("E-mail address").fill("sec@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_attached()
    return page


def _add_russian(page, base):
    page.goto(base + "/drafts/second-summit/")
    page.get_by_role("link", name="Add a language version").click()
    page.get_by_label("Language of the text").select_option("ru")
    page.get_by_label("Text", exact=True).fill(RUSSIAN.replace("в) развивать меры доверия.", ""))
    page.get_by_role("button", name="Check the structure").click()
    expect(page.get_by_test_id("error-summary")).to_contain_text("1 difference")
    differences = page.get_by_test_id("structure-differences")
    expect(differences).to_contain_text("Operative paragraph 2 (c)")
    expect(differences).to_contain_text("missing from the Russian text (expected after line 33)")

    page.get_by_label("Text", exact=True).fill(RUSSIAN)
    page.get_by_role("button", name="Check the structure").click()
    expect(page.get_by_test_id("structure-match")).to_contain_text("5 preambular paragraphs")
    page.get_by_role("button", name="Add the Russian text").click()
    expect(page.get_by_test_id("aligned-texts")).to_be_visible()


def _cells(page, uid):
    row = page.locator(f'[data-unit="{uid}"]')
    return (
        row.locator('[data-language="ru"]').bounding_box(),
        row.locator('[data-language="en"]').bounding_box(),
    )


def test_on_a_desktop_the_languages_stand_in_aligned_rows(draft, browser, axe_violations):
    page = _signed_in(browser, draft, DESKTOP)
    _add_russian(page, draft)
    row = page.locator('[data-unit="op-2-b"]')
    expect(row.locator('[data-language="ru"]')).to_contain_text("обмениваться информацией;")
    expect(row.locator('[data-language="en"]')).to_contain_text("to exchange information;")
    for uid in ("pre-1", "op-1-2", "op-2-b", "sec-II", "op-3"):
        russian, english = _cells(page, uid)
        assert russian["y"] == english["y"], uid  # side by side, on one line
        assert russian["x"] + russian["width"] <= english["x"], uid
    assert axe_violations(page) == []


def test_on_a_phone_each_row_stacks_its_languages(draft, browser, axe_violations):
    page = _signed_in(browser, draft, PHONE)
    _add_russian(page, draft)
    for uid in ("pre-1", "op-2-b", "op-3"):
        russian, english = _cells(page, uid)
        assert english["y"] >= russian["y"] + russian["height"], uid  # one under the other
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
