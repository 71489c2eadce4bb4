"""Structured data (schema.org JSON-LD) for releases and institutions.

Built only from what the page already fetched; escaped for a <script> data block.
"""

import json
import mimetypes

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


def video_object(video, release, request):
    """A release's video: its file (``contentUrl``) or its page on a host (``url``), with its
    poster and rights. Read in the language the release is shown in."""
    data = {
        "@type": "VideoObject",
        "name": video.title,
        "description": video.description or video.title,
        "uploadDate": release.made_public_at.isoformat() if release.made_public_at else None,
        "duration": video.duration_iso,
    }
    if video.poster:
        data["thumbnailUrl"] = request.build_absolute_uri(video.poster.url)
    if video.file:
        data["contentUrl"] = request.build_absolute_uri(video.file.url)
        data["encodingFormat"] = video.content_type
    else:
        data["url"] = video.external_url
    if video.transcript:
        data["transcript"] = video.transcript
    data |= video.rights_jsonld()
    return {key: value for key, value in data.items() if value not in (None, "")}


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
    images = [image_object(image, request) for image in release.images.all()]
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
        if videos := [video_object(video, release, request) for video in release.videos.all()]:
            data["video"] = videos
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def image_object(image, request):
    """A release image as an ImageObject with its rights (``license``, ``creditText``,
    ``copyrightNotice``), as search engines show them."""
    rendition = image.web_or_original
    data = {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(rendition.url),
        "contentUrl": request.build_absolute_uri(image.image.url),
        "caption": image.caption or image.alt_text,
        "width": rendition.width,
        "height": rendition.height,
        **image.rights_jsonld(),
    }
    return {key: value for key, value in data.items() if value not in (None, "")}


def media_library(assets, request, *, name, url):
    """The media library page: a CollectionPage of the assets shown, each with its rights."""
    parts = []
    for asset in assets:
        data = {
            "@type": asset.schema_type,
            "name": asset.title,
            "caption": asset.caption,
            "contentUrl": request.build_absolute_uri(asset.download_url),
            "encodingFormat": mimetypes.guess_type(asset.file.name)[0],
            "width": asset.width,
            "height": asset.height,
            "expires": asset.item.expires_on.isoformat() if asset.item.expires_on else None,
            **asset.item.rights_jsonld(),
        }
        if asset.thumbnail is not None:
            data["thumbnailUrl"] = request.build_absolute_uri(asset.thumbnail.url)
        for key, value in asset.extra.items():
            data[key] = value.isoformat() if hasattr(value, "isoformat") else value
        parts.append({key: value for key, value in data.items() if value not in (None, "")})
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "inLanguage": translation.get_language(),
        "hasPart": parts,
    }
