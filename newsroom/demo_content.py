"""The demo content: the joint press release of Sanofi and Gustave Roussy of 19 January 2023.

French text as in the original (PDF line breaks repaired), English a full translation.
Each translated value is a ``{"fr": …, "en": …}`` dict; ``demo.py`` loads it.
"""

import datetime

CLUSTER = {
    "slug": "paris-saclay-cancer-cluster",
    "kind": "research_cluster",
    "name": {"fr": "Paris Saclay Cancer Cluster", "en": "Paris Saclay Cancer Cluster"},
    "short_name": {"fr": "PSCC", "en": "PSCC"},
    "boilerplate": {
        "fr": "<p>Biocluster en oncologie dont Gustave Roussy est un pilier fondateur.</p>",
        "en": "<p>An oncology biocluster of which Gustave Roussy is a founding pillar.</p>",
    },
    "website": "",
    "colour": "#5b3f8c",
}

GUSTAVE_ROUSSY = {
    "slug": "gustave-roussy",
    "kind": "cancer_centre",
    "name": {"fr": "Gustave Roussy", "en": "Gustave Roussy"},
    "short_name": {"fr": "Gustave Roussy", "en": "Gustave Roussy"},
    "boilerplate": {
        "fr": (
            "<p>Classé premier centre européen et troisième au niveau mondial, Gustave Roussy "
            "constitue un pôle d’expertise globale entièrement dédié aux patients atteints de "
            "cancer. L’Institut est un pilier fondateur du biocluster en oncologie Paris Saclay "
            "Cancer Cluster. Source d'innovations thérapeutiques et d'avancées diagnostiques, "
            "l’Institut accueille près de 50 000 patients chaque année et développe une approche "
            "intégrée entre recherche, soins et enseignement. Expert des cancers rares et des "
            "tumeurs complexes, Gustave Roussy traite tous les cancers, à tous les âges de la vie. "
            "Il propose à ses patients une prise en charge personnalisée qui allie innovation et "
            "humanité, où sont pris en compte le soin mais aussi la qualité de vie physique, "
            "psychologique et sociale. Avec 4 100 salariés répartis sur deux sites, Villejuif et "
            "Chevilly-Larue, Gustave Roussy réunit les expertises indispensables à une recherche "
            "de haut niveau en cancérologie ; un quart des patients traités sont inclus dans des "
            "essais cliniques.</p>"
        ),
        "en": (
            "<p>Ranked the leading cancer centre in Europe and third in the world, Gustave Roussy "
            "is a centre of comprehensive expertise entirely dedicated to patients with cancer. "
            "The Institute is a founding pillar of the Paris Saclay Cancer Cluster, an oncology "
            "biocluster. A source of therapeutic innovations and diagnostic breakthroughs, the "
            "Institute welcomes nearly 50,000 patients every year and develops an integrated "
            "approach combining research, care and teaching. An expert in rare cancers and complex "
            "tumours, Gustave Roussy treats all cancers, at every stage of life. It offers its "
            "patients personalised care that combines innovation and humanity, taking into account "
            "not only treatment but also physical, psychological and social quality of life. With "
            "4,100 employees on two sites, Villejuif and Chevilly-Larue, Gustave Roussy brings "
            "together the expertise essential to high-level cancer research; a quarter of the "
            "patients treated are enrolled in clinical trials.</p>"
        ),
    },
    "website": "https://www.gustaveroussy.fr",
    "colour": "#c4122f",
    "member_of": ["paris-saclay-cancer-cluster"],
    "key_facts": [
        {
            "fr": "Premier centre européen et troisième au niveau mondial",
            "en": "Leading cancer centre in Europe, third in the world",
        },
        {
            "fr": "Près de 50 000 patients accueillis chaque année",
            "en": "Nearly 50,000 patients welcomed every year",
        },
        {"fr": "4 100 salariés", "en": "4,100 employees"},
        {
            "fr": "Un quart des patients traités inclus dans des essais cliniques",
            "en": "A quarter of the patients treated are enrolled in clinical trials",
        },
    ],
    "sites": [
        {"name": {"fr": "Site de Villejuif", "en": "Villejuif site"}, "city": "Villejuif"},
        {
            "name": {"fr": "Site de Chevilly-Larue", "en": "Chevilly-Larue site"},
            "city": "Chevilly-Larue",
        },
    ],
    "listings": [],
    "social": [
        ("x", "https://twitter.com/GustaveRoussy"),
        ("facebook", "https://www.facebook.com/gustaveroussy"),
        ("linkedin", "https://www.linkedin.com/company/gustave-roussy"),
        ("instagram", "https://www.instagram.com/gustaveroussy/"),
    ],
}

