"""Listing: new rows wait for a public release naming them; every row already on record stays
listed (set explicitly, then the default for new rows changes)."""

from django.db import migrations, models

MODELS = ("institution", "person", "mediacontact", "partnership")
CHOICES = [("with_release", "Once a public release names it"), ("public", "Now")]
HELP = "Listed once a public release names it, or now. Until then the public sees nothing of it."


def listing(default):
    return models.CharField(
        choices=CHOICES,
        default=default,
        help_text=HELP,
        max_length=20,
        verbose_name="listed on the public site",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_reencoded_images"),
    ]

    operations = [
        # Existing rows get "public" as they are added...
        *(
            migrations.AddField(model_name=name, name="listing", field=listing("public"))
            for name in MODELS
        ),
        # ...new ones wait for a release.
        *(
            migrations.AlterField(model_name=name, name="listing", field=listing("with_release"))
            for name in MODELS
        ),
        *(
            migrations.AddConstraint(
                model_name=name,
                constraint=models.CheckConstraint(
                    condition=models.Q(listing__in=["with_release", "public"]),
                    name=f"{name}_listing_valid",
                ),
            )
            for name in MODELS
        ),
    ]
