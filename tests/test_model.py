from __future__ import annotations

import pickle
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradeevents as te
from tradeevents import registry, testing
from tradeevents.model import builtin_event_types


def test_every_type_of_events_md_has_a_class() -> None:
    assert list(builtin_event_types()) == [t.value for t in te.EventType]
    assert set(te.Status) == {
        te.Status.PLANNED,
        te.Status.ANNOUNCED,
        te.Status.CONCLUDED,
        te.Status.IN_EFFECT,
        te.Status.ENDED,
    }
    assert [s.value for s in te.Status] == [
        "planned",
        "announced",
        "concluded",
        "in-effect",
        "ended",
    ]


def test_events_are_frozen_and_slotted() -> None:
    event = te.Agreement(status="announced", parties=["US", "JP"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.status = te.Status.ENDED  # type: ignore[misc]
    assert not hasattr(event, "__dict__")


def test_sets_are_canonical() -> None:
    a = te.Tariff(
        status=te.Status.IN_EFFECT,
        parties=["US", "CN", "US"],
        instruments=["section-301"],
        products=["steel", "aluminum"],
        rates=[te.Rate(25), te.Rate(10)],
    )
    b = te.Tariff(
        status="in-effect",
        parties=("CN", "US"),
        instruments=("section-301",),
        products=("aluminum", "steel", "steel"),
        rates=(te.Rate(10.0), te.Rate(25.0)),
    )
    assert a == b
    assert hash(a) == hash(b)
    assert a.parties == ("CN", "US")
    assert a.id == b.id


def test_id_is_stable_and_content_derived() -> None:
    event = te.Meeting(status="planned", parties=["JP", "US"], date=te.EventDate.parse("2022-Q1"))
    assert re.fullmatch(r"meeting-[0-9a-f]{16}", event.id)
    assert event.id == event.replace(confidence=0.5, source="x.txt").id
    assert event.id != event.replace(status=te.Status.CONCLUDED).id
    assert event.id != te.Negotiation(status="planned", parties=["JP", "US"], date=event.date).id


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"status": "done"}, ValueError, "'done' is not a valid Status"),
        (
            {"status": "planned", "parties": ["XX"]},
            ValueError,
            "parties: unknown jurisdiction code 'XX'",
        ),
        (
            {"status": "planned", "parties": "US"},
            TypeError,
            "a sequence of values is needed, not a single str",
        ),
        (
            {"status": "planned", "instruments": ["Section 232"]},
            ValueError,
            "instruments: 'Section 232' is not a lowercase slug such as 'section-232'",
        ),
        (
            {"status": "planned", "products": ["Steel"]},
            ValueError,
            "products: 'Steel' is not a lowercase noun without surrounding spaces",
        ),
        (
            {"status": "planned", "topics": [" trade"]},
            ValueError,
            "topics: ' trade' is empty or has surrounding spaces",
        ),
        (
            {"status": "planned", "confidence": 1.5},
            ValueError,
            "confidence: must be between 0 and 1, not 1.5",
        ),
        (
            {"status": "planned", "date": "2021"},
            TypeError,
            "'date' must be <class 'tradeevents.dates.EventDate'>",
        ),
    ],
)
def test_validation_messages(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        te.Agreement(**kwargs)  # type: ignore[arg-type]
    assert str(info.value.args[0]).startswith(message)


def test_measure_fields() -> None:
    tariff = te.Tariff(
        status="announced",
        parties=["CA", "CN"],
        rates=[te.Rate(100)],
        quota=te.Quota(3.3e6, "metric ton"),
        effective=te.EventDate.parse("2024-10-01"),
    )
    assert str(tariff.rates[0]) == "100%"
    assert str(te.Rate(73.6, qualifier="up-to")) == "up to 73.6%"
    with pytest.raises(ValueError, match=r"value: must be a finite number >= 0, not -1\.0"):
        te.Rate(-1)
    with pytest.raises(ValueError, match="end \\(1\\) must not be before start \\(2\\)"):
        te.Evidence("x", 2, 1)
    assert not hasattr(te.Agreement(status="planned"), "rates")


def test_base_event_cannot_be_instantiated() -> None:
    with pytest.raises(TypeError, match="Event has no 'type' tag: instantiate an event subclass"):
        te.Event(status="planned")


def test_custom_event_type_registration() -> None:
    @attrs.frozen(kw_only=True)
    class Procurement(te.Event):
        type = "procurement"
        value: float = 0.0

    try:
        assert registry.register_event_type(Procurement) is Procurement
        assert registry.event_class("procurement") is Procurement

        @attrs.frozen(kw_only=True)
        class Other(te.Event):
            type = "tariff"

        with pytest.raises(ValueError, match="event type 'tariff' is already registered"):
            registry.register_event_type(Other)
    finally:
        registry.unregister_event_type("procurement")
    with pytest.raises(ValueError, match="'tariff' is a built-in event type"):
        registry.unregister_event_type("tariff")
    with pytest.raises(TypeError, match=r"is not an attrs subclass of tradeevents\.Event"):
        registry.register_event_type(dict)  # type: ignore[arg-type]


@given(testing.events())
def test_events_pickle_and_compare(event: te.Event) -> None:
    assert pickle.loads(pickle.dumps(event)) == event
    assert hash(event) == hash(attrs.evolve(event))
    assert event.id == attrs.evolve(event).id


@given(st.from_type(te.Tariff))
def test_from_type_is_registered(event: te.Tariff) -> None:
    assert isinstance(event, te.Tariff)
