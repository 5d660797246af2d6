"""The code is ruff clean (the rules of pyproject.toml), checked with the tests so that CI holds it."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_ruff_finds_nothing():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT / "tei_cables"),
                          str(ROOT / "tests")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
