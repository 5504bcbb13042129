"""Events from the triggers of one sentence.

For each trigger (a noun such as "tariffs" or a verb such as "visited"):

1. *negation*: a negation just before the trigger or its governing cue
   ("no tariff cuts", "did not impose") drops it; so does a condition that
   opens its clause ("if the two sides do not settle ...");
2. *status*: the nearest status cue in the clause (``status.json``); a hedge
   before it ("expected to", "may", "proposed") makes it ``planned``; a plain
   future ("will") makes it ``planned``, or ``announced`` for a measure (a
   measure announced to take effect later); a noun trigger with no cue makes
   no event, except in a heading, where the type's default applies;
3. *parties*: the jurisdictions of the sentence (names, aliases, adjectives,
   capitals, agencies, officials' titles; groups for their members), and the
   document's principal parties for phrases like "the two sides";
4. *date*: the temporal expression nearest the trigger, read as future for a
   planned event;
5. instruments, products, rates and officials of the sentence.

Triggers of one type and status in one sentence make one event.
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left
from itertools import compress
from typing import Any

import attrs

from ..dates import EventDate
from ..model import Official, Rate, RateQualifier
from .lexicon import Grammar
from .mentions import Mention
from .timex import TimeEx, immediate_at
from .tokens import Tokens

__all__ = ["MEASURES", "Candidate", "sentence_candidates"]

MEASURES = frozenset({"tariff", "trade-remedy", "export-control", "sanction", "import-restriction"})

_BEFORE = 7
_PARTY_WINDOW = 12
_AFTER = 12
_SEGMENT_BREAKS = frozenset({";", ":"})
_CLAUSE_BREAKS = frozenset({";", ":", ","})
_LIGHT = frozenset({"-", "'", '"'})
#: Officials are immutable values, and a text names the same few again and again: each
#: is built (and validated) once, up to a bound.
_official = functools.lru_cache(maxsize=1024)(Official)

#: Articles and possessives before a noun ("under the plan", "under its plan").
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "this", "that"})
#: "until a deal", "pending an agreement", "absent a deal": a condition, not an act.
_CONDITIONS = frozenset({"until", "pending", "absent"})
#: The words :func:`_is_global` needs one of: a sentence without them skips it.
_GLOBAL_WORDS = frozenset({"all", "worldwide", "global"})
#: Words that make a law the law of a deal.
_DEAL_LAW = frozenset({"implement", "implementing", "ratify", "ratified", "ratification"})
#: Words that put an act after the date told before it ("and later ratified").
_SEQUEL = frozenset({"later", "subsequently", "afterwards", "afterward", "thereafter"})
#: Words between a negation and the verb it negates ("not be seeking to impose").
_STEERING = frozenset({"seeking", "going", "planning", "trying", "to", "able", "looking"})
_RATE_MARKS = frozenset({"%", "percent", "per"})
#: The types whose triggers a venue ("at a summit") may stand beside as events of their own.
_TALK_TYPES = frozenset({"meeting", "negotiation", "visit"})
#: The words that open a relative clause after a comma (", which it imposed in 2023").
_RELATIVE_OPENERS = frozenset({"which", "that"})


@attrs.define
class Candidate:
    """An event in the making (mutable; the pipeline turns it into an :class:`~tradeevents.model.Event`)."""

    type: str
    status: str
    parties: set[str]
    date: EventDate | None
    start: int
    end: int
    trigger: int
    sentence: int
    instruments: set[str] = attrs.field(factory=set)
    products: set[str] = attrs.field(factory=set)
    officials: set[Official] = attrs.field(factory=set)
    rates: set[Rate] = attrs.field(factory=set)
    uses_context: bool = False
    cued: bool = True
    heading: bool = False
    confidence: float = 0.5
    extra: dict[str, Any] = attrs.field(factory=dict)


def _place_at(places: list[tuple[int, int, tuple[str, ...]]], norm: list[str], at: int) -> bool:
    if at < len(norm) and norm[at] == "the":
        at += 1
    return any(a == at for a, _, _ in places)


def _relative_act(
    g: Grammar,
    norm: list[str],
    cues: list[Mention],
    times: list[TimeEx],
    after: int,
    clause_hi: int,
    governing: Mention | None,
    *,
    dated: bool = True,
) -> tuple[str, EventDate | None] | None:
    """A past act told in a relative clause that starts within two tokens of *after*
    and holds its own dated cue: ("it imposed in 2018") -> ("concluded", 2018)."""
    for c in cues:
        if c is governing or c.lo < after or c.lo - after > 3 or c.hi > clause_hi:
            continue
        word = norm[c.hi - 1]
        if not (word.endswith("ed") or word in g.irregular_past):
            continue
        if not (c.lo == after or not g.relative_words.isdisjoint(norm[after : c.lo])):
            continue
        for t in times:
            if c.hi <= t.lo <= c.hi + 2 and t.past is not None:
                return str(c.value), t.past
        if not dated:
            return str(c.value), None
    return None


def after_until(norm: list[str], lo: int, at: int) -> bool:
    """Whether the date at token *at* follows "until" within eight tokens of ``[lo,
    at)``, in the same clause ("paused until after the election on July 4"): the date
    of what the state lasts until, not the act's. (Right before a date, every deadline
    word counts; further back only "until", since "a deal could be reached before the
    end of May" dates the deal.)"""
    before = norm[max(lo, at - 8) : at]
    return "until" in before and _CLAUSE_BREAKS.isdisjoint(before)


def _later_relative(
    g: Grammar,
    norm: list[str],
    cues: list[Mention],
    trigger_starts: set[int],
    times: list[TimeEx],
    breaks: list[int],
    lo: int,
    hi: int,
    trig_hi: int,
    clause_hi: int,
    governing: Mention | None,
) -> tuple[tuple[int, int], tuple[str, EventDate | None]] | None:
    """A past, dated act told in a relative clause (", which it imposed in July 2023")
    that follows the trigger's short complement, with no verb between them: the
    clause's span and the act, as :func:`_relative_act` reads it."""
    if not (
        trig_hi <= clause_hi < hi - 2
        and clause_hi - trig_hi <= 10
        and norm[clause_hi] == ","
        and norm[clause_hi + 1] in _RELATIVE_OPENERS
        and not any(trig_hi <= c.lo < clause_hi for c in cues)
        # "any tariff under its new Reciprocity Law, which Congress passed": the law's
        and not any(trig_hi <= k < clause_hi for k in trigger_starts)
    ):
        return None
    rel_hi = _segment(breaks, lo, hi, clause_hi + 1)[1]
    found = _relative_act(g, norm, cues, times, clause_hi + 1, rel_hi, governing)
    if found is None or found[1] is None:
        return None
    return (clause_hi + 1, rel_hi), found


def _subordinate(g: Grammar, norm: list[str], cue: Mention, trigger: int, floor: int) -> bool:
    """Whether *cue* is the verb of a subordinate clause ("when the deal takes effect")
    that does not hold the trigger."""
    for k in range(cue.lo - 1, max(floor, cue.lo - 12) - 1, -1):
        if norm[k] in _CLAUSE_BREAKS:
            break  # "minutes after an additional 10% U.S. tariff ... took effect": the
            # subordinator opens the clause, however long its subject
        if (
            norm[k] in g.subordinators
            and (
                trigger < k
                # ("once in force, the agreement ...": the clause ends before the trigger)
                or (trigger >= cue.hi and not _CLAUSE_BREAKS.isdisjoint(norm[cue.hi : trigger]))
            )
        ):
            return True  # (a trigger after the subordinator, in its clause, is its verb's)
    return False


#: What ends the reach of a refusal over the noun phrase it governs.
_PHRASE_ENDS = frozenset({";", ":", ",", "and", "but", "that", "which", "who", "while"})


def _denied(g: Grammar, norm: list[str], negs: list[Mention], floor: int, trigger: int) -> bool:
    """Whether a refusal governs the trigger across its noun phrase ("ruled out any fresh
    curbs", "declined to impose new tariffs"): up to 8 tokens, within the clause."""
    for n in negs:
        if (
            n.hi - n.lo > 1
            and norm[n.lo] in g.denial_verbs
            and floor <= n.lo
            and n.hi <= trigger <= n.hi + 8
            and _PHRASE_ENDS.isdisjoint(norm[n.hi : trigger])
            and g.subordinators.isdisjoint(norm[n.hi : trigger])
        ):
            return True
    return False


def _reported_will(
    g: Grammar,
    norm: list[str],
    hedges: list[Mention],
    futures: list[Mention],
    cues: list[Mention],
    floor: int,
    trigger: int,
    reach: int = 6,
) -> bool:
    """Whether the trigger follows "<reporting verb> ... would/will" (reported intent),
    rather than a hedge of expectation ("expected to", "may")."""
    modals = [m for m in hedges + futures if floor <= m.lo < trigger and trigger - m.lo <= reach]
    if not modals or any(norm[m.lo] not in ("would", "will") for m in modals):
        return False
    first = min(m.lo for m in modals)
    return not g.reporting_verbs.isdisjoint(norm[max(floor, first - 8) : first])


def _adjacent_code(places: list[tuple[int, int, tuple[str, ...]]], at: int) -> str | None:
    """The single country named right before the trigger at *at* ("the Australian agreement")."""
    for _a, b, codes in places:
        if b == at and len(codes) == 1:
            return codes[0]
    return None


def _partner_list(
    norm: list[str], places: list[tuple[int, int, tuple[str, ...]]], after: int, end: int
) -> list[str]:
    """The single countries listed right after "with" following the trigger
    ("agreements with Australia and New Zealand" -> AU, NZ)."""
    if after >= end or norm[after] != "with":
        return []
    out: list[str] = []
    at = after + 1
    for a, b, codes in places:  # (in text order)
        if a < at or len(codes) != 1:
            continue
        if not all(norm[k] in (",", "and", "the") for k in range(at, a)):
            break
        out.append(codes[0])
        at = b
    return out


