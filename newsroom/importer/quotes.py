"""Quotes and who said them. Three layouts are read:

- the quotation, then who said it: « … », déclare le Pr X, Titre. / "…," said Jane Doe, Title.
- who, then the quotation in the same paragraph: Jane Doe, Title, said: "…"
- an introducing paragraph ("Jane Doe, Title at Organisation, said:", "Pour X, titre :",
  "Health Minister X said:") and the quotation in the next one, with or without marks.

Speakers come with honorifics (Pr, Professor, Sir, Dr, Prof. Dr.), degrees (M.D., Ph.D.), their
title before or after the name, and surnames in capitals ("Roland BROSCH" → "Roland Brosch").
"""

import re
from dataclasses import dataclass

from ..search.text import fold

ARTICLES = re.compile(r"^(?:l[’']\s*|la\s+|le\s+|les\s+|the\s+)", re.I)
HONORIFIC = (
    r"(?:Pr|Professeure?|Prof|Professor|Dr|Docteure?|Mme|Mrs?|Ms|Sir|Dame|Lord|Baroness|"
    r"Madame|Monsieur|M|Honourable|Hon)\.?"
)
HONORIFICS = re.compile(rf"^(?P<honorific>{HONORIFIC}(?:\s+{HONORIFIC})*)\s+", re.I)
INNER_HONORIFIC = re.compile(rf"\s(?P<honorific>(?:{HONORIFIC})(?:\s+{HONORIFIC})*)\s+(?=[A-Z])")
DEGREE = re.compile(
    r"^(?:M\.?D|Ph\.?\s?D|Dr\.?\s?P\.?H|M\.?P\.?H|MBA|FRCP|FRS|FMedSci|DPhil|Pharm\.?D|M\.?Sc"
    r"|B\.?Sc|CBE|OBE|MBE|KBE|DBE|Jr|Sr)\.?$",
    re.I,
)
ROLES = re.compile(
    r"\b(?:director|directeur|directrice|minister|ministre|secretary|secr[ée]taire|chief|"
    r"president|pr[ée]sidente?|head|chair(?:man|woman)?|officer|ceo|commissioner|spokesperson|"
    r"dean|founder|fondat(?:eur|rice)|responsable|chef|coordinat(?:or|eur|rice)|author|auteure?|"
    r"manager|lead(?:er)?)\b",
    re.I,
)
# Two to four capitalised words, with a middle initial perhaps: "Cynthia L. Sears".
NAME = re.compile(
    r"^[A-ZÀ-Ý][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+(?:de\s+|van\s+|von\s+)?[A-ZÀ-Ý][\w’'-]+){1,3}$"
)
VERBS = (
    r"d[ée]clare|a\s+d[ée]clar[ée]|explique|a\s+expliqu[ée]|souligne|a\s+soulign[ée]|ajoute|"
    r"a\s+ajout[ée]|pr[ée]cise|a\s+pr[ée]cis[ée]|commente|indique|a\s+indiqu[ée]|conclut|affirme|"
    r"estime|a\s+comment[ée]|a\s+affirm[ée]|a\s+estim[ée]|a\s+conclu|a\s+not[ée]|rappelle|"
    r"a\s+rappel[ée]|poursuit|insiste|said|says|added|adds|explained|explains|commented|comments|"
    r"noted|notes|stated|remarked|continued|concluded"
)
MARKS = "«“\"‘'"
CLOSING = {"«": "»", "“": "”", '"': '"', "‘": "’", "'": "'"}
# «…», déclare le Pr X, Titre.  /  …,” said Jane Doe, Title.  (closing mark optional: the seed)
SPEAKER_AFTER = re.compile(rf"[»”\"’']?\s*,?\s*(?:{VERBS})\s+(?P<who>[^«“\"]+?)\s*$", re.I)
# …,” Jane Doe, Title, said.
SPEAKER_BEFORE_VERB = re.compile(rf"[»”\"’]\s*,?\s*(?P<who>[^«“\"]+?),?\s+(?:{VERBS})\.?$", re.I)
# Jane Doe, Title, said: “…”
SPEAKER_FIRST = re.compile(
    rf"^(?P<who>[^«“\"]{{1,200}}?),?\s+(?:{VERBS})\s*:\s*[{MARKS}]\s*(?P<quote>.+?)"
    r"\s*[»”\"’']?\s*\.?$",
    re.I,
)
# A paragraph that introduces the next one: "X, Title, said:", "Pour X, titre :", "X, titre :".
# "Pour X, titre, « … »": who, then the quotation, in one paragraph.
FOR_FIRST = re.compile(
    r"^(?:pour|selon|according\s+to)\s+(?P<who>[^«“\"]{3,250}?),\s*[«“\"]\s*(?P<quote>.+?)"
    r"\s*[»”\"]?\s*\.?$",
    re.I,
)
# "“A,” says X, Title, “B.”": a quotation broken by its attribution.
SPLIT = re.compile(
    rf"^[«“\"]\s*(?P<a>[^»”\"]{{1,{3000}}}?)\s*[»”\"]\s*,?\s*(?:{VERBS})\s+"
    r"(?P<who>[^«“\"”]{3,250}?),?\s*[«“\"]\s*(?P<b>[^»”\"]{1,3000})[»”\"]?\s*\.?$",
    re.I,
)
# "« … », ajoute-t-il." / "…,” she added.": the speaker is the previous quote's.
PRONOUN = re.compile(
    rf"[»”\"’']\s*,?\s*(?:(?:{VERBS})(?:-t)?-(?:il|elle)|(?:he|she)\s+(?:{VERBS}))\.?$", re.I
)
INTRO_VERB = re.compile(rf"^(?P<who>[^«“\"]{{3,250}}?),?\s+(?:{VERBS})\s*:$", re.I)
INTRO_FOR = re.compile(r"^(?:pour|selon|according to)\s+(?P<who>[^«“\"]{3,250}?)\s*:$", re.I)
INTRO_PLAIN = re.compile(r"^(?P<who>[^«“\":]{3,250}?,[^«“\":]+?)\s*:$")
MAX_QUOTE, ATTRIBUTION = 3000, 300  # characters


