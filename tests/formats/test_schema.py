"""The generated JSON Schema: dumped events validate, bad documents do not."""

from __future__ import annotations

import json as stdlib_json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from tradeevents import testing
from tradeevents.formats import json, schema, to_dicts
from tradeevents.model import Event


def validator() -> jsonschema.Draft202012Validator:
    document = schema.json_schema()
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def test_schema_is_draft_2020_12() -> None:
    document = schema.json_schema()
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert stdlib_json.loads(schema.dumps()) == document
    tags = document["$defs"]["Event"]["properties"]["type"]["enum"]
    assert "agreement" in tags
    assert "trade-remedy" in tags
    assert document["$defs"]["Tariff"]["properties"]["rates"]["type"] == "array"
    assert document["$defs"]["Agreement"]["required"] == ["type", "status"]


@given(testing.event_lists())
def test_dumped_events_validate(events: list[Event]) -> None:
    check = validator()
    check.validate(to_dicts(events))
    check.validate(stdlib_json.loads(json.dumps(events)))


BAD: list[Any] = [
    {"type": "agreement"},
    {"type": "treaty", "status": "planned"},
    {"status": "planned"},
    {"type": "agreement", "status": "done"},
    {"type": "agreement", "status": "planned", "parties": "US"},
    {"type": "agreement", "status": "planned", "parties": ["usa"]},
    {"type": "agreement", "status": "planned", "date": "2021-13"},
    {"type": "agreement", "status": "planned", "date": "Nov 17"},
    {"type": "agreement", "status": "planned", "instruments": ["Section 232"]},
    {"type": "agreement", "status": "planned", "officials": [{"title": "x"}]},
    {"type": "agreement", "status": "planned", "evidence": {"text": "a", "start": "0", "end": 1}},
    {"type": "agreement", "status": "planned", "confidence": "high"},
    {"type": "tariff", "status": "planned", "rates": [{"value": 5, "qualifier": "about"}]},
    {"type": "tariff", "status": "planned", "quota": {"amount": 5}},
    [],
]


@pytest.mark.parametrize("item", BAD)
def test_bad_documents_fail(item: Any) -> None:
    check = validator()
    check.validate([{"type": "agreement", "status": "planned"}])
    with pytest.raises(jsonschema.ValidationError):
        check.validate([item])


def test_schema_is_a_fresh_copy() -> None:
    first = schema.json_schema()
    first["$defs"].clear()
    assert schema.json_schema()["$defs"]
