"""Highlighted snippets: where the query's words occur, marked with <mark>, HTML-escaped.

Words are compared as search compares them (folded and stemmed, ``text.py``), so "therapie"
marks "thérapies". The same code serves both databases.
"""

import re
from html import escape

from django.utils.safestring import mark_safe

from .text import stem_of

SPLIT = re.compile(r"(\w+)")
SNIPPET_WORDS = 40


def marked(pieces, terms, language):
    """HTML of ``pieces`` (alternating separators and words) with matching words marked."""
    html, plain = [], []
    for index, piece in enumerate(pieces):
        if index % 2 and stem_of(piece, language) in terms:
            # Escaped a run at a time: a snippet has ~80 pieces and 20 cards show one each.
            html.append(escape("".join(plain)))
            html.append(f"<mark>{escape(piece)}</mark>")
            plain = []
        else:
            plain.append(piece)
    html.append(escape("".join(plain)))
    return mark_safe("".join(html))


def highlight(text, terms, language):
    return marked(SPLIT.split(text), terms, language)


def snippet(text, terms, language, size=SNIPPET_WORDS):
    """About ``size`` words of ``text`` around the first match (the start when none)."""
    pieces = SPLIT.split(" ".join(text.split()))
    first = next(
        (i for i in range(1, len(pieces), 2) if stem_of(pieces[i], language) in terms),
        1,
    )
    start = max(0, first - 2 * (size // 3))  # a word's index (odd), or 0
    end = min(len(pieces), start + size * 2)
    window = pieces[start:end]
    html = marked(["", *window] if start % 2 else window, terms, language)
    prefix = "… " if start > 1 else ""
    suffix = " …" if end < len(pieces) else ""
    return mark_safe(f"{prefix}{html.strip()}{suffix}")


def release_snippet(card, terms, language):
    """A result's title and the text around the words searched for, marked: the text of its
    card (``cards.Card``, in the language the card shows), the words compared as in
    ``language`` (the query's)."""
    return {
        "title": highlight(card.title, terms, language),
        "text": snippet(card.text, terms, language),
    }
