from django.http import Http404
from django.shortcuts import render

from concord.core.exceptions import NotFound

from . import selectors


def catalogue(request):
    return render(
        request,
        "catalogue/list.html",
        {"dimensions": selectors.list_dimensions(), "nav_active": "catalogue"},
    )


def measure_detail(request, code: str):
    try:
        measure = selectors.get_measure(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(
        request, "catalogue/measure.html", {"measure": measure, "nav_active": "catalogue"}
    )
