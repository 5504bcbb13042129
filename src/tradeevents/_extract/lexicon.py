"""The extractor's vocabularies: JSON data files, validated on load, compiled once.

Every file in ``tradeevents/data/extract`` has ``"version": 1`` and the keys
its loader names. A bad entry raises :class:`~tradeevents.errors.VocabularyError`
naming the file and the entry (``triggers.json: $.types.tariff.nouns[3]: ...``).
:func:`default_lexicon` loads the package's files once and caches the result;
:func:`load_lexicon` loads another directory (for users' own vocabularies).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from ..errors import VocabularyError
from ..model import EventType, Status, builtin_event_types
from .tokens import tokenize_phrase

if TYPE_CHECKING:
    from ..jurisdictions import JurisdictionTable
    from ..vocabulary import Vocabulary

__all__ = [
    "FILES",
    "Entry",
    "Grammar",
    "Lexicon",
    "PhraseIndex",
    "build_lexicon",
    "default_lexicon",
    "load_lexicon",
]

#: The data files a lexicon is made of.
FILES = (
    "triggers.json",
    "status.json",
    "instruments.json",
    "products.json",
    "officials.json",
    "boilerplate.json",
    "dates.json",
    "splitter.json",
    "context.json",
    "grammar.json",
)

_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_STATUSES = frozenset(s.value for s in Status)


class Entry(NamedTuple):
    """One phrase of the index: its tokens, its category, and the value it stands for."""

    tokens: tuple[str, ...]
    category: str
    value: Any


class PhraseIndex:
    """Phrases keyed by their first token, longest first: one dict look-up per text token.

    :attr:`split_lookup` keys the phrases of several tokens by their second token
    too, so that a scan tries only the phrases that can match at a position.
    """

    __slots__ = ("_by_first", "_split")

    def __init__(self) -> None:
        self._by_first: dict[str, list[Entry]] = {}
        self._split: dict[str, tuple[dict[str, list[Entry]], list[Entry]]] | None = None

    def add(self, entry: Entry) -> None:
        bucket = self._by_first.setdefault(entry.tokens[0], [])
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.tokens))
        self._split = None

    def get(self, token: str) -> list[Entry] | None:
        return self._by_first.get(token)

    @property
    def lookup(self) -> Callable[[str], list[Entry] | None]:
        """The look-up itself (a bound ``dict.get``), for hot loops."""
        return self._by_first.get

    @property
    def split_lookup(
        self,
    ) -> Callable[[str], tuple[dict[str, list[Entry]], list[Entry]] | None]:
        """A bound ``dict.get`` from a first token to ``(longer phrases by their second
        token, one-token phrases)``, each list longest first as in :meth:`get`."""
        if self._split is None:
            split: dict[str, tuple[dict[str, list[Entry]], list[Entry]]] = {}
            for first, bucket in self._by_first.items():
                longer: dict[str, list[Entry]] = {}
                for e in bucket:
                    if len(e.tokens) > 1:
                        longer.setdefault(e.tokens[1], []).append(e)
                split[first] = (longer, [e for e in bucket if len(e.tokens) == 1])
            self._split = split
        return self._split.get

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())


def _plural(word: str) -> str:
    """The regular English plural of a lowercase noun ("soybean" -> "soybeans")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es" if not word.endswith("s") else word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


#: The value of a "jur" phrase that names no jurisdiction though it holds one's word
#: ("South American", "the South China Sea"): it keeps its words from the
#: jurisdictions, and the scan does not report it.
NOT_PLACE = ((), "none", False)

