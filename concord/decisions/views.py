from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core import clock
from concord.core.actors import actor_from_request
from concord.core.exceptions import DomainError, NotPermitted
from concord.core.htmx import domain_error_response
from concord.core.pagination import page_of

from . import permissions, selectors, services
from .choices import Mode, Status
from .forms import PositionForm, ProcedureForm
from .subjects import registry


@login_required
def procedure_list(request):
    actor = actor_from_request(request)
    status = request.GET.get("status") if request.GET.get("status") in Status.values else None
    subject = request.GET.get("subject") if request.GET.get("subject") in registry.names() else None
    page = page_of(request, selectors.list_procedures(actor, status=status, subject=subject), 25)
    return render(
        request,
        "decisions/list.html",
        {
            "page": page,
            "rows": [(p, selectors.standing(p)) for p in page],
            "overdue": selectors.count_overdue_settlements()
            if permissions.can_open_procedure(actor)
            else 0,
            "status": status,
            "subject": subject,
            "statuses": Status.choices,
            "subjects": registry.choices(),
            "can_open": permissions.can_open_procedure(actor),
            "nav_active": "decisions",
        },
    )


@login_required
def procedure_open(request):
    actor = actor_from_request(request)
    if not permissions.can_open_procedure(actor):
        return domain_error_response(
            request, NotPermitted(_("Only the Chair or the Secretariat can open a procedure."))
        )
    form = ProcedureForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        try:
            procedure = services.open_procedure(actor=actor, request=form.to_request())
        except DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            return redirect("decisions:detail", procedure_id=procedure.pk)
    return render(
        request,
        "decisions/open.html",
        {"form": form, "nav_active": "decisions"},
        status=422 if form.errors else 200,
    )


def _detail_context(request, actor, procedure, form=None):
    now = clock.now()
    standing = selectors.standing(procedure)
    is_open = standing.status == Status.OPEN
    subject = registry.of(procedure)
    return {
        "procedure": procedure,
        "standing": standing,
        "subject": subject,
        "proposal": subject.describe(procedure),
        "tally": selectors.named_tally(procedure),
        "positions": selectors.list_positions(procedure),
        "form": form or PositionForm(),
        "can_state": is_open and permissions.can_state_position(actor, procedure),
        "can_close": is_open
        and procedure.mode == Mode.IN_SESSION
        and permissions.can_close_in_session(actor),
        "can_withdraw": is_open and permissions.can_withdraw(actor, procedure),
        "remaining": bool(procedure.deadline and procedure.deadline > now),
        "my_state": actor.participant.code if actor.participant else None,
        "now": now,
        "nav_active": "decisions",
    }


@login_required
def procedure_detail(request, procedure_id: int):
    actor = actor_from_request(request)
    try:
        procedure = selectors.access_procedure(actor, procedure_id)
    except DomainError as exc:
        return domain_error_response(request, exc)
    template = "decisions/record.html" if request.GET.get("print") else "decisions/detail.html"
    return render(request, template, _detail_context(request, actor, procedure))


@login_required
@require_POST
def position_state(request, procedure_id: int):
    actor = actor_from_request(request)
    try:
        selectors.access_procedure(actor, procedure_id)
    except DomainError as exc:
        return domain_error_response(request, exc)
    form = PositionForm(request.POST)
    if form.is_valid():
        try:
            services.state_position(
                actor=actor,
                procedure_id=procedure_id,
                kind=form.cleaned_data["position"],
                statement=form.cleaned_data["statement"],
            )
            form = None
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    procedure = selectors.access_procedure(actor, procedure_id)
    context = _detail_context(request, actor, procedure, form)
    template = "decisions/partials/board.html" if request.htmx else "decisions/detail.html"
    return render(
        request, template, context, status=422 if form is not None and form.errors else 200
    )


@login_required
@require_POST
def procedure_close(request, procedure_id: int):
    return _step(request, procedure_id, services.close_procedure)


@login_required
@require_POST
def procedure_withdraw(request, procedure_id: int):
    return _step(request, procedure_id, services.withdraw_procedure)


def _step(request, procedure_id, service):
    actor = actor_from_request(request)
    try:
        selectors.access_procedure(actor, procedure_id)
        service(actor=actor, procedure_id=procedure_id)
    except DomainError as exc:
        return domain_error_response(request, exc)
    return redirect("decisions:detail", procedure_id=procedure_id)
