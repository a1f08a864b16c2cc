from django.db import migrations


def reread_texts(apps, schema_editor):
    """Enacting words and preamble clauses used to be stored without the ";" or "," that closes
    them. Each text is read again from its source, so that its structure, its units and its
    content hash carry the source's characters; a text whose units would change (not expected:
    only the closing punctuation differs) is left as it is."""
    from concord.documents import parsing
    from concord.documents.services import content_hash

    Text = apps.get_model("documents", "Text")
    Unit = apps.get_model("documents", "Unit")
    for text in Text.objects.iterator():
        try:
            parsed = parsing.parse(text.source_text, language=text.language)
        except parsing.ParseError:
            continue
        structure = parsed.to_dict()
        if structure == text.structure:
            continue
        contents = {unit["id"]: unit["text"] for unit in parsed.units()}
        units = list(Unit.objects.filter(text=text))
        if {unit.uid for unit in units} != set(contents):
            continue
        changed = [unit for unit in units if unit.content != contents[unit.uid]]
        for unit in changed:
            unit.content = contents[unit.uid]
        Unit.objects.bulk_update(changed, ["content"])
        text.structure = structure
        text.content_hash = content_hash(parsed)
        text.save(update_fields=["structure", "content_hash"])


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_unit_kind_choices")]

    operations = [migrations.RunPython(reread_texts, migrations.RunPython.noop)]
