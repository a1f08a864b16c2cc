from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "concord.site"
    label = "site"