#: The word sets of grammar.json, each a set of lowercase tokens.
GRAMMAR_SETS = (
    "reductions",
    "reporting_verbs",
    "irregular_past",
    "deadline_words",
    "subordinators",
    "relative_words",
    "rule_vehicles",
    "frame_words",
    "target_words",
    "place_prepositions",
    "remedy_instruments",
    "remedy_types",
    "imposed_when_concluded",
    "name_stops",
    "one_sided_types",
    "case_words",
    "remedy_kinds",
    "separate_words",
    "modal_verbs",
    "verb_nouns",
    "enacting_verbs",
    "effect_words",
    "topic_words",
    "dated_defaults",
    "future_announced",
    "clause_joins",
    "nomenclature_words",
    "period_nouns",
    "venue_types",
    "speech_verbs",
    "topic_nouns",
    "schedule_words",
    "finding_nouns",
    "start_verbs",
    "fresh_words",
    "measure_nouns",
    "listing_verbs",
    "continuing_verbs",
    "modal_fillers",
    "completion_verbs",
    "dispute_words",
    "case_contexts",
    "superlatives",
    "legislatures",
    "approval_verbs",
    "restriction_verbs",
    "trade_flows",
    "measure_cues",
    "leader_titles",
    "agree_verbs",
    "bare_restrictions",
    "denial_verbs",
    "onset_words",
    "owed_words",
    "expiry_words",
    "auxiliaries",
    "renewal_verbs",
    "delisting_verbs",
    "permission_verbs",
    "generic_words",
    "party_words",
    "goal_words",
    "aim_words",
    "effect_objects",
    "norm_owners",
    "sequence_words",
    "coming_verbs",
    "discussing_verbs",
    "linking_verbs",
    "back_words",
)


@attrs.frozen
class Grammar:
    """Closed-class words and per-type rules read by the extraction rules (grammar.json)."""

    reductions: frozenset[str]
    reporting_verbs: frozenset[str]
    irregular_past: frozenset[str]
    deadline_words: frozenset[str]
    subordinators: frozenset[str]
    relative_words: frozenset[str]
    rule_vehicles: frozenset[str]
    frame_words: frozenset[str]
    target_words: frozenset[str]
    place_prepositions: frozenset[str]
    remedy_instruments: frozenset[str]
    remedy_types: frozenset[str]
    imposed_when_concluded: frozenset[str]
    name_stops: frozenset[str]
    one_sided_types: frozenset[str]
    case_words: frozenset[str]
    remedy_kinds: frozenset[str]
    separate_words: frozenset[str]
    modal_verbs: frozenset[str]
    verb_nouns: frozenset[str]
    enacting_verbs: frozenset[str]
    effect_words: frozenset[str]
    topic_words: frozenset[str]
    dated_defaults: frozenset[str]
    future_announced: frozenset[str]
    clause_joins: frozenset[str]
    nomenclature_words: frozenset[str]
    period_nouns: frozenset[str]
    venue_types: frozenset[str]
    speech_verbs: frozenset[str]
    topic_nouns: frozenset[str]
    schedule_words: frozenset[str]
    finding_nouns: frozenset[str]
    start_verbs: frozenset[str]
    fresh_words: frozenset[str]
    measure_nouns: frozenset[str]
    listing_verbs: frozenset[str]
    continuing_verbs: frozenset[str]
    modal_fillers: frozenset[str]
    completion_verbs: frozenset[str]
    dispute_words: frozenset[str]
    case_contexts: frozenset[str]
    superlatives: frozenset[str]
    legislatures: frozenset[str]
    approval_verbs: frozenset[str]
    restriction_verbs: frozenset[str]
    trade_flows: frozenset[str]
    measure_cues: frozenset[str]
    leader_titles: frozenset[str]
    agree_verbs: frozenset[str]
    bare_restrictions: frozenset[str]
    denial_verbs: frozenset[str]
    onset_words: frozenset[str]
    owed_words: frozenset[str]
    expiry_words: frozenset[str]
    auxiliaries: frozenset[str]
    renewal_verbs: frozenset[str]
    delisting_verbs: frozenset[str]
    permission_verbs: frozenset[str]
    generic_words: frozenset[str]
    party_words: frozenset[str]
    goal_words: frozenset[str]
    aim_words: frozenset[str]
    effect_objects: frozenset[str]
    norm_owners: frozenset[str]
    sequence_words: frozenset[str]
    coming_verbs: frozenset[str]
    discussing_verbs: frozenset[str]
    linking_verbs: frozenset[str]
    back_words: frozenset[str]
    #: The words whose positions the rules look up in a sentence: clause breaks,
    #: subordinators and "under" (derived, not read).
    structure_words: frozenset[str] = attrs.field(init=False)
    #: The cue words that can tell an act with no trigger noun beside them ("agreed on
    #: Friday to", "parliament ratified it", "suspended beef imports") (derived, not read).
    trigger_cues: frozenset[str] = attrs.field(init=False)
    #: The last words of the programme laws' names ("agoa", "act") (derived, not read).
    programme_ends: frozenset[str] = attrs.field(init=False)
    #: Month and weekday names (from dates.json).
    calendar_words: frozenset[str]

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "structure_words", frozenset({";", ":", ",", "under"}) | self.subordinators
        )
        object.__setattr__(
            self,
            "trigger_cues",
            self.agree_verbs | self.approval_verbs | self.restriction_verbs,
        )
        object.__setattr__(
            self, "programme_ends", frozenset(name.split()[-1] for name in self.programme_laws)
        )

    same_date: frozenset[tuple[str, ...]]
    default_status: Mapping[str, str]
    type_cues: Mapping[str, Mapping[str, str]]
    #: The statuses each event type never has (a meeting is never "ended").
    absent_statuses: Mapping[str, frozenset[str]]
    #: Preference programmes that are a law of one jurisdiction, by their tariff trigger
    #: ("agoa": "US"): renewed or lapsing, such a programme is that law's step.
    programme_laws: Mapping[str, str]


