"""What in a page could run code or load something it should not: found by parsing the HTML
(as a browser tokenises it, near enough; the browser tests cover the rest in Chromium)."""

import json
import re
from html.parser import HTMLParser

# Attributes whose value a browser fetches or navigates to.
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
FORBIDDEN_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "base", "applet", "style", "svg", "math",
    "xml", "bgsound", "template", "noscript",
}  # fmt: skip
# Characters browsers drop or ignore inside a URL's scheme ("jav&#x09;ascript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def url_scheme(value):
    match = SCHEME.match(IGNORED_IN_SCHEME.sub("", value).lower())
    return match and match.group(1)


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = None
        self.script_text = []

    def handle_starttag(self, tag, attrs):
        where = self.getpos()
        attributes = dict(attrs)
        if tag in FORBIDDEN_ELEMENTS:
            self.found.append((where, f"<{tag}>"))
        if tag == "meta" and attributes.get("http-equiv"):
            self.found.append((where, f"<meta http-equiv={attributes['http-equiv']}>"))
        if tag == "script":
            if attributes.get("type") != "application/ld+json":
                src = attributes.get("src") or ""
                if not src.startswith("/static/"):
                    self.found.append((where, f"<script src={src!r}>"))
            self.in_script, self.script_text = attributes.get("type"), []
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((where, f"{tag} {name}="))
            elif name == "style":
                self.found.append((where, f"{tag} style="))
            elif name in URL_ATTRIBUTES or name == "srcset":
                scheme = url_scheme(value or "")
                if scheme and scheme not in SAFE_SCHEMES:
                    self.found.append((where, f"{tag} {name}={value!r}"))

    def handle_data(self, data):
        if self.in_script is not None:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script is not None:
            if self.in_script == "application/ld+json":
                try:
                    json.loads("".join(self.script_text))
                except ValueError:
                    self.found.append((self.getpos(), "JSON-LD that does not parse"))
            self.in_script = None


def unsafe_parts(html):
    """[(line and column, what)]: scripts not from our static files (JSON-LD aside), event
    handlers, inline styles, non-web URL schemes, embedding or page-altering elements."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
