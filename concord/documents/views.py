from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from concord.core.actors import actor_from_request
from concord.core.exceptions import DomainError, NotFound, NotPermitted
from concord.core.htmx import shows_domain_errors
from concord.core.pagination import page_of

from . import import_rules, permissions, reading, search, selectors, services
from .forms import DocumentFilterForm, ImportForm, SearchForm
from .parsing import ParagraphKind


def document_list(request):
    actor = actor_from_request(request)
    form = DocumentFilterForm(
        request.GET or None, years=selectors.list_years(actor), bodies=selectors.body_choices()
    )
    filters = form.cleaned_data if form.is_valid() else {}
    documents = selectors.list_documents(
        actor,
        doc_type=filters.get("type") or None,
        year=filters.get("year"),
        body=filters.get("body") or None,
        language=filters.get("language") or None,
        sort=filters.get("sort") or "-date",
    )
    page = page_of(request, documents, 25)
    rows = [(d, selectors.languages_of(d)) for d in page]
    return render(
        request,
        "documents/list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "can_import": permissions.can_import_documents(actor),
            "nav_active": "documents",
        },
    )


def document_detail(request, slug: str):
    actor = actor_from_request(request)
    try:
        document = selectors.access_document(actor, slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    languages = selectors.languages_of(document)
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in languages and languages:
        language = "en" if "en" in languages else languages[0]
    side_by_side = request.GET.get("view") == "both"
    text = selectors.current_text(document, language) if languages else None
    other = None
    if side_by_side:
        other_language = next((lang for lang in ("en", "ru") if lang != language), None)
        other = selectors.current_text(document, other_language)
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "ParagraphKind": ParagraphKind,
            "languages": languages,
            "language": language,
            "text": text,
            "reading": reading.context(text.structure, selectors.references_in(text))
            if text
            else None,
            "contents": reading.contents(text.structure) if text else [],
            "side_by_side": side_by_side,
            "other": other,
            "other_reading": (
                reading.context(other.structure, selectors.references_in(other)) if other else None
            ),
            "cited_by": selectors.list_citations(actor, document),
            "added_after_adoption": selectors.list_texts_added_after_adoption(actor, document),
            "drafting_history": selectors.sees_unpublished(actor) and languages,
            "missing": [lang for lang in ("en", "ru") if lang not in languages],
            "nav_active": "documents",
        },
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
    data, results = form.cleaned_data, []
    for upload in data["files"]:
        try:
            import_rules.check_size(upload.size, upload.name)
            outcome = services.import_document(
                actor=actor,
                raw=upload.read(),
                doc_type=data["type"] or None,
                language=data["language"] or None,
                adopt=data["adopt"],
                dry_run=data["dry_run"],
            )
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
