"""One way to page a list, for pages and the API alike: from a queryset, of which the database
gives the count and one page's rows, never the whole list. Both refuse anything but a queryset,
so that a list loaded to be sliced fails its tests rather than slows a page as the data grows.
An API operation's schema reads the model objects of its page (see ``drafting/schemas.py``)."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from ninja import Field
from ninja.pagination import PageNumberPagination

from .schemas import InputSchema


def _queryset(items) -> QuerySet:
    if not isinstance(items, QuerySet):
        raise TypeError(f"A page is cut from a queryset, not from a {type(items).__name__}.")
    return items


class Pages(PageNumberPagination):
    """The API's pages (``@paginate(Pages, page_size=...)``): page numbers with a ceiling the
    database can hold."""

    class Input(InputSchema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)

    def paginate_queryset(self, queryset, pagination, request, **params):
        return super().paginate_queryset(_queryset(queryset), pagination, request, **params)


def page_of(request, queryset: QuerySet, per_page: int) -> Page:
    """The page of ``queryset`` a page's ``?page=`` asks for: the first for anything but a
    number, the last for a number past the end."""
    return Paginator(_queryset(queryset), per_page).get_page(request.GET.get("page"))
