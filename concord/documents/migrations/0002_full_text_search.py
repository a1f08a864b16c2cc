"""Full-text indexes: an FTS5 table kept by triggers on SQLite; a tsvector column kept by a
trigger (Russian or English stemming by the text's language) and a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE documents_unit_fts USING fts5(
           content, content='documents_unit', content_rowid='id',
           tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER documents_unit_fts_insert AFTER INSERT ON documents_unit BEGIN
           INSERT INTO documents_unit_fts(rowid, content) VALUES (new.id, new.content); END""",
    """CREATE TRIGGER documents_unit_fts_delete AFTER DELETE ON documents_unit BEGIN
           INSERT INTO documents_unit_fts(documents_unit_fts, rowid, content)
           VALUES ('delete', old.id, old.content); END""",
    """CREATE TRIGGER documents_unit_fts_update AFTER UPDATE OF content ON documents_unit BEGIN
           INSERT INTO documents_unit_fts(documents_unit_fts, rowid, content)
           VALUES ('delete', old.id, old.content);
           INSERT INTO documents_unit_fts(rowid, content) VALUES (new.id, new.content); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS documents_unit_fts_update",
    "DROP TRIGGER IF EXISTS documents_unit_fts_delete",
    "DROP TRIGGER IF EXISTS documents_unit_fts_insert",
    "DROP TABLE IF EXISTS documents_unit_fts",
]
POSTGRES = [
    """CREATE FUNCTION documents_unit_search_vector() RETURNS trigger AS $$
       BEGIN
         NEW.search_vector := to_tsvector(
           CASE (SELECT language FROM documents_text WHERE id = NEW.text_id)
             WHEN 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END,
           NEW.content);
         RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER documents_unit_search_vector BEFORE INSERT OR UPDATE OF content, text_id
       ON documents_unit FOR EACH ROW EXECUTE FUNCTION documents_unit_search_vector()""",
    "CREATE INDEX documents_unit_search_gin ON documents_unit USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS documents_unit_search_gin",
    "DROP TRIGGER IF EXISTS documents_unit_search_vector ON documents_unit",
    "DROP FUNCTION IF EXISTS documents_unit_search_vector()",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
