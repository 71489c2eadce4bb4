"""Property-based fuzzing (Hypothesis) of everything public: each URL pattern of the site with
random and hostile path values, query parameters and request headers, and the public forms
with random and hostile fields. Whatever arrives: never a 500 (the test client raises the
view's exception), never a stack trace, never the input echoed unescaped."""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.models import PressRelease
from partners.models import Institution, Partnership, Person
from tests.helpers import examples
from tests.xss_corpus import VECTORS

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
# A tag no page has: if it comes back as typed, something echoed input without escaping.
MARKER = "<x-fuzz>"
ANSWERS = {200, 201, 204, 301, 302, 304, 400, 403, 404, 405, 410, 429}


def public_patterns(patterns=None, prefix=""):
    """(route name, {argument: converter}) of every pattern but the back office's."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                namespace = f"{pattern.namespace}:" if pattern.namespace else prefix
                yield from public_patterns(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{prefix}{pattern.name}", dict(pattern.pattern.converters)


PATTERNS = sorted(public_patterns(), key=lambda row: row[0])

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300),
    st.sampled_from([vector for _name, vector in VECTORS]),
    st.sampled_from(
        [
            "' OR 1=1 --",
            '"; DROP TABLE newsroom_pressrelease; --',
            'immuno & !(thérapie | "cancer" <-> :*',
            "\x00",
            "%00",
            "../../../../etc/passwd",
            "9" * 40,
            "-1",
            "1e308",
            "NaN",
            "０１２",
            "Ω≈ç√∫",
            "ﷺ" * 50,
            "a" * 2000,
            "😀" * 20,
            "\u202egnp.exe",
            # Valid values too, so that forms get past their first checks.
            "press@example.org",
            "on",
            "1",
            "fr",
            "en",
        ]
    ),
    st.builds(lambda text: f"{text}{MARKER}\"'&", st.text(max_size=20)),
)


def value_for(converter, real):
    if isinstance(converter, IntConverter):
        return st.one_of(st.sampled_from(real or [1]), st.integers(0, 10**18)).map(str)
    if isinstance(converter, SlugConverter):
        return st.one_of(
            st.sampled_from(real or ["x"]), st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True)
        )
    # Anything the pattern accepts (a value it refuses is test_any_path_at_all's business).
    accepted = hostile_text.filter(lambda text: re.fullmatch(converter.regex, text))
    if isinstance(converter, PathConverter):
        return st.one_of(accepted, st.sampled_from(real or ["x"]))
    return accepted


def real_values(demo):
    """Values that lead somewhere, so that random parameters reach the views' deeper code."""
    release = PressRelease.objects.get(pk=demo.pk)
    return {
        "slug": [
            release.slug_fr,
            release.slug_en,
            *Institution.objects.values_list("slug", flat=True),
            *Partnership.objects.values_list("slug", flat=True),
            *Person.objects.values_list("slug", flat=True),
        ],
        "institution": list(Institution.objects.values_list("slug", flat=True)),
        "topic": [
            slug for topic in release.topics.all() for slug in (topic.slug_fr, topic.slug_en)
        ],
        "year": [2023, 2024],
        "section": ["pages", "institutions", "releases"],
        "pk": list(release.contacts.values_list("pk", flat=True)),
        "path": [image.image.name for image in release.images.all()] + ["logos/x.png"],
    }


QUERY_KEYS = ["q", "institution", "topic", "year", "page", "p", "download", "lang", "next"]
# Each known parameter gets each of these on every pattern, whatever Hypothesis draws.
NASTY = ["\x00", "9" * 40, f"{MARKER}'\"", "a" * 2000, "-1"]
query = st.dictionaries(
    st.one_of(st.sampled_from(QUERY_KEYS), st.text(min_size=1, max_size=10)),
    hostile_text,
    max_size=4,
)


def as_on_the_wire(value):
    """A header as a WSGI server hands it over: UTF-8 bytes read as Latin-1, no line breaks."""
    return "".join(c for c in value.encode().decode("latin-1") if c not in "\r\n\x00")


headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.one_of(
            st.sampled_from(["en", "fr-FR,fr;q=0.9", "*"]), hostile_text
        ),
        "HTTP_IF_NONE_MATCH": st.one_of(st.just('"x"'), hostile_text),
        "HTTP_IF_MODIFIED_SINCE": st.one_of(st.just("Thu, 19 Jan 2023 08:00:00 GMT"), hostile_text),
        "HTTP_REFERER": hostile_text,
        "HTTP_COOKIE": st.builds("sessionid={}; csrftoken={}".format, hostile_text, hostile_text),
    },
).map(lambda found: {key: as_on_the_wire(value) for key, value in found.items()})


