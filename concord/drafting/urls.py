from django.urls import path

from . import views

app_name = "drafting"
STEPS = ("accept", "reject", "withdraw")

urlpatterns = [
    path("", views.draft_list, name="list"),
    path("<slug:slug>/", views.draft_detail, name="detail"),
    path("<slug:slug>/compare/", views.compare, name="compare"),
    path("<slug:slug>/amendments/", views.amendment_propose, name="propose"),
    path("<slug:slug>/amendments/wording/", views.amendment_wording, name="wording"),
    *(
        path(
            f"<slug:slug>/amendments/<int:amendment_id>/{step}/",
            views.amendment_step,
            {"step": step},
            name=step,
        )
        for step in STEPS
    ),
    path("<slug:slug>/versions/", views.version_incorporate, name="incorporate"),
]
