"""Release search and contact look-up, on whichever database the suite runs (SQLite by default,
PostgreSQL with DATABASE_URL): stemming, accents, syntax, ranking, facets, bad queries, the
index kept in step with every change, and only what the viewer may read."""

import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from newsroom import workflow
from newsroom.models import PressRelease, Quote, ReleaseIssuer, SearchDocument, Topic
from newsroom.search.queries import ranked
from partners.models import Institution, MediaContact, Partnership, Person, ResearchProject

pytestmark = pytest.mark.django_db
ON_POSTGRESQL = connection.vendor == "postgresql"


def found(client, query, language="fr", **filters):
    """The titles the public list shows for ``query``, in order."""
    path = "/fr/communiques/" if language == "fr" else "/en/press-releases/"
    response = client.get(path, {"q": query, **filters})
    assert response.status_code == 200, query
    return cards(response)


def cards(response):
    """The result cards' titles as HTML (matched words in <mark>), in order."""
    return re.findall(r'class="card-title"><a href="[^"]+">(.*?)</a>', response.text)


def titles(html_titles):
    return [re.sub(r"</?mark>", "", title) for title in html_titles]


@pytest.fixture
def corpus(make_release):
    """Releases whose words differ in accents, endings and place."""
    return {
        "immuno": make_release(
            title_fr="Une immunothérapie pour le poumon",
            title_en="An immunotherapy for the lung",
            body_fr="<p>La thérapie cible les cellules persistantes.</p>",
            body_en="<p>The therapy targets persister cells.</p>",
        ),
        "souris": make_release(
            title_fr="Essai chez la souris",
            title_en="Trial in mice",
            body_fr="<p>Les cellules tumorales de souris et la thérapie génique.</p>",
            body_en="<p>Mouse tumour cells and gene therapy.</p>",
        ),
        "rats": make_release(
            title_fr="Modèle chez le rat",
            title_en="Rat model",
            body_fr="<p>Des cellules persistantes observées chez les rats.</p>",
            body_en="<p>Persister cells seen in rats.</p>",
        ),
    }


def test_french_stemming_and_accents(client, corpus):
    assert titles(found(client, "immunothérapies")) == ["Une immunothérapie pour le poumon"]
    assert titles(found(client, "IMMUNOTHERAPIE")) == ["Une immunothérapie pour le poumon"]
    # "therapie" finds "thérapie" (and "génique" releases through "thérapie génique").
    assert set(titles(found(client, "therapie"))) == {
        "Une immunothérapie pour le poumon",
        "Essai chez la souris",
    }
    assert titles(found(client, "modele")) == ["Modèle chez le rat"]


def test_english_stemming_on_the_english_page(client, corpus):
    assert set(titles(found(client, "persisters cell", "en"))) == {
        "An immunotherapy for the lung",
        "Rat model",
    }
    assert titles(found(client, "immunotherapies", "en")) == ["An immunotherapy for the lung"]
    # The page's language is searched: French words do not match English text.
    assert found(client, "poumon", "en") == []


def test_phrase_exclusion_and_or(client, corpus):
    both = {"Une immunothérapie pour le poumon", "Modèle chez le rat"}
    assert set(titles(found(client, "cellules persistantes"))) == both
    assert set(titles(found(client, '"cellules persistantes"'))) == both
    assert found(client, '"persistantes cellules"') == []  # word order matters in a phrase
    assert titles(found(client, '"cellules persistantes" -rats')) == [
        "Une immunothérapie pour le poumon"
    ]
    assert set(titles(found(client, "souris OR rat"))) == {
        "Essai chez la souris",
        "Modèle chez le rat",
    }
    assert set(titles(found(client, "souris or rat"))) == {
        "Essai chez la souris",
        "Modèle chez le rat",
    }
    # Only an exclusion: everything else.
    assert "Essai chez la souris" not in titles(found(client, "-souris"))


