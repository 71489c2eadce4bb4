"""`load_demo` loads every part of the seed release, in both languages, and is idempotent."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.forms.models import model_to_dict

from core.languages import LANGUAGE_CODES
from newsroom.demo import load_demo
from newsroom.demo_content import DEMO_ADMIN
from newsroom.models import PressRelease
from partners.models import Institution, MediaContact, Partnership, Person

pytestmark = pytest.mark.django_db
LANGS = LANGUAGE_CODES


def both(obj, field):
    """The field's value in each language, asserting none is empty."""
    values = {code: getattr(obj, f"{field}_{code}") for code in LANGS}
    assert all(values.values()), f"{obj!r}.{field} missing a language: {values}"
    return values


def snapshot():
    """Every row of every project model (and each stored file), to compare two runs."""
    rows = {}
    for app in ("partners", "newsroom", "auth"):
        for model in apps.get_app_config(app).get_models():
            rows[model._meta.label] = sorted(
                (repr(sorted(model_to_dict(obj).items(), key=str)), str(obj.pk))
                for obj in model.objects.all()
            )
    rows["timestamps"] = list(PressRelease.objects.values_list("created_at", "updated_at"))
    return rows


def test_headline_dateline_date_in_both_languages(demo_release):
    release = demo_release
    assert both(release, "title") == {
        "fr": "Sanofi et Gustave Roussy renforcent leur collaboration stratégique de recherche "
        "en oncologie",
        "en": "Sanofi and Gustave Roussy strengthen their strategic research collaboration in "
        "oncology",
    }
    assert both(release, "dateline") == {
        "fr": "Paris et Villejuif, France",
        "en": "Paris and Villejuif, France",
    }
    assert release.release_date == datetime.date(2023, 1, 19)
    assert release.status == "published"
    assert release in PressRelease.objects.published()
    both(release, "slug")
    assert not release.subtitle_fr  # the original has none: nothing invented


def test_body_has_lead_bullets_and_closing_paragraphs_in_both_languages(demo_release):
    body = both(demo_release, "body")
    for text in body.values():
        assert text.count("<li>") == 3 and "<ul>" in text
        assert text.count("<p>") >= 4
        assert "\n\n" not in text  # PDF line breaks repaired
    assert "annoncent aujourd’hui une nouvelle collaboration" in body["fr"]
    assert "cellules dites « persistantes » responsables des rechutes" in body["fr"]
    assert "accord-cadre signé en 2012" in body["fr"] and "renforcé en 2016" in body["fr"]
    assert "today announce a new collaboration" in body["en"]
    assert "“persister” cells responsible for relapses" in body["en"]
    assert "signed in 2012" in body["en"] and "reinforced in 2016" in body["en"]


def test_research_projects_linked_to_partnership_and_release(demo_release):
    projects = list(demo_release.research_projects.order_by("order"))
    assert len(projects) == 3
    titles = [both(p, "title") for p in projects]
    both(projects[0], "summary")
    assert "myéloïdes" in titles[0]["fr"] and "myeloid" in titles[0]["en"].lower()
    assert "PD1/L1" in titles[1]["fr"] and "lung" in titles[1]["en"]
    assert "persistantes" in titles[2]["fr"] and "persister" in titles[2]["en"]
    assert {p.partnership.slug for p in projects} == {"sanofi-gustave-roussy-oncologie"}


def test_partnership_history_2012_2016_2023():
    load_demo()
    partnership = Partnership.objects.get()
    both(partnership, "name")
    both(partnership, "description")
    assert {i.slug for i in partnership.institutions.all()} == {"sanofi", "gustave-roussy"}
    milestones = list(partnership.milestones.all())
    assert [m.date.year for m in milestones] == [2012, 2016, 2023]
    assert [m.date_precision for m in milestones] == ["year", "year", "day"]
    for milestone in milestones:
        both(milestone, "title")
        both(milestone, "text")


def test_cluster_membership(demo_release):
    cluster = Institution.objects.get(slug="paris-saclay-cancer-cluster")
    assert cluster.kind == "research_cluster"
    assert [i.slug for i in cluster.members.all()] == ["gustave-roussy"]


