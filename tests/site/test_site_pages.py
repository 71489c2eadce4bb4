"""The public site's pages: home, filtered list, institution, spokesperson, partnership,
contacts and vCards — their content, their leaks (none), their query counts (fixed)."""

import re

import pytest
import vobject
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom import page_cache
from newsroom.models import PressRelease, Quote, ReleaseImage, ReleaseIssuer, Topic
from newsroom.search import index
from partners.models import Institution, MediaContact, Person
from tests.helpers import add_image

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.text


def cards(html):
    return re.findall(r'<h[23] class="card-title"><a href="[^"]+">([^<]+)</a>', html)


def test_home_has_latest_releases_institutions_contacts_and_feeds(client, demo_release):
    html = get(client, "/fr/")
    assert cards(html) == [demo_release.title_fr]
    for name in ("Gustave Roussy", "Sanofi", "Paris Saclay Cancer Cluster"):
        assert name in html
    assert 'href="/fr/contacts-presse/"' in html
    assert 'href="/fr/flux/rss/"' in html and 'href="/fr/flux/atom/"' in html
    assert 'type="application/rss+xml"' in html


def test_release_list_filters_combine_and_ignore_bad_values(client, demo_release, make_release):
    acme_2024 = make_release(title_fr="Acme 2024", release_date="2024-03-01")
    make_release(title_fr="Acme 2025", release_date="2025-03-01")
    oncology = Topic.objects.get(slug_fr="oncologie")
    acme_2024.topics.add(oncology)
    base = "/fr/communiques/"
    assert len(cards(get(client, base))) == 3
    assert cards(get(client, f"{base}?institution=sanofi")) == [demo_release.title_fr]
    assert cards(get(client, f"{base}?institution=acme&year=2024")) == ["Acme 2024"]
    assert set(cards(get(client, f"{base}?topic=oncologie"))) == {
        demo_release.title_fr,
        "Acme 2024",
    }
    assert cards(get(client, f"{base}?topic=oncologie&institution=acme")) == ["Acme 2024"]
    assert cards(get(client, "/en/press-releases/?topic=oncology&year=2023")) == [
        demo_release.title_en
    ]
    assert "Aucun communiqué ne correspond" in get(client, f"{base}?institution=sanofi&year=2024")
    for bad in ("year=abc", "year=1850", "institution=nobody", "topic=oncology", "topic=%00"):
        # Ignored, and said (tests/site/test_forgiving_urls.py): the whole list.
        html = get(client, f"{base}?{bad}")
        assert len(cards(html)) == 3 and "ce filtre est ignoré" in html


def test_language_switch_keeps_filters_with_translated_topic(client, demo_release):
    html = get(client, "/fr/communiques/?topic=oncologie&year=2023")
    assert 'href="/en/press-releases/?topic=oncology&amp;year=2023" hreflang="en"' in html
    assert cards(get(client, "/en/press-releases/?topic=oncology&year=2023")) == [
        demo_release.title_en
    ]


def test_filter_options_never_reveal_unpublished_releases(client, make_release):
    Institution.objects.create(kind="company", name_fr="Secrète", slug="secrete")
    draft = make_release(status="draft", release_date="2031-01-01")
    ReleaseIssuer.objects.create(release=draft, institution=Institution.objects.get(slug="secrete"))
    draft.topics.add(Topic.objects.create(name_fr="Rachat de Secrète"))
    html = get(client, "/fr/communiques/")
    assert "Secrète" not in html and "2031" not in html
    html = get(client, "/fr/communiques/?topic=rachat-de-secrete")
    assert "Thème « rachat-de-secrete » inconnu" in html and "Rachat de Secrète" not in html
    get(client, "/fr/themes/rachat-de-secrete/flux/rss/", status=404)


def test_pagination_keeps_filters(client, make_release):
    for _ in range(25):
        make_release()
    html = get(client, "/fr/communiques/?institution=acme")
    assert 'href="?institution=acme&amp;page=2"' in html


def test_release_list_has_thumbnails_and_logos(client, demo_release, make_release):
    release = make_release()
    image = add_image(release, size=(1200, 800))
    html = get(client, "/fr/communiques/")
    assert f'src="{image.thumbnail.url}"' in html
    assert 'width="480" height="320"' in html
    for slug in ("sanofi", "gustave-roussy"):
        logo = Institution.objects.get(slug=slug).logo_shown.url
        assert f'<img src="{logo}" alt="" width="24" height="24" loading="lazy">' in html


