from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("open/", views.procedure_open, name="open"),
    path("<int:procedure_id>/", views.procedure_detail, name="detail"),
    path("<int:procedure_id>/positions/", views.position_state, name="position"),
    path("<int:procedure_id>/close/", views.procedure_close, name="close"),
    path("<int:procedure_id>/withdraw/", views.procedure_withdraw, name="withdraw"),
    path("<int:procedure_id>/reopen/", views.procedure_reopen, name="reopen"),
    path("<int:procedure_id>/keep/", views.procedure_keep, name="keep"),
]
