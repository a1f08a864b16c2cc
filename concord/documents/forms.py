from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.exceptions import DomainError

from .import_rules import check_size
from .models import DocumentType
from .requests import ImportRequest
from .search import SearchRequest


class DocumentFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    body = forms.ChoiceField(label=_("Adopted by"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any")), ("en", _("English")), ("ru", _("Russian"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-date", _("Newest first")),
            ("date", _("Oldest first")),
            ("title", _("Title")),
            ("type", _("Type")),
        ],
    )

    def __init__(self, *args, years=(), bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *DocumentType.choices]
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]
        if "body" in self.fields:
            self.fields["body"].choices = [("", _("Any body")), *bodies]

    def filters(self) -> dict:
        """The keywords of ``selectors.list_documents``: none while the form is unbound or
        invalid, so the page lists everything rather than refusing."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "doc_type": data.get("type") or None,
            "year": data.get("year"),
            "body": data.get("body") or None,
            "language": data.get("language") or None,
            "sort": data.get("sort") or "-date",
        }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(d, initial) for d in data]
        # No file chosen arrives as an empty list: cleaned as one missing file, it is refused.
        return [single(data or None, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        allow_empty_file=True,  # the importer itself names an empty file in its summary
        label=_("Text files"),
        error_messages={"required": _("Choose at least one text file.")},
        help_text=_("Plain text or light Markdown; UTF-8 or Windows-1251."),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect")), ("en", _("English")), ("ru", _("Russian"))],
    )
    adopt = forms.BooleanField(
        label=_("Already adopted (a historical document): publish it and freeze its text"),
        required=False,
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: show what would be imported, change nothing"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Detect from the title")), *DocumentType.choices]

    def to_request(self, raw: bytes) -> ImportRequest:
        """The request for one of the files: the options are the same for each."""
        data = self.cleaned_data
        return ImportRequest(
            raw=raw,
            doc_type=data["type"] or None,
            language=data["language"] or None,
            adopt=data["adopt"],
            dry_run=data["dry_run"],
        )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), max_length=200, required=False)
    lang = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any")), ("en", _("English")), ("ru", _("Russian"))],
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    page = forms.IntegerField(
        required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *DocumentType.choices]
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]

    def to_request(self) -> SearchRequest:
        data = self.cleaned_data
        return SearchRequest(
            query=data["q"],
            language=data["lang"] or None,
            doc_type=data["type"] or None,
            year=data["year"],
            page=data["page"] or 1,
        )


LANGUAGE_NAMES = {"en": _("English"), "ru": _("Russian")}


class LanguageVersionForm(forms.Form):
    """The text of a document in another language: pasted, or a file. The first submission
    checks it (a dry run); the second, ``confirm``, adds it."""

    language = forms.ChoiceField(label=_("Language of the text"))
    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=_("Paste the whole text, title to closing line, or choose a file below."),
    )
    file = forms.FileField(
        label=_("Or a text file"),
        required=False,
        allow_empty_file=True,
        help_text=_("Plain text or light Markdown; UTF-8 or Windows-1251."),
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, languages=("en", "ru"), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, LANGUAGE_NAMES[code]) for code in languages]

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), data.get("text") or ""
        if upload is not None:
            try:
                check_size(upload.size, upload.name)
            except DomainError as exc:
                self.add_error("file", exc.message)
                return data
            data["raw"] = upload.read()
        elif text.strip():
            data["raw"] = text.replace("\r\n", "\n")
        else:
            self.add_error("text", _("Paste the text, or choose a file."))
        return data

    def field_for(self, name: str | None) -> str | None:
        """The field a refusal of the import belongs to: the import names what it read
        ``file``, which is the pasted ``text`` when no file was chosen."""
        if name == "file" and self.cleaned_data.get("file") is None:
            return "text"
        return name if name in self.fields else None

    def to_request(self, slug: str, *, dry_run: bool) -> ImportRequest:
        data = self.cleaned_data
        return ImportRequest(
            raw=data["raw"],
            language=data["language"],
            slug=slug,
            dry_run=dry_run,
            language_version=True,
        )