def test_a_title_match_ranks_above_a_body_match_then_newest_first(client, make_release):
    body_old = make_release(
        title_fr="Rapport annuel",
        body_fr="<p>Un mot sur le glioblastome.</p>",
        release_date="2020-01-01",
    )
    body_new = make_release(
        title_fr="Rapport trimestriel",
        body_fr="<p>Un mot sur le glioblastome.</p>",
        release_date="2024-01-01",
    )
    title = make_release(title_fr="Le glioblastome", release_date="2019-01-01")
    subtitle = make_release(
        title_fr="Avancée", subtitle_fr="Contre le glioblastome", release_date="2018-01-01"
    )
    order = titles(found(client, "glioblastome"))
    assert order == [str(r.title_fr) for r in (title, subtitle, body_new, body_old)]


def test_speakers_issuers_topics_and_projects_are_searched(client, demo_release):
    expected = [demo_release.title_fr]
    for query in ("Barlesi", "Volckmann", "Gustave Roussy", "sanofi", "Immunothérapie"):
        assert titles(found(client, query)) == expected, query
    project = demo_release.research_projects.first()
    word = re.findall(r"\w{6,}", project.title_fr)[0]
    assert titles(found(client, word)) == expected


def test_highlighted_snippet_is_escaped(client, make_release):
    make_release(
        title_fr="Thérapie & <b>essai</b>",
        body_fr="<p>" + "Texte. " * 40 + "Une thérapie &lt;script&gt; ciblée.</p>",
    )
    html = client.get("/fr/communiques/", {"q": "therapie"}).text
    assert "<mark>Thérapie</mark> &amp; &lt;b&gt;essai&lt;/b&gt;" in html
    assert "… Texte." in html and "<mark>thérapie</mark> &lt;script&gt; ciblée." in html
    assert "<script>" not in html.split("</header>")[1]


def test_facets_count_the_current_search_and_link_to_it(client, corpus, make_release):
    other = Institution.objects.create(kind="cancer_centre", name_fr="Hôpital Nord", slug="nord")
    lung = Topic.objects.create(name_fr="Poumon", name_en="Lung")
    corpus["immuno"].topics.add(lung)
    ReleaseIssuer.objects.create(release=corpus["rats"], institution=other, order=2)
    PressRelease.objects.filter(pk=corpus["rats"].pk).update(release_date="2021-06-01")
    response = client.get("/fr/communiques/", {"q": "cellules"})
    facets = {
        title: [(label, hits) for label, hits, _url, _selected in values]
        for title, values in response.context["facets"]
    }
    assert facets["Institution"] == [("Acme", 3), ("Hôpital Nord", 1)]
    assert facets["Thème"] == [("Poumon", 1)]
    assert facets["Année"] == [(str(timezone.localdate().year), 2), ("2021", 1)]
    assert "3 communiqués correspondent à « cellules »" in response.text
    # A facet link narrows the search, and the narrowed page offers to widen it again.
    assert 'href="?q=cellules&amp;institution=nord"' in response.text
    narrowed = client.get("/fr/communiques/", {"q": "cellules", "institution": "nord"})
    assert titles(found(client, "cellules", institution="nord")) == ["Modèle chez le rat"]
    assert 'href="?q=cellules" aria-current="true"' in narrowed.text
    assert titles(found(client, "cellules", topic="poumon")) == [
        "Une immunothérapie pour le poumon"
    ]


def test_facets_follow_links_added_and_removed(client, corpus):
    # Facets are counted from the documents' copies of issuers and topics: every change of
    # links must reach them.
    lung = Topic.objects.create(name_fr="Poumon", name_en="Lung")
    other = Institution.objects.create(kind="cancer_centre", name_fr="Hôpital Nord", slug="nord")

    def counts():
        response = client.get("/fr/communiques/", {"q": "cellules"})
        return {
            label: hits
            for title, values in response.context["facets"]
            if title in ("Institution", "Thème")
            for label, hits, _url, _selected in values
        }

    lung.press_releases.add(corpus["immuno"], corpus["rats"])  # from the topic's side
    issuer = ReleaseIssuer.objects.create(release=corpus["rats"], institution=other, order=2)
    assert counts() == {"Acme": 3, "Hôpital Nord": 1, "Poumon": 2}
    corpus["rats"].topics.remove(lung)
    issuer.delete()
    assert counts() == {"Acme": 3, "Poumon": 1}
    lung.press_releases.clear()
    assert counts() == {"Acme": 3}


