from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext as _

from concord.core.i18n import localized

register = template.Library()


@register.filter
def approx_date(value, precision: str = "day") -> str:
    """A date shown only as precisely as the sources know it."""
    if value is None:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return date_filter(value, "F Y")
    if precision == "by":
        return _("by %(year)s") % {"year": value.year}
    return date_filter(value, "j E Y")


@register.filter
def tr(obj, field: str) -> str:
    """`obj.<field>_<active language>`, falling back to English."""
    return localized(obj, field)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for sort links and pages)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
