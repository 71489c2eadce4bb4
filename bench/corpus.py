"""A deterministic archive of bilingual press releases for benchmarks.

The same seed gives the same releases on every machine: institutions, speakers, topics and a
body of about 400 words per language, assembled from sentences written like the seed release,
with diseases, treatments and targets of varied frequency so that some words are rare and
others common, as in a real archive.
"""

import random
from datetime import date, timedelta
from functools import cache

VERSION = "corpus-v2"  # v2: published on their day, not all the day before

INSTITUTIONS = [
    ("Sanofi", "company"),
    ("Gustave Roussy", "cancer_centre"),
    ("Paris Saclay Cancer Cluster", "research_cluster"),
    *[
        (f"Institut {name}", "cancer_centre")
        for name in (
            "Curie",
            "Bergonié",
            "Paoli-Calmettes",
            "Claudius Regaud",
            "de Cancérologie de l’Ouest",
            "Jean Godinot",
            "Sainte-Catherine",
            "Léon Bérard",
            "Oscar Lambret",
            "Henri Becquerel",
            "Jules Bordet",
            "Roche Vive",
            "Arthur Vernes",
            "du Thorax",
            "Hématologique de Lyon",
        )
    ],
    *[
        (f"{name} Pharma", "company")
        for name in (
            "Alvéa",
            "Boréal",
            "Cerise",
            "Dorian",
            "Élan",
            "Faraday",
            "Galien",
            "Hélix",
            "Iris",
            "Jade",
            "Kairos",
            "Lumen",
            "Méridien",
            "Nova",
            "Orion",
            "Pléiade",
            "Quartz",
            "Rhône",
            "Saphir",
            "Tellus",
            "Ulysse",
            "Vega",
        )
    ],
]
FIRST = [
    "Claire",
    "Fabrice",
    "Jacques",
    "Chrystel",
    "Amélie",
    "Bruno",
    "Céline",
    "Denis",
    "Élodie",
    "François",
    "Gaëlle",
    "Hervé",
    "Inès",
    "Julien",
    "Karima",
    "Luc",
    "Maëlle",
    "Nicolas",
    "Océane",
    "Pierre",
    "Quentin",
    "Rémi",
    "Sophie",
    "Thibault",
    "Valérie",
]
LAST = [
    "Parisel",
    "Barlesi",
    "Volckmann",
    "Baude",
    "Arnaud",
    "Besson",
    "Caron",
    "Delmas",
    "Esnault",
    "Faure",
    "Garnier",
    "Hamon",
    "Imbert",
    "Jacquet",
    "Kessler",
    "Lemaire",
    "Marchand",
    "Noël",
    "Olivier",
    "Perrin",
    "Quéré",
    "Renaud",
    "Schmitt",
    "Tessier",
]
TOPICS = [
    ("Oncologie", "Oncology"),
    ("Immunothérapie", "Immunotherapy"),
    ("Partenariats de recherche", "Research partnerships"),
    ("Essais cliniques", "Clinical trials"),
    ("Pédiatrie", "Paediatrics"),
    ("Hématologie", "Haematology"),
    ("Radiothérapie", "Radiotherapy"),
    ("Chirurgie", "Surgery"),
    ("Génomique", "Genomics"),
    ("Imagerie", "Imaging"),
    ("Résultats financiers", "Financial results"),
    ("Nominations", "Appointments"),
    ("Prévention", "Prevention"),
    ("Soins de support", "Supportive care"),
    ("Intelligence artificielle", "Artificial intelligence"),
]
# (French, English), from common to rare: random.choices weights favour the first ones.
DISEASES = [
    ("cancer du sein", "breast cancer"),
    ("cancer du poumon", "lung cancer"),
    ("cancer colorectal", "colorectal cancer"),
    ("cancer de la prostate", "prostate cancer"),
    ("mélanome", "melanoma"),
    ("lymphome", "lymphoma"),
    ("leucémie", "leukaemia"),
    ("myélome multiple", "multiple myeloma"),
    ("cancer de l’ovaire", "ovarian cancer"),
    ("cancer du pancréas", "pancreatic cancer"),
    ("glioblastome", "glioblastoma"),
    ("sarcome", "sarcoma"),
    ("cancer de la vessie", "bladder cancer"),
    ("cancer du rein", "kidney cancer"),
    ("neuroblastome", "neuroblastoma"),
    ("mésothéliome", "mesothelioma"),
    ("cancer de l’estomac", "stomach cancer"),
    ("cancer du foie", "liver cancer"),
    ("cancer de la thyroïde", "thyroid cancer"),
    ("rétinoblastome", "retinoblastoma"),
]
TREATMENTS = [
    ("immunothérapie", "immunotherapy"),
    ("chimiothérapie", "chemotherapy"),
    ("thérapie ciblée", "targeted therapy"),
    ("radiothérapie", "radiotherapy"),
    ("anticorps bispécifique", "bispecific antibody"),
    ("anticorps conjugué", "antibody-drug conjugate"),
    ("thérapie cellulaire CAR-T", "CAR-T cell therapy"),
    ("vaccin thérapeutique", "therapeutic vaccine"),
    ("inhibiteur de PARP", "PARP inhibitor"),
    ("hormonothérapie", "hormone therapy"),
    ("protonthérapie", "proton therapy"),
    ("virothérapie", "virotherapy"),
]
TARGETS = [
    "PD-L1",
    "PD-1",
    "HER2",
    "EGFR",
    "KRAS G12C",
    "BRCA1",
    "BRCA2",
    "ALK",
    "CD19",
    "CD38",
    "BCMA",
    "TROP2",
    "CTLA-4",
    "LAG-3",
    "TIGIT",
    "MET",
    "RET",
    "NTRK",
    "FGFR2",
    "IDH1",
    "CLDN18.2",
    "B7-H3",
    "DLL3",
    "GPRC5D",
    "MUC16",
]
CITIES = [
    "Paris",
    "Villejuif",
    "Lyon",
    "Marseille",
    "Bordeaux",
    "Toulouse",
    "Lille",
    "Nantes",
    "Strasbourg",
    "Montpellier",
    "Rennes",
    "Nice",
    "Gentilly",
    "Saclay",
    "Caen",
]