def test_search_combines_with_filters_paginates_and_keeps_the_query(client, make_release):
    for n in range(25):
        make_release(title_fr=f"Oncologie {n}", title_en=f"Oncology {n}")
    make_release(title_fr="Autre sujet")
    first = client.get("/fr/communiques/", {"q": "oncologie"}).text
    assert "25 communiqués" in first and 'href="?q=oncologie&amp;page=2"' in first
    assert len(titles(found(client, "oncologie", page=2))) == 5
    # The language switch keeps the search.
    assert 'href="/en/press-releases/?q=oncologie" hreflang="en"' in first


@pytest.fixture
def archive_of_patients(make_release, monkeypatch):
    """Nine releases mentioning patients (more than 5, the candidates): the oldest in its
    title, the others in their text."""
    monkeypatch.setattr("newsroom.search.results.CANDIDATES", 5)
    for year in range(2010, 2018):
        make_release(
            title_fr=f"Bilan {year}", body_fr="<p>Patients.</p>", release_date=f"{year}-01-01"
        )
    return make_release(title_fr="Patients d’abord", release_date="2001-01-01")


def test_a_common_word_ranks_the_most_recent_matches_and_says_so(client, archive_of_patients):
    response = client.get("/fr/communiques/", {"q": "patients"})
    shown = titles(cards(response))
    assert shown == ["Bilan 2017", "Bilan 2016", "Bilan 2015", "Bilan 2014", "Bilan 2013"]
    assert archive_of_patients.title_fr not in shown  # beyond the 5 most recent matches
    assert "les plus pertinents des 5 plus récents sont affichés" in response.text
    assert sum(hits for _l, hits, _u, _s in response.context["facets"][2][1]) == 5
    # Under the limit, every match is ranked: the title match comes first.
    assert titles(found(client, "patients", year=2001)) == ["Patients d’abord"]


@pytest.fixture
def small_windows(monkeypatch):
    """Three candidates (four read: one more tells there are more), and PostgreSQL's windows:
    the 4 most recent documents, then 16 / (matches among them): "pair" takes the second."""
    monkeypatch.setattr("newsroom.search.results.CANDIDATES", 3)
    monkeypatch.setattr("newsroom.search.backends.PostgreSQL.FIRST_WINDOW", 4)
    monkeypatch.setattr("newsroom.search.backends.PostgreSQL.MARGIN", 1)
    monkeypatch.setattr("newsroom.search.backends.PostgreSQL.SECOND_WINDOW_FROM", 2)


def test_the_most_recent_matches_are_found_in_any_window(client, make_release, small_windows):
    """Whatever window holds them (the first, the second, or only the whole archive), the
    candidates are the most recent matches, then ranked; filters narrow before the limit."""
    for year in range(2010, 2022):  # 12 releases, 2021 the most recent
        words = [
            "commun",
            "moyen" if year % 4 == 0 else "divers",  # 2020, 2016, 2012: one per window
            "pair" if year % 2 == 0 else "impair",  # 2 of the 4 most recent: 8 read next
            "rare" if year == 2010 else "varié",  # the oldest only
        ]  # as many words in each: equal ranks, newest first
        make_release(
            title_fr=f"Bilan {year}",
            body_fr=f"<p>{' '.join(words)}.</p>",
            release_date=f"{year}-06-01",
        )
    assert titles(found(client, "commun")) == ["Bilan 2021", "Bilan 2020", "Bilan 2019"]
    assert titles(found(client, "moyen")) == ["Bilan 2020", "Bilan 2016", "Bilan 2012"]
    assert titles(found(client, "pair")) == ["Bilan 2020", "Bilan 2018", "Bilan 2016"]
    assert titles(found(client, "rare")) == ["Bilan 2010"]
    assert titles(found(client, "commun", year=2011)) == ["Bilan 2011"]
    assert titles(found(client, "commun -moyen")) == ["Bilan 2021", "Bilan 2019", "Bilan 2018"]


