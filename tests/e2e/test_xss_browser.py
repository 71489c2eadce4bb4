"""The XSS corpus in Chromium: every public page of the demo content with every text field
hostile (tests/hostile_content.py) and searched for with hostile queries. Nothing runs: no
dialog opens, the Content-Security-Policy has nothing to refuse (the ``page`` fixture fails on
any refusal it logs; a listener counts them too), and the DOM Chromium built holds no event
handler, foreign script or javascript: URL (Chromium's parser, not ours, decides)."""

from urllib.parse import quote

import pytest
from django.test import Client

from tests.helpers import sitemap_locations
from tests.hostile_content import fill_with_vectors
from tests.xss_corpus import VECTORS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any page script: records every CSP refusal the page would otherwise only log.
LISTEN = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__refused.push(event.violatedDirective + " " + event.blockedURI);
});
"""

# What in the DOM Chromium built could run: the page's own scripts are from /static/ or JSON-LD.
DOM_RISKS = """
() => {
  const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "data",
                                  "poster", "background", "xlink:href"]);
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(element.tagName + " " + name);
      if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data|livescript):/.test(value))
        found.push(element.tagName + " " + name + "=" + value.slice(0, 40));
    }
  }
  for (const script of document.scripts) {
    if (script.type !== "application/ld+json" && !script.src.includes("/static/"))
      found.push("script " + (script.src || script.textContent.slice(0, 40)));
  }
  const embedding = "iframe, object, embed, base, svg, math, style, meta[http-equiv]";
  for (const element of document.querySelectorAll(embedding)) found.push(element.tagName);
  return found;
}
"""


def hostile_pages(site):
    pages = [url.replace("http://testserver", site) for url in sitemap_locations(Client())]
    for _name, vector in VECTORS[::6]:
        pages.append(f"{site}/fr/communiques/?q={quote(vector)}")
    pages.append(f"{site}/en/press-releases/?q=XSS")
    pages.append(f"{site}/en/media-contacts/?q=XSS")
    return pages


def test_nothing_hostile_runs_in_chromium(site, page):
    fill_with_vectors()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(LISTEN)
    visited = 0
    for url in hostile_pages(site):
        response = page.goto(url)
        if "html" not in (response.headers.get("content-type") or ""):
            continue
        page.mouse.move(200, 300)  # handlers waiting for a pointer or focus get their chance
        page.keyboard.press("Tab")
        assert page.evaluate(DOM_RISKS) == [], url
        assert page.evaluate("window.__refused") == [], url
        visited += 1
    assert dialogs == []
    assert visited >= 15
