from django.db import migrations


def install(apps, schema_editor):
    from concord.audit import guard

    guard.install(schema_editor.connection)


class Migration(migrations.Migration):
    """The audit table refuses an insert over an entry (SQLite's INSERT OR REPLACE): `guard.py`.
    Going back leaves the guard as it is: 0004's own reversal removes all of it."""

    dependencies = [
        ("audit", "0004_append_only"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
