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
    PREFERENCES_CHANGED = "accounts.preferences_changed", _("Language or time zone changed")
    PASSWORD_RESET = "accounts.password_reset", _("Password reset by e-mail link")
    TOKEN_ISSUED = "accounts.token_issued", _("API token issued")
    TOKEN_REVOKED = "accounts.token_revoked", _("API token revoked")
    SIGN_IN_REFUSED = "accounts.sign_in_refused", _("Sign-in refused")
    SIGN_IN_LOCKED = "accounts.sign_in_locked", _("Sign-in locked after repeated failures")
    SIGN_IN_UNLOCKED = "accounts.sign_in_unlocked", _("Sign-in lockout lifted")
    TWO_FACTOR_ENROLLED = "accounts.two_factor_enrolled", _("Two-factor sign-in set up")
    TWO_FACTOR_VERIFIED = "accounts.two_factor_verified", _("Second factor given")
    TWO_FACTOR_REFUSED = "accounts.two_factor_refused", _("Second factor refused")
    RECOVERY_CODE_USED = "accounts.recovery_code_used", _("Recovery code used")
    RECOVERY_CODES_REPLACED = "accounts.recovery_codes_replaced", _("Recovery codes replaced")
    TWO_FACTOR_RESET = "accounts.two_factor_reset", _("Second factor reset")
    SESSION_EXPIRED = "accounts.session_expired", _("Signed out at the session's time limit")
    INVITATION_SENT = "accounts.invitation_sent", _("Invitation to set a password sent")
    INVITATION_ACCEPTED = "accounts.invitation_accepted", _("Password set through an invitation")
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
    DOCUMENT_TEXT_ADDED_AFTER_ADOPTION = (
        "documents.text_added_after_adoption",
        _("Language added by import to a version adopted by procedure"),
    )
    PROCEDURE_OPENED = "decisions.procedure_opened", _("Procedure opened")
    POSITION_STATED = "decisions.position_stated", _("Position stated")
    PROCEDURE_CLOSED = "decisions.procedure_closed", _("Procedure closed")
    REMINDER_SENT = "decisions.reminder_sent", _("Deadline reminder sent")
    MESSAGE_READ = "inbox.message_read", _("Message read")
    DELIVERY_FAILED = "inbox.delivery_failed", _("E-mail could not be delivered")
    DELIVERY_SENT_AGAIN = "inbox.delivery_sent_again", _("E-mail sent again")
    PROCEDURE_WITHDRAWN = "decisions.procedure_withdrawn", _("Procedure withdrawn")
    PROCEDURE_VERSION_KEPT = (
        "decisions.procedure_version_kept",
        _("Procedure kept on its version despite a later one"),
    )
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
    HEAD_SIGNED_ANEW = "audit.head_signed_anew", _("Audit chain's head signed with a new key")
