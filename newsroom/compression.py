"""gzip for the text the app writes (pages, feeds, sitemaps, vCards), for browsers that take it.

Static files are WhiteNoise's, compressed once by ``collectstatic``; media files (images,
PDF, ZIP) are compressed formats already and streamed, with their length (a download's
progress): both pass untouched. Django's ``GZipMiddleware`` pads each answer with random bytes
(the BREACH mitigation), so a page holding a CSRF token may be compressed too.
"""

from django.middleware.gzip import GZipMiddleware

TEXT = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "application/javascript",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if response.streaming or not content_type.startswith(TEXT):
            return response
        return super().process_response(request, response)
