"""The demo content with every text staff can type replaced by XSS vectors: each translated
column, name, caption, quote and rich-text field of every row, saved through the models."""

from itertools import cycle

from django.apps import apps
from django.db import models

from core.languages import LANGUAGE_CODES
from core.richtext import RichTextField
from newsroom.models import PressRelease
from newsroom.search import index
from newsroom.workflow import freeze_issuers
from tests.xss_corpus import VECTORS

# Columns that are not free text: identifiers, codes, addresses with their own validators.
NOT_FREE_TEXT = (models.SlugField, models.EmailField, models.URLField)
SKIPPED_NAMES = {"slug", "ticker", "exchange", "doi", "phone", "country", "translation_source"}
APPS = ("newsroom", "partners")


def text_fields(model):
    for field in model._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        if isinstance(field, NOT_FREE_TEXT) or field.choices or not field.editable:
            continue
        if field.unique or field.name.split("_")[0] in SKIPPED_NAMES:
            continue
        if (
            getattr(field, "translated_field", None) is not None
            and field.name.endswith(tuple(f"_{code}" for code in LANGUAGE_CODES))
        ) or not hasattr(model, f"{field.name}_fr"):
            yield field


def fill_with_vectors(title_marker="XSS"):
    """Every free-text field of every row gets a vector (rich text: the whole corpus), each
    fitting its column (PostgreSQL enforces lengths). Titles keep ``title_marker`` so that a
    search finds them. Returns the number of fields filled."""
    # A NUL only reaches rich text (the sanitiser drops it): forms refuse it in plain fields.
    vectors = cycle(vector for _name, vector in VECTORS if "\x00" not in vector)
    whole_corpus = "".join(f"<p>{vector}</p>" for _name, vector in VECTORS)
    filled = 0
    with index.deferred():
        for model in (model for label in APPS for model in apps.get_app_config(label).get_models()):
            fields = list(text_fields(model))
            for row in model.objects.all():
                for field in fields:
                    if isinstance(field, RichTextField):
                        value = whole_corpus
                    else:
                        value = f"{title_marker} {next(vectors)}"[: field.max_length or None]
                    setattr(row, field.attname, value)
                    filled += 1
                if fields:
                    row.save()
    for release in PressRelease.objects.all():  # what a release shows of its issuers is frozen
        freeze_issuers(release)
    index.refresh(PressRelease.objects.all())
    return filled
