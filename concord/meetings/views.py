from django.http import Http404
from django.shortcuts import render

from concord.core.exceptions import NotFound
from concord.core.pagination import page_of
from concord.core.querystring import whole_number

from . import selectors
from .models import Meeting


def meeting_list(request):
    body = request.GET.get("body") or None
    year = whole_number(request.GET.get("year"), digits=4)
    status = (
        request.GET.get("status") if request.GET.get("status") in Meeting.Status.values else None
    )
    sort = request.GET.get("sort") if request.GET.get("sort") in selectors.SORTS else "-date"
    meetings = selectors.list_meetings(body=body, year=year, status=status, sort=sort)
    page = page_of(request, meetings, 25)
    return render(
        request,
        "meetings/list.html",
        {
            "page": page,
            "body": body,
            "year": year,
            "status": status,
            "sort": sort,
            "bodies": selectors.body_choices(),
            "years": selectors.list_years(),
            "statuses": Meeting.Status.choices,
            "nav_active": "meetings",
        },
    )


def meeting_detail(request, slug: str):
    try:
        meeting = selectors.get_meeting(slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(request, "meetings/detail.html", {"meeting": meeting, "nav_active": "meetings"})
