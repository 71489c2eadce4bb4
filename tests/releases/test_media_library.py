"""The media library: rights on every asset (required at upload and before publishing), the
public page (filters, pages, JSON-LD, languages, cache, query budget), downloads carrying their
rights in XMP, expiry, and no leak of what the public must not see."""

import datetime
import io
import json
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.test import Client
from django.utils import timezone
from PIL import Image

from core.rights import LicensedForm
from newsroom import media_library, page_cache, workflow
from newsroom.media_kit import build_media_kit
from newsroom.models import Attachment, PressRelease, ReleaseImage
from newsroom.release_prefetches import detail_prefetches
from partners.models import Institution, Listing, PartnerImage, Person
from tests.helpers import (
    HIDDEN_STATES,
    MP4_BYTES,
    add_attachment,
    add_image,
    add_video,
    add_video_link,
    hidden_state_id,
    image_bytes,
)

pytestmark = pytest.mark.django_db
HOUR = timezone.timedelta(hours=1)
FR, EN = "/fr/mediatheque/", "/en/media-library/"
MARK = "Zorglub"


def jsonld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def add_logo(institution, **fields):
    values = {
        "kind": "logo",
        "alt_text_fr": f"Logo {institution.name}",
        "alt_text_en": f"{institution.name} logo",
        "credit": institution.name,
        "licence": "editorial",
        "usage_restriction_fr": "Uniquement pour l’actualité de l’institution",
        "usage_restriction_en": "Only for news about the institution",
    }
    upload = SimpleUploadedFile("logo.png", image_bytes("PNG", (64, 32)))
    return PartnerImage.objects.create(institution=institution, image=upload, **(values | fields))


def kind_counts(response):
    """The type filter's labels, "Logos (1)": what the counts tell."""
    return dict(response.context["form"].fields["kind"].choices)


# Rights on assets ---------------------------------------------------------------------------


def test_release_image_credit_comes_from_the_rights_mixin(make_release):
    image = add_image(make_release(), credit="© (c) Inserm", licence="cc-by-4.0")
    image.refresh_from_db()
    assert image.credit == "Inserm" and image.credit_notice == "© Inserm"
    assert image.licence_url == "https://creativecommons.org/licenses/by/4.0/"
    assert image.rights_jsonld() == {
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creditText": "Inserm",
        "copyrightNotice": "© Inserm",
    }


@pytest.mark.parametrize("model,file_field", [(ReleaseImage, "image"), (Attachment, "file")])
def test_forms_require_credit_and_licence_at_upload(make_release, model, file_field):
    release = make_release()
    text = "alt_text_fr" if model is ReleaseImage else "title_fr"
    Form = modelform_factory(
        model,
        form=type("F", (LicensedForm,), {"file_field": file_field}),
        fields=[file_field, "credit", "licence", "release", text],
    )
    name, content = ("a.png", image_bytes()) if model is ReleaseImage else ("a.pdf", b"%PDF-1.7")
    files = {file_field: SimpleUploadedFile(name, content)}
    form = Form({"release": release.pk, "credit": "", "licence": "", text: "Texte"}, files)
    assert not form.is_valid()
    assert "Indiquez le crédit et la licence" in form.errors["credit"][0]
    assert "licence" in form.errors
    data = {"release": release.pk, "credit": "Inserm", "licence": "cc-by-4.0", text: "Texte"}
    form = Form(data, files)
    assert form.is_valid(), form.errors


def test_old_rows_without_licence_stay_editable_until_their_file_changes(make_release):
    release = make_release()
    image = add_image(release, licence="")
    fields = ["image", "licence", "credit", "alt_text_fr"]
    Form = modelform_factory(ReleaseImage, form=LicensedForm, fields=fields)
    data = {"credit": "Studio", "licence": "", "alt_text_fr": "Photo"}
    assert Form(data, instance=image).is_valid()
    replaced = {"image": SimpleUploadedFile("b.png", image_bytes())}
    form = Form(data, replaced, instance=image)
    assert not form.is_valid() and "licence" in form.errors


