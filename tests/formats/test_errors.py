"""Exact error messages for bad input, in every format; writers refuse what they cannot write."""

from __future__ import annotations

import io
import json as stdlib_json
from typing import Any

import pytest

from tradeevents import Agreement, LoadError, Status
from tradeevents.formats import csv, from_dict, from_dicts, json, jsonl, to_dict, to_dicts
from tradeevents.model import Event

OK = '{"type":"agreement","status":"planned"}'
STATUSES = "'planned', 'announced', 'concluded', 'in-effect', 'ended'"
TYPES = (
    "agreement, dispute, export-control, import-restriction, investigation, legislation, "
    "meeting, negotiation, sanction, tariff, trade-remedy, visit"
)


DROP = object()


def event(**fields: Any) -> str:
    """An agreement's compact JSON object with *fields* added, replaced or (``DROP``) removed."""
    body = {"type": "agreement", "status": "planned", **fields}
    body = {key: value for key, value in body.items() if value is not DROP}
    return stdlib_json.dumps(body, separators=(",", ":"))


JSON_CASES = [
    # (document, message)
    (
        f"[{OK},{OK},{OK},{event(date='2021-13')}]",
        "$[3].date: invalid date '2021-13': part of a month date must be between 1 and 12, not 13",
    ),
    (
        f"[{event(date='Nov 17')}]",
        "$[0].date: invalid date 'Nov 17': expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn",
    ),
    (
        f"[{event(date=20211117)}]",
        "$[0].date: expected a date string such as '2021-11-17', not a number (20211117)",
    ),
    (
        f"[{event(date='2021-02-29')}]",
        "$[0].date: invalid date '2021-02-29': day must be between 1 and 28 for 2021-02, not 29",
    ),
    (f"[{event(type='treaty')}]", f"$[0].type: unknown event type 'treaty' (registered: {TYPES})"),
    (f"[{event(type=DROP)}]", "$[0].type: required field is missing (every event has a type tag)"),
    (f"[{event(type=7)}]", "$[0].type: expected a string, not a number (7)"),
    (f"[{event(status=DROP)}]", "$[0].status: required field is missing"),
    (f"[{event(status='done')}]", f"$[0].status: expected one of {STATUSES}, not a string 'done'"),
    (f"[{event(parties=5)}]", "$[0].parties: expected a list, not a number (5)"),
    (f"[{event(parties='US')}]", "$[0].parties: expected a list, not a string 'US'"),
    (f"[{event(parties=['US', 'XX'])}]", "$[0].parties[1]: unknown jurisdiction code 'XX'"),
    (f"[{event(parties=['US', 1])}]", "$[0].parties[1]: expected a string, not a number (1)"),
    (
        f"[{event(instruments=['Section 232'])}]",
        "$[0].instruments[0]: 'Section 232' is not a lowercase slug such as 'section-232'",
    ),
    (
        f"[{event(officials=[{'title': 'Minister'}])}]",
        "$[0].officials[0].name: required field is missing",
    ),
    (
        f"[{event(officials=[{'name': 'A', 'jurisdiction': 'ZZ'}])}]",
        "$[0].officials[0].jurisdiction: unknown jurisdiction code 'ZZ'",
    ),
    (
        f"[{event(evidence={'text': 'a', 'start': 3, 'end': 1})}]",
        "$[0].evidence.end: end (1) must not be before start (3)",
    ),
    (
        f"[{event(evidence={'text': 'a', 'start': 1.5, 'end': 3})}]",
        "$[0].evidence.start: expected an integer, not a number (1.5)",
    ),
    (f"[{event(confidence=True)}]", "$[0].confidence: expected a number, not a boolean (true)"),
    (f"[{event(confidence=1.5)}]", "$[0].confidence: must be between 0 and 1, not 1.5"),
    (f"[{event(source=[])}]", "$[0].source: expected a string, not a list"),
    (
        '[{"type":"tariff","status":"in-effect","rates":[{"value":-1}]}]',
        "$[0].rates[0].value: must be a finite number >= 0, not -1.0",
    ),
    (
        '[{"type":"tariff","status":"in-effect","rates":[{"value":5,"qualifier":"about"}]}]',
        "$[0].rates[0].qualifier: expected one of 'exact', 'up-to', 'at-least', not a string 'about'",
    ),
    (
        '[{"type":"tariff","status":"in-effect","quota":[]}]',
        "$[0].quota: expected an object, not a list",
    ),
    ("[1]", "$[0]: expected an event object, not a number (1)"),
    (OK, "$: expected an array of events, not an object (wrap a single event in [...])"),
    ('"events"', "$: expected an array of events, not a string 'events'"),
    (f"[{OK},\n {OK},\n  ]", "line 3: $: invalid JSON: Expecting value (column 3)"),
    ("[NaN]", "$: invalid JSON: NaN is not a JSON number"),
    (
        '[{"type":"agreement","status":"planned","status":"ended"}]',
        "$: duplicate key 'status' in an object (line 1, column 41)",
    ),
    (
        '[{"type":"agreement","status":"planned","officials":[{"name":"A","name":"B"}]}]',
        "$: duplicate key 'name' in an object (line 1, column 66)",
    ),
]


