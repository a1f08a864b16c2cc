"""The public page of the audit chain's signed head, in headless Chromium: readable by anyone,
in both languages, on a phone's width."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_signed_head_page_fits_a_phone_and_passes_axe(site, browser, axe_violations, language):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page.goto(site + "/")
    page.locator("footer a").click()
    assert page.url == site + "/audit/head/"
    assert page.locator("dl.facts dd").nth(0).inner_text().startswith("#")
    # The page's own content; the site header is wider than 390 px on every page (not ours).
    assert page.evaluate("document.querySelector('main').scrollWidth") <= 390
    assert axe_violations(page) == []
