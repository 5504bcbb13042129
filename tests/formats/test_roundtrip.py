"""Round-trip properties: ``loads(dumps(x)) == x`` for every format and backend."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given

from tradeevents import testing
from tradeevents.formats import csv, from_dict, from_dicts, json, jsonl, to_dict, to_dicts
from tradeevents.model import Event

BACKENDS = ["json", "orjson"]


@given(testing.events())
def test_dict_round_trip(event: Event) -> None:
    data = to_dict(event)
    assert from_dict(data) == event
    assert list(data)[:2] == ["id", "type"]
    assert data["id"] == event.id
    assert data["type"] == event.type


@given(testing.event_lists())
def test_dicts_round_trip(events: list[Event]) -> None:
    assert from_dicts(to_dicts(events)) == events


@pytest.mark.parametrize("backend", BACKENDS)
@given(events=testing.event_lists())
def test_json_round_trip(backend: str, events: list[Event]) -> None:
    text = json.dumps(events, backend=backend)
    assert json.loads(text, backend=backend) == events
    assert json.loads(text.encode(), backend=backend) == events


@given(events=testing.event_lists(max_size=3))
def test_json_round_trip_indented(events: list[Event]) -> None:
    for indent in (0, 2, 4):
        assert json.loads(json.dumps(events, indent=indent)) == events


@given(events=testing.event_lists())
def test_backends_agree(events: list[Event]) -> None:
    """Both backends read each other's output; without floats the texts are identical."""
    plain = json.dumps(events, backend="json")
    fast = json.dumps(events, backend="orjson")
    assert json.loads(plain, backend="orjson") == json.loads(fast, backend="json") == events
    if "e" not in plain.replace('"', "").lower() or plain == fast:
        pass  # exponents are spelled differently (1e+16 / 1e16): documented
    assert jsonl.dumps(events, backend="json").count("\n") == len(events)


@pytest.mark.parametrize("backend", BACKENDS)
@given(events=testing.event_lists())
def test_jsonl_round_trip(backend: str, events: list[Event]) -> None:
    text = jsonl.dumps(events, backend=backend)
    assert text.count("\n") == len(events)
    assert jsonl.loads(text, backend=backend) == events
    assert list(jsonl.iter_load(io.StringIO(text), backend=backend)) == events
    assert list(jsonl.iter_load(io.BytesIO(text.encode()), backend=backend)) == events


@given(testing.event_lists())
def test_csv_round_trip(events: list[Event]) -> None:
    text = csv.dumps(events)
    assert csv.loads(text) == events
    assert csv.load(io.StringIO(text, newline="")) == events


@given(testing.event_lists())
def test_formats_agree(events: list[Event]) -> None:
    assert to_dicts(csv.loads(csv.dumps(events))) == to_dicts(jsonl.loads(jsonl.dumps(events)))


def test_streaming_is_lazy_and_batched() -> None:
    from tradeevents import Agreement, Status

    def endless() -> object:
        while True:
            yield Agreement(status=Status.PLANNED, parties=["US"])

    chunks = jsonl.iter_dump(endless())  # type: ignore[arg-type]
    first = next(chunks)
    assert first.count("\n") == 256
    rows = csv.iter_dump(endless())  # type: ignore[arg-type]
    assert next(rows).startswith("id,type,status,")
    assert next(rows).count("\n") == 256


@pytest.mark.parametrize("module", [json, jsonl, csv], ids=["json", "jsonl", "csv"])
@given(events=testing.event_lists(max_size=4))
def test_file_round_trip(
    module: object, events: list[Event], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("files") / "events.out"
    module.dump_path(events, path)  # type: ignore[attr-defined]
    assert module.load_path(path) == events  # type: ignore[attr-defined]


@pytest.mark.parametrize("module", [json, jsonl, csv], ids=["json", "jsonl", "csv"])
def test_failed_write_leaves_old_file(module: object, tmp_path: Path) -> None:
    from tradeevents import Agreement, Status

    path = tmp_path / "events.out"
    good = [Agreement(status=Status.PLANNED, parties=["JP", "US"])]
    module.dump_path(good, path)  # type: ignore[attr-defined]
    before = path.read_bytes()

    def broken() -> object:
        yield from good * 300  # past the first batch, so some text is written
        yield 42  # not an event

    with pytest.raises(TypeError, match="cannot write int: not a tradeevents event"):
        module.dump_path(broken(), path)  # type: ignore[attr-defined]
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.out"]
