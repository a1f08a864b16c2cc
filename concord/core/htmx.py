"""How a page answers a DomainError. A refusal of what a form asked lands on the form
(`core.forms.ServiceForm`), which the page shows again with 422; any other refusal is the page's
message, a whole page or an htmx fragment, with the error's own status."""

import functools

from django.shortcuts import render

from .exceptions import DomainError


def domain_error_response(request, exc: DomainError):
    template = "partials/error.html" if request.htmx else "error.html"
    return render(request, template, {"error": exc}, status=exc.status)


def shows_domain_errors(view):
    """A DomainError escaping `view` (a loader's NotFound, a check's NotPermitted, a step's
    InvalidTransition) becomes the message of the page or of the htmx fragment."""

    @functools.wraps(view)
    def answered(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            return domain_error_response(request, exc)

    return answered


def render_form(request, template: str, context: dict, *, fragment: str | None = None, form=None):
    """The page of `form` (by default ``context["form"]``), or for htmx its `fragment`, with 422
    while the form holds an error, so that the browser and htmx know the input was refused."""
    form = context["form"] if form is None else form
    chosen = fragment if fragment and request.htmx else template
    return render(request, chosen, context, status=422 if form.errors else 200)
