from django.urls import path

from . import views

app_name = "inbox"
urlpatterns = [
    path("", views.inbox, name="list"),
    path("<int:message_id>/read/", views.read, name="read"),
]
