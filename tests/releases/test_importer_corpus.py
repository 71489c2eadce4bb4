"""The importer on releases written by other organisations (tests/importer_corpus/, scored by
bench/importer_score.py), and one small test per rule it reads them by: each fails if its rule
breaks."""

import pytest

from bench.importer_score import corpus_paths, overall, sample_paths, score_files
from newsroom.importer.dates import find_dates
from newsroom.importer.drafts import create_draft
from newsroom.importer.parsing import parse
from newsroom.importer.phones import phone_numbers, regions
from partners.models import MediaContact

# The score ---------------------------------------------------------------------------------


def test_the_corpus_scores_at_least_90_percent():
    totals, misses = score_files(corpus_paths())
    assert len(corpus_paths()) >= 20 and len(corpus_paths(heldout=True)) >= 6
    assert overall(totals) >= 0.90, misses


def test_the_old_samples_are_all_read_right():
    totals, misses = score_files(sample_paths())
    assert overall(totals) == 1.0, misses


# Quotes --------------------------------------------------------------------------------------

LEAD = "PARIS, March 4, 2024 – Acme today announced a study.\n\n"


def quotes_of(body, head=LEAD):
    return parse("A headline\n\n" + head + body).quotes


def test_a_paragraph_ending_with_said_introduces_the_next_one_without_marks():
    [quote] = quotes_of(
        "Jane Doe, Head of Research at Acme, said:\n\nThe data are clear. We will go on.\n\n"
        "Acme will file next year.\n"
    )
    assert (quote["speaker"], quote["title"]) == ("Jane Doe", "Head of Research at Acme")
    assert quote["text"] == "The data are clear. We will go on."


def test_an_introduced_quotation_in_marks_runs_to_its_closing_mark():
    [quote] = quotes_of(
        "Marie Curie, directrice de recherche, a déclaré :\n\n« Premier paragraphe.\n\n"
        "Second paragraphe. »\n\nLa suite.\n",
        head="Paris, le 6 février 2024 – Texte.\n\n",
    )
    assert quote["speaker"] == "Marie Curie" and quote["text"].endswith("Second paragraphe.")


def test_pour_x_titre_introduces_a_quote():
    [quote] = quotes_of("Pour Damien Léger, professeur :\n\n« Il faut dormir. »\n")
    assert (quote["speaker"], quote["title"]) == ("Damien Léger", "professeur")


def test_honorifics_and_names_in_capitals():
    [quote] = quotes_of("Pr Marie WISLEZ, pneumologue, déclare :\n\n« Le dépistage sauve. »\n")
    assert (quote["speaker"], quote["honorific"]) == ("Marie Wislez", "Pr")
    [quote] = quotes_of('Sir Jeremy Farrar, Chief Scientist at WHO, said: "A welcome step."\n')
    assert (quote["speaker"], quote["honorific"]) == ("Jeremy Farrar", "Sir")


def test_a_title_before_the_name_and_degrees_after_it():
    [quote] = quotes_of("Health Minister Andrew Stephenson said:\n\nThis is a great example.\n")
    assert (quote["speaker"], quote["title"]) == ("Andrew Stephenson", "Health Minister")
    [quote] = quotes_of(
        'NHS Clinical Director for Cancer, Professor Peter Johnson, said:\n\n"Finding it early."\n'
    )
    assert (quote["speaker"], quote["title"]) == (
        "Peter Johnson",
        "NHS Clinical Director for Cancer",
    )
    [quote] = quotes_of('"Strong data," said Laura Chen, Ph.D., Chief Executive Officer of Acme.\n')
    assert (quote["speaker"], quote["title"]) == ("Laura Chen", "Chief Executive Officer of Acme")


def test_an_affiliation_in_brackets_after_the_name():
    [quote] = quotes_of('Lead author Professor Mika Kivimäki (UCL Brain Sciences) said: "Walk."\n')
    assert (quote["speaker"], quote["title"]) == (
        "Mika Kivimäki",
        "Lead author, UCL Brain Sciences",
    )


def test_a_list_before_a_quote_does_not_swallow_it():
    release = parse(
        "Title\n\n" + LEAD + "Highlights:\n* one item\n* another item\n\n"
        '"We are pleased," said John Carter, CEO of Acme.\n'
    )
    assert release.bullets == ["one item", "another item"]
    assert [q["speaker"] for q in release.quotes] == ["John Carter"]


