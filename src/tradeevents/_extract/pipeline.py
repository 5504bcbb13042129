"""The extraction pipeline: a :class:`Document` state and the stages that fill it.

Each stage is a callable ``stage(doc) -> None`` that reads and extends the
document; the default order is :data:`DEFAULT_STAGES`. Stages are plain
module-level functions, so a pipeline pickles as its configuration.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from ..dates import EventDate
from ..model import Event, Evidence, MeasureEvent, Status, builtin_event_types
from .boilerplate import classify_line
from .lexicon import Grammar, Lexicon
from .mentions import Mention, scan
from .rules import MEASURES, Candidate, _own_verbs, after_until, sentence_candidates
from .splitter import Span, lines, sentences
from .timex import TimeEx, find_times
from .tokens import Tokens, normalize, tokenize

__all__ = [
    "DEFAULT_STAGES",
    "MAX_SENTENCE_TOKENS",
    "Document",
    "Sentence",
    "Skipped",
    "build_events",
    "find_boilerplate",
    "find_candidates",
    "find_mentions",
    "merge_duplicates",
    "resolve_anaphora",
    "resolve_context",
    "resolve_remedies",
    "resolve_restrictions",
    "split_sentences",
    "tokenize_text",
]

#: The longest run of tokens analysed as one sentence.
MAX_SENTENCE_TOKENS = 300
#: How many earlier events of the same type a candidate is compared with for merging.
MERGE_WINDOW = 64

#: A year written in full (the first one tells the year of undated days before it).
_FIRST_YEAR = re.compile(r"(?<![\w.,/])(?:19|20)\d\d(?![\w%/]|[.,]\d)")

#: Characters that open an item of a bulleted list.
_BULLETS = frozenset("•·▪‣◦-*–—")

#: What reading one odd sentence may raise (a date out of range, a rule off its end): the
#: sentence is skipped and recorded, the text goes on.
_UNREADABLE = (ValueError, ArithmeticError, IndexError, KeyError)

_STAGE_ORDER = {"planned": 0, "announced": 1, "concluded": 2, "in-effect": 3, "ended": 4}


@attrs.frozen
class Skipped:
    """A part of the input left out of extraction: its ``[start, end)`` span and why."""

    start: int
    end: int
    reason: str


@attrs.frozen
class Sentence:
    """A sentence kept for extraction: its character span, token run, and whether it is a heading."""

    start: int
    end: int
    lo: int
    hi: int
    heading: bool = False


@attrs.define
class Document:
    """The state the stages share: the input, and what each stage adds to it."""

    text: str
    published: dt.date | None
    lexicon: Lexicon
    norm: str = ""
    tokens: Tokens = attrs.field(factory=lambda: Tokens([], [], []))
    lines: list[Span] = attrs.field(factory=list)
    sentences: list[Sentence] = attrs.field(factory=list)
    skipped: list[Skipped] = attrs.field(factory=list)
    mentions: list[list[Mention]] = attrs.field(factory=list)
    focus: list[str] = attrs.field(factory=list)
    candidates: list[Candidate] = attrs.field(factory=list)
    events: list[Event] = attrs.field(factory=list)
    extra: dict[str, Any] = attrs.field(factory=dict)


# -- stages ----------------------------------------------------------------------


def tokenize_text(doc: Document) -> None:
    """Lowercase and fold the text once, and tokenize it in one regex pass."""
    doc.norm = normalize(doc.text)
    doc.tokens = tokenize(doc.norm)


def find_boilerplate(doc: Document) -> None:
    """Split the text into lines and leave out the site's boilerplate (recorded in ``skipped``)."""
    footer = False
    links = False  # in a bulleted list of links after "Related:"
    for line in lines(doc.text, doc.tokens):
        if footer:
            doc.skipped.append(Skipped(line.start, line.end, "footer after a copyright notice"))
            continue
        if links and doc.text[line.start] in _BULLETS:
            doc.skipped.append(Skipped(line.start, line.end, "links after a link header"))
            continue
        reason, starts_footer = classify_line(doc.tokens, line, doc.lexicon)
        links = reason is not None and any(f"{h!r}" in reason for h in doc.lexicon.link_headers)
        if reason is not None:
            doc.skipped.append(Skipped(line.start, line.end, reason))
            footer = footer or starts_footer
            continue
        doc.lines.append(line)


