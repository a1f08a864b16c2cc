from django.shortcuts import render

from concord.core import clock
from concord.members import selectors as registry


def home(request):
    today = clock.today()
    return render(
        request,
        "site/home.html",
        {
            "today": today,
            "counts": registry.count_on(today),
            "chair": registry.chairmanship_on(today),
            "nav_active": "home",
        },
    )
