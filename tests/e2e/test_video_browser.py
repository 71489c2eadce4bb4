"""A release with an uploaded video (poster, French and English subtitles, transcript) and a
video on a host (a link card): no axe-core violation and valid HTML in both languages; the
player may load the video and its subtitles under the Content-Security-Policy (the ``page``
fixture fails on any refusal), and seeks in it with byte ranges."""

import pytest

from core.languages import LANGUAGE_CODES
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def video_release(site):
    """Test data, not demo content: the seed release with a video and a link to one."""
    from datetime import timedelta

    from newsroom.models import PressRelease
    from tests.helpers import WEBM_BYTES, add_video, add_video_link

    release = PressRelease.objects.get(slug_fr__startswith="sanofi")
    add_video(
        release,
        name="entretien.webm",
        content=WEBM_BYTES,
        title_fr="Entretien avec la directrice de la recherche",
        title_en="Interview with the head of research",
        description_fr="Trois minutes sur le programme commun.",
        description_en="Three minutes on the joint programme.",
        transcript_fr="Bonjour. Nous lançons aujourd’hui un programme commun.",
        transcript_en="Hello. Today we are launching a joint programme.",
        duration=timedelta(minutes=3, seconds=4),
        usage_restriction="Uniquement pour illustrer ce communiqué",
    )
    add_video_link(
        release,
        external_url="https://vimeo.com/123456",
        title_fr="Visite du laboratoire",
        title_en="A tour of the laboratory",
        credit="Gustave Roussy",
        licence="editorial",
    )
    return release


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_release_with_videos_is_accessible(site, page, video_release, language):
    page.goto(site + video_release.get_absolute_url(language))
    assert page.locator("video[controls] source[type='video/webm']").count() == 1
    default = page.locator("video track[default]")
    assert default.get_attribute("srclang") == language
    assert page.locator(".video-card a.video-external").get_attribute("href") == (
        "https://vimeo.com/123456"
    )
    assert page.locator("iframe").count() == 0
    page.locator(".videos details summary").first.click()  # the transcript, opened
    assert_accessible(page)
    # The player loads the video and its subtitles from the media gate (media-src 'self');
    # the tiny test file does not decode, which the player reports as an error (a refusal by
    # the policy would fail the ``page`` fixture).
    outcome = page.evaluate(
        """() => new Promise(resolve => {
            const video = document.querySelector("video");
            video.addEventListener("loadedmetadata", () => resolve("metadata"));
            video.addEventListener("error", () => resolve("error " + video.error.code));
            // With <source> children, a file that does not decode fails on its <source>.
            video.querySelector("source").addEventListener("error", () => resolve("undecoded"));
            setTimeout(() => resolve("timeout " + video.networkState), 10000);
            video.preload = "auto";
            video.load();
        })"""
    )
    assert outcome in ("metadata", "undecoded"), outcome
    status = page.evaluate(
        """async () => {
            const source = document.querySelector("video source").src;
            const part = await fetch(source, {headers: {Range: "bytes=0-3"}});
            const track = await fetch(document.querySelector("video track").src);
            const range = part.headers.get("Content-Range");
            return [part.status, range, (await track.text()).slice(0, 6)];
        }"""
    )
    assert status[0] == 206 and status[1].startswith("bytes 0-3/") and status[2] == "WEBVTT"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(".videos").screenshot(path=ARTIFACTS / f"release-videos-{language}.png")


def test_release_with_videos_is_valid_html(site, video_release, tmp_path):
    from django.test import Client

    client = Client()
    files = []
    for language in LANGUAGE_CODES:
        response = client.get(video_release.get_absolute_url(language))
        assert response.status_code == 200
        assert b"<video" in response.content and b"vimeo.com/123456" in response.content
        file = tmp_path / f"release-videos-{language}.html"
        file.write_bytes(response.content)
        files.append(file)
    assert_valid_html(files, report="vnu-videos.json")
