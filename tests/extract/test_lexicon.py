"""Vocabulary files: validated on load, with errors naming the file and the entry."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tradeevents._extract.lexicon import FILES, default_lexicon, load_lexicon
from tradeevents.errors import VocabularyError
from tradeevents.extraction import Extractor


@pytest.fixture
def vocab(tmp_path: Path) -> Path:
    base = resources.files("tradeevents") / "data" / "extract"
    for name in FILES:
        (tmp_path / name).write_text((base / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def edit(path: Path, name: str, change: Any) -> None:
    doc = json.loads((path / name).read_text(encoding="utf-8"))
    change(doc)
    (path / name).write_text(json.dumps(doc), encoding="utf-8")


def test_default_lexicon_is_cached_and_loads() -> None:
    assert default_lexicon() is default_lexicon()
    assert len(default_lexicon().index) > 1000


def test_a_copy_loads(vocab: Path) -> None:
    assert len(load_lexicon(vocab).index) == len(default_lexicon().index)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "triggers.json",
            lambda d: d["types"]["tariff"]["nouns"].__setitem__(3, 7),
            "triggers.json: $.types.tariff.nouns[3]: expected a phrase (string), got int",
        ),
        (
            "triggers.json",
            lambda d: d["types"].__setitem__("treaty", {"nouns": ["x"]}),
            "triggers.json: $.types.treaty: unknown event type 'treaty'",
        ),
        (
            "triggers.json",
            lambda d: d["types"]["visit"]["nouns"].append("Visit"),
            "triggers.json: $.types.visit.nouns[4]: duplicate phrase 'visit' (first at $.types.visit.nouns[0])",
        ),
        (
            "status.json",
            lambda d: d["cues"].__setitem__("maybe", ["x"]),
            "status.json: $.cues.maybe: unknown status 'maybe'",
        ),
        (
            "grammar.json",
            lambda d: d["reductions"].insert(0, "Cut"),
            "grammar.json: $.reductions[0]: expected a lowercase word, got 'Cut'",
        ),
        (
            "grammar.json",
            lambda d: d["default_status"].__setitem__("visit", "done"),
            "grammar.json: $.default_status.visit: unknown status 'done'",
        ),
        (
            "grammar.json",
            lambda d: d["default_status"].pop("visit"),
            "grammar.json: $.default_status: no default status for visit",
        ),
        (
            "grammar.json",
            lambda d: d.__setitem__("adverbs", []),
            "grammar.json: $: unknown key 'adverbs'",
        ),
        (
            "status.json",
            lambda d: d["negations"].insert(0, "  "),
            "status.json: $.negations[0]: empty phrase",
        ),
        (
            "instruments.json",
            lambda d: d["instruments"].__setitem__("Section 999", ["x"]),
            "instruments.json: $.instruments.Section 999: 'Section 999' is not a lowercase slug",
        ),
        (
            "officials.json",
            lambda d: d["titles"].append({"title": "king", "jurisdiction": "XX"}),
            "officials.json: $.titles[36].jurisdiction: unknown jurisdiction code 'XX'",
        ),
        (
            "dates.json",
            lambda d: d["months"].__setitem__("smarch", 13),
            "dates.json: $.months.smarch: expected an integer from 1 to 12, got 13",
        ),
        (
            "boilerplate.json",
            lambda d: d.__setitem__("version", 2),
            "boilerplate.json: $.version: unsupported version 2; expected 1",
        ),
        (
            "splitter.json",
            lambda d: d.pop("abbreviations"),
            "splitter.json: $: missing key 'abbreviations'",
        ),
        (
            "grammar.json",
            lambda d: d.pop("default_status"),
            "grammar.json: $: missing key 'default_status'",
        ),
        (
            "grammar.json",
            lambda d: d["default_status"].__setitem__("parade", "planned"),
            "grammar.json: $.default_status.parade: unknown event type 'parade'",
        ),
        (
            "grammar.json",
            lambda d: d["absent_statuses"].__setitem__("visit", ["gone"]),
            "grammar.json: $.absent_statuses.visit[0]: unknown status 'gone'",
        ),
        (
            "grammar.json",
            lambda d: d["absent_statuses"].__setitem__("parade", ["ended"]),
            "grammar.json: $.absent_statuses.parade: unknown event type 'parade'",
        ),
        (
            "context.json",
            lambda d: d.__setitem__("not_places", "South China Sea"),
            "context.json: $.not_places: expected a list of phrases, got str",
        ),
        (
            "context.json",
            lambda d: d["not_places"].append(""),
            "context.json: $.not_places[18]: empty phrase",
        ),
        (
            "grammar.json",
            lambda d: d["programme_laws"].__setitem__("agoa", "XX"),
            "grammar.json: $.programme_laws.agoa: unknown jurisdiction code 'XX' for 'agoa'",
        ),
        (
            "grammar.json",
            lambda d: d["programme_laws"].__setitem__("agoa", 1),
            "grammar.json: $.programme_laws.agoa: expected a jurisdiction code",
        ),
        (
            "instruments.json",
            lambda d: d["owners"].__setitem__("ieepa", "XX"),
            "instruments.json: $.owners.ieepa: unknown jurisdiction code 'XX' for 'ieepa'",
        ),
        (
            "instruments.json",
            lambda d: d["owners"].__setitem__("section-999", "US"),
            "instruments.json: $.owners: 'section-999' is not an instrument of this file",
        ),
    ],
)
def test_bad_entries_are_named(vocab: Path, name: str, change: Any, message: str) -> None:
    edit(vocab, name, change)
    with pytest.raises(VocabularyError) as info:
        load_lexicon(vocab)
    assert str(info.value) == message


def test_missing_file_and_bad_json(vocab: Path) -> None:
    (vocab / "products.json").unlink()
    with pytest.raises(VocabularyError, match=r"^products.json: .*: file not found$"):
        load_lexicon(vocab)
    (vocab / "products.json").write_text("{", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"^products.json: line 1, column 2: invalid JSON"):
        load_lexicon(vocab)


def test_extractor_uses_its_own_vocabulary(vocab: Path, tmp_path: Path) -> None:
    edit(vocab, "products.json", lambda d: d["products"].__setitem__("kumquat", ["kumquats"]))
    extractor = Extractor.default(lexicon_dir=vocab)
    events = extractor.extract(
        "Canada imposed tariffs on Chinese kumquats on Monday.", published="2024-01-10"
    )
    assert [e.products for e in events] == [("kumquat",)]
    shutil.rmtree(vocab)
