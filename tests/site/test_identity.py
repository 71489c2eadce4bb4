"""The newsroom identity: edited by administrators in the back office, shown by pages, feeds,
emails, JSON-LD and the admin's header, in both languages."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from alerts.emails import Alerts, confirmation
from alerts.models import Delivery, Kind, Subscriber
from core.languages import LANGUAGE_CODES
from newsroom.models import NewsroomIdentity, identity
from tests.helpers import image_bytes

pytestmark = pytest.mark.django_db

CHANGE = "/admin/newsroom/newsroomidentity/1/change/"
FORM = {
    "name_fr": "Presse Oncologie",
    "name_en": "Oncology Press",
    "tagline_fr": "L’actualité de la recherche",
    "tagline_en": "Research news",
    "footer_text_fr": "Le pied de page en français.",
    "footer_text_en": "The footer in English.",
    "accent": "#7a1f5c",
}


def edit(client, **changes):
    return client.post(CHANGE, FORM | changes)


def jsonld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_migration_made_the_row_the_site_showed():
    row = NewsroomIdentity.objects.get()
    assert (row.name_fr, row.name_en, row.accent) == ("Salle de presse", "Newsroom", "#0b5cad")
    assert row.footer_text_en.startswith("Newsroom of Gustave Roussy")
    assert row.footer_text_fr.startswith("Salle de presse de Gustave Roussy")


def test_pages_show_the_identity_of_the_migration(client, demo_release):
    html = client.get("/en/").text
    assert title(html).endswith(" · Newsroom")
    assert '<meta property="og:site_name" content="Newsroom">' in html
    assert "Newsroom of Gustave Roussy, Sanofi and the Paris Saclay Cancer Cluster." in html
    assert '<meta name="theme-color" content="#0b5cad">' in html
    assert 'href="/identity.css?v=0b5cad"' in html
    french = client.get("/fr/").text
    assert title(french).endswith(" · Salle de presse")
    assert "Salle de presse de Gustave Roussy" in french


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_an_administrator_edit_is_shown_everywhere_at_once(
    client, staff_client, demo_release, language
):
    reader = Client()
    home = f"/{language}/"
    feed = "/fr/flux/rss/" if language == "fr" else "/en/feeds/rss/"
    reader.get(home), reader.get(feed)  # cached for anonymous readers
    release_url = demo_release.get_absolute_url(language)
    reader.get(release_url)

    response = edit(staff_client)
    assert response.status_code == 302, response.text

    name = FORM[f"name_{language}"]
    html = reader.get(home).text  # no wait: the save changed the content version
    assert f'<span class="brand-name">{name}</span>' in html
    assert title(html).endswith(f" · {name}")
    assert f'<meta property="og:site_name" content="{name}">' in html
    assert FORM[f"footer_text_{language}"] in html
    assert "Gustave Roussy, Sanofi and" not in html and "de Sanofi et du" not in html
    assert '<meta name="theme-color" content="#7a1f5c">' in html
    assert 'href="/identity.css?v=7a1f5c"' in html

    rss = reader.get(feed).text
    assert f"— {name}</title>" in rss
    assert f"<description>{FORM[f'tagline_{language}']}</description>" in rss

    data = jsonld(reader.get(release_url).text)
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == name
    assert {org["name"] for org in data["author"]} == {"Sanofi", "Gustave Roussy"}

    admin_home = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).text
    assert f"{name} — back" in admin_home


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_emails_come_from_the_newsroom_by_its_name(client, demo_release, language):
    NewsroomIdentity.objects.filter(pk=1).update(name_fr="Presse Onco", name_en="Onco Press")
    identity.forget()
    name = {"fr": "Presse Onco", "en": "Onco Press"}[language]

    message = confirmation("lea@example.org", language, "a-token")
    assert message.from_email == f"{name} <newsroom@localhost>"
    assert f"({name})" in message.subject
    assert message.body.rstrip().endswith(f"-- \n{name}")

    reader = Subscriber.objects.create(
        email="jo@example.org", language=language, everything=True, requested_at=timezone.now()
    )
    delivery = Delivery(subscriber=reader, release=demo_release, kind=Kind.PUBLIC)
    alert = Alerts().message(delivery)
    assert alert.from_email == f"{name} <newsroom@localhost>"
    assert alert.subject == getattr(demo_release, f"title_{language}")  # unchanged: filters
    assert f"-- \n{name}\n" in alert.body
    assert f"<p>{name}</p>" in alert.alternatives[0].content


def test_a_logo_is_shown_in_the_header_and_json_ld_and_served_to_anyone(
    client, staff_client, demo_release
):
    upload = SimpleUploadedFile("logo.png", image_bytes("PNG", (120, 40)))
    response = staff_client.post(CHANGE, FORM | {"logo": upload})
    assert response.status_code == 302, response.text
    logo = NewsroomIdentity.objects.get().logo
    assert logo.name.startswith("identity/") and logo.name.endswith(".png")
    form = staff_client.get(CHANGE).text  # the stored logo shown, the file input labelled
    assert f'href="{logo.url}"' in form and '<label for="id_logo">' in form
    html = Client().get("/en/").text
    # 120 × 40 shown 40 pixels high: its size given, the header does not move as it loads.
    assert f'<img class="brand-logo" src="{logo.url}" alt="" width="120" height="40">' in html
    data = jsonld(Client().get(demo_release.get_absolute_url("en")).text)
    assert data["publisher"]["logo"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{logo.url}",
    }
    served = Client().get(logo.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served["Cache-Control"] == "public, no-cache"
    # A replaced logo, or any other name under the folder, is not served.
    old = logo.url
    staff_client.post(
        CHANGE, FORM | {"logo": SimpleUploadedFile("new.png", image_bytes("PNG", (90, 30)))}
    )
    assert Client().get(old).status_code == 404
    assert Client().get("/media/identity/nothing.png").status_code == 404


@pytest.mark.parametrize(
    ("accent", "message"),
    [
        ("blue", "six hexadecimal digits"),
        ("#12345", "six hexadecimal digits"),
        ("#ffcc00", "too light"),  # yellow: 1.6:1 with white
        ("#3d8fe0", "too light"),  # 3.4:1: still too light for text
    ],
)
def test_an_accent_unreadable_or_malformed_is_refused_and_nothing_is_lost(
    staff_client, accent, message
):
    response = staff_client.post(CHANGE, FORM | {"accent": accent}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert message in response.text
    # What was typed is still in the form; nothing saved.
    assert 'value="Presse Oncologie"' in response.text and f'value="{accent}"' in response.text
    row = NewsroomIdentity.objects.get()
    assert (row.name_fr, row.accent) == ("Salle de presse", "#0b5cad")


def test_the_refusal_is_in_french_for_a_french_administrator(staff_client):
    response = staff_client.post(CHANGE, FORM | {"accent": "#ffcc00"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Cette couleur est trop claire" in response.text
    assert "contraste de 1,51:1, il faut au moins 4,5:1" in response.text


def test_the_darkest_accents_pass_and_the_rule_is_wcag_aa():
    identity.validate_accent("#000000")
    identity.validate_accent("#0b5cad")
    assert round(identity.contrast_with_white("#767676"), 2) == 4.54  # the AA grey
    identity.validate_accent("#767676")
    with pytest.raises(ValidationError) as refused:
        identity.validate_accent("#777777")
    assert refused.value.code == "accent_contrast"  # 4.48:1


@pytest.mark.parametrize("role", ["Editor", "Publisher"])
def test_editors_and_publishers_cannot_see_nor_change_it(client, make_staff, institution, role):
    client.force_login(make_staff(role, institution))
    assert "newsroomidentity" not in client.get("/admin/").text
    assert client.get(CHANGE).status_code == 403
    assert edit(client).status_code == 403
    assert NewsroomIdentity.objects.get().name_fr == "Salle de presse"


def test_an_administrator_role_changes_it_under_administration(client, make_staff):
    client.force_login(make_staff("Administrator"))
    home = client.get("/admin/").text
    section = home.split("Administration", 1)[1]
    assert "/admin/newsroom/newsroomidentity/" in section
    assert edit(client).status_code == 302
    assert NewsroomIdentity.objects.get().name_en == "Oncology Press"


def test_one_row_no_adding_no_deleting(staff_client):
    listing = staff_client.get("/admin/newsroom/newsroomidentity/")
    assert listing.status_code == 302 and listing["Location"] == CHANGE
    assert staff_client.get("/admin/newsroom/newsroomidentity/add/").status_code == 403
    assert staff_client.get("/admin/newsroom/newsroomidentity/1/delete/").status_code == 403
    form = staff_client.get(CHANGE).text
    assert "deletelink" not in form
    assert NewsroomIdentity.objects.count() == 1


def test_identity_css_serves_the_accent_for_a_year(client):
    NewsroomIdentity.objects.get().save()  # as an edit does: this process reads it again
    response = client.get("/identity.css?v=0b5cad")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert response.text == ":root{--accent:#0b5cad;--accent-dark:#084079}\n"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    row = NewsroomIdentity.objects.get()
    row.accent = "#7a1f5c"
    row.save()
    stale = client.get("/identity.css?v=0b5cad")  # an old page's link: the new colour, not kept
    assert "--accent:#7a1f5c" in stale.text and "immutable" not in stale["Cache-Control"]
    assert "immutable" in client.get("/identity.css?v=7a1f5c")["Cache-Control"]


def test_a_save_in_another_process_is_seen_by_the_next_cached_page(client, demo_release):
    """Another worker's save: this process's copy is checked against the version the page
    cache reads anyway, and read again when it changed."""
    client.get("/en/")
    # As another process would: the row and the content version change, this process's copy
    # is left as it was.
    from newsroom import page_cache

    NewsroomIdentity.objects.filter(pk=1).update(name_en="Elsewhere Press", version="other")
    page_cache.change()
    assert '<span class="brand-name">Elsewhere Press</span>' in client.get("/en/").text


def test_cached_pages_cost_nothing_more_for_it(client, demo_release, django_assert_num_queries):
    client.get("/en/")
    with django_assert_num_queries(1):  # the content version, with the identity's version
        assert "Newsroom" in client.get("/en/").text


def test_load_demo_keeps_an_edited_identity_and_remakes_a_missing_one():
    from newsroom.demo import load_demo

    NewsroomIdentity.objects.filter(pk=1).update(name_fr="Édité")
    load_demo()
    assert NewsroomIdentity.objects.get().name_fr == "Édité"
    NewsroomIdentity.objects.all().delete()
    load_demo()
    load_demo()
    row = NewsroomIdentity.objects.get()
    assert (row.name_fr, row.name_en, row.accent) == ("Salle de presse", "Newsroom", "#0b5cad")
