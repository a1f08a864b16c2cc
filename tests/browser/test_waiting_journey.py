"""A national coordinator who reads Russian, in Almaty, signs in on a phone and finds first the
procedure that awaits Kazakhstan's position, its deadline in Almaty time, and follows it."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
# 12:00 UTC is 17:00 in Almaty (UTC+5), whose clocks do not change.
DEADLINE = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


def test_a_coordinator_finds_the_procedure_awaiting_its_position(site, browser, axe_violations):
    from concord.accounts.services import create_user, set_preferences
    from concord.core.actors import actor_for
    from concord.decisions.requests import ProcedureRequest, SubjectRequest
    from concord.decisions.services import open_procedure

    officer = create_user(
        actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD
    )
    coordinator = create_user(
        actor=SYSTEM, email="kz@x.example", role="coordinator", state="KZ", password=PASSWORD
    )
    set_preferences(actor=actor_for(coordinator), language="ru", time_zone="Asia/Almaty")
    procedure = open_procedure(
        actor=actor_for(officer),
        request=ProcedureRequest(
            title="Declaration on water",
            subject=SubjectRequest("text", text="We agree on water."),
            mode="silence",
            deadline=DEADLINE,
        ),
    )

    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("kz@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    work = page.get_by_test_id("work")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(work.get_by_role("heading", level=1)).to_have_text("Работа, ожидающая вас")
    awaiting = page.get_by_test_id("work-positions")
    expect(awaiting.get_by_role("heading")).to_contain_text("Казахстан")
    expect(awaiting.get_by_test_id("count")).to_have_text("1")
    expect(awaiting.get_by_test_id("deadline")).to_have_text(
        "Срок: 4 декабря 2026, 17:00 (Asia/Almaty)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/waiting-coordinator-390-ru.png", full_page=True)

    awaiting.get_by_role("link", name="Declaration on water").click()
    expect(page).to_have_url(re.compile(rf"/decisions/{procedure.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Declaration on water")

    page.goto(site + "/decisions/?awaiting=1")
    expect(page.get_by_label("Только ожидающие позиции: Казахстан")).to_be_checked()
    expect(page.get_by_test_id("procedures")).to_contain_text("Declaration on water")