@dataclass
class Quote:
    text: str
    speaker: str
    title: str
    institution: str
    honorific: str = ""


def parse_quote(text, institutions, previous=None, context=""):
    """A ``Quote`` when the paragraph is one (a quotation and who said it), else None.
    ``previous``: the last quote, for "he added"; ``context``: the text before, where a speaker
    named by the surname alone ("Dr Doe said") was named in full.

    The speaker is looked for in the paragraph's last ``ATTRIBUTION`` characters, and overlong
    paragraphs are not quotes: the patterns stay linear on hostile text."""
    if len(text) > MAX_QUOTE:
        return None
    tail = max(0, len(text) - ATTRIBUTION)
    if match := SPEAKER_FIRST.match(text) or FOR_FIRST.match(text):
        words, who = match["quote"], match["who"]
    elif match := SPLIT.match(text):
        words, who = f"{match['a'].strip()} {match['b'].strip()}", match["who"]
    elif text[:1] in CLOSING and text[:1] != "'":
        match = SPEAKER_BEFORE_VERB.search(text, tail) or SPEAKER_AFTER.search(text, tail)
        if not match:
            match = previous and PRONOUN.search(text, tail)
            words = match and strip_marks(text[1 : match.start()])
            return Quote(**{**previous.__dict__, "text": words}) if words else None
        words, who = text[1 : match.start()], match["who"]
    else:
        return None
    return make_quote(words, who, institutions, context)


def signed_quote(text, signature, institutions):
    """A quotation paragraph signed by the next lines: the name, then the title ("Dr. Jane
    Doe / Chief Public Health Officer"), or one line after a dash ("– Jane Doe, CEO")."""
    lines = signature.split("\n")
    dash = len(lines) == 1 and lines[0][:1] in "–—-"
    if not (
        text[:1] in CLOSING
        and text.rstrip(" .")[-1:] == CLOSING[text[:1]]
        and (dash or 2 <= len(lines) <= 3)
        and all(len(line) <= 90 and not line.endswith(".") for line in lines)
    ):
        return None
    return make_quote(text, ", ".join(line.strip("–—- ") for line in lines), institutions)


def make_quote(words, who, institutions, context=""):
    words = strip_marks(words)
    honorific, name, title = split_speaker(who)
    if words and re.fullmatch(r"[A-ZÀ-Ý][\w’'-]+", name) and context:
        honorific, name, title = named_before(name, context) or (honorific, name, title)
    if not (words and NAME.match(name)):
        return None  # «Ensemble» est le nom…: a quoted word in a sentence, not a quote
    return Quote(words, name, title, institution_in(title, institutions), honorific)


def named_before(surname, context):
    """(honorific, name, title) where ``context`` last names the speaker in full ("Chief Health
    Officer Dr John Doe said …" before "“…,” Dr Doe said."), else None."""
    for match in reversed(list(re.finditer(rf"\b{re.escape(surname)}\b", context))):
        before = re.search(
            r"(?:[A-ZÀ-Ý][\w.’'-]*\s+){1,8}$", context[max(0, match.start() - 90) : match.start()]
        )
        if before:
            found = split_speaker(before.group(0) + surname)
            if NAME.match(found[1]) and found[1].endswith(surname):
                return found
    return None


