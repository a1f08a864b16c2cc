from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext as _

from concord.core.i18n import LANGUAGE_NAMES, localized
from concord.core.models import Precision

register = template.Library()


@register.filter
def approx_date(value, precision: str = Precision.DAY) -> str:
    """A date shown only as precisely as the sources know it."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        return date_filter(value, "F Y")
    if precision == Precision.BY:
        return _("by %(year)s") % {"year": value.year}
    return date_filter(value, "j E Y")


@register.filter
def tr(obj, field: str) -> str:
    """`obj.<field>_<active language>`, falling back to English."""
    return localized(obj, field)


@register.filter
def language_name(code: str) -> str:
    """A language by its own name ("English", "Русский"), never by its code."""
    return LANGUAGE_NAMES.get(code, code)


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