def _agent(norm: list[str], at: int, cue_starts: set[int]) -> bool:
    """Whether the place at token *at* is a passive's agent: "imposed by (the) ..."."""
    k = at - 2 if norm[at - 1] == "the" else at - 1
    return norm[k] == "by" and k - 1 in cue_starts


def _listed(norm: list[str], end: int, at: int) -> bool:
    """Whether only list separators stand between tokens *end* and *at*
    ("Austria, India, Italy and Spain")."""
    return all(norm[k] in (",", "and", "or", "the") for k in range(end, at))


def _own_verbs(a: Candidate, b: Candidate) -> bool:
    """Whether two triggers of one sentence are governed by verbs of their own
    ("the U.S. tariff fell ..., and China's tariff dropped ..."): two acts."""
    ca, cb = a.extra.get("cue"), b.extra.get("cue")
    return ca is not None and cb is not None and ca != cb


def _about_exports(g: Grammar, norm: list[str], a: int, b: int, lo: int, hi: int) -> bool:
    """Whether a ban or restriction at tokens ``[a, b)`` is on exports, not imports."""
    near = norm[max(lo, a - 3) : min(hi, b + 4)]
    inside = norm[a:b]
    if "import" in inside or "imports" in inside:
        return False
    if ("export" in near or "exports" in near) and "imports" not in near and "import" not in near:
        return True
    # "curbs on AI chip sales to China": selling abroad is exporting
    clause = norm[lo:hi]
    if (
        b - a == 1
        and norm[a] in g.bare_restrictions
        and "import" not in clause
        and "imports" not in clause
        and ("exports" in clause or "selling" in clause or ("sales" in clause and "to" in clause))
    ):
        return True
    # a passive with its subject further back: "exports of bauxite ore will be banned"
    before = norm[max(lo, a - 8) : a]
    return (
        "exports" in before
        and before[before.index("exports") + 1 : before.index("exports") + 2] == ["of"]
        and "imports" not in before
        and "import" not in before
        and norm[a - 1] in ("be", "been", "being", "are", "were", "is", "was")
    )


def _inflected(word: str) -> bool:
    """Whether a verb is not in its bare form ("bans", "banned", "banning")."""
    return word.endswith(("s", "ed", "ing")) or word in ("froze", "frozen", "cut")


def _event_verb_after(
    g: Grammar, norm: list[str], at: int, hi: int, cue_starts: set[int], trigger_starts: set[int]
) -> bool:
    """Whether a cue or trigger follows the modal ending at *at*, past adverbs and "be"
    ("would also suspend", "will be lifted", "could begin")."""
    while at < hi and norm[at] in g.modal_fillers:
        at += 1
    return at < hi and (at in cue_starts or at in trigger_starts)


def _has_verb(g: Grammar, norm: list[str], lo: int, hi: int, cue_starts: set[int]) -> bool:
    """Whether tokens ``[lo, hi)`` hold a verb: a status cue, a finite auxiliary or a
    reporting verb ("and Farrell said", "and Ebrard is expected")."""
    window = norm[lo:hi]
    return (
        not g.auxiliaries.isdisjoint(window)
        or not g.reporting_verbs.isdisjoint(window)
        or any(lo <= k < hi for k in cue_starts)
    )


def _joins_clause(
    g: Grammar, norm: list[str], breaks: list[int], lo: int, hi: int, k: int, cue_starts: set[int]
) -> bool:
    """Whether ", and" at *k* opens a clause: a verb before its next break, or, when its
    subject has a relative clause (", and Russia, which restricted imports in 2023, has
    kept its curbs"), a verb right after that clause."""
    end = _segment(breaks, lo, hi, k + 1)[1]
    if _has_verb(g, norm, k + 2, end, cue_starts):
        return True
    if end + 1 >= hi or norm[end] != "," or norm[end + 1] not in ("which", "who"):
        return False
    rel_end = _segment(breaks, lo, hi, end + 1)[1]
    return (
        rel_end + 1 < hi
        and norm[rel_end] == ","
        and _has_verb(g, norm, rel_end + 1, _segment(breaks, lo, hi, rel_end + 1)[1], cue_starts)
    )


def _is_global(norm: list[str], lo: int, hi: int) -> bool:
    """Whether the clause ``[lo, hi)`` tells a measure on imports from everywhere."""
    words = norm[lo:hi]
    return any(
        words[k] == "all" and words[k + 1] in ("imports", "countries", "trading", "origins")
        for k in range(len(words) - 1)
    ) or ("worldwide" in words or ("global" in words and "tariff" in words))


def _purpose(
    g: Grammar, norm: list[str], ev_type: str, after: int, at: int, cue_tokens: set[int]
) -> bool:
    """Whether the cue at token *at*, after a trigger ending at *after*, tells the
    trigger's purpose or topic ("a deal to remove the tariffs", "talks on lifting them")
    rather than its own step."""
    if norm[at - 1] == "to" and at - after <= 8:
        return not any(norm[k] in _CLAUSE_BREAKS or k in cue_tokens for k in range(after, at - 1))
    # "tariffs on cars rise": for a measure, "on" names the goods
    return ev_type not in MEASURES and not g.topic_words.isdisjoint(norm[after:at])


def _past_word(g: Grammar, word: str) -> bool:
    return word.endswith("ed") or word in g.irregular_past


def _told_in_past(
    g: Grammar, norm: list[str], cues: list[Mention], at: int, end: int | None = None
) -> bool:
    """Whether a past-tense cue stands just before the date at tokens ``[at, end)``
    ("announced in May") or right after it ("on May 8 opened")."""
    for c in cues:
        if c.value == "planned":
            continue  # "expected in June" looks ahead
        near = (c.hi <= at and at - c.hi <= 2) or (end is not None and end <= c.lo <= end + 1)
        # any word of the cue: "took effect on March 7" is told in the past
        if near and any(_past_word(g, word) for word in norm[c.lo : c.hi]):
            return True
    return False


def _telling_day(g: Grammar, norm: list[str], at: int, end: int) -> bool:
    """Whether the date at token *at* follows a reporting verb in the past ("Japan said
    on Tuesday it would ..."): the day of the telling, not of the act told."""
    before = range(max(0, at - 2), at)
    after = range(end, min(len(norm), end + 3))  # "On Tuesday Trump said he would ..."
    return any(norm[k] in g.reporting_verbs and _past_word(g, norm[k]) for k in (*before, *after))


def _segment(breaks: list[int], lo: int, hi: int, at: int) -> tuple[int, int]:
    """The run ``[a, b)`` around token *at* between two of the sorted break positions."""
    k = bisect_left(breaks, at)
    return (breaks[k - 1] + 1 if k else lo), (breaks[k] if k < len(breaks) else hi)


def _rates(tokens: Tokens, lo: int, hi: int) -> set[Rate]:
    """The rates of tokens ``[lo, hi)`` (the caller skips sentences with no rate mark)."""
    norm = tokens.norm
    out: set[Rate] = set()
    for i in compress(range(lo + 1, hi), map(_RATE_MARKS.__contains__, norm[lo + 1 : hi])):
        if norm[i] != "per" or (i + 1 < hi and norm[i + 1] == "cent"):
            num = norm[i - 1].replace(",", "")
            try:
                value = float(num)
            except ValueError:
                continue
            if not (0 <= value < 10_000):
                continue
            qualifier = RateQualifier.EXACT
            if i >= lo + 3 and norm[i - 3] == "up" and norm[i - 2] == "to":
                qualifier = RateQualifier.UP_TO
            elif i >= lo + 3 and norm[i - 3] == "at" and norm[i - 2] == "least":
                qualifier = RateQualifier.AT_LEAST
            out.add(Rate(value, qualifier=qualifier))
    return out


def _officials(
    g: Grammar,
    text: str,
    tokens: Tokens,
    mentions: list[Mention],
    hi: int,
    codes_before: dict[int, str],
) -> set[Official]:
    out: set[Official] = set()
    for m in mentions:
        if m.category != "title":
            continue
        _, code = m.value
        if code is None:
            code = codes_before.get(m.lo)
        k = m.hi
        parts: list[str] = []
        while (
            k < hi
            and len(parts) < 4
            and text[tokens.starts[k]].isupper()
            and tokens.norm[k] not in g.name_stops
            and tokens.norm[k][0].isalpha()
        ):
            parts.append(text[tokens.starts[k] : tokens.ends[k]])
            k += 1
        if parts:
            raw_title = text[tokens.starts[m.lo] : tokens.ends[m.hi - 1]]
            try:
                out.add(_official(" ".join(parts), raw_title, code))
            except ValueError:
                continue
    return out