def _dateline_end(doc: Document, lo: int, hi: int) -> int | None:
    """The first token after a dateline opening a line ("WASHINGTON —", "TOKYO, May 23
    (Reuters) -", "BRUSSELS (AP) --"), or ``None`` when the line opens with none."""
    text, tokens = doc.text, doc.tokens
    norm = tokens.norm
    i, city = lo, False
    while i < min(hi, lo + 7):  # the place, in capitals ("SYDNEY/WASHINGTON")
        raw = text[tokens.starts[i] : tokens.ends[i]]
        if raw == "/" and city:
            i += 1
            continue
        if not (raw[0].isalpha() and raw.isupper()):
            break
        city = city or (len(raw) >= 3 and raw.isalpha())
        i += 1
    if not city or i >= hi:
        return None
    if norm[i] == "," and i + 2 < hi and norm[i + 1] in doc.lexicon.months:  # ", May 23"
        i += 2
        if norm[i] == ".":
            i += 1
        if i < hi and norm[i].isdigit():
            i += 1
    elif norm[i] == "," and i + 1 < hi and text[tokens.starts[i + 1]].isupper():
        # "DAVOS, Switzerland —": the place's country, then the dash
        k = i + 1
        while k < min(hi, i + 4) and text[tokens.starts[k]].isupper():
            k += 1
        if k < hi and norm[k] == "-":
            i = k
    if i < hi and norm[i] == "(":  # "(Reuters)"
        close = next((k for k in range(i + 1, min(hi, i + 6)) if norm[k] == ")"), None)
        if close is None:
            return None
        i = close + 1
    dashes = 0
    while i < hi and norm[i] == "-" and dashes < 2:
        i += 1
        dashes += 1
    return i if dashes and i < hi else None


def split_sentences(doc: Document) -> None:
    """Split the kept lines into sentences; a line of one sentence without final punctuation
    and at most 25 tokens is a heading."""
    tokens = doc.tokens
    for line in doc.lines:
        parts = list(sentences(doc.text, tokens, line, doc.lexicon.abbreviations))
        if parts:
            end = _dateline_end(doc, parts[0].lo, parts[0].hi)
            if end is not None:
                # the dateline is no part of the sentence it opens
                first = parts[0]
                doc.skipped.append(Skipped(first.start, tokens.starts[end], "dateline"))
                parts[0] = Span(tokens.starts[end], first.end, end, first.hi)
        heading = (
            len(parts) == 1
            and line.hi - line.lo <= 25
            and tokens.norm[line.hi - 1] not in (".", "!", "?", '"', "'", ")")
        )
        for p in parts:
            # a run-on "sentence" (no punctuation in a long text) is cut into chunks, so
            # that the per-sentence rules stay bounded and the whole run stays linear
            for lo in range(p.lo, p.hi, MAX_SENTENCE_TOKENS):
                hi = min(p.hi, lo + MAX_SENTENCE_TOKENS)
                doc.sentences.append(
                    Sentence(tokens.starts[lo], tokens.ends[hi - 1], lo, hi, heading)
                )


#: How many kept lines from the top may hold a release's own date line.
_RELEASE_LINES = 8


def find_release_date(doc: Document) -> None:
    """With no publication date given, a release's own date line near the top
    ("December 26, 2023", "September 9, 2019 – Ottawa, Ontario", "WASHINGTON, Dec. 26,
    2023 –") is its publication date (kept in ``doc.extra["release_date"]``)."""
    if doc.published is not None:
        return
    text, tokens = doc.text, doc.tokens
    norm = tokens.norm
    for line in doc.lines[:_RELEASE_LINES]:
        lo, hi = line.lo, line.hi
        # an optional place in capitals, then a comma ("WASHINGTON,")
        at = lo
        while at < min(hi, lo + 4) and text[tokens.starts[at] : tokens.ends[at]].isupper():
            at += 1
        if at > lo and not (at < hi and norm[at] == ","):
            continue
        start = at + 1 if at > lo else lo
        try:
            times = find_times(text, tokens, start, min(hi, start + 6), doc.lexicon, None, None)
        except _UNREADABLE:
            continue  # (as in find_candidates: a line that cannot be read is no date line)
        if not times:
            continue
        first = times[0]
        date = first.past
        if (
            first.lo != start
            or date is None
            or first.explicit_year is None
            or date.precision.value != "day"
            or not (first.hi == hi or norm[first.hi] in ("-", "|", "("))
        ):
            continue
        doc.published = date.first
        doc.extra["release_date"] = date
        return


