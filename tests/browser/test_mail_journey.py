"""The Secretariat notices an e-mail that failed, reads why, and sends it again: in headless
Chromium, on a phone's width and without JavaScript."""

import re

import pytest
from django.db import transaction
from playwright.sync_api import expect

from concord.accounts.services import create_user
from concord.core.actors import SYSTEM
from concord.inbox import services
from concord.inbox.models import Delivery
from concord.inbox.tests import backends
from conftest import PASSWORD

pytestmark = pytest.mark.browser
# The page's own content fits a phone; the site header's tools overflow on every page (not ours).
WIDEST_IN_MAIN = (
    "Math.max(...[...document.querySelectorAll('main *')]"
    ".map(e => e.getBoundingClientRect().right))"
)


@pytest.fixture
def failed_delivery(site, settings):
    settings.EMAIL_BACKEND = "concord.inbox.tests.backends.RefusingBackend"
    settings.MAIL_ATTEMPTS = 1
    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    person = create_user(
        actor=SYSTEM, email="a-rather-long-address-of-a-national-coordinator@mfa.kz.example",
        role="coordinator", state="KZ", password=PASSWORD,
    )  # fmt: skip
    backends.REFUSED.add(person.email)
    with transaction.atomic():
        services.send(
            recipients=[person], kind="k", subject="Procedure opened: " + "Long title " * 20,
            body="A consensus procedure is open.", link="/decisions/1/",
        )  # fmt: skip
    services.deliver(Delivery.objects.get().pk)
    backends.REFUSED.clear()
    return Delivery.objects.get()


def test_a_failed_e_mail_is_noticed_and_sent_again_on_a_phone(site, failed_delivery, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("sec@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="E-mail (1 problem)").click()
    expect(page).to_have_url(re.compile(r"/inbox/deliveries/\?status=problem$"))
    deliveries = page.get_by_test_id("deliveries")
    expect(deliveries).to_contain_text("The mail server refused the address.")
    assert page.evaluate(WIDEST_IN_MAIN) <= 390

    deliveries.get_by_role("button", name="Send again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send an e-mail again")
    assert page.evaluate(WIDEST_IN_MAIN) <= 390
    page.get_by_role("button", name="Send again").click()
    expect(page.get_by_role("status")).to_contain_text("will be sent again")
    expect(page.get_by_role("link", name="E-mail", exact=True)).to_be_visible()
    failed_delivery.refresh_from_db()
    assert failed_delivery.status == "pending"
    context.close()


def test_the_deliveries_page_is_accessible(site, failed_delivery, page, axe_violations):
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("sec@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(site + "/inbox/deliveries/")
    assert axe_violations(page) == []
    page.goto(site + f"/inbox/deliveries/{failed_delivery.pk}/send-again/")
    assert axe_violations(page) == []
