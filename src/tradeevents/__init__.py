"""tradeevents: trade-policy news as typed, immutable events.

The public surface: the event classes and value types, :func:`extract` (news
text to events), the canonical text format's :func:`loads`/:func:`dumps`/
:func:`load`/:func:`dump`, :func:`render` (events to news-style prose) and the
errors. Serializers live in :mod:`tradeevents.formats`, strategies for tests in
:mod:`tradeevents.testing`.
"""

from ._render import render
from ._version import __version__
from .dates import EventDate, Precision
from .errors import (
    LoadError,
    PluginError,
    TextFormatError,
    TradeEventsError,
    UnknownJurisdictionError,
    UnknownParserError,
    VocabularyError,
)
from .model import (
    Agreement,
    Dispute,
    Event,
    EventType,
    Evidence,
    ExportControl,
    ImportRestriction,
    Investigation,
    Legislation,
    MeasureEvent,
    Meeting,
    Negotiation,
    Official,
    Quota,
    Rate,
    RateQualifier,
    Sanction,
    Status,
    Tariff,
    TradeRemedy,
    Visit,
)
from .parsers import extract
from .text import dump, dumps, load, loads

__all__ = [
    "Agreement",
    "Dispute",
    "Event",
    "EventDate",
    "EventType",
    "Evidence",
    "ExportControl",
    "ImportRestriction",
    "Investigation",
    "Legislation",
    "LoadError",
    "MeasureEvent",
    "Meeting",
    "Negotiation",
    "Official",
    "PluginError",
    "Precision",
    "Quota",
    "Rate",
    "RateQualifier",
    "Sanction",
    "Status",
    "Tariff",
    "TextFormatError",
    "TradeEventsError",
    "TradeRemedy",
    "UnknownJurisdictionError",
    "UnknownParserError",
    "Visit",
    "VocabularyError",
    "__version__",
    "dump",
    "dumps",
    "extract",
    "load",
    "loads",
    "render",
]