# Boilerplates and the end of the body --------------------------------------------------------


def test_an_inline_about_with_a_colon_is_a_boilerplate():
    release = parse(
        "Title\n\n" + LEAD + "About the National Institutes of Health (NIH): NIH is the\n"
        "nation's medical research agency.\n\n"
        "À propos de l'ANSM : L'Agence évalue les produits de santé.\n"
    )
    assert [b["institution"] for b in release.boilerplates] == [
        "National Institutes of Health (NIH)",
        "ANSM",
    ]
    assert release.boilerplates[0]["text"] == "NIH is the nation's medical research agency."


@pytest.mark.parametrize("marker", ["Ends", "ENDS", "###", "-30-", "- FIN -", "Notes to editors"])
def test_what_ends_the_body(marker):
    release = parse(
        "Title\n\n" + LEAD + f"{marker}\n\nThe teams are funded by the ministry and by others "
        "over a period of five years from now on.\n"
    )
    assert release.paragraphs == ["Acme today announced a study."]


def test_notes_to_editors_give_the_press_office_with_several_numbers():
    release = parse(
        "Title\n\n" + LEAD + "Notes to editors\n\n"
        "NHS England press office: 0113 825 0958\nOut of hours: 07623 508 560\n"
        "Email: england.media@nhs.net\n"
    )
    [contact] = release.contacts
    assert contact["name"] == "NHS England press office"
    assert contact["phones"] == ["+441138250958", "+447623508560"]
    assert contact["email"] == "england.media@nhs.net"


def test_a_numbered_note_about_an_organisation_is_a_boilerplate():
    release = parse(
        "Title\n\n" + LEAD + "Notes to editors\n\n1. The study was funded by a charity.\n"
        "2. About the Acme Institute: The Acme Institute studies cells.\n"
    )
    assert release.boilerplates == [
        {"institution": "Acme Institute", "text": "The Acme Institute studies cells."}
    ]


def test_a_contact_in_prose():
    release = parse(
        "Title\n\n" + LEAD + "To schedule interviews, please contact Jane Doe, (301) 555-0100,\n"
        "jane@example.org.\n"
    )
    [contact] = release.contacts
    assert (contact["name"], contact["phone_e164"], contact["email"]) == (
        "Jane Doe",
        "+13015550100",
        "jane@example.org",
    )
    assert release.paragraphs == ["Acme today announced a study."]


def test_a_bare_information_heading_an_organisation_line_then_the_person():
    release = parse(
        "Title\n\n" + LEAD + "Pour de plus amples informations\nFTI Consulting, London, UK\n"
        "Victoria Foster Mitchell\nT: +44 203 727 1000\nE: v.mitchell [at] fti.example.com\n"
    )
    [contact] = release.contacts
    assert (contact["name"], contact["institution"], contact["email"]) == (
        "Victoria Foster Mitchell",
        "FTI Consulting",
        "v.mitchell@fti.example.com",
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Investor Contact: Lee Roth, Burns McClellan, lroth@example.com", "Lee Roth"),
        ("Agence Relais – Marc Petit – marc.petit@example.fr", "Marc Petit"),
        ("Chercheur CNRS | Laurent Keller | laurent.keller@example.fr", "Laurent Keller"),
    ],
)
def test_the_person_on_a_contact_line(line, name):
    release = parse("Title\n\n" + LEAD + "Contacts\n" + line + "\n")
    assert [c["name"] for c in release.contacts] == [name]


def test_a_department_under_a_person_is_not_the_person():
    release = parse(
        "Title\n\n" + LEAD + "Contact:\nProfessor Anna Svensson\n"
        "Department of Medicine, Karolinska Institutet\nEmail: anna@example.se\n"
    )
    assert [c["name"] for c in release.contacts] == ["Anna Svensson"]


def test_a_press_office_line_then_the_person():
    release = parse(
        "Title\n\n" + LEAD + "Contacts\n\nMedia Relations\nDr. Jane Roth\n+49 6131 9084 1513\n"
        "media@acme.de\n"
    )
    assert [(c["name"], c["email"]) for c in release.contacts] == [("Jane Roth", "media@acme.de")]


