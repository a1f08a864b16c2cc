from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "concord.decisions"
    label = "decisions"
    verbose_name = _("Decisions")

    def ready(self):
        from concord.documents import selectors as documents

        from . import selectors

        if selectors.list_held_texts not in documents.HELD_TEXT_SOURCES:
            documents.HELD_TEXT_SOURCES.append(selectors.list_held_texts)