def find_mentions(doc: Document) -> None:
    """Find every lexicon phrase of each sentence, and the document's principal parties."""
    from collections import Counter

    every: list[str] = []  # the codes of all sentences, counted once at the end
    focus: list[str] = []
    whole = False  # the focus is one group's members, named by the group alone
    ambiguous: list[int] = []  # the sentences with an ambiguous agency
    triggered: set[int] = set()  # the sentences with a trigger, or a cue that implies one
    trigger_cues = doc.lexicon.grammar.trigger_cues
    norm = doc.tokens.norm
    for k, s in enumerate(doc.sentences):
        found = scan(doc.text, doc.tokens, s.lo, s.hi, doc.lexicon)
        doc.mentions.append(found)
        codes: list[str] = []
        named: list[str] = []  # not through a group
        for m in found:
            category = m.category
            if category == "jur":
                codes.extend(m.value[0])
                if m.value[1] != "group":
                    named.extend(m.value[0])
            elif category == "trig" or (category == "cue" and norm[m.lo] in trigger_cues):
                triggered.add(k)
            elif category == "title" and m.value[1] is not None:
                codes.append(m.value[1])
                named.append(m.value[1])
            elif category == "ambig" and (not ambiguous or ambiguous[-1] != k):
                ambiguous.append(k)
        every += codes
        if not focus and codes and k < 4:
            # "U.S. Requests USMCA Consultations With Mexico": a group beside two named
            # sides is the frame, not more sides
            named = list(dict.fromkeys(named))
            focus = named if len(named) >= 2 else list(dict.fromkeys(codes))
            groups = [m.value[0] for m in found if m.category == "jur" and m.value[1] == "group"]
            whole = len(named) < 2 and len(set(groups)) == 1 and set(focus) == set(groups[0])
    if len(focus) < 2:
        for code, _ in Counter(every).most_common():
            if code not in focus:
                focus.append(code)
            if len(focus) >= 2:
                break
    # "RCEP entered into force ...": a bloc's deal is all its members', however many
    doc.focus = focus if whole else focus[:8]
    doc.extra["whole_focus"] = whole
    doc.extra["triggered"] = triggered
    _resolve_ambiguous(doc, ambiguous)


def _resolve_ambiguous(doc: Document, sentences: list[int]) -> None:
    """An ambiguous agency form ("Commerce", "BIS", "the Commission") stands for its
    jurisdiction in a text whose principal parties hold it, where no other phrase
    names the same words. *sentences* are the indices of the sentences holding one."""
    focus = set(doc.focus)
    for k in sentences:
        found = doc.mentions[k]
        named = [(m.lo, m.hi) for m in found if m.category == "jur"]
        out: list[Mention] = []
        for m in found:
            if m.category != "ambig":
                out.append(m)
            elif m.value[0][0] in focus and not any(a < m.hi and m.lo < b for a, b in named):
                out.append(attrs.evolve(m, category="jur"))
        doc.mentions[k] = out


def _year_tokens(tokens: Tokens, lo: int, hi: int) -> int | None:
    last = None
    for i in range(lo, hi):
        t = tokens.norm[i]
        if (
            len(t) == 4
            and t.isdecimal()  # ("301²" is digits, but no number)
            and 1900 <= int(t) <= 2100
            and "/" not in tokens.norm[max(lo, i - 1) : i + 2]  # not "2023/2675"
        ):
            last = int(t)
    return last


def _has_anaphor(same: frozenset[tuple[str, ...]], norm: list[str], lo: int, hi: int) -> bool:
    return not same.isdisjoint(zip(norm[lo : hi - 1], norm[lo + 1 : hi], strict=True))


def _same_date(
    same: frozenset[tuple[str, ...]], norm: list[str], lo: int, hi: int, last: TimeEx
) -> list[TimeEx]:
    """ "On that date", "on the same day": the date the text told last, at this position."""
    out = []
    for i in range(lo, hi - 1):
        if (norm[i], norm[i + 1]) in same:
            out.append(TimeEx(i, i + 2, last.past, last.future, last.explicit_year))
    return out


