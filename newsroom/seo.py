"""Structured data (schema.org JSON-LD) for releases and institutions.

Built only from what the page already fetched; escaped for a <script> data block.
"""

import json

from django.urls import reverse
from django.utils import translation

# Exchange codes as schema.org's tickerSymbol expects them ("EPA SAN", "NASDAQ SNY").
EXCHANGE_CODES = {"EURONEXT": "EPA", "EURONEXT PARIS": "EPA", "NASDAQ": "NASDAQ", "NYSE": "NYSE"}
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data):
    """JSON that cannot close its <script> element, whatever the content says."""
    return json.dumps(data, ensure_ascii=False, indent=1).translate(SCRIPT_ESCAPES)


def ticker_symbol(listing):
    return f"{EXCHANGE_CODES.get(listing.exchange, listing.exchange)} {listing.ticker}"


def organization(institution, request, *, full=False):
    data = {
        "@type": "Corporation" if institution.stock_listings.all() else "Organization",
        "name": institution.name,
        "url": institution.website or request.build_absolute_uri(institution.get_absolute_url()),
    }
    if institution.logo:
        data["logo"] = request.build_absolute_uri(institution.logo.url)
    if not full:
        return data
    data["@id"] = request.build_absolute_uri(institution.get_absolute_url())
    data["description"] = institution.boilerplate_text
    if tickers := [ticker_symbol(listing) for listing in institution.stock_listings.all()]:
        data["tickerSymbol"] = tickers[0] if len(tickers) == 1 else tickers
    if same_as := [profile.url for profile in institution.social_profiles.all()]:
        data["sameAs"] = same_as
    if addresses := [
        {"@type": "PostalAddress", "addressLocality": site.city, "addressCountry": site.country}
        for site in institution.sites.all()
    ]:
        data["address"] = addresses[0] if len(addresses) == 1 else addresses
    if member_of := [organization(parent, request) for parent in institution.member_of.all()]:
        data["memberOf"] = member_of
    return {"@context": "https://schema.org", **data}


def newsroom_organization(identity, request):
    """The newsroom itself (``NewsroomIdentity``, in the active language): the publisher of
    what it publishes; the issuing institutions are the authors."""
    data = {
        "@type": "Organization",
        "name": identity.name,
        "url": request.build_absolute_uri(reverse("newsroom:home")),
    }
    if identity.logo:
        data["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(identity.logo_url),
        }
    return data


def news_article(release, request, identity):
    url = request.build_absolute_uri(release.get_absolute_url())
    issuers = [organization(institution, request) for institution in release.issuers.all()]
    images = [
        request.build_absolute_uri(image.web_or_original.url) for image in release.images.all()
    ]
    if not images:
        images = [org["logo"] for org in issuers if "logo" in org]
    with translation.override(release.display_language):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": release.title[:110],
            "description": release.summary,
            "inLanguage": release.display_language,
            "datePublished": release.made_public_at.isoformat() if release.made_public_at else None,
            "dateModified": release.updated_at.isoformat(),
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "author": issuers,
            "publisher": newsroom_organization(identity, request),
            "image": images,
            "keywords": [topic.name for topic in release.topics.all()],
        }
        if release.dateline:
            data["dateline"] = release.dateline
    return {key: value for key, value in data.items() if value not in (None, [], "")}
