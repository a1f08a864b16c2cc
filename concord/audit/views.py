from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from concord.core.actors import actor_from_request
from concord.core.htmx import shows_domain_errors
from concord.core.pagination import page_of

from . import names, selectors
from .events import AuditEvent


@login_required
@shows_domain_errors
def entry_list(request):
    event = request.GET.get("event") or None
    entries = selectors.list_entries(actor_from_request(request), event=event)
    page = page_of(request, entries, 50)
    known = names.known_names()
    for entry in page:
        entry.readable_summary = names.readable(entry.summary, known)
        entry.acting_for_name = known.get(entry.acting_for, entry.acting_for)
    return render(
        request,
        "audit/list.html",
        {
            "page": page,
            "events": AuditEvent.choices,
            "event": event,
            "nav_active": "audit",
        },
    )


def signed_head(request):
    """Public: the signed head, and how anyone can check it and keep a copy."""
    return render(
        request,
        "audit/head.html",
        {
            "head": selectors.get_signed_head(),
            "head_url": request.build_absolute_uri(reverse("api:get_head")),
        },
    )