class Lexicon:
    """The compiled vocabularies of one data directory."""

    def __init__(
        self, raw: Mapping[str, Any], source: str, table: JurisdictionTable | None = None
    ) -> None:
        self.source = source
        self.index = PhraseIndex()
        self.trigger_types: dict[tuple[str, ...], str] = {}
        self._seen: dict[tuple[str, tuple[str, ...]], str] = {}
        self._load_triggers(raw["triggers.json"])
        self._load_status(raw["status.json"])
        self._load_instruments(raw["instruments.json"])
        self._load_products(raw["products.json"])
        self._load_officials(raw["officials.json"])
        self._load_boilerplate(raw["boilerplate.json"])
        self._load_dates(raw["dates.json"])
        #: Tokens that can start a temporal expression (besides numbers).
        self.time_starters = frozenset(
            {*self.months, *self.weekdays, "today", "yesterday", "tomorrow", "last", "next"}
            | {"this", "past", "coming", "ago", "weekend", "quarter", "half", "days", "weeks"}
            | {"months", "day", "immediately", "immediate"}
        )
        self._load_splitter(raw["splitter.json"])
        self._load_context(raw["context.json"])
        self.grammar = self._load_grammar(raw["grammar.json"])
        self._load_jurisdictions(table)

    # -- helpers ---------------------------------------------------------------

    def _phrase(self, value: Any, file: str, where: str) -> tuple[str, ...]:
        if not isinstance(value, str):
            raise VocabularyError(
                f"expected a phrase (string), got {type(value).__name__}", file, where
            )
        tokens = tokenize_phrase(value)
        if not tokens:
            raise VocabularyError("empty phrase", file, where)
        return tokens

    def _add(
        self, tokens: tuple[str, ...], category: str, value: Any, file: str, where: str
    ) -> None:
        key = (category, tokens)
        if key in self._seen and category != "jur":
            raise VocabularyError(
                f"duplicate phrase {' '.join(tokens)!r} (first at {self._seen[key]})", file, where
            )
        self._seen[key] = where
        self.index.add(Entry(tokens, category, value))

    @staticmethod
    def _section(doc: Any, key: str, kind: type, file: str) -> Any:
        if not isinstance(doc, dict):
            raise VocabularyError("expected a JSON object at the top", file, "$")
        if doc.get("version") != 1:
            raise VocabularyError(
                f"unsupported version {doc.get('version')!r}; expected 1", file, "$.version"
            )
        if key not in doc:
            raise VocabularyError(f"missing key {key!r}", file, "$")
        value = doc[key]
        if not isinstance(value, kind):
            raise VocabularyError(
                f"expected {kind.__name__}, got {type(value).__name__}", file, f"$.{key}"
            )
        return value

    def _per_type(
        self, doc: Any, key: str, file: str, types: set[str]
    ) -> Iterator[tuple[str, Any, str]]:
        """The entries of the per-type map *key*: ``(tag, value, where)``, each tag an
        event type (else :class:`VocabularyError` at ``$.key.tag``)."""
        for tag, value in self._section(doc, key, dict, file).items():
            where = f"$.{key}.{tag}"
            if tag not in types:
                raise VocabularyError(f"unknown event type {tag!r}", file, where)
            yield tag, value, where

    def _phrases(self, value: Any, file: str, where: str) -> Iterator[tuple[str, tuple[str, ...]]]:
        if not isinstance(value, list):
            raise VocabularyError(
                f"expected a list of phrases, got {type(value).__name__}", file, where
            )
        for i, item in enumerate(value):
            yield f"{where}[{i}]", self._phrase(item, file, f"{where}[{i}]")

    # -- files -----------------------------------------------------------------

    def _load_triggers(self, doc: Any) -> None:
        file = "triggers.json"
        types = self._section(doc, "types", dict, file)
        known = builtin_event_types()
        for name, spec in types.items():
            where = f"$.types.{name}"
            if name not in known:
                raise VocabularyError(f"unknown event type {name!r}", file, where)
            if not isinstance(spec, dict):
                raise VocabularyError("expected an object with 'nouns' and 'verbs'", file, where)
            for w, tokens in self._phrases(spec.get("nouns", []), file, f"{where}.nouns"):
                self._add(tokens, "trig", (name, None), file, w)
            verbs = spec.get("verbs", {})
            if not isinstance(verbs, dict):
                raise VocabularyError(
                    "expected an object of phrase: status", file, f"{where}.verbs"
                )
            for phrase, status in verbs.items():
                w = f"{where}.verbs.{phrase}"
                tokens = self._phrase(phrase, file, w)
                if status not in _STATUSES:
                    raise VocabularyError(f"unknown status {status!r}", file, w)
                self._add(tokens, "trig", (name, status), file, w)

    def _load_status(self, doc: Any) -> None:
        file = "status.json"
        cues = self._section(doc, "cues", dict, file)
        for status, phrases in cues.items():
            where = f"$.cues.{status}"
            if status not in _STATUSES:
                raise VocabularyError(f"unknown status {status!r}", file, where)
            for w, tokens in self._phrases(phrases, file, where):
                self._add(tokens, "cue", status, file, w)
        for key, category in (
            ("future", "future"),
            ("hedges", "hedge"),
            ("negations", "neg"),
            ("conditions", "cond"),
        ):
            for w, tokens in self._phrases(self._section(doc, key, list, file), file, f"$.{key}"):
                self._add(tokens, category, key, file, w)

    def _load_instruments(self, doc: Any) -> None:
        file = "instruments.json"
        slugs = self._section(doc, "instruments", dict, file)
        for slug, forms in slugs.items():
            where = f"$.instruments.{slug}"
            if not slug or not set(slug) <= _SLUG_CHARS:
                raise VocabularyError(f"{slug!r} is not a lowercase slug", file, where)
            for w, tokens in self._phrases(forms, file, where):
                self._add(tokens, "inst", slug, file, w)
        #: The jurisdiction whose law each instrument is (checked against the table later).
        self.instrument_owners: dict[str, str] = {}
        owners = doc.get("owners", {}) if isinstance(doc, dict) else {}
        if not isinstance(owners, dict):
            raise VocabularyError("expected an object of slug: code", file, "$.owners")
        for slug, code in owners.items():
            if slug not in slugs:
                raise VocabularyError(
                    f"{slug!r} is not an instrument of this file", file, "$.owners"
                )
            if not isinstance(code, str):
                raise VocabularyError(
                    f"expected a jurisdiction code for {slug!r}", file, "$.owners"
                )
            self.instrument_owners[slug] = code

    def _load_products(self, doc: Any) -> None:
        file = "products.json"
        for name, forms in self._section(doc, "products", dict, file).items():
            where = f"$.products.{name}"
            if name != name.lower() or name != name.strip() or not name:
                raise VocabularyError(f"{name!r} is not a lowercase product name", file, where)
            phrases = list(self._phrases(forms, file, where))
            for w, tokens in phrases:
                self._add(tokens, "prod", name, file, w)
            # the name itself and the plural of each form are surface forms too
            # ("soybean", "soybeans"), unless the file lists them already
            for _, tokens in phrases + list(self._phrases([name], file, where)):
                for variant in (tokens, (*tokens[:-1], _plural(tokens[-1]))):
                    if ("prod", variant) not in self._seen:
                        self._add(variant, "prod", name, file, f"{where} (derived)")

    def _load_officials(self, doc: Any) -> None:
        file = "officials.json"
        from ..jurisdictions import default_table

        table = default_table()
        for i, item in enumerate(self._section(doc, "titles", list, file)):
            where = f"$.titles[{i}]"
            if not isinstance(item, dict) or "title" not in item:
                raise VocabularyError(
                    "expected an object with 'title' and 'jurisdiction'", file, where
                )
            code = item.get("jurisdiction")
            if code is not None and not table.is_code(code):
                raise VocabularyError(
                    f"unknown jurisdiction code {code!r}", file, f"{where}.jurisdiction"
                )
            tokens = self._phrase(item["title"], file, f"{where}.title")
            self._add(tokens, "title", (item["title"], code), file, where)
        # well-known office holders stand for their jurisdiction ("Biden signed ...")
        for i, item in enumerate(doc.get("people", [])):
            where = f"$.people[{i}]"
            if not isinstance(item, dict) or set(item) - {"names", "jurisdiction", "note"}:
                raise VocabularyError(
                    "expected an object with 'names' and 'jurisdiction'", file, where
                )
            code = item.get("jurisdiction")
            if not isinstance(code, str) or not table.is_code(code):
                raise VocabularyError(
                    f"unknown jurisdiction code {code!r}", file, f"{where}.jurisdiction"
                )
            names = item.get("names")
            if not isinstance(names, list) or not names:
                raise VocabularyError("expected a non-empty list of names", file, f"{where}.names")
            for k, name in enumerate(names):
                tokens = self._phrase(name, file, f"{where}.names[{k}]")
                self.index.add(Entry(tokens, "jur", ((code,), "person", False)))

    def _load_grammar(self, doc: Any) -> Grammar:
        file = "grammar.json"
        self._section(doc, "default_status", dict, file)
        known = {
            *GRAMMAR_SETS,
            "same_date",
            "default_status",
            "type_cues",
            "absent_statuses",
            "programme_laws",
            "version",
            "note",
        }
        for key in doc:
            if key not in known:
                raise VocabularyError(f"unknown key {key!r}", file, "$")
        sets: dict[str, frozenset[str]] = {}
        for name in GRAMMAR_SETS:
            words = self._section(doc, name, list, file)
            out = set()
            for i, word in enumerate(words):
                where = f"$.{name}[{i}]"
                if not isinstance(word, str) or not word or word != word.strip().lower():
                    raise VocabularyError(f"expected a lowercase word, got {word!r}", file, where)
                out.add(word)
            sets[name] = frozenset(out)
        same_date = frozenset(
            self._phrase(p, file, f"$.same_date[{i}]")
            for i, p in enumerate(self._section(doc, "same_date", list, file))
        )
        types = {t.value for t in EventType}
        default_status: dict[str, str] = {}
        for tag, status, where in self._per_type(doc, "default_status", file, types):
            if status not in _STATUSES:
                raise VocabularyError(f"unknown status {status!r}", file, where)
            default_status[tag] = status
        missing = types - set(default_status)
        if missing:
            raise VocabularyError(
                f"no default status for {', '.join(sorted(missing))}", file, "$.default_status"
            )
        type_cues: dict[str, dict[str, str]] = {}
        for tag, cues, where in self._per_type(doc, "type_cues", file, types):
            if not isinstance(cues, dict):
                raise VocabularyError("expected an object of word: status", file, where)
            for word, status in cues.items():
                if status not in _STATUSES:
                    raise VocabularyError(f"unknown status {status!r}", file, f"{where}.{word}")
            type_cues[tag] = dict(cues)
        absent: dict[str, frozenset[str]] = {}
        for tag, statuses, where in self._per_type(doc, "absent_statuses", file, types):
            if not isinstance(statuses, list):
                raise VocabularyError("expected a list of statuses", file, where)
            for i, status in enumerate(statuses):
                if status not in _STATUSES:
                    raise VocabularyError(f"unknown status {status!r}", file, f"{where}[{i}]")
            absent[tag] = frozenset(statuses)
        laws: dict[str, str] = {}
        for name, code in self._section(doc, "programme_laws", dict, file).items():
            where = f"$.programme_laws.{name}"
            tokens = self._phrase(name, file, where)
            if not isinstance(code, str):
                raise VocabularyError("expected a jurisdiction code", file, where)
            laws[" ".join(tokens)] = code
        return Grammar(
            **sets,
            same_date=same_date,
            default_status=default_status,
            type_cues=type_cues,
            absent_statuses=absent,
            programme_laws=laws,
            calendar_words=frozenset({*self.months, *self.weekdays}),
        )

    def _load_boilerplate(self, doc: Any) -> None:
        file = "boilerplate.json"
        self.boiler_line = PhraseIndex()
        self.boiler_short = PhraseIndex()
        for w, tokens in self._phrases(self._section(doc, "line", list, file), file, "$.line"):
            self.boiler_line.add(Entry(tokens, "boiler", w))
        for w, tokens in self._phrases(
            self._section(doc, "short_line", list, file), file, "$.short_line"
        ):
            self.boiler_short.add(Entry(tokens, "boiler", w))
        headers = doc.get("link_headers", [])
        self.link_headers: frozenset[str] = frozenset(
            " ".join(tokens) for _, tokens in self._phrases(headers, file, "$.link_headers")
        )
        limit = doc.get("short_line_words", 12)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise VocabularyError("expected a positive integer", file, "$.short_line_words")
        self.short_line_words: int = limit

    def _int_map(self, doc: Any, key: str, file: str, low: int, high: int) -> dict[str, int]:
        out: dict[str, int] = {}
        for name, value in self._section(doc, key, dict, file).items():
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise VocabularyError(
                    f"expected an integer from {low} to {high}, got {value!r}",
                    file,
                    f"$.{key}.{name}",
                )
            out[name.lower()] = value
        return out

    def _load_dates(self, doc: Any) -> None:
        file = "dates.json"
        self.months = self._int_map(doc, "months", file, 1, 12)
        self.weekdays = self._int_map(doc, "weekdays", file, 0, 6)
        self.ordinals = self._int_map(doc, "ordinals", file, 1, 4)
        self.numbers = self._int_map(doc, "numbers", file, 1, 100)
        parts = self._section(doc, "year_parts", dict, file)
        self.year_parts: dict[str, str] = {}
        for name, value in parts.items():
            if value not in ("Q1", "Q2", "Q3", "Q4", "H1", "H2"):
                raise VocabularyError(
                    f"expected Q1-Q4 or H1-H2, got {value!r}", file, f"$.year_parts.{name}"
                )
            self.year_parts[name] = value

    def _load_splitter(self, doc: Any) -> None:
        file = "splitter.json"
        abbreviations = self._section(doc, "abbreviations", list, file)
        for i, item in enumerate(abbreviations):
            if not isinstance(item, str) or not item or item != item.lower():
                raise VocabularyError(
                    "expected a lowercase abbreviation", file, f"$.abbreviations[{i}]"
                )
        self.abbreviations = frozenset(abbreviations)

    def _load_context(self, doc: Any) -> None:
        file = "context.json"
        for w, tokens in self._phrases(
            self._section(doc, "references", list, file), file, "$.references"
        ):
            self._add(tokens, "ref", None, file, w)
        # names that hold a jurisdiction's word but name none: a "jur" phrase that keeps
        # its words from the jurisdictions, and that the scan does not report
        if not isinstance(doc, dict):
            return
        for _, tokens in self._phrases(doc.get("not_places", []), file, "$.not_places"):
            self.index.add(Entry(tokens, "jur", NOT_PLACE))

    def _load_jurisdictions(self, table: JurisdictionTable | None) -> None:
        from ..jurisdictions import default_table

        if table is None:
            table = default_table()
        for slug, code in self.instrument_owners.items():
            if code not in table.codes:
                raise VocabularyError(
                    f"unknown jurisdiction code {code!r} for {slug!r}",
                    "instruments.json",
                    f"$.owners.{slug}",
                )
        for name, code in self.grammar.programme_laws.items():
            if code not in table.codes:
                raise VocabularyError(
                    f"unknown jurisdiction code {code!r} for {name!r}",
                    "grammar.json",
                    f"$.programme_laws.{name}",
                )
        for form, code, kind in table.surface_forms():
            tokens = tokenize_phrase(form)
            if not tokens:
                continue
            # All-capital short forms ("US", "EU") must be written so: "us" is a pronoun.
            strict = (
                form.replace(".", "").isupper()
                and len(form.replace(".", "")) <= 4
                and "." not in form
            )
            self.index.add(Entry(tokens, "jur", ((code,), kind, strict)))
            if tokens[0] == "the" and len(tokens) > 1:
                self.index.add(Entry(tokens[1:], "jur", ((code,), kind, strict)))
        # ambiguous agency forms ("Commerce", "BIS", "the Commission") are kept apart:
        # they count for their jurisdiction only in a text about it
        for form, code, kind in table.surface_forms(include_ambiguous=True):
            agency = table.agency(form) if kind == "agency" else None
            if agency is None or not agency.ambiguous:
                continue
            tokens = tokenize_phrase(form)
            if tokens:
                strict = form.isupper() and len(form) <= 4
                self.index.add(Entry(tokens, "ambig", ((code,), kind, strict)))
        for form, members in table.group_forms():
            tokens = tokenize_phrase(form)
            if tokens:
                strict = form.isupper() and len(form) <= 4
                self.index.add(Entry(tokens, "jur", (tuple(members), "group", strict)))


