"""Rich text shared by both apps: one editor configuration, one sanitiser allow-list.

The allow-list is derived from the editor's extensions, so staff can only produce what survives
sanitising, and sanitising happens in ``pre_save``: whatever path writes the model (admin, demo
loader, importer, shell), a ``<script>`` or ``onerror=`` never reaches the database.
"""

import re
from html import unescape

import nh3
from django.db.models.query_utils import DeferredAttribute
from django_prose_editor.fields import ProseEditorField, create_sanitizer

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Link": {"enableTarget": False},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Heading": {"levels": [2, 3, 4]},
    "HardBreak": True,
    "History": True,
    # django-prose-editor turns the browser's spell-checking off by default; writers want it.
    "NoSpellCheck": False,
}

sanitize_once = create_sanitizer(EDITOR_EXTENSIONS)


def sanitize_html(html):
    """``html`` through the allow-list until it no longer changes. One pass is not always
    stable: dropping a broken tag can leave nesting that the serialiser writes as is and the
    next parse rebuilds (``<h2><a</a><h2>`` gives ``<h2><h2></h2></h2>``, then two siblings),
    and what is stored must read back the same. Two passes at most in practice."""
    clean = sanitize_once(html)
    for _ in range(3):
        again = sanitize_once(clean)
        if again == clean:
            break
        clean = again
    return clean


LIST_ITEM = re.compile(r"<li(\s[^>]*)?>")
BLOCK_END = re.compile(r"</(p|li|h[2-4]|blockquote)>|<br\s*/?>")


def as_text(html):
    """Rich text as plain text: blocks end their line, list items are dashed. One sanitiser
    pass that keeps no tag (a <script>'s content goes with it): search snippets read 20
    bodies a page."""
    html = BLOCK_END.sub("\n", LIST_ITEM.sub("- ", html or ""))
    return unescape(nh3.clean(html, tags=set()))


class RichTextField(ProseEditorField):
    """A TextField holding sanitised HTML, edited with ProseMirror in the admin."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = sanitize_html(value)
            # Write back only through a plain attribute (``body_fr``). The untranslated ``body``
            # is modeltranslation's descriptor: setting it would copy the fallback value into
            # the active language's field.
            if isinstance(getattr(type(model_instance), self.attname, None), DeferredAttribute):
                setattr(model_instance, self.attname, value)
        return value