def _implied_triggers(
    g: Grammar,
    norm: list[str],
    lo: int,
    hi: int,
    by_cat: dict[str, list[Mention]],
    times: list[TimeEx],
    window: list[str],
    words: frozenset[str],
) -> list[Mention]:
    """The sentence's triggers, with the acts a verb tells without a trigger noun: a
    legislature approving, a restriction verb with its trade flow, "agreed on Friday to".
    Their cue words are :attr:`Grammar.trigger_cues`. *window* is ``norm[lo:hi]``, and
    *words* its set."""
    triggers = by_cat.get("trig", [])
    if g.trigger_cues.isdisjoint(words):
        return triggers
    implied: list[Mention] = []
    # "Vietnam's National Assembly ratified it in June", "parliament must then approve it",
    # "must still be approved by Japan's Diet": a legislature approving is a law's step
    if not g.approval_verbs.isdisjoint(words):
        cue_at = {c.lo: c for c in by_cat.get("cue", [])}
        for k in compress(range(lo, hi), map(g.approval_verbs.__contains__, window)):
            if any(t.lo <= k < t.hi for t in triggers):
                continue
            by_legislature = not g.legislatures.isdisjoint(norm[max(lo, k - 6) : k]) or (
                k + 2 < hi
                and norm[k + 1] in ("by", "from", "of")
                and not g.legislatures.isdisjoint(norm[k + 2 : min(hi, k + 7)])
            )
            if not by_legislature:
                continue
            before = norm[max(lo, k - 3) : k]
            # an approval still owed ("must still be", "needs", "has to", "yet to", "must
            # now give its consent") or expected ("is expected to vote")
            owed = (
                not g.owed_words.isdisjoint(norm[max(lo, k - 5) : k])
                or any(k - 5 <= m.lo < k for m in by_cat.get("hedge", ()))
                or (k - 1 >= lo and norm[k - 1] == "to" and ("has" in before or "have" in before))
                # "submitted to the European Parliament for approval": the purpose, to come
                or (k - 1 >= lo and norm[k - 1] == "for")
            )
            cue = cue_at.get(k)
            if owed:
                step = "planned"
            elif cue is not None:
                step = str(cue.value)
            else:
                continue  # a noun without a verb of its own ("the consent of parliament")
            end = cue.hi if cue is not None else k + 1
            implied.append(Mention(k, end, "trig", ("legislation", step)))
    # "suspended beef imports from ...", "beef shipments to China were suspended": a
    # restriction verb and its trade flow with goods between them
    verbs = (
        []
        if g.restriction_verbs.isdisjoint(words)
        else list(compress(range(lo, hi), map(g.restriction_verbs.__contains__, window)))
    )
    taken_tokens = {k for t in triggers for k in range(t.lo, t.hi)} if verbs else set()
    for k in verbs:
        if k in taken_tokens:
            continue
        flow = next(
            (
                j
                for j in range(k + 1, min(hi, k + 5))
                if norm[j] in g.trade_flows and _CLAUSE_BREAKS.isdisjoint(norm[k:j])
            ),
            None,
        )
        passive = (
            flow is None
            and k - 1 >= lo
            and norm[k - 1] in ("were", "was", "been", "be", "is", "are")
        )
        if passive:
            flow = next(
                (
                    j
                    for j in range(max(lo, k - 8), k)
                    if norm[j] in g.trade_flows and _CLAUSE_BREAKS.isdisjoint(norm[j:k])
                ),
                None,
            )
            if flow is None:
                # "exports of Japanese beef to China, which have been halted since 2001":
                # the flow before a relative clause that the verb ends
                rel = next(
                    (
                        j
                        for j in range(k - 2, max(lo, k - 6) - 1, -1)
                        if norm[j] in ("which", "that")
                    ),
                    None,
                )
                if rel is not None and rel - 1 >= lo and norm[rel - 1] == ",":
                    flow = next(
                        (
                            j
                            for j in range(max(lo, rel - 9), rel - 1)
                            if norm[j] in g.trade_flows
                            and _CLAUSE_BREAKS.isdisjoint(norm[j : rel - 1])
                        ),
                        None,
                    )
        if flow is not None:
            kind = "export-control" if norm[flow].startswith("export") else "import-restriction"
            implied.append(Mention(k, k + 1, "trig", (kind, "in-effect")))
    # "agreed on Friday to set up ...": "agreed to" with a date inserted
    for t in times if not g.agree_verbs.isdisjoint(words) else ():
        at = t.lo - 2 if t.lo - 1 > lo and norm[t.lo - 1] in ("on", "in") else t.lo - 1
        if at >= lo and norm[at] in g.agree_verbs and t.hi < hi and norm[t.hi] == "to":
            implied.append(Mention(at, at + 1, "trig", ("agreement", "concluded")))
    return sorted([*triggers, *implied]) if implied else triggers


