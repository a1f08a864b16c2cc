from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from concord.core.i18n import LANGUAGE_NAMES, localized
from concord.core.models import Precision

register = template.Library()

# A month named with its year and no day ("June 1999"; in Russian the nominative, "июнь").
MONTHS = {
    1: pgettext_lazy("a month in 'June 1999'", "January"),
    2: pgettext_lazy("a month in 'June 1999'", "February"),
    3: pgettext_lazy("a month in 'June 1999'", "March"),
    4: pgettext_lazy("a month in 'June 1999'", "April"),
    5: pgettext_lazy("a month in 'June 1999'", "May"),
    6: pgettext_lazy("a month in 'June 1999'", "June"),
    7: pgettext_lazy("a month in 'June 1999'", "July"),
    8: pgettext_lazy("a month in 'June 1999'", "August"),
    9: pgettext_lazy("a month in 'June 1999'", "September"),
    10: pgettext_lazy("a month in 'June 1999'", "October"),
    11: pgettext_lazy("a month in 'June 1999'", "November"),
    12: pgettext_lazy("a month in 'June 1999'", "December"),
}


@register.filter
def approx_date(value, precision: str = Precision.DAY) -> str:
    """A date shown only as precisely as the sources know it: "1999", "June 1999", "14 September
    1999" (in Russian "1999 г.", "июнь 1999 г.", "14 сентября 1999 г.", as Django's own Russian
    formats write them)."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return pgettext("a year alone", "%(year)s") % {"year": value.year}
    if precision == Precision.MONTH:
        return pgettext("a month and its year", "%(month)s %(year)s") % {
            "month": MONTHS[value.month],
            "year": value.year,
        }
    if precision == Precision.BY:
        return _("by %(year)s") % {"year": value.year}
    return date_filter(value, pgettext("date format of a day", "j E Y"))


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
