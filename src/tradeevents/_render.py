"""Events written back as news-style English.

:func:`render` is the inverse of the extractor for the fields EVENTS.md scores:
``extract(render(events), published=...)`` gives back each event's type,
status, parties, date, instruments and products (the test suite proves it with
hypothesis, drawing both the events and the phrasing). It is also handy to make
test fixtures and demos.
"""

from __future__ import annotations

import calendar
import random as _random
from collections.abc import Iterable, Sequence
from typing import TypeVar

from .dates import EventDate, Precision
from .jurisdictions import default_table
from .model import Event, Status

__all__ = ["render"]

#: Month names from the standard library (index 1-12).
_MONTHS = tuple(calendar.month_name)[1:]
_SHORT_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_ORDINALS = ("first", "second", "third", "fourth")

#: How an instrument is named in prose: (phrase after "under", or None to use an adjective).
_INSTRUMENTS = {
    "section-232": "Section 232",
    "section-301": "Section 301",
    "section-201": "Section 201",
    "ieepa": "the International Emergency Economic Powers Act",
    "gsp": "the Generalized System of Preferences",
    "uflpa": "the Uyghur Forced Labor Prevention Act",
    "entity-list": "the Entity List",
    "de-minimis": "the de minimis rules",
}
#: Instruments that read as adjectives of the measure ("antidumping duties").
_ADJECTIVES = {
    "antidumping": "antidumping",
    "countervailing": "countervailing",
    "safeguard": "safeguard",
    "trq": "tariff-rate quota",
}

