"""Phone numbers in E.164. A number written without its country code ("020 7946 0000",
"(301) 555-0100", "01 44 23 60 00", "044 632 33 35") is read in the first region where it is a
valid number, the regions tried in this order: the dateline's country, the countries the
organisations' boilerplates name, the country domains of the document's email addresses, the
language's default, then a few common ones. The order matters: "044 632 33 35" is valid in
Switzerland and in France."""

import bisect
import re

import phonenumbers

from ..search.text import fold

# Names a dateline or a boilerplate uses for a country or a place in it (folded).
PLACES = {
    "FR": (
        "france", "paris", "lyon", "marseille", "toulouse", "lille", "bordeaux", "nantes",
        "strasbourg", "montpellier", "villejuif", "saint-denis", "saint-maurice", "evry",
    ),
    "GB": (
        "united kingdom", "uk", "u.k.", "england", "scotland", "wales", "london", "oxford",
        "manchester", "leeds", "edinburgh", "glasgow", "birmingham", "bristol",
    ),
    "US": (
        "united states", "usa", "u.s.", "md.", "mass.", "calif.", "n.y.", "ga.", "pa.", "ill.",
        "n.j.", "wash.", "tex.", "bethesda", "atlanta", "boston", "new york", "washington",
        "san diego", "san francisco", "silver spring", "chicago", "seattle",
    ),
    "DE": ("germany", "deutschland", "allemagne", "berlin", "munich", "mainz", "hamburg"),
    "CH": (
        "switzerland", "suisse", "schweiz", "geneva", "geneve", "zurich", "basel", "bale",
        "lausanne", "bern", "berne",
    ),
    "BE": ("belgium", "belgique", "brussels", "bruxelles", "ghent", "liege"),
    "NL": ("netherlands", "pays-bas", "amsterdam", "leiden"),
    "CA": ("canada", "toronto", "montreal", "ottawa", "vancouver"),
}  # fmt: skip
# Top-level domains of a country, and those only one country uses.
DOMAINS = {"uk": "GB", "gov": "US", "edu": "US", "mil": "US"}
DEFAULTS = {"fr": "FR", "en": "US"}
COMMON = ("FR", "US", "GB", "DE", "CH", "BE", "CA")
# "+001 917 …", "+0033 …": an international prefix written after the plus.
DOUBLE_PREFIX = re.compile(r"\+00(?=\d)")
# "F: +49 …", "Fax : 01 …": a fax number is no way to reach a press officer.
FAX = re.compile(r"(?:\b(?i:fax|t[ée]l[ée]copie)|\bF)\s*\.?\s*:?\s*$")
DIGITS = re.compile(r"\d[\d ().-]{5,}\d")  # what may be a phone number


def countries_in(text):
    """The regions whose places ``text`` names, in the order they come."""
    folded = f" {fold(text)} "
    found = []
    for region, names in PLACES.items():
        positions = [
            m.start()
            for name in names
            for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", folded)
        ]
        if positions:
            found.append((min(positions), region))
    return [region for _position, region in sorted(found)]


def email_regions(emails):
    regions = []
    for email in emails:
        tld = email.rsplit(".", 1)[-1].lower()
        region = DOMAINS.get(tld) or (tld.upper() if len(tld) == 2 else "")
        if region and region not in regions:
            regions.append(region)
    return regions


def regions(dateline="", organisations="", emails=(), language=""):
    """The regions to read national numbers in, most likely first."""
    ordered = [
        *countries_in(dateline),
        *countries_in(organisations),
        *email_regions(emails),
        DEFAULTS.get(language, "US"),
        *COMMON,
    ]
    return [r for n, r in enumerate(ordered) if r not in ordered[:n]]


def phone_numbers(text, order=("US", "FR")):
    """[(as written, E.164)] of the numbers in ``text``, each read in the first region of
    ``order`` where it is valid."""
    text = DOUBLE_PREFIX.sub("+  ", text)  # same length: positions stay those of the text
    runs = [m.span() for m in DIGITS.finditer(text)]
    run_ends, unread = [end for _start, end in runs], set(range(len(runs)))
    found, starts, ends = {}, [], []  # spans found, kept sorted: overlaps found by bisection
    for region in order:
        # Each region is one more pass over the text: none once every run of digits is read.
        if not unread:
            break
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            span = (match.start, match.end)
            at = bisect.bisect_left(starts, span[1])
            if at and ends[at - 1] > span[0]:
                continue  # overlaps a number already read
            starts.insert(at, span[0])
            ends.insert(at, span[1])
            run = bisect.bisect_right(run_ends, span[0])
            while run < len(runs) and runs[run][0] < span[1]:
                unread.discard(run)
                run += 1
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            found[span] = (match.raw_string.replace("+  ", "+00"), e164)
    return [
        found[span]
        for span in sorted(found)
        if not FAX.search(text[max(0, span[0] - 14) : span[0]])
    ]