def assert_sound(response, sent):
    assert response.status_code in ANSWERS, (response.status_code, sent)
    body = response.getvalue().decode("utf-8", "replace")
    assert "Traceback" not in body and "django.db" not in body, sent
    if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
        assert MARKER not in body, sent


FUZZ = settings(
    max_examples=examples(30),  # more: HYPOTHESIS_PROFILE=long (make fuzz-long)
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(("name", "converters"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_every_public_url_pattern(client, demo_release, name, converters):
    real = real_values(demo_release)

    @FUZZ
    @given(
        language=st.sampled_from(LANGUAGES),
        arguments=st.fixed_dictionaries(
            {key: value_for(converter, real.get(key)) for key, converter in converters.items()}
        ),
        parameters=query,
        extra=headers,
    )
    def check(language, arguments, parameters, extra):
        with translation.override(language):
            path = reverse(name, kwargs=arguments)
        sent = (path, parameters, extra)
        assert_sound(client.get(path, parameters, **extra), sent)
        assert_sound(client.head(path, parameters), sent)

    check()
    arguments = {key: (real.get(key) or ["x"])[0] for key in converters}
    with translation.override("fr"):
        path = reverse(name, kwargs=arguments)
    for key in QUERY_KEYS:
        for value in NASTY:
            assert_sound(client.get(path, {key: [value, "x"]}), (path, key, value))


@FUZZ
@given(path=st.text(max_size=80), parameters=query)
def test_any_path_at_all(client, demo_release, path, parameters):
    for prefix in ("/", "/fr/", "/en/", "/fr/communiques/"):
        response = client.get(prefix + path.lstrip("/"), parameters)
        assert_sound(response, (prefix, path, parameters))


FORM_FIELDS = ["name", "outlet", "email", "press_card", "password", "username", "q"]
FORM_FIELDS += ["language", "everything", "institutions", "topics", "consent", "embargoed"]
form_fields = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(FORM_FIELDS, hostile_text),
)


@FUZZ
@given(
    language=st.sampled_from(LANGUAGES),
    data=form_fields,
    field_list=st.booleans(),
    token=hostile_text.filter(lambda text: text and "/" not in text),
)
def test_public_forms(demo_release, language, data, field_list, token):
    """Sign-up, sign-in, the alerts' subscription, confirmation, preferences and unsubscribe
    (with forged tokens) and the searches, posted (and got) with anything: the form comes back
    with its errors or its result, the input escaped; lock-outs answer 429."""
    client = Client()
    if field_list:  # the same field twice: QueryDict lists
        data = {key: [value, value] for key, value in data.items()}
    with translation.override(language):
        forms = [
            reverse(name)
            for name in (
                "newsroom:journalist_signup",
                "newsroom:signin",
                "alerts:subscribe",
            )
        ]
        forms += [
            reverse(f"alerts:{name}", kwargs={"token": token})
            for name in ("confirm", "preferences", "unsubscribe")
        ]
        searches = [reverse(name) for name in ("newsroom:release_list", "newsroom:contacts")]
    for url in forms:
        assert_sound(client.post(url, data), (url, data))
    for url in searches:
        assert_sound(client.get(url, data), (url, data))
        assert_sound(client.post(url, data), (url, data))


def test_the_patterns_are_all_there():
    names = {name for name, _converters in PATTERNS}
    assert {"newsroom:release_detail", "newsroom:preview", "media", "sitemap_releases"} <= names
    assert not any(name.startswith("admin:") for name in names)


@pytest.mark.parametrize("field", ["institutions", "topics"])
@pytest.mark.parametrize("value", [str(2**63), str(-(2**63) - 1), "9" * 40, "1e3", " 1"])
def test_ids_out_of_the_databases_range_are_refused(demo_release, client, field, value):
    """An id no database integer can hold is an invalid choice, not an overflow (a 500 on
    SQLite), in the subscription form and in a subscriber's preferences."""
    from alerts.links import subscriber_token
    from alerts.models import Subscriber

    now = timezone.now()
    subscriber = Subscriber.objects.create(
        email="s@example.org", language="fr", everything=True, requested_at=now, confirmed_at=now
    )
    data = {"email": "x@example.org", "language": "fr", "consent": "on", field: [value]}
    for url in (
        reverse("alerts:subscribe"),
        reverse("alerts:preferences", kwargs={"token": subscriber_token(subscriber)}),
    ):
        response = client.post(url, data)
        assert_sound(response, (url, data))
        assert response.status_code == 200 and f"id_{field}_error" in response.content.decode(), url
