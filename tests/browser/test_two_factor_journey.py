"""Two-factor sign-in at a phone's width: a coordinator sets up an authenticator app, keeps the
recovery codes, is asked before replacing them, signs out, and signs in again with a code; axe
finds nothing serious."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def code_for(secret: str, step: int = 0) -> str:
    return f"{totp(base64.b32decode(secret.replace(' ', '')), drift=step):06d}"


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_enrol_then_sign_in_with_a_code(site, browser, axe_violations, settings):
    from concord.accounts.services import create_user

    settings.REQUIRE_TWO_FACTOR = True
    create_user(
        actor=SYSTEM, email="kz@x.example", role="coordinator", state="KZ", password=PASSWORD
    )
    page = browser.new_context(viewport=PHONE).new_page()

    def password_step():
        page.goto(site + "/accounts/login/")
        page.get_by_label("E-mail address").fill("kz@x.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    password_step()
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code")).to_be_visible()
    assert fits(page) and axe_violations(page) == []
    secret = page.get_by_test_id("secret").inner_text()
    page.get_by_label("Code from the app").fill("000000")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_text("That code does not match.")).to_be_visible()
    page.get_by_label("Code from the app").fill(code_for(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    assert fits(page) and axe_violations(page) == []
    page.get_by_role("link", name="I have kept them — continue").click()

    page.goto(site + "/accounts/me/")
    expect(page.get_by_test_id("two-factor-status")).to_contain_text("10 recovery codes are left")
    # Replacing the codes cannot be undone: the page asks, and "Cancel" leaves them as they are.
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Replace my recovery codes").click()
    expect(page.get_by_test_id("two-factor-status")).to_be_visible()
    assert questions == ["Replace your recovery codes? The ones you have now stop working at once."]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Replace my recovery codes").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    page.get_by_role("link", name="I have kept them — continue").click()
    page.get_by_role("button", name="Sign out").click()

    password_step()
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    assert fits(page) and axe_violations(page) == []
    # The code just used is spent; the app's next one is accepted.
    page.get_by_label("Code").fill(code_for(secret, 1))
    page.get_by_role("button", name="Continue").click()
    # On a phone the navigation is behind the Menu button.
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()


def test_the_lockout_page_says_why_and_until_when(site, page, axe_violations, settings):
    settings.SIGNIN_ACCOUNT_FAILURES = settings.AXES_FAILURE_LIMIT = 1
    page.set_viewport_size(PHONE)
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("someone@x.example")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Sign-in paused")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("in about 15 minutes")
    assert fits(page) and axe_violations(page) == []
