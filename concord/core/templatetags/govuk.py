"""A form field's widget drawn with the GOV.UK Design System's classes."""

from django import forms, template

register = template.Library()

CLASSES = {
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
    forms.CheckboxInput: "govuk-checkboxes__input",
}


def widget_class(widget) -> str:
    for kind, name in CLASSES.items():
        if isinstance(widget, kind):
            return name
    return "govuk-input"


@register.filter
def govuk_widget(field):
    """The widget with its GOV.UK class (and error modifier), described by its hint and error."""
    widget = field.field.widget
    name = widget_class(widget)
    classes = [name, widget.attrs.get("class", "")]
    if field.errors and name != "govuk-checkboxes__input":
        classes.append(f"{name}--error")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {"class": " ".join(c for c in classes if c)}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def is_radio(field) -> bool:
    return isinstance(field.field.widget, forms.RadioSelect)
