from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from concord.core.actors import actor_from_request
from concord.core.htmx import render_form, shows_domain_errors
from concord.core.pagination import page_of
from concord.core.querystring import whole_number
from concord.decisions import permissions as decision_permissions
from concord.decisions import selectors as decisions
from concord.documents import permissions as document_permissions
from concord.documents.models import Document
from concord.documents.parsing import UnitKind

from . import permissions, selectors, services
from .amending import AmendmentKind, kinds
from .forms import AmendmentForm, DecisionForm
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


def _detail_context(request, actor, document, *, number=None, form=None):
    versions = selectors.list_versions(document)
    latest = versions[-1]
    version = selectors.get_version(document, number) if number else latest
    language = _language(request, version)
    units = selectors.version_units(version, language)
    by_id = {u["id"]: u for u in units}
    amendments = list(selectors.list_amendments(document, version=version, language=language))
    amendable = selectors.is_amendable(document) and version == latest
    for amendment in amendments:
        amendment.can_withdraw = (
            amendable
            and amendment.status in (Amendment.Status.PROPOSED, Amendment.Status.ACCEPTED)
            and permissions.can_withdraw(actor, amendment)
        )
        current = by_id.get(amendment.unit, {}).get("text", "")
        amendment.preview = kinds.get(amendment.kind).preview(current, amendment.text)
    on_unit: dict[str, list] = {}
    for amendment in amendments:
        on_unit.setdefault(amendment.unit, []).append(amendment)
    for unit in units:
        unit["amendments"] = on_unit.get(unit["id"], [])
        unit["linked"] = unit["kind"] in LINKED_UNITS
    if form is None:
        form = AmendmentForm(
            document=document,
            units=units,
            initial={
                "language": language,
                "unit": request.GET.get("unit"),
                "kind": AmendmentKind.EDIT,
                "version": latest.number,
            },
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
        "can_decide": amendable and permissions.can_decide(actor),
        "superseded": decisions.list_superseded(actor, document),
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


@login_required
@require_POST
@shows_domain_errors
def amendment_propose(request, slug: str):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    latest = selectors.latest_version(document)
    language = _language(request, latest)
    units = selectors.version_units(latest, language)
    form = AmendmentForm(request.POST, document=document, units=units)
    proposed = form.submit(services.propose_amendment, actor=actor, language=language)
    if proposed and not request.htmx:
        return redirect(f"{reverse('drafting:detail', args=[slug])}?language={language}")
    # Once stored, a fresh form for the next amendment.
    context = _detail_context(request, actor, document, form=None if proposed else form)
    context["proposed"] = bool(proposed)
    return render_form(
        request, "drafting/detail.html", context, fragment="drafting/partials/amendments.html"
    )


@login_required
@require_POST
@shows_domain_errors
def amendment_step(request, slug: str, amendment_id: int, step: str):
    actor = actor_from_request(request)
    amendment = selectors.get_amendment(selectors.access_draft(actor, slug), amendment_id)
    if step == "withdraw":
        services.withdraw_amendment(actor=actor, amendment_id=amendment_id)
    else:
        note = request.POST.get("note", "")  # the service refuses what no column can hold
        services.decide_amendment(
            actor=actor, amendment_id=amendment_id, accept=step == "accept", note=note
        )
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
