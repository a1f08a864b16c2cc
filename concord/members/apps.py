from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "concord.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self):
        from concord.audit import names

        from . import selectors

        names.register(selectors.names_by_code)