def find_candidates(doc: Document) -> None:
    """Apply the rules to every sentence holding a trigger."""
    anchor: int | None = None
    if doc.published is None:
        # with no publication date, a date without a year takes the year the text
        # tells nearest before it, and before any, the first year it tells
        first_year = _FIRST_YEAR.search(doc.norm)
        anchor = None if first_year is None else int(first_year.group())
    same = doc.lexicon.grammar.same_date
    trigger_cues = doc.lexicon.grammar.trigger_cues
    norm = doc.tokens.norm
    triggered: set[int] | None = doc.extra.get("triggered")  # found with the mentions
    for k, s in enumerate(doc.sentences):
        found = doc.mentions[k]
        if triggered is not None:
            has_trigger = k in triggered
        else:  # a custom mentions stage: look here
            has_trigger = any(
                m.category == "trig" or (m.category == "cue" and norm[m.lo] in trigger_cues)
                for m in found
            )
        if has_trigger and s.hi > s.lo and norm[s.hi - 1] == "?":
            has_trigger = False  # "Could you introduce the ruling?": a question tells no act
        if has_trigger:
            try:
                times = find_times(
                    doc.text, doc.tokens, s.lo, s.hi, doc.lexicon, doc.published, anchor
                )
                if (
                    k > 0
                    and ("date" in doc.norm[s.start : s.end] or "day" in doc.norm[s.start : s.end])
                    and _has_anaphor(same, doc.tokens.norm, s.lo, s.hi)
                ):
                    # the date told last, in the three sentences before
                    for back in range(k - 1, max(-1, k - 4), -1):
                        before = doc.sentences[back]
                        told = find_times(
                            doc.text,
                            doc.tokens,
                            before.lo,
                            before.hi,
                            doc.lexicon,
                            doc.published,
                            anchor,
                        )
                        if told:
                            times += _same_date(same, doc.tokens.norm, s.lo, s.hi, told[-1])
                            break
                doc.candidates.extend(
                    sentence_candidates(
                        doc.text,
                        doc.tokens,
                        s.lo,
                        s.hi,
                        k,
                        found,
                        times,
                        s.heading,
                        doc.published,
                        doc.lexicon.grammar,
                    )
                )
            except _UNREADABLE as exc:
                doc.skipped.append(Skipped(s.start, s.end, f"sentence not analysed: {exc!r}"))
        if doc.published is None:
            year = _year_tokens(doc.tokens, s.lo, s.hi)
            if year is not None:
                anchor = year


def resolve_remedies(doc: Document) -> None:
    """In a text about antidumping, countervailing or safeguard cases, a "case",
    "investigation" or "determination" without another legal basis is such a case."""
    g = doc.lexicon.grammar
    remedies = sum(c.type == "trade-remedy" for c in doc.candidates)
    # remedies named in the headline or lead ("China's anti-dumping duties on barley")
    told_first = any(
        m.category == "inst" and m.value in g.remedy_kinds
        for found in doc.mentions[:3]
        for m in found
    )
    if not remedies and not told_first:
        return
    norm = doc.tokens.norm
    tariffs = sum(c.type == "tariff" for c in doc.candidates)
    # the text is about a remedy case when remedies outnumber plain tariffs, or when its
    # lead duty is one and no other legal basis is named
    lead = next(
        (c for c in doc.candidates if not c.heading and c.type in ("tariff", "trade-remedy")), None
    )
    other_basis = any(c.instruments - g.remedy_kinds for c in doc.candidates)
    kinds = {
        m.value
        for found in doc.mentions[:3]
        for m in found
        if m.category == "inst" and m.value in g.remedy_kinds
    }
    led = lead is not None and lead.type == "trade-remedy"
    about_remedy = remedies > tariffs or led or (told_first and not other_basis)
    for c in doc.candidates:
        if (
            about_remedy
            and (
                (c.type == "tariff" and (norm[c.trigger] in ("duty", "duties") or led))
                # "replacing the provisional curbs": the remedy's own measures
                or (c.type == "import-restriction" and led and c.extra.get("bare"))
            )
            and not c.instruments - g.remedy_kinds - {"trq"}
        ):
            # "the duties had been in place since 2021": in a text about a remedy
            # case, plain duties are that case's duties, under the remedies it names
            c.type = "trade-remedy"
            c.instruments |= kinds
        if (
            about_remedy
            and c.type == "dispute"
            and norm[c.trigger] in ("complaint", "complaints", "petition", "ruling", "rulings")
            and g.dispute_words.isdisjoint(
                norm[doc.sentences[c.sentence].lo : doc.sentences[c.sentence].hi]
            )
        ):
            # "launched the investigation following a complaint from the industry", "a
            # final ruling is due by Dec. 16": the case's own steps, not a WTO dispute
            c.type = "trade-remedy"
        if (
            c.type == "investigation"
            and (norm[c.trigger] in g.case_words or norm[c.trigger + 1] in g.case_words)
            and not c.instruments & {"section-232", "section-301"}
        ):
            c.type = "trade-remedy"