def test_admin_inline_refuses_an_upload_without_licence(staff_client, make_release):
    release = make_release(status="draft", publish_at=None)
    response = staff_client.get(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"]
    forms = {formset.formset.prefix: formset.formset.form for formset in inline}
    assert issubclass(forms["images"], LicensedForm)
    assert issubclass(forms["attachments"], LicensedForm)
    assert forms["attachments"].file_field == "file"


def test_publishing_refuses_assets_without_rights(make_release, make_staff):
    release = make_release(status="approved", publish_at=None, body_fr="<p>Texte</p>")
    release.original_only = True
    release.save()
    add_image(release, licence="", alt_text_fr="Photo sans licence")
    add_attachment(release, credit="", title_fr="Dossier sans crédit")
    with pytest.raises(ValidationError) as refused:
        workflow.release_transition(release=release, user=make_staff("Publisher"), action="publish")
    message = " ".join(refused.value.messages)
    assert "crédit et la licence de chaque image" in message
    assert "Photo sans licence" in message and "Dossier sans crédit" in message
    ReleaseImage.objects.update(licence="editorial")
    Attachment.objects.update(credit="Acme")
    workflow.release_transition(release=release, user=make_staff("Publisher"), action="publish")
    assert PressRelease.objects.get(pk=release.pk).status == "published"


# Metadata in delivered files ----------------------------------------------------------------


def rights_of(data):
    with Image.open(io.BytesIO(data)) as image:
        packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
        parsed = image.getxmp()
    if isinstance(packet, bytes):
        packet = packet.decode()
    return packet, parsed["xmpmeta"]["RDF"]["Description"]


@pytest.mark.parametrize("fmt,name", [("JPEG", "photo.jpg"), ("PNG", "diagram.png")])
def test_download_carries_the_rights_in_xmp(client, make_release, fmt, name):
    release = make_release()
    image = add_image(
        release,
        fmt=fmt,
        name=name,
        size=(300, 200),
        credit="Inserm",
        licence="cc-by-4.0",
        caption_fr="Cellules",
        usage_restriction_fr="Uniquement pour ce communiqué",
        expires_on=datetime.date(2099, 1, 31),
    )
    response = client.get(f"/fr/mediatheque/image/{image.pk}/telecharger/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    packet, rights = rights_of(response.content)
    assert rights["Credit"] == "Inserm"
    assert rights["rights"]["Alt"]["li"]["text"] == "© Inserm"
    assert rights["WebStatement"] == "https://creativecommons.org/licenses/by/4.0/"
    terms = rights["UsageTerms"]["Alt"]["li"]["text"]
    assert terms == "CC BY 4.0 (réutilisation avec crédit). Uniquement pour ce communiqué"
    assert rights["Marked"] == "True"
    assert rights["LicenseEndDate"] == "2099-01-31"
    assert "<plus:CopyrightOwnerName>Inserm</plus:CopyrightOwnerName>" in packet
    # The pixels are the original's, at full resolution.
    with Image.open(io.BytesIO(response.content)) as original:
        assert original.size == (300, 200)


def test_media_kit_images_carry_licence_terms(make_release):
    release = make_release()
    add_image(release, credit="Inserm", licence="editorial", usage_restriction_fr="Pas de pub")
    prefetched = PressRelease.objects.prefetch_related(*detail_prefetches()).get(pk=release.pk)
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(build_media_kit(prefetched)))
    (photo,) = [name for name in archive.namelist() if name.endswith(".jpg")]
    _packet, rights = rights_of(archive.read(photo))
    assert rights["UsageTerms"]["Alt"]["li"]["text"].endswith("Pas de pub")
    assert "WebStatement" not in rights  # an editorial licence has no public text
    assert b"Pas de pub" in archive.read("images/credits.txt")


def test_partner_logo_and_document_downloads(client, institution):
    institution.listing = Listing.PUBLIC
    institution.save()
    logo = add_logo(institution)
    response = client.get(f"/en/media-library/partner/{logo.pk}/download/")
    assert response.status_code == 200
    _packet, rights = rights_of(response.content)
    assert rights["UsageTerms"]["Alt"]["li"]["text"] == (
        "Editorial use only. Only for news about the institution"
    )
    assert client.get(logo.image.url).status_code == 200  # the media gate too


# The page -----------------------------------------------------------------------------------


@pytest.fixture
def library(make_release, institution):
    """A public release with an image and a document, a listed institution's logo."""
    release = make_release()
    image = add_image(release, size=(640, 480), caption_en="Cells", credit="Inserm")
    document = add_attachment(release)
    institution.listing = Listing.PUBLIC
    institution.save()
    logo = add_logo(institution)
    return release, image, document, logo


@pytest.mark.parametrize("url,language", [(FR, "fr"), (EN, "en")])
def test_library_page_lists_every_public_asset_with_its_rights(client, library, url, language):
    release, image, document, logo = library
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert [asset.item for asset in response.context["assets"]] == [image, document, logo]
    assert image.thumbnail.url in html and logo.image.url in html
    assert "© Inserm" in html and "© Acme" in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert release.get_absolute_url(language) in html
    assert f"/{language}/" in response.context["assets"][0].download_url
    assert "640 × 480 px" in html
    alternates = dict(response.context["alternates"])
    assert alternates == {"fr": FR, "en": EN}
    data = jsonld(html)
    assert data["@type"] == "CollectionPage" and data["inLanguage"] == language
    parts = data["hasPart"]
    assert [part["@type"] for part in parts] == ["ImageObject", "MediaObject", "ImageObject"]
    assert parts[0]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert parts[0]["creditText"] == "Inserm" and parts[0]["copyrightNotice"] == "© Inserm"
    assert parts[2]["creditText"] == "Acme"
    assert [part["encodingFormat"] for part in parts] == [
        "image/jpeg",
        "application/pdf",
        "image/png",
    ]


def test_library_is_in_the_nav_and_the_sitemap(client, library):
    assert f'href="{FR}"' in client.get("/fr/").text
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert f"http://testserver{FR}" in sitemap and f"http://testserver{EN}" in sitemap


def test_filters_combine_and_unknown_values_are_ignored_and_said(client, library):
    _release, _image, document, logo = library
    other = Institution.objects.create(
        kind="company", name_fr="Autre", slug="autre", listing=Listing.PUBLIC
    )
    other_logo = add_logo(other)
    response = client.get(EN, {"kind": "logo"})
    assert [asset.item for asset in response.context["assets"]] == [logo, other_logo]
    response = client.get(EN, {"kind": "logo", "institution": "autre"})
    assert [asset.item for asset in response.context["assets"]] == [other_logo]
    assert kind_counts(response)["logo"] == "Logos (1)"
    assert kind_counts(response)["image"] == "Release images (0)"
    response = client.get(EN, {"kind": "document", "institution": "acme"})
    assert [asset.item for asset in response.context["assets"]] == [document]
    response = client.get(EN, {"kind": "videos", "institution": "nowhere"})
    assert response.status_code == 200
    assert len(response.context["assets"]) == 4
    html = response.text
    assert "Unknown type “videos”: this filter is ignored." in html
    assert "Unknown institution “nowhere”" in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://testserver{EN}">' in html
    # The language switch lands on the same filtered page.
    response = client.get(FR, {"kind": "logo", "institution": "autre"})
    assert dict(response.context["alternates"])["en"] == f"{EN}?kind=logo&institution=autre"


def test_pages_and_past_the_end(client, library, monkeypatch):
    monkeypatch.setattr(media_library, "PAGE_SIZE", 2)
    _release, image, document, logo = library
    first = client.get(EN)
    assert [asset.item for asset in first.context["assets"]] == [image, document]
    assert 'rel="next"' in first.text
    second = client.get(EN, {"page": 2})
    assert [asset.item for asset in second.context["assets"]] == [logo]
    beyond = client.get(EN, {"page": 9})
    assert beyond.status_code == 200 and [a.item for a in beyond.context["assets"]] == [logo]
    assert "There is no page 9" in beyond.text
    assert client.get(EN, {"page": "x"}).status_code == 200


def test_library_is_cached_for_anonymous_readers(client, library):
    first = client.get(EN)
    assert "no-cache" in first["Cache-Control"] and "private" not in first["Cache-Control"]
    assert client.get(EN, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def add_assets(institution, make_release, count):
    for _ in range(count):
        release = make_release()
        add_image(release, size=(40, 30))
        add_attachment(release)
        add_video(release, subtitles=False)
        add_logo(institution)


def test_a_fixed_number_of_queries_whatever_the_assets(
    client, make_release, institution, django_assert_num_queries, uncached, monkeypatch
):
    """1 vs 30 assets of each source on the page: one count and one fetch per source."""
    monkeypatch.setattr(media_library, "PAGE_SIZE", 150)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    institution.listing = Listing.PUBLIC
    institution.save()
    add_assets(institution, make_release, 1)
    client.get(EN)
    uncached()
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(EN).context["assets"]) == 4
    add_assets(institution, make_release, 29)
    uncached()
    with django_assert_num_queries(len(one)):
        response = client.get(EN)
    assert len(response.context["assets"]) == 120
    assert len(one) <= 14


# Videos -------------------------------------------------------------------------------------


def test_library_offers_uploaded_videos_with_their_rights(client, make_release):
    """A stored video is an asset (poster, rights, VideoObject, streamed download); a video on a
    host is the host's to offer, on its release page only."""
    release = make_release()
    video = add_video(
        release, credit="Studio Vidéo", duration=datetime.timedelta(minutes=2, seconds=5)
    )
    add_video_link(release, title_en="On a host")
    response = client.get(EN, {"kind": "video"})
    assert [asset.item for asset in response.context["assets"]] == [video]
    assert kind_counts(response)["video"] == "Videos (1)"
    html = response.text
    assert video.poster.url in html and "On a host" not in html
    (part,) = jsonld(html)["hasPart"]
    assert part["@type"] == "VideoObject" and part["encodingFormat"] == "video/mp4"
    assert part["duration"] == "PT2M5S" and part["uploadDate"] == release.release_date.isoformat()
    assert part["thumbnailUrl"] == f"http://testserver{video.poster.url}"
    assert part["creditText"] == "Studio Vidéo"
    assert part["license"] == "https://creativecommons.org/licenses/by/4.0/"
    download = client.get(f"/en/media-library/video/{video.pk}/download/")
    assert download.status_code == 200 and download.streaming
    assert download.getvalue() == MP4_BYTES
    assert download["Content-Disposition"].startswith("attachment;")
    assert "Vidéos (1)" in kind_counts(client.get(FR)).values()


def test_an_expired_video_is_withdrawn_and_its_expiry_is_a_cache_boundary(client, make_release):
    release = make_release()
    day = timezone.localdate() + datetime.timedelta(days=3)
    video = add_video(release, subtitles=False, expires_on=day)
    midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    assert media_library.next_expiry() == midnight + datetime.timedelta(days=1)
    url = f"/en/media-library/video/{video.pk}/download/"
    assert client.get(url).status_code == 200
    with time_machine.travel(midnight + datetime.timedelta(days=1, seconds=1)):
        assert video.poster.url not in Client().get(EN).text
        assert Client().get(url).status_code == 404


# Expiry -------------------------------------------------------------------------------------


def test_expired_assets_are_no_longer_offered(client, make_release, staff_client):
    release = make_release()
    today = timezone.localdate()
    kept = add_image(release, expires_on=today, alt_text_en="Kept photo")
    gone = add_image(release, expires_on=today - datetime.timedelta(days=1), alt_text_en="Old")
    gone_file = add_attachment(release, expires_on=today - datetime.timedelta(days=1))
    html = client.get(EN).text
    assert kept.thumbnail.url in html and gone.thumbnail.url not in html
    assert "Press kit" not in html
    page = client.get(release.get_absolute_url("en")).text
    assert gone.web.url not in page and kept.web.url in page
    assert gone_file.file.url not in page
    assert [part["caption"] for part in jsonld(page)["image"]] == ["Kept photo"]
    for file in (gone.image, gone.web, gone_file.file):
        assert Client().get(file.url).status_code == 404
        assert staff_client.get(file.url).status_code == 200  # staff still open it
    assert client.get(f"/en/media-library/image/{gone.pk}/download/").status_code == 404
    kit = Client().get(release.get_absolute_url("en") + "media-kit/").getvalue()
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(kit)).namelist()
    assert len([name for name in names if name.startswith("images/") and "credits" not in name])
    assert not [name for name in names if name.startswith("documents/")]


