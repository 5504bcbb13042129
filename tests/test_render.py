"""render() writes events as prose; the extractor reads them back (a round trip over prose)."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

import tradeevents as te
from tradeevents import registry, testing
from tradeevents._render import render

#: Jurisdictions news writes about most; each has a plain English name.
CODES = ("US", "CN", "JP", "EU", "GB", "CA", "MX", "IN", "KR", "AU", "BR", "VN", "DE", "FR", "TR")
PRODUCTS = ("steel", "aluminum", "semiconductor", "solar panel", "automobile", "soybean", "wine")
MEASURE_INSTRUMENTS = {
    "tariff": ("section-232", "section-301", "ieepa"),
    "trade-remedy": ("antidumping", "countervailing", "safeguard"),
    "export-control": ("entity-list",),
    "sanction": ("ieepa",),
    "import-restriction": ("uflpa",),
}
#: Instruments that are United States law.
US_LAWS = {"section-232", "section-301", "ieepa", "uflpa"}
BILATERAL = ("agreement", "negotiation", "meeting", "visit", "dispute")
#: The statuses news gives each type. A concluded measure reads as one in effect
#: ("imposed"), so the extractor reports it so; talks, meetings, visits and probes
#: are not "in effect".
STATUSES = {
    **dict.fromkeys(MEASURE_INSTRUMENTS, ("planned", "announced", "in-effect", "ended")),
    "agreement": ("planned", "announced", "concluded", "in-effect", "ended"),
    "legislation": ("planned", "announced", "concluded", "in-effect", "ended"),
    "dispute": ("planned", "announced", "concluded", "ended"),
    "negotiation": ("planned", "announced", "concluded", "ended"),
    "meeting": ("planned", "concluded"),
    "visit": ("planned", "concluded"),
    "investigation": ("planned", "announced", "concluded", "ended"),
}
#: After every drawn date, so that what the text tells as done is done by then.
PUBLISHED = dt.date(2036, 1, 1)


def scored(event: te.Event) -> tuple[object, ...]:
    return (event.type, event.status, event.parties, event.date, event.instruments, event.products)


@st.composite
def renderable_events(draw: st.DrawFn) -> te.Event:
    """Events whose every scored field a news sentence can say plainly."""
    tag = draw(st.sampled_from([t.value for t in te.EventType]))
    cls = registry.event_class(tag)
    low = 2 if tag in BILATERAL else 1
    high = 2 if tag in ("dispute", "visit") else 3
    parties = draw(st.lists(st.sampled_from(CODES), min_size=low, max_size=high, unique=True))
    date = draw(st.none() | testing.event_dates().filter(lambda d: 1990 <= d.year <= 2035))
    kwargs: dict[str, object] = {
        "status": draw(st.sampled_from(STATUSES[tag])),
        "parties": parties,
        "date": date,
    }
    if tag in MEASURE_INSTRUMENTS:
        # a trade remedy is always of a kind: antidumping, countervailing or safeguard
        kwargs["instruments"] = draw(
            st.lists(
                st.sampled_from(MEASURE_INSTRUMENTS[tag]),
                min_size=int(tag == "trade-remedy"),
                max_size=1,
                unique=True,
            )
        )
        kwargs["products"] = draw(st.lists(st.sampled_from(PRODUCTS), max_size=2, unique=True))
        if set(kwargs["instruments"]) & US_LAWS and "US" not in parties:  # type: ignore[arg-type]
            # an act under Section 232 or IEEPA is the United States' (instruments.json
            # names each instrument's owner, and the extractor adds it)
            kwargs["parties"] = [*parties, "US"]
    return cls(**kwargs)


def test_render_is_deterministic_without_random() -> None:
    event = te.Agreement(
        status="announced",
        parties=["US", "JP"],
        date=te.EventDate.parse("2021-11-17"),
        products=["steel", "aluminum"],
    )
    assert render([event]) == (
        "Japan and the United States announced a new trade partnership on November 17, 2021, "
        "covering aluminum and steel.\n"
    )


@given(renderable_events(), st.randoms(use_true_random=False))
def test_extract_reads_back_rendered_events(event: te.Event, rng: random.Random) -> None:
    text = render([event], random=rng)
    found = te.extract(text, published=PUBLISHED)
    assert scored(event) in [scored(e) for e in found], text