def _retells_rules(doc: Document, k: int) -> bool:
    """Whether sentence *k* opens with "the (new) rules/measures ..." and tells when
    they take effect: a reference back to a measure, not another act."""
    g = doc.lexicon.grammar
    norm = doc.tokens.norm
    s = doc.sentences[k]
    i = s.lo
    if i >= s.hi or norm[i] != "the":
        return False
    i += 1
    if i < s.hi and norm[i] in g.fresh_words:
        i += 1
    if i >= s.hi or not (norm[i] in g.rule_vehicles or norm[i] in g.measure_nouns):
        return False
    return any(norm[j] in g.effect_words for j in range(i + 1, min(s.hi, i + 10)))


def resolve_restrictions(doc: Document) -> None:
    """A bare "ban" or "curbs" in a text whose restrictions are all on exports ("India
    lifted its ban on onion exports ... In March it extended the ban") is one of them."""
    g = doc.lexicon.grammar
    norm = doc.tokens.norm
    bare = [
        c
        for c in doc.candidates
        if c.type == "import-restriction"
        and c.extra.get("bare")
        and norm[c.trigger] in g.bare_restrictions
    ]
    if not bare:
        return
    typed = [
        c
        for c in doc.candidates
        if c.type == "export-control"
        or (
            c.type == "import-restriction"
            and not (c.extra.get("bare") and norm[c.trigger] in g.bare_restrictions)
        )
    ]
    if typed and all(c.type == "export-control" for c in typed):
        for c in bare:
            c.type = "export-control"


def resolve_anaphora(doc: Document) -> None:
    """ "Japan said it would restrict exports ... The new rules, which take effect on July
    23, add ...": a sentence that refers back to the measure just announced tells no
    other act, and the day it takes effect is the measure's date."""
    kept: list[Candidate] = []
    last: Candidate | None = None
    checked: dict[int, bool] = {}
    for c in doc.candidates:
        if (
            last is not None
            and not c.heading
            and c.sentence - last.sentence in (1, 2)
            and (c.type == last.type or c.type == "legislation")
        ):
            if c.sentence not in checked:
                checked[c.sentence] = _retells_rules(doc, c.sentence)
            if checked[c.sentence]:
                if c.date is not None and c.status in ("planned", "announced"):
                    last.date = c.date
                last.products |= c.products
                continue  # retold, not another act
        kept.append(c)
        if c.type in MEASURES and c.status == "announced":
            last = c
        elif not c.heading:
            last = None
    doc.candidates = kept


def resolve_context(doc: Document) -> None:
    """Complete parties from the document's principal parties where a sentence leaves a side implicit.

    A reference ("the two sides") or a sentence without jurisdictions takes the
    principal parties; an event with one side takes the principal party it
    lacks, except for types whose acting side often stands alone (laws,
    export controls, investigations).
    """
    g = doc.lexicon.grammar
    focus = doc.focus
    sides = focus if doc.extra.get("whole_focus") else focus[:6]
    owners = doc.lexicon.instrument_owners
    told: dict[str, set[str]] = {}  # the sides of the last measure of each type, as told
    paragraph = _paragraph_of(doc) if doc.candidates else []
    last: tuple[int, bool, set[str]] | None = None  # the last act told with sides of its own
    for c in doc.candidates:
        # "an additional 40% duty under IEEPA applies to most products of Brazil": an
        # act under a country's own law is that country's
        # (unless the sentence names instruments of other kinds too: "the EU's anti-subsidy
        # duties ..., and Washington's Section 301 tariff": another act's)
        if c.instruments and all(slug in owners for slug in c.instruments):
            owned = {owners[slug] for slug in c.instruments}
            if c.extra.get("global") or c.extra.get("unaimed"):
                # "Brazil is also exposed to the Section 232 tariffs on steel": a measure
                # on goods from everywhere, under a country's own law, is that country's alone
                c.parties = owned
            else:
                c.parties |= owned
        kept = c.type in MEASURES and c.type not in g.one_sided_types and not c.heading
        if (
            kept
            and not c.parties
            and not c.uses_context
            and c.type in told
            and not c.extra.get("unaimed")  # "raised tariffs on imported apparel": its own
        ):
            # "The 35% rate has applied to most rice imports since 2019": a measure
            # told with no side is the one told last of its kind
            c.parties |= told[c.type]
            continue
        if (
            not c.parties
            and not c.uses_context
            and c.type not in g.one_sided_types
            and not c.extra.get("unaimed")
            and last is not None
            and (
                last[0] == paragraph[c.sentence]
                or (last[1] and last[0] == paragraph[c.sentence] - 1)
            )
        ):
            # "UK-India talks on hold ... Negotiators completed a 14th round of talks in
            # March": an act told with no side is of the paragraph it is told in
            c.parties |= last[2]
            continue
        if c.parties:
            last = (paragraph[c.sentence], c.heading, set(c.parties))
        _complete_sides(c, g, focus, sides)
        if kept and c.parties:
            told[c.type] = set(c.parties)