def test_the_content_version_changes_when_an_asset_expires(client, make_release):
    release = make_release()
    day = timezone.localdate() + datetime.timedelta(days=2)
    image = add_image(release, expires_on=day)
    version = page_cache.change()
    midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    assert version.next_change == midnight + datetime.timedelta(days=1)
    assert image.thumbnail.url in client.get(EN).text
    with time_machine.travel(version.next_change + datetime.timedelta(seconds=1)):
        assert image.thumbnail.url not in Client().get(EN).text


# No leak ------------------------------------------------------------------------------------


@pytest.fixture(params=range(len(HIDDEN_STATES)), ids=lambda n: hidden_state_id(HIDDEN_STATES[n]))
def hidden(request, library, make_release):
    release = make_release(**HIDDEN_STATES[request.param])
    release.image = add_image(release, size=(64, 48), alt_text_en=f"{MARK} photo")
    release.attachment = add_attachment(release, title_en=f"{MARK} dossier", name="z.pdf")
    release.video = add_video(release, title_en=f"{MARK} video", subtitles=False)
    return release


def assert_absent(client, hidden):
    for url in (EN, f"{EN}?kind=image", f"{EN}?institution=acme", FR, f"{FR}?kind=document"):
        response = client.get(url)
        assert MARK not in response.text and hidden.image.thumbnail.url not in response.text
        assert hidden.attachment.file.url not in response.text
        assert hidden.video.poster.url not in response.text
        counts = kind_counts(response)
        assert counts["image"].endswith("(1)") and counts["document"].endswith("(1)")
        assert counts["video"].endswith("(0)")
        assert MARK not in json.dumps(jsonld(response.text))
    assert MARK not in client.get("/sitemap-pages.xml").content.decode()
    rows = (("image", hidden.image), ("document", hidden.attachment), ("video", hidden.video))
    for source, row in rows:
        assert client.get(f"/en/media-library/{source}/{row.pk}/download/").status_code == 404


