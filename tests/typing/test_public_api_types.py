"""User code written against the public API type-checks under ``mypy --strict``."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def test_public_api_type_checks() -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the 'lint' dependency group")
    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--strict",
            "--no-error-summary",
            str(HERE / "check_public_api.py"),
        ]
    )
    assert status == 0, stdout + stderr