@pytest.mark.parametrize("backend", ["json", "orjson"])
@pytest.mark.parametrize(("document", "message"), JSON_CASES)
def test_json_errors(document: str, message: str, backend: str) -> None:
    with pytest.raises(LoadError) as info:
        json.loads(document, backend=backend)
    assert str(info.value) == message


def test_error_attributes() -> None:
    with pytest.raises(LoadError) as info:
        json.loads(f"[{OK},{event(date='2021-13')}]")
    assert info.value.path == "$[1].date"
    assert info.value.lineno is None
    assert isinstance(info.value, ValueError)


def test_escaped_colon_and_duplicates_under_orjson() -> None:
    # "\u003a" is a colon written as an escape; the duplicate check must not be fooled.
    doc = '[{"type":"agreement","status":"planned","topics":["a\\u003a"],"topics":["b"]}]'
    with pytest.raises(LoadError, match="duplicate key 'topics'"):
        json.loads(doc, backend="orjson")
    assert json.loads('[{"type":"agreement","status":"planned","topics":["a\\u003a b"]}]')[
        0
    ].topics == ("a: b",)


def test_extra_keys_ignored_and_defaults() -> None:
    [loaded] = json.loads('[{"type":"agreement","status":"planned","main":true,"id":"anything"}]')
    assert loaded == Agreement(status=Status.PLANNED)


JSONL_CASES = [
    (
        f"{OK}\n{OK}\n\n{event(date='2021-13')}\n",
        "line 4: $.date: invalid date '2021-13': part of a month date must be between 1 and 12, not 13",
    ),
    (f'{OK}\n{{"type": \n', "line 2: $: invalid JSON: Expecting value (column 10)"),
    (f"{OK}\n[{OK}]\n", "line 2: $: expected an event object, not a list"),
    (
        f'{OK}\n{{"type":"agreement","type":"visit","status":"planned"}}\n',
        "line 2: $: duplicate key 'type' in an object (line 1, column 21)",
    ),
]


@pytest.mark.parametrize("backend", ["json", "orjson"])
@pytest.mark.parametrize(("document", "message"), JSONL_CASES)
def test_jsonl_errors(document: str, message: str, backend: str) -> None:
    with pytest.raises(LoadError) as info:
        jsonl.loads(document, backend=backend)
    assert str(info.value) == message
    with pytest.raises(LoadError) as info:
        list(jsonl.iter_load(io.StringIO(document), backend=backend))
    assert str(info.value) == message


HEADER = ",".join(csv.COLUMNS)


def row(**cells: str) -> str:
    """A CSV row of an agreement planned between JP and US in 2021, with *cells* replaced."""
    base = {"id": "x", "type": "agreement", "status": "planned", "parties": "JP|US", "date": "2021"}
    values = {**base, **cells}
    return ",".join(values.get(column, "") for column in csv.COLUMNS)


ROW = row()
ROW_DATE_IN_EXTRA = row(extra='"{""date"":null}"')

