"""One way to page: the database gives the count and one page's rows, for pages and the API."""

import pytest
from django.test import RequestFactory

from concord.core.pagination import Pages, page_of
from concord.meetings.models import Meeting


def test_an_api_page_reads_its_rows_and_a_count_only(meetings, client, rows_read):
    with rows_read(Meeting) as (made, sql):
        page = client.get("/api/meetings?page=2&page_size=5").json()
    assert page["count"] == Meeting.objects.count() > 10 and len(page["items"]) == 5
    assert len(made) == 5
    assert len(sql) == 2 and "COUNT(*)" in sql[0] and "LIMIT 5 OFFSET 5" in sql[1]


def test_a_page_reads_its_rows_and_a_count_only(meetings, rows_read):
    request = RequestFactory().get("/", {"page": "3"})
    with rows_read(Meeting) as (made, sql):
        page = page_of(request, Meeting.objects.order_by("pk"), 4)
        shown = list(page)
    assert (page.number, page.paginator.count, len(shown), len(made)) == (3, 20, 4, 4)
    assert len(sql) == 2 and "COUNT(*)" in sql[0] and "LIMIT 4 OFFSET 8" in sql[1]


def test_a_list_is_not_paged(meetings):
    listed = list(Meeting.objects.all())
    with pytest.raises(TypeError, match="not from a list"):
        page_of(RequestFactory().get("/"), listed, 25)
    with pytest.raises(TypeError, match="not from a list"):
        Pages(page_size=50).paginate_queryset(listed, Pages.Input(), request=None)
