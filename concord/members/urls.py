from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("structure/", views.structure, name="structure"),
    path("changes/", views.member_changes, name="changes"),
    path("<str:code>/", views.member_detail, name="detail"),
]
