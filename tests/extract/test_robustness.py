"""The extractor never raises on any text, and its work grows linearly with the input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeevents.extraction import extract, extract_detailed

WORDS = st.sampled_from(
    [
        "U.S.",
        "Japan",
        "tariffs",
        "will",
        "not",
        "signed",
        "Nov.",
        "17",
        "2022",
        "early",
        "—",
        "“",
        "”",
        "on",
        "Tuesday",
        "agreement",
        "talks",
        "May",
        "may",
        "%",
        "25",
        "(",
        ")",
        ";",
        ",",
        ".",
        "\n",
        "©",
        "İstanbul",
        "ß",
        "Section",
        "232",
        "the",
        "two",
        "sides",
        "ago",
        "years",
        "last",
        "month",
    ]
)


@given(st.text())
def test_never_raises_on_unicode(text: str) -> None:
    for e in extract(text, published="2021-11-19"):
        assert e.evidence is not None
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


@given(
    st.lists(WORDS, max_size=60).map(" ".join), st.sampled_from([None, "2021-11-19", "2000-02-29"])
)
def test_never_raises_on_word_salad(text: str, published: str | None) -> None:
    result = extract_detailed(text, published=published)
    for e in result.events:
        assert e.evidence is not None
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n" * 1000,
        "a" * 200_000,
        "." * 200_000,
        "!?.,;:—–-" * 20_000,
        "(" * 50_000 + ")" * 50_000,
        "“" * 30_000 + "”" * 30_000,
        "[{(" * 20_000,
        "U.S." * 40_000,
        "tariffs " * 30_000,
        "1 " * 60_000,
        "\x00\ud800" * 10,
        # digits that are no decimal number (str.isdigit, but not int): found by the
        # thorough hypothesis profile
        "Section 301\u00b2",
        "in 2\u2070\u00b2\u00b3, tariffs rose in \u00b2\u00b9 days on the 3\u00b2 of May",
    ],
)
def test_pathological_inputs(text: str) -> None:
    extract(text, published="2021-11-19")
    extract(text)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        extract(text, published="2021-11-19")
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "The U.S. will impose tariffs of 25% on Japanese steel on Nov. 17. ",
        "a" * 60 + " ",
        ". " * 30,
    ],
)
def test_linear_growth(unit: str) -> None:
    small = _seconds(unit * 500)
    large = _seconds(unit * 4000)
    assert large < max(small, 0.002) * 8 * 2.5
