"""The site shell: navigation that shows only what works for this visitor."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from concord.accounts import permissions
from concord.core.actors import actor_from_request
from concord.drafting import permissions as drafting
from concord.inbox import permissions as inbox_permissions
from concord.inbox import selectors as inbox_selectors


def shell(request):
    actor = actor_from_request(request)
    nav = [
        (reverse("site:home"), _("Home"), "home"),
        (reverse("members:list"), _("Members"), "members"),
        (reverse("members:structure"), _("Structure"), "structure"),
        (reverse("documents:list"), _("Documents"), "documents"),
        (reverse("meetings:list"), _("Meetings"), "meetings"),
        (reverse("catalogue:list"), _("CBM Catalogue"), "catalogue"),
        (reverse("search"), _("Search"), "search"),
    ]
    if actor.user is not None:
        if drafting.can_read_drafts(actor):
            nav.append((reverse("drafting:list"), _("Drafts"), "drafts"))
        nav.append((reverse("decisions:list"), _("Decisions"), "decisions"))
        unread = inbox_selectors.unread_count(actor)
        inbox_label = _("Inbox (%(n)s)") % {"n": unread} if unread else _("Inbox")
        nav.append((reverse("inbox:list"), inbox_label, "inbox"))
        nav.append((reverse("accounts:account"), _("My account"), "account"))
    if permissions.can_manage_accounts(actor):
        nav.append((reverse("accounts:users"), _("Accounts"), "users"))
    if inbox_permissions.can_manage_deliveries(actor):
        nav.append(_deliveries_item(actor))
    if permissions.can_read_audit(actor):
        nav.append((reverse("audit:list"), _("Audit trail"), "audit"))
    nav.append(("/api/docs", _("API"), "api"))
    return {"nav_items": nav, "actor": actor}


def _deliveries_item(actor):
    """E-mail that could not be sent shows in the Secretariat's navigation, with a count."""
    problems = inbox_selectors.problem_count(actor)
    if not problems:
        return (reverse("inbox:deliveries"), _("E-mail"), "deliveries")
    label = ngettext("E-mail (%(n)s problem)", "E-mail (%(n)s problems)", problems)
    return (f"{reverse('inbox:deliveries')}?status=problem", label % {"n": problems}, "deliveries")