def _complete_sides(c: Candidate, g: Grammar, focus: list[str], sides: list[str]) -> None:
    """Complete the sides of *c* from the text's principal parties *focus* (see
    :func:`resolve_context`); *sides* are those a context reference takes."""
    one_sided = (
        (
            c.type in g.one_sided_types
            # a safeguard applies to all: its imposer alone
            or ("safeguard" in c.instruments and c.parties <= set(focus[:1]))
            or bool(c.extra.get("global"))  # on imports from everywhere
            or bool(c.extra.get("unaimed"))  # on goods from nowhere named
        )
        and not c.extra.get("of_agreement")
    )
    if not c.parties and one_sided and not c.uses_context:
        c.parties |= set(focus[:1])  # a law, control or probe of the text's main actor
    elif c.uses_context or not c.parties:
        c.parties |= set(sides)
    elif len(c.parties) == 1 and focus and not one_sided:
        (only,) = c.parties
        if c.extra.get("actor") == only:
            # one of several acts told apart by country: the text's main other side
            c.parties |= set([code for code in focus if code != only][:1])
        elif only in focus:
            c.parties |= set(sides)
        else:
            c.parties.add(focus[0])


def _paragraph_of(doc: Document) -> list[int]:
    """The index of the kept line (paragraph) holding each sentence (found once)."""
    found: list[int] | None = doc.extra.get("paragraphs")
    if found is not None:
        return found
    out: list[int] = []
    doc.extra["paragraphs"] = out
    k = 0
    for sent in doc.sentences:
        while k + 1 < len(doc.lines) and doc.lines[k].end <= sent.start:
            k += 1
        out.append(k)
    return out


def _lead_date(t: TimeEx, published: dt.date | None) -> EventDate | None:
    """The date a lead tells a headline: a day without its year in the reading nearer to
    publication, a weekday ("on Monday", two readings a week apart) as told, in the past."""
    if published is None or t.past is None or t.future is None:
        return t.past
    if (t.future.first - t.past.first).days < 300:
        return t.past
    return t.nearer(published)


def _date_headline(doc: Document) -> None:
    """An undated headline act takes the first date of the sentence that leads under it
    (the text's lead; in a roundup, each item's first sentence), which tells it."""
    heads = [c for c in doc.candidates if c.heading and c.date is None and c.status != "planned"]
    if not heads:
        return
    sentences = doc.sentences
    by_sentence: dict[int, list[Candidate]] = {}  # the candidates of each sentence
    for b in doc.candidates:
        by_sentence.setdefault(b.sentence, []).append(b)
    dates: dict[int, tuple[int, EventDate | None]] = {}  # by heading: its lead, and date
    for c in heads:
        if c.sentence not in dates:
            index = next(
                (k for k in range(c.sentence + 1, len(sentences)) if not sentences[k].heading),
                None,
            )
            dates[c.sentence] = (
                (-1, None)
                if index is None
                else (index, _lead_first(doc, index, by_sentence.get(index, [])))
            )
        index, first = dates[c.sentence]
        if first is None:
            continue
        told = {b.type for b in by_sentence.get(index, ()) if b.date is not None}
        if c.status == "announced" and c.type in told:
            continue  # the lead tells it with its own date: they merge on that
        c.date = first