#: Per type: the noun phrase for the event, and per status the sentence patterns.
#: Placeholders: {all} every party; {a} the first party, {b} the others (or "its partners");
#: {what} the measure noun phrase; {when} the date phrase (with a leading space, or empty).
_Patterns = dict[Status, tuple[str, ...]]
_BILATERAL: dict[str, _Patterns] = {
    "agreement": {
        Status.PLANNED: (
            "{all} are expected to sign a trade agreement{when}.",
            "{all} plan to sign a trade deal{when}.",
        ),
        Status.ANNOUNCED: (
            "{all} announced a new trade partnership{when}.",
            "{all} announced a trade agreement{when}.",
        ),
        Status.CONCLUDED: (
            "{all} signed a trade agreement{when}.",
            "{all} reached a trade deal{when}.",
        ),
        Status.IN_EFFECT: (
            "A trade agreement between {all} entered into force{when}.",
            "The trade agreement between {all} took effect{when}.",
        ),
        Status.ENDED: (
            "A trade agreement between {all} was terminated{when}.",
            "The trade agreement between {all} expired{when}.",
        ),
    },
    "negotiation": {
        Status.PLANNED: (
            "{all} will hold trade talks{when}.",
            "{all} are expected to open trade negotiations{when}.",
        ),
        Status.ANNOUNCED: (
            "{all} launched trade negotiations{when}.",
            "{all} announced the start of trade talks{when}.",
        ),
        Status.CONCLUDED: (
            "{all} held trade talks{when}.",
            "Trade talks between {all} were held{when}.",
        ),
        Status.IN_EFFECT: ("Trade talks between {all} are under way{when}.",),
        Status.ENDED: (
            "Trade talks between {all} were suspended{when}.",
            "{all} ended their trade talks{when}.",
        ),
    },
    "meeting": {
        Status.PLANNED: (
            "Trade ministers of {all} are scheduled to meet{when}.",
            "Officials of {all} will hold a meeting on trade{when}.",
        ),
        Status.ANNOUNCED: ("{all} announced a trade ministers' meeting{when}.",),
        Status.CONCLUDED: (
            "Trade ministers of {all} met{when}.",
            "Officials of {all} held a meeting on trade{when}.",
        ),
        Status.IN_EFFECT: ("A meeting of trade officials of {all} is under way{when}.",),
        Status.ENDED: ("A planned meeting of trade officials of {all} was cancelled{when}.",),
    },
    "dispute": {
        Status.PLANNED: ("{a} is expected to file a WTO complaint against {b}{when}.",),
        Status.ANNOUNCED: (
            "{a} requested WTO dispute consultations with {b}{when}.",
            "{a} filed a WTO complaint against {b}{when}.",
        ),
        Status.CONCLUDED: ("A WTO panel ruled in a dispute brought by {a} against {b}{when}.",),
        Status.IN_EFFECT: (
            "A WTO ruling in a dispute brought by {a} against {b} took effect{when}.",
        ),
        Status.ENDED: (
            "{a} withdrew its WTO dispute against {b}{when}.",
            "The WTO dispute between {all} was suspended{when}.",
        ),
    },
}
_VISIT: _Patterns = {
    Status.PLANNED: (
        "Trade officials of {a} are expected to visit {b}{when}.",
        "A trade delegation of {a} will visit {b}{when}.",
    ),
    Status.ANNOUNCED: ("{a} announced a visit by its trade minister to {b}{when}.",),
    Status.CONCLUDED: (
        "Trade officials of {a} visited {b}{when}.",
        "A trade delegation of {a} visited {b}{when}.",
    ),
    Status.IN_EFFECT: ("A trade delegation of {a} is visiting {b}{when}.",),
    Status.ENDED: ("A trade delegation of {a} ended its visit to {b}{when}.",),
}
#: Measures: {a} acts; {b} is targeted (or absent: a measure on imports from everywhere).
_MEASURE: _Patterns = {
    Status.PLANNED: (
        "{a} is expected to impose {what}{from_b}{when}.",
        "{a} may consider {what}{from_b}{when}.",
    ),
    Status.ANNOUNCED: ("{a} announced {what}{from_b}{when}.",),
    Status.CONCLUDED: ("{a} made a final decision on {what}{from_b}{when}.",),
    Status.IN_EFFECT: (
        "{a} imposed {what}{from_b}{when}.",
        "{What}{from_b} imposed by {a} took effect{when}.",
    ),
    Status.ENDED: ("{a} lifted {what}{from_b}{when}.", "{a} revoked {what}{from_b}{when}."),
}
_MEASURE_NOUNS = {
    "tariff": "tariffs",
    "trade-remedy": "duties",
    "export-control": "export controls",
    "sanction": "sanctions",
    "import-restriction": "an import ban",
}
_DOCUMENT: dict[str, _Patterns] = {
    "investigation": {
        Status.PLANNED: (
            "{a} is expected to open an investigation of trade practices of {b}{when}.",
        ),
        Status.ANNOUNCED: (
            "{a} opened an investigation into trade practices of {b}{when}.",
            "{a} launched a trade investigation of {b}{when}.",
        ),
        Status.CONCLUDED: ("{a} concluded its investigation of trade practices of {b}{when}.",),
        Status.IN_EFFECT: (
            "An investigation by {a} of trade practices of {b} is under way{when}.",
        ),
        Status.ENDED: ("{a} terminated its investigation of trade practices of {b}{when}.",),
    },
    "legislation": {
        Status.PLANNED: ("Lawmakers in {a} proposed a trade bill on {b}{when}.",),
        Status.ANNOUNCED: ("{a} introduced trade legislation on {b}{when}.",),
        Status.CONCLUDED: (
            "{a} passed a trade law on {b}{when}.",
            "The legislature of {a} approved a trade bill on {b}{when}.",
        ),
        Status.IN_EFFECT: ("A trade law of {a} on {b} took effect{when}.",),
        Status.ENDED: ("A trade law of {a} on {b} expired{when}.",),
    },
}


_T = TypeVar("_T")


def _pick(rng: _random.Random | None, options: Sequence[_T]) -> _T:
    return options[0] if rng is None else rng.choice(options)


def _name(code: str) -> str:
    name = default_table().get(code).name
    if code in _THE or name.startswith(("United ", "Republic ", "Democratic ")):
        return f"the {name}"
    return name


_THE = frozenset(
    {"US", "GB", "EU", "NL", "PH", "AE", "CZ", "BS", "GM", "KY", "MV", "MH", "SB", "VA"}
)