SANOFI = {
    "slug": "sanofi",
    "kind": "company",
    "name": {"fr": "Sanofi", "en": "Sanofi"},
    "short_name": {"fr": "Sanofi", "en": "Sanofi"},
    "boilerplate": {
        "fr": (
            "<p>Nous sommes une entreprise mondiale de santé, innovante et animée par une vocation "
            ": poursuivre les miracles de la science pour améliorer la vie des gens. Nos équipes, "
            "présentes dans une centaine de pays, s’emploient à transformer la pratique de la "
            "médecine pour rendre possible l'impossible. Nous apportons des solutions "
            "thérapeutiques qui peuvent changer la vie des patients et des vaccins qui protègent "
            "des millions de personnes dans le monde, guidés par l’ambition d’un développement "
            "durable et notre responsabilité sociétale.</p>"
        ),
        "en": (
            "<p>We are an innovative global healthcare company, driven by one purpose: we chase "
            "the miracles of science to improve people’s lives. Our teams, in some one hundred "
            "countries, are dedicated to transforming the practice of medicine by working to turn "
            "the impossible into the possible. We provide therapeutic solutions that can change "
            "patients’ lives and vaccines that protect millions of people around the world, guided "
            "by an ambition for sustainable development and by our social responsibility.</p>"
        ),
    },
    "website": "https://www.sanofi.com",
    "colour": "#7a00e6",
    "key_facts": [
        {
            "fr": "Des équipes présentes dans une centaine de pays",
            "en": "Teams in some one hundred countries",
        },
    ],
    "sites": [],
    "listings": [("EURONEXT", "SAN"), ("NASDAQ", "SNY")],
    "social": [],
}

INSTITUTIONS = [CLUSTER, GUSTAVE_ROUSSY, SANOFI]

PEOPLE = [
    {
        "slug": "fabrice-barlesi",
        "first_name": "Fabrice",
        "last_name": "Barlesi",
        "honorific": {"fr": "Pr", "en": "Prof."},
        "job_title": {
            "fr": "Directeur Général de Gustave Roussy",
            "en": "Chief Executive Officer of Gustave Roussy",
        },
        "institution": "gustave-roussy",
    },
    {
        "slug": "jacques-volckmann",
        "first_name": "Jacques",
        "last_name": "Volckmann",
        "honorific": {"fr": "", "en": ""},
        "job_title": {
            "fr": "Vice-Président Recherche et Développement Sanofi France",
            "en": "Vice President, Research and Development, Sanofi France",
        },
        "institution": "sanofi",
    },
]

MEDIA_CONTACTS = [
    {
        "name": "Claire Parisel",
        "institution": "gustave-roussy",
        "phone": "+33142115059",
        "email": "claire.parisel@gustaveroussy.fr",
    },
    {
        "name": "Chrystel Baude",
        "institution": "sanofi",
        "phone": "+33157632504",
        "email": "chrystel.baude@sanofi.com",
    },
]

