import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Concord with gunicorn (static files through whitenoise) and a task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start a task worker (run `concord worker` elsewhere)",
        )

    def handle(self, *args, host, port, workers, no_worker, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]}
        children = []
        if not no_worker:
            children.append(
                subprocess.Popen([sys.executable, "-m", "concord.cli", "worker"], env=env)
            )
        web = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"{host}:{port}", "--workers", str(workers),
                "--no-control-socket", "--access-logfile", "-",
            ],
            env=env,
        )  # fmt: skip
        children.append(web)
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(f"Concord is serving on http://{host}:{port}/ (database: {engine})")

        def stop(*_):
            for child in children:
                child.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        code = web.wait()
        stop()
        for child in children:
            child.wait()
        sys.exit(code)
