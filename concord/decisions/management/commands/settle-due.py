"""concord settle-due [--for-real]: settle the silence procedures whose deadline has passed."""

from django.core.management.base import BaseCommand, CommandError

from concord.decisions import selectors, services


class Command(BaseCommand):
    help = (
        "The task worker settles each silence procedure at its deadline. When /healthz reports "
        "settlements overdue and the worker is running, a task failed (the worker does not run "
        "it again): this lists the procedures due and, with --for-real, settles them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--for-real", action="store_true", help="settle (default: dry run)")

    def handle(self, *args, for_real, **options):
        due = list(selectors.list_due())
        for procedure in due:
            self.stdout.write(f"#{procedure.pk} {procedure.title}: due since {procedure.deadline}")
        if not for_real:
            self.stdout.write(f"Dry run: {len(due)} due, none settled. Add --for-real to settle.")
            return
        settled, refused = services.settle_due()
        self.stdout.write(f"Settled {len(settled)}.")
        if refused:
            raise CommandError(
                "; ".join(f"#{pk} not settled: {why}" for pk, why in refused.items())
            )
