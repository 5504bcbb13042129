"""A user-registered event class works through every format and the schema."""

from __future__ import annotations

import io
from typing import ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given

from tradeevents import LoadError, RateQualifier, Status, registry, testing
from tradeevents.formats import csv, from_dict, json, jsonl, schema, to_dict, to_dicts
from tradeevents.model import Event

from ._user_types import Procurement

pytestmark = pytest.mark.usefixtures("procurement")


def sample() -> Procurement:
    return Procurement(
        status=Status.ANNOUNCED,
        parties=["US"],
        agency="GSA",
        budget=2**70,  # beyond orjson's 64-bit integers: the stdlib takes over
        lots=("a|b", "c\\d"),
        bound=RateQualifier.UP_TO,
    )


def test_dict_form_has_the_extra_fields_last() -> None:
    data = to_dict(sample())
    assert list(data)[-4:] == ["agency", "budget", "lots", "bound"]
    assert data["type"] == "procurement"
    assert data["bound"] == "up-to"
    assert data["lots"] == ["a|b", "c\\d"]
    assert from_dict(data) == sample()


@pytest.mark.parametrize("backend", ["json", "orjson"])
def test_every_format(backend: str) -> None:
    events = [sample(), Procurement(status=Status.PLANNED)]
    assert json.loads(json.dumps(events, backend=backend), backend=backend) == events
    assert jsonl.loads(jsonl.dumps(events, backend=backend), backend=backend) == events
    text = csv.dumps(events)
    assert '"{""agency"":""GSA""' in text  # the extra fields go into the "extra" column
    assert csv.loads(text) == events


@given(testing.event_lists())
def test_mixed_lists_round_trip(events: list[Event]) -> None:
    assert json.loads(json.dumps(events)) == events
    assert jsonl.load(io.StringIO(jsonl.dumps(events))) == events
    assert csv.loads(csv.dumps(events)) == events


@given(testing.events(Procurement))
def test_schema_describes_the_user_type(event: Event) -> None:
    document = schema.json_schema()
    assert document["$defs"]["Procurement"]["properties"]["budget"] == {
        "anyOf": [{"type": "integer"}, {"type": "null"}]
    }
    jsonschema.validate(to_dicts([event]), document, cls=jsonschema.Draft202012Validator)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            [{**to_dict(event), "budget": "lots"}], document, cls=jsonschema.Draft202012Validator
        )


def test_bad_user_field() -> None:
    with pytest.raises(LoadError) as info:
        json.loads('[{"type":"procurement","status":"planned","lots":[1]}]')
    assert str(info.value) == "$[0].lots[0]: expected a string, not a number (1)"


def test_unregistering_forgets_the_type() -> None:
    text = json.dumps([sample()])
    registry.unregister_event_type("procurement")
    try:
        with pytest.raises(LoadError, match=r"\$\[0\]\.type: unknown event type 'procurement'"):
            json.loads(text)
        with pytest.raises(TypeError, match="cannot write Procurement: its type tag"):
            json.dumps([sample()])
        assert "Procurement" not in schema.json_schema()["$defs"]
    finally:
        registry.register_event_type(Procurement)
    assert json.loads(text) == [sample()]


def test_unwritable_field_type_is_refused() -> None:
    @attrs.frozen(kw_only=True)
    class Odd(Event):
        type: ClassVar[str] = "odd-event"
        tags: frozenset[str] = frozenset()

    registry.register_event_type(Odd)
    try:
        with pytest.raises(TypeError) as info:
            json.dumps([Odd(status=Status.PLANNED)])
        message = "cannot write Odd.tags of type frozenset[str]: the JSON form has no such type"
        assert str(info.value) == message
        with pytest.raises(TypeError, match=r"cannot write Odd\.tags"):
            schema.json_schema()
    finally:
        registry.unregister_event_type("odd-event")
