"""Custom vocabularies: your own trigger phrases, agencies, titles, product
synonyms and jurisdiction aliases, without editing the package.

A :class:`Vocabulary` is a set of additions to the built-in vocabularies. Make
one in code or load it from a JSON file of your own, then get an extractor
that uses it::

    from tradeevents.vocabulary import Vocabulary

    vocab = Vocabulary.from_file("my_vocab.json")
    extractor = vocab.extractor()
    events = extractor.extract(text, published="2024-05-01")

or register it as a parser, so that ``tradeevents.extract(text, parser="mynews")``
and ``tradeevents extract --parser mynews`` use it::

    from tradeevents.parsers import NewsParser, register_parser

    register_parser("mynews", NewsParser(vocab.extractor()))

The file has the shape of the keyword arguments (every key optional)::

    {
      "version": 1,
      "triggers": {"tariff": ["customs surcharge"]},
      "agencies": {"Federal Customs Service": "RU"},
      "titles": {"Minister of Industry and Trade": null},
      "products": {"solar panel": ["pv modules"]},
      "aliases": {"Blighty": "GB"}
    }

Everything is validated when the extractor's vocabularies are built: an unknown
event type, status or jurisdiction code raises
:class:`~tradeevents.VocabularyError` naming the entry. A vocabulary is
immutable and hashable, so extractors stay picklable as their configuration.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .errors import VocabularyError

if TYPE_CHECKING:
    from .extraction import Extractor
    from .jurisdictions import JurisdictionTable

__all__ = ["Vocabulary"]

_KEYS = frozenset({"version", "note", "triggers", "agencies", "titles", "products", "aliases"})


def _pairs(mapping: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    if mapping is None:
        return ()
    return tuple(
        sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in mapping.items())
    )


@attrs.frozen
class Vocabulary:
    """Additions to the built-in vocabularies (see the module's docs).

    Fields are sorted tuples of pairs so that a vocabulary hashes: build one with
    :meth:`of` (keyword mappings) or :meth:`from_file`.
    """

    triggers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    agencies: tuple[tuple[str, str], ...] = ()
    titles: tuple[tuple[str, str | None], ...] = ()
    products: tuple[tuple[str, tuple[str, ...]], ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    source: str = attrs.field(default="<api>", eq=False)

    @classmethod
    def of(
        cls,
        *,
        triggers: Mapping[str, list[str] | tuple[str, ...]] | None = None,
        agencies: Mapping[str, str] | None = None,
        titles: Mapping[str, str | None] | None = None,
        products: Mapping[str, list[str] | tuple[str, ...]] | None = None,
        aliases: Mapping[str, str] | None = None,
        source: str = "<api>",
    ) -> Vocabulary:
        """A vocabulary from plain mappings:

        *triggers* event type -> trigger phrases; *agencies* agency name ->
        jurisdiction code; *titles* official's title -> code (or ``None`` when
        the title needs a country word, "Foreign Minister"); *products* product
        -> synonyms; *aliases* jurisdiction name -> code.
        """
        return cls(
            triggers=_pairs(triggers),
            agencies=_pairs(agencies),
            titles=_pairs(titles),
            products=_pairs(products),
            aliases=_pairs(aliases),
            source=source,
        )

    @classmethod
    def from_file(cls, path: str | Path) -> Vocabulary:
        """Load a vocabulary file (JSON, the shape shown in the module's docs)."""
        name = str(path)
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise VocabularyError(f"cannot read: {exc.strerror or exc}", name) from None
        except json.JSONDecodeError as exc:
            raise VocabularyError(
                f"invalid JSON: {exc.msg}", name, f"line {exc.lineno}, column {exc.colno}"
            ) from None
        if not isinstance(doc, dict):
            raise VocabularyError("expected a JSON object at the top", name, "$")
        if doc.get("version", 1) != 1:
            raise VocabularyError(
                f"unsupported version {doc.get('version')!r}; expected 1", name, "$.version"
            )
        for key in doc:
            if key not in _KEYS:
                raise VocabularyError(f"unknown key {key!r}", name, "$")
        for key in _KEYS - {"version", "note"}:
            if key in doc and not isinstance(doc[key], dict):
                raise VocabularyError("expected an object", name, f"$.{key}")
        return cls.of(
            triggers=doc.get("triggers"),
            agencies=doc.get("agencies"),
            titles=doc.get("titles"),
            products=doc.get("products"),
            aliases=doc.get("aliases"),
            source=name,
        )

    # -- applying it --------------------------------------------------------------

    def extractor(self, *, lexicon_dir: str | Path | None = None) -> Extractor:
        """The default extraction pipeline with these additions."""
        from .extraction import Extractor

        return Extractor.default(lexicon_dir=lexicon_dir, vocabulary=self)

    def apply(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """The vocabulary files *raw* (name -> parsed JSON) with these additions."""
        out = copy.deepcopy(dict(raw))
        types = out["triggers.json"].setdefault("types", {})
        for tag, phrases in self.triggers:
            if tag not in types:
                raise VocabularyError(
                    f"unknown event type {tag!r}", self.source, f"$.triggers.{tag}"
                )
            types[tag].setdefault("nouns", []).extend(
                p for p in phrases if p not in types[tag]["nouns"]
            )
        products = out["products.json"].setdefault("products", {})
        for name, synonyms in self.products:
            forms = products.setdefault(name, [])
            forms.extend(s for s in synonyms if s not in forms)
        titles = out["officials.json"].setdefault("titles", [])
        for title, code in self.titles:
            titles.append({"title": title, "jurisdiction": code})
        return out

    def table(self, base: JurisdictionTable) -> JurisdictionTable:
        """*base* with these agencies and aliases."""
        from .jurisdictions import Agency

        agencies = [Agency(name, (), code, False) for name, code in self.agencies]
        return base.extended(aliases=dict(self.aliases), agencies=agencies)