def _lead_first(doc: Document, index: int, told: list[Candidate]) -> EventDate | None:
    """The first date the lead sentence *index* tells, in the reading a headline takes;
    *told* are the candidates of that sentence."""
    lead = doc.sentences[index]
    # "lifted its ban ..., which it imposed in July 2023": not the date of the news
    recalled = {b.date for b in told if b.extra.get("earlier")}
    times = find_times(doc.text, doc.tokens, lead.lo, lead.hi, doc.lexicon, doc.published, None)
    norm = doc.tokens.norm
    return next(
        (
            _lead_date(t, doc.published)
            for t in times
            if t.past is not None
            and t.past not in recalled
            # "remain paused until after the election on July 4": a deadline
            and not after_until(norm, lead.lo, t.lo)
        ),
        None,
    )


def _also(c: Candidate) -> bool:
    """Whether the act is told as "also" done ("The EU also banned ...")."""
    return bool(c.extra.get("also"))


def _date_meetings(doc: Document) -> None:
    """An undated meeting held during a visit told before it ("Yellen wrapped up a visit to
    Beijing on Sunday ... Yellen met Premier Li") takes the visit's date."""
    visit: tuple[set[str], EventDate] | None = None
    for c in doc.candidates:
        if c.type == "visit" and c.date is not None and c.status == "concluded":
            visit = (c.parties, c.date)
        elif (
            c.type == "meeting"
            and c.date is None
            and c.status == "concluded"
            and visit is not None
            and c.parties & visit[0]
        ):
            # a visit lasts days: the meeting's day is not known, its month is
            first = visit[1].first
            c.date = EventDate.of_month(first.year, first.month)


def inherit_dates(doc: Document) -> None:
    """Give an undated act told in the past the date of the act told just before it in
    the same paragraph ("The EU on Monday adopted ... The package also bans ...")."""
    if not doc.candidates:
        return
    _date_headline(doc)
    _date_meetings(doc)
    paragraph = _paragraph_of(doc)
    last: tuple[int, EventDate] | None = None
    lead: EventDate | None = None  # the date of the first act the text tells
    for c in doc.candidates:
        para = paragraph[c.sentence] if c.sentence < len(paragraph) else -1
        if c.date is not None:
            if (
                not c.heading
                and c.status != "planned"
                and not c.extra.get("future")
                and not c.extra.get("earlier")  # an earlier step told in a relative clause
            ):
                last = (para, c.date)
                lead = lead or c.date
            continue
        if c.heading or c.status == "planned" or last is None:
            continue
        if c.extra.get("future") or c.extra.get("ongoing"):
            continue  # "the two sides will also suspend ...": a step still to come
        also = _also(c)
        if last[0] != para:
            if also and c.status != "announced" and lead is not None:
                # another paragraph tells another occasion, unless the act is "also"
                # done ("The EU also banned imports of ..."): the occasion of the lead
                c.date = lead
            continue
        c.date = last[1]


def _compatible(a: Candidate, b: Candidate, modals: frozenset[str], norm: list[str]) -> bool:
    if a.type != b.type or not (a.parties & b.parties):
        return False
    if a.extra.get("actor") != b.extra.get("actor"):
        return False  # each actor's own act ("their own bans")
    if not (a.heading or b.heading) and (_also(a) or _also(b)):
        return False  # "BIS also added ... to its Entity List": another act
    if a.sentence == b.sentence and _own_verbs(a, b):
        if a.status != b.status:
            return False  # "announced tariffs ..., but suspended the duties": two steps
        if norm[a.extra["cue"]] not in modals and norm[b.extra["cue"]] not in modals:
            # "imposed new restrictions on ..., and added 140 entities to its Entity
            # List": two acts (but "..., which would be the first visit": a description)
            return False
    if a.products and b.products and not (a.products & b.products):
        return False  # the same kind of act on other goods is another act
    if a.heading or b.heading:
        if a.extra.get("earlier") or b.extra.get("earlier"):
            return False  # a headline tells the news, not the earlier step a clause recalls
        if (a.status == "planned") != (b.status == "planned"):
            # "sign trade deal" is not retold by "until a second-phase deal", nor
            # "Canada launches WTO dispute" by "Canada may ask for a panel"
            return False
        # a headline retells the lead: same type and side, and no clash of dates
        return a.date is None or b.date is None or a.date.overlaps(b.date)
    if a.date is not None and b.date is not None:
        if not a.date.overlaps(b.date):
            return False
        return a.status == b.status or a.date == b.date
    if a.date is None and b.date is None:
        return a.status == b.status and a.parties == b.parties
    if (
        a.type in MEASURES
        and a.parties == b.parties
        and a.products & b.products
        and abs(a.sentence - b.sentence) <= 2
        and {a.status, b.status} <= {"announced", "in-effect"}
    ):
        # "Trump has ordered new tariffs on lumber ... A proclamation he signed Monday
        # imposes a 10% tariff on lumber, starting Oct. 14": one measure, its date told next
        return True
    # a deal retold without its date ("Truss ... signed the agreement with ...")
    return (
        a.type == "agreement"
        and a.status == b.status
        and a.status in ("concluded", "in-effect")
        and a.parties == b.parties
    )


