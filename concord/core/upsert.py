"""Reference data loaders add the rows of versioned files and refresh what only describes them,
counting what changed.

The files tell the forum's history up to a release; from then on the forum's own decisions
write it (an accession ends an observer period, a new Chair ends the running term). A reload
must never undo a decision, so a loader never touches a row a decision made, and writes a
value a decision may change since (a period's end, who holds it) only when it creates the row.
A period in the files is therefore read once; a later correction to it is the forum's decision
or a migration, not a reload.
"""

from collections.abc import Callable

# The source of every row the forum's decisions made: "consensus procedure #12".
DECIDED = "consensus procedure"


def made_by_decision(obj) -> bool:
    return obj.source.startswith(DECIDED)


class Upsert:
    """Create or update rows by natural key; count what changed so a re-run can say "nothing"."""

    def __init__(self):
        self.created: dict[str, int] = {}
        self.updated: dict[str, int] = {}

    def __call__(
        self,
        model,
        lookup: dict,
        values: dict,
        *,
        on_create: dict | None = None,
        decided: Callable[[object], bool] | None = None,
    ):
        """The row of `model` found by `lookup`, created with `values` and `on_create` if
        missing. An existing row gets `values` only, and nothing at all when `decided(row)`
        says the forum's decisions made or changed it."""
        obj = model.objects.filter(**lookup).first()
        label = model._meta.model_name
        if obj is None:
            obj = model.objects.create(**lookup, **values, **(on_create or {}))
            self.created[label] = self.created.get(label, 0) + 1
            return obj
        if decided is not None and decided(obj):
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(update_fields=changed)
            self.updated[label] = self.updated.get(label, 0) + 1
        return obj

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    @property
    def summary(self) -> dict:
        return {"created": self.created, "updated": self.updated}


def describe(summary: dict) -> str:
    """ "45 participant created, 1 body updated", or "nothing changed"."""
    parts = [f"{n} {k} created" for k, n in summary["created"].items()]
    parts += [f"{n} {k} updated" for k, n in summary["updated"].items()]
    return ", ".join(parts) or "nothing changed"