def test_documents_follow_the_release_through_the_workflow(make_release, make_staff, institution):
    def copies(release):
        return set(
            SearchDocument.objects.filter(release=release).values_list(
                "release_date", "publish_at", "public_from"
            )
        )

    draft = make_release(
        status="draft",
        publish_at=None,
        release_date="2024-03-01",
        body_fr="<p>Texte.</p>",
        body_en="<p>Text.</p>",
    )
    assert {row[2] for row in copies(draft)} == {None}
    publisher = make_staff("Publisher", institution)
    for action in ("submit", "approve"):
        workflow.release_transition(release=draft, user=publisher, action=action)
    draft.refresh_from_db()
    later = draft.publish_at = timezone.now() + timezone.timedelta(hours=1)
    embargo = draft.embargo_until = later + timezone.timedelta(hours=2)
    draft.save()  # scheduled, under embargo until later still
    release = workflow.release_transition(release=draft, user=publisher, action="publish")
    assert copies(release) == {(release.release_date, later, embargo)}
    workflow.release_transition(release=release, user=publisher, action="withdraw")
    assert {row[2] for row in copies(release)} == {None}


def test_a_scheduled_release_is_found_at_its_minute(client, make_release):
    make_release(
        title_fr="Vaccin programmé", publish_at=timezone.now() + timezone.timedelta(hours=1)
    )
    assert found(client, "vaccin") == []
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=2)):
        assert titles(found(client, "vaccin")) == ["Vaccin programmé"]


def test_a_stale_document_never_shows_what_the_reader_may_not_see(
    client, make_release, small_windows
):
    """The documents' copies only preselect: the visibility rule decides what is shown and
    counted (three candidates at most here)."""
    for year in (2019, 2020, 2021):
        make_release(title_fr=f"Vaccin {year}", release_date=f"{year}-01-01")
    draft = make_release(title_fr="Vaccin brouillon", status="draft", publish_at=None)
    SearchDocument.objects.filter(release=draft).update(public_from=timezone.now())
    response = client.get("/fr/communiques/", {"q": "vaccin"})
    assert titles(cards(response)) == ["Vaccin 2021", "Vaccin 2020", "Vaccin 2019"]
    assert "3 communiqués correspondent à « vaccin »" in response.text  # not "more than 3"


def test_untranslated_release_is_found_on_both_pages_in_its_own_text(client, make_release):
    make_release(title_fr="Seulement en français", title_en="", body_fr="<p>Névroglie.</p>")
    assert titles(found(client, "nevroglie")) == ["Seulement en français"]
    assert titles(found(client, "nevroglie", "en")) == ["Seulement en français"]