PARTNERSHIP = {
    "slug": "sanofi-gustave-roussy-oncologie",
    "name": {
        "fr": "Sanofi – Gustave Roussy : collaboration de recherche en oncologie",
        "en": "Sanofi – Gustave Roussy oncology research collaboration",
    },
    "description": {
        "fr": (
            "<p>Collaboration stratégique de recherche clinique et translationnelle visant "
            "l’identification de nouvelles cibles thérapeutiques et l’accélération du "
            "développement des molécules innovantes de Sanofi en oncologie.</p>"
        ),
        "en": (
            "<p>A strategic clinical and translational research collaboration aimed at "
            "identifying new therapeutic targets and accelerating the development of Sanofi’s "
            "innovative oncology molecules.</p>"
        ),
    },
    "institutions": ["sanofi", "gustave-roussy"],
    "milestones": [
        {
            "date": datetime.date(2012, 1, 1),
            "precision": "year",
            "title": {"fr": "Signature de l’accord-cadre", "en": "Framework agreement signed"},
            "text": {
                "fr": "Sanofi et Gustave Roussy signent un accord-cadre de collaboration.",
                "en": "Sanofi and Gustave Roussy sign a collaboration framework agreement.",
            },
        },
        {
            "date": datetime.date(2016, 1, 1),
            "precision": "year",
            "title": {"fr": "Accord-cadre renforcé", "en": "Framework agreement reinforced"},
            "text": {
                "fr": "L’accord est renforcé par de multiples projets de recherche clinique et "
                "translationnelle.",
                "en": "The agreement is reinforced by multiple clinical and translational "
                "research projects.",
            },
        },
        {
            "date": datetime.date(2023, 1, 19),
            "precision": "day",
            "title": {
                "fr": "Nouvelle collaboration autour de trois projets de recherche précoce",
                "en": "New collaboration on three early research projects",
            },
            "text": {
                "fr": "Trois projets de recherche précoce en oncologie, dont deux en immunologie.",
                "en": "Three early oncology research projects, two of them in immunology.",
            },
        },
    ],
    "projects": [
        {
            "title": {
                "fr": "Cibles des cellules immunitaires myéloïdes",
                "en": "Targets of myeloid immune cells",
            },
            "summary": {
                "fr": "Déterminer des cibles spécifiques aux cellules immunitaires myéloïdes "
                "présentes dans différents types de tumeurs et en particulier des cancers "
                "résistants aux traitements d’immunothérapie.",
                "en": "Identify targets specific to the myeloid immune cells present in different "
                "types of tumours, in particular cancers resistant to immunotherapy treatments.",
            },
        },
        {
            "title": {
                "fr": "Lymphocytes T mémoires résidents et immunothérapies anti-PD1/L1 dans le "
                "cancer du poumon",
                "en": "Tissue-resident memory T cells and anti-PD1/L1 immunotherapy in lung cancer",
            },
            "summary": {
                "fr": "Étudier l’implication des lymphocytes T mémoires résidents dans la tumeur "
                "dans la réponse aux immunothérapies anti-PD1/L1 chez des patients atteints de "
                "cancers du poumon.",
                "en": "Study the involvement of tumour-resident memory T lymphocytes in the "
                "response to anti-PD1/L1 immunotherapies in patients with lung cancer.",
            },
        },
        {
            "title": {
                "fr": "Hétérogénéité tumorale, plasticité et cellules persistantes",
                "en": "Tumour heterogeneity, plasticity and persister cells",
            },
            "summary": {
                "fr": "Développer une plateforme innovante pour évaluer l’hétérogénéité tumorale, "
                "la plasticité et le microenvironnement impliqués dans la résistance aux thérapies "
                "ciblées et l’analyse des cellules dites « persistantes » responsables des "
                "rechutes.",
                "en": "Develop an innovative platform to assess the tumour heterogeneity, "
                "plasticity and microenvironment involved in resistance to targeted therapies, "
                "and analyse the so-called “persister” cells responsible for relapses.",
            },
        },
    ],
}

TOPICS = [
    {"slug": {"fr": "oncologie", "en": "oncology"}, "name": {"fr": "Oncologie", "en": "Oncology"}},
    {
        "slug": {"fr": "immunotherapie", "en": "immunotherapy"},
        "name": {"fr": "Immunothérapie", "en": "Immunotherapy"},
    },
    {
        "slug": {"fr": "partenariats-de-recherche", "en": "research-partnerships"},
        "name": {"fr": "Partenariats de recherche", "en": "Research partnerships"},
    },
]

RELEASE_BODY_FR = """\
<p>Sanofi et Gustave Roussy annoncent aujourd’hui une nouvelle collaboration autour de trois \
projets de recherche précoce en oncologie.</p>
<p>Sur les trois projets, deux d’entre eux sont axés sur l’immunologie et la recherche de \
nouvelles cibles thérapeutiques, le troisième sur les mécanismes de résistance aux thérapies \
ciblées :</p>
<ul>
<li>le premier consiste à déterminer des cibles spécifiques aux cellules immunitaires myéloïdes \
présentes dans différents types de tumeurs et en particulier des cancers résistants aux \
traitements d’immunothérapie.</li>
<li>le second à étudier l’implication des lymphocytes T mémoires résidents dans la tumeur dans \
la réponse aux immunothérapies anti-PD1/L1 chez des patients atteints de cancers du poumon.</li>
<li>le troisième projet vise à développer une plateforme innovante pour évaluer l’hétérogénéité \
tumorale, la plasticité et le microenvironnement impliqués dans la résistance aux thérapies \
ciblées et l’analyse des cellules dites « persistantes » responsables des rechutes.</li>
</ul>
<p>Pour mener conjointement à bien leurs travaux de recherche translationnelle, les chercheurs de \
Sanofi et de Gustave Roussy s’appuieront sur les programmes de médecine personnalisée de Gustave \
Roussy et pourront bénéficier de l’environnement et des plateformes technologiques du Paris \
Saclay Cancer Cluster.</p>
<p>Cette nouvelle collaboration de recherche en oncologie vient compléter l’accord-cadre signé en \
2012 entre Sanofi et Gustave Roussy et renforcé en 2016 par de multiples projets de recherche \
clinique et translationnelle fructueux visant l’identification de nouvelles cibles thérapeutiques \
et l’accélération du développement des molécules innovantes de Sanofi en oncologie.</p>"""

