"""The public pages of meetings and of the Catalogue, and the form that puts a meeting or a
catalogue change to the Member States, in headless Chromium."""

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .test_decision_journey import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def reference(site):
    from concord.catalogue.services import load_catalogue
    from concord.meetings.services import load_meetings

    load_meetings(actor=SYSTEM)
    load_catalogue(actor=SYSTEM)
    return site


@pytest.mark.parametrize(
    "path", ["/meetings/", "/meetings/summit-3/", "/catalogue/", "/catalogue/measures/HD-1/"]
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_serious_accessibility_violations(reference, page, axe_violations, path, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": reference}])
    page.goto(reference + path)
    assert axe_violations(page) == []


def test_filter_meetings_then_open_a_catalogue_change(reference, browser, page, axe_violations):
    from concord.accounts.services import create_user

    page.goto(reference + "/meetings/")
    page.get_by_label("Body").select_option("summit")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("meetings").locator("caption")).to_have_text("7 meetings")
    page.get_by_role("link", name="3rd CICA Summit").click()
    expect(page.get_by_test_id("meeting-status")).to_have_text("Held")

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    secretariat = sign_in(browser, reference, "sec@x.example")
    secretariat.goto(reference + "/decisions/open/")
    assert axe_violations(secretariat) == []
    secretariat.get_by_label("Subject").select_option("catalogue_change")  # its fields come in
    secretariat.get_by_label("Catalogue: change").select_option("add")
    secretariat.get_by_label("Catalogue: dimension of the new measure").select_option("HD")
    secretariat.get_by_label("Catalogue: text of the measure (English)").fill("Youth exchanges.")
    secretariat.get_by_label("Catalogue: text of the measure (Russian)").fill("Молодёжные обмены.")
    secretariat.get_by_label("Title", exact=True).fill("Youth exchanges in the human dimension")
    secretariat.get_by_label("Mode").select_option("silence")
    secretariat.get_by_role("button", name="Open the procedure").click()
    expect(secretariat.get_by_test_id("proposal")).to_contain_text("Human dimension")
    expect(secretariat.get_by_test_id("silent")).to_have_text("28")
