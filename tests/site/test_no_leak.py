"""The leak matrix: a release that is not public (draft, in review, approved, scheduled,
embargoed) never shows on any surface, in either language, to anonymous readers — and an
embargoed one shows to accredited journalists only, with its banner, each view logged."""

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from core.languages import LANGUAGE_CODES
from newsroom.models import EmbargoedView, PressRelease, Quote, ReleaseIssuer, Topic
from partners.models import Person
from tests.helpers import add_attachment, add_image, add_video, add_video_link

pytestmark = pytest.mark.django_db
HOUR = timezone.timedelta(hours=1)
MARK = "Zorglub"  # in every text of the hidden release, and nowhere else

STATES = {
    "draft": {"status": "draft", "publish_at": None},
    "in_review": {"status": "in_review", "publish_at": None},
    "approved": {"status": "approved", "publish_at": None},
    "scheduled": {"status": "published", "publish_at": "+1h"},
    "embargoed": {"status": "published", "publish_at": "-1h", "embargo_until": "+1h"},
}


def moment(value):
    if value in ("+1h", "-1h"):
        return timezone.now() + (HOUR if value == "+1h" else -HOUR)
    return value


@pytest.fixture(params=STATES)
def hidden(request, demo_release):
    """A release linked to everything the seed release is linked to, so that it would show
    wherever it leaked: same issuers, topic, research project, speaker; image, attachment."""
    fields = {key: moment(value) for key, value in STATES[request.param].items()}
    release = PressRelease.objects.create(
        title_fr=f"{MARK} communiqué",
        title_en=f"{MARK} release",
        body_fr=f"<p>{MARK} texte</p>",
        body_en=f"<p>{MARK} text</p>",
        slug_fr="zorglub-fr",
        slug_en="zorglub-en",
        release_date="2031-05-05",
        **fields,
    )
    for order, institution in enumerate(demo_release.issuers.all()):
        ReleaseIssuer.objects.create(release=release, institution=institution, order=order)
    release.topics.add(*demo_release.topics.all(), Topic.objects.create(name_fr=f"{MARK} thème"))
    release.research_projects.add(*demo_release.research_projects.all())
    Quote.objects.create(
        release=release, person=Person.objects.get(slug="fabrice-barlesi"), text_fr=f"{MARK} dit"
    )
    release.image = add_image(release, size=(640, 480), alt_text_fr=f"{MARK} photo")
    release.attachment = add_attachment(release, title_fr=f"{MARK} dossier")
    release.video = add_video(release, title_fr=f"{MARK} vidéo", title_en=f"{MARK} video")
    add_video_link(
        release,
        title_fr=f"{MARK} lien",
        title_en=f"{MARK} link",
        external_url="https://vimeo.com/zorglub",
    )
    release.state = request.param
    return release


def surfaces(demo_release, hidden):
    """Every public URL that lists, links or describes releases."""
    seed = [demo_release.get_absolute_url(code) for code in LANGUAGE_CODES]
    return [
        "/fr/",
        "/en/",
        "/fr/communiques/",
        "/en/press-releases/",
        "/fr/communiques/?institution=sanofi",
        "/en/press-releases/?topic=oncology&year=2023",
        *seed,  # its related block, JSON-LD and Open Graph
        seed[0] + "kit-media/",
        "/fr/institutions/sanofi/",
        "/en/institutions/gustave-roussy/",
        "/fr/partenariats/sanofi-gustave-roussy-oncologie/",
        "/en/spokespeople/fabrice-barlesi/",
        "/fr/contacts-presse/",
        "/fr/flux/rss/",
        "/fr/flux/atom/",
        "/en/feeds/rss/",
        "/en/feeds/atom/",
        "/fr/institutions/sanofi/flux/rss/",
        "/en/institutions/gustave-roussy/feeds/atom/",
        "/en/topics/oncology/feeds/rss/",
        "/sitemap.xml",
        "/sitemap-releases-2023.xml",  # the seed's year; the hidden release's is below
        "/sitemap-people.xml",
        "/news-sitemap.xml",
        # Search: words of each of its texts (title, body, quote, topic), and the year facet.
        "/fr/communiques/?q=communiqu%C3%A9+OR+texte+OR+dit+OR+th%C3%A8me+OR+collaboration",
        "/en/press-releases/?q=release+OR+text+OR+strategic",
        "/fr/contacts-presse/?q=th%C3%A8me",
        "/fr/contacts-presse/?q=barlesi",
        # The media library: the page, its filters, its JSON-LD.
        "/fr/mediatheque/",
        "/en/media-library/?kind=image&institution=sanofi",
        "/en/media-library/?kind=document",
    ]


