from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "concord.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from concord.audit import names

        from . import selectors

        names.register(selectors.titles_by_slug)