def strip_marks(words):
    words = words.strip().rstrip(",").strip()
    words = words.lstrip(MARKS).strip().rstrip("»”\"’'").strip().rstrip(",").strip()
    return words


def introduced_speaker(text):
    """Who a paragraph ending with a colon introduces, or None."""
    if len(text) > ATTRIBUTION or not text.endswith(":"):
        return None
    for pattern in (INTRO_VERB, INTRO_FOR, INTRO_PLAIN):
        if match := pattern.match(text):
            _honorific, name, _title = split_speaker(match["who"])
            if NAME.match(name):
                return match["who"]
    return None


def quotation(blocks, start):
    """(text, number of blocks) of the quotation beginning at ``blocks[start]``: up to its
    closing mark if it opens with one, else that one paragraph."""
    kind, text = blocks[start]
    if kind != "paragraph" or text.endswith(":") or introduced_speaker(text):
        return "", 0
    opening = text[:1]
    if opening not in CLOSING or opening == "'":
        return text, 1
    parts = []
    for n, (kind, text) in enumerate(blocks[start:], 1):
        parts.append(text)
        if kind != "paragraph" or text.rstrip(" .").endswith(CLOSING[opening]) or n > 8:
            break
    return " ".join(parts), len(parts)


def title_case(name):
    """ "RATIGNIER-CARBONNEIL" → "Ratignier-Carbonneil"; other words as written."""
    return " ".join(
        "-".join(p.capitalize() if p.isupper() and len(p) > 1 else p for p in w.split("-"))
        for w in name.split()
    )


def split_speaker(who):
    """(honorific, name, title) from "le Pr Fabrice Barlesi, Directeur Général de Gustave
    Roussy.", "Health Minister Andrew Stephenson", "NHS Director, Professor Peter Johnson",
    "Laura Chen, Ph.D., Chief Executive Officer"."""
    who = " ".join(who.split()).strip().rstrip(".").strip()
    parts = [p.strip() for p in re.split(r",\s*", who) if p.strip()]
    parts = [p for p in parts if not DEGREE.match(p)] or [""]
    first, rest = ARTICLES.sub("", parts[0]), parts[1:]
    honorific = ""
    # "NHS National Clinical Director for Cancer, Professor Peter Johnson": title first.
    if ROLES.search(first) and rest:
        second = HONORIFICS.match(rest[0])
        candidate = rest[0][second.end() :] if second else rest[0]
        if NAME.match(candidate) and not ROLES.search(candidate):
            return second["honorific"] if second else "", title_case(candidate), first
    if match := HONORIFICS.match(first):
        honorific, first = match["honorific"], first[match.end() :]
    # "Mika Kivimäki (UCL Brain Sciences)": the brackets give an affiliation.
    if affiliation := re.search(r"\s*\(([^)]{2,80})\)\s*$", first):
        first, rest = first[: affiliation.start()], [affiliation[1], *rest]
    title = ", ".join(rest)
    if ROLES.search(first) and len(first.split()) > 2:
        # "Health and Social Care Secretary Steve Barclay", "Lead author Dr Jenny Doe".
        inner = INNER_HONORIFIC.search(first)
        if inner:
            lead, honorific, first = (
                first[: inner.start()],
                inner["honorific"],
                first[inner.end() :],
            )
        else:
            words = first.split()
            last_role = max(n for n, w in enumerate(words) if ROLES.fullmatch(w))
            lead, first = " ".join(words[: last_role + 1]), " ".join(words[last_role + 1 :])
        # "study leader Dr X, head of Y": the title after the name is the title; an
        # affiliation in brackets only completes the role before it.
        if affiliation or not title:
            title = ", ".join(p for p in (lead.strip(), title) if p)
    return honorific, title_case(first.strip()), title.strip().rstrip(",").strip()


def name_variants(name):
    """The ways a text may name an institution: "Valneva SE" as "Valneva", "National Cancer
    Institute (NCI)" as "NCI" or without its acronym."""
    variants = {name}
    core = re.sub(
        r",?\s+(?:Inc|SE|SA|S\.A|AG|GmbH|Ltd|plc|N\.V|Corp|LLC|SAS)\.?$", "", name, flags=re.I
    )
    variants.add(core)
    if acronym := re.search(r"\(([^)]{2,12})\)", core):
        variants |= {acronym[1], core[: acronym.start()].strip()}
    return {v for v in variants if len(v) > 1}


def institution_in(text, institutions):
    """The known institution named in ``text`` (the longest name found), or ""."""
    folded = fold(text)
    found = []
    for name in institutions:
        for variant in name_variants(name) if name else ():
            if re.search(rf"(?<!\w){re.escape(fold(variant))}(?!\w)", folded):
                found.append((len(variant), name))
    return max(found)[1] if found else ""
