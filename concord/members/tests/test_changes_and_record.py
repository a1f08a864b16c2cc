"""The record's limits, what changed between two days, notes numbered once, the chart's mark
and dates shown only as precisely as they are known."""

import datetime as dt

import pytest
from django.utils import translation

from concord.core import clock
from concord.core.exceptions import InvalidInput
from concord.core.models import Precision
from concord.core.templatetags.concord import approx_date
from concord.members import selectors
from concord.members.charts import timeline_chart
from concord.members.footnotes import number_notes

D = dt.date


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(D(2026, 11, 27)):
        yield


def test_record_problem_before_1992_after_today_and_within():
    today = D(2026, 11, 27)
    assert "The record starts in 1992" in selectors.record_problem(D(1991, 12, 31), today=today)
    future = selectors.record_problem(D(2026, 11, 28), today=today)
    assert "is in the future" in future and "27 November 2026" in future
    assert selectors.record_problem(D(1992, 1, 1), today=today) == ""
    assert selectors.record_problem(today, today=today) == ""


def test_check_within_record_names_the_field():
    with pytest.raises(InvalidInput) as refused:
        selectors.check_within_record(D(1980, 1, 1), field="as_of")
    assert refused.value.field == "as_of" and refused.value.status == 422


def test_changes_2010_to_2011_joined_and_observer_to_member(registry):
    changes = selectors.list_changes_between(D(2010, 1, 1), D(2011, 12, 31))
    seen = [(c.participant.code, c.kind, c.before, c.after, c.day) for c in changes]
    assert seen == [
        ("IQ", "joined", None, "member", D(2010, 6, 8)),
        ("VN", "status_changed", "observer", "member", D(2010, 6, 8)),
        ("BH", "joined", None, "member", D(2011, 1, 1)),
        ("KH", "joined", None, "member", D(2011, 1, 1)),
    ]
    assert changes[0].precision == Precision.MONTH and changes[2].precision == Precision.YEAR


def test_changes_count_who_left(registry):
    changes = selectors.list_changes_between(D(2024, 6, 1), D(2025, 1, 1))
    left = {c.participant.code for c in changes if c.kind == "left"}
    assert left == {"AU", "LB"}
    assert all(c.before == "observer" and c.after is None for c in changes if c.kind == "left")


def test_changes_are_between_the_registries_of_the_two_days(registry):
    start, end = D(2004, 6, 1), D(2018, 12, 31)
    before = {m.participant.code: m.status for m in selectors.memberships_on(start)}
    after = {m.participant.code: m.status for m in selectors.memberships_on(end)}
    moved = {c.participant.code for c in selectors.list_changes_between(start, end)}
    assert {
        code for code in before.keys() | after.keys() if before.get(code) != after.get(code)
    } <= moved


def test_no_change_between_two_quiet_days(registry):
    assert selectors.list_changes_between(D(2019, 1, 1), D(2020, 1, 1)) == []


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (D(2010, 1, 1), D(2009, 1, 1), "to"),
        (D(1985, 1, 1), D(2009, 1, 1), "from"),
        (D(2010, 1, 1), D(2027, 1, 1), "to"),
    ],
)
def test_changes_refuse_reversed_or_outside_days(registry, start, end, field):
    with pytest.raises(InvalidInput) as refused:
        selectors.list_changes_between(start, end)
    assert refused.value.field == field


def test_shared_notes_are_numbered_once(registry):
    rows = selectors.list_memberships_on(D(2026, 11, 27), status="member")
    notes = number_notes(rows)
    texts = [n.text for n in notes]
    assert len(texts) == len(set(texts)) < len([m for m in rows if m.note])
    shared = max(notes, key=lambda n: len(n.names))
    assert len(shared.names) >= 5
    assert {m.note_number for m in rows if m.note == shared.text} == {shared.number}


def test_the_chart_marks_the_as_of_day(registry):
    points = selectors.accession_timeline()
    chart = timeline_chart(points, D(2026, 11, 27), mark=D(2006, 6, 16))
    assert chart.mark["day"] == D(2006, 6, 16)
    assert chart.markers[0]["x"] < chart.mark["x"] < chart.markers[-1]["x"]
    assert chart.mark["anchor"] == "start"  # the left half: the label reads to the right
    assert timeline_chart(points, D(2026, 11, 27), mark=D(2026, 1, 1)).mark["anchor"] == "end"
    assert timeline_chart(points, D(2026, 11, 27)).mark is None


def test_a_year_only_accession_shows_as_the_year_on_the_timeline(registry):
    points = {p.day: p for p in selectors.accession_timeline()}
    assert points[D(2011, 1, 1)].precision == Precision.YEAR


@pytest.mark.parametrize(
    ("language", "precision", "expected"),
    [
        ("en", Precision.YEAR, "1999"),
        ("en", Precision.MONTH, "June 1999"),
        ("en", Precision.DAY, "17 June 1999"),
        ("ru", Precision.YEAR, "1999 г."),
        ("ru", Precision.MONTH, "июнь 1999 г."),
        ("ru", Precision.DAY, "17 июня 1999 г."),
    ],
)
def test_approx_date_in_both_languages(language, precision, expected):
    with translation.override(language):
        assert approx_date(D(1999, 6, 17), precision) == expected
