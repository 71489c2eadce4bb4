"""The query syntax of PostgreSQL's ``websearch_to_tsquery``, parsed for the other backends.

``immunothérapie "cellules persistantes" -souris OR rats``: words are required, quoted words
form a phrase, ``-`` excludes, ``or`` (any case) between two terms accepts either. Anything
else (punctuation, operators, unbalanced quotes) is treated as text, never as an error.
"""

import re
from dataclasses import dataclass, field

from .text import stems

TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class ParsedQuery:
    # Required groups; each group is a list of alternatives (OR); each alternative a phrase
    # (a tuple of stems).
    required: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    @property
    def terms(self):
        """Every stem a result may contain (for highlighting)."""
        return {stem for group in self.required for phrase in group for stem in phrase}

    def __bool__(self):
        return bool(self.required or self.excluded)


def parse(query, language):
    parsed = ParsedQuery()
    alternative = after_required = False
    for match in TOKEN.finditer(query):
        negated, quoted, bare = match.groups()
        if bare is not None and bare.casefold() == "or":
            alternative = after_required
            continue
        if bare is not None and bare.startswith("-"):
            negated, bare = "-", bare[1:]
        phrase = tuple(stems(quoted if bare is None else bare, language))
        if not phrase:
            continue
        if negated:
            parsed.excluded.append(phrase)
        elif alternative:
            parsed.required[-1].append(phrase)
        else:
            parsed.required.append([phrase])
        alternative, after_required = False, not negated
    return parsed


def to_fts5(groups, operator):
    """FTS5 MATCH syntax; every phrase is quoted, so no input can be read as an operator
    (stems hold word characters only)."""
    return f" {operator} ".join(
        "(" + " OR ".join('"' + " ".join(phrase) + '"' for phrase in group) + ")"
        for group in groups
    )
