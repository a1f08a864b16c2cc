from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.core.actors import actor_from_request
from concord.core.exceptions import InvalidInput
from concord.core.htmx import render_form, shows_domain_errors
from concord.core.pagination import page_of
from concord.core.querystring import whole_number
from concord.decisions import permissions as decision_permissions
from concord.decisions import selectors as decisions
from concord.documents import permissions as document_permissions
from concord.documents import selectors as document_selectors
from concord.documents.labels import in_sentence
from concord.documents.models import Document
from concord.documents.parsing import UnitKind

from . import permissions, selectors, services
from .amending import AmendmentKind, kinds
from .forms import AmendmentForm, DecisionForm, RejectionForm
from .models import LANGUAGES, Amendment

# The frame of a text (its title, formula and closing) is amended from the form alone: the
# page offers a link to amend beside the units of its body.
LINKED_UNITS = frozenset(
    {UnitKind.PREAMBLE, UnitKind.PARAGRAPH, UnitKind.BLOCK, UnitKind.SUBPARAGRAPH}
)


@login_required
def draft_list(request):
    actor = actor_from_request(request)
    status = request.GET.get("status")
    status = status if status in (*Document.Status.values, selectors.ANY_STATUS) else None
    page = page_of(request, selectors.list_drafts(actor, status=status), 25)
    return render(
        request,
        "drafting/list.html",
        {
            "page": page,
            "status": status,
            "statuses": Document.Status.choices,
            "can_import": document_permissions.can_import_documents(actor),
            "nav_active": "drafts",
        },
    )


def _language(request, version) -> str:
    held = selectors.languages(version)
    asked = request.GET.get("language") or request.POST.get("language")
    if asked in held:
        return asked
    return request.LANGUAGE_CODE if request.LANGUAGE_CODE in held else (held or ["en"])[0]


def _rejection_form(amendment, data=None) -> RejectionForm:
    return RejectionForm(data, auto_id=f"rejection-{amendment.pk}-%s")


def _starting_form(document, latest, language, units, initial: dict) -> AmendmentForm:
    """The proposal form, its text starting from the chosen unit's current wording."""
    initial = {"kind": AmendmentKind.EDIT, **initial, "language": language}
    initial["version"] = latest.number
    form = AmendmentForm(document=document, units=units, initial=initial)
    # No unit asked for: the first one offered, which the list shows chosen.
    unit = initial.get("unit") or next(iter(form.fields["unit"].choices), ("",))[0]
    if unit:
        form.initial["unit"] = unit
        form.initial["text"] = selectors.starting_wording(latest, language, unit, initial["kind"])
    return form


def _detail_context(request, actor, document, *, number=None, form=None, rejection=None):
    versions = selectors.list_versions(document)
    latest = versions[-1]
    version = selectors.get_version(document, number) if number else latest
    language = _language(request, version)
    units = selectors.version_units(version, language)
    by_id = {u["id"]: u for u in units}
    wordings = selectors.unit_wordings(version, language)
    amendments = list(selectors.list_amendments(document, version=version, language=language))
    amendable = selectors.is_amendable(document) and version == latest
    can_decide = amendable and permissions.can_decide(actor)
    for amendment in amendments:
        amendment.can_withdraw = (
            amendable
            and amendment.status in (Amendment.Status.PROPOSED, Amendment.Status.ACCEPTED)
            and permissions.can_withdraw(actor, amendment)
        )
        kind = kinds.get(amendment.kind)
        unit = by_id.get(amendment.unit, {})
        current = wordings.get(amendment.unit, "") if kind.whole_unit else unit.get("text", "")
        amendment.preview = kind.preview(current, amendment.text)
        amendment.unit_label = in_sentence(unit.get("label") or _("A passage"))
        if can_decide and amendment.status == Amendment.Status.PROPOSED:
            same = rejection is not None and rejection.amendment == amendment
            amendment.rejection_form = rejection.form if same else _rejection_form(amendment)
    on_unit: dict[str, list] = {}
    for amendment in amendments:
        on_unit.setdefault(amendment.unit, []).append(amendment)
    made = selectors.list_changes_made(version, language)
    for unit in units:
        unit["amendments"] = on_unit.get(unit["id"], [])
        unit["made_by"] = made.get(unit["id"], [])
        unit["linked"] = unit["kind"] in LINKED_UNITS
    if form is None:
        form = _starting_form(
            document,
            latest,
            language,
            units if version == latest else [],
            {"unit": request.GET.get("unit")},
        )
    return {
        "document": document,
        "versions": versions,
        "version": version,
        "latest": latest,
        "language": language,
        "languages": selectors.languages(version),
        "units": units,
        "amendments": amendments,
        "accepted": sum(a.status == Amendment.Status.ACCEPTED for a in amendments),
        "form": form,
        "decision_form": DecisionForm(),
        "can_propose": amendable and permissions.can_propose(actor),
        "can_decide": can_decide,
        "can_add_language": document_selectors.offers_language_version(actor, document),
        "superseded": decisions.list_superseded(actor, document),
        "open_procedures": decisions.open_on_document(actor, document),
        "can_reopen": decision_permissions.can_reopen_on_version(actor),
        "nav_active": "drafts",
    }


def _version_number(request) -> int | None:
    return whole_number(request.GET.get("version"))


@login_required
@shows_domain_errors
def draft_detail(request, slug: str):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    context = _detail_context(request, actor, document, number=_version_number(request))
    return render(request, "drafting/detail.html", context)