TITLES = [
    (
        "{inst} et {inst2} s’allient contre le {disease}",
        "{inst} and {inst2} join forces against {disease}",
    ),
    (
        "Résultats positifs d’un essai de {treatment} dans le {disease}",
        "Positive trial results for {treatment} in {disease}",
    ),
    (
        "Une nouvelle cible, {target}, identifiée dans le {disease}",
        "A new target, {target}, identified in {disease}",
    ),
    (
        "{inst} inaugure un centre dédié au {disease}",
        "{inst} opens a centre dedicated to {disease}",
    ),
    ("{target} : une {treatment} prometteuse", "{target}: a promising {treatment}"),
    (
        "{person} nommé à la tête de la recherche de {inst}",
        "{person} appointed head of research at {inst}",
    ),
]
SUBTITLES = [
    (
        "Un programme de recherche de {years} ans autour de {target}",
        "A {years}-year research programme on {target}",
    ),
    ("Premiers patients traités à {city}", "First patients treated in {city}"),
    ("", ""),
]
SENTENCES = [
    (
        "Les équipes de {inst} ont montré que la {treatment} améliore la survie des patients atteints de {disease}.",
        "Teams at {inst} showed that {treatment} improves survival of patients with {disease}.",
    ),
    (
        "L’étude, menée à {city} auprès de {n} patients, cible {target}.",
        "The study, run in {city} with {n} patients, targets {target}.",
    ),
    (
        "Les cellules persistantes expliquent une partie de la résistance aux traitements.",
        "Persister cells explain part of the resistance to treatment.",
    ),
    (
        "Le microenvironnement tumoral joue un rôle clé dans la réponse à la {treatment}.",
        "The tumour microenvironment plays a key role in the response to {treatment}.",
    ),
    (
        "Les lymphocytes T mémoires résidents ont été analysés chez des patients atteints de {disease}.",
        "Resident memory T cells were analysed in patients with {disease}.",
    ),
    (
        "Ces travaux ouvrent la voie à de nouveaux essais cliniques de phase {phase}.",
        "This work paves the way for new phase {phase} clinical trials.",
    ),
    (
        "Les modèles précliniques chez la souris confirment l’activité de la molécule.",
        "Preclinical mouse models confirm the molecule’s activity.",
    ),
    (
        "L’intelligence artificielle permet d’identifier plus tôt les patients qui répondront.",
        "Artificial intelligence helps identify earlier the patients who will respond.",
    ),
    (
        "Le financement de {amount} millions d’euros couvre {years} années de recherche.",
        "Funding of {amount} million euros covers {years} years of research.",
    ),
    (
        "La collaboration réunit des chercheurs, des cliniciens et des biostatisticiens.",
        "The collaboration brings together researchers, clinicians and biostatisticians.",
    ),
    (
        "Les données de biomarqueurs seront partagées avec la communauté scientifique.",
        "Biomarker data will be shared with the scientific community.",
    ),
    (
        "Les effets indésirables observés sont conformes au profil attendu.",
        "Observed adverse events are consistent with the expected profile.",
    ),
    (
        "Un comité indépendant a recommandé la poursuite de l’essai.",
        "An independent committee recommended continuing the trial.",
    ),
    (
        "Les patients ont été recrutés dans {n2} centres en Europe et en Amérique du Nord.",
        "Patients were enrolled in {n2} centres in Europe and North America.",
    ),
    (
        "Le séquençage génomique des tumeurs a révélé des altérations de {target}.",
        "Genomic sequencing of the tumours revealed alterations of {target}.",
    ),
    (
        "La qualité de vie des patients a été évaluée tout au long du traitement.",
        "Patients’ quality of life was assessed throughout treatment.",
    ),
    (
        "Ces résultats seront présentés lors du prochain congrès international d’oncologie.",
        "These results will be presented at the next international oncology congress.",
    ),
    (
        "La {treatment} a été administrée toutes les trois semaines.",
        "The {treatment} was given every three weeks.",
    ),
    (
        "Une réponse complète a été observée chez {pct} % des patients.",
        "A complete response was seen in {pct}% of patients.",
    ),
    (
        "Le projet s’appuie sur la plateforme de recherche translationnelle de {inst}.",
        "The project builds on the translational research platform of {inst}.",
    ),
]
QUOTES = [
    (
        "« Cette collaboration illustre notre ambition de transformer la prise en charge du {disease} », déclare {person}.",
        "“This collaboration shows our ambition to transform care for {disease},” says {person}.",
    ),
    (
        "« Nous sommes fiers de ces résultats pour les patients », souligne {person}, de {inst}.",
        "“We are proud of these results for patients,” says {person} of {inst}.",
    ),
]


