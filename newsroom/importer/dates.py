"""Dates as press offices write them, in French or English: "19 janvier 2023", "le 1er mars",
"6 févr. 2024", "December 28, 2016", "Dec. 28, 2016", "28 December 2016", "Thursday 14 March
2024", "2024-03-14". Abbreviations are read by their first letters, so "Sept.", "janv." and
"févr." need no list of their own. Numeric dates are read day first (15/03/2024)."""

import re
from datetime import date

from ..search.text import fold

MONTHS = {
    "fr": [
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
        "octobre", "novembre", "decembre",
    ],
    "en": [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ],
}  # fmt: skip
# A month word, full or cut short with or without a dot (accents as written: "févr.", "août").
MONTH = r"(?P<month>[a-zA-Zéèûôà]{3,9}\.?)"
WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche),?\s+)?"
)
PATTERNS = [
    rf"(?:le\s+)?{WEEKDAY}(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s+{MONTH},?\s+(?P<year>\d{{4}})",
    rf"{WEEKDAY}{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
    # 15/03/2024, 15.03.2024: day first as in Europe; month first only when the day can't be.
    r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})",
]
PATTERNS = [re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE) for p in PATTERNS]


def month_number(word, language):
    """1..12 for a month's name or its abbreviation ("Dec.", "févr.", "Sept"), else None."""
    if word.isdigit():
        return int(word)
    word = fold(word).rstrip(".")
    for languages in ((language,), tuple(MONTHS)):
        for code in languages:
            names = MONTHS.get(code, [])
            found = [n for n, name in enumerate(names, 1) if name.startswith(word)]
            if len(found) == 1 and (len(word) >= 3 or word == names[found[0] - 1]):
                return found[0]
    return None


def find_dates(text, language=""):
    """[(start, end, ISO date)] of the real dates written in ``text``, in order."""
    found = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            month = month_number(match["month"], language)
            if not month or any(s < match.end() and match.start() < e for s, e, _d in found):
                continue
            day = number = int(match["day"])
            if match["month"].isdigit() and month > 12 and number <= 12:  # 03/15/2024
                day, month = month, number
            try:
                day = date(int(match["year"]), month, day)
            except ValueError:  # "31 février": not a date
                continue
            found.append((match.start(), match.end(), day.isoformat()))
    return sorted(found)
