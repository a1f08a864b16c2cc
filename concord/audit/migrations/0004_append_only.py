from django.db import migrations


def install(apps, schema_editor):
    from concord.audit import guard

    guard.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from concord.audit import guard

    guard.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    """The audit table refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL): `guard.py`."""

    dependencies = [
        ("audit", "0003_chain_head_signature"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