def _join(words: Sequence[str]) -> str:
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _date_phrase(date: EventDate | None, rng: _random.Random | None) -> str:
    if date is None:
        return ""
    year = date.year
    p = date.precision
    if p is Precision.DAY:
        month = _pick(rng, (_MONTHS, _SHORT_MONTHS))[date.part - 1]
        return f" on {month} {date.day}, {year}"
    if p is Precision.MONTH:
        return f" in {_MONTHS[date.part - 1]} {year}"
    if p is Precision.QUARTER:
        return f" in the {_ORDINALS[date.part - 1]} quarter of {year}"
    if p is Precision.HALF:
        return f" in the {_ORDINALS[date.part - 1]} half of {year}"
    return f" in {year}"


def _measure_phrase(event: Event) -> tuple[str, str]:
    """The measure's noun phrase ("antidumping duties on steel imports") and its legal basis
    (" under Section 232", or empty)."""
    noun = _MEASURE_NOUNS.get(event.type, "measures")
    adjectives = [_ADJECTIVES[i] for i in event.instruments if i in _ADJECTIVES]
    laws = [_INSTRUMENTS[i] for i in event.instruments if i in _INSTRUMENTS]
    others = [
        i.replace("-", " ")
        for i in event.instruments
        if i not in _ADJECTIVES and i not in _INSTRUMENTS
    ]
    phrase = " ".join([*adjectives, noun]) if adjectives else noun
    if event.products:
        phrase += f" on {_join(event.products)} imports"
    under = f" under {_join(laws + others)}" if laws or others else ""
    return phrase, under


def _sentence(event: Event, rng: _random.Random | None) -> str:
    names = [_name(code) for code in event.parties]
    if not names:
        names = ["Officials"]
    if len(names) > 1 and rng is not None:
        rng.shuffle(names)
    a, rest = names[0], names[1:]
    when = _date_phrase(event.date, rng)
    fields = {
        "all": _join(names),
        "a": a,
        "b": _join(rest) or "its partners",
        "of_b": f" of {_join(rest)}" if rest else "",
        "on_b": f" on trade with {_join(rest)}" if rest else "",
        "when": when,
    }
    if event.type in _BILATERAL:
        pattern = _pick(rng, _BILATERAL[event.type][event.status])
        text = pattern.format(**fields)
        return _with_details(text, event)
    if event.type == "visit":
        return _with_details(_pick(rng, _VISIT[event.status]).format(**fields), event)
    if event.type in _DOCUMENT:
        return _with_details(
            _pick(rng, _DOCUMENT[event.type][event.status]).format(**fields), event
        )
    what, under = _measure_phrase(event)
    pattern = _pick(rng, _MEASURE.get(event.status, _MEASURE[Status.ANNOUNCED]))
    preposition = "against" if event.type in ("export-control", "sanction") else "from"
    from_b = (f" {preposition} {_join(rest)}" if rest else "") + under
    text = pattern.format(
        a=a, what=what, What=what[:1].upper() + what[1:], from_b=from_b, when=when
    )
    return text


def _with_details(text: str, event: Event) -> str:
    """Add the products and instruments of a non-measure event as a second clause."""
    details = []
    if event.products:
        details.append(f"covering {_join(event.products)}")
    laws = [
        _INSTRUMENTS.get(i) or _ADJECTIVES.get(i) or i.replace("-", " ") for i in event.instruments
    ]
    if laws:
        details.append(f"concerning {_join(laws)}")
    if not details:
        return text
    return f"{text[:-1]}, {' and '.join(details)}."


def render(events: Iterable[Event], /, *, random: _random.Random | None = None) -> str:
    """Write *events* as news-style English, one paragraph per event.

    *random* chooses among phrasings (a :class:`random.Random`; hypothesis'
    ``st.randoms()`` draws one); without it the first phrasing of each pattern
    is used, so the output is deterministic. Dates are written in full
    ("on November 17, 2021", "in the first half of 2024"), so the text
    does not depend on a publication date.
    """
    return "\n\n".join(_capitalized(_sentence(event, random)) for event in events) + "\n"


def _capitalized(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