@cache
def people():
    rng = random.Random(7)
    return [(first, last) for first in FIRST for last in LAST if rng.random() < 0.4]


def release(number, seed=2023):
    """The ``number``-th release: a dict of bilingual fields and links (by index)."""
    rng = random.Random(f"{seed}-{number}")
    weights = [1 / (rank + 1) for rank in range(len(DISEASES))]
    disease = rng.choices(DISEASES, weights)[0]
    treatment = rng.choices(TREATMENTS, [1 / (r + 1) for r in range(len(TREATMENTS))])[0]
    issuers = rng.sample(range(len(INSTITUTIONS)), rng.choice((1, 1, 1, 2, 2, 3)))
    speakers = rng.sample(range(len(people())), 2)
    names = [INSTITUTIONS[i][0] for i in issuers]
    person = " ".join(people()[speakers[0]])
    slots = {
        "inst": names[0],
        "inst2": names[-1]
        if len(names) > 1
        else INSTITUTIONS[(issuers[0] + 1) % len(INSTITUTIONS)][0],
        "target": rng.choices(TARGETS, [1 / (r + 1) for r in range(len(TARGETS))])[0],
        "city": rng.choice(CITIES),
        "person": person,
        "n": rng.randint(20, 1200),
        "n2": rng.randint(3, 90),
        "phase": rng.choice(("I", "II", "III")),
        "amount": rng.randint(1, 90),
        "years": rng.randint(2, 10),
        "pct": rng.randint(5, 60),
    }

    def text(pairs, index):
        return pairs[index].format(**slots, disease=disease[index], treatment=treatment[index])

    title = rng.choice(TITLES)
    subtitle = rng.choice(SUBTITLES)
    paragraphs = [
        [rng.choice(SENTENCES) for _sentence in range(rng.randint(3, 5))]
        for _paragraph in range(rng.randint(5, 7))
    ]
    quotes = rng.sample(QUOTES, rng.randint(0, 2))
    day = date(2008, 1, 1) + timedelta(days=rng.randint(0, 365 * 18))
    return {
        "number": number,
        "release_date": day,
        "original_language": rng.choice(("fr", "fr", "en")),
        "issuers": issuers,
        "speakers": speakers[: len(quotes)],
        "topics": rng.sample(range(len(TOPICS)), rng.randint(1, 3)),
        "dateline": {"fr": f"{slots['city']}, France", "en": f"{slots['city'].upper()}, France"},
        **{
            field: {code: text(pairs, index) for index, code in enumerate(("fr", "en"))}
            for field, pairs in (("title", title), ("subtitle", subtitle))
        },
        "body": {
            code: "".join(
                "<p>" + " ".join(text(pair, index) for pair in paragraph) + "</p>"
                for paragraph in paragraphs
            )
            for index, code in enumerate(("fr", "en"))
        },
        "quotes": [
            {code: text(pair, index) for index, code in enumerate(("fr", "en"))} for pair in quotes
        ],
    }
