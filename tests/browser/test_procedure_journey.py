"""A delegation states its position on a phone and is never left guessing: a refusal shows its
error summary and the field's error, an acceptance says what was recorded, a server failure
and a lost connection show a visible message. The Chair is told what closing will decide."""

import re

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .test_decision_journey import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def procedure(site):
    from concord.accounts.services import create_user
    from concord.core.actors import actor_for
    from concord.decisions import services
    from concord.decisions.requests import ProcedureRequest, SubjectRequest

    chair = actor_for(
        create_user(actor=SYSTEM, email="chair@az.example", role="chair", state="AZ",
                    password=PASSWORD)
    )  # fmt: skip
    create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD)
    return services.open_procedure(
        actor=chair,
        request=ProcedureRequest(
            title="CICA Day",
            subject=SubjectRequest("text", text="We mark 5 October as CICA Day."),
            mode="in_session",
        ),
    )


@pytest.fixture
def kazakhstan(site, browser, procedure):
    page = sign_in(browser, site, "kz@x.example")
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/decisions/{procedure.pk}/")
    return page


def object_to(page, reasons=""):
    page.get_by_label("Objects").check()
    page.get_by_label("Reasons or statement").fill(reasons)
    page.get_by_role("button", name="State the position").click()


def test_a_refused_position_shows_the_summary_and_the_field_error(kazakhstan):
    object_to(kazakhstan)  # no reasons: 422, swapped in
    summary = kazakhstan.get_by_test_id("error-summary")
    expect(summary).to_contain_text("Reasons or statement: An objection needs its reasons.")
    expect(summary).to_be_focused()
    expect(kazakhstan.locator(".field.has-error .error")).to_have_text(
        "An objection needs its reasons."
    )
    expect(kazakhstan.get_by_test_id("position-recorded")).to_have_count(0)
    expect(kazakhstan.get_by_test_id("question")).to_have_text("In session: no objection so far")


def test_an_accepted_position_says_what_was_recorded(kazakhstan, axe_violations):
    expect(kazakhstan.get_by_test_id("own-position")).to_contain_text(
        "Kazakhstan has not stated a position yet."
    )
    object_to(kazakhstan, "Not in this form.")
    recorded = kazakhstan.get_by_test_id("position-recorded")
    expect(recorded).to_have_text(
        re.compile(r"^Kazakhstan objects — recorded 27 November 2026, \d\d:\d\d UTC$")
    )
    expect(recorded).to_be_focused()
    expect(recorded).to_be_in_viewport()
    # The line at the top and the state's own position changed with it.
    expect(kazakhstan.get_by_test_id("question")).to_have_text("In session: Kazakhstan objects")
    expect(kazakhstan.get_by_test_id("own-position")).to_contain_text(
        "Your state's position: Kazakhstan objects"
    )
    assert kazakhstan.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(kazakhstan) == []


def test_an_accepted_position_without_a_script_says_what_was_recorded(site, browser, procedure):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("kz@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{site}/decisions/{procedure.pk}/")
    page.get_by_label("Joins the consensus").check()
    page.get_by_role("button", name="State the position").click()
    expect(page.locator(".messages")).to_contain_text("Kazakhstan joins the consensus — recorded")


def test_a_server_failure_shows_a_message(kazakhstan, monkeypatch):
    from concord.decisions import services

    def fails(**arguments):
        raise RuntimeError("the database went away")

    # The live server runs in this process: its next position fails with a 500.
    monkeypatch.setattr(services, "state_position", fails)
    object_to(kazakhstan, "Not in this form.")
    notice = kazakhstan.locator("#request-error")
    expect(notice).to_be_visible()
    expect(notice).to_be_focused()
    expect(notice).to_contain_text("That did not go through")
    expect(kazakhstan.get_by_test_id("position-recorded")).to_have_count(0)


def test_a_lost_connection_shows_a_message(kazakhstan):
    kazakhstan.route(
        re.compile(r".*/positions/$"), lambda route: route.abort("internetdisconnected")
    )
    object_to(kazakhstan, "Not in this form.")
    notice = kazakhstan.locator("#request-error")
    expect(notice).to_be_visible()
    expect(notice).to_be_in_viewport()
    kazakhstan.unroute(re.compile(r".*/positions/$"))
    kazakhstan.get_by_role("button", name="State the position").click()  # back on line
    expect(kazakhstan.get_by_test_id("position-recorded")).to_be_visible()
    expect(notice).to_be_hidden()


def test_the_chair_is_told_the_outcome_before_closing(site, browser, kazakhstan, procedure):
    object_to(kazakhstan, "Not in this form.")
    expect(kazakhstan.get_by_test_id("position-recorded")).to_be_visible()
    chair = sign_in(browser, site, "chair@az.example")
    chair.set_viewport_size(PHONE)
    chair.goto(f"{site}/decisions/{procedure.pk}/")
    said = "If you close now, the decision is not adopted: Kazakhstan objects."
    expect(chair.get_by_test_id("forecast")).to_have_text(said)
    asked = []
    chair.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    chair.get_by_role("button", name="Close the procedure").click()
    expect(chair.get_by_test_id("question")).to_have_text("Not adopted: Kazakhstan objected")
    assert asked == [f"{said} Close the procedure now?"]
    expect(chair.get_by_test_id("record-number")).to_have_text("CICA/D/2026/1")
    chair.goto(f"{site}/decisions/{procedure.pk}/?print=1")
    chair.emulate_media(media="print")
    expect(chair.get_by_role("button", name="Print")).to_be_hidden()
    expect(chair.get_by_test_id("record-number")).to_have_text("CICA/D/2026/1")
