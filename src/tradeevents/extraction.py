"""Events from trade-policy news text.

>>> from tradeevents.extraction import extract
>>> events = extract("The U.S. and Japan signed a trade agreement on Monday.", published="2019-10-08")
>>> [(e.type, str(e.status), e.parties, str(e.date)) for e in events]
[('agreement', 'concluded', ('JP', 'US'), '2019-10-07')]

:func:`extract` returns the events; :func:`extract_detailed` also says what
was left out (boilerplate, footers) and why. Both run the default
:class:`Extractor`, a pipeline of named stages over a :class:`Document`
state that users can extend or replace::

    def drop_low_confidence(doc):
        doc.candidates = [c for c in doc.candidates if c.confidence >= 0.6]

    extractor = Extractor.default().with_stage("confident", drop_low_confidence, before="events")

The vocabularies (trigger words, status cues, instruments, products, titles,
boilerplate) are data files in ``tradeevents/data/extract``; an extractor can
use another directory with the same files (``Extractor.default(lexicon_dir=...)``).

Extraction never raises on any text, and runs in time linear in its length.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import attrs

from ._extract.lexicon import Lexicon, build_lexicon, default_lexicon, load_lexicon
from ._extract.pipeline import DEFAULT_STAGES, Document, Sentence, Skipped
from ._gc import paused
from .dates import coerce_date
from .model import Event
from .vocabulary import Vocabulary

__all__ = [
    "Document",
    "Extraction",
    "Extractor",
    "Sentence",
    "Skipped",
    "Stage",
    "extract",
    "extract_detailed",
]

#: Above this many characters, automatic garbage collection waits for the run to end.
_PAUSE_GC_ABOVE = 100_000


class Stage(Protocol):
    """A pipeline stage: reads and extends the :class:`Document` in place."""

    def __call__(self, doc: Document, /) -> None: ...


@attrs.frozen
class Extraction:
    """The result of :func:`extract_detailed`: the events, and the spans left out with the reason."""

    events: tuple[Event, ...]
    skipped: tuple[Skipped, ...]


_parse_published = coerce_date


@functools.cache
def _lexicon_for(directory: str | None, vocabulary: Vocabulary | None = None) -> Lexicon:
    if vocabulary is None:
        return default_lexicon() if directory is None else load_lexicon(Path(directory))
    return build_lexicon(directory, vocabulary)


@attrs.frozen
class Extractor:
    """An ordered tuple of named stages, and the vocabulary directory they use.

    Immutable and picklable as configuration: the compiled vocabularies are
    loaded lazily (and cached per directory) on first use.
    """

    stages: tuple[tuple[str, Callable[[Document], None]], ...]
    lexicon_dir: str | None = None
    vocabulary: Vocabulary | None = None

    @classmethod
    def default(
        cls, *, lexicon_dir: str | Path | None = None, vocabulary: Vocabulary | None = None
    ) -> Extractor:
        """The built-in pipeline, optionally with vocabularies from *lexicon_dir*
        and a user's additions (:class:`tradeevents.vocabulary.Vocabulary`)."""
        return cls(DEFAULT_STAGES, None if lexicon_dir is None else str(lexicon_dir), vocabulary)

    def with_vocabulary(self, vocabulary: Vocabulary | None) -> Extractor:
        """A copy that adds *vocabulary* to the built-in vocabularies."""
        return attrs.evolve(self, vocabulary=vocabulary)

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(name for name, _ in self.stages)

    def _position(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no stage named {name!r}; stages are {', '.join(self.names)}") from None

    def with_stage(
        self, name: str, stage: Stage, *, before: str | None = None, after: str | None = None
    ) -> Extractor:
        """A copy with *stage* added under *name*: at the end, or before/after a named stage."""
        if name in self.names:
            raise ValueError(f"a stage named {name!r} exists already; use replacing()")
        if before is not None and after is not None:
            raise ValueError("give before= or after=, not both")
        stages = list(self.stages)
        if before is not None:
            at = self._position(before)
        elif after is not None:
            at = self._position(after) + 1
        else:
            at = len(stages)
        stages.insert(at, (name, stage))
        return attrs.evolve(self, stages=tuple(stages))

    def replacing(self, name: str, stage: Stage) -> Extractor:
        """A copy with the stage *name* replaced by *stage*."""
        at = self._position(name)
        stages = list(self.stages)
        stages[at] = (name, stage)
        return attrs.evolve(self, stages=tuple(stages))

    def without(self, name: str) -> Extractor:
        """A copy without the stage *name*."""
        at = self._position(name)
        return attrs.evolve(self, stages=self.stages[:at] + self.stages[at + 1 :])

    @property
    def lexicon(self) -> Lexicon:
        """The compiled vocabularies (loaded on first use, then cached)."""
        return _lexicon_for(self.lexicon_dir, self.vocabulary)

    def run(self, text: str, *, published: str | dt.date | None = None) -> Document:
        """Run every stage over *text* and return the final document state."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        doc = Document(text, _parse_published(published), self.lexicon)
        # a long document builds many small objects that all live to the end: every
        # collection on the way would traverse them again, so automatic collection
        # waits (only for long texts; a short one is over before it matters)
        with paused() if len(text) > _PAUSE_GC_ABOVE else contextlib.nullcontext():
            for _, stage in self.stages:
                stage(doc)
        return doc

    def extract_detailed(self, text: str, *, published: str | dt.date | None = None) -> Extraction:
        """The events of *text* and the spans left out (see :func:`extract_detailed`)."""
        doc = self.run(text, published=published)
        return Extraction(tuple(doc.events), tuple(doc.skipped))

    def extract(self, text: str, *, published: str | dt.date | None = None) -> list[Event]:
        """The events of *text* (see :func:`extract`)."""
        return list(self.run(text, published=published).events)


@functools.cache
def _default() -> Extractor:
    return Extractor.default()


def extract(text: str, *, published: str | dt.date | None = None) -> list[Event]:
    """The trade events of a news text, in the order the text first tells them.

    *published* (a :class:`datetime.date` or an ISO date string) anchors
    relative dates ("last month", "on Tuesday"); without it, only dates the
    text itself fixes are resolved. Never raises on any text.
    """
    return _default().extract(text, published=published)


def extract_detailed(text: str, *, published: str | dt.date | None = None) -> Extraction:
    """Like :func:`extract`, also returning the spans left out (boilerplate, footers) with reasons."""
    return _default().extract_detailed(text, published=published)
