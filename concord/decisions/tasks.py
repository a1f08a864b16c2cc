"""Background work: a silence procedure closes at its deadline even if nobody looks."""

from django_tasks import task

from . import services


@task()
def settle_procedure(procedure_id: int) -> bool:
    return services.settle(procedure_id)


@task()
def remind_procedure(procedure_id: int) -> bool:
    return services.remind(procedure_id)
