"""Websites, social networks and stock listings named in a release."""

import re

from .head import groups_of
from .quotes import institution_in

EXCHANGE = (
    r"(?i:euronext(?:\s+(?:paris|brussels|amsterdam|lisbon|dublin|oslo|milan|growth))?|nasdaq|nyse|epa|lse|six|xetra|otcqx|otc"
    r"|tsx|asx|aim)"
)
# "SIX: RO, ROG": one exchange, several symbols; "LSE/NYSE: GSK": several exchanges.
TICKER = re.compile(
    rf"\b(?P<exchange>{EXCHANGE}(?:\s*/\s*{EXCHANGE})*)\s*:\s*"
    # A word followed by a colon is the next exchange: "SIX: NOVN, NYSE: NVS".
    r"(?P<symbol>[A-Z]{1,6}\b(?!\s*:)(?:\s*,\s*[A-Z]{1,6}\b(?!\s*:))*)"
)
# "shares are listed on Nasdaq Copenhagen (Novo-B)": an exchange, then the symbol in brackets.
LISTED_ON = re.compile(
    rf"\blisted\s+on\s+(?:the\s+)?(?P<exchange>{EXCHANGE}(?:\s+[A-Z][a-z]+)?)\s*"
    r"\((?P<symbol>[A-Za-z]{1,6}(?:[-.][A-Za-z]{1,2})?)\)"
)
WEBSITE = re.compile(
    r"\b(?:https?://\S+|www\.[\w-]+(?:\.[\w-]+)+(?:/\S*)?)"
    # A bare domain ("curie.fr", "wellcome.org"), not an email's.
    r"|(?<![@\w.-])[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:fr|com|org|net|eu|ch|de|be|uk|gov|edu|int)"
    r"\b(?!@|\.\w)(?:/\S*)?",
    re.I,
)
LINKS_INTRO = re.compile(
    r"^(?:pour en savoir plus|plus d[’']informations|suivez|retrouvez|for more information"
    r"|to learn more|learn more|follow|stay\s+connected|restez\s+connect[ée]s?)\b",
    re.I,
)
NETWORKS = ("Twitter", "Facebook", "LinkedIn", "Instagram", "YouTube", "Bluesky", "Mastodon")


def networks_in(line):
    found = [network for network in NETWORKS if re.search(rf"\b{network}\b", line, re.I)]
    if found and re.search(r"(?<![\w-])X(?![\w-])", line):  # X, named beside the others
        found.append("X")
    return found


def read_links(release, lines):
    """The websites and networks named in ``lines`` (read by runs: a line may wrap)."""
    for _start, group in groups_of(lines):
        text = " ".join(group)
        websites = [m.group(0).rstrip(".,;)") for m in WEBSITE.finditer(text)]
        release.websites += [site for site in websites if site not in release.websites]
        release.social += [net for net in networks_in(text) if net not in release.social]


def find_tickers(release, body, institutions):
    """Listings, in the boilerplates or in the lead ("Acme, Inc. (Nasdaq: ACME)")."""
    sources = [(b["institution"], " ".join(b.pop("lines"))) for b in release.boilerplates]
    sources.insert(0, ("", " ".join(body)))
    for name, text in sources:
        for match, exchange, symbol in [
            (m, " ".join(e.upper().split()), s.strip().upper())
            for pattern in (TICKER, LISTED_ON)
            for m in pattern.finditer(text)
            for e in m["exchange"].split("/")
            for s in m["symbol"].split(",")
        ]:
            owner = (
                name
                or institution_in(text[max(0, match.start() - 80) : match.start()], institutions)
                or (institutions[:1] or [""])[0]
            )
            listing = {"exchange": exchange, "symbol": symbol, "institution": owner}
            if all((t["exchange"], t["symbol"]) != (exchange, symbol) for t in release.tickers):
                release.tickers.append(listing)
