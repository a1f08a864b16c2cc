from django.urls import include, path

from concord.documents import views as document_views
from config.api import api

urlpatterns = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("concord.accounts.urls")),
    path("audit/", include("concord.audit.urls")),
    path("members/", include("concord.members.urls")),
    path("documents/", include("concord.documents.urls")),
    path("meetings/", include("concord.meetings.urls")),
    path("catalogue/", include("concord.catalogue.urls")),
    path("drafts/", include("concord.drafting.urls")),
    path("decisions/", include("concord.decisions.urls")),
    path("inbox/", include("concord.inbox.urls")),
    path("search", document_views.search_page, name="search"),
    path("", include("concord.site.urls")),
]