def test_hidden_release_assets_appear_nowhere_in_the_library(client, hidden):
    assert_absent(client, hidden)


def test_hidden_release_assets_appear_at_the_lift_minute(client, hidden):
    if hidden.status != "published":
        pytest.skip("only releases with a minute")
    with time_machine.travel(timezone.now() + 2 * HOUR):
        html = client.get(EN).text
        assert f"{MARK} photo" in html and f"{MARK} dossier" in html
        assert f"{MARK} video" in html
        for source, row in (("image", hidden.image), ("video", hidden.video)):
            url = f"/en/media-library/{source}/{row.pk}/download/"
            assert client.get(url).status_code == 200


def test_embargoed_assets_for_accredited_journalists_only(hidden, make_journalist):
    if not hidden.embargo_until:
        pytest.skip("embargo only")
    journalist = Client()
    journalist.force_login(make_journalist())
    response = journalist.get(EN)
    assert f"{MARK} photo" in response.text
    assert "private" in response["Cache-Control"]
    url = f"/en/media-library/image/{hidden.image.pk}/download/"
    download = journalist.get(url)
    assert download.status_code == 200 and "private" in download["Cache-Control"]
    assert_absent(Client(), hidden)


def test_unlisted_institution_assets_are_absent(client, make_release):
    waiting = Institution.objects.create(kind="company", name_fr="Futur", slug="futur")
    logo = add_logo(waiting, alt_text_en=f"{MARK} logo")
    person = Person.objects.create(first_name="Ann", last_name="On", slug="ann-on")
    listed = Institution.objects.create(
        kind="company", name_fr="Public", slug="public", listing=Listing.PUBLIC
    )
    headshot = add_logo(listed, kind="headshot", person=person, alt_text_en=f"{MARK} face")
    html = client.get(EN).text
    assert MARK not in html and "futur" not in html
    for row in (logo, headshot):
        assert client.get(f"/en/media-library/partner/{row.pk}/download/").status_code == 404
        assert client.get(row.image.url).status_code == 404
    person.listing = Listing.PUBLIC
    person.save()
    assert f"{MARK} face" in Client().get(EN).text