CSV_CASES = [
    ("", "line 1: $: empty document: expected the header " + HEADER),
    ("id,type\r\n", "line 1: $: expected the header " + HEADER),
    (
        f"{HEADER}\r\n{ROW}\r\n{row(date='2021-13')}\r\n",
        "line 3: $[1].date: invalid date '2021-13': part of a month date must be between 1 and 12, not 13",
    ),
    (
        f"{HEADER}\r\n{ROW}\r\n{row(id=chr(34) + 'multi' + chr(10) + 'line' + chr(34))}\r\n{row(parties='JP|XX')}\r\n",
        "line 5: $[2].parties[1]: unknown jurisdiction code 'XX'",
    ),
    (f"{HEADER}\r\n{ROW},more\r\n", "line 2: $[0]: expected 17 cells, found 18"),
    (
        f"{HEADER}\r\n{row(type='tariff', status='in-effect', rates='[]x')}\r\n",
        "line 2: $[0].rates: invalid JSON in the cell: Extra data: line 1 column 3 (char 2)",
    ),
    (
        f"{HEADER}\r\n{row(rates='[1]')}\r\n",
        "line 2: $[0].rates: must be empty: agreement events have no rates",
    ),
    (
        f"{HEADER}\r\n{row(parties='JP' + chr(92) + 'US')}\r\n",
        "line 2: $[0].parties: invalid escape '\\\\U' at character 3 (only \\\\ and \\| are escapes)",
    ),
    (
        f"{HEADER}\r\n{row(confidence='high')}\r\n",
        "line 2: $[0].confidence: expected a number, not a string 'high'",
    ),
    (
        f"{HEADER}\r\n{row(extra='[1]')}\r\n",
        "line 2: $[0].extra: expected a JSON object, not a list",
    ),
    (f"{HEADER}\r\n{ROW_DATE_IN_EXTRA}\r\n", "line 2: $[0].extra.date: 'date' has its own column"),
    (
        f"{HEADER}\r\n{row(status='')}\r\n",
        f"line 2: $[0].status: expected one of {STATUSES}, not a string ''",
    ),
    (
        f"{HEADER}\r\n{row(source='unclosed', date=chr(34) + 'x')}\r\n",
        "line 2: $: invalid CSV: unexpected end of data",
    ),
]


@pytest.mark.parametrize(("document", "message"), CSV_CASES)
def test_csv_errors(document: str, message: str) -> None:
    with pytest.raises(LoadError) as info:
        csv.loads(document)
    assert str(info.value) == message


def test_dict_errors() -> None:
    with pytest.raises(LoadError, match=r"^\$\.events\[0\]\.status: required field is missing$"):
        from_dicts([{"type": "agreement"}], "$.events")
    with pytest.raises(LoadError, match=r"^\$: expected a list of events, not an object$"):
        from_dicts({"type": "agreement"})
    with pytest.raises(LoadError, match=r"^\$: expected an event object, not null$"):
        from_dict(None)


class Unregistered(Agreement):
    """A subclass with the agreement tag that the registry does not know."""


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (42, "cannot write int: not a tradeevents event"),
        ({"type": "agreement"}, "cannot write dict: not a tradeevents event"),
        (
            Unregistered(status=Status.PLANNED),
            "cannot write Unregistered: its type tag 'agreement' is not registered "
            "(tradeevents.registry.register_event_type)",
        ),
    ],
)
def test_writers_refuse(value: object, message: str) -> None:
    for write in (
        lambda: to_dict(value),  # type: ignore[arg-type]
        lambda: to_dicts([value]),  # type: ignore[list-item]
        lambda: json.dumps([value]),  # type: ignore[list-item]
        lambda: jsonl.dumps([value]),  # type: ignore[list-item]
        lambda: csv.dumps([value]),  # type: ignore[list-item]
    ):
        with pytest.raises(TypeError) as info:
            write()
        assert str(info.value) == message


def test_writers_refuse_a_single_event() -> None:
    one: Event = Agreement(status=Status.PLANNED)
    for module in (json, jsonl, csv):
        with pytest.raises(TypeError, match="a list of events is needed, not a single Agreement"):
            module.dumps(one)  # type: ignore[arg-type]


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="unknown JSON backend 'simd'"):
        json.dumps([], backend="simd")
