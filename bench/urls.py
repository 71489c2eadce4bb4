"""The project's URLs, plus the floor: the least a Django view can cost on this stack (same
middleware, same server), which every page's throughput is compared with."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as project_urls

__all__ = ["handler404", "handler500", "urlpatterns"]


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), *project_urls]
