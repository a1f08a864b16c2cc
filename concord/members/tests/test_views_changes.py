"""The members page: notes once, the chart's as-of mark and the way to it, dates outside the
record, and the comparison of two dates, in English and Russian."""

import datetime as dt
import re

import pytest
from django.test import Client

from concord.core import clock


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


@pytest.fixture
def web(registry):
    return Client()


@pytest.fixture
def russian(registry):
    client = Client()
    client.cookies["django_language"] = "ru"
    return client


def test_a_shared_note_is_written_once_and_its_rows_link_to_it(web):
    html = web.get("/members/").content.decode()
    shared = "15 states signed the Declaration on Principles on 14 Sep 1999"
    assert html.count(shared) == 1
    notes = html.split('data-testid="footnotes"')[1]
    number = re.search(
        r'<li id="note-(\d+)"[^>]*><p[^>]*>Founding member\. 15 states', notes
    ).group(1)
    table = html.split('data-testid="members-table"')[1].split("</table>")[0]
    refs = re.findall(
        rf'<a href="#note-{number}" class="note-ref"[^>]*aria-label="Note {number}"', table
    )
    assert len(refs) >= 5


def test_the_notes_are_headed_and_named_in_russian(russian):
    html = russian.get("/members/").content.decode()
    assert 'aria-label="Примечание 1"' in html
    assert "Относится к:" in html


def test_the_chart_marks_the_as_of_date_and_the_top_links_to_it(web):
    html = web.get("/members/", {"as_of": "2006-06-16"}).content.decode()
    contents = html.split('data-testid="page-contents"')[1].split("</nav>")[0]
    assert 'href="#timeline"' in contents
    assert html.index('data-testid="page-contents"') < html.index('data-testid="members-table"')
    mark = html.split('data-testid="as-of-mark"')[1].split("</g>")[0]
    assert "<line" in mark and ">16 June 2006</text>" in mark


def test_htmx_change_of_date_sends_the_chart_with_its_new_mark(web):
    response = web.get("/members/", {"as_of": "2010-06-08"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="timeline" hx-swap-oob="true"' in html
    assert ">8 June 2010</text>" in html


def test_a_year_only_and_a_month_only_date_show_as_known(web, russian):
    html = web.get("/members/", {"status": "member"}).content.decode()
    bahrain = html.split(">Bahrain</a>")[1].split("</tr>")[0]
    assert '<td class="govuk-table__cell">2011</td>' in bahrain and "January" not in bahrain
    iraq = html.split(">Iraq</a>")[1].split("</tr>")[0]
    assert '<td class="govuk-table__cell">June 2010</td>' in iraq
    ru = russian.get("/members/", {"status": "member"}).content.decode()
    assert (
        '<td class="govuk-table__cell">июнь 2010 г.</td>' in ru
        and '<td class="govuk-table__cell">2011 г.</td>' in ru
    )
    assert '<td class="govuk-table__cell">17 июня 2006 г.</td>' in ru


def test_the_state_page_shows_a_year_only_observer_start_as_the_year(web, russian):
    html = web.get("/members/KR/").content.decode()
    assert (
        '<td class="govuk-table__cell">2004</td>' in html
        and '<td class="govuk-table__cell">17 June 2006</td>' in html
    )
    assert (
        '<td class="govuk-table__cell">2004 г.</td>' in russian.get("/members/KR/").content.decode()
    )


@pytest.mark.parametrize(
    ("as_of", "says"),
    [("1980-05-01", "The record starts in 1992"), ("2027-01-01", "is in the future")],
)
def test_a_date_outside_the_record_says_so_and_shows_no_list(web, as_of, says):
    html = web.get("/members/", {"as_of": as_of}).content.decode()
    summary = html.split('data-testid="error-summary"')[1].split("</div>")[0]
    assert says in summary and 'href="#id_as_of"' in summary
    assert 'data-testid="members-table"' not in html
    assert "No list is shown for that date." in html
    assert 'data-testid="as-of-mark"' not in html


def test_a_date_outside_the_record_in_russian(russian):
    html = russian.get("/members/", {"as_of": "1980-05-01"}).content.decode()
    assert "Реестр начинается с 1992 г.: списка на 1 мая 1980 г. нет." in html


def test_the_members_page_offers_the_comparison(web):
    html = web.get("/members/").content.decode()
    form = html.split('id="compare"')[1].split("</form>")[0]
    assert 'action="/members/changes/"' in form
    assert 'name="from"' in form and 'name="to"' in form


def test_comparing_two_dates_lists_joins_and_status_changes(web):
    html = web.get("/members/changes/", {"from": "2010-01-01", "to": "2011-12-31"}).content.decode()
    assert "4 changes after 1 January 2010 up to 31 December 2011:" in html
    rows = (
        html.split('data-testid="changes-table"')[1]
        .split("</table>")[0]
        .split('<tr class="govuk-table__row">')[2:]
    )
    assert "June 2010" in rows[0] and "Iraq" in rows[0] and "joined as a member" in rows[0]
    assert "Viet Nam" in rows[1] or "Vietnam" in rows[1]
    assert "observer → member" in rows[1]
    assert '<td class="govuk-table__cell">2011</td>' in rows[2] and "Bahrain" in rows[2]


def test_comparing_shows_who_left(web):
    html = web.get("/members/changes/", {"from": "2024-06-01", "to": "2025-01-01"}).content.decode()
    assert html.count("ceased to be an observer") == 2 and "Australia" in html


def test_comparing_two_quiet_dates_says_nothing_changed(web):
    html = web.get("/members/changes/", {"from": "2019-01-01", "to": "2020-01-01"}).content.decode()
    assert "Nothing changed after 1 January 2019 up to 1 January 2020" in html
    assert 'data-testid="changes-table"' not in html


@pytest.mark.parametrize(
    ("query", "field", "says"),
    [
        ({"from": "2011-01-01", "to": "2010-01-01"}, "to", "must not be after"),
        ({"from": "1.1.2010", "to": "2011-01-01"}, "from", "Enter a date as YYYY-MM-DD."),
        ({"from": "1985-01-01", "to": "2011-01-01"}, "from", "The record starts in 1992"),
        ({"from": "2010-01-01", "to": ""}, "to", "This field is required."),
    ],
)
def test_comparing_refuses_with_an_error_summary(web, query, field, says):
    html = web.get("/members/changes/", query).content.decode()
    summary = html.split('data-testid="error-summary"')[1].split("</div>")[0]
    assert f'href="#id_{field}"' in summary and says in summary
    assert 'data-testid="changes-table"' not in html


def test_comparing_by_htmx_returns_the_section_only(web):
    response = web.get(
        "/members/changes/", {"from": "2010-01-01", "to": "2011-12-31"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html and html.strip().startswith("<section")
    assert "4 changes" in html


def test_comparing_in_russian(russian):
    html = russian.get(
        "/members/changes/", {"from": "2010-01-01", "to": "2011-12-31"}
    ).content.decode()
    assert "4 изменения после 1 января 2010 г. по 31 декабря 2011 г. включительно:" in html
    assert "наблюдатель → член" in html and "июнь 2010 г." in html
    refused = russian.get("/members/changes/", {"from": "2011-01-01", "to": "2010-01-01"})
    assert "Первая дата не может быть позже второй." in refused.content.decode()


def test_the_compare_form_names_the_end_of_the_period_in_russian(web):
    web.cookies["django_language"] = "ru"
    html = web.get("/members/changes/").content.decode()
    assert '<label class="govuk-label" for="id_to">Конец</label>' in html
    assert "Кому" not in html
