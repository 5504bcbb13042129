"""Shared test configuration: hypothesis profiles and the dev corpus location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# "ci" is the default: quick and deterministic. "thorough" is for nightly runs:
#   HYPOTHESIS_PROFILE=thorough pytest
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The annotated dev corpus beside the repository, or a skip where it is absent (an sdist)."""
    if not CORPUS.is_dir() or not any(CORPUS.glob("*.json")):
        pytest.skip(f"the dev corpus is not at {CORPUS} (e.g. testing from an sdist)")
    return CORPUS
