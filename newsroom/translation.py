from modeltranslation.translator import TranslationOptions, register

from core.languages import required_in_default_language, required_in_every_language

from . import history, models


@register(models.Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "slug")
    empty_values = {"slug": None}
    required_languages = required_in_default_language("name")


@register(models.PressRelease)
class PressReleaseTranslation(TranslationOptions):
    # Which language must be complete depends on the release (its original language),
    # so that rule lives in PressRelease.clean() rather than in required_languages.
    fields = ("title", "subtitle", "slug", "dateline", "body")
    empty_values = {"slug": None}


@register(models.Quote)
class QuoteTranslation(TranslationOptions):
    fields = ("text", "speaker_title")


@register(models.ReleaseImage)
class ReleaseImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption", "usage_restriction")


@register(models.Attachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title", "usage_restriction")


@register(models.ReleaseVideo)
class ReleaseVideoTranslation(TranslationOptions):
    fields = ("title", "description", "transcript")


@register(models.Correction)
class CorrectionTranslation(TranslationOptions):
    fields = ("note",)


@register(models.NewsroomIdentity)
class NewsroomIdentityTranslation(TranslationOptions):
    fields = ("name", "tagline", "footer_text")
    required_languages = required_in_every_language("name")


# Revisions (newsroom/history.py) are registered here: after every translated field exists
# (partners' translation.py runs first), before the admin's VersionAdmin registers defaults.
history.register()
