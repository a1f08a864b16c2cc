from django.db import migrations, models
from django.utils import timezone


def revoke_the_links_of_deactivated_accounts(apps, schema_editor):
    """Deactivations before this migration left their links to come back with a reactivation."""
    Invitation = apps.get_model("accounts", "Invitation")
    now = timezone.now()
    Invitation.objects.filter(
        user__is_active=False, accepted_at__isnull=True, expires_at__gt=now
    ).update(revoked_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_token_expiry_required_invitations"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="revoked_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(revoke_the_links_of_deactivated_accounts, migrations.RunPython.noop),
    ]
