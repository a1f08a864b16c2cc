from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from concord.core import clock
from concord.core.actors import actor_from_request
from concord.decisions import selectors as decisions
from concord.members import selectors as registry

from .work import work_for


def home(request):
    today = clock.today()
    actor = actor_from_request(request)
    return render(
        request,
        "site/home.html",
        {
            "today": today,
            "counts": registry.count_on(today),
            "chair": registry.chairmanship_on(today),
            "work": work_for(actor) if actor.user is not None else None,
            "nav_active": "home",
        },
    )


@never_cache
@require_GET
def healthz(request):
    """For monitors. 503 when the database does not answer: this process cannot serve. A
    settlement overdue (the task worker stopped, or an effect that fails) is "degraded" with
    200: every web process would report it alike, and a load balancer that took them all out
    would stop the site without bringing the worker back."""
    try:
        overdue = decisions.count_overdue_settlements()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse(
        {
            "status": "degraded" if overdue else "ok",
            "database": "ok",
            "overdue_settlements": overdue,
        }
    )
