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
    expect(kazakhstan.locator(".govuk-form-group--error .govuk-error-message")).to_have_text(
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
    expect(page.get_by_role("status").first).to_contain_text(
        "Kazakhstan joins the consensus — recorded"
    )


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


def test_opening_a_procedure_on_a_phone(site, browser, axe_violations):
    from concord.accounts.services import create_user
    from concord.documents.services import import_text

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    draft = import_text(
        actor=SYSTEM, raw=b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n"
    )
    page = sign_in(browser, site, "sec@x.example")
    page.set_viewport_size(PHONE)
    page.goto(site + "/decisions/open/")
    expect(page.get_by_label("Title", exact=True)).to_have_count(0)
    page.get_by_label("Subject").select_option("document_adoption")  # swapped in by htmx
    expect(page).to_have_url(re.compile(r"subject\.type=document_adoption"))
    expect(page.get_by_label("State concerned")).to_have_count(0)
    page.get_by_label("Document version under decision").select_option(str(draft.text.version_id))
    expect(page.get_by_label("Title", exact=True)).to_have_value("Adoption of Statement on Water")
    expect(page.get_by_label("Mode")).to_have_value("silence")
    falls = page.get_by_test_id("deadline-falls")
    expect(falls).to_have_text("The deadline falls on 11 December 2026, 12:00 (UTC).")
    page.get_by_label(re.compile(r"^Deadline")).fill("2026-12-04T12:30")
    page.get_by_label(re.compile(r"^Deadline")).dispatch_event("change")
    expect(falls).to_have_text("The deadline falls on 4 December 2026, 12:30 (UTC).")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
    page.get_by_role("button", name="Open the procedure").click()
    expect(page.get_by_test_id("question")).to_have_text("Silence holds: no objection so far")
    expect(page.get_by_test_id("deadline-local")).to_have_text("4 December 2026, 12:30 (UTC)")


def test_opening_a_procedure_without_a_script(site, browser):
    from concord.accounts.services import create_user

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    page = browser.new_context(java_script_enabled=False, viewport=PHONE).new_page()
    page.goto(site + "/accounts/login/")
    page.get_by_label("E-mail address").fill("sec@x.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(site + "/decisions/open/")
    page.get_by_label("Subject").select_option("text")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Title", exact=True).fill("CICA Day")
    page.get_by_label("Text under decision").fill("We mark 5 October as CICA Day.")
    page.get_by_role("button", name="Open the procedure").click()
    expect(page.get_by_test_id("question")).to_have_text("Silence holds: no objection so far")
