import datetime as dt

from django.db import migrations, models
from django.db.models import F


def tokens_issued_before_expire_after_the_default(apps, schema_editor):
    """Tokens issued before expiry existed get the default lifetime from their issue."""
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=F("created_at") + dt.timedelta(days=90)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="credentials_epoch",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        # Tokens issued before scopes existed could do everything their owner could.
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "read only"), ("write", "read and write")],
                default="write",
                max_length=8,
                verbose_name="scope",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.RunPython(
            tokens_issued_before_expire_after_the_default, migrations.RunPython.noop
        ),
    ]
