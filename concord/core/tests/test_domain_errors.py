"""The one way a page answers a DomainError: on the field it names, in the form's summary, or
as the page's message, for a whole page and for an htmx fragment alike."""

import pytest
from django import forms
from django.test import Client
from django.urls import path

from concord.core.exceptions import (
    DomainError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    NotPermitted,
)
from concord.core.forms import ServiceForm
from concord.core.htmx import render_form, shows_domain_errors
from config.urls import urlpatterns as site_urlpatterns

REFUSALS = {
    400: DomainError,
    403: NotPermitted,
    404: NotFound,
    409: InvalidTransition,
    422: InvalidInput,
}
# The whole page shows the error summary; the htmx fragment the fields, each with its error.
PAGE = "accounts/partials/error_summary.html"
FRAGMENT = "partials/form_fields.html"
HTMX = {"HTTP_HX_REQUEST": "true"}
VALID = {"name": "Delhi", "version": "2"}


class NoteForm(ServiceForm, forms.Form):
    error_fields = {"title": "name"}

    name = forms.CharField(label="Name")
    version = forms.IntegerField(widget=forms.HiddenInput)


def refuse(status: int, field: str | None):
    def service(**arguments):
        raise REFUSALS[status]("Refused here.", field=field)

    return service


@shows_domain_errors
def form_page(request, status: int, field: str = ""):
    form = NoteForm(request.POST)
    form.submit(refuse(status, field or None))
    return render_form(request, PAGE, {"form": form}, fragment=FRAGMENT)


@shows_domain_errors
def message_page(request, status: int):
    raise REFUSALS[status]("Refused here.", field="name")


urlpatterns = [
    path("refused/<int:status>/", form_page),
    path("refused/<int:status>/<str:field>/", form_page),
    path("message/<int:status>/", message_page),
    *site_urlpatterns,
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]
STATUSES = pytest.mark.parametrize("status", sorted(REFUSALS))


@STATUSES
def test_an_error_naming_a_field_lands_on_that_field(status):
    page = Client().post(f"/refused/{status}/name/", VALID)
    fragment = Client().post(f"/refused/{status}/name/", VALID, **HTMX)
    assert (page.status_code, fragment.status_code) == (422, 422)
    assert page.context["form"].errors == {"name": ["Refused here."]}
    assert '<li><a href="#id_name">Name: Refused here.</a></li>' in page.content.decode()
    html = fragment.content.decode()
    assert '<div class="govuk-form-group govuk-form-group--error">' in html
    assert (
        '<p class="govuk-error-message" id="id_name_error" role="alert">Refused here.</p>' in html
    )
    assert '<div class="govuk-error-message" role="alert">' not in html


@STATUSES
@pytest.mark.parametrize("field", ["", "version", "nowhere"])
def test_an_error_on_no_field_shown_lands_in_the_summary(status, field):
    """No field, a hidden field, or a field the form does not have: the summary says it."""
    page = Client().post(f"/refused/{status}/{field}/".replace("//", "/"), VALID)
    fragment = Client().post(f"/refused/{status}/{field}/".replace("//", "/"), VALID, **HTMX)
    assert (page.status_code, fragment.status_code) == (422, 422)
    assert page.context["form"].errors == {"__all__": ["Refused here."]}
    assert "<li>Refused here.</li>" in page.content.decode()
    assert '<div class="govuk-error-message" role="alert"><p>Refused here.</p></div>' in (
        fragment.content.decode()
    )


def test_the_apis_name_of_a_field_finds_the_forms_own():
    page = Client().post("/refused/422/title/", VALID)
    assert page.context["form"].errors == {"name": ["Refused here."]}


def test_a_form_the_fields_refuse_does_not_reach_the_service():
    page = Client().post("/refused/409/", {"name": "", "version": "2"})
    assert page.status_code == 422
    assert "Refused here." not in page.content.decode()


@STATUSES
def test_an_error_outside_a_form_is_the_pages_message_with_its_status(status):
    page = Client().get(f"/message/{status}/")
    fragment = Client().get(f"/message/{status}/", **HTMX)
    assert (page.status_code, fragment.status_code) == (status, status)
    assert page.templates[0].name == "error.html"
    assert '<p class="govuk-body" role="alert">Refused here.</p>' in page.content.decode()
    assert (
        fragment.content.decode().strip()
        == '<p class="govuk-error-message" role="alert">Refused here.</p>'
    )


def test_submit_gives_the_service_the_cleaned_data_and_returns_its_answer():
    form = NoteForm(VALID)
    assert form.submit(lambda **arguments: arguments, as_of="today") == {
        "as_of": "today",
        "name": "Delhi",
        "version": 2,
    }
    assert not form.errors


def test_an_unbound_form_is_not_submitted():
    called = []
    assert NoteForm().submit(lambda **arguments: called.append(arguments)) is None
    assert called == []
