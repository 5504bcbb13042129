"""Jurisdictions: ISO 3166-1 alpha-2 codes and ``EU``, and the names that stand for them.

The vocabulary is package data (``data/jurisdictions.json``, ``data/agencies.json``,
``data/groups.json``), loaded lazily on first use, validated, and cached. A
:class:`JurisdictionTable` is immutable; :meth:`JurisdictionTable.extended` and
:meth:`JurisdictionTable.from_files` give new tables with a user's additions, so
custom vocabulary never needs an edit of the package.

Matching rules of :meth:`JurisdictionTable.lookup`, in order:

1. the form exactly as written;
2. abbreviations (forms without lowercase letters, such as ``US``, ``U.K.``,
   ``PRC``, ``USTR``) match case-sensitively, ignoring periods, spaces and
   hyphens: ``U.S.`` is ``US``, but ``us`` (the pronoun) is nothing;
3. every other form matches ignoring case, accents, a leading ``the``,
   periods, commas, hyphens and the kind of apostrophe: ``the Netherlands``,
   ``Brasilia``, ``Turkiye``, ``Cote d’Ivoire``, ``St Lucia`` all match.

Codes are not names: ``lookup("GB")`` fails (``UK`` is a name of ``GB``); use
:meth:`~JurisdictionTable.is_code` and :meth:`~JurisdictionTable.get` for codes.
Agencies marked ``ambiguous`` ("Commerce", "Treasury", "the Commission") are
known to :meth:`~JurisdictionTable.agency` but never resolved by ``lookup``:
an extractor may use them only with context. Groups (G7, USMCA, ASEAN) stand for
several codes and are resolved by :meth:`~JurisdictionTable.group_members`.

Importing this module does no I/O.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, Literal

import attrs

from .errors import UnknownJurisdictionError, VocabularyError

__all__ = [
    "Agency",
    "FormKind",
    "Group",
    "Jurisdiction",
    "JurisdictionTable",
    "default_table",
    "find",
    "get",
    "is_code",
    "lookup",
]

FormKind = Literal["name", "alias", "adjective", "capital", "agency", "group"]

_CODE = re.compile(r"(?:[A-Z]{2})\Z")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'"})
_DASHES = re.compile(r"[-‐‑‒–—]")
_THE = re.compile(r"the\s+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Jurisdiction:
    """One jurisdiction: its code, short English name, and the forms that name it."""

    code: str = attrs.field(validator=attrs.validators.matches_re(_CODE))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    adjectives: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    capitals: tuple[str, ...] = attrs.field(default=(), converter=_strings)


@attrs.frozen
class Agency:
    """A trade agency, ministry or seat of government standing for its jurisdiction.

    ``ambiguous`` marks short forms ("Commerce", "Treasury") that an extractor
    may take as the jurisdiction only with supporting context.
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    jurisdiction: str = attrs.field(default="", validator=attrs.validators.matches_re(_CODE))
    ambiguous: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


@attrs.frozen
class Group:
    """A group with fixed membership (G7, USMCA, ASEAN) standing for its members."""

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    members: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _is_abbreviation(form: str) -> bool:
    """True for forms with letters but no lowercase letter: ``US``, ``U.K.``, ``G7``."""
    return any(c.isalpha() for c in form) and not any(c.islower() for c in form)


def _strip_the(form: str) -> str:
    form = _SPACE.sub(" ", form.translate(_APOSTROPHES)).strip()
    stripped = _THE.sub("", form, count=1) if _THE.match(form) else form
    return stripped or form


def _abbreviation_key(form: str) -> str:
    return re.sub(r"[.\s\-]", "", form)


