from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core.actors import actor_from_request
from concord.core.htmx import shows_domain_errors
from concord.core.pagination import page_of

from . import selectors, services
from .models import Delivery


@login_required
def inbox(request):
    queryset = selectors.list_messages(actor_from_request(request))
    page = page_of(request, queryset, 25)
    return render(request, "inbox/list.html", {"page": page, "nav_active": "inbox"})


@login_required
@require_POST
@shows_domain_errors
def read(request, message_id: int):
    message = services.mark_read(actor=actor_from_request(request), message_id=message_id)
    return redirect(message.link or "inbox:list")


@login_required
@shows_domain_errors
def deliveries(request):
    status = request.GET.get("status") or None
    queryset = selectors.list_deliveries(actor_from_request(request), status=status)
    return render(
        request,
        "inbox/deliveries.html",
        {
            "page": page_of(request, queryset, 50),
            "statuses": Delivery.Status.choices,
            "status": status,
            "nav_active": "deliveries",
        },
    )


@login_required
@shows_domain_errors
def send_again(request, delivery_id: int):
    """GET asks for confirmation (a page: no script needed), POST sends."""
    actor = actor_from_request(request)
    if request.method == "POST":
        delivery = services.send_again(actor=actor, delivery_id=delivery_id)
        messages.success(
            request,
            _("The e-mail to %(address)s will be sent again.") % {"address": delivery.address},
        )
        return redirect("inbox:deliveries")
    delivery = selectors.access_delivery(actor, delivery_id)
    context = {"delivery": delivery, "nav_active": "deliveries"}
    return render(request, "inbox/send_again.html", context)
