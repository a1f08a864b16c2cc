from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.actors import actor_from_request
from concord.core.exceptions import DomainError, NotFound, NotPermitted
from concord.core.htmx import render_form, shows_domain_errors
from concord.core.pagination import page_of

from . import import_rules, parsing, permissions, search, selectors, services, structure
from .forms import DocumentFilterForm, ImportForm, LanguageVersionForm, SearchForm
from .parsing import ParagraphKind


def document_list(request):
    actor = actor_from_request(request)
    form = DocumentFilterForm(
        request.GET or None, years=selectors.list_years(actor), bodies=selectors.body_choices()
    )
    page = page_of(request, selectors.list_documents(actor, **form.filters()), 25)
    context = {
        "form": form,
        "page": page,
        "rows": [(d, selectors.languages_of(d)) for d in page],
        "can_import": permissions.can_import_documents(actor),
        "nav_active": "documents",
    }
    return render(request, "documents/list.html", context)


def document_detail(request, slug: str):
    actor = actor_from_request(request)
    try:
        document = selectors.access_document(actor, slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    asked = request.GET.get("lang") or request.LANGUAGE_CODE
    side_by_side = request.GET.get("view") == "both"
    context = selectors.read_document(actor, document, asked, side_by_side=side_by_side)
    return render(
        request,
        "documents/detail.html",
        {**context, "ParagraphKind": ParagraphKind, "nav_active": "documents"},
    )


@login_required
@shows_domain_errors
def document_import(request):
    actor = actor_from_request(request)
    if not permissions.can_import_documents(actor):
        raise NotPermitted(_("Only the Secretariat can import documents."))
    # Bound on every POST, even an empty one (no file chosen), so that it says what is missing.
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    results = _import_files(actor, form) if request.method == "POST" and form.is_valid() else []
    refusals = [r["error"].status for r in results if "error" in r]
    if form.errors:
        status = 422
    elif results and len(refusals) == len(results):
        status = max(refusals)  # nothing imported: the refusal's own status (409, 422)
    else:
        status = 200
    return render(
        request,
        "documents/import.html",
        {"form": form, "results": results, "nav_active": "documents"},
        status=status,
    )


def _import_files(actor, form) -> list[dict]:
    """Each file on its own: a refusal names the file and the field it is about."""
    results = []
    for upload in form.cleaned_data["files"]:
        try:
            import_rules.check_size(upload.size, upload.name)
            outcome = services.import_document(actor=actor, request=form.to_request(upload.read()))
            results.append({"name": upload.name, "outcome": outcome})
        except DomainError as exc:
            field = form.fields.get(exc.field or "")
            label = field.label if field is not None else None
            results.append({"name": upload.name, "error": exc, "field": label})
    return results


def search_page(request):
    actor = actor_from_request(request)
    form = SearchForm(request.GET or None, years=selectors.list_years(actor))
    result = None
    if form.is_valid() and form.cleaned_data["q"]:
        result = search.search_units(actor, form.to_request())
    return render(
        request,
        "documents/search.html",
        {"form": form, "result": result, "nav_active": "search"},
    )


@login_required
@shows_domain_errors
def language_version_add(request, slug: str):
    """Check a text in another language against the document's structure, then add it."""
    actor = actor_from_request(request)
    document = selectors.access_document(actor, slug)
    if not permissions.can_add_language_version(actor, document):
        raise NotPermitted(
            _("Only the Secretariat, or the Chair for a draft, can add a language version.")
        )
    missing = [lang for lang in ("en", "ru") if lang not in selectors.languages_of(document)]
    posted = request.method == "POST"
    form = LanguageVersionForm(
        request.POST if posted else None, request.FILES or None, languages=missing or ("en", "ru")
    )
    context = {"document": document, "form": form, "missing": missing, "nav_active": "documents"}
    if posted and form.is_valid():
        confirmed = form.cleaned_data["confirm"]
        try:
            outcome = services.import_document(
                actor=actor, request=form.to_request(document.slug, dry_run=not confirmed)
            )
        except import_rules.StructureMismatch as exc:
            form.add_error("text", exc.message)
            context["differences"] = exc.differences
        except DomainError as exc:
            form.add_error(form.field_for(exc.field), exc.message)
        else:
            if confirmed:
                language = outcome.parsed.language
                return redirect(
                    f"{reverse('documents:detail', args=[slug])}?lang={language}&view=both"
                )
            context.update(
                preview=outcome,
                counts=structure.counts(outcome.parsed),
                source=_as_text(form.cleaned_data["raw"]),
            )
    return render_form(request, "documents/language_version.html", context)


def _as_text(raw: bytes | str) -> str:
    """The text as read, carried to the confirming form; the check has read it already."""
    return raw if isinstance(raw, str) else parsing.read_text(raw).text
