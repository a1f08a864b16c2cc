"""Onboarding as the README tells it: the Secretariat creates the account, the person receives
the invitation, sets a password (at a phone's width), signs in and issues a read-only token."""

import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

pytestmark = pytest.mark.browser
NEW_PASSWORD = "Steppe-wind-2026"


def test_from_account_creation_to_a_first_token(site, browser, axe_violations, mail_worker):
    from concord.accounts import mail as account_mail
    from concord.accounts.models import Invitation
    from concord.accounts.services import create_user

    create_user(actor=SYSTEM, email="officer@s.example", role="secretariat", password=PASSWORD)
    officer = browser.new_context().new_page()
    officer.goto(site + "/accounts/login/")
    officer.get_by_label("E-mail address").fill("officer@s.example")
    officer.get_by_label("Password").fill(PASSWORD)
    officer.get_by_role("button", name="Sign in").click()
    officer.goto(site + "/accounts/users/")
    form = officer.get_by_role("region", name="Create an account")
    form.get_by_label("E-mail address").fill("aigerim@kz.example")
    form.get_by_label("Role").select_option("delegate")
    form.get_by_label("Acts for").select_option("KZ")
    form.get_by_role("button", name="Create account").click()
    expect(officer.get_by_role("status")).to_contain_text("An invitation to set a password")
    expect(officer.get_by_role("row", name=re.compile("aigerim@kz.example"))).to_contain_text(
        "not set yet; invitation valid until 4 December 2026"
    )
    assert axe_violations(officer) == []

    # What the task worker does once the account is committed.
    assert account_mail.send_invitation(Invitation.objects.get().pk)
    assert mail_worker() == ["sent"]
    [message] = mail.outbox
    link = re.search(rf"{re.escape(settings.SITE_URL)}(/accounts/invitation/\S+/)", message.body)

    person = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    person.goto(site + link.group(1))
    expect(person.get_by_role("heading", level=1)).to_have_text("Set your password")
    assert person.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(person) == []
    person.get_by_label("New password", exact=True).fill("12345678")
    person.get_by_label("New password confirmation").fill("12345678")
    person.get_by_role("button", name="Set password").click()
    summary = person.get_by_test_id("error-summary")
    expect(summary).to_contain_text("This password is entirely numeric.")
    assert axe_violations(person) == []
    person.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    person.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    person.get_by_role("button", name="Set password").click()
    expect(person.get_by_role("status")).to_contain_text("Your password is set.")

    person.get_by_label("E-mail address").fill("aigerim@kz.example")
    person.get_by_label("Password").fill(NEW_PASSWORD)
    person.get_by_role("button", name="Sign in").click()
    person.goto(site + "/accounts/me/")
    person.get_by_label("Token name").fill("reporting script")
    person.get_by_label("Scope").select_option("read")
    person.get_by_role("button", name="Issue a token").click()
    expect(person.get_by_test_id("new-token")).to_contain_text("cnc_")
    row = person.get_by_role("row", name=re.compile("reporting script"))
    expect(row).to_contain_text("read only")
    assert person.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(person) == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_invitation_page_has_no_serious_accessibility_violations(
    site, page, axe_violations, language
):
    from concord.accounts.links import invitation_link
    from concord.accounts.models import Invitation
    from concord.accounts.services import create_user

    create_user(actor=SYSTEM, email="d@in.example", role="delegate", state="IN")
    path = invitation_link(Invitation.objects.get()).removeprefix(settings.SITE_URL)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page.goto(site + path)
    assert axe_violations(page) == []