def sentence_candidates(
    text: str,
    tokens: Tokens,
    lo: int,
    hi: int,
    index: int,
    mentions: list[Mention],
    times: list[TimeEx],
    heading: bool,
    published: dt.date | None,
    g: Grammar,
) -> list[Candidate]:
    """The candidate events of the sentence at tokens ``[lo, hi)``."""
    norm = tokens.norm
    by_cat: dict[str, list[Mention]] = {}
    for m in mentions:
        by_cat.setdefault(m.category, []).append(m)
    window = norm[lo:hi]
    # the sentence's words as a set: each test for a few words costs a few look-ups
    words = frozenset(window)
    triggers = _implied_triggers(g, norm, lo, hi, by_cat, times, window, words)
    if not triggers:
        return []
    cues = [
        c
        for c in by_cat.get("cue", [])
        # "at the end of June": part of a period, not a step; "Tai added that ...": speech;
        # "high-end fashion", "face-to-face": part of a compound
        if not (c.lo > lo and norm[c.lo - 1] == "-")
        and not (c.hi < hi and norm[c.hi] == "-")
        # "Under the plan, the tariff will quadruple": the frame's noun, not a verb
        and not (c.lo - 2 >= lo and norm[c.lo - 2] == "under" and norm[c.lo - 1] in _ARTICLES)
        and not (
            c.hi < hi
            and (
                (norm[c.hi] == "of" and norm[c.hi - 1] in g.period_nouns)
                or (norm[c.hi] == "that" and norm[c.hi - 1] in g.speech_verbs)
            )
        )
    ]
    negs = by_cat.get("neg", [])
    hedges = by_cat.get("hedge", [])
    futures = by_cat.get("future", [])
    conds = by_cat.get("cond", [])

    # jurisdictions of the sentence: (first token, last token, codes)
    places: list[tuple[int, int, tuple[str, ...]]] = []
    codes_before: dict[int, str] = {}
    group_before: dict[int, tuple[str, ...]] = {}
    for m in by_cat.get("jur", []):
        codes = m.value[0]
        if m.value[1] == "group":
            group_before[m.hi] = codes
        if (
            m.lo - 2 >= lo
            and norm[m.lo - 1] in ("in", "of", "on")
            and norm[m.lo - 2] in g.topic_nouns
        ):
            continue  # "over its war in Ukraine": the topic, not a side
        if m.value[1] == "group" and any(
            norm[k] in g.frame_words for k in range(max(lo, m.lo - 3), m.lo)
        ):
            continue  # "under the USMCA", "at the G20 summit": the frame, not the parties
        places.append((m.lo, m.hi, codes))
        if len(codes) == 1:
            codes_before[m.hi] = codes[0]
    for m in by_cat.get("title", []):
        if m.value[1] is not None:
            places.append((m.lo, m.hi, (m.value[1],)))
    # named frames ("under the United States-Mexico-Canada Agreement"): the names in
    # them are not sides of the sentence's acts
    frames = (
        []
        if g.frame_words.isdisjoint(words)
        else [
            (k, t.hi)
            for t in triggers
            if t.lo > lo and text[tokens.starts[t.lo]].isupper()
            for k in range(max(lo, t.lo - 8), t.lo)
            if norm[k] in g.frame_words
        ]
    )
    if frames:
        places = [p for p in places if not any(a <= p[0] and p[1] <= b for a, b in frames)]
    places.sort()  # in text order, once
    first_cue = cues[0].lo if cues else hi  # mentions come in text order
    subject = {code for a, b, codes in places if b <= first_cue and a - lo <= 20 for code in codes}
    uses_context = bool(by_cat.get("ref"))
    instruments = {m.value for m in by_cat.get("inst", [])}
    products = {m.value for m in by_cat.get("prod", [])}
    # each product belongs to the trigger told just before it ("duties on cars ..., and
    # tariffs on steel"): acts on other goods stay apart
    own_products: dict[int, set[str]] = {}
    # a trigger word inside a product name ("solar panel") is the product's
    prod_spans = [(m.lo, m.hi) for m in by_cat.get("prod", [])]
    if prod_spans:
        triggers = [t for t in triggers if not any(a <= t.lo and t.hi <= b for a, b in prod_spans)]
        if not triggers:
            return []
    starts = [t.lo for t in triggers]  # in text order
    for m in by_cat.get("prod", []):
        k = bisect_left(starts, m.lo)
        owner = starts[k - 1] if k else starts[0]
        own_products.setdefault(owner, set()).add(m.value)
    rates = set() if _RATE_MARKS.isdisjoint(words) else _rates(tokens, lo, hi)
    titles = by_cat.get("title")
    officials = _officials(g, text, tokens, titles, hi, codes_before) if titles else set()

    def near(items: list[Mention], a: int, b: int) -> list[Mention]:
        return [m for m in items if m.lo >= a and m.hi <= b]

    out: list[Candidate] = []
    taken: set[tuple[int, int]] = {(t.lo, t.hi) for t in triggers}
    insts = by_cat.get("inst")
    remedy_marks = [m for m in insts if m.value in g.remedy_instruments] if insts else []
    inst_spans = [(m.lo, m.hi, m.value) for m in insts] if insts else []
    cue_starts = {c.lo for c in cues}
    # most cues are one word: their tokens are their starts
    cue_tokens = (
        {j for c in cues for j in range(c.lo, c.hi)}
        if any(c.hi - c.lo > 1 for c in cues)
        else cue_starts
    )
    trigger_starts = {t.lo for t in triggers}
    time_starts = {t.lo for t in times}
    hedge_starts = {m.lo for m in hedges}
    # break positions, found once: clauses end at any of them, segments at ";" and ":"
    # one C-level pass finds the structure words; the few found are sorted out in one loop
    maybe_global = not _GLOBAL_WORDS.isdisjoint(words)  # what _is_global looks for
    clause_breaks: list[int] = []
    subordinator_pos: list[int] = []
    under_pos: list[int] = []
    segment_breaks: list[int] = []
    for k in compress(range(lo, hi), map(g.structure_words.__contains__, window)):
        word = norm[k]
        if word in _CLAUSE_BREAKS:
            clause_breaks.append(k)
            if word in _SEGMENT_BREAKS:
                segment_breaks.append(k)
        if word in g.subordinators:
            subordinator_pos.append(k)
        if word == "under":
            under_pos.append(k)
    # ", and the EU has applied ...": a coordinated clause, with a verb of its own before
    # its next break (", and its automotive sector, took effect": a list's last item)
    joins = [
        k
        for k in clause_breaks
        if k + 1 < hi
        and norm[k] == ","
        and norm[k + 1] in g.clause_joins
        and _joins_clause(g, norm, clause_breaks, lo, hi, k, cue_starts)
    ]
    # words some per-trigger checks look for, tested once for the sentence
    conditional = not (_CONDITIONS.isdisjoint(words) and g.generic_words.isdisjoint(words))
    light = not _LIGHT.isdisjoint(words)
    immediate = "immediately" in words or "immediate" in words
    lawful = not g.programme_ends.isdisjoint(words)
    permissive = not g.permission_verbs.isdisjoint(words)
    aims = "of" in words and not g.aim_words.isdisjoint(words)
    goals = not g.goal_words.isdisjoint(words)
    effects = not g.effect_objects.isdisjoint(words)
    against = "against" in words
    recalled: list[tuple[int, int]] = []  # relative clauses telling an earlier step
    named_laws: list[tuple[int, int]] = []  # a programme law's other names, before its verb
    for trig in triggers:
        ev_type, verb_status = trig.value
        if named_laws and any(a <= trig.lo < b for a, b in named_laws):
            continue
        if inst_spans and any(
            a <= trig.lo and trig.hi <= b and (a, b) != (trig.lo, trig.hi) for a, b, _ in inst_spans
        ):
            continue  # "the Uyghur Forced Labor Prevention Act": a named instrument, not an act
        if ev_type == "export-control" and any(
            v == "uflpa" and trig.lo - 8 <= a < trig.lo for a, _, v in inst_spans
        ):
            ev_type = "import-restriction"  # the UFLPA Entity List bars imports
        if (
            ev_type == "visit"
            and norm[trig.hi - 1] in g.place_prepositions
            and not _place_at(places, norm, trig.hi)
            and not (
                # a city the tables do not hold ("travels to Johannesburg"), not a date
                verb_status != "planned"
                and trig.hi < hi
                and text[tokens.starts[trig.hi]].isupper()
                and norm[trig.hi] not in g.calendar_words
            )
        ):
            continue  # "expected in" is a visit only before a place: "expected in New Delhi"
        if conditional:
            if not _CONDITIONS.isdisjoint(norm[max(lo, trig.lo - 3) : trig.lo]):
                continue  # "until a second-phase deal", "pending an agreement": a condition
            if not g.generic_words.isdisjoint(norm[max(lo, trig.lo - 2) : trig.lo]):
                continue  # "Brazil would answer any tariff": no act
        if (
            ev_type == "negotiation"
            and trig.hi < hi
            and norm[trig.hi] == "with"
            and any(
                trig.hi < m.lo <= trig.hi + 3 and norm[m.hi - 1] in g.leader_titles
                for m in by_cat.get("title", [])
            )
        ):
            ev_type = "meeting"  # "will hold talks with Prime Minister Modi": leaders meet
        if (
            ev_type == "investigation"
            and trig.hi - trig.lo == 1
            and norm[trig.lo] in ("case", "cases")
        ):
            near_words = set(norm[max(lo, trig.lo - 5) : min(hi, trig.hi + 2)])
            if near_words & g.dispute_words:
                ev_type = "dispute"  # "a World Trade Organization case against China"
            elif not near_words & g.case_contexts:
                continue  # "an atypical case of mad cow disease": no trade case
        if "," in norm[max(lo, trig.lo - 6) : trig.lo - 2] and any(
            norm[k] == "," and norm[k + 1] == "the" and norm[k + 2] in g.superlatives
            for k in range(max(lo, trig.lo - 6), trig.lo - 2)
        ):
            continue  # "..., the most far-reaching trade deal the bloc has concluded": a description
        if trig.hi < hi and norm[trig.hi] in g.nomenclature_words:
            continue  # "544 tariff lines", "tariff classification": the nomenclature
        if norm[trig.lo] == "ruling" and not g.party_words.isdisjoint(norm[trig.hi : trig.hi + 3]):
            continue  # "the ruling Morena party": in power, not a ruling
        if trig.lo == lo + 2 and norm[lo] in g.sequence_words and norm[lo + 1] in _ARTICLES:
            continue  # "After the talks, Farrell said ...": the talks told before
        if against and ev_type == "tariff" and "against" in norm[max(lo, trig.lo - 3) : trig.lo]:
            continue  # "file a lawsuit against the U.S. tariffs": the target of another act
        if (
            trig.lo <= lo + 1
            and trig.hi < hi
            and norm[trig.hi] in g.coming_verbs
            and (trig.lo == lo or norm[lo] in _ARTICLES)
        ):
            continue  # "The duties come days after ...": the act told before, retold
        if (
            ev_type == "legislation"
            and norm[trig.lo] in ("rule", "rules")
            and trig.lo > lo
            and (norm[trig.lo - 1] in g.dispute_words or norm[trig.lo - 1] in g.norm_owners)
        ):
            continue  # "breached WTO rules", "global trade rules": the norms, not a law
        if (
            ev_type == "meeting"
            and "at" in norm[max(lo, trig.lo - 4) : trig.lo]
            and any(
                t.value[0] not in _TALK_TYPES
                and t.value[1] is None  # (not "agreed to resume the talks at a meeting")
                and t.hi <= trig.lo
                and any(t.lo - 3 <= c.lo < trig.lo and c.lo not in hedge_starts for c in cues)
                for t in triggers
            )
        ):
            continue  # "signed the agreement at a virtual summit": the venue of another act
        if (
            ev_type == "negotiation"
            and norm[trig.lo] in g.discussing_verbs
            and any(t.value[0] in ("meeting", "visit") for t in triggers if t is not trig)
        ):
            continue  # "met Secretary Lutnick and discussed energy": the meeting's talk
        if (
            aims
            and ev_type in ("agreement", "negotiation")
            and any(
                norm[k] in g.aim_words and norm[k + 1] == "of"
                for k in range(max(lo, trig.lo - 6), trig.lo - 1)
            )
        ):
            continue  # "set a target of concluding a deal by the end of the year": an aim
        if (
            goals
            and ev_type == "agreement"
            and not g.goal_words.isdisjoint(norm[max(lo, trig.lo - 6) : trig.lo])
            and _CLAUSE_BREAKS.isdisjoint(norm[max(lo, trig.lo - 6) : trig.lo])
        ):
            continue  # "launched negotiations toward a free trade agreement": the goal
        if (
            verb_status is None
            and trig.lo > lo
            and norm[trig.lo - 1] in g.modal_verbs
            and norm[trig.lo] in g.verb_nouns
        ):
            continue  # "importers should review ...": the verb, not the noun
        if (
            ev_type == "agreement"
            and verb_status is None
            and any(
                t.value[0] == "negotiation"
                and t.hi <= trig.lo
                and trig.lo - t.hi <= 8
                and (
                    any(norm[k] in g.topic_words or norm[k] == "to" for k in range(t.hi, trig.lo))
                    # "began negotiating a trade deal": the verb's object
                    or (t.value[1] is not None and trig.lo - t.hi <= 3)
                )
                and _CLAUSE_BREAKS.isdisjoint(norm[t.hi : trig.lo])
                # ("concluded negotiations on an agreement" is the agreement)
                and g.completion_verbs.isdisjoint(norm[max(lo, t.lo - 4) : t.lo])
                for t in triggers
            )
        ):
            continue  # "launched negotiations to upgrade their free trade agreement": the topic
        if (
            ev_type in MEASURES
            and len(triggers) > 1  # another trigger, before this one
            and any(
                t.hi <= trig.lo
                and (
                    (
                        t.value[0] in ("negotiation", "dispute")  # "a complaint over the tariffs"
                        and trig.lo - t.hi <= 12
                        and any(
                            norm[k] in g.topic_words and k + 1 not in time_starts
                            for k in range(t.hi, trig.lo)
                        )
                        and _CLAUSE_BREAKS.isdisjoint(norm[t.hi : trig.lo])
                    )
                    or (
                        # "a deal (between A and B) to remove the tariffs could be reached"
                        t.value[0] == "agreement"
                        and t.value[1] is None
                        and trig.lo - t.hi <= 12
                        and any(
                            norm[k] == "to" and k + 1 in cue_starts
                            for k in range(t.hi, trig.lo - 1)
                        )
                        and _CLAUSE_BREAKS.isdisjoint(norm[t.hi : trig.lo])
                    )
                )
                for t in triggers
            )
        ):
            continue  # "talks on possibly lifting the tariffs": the talks' topic, not an act
        if (
            ev_type == "legislation"
            and norm[trig.lo] in g.rule_vehicles
            and any(w in ("export", "exports") for w in norm[trig.lo : min(hi, trig.hi + 10)])
        ):
            ev_type = "export-control"  # "rules requiring licences for exports to China"
        if ev_type == "import-restriction" and _about_exports(g, norm, trig.lo, trig.hi, lo, hi):
            ev_type = (
                "export-control"  # "a ban on nickel ore exports", "exports ... will be banned"
            )
        if ev_type in g.remedy_types and near(remedy_marks, trig.lo - 5, trig.hi + 5):
            ev_type = "trade-remedy"
        seg_lo, seg_hi = _segment(segment_breaks, lo, hi, trig.lo)
        if negs and (
            near(negs, max(seg_lo, trig.lo - 3), trig.lo)
            or any(
                n.lo < trig.lo < n.hi <= trig.hi
                for n in negs  # "failed to meet": "to" shared
            )
            or _denied(g, norm, negs, seg_lo, trig.lo)
        ):
            continue
        clause_lo, clause_hi = _segment(clause_breaks, lo, hi, trig.lo)
        if conds and near(conds, clause_lo, trig.lo):
            continue
        if (
            under_pos
            and any(
                # "under the market-access agreement": a frame reaches over its modifiers
                trig.lo - 6 <= k < trig.lo
                and all(
                    norm[j] not in _CLAUSE_BREAKS and j not in cue_tokens for j in range(k, trig.lo)
                )
                for k in under_pos
            )
            and (_relative_act(g, norm, cues, times, trig.hi, clause_hi, None, dated=False) is None)
        ):
            continue  # "under the agreement": the frame of another act, unless a relative
            # clause tells the frame's own act ("under an arrangement they reached in May")
        if (
            not heading
            and trig.lo > lo
            and text[tokens.starts[trig.lo]].isupper()
            and not g.frame_words.isdisjoint(norm[max(lo, trig.lo - 8) : trig.lo])
        ):
            continue  # "under the United States-Mexico-Canada Agreement": a named frame
        # the governing cue: nearest in the window, not inside a trigger
        best: Mention | None = None
        best_dist = 1_000
        # an inserted date (", in March,") does not move the verb away from its object
        inserted = (
            sum(t.hi - t.lo + 2 for t in times if trig.lo - _BEFORE - 6 <= t.lo and t.hi <= trig.lo)
            if times
            else 0
        )
        reach = _BEFORE + min(inserted, 8)
        # quotes and hyphens inside a noun phrase are no words ("the U.S.–China trade
        # agreement", "the ‘phase one’ deal")
        if light:
            reach += min(4, sum(map(_LIGHT.__contains__, norm[max(lo, trig.lo - reach) : trig.lo])))
        cue_lo, cue_hi = max(seg_lo, trig.lo - reach), min(seg_hi, trig.hi + _AFTER)
        # ", and Ebrard is expected to ...": a coordinated clause has verbs of its own
        joined = next((k for k in joins if k >= trig.hi), hi) if joins else hi
        cue_hi = min(cue_hi, joined)
        far_hi = min(seg_hi, joined)
        if clause_lo > lo and norm[clause_lo - 1] == "," and norm[clause_lo] in ("which", "who"):
            # "The EU, which backs the nuclear deal, has updated ...": the verbs outside
            # the relative clause are not its trigger's
            cue_lo, cue_hi = max(cue_lo, clause_lo), min(cue_hi, clause_hi)
            far_hi = clause_hi
        # "The duties, set out in a decision ..., took effect on March 7": the verbs of an
        # apposition after the trigger are not its own when a verb follows the apposition
        appo_lo = appo_hi = trig.hi
        if trig.hi + 1 < hi and norm[trig.hi] == ",":
            end = _segment(clause_breaks, lo, hi, trig.hi + 1)[1]
            if any(end <= c.lo < seg_hi for c in cues):
                appo_hi = end
        for c in near(cues, cue_lo, cue_hi):
            if appo_lo <= c.lo < appo_hi:
                continue
            if ev_type not in MEASURES and norm[c.lo] in g.measure_cues:
                continue  # "the meeting has been cut to a single day": no step of a meeting
            if (c.lo, c.hi) in taken or (trig.lo <= c.lo < trig.hi):
                continue  # a cue inside the trigger; one ending in it governs it ("issued its final
                # determination")
            if subordinator_pos and _subordinate(g, norm, c, trig.lo, seg_lo):
                continue  # "... will be halved when the deal takes effect": another act's verb
            if c.lo >= trig.hi and _purpose(g, norm, ev_type, trig.hi, c.lo, cue_tokens):
                continue  # "a deal to remove the tariffs", "talks on lifting": the topic
            dist = trig.lo - c.hi if c.hi <= trig.lo else c.lo - trig.hi + 1
            if dist < best_dist:
                best, best_dist = c, dist
        if best is None and verb_status is None:
            # a long subject ("Tariffs on ... imposed by China took effect") or a long
            # object ("added two companies to the ... Entity List"): the nearest cue of
            # the clause governs it
            far = [
                c
                for c in near(cues, trig.hi, far_hi)
                if (c.lo, c.hi) not in taken
                and not appo_lo <= c.lo < appo_hi
                and (c.lo >= trig.hi or c.hi <= trig.lo)
                and not (subordinator_pos and _subordinate(g, norm, c, trig.lo, seg_lo))
                # "a deal to remove the tariffs": the purpose (a long subject's own verb
                # may follow "on ...": "talks on price undertakings are continuing")
                and not (
                    norm[c.lo - 1] == "to" and _purpose(g, norm, ev_type, trig.hi, c.lo, cue_tokens)
                )
                # "talks with ... on lifting the tariffs": a preposition's object is the topic
                and not (ev_type not in MEASURES and norm[c.lo - 1] in g.topic_words)
                and not (ev_type not in MEASURES and norm[c.lo] in g.measure_cues)
            ]
            if far:
                best = min(far, key=lambda c: abs(c.lo - trig.lo))
            elif any(norm[k] in ("to", "on", "from") for k in range(max(lo, trig.lo - 2), trig.lo)):
                # "added 13 Chinese entities, including ..., to its Entity List": the verb
                # before a long object governs the list it puts them on ("removed four
                # countries ... from AGOA": the programme it takes them off)
                verbs = (
                    g.delisting_verbs
                    if "from" in norm[max(lo, trig.lo - 2) : trig.lo]
                    else g.listing_verbs
                )
                back = [
                    c
                    for c in near(cues, max(seg_lo, trig.lo - 30), trig.lo)
                    if (c.lo, c.hi) not in taken and norm[c.hi - 1] in verbs
                ]
                if back:
                    best = back[-1]
        # "AGOA expired at midnight", "AGOA was last renewed in 2015": a preference
        # programme that is one jurisdiction's law, renewed or lapsing, is that law's step
        law = (
            g.programme_laws.get(" ".join(norm[trig.lo : trig.hi]))
            if lawful and ev_type == "tariff"
            else None
        )
        if law is not None:
            if best is None or norm[best.lo] not in g.renewal_verbs:
                best = next(
                    (
                        c
                        for c in cues
                        if trig.hi <= c.lo < min(seg_hi, trig.hi + 15)
                        and norm[c.lo] in g.renewal_verbs
                    ),
                    best,
                )
            if best is not None and norm[best.lo] in g.renewal_verbs:
                ev_type = "legislation"
                # "the African Growth and Opportunity Act (AGOA), the US trade preference
                # programme, expired": the names between the law and its verb are the law's
                named_laws.append((trig.hi, best.lo))
            else:
                law = None
        if (
            effects
            and best is not None
            and best.lo >= trig.hi
            and any(
                best.lo <= c.lo <= best.lo + 2
                and norm[c.lo] in g.measure_cues
                and not g.effect_objects.isdisjoint(norm[c.hi : c.hi + 3])
                for c in cues
            )
        ):
            continue  # "the duty would raise input costs": what it does, not a step of it
        if best is not None and norm[best.lo] in g.linking_verbs and best.hi < hi:
            # "talks remain paused", "the duties remain suspended": the participle after
            # the linking verb tells the state
            state = next((c for c in cues if c.lo == best.hi), None)
            if state is not None:
                best = state
        cued = True
        ahead = False  # a step read forward by its place in the sentence
        if (
            best is not None
            and verb_status is not None
            and (
                best.lo >= trig.hi
                or trig.lo - best.hi > 3
                or any(
                    norm[k] in _CLAUSE_BREAKS or norm[k] == "and" for k in range(best.hi, trig.lo)
                )
            )
        ):
            best = None  # a verb trigger tells its own phase ("agreed to roll back", "..., in
            # force since Oct. 11, and is investigating imports")
        if (
            permissive
            and best is not None
            and not g.permission_verbs.isdisjoint(norm[max(lo, best.lo - 4) : best.lo])
        ):
            continue  # "a law which lets the government suspend trade concessions": a power
        if (
            ev_type in MEASURES
            and (best is None or best.hi <= trig.lo)  # no verb of its own after it
            and len(triggers) > 1
            and any(
                t.value[0] == "dispute" and seg_lo <= t.lo and "that" in norm[t.hi : trig.lo]
                for t in triggers
            )
        ):
            continue  # "a WTO panel found that China's duties breach the rules": the finding's topic
        if (
            best is not None
            and best.hi - best.lo == 1
            and norm[best.lo] in g.modal_verbs
            and trig.hi <= best.lo
            and not any(
                norm[k] in _CLAUSE_BREAKS or norm[k] in ("which", "that", "who")
                for k in range(trig.hi, best.lo)
            )
            and not _event_verb_after(g, norm, best.hi, hi, cue_starts, trigger_starts)
        ):
            continue  # "the agreements would help British firms": a modal over no act
        if (
            best is not None
            and best.value == "planned"
            and best.hi <= trig.lo
            and trig.hi + 1 < hi
            and norm[trig.hi] == "to"
            and not _event_verb_after(g, norm, trig.hi + 1, hi, cue_starts, trigger_starts)
        ):
            continue  # "expected the agreement to support investment": what it will do
        if (
            best is not None
            and ev_type in ("agreement", "legislation")
            and verb_status is None
            and best.lo >= trig.hi
            and _CLAUSE_BREAKS.isdisjoint(norm[trig.hi : best.lo])
            and any(
                t.value[0] in MEASURES and best.hi <= t.lo <= best.hi + 3 and t is not trig
                for t in triggers
            )
        ):
            continue  # "the agreement would phase out tariffs": the tariffs are the act
        if best is not None:
            status = g.type_cues.get(ev_type, {}).get(norm[best.lo], str(best.value))
            anchor = min(best.lo, trig.lo)
            if (
                negs
                and (
                    near(negs, max(seg_lo, best.lo - 3), best.lo)
                    or any(
                        n.lo == best.hi  # "would not renew", "will not impose"
                        or (  # "will not be seeking to impose"
                            best.lo - 6 <= n.lo < best.lo
                            and all(
                                w in g.modal_fillers or w in _STEERING for w in norm[n.hi : best.lo]
                            )
                        )
                        for n in negs
                    )
                )
            ):
                continue
        elif verb_status is not None:
            status = verb_status
            anchor = trig.lo
        elif heading:
            if not places:
                continue  # a section label ("Export controls"), not a headline
            status = g.default_status[ev_type]
            if (
                ev_type in ("negotiation", "meeting")
                and "for" in norm[max(lo, trig.lo - 10) : trig.lo]
                and "to" in norm[lo : trig.lo - 1]
            ):
                status = "planned"  # "Minister to Visit Washington for Trade Talks"
            anchor = trig.lo
            cued = False
        elif (
            ev_type in g.dated_defaults
            and published is not None
            and not near(hedges + futures, clause_lo, trig.lo)  # "are due to ... at a meeting"
            and any(
                t.past is not None
                # "last week" is told by its month, which may run past publication
                and (t.past.last < published or not g.back_words.isdisjoint(norm[t.lo : t.hi]))
                # "a visit to Seoul in early May"
                and abs(t.lo - trig.hi) <= 4
                # "travel to Beijing for a summit on Thursday": a weekday may lie either
                # way; only a verb in the past tense puts it behind
                and (
                    t.future is None
                    or t.future == t.past
                    or any(_past_word(g, w) for w in norm[seg_lo:seg_hi])
                )
                for t in times
            )
        ):
            # "Blinken's visit last month": a visit or meeting dated in the past happened
            status = g.default_status[ev_type]
            anchor = trig.lo
            cued = False
        elif (
            ev_type in g.dated_defaults
            and published is None
            and not hedges
            and not futures
            and any(t.past is not None and abs(t.lo - trig.hi) <= 3 for t in times)
            and any(_past_word(g, w) for w in norm[seg_lo:seg_hi])
        ):
            # "At their summit on March 16, Yoon and Kishida discussed ...": with no
            # publication date, a dated meeting told in the past tense happened
            status = g.default_status[ev_type]
            anchor = trig.lo
            cued = False
        elif (
            ev_type in g.dated_defaults
            and published is not None
            and "for" in norm[max(lo, trig.lo - 2) : trig.lo]
            and any(
                abs(t.lo - trig.hi) <= 3
                and t.future is not None
                and t.future != t.past
                and t.future.first >= published
                for t in times
            )
            and not any(_past_word(g, w) for w in norm[seg_lo:seg_hi])
        ):
            # "He then flies to Beijing for a meeting with Xi on Friday": a trip's
            # purpose, dated by a weekday and told in the present, lies ahead
            status = "planned"
            anchor = trig.lo
            cued = False
            ahead = True
        elif (
            ev_type == "legislation"
            and norm[trig.lo] in g.approval_verbs
            and not g.owed_words.isdisjoint(norm[max(lo, trig.lo - 5) : trig.lo])
        ):
            status = "planned"  # "the deal still needs ratification"
            anchor = trig.lo
            cued = False
        elif ev_type in ("negotiation", "meeting") and any(
            # "will travel to Washington next week for talks": the talks are to come (and
            # "Italy will host the next trade ministers' meeting next year": dated ahead)
            seg_lo <= m.lo < trig.lo
            and trig.lo - m.lo <= 12
            and (
                norm[trig.lo - 1] == "for"
                or any(0 <= t.lo - trig.hi <= 3 and t.future is not None for t in times)
            )
            for m in futures + hedges
        ):
            status = "planned"
            anchor = trig.lo
            cued = False
            ahead = True  # its date is read forward
        else:
            continue
        window_lo = max(seg_lo, anchor - 4)
        modal_spans = [(window_lo, anchor + 1)]
        modal_reach = 6
        if best is not None:
            modal_spans.append((max(seg_lo, best.lo - 3), best.hi))
            if best.hi <= trig.lo:
                modal_spans.append((best.hi, trig.lo))  # "continue in search of a deal"
        elif (
            verb_status is not None
            and trig.lo - 1 >= lo
            and norm[trig.lo - 1] == "and"
            and not _inflected(norm[trig.lo])
        ):
            # "said it would prohibit exports ... and freeze the assets": a bare verb
            # joined by "and" shares the modal of the verb before it
            modal_spans.append((max(clause_lo, seg_lo), trig.lo))
            modal_reach = trig.lo - max(clause_lo, seg_lo)
        future = ahead
        hedged = [m for a, b in modal_spans for m in near(hedges, a, b)] if hedges else []
        if hedges and best is not None and not hedged and ev_type in MEASURES:
            # "tariffs ... are due to take effect Nov. 1": the cue opens the hedge
            hedged = [m for m in hedges if m.lo == best.lo and norm[m.lo] in g.schedule_words]
        if hedged:
            future = True
            if ev_type in MEASURES and all(
                norm[m.lo] in g.schedule_words
                and any(w in g.effect_words or w in g.start_verbs for w in norm[m.hi : m.hi + 3])
                for m in hedged
            ):
                status = "announced"  # "a duty scheduled to take effect April 9": decided
            else:
                status = "planned"
        elif (futures and any(near(futures, a, b) for a, b in modal_spans)) or (
            # a headline's "to" before a verb: "Japan to Restrict Chip Exports", "Commerce
            # to Exit Tomato Pact"
            heading
            and (anchor > lo and norm[anchor - 1] == "to")
            # ("Minister to Visit Washington": a noun trigger read as the verb it spells)
            and (verb_status is not None or (best is not None and best.lo == anchor) or not cued)
        ):
            future = True
            if (ev_type in MEASURES or ev_type in g.future_announced) and status in (
                "announced",
                "in-effect",
                "ended",
            ):
                # a measure announced to take effect later is announced; but cuts a
                # deal sets for later ("Japan will cut tariffs on beef") are planned
                reduction = best is not None and norm[best.lo] in g.reductions
                # "the safeguard will expire on 30 June 2026": an end only expected
                expiry = status == "ended" and best is not None and norm[best.lo] in g.expiry_words
                status = "planned" if (reduction and ev_type == "tariff") or expiry else "announced"
            else:
                status = "planned"
        if (
            best is not None
            and status != "planned"
            and "when" in norm[max(seg_lo, trig.lo - 3) : trig.lo]
            and best.lo >= trig.hi
            and not _past_word(g, norm[best.lo])
        ):
            # "when the deal takes effect": a step still to come; a measure's later step
            # is part of a measure announced to take effect later
            status = "announced" if ev_type in MEASURES and status != "concluded" else "planned"
        if ev_type == "negotiation" and any(
            # "talks with China on price undertakings, which could ..., are continuing"
            norm[k] in g.continuing_verbs and norm[k - 1] in ("are", "is", "would", "will", "to")
            for k in range(trig.hi, seg_hi)
        ):
            status = "announced"  # "talks ... on a possible undertaking are continuing"
        elif (
            best is not None
            and best.lo >= trig.hi  # the trigger is what continues
            and (
                norm[best.lo] in g.continuing_verbs
                or (best.hi < hi and norm[best.hi] in g.continuing_verbs)  # "would continue"
            )
        ):
            status = "announced"  # "talks would continue", "are continuing": under way
        if (
            status == "planned"
            and ev_type in MEASURES
            and _reported_will(g, norm, hedges, futures, cues, seg_lo, trig.lo, modal_reach)
        ):
            # "announced in May that it would quadruple the tariff": a measure announced
            # to take effect later is announced
            status = "announced"
        if (
            status == "announced"
            and ev_type in MEASURES
            and best is not None
            and norm[best.hi - 1] in g.enacting_verbs
        ):
            status = "in-effect"  # "introduced bans", "issued a decree that bans": imposed
        if (
            status in ("announced", "in-effect")
            and ev_type in ("investigation", "trade-remedy")
            and norm[trig.hi - 1] in g.finding_nouns
        ):
            status = "concluded"  # "issued its final determination": a stage concluded
        if status == "concluded" and ev_type in g.imposed_when_concluded:
            status = "in-effect"
        if (
            ev_type == "legislation"
            and status != "planned"
            and norm[trig.lo] in g.approval_verbs
            and not g.owed_words.isdisjoint(norm[max(lo, trig.lo - 5) : trig.lo])
        ):
            status = "planned"  # "the CEPA requires ratification by Kenya's parliament"
        if status in g.absent_statuses.get(ev_type, ()):
            # "the ruling ... the duties, which remain in place", "talks broke down at the
            # summit": the cue tells another act's step
            continue
        # parties: the sentence's subject and the jurisdictions near the trigger
        if (
            ev_type == "agreement"
            and verb_status is not None
            and any(
                t is not trig
                and trig.hi <= t.lo <= trig.hi + 8
                and t.value[0] in ("meeting", "negotiation", "visit")
                for t in triggers
            )
        ):
            continue  # "agreed to hold meetings": the meetings are the event (planned)
        if ev_type == "agreement" and verb_status is not None and not uses_context:
            # the subject starts after the last "and" that joins clauses, not sides
            # ("... had eased and Kyiv agreed", but "the U.S. and Japan agreed")
            place_ends = {b for _, b, _ in places}
            start = clause_lo
            # a list of sides runs over commas: "The EU, China, Brazil and ... agreed"
            while start > seg_lo and norm[start - 1] == "," and start - 1 in place_ends:
                start = _segment(clause_breaks, lo, hi, start - 2)[0]
            for k in range(start, trig.lo):
                if norm[k] in ("and", "that") and k not in place_ends:
                    start = k + 1
            if sum(len(codes) for a, _, codes in places if start <= a < trig.lo) < 2:
                continue  # "Kyiv agreed to introduce ...": one side's promise, not a deal
        win_lo = max(seg_lo, min(anchor, trig.lo) - _PARTY_WINDOW)
        win_hi = min(seg_hi, trig.hi + _PARTY_WINDOW)
        # ", and the EU has applied ...": a coordinated clause has sides of its own
        after = [k for k in joins if k >= trig.hi]
        before = [k for k in joins if k < min(anchor, trig.lo)]
        if after:
            win_hi = min(win_hi, after[0])
        if before:
            win_lo = max(win_lo, before[-1] + 2)
        # "The Commission opened its probe days after U.S. tariffs took effect": the main
        # clause's subject is not a side of an act in a subordinate clause
        under = bool(subordinator_pos) and any(
            first_cue <= k < trig.lo and k + 1 not in time_starts  # not "until June 10"
            for k in subordinator_pos
        )
        own_subject = subject
        if seg_lo > lo:
            # "RCEP also creates ...: China began lowering its tariffs": after ";" or ":"
            # the segment has a subject of its own
            seg_cue = next((c.lo for c in cues if c.lo >= seg_lo), seg_hi)
            own_subject = {
                code
                for a, b, codes in places
                if seg_lo <= a and b <= seg_cue and a - seg_lo <= 20
                for code in codes
            }
        parties = set(own_subject) if not before and not under else set()
        if before and best is not None and best.lo == before[-1] + 2 and out:
            # ", but suspended the duties": a verb right after the join shares the
            # subject, and the sides, of the clause before it
            parties |= out[-1].parties
        last_in = -10
        for a, b, codes in places:
            if (
                a >= trig.hi
                and subordinator_pos
                and any(trig.hi <= k < a for k in subordinator_pos)
            ):
                continue  # "..., after the European Commission decided ...": another clause
            if after and a >= after[0]:
                continue
            if (
                (a >= win_lo and b <= win_hi)
                or (a >= trig.hi and b <= clause_hi and norm[a - 1] in g.target_words)
                # "tariffs ... imposed by (the) China": the passive's agent
                or (a >= trig.hi and b <= seg_hi and _agent(norm, a, cue_starts))
                or (a >= trig.hi and 0 < a - last_in <= 2 and _listed(norm, last_in, a))
            ):
                parties.update(codes)
                last_in = b
        named = group_before.get(trig.lo)
        if (
            named is not None
            and ev_type in ("meeting", "agreement", "negotiation")
            and not any(norm[k] in ("at", "in") for k in range(max(lo, trig.lo - 4), trig.lo))
        ):
            # "the USMCA joint review", "the RCEP agreement": the group's members (but
            # "meet at the G20 summit" is a venue)
            parties = set(named)
        if ev_type in g.venue_types:
            # "meet ... at the G20 summit in Osaka, Japan": the venue is not a side
            at_venue = [
                a >= trig.hi
                and (
                    norm[a - 1] == "in"
                    or (a - 3 >= lo and norm[a - 1] == "," and norm[a - 3] == "in")
                )
                for a, _, _ in places
            ]
            venue = {code for p, v in zip(places, at_venue, strict=True) if v for code in p[2]}
            # a venue among the sides ("G7 ministers meet in London") stays a side
            venue -= {
                code
                for p, v in zip(places, at_venue, strict=True)
                if not v and win_lo <= p[0]
                for code in p[2]
            }
            if venue and parties - venue:
                parties -= venue
        # "which the administration is reviewing": under way, dated only in its own clause
        ongoing = norm[trig.hi - 1].endswith("ing") and (
            norm[trig.lo] in ("is", "are") or (trig.lo > lo and norm[trig.lo - 1] in ("is", "are"))
        )
        # "lifted its ban on exports of rice, which it imposed in July 2023": a relative
        # clause after the trigger's complement tells an earlier step, with its own date
        later = (
            _later_relative(
                g,
                norm,
                cues,
                trigger_starts,
                times,
                clause_breaks,
                lo,
                hi,
                trig.hi,
                clause_hi,
                best,
            )
            if clause_hi < hi - 2 and norm[clause_hi + 1] in _RELATIVE_OPENERS
            else None
        )
        if later is not None and later[1][0] != status:  # (the same step retold: its date)
            recalled.append(later[0])
        # the date nearest the trigger
        date: EventDate | None = None
        best_t = 1_000
        for t in times:
            if recalled and any(
                a <= t.lo < b and not a <= trig.lo < b for a, b in recalled
            ):  # a date of the earlier step, for this act and the acts told after it
                continue
            if (
                t.lo > lo
                and norm[t.lo - 1] in g.deadline_words
                and not (t.hi <= trig.lo and "when" in norm[t.hi : trig.lo])
            ):
                continue  # "until May 31", "through 2024": a deadline, not the act's date (but
                # "before Dec. 1, when tariffs are to double": that day dates the doubling)
            if t.lo > trig.hi and after_until(norm, trig.hi, t.lo):
                continue  # "remain paused until after the election on July 4": the deadline's
            if ongoing and (t.lo < clause_lo or t.hi > clause_hi):
                continue
            if t.lo >= joined:
                continue  # ", and Farrell said last month ...": a coordinated clause's date
            if t.lo > lo and norm[t.lo - 1] == "to" and any(u.hi == t.lo - 1 for u in times):
                continue  # "from June 27 to July 1": the span starts on the first day
            if t.hi <= trig.lo and not _SEQUEL.isdisjoint(norm[t.hi : trig.lo]):
                continue  # "signed in December 2020 and later ratified": not that date
            t_lo, t_hi = _segment(clause_breaks, lo, hi, t.lo)
            if (
                t_lo > lo
                and norm[t_lo - 1] == ","
                and norm[t_lo] == "who"
                and not t_lo <= trig.lo < t_hi
                and t_lo - 1 != trig.hi  # ("the law, which entered into force in June": its own)
            ):
                continue  # "Saikhanbileg, who took office in December, is on a visit"
            if (
                t.lo >= trig.hi
                and "as" in norm[trig.hi : t.lo - 1]
                and any(
                    norm[k] == "as" and norm[k + 1] in ("the", "it", "was", "were", "did")
                    for k in range(trig.hi, t.lo - 1)
                )
            ):
                continue  # "..., as the United States did last month": another act's date
            effect_before = not g.effect_words.isdisjoint(norm[max(lo, t.lo - 2) : t.lo])
            forward = (
                future
                or (status == "announced" and ev_type in MEASURES and effect_before)
                or (
                    status == "planned"
                    # "to meet on Friday": a planned verb's own date follows it
                    and (best is not None or (verb_status == "planned" and t.lo >= trig.hi))
                )
            )
            if not forward and any(t.lo - 5 <= m.lo < t.lo for m in futures):
                forward = True  # "set to take effect Aug. 1": the step is to come
            if (
                not forward
                and status == "planned"
                and t.hi <= trig.lo
                and any(seg_lo <= m.lo and m.hi <= t.lo for m in (*hedges, *futures))
            ):
                forward = True  # "is expected to travel ... in January to meet ...": to come
            if status == "planned" and t.hi <= trig.lo and "that" in norm[t.hi : trig.lo]:
                continue  # "told the WTO this week that it may suspend ...": the telling's date
            if forward and _telling_day(g, norm, t.lo, t.hi):
                if status == "planned":
                    continue  # a step to come is not dated by the day it was told
                forward = False  # a measure announced that day
            if forward and _told_in_past(g, norm, cues, t.lo, t.hi):
                forward = False  # "announced in May that it would ...": May is past
            # "in place since September": a state that began before
            onset = t.lo > lo and norm[t.lo - 1] in g.onset_words
            if onset:
                forward = False
            d = t.future if forward else t.past
            if d is None and any(
                u is not t and u.past is not None and 0 <= u.lo - t.hi <= 1 for u in times
            ):
                continue  # "Monday, May 23" with no publication date: the day told in full
            if (
                not forward
                and not onset
                and published is not None
                and t.explicit_year is None
                and t.past is not None
                and t.future is not None
                and t.future != t.past
                and status in ("in-effect", "announced")
                and (
                    # "applies to goods entering the US from Saturday"
                    (effect_before and ev_type in MEASURES)
                    or not (best is not None and _past_word(g, norm[best.hi - 1]))
                )
                and not _told_in_past(g, norm, cues, t.lo, t.hi)
            ):
                # a present-tense step without a year ("the rate rises on Sept. 27"):
                # the reading nearer to publication
                d = t.nearer(published)
            dist = trig.lo - t.hi if t.hi <= trig.lo else t.lo - trig.hi
            dist = abs(dist) + (2 if t.hi <= trig.lo else 0)
            if (
                t.hi <= trig.lo
                and t.explicit_year is not None
                and t.hi - t.lo == 1
                and all(text[tokens.starts[k]].isupper() for k in range(t.hi, trig.lo + 1))
            ):
                dist += 30  # "the 2006 Softwood Lumber Agreement": the year names the deal
            elif (
                t.explicit_year is not None
                and t.hi - t.lo == 1
                and t.lo - 2 >= lo
                and norm[t.lo - 1] == "of"
                and text[tokens.starts[t.lo - 2]].isupper()
            ):
                dist += 30  # "the Trade Expansion Act of 1962": the year names the law
            if t.lo >= clause_hi or t.hi <= clause_lo:
                dist += 4  # another clause may tell another act's date
            if (
                status == "announced"
                and ev_type in MEASURES
                and not g.effect_words.isdisjoint(norm[max(lo, t.lo - 3) : t.lo])
            ):
                dist -= 8  # a measure announced to take effect later is dated by that day
            if dist < best_t:
                best_t, date = dist, d
        if (
            ev_type == "visit"
            and status == "concluded"
            and best is not None
            and norm[best.lo] in ("began", "begun", "started", "begins", "starts")
            and published is not None
            and date is not None
            and date.last >= published
        ):
            status = "announced"  # "began a five-day visit" on the day of the news: under way
        if (
            ev_type in ("meeting", "visit")
            and status == "planned"
            and published is not None
            and date is not None
            and date.last < published
            and date.precision.value != "day"
            and verb_status is None  # not "are expected to visit ... in 1990": as told
            and not near(hedges, max(lo, trig.lo - 4), trig.lo)
        ):
            status = "concluded"  # "agreed to resume talks at a meeting in Porto in May 2021"
        if published is not None and status == "in-effect" and ev_type in MEASURES:
            # "signed a proclamation imposing a 50% tariff ..., effective Aug. 1": a measure
            # whose clause names a day after publication when it takes effect is announced
            for t in times:
                if (
                    seg_lo <= t.lo < seg_hi
                    and t.lo > lo
                    and norm[t.lo - 1] in g.effect_words
                    and t.future is not None
                    and t.future.first > published
                    # (a day without its year: only when ahead is the nearer reading)
                    and t.nearer(published) == t.future
                ):
                    date = t.future
                    break
        if (
            ev_type in MEASURES
            and status == "announced"
            and immediate
            and any(immediate_at(norm, lo, hi, k) for k in range(seg_lo, seg_hi))
        ):
            status = "in-effect"  # "announced export controls ..., effective immediately"
        if published is not None and date is not None and date.first > published:
            # told in the present ("the rate rises to 100% on Sept. 27") but dated after
            # publication: not yet done
            if status == "in-effect" and ev_type in MEASURES:
                status = "announced"  # a measure announced to take effect later
            elif status in ("concluded", "ended", "in-effect") or (
                status == "announced" and ev_type in ("visit", "meeting")
            ):
                status = "planned"  # a step that is only expected ("Tai travels to
                # Johannesburg for the forum on Nov. 2")
        confidence = (
            0.45
            + (0.2 if best is not None or verb_status else 0.0)
            + (0.15 if len(parties) >= 2 else 0.0)
            + (0.1 if date is not None else 0.0)
        )
        if law is not None:
            parties = {law}  # the law of its jurisdiction alone
        out.append(
            Candidate(
                type=ev_type,
                status=status,
                parties=set(parties),
                date=date,
                start=tokens.starts[lo],
                end=tokens.ends[hi - 1],
                trigger=trig.lo,
                sentence=index,
                instruments=set(instruments),
                products=set(own_products.get(trig.lo) or products),
                officials=set(officials),
                rates=set(rates) if ev_type in MEASURES else set(),
                uses_context=uses_context,
                cued=cued,
                heading=heading,
                confidence=min(confidence, 0.95),
            )
        )
        out[-1].extra["cue"] = None if best is None else best.lo
        out[-1].extra["future"] = future
        # "which the administration is reviewing": under way, dated by nothing before it
        out[-1].extra["ongoing"] = ongoing
        verb = trig.lo if best is None else best.lo
        # "The EU also banned ...", "BIS also added ...": another act of a named actor
        # ("The rules also require ..." tells more of the same act)
        out[-1].extra["also"] = (
            verb > lo and norm[verb - 1] == "also" and any(a < verb for a, _, _ in places)
        )
        # one word: "ban", not "import ban" nor "suspended beef imports"
        out[-1].extra["bare"] = trig.hi - trig.lo == 1 and norm[trig.lo] in g.bare_restrictions
        if ev_type in MEASURES and len(parties) <= 1:
            # "Brazil will apply quotas to imports of 11 steel products": the goods are
            # told and no origin with them, and the one side is the imposer before it
            # (with no side told, only goods told as imports: "raised tariffs on
            # imported apparel")
            tail = norm[trig.hi : clause_hi]
            imported = "imports" in tail or "import" in tail or "imported" in tail
            out[-1].extra["unaimed"] = (
                (imported or (bool(own_products.get(trig.lo)) and len(parties) == 1))
                and all(
                    b <= trig.lo or a >= clause_hi for a, b, codes in places if codes[0] in parties
                )
                and not any(trig.hi <= a < clause_hi for a, _, _ in places)
            )
        if ev_type in MEASURES and maybe_global and _is_global(norm, clause_lo, clause_hi):
            # "tariffs of 25% on all imports of steel": only the imposing side
            out[-1].extra["global"] = True
            imposer = {code for a, b, codes in places if b <= trig.lo for code in codes}
            if imposer:
                out[-1].parties = imposer
        if (
            ev_type == "legislation"
            and (
                any(t.value[0] == "agreement" for t in triggers)
                # "passed the legislation needed to implement it", "ratified it": a deal's law
                or not _DEAL_LAW.isdisjoint(norm[lo:hi])
            )
        ):
            out[-1].extra["of_agreement"] = True  # ratifying a deal involves both its sides
        if len(subject) > 1 and any(
            norm[k] in g.separate_words for k in range(max(lo, trig.lo - 3), trig.lo)
        ):
            # "Poland, Hungary and Slovakia introduced their own bans on imports from
            # Ukraine": separate acts of each actor against the same target
            first = out.pop()
            others = first.parties - subject
            for code in sorted(subject):
                twin = attrs.evolve(first, parties={code, *others}, extra=dict(first.extra))
                twin.extra["actor"] = code
                out.append(twin)
        own = _adjacent_code(places, trig.lo)
        if own is not None and any(
            t is not trig
            and t.value[0] == trig.value[0]
            and _adjacent_code(places, t.lo) not in (None, own)
            for t in triggers
        ):
            # "the Australian agreement was signed in December 2021 and the New Zealand
            # agreement in February 2022": each trigger's own country
            out[-1].parties = {own}
            out[-1].extra["actor"] = own
        partners = _partner_list(norm, places, trig.hi, clause_hi)
        if (
            ev_type == "agreement"
            and norm[trig.hi - 1].endswith("s")
            and len(partners) >= 2
            and out[-1].extra.get("actor") is None
        ):
            # "the UK's free trade agreements with Australia and New Zealand": one
            # agreement with each partner
            first = out.pop()
            rest = first.parties - set(partners)
            for code in partners:
                twin = attrs.evolve(first, parties={code, *rest}, extra=dict(first.extra))
                twin.extra["actor"] = code
                out.append(twin)
        # "the retaliatory tariffs it imposed in 2018": an earlier act of the same measure,
        # told in a relative clause right after the trigger, is an event of its own
        earlier = _relative_act(g, norm, cues, times, trig.hi, clause_hi, best)
        if earlier is None and appo_hi > trig.hi:
            # "The agreement, signed in August 2019, has applied since January 2021": the
            # apposition tells an earlier step of its own
            earlier = _relative_act(g, norm, cues, times, trig.hi + 1, appo_hi, best)
        if earlier is None and later is not None:
            earlier = later[1]
        if earlier is not None:
            rel_status, rel_date = earlier
            if rel_status == "concluded" and ev_type in g.imposed_when_concluded:
                rel_status = "in-effect"
            if (rel_status, rel_date) != (status, date) and rel_status not in g.absent_statuses.get(
                ev_type, ()
            ):  # ("talks on restarting exports, which have been halted": not the talks')
                out.append(
                    attrs.evolve(
                        out[-1],
                        status=rel_status,
                        date=rel_date,
                        parties=set(parties),
                        extra={**out[-1].extra, "earlier": True},
                    )
                )
    # a rule, decree or order that only carries a measure of the same sentence is its
    # basis, not an event of its own ("issued rules restricting exports")
    if not out:
        return out
    if any(c.type in MEASURES for c in out):
        out = [
            c for c in out if not (c.type == "legislation" and norm[c.trigger] in g.rule_vehicles)
        ]
    # "concluded negotiations on a free trade agreement": the deal is the event
    if any(c.type == "agreement" for c in out):
        out = [c for c in out if not (c.type == "negotiation" and c.status == "concluded")]
    for cand in out:
        cue = cand.extra.get("cue")
        if (
            cand.type == "negotiation"
            and cand.status == "concluded"
            and cue is not None
            and norm[cue] in g.completion_verbs
            # "completed a 14th round of talks": a round, not the deal
            and "round" not in norm[max(lo, cand.trigger - 3) : cand.trigger]
        ):
            cand.type = "agreement"  # "concluded negotiations on ... commitments": a deal
    # one event per type and status in a sentence
    merged: list[Candidate] = []
    for cand in out:
        for kept in merged:
            if (
                kept.type != cand.type
                or kept.status != cand.status
                or _own_verbs(kept, cand)
                or kept.extra.get("actor") != cand.extra.get("actor")
            ):
                continue
            if cand.date is None or kept.date == cand.date:
                break
            cue = cand.extra.get("cue")
            if cue is not None and cue == kept.extra.get("cue"):
                # two nouns of one act under one verb ("an anti-subsidy investigation it
                # launched in October"): the date read from the noun nearest the verb
                if kept.trigger < cand.trigger < cue:
                    kept.date = cand.date
                break
        else:
            merged.append(cand)
    return merged
