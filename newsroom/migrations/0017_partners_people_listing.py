"""People on record were shown only when quoted in a public release or public media contacts:
those who were not (quoted only in drafts, say) now wait for a release, as new people do."""

from django.db import migrations
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def unlist_unknown_people(apps, schema_editor):
    Person = apps.get_model("partners", "Person")
    Quote = apps.get_model("newsroom", "Quote")
    MediaContact = apps.get_model("partners", "MediaContact")
    now = timezone.now()
    quoted = Quote.objects.filter(
        Q(release__embargo_until__isnull=True) | Q(release__embargo_until__lte=now),
        release__status="published",
        release__publish_at__lte=now,
        person=OuterRef("pk"),
    )
    contact = MediaContact.objects.filter(person=OuterRef("pk"), is_public=True)
    Person.objects.exclude(Exists(quoted) | Exists(contact)).update(listing="with_release")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0016_reencoded_images"),
        ("partners", "0005_listing"),
    ]

    operations = [migrations.RunPython(unlist_unknown_people, migrations.RunPython.noop)]
