"""Every event code the audit trail knows, with a readable label."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.TextChoices):
    REFERENCE_DATA_LOADED = "members.reference_data_loaded", _("Reference data loaded")
    USER_CREATED = "accounts.user_created", _("Account created")
    USER_DEACTIVATED = "accounts.user_deactivated", _("Account deactivated")
    USER_REACTIVATED = "accounts.user_reactivated", _("Account reactivated")
    LOGGED_IN = "accounts.logged_in", _("Signed in")
    LOGGED_OUT = "accounts.logged_out", _("Signed out")
    PASSWORD_CHANGED = "accounts.password_changed", _("Password changed")
    PASSWORD_RESET = "accounts.password_reset", _("Password reset by e-mail link")
    TOKEN_ISSUED = "accounts.token_issued", _("API token issued")
    TOKEN_REVOKED = "accounts.token_revoked", _("API token revoked")
    MEMBER_ADMITTED = "members.member_admitted", _("Member State admitted")
    OBSERVER_ADMITTED = "members.observer_admitted", _("Observer status granted")
    OBSERVER_STATUS_ENDED = "members.observer_status_ended", _("Observer status ended")
    CHAIRMANSHIP_HANDED_OVER = "members.chairmanship_handed_over", _("Chairmanship handed over")
    DOCUMENTS_REGISTERED = "documents.registered", _("Documents registered")
    DOCUMENT_IMPORTED = "documents.imported", _("Document text imported")
    DOCUMENT_ADOPTED = "documents.adopted", _("Document adopted")
    DOCUMENT_RECORDED_AS_ADOPTED = (
        "documents.recorded_as_adopted",
        _("Document recorded as adopted by import (a decision taken elsewhere)"),
    )
    PROCEDURE_OPENED = "decisions.procedure_opened", _("Procedure opened")
    POSITION_STATED = "decisions.position_stated", _("Position stated")
    PROCEDURE_CLOSED = "decisions.procedure_closed", _("Procedure closed")
    REMINDER_SENT = "decisions.reminder_sent", _("Deadline reminder sent")
    MESSAGE_READ = "inbox.message_read", _("Message read")
    PROCEDURE_WITHDRAWN = "decisions.procedure_withdrawn", _("Procedure withdrawn")
    AMENDMENT_PROPOSED = "drafting.amendment_proposed", _("Amendment proposed")
    AMENDMENT_ACCEPTED = "drafting.amendment_accepted", _("Amendment accepted")
    AMENDMENT_REJECTED = "drafting.amendment_rejected", _("Amendment rejected")
    AMENDMENT_WITHDRAWN = "drafting.amendment_withdrawn", _("Amendment withdrawn")
    DRAFT_VERSION_CREATED = "drafting.version_created", _("New version of a draft")
    MEETINGS_LOADED = "meetings.loaded", _("Meetings loaded")
    MEETING_CONVENED = "meetings.convened", _("Meeting convened")
    CATALOGUE_LOADED = "catalogue.loaded", _("Catalogue loaded")
    MEASURE_ADDED = "catalogue.measure_added", _("Measure added to the catalogue")
    MEASURE_CHANGED = "catalogue.measure_changed", _("Measure of the catalogue changed")