# Phones --------------------------------------------------------------------------------------


def test_national_numbers_are_read_in_the_datelines_country():
    release = parse(
        "Title\n\nZurich, 22 May 2024\n\nText of the release, long enough.\n\n"
        "Media contact\nAnna Muster\nPhone: 044 632 33 35\n"
    )
    assert release.contacts[0]["phone_e164"] == "+41446323335"  # in France: +33446323335


def test_national_numbers_are_read_in_the_email_domains_country():
    assert regions(emails=["a@b.co.uk"], language="fr")[0] == "GB"
    assert regions(emails=["a@nih.gov"], language="fr")[0] == "US"
    assert regions(dateline="MAINZ, Germany", emails=["a@b.fr"], language="en")[0] == "DE"
    # "044 632 33 35" is valid in Switzerland and in France: the order decides.
    assert phone_numbers("044 632 33 35", ["CH", "FR"])[0][1] == "+41446323335"
    assert phone_numbers("044 632 33 35", ["FR", "CH"])[0][1] == "+33446323335"


def test_a_number_is_read_where_it_is_valid():
    # Not a US number: the next region where it is valid.
    assert phone_numbers("0113 825 0958", ["US", "FR", "GB"]) == [
        ("0113 825 0958", "+441138250958")
    ]
    assert phone_numbers("M +001 917 815 4520", ["FR"])[0][1] == "+19178154520"


# Dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "28 December 2016",
        "December 28, 2016",
        "Dec. 28, 2016",
        "Dec 28 2016",
        "Wednesday, December 28, 2016",
        "le 28 décembre 2016",
        "28 déc. 2016",
        "mercredi 28 décembre 2016",
        "2016-12-28",
        "28/12/2016",
        "28.12.2016",
    ],
)
def test_dates_in_common_forms(text):
    assert [iso for _s, _e, iso in find_dates(f"Paris, {text} –", "fr")] == ["2016-12-28"]


def test_abbreviated_months():
    assert find_dates("6 févr. 2024")[0][2] == "2024-02-06"
    assert find_dates("1er sept. 2024")[0][2] == "2024-09-01"
    assert find_dates("31 février 2024") == []


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("BETHESDA, Md., Dec. 28, 2016 — Acme", "BETHESDA, Md.", "2016-12-28"),
        (
            "CAMBRIDGE, Mass., Jan. 9, 2025 (BUSINESS WIRE) -- Acme",
            "CAMBRIDGE, Mass.",
            "2025-01-09",
        ),
        ("SAN DIEGO, Nov. 12, 2024 /PRNewswire/ -- Acme", "SAN DIEGO", "2024-11-12"),
        ("Lyon, France, le 21 mars 2024, 7h30 CET – Acme", "Lyon, France", "2024-03-21"),
    ],
)
def test_datelines_before_the_lead(line, place, date):
    release = parse(f"Title\n\n{line} reports results.\n")
    assert (release.dateline, release.date, release.headline) == (place, date, "Title")
    assert release.paragraphs == ["Acme reports results."]


def test_dates_above_the_title_below_it_and_in_the_footer():
    release = parse("Communiqué de presse | Paris | 15 janv. 2024\n\nUn titre\n\nLe texte.\n")
    assert (release.headline, release.dateline, release.date) == ("Un titre", "Paris", "2024-01-15")
    release = parse("News release\n\nA title\n\n2 October 2023 | Geneva\n\nThe text.\n")
    assert (release.headline, release.dateline, release.date) == ("A title", "Geneva", "2023-10-02")
    release = parse("A title\n\nA summary.\n\nPublished: 3 October 2023\n\nThe text.\n")
    assert (release.subtitle, release.dateline, release.date) == ("A summary.", "", "2023-10-03")
    release = parse("Issued: 10 January 2024, London UK\n\nA title\n\nGSK plc today said so.\n")
    assert (release.headline, release.dateline, release.date) == (
        "A title",
        "London UK",
        "2024-01-10",
    )
    release = parse("A title\n\nThe text of the release.\n\n-30-\n\nPosted: April 3, 2024\n")
    assert (release.dateline, release.date) == ("", "2024-04-03")


