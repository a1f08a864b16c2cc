import datetime as dt
import re

import pytest
from django.test import Client

from concord.core import clock
from concord.core.tests.pages import visible_text


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


@pytest.fixture
def web(registry):
    return Client()


def test_home_shows_counts_and_current_chair(web):
    html = web.get("/").content.decode()
    assert 'data-testid="member-count">28<' in html
    assert 'data-testid="observer-state-count">10<' in html
    assert "Azerbaijan" in html


def test_members_as_of_a_past_date(web):
    response = web.get("/members/", {"as_of": "2006-06-16"})
    html = response.content.decode()
    assert "17 Member States" in html
    assert "Republic of Korea" not in html.split('data-testid="observers-table"')[0]


def test_members_filtered_to_observers_hides_the_members_table(web):
    html = web.get("/members/", {"status": "observer"}).content.decode()
    assert 'data-testid="members-table"' not in html
    assert "Turkmenistan" in html


def test_a_bad_date_is_named_and_no_list_stands_in_for_it(web):
    html = web.get("/members/", {"as_of": "16.06.2006"}).content.decode()
    assert 'data-testid="error-summary"' in html
    assert "Enter a date as YYYY-MM-DD." in html
    assert "No list is shown for that date." in html
    assert "28 Member States" not in html and 'data-testid="members-table"' not in html


def test_htmx_request_gets_only_the_registry_fragment(web):
    response = web.get("/members/", {"as_of": "2006-06-17"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "18 Member States" in html


def test_sorting_by_accession_date_descending_puts_kuwait_first(web):
    html = web.get(
        "/members/", {"status": "member", "sort": "since", "dir": "desc"}
    ).content.decode()
    table = html.split('data-testid="members-table"')[1]
    assert table.index("Kuwait") < table.index("Afghanistan")
    assert 'aria-sort="descending"' in table


def test_timeline_has_svg_and_a_table_alternative(web):
    html = web.get("/members/").content.decode()
    assert '<svg viewBox="0 0 720 260" role="img"' in html
    assert "Accessions and the number of Member States" in html


def test_state_page_shows_history_notes_and_chairmanships(web):
    html = web.get("/members/TH/").content.decode()
    assert "22 October 2004" in html
    assert "China Daily" in html
    assert "This participant has not held the Chairmanship." in html
    html = web.get("/members/KZ/").content.decode()
    assert html.count('<tr class="govuk-table__row">') >= 3  # one membership, two chairmanships


def test_unknown_state_page_is_404(web):
    assert web.get("/members/XX/").status_code == 404


def test_russian_pages_use_russian_names_and_lang(web):
    web.cookies["django_language"] = "ru"
    html = web.get("/members/", {"as_of": "2006-06-17"}).content.decode()
    assert '<html lang="ru" class="govuk-template">' in html
    assert "Республика Корея" in html


def test_structure_page_lists_chairs_and_renamed_bodies(web):
    html = web.get("/members/structure/").content.decode()
    assert "Council of Heads of State or Government" in html
    assert "Meeting of Heads of State or Government (Summit)" in html  # the name before 2022
    chairs = html.split('data-testid="chairmanships"')[1].split("</table>")[0]
    assert chairs.count("<tr") == 7  # header + six terms
    assert 'aria-current="true"' in chairs and "Azerbaijan" in chairs


def test_the_timeline_chart_draws_in_russian(web):
    """SVG reads numbers with a decimal point whatever the page's language."""
    html = web.get("/members/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    numbers = re.findall(r'\b(?:x|y|x1|x2|y1|y2|cx|cy|r)="([^"]*)"', svg)
    assert len(numbers) > 20
    assert [float(n) for n in numbers]
    path = re.search(r' d="([^"]*)"', svg).group(1)
    assert re.fullmatch(r"M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+", path)


def test_members_filtered_to_members_hides_the_observers_table(web):
    html = web.get("/members/", {"status": "member"}).content.decode()
    assert 'data-testid="observers-table"' not in html
    assert 'data-testid="members-table"' in html


def test_a_state_page_says_what_the_state_is_today(web):
    assert "A Member State today." in web.get("/members/KZ/").content.decode()
    assert "An observer today." in web.get("/members/TM/").content.decode()


@pytest.mark.parametrize(("language", "name"), [("en", "Kazakhstan"), ("ru", "Казахстан")])
def test_states_are_named_not_coded(web, language, name):
    web.cookies["django_language"] = language
    for url in ("/members/KZ/", "/members/"):
        text = visible_text(web.get(url).content.decode())
        assert name in text and not re.search(r"\bKZ\b", text), url


def test_the_as_of_date_is_a_gov_uk_input_with_its_error_at_the_field(web):
    html = web.get("/members/", {"as_of": "16.06.2006"}).content.decode()
    field = re.search(r'<input[^>]*name="as_of"[^>]*>', html).group(0)
    assert "govuk-input" in field and "govuk-input--error" in field
    assert 'aria-describedby="id_as_of_error"' in field and 'id="id_as_of_error"' in html
    assert "govuk-form-group--error" in html
