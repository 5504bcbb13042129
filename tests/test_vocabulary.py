"""Custom vocabularies: additions made in code or in a file, validated, without
touching the built-in ones."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import tradeevents
from tradeevents.errors import VocabularyError
from tradeevents.parsers import NewsParser, register_parser, unregister_parser
from tradeevents.vocabulary import Vocabulary

TEXT = "Blighty announced a customs surcharge on pv modules from Japan."
PUBLISHED = "2024-05-01"


@pytest.fixture
def vocab() -> Vocabulary:
    return Vocabulary.of(
        triggers={"tariff": ["customs surcharge"]},
        aliases={"Blighty": "GB"},
        products={"solar panel": ["pv modules"]},
        agencies={"Federal Customs Service": "RU"},
        titles={"Minister of Industry and Trade": None},
    )


def test_builtin_vocabulary_does_not_know_the_words() -> None:
    assert tradeevents.extract(TEXT, published=PUBLISHED) == []


def test_additions_are_used(vocab: Vocabulary) -> None:
    [event] = vocab.extractor().extract(TEXT, published=PUBLISHED)
    assert event.type == "tariff"
    assert event.status is tradeevents.Status.ANNOUNCED
    assert event.parties == ("GB", "JP")
    assert event.products == ("solar panel",)


def test_agency_stands_for_its_country(vocab: Vocabulary) -> None:
    text = "The Federal Customs Service imposed tariffs on Japanese steel on May 2, 2024."
    [event] = vocab.extractor().extract(text, published=PUBLISHED)
    assert event.parties == ("JP", "RU")


def test_default_is_left_unchanged(vocab: Vocabulary) -> None:
    vocab.extractor().extract(TEXT, published=PUBLISHED)
    assert tradeevents.extract(TEXT, published=PUBLISHED) == []


def test_extractor_pickles_as_configuration(vocab: Vocabulary) -> None:
    extractor = vocab.extractor()
    copy = pickle.loads(pickle.dumps(extractor))
    assert copy == extractor
    assert copy.extract(TEXT, published=PUBLISHED) == extractor.extract(TEXT, published=PUBLISHED)


def test_registered_as_a_parser(vocab: Vocabulary) -> None:
    register_parser("test-vocab-news", NewsParser(vocab.extractor()))
    try:
        [event] = tradeevents.extract(TEXT, published=PUBLISHED, parser="test-vocab-news")
    finally:
        unregister_parser("test-vocab-news")
    assert event.parties == ("GB", "JP")


def test_from_file(tmp_path: Path) -> None:
    path = tmp_path / "vocab.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "triggers": {"tariff": ["customs surcharge"]},
                "aliases": {"Blighty": "GB"},
            }
        ),
        encoding="utf-8",
    )
    vocab = Vocabulary.from_file(path)
    assert vocab == Vocabulary.of(
        triggers={"tariff": ["customs surcharge"]}, aliases={"Blighty": "GB"}
    )
    [event] = vocab.extractor().extract(TEXT, published=PUBLISHED)
    assert event.parties == ("GB", "JP")


@pytest.mark.parametrize(
    ("vocab", "message"),
    [
        (
            Vocabulary.of(triggers={"treaty": ["pact"]}),
            "<api>: $.triggers.treaty: unknown event type 'treaty'",
        ),
        (
            Vocabulary.of(aliases={"Ruritania": "RR"}),
            "<api>: aliases['Ruritania']: 'Ruritania' points to unknown code 'RR'",
        ),
        (
            Vocabulary.of(titles={"Grand Vizier": "XX"}),
            "<api>: officials.json: $.titles[",
        ),
    ],
)
def test_bad_additions_are_named(vocab: Vocabulary, message: str) -> None:
    with pytest.raises(VocabularyError) as info:
        vocab.extractor().extract(TEXT, published=PUBLISHED)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "expected a JSON object at the top"),
        ('{"version": 2}', "$.version: unsupported version 2; expected 1"),
        ('{"colours": {}}', "$: unknown key 'colours'"),
        ('{"aliases": ["x"]}', "$.aliases: expected an object"),
        (
            "{not json",
            "line 1, column 2: invalid JSON: Expecting property name enclosed in double quotes",
        ),
    ],
)
def test_bad_files_are_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "vocab.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError) as info:
        Vocabulary.from_file(path)
    assert str(info.value).endswith(message)
    assert str(info.value).startswith(str(path))
