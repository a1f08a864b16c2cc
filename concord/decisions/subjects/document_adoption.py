from django.utils.translation import gettext as _

from concord.core.exceptions import InvalidInput, InvalidTransition
from concord.core.i18n import current_language
from concord.documents import selectors as documents
from concord.documents import services as document_services
from concord.documents.models import Document, Version

from ..choices import SubjectType
from .base import Matter, Subject, lock, open_procedures

FIELD = "subject.version"


class DocumentAdoption(Subject):
    """A version of a document, named in ``subject.version``, is adopted and frozen; it is
    circulated while under decision."""

    name, label = SubjectType.DOCUMENT_ADOPTION, SubjectType.DOCUMENT_ADOPTION.label
    needs, template = ("version",), "decisions/subjects/document_adoption.html"

    def check(self, request, *, today, decided_by):
        version = Version.objects.select_related("document").filter(pk=request.version).first()
        if version is None:
            raise InvalidInput(_("Name the version of the document under decision."), field=FIELD)
        if version.frozen or version.document.status == Document.Status.ADOPTED:
            raise InvalidInput(
                _("That document was adopted already; its adopted version is frozen."),
                field=FIELD,
            )
        return Matter(version=version)

    def refuse_rival(self, matter):
        document = matter.version.document
        lock(Document, document.pk)
        if open_procedures().filter(subject=self.name, version__document=document):
            raise InvalidTransition(
                _("A procedure on the adoption of “%(title)s” is already open.")
                % {"title": documents.document_name(document)},
                field=FIELD,
                document=documents.document_link(document),
            )

    def circulate(self, procedure, *, under_decision):
        document_services.set_circulated(procedure.version.document, under_decision)

    def take_effect(self, procedure, *, on, actor):
        document = document_services.adopt_version(
            actor=actor, version=procedure.version, on=on, at=procedure.held_at
        )
        return {"document": document.slug}

    def suggest_title(self, request):
        version = Version.objects.select_related("document").filter(pk=request.version).first()
        if version is None:
            return ""
        return _("Adoption of %(title)s") % {"title": version.document.title}

    def describe(self, procedure):
        return {"units": documents.labelled_units(procedure.version, current_language())}