RELEASE_BODY_EN = """\
<p>Sanofi and Gustave Roussy today announce a new collaboration on three early-stage oncology \
research projects.</p>
<p>Of the three projects, two focus on immunology and the search for new therapeutic targets, \
and the third on the mechanisms of resistance to targeted therapies:</p>
<ul>
<li>the first aims to identify targets specific to the myeloid immune cells present in different \
types of tumours, in particular cancers resistant to immunotherapy treatments.</li>
<li>the second will study the involvement of tumour-resident memory T lymphocytes in the response \
to anti-PD1/L1 immunotherapies in patients with lung cancer.</li>
<li>the third project aims to develop an innovative platform to assess the tumour heterogeneity, \
plasticity and microenvironment involved in resistance to targeted therapies, and to analyse the \
so-called “persister” cells responsible for relapses.</li>
</ul>
<p>To carry out their translational research together, researchers from Sanofi and Gustave Roussy \
will draw on Gustave Roussy’s personalised medicine programmes and will be able to benefit from \
the environment and technology platforms of the Paris Saclay Cancer Cluster.</p>
<p>This new oncology research collaboration complements the framework agreement signed in 2012 \
between Sanofi and Gustave Roussy and reinforced in 2016 by multiple successful clinical and \
translational research projects aimed at identifying new therapeutic targets and accelerating the \
development of Sanofi’s innovative oncology molecules.</p>"""

RELEASE = {
    "slug": {
        "fr": "sanofi-et-gustave-roussy-renforcent-leur-collaboration-strategique-de-recherche-en-oncologie",
        "en": "sanofi-and-gustave-roussy-strengthen-their-strategic-research-collaboration-in-oncology",
    },
    "title": {
        "fr": "Sanofi et Gustave Roussy renforcent leur collaboration stratégique de recherche en "
        "oncologie",
        "en": "Sanofi and Gustave Roussy strengthen their strategic research collaboration in "
        "oncology",
    },
    "dateline": {"fr": "Paris et Villejuif, France", "en": "Paris and Villejuif, France"},
    "release_date": datetime.date(2023, 1, 19),
    # 09:00 in Paris (UTC+1 in January).
    "publish_at": datetime.datetime(2023, 1, 19, 8, 0, tzinfo=datetime.UTC),
    "body": {"fr": RELEASE_BODY_FR, "en": RELEASE_BODY_EN},
    "original_language": "fr",
    "issuers": ["sanofi", "gustave-roussy"],
    "contacts": ["claire.parisel@gustaveroussy.fr", "chrystel.baude@sanofi.com"],
    "topics": ["oncologie", "immunotherapie", "partenariats-de-recherche"],
    "quotes": [
        {
            "person": "fabrice-barlesi",
            "text": {
                "fr": "L’extension de notre collaboration avec Sanofi s’inscrit pleinement dans le "
                "programme stratégique institutionnel 2030 de Gustave Roussy incluant la dynamique "
                "du Paris Saclay Cancer Cluster. Ces projets scientifiques d’envergure attestent de "
                "notre volonté commune de travailler ensemble dans l’objectif d’aboutir à des "
                "innovations de rupture pour le bénéfice des patients atteints de cancers dans une "
                "approche thérapeutique personnalisée",
                "en": "The extension of our collaboration with Sanofi is fully in line with Gustave "
                "Roussy’s 2030 institutional strategic programme, including the momentum of the "
                "Paris Saclay Cancer Cluster. These large-scale scientific projects attest to our "
                "shared determination to work together with the aim of achieving breakthrough "
                "innovations for the benefit of patients with cancer through a personalised "
                "therapeutic approach",
            },
        },
        {
            "person": "jacques-volckmann",
            "text": {
                "fr": "Nous nous réjouissons de la signature de ces nouveaux accords qui renforce la "
                "collaboration stratégique initiée il y a maintenant plusieurs années entre nos "
                "équipes de chercheurs et celles de Gustave Roussy. Ce dernier illustre "
                "concrètement le dynamisme de notre écosystème ainsi que les efforts et "
                "l'engagement de Sanofi en oncologie, déployés pour accélérer la découverte de "
                "solutions thérapeutiques innovantes à destination des patients qui ont un grand "
                "besoin de nouveaux traitements",
                "en": "We are delighted with the signing of these new agreements, which strengthen "
                "the strategic collaboration begun several years ago between our teams of "
                "researchers and those of Gustave Roussy. It is a concrete illustration of the "
                "dynamism of our ecosystem and of Sanofi’s efforts and commitment in oncology, "
                "deployed to accelerate the discovery of innovative therapeutic solutions for "
                "patients who are in great need of new treatments",
            },
        },
    ],
}

DEMO_ADMIN = {"username": "demo", "password": "demo-newsroom-2023"}
# To try the workflow: an editor of both issuers, and a publisher (same password).
DEMO_ROLES = [("editeur", "Editor"), ("publication", "Publisher")]

# The demo logos' use in the media library.
LOGO_RESTRICTION = {
    "fr": "Uniquement pour illustrer une actualité de l’institution.",
    "en": "Only to illustrate news about the institution.",
}
