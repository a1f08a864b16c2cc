from django.http import Http404
from django.shortcuts import render

from concord.core import clock
from concord.core.exceptions import NotFound

from . import selectors
from .charts import timeline_chart
from .footnotes import number_notes
from .forms import CompareForm, RegistryFilterForm
from .models import Membership


def member_list(request):
    """The registry on a day, its notes once each, the accession timeline marked at that day and
    the form comparing two days. A day the record cannot answer for is refused, not replaced by
    today: the page says why and shows no list."""
    form = RegistryFilterForm(request.GET or None)
    today = clock.today()
    filters = form.cleaned_data if form.is_valid() else {}
    refused = form.is_bound and "as_of" in form.errors
    day = filters.get("as_of") or today
    sort = filters.get("sort") or "name"
    descending = filters.get("dir") == "desc"
    rows = (
        []
        if refused
        else selectors.list_memberships_on(
            day, status=filters.get("status") or None, sort=sort, descending=descending
        )
    )
    members = [m for m in rows if m.status == Membership.Status.MEMBER]
    observers = [m for m in rows if m.status == Membership.Status.OBSERVER]
    points = selectors.accession_timeline()
    context = {
        "form": form,
        "refused": refused,
        "day": day,
        "is_today": day == today,
        "sort": sort,
        "descending": descending,
        "members": members,
        "observers": observers,
        "footnotes": number_notes([*members, *observers]),
        "Status": Membership.Status,
        "timeline": points,
        "chart": timeline_chart(points, today, mark=None if refused else day),
        "nav_active": "members",
    }
    if request.htmx:
        return render(request, "members/partials/registry.html", context)
    context["compare_form"] = CompareForm()
    return render(request, "members/list.html", context)


def member_changes(request):
    """What changed in the registry between two days (the form of the members page)."""
    form = CompareForm(request.GET or None)
    context = {
        "compare_form": form,
        "changes": form.changes if form.is_bound and form.is_valid() else None,
        "Status": Membership.Status,
        "ChangeKind": selectors.ChangeKind,
        "nav_active": "members",
    }
    if request.htmx:
        return render(request, "members/partials/compare.html", context)
    return render(request, "members/changes.html", context)


def member_detail(request, code: str):
    try:
        participant = selectors.get_participant(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    today = clock.today()
    return render(
        request,
        "members/detail.html",
        {
            "participant": participant,
            "status_today": selectors.status_on(participant, today),
            "Status": Membership.Status,
            "memberships": selectors.list_memberships_of(participant),
            "chairmanships": selectors.list_chairmanships(participant),
            "today": today,
            "nav_active": "members",
        },
    )


def structure(request):
    """The forum's bodies (with their renamings) and the Chairmanship over time."""
    today = clock.today()
    bodies = [(body, body.name_on(today)) for body in selectors.list_bodies()]
    return render(
        request,
        "members/structure.html",
        {
            "bodies": bodies,
            "chairmanships": selectors.list_chairmanships(),
            "current_chair": selectors.chairmanship_on(today),
            "today": today,
            "nav_active": "structure",
        },
    )
