"""The head of a release: headline, subtitle, dateline and date.

Labels ("Press release", "For immediate release") are blanked by ``parsing.clean``; here
mastheads, "Published:" and embargo lines are set aside, and the dateline is found: a place and a
date followed by the lead ("BETHESDA, Md., Dec. 28, 2016 — …", "PARIS, March 4, 2024 (BUSINESS
WIRE) -- …"), or a line of its own above or below the headline ("Paris, le 14 mars 2023",
"2 October 2023 | Geneva"), or, failing both, a date in the footer.
"""

import re

from .contacts import DASHES
from .dates import find_dates

LABELS = re.compile(
    r"^(?:(?:[\w.&'’-]+\s+){0,3}(?:news|press|media)\s+(?:release|statement|advisory)"
    r"|communiqu[ée]s?\s+de\s+presse|information\s+presse|news|actualit[ée]s?"
    r"|for\s+immediate\s+release|pour\s+diffusion\s+imm[ée]diate)\s*:?$"
    r"|^(?:joint\s+)?(?:press|news|media)\s+release\s+(?:by|from|of)\s"
    r"|^communiqu[ée]\s+de\s+presse\s+(?:commun|conjoint)",
    re.I,
)
# Head lines that are about the document, not its title: "From: …", "Published: …".
METADATA = re.compile(
    r"^(?:from|source|published|posted|publi[ée]e?|updated|mis\s+[àa]\s+jour|issued|embargo\w*"
    r"|sous\s+embargo|date)\s*:",
    re.I,
)
PROVIDED_BY = re.compile(r"^(?:news\s+)?provided\s+by:?$", re.I)  # its next line: the issuer
METADATA_PLACE = re.compile(
    r"immediate\s+release|published|posted|publi[ée]|embargo|updated|mis\s+[àa]\s+jour|issued|release"
    r"|diffusion|provided\s+by|from:",
    re.I,
)
# "(BUSINESS WIRE) --", "/PRNewswire/ --" between the date and the lead.
WIRE = re.compile(r"^\s*(?:\([A-Z][\w .&-]{1,30}\)|/[A-Z][\w .&-]{1,30}/)")
# A time after the date ("16:05 ET", "7h30 CET", "à 18h00"): the date line's, not the lead's.
TIME = re.compile(
    r"^[\s,|]*(?:[àa]\s+)?\d{1,2}\s*[:h.]\s*\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}))*", re.I
)
BULLET = re.compile(r"^[-•–—*·▪◦]\s+(?P<text>.+)$")
HEAD_LINES = 15  # non-blank lines searched for the dateline


def date_line(line, language):
    """(place, ISO date, lead) when ``line`` is a dateline: ``lead`` is the text after the
    date ("" for a line of its own), place "" for "Published: …" or embargo lines."""
    dates = find_dates(line[:160], language)  # a dateline's date is near its start
    if not dates or dates[0][0] > 100:
        return None
    start, end, iso = dates[0]
    place, after = line[:start], WIRE.sub("", line[end:])
    parts = [p.strip(DASHES) for p in re.split(r"\s[|–—]\s|\|", place)]
    parts = [p for p in parts if p and not LABELS.match(p)]
    if re.search(r"embargo", place, re.I):
        return "", iso, ""  # what follows an embargo's date is its hour, never the lead
    place = "" if METADATA_PLACE.search(place) else (parts[-1] if parts else "")
    if place and (len(place.split()) > 6 or not place[0].isupper()):
        return None  # "Applications are open until 30 April 2024, …": a sentence
    after = TIME.sub("", after)
    # "Nov 12, 2024, 16:05 ET", "March 18, 2024 08:00 ET | Source: Acme": the date stands alone.
    if not after.strip(" ,|") or (after.lstrip()[:1] == "|" and METADATA.match(after.strip(" |"))):
        return place, iso, ""
    # "2 October 2023 | Geneva", "Issued: 10 January 2024, London UK": the place after.
    side = re.match(
        r"^\s*[|,]\s*(?P<place>[A-ZÀ-Ý][^|,.;:]{1,30}(?:,\s*[A-Z][\w .]{1,20})?)$", after
    )
    if not place and side and len(side["place"].split()) <= 4:
        return side["place"].strip(), iso, ""
    if after.lstrip()[:1] in "–—-:,":
        return place, iso, after.strip(DASHES) or ""
    return None


def groups_of(lines):
    """[(first index, [lines])] of the runs of non-blank lines."""
    groups, current, start = [], [], 0
    for index, line in enumerate([*lines, ""]):
        if line and not current:
            start = index
        if line:
            current.append(line)
        elif current:
            groups.append((start, current))
            current = []
    return groups