def test_several_exchanges_or_symbols_in_one_listing():
    release = parse(
        "Title\n\n" + LEAD + "Acme plc (LSE/NYSE: ACM; SIX: AC, ACX; Euronext Amsterdam: ACA) is "
        "listed.\n"
    )
    assert [(t["exchange"], t["symbol"]) for t in release.tickers] == [
        ("LSE", "ACM"),
        ("NYSE", "ACM"),
        ("SIX", "AC"),
        ("SIX", "ACX"),
        ("EURONEXT AMSTERDAM", "ACA"),
    ]


def test_contact_lines_with_a_kind_and_a_city():
    release = parse(
        "Title\n\n" + LEAD + "About Acme\nAcme makes tests.\n\nAcme enquiries\n"
        "Media: Tim Foley +44 (0) 20 8047 5502 (London)\n"
        "Investor Relations: Nick Stone +44 (0) 7717 618834 (London)\n"
    )
    assert [(c["name"], c["phones"]) for c in release.contacts] == [
        ("Tim Foley", ["+442080475502"]),
        ("Nick Stone", ["+447717618834"]),
    ]


def test_tickers_in_the_lead():
    release = parse(
        "Title\n\nPARIS, 29 novembre 2023 – Valneva SE (Nasdaq : VALN ; Euronext Paris : VLA)\n"
        "annonce des résultats.\n"
    )
    assert [(t["exchange"], t["symbol"]) for t in release.tickers] == [
        ("NASDAQ", "VALN"),
        ("EURONEXT PARIS", "VLA"),
    ]


# Drafts ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_contact_with_several_numbers_makes_a_draft_with_the_first():
    release = parse(
        "A title\n\n" + LEAD + "Ends\n\nNotes to editors\n\nAbout Acme\nAcme makes tests.\n\n"
        "For further information please contact the Acme press office on 020 7611 8540\n"
        "or press@acme.co.uk. Out of hours: 07956 123 456.\n"
    )
    [contact] = release.contacts
    assert contact["name"] == "Acme press office"
    assert contact["phones"] == ["+442076118540", "+447956123456"]
    draft = create_draft(release)
    assert draft.title_en == "A title"
    [media] = MediaContact.objects.all()
    assert (media.name, media.phone.as_e164, media.email) == (
        "Acme press office",
        "+442076118540",
        "press@acme.co.uk",
    )


# Rules from the b2 blind batch ---------------------------------------------------------------


def test_listings_separated_by_commas_each_keep_their_exchange():
    release = parse("Title\n\n" + LEAD.replace("Acme", "Acme (SIX: ACM, NYSE: ACX)"))
    assert [(t["exchange"], t["symbol"]) for t in release.tickers] == [
        ("SIX", "ACM"),
        ("NYSE", "ACX"),
    ]


def test_media_relations_is_an_office_not_a_heading():
    release = parse(
        "Title\n\n" + LEAD + "Contacts\n\nMedia Relations\nAcme Agency\n613-957-2983\n"
        "media@acme.example.org\n"
    )
    assert [(c["name"], c["email"]) for c in release.contacts] == [
        ("Media Relations", "media@acme.example.org")
    ]


def test_websites_and_networks_outside_the_about_section():
    release = parse(
        "Title\n\n" + LEAD + "For more information visit www.acme.org/flu.\n\n-Ends-\n\n"
        "Notes to editors\n1. The report is at www.acme-health.eu.\n\n"
        "Stay connected: follow Acme on X (@acme), Facebook and\nInstagram.\n"
    )
    assert release.websites == ["www.acme-health.eu", "www.acme.org/flu"]
    assert set(release.social) == {"X", "Facebook", "Instagram"}


def test_an_embargo_line_with_an_hour_is_no_dateline():
    release = parse(
        "SOUS EMBARGO JUSQU'AU MERCREDI 14 MAI 2025, 17 H (HEURE DE PARIS)\n\nUN TITRE\n\n"
        "GIF-SUR-YVETTE, LE 14 MAI 2025 – Des chercheurs ont trouvé.\n"
    )
    assert (release.headline, release.dateline) == ("UN TITRE", "GIF-SUR-YVETTE")


