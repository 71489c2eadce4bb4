"""Finding the release a URL names, for its page, its media kit, its calendar file and the
language switch: the queryset finds it, this says what the reader gets when it does not."""

from django.http import Http404

from .models import PressRelease, ReleaseStatus


class Withdrawn(Exception):
    def __init__(self, release):
        self.release = release


def find_visible(slug, language, user):
    """The release this viewer may read whose slug in ``language`` (or, untranslated, in
    any) is ``slug``: (release, canonical slug). 404 when there is none (existence is not
    revealed); ``Withdrawn`` when it was public and has been withdrawn."""
    release = PressRelease.objects.visible_to(user).with_slug(slug, language)
    if release is None:
        withdrawn = PressRelease.objects.filter(status=ReleaseStatus.WITHDRAWN).with_slug(slug)
        if withdrawn and withdrawn.was_public:
            raise Withdrawn(withdrawn)
        raise Http404
    return release, release.slug_for(language)
