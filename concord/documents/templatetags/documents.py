from django import template

from concord.documents.reading import link

register = template.Library()


@register.simple_tag(takes_context=True)
def linked(context, text: str, uid: str, offset: int = 0):
    """The unit's text with its mentions of registered documents linked."""
    return link(text or "", context.get("refs", {}).get(uid, []), offset)
