"""Normalisation and tokenization: one character for one, tokens as the rules read them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeevents._extract.tokens import normalize, tokenize
from tradeevents.extraction import extract


@given(st.text())
def test_normalizing_keeps_every_offset(text: str) -> None:
    assert len(normalize(text)) == len(text)


@given(st.text())
def test_tokens_are_spans_of_the_normalised_text(text: str) -> None:
    norm = normalize(text)
    tokens = tokenize(norm)
    assert len(tokens.norm) == len(tokens.starts) == len(tokens.ends)
    assert all(
        norm[a:b] == tok for tok, a, b in zip(tokens.norm, tokens.starts, tokens.ends, strict=True)
    )
    assert tokens.starts == sorted(tokens.starts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Việt Nam", "viet nam"),
        ("Brasília and Asunción", "brasilia and asuncion"),
        ("Türkiye", "turkiye"),
        ("İstanbul", "istanbul"),
        ("“Phase one” — done", '"phase one" - done'),
        # letters without accents stay as they are
        ("Straße, Ærø", "straße, ærø"),
    ],
)
def test_normalize_folds_case_quotes_dashes_and_accents(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S. imposed tariffs.", ["the", "u.s.", "imposed", "tariffs", "."]),
        ("1,000 tons and 2.5%", ["1,000", "tons", "and", "2.5", "%"]),
        ("a,b.", ["a", ",", "b", "."]),
        ("e.g., steel", ["e.g.", ",", "steel"]),
        ("73.6% of U.S", ["73.6", "%", "of", "u.s"]),
    ],
)
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(normalize(text)).norm == expected


def test_a_country_written_with_its_accents_is_found() -> None:
    [event] = extract(
        "Việt Nam has imposed provisional anti-dumping duties on hot-rolled steel from China.",
        published="2025-03-08",
    )
    assert event.parties == ("CN", "VN")
