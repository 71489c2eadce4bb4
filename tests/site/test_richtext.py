"""Rich text is sanitised on save with an allow-list: attacks are stripped, formatting is kept."""

import pytest

from core.richtext import sanitize_html
from newsroom.models import PressRelease
from partners.models import Institution, Partnership

ATTACKS = [
    ("<p>Hi<script>alert(1)</script></p>", "<script"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<p onclick="alert(1)">Click</p>', "onclick"),
    ('<a href="javascript:alert(1)">link</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">link</a>', "javascript"),
    ("<iframe src='https://evil.example'></iframe>", "<iframe"),
    ("<style>body{display:none}</style><p>x</p>", "<style"),
    ('<svg onload="alert(1)"><circle/></svg>', "onload"),
    ('<p style="background:url(javascript:alert(1))">x</p>', "style="),
    ('<form action="https://evil.example"><input name="q"></form>', "<form"),
]


@pytest.mark.parametrize(("html", "forbidden"), ATTACKS)
def test_sanitiser_strips_attacks(html, forbidden):
    assert forbidden.lower() not in sanitize_html(html).lower()


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>first</li><li>second</li></ul>",
        "<ol><li>one</li></ol>",
        "<p><strong>bold</strong> <em>emphasis</em></p>",
        '<p><a href="https://www.gustaveroussy.fr">site</a></p>',
        '<p><a href="mailto:press@example.org">mail</a></p>',
        "<h2>Heading</h2><blockquote><p>quoted</p></blockquote>",
        "<p>H<sub>2</sub>O and x<sup>2</sup></p>",
    ],
)
def test_sanitiser_keeps_formatting(html):
    assert sanitize_html(html) == html


@pytest.mark.django_db
def test_release_body_is_sanitised_on_save_in_both_languages():
    release = PressRelease.objects.create(
        title_fr="Titre",
        body_fr='<p>Texte</p><script>alert("fr")</script><ul><li>un</li></ul>',
        body_en='<p onmouseover="steal()">Text</p><a href="javascript:x()">x</a>',
    )
    release.refresh_from_db()
    assert release.body_fr == "<p>Texte</p><ul><li>un</li></ul>"
    assert "onmouseover" not in release.body_en and "javascript" not in release.body_en
    assert "<p>Text</p>" in release.body_en


@pytest.mark.django_db
def test_boilerplate_and_description_are_sanitised_on_save():
    institution = Institution.objects.create(
        kind="company",
        name_fr="X",
        slug="x",
        boilerplate_fr='<p>À propos<img src=x onerror="alert(1)"></p>',
        boilerplate_en="<p>About<script>1</script></p>",
    )
    partnership = Partnership.objects.create(
        name_fr="P", slug="p", description_fr="<p>ok</p><script>bad()</script>"
    )
    institution.refresh_from_db()
    partnership.refresh_from_db()
    assert institution.boilerplate_fr == "<p>À propos</p>"
    assert institution.boilerplate_en == "<p>About</p>"
    assert partnership.description_fr == "<p>ok</p>"


@pytest.mark.django_db
def test_saving_with_english_active_does_not_copy_french_into_english():
    from django.utils import translation

    institution = Institution.objects.create(kind="company", name_fr="X", slug="x")
    with translation.override("en"):
        institution.boilerplate_fr = "<p>Seulement en français</p>"
        institution.save()
    institution.refresh_from_db()
    assert institution.boilerplate_en in (None, "")
    release = PressRelease.objects.create(title_fr="T", body_fr="<p>fr</p>")
    with translation.override("en"):
        release.save()
    release.refresh_from_db()
    assert release.body_en in (None, "")
