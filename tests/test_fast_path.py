"""The readers' and writers' fast paths agree with the reference paths.

The JSON readers check values once and build events through the model's
trusted constructor (``tradeevents.model._trusted_new``), bypassing the attrs
``__init__``; the JSON writers write each event's text directly (stdlib) or
hand orjson the fields as they are. These properties hold them to the public
constructor and to the cattrs hooks: equal events whose fields have the same
types and values (tuples, not lists; the canonical order of set-like fields),
the same ``repr``, hash and id; the same bytes written; and nothing accepted
that the reference path refuses. The text format's plain-document reader is
held to the general parser the same way.
"""

from __future__ import annotations

import json as stdlib_json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeevents import LoadError, registry, testing
from tradeevents import text as text_format
from tradeevents.errors import TextFormatError
from tradeevents.formats import _backend, _converter, from_dict, json, jsonl, to_dict, to_dicts
from tradeevents.model import Event, _trusted_new

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.sampled_from(["US", "JP", "steel", "section-232", "2021-11-17", "planned", " x", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


def same(a: Any, b: Any, where: str = "$") -> None:
    """*a* and *b* are equal, with the same type at every level."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} is not {type(b).__name__}"
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{index}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b), where
    else:
        assert a == b, where


def reference_dict(event: Event) -> dict[str, Any]:
    """The JSON form through the cattrs unstructure hook (the reference writer)."""
    codec = _converter._get_state().codec_for_class(type(event))
    assert codec is not None
    return {"id": event.id, "type": event.type, **codec.unstructure(event)}


def reference_load(data: dict[str, Any]) -> Event:
    """The event through the cattrs structure hook and the public constructor."""
    codec = _converter._get_state().codec_for_tag(data["type"])
    assert codec is not None
    return codec.structure(data, codec.cls)


def fast_load(data: Any) -> Event:
    codec = _converter._get_state().codec_for_tag(data["type"])
    assert codec is not None
    assert codec.fast_structure is not None
    return codec.fast_structure(data)


def check_built_alike(loaded: Event, original: Event) -> None:
    same(loaded, original)
    assert loaded == original
    assert hash(loaded) == hash(original)
    assert repr(loaded) == repr(original)
    assert loaded.id == original.id
    assert attrs.astuple(loaded) == attrs.astuple(original)


@given(testing.event_lists())
@pytest.mark.parametrize("backend", ["json", "orjson"])
def test_json_loads_builds_events_as_the_public_constructor(
    backend: str, events: list[Event]
) -> None:
    loaded = json.loads(json.dumps(events, backend=backend), backend=backend)
    assert len(loaded) == len(events)
    for got, original in zip(loaded, events, strict=True):
        check_built_alike(got, original)


@given(testing.events())
def test_fast_structure_is_the_reference_structure(event: Event) -> None:
    data = reference_dict(event)
    fast = fast_load(data)
    check_built_alike(fast, reference_load(data))
    check_built_alike(fast, event)


@given(testing.event_lists())
def test_writers_write_the_reference_bytes(events: list[Event]) -> None:
    dicts = [reference_dict(event) for event in events]
    for got, expected in zip(to_dicts(events), dicts, strict=True):
        same(got, expected)
    expected_text = stdlib_json.dumps(dicts, ensure_ascii=False, separators=(",", ":"))
    assert json.dumps(events, backend="json") == expected_text
    lines = "".join(
        stdlib_json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n" for d in dicts
    )
    assert jsonl.dumps(events, backend="json") == lines
    # orjson: its own spelling of floats; where it refuses a value, the stdlib's text
    assert json.dumps(events, backend="orjson") == _backend.dumps(dicts, orjson=True)
    line = _backend.dumps_line(True)
    assert jsonl.dumps(events, backend="orjson") == "".join(line(d) + "\n" for d in dicts)


@given(testing.events())
def test_id_is_the_same_before_and_after_it_is_kept(event: Event) -> None:
    fresh = attrs.evolve(event)  # a new instance: nothing kept yet
    first = fresh.id
    assert first == fresh.id == event.id
    assert to_dict(fresh)["id"] == first


def replaced(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    changed = dict(data)
    changed[key] = value
    return changed


@given(testing.events(), st.data())
def test_fast_path_accepts_nothing_the_reference_refuses(event: Event, data: st.DataObject) -> None:
    original = reference_dict(event)
    key = data.draw(st.sampled_from(sorted(original)), label="key")
    value = data.draw(JSON_VALUES, label="value")
    changed = replaced(original, key, value)
    if key == "type":
        return  # another class, or none: not this class's structure function
    try:
        expected = reference_load(changed)
    except Exception:
        with pytest.raises(Exception):  # noqa: B017, PT011  # any refusal: the reference path then decides
            fast_load(changed)
        with pytest.raises(LoadError):
            from_dict(changed)
        return
    try:
        got = fast_load(changed)
    except Exception:
        return  # the fast path may refuse more: from_dict then takes the reference path
    check_built_alike(got, expected)
    check_built_alike(from_dict(changed), expected)


@given(testing.events(), st.data())
def test_nested_values_are_checked_too(event: Event, data: st.DataObject) -> None:
    """A bad value inside an official, the evidence, a rate or a quota."""
    original = reference_dict(event)
    nested = [
        key
        for key, value in original.items()
        if isinstance(value, dict)
        or (isinstance(value, list) and value and isinstance(value[0], dict))
    ]
    if not nested:
        return
    key = data.draw(st.sampled_from(nested), label="key")
    inner = original[key] if isinstance(original[key], dict) else original[key][0]
    field = data.draw(st.sampled_from(sorted(inner)), label="field")
    bad = {**inner, field: data.draw(JSON_VALUES, label="value")}
    changed = replaced(original, key, bad if isinstance(original[key], dict) else [bad])
    try:
        expected = reference_load(changed)
    except Exception:
        with pytest.raises(Exception):  # noqa: B017, PT011  # as above
            fast_load(changed)
        return
    try:
        got = fast_load(changed)
    except Exception:
        return
    check_built_alike(got, expected)


@given(testing.event_lists())
def test_text_loads_builds_events_as_the_public_constructor(events: list[Event]) -> None:
    loaded = text_format.loads(text_format.dumps(events))
    for got, original in zip(loaded, events, strict=True):
        check_built_alike(got, original)


def test_trusted_constructor_refuses_classes_with_their_own_init_logic() -> None:
    @attrs.frozen
    class Checked:
        value: int

        def __attrs_post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="cannot be built"):
        _trusted_new(Checked)


# -- the text format's plain-document reader -------------------------------------

TEXT_DATA = Path(__file__).parent / "data" / "text"


def reference_text(src: str) -> list[Event]:
    return text_format._parse_document(src, registry.event_types())


def plain_text(src: str) -> list[Event] | None:
    return text_format._read_plain_document(src, registry.event_types())


def block_text(src: str) -> list[Event] | None:
    """The block reader: checked values, remembered texts, the trusted constructor."""
    return text_format._read_blocks(src, registry.event_types())


FAST_TEXT_READERS = pytest.mark.parametrize(
    "fast_text", [plain_text, block_text], ids=["line-reader", "block-reader"]
)


@given(testing.event_lists())
@FAST_TEXT_READERS
def test_plain_text_reader_reads_what_the_parser_reads(
    fast_text: Callable[[str], list[Event] | None], events: list[Event]
) -> None:
    src = text_format.dumps(events)
    for _ in range(2):  # the second time from the values remembered
        got = fast_text(src)
        assert got is not None
        same(got, reference_text(src))
        same(got, events)
        for loaded, original in zip(got, events, strict=True):
            check_built_alike(loaded, original)


@given(testing.event_lists(max_size=3), st.data())
@FAST_TEXT_READERS
def test_plain_text_reader_accepts_nothing_the_parser_refuses(
    fast_text: Callable[[str], list[Event] | None], events: list[Event], data: st.DataObject
) -> None:
    src = text_format.dumps(events)
    pos = data.draw(st.integers(0, len(src)), label="pos")
    cut = data.draw(st.integers(0, 3), label="cut")
    insert = data.draw(
        st.sampled_from(["", " ", "\n", "\r\n", "#", ":", ",", "]", "}", "[", '"', "\\", "x", "0"])
        | st.text(max_size=3),
        label="insert",
    )
    changed = src[:pos] + insert + src[pos + cut :]
    try:
        expected = reference_text(changed)
    except TextFormatError:
        assert fast_text(changed) is None
        return
    got = fast_text(changed)
    if got is not None:
        same(got, expected)


#: Values to put in place of a field's value or an inline pair's: each valid for some
#: field and invalid for others, or invalid in a way only a check after the codec finds.
ODD_VALUES = [
    "none", "true", "0", "01", "-1", "4000000000", "1e400", "nan", "-0.0", "0.5", "1.5",
    "[]", "[US]", "[XX]", "[US, US]", "[JP, US]", "[US, JP]", "[ US]", "[Steel]", "[steel]",
    '[" steel"]', '["a\\nb"]', "[section-232]", "[Section-232]", "2021-02-30", "2021-Q5",
    "2021-11-17", "planned", "up-to", "x", " x", "x ", '"x"', '" x"', '""', '"\\U00110000"',
    '"\\u00e9"', "{}", "{name: x}", "{name: x, title: y, jurisdiction: XX}",
    "{text: x, start: 2, end: 1}", "{text: x, start: 1, end: 2}", "{end: 2, start: 1, text: x}",
    "{value: 25.0}", "{value: -1.0}", "{value: 25}", "{amount: 1.0, unit: t}",
    "[{value: 25.0}, {value: 10.0}]", "[{value: 25.0}, {value: 25.0}]",
    '[{name: "A B"}, {name: x}]', "[{text: x, start: 0, end: 0}]",
]  # fmt: skip


@given(testing.event_lists(min_size=1, max_size=3), st.data())
def test_block_reader_accepts_no_value_the_parser_refuses(
    events: list[Event], data: st.DataObject
) -> None:
    """Each value goes through the codec, the converter and the validator of its field,
    inline objects' values too: a value that any of them refuses sends the document
    back to the parser."""
    lines = text_format.dumps(events).split("\n")
    fields = [i for i, line in enumerate(lines) if ": " in line and not line.startswith("#")]
    if not fields:
        return
    index = data.draw(st.sampled_from(fields), label="line")
    key, _, value = lines[index].partition(": ")
    new = data.draw(st.sampled_from(ODD_VALUES) | st.text(max_size=4), label="value")
    if value.startswith("{") and data.draw(st.booleans(), label="inline"):
        pair = data.draw(st.sampled_from(ODD_VALUES), label="pair")
        new = value[:-1] + (", " if value != "{}" else "") + pair[1:-1] + "}"
    lines[index] = f"{key}: {new}"
    changed = "\n".join(lines)
    try:
        expected = reference_text(changed)
    except TextFormatError:
        assert block_text(changed) is None
        return
    got = block_text(changed)
    if got is not None:
        same(got, expected)
        for loaded, reference in zip(got, expected, strict=True):
            check_built_alike(loaded, reference)


@pytest.mark.parametrize(
    "path", sorted(TEXT_DATA.glob("*/*.events")), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
@FAST_TEXT_READERS
def test_plain_text_reader_on_the_corpus(
    fast_text: Callable[[str], list[Event] | None], path: Path
) -> None:
    src = path.read_bytes().decode("utf-8", "replace")
    try:
        expected = reference_text(src)
    except TextFormatError:
        assert fast_text(src) is None
        return
    got = fast_text(src)
    if got is not None:
        same(got, expected)


def test_block_reader_takes_what_dumps_writes_only() -> None:
    """Comments, blank lines, other spacing and other field orders go to the line
    reader and the parser, which read the same events."""
    from tradeevents import Agreement, Status

    event = Agreement(status=Status.PLANNED, parties=("JP", "US"), source="a")
    src = text_format.dumps([event])
    assert block_text(src) == [event]
    variants = [
        src.replace("[agreement]\n", "[agreement]\n# a comment\n"),
        src + "\n",
        src.replace("\n\n", "\n\n\n"),
        src.replace("status: planned\nparties: [JP, US]", "parties: [JP, US]\nstatus: planned"),
        src.replace("parties: ", "parties:  "),
        src.replace("\n", "\r\n"),
        src[:-1],
    ]
    for variant in variants:
        assert block_text(variant) is None
        assert text_format.loads(variant) == [event]


def test_remembered_texts_depend_on_the_values_only() -> None:
    """The writers remember the texts of recurring strings and string sets: a str
    subclass with the same characters is written the same as a str."""

    class Name(str):
        __slots__ = ()

    from tradeevents import Agreement, Status

    plain = Agreement(status=Status.PLANNED, parties=("US",), topics=("supply chains",))
    subclassed = Agreement(
        status=Status.PLANNED, parties=(Name("US"),), topics=(Name("supply chains"),)
    )
    for _ in range(2):  # the second time from what was remembered
        assert text_format.dumps([subclassed]) == text_format.dumps([plain])
        assert json.dumps([subclassed], backend="json") == json.dumps([plain], backend="json")
