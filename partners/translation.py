from modeltranslation.translator import TranslationOptions, register

from core.languages import required_in_default_language

from . import models


@register(models.Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name", "short_name", "boilerplate")
    required_languages = required_in_default_language("name")


@register(models.KeyFact)
class KeyFactTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = required_in_default_language("text")


@register(models.Site)
class SiteTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Person)
class PersonTranslation(TranslationOptions):
    fields = ("honorific", "job_title")


@register(models.MediaContact)
class MediaContactTranslation(TranslationOptions):
    fields = ("role", "away_note")


@register(models.Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = required_in_default_language("name")


@register(models.Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = required_in_default_language("title")


@register(models.ResearchProject)
class ResearchProjectTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = required_in_default_language("title")


@register(models.PartnerImage)
class PartnerImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption", "usage_restriction")
