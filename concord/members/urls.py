from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("structure/", views.structure, name="structure"),
    path("<str:code>/", views.member_detail, name="detail"),
]
