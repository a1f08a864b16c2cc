from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("import/", views.document_import, name="import"),
    path("<slug:slug>/", views.document_detail, name="detail"),
    path("<slug:slug>/languages/", views.language_version_add, name="add_language"),
]
