"""The errors: one root, the nearest builtin beneath, and they survive pickling
(raised in worker processes and on distributed engines)."""

from __future__ import annotations

import pickle

import pytest

from tradeevents.errors import (
    LoadError,
    PluginError,
    TextFormatError,
    TradeEventsError,
    UnknownJurisdictionError,
    UnknownParserError,
    VocabularyError,
)

ERRORS = [
    LoadError("invalid date '2021-13'", "$[3].date", lineno=4),
    LoadError("expected a list", "$.parties"),
    TextFormatError("unknown field 'colour'", "# tradeevents text 1\n[tariff]\ncolour: red\n", 30),
    UnknownJurisdictionError("Atlantis"),
    VocabularyError("empty phrase", "status.json", "$.negations[0]"),
    UnknownParserError("no parser named 'x'"),
    PluginError("plugin 'notice' failed to load"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_pickle(error: TradeEventsError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_hierarchy() -> None:
    assert issubclass(LoadError, ValueError)
    assert issubclass(TextFormatError, ValueError)
    assert issubclass(VocabularyError, ValueError)
    assert issubclass(UnknownJurisdictionError, LookupError)
    for error in ERRORS:
        assert isinstance(error, TradeEventsError)


def test_messages() -> None:
    assert str(ERRORS[0]) == "line 4: $[3].date: invalid date '2021-13'"
    assert str(ERRORS[1]) == "$.parties: expected a list"
    text_error = ERRORS[2]
    assert isinstance(text_error, TextFormatError)
    assert (text_error.lineno, text_error.colno) == (3, 1)
    assert str(text_error) == "line 3, column 1: unknown field 'colour'\n    colour: red\n    ^"
    assert str(ERRORS[3]) == "unknown jurisdiction: 'Atlantis'"
    assert str(ERRORS[4]) == "status.json: $.negations[0]: empty phrase"
