"""Every regular expression of the package runs in (near) linear time on adversarial input.

Python's ``re`` backtracks, so a pattern such as ``(a+)+b`` or ``\\w+x`` can take
exponential or quadratic time on a crafted input: a denial of service for a
library that reads untrusted news text and files. This module

1. collects every compiled pattern of the package: the module globals (and the
   dicts, tuples and objects they hold) of every module, and, in a subprocess
   that records each ``re`` compilation made from package code, the patterns
   built at run time from data files (lexicons) while every loader and the
   extractor run once;
2. screens each pattern over adversarial inputs of about 4 kB —
   runs of one character, alternations of two, nested brackets, repeated words,
   each ending in a character no rule expects;
3. for the slowest inputs of each pattern, times it at 6.25, 25 and 100 kB:
   linear work grows 4x per step, quadratic 16x; the test fails above 10x
   (a wide margin for a loaded 2-core machine; short timings are the best of
   three), and no call may exceed a hard timeout (SIGALRM interrupts ``re``).

Patterns used only with ``match``/``fullmatch`` at one position (the text
format's tokenizer) are checked that way; patterns used to scan (``search``,
``finditer``, ``sub``; the extractor's) and any whose use is unclear are
checked with ``search``, where a quadratic blow-up also counts.

A pattern found to be super-linear is fixed in the module that owns it; the
failure message names the module, the pattern and the input family.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import itertools
import json
import os
import pkgutil
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from types import FrameType, ModuleType
from typing import Any

import pytest

import tradeevents

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="needs SIGALRM for the hard timeout"
)

#: Screening size, and the sizes of the growth test (each 4x the one before, up to 100 kB).
SCREEN = 4_000
GROWTH = (6_250, 25_000, 100_000)
#: Linear work grows ~4x from one size to the next, quadratic ~16x.
MAX_RATIO = 10.0
#: Below this many seconds, timing noise dominates and nothing can hang.
FLOOR = 0.01
#: No single call on an adversarial input (up to 100 kB) may take longer.
HARD_TIMEOUT = 2.0
#: How many of each pattern's slowest screened inputs get the growth test.
SLOWEST = 4


# -- collecting the patterns -----------------------------------------------------------


def _modules() -> list[ModuleType]:
    names = ["tradeevents"] + [
        info.name
        for info in pkgutil.walk_packages(tradeevents.__path__, prefix="tradeevents.")
        if not info.name.endswith("__main__")
    ]
    return [importlib.import_module(name) for name in sorted(names)]


def _walk(value: Any, depth: int, seen: set[int]) -> Iterator[re.Pattern[Any]]:
    if id(value) in seen or depth < 0:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item, depth - 1, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _walk(item, depth - 1, seen)
    elif isinstance(value, type):
        if value.__module__.startswith("tradeevents"):
            for item in list(vars(value).values()):
                yield from _walk(item, depth - 1, seen)
    elif type(value).__module__.startswith("tradeevents") and not callable(value):
        slots = [s for cls in type(value).__mro__ for s in getattr(cls, "__slots__", ())]
        attrs = dict(getattr(value, "__dict__", {}))
        attrs.update({s: getattr(value, s) for s in slots if hasattr(value, s)})
        for item in attrs.values():
            yield from _walk(item, depth - 1, seen)


@dataclasses.dataclass(frozen=True)
class Found:
    """Where a pattern was found, and whether it is used to scan text."""

    where: str
    #: ``search``/``finditer``/``sub``... (a failed attempt at every position costs
    #: the sum over positions) rather than ``match``/``fullmatch`` at one position.
    scan: bool


_SCANNING = r"\.(?:search|finditer|findall|sub|subn|split)\("
_MATCHING = r"\.(?:match|fullmatch)\b"  # also `field_start = _FIELD_START.match`


def _scans(source: str, name: str) -> bool:
    """Whether the global *name* is used to scan: ``NAME.search(``, ``NAME[key].finditer(``...

    Patterns used only with ``match``/``fullmatch`` at a position are checked in
    that mode; anything unclear is checked in the stricter scanning mode.
    """
    ref = rf"\b{re.escape(name)}\b(?:\[[^\]\n]*\])?"
    if re.search(ref + _SCANNING, source):
        return True
    return not re.search(ref + _MATCHING, source)


#: Patterns used with a scanning method only over text that a stricter pattern has
#: already matched, where the scan cannot backtrack far: checked at one position.
#: Each entry says why; add one only with the same kind of argument.
MATCH_ONLY_BY_CONSTRUCTION = {
    # finditer runs between the braces of a span that _FAST_OBJECT fullmatched:
    # the pairs follow each other, separated by ", ", so every attempt succeeds
    # within two characters of where the previous match ended.
    "tradeevents.text._FAST_PAIR",
}


def _static_patterns() -> dict[tuple[str, int], Found]:
    found: dict[tuple[str, int], Found] = {}
    seen: set[int] = set()
    for module in _modules():
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            source = ""
        for name, value in list(vars(module).items()):
            for pattern in _walk(value, 3, seen):
                if isinstance(pattern.pattern, str):
                    scan = pattern is not value and not isinstance(value, (dict, tuple, list))
                    scan = scan or _scans(source, name)
                    scan = scan and f"{module.__name__}.{name}" not in MATCH_ONLY_BY_CONSTRUCTION
                    found.setdefault(
                        (pattern.pattern, pattern.flags), Found(f"{module.__name__}.{name}", scan)
                    )
    return found


# Run in a fresh interpreter: hook re's compile cache, import every module, run
# every loader and the extractor once, print the patterns compiled by package code.
_RECORDER = r"""
import json, pkgutil, importlib, re, sys

found = {}
original = re._compile

def recording(pattern, flags):
    compiled = original(pattern, flags)
    frame = sys._getframe(1)
    via = ""
    while frame is not None and frame.f_globals.get("__name__", "").startswith(("re", "sre_")):
        via = frame.f_code.co_name
        frame = frame.f_back
    module = frame.f_globals.get("__name__", "") if frame is not None else ""
    if module.startswith("tradeevents") and isinstance(compiled.pattern, str):
        found.setdefault(f"{compiled.flags}\x00{compiled.pattern}", [module, via])
    return compiled

re._compile = recording
import tradeevents
names = [i.name for i in pkgutil.walk_packages(tradeevents.__path__, prefix="tradeevents.")]
for name in sorted(names):
    if not name.endswith("__main__"):
        importlib.import_module(name)

from tradeevents import Agreement, Status, EventDate
events = [Agreement(status=Status.ANNOUNCED, parties=["US", "JP"], date=EventDate.parse("2021-11-17"))]
from tradeevents.formats import json as fjson, jsonl, csv
for module in (fjson, jsonl, csv, tradeevents):
    try:
        module.loads(module.dumps(events))
        module.loads("x")
    except Exception:
        pass
text = ("The U.S. and Japan announced Nov. 17 a new partnership on trade. "
        "Commerce Secretary Gina Raimondo said Section 232 tariffs on steel and aluminum "
        "would be discussed in Tokyo early next year.")
try:
    import importlib.resources as resources
    text += "\n\n" + (resources.files("tradeevents") / "examples" / "us_japan_partnership.txt").read_text("utf-8")
except Exception:
    pass
try:
    from tradeevents.extraction import extract
except ImportError:
    pass
else:
    extract(text, published="2021-11-19")
print(json.dumps(found))
"""


def _dynamic_patterns() -> dict[tuple[str, int], Found]:
    if not hasattr(re, "_compile"):  # pragma: no cover - a future re without the hook
        return {}
    result = subprocess.run(
        [sys.executable, "-c", _RECORDER], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    found: dict[tuple[str, int], Found] = {}
    for key, (module, via) in json.loads(result.stdout.strip().splitlines()[-1]).items():
        flags, pattern = key.split("\x00", 1)
        scan = via not in ("match", "fullmatch")
        found[(pattern, int(flags))] = Found(f"{module} (built at run time, via re.{via})", scan)
    return found


def _all_patterns() -> dict[tuple[str, int], Found]:
    found = _dynamic_patterns()
    found.update(_static_patterns())  # prefer the global's name where there is one
    return found


PATTERNS = _all_patterns()


def _id(key: tuple[str, int]) -> str:
    found = PATTERNS[key]
    source = key[0] if len(key[0]) <= 40 else key[0][:37] + "..."
    return f"{found.where.split(' ')[0]}:{source}"


# -- adversarial inputs ----------------------------------------------------------------

#: Characters that trip up parsers and tokenizers, whatever the pattern.
_TROUBLE = list("aA0 \t\n.,-:;\"'\\/[]{}()#_$")
_PAIRS = [
    "a ",
    "a.",
    "a-",
    "A.",
    "aA",
    "0.",
    "0,",
    "0-",
    "a,",
    " ,",
    ", ",
    ": ",
    '\\"',
    "\\u",
    "a\n",
    "{a",
    "[a",
    '"a',
    "a'",
    "U.",
    " -",
    ". ",
    "a_",
    "0e",
    "Aa",
]
_WORDS = [
    "U.S. ",
    "Nov. 17, ",
    "The United States and Japan ",
    "Section 232 ",
    "steel and ",
    "Mr. ",
    "in 2021 ",
    "Q1 ",
    "[a, ",
    "{a: b, ",
    'a: "b", ',
    "anti-dumping ",
    "E.U.-",
]
_NESTED = [("[", "]"), ("{", "}"), ("(", ")"), ("[{", "}]"), ('"', '"')]
#: Ends each input: a character no rule expects, so every attempt fails at the end.
_END = "\x00!"


def _literal_chars(pattern: str) -> list[str]:
    body = re.sub(
        r"\\[A-Za-z]|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|\(\?[A-Za-z:!=<P>]*", "", pattern
    )
    chars = sorted(set(body) - set("()?*+|^$\\"))
    return [c for c in chars if c.isprintable() or c in "\t\n"]


def _families(pattern: str) -> list[tuple[str, Callable[[int], str]]]:
    """Named input builders: ``build(n)`` gives an input of about *n* characters."""
    chars = list(dict.fromkeys(_TROUBLE + _literal_chars(pattern)))

    def run(unit: str) -> Callable[[int], str]:
        return lambda n: unit * max(1, n // len(unit)) + _END

    def nest(opening: str, closing: str) -> Callable[[int], str]:
        return lambda n: opening * (n // (2 * len(opening))) + closing * (n // (2 * len(closing)))

    out: list[tuple[str, Callable[[int], str]]] = [(f"run {c!r}", run(c)) for c in chars]
    literal = [c for c in _literal_chars(pattern) if c not in _TROUBLE][:8]
    pairs = _PAIRS + [a + b for a, b in itertools.combinations([*literal, "a", " "], 2)]
    out += [(f"alternating {p!r}", run(p)) for p in dict.fromkeys(pairs)]
    out += [(f"words {w!r}", run(w)) for w in _WORDS]
    out += [(f"nested {o!r}{c!r}", nest(o, c)) for o, c in _NESTED]
    out += [(f"unclosed {o!r}", run(o + "a")) for o, _ in _NESTED]
    return out


# -- timing ------------------------------------------------------------------------------


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _timed(fn: Callable[[], object], limit: float) -> float:
    """Seconds *fn* takes, or ``inf`` when it overruns *limit* (interrupted by SIGALRM)."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        fn()
    except _Timeout:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start


def _best(fn: Callable[[], object], limit: float, repeat: int = 3) -> float:
    """The best of *repeat* timings; one is enough when it is long enough to trust."""
    first = _timed(fn, limit)
    if first > 0.05:
        return first
    return min([first] + [_timed(fn, limit) for _ in range(repeat - 1)])


# -- the tests ----------------------------------------------------------------------------


def test_patterns_are_found() -> None:
    """The collection works: the text format's token table is among the patterns found."""
    from tradeevents import text

    rules = text._RULES  # the token table of the canonical text format
    for pattern in rules.values():
        assert (pattern.pattern, pattern.flags) in PATTERNS
        # the tokenizer matches at a position; it never scans
        assert not PATTERNS[(pattern.pattern, pattern.flags)].scan


def test_the_check_catches_backtracking() -> None:
    """The method itself: it flags quadratic and exponential patterns, passes linear ones."""
    assert _verdict(re.compile(r"(a|aa)+b"), scan=False) is not None  # exponential
    assert _verdict(re.compile(r"(?:[a-z]+ ?)+!"), scan=False) is not None  # exponential
    assert _verdict(re.compile(r"\w+x"), scan=True) is not None  # quadratic when scanning
    # linear at one position, quadratic when scanning a run of spaces
    assert _verdict(re.compile(r" *, *"), scan=False) is None
    assert _verdict(re.compile(r" *, *"), scan=True) is not None
    assert _verdict(re.compile(r"[a-z]+(?:-[a-z]+)*"), scan=True) is None


def _verdict(pattern: re.Pattern[str], *, scan: bool) -> str | None:
    """``None`` when *pattern* is linear on every adversarial input, else what went wrong.

    With *scan*, the pattern is run with ``search`` (an attempt at every position,
    as ``finditer`` and ``sub`` do); without, with ``match`` at the start.
    """
    run = pattern.search if scan else pattern.match
    how = "search" if scan else "match"
    screened = []
    for name, build in _families(pattern.pattern):
        text = build(SCREEN)
        seconds = _timed(lambda text=text: run(text), HARD_TIMEOUT)  # type: ignore[misc]
        if seconds == float("inf"):
            return f"{name}: {how} on {len(text)} characters ran over {HARD_TIMEOUT} s"
        screened.append((seconds, name, build))
    screened.sort(key=lambda item: item[0], reverse=True)
    for _, name, build in screened[:SLOWEST]:
        # Grow the input 4x at a time: linear work grows ~4x, quadratic ~16x.
        # Stop at the first step that grows too fast, before inputs get costly.
        previous = 0.0
        for size in GROWTH:
            text = build(size)
            seconds = _best(lambda text=text: run(text), HARD_TIMEOUT)  # type: ignore[misc]
            if seconds == float("inf"):
                return f"{name}: {how} on {len(text)} characters ran over {HARD_TIMEOUT} s"
            if previous and seconds > FLOOR and seconds > MAX_RATIO * previous:
                return (
                    f"{name}: {how} takes {previous * 1e3:.1f} ms at {size // 4} characters, "
                    f"{seconds * 1e3:.1f} ms at {size} (x{seconds / previous:.0f} for x4 input)"
                )
            previous = seconds
    return None


@pytest.mark.parametrize("key", sorted(PATTERNS), ids=_id)
def test_pattern_is_linear_on_adversarial_input(key: tuple[str, int]) -> None:
    found = PATTERNS[key]
    problem = _verdict(re.compile(key[0], key[1]), scan=found.scan)
    assert problem is None, f"{found.where}: /{key[0]}/ is super-linear: {problem}"


def test_hard_timeout_interrupts_re() -> None:
    slow = re.compile(r"(a*)*b")
    assert _timed(lambda: slow.match("a" * 64), 0.2) == float("inf")


if os.environ.get("TRADEEVENTS_LIST_PATTERNS"):  # pragma: no cover - a debugging aid
    for _key, _found in sorted(PATTERNS.items(), key=lambda item: item[1].where):
        print(_found.where, "scan" if _found.scan else "match", _key[0][:100])