def test_image_without_renditions_falls_back_to_the_original(client, make_release):
    release = make_release()
    image = add_image(release, size=(800, 600))
    ReleaseImage.objects.filter(pk=image.pk).update(
        thumbnail="", web="", thumbnail_webp="", web_webp=""
    )
    html = get(client, release.get_absolute_url("fr"))
    assert f'<img src="{image.image.url}" srcset="{image.image.url} 800w"' in html
    assert 'alt="Une photo" lang="fr" width="800" height="600"' in html
    assert "image/webp" not in html
    assert f'src="{image.image.url}"' in get(client, "/fr/communiques/")


def test_release_page_images_downloads_attachments_reference_related(client, make_release):
    from tests.helpers import add_attachment

    release = make_release(
        title_fr="Avec images",
        journal="Nature Medicine",
        doi="10.1038/s41591-023-02233-1",
        peer_reviewed=True,
    )
    image = add_image(release, caption_fr="Une équipe", credit="Gustave Roussy / P. Dupont")
    add_attachment(release)
    related = make_release(title_fr="Un autre communiqué d’Acme")
    make_release(status="draft", title_fr="Brouillon lié")
    html = get(client, release.get_absolute_url("fr"))
    assert f'<img src="{image.web.url}" srcset=' in html
    assert 'alt="Une photo" lang="fr" width="1600" height="1067"' in html
    for url in (image.thumbnail.url, image.web.url):
        assert f'href="{url}?download"' in html
    # The original through the media library: its credit and licence written into the file.
    original = f"/fr/mediatheque/image/{image.pk}/telecharger/"
    assert f'href="{original}"' in html
    assert b"Gustave Roussy / P. Dupont" in client.get(original).content
    assert "Une équipe" in html and "© Gustave Roussy / P. Dupont" in html
    assert "Dossier de presse" in html
    assert (
        "<cite>Nature Medicine</cite>" in html
        and "https://doi.org/10.1038/s41591-023-02233-1" in html
    )
    assert "Évalué par les pairs" in html
    assert related.title_fr in html and "Brouillon lié" not in html
    assert f'href="/fr/communiques/{release.slug_fr}/kit-media/"' in html


def test_co_issued_release_shows_every_issuer_with_logo_boilerplate_contacts(client, demo_release):
    cluster = Institution.objects.get(slug="paris-saclay-cancer-cluster")
    ReleaseIssuer.objects.create(release=demo_release, institution=cluster, order=3)
    MediaContact.objects.create(
        institution=cluster, name="Presse PSCC", email="presse@pscc.example", listing="public"
    )
    html = get(client, demo_release.get_absolute_url("fr"))
    for institution in Institution.objects.all():
        assert f'src="{institution.logo_shown.url}"' in html
        assert f'id="about-{institution.slug}"' in html
    assert "Presse PSCC" in html  # the cluster's own contact, though not listed on the release
    assert "Claire Parisel" in html and "Chrystel Baude" in html


def test_institution_page(client, demo_release, make_release):
    acme_co_issued = make_release(title_fr="Co-publié avec Gustave Roussy")
    ReleaseIssuer.objects.create(
        release=acme_co_issued, institution=Institution.objects.get(slug="gustave-roussy")
    )
    make_release(status="draft", title_fr="Brouillon caché")
    MediaContact.objects.create(
        institution=Institution.objects.get(slug="gustave-roussy"),
        name="Standard interne",
        phone="0142000000",
        is_public=False,
    )
    html = get(client, "/fr/institutions/gustave-roussy/")
    for part in (
        "<h1>Gustave Roussy</h1>",
        "Classé premier centre européen",
        "Près de 50 000 patients accueillis chaque année",
        "Site de Villejuif — Villejuif, France",
        "Chevilly-Larue",
        'href="https://www.gustaveroussy.fr"',
        ">Instagram</a>",
        "Claire Parisel",
        "Pr Fabrice Barlesi</a><p>Directeur Général de Gustave Roussy</p>",  # his card
        "Sanofi – Gustave Roussy : collaboration de recherche en oncologie",
        demo_release.title_fr,
        "Co-publié avec Gustave Roussy",
        "Paris Saclay Cancer Cluster",
        'href="/fr/institutions/gustave-roussy/flux/rss/"',
    ):
        assert part in html, part
    assert "Brouillon caché" not in html and "Standard interne" not in html
    sanofi = get(client, "/en/institutions/sanofi/")
    assert "EURONEXT: SAN" in sanofi and "NASDAQ: SNY" in sanofi
    assert "Jacques Volckmann" in sanofi
    get(client, "/fr/institutions/inconnue/", status=404)