def read_head(release, lines):
    """Sets the headline, subtitle, dateline and date; returns (bullets given before the
    dateline, the lines after the head)."""
    lines = list(lines)
    found, lead, seen = None, None, 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if PROVIDED_BY.match(line):  # PR Newswire's "NEWS PROVIDED BY" and the issuer
            lines[index : index + 2] = [""] * len(lines[index : index + 2])
            continue
        dated = date_line(line, release.language)
        if dated and dated[2]:
            release.dateline, release.date = dated[0], dated[1]
            lead = (index, dated[2])
            break
        if dated:
            found = found or (index, dated)
            lines[index] = ""
        elif METADATA.match(line) and len(line) < 100:
            lines[index] = ""
    if lead is None and found:
        release.dateline, release.date = found[1][0], found[1][1]
    if not release.date:
        footer_date(release, lines)
    if lead is not None:
        head = [group for _start, group in groups_of(lines[: lead[0]])]
        rest = [lead[1], *lines[lead[0] + 1 :]]
    else:
        head, body_start = head_without_lead(lines, found[0] if found else -1)
        rest = lines[body_start:]
    while lead is not None and len(head) > 1 and masthead(head[0]):
        head.pop(0)
    texts, bullets = [], []
    for group in head:
        items = [BULLET.match(line) for line in group]
        if all(items):
            bullets += [item["text"] for item in items]
        elif texts and group[0][0].islower():  # a headline wrapped across a blank line
            texts[-1] += " " + " ".join(group)
        elif (
            not texts
            and len(group) == 2
            and group[1][0].isupper()
            and capitalised(group[0]) > 0.6
            and capitalised(group[1].split(" ", 1)[-1]) < 0.3
        ):
            texts += group  # a Title Case headline, then a subtitle in sentence case
        else:
            texts.append(" ".join(group))
    release.headline = texts[0] if texts else ""
    release.subtitle = " ".join(texts[1:])
    return bullets, rest


def head_without_lead(lines, date_at):
    """(head groups, index where the body starts) when no dateline introduces the lead: the
    headline is the first group after any masthead; groups between it and a date line below
    it ("Published: …") are its subtitle."""
    groups = groups_of(lines)
    # The first group after the mastheads, unless it is a sentence: then the first group.
    head = groups[:1]
    for group in groups[:5]:
        if not masthead(group[1]):
            head = head if group[1][-1].endswith(".") else [group]
            break
    if not head:
        return [], 0
    body_start = head[-1][0] + len(head[-1][1])
    between = [(s, g) for s, g in groups if body_start <= s < date_at]
    if between and len(between) <= 2 and sum(len(" ".join(g)) for _s, g in between) < 300:
        head += between
        body_start = date_at + 1
    elif date_at >= body_start and not between:
        body_start = date_at + 1
    elif date_at < head[0][0]:
        # The date above the headline: a short line below it, not a sentence, is the subtitle.
        after = [(s, g) for s, g in groups if s >= body_start][:1]
        if after and standfirst(after[0][1]):
            head.append(after[0])
            body_start = after[0][0] + len(after[0][1])
    return [group for _start, group in head], body_start


def capitalised(line):
    """The share of a line's longer words that start with a capital."""
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0


def standfirst(group):
    text = " ".join(group)
    return (
        len(group) <= 2
        and len(text) < 250
        and text[-1] not in '.!?:;»”"'
        and not BULLET.match(text)
        and text[0] not in '«“"'
    )


# "BALTIMORE — A common gut bacterium …": a dateline without a date.
CAPS_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,30}(?:,\s+[A-Z][\w.]+){0,2})(?:\s*[—–]\s*|\s+-{1,2}\s+)"
)


def caps_place(release, rest):
    """The lead's lines, a place in capitals opening it moved to the dateline."""
    first = next((n for n, line in enumerate(rest) if line), None)
    match = first is not None and CAPS_PLACE.match(rest[first])
    if not match:
        return rest
    release.dateline = match["place"]
    return [*rest[:first], rest[first][match.end() :], *rest[first + 1 :]]


def masthead(group):
    """A one-line group above the headline: an organisation's name, "NHS England", "News"."""
    line = group[0]
    return len(group) == 1 and (line.isupper() or len(line.split()) <= 3)


def footer_date(release, lines):
    """A date written only at the end ("Paris, le 6 février 2024" above the signature)."""
    for line in reversed([line for line in lines if line][-20:]):
        dated = date_line(line, release.language)
        if dated and not dated[2]:
            release.dateline, release.date = dated[0], dated[1]
            return