def test_demo_offers_the_three_logos_with_their_rights_once(client):
    from newsroom.demo import load_demo

    load_demo()
    load_demo()  # idempotent: no second copy
    logos = PartnerImage.objects.filter(kind="logo")
    assert logos.count() == 3
    assert {logo.licence for logo in logos} == {"editorial"}
    assert all(logo.credit and logo.usage_restriction_en for logo in logos)
    response = client.get(EN, {"kind": "logo"})
    assert len(response.context["assets"]) == 3
    assert "Editorial use only" in response.text


def test_partner_images_are_edited_on_institutions_and_people(staff_client, institution):
    person = Person.objects.create(
        first_name="Ann", last_name="On", slug="ann-on", institution=institution
    )
    add_logo(institution, kind="headshot", person=person)
    for url in (
        f"/admin/partners/institution/{institution.pk}/change/",
        f"/admin/partners/person/{person.pk}/change/",
    ):
        response = staff_client.get(url)
        assert response.status_code == 200
        (formset,) = [
            inline.formset
            for inline in response.context["inline_admin_formsets"]
            if inline.formset.model is PartnerImage
        ]
        assert issubclass(formset.form, LicensedForm) and len(formset.forms) == 1


def test_release_gallery_shows_each_image_licence_and_restriction(client, make_release):
    release = make_release()
    add_image(release, licence="cc-by-4.0", usage_restriction_en="Only with this release")
    html = client.get(release.get_absolute_url("en")).text
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert "Only with this release" in html