def test_people_known_only_from_drafts_or_internal_contacts_stay_hidden(
    client, demo_release, make_release, institution
):
    future = Person.objects.create(first_name="Future", last_name="Boss", slug="future-boss")
    Quote.objects.create(release=make_release(status="draft"), person=future, text_fr="Bientôt")
    internal = Person.objects.create(first_name="In", last_name="Ternal", slug="internal")
    MediaContact.objects.create(
        institution=institution, person=internal, email="i@x.org", is_public=False
    )
    institution.listing = "public"  # listed by staff, as their contact below
    institution.save()
    public = Person.objects.create(first_name="Press", last_name="Officer", slug="press-officer")
    MediaContact.objects.create(
        institution=institution, person=public, email="p@x.org", listing="public"
    )
    for slug in ("future-boss", "internal"):
        get(client, f"/fr/porte-parole/{slug}/", status=404)
    assert "Aucune citation" in get(client, "/fr/porte-parole/press-officer/")
    sitemap = get(client, "/sitemap-people.xml")
    assert "future-boss" not in sitemap and "internal" not in sitemap
    assert "press-officer" in sitemap


def test_spokesperson_page_lists_published_quotes_only(client, demo_release, make_release):
    barlesi = Person.objects.get(slug="fabrice-barlesi")
    draft = make_release(status="draft", title_fr="Brouillon")
    Quote.objects.create(release=draft, person=barlesi, text_fr="Citation secrète")
    html = get(client, "/fr/porte-parole/fabrice-barlesi/")
    assert "<h1>Pr Fabrice Barlesi</h1>" in html
    assert "Directeur Général de Gustave Roussy" in html
    assert 'href="/fr/institutions/gustave-roussy/"' in html
    assert "L’extension de notre collaboration avec Sanofi" in html
    assert demo_release.title_fr in html
    assert "Citation secrète" not in html
    english = get(client, "/en/spokespeople/fabrice-barlesi/")
    assert "<h1>Prof. Fabrice Barlesi</h1>" in english and "The extension of our" in english


def test_partnership_page_timeline_projects_releases(client, demo_release):
    html = get(client, "/fr/partenariats/sanofi-gustave-roussy-oncologie/")
    positions = [html.index(f'<time datetime="{d}">') for d in ("2012", "2016", "2023-01-19")]
    assert positions == sorted(positions)
    assert "19 janvier 2023</time>" in html
    for part in ("Signature de l’accord-cadre", "Accord-cadre renforcé", "myéloïdes"):
        assert part in html
    assert demo_release.title_fr in html
    english = get(client, "/en/partnerships/sanofi-gustave-roussy-oncologie/")
    assert "Framework agreement signed" in english and "persister cells" in english


def test_contacts_directory_by_institution_without_internal_contacts(client, demo_release):
    roussy = Institution.objects.get(slug="gustave-roussy")
    internal = MediaContact.objects.create(
        institution=roussy, name="Ligne interne", phone="0600000001", is_public=False
    )
    claire = MediaContact.objects.get(email="claire.parisel@gustaveroussy.fr")
    claire.languages = ["fr", "en"]
    claire.role_fr, claire.role_en = "Attachée de presse", "Press officer"
    claire.save()
    html = get(client, "/fr/contacts-presse/")
    assert html.index('id="contacts-gustave-roussy"') < html.index('id="contacts-sanofi"')
    assert "Claire Parisel</p>" in html or "Claire Parisel, " in html
    assert "Attachée de presse" in html and "Langues :</span> français, anglais" in html
    assert '<a href="tel:+33142115059">01 42 11 50 59</a>' in html
    assert 'href="mailto:chrystel.baude@sanofi.com"' in html
    assert "Ligne interne" not in html and "600000001" not in html
    english = get(client, "/en/media-contacts/")
    assert '<a href="tel:+33142115059">+33 1 42 11 50 59</a>' in english
    assert "Languages:</span> French, English" in english
    get(client, f"/fr/contacts-presse/{internal.pk}/vcard/", status=404)