def content(response):
    if response["Content-Type"] == "application/zip":
        import io
        import zipfile

        archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
        text = [name.encode() for name in archive.namelist()]
        text += [archive.read(name) for name in archive.namelist() if name.endswith(".txt")]
        return b"\n".join(text)
    return response.content


def test_hidden_release_absent_everywhere_for_anonymous_readers(client, demo_release, hidden):
    for code in LANGUAGE_CODES:
        assert client.get(hidden.get_absolute_url(code)).status_code == 404
        assert (
            client.get(
                hidden.get_absolute_url(code) + ("kit-media/" if code == "fr" else "media-kit/")
            ).status_code
            == 404
        )
    for url in surfaces(demo_release, hidden):
        response = client.get(url)
        assert response.status_code == 200, url
        body = content(response).decode()
        assert MARK not in body and "zorglub" not in body, f"{hidden.state} leaks on {url}"
        assert "2031" not in body, f"{hidden.state}: its year leaks in the filters of {url}"
    assert client.get("/sitemap-releases-2031.xml").status_code == 404  # its year: nothing
    for query in (MARK, "zorglub thème"):  # the page echoes the query: count the results
        for path in ("/fr/communiques/", "/en/press-releases/"):
            assert client.get(path, {"q": query}).context["page"].paginator.count == 0
        people = client.get("/fr/contacts-presse/", {"q": query}).context["people"]
        assert not people, f"{hidden.state}: a speaker found through its topic"
    for file in (
        hidden.image.image,
        hidden.image.thumbnail,
        hidden.image.web,
        hidden.image.thumbnail_webp,
        hidden.image.web_webp,
        hidden.attachment.file,
        hidden.video.file,
        hidden.video.poster,
        hidden.video.subtitles_fr,
        hidden.video.subtitles_en,
    ):
        assert client.get(file.url).status_code == 404
        assert client.get(file.url, HTTP_RANGE="bytes=0-1").status_code == 404
    # Files have unguessable names.
    assert "zorglub" not in hidden.image.image.name.lower()


def test_scheduled_and_embargoed_appear_at_their_minute(client, demo_release, hidden):
    if hidden.state not in ("scheduled", "embargoed"):
        pytest.skip("only releases with a minute")
    with time_machine.travel(timezone.now() + 2 * HOUR):
        assert client.get(hidden.get_absolute_url("en")).status_code == 200
        assert MARK in client.get("/en/feeds/rss/").content.decode()
        assert "/sitemap-releases-2031.xml" in client.get("/sitemap.xml").content.decode()
        assert "zorglub-en" in client.get("/sitemap-releases-2031.xml").content.decode()
        assert client.get(hidden.image.web.url).status_code == 200
        for file in (hidden.video.file, hidden.video.poster, hidden.video.subtitles_en):
            assert client.get(file.url).status_code == 200
        assert client.get(hidden.video.file.url, HTTP_RANGE="bytes=0-1").status_code == 206
        html = client.get(hidden.get_absolute_url("en")).text
        assert hidden.video.file.url in html and "vimeo.com/zorglub" in html
        assert f"{MARK} video" in html and '"VideoObject"' in html
        kit = client.get(hidden.get_absolute_url("en") + "media-kit/").getvalue()
        assert b"videos/01-zorglub-video.mp4" in kit


def test_embargoed_release_for_accredited_journalists_only(demo_release, hidden, make_journalist):
    if hidden.state != "embargoed":
        pytest.skip("embargo only")
    journalist = Client()
    journalist.force_login(make_journalist())
    html = journalist.get(hidden.get_absolute_url("fr")).text
    assert "SOUS EMBARGO jusqu’au" in html and f"{MARK} communiqué" in html
    assert EmbargoedView.objects.filter(release=hidden).count() == 1
    assert journalist.get(hidden.image.web.url).status_code == 200
    response = journalist.get(hidden.image.web.url)
    assert response["Cache-Control"] == "private, no-store"
    pending = Client()
    pending.force_login(make_journalist(status="pending", email="pending@example.org"))
    assert pending.get(hidden.get_absolute_url("fr")).status_code == 404
    assert MARK not in Client().get("/fr/flux/rss/").content.decode()


def test_staff_preview_shows_the_draft_banner(client, demo_release, hidden, make_staff):
    if hidden.state != "draft":
        pytest.skip("draft only")
    client.force_login(make_staff("Publisher"))
    html = client.get(hidden.get_absolute_url("fr")).text
    assert "BROUILLON — ne pas publier" in html
    assert f"{MARK} communiqué" in html
