"""Checks shared by the browser tests: axe-core (WCAG 2.2 AA, which adds the 24 px target size
Lighthouse checks) on a page Chromium shows, and the Nu Html Checker on HTML documents."""

import json
import shutil
import subprocess
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import ARTIFACTS, require

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


def assert_accessible(page):
    """No axe-core violation on what ``page`` shows now."""
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()


def assert_valid_html(files, report="vnu.json"):
    """No Nu Html Checker error in ``files`` (paths); its messages are kept as an artifact."""
    require(shutil.which("java"), "Java (for the Nu Html Checker)")
    require(VNU.exists(), f"{VNU} (npm ci)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / report).write_text(json.dumps(messages, indent=1))
    lines = "\n".join(f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert not errors, lines