def test_vcard_parses_back_with_same_name_phone_email(client, demo_release):
    claire = MediaContact.objects.get(email="claire.parisel@gustaveroussy.fr")
    response = client.get(f"/en/media-contacts/{claire.pk}/vcard/")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="claire-parisel.vcf"'
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Claire Parisel"
    assert (card.n.value.given, card.n.value.family) == ("Claire", "Parisel")
    assert card.tel.value == "+33142115059"
    assert card.email.value == "claire.parisel@gustaveroussy.fr"
    assert card.org.value == ["Gustave Roussy"]


def test_vcard_of_a_person_uses_their_structured_name(client, demo_release):
    barlesi = Person.objects.get(slug="fabrice-barlesi")
    contact = MediaContact.objects.create(
        institution=barlesi.institution, person=barlesi, email="fb@example.org", listing="public"
    )
    card = vobject.readOne(client.get(f"/fr/contacts-presse/{contact.pk}/vcard/").content.decode())
    assert card.n.value.family == "Barlesi" and card.fn.value == "Fabrice Barlesi"


QUERY_PAGES = [
    "/fr/",
    "/fr/communiques/acme-release/",
    "/en/press-releases/acme-release/media-kit/",
    "/en/topics/oncology/feeds/rss/",
    "/en/press-releases/",
    "/fr/communiques/?institution=acme&year=2026",
    "/fr/institutions/acme/",
    "/en/spokespeople/speaker/",
    "/fr/partenariats/sanofi-gustave-roussy-oncologie/",
    "/fr/contacts-presse/",
    "/fr/contacts-presse/?q=acme+p",
    "/fr/communiques/?q=communiqu%C3%A9",
    "/en/press-releases/?q=release+number&topic=oncology",
    "/fr/flux/rss/",
    "/en/institutions/acme/feeds/atom/",
    "/sitemap.xml",
    "/sitemap-releases-2023.xml",  # the seed's year
    f"/sitemap-releases-{timezone.localdate().year}.xml",  # the 300 releases'
    "/news-sitemap.xml",
]


@pytest.mark.parametrize("url", QUERY_PAGES)
def test_query_count_is_the_same_with_3_or_300_releases(
    client, demo_release, make_release, institution, django_assert_num_queries, url, uncached
):
    """Every page type runs a fixed number of queries: no N+1 whatever the archive's size
    (built each time, not served from the page cache; served from it, a page runs one)."""
    speaker = Person.objects.create(
        first_name="Spoke", last_name="Person", slug="speaker", institution=institution
    )
    project = demo_release.research_projects.first()

    oncology = Topic.objects.get(slug_en="oncology")
    featured = make_release(slug_fr="acme-release", slug_en="acme-release")
    featured.topics.add(oncology)

    @index.deferred()  # indexed once per batch, as bulk loads should be
    @page_cache.deferred()  # and one new content version (pages read it once, it is counted)
    def add(count):
        for n in range(count):
            release = make_release()
            add_quote = Quote(release=release, person=speaker, text_fr="Citation")
            add_quote.save()
            release.research_projects.add(project)
            release.topics.add(oncology)
            MediaContact.objects.create(institution=institution, name="P", email="p@x.org")
            if n % 50 == 0:  # a few more clusters, each with a listing
                cluster = Institution.objects.create(
                    kind="research_cluster", name_fr=f"Cluster {n}", slug=f"cluster-{n}-{count}"
                )
                cluster.stock_listings.create(exchange="EURONEXT", ticker=f"C{n}X{count}")
                institution.member_of.add(cluster)
                add_quote.speaker_title_fr = "Titre"
                add_quote.save()

    add(2)
    client.get(url)
    uncached()
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    expected = len(small)  # now: the query log keeps the last 9,000 queries only
    add(298)
    client.get(url)  # the content version changed: read it once
    uncached()
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    if "media-kit" not in url:  # a zip built for each download, not kept
        with django_assert_num_queries(1):  # the content version
            assert client.get(url).status_code == 200
    assert PressRelease.objects.count() == 302
    assert timezone.now()
