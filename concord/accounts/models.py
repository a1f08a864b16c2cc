"""People who use Concord, the role they hold and the participant they act for."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F, Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from concord.core import clock
from concord.members.models import Participant

# One limit per input, shared by the column, the form, the API schema and the service.
EMAIL_MAX_LENGTH = 254
DISPLAY_NAME_MAX_LENGTH = 150
TOKEN_NAME_MAX_LENGTH = 100
# Hashing is deliberately slow; an unbounded password would make it a lever for denial of service.
PASSWORD_MAX_LENGTH = 4096
TIME_ZONE_MAX_LENGTH = 64  # the longest IANA name is 32 characters


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat officer")
    CHAIR = "chair", _("Chair")
    COORDINATOR = "coordinator", _("National coordinator")
    DELEGATE = "delegate", _("Delegate")
    OBSERVER = "observer", _("Observer")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.SECRETARIAT)
        return self.create_user(email, password, **fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True, max_length=EMAIL_MAX_LENGTH)
    display_name = models.CharField(_("name"), max_length=DISPLAY_NAME_MAX_LENGTH, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role)
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("acts for"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    # Blank: not chosen. The pages then follow the browser, and messages the site's language.
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    # Blank: not chosen, the site's TIME_ZONE. An IANA name, checked by the service.
    time_zone = models.CharField(_("time zone"), max_length=TIME_ZONE_MAX_LENGTH, blank=True)
    # Moved on at deactivation and reactivation: it is part of the session hash and of the
    # password-reset link, so every session and link issued before dies with it.
    credentials_epoch = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role=Role.SECRETARIAT) | Q(participant__isnull=False),
                name="user_bound_unless_secretariat",
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def _get_session_auth_hash(self, secret=None):
        # Django's hash covers the password only (a change of password ends other sessions);
        # the epoch ends them on deactivation and reactivation too. Overriding the private
        # method keeps Django's SECRET_KEY_FALLBACKS handling, which calls it with `secret`.
        return salted_hmac(
            "concord.accounts.User.session_auth_hash",
            f"{self.password}:{self.credentials_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class TokenScope(models.TextChoices):
    READ = "read", _("read only")
    WRITE = "write", _("read and write")


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 digest is stored; the token is shown once."""

    class Status(models.TextChoices):
        """Not a column: what the token is now (``status``), from when it expires or was revoked."""

        ACTIVE = "active", _("active")
        EXPIRED = "expired", _("expired")
        REVOKED = "revoked", _("revoked")

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=TOKEN_NAME_MAX_LENGTH)
    prefix = models.CharField(max_length=16)
    digest = models.CharField(max_length=64, unique=True)
    scope = models.CharField(_("scope"), max_length=8, choices=TokenScope)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=TokenScope.values), name="api_token_scope_known"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="api_token_expires_after_issue"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def status(self) -> Status:
        if self.revoked_at is not None:
            return self.Status.REVOKED
        return self.Status.EXPIRED if self.expires_at <= clock.now() else self.Status.ACTIVE


class Invitation(models.Model):
    """A one-time link with which a new account sets its first password. The link's secret is
    an HMAC of this row under the server's key: it is never stored, so reading the database
    (or the task queue) does not give it away. A deactivation revokes it for good, so that a
    later reactivation does not bring an old link back to life."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="invitations")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="invitation_expires_after_issue"
            ),
        ]

    def __str__(self) -> str:
        return f"invitation #{self.pk} for {self.user_id}"