def _read_dir(directory: Any, label: str) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for name in FILES:
        path = directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise VocabularyError("file not found", name, label) from None
        try:
            raw[name] = json.loads(text)
        except json.JSONDecodeError as exc:
            raise VocabularyError(
                f"invalid JSON: {exc.msg}", name, f"line {exc.lineno}, column {exc.colno}"
            ) from None
    return raw


def load_lexicon(directory: str | Path) -> Lexicon:
    """Load and validate the vocabularies of *directory* (the files of :data:`FILES`)."""
    path = Path(directory)
    return Lexicon(_read_dir(path, str(path)), str(path))


def build_lexicon(directory: str | None, vocabulary: Vocabulary | None) -> Lexicon:
    """The vocabularies of *directory* (the package's when ``None``) with a user's
    :class:`~tradeevents.vocabulary.Vocabulary` added, validated."""
    if directory is None:
        base: Any = resources.files("tradeevents") / "data" / "extract"
        label = "tradeevents/data/extract"
    else:
        base, label = Path(directory), directory
    raw = _read_dir(base, label)
    if vocabulary is None:
        return Lexicon(raw, label)
    from ..jurisdictions import default_table

    try:
        return Lexicon(vocabulary.apply(raw), label, vocabulary.table(default_table()))
    except VocabularyError as exc:
        if exc.source in FILES:
            raise VocabularyError(
                exc.msg, vocabulary.source, f"{exc.source}: {exc.where}"
            ) from None
        raise


@functools.cache
def default_lexicon() -> Lexicon:
    """The package's own vocabularies, loaded on first use and cached."""
    base = resources.files("tradeevents") / "data" / "extract"
    return Lexicon(_read_dir(base, "tradeevents/data/extract"), "tradeevents/data/extract")