BAD_QUERIES = [
    "",
    " ",
    "a" * 1000,
    "é" * 1000,
    "!!! ??? ... ---",
    '"unbalanced quote',
    '"""',
    "-",
    "- - -",
    "OR",
    "or or or",
    "'; DROP TABLE newsroom_pressrelease; --",
    "1 OR 1=1",
    "cat & dog | !fish <-> (bird:*) <2> 'x'",
    "a:* & !b",
    "NEAR(a b) AND NOT c*",
    'title:cancer ^ col* "',
    "\x00\x01 nul",
    "\\",
    "%_%",
    "中文 العربية кириллица ελληνικά 🧬",
    "e\u0301te\u0301 ﬁ ŒUVRE",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_page_never_an_error(staff_client, demo_release, query):
    reader = Client()  # anonymous (``client`` is the staff client's own)
    for path in ("/fr/communiques/", "/en/press-releases/", "/fr/contacts-presse/"):
        response = reader.get(path, {"q": query})
        assert response.status_code == 200, (path, query)
        # A results (or "no results") page when something is left to search, else the list.
        searched = response.context.get("search")
        assert ('role="status"' in response.text) == bool(searched), (path, query)
    admin = staff_client.get("/admin/newsroom/pressrelease/", {"q": query})
    assert admin.status_code == 200


def test_search_never_returns_what_the_viewer_may_not_read(
    client, make_release, make_staff, make_journalist, institution
):
    public = make_release(title_fr="Vaccin public")
    draft = make_release(title_fr="Vaccin brouillon", status="draft", publish_at=None)
    later = timezone.now() + timezone.timedelta(hours=2)
    embargoed = make_release(title_fr="Vaccin sous embargo", embargo_until=later)
    make_release(title_fr="Vaccin programmé", publish_at=later)
    assert titles(found(client, "vaccin")) == [public.title_fr]
    journalist = Client()
    journalist.force_login(make_journalist())
    assert set(titles(found(journalist, "vaccin"))) == {public.title_fr, embargoed.title_fr}
    other = Institution.objects.create(kind="company", name_fr="Autre", slug="autre")
    outsider = Client()
    outsider.force_login(make_staff("Editor", other))
    assert titles(found(outsider, "vaccin")) == [public.title_fr]
    editor = Client()
    editor.force_login(make_staff("Editor", institution))
    assert draft.title_fr in titles(found(editor, "vaccin"))


def test_index_follows_every_change(client, demo_release, make_release):
    release = make_release(title_fr="Annonce", body_fr="<p>Rien.</p>")
    assert found(client, "mésothéliome") == []
    release.body_fr = "<p>Le mésothéliome.</p>"
    release.save()
    assert titles(found(client, "mesotheliome")) == ["Annonce"]
    person = Person.objects.create(first_name="Zoé", last_name="Quintal", slug="zq")
    quote = Quote.objects.create(release=release, person=person, text_fr="Un pas décisif.")
    assert titles(found(client, "quintal")) == ["Annonce"]
    assert titles(found(client, "décisif")) == ["Annonce"]
    person.last_name = "Quintaine"
    person.save()
    assert found(client, "quintal") == [] and titles(found(client, "quintaine")) == ["Annonce"]
    quote.delete()
    assert found(client, "decisif") == []
    topic = Topic.objects.create(name_fr="Hématologie", name_en="Haematology")
    release.topics.add(topic)
    assert titles(found(client, "hematologie")) == ["Annonce"]
    topic.name_fr = "Sang"
    topic.save()
    assert found(client, "hematologie") == [] and titles(found(client, "sang")) == ["Annonce"]
    topic.press_releases.clear()
    assert found(client, "sang") == []
    project = ResearchProject.objects.first()
    release.research_projects.add(project)
    project.title_fr = "Projet Xylophage"
    project.save()
    assert "Annonce" in titles(found(client, "xylophage"))
    acme = release.issuers.get()
    acme.name_fr = "Acme Biotech"
    acme.save()
    assert "Annonce" in titles(found(client, "biotech"))
    assert SearchDocument.objects.filter(release=release).count() == 2


def test_index_follows_deletions_and_clears_from_either_side(client, make_release):
    release = make_release(title_fr="Annonce")
    topic = Topic.objects.create(name_fr="Hématologie")
    project = ResearchProject.objects.first() or ResearchProject.objects.create(
        partnership=Partnership.objects.create(name_fr="P", slug="p"), title_fr="Xylophage"
    )
    project.title_fr = "Projet Xylophage"
    project.save()
    release.topics.add(topic)
    release.research_projects.add(project)
    assert titles(found(client, "hematologie xylophage")) == ["Annonce"]
    topic.press_releases.clear()  # from the topic's side
    assert found(client, "hematologie") == []
    release.topics.add(topic)
    topic.delete()
    assert found(client, "hematologie") == []
    project.delete()
    assert found(client, "xylophage") == []


def test_a_database_older_than_search_is_indexed_by_migrate(make_release):
    from django.core.management import call_command

    make_release(title_fr="Ancien")
    SearchDocument.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert SearchDocument.objects.count() == 2
    assert ranked(PressRelease.objects.all(), "ancien", "fr").count() == 1


def test_admin_search_uses_the_engine_in_both_languages_within_scope(
    client, demo_release, make_release, make_staff, institution
):
    make_release(title_fr="Immunothérapies ciblées", status="draft", publish_at=None)
    editor = Client()
    editor.force_login(make_staff("Editor", institution))
    html = editor.get("/admin/newsroom/pressrelease/", {"q": "immunotherapie"}).text
    assert "Immunothérapies ciblées" in html
    assert demo_release.title_fr not in html  # not one of this editor's institutions
    publisher = Client()
    publisher.force_login(make_staff("Publisher"))
    for query in ("immunotherapie", "persister cells", "Barlesi", "-zorglub"):
        html = publisher.get("/admin/newsroom/pressrelease/", {"q": query}).text
        assert demo_release.title_fr in html, query
    assert (
        demo_release.title_fr
        not in publisher.get("/admin/newsroom/pressrelease/", {"q": "-barlesi"}).text
    )


def test_search_page_query_count_does_not_grow(
    client, make_release, django_assert_num_queries, uncached
):
    topic = Topic.objects.create(name_fr="Sein")
    for _ in range(3):
        make_release(title_fr="Cancer du sein").topics.add(topic)
    client.get("/fr/communiques/", {"q": "cancer"})
    uncached()
    # The content version (page cache), filter options (3), ranked candidates of what the
    # reader may see, page, its issuers and images, facets' institutions and topics by id (2).
    with django_assert_num_queries(10) as captured:
        client.get("/fr/communiques/", {"q": "cancer"})
    for n in range(40):
        other = Institution.objects.create(kind="cancer_centre", name_fr=f"H{n}", slug=f"h{n}")
        release = make_release(title_fr="Cancer du sein")
        ReleaseIssuer.objects.create(release=release, institution=other, order=2)
        release.topics.add(topic)
    with django_assert_num_queries(len(captured)):
        html = client.get("/fr/communiques/", {"q": "cancer"}).text
    assert "43 communiqués" in html


# Contact look-up ----------------------------------------------------------------------------


def contact_names(client, query, path="/fr/contacts-presse/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return [contact.display_name for contact in response.context["contacts"]], [
        person.full_name for person in response.context["people"]
    ]


def test_contact_look_up_by_name_institution_role_topic(client, demo_release):
    claire = MediaContact.objects.get(email="claire.parisel@gustaveroussy.fr")
    claire.role_fr, claire.role_en = "Attachée de presse", "Press officer"
    claire.save()
    assert contact_names(client, "parisel")[0] == ["Claire Parisel"]
    assert contact_names(client, "PARISEL")[0] == ["Claire Parisel"]
    contacts, people = contact_names(client, "Gustave")
    assert contacts == ["Claire Parisel"] and "Fabrice Barlesi" in people
    assert contact_names(client, "baude sanofi")[0] == ["Chrystel Baude"]
    assert contact_names(client, "baude roussy")[0] == []
    assert contact_names(client, "attachee")[0] == ["Claire Parisel"]
    assert contact_names(client, "press officer", "/en/media-contacts/")[0] == ["Claire Parisel"]
    # Topics of the releases they are listed on (a topic of the seed release).
    assert set(contact_names(client, "immunotherapie")[0]) == {"Claire Parisel", "Chrystel Baude"}
    assert "Fabrice Barlesi" in contact_names(client, "oncology", "/en/media-contacts/")[1]
    assert contact_names(client, "fabrice")[1] == ["Fabrice Barlesi"]
    html = client.get("/fr/contacts-presse/", {"q": "parisel"}).text
    assert "1 contact presse correspond à « parisel »" in html


def test_internal_contacts_are_found_by_staff_only(staff_client, demo_release):
    client = Client()  # anonymous (``client`` is the staff client's own)
    roussy = Institution.objects.get(slug="gustave-roussy")
    internal = MediaContact.objects.create(
        institution=roussy, name="Ligne de nuit", phone="0600000001", is_public=False
    )
    assert contact_names(client, "ligne nuit") == ([], [])
    assert "Ligne de nuit" not in client.get("/fr/contacts-presse/").text
    assert contact_names(staff_client, "ligne nuit")[0] == ["Ligne de nuit"]
    staff_page = staff_client.get("/fr/contacts-presse/").text
    assert "Ligne de nuit" in staff_page and "Interne" in staff_page
    assert staff_client.get(f"/fr/contacts-presse/{internal.pk}/vcard/").status_code == 200
    assert client.get(f"/fr/contacts-presse/{internal.pk}/vcard/").status_code == 404


def test_topics_of_unpublished_releases_do_not_find_contacts(client, demo_release, make_release):
    draft = make_release(title_fr="Secret", status="draft", publish_at=None)
    draft.topics.add(Topic.objects.create(name_fr="Zorglubologie"))
    Quote.objects.create(
        release=draft, person=Person.objects.get(slug="fabrice-barlesi"), text_fr="…"
    )
    assert contact_names(client, "zorglubologie") == ([], [])


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL's own full-text search")
def test_postgresql_uses_its_stored_vectors_and_gin_index(demo_release):
    document = SearchDocument.objects.get(release=demo_release, language="fr")
    assert "'immunotherap'" in str(document.vector)  # unaccented, stemmed
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'newsroom_searchdocument'"
        )
        assert any("USING gin (language, release_date, vector)" in r[0] for r in cursor.fetchall())