def test_a_short_line_under_a_headline_dated_above_it_is_the_subtitle():
    release = parse(
        "Bruxelles, 27 janvier 2025\n\nGrippe : l'épidémie a commencé\n\n"
        "Le seuil a été dépassé deux semaines de suite\n\nLe nombre de cas a augmenté.\n"
    )
    assert release.subtitle == "Le seuil a été dépassé deux semaines de suite"


def test_a_title_case_headline_then_a_sentence_case_subtitle():
    release = parse(
        "Tuesday, March 5, 2024\n\nAgency Recommends Updated Guidance for Older Adults\n"
        "New guidance streamlines advice for flu\n\nThe agency today said.\n"
    )
    assert release.subtitle == "New guidance streamlines advice for flu"


def test_a_french_past_tense_verb_before_the_quotation():
    [quote] = quotes_of("Marc Petit, directeur général, a commenté : « Une étape décisive. »\n")
    assert (quote["speaker"], quote["title"]) == ("Marc Petit", "directeur général")


def test_pour_x_titre_then_the_quotation_in_the_same_paragraph():
    [quote] = quotes_of("Pour Anne Roux, directrice, « ce partenariat est utile ».\n")
    assert (quote["speaker"], quote["text"]) == ("Anne Roux", "ce partenariat est utile")


def test_a_pronoun_attribution_is_the_previous_speaker():
    quotes = quotes_of(
        "« Une première étape », souligne le Pr Henri MARTIN, chef de service.\n\n"
        "« Nous suivrons ce patient », ajoute-t-il.\n"
    )
    assert [(q["speaker"], q["text"]) for q in quotes] == [
        ("Henri Martin", "Une première étape"),
        ("Henri Martin", "Nous suivrons ce patient"),
    ]


def test_a_quotation_broken_by_its_attribution():
    [quote] = quotes_of(
        '"Most tumours are found too late," says study leader Prof. Dr. Jan Berg, head of '
        'epidemiology at Acme, "and a blood test could change that."\n'
    )
    assert (quote["speaker"], quote["title"]) == ("Jan Berg", "head of epidemiology at Acme")
    assert quote["text"] == "Most tumours are found too late, and a blood test could change that."


def test_a_quotation_signed_by_a_name_line_and_a_title_line():
    quotes = quotes_of(
        'Quotes\n\n"Prevention works best close to home."\n\nThe Honourable Jane Roe\n'
        'Minister of Health\n\n"We are ready."\n\nDr. Tom Lee\nChief Public Health Officer\n'
    )
    assert [(q["speaker"], q["title"]) for q in quotes] == [
        ("Jane Roe", "Minister of Health"),
        ("Tom Lee", "Chief Public Health Officer"),
    ]


def test_a_surname_alone_is_the_person_named_in_full_before():
    [quote] = quotes_of(
        "Chief Health Officer Dr John Reed said cases were higher.\n\n"
        '"We expect an early peak," Dr Reed said.\n'
    )
    assert (quote["speaker"], quote["title"]) == ("John Reed", "Chief Health Officer")


def test_a_fax_number_is_not_a_phone():
    assert phone_numbers("T: +49 6221 42 2843 F: +49 6221 42 2968", ["DE"]) == [
        ("+49 6221 42 2843", "+496221422843")
    ]


def test_a_second_contact_in_the_prose_of_a_contacts_line():
    release = parse(
        "Titre\n\nLille, le 10 mars 2025 – Texte.\n\nContact presse : Service communication, "
        "03 20 44 59 62,\ncommunication@acme.fr. Pour les tournages, contactez Anne Roux au\n"
        "06 45 12 78 90.\n"
    )
    assert [(c["name"], c["phones"]) for c in release.contacts] == [
        ("Service communication", ["+33320445962"]),
        ("Anne Roux", ["+33645127890"]),
    ]


def test_a_listing_in_words_with_the_symbol_in_brackets():
    release = parse(
        "Title\n\n" + LEAD + "About Acme\nAcme's B shares are listed on Nasdaq Copenhagen "
        "(Acme-B).\n"
    )
    assert [(t["exchange"], t["symbol"]) for t in release.tickers] == [
        ("NASDAQ COPENHAGEN", "ACME-B")
    ]
