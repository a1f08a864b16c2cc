from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "concord.decisions"
    label = "decisions"
    verbose_name = _("Decisions")

    def ready(self):
        from concord.documents import selectors as documents
        from concord.documents import services as document_services

        from . import selectors, superseding

        if selectors.list_held_texts not in documents.HELD_TEXT_SOURCES:
            documents.HELD_TEXT_SOURCES.append(selectors.list_held_texts)
        if superseding.notice_superseded not in document_services.VERSION_MADE:
            document_services.VERSION_MADE.append(superseding.notice_superseded)
