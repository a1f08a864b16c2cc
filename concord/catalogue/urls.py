from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.catalogue, name="list"),
    path("measures/<str:code>/", views.measure_detail, name="measure"),
]
