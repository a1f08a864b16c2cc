from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from concord.core.actors import actor_from_request
from concord.core.exceptions import DomainError
from concord.core.htmx import domain_error_response

from . import selectors, services


@login_required
def inbox(request):
    messages = selectors.list_messages(actor_from_request(request))
    page = Paginator(messages, 25).get_page(request.GET.get("page"))
    return render(request, "inbox/list.html", {"page": page, "nav_active": "inbox"})


@login_required
@require_POST
def read(request, message_id: int):
    try:
        message = services.mark_read(actor=actor_from_request(request), message_id=message_id)
    except DomainError as exc:
        return domain_error_response(request, exc)
    return redirect(message.link or "inbox:list")
