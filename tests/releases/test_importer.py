"""The importer: the seed and five releases of our own, as text, Word and PDF, give the same
structure; bad files are refused with a clear message and nothing is created; the admin's
review writes nothing until staff confirm, and never overwrites what is on record."""

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from django.utils.html import strip_tags
from fpdf import FPDF

from newsroom import demo_content
from newsroom.importer.files import UnreadableDocument, read_document
from newsroom.importer.parsing import parse
from newsroom.models import PressRelease
from partners.models import Institution, MediaContact, Person, StockListing
from tests.helpers import SAMPLES

# A copy of ../shared/seeds/ (beside the checkout, absent from a clone made elsewhere).
SEED = SAMPLES / "seed_sanofi_gustave_roussy_fr.txt"


@pytest.fixture(autouse=True)
def in_english():
    """Messages are read in English here (the French catalogue is tested elsewhere)."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")


def as_docx(text):
    """A Word file: one paragraph per block of lines, lines kept as line breaks."""
    document = docx.Document()
    for block in re.split(r"\n\s*\n", text.strip()):
        paragraph = document.add_paragraph()
        for n, line in enumerate(block.split("\n")):
            run = paragraph.add_run(line.strip())
            if n < block.count("\n"):
                run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(text):
    """A text PDF laid out line by line, as a word processor's export would."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    for line in text.split("\n"):
        pdf.cell(0, 4, line.strip(), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def structure(name, data):
    return parse(read_document(name, data)).as_json()


def plain(html):
    return " ".join(strip_tags(html).split())


def blocks_of(html):
    """[(tag, text)] of a body's paragraphs and list items."""
    return [(tag, plain(text)) for tag, text in re.findall(r"<(p|li)>(.*?)</\1>", html, re.S)]


# The seed --------------------------------------------------------------------------------------


def test_the_seed_gives_the_demo_content(seed_text):
    found = parse(seed_text).as_json()
    demo = demo_content.RELEASE
    assert found["language"] == "fr"
    assert found["headline"] == demo["title"]["fr"]
    assert found["dateline"] == demo["dateline"]["fr"]
    assert found["date"] == demo["release_date"].isoformat()
    body = blocks_of(demo["body"]["fr"])
    assert found["paragraphs"] == [text for tag, text in body if tag == "p"]
    assert found["bullets"] == [text for tag, text in body if tag == "li"]
    assert len(found["bullets"]) == 3
    people = {person["slug"]: person for person in demo_content.PEOPLE}
    assert [(q["speaker"], q["title"], q["text"]) for q in found["quotes"]] == [
        (
            f"{people[q['person']]['first_name']} {people[q['person']]['last_name']}",
            people[q["person"]]["job_title"]["fr"],
            q["text"]["fr"],
        )
        for q in demo["quotes"]
    ]
    assert [q["institution"] for q in found["quotes"]] == ["Gustave Roussy", "Sanofi"]
    institutions = {i["name"]["fr"]: i for i in demo_content.INSTITUTIONS}
    assert [b["institution"] for b in found["boilerplates"]] == ["Gustave Roussy", "Sanofi"]
    for boilerplate in found["boilerplates"]:
        expected = plain(institutions[boilerplate["institution"]]["boilerplate"]["fr"])
        assert boilerplate["text"] == expected
    assert found["tickers"] == [
        {"exchange": exchange, "symbol": symbol}
        for exchange, symbol in demo_content.SANOFI["listings"]
    ]
    assert found["websites"] == ["www.gustaveroussy.fr"]
    assert found["social"] == ["Twitter", "Facebook", "LinkedIn", "Instagram"]
    assert found["contacts"] == [
        {
            "name": contact["name"],
            "institution": institutions_by_slug()[contact["institution"]],
            "phone_e164": contact["phone"],
            "email": contact["email"],
        }
        for contact in demo_content.MEDIA_CONTACTS
    ]


def institutions_by_slug():
    return {i["slug"]: i["name"]["fr"] for i in demo_content.INSTITUTIONS}


def test_the_seed_reads_the_same_from_word_and_pdf(seed_text):
    expected = parse(seed_text).as_json()
    assert structure("seed.docx", as_docx(seed_text)) == expected
    assert structure("seed.pdf", as_pdf(seed_text)) == expected


# Our own releases, in other styles -------------------------------------------------------------

EXPECTED = {
    "wire_en.txt": {
        "language": "en",
        "headline": "Institut Curie and Acme Biotherapeutics join forces on paediatric sarcoma "
        "research",
        "dateline": "PARIS",
        "date": "2024-03-04",
        "speakers": [
            ("Marie Dupont", "Head of the Paediatric Oncology Department at Institut Curie"),
            ("John Carter", "Chief Scientific Officer of Acme Biotherapeutics"),
        ],
        "tickers": [{"exchange": "NASDAQ", "symbol": "ACMB"}],
        "contacts": [
            ("Sophie Martin", "Institut Curie", "+33156245500", "sophie.martin@curie.fr"),
            ("Paul Smith", "Acme Biotherapeutics", "+16175550134", "paul.smith@acmebio.com"),
        ],
    },
    "sans_citation_fr.txt": {
        "language": "fr",
        "subtitle": "Un programme d’accompagnement de douze mois pour dix entreprises",
        "dateline": "Villejuif, France",
        "date": "2024-03-01",
        "bullets": 3,
        "speakers": [],
        "contacts": [
            ("Julie Moreau", "Paris Saclay Cancer Cluster", "+33612345678", "julie.moreau@pscc.fr")
        ],
    },
    "speaker_first_en.txt": {
        "language": "en",
        "subtitle": "Data to be presented at the European Lung Cancer Congress",
        "dateline": "BOSTON",
        "date": "2024-06-12",
        "speakers": [("Emily Brown", "Chief Medical Officer of Northbridge Pharma")],
        "tickers": [{"exchange": "NYSE", "symbol": "NBP"}],
        "contacts": [
            (
                "Rachel Green",
                "Northbridge Pharma",
                "+16175550199",
                "rachel.green@northbridgepharma.com",
            )
        ],
    },
    "guillemets_fr.txt": {
        "language": "fr",
        "dateline": "Villejuif",
        "date": "2024-06-05",
        "speakers": [("Jean Lemaire", "Directeur de la recherche clinique de Gustave Roussy")],
        "contacts": [
            ("Claire Dubois", "Gustave Roussy", "+33142115000", "claire.dubois@gustaveroussy.fr"),
            ("Marc Petit", "Agence Relais", "+33698765432", "marc.petit@relais.fr"),
        ],
    },
    "wrapped_en.txt": {
        "language": "en",
        "headline": "Helix Diagnostics and Saint-Louis Hospital launch a blood test study for "
        "early detection of pancreatic cancer",
        "subtitle": "",
        "dateline": "LYON, France",
        "date": "2024-11-21",
        "bullets": 3,
        "speakers": [],
        "tickers": [{"exchange": "EURONEXT PARIS", "symbol": "HLX"}],
        "contacts": [
            ("Anna Weber", "Helix Diagnostics", "+33472000000", "anna.weber@helix-dx.com")
        ],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_our_releases_give_their_structure_from_text_word_and_pdf(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    found = parse(text).as_json()
    expected = EXPECTED[name]
    for key in ("language", "headline", "subtitle", "dateline", "date", "tickers"):
        if key in expected:
            assert found[key] == expected[key], key
    if "bullets" in expected:
        assert len(found["bullets"]) == expected["bullets"]
    assert [(q["speaker"], q["title"]) for q in found["quotes"]] == expected["speakers"]
    assert all(q["text"] and q["text"][0].isupper() for q in found["quotes"])
    assert [tuple(c.values()) for c in found["contacts"]] == expected["contacts"]
    assert found["paragraphs"] and all(b["text"] for b in found["boilerplates"])
    assert structure(name.replace(".txt", ".docx"), as_docx(text)) == found
    assert structure(name.replace(".txt", ".pdf"), as_pdf(text)) == found


# Bad files ---------------------------------------------------------------------------------------


def scanned_pdf():
    """A PDF with a page but no text (what a scanner makes)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")
    return bytes(pdf.output())


def zip_bomb():
    """A .docx-named zip whose document expands ~1,000-fold (60 MB of zeros)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


BAD_FILES = {
    "empty": ("release.txt", b"", "empty"),
    "blank": ("release.txt", b"   \n\n  ", "empty"),
    "binary junk as text": ("release.txt", bytes(range(256)) * 40, "not a text file"),
    "binary junk as Word": ("release.docx", b"\x89PNG\r\n" + bytes(range(256)) * 40, "Word"),
    "binary junk as PDF": ("release.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40, "PDF"),
    "scanned PDF": ("scan.pdf", scanned_pdf(), "OCR"),
    "50 MB file": ("release.txt", b"a " * (25 * 1024 * 1024), "too large"),
    "zip bomb": ("release.docx", zip_bomb(), "unreasonable size"),
    "other kind": ("release.odt", b"PK\x03\x04 something", ".txt, .docx or .pdf"),
    "truncated PDF": ("release.pdf", scanned_pdf()[:300], "PDF file could not be read"),
    "damaged Word": ("release.docx", zip_bomb()[:2000], "not a Word (.docx) file"),
    "far too much text": ("release.txt", ("Une phrase. " * 40_000).encode(), "far more text"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_with_a_clear_message(case):
    name, data, message = BAD_FILES[case]
    with pytest.raises(UnreadableDocument, match=re.escape(message)):
        read_document(name, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", ["empty", "scanned PDF", "zip bomb", "binary junk as PDF", "50 MB file"]
)
def test_bad_files_create_nothing_from_the_command_or_the_admin(case, staff_client, tmp_path):
    name, data, message = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_release", str(path))
    response = staff_client.post(
        "/admin/newsroom/pressrelease/import/",
        {"file": SimpleUploadedFile(name, data)},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PressRelease.objects.exists() and not Institution.objects.exists()


# The command ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_dry_run_prints_the_structure_and_writes_nothing(capsys):
    call_command("import_release", str(SAMPLES / "wire_en.txt"), "--dry-run")
    printed = json.loads(capsys.readouterr().out)
    assert list(printed) == [
        "language",
        "headline",
        "subtitle",
        "dateline",
        "date",
        "paragraphs",
        "bullets",
        "quotes",
        "boilerplates",
        "tickers",
        "websites",
        "social",
        "contacts",
    ]
    assert printed["contacts"][0]["phone_e164"] == "+33156245500"
    assert not PressRelease.objects.exists() and not Person.objects.exists()


@pytest.mark.django_db
def test_the_command_creates_a_draft_in_the_documents_language(capsys):
    call_command("import_release", str(SAMPLES / "wire_en.txt"))
    release = PressRelease.objects.get()
    assert f"/admin/newsroom/pressrelease/{release.pk}/change/" in capsys.readouterr().out
    assert release.status == PressRelease.Status.DRAFT
    assert release.original_language == "en" and not release.title_fr
    assert release.title_en.startswith("Institut Curie and Acme")
    issuers = release.releaseissuer_set.order_by("order")
    assert [issuer.institution.name_en for issuer in issuers] == [
        "Institut Curie",
        "Acme Biotherapeutics",
    ]
    assert [(q.person.full_name, q.title_shown) for q in release.quotes.all()] == [
        ("Marie Dupont", "Head of the Paediatric Oncology Department at Institut Curie"),
        ("John Carter", "Chief Scientific Officer of Acme Biotherapeutics"),
    ]
    acme = Institution.objects.get(name_en="Acme Biotherapeutics")
    assert list(acme.stock_listings.values_list("exchange", "ticker")) == [("NASDAQ", "ACMB")]
    assert "develops antibody therapies" in acme.boilerplate_en
    assert [c.phone.as_e164 for c in release.contacts.all()] == ["+33156245500", "+16175550134"]
    # Forced to French, the document's language is what the draft is written in.
    call_command("import_release", str(SAMPLES / "wire_en.txt"), "--language", "fr")
    assert PressRelease.objects.latest("pk").title_fr.startswith("Institut Curie and Acme")


# The admin: review, then confirm ---------------------------------------------------------------


def upload(client, text, name="release.txt"):
    return client.post(
        "/admin/newsroom/pressrelease/import/",
        {"file": SimpleUploadedFile(name, text.encode()), "language": ""},
        headers={"accept-language": "en"},
    )


@pytest.mark.django_db
def test_admin_review_writes_nothing_until_confirmed(staff_client, seed_text):
    assert (
        staff_client.get("/admin/newsroom/pressrelease/")
        .content.decode()
        .count("/admin/newsroom/pressrelease/import/")
    )
    review = upload(staff_client, seed_text)
    page = review.content.decode()
    assert review.status_code == 200
    for shown in ("Fabrice Barlesi", "+33142115059", "EURONEXT: SAN", "Paris et Villejuif"):
        assert shown in page
    assert page.count("<td>create</td>") == 8  # 2 institutions, 2 speakers, 2 listings, 2 contacts
    assert not PressRelease.objects.exists() and not Institution.objects.exists()
    token = review.context["token"]
    assert (
        staff_client.post("/admin/newsroom/pressrelease/import/", {"confirm": "forged"}).status_code
        == 302
    )
    assert not PressRelease.objects.exists()
    done = staff_client.post("/admin/newsroom/pressrelease/import/", {"confirm": token})
    release = PressRelease.objects.get()
    assert done.url == f"/admin/newsroom/pressrelease/{release.pk}/change/"
    assert release.status == "draft" and release.created_by.username == "staff"
    assert release.body_fr.count("<li>") == 3 and release.quotes.count() == 2
    # The same token cannot create it twice.
    staff_client.post("/admin/newsroom/pressrelease/import/", {"confirm": token})
    assert PressRelease.objects.count() == 1


@pytest.mark.django_db
def test_existing_records_are_linked_and_never_overwritten(staff_client, demo_release, seed_text):
    roussy = Institution.objects.get(slug="gustave-roussy")
    roussy.boilerplate_fr = "<p>Un texte plus récent.</p>"
    roussy.save()
    parisel = MediaContact.objects.get(email="claire.parisel@gustaveroussy.fr")
    parisel.phone = "+33142110000"
    parisel.save()
    counts = (Institution.objects.count(), Person.objects.count(), MediaContact.objects.count())
    page = upload(staff_client, seed_text).content.decode()
    assert "differs from the one on record, which is kept" in page
    assert "Phone on record: +33 1 42 11 00 00 (kept)." in page
    assert "link to the existing one" in page
    staff_client.post(
        "/admin/newsroom/pressrelease/import/",
        {"confirm": staff_client.session["release_import"]["token"]},
    )
    assert (
        Institution.objects.count(),
        Person.objects.count(),
        MediaContact.objects.count(),
    ) == counts
    roussy.refresh_from_db()
    parisel.refresh_from_db()
    assert roussy.boilerplate_fr == "<p>Un texte plus récent.</p>"
    assert parisel.phone.as_e164 == "+33142110000"
    draft = PressRelease.objects.filter(status="draft").get()
    assert {c.pk for c in draft.contacts.all()} >= {parisel.pk}
    assert {q.person.slug for q in draft.quotes.all()} == {"fabrice-barlesi", "jacques-volckmann"}


@pytest.mark.django_db
def test_only_staff_who_may_add_releases_import(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw-Str0ng!-x", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/newsroom/pressrelease/import/").status_code == 403


@pytest.mark.django_db
def test_editors_import_for_their_own_institutions_only(client, make_staff, seed_text):
    roussy = Institution.objects.create(kind="cancer_centre", name_fr="Gustave Roussy", slug="gr")
    other = Institution.objects.create(kind="company", name_fr="Autre", slug="autre")
    outsider = make_staff("Editor", other)
    client.force_login(outsider)
    upload(client, seed_text)
    token = client.session["release_import"]["token"]
    refused = client.post(
        "/admin/newsroom/pressrelease/import/",
        {"confirm": token},
        headers={"accept-language": "en"},
        follow=True,
    )
    assert "your own institutions only" in refused.content.decode()
    assert not PressRelease.objects.exists() and Institution.objects.count() == 2
    client.force_login(make_staff("Editor", roussy))
    upload(client, seed_text)
    token = client.session["release_import"]["token"]
    client.post("/admin/newsroom/pressrelease/import/", {"confirm": token})
    assert PressRelease.objects.get().issuers.filter(pk=roussy.pk).exists()


# Odd documents: a page, never an error -----------------------------------------------------------

ODD = """\
Rendez-vous le 5 mars 2024 à Paris pour la journée «Ensemble» des patients

«Ensemble» est le nom de la journée annuelle des associations de patients, ouverte à tous.

"Moonshot" is the programme the institute says is working.

À propos de l’

Contacts presse
presse@exemple.fr
"""


def test_odd_documents_keep_their_text_and_invent_nothing():
    found = parse(ODD).as_json()
    assert found["headline"].startswith("Rendez-vous le 5 mars 2024")  # not a dateline
    assert found["date"] == "" and found["quotes"] == []
    assert found["paragraphs"][0].startswith("«Ensemble» est le nom")
    assert found["paragraphs"][1].startswith('"Moonshot" is the programme')
    assert found["boilerplates"] == []
    assert parse("Titre\n\nParis, le 31 février 2024 – Texte du communiqué.").date == ""


def test_hostile_text_is_parsed_in_linear_time():
    """Patterns that backtrack would take hours on these (no clock here: they simply end)."""
    head = "Titre\n\nParis, le 3 mars 2024 – Début.\n\n"
    for body in (
        "« " + "» a " * 5000,
        "Contacts " + "a" * 40_000,
        "Contacts\n" + "x" * 40_000 + "@",
        "« " + ", déclare " * 3000,
        "\n".join(["ligne"] * 200_000),
        # Thousands of numbers on one line: each found one was once checked against all others.
        "Contact\n" + "F: 01 44 23 60 00 " * 20_000,
        "Chief Officer Dr John Reed said.\n\n" + '"We expect," Dr Reed said.\n\n' * 5000,
        "« A », souligne le Pr Henri MARTIN, chef.\n\n" + "« B », ajoute-t-il.\n\n" * 5000,
        "Contact presse : " + "x. Contactez Anne Roux au 06 45 12 78 90. " * 5000,
    ):
        assert parse(head + body).headline == "Titre"


@pytest.mark.django_db
def test_incomplete_contacts_and_an_undated_document_make_a_draft(staff_client):
    page = upload(staff_client, ODD).content.decode()
    assert "A name and a phone or email are needed: left out." in page
    staff_client.post(
        "/admin/newsroom/pressrelease/import/",
        {"confirm": staff_client.session["release_import"]["token"]},
    )
    draft = PressRelease.objects.get()
    assert draft.release_date == timezone.localdate() and not draft.contacts.exists()
    assert "«Ensemble» est le nom" in draft.body_fr and not Person.objects.exists()
    assert not MediaContact.objects.exists()


@pytest.mark.django_db
def test_a_listing_on_record_elsewhere_is_kept(staff_client, seed_text):
    other = Institution.objects.create(kind="company", name_fr="Sanofi SA", slug="sanofi-sa")
    StockListing.objects.create(institution=other, exchange="EURONEXT", ticker="SAN")
    page = upload(staff_client, seed_text).content.decode()
    assert "Listed on record for Sanofi SA (kept)." in page
    staff_client.post(
        "/admin/newsroom/pressrelease/import/",
        {"confirm": staff_client.session["release_import"]["token"]},
    )
    assert list(StockListing.objects.values_list("institution__slug", "ticker")) == [
        ("sanofi-sa", "SAN"),
        (Institution.objects.get(name_fr="Sanofi").slug, "SNY"),
    ]


@pytest.mark.django_db
def test_editors_link_what_exists_and_issue_for_their_own_institutions(
    client, make_staff, seed_text
):
    roussy = Institution.objects.create(kind="cancer_centre", name_fr="Gustave Roussy", slug="gr")
    client.force_login(make_staff("Editor", roussy))
    page = upload(client, seed_text).content.decode()
    assert "You may not add institutions: left out." in page
    assert "You may not add media contacts: left out." in page
    client.post(
        "/admin/newsroom/pressrelease/import/",
        {"confirm": client.session["release_import"]["token"]},
    )
    draft = PressRelease.objects.get()
    assert list(draft.issuers.all()) == [roussy]
    assert Institution.objects.count() == 1 and not MediaContact.objects.exists()
    assert not StockListing.objects.exists()
    assert draft.quotes.count() == 2  # editors may add people


@pytest.mark.django_db
def test_what_the_document_says_is_escaped_on_the_review(staff_client, seed_text):
    hostile = seed_text.replace(
        "Sanofi et Gustave Roussy renforcent", "<script>alert(1)</script> renforcent", 1
    )
    page = upload(staff_client, hostile).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; renforcent" in page


@pytest.mark.django_db
def test_matching_ignores_accents_and_case(staff_client, seed_text):
    roussy = Institution.objects.create(kind="cancer_centre", name_fr="GUSTAVE ROUSSY", slug="gr")
    barlesi = Person.objects.create(first_name="fabrice", last_name="BARLÉSI", slug="fb")
    parisel = MediaContact.objects.create(
        name="Claire Parisél", institution=roussy, phone="+33142115059"
    )
    page = upload(staff_client, seed_text).content.decode()
    assert page.count("link to the existing one") == 3
    staff_client.post(
        "/admin/newsroom/pressrelease/import/",
        {"confirm": staff_client.session["release_import"]["token"]},
    )
    draft = PressRelease.objects.get()
    assert draft.issuers.filter(pk=roussy.pk).exists()
    assert draft.quotes.filter(person=barlesi).exists()
    assert draft.contacts.filter(pk=parisel.pk).exists()
    assert Institution.objects.filter(name_fr__iexact="gustave roussy").count() == 1
    assert Person.objects.filter(last_name__icontains="barl").count() == 1


def test_the_copy_of_the_seed_is_the_seed():
    original = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not original.is_dir():
        pytest.skip("../shared/seeds/ is not beside this checkout")
    assert SEED.read_bytes() in [path.read_bytes() for path in original.glob("*.txt")]


@pytest.mark.django_db
def test_the_seed_imports_into_a_draft_matching_the_demo_content():
    call_command("import_release", str(SEED))
    draft = PressRelease.objects.get()
    demo = demo_content.RELEASE
    assert draft.status == "draft" and draft.original_language == "fr"
    assert (draft.title_fr, draft.dateline_fr, draft.release_date) == (
        demo["title"]["fr"],
        demo["dateline"]["fr"],
        demo["release_date"],
    )
    assert blocks_of(draft.body_fr) == blocks_of(demo["body"]["fr"])
    assert draft.body_fr.count("<li>") == 3
    people = {person["slug"]: person for person in demo_content.PEOPLE}
    with translation.override("fr"):
        assert [(q.person.full_name, q.title_shown, q.text) for q in draft.quotes.all()] == [
            (
                f"{people[q['person']]['first_name']} {people[q['person']]['last_name']}",
                people[q["person"]]["job_title"]["fr"],
                q["text"]["fr"],
            )
            for q in demo["quotes"]
        ]
    by_name = {i["name"]["fr"]: i for i in demo_content.INSTITUTIONS}
    issuers = [issuer.institution for issuer in draft.releaseissuer_set.order_by("order")]
    assert [i.name_fr for i in issuers] == ["Gustave Roussy", "Sanofi"]
    for institution in issuers:
        assert plain(institution.boilerplate_fr) == plain(
            by_name[institution.name_fr]["boilerplate"]["fr"]
        )
    sanofi = issuers[1]
    assert list(sanofi.stock_listings.values_list("exchange", "ticker")) == list(
        demo_content.SANOFI["listings"]
    )
    assert [(c.display_name, c.phone.as_e164, c.email) for c in draft.contacts.order_by("pk")] == [
        (c["name"], c["phone"], c["email"]) for c in demo_content.MEDIA_CONTACTS
    ]