def recorded(amendment: Amendment, unit_label: str) -> str:
    """What a delegation reads once its proposal is stored."""
    when = date_format(timezone.localtime(amendment.proposed_at), "j E Y, H:i")
    return _("%(state)s proposes an amendment to %(unit)s — recorded %(when)s") % {
        "state": amendment.participant.name,
        "unit": in_sentence(unit_label),
        "when": when,
    }


@login_required
@require_POST
@shows_domain_errors
def amendment_propose(request, slug: str):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    latest = selectors.latest_version(document)
    language = _language(request, latest)
    units = selectors.version_units(latest, language)
    if request.POST.get("step") == "choose":
        # The first step without JavaScript: the unit chosen, its wording to edit.
        fields = ("unit", "kind", "place", "rationale")
        initial = {name: request.POST.get(name) for name in fields if request.POST.get(name)}
        form = _starting_form(document, latest, language, units, initial)
        context = _detail_context(request, actor, document, form=form)
        context["chosen"] = True
        return render_form(
            request, "drafting/detail.html", context, fragment="drafting/partials/amendments.html"
        )
    form = AmendmentForm(request.POST, document=document, units=units)
    proposed = form.submit(services.propose_amendment, actor=actor, language=language)
    if proposed:
        label = next((u["label"] for u in units if u["id"] == proposed.unit), proposed.unit)
        message = recorded(proposed, label)
    if proposed and not request.htmx:
        messages.success(request, message)
        url = reverse("drafting:detail", args=[slug])
        return redirect(f"{url}?language={language}#amendment-{proposed.number}")
    # Once stored, a fresh form for the next amendment.
    context = _detail_context(request, actor, document, form=None if proposed else form)
    context["recorded"] = message if proposed else ""
    return render_form(
        request, "drafting/detail.html", context, fragment="drafting/partials/amendments.html"
    )


@login_required
@require_GET
@shows_domain_errors
def amendment_wording(request, slug: str):
    """The proposed text's box, holding the current wording of the unit chosen (htmx); nothing
    to change (204) for a kind of amendment that does not start from it."""
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    version = selectors.get_version(document, whole_number(request.GET.get("version")))
    language = _language(request, version)
    unit, kind = request.GET.get("unit", ""), request.GET.get("kind", AmendmentKind.EDIT)
    chosen = kinds.get(kind) if kind in kinds.names() else None
    if chosen is None or not chosen.starts_from_wording:
        return HttpResponse(status=204)
    wording = selectors.starting_wording(version, language, unit, kind)
    form = AmendmentForm(document=document, initial={"text": wording})
    return HttpResponse(form["text"].as_widget())


def _rejected(form: RejectionForm, actor, amendment) -> bool:
    """Rejected with the form's reason; a missing reason is the form's error, while a refusal
    of the step itself (not permitted, already decided) is the page's."""
    if not form.is_valid():
        return False
    try:
        services.decide_amendment(
            actor=actor, amendment_id=amendment.pk, accept=False, reason=form.cleaned_data["reason"]
        )
    except InvalidInput as exc:
        form.add_error(form.field_for(exc.field), exc.message)
        return False
    return True


class _Rejection:
    def __init__(self, amendment, form):
        self.amendment, self.form = amendment, form


@login_required
@require_POST
@shows_domain_errors
def amendment_step(request, slug: str, amendment_id: int, step: str):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    amendment = selectors.get_amendment(document, amendment_id)
    if step == "withdraw":
        services.withdraw_amendment(actor=actor, amendment_id=amendment_id)
    elif step == "reject":
        form = _rejection_form(amendment, request.POST)
        if not _rejected(form, actor, amendment):
            context = _detail_context(
                request, actor, document, rejection=_Rejection(amendment, form)
            )
            return render_form(request, "drafting/detail.html", context, form=form)
    else:
        note = request.POST.get("note", "")  # the service refuses what no column can hold
        services.decide_amendment(actor=actor, amendment_id=amendment_id, accept=True, note=note)
    url = reverse("drafting:detail", args=[slug])
    return redirect(f"{url}?language={amendment.language}#amendment-{amendment.number}")


@login_required
@require_POST
@shows_domain_errors
def version_incorporate(request, slug: str):
    actor = actor_from_request(request)
    latest = selectors.latest_version(selectors.access_draft(actor, slug))
    new = services.incorporate_amendments(actor=actor, version_id=latest.pk)
    url = reverse("drafting:compare", args=[slug])
    return redirect(
        f"{url}?from={latest.number}&to={new.number}&language={_language(request, new)}"
    )


@login_required
@shows_domain_errors
def compare(request, slug: str):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    versions = selectors.list_versions(document)
    latest = versions[-1].number
    old = _int(request.GET.get("from"), max(latest - 1, 1))
    new = _int(request.GET.get("to"), latest)
    version = selectors.get_version(document, new, field="to")
    language = _language(request, version)
    compared = selectors.compare_versions(document, old, new, language)
    return render(
        request,
        "drafting/compare.html",
        {
            "document": document,
            "versions": versions,
            "before": compared.before,
            "after": compared.after,
            "language": language,
            "languages": LANGUAGES,
            "changes": compared.changes,
            "summary": compared.summary,
            "changed_only": request.GET.get("changed") == "1",
            "nav_active": "drafts",
        },
    )


def _int(value, default: int) -> int:
    number = whole_number(value)
    return default if number is None else number
