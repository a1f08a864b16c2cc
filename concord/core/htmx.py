"""Turn a DomainError into a page (or an htmx fragment) with the matching status."""

from django.shortcuts import render

from .exceptions import DomainError


def domain_error_response(request, exc: DomainError):
    template = "partials/error.html" if request.htmx else "error.html"
    return render(request, template, {"error": exc}, status=exc.status)