def test_quotes_with_speakers_and_titles(demo_release):
    quotes = list(demo_release.quotes.all())
    assert [q.person.full_name for q in quotes] == ["Fabrice Barlesi", "Jacques Volckmann"]
    texts = [both(q, "text") for q in quotes]
    assert texts[0]["fr"].startswith("L’extension de notre collaboration avec Sanofi")
    assert texts[1]["fr"].startswith("Nous nous réjouissons de la signature")
    assert texts[0]["en"].startswith("The extension of our collaboration with Sanofi")
    barlesi, volckmann = (q.person for q in quotes)
    assert both(barlesi, "job_title")["fr"] == "Directeur Général de Gustave Roussy"
    assert barlesi.honorific_fr == "Pr"
    assert (
        both(volckmann, "job_title")["fr"]
        == "Vice-Président Recherche et Développement Sanofi France"
    )
    assert barlesi.institution.slug == "gustave-roussy"
    assert volckmann.institution.slug == "sanofi"


def test_boilerplates_key_facts_sites_tickers_social(demo_release):
    roussy = Institution.objects.get(slug="gustave-roussy")
    sanofi = Institution.objects.get(slug="sanofi")
    assert [i.slug for i in demo_release.issuers.order_by("releaseissuer__order")] == [
        "sanofi",
        "gustave-roussy",
    ]
    roussy_about = both(roussy, "boilerplate")
    assert "Classé premier centre européen" in roussy_about["fr"]
    assert "4 100 salariés" in roussy_about["fr"] and "4,100 employees" in roussy_about["en"]
    sanofi_about = both(sanofi, "boilerplate")
    assert "poursuivre les miracles de la science" in sanofi_about["fr"]
    assert "miracles of science" in sanofi_about["en"]
    facts = [both(f, "text") for f in roussy.key_facts.all()]
    assert len(facts) == 4 and "50 000" in facts[1]["fr"] and "50,000" in facts[1]["en"]
    assert [s.city for s in roussy.sites.all()] == ["Villejuif", "Chevilly-Larue"]
    for site in roussy.sites.all():
        both(site, "name")
    assert {(s.exchange, s.ticker) for s in sanofi.stock_listings.all()} == {
        ("EURONEXT", "SAN"),
        ("NASDAQ", "SNY"),
    }
    assert roussy.website == "https://www.gustaveroussy.fr"
    assert [p.network for p in roussy.social_profiles.all()] == [
        "x",
        "facebook",
        "linkedin",
        "instagram",
    ]
    for institution in Institution.objects.all():
        both(institution, "name")
        assert institution.logo and institution.logo.storage.exists(institution.logo.name)


def test_media_contacts(demo_release):
    contacts = {c.email: c for c in demo_release.contacts.all()}
    assert set(contacts) == {"claire.parisel@gustaveroussy.fr", "chrystel.baude@sanofi.com"}
    parisel = contacts["claire.parisel@gustaveroussy.fr"]
    baude = contacts["chrystel.baude@sanofi.com"]
    assert (parisel.display_name, parisel.institution.slug) == ("Claire Parisel", "gustave-roussy")
    assert (baude.display_name, baude.institution.slug) == ("Chrystel Baude", "sanofi")
    assert parisel.phone.as_national == "01 42 11 50 59"
    assert baude.phone.as_e164 == "+33157632504"
    assert parisel.is_public and baude.is_public


def test_topics_in_both_languages(demo_release):
    for topic in demo_release.topics.all():
        both(topic, "name")
        both(topic, "slug")
    assert demo_release.topics.count() == 3


def test_running_twice_changes_nothing(media_root):
    load_demo()
    first = snapshot()
    files = sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())
    load_demo()
    assert snapshot() == first
    assert sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file()) == files
    assert PressRelease.objects.count() == 1
    assert Person.objects.count() == 2
    assert MediaContact.objects.count() == 2


def test_command_creates_demo_admin_only_with_debug(settings, capsys):
    settings.DEBUG = False
    call_command("load_demo")
    assert not get_user_model().objects.exists()
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    out = capsys.readouterr().out
    assert DEMO_ADMIN["password"] in out and "/admin/" in out
    user = get_user_model().objects.get(username=DEMO_ADMIN["username"])
    assert user.is_superuser and user.check_password(DEMO_ADMIN["password"])
    editor = get_user_model().objects.get(username="editeur")
    assert editor.groups.get().name == "Editor" and editor.institutions.count() == 2
    assert "“editeur” (Editor)" in out
    assert get_user_model().objects.count() == 3  # the second run created nothing more