def _folded_key(form: str) -> str:
    decomposed = unicodedata.normalize("NFKD", form.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace(".", "").replace(",", " ")
    plain = _DASHES.sub(" ", plain)
    return _SPACE.sub(" ", plain).strip()


def _key(form: str) -> tuple[bool, str]:
    """The index key of a vocabulary form: (is it an abbreviation, normalized form)."""
    form = _strip_the(form)
    if _is_abbreviation(form):
        return True, _abbreviation_key(form)
    return False, _folded_key(form)


# The target of a key: a jurisdiction code, an agency or a group.
_Target = tuple[str, str]  # ("code", "JP"), ("agency", name), ("group", name)

# Where each value came from, for error messages: id(value) -> (value, source, where).
# Holding the value keeps its id from being reused while the mapping lives.
_Sources = dict[int, tuple[object, str, str]]


def _note(sources: _Sources, value: object, source: str, where: str) -> None:
    sources[id(value)] = (value, source, where)


def _place(sources: Mapping[int, tuple[object, str, str]], value: object) -> tuple[str, str]:
    _, source, where = sources[id(value)]
    return source, where


@attrs.frozen
class _Index:
    """Forms to targets, built once; never mutated after construction."""

    exact: Mapping[str, _Target]
    abbreviations: Mapping[str, _Target]
    folded: Mapping[str, _Target]

    def find(self, form: str) -> _Target | None:
        hit = self.exact.get(form)
        if hit is not None:
            return hit
        form = _strip_the(form)
        if not form:
            return None
        if _is_abbreviation(form):
            hit = self.abbreviations.get(_abbreviation_key(form))
            if hit is not None:
                return hit
        # An all-caps headline form ("JAPAN") may still be a full name; the folded
        # index holds no abbreviations, so "US" can never fall through to "us".
        return self.folded.get(_folded_key(form))


def _describe(target: _Target) -> str:
    kind, value = target
    return f"jurisdiction {value}" if kind == "code" else f"{kind} {value!r}"


class JurisdictionTable:
    """An immutable table of jurisdictions, their surface forms, agencies and groups.

    Build one from the package data with :func:`default_table`, from JSON files in
    the package's shape with :meth:`from_files`, or from values. Construction
    validates the whole table and raises :class:`~tradeevents.VocabularyError`
    naming the source and entry of the first problem.
    """

    __slots__ = ("_agencies", "_by_code", "_groups", "_index", "_sources")

    def __init__(
        self,
        jurisdictions: Iterable[Jurisdiction],
        agencies: Iterable[Agency] = (),
        groups: Iterable[Group] = (),
        *,
        source: str = "<api>",
        _sources: _Sources | None = None,
    ) -> None:
        juris = tuple(jurisdictions)
        ags = tuple(agencies)
        grps = tuple(groups)
        known = _sources or {}
        where: _Sources = {}
        labelled: tuple[tuple[str, tuple[tuple[object, str], ...]], ...] = (
            ("jurisdictions", tuple((j, j.code) for j in juris)),
            ("agencies", tuple((a, a.name) for a in ags)),
            ("groups", tuple((g, g.name) for g in grps)),
        )
        for section, values in labelled:
            for i, (v, label) in enumerate(values):
                if id(v) in known:
                    where[id(v)] = known[id(v)]
                else:
                    _note(where, v, source, f"{section}[{i}] ({label})")

        by_code: dict[str, Jurisdiction] = {}
        for j in juris:
            if j.code in by_code:
                raise VocabularyError(f"duplicate code {j.code!r}", *_place(where, j))
            by_code[j.code] = j

        builder = _IndexBuilder(where)
        for j in juris:
            target = ("code", j.code)
            for form in (j.name, *j.aliases, *j.adjectives, *j.capitals):
                builder.add(form, target, j)

        agency_by_name: dict[str, Agency] = {}
        for a in ags:
            if a.jurisdiction not in by_code:
                raise VocabularyError(
                    f"agency {a.name!r} names unknown jurisdiction {a.jurisdiction!r}",
                    *_place(where, a),
                )
            if a.name in agency_by_name:
                raise VocabularyError(f"duplicate agency {a.name!r}", *_place(where, a))
            agency_by_name[a.name] = a
            for form in (a.name, *a.aliases):
                builder.add(form, ("agency", a.name), a)

        group_by_name: dict[str, Group] = {}
        for g in grps:
            unknown = [m for m in g.members if m not in by_code]
            if unknown:
                raise VocabularyError(
                    f"group {g.name!r} has unknown members {', '.join(map(repr, unknown))}",
                    *_place(where, g),
                )
            if not g.members:
                raise VocabularyError(f"group {g.name!r} has no members", *_place(where, g))
            if g.name in group_by_name:
                raise VocabularyError(f"duplicate group {g.name!r}", *_place(where, g))
            group_by_name[g.name] = g
            for form in (g.name, *g.aliases):
                builder.add(form, ("group", g.name), g)

        self._by_code: Mapping[str, Jurisdiction] = by_code
        self._agencies: Mapping[str, Agency] = agency_by_name
        self._groups: Mapping[str, Group] = group_by_name
        self._index = builder.build()
        self._sources: _Sources = where

    # -- construction -----------------------------------------------------------------

    @classmethod
    def from_files(
        cls, *paths: str | PathLike[str], base: JurisdictionTable | None = None
    ) -> JurisdictionTable:
        """A table from JSON files in the package's shape, merged in order onto *base*.

        Each file holds ``{"version": 1}`` and any of ``"jurisdictions"``,
        ``"agencies"`` and ``"groups"``. A jurisdiction whose code is known from
        *base* or an earlier file adds its forms to the known one (the first
        ``name`` is kept, a new one becomes an alias); a code given twice in one
        file is an error. Agencies and groups are added. Without *base* the files
        alone make the table. ``from_files(path, base=default_table())`` merges a
        user's file onto the package data.
        """
        juris: dict[str, Jurisdiction] = {}
        ags: list[Agency] = []
        grps: list[Group] = []
        sources: _Sources = {}
        if base is not None:
            juris.update(base._by_code)
            ags.extend(base._agencies.values())
            grps.extend(base._groups.values())
            sources.update(base._sources)
        for path in paths:
            name = str(path)
            data = _read_json(Path(path).read_text(encoding="utf-8"), name)
            new_j, new_a, new_g, new_sources = _parse_document(data, name)
            sources.update(new_sources)
            seen: set[str] = set()
            for j in new_j:
                if j.code in seen:
                    raise VocabularyError(f"duplicate code {j.code!r}", *_place(sources, j))
                seen.add(j.code)
                old = juris.get(j.code)
                if old is None:
                    juris[j.code] = j
                else:
                    merged = _merge(old, j)
                    _note(sources, merged, *_place(sources, j))
                    juris[j.code] = merged
            ags.extend(new_a)
            grps.extend(new_g)
        return cls(juris.values(), ags, grps, _sources=sources)

    def extended(
        self,
        *,
        aliases: Mapping[str, str] | None = None,
        adjectives: Mapping[str, str] | None = None,
        capitals: Mapping[str, str] | None = None,
        jurisdictions: Iterable[Jurisdiction] = (),
        agencies: Iterable[Agency] = (),
        groups: Iterable[Group] = (),
    ) -> JurisdictionTable:
        """A new table with the user's additions; this table is left unchanged.

        *aliases*, *adjectives* and *capitals* map a form to a known code (or to
        one in *jurisdictions*); *jurisdictions* adds new ones or extra forms of
        known ones; *agencies* and *groups* are added. Raises
        :class:`~tradeevents.VocabularyError` (source ``<api>``) for a form
        pointing to an unknown code or clashing with a known form.
        """
        juris: dict[str, Jurisdiction] = dict(self._by_code)
        sources = dict(self._sources)
        for i, j in enumerate(jurisdictions):
            _note(sources, j, "<api>", f"jurisdictions[{i}] ({j.code})")
            if j.code in juris:
                merged = _merge(juris[j.code], j)
                _note(sources, merged, "<api>", f"jurisdictions[{i}] ({j.code})")
                juris[j.code] = merged
            else:
                juris[j.code] = j
        for field, mapping in (
            ("aliases", aliases),
            ("adjectives", adjectives),
            ("capitals", capitals),
        ):
            for form, code in (mapping or {}).items():
                if not isinstance(form, str) or not form.strip():
                    raise VocabularyError(f"{form!r} is not a form", "<api>", field)
                if code not in juris:
                    raise VocabularyError(
                        f"{form!r} points to unknown code {code!r}", "<api>", f"{field}[{form!r}]"
                    )
                new = _merge(juris[code], _with_form(code, field, form))
                _note(sources, new, "<api>", f"{field}[{form!r}]")
                juris[code] = new
        ags = list(self._agencies.values())
        for i, a in enumerate(agencies):
            _note(sources, a, "<api>", f"agencies[{i}] ({a.name})")
            ags.append(a)
        grps = list(self._groups.values())
        for i, g in enumerate(groups):
            _note(sources, g, "<api>", f"groups[{i}] ({g.name})")
            grps.append(g)
        return JurisdictionTable(juris.values(), ags, grps, _sources=sources)

    # -- queries ----------------------------------------------------------------------

    @property
    def codes(self) -> frozenset[str]:
        """Every code in the table."""
        return frozenset(self._by_code)

    def is_code(self, code: str) -> bool:
        """Whether *code* is a code of this table (exactly, in capitals)."""
        return code in self._by_code

    def get(self, code: str) -> Jurisdiction:
        """The jurisdiction of *code*; :class:`~tradeevents.UnknownJurisdictionError` if none."""
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise UnknownJurisdictionError(code) from None

    def find(self, name: str) -> str | None:
        """The code that *name* stands for, or ``None``; never raises on a string."""
        if not isinstance(name, str):
            return None
        hit = self._index.find(name)
        if hit is None:
            return None
        kind, value = hit
        if kind == "code":
            return value
        if kind == "agency":
            agency = self._agencies[value]
            return None if agency.ambiguous else agency.jurisdiction
        return None  # a group stands for several codes: see group_members

    def lookup(self, name: str) -> str:
        """The code that *name* stands for.

        Raises :class:`~tradeevents.UnknownJurisdictionError` for a name the
        table does not know, for a group (use :meth:`group_members`) and for an
        ambiguous agency form (use :meth:`agency`): it never guesses.
        """
        code = self.find(name)
        if code is None:
            raise UnknownJurisdictionError(name)
        return code

    def agency(self, name: str) -> Agency | None:
        """The agency that *name* names (ambiguous ones included), or ``None``."""
        hit = self._index.find(name) if isinstance(name, str) else None
        if hit is None or hit[0] != "agency":
            return None
        return self._agencies[hit[1]]

    def group(self, name: str) -> Group | None:
        """The group that *name* names, or ``None``."""
        hit = self._index.find(name) if isinstance(name, str) else None
        if hit is None or hit[0] != "group":
            return None
        return self._groups[hit[1]]

    def group_members(self, name: str) -> tuple[str, ...] | None:
        """The sorted member codes of the group that *name* names, or ``None``."""
        group = self.group(name)
        return None if group is None else group.members

    @property
    def jurisdictions(self) -> tuple[Jurisdiction, ...]:
        """Every jurisdiction, sorted by code."""
        return tuple(self._by_code[c] for c in sorted(self._by_code))

    @property
    def agencies(self) -> tuple[Agency, ...]:
        """Every agency, in the order given."""
        return tuple(self._agencies.values())

    @property
    def groups(self) -> tuple[Group, ...]:
        """Every group, in the order given."""
        return tuple(self._groups.values())

    def surface_forms(
        self, *, include_ambiguous: bool = False
    ) -> Iterator[tuple[str, str, FormKind]]:
        """Every form that resolves to one code, as ``(form, code, kind)`` rows.

        *kind* is ``"name"``, ``"alias"``, ``"adjective"``, ``"capital"`` or
        ``"agency"``. Ambiguous agency forms are left out unless
        *include_ambiguous*; check :meth:`agency` for the flag. Groups stand for
        several codes and are given by :meth:`group_forms` instead. The forms
        are as written in the data; match them with the rules of :meth:`lookup`.
        """
        for j in self.jurisdictions:
            yield j.name, j.code, "name"
            for form in j.aliases:
                yield form, j.code, "alias"
            for form in j.adjectives:
                yield form, j.code, "adjective"
            for form in j.capitals:
                yield form, j.code, "capital"
        for a in self._agencies.values():
            if a.ambiguous and not include_ambiguous:
                continue
            for form in (a.name, *a.aliases):
                yield form, a.jurisdiction, "agency"

    def group_forms(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Every group form with the member codes it stands for: ``(form, members)``."""
        for g in self._groups.values():
            for form in (g.name, *g.aliases):
                yield form, g.members

    def __repr__(self) -> str:
        return (
            f"<JurisdictionTable: {len(self._by_code)} jurisdictions, "
            f"{len(self._agencies)} agencies, {len(self._groups)} groups>"
        )


class _IndexBuilder:
    """Collects forms and reports a form that would name two different things."""

    def __init__(self, where: _Sources) -> None:
        self._where = where
        self._exact: dict[str, _Target] = {}
        self._abbreviations: dict[str, _Target] = {}
        self._folded: dict[str, _Target] = {}

    def add(self, form: str, target: _Target, owner: object) -> None:
        source, where = _place(self._where, owner)
        if not isinstance(form, str) or not _strip_the(form):
            raise VocabularyError(f"empty or non-string form {form!r}", source, where)
        is_abbreviation, key = _key(form)
        table = self._abbreviations if is_abbreviation else self._folded
        for index, k in ((self._exact, form), (table, key)):
            known = index.get(k)
            if known is not None and known != target:
                raise VocabularyError(
                    f"form {form!r} names both {_describe(known)} and {_describe(target)}",
                    source,
                    where,
                )
            index[k] = target

    def build(self) -> _Index:
        return _Index(self._exact, self._abbreviations, self._folded)


def _with_form(code: str, field: str, form: str) -> Jurisdiction:
    """A stub jurisdiction carrying one form in *field*, for :func:`_merge`."""
    return Jurisdiction(
        code,
        "",
        aliases=(form,) if field == "aliases" else (),
        adjectives=(form,) if field == "adjectives" else (),
        capitals=(form,) if field == "capitals" else (),
    )


def _merge(old: Jurisdiction, new: Jurisdiction) -> Jurisdiction:
    """*old* with the forms of *new* added (new's name becomes an alias if it differs)."""

    def extra(existing: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
        return existing + tuple(f for f in more if f not in existing)

    names = (new.name, *new.aliases) if new.name not in ("", old.name) else new.aliases
    return attrs.evolve(
        old,
        aliases=extra(old.aliases, names),
        adjectives=extra(old.adjectives, new.adjectives),
        capitals=extra(old.capitals, new.capitals),
    )


# -- loading JSON ---------------------------------------------------------------------

_TOP_KEYS = frozenset({"version", "jurisdictions", "agencies", "groups"})
_FIELDS: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    # section: (required keys, optional keys); "note" documents an entry and is ignored
    "jurisdictions": (
        frozenset({"code", "name"}),
        frozenset({"aliases", "adjectives", "capitals", "note"}),
    ),
    "agencies": (
        frozenset({"name", "jurisdiction"}),
        frozenset({"aliases", "ambiguous", "note"}),
    ),
    "groups": (frozenset({"name", "members"}), frozenset({"aliases", "note"})),
}


def _read_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise VocabularyError(f"invalid JSON: {exc}", source) from None


def _parse_document(
    data: Any, source: str
) -> tuple[list[Jurisdiction], list[Agency], list[Group], _Sources]:
    """Check the shape of one vocabulary document and build its values."""
    if not isinstance(data, dict):
        raise VocabularyError("expected a JSON object at the top level", source, "$")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise VocabularyError(f"unknown key {unknown[0]!r}", source, "$")
    if data.get("version") != 1:
        raise VocabularyError(
            f"unsupported version {data.get('version')!r} (expected 1)", source, "$.version"
        )
    sources: _Sources = {}
    juris: list[Jurisdiction] = []
    ags: list[Agency] = []
    grps: list[Group] = []
    for section in ("jurisdictions", "agencies", "groups"):
        entries = data.get(section, [])
        if not isinstance(entries, list):
            raise VocabularyError("expected a list", source, f"$.{section}")
        required, optional = _FIELDS[section]
        for i, entry in enumerate(entries):
            path = f"$.{section}[{i}]"
            if not isinstance(entry, dict):
                raise VocabularyError("expected an object", source, path)
            extra = sorted(set(entry) - required - optional)
            if extra:
                raise VocabularyError(f"unknown key {extra[0]!r}", source, path)
            missing = sorted(required - set(entry))
            if missing:
                raise VocabularyError(f"missing key {missing[0]!r}", source, path)
            fields = {k: v for k, v in entry.items() if k != "note"}
            for key, item in fields.items():
                _check_field(key, item, source, f"{path}.{key}")
            value: Jurisdiction | Agency | Group
            if section == "jurisdictions":
                value = Jurisdiction(**fields)
                juris.append(value)
                label = str(fields["code"])
            elif section == "agencies":
                value = Agency(**fields)
                ags.append(value)
                label = str(fields["name"])
            else:
                value = Group(**fields)
                grps.append(value)
                label = str(fields["name"])
            _note(sources, value, source, f"{path} ({label})")
    return juris, ags, grps, sources


def _check_field(key: str, value: Any, source: str, path: str) -> None:
    if key in ("aliases", "adjectives", "capitals", "members"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise VocabularyError("expected a list of strings", source, path)
    elif key == "ambiguous":
        if not isinstance(value, bool):
            raise VocabularyError("expected true or false", source, path)
    elif not isinstance(value, str) or not value.strip():
        raise VocabularyError("expected a non-empty string", source, path)
    elif key in ("code", "jurisdiction") and not _CODE.match(value):
        raise VocabularyError(f"{value!r} is not a two-letter code in capitals", source, path)


_DATA_FILES = ("jurisdictions.json", "agencies.json", "groups.json")


@functools.cache
def default_table() -> JurisdictionTable:
    """The table of the package data, loaded and validated on first use, then cached."""
    juris: list[Jurisdiction] = []
    ags: list[Agency] = []
    grps: list[Group] = []
    sources: _Sources = {}
    data_dir = resources.files("tradeevents") / "data"
    for filename in _DATA_FILES:
        source = f"tradeevents/data/{filename}"
        text = (data_dir / filename).read_text(encoding="utf-8")
        j, a, g, s = _parse_document(_read_json(text, source), source)
        juris += j
        ags += a
        grps += g
        sources.update(s)
    return JurisdictionTable(juris, ags, grps, _sources=sources)


def lookup(name: str) -> str:
    """:meth:`JurisdictionTable.lookup` on :func:`default_table`."""
    return default_table().lookup(name)


def find(name: str) -> str | None:
    """:meth:`JurisdictionTable.find` on :func:`default_table`."""
    return default_table().find(name)


def get(code: str) -> Jurisdiction:
    """:meth:`JurisdictionTable.get` on :func:`default_table`."""
    return default_table().get(code)


def is_code(code: str) -> bool:
    """:meth:`JurisdictionTable.is_code` on :func:`default_table`."""
    return default_table().is_code(code)
