from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core import clock
from concord.core.actors import actor_from_request
from concord.core.exceptions import NotPermitted
from concord.core.htmx import render_form, shows_domain_errors
from concord.core.pagination import page_of
from concord.documents.selectors import sees_unpublished

from . import permissions, selectors, services, superseding, wording
from .choices import Mode, Status
from .forms import PositionForm, ProcedureForm, ReopenForm
from .subjects import registry


@login_required
def procedure_list(request):
    actor = actor_from_request(request)
    status = request.GET.get("status") if request.GET.get("status") in Status.values else None
    subject = request.GET.get("subject") if request.GET.get("subject") in registry.names() else None
    can_await = selectors.has_positions_to_state(actor)
    asked_awaiting = request.GET.get("awaiting") == "1"
    awaiting = asked_awaiting and can_await
    procedures = selectors.list_procedures(actor, status=status, subject=subject, awaiting=awaiting)
    page = page_of(request, procedures, 25)
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
            "awaiting": awaiting,
            "can_await": can_await,
            "not_awaited": selectors.not_awaited() if asked_awaiting and not can_await else "",
            "statuses": Status.choices,
            "subjects": registry.choices(),
            "can_open": permissions.can_open_procedure(actor),
            "nav_active": "decisions",
        },
    )


@login_required
@shows_domain_errors
def procedure_open(request):
    actor = actor_from_request(request)
    if not permissions.can_open_procedure(actor):
        raise NotPermitted(_("Only the Chair or the Secretariat can open a procedure."))
    form = ProcedureForm(request.POST or None, initial=request.GET.dict())
    if procedure := form.submit(services.open_procedure, actor=actor):
        return redirect("decisions:detail", procedure_id=procedure.pk)
    context = {
        "form": form,
        "subjects": registry.choices(),
        "chosen": form.subject,
        "deadline": form.deadline_falls(),
        "zone": timezone.get_current_timezone_name(),
        "nav_active": "decisions",
    }
    return render_form(request, "decisions/open.html", context)


def _detail_context(request, actor, procedure, form=None, recorded=None):
    now = clock.now()
    standing = selectors.standing(procedure)
    is_open = standing.status == Status.OPEN
    subject = registry.of(procedure)
    tally = selectors.named_tally(procedure)
    can_close = (
        is_open and procedure.mode == Mode.IN_SESSION and permissions.can_close_in_session(actor)
    )
    return {
        "procedure": procedure,
        "standing": standing,
        "question": selectors.question(procedure, standing, tally),
        "own": selectors.own_position(actor, procedure),
        "recorded": recorded
        and wording.recorded(recorded.participant.name, recorded.kind, recorded.stated_at),
        "subject": subject,
        "proposal": subject.describe(procedure),
        "tally": tally,
        "positions": selectors.list_positions(procedure),
        "form": form or PositionForm(),
        "can_state": is_open and permissions.can_state_position(actor, procedure),
        "can_close": can_close,
        "forecast": wording.forecast(tally) if can_close else "",
        "can_withdraw": is_open and permissions.can_withdraw(actor, procedure),
        "remaining": bool(procedure.deadline and procedure.deadline > now),
        "zone": timezone.get_current_timezone_name(),
        "now": now,
        **_superseded_context(actor, procedure),
        "nav_active": "decisions",
    }


def _superseded_context(actor, procedure) -> dict:
    """What the warning of a superseded version shows, and to whom the offer is made."""
    found = selectors.superseded(procedure)
    return {
        "superseded": found,
        "reads_drafts": sees_unpublished(actor),  # the drafts' pages are theirs
        "can_reopen": bool(found) and permissions.can_reopen_on_version(actor),
    }


@login_required
@shows_domain_errors
def procedure_detail(request, procedure_id: int):
    actor = actor_from_request(request)
    procedure = selectors.access_procedure(actor, procedure_id)
    template = "decisions/record.html" if request.GET.get("print") else "decisions/detail.html"
    return render(request, template, _detail_context(request, actor, procedure))


@login_required
@require_POST
@shows_domain_errors
def position_state(request, procedure_id: int):
    actor = actor_from_request(request)
    selectors.access_procedure(actor, procedure_id)
    form = PositionForm(request.POST)
    position = form.submit(services.state_position, actor=actor, procedure_id=procedure_id)
    if position and not request.htmx:
        said = wording.recorded(position.participant.name, position.kind, position.stated_at)
        messages.success(request, said)
        return redirect("decisions:detail", procedure_id=procedure_id)
    if position:
        form = PositionForm()  # a fresh form under the board, for the next position
    procedure = selectors.access_procedure(actor, procedure_id)
    context = _detail_context(request, actor, procedure, form, recorded=position)
    return render_form(
        request, "decisions/detail.html", context, fragment="decisions/partials/answer.html"
    )


@login_required
@require_POST
@shows_domain_errors
def procedure_close(request, procedure_id: int):
    return _step(request, procedure_id, services.close_procedure)


@login_required
@require_POST
@shows_domain_errors
def procedure_withdraw(request, procedure_id: int):
    return _step(request, procedure_id, services.withdraw_procedure)


def _step(request, procedure_id, service):
    actor = actor_from_request(request)
    selectors.access_procedure(actor, procedure_id)
    service(actor=actor, procedure_id=procedure_id)
    return redirect("decisions:detail", procedure_id=procedure_id)


@login_required
@shows_domain_errors
def procedure_reopen(request, procedure_id: int):
    """The confirmation page (GET) of withdrawing and reopening on the latest version, and the
    step itself (POST): nothing is withdrawn without this page's button."""
    actor = actor_from_request(request)
    procedure = selectors.access_procedure(actor, procedure_id)
    if not permissions.can_reopen_on_version(actor):
        raise NotPermitted(
            _("Only the Chair or the Secretariat can reopen a procedure on a later version.")
        )
    found = selectors.superseded(procedure)
    if found is None:
        return redirect("decisions:detail", procedure_id=procedure_id)
    form = ReopenForm(request.POST or None, initial={"reason": _default_reason(found)})
    if request.method == "POST" and (
        new := form.submit(superseding.reopen_on_version, actor=actor, procedure_id=procedure_id)
    ):
        return redirect("decisions:detail", procedure_id=new.pk)
    silence = procedure.mode == Mode.SILENCE
    context = {"procedure": procedure, "superseded": found, "form": form, "silence": silence}
    return render_form(request, "decisions/reopen.html", {**context, "nav_active": "decisions"})


def _default_reason(found) -> str:
    return _("Version %(new)s supersedes version %(old)s, the text under decision.") % {
        "new": found.newest.number,
        "old": found.under_decision.number,
    }


@login_required
@require_POST
@shows_domain_errors
def procedure_keep(request, procedure_id: int):
    return _step(request, procedure_id, superseding.keep_version)
