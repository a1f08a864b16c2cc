from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core import clock
from concord.core.actors import actor_from_request
from concord.core.exceptions import NotPermitted
from concord.core.htmx import render_form, shows_domain_errors
from concord.core.pagination import page_of
from concord.documents.selectors import sees_unpublished

from . import permissions, selectors, services, superseding
from .choices import Mode, Status
from .forms import PositionForm, ProcedureForm, ReopenForm
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
@shows_domain_errors
def procedure_open(request):
    actor = actor_from_request(request)
    if not permissions.can_open_procedure(actor):
        raise NotPermitted(_("Only the Chair or the Secretariat can open a procedure."))
    form = ProcedureForm(request.POST or None, initial=request.GET.dict())
    if procedure := form.submit(services.open_procedure, actor=actor):
        return redirect("decisions:detail", procedure_id=procedure.pk)
    return render_form(request, "decisions/open.html", {"form": form, "nav_active": "decisions"})


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
    if form.submit(services.state_position, actor=actor, procedure_id=procedure_id):
        form = PositionForm()  # a fresh form under the board, for the next position
    procedure = selectors.access_procedure(actor, procedure_id)
    context = _detail_context(request, actor, procedure, form)
    return render_form(
        request, "decisions/detail.html", context, fragment="decisions/partials/board.html"
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