def test_french_page_is_in_french(client):
    from newsroom.demo import load_demo

    load_demo()
    html = client.get(FR).text
    for french in ("Médiathèque", "Télécharger l’original", "Usage éditorial uniquement", "Crédit"):
        assert french in html
    for english in ("Download original", "Editorial use only", "Media library", "All types"):
        assert english not in html
    assert "Uniquement pour illustrer une actualité" in html
    assert re.search(r"<p role=\"status\">\d+ fichiers</p>", html)


def test_an_expired_logo_is_withdrawn_from_the_library_and_the_gate(client, institution):
    institution.listing = Listing.PUBLIC
    institution.save()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    logo = add_logo(institution, expires_on=yesterday)
    assert logo.image.url not in client.get(EN).text
    assert client.get(logo.image.url).status_code == 404
    assert client.get(f"/en/media-library/partner/{logo.pk}/download/").status_code == 404
    PartnerImage.objects.filter(pk=logo.pk).update(expires_on=None)
    page_cache.change()
    assert logo.image.url in client.get(EN).text
    assert client.get(logo.image.url)["Cache-Control"] == "public, no-cache"


def test_a_headshot_belongs_to_its_person_institution(institution):
    other = Institution.objects.create(kind="company", name_fr="Autre", slug="autre")
    person = Person.objects.create(first_name="A", last_name="B", slug="a-b", institution=other)
    image = PartnerImage(institution=institution, person=person, kind="headshot")
    with pytest.raises(ValidationError) as refused:
        image.clean()
    assert "person" in refused.value.message_dict
