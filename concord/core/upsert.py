"""Reference data loaders bring rows in line with versioned files, counting what changed."""


class Upsert:
    """Create or update rows by natural key; count what changed so a re-run can say "nothing"."""

    def __init__(self):
        self.created: dict[str, int] = {}
        self.updated: dict[str, int] = {}

    def __call__(self, model, lookup: dict, values: dict):
        obj = model.objects.filter(**lookup).first()
        label = model._meta.model_name
        if obj is None:
            obj = model.objects.create(**lookup, **values)
            self.created[label] = self.created.get(label, 0) + 1
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