def merge_duplicates(doc: Document) -> None:
    """One event per occurrence: a retold event (same type, shared party, compatible date
    and stage) is merged into its first telling, at its latest stage."""
    kept: list[Candidate] = []
    by_type: dict[str, list[Candidate]] = {}
    modals, norm = doc.lexicon.grammar.modal_verbs, doc.tokens.norm
    for c in doc.candidates:
        # only the latest events of a type are compared: retellings are close, and the
        # bound keeps a megabyte of repeated text linear
        recent = by_type.setdefault(c.type, [])
        for k in recent[-MERGE_WINDOW:]:
            if _compatible(k, c, modals, norm):
                if k.heading and not c.heading:
                    # the body tells the sides; a headline's wider name ("USMCA
                    # dispute") only fills a side the body leaves out
                    sides = (
                        c.parties
                        if len(c.parties) >= 2 or c.extra.get("global")
                        else k.parties | c.parties
                    )
                    k.status, k.heading, k.parties = c.status, False, sides
                    k.start, k.end = c.start, c.end
                    k.sentence, k.trigger, k.extra = c.sentence, c.trigger, dict(c.extra)
                elif _STAGE_ORDER[c.status] > _STAGE_ORDER[k.status] and not c.heading:
                    k.status = c.status
                if k.date is None or (c.date is not None and c.date.precision > k.date.precision):
                    k.date = c.date or k.date
                if (
                    k.status == "in-effect"
                    and k.type in MEASURES
                    and doc.published is not None
                    and k.date is not None
                    and k.date.first > doc.published
                ):
                    k.status = "announced"  # dated after publication: not yet in effect
                k.instruments |= c.instruments
                k.products |= c.products
                k.officials |= c.officials
                k.confidence = min(0.95, max(k.confidence, c.confidence) + 0.05)
                break
        else:
            kept.append(c)
            recent.append(c)
    doc.candidates = kept


def build_events(doc: Document) -> None:
    """Turn candidates into validated, immutable events."""
    classes = builtin_event_types()
    for c in doc.candidates:
        cls = classes[c.type]
        fields: dict[str, Any] = {
            "status": _STATUSES.get(c.status, c.status),
            # canonical tuples: the model's converters take them as they are
            "parties": tuple(sorted(c.parties)),
            "date": c.date,
            "instruments": tuple(sorted(c.instruments)),
            "products": tuple(sorted(c.products)),
            "officials": tuple(
                sorted(c.officials, key=lambda o: (o.name, o.title or "", o.jurisdiction or ""))
            ),
            "evidence": Evidence(doc.text[c.start : c.end], c.start, c.end),
            "confidence": round(c.confidence, 2),
        }
        if issubclass(cls, MeasureEvent) and c.type in MEASURES:
            fields["rates"] = tuple(sorted(c.rates, key=lambda r: (r.value, r.qualifier.value)))
        try:
            doc.events.append(cls(**fields))
        except (ValueError, TypeError) as exc:
            doc.skipped.append(Skipped(c.start, c.end, f"event not built: {exc}"))


#: Statuses by their value: a member passes the model's converter as it is.
_STATUSES = {status.value: status for status in Status}


DEFAULT_STAGES = (
    ("tokenize", tokenize_text),
    ("boilerplate", find_boilerplate),
    ("sentences", split_sentences),
    ("release", find_release_date),
    ("mentions", find_mentions),
    ("candidates", find_candidates),
    ("remedies", resolve_remedies),
    ("restrictions", resolve_restrictions),
    ("anaphora", resolve_anaphora),
    ("context", resolve_context),
    ("dates", inherit_dates),
    ("merge", merge_duplicates),
    ("events", build_events),
)
