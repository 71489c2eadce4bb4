"""The layout's rules hold: each app imports only the layers below it (config → alerts,
accounts → newsroom → partners → core), and no module imports one that imports it back
(pyproject.toml, [tool.importlinter])."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(*arguments):
    command = [Path(sys.executable).with_name("lint-imports"), "--no-cache", *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_import_contracts_are_kept():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_broken_rule_is_reported(tmp_path):
    """The check can fail: partners importing newsroom breaks the layers."""
    rules = tmp_path / "rules.toml"
    rules.write_text(
        "[tool.importlinter]\n"
        'root_packages = ["newsroom", "partners"]\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "upside down"\n'
        'type = "layers"\n'
        'layers = ["partners", "newsroom"]\n'
    )
    result = lint_imports("--config", str(rules))
    assert result.returncode != 0 and "BROKEN" in result.stdout
