"""Sentence splitting over the token stream: abbreviations, initials, line breaks."""

from __future__ import annotations

import pytest

from tradeevents._extract.lexicon import default_lexicon
from tradeevents._extract.splitter import lines, sentences
from tradeevents._extract.tokens import normalize, tokenize


def split(text: str) -> list[str]:
    tokens = tokenize(normalize(text))
    out = []
    for line in lines(text, tokens):
        for s in sentences(text, tokens, line, default_lexicon().abbreviations):
            out.append(text[s.start : s.end])
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. and Japan met. Talks ended.", ["The U.S. and Japan met.", "Talks ended."]),
        # a dotted abbreviation closes a sentence before a word that only opens one
        (
            "Operators halted shipments to the U.S. The exemption ends in 2027.",
            ["Operators halted shipments to the U.S.", "The exemption ends in 2027."],
        ),
        (
            "The U.S. Trade Representative met the U.K. team.",
            ["The U.S. Trade Representative met the U.K. team."],
        ),
        (
            "It was signed Nov. 17 in Tokyo. Then more.",
            ["It was signed Nov. 17 in Tokyo.", "Then more."],
        ),
        ("The Commerce Dept. said so. Yes.", ["The Commerce Dept. said so.", "Yes."]),
        ("Acme Corp. and Beta Inc. filed. Done.", ["Acme Corp. and Beta Inc. filed.", "Done."]),
        ("See Jan. 5 and No. 12 today. Ok.", ["See Jan. 5 and No. 12 today.", "Ok."]),
        ("J. R. Smith said it. He left.", ["J. R. Smith said it.", "He left."]),
        ('He said "it is done." Then he left.', ['He said "it is done."', "Then he left."]),
        ("Heading\n\nBody one. Body two.", ["Heading", "Body one.", "Body two."]),
        ("prices rose 2.5 percent. Next.", ["prices rose 2.5 percent.", "Next."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected
