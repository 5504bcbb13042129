"""The public extractor: statuses, negation, boilerplate, evidence spans, the pipeline, the corpus."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tradeevents.extraction import Document, Extractor, extract, extract_detailed

PUB = "2021-11-19"


def one(
    text: str, published: str | None = PUB
) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    return [
        (e.type, e.status.value, e.parties, None if e.date is None else str(e.date))
        for e in extract(text, published=published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. and Japan will hold talks on possibly lifting the duties.",
            ("negotiation", "planned"),
        ),
        ("Japan and the U.S. signed a trade agreement on Monday.", ("agreement", "concluded")),
        ("The U.S. and Mexico launched negotiations on Tuesday.", ("negotiation", "announced")),
        ("Canada imposed tariffs on Chinese steel on Monday.", ("tariff", "in-effect")),
        ("The U.S. lifted tariffs on Japanese steel on Monday.", ("tariff", "ended")),
        (
            "A meeting between Japan and the U.S. is anticipated in early 2022.",
            ("meeting", "planned"),
        ),
        ("Canada will impose tariffs on Chinese steel from Oct. 15.", ("tariff", "announced")),
        ("India may consider tariffs on U.S. almonds.", ("tariff", "planned")),
    ],
)
def test_status_cues(text: str, expected: tuple[str, str]) -> None:
    found = {(t, s) for t, s, _, _ in one(text)}
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "Washington did not impose tariffs on Japanese cars.",
        "Officials ruled out new tariffs on Chinese steel.",
        "The president declined to impose tariffs on Canadian uranium.",
        "There were no tariff cuts for India.",
    ],
)
def test_denials_give_no_event(text: str) -> None:
    assert [t for t, *_ in one(text) if t == "tariff"] == []


def test_parties_from_adjectives_titles_and_capitals() -> None:
    events = one("Commerce Secretary Gina Raimondo visited Tokyo on Tuesday.", "2021-11-19")
    assert ("visit", "concluded", ("JP", "US"), "2021-11-16") in events


def test_parties_from_context() -> None:
    text = (
        "The U.S. and Japan announced a partnership on Nov. 17.\n\n"
        "The two sides will hold talks on Section 232 tariffs."
    )
    events = one(text)
    assert ("negotiation", "planned", ("JP", "US"), None) in events


def test_example_bulletin() -> None:
    text = (resources.files("tradeevents") / "examples" / "us_japan_partnership.txt").read_text(
        encoding="utf-8"
    )
    result = extract_detailed(text, published=PUB)
    found = {
        (e.type, e.status.value, e.parties, None if e.date is None else str(e.date))
        for e in result.events
    }
    assert ("agreement", "announced", ("JP", "US"), "2021-11-17") in found
    assert ("agreement", "concluded", ("JP", "US"), "2019") in found
    assert ("meeting", "planned", ("JP", "US"), "2022-Q1") in found
    assert any(t == "visit" and p == ("JP", "US") for t, _, p, _ in found)
    assert any(t == "negotiation" and s == "planned" for t, s, _, _ in found)
    # the boilerplate at the end is left out and says why
    assert result.skipped
    assert all(text[s.start : s.end].strip() for s in result.skipped)
    assert any("©" in text[s.start : s.end] for s in result.skipped)
    assert not any("newsletter" in (e.evidence.text if e.evidence else "") for e in result.events)


@pytest.mark.parametrize(
    "line",
    [
        "Copyright © 2024 Example LLP. All rights reserved.",
        "We use cookies to improve your experience. Accept All | Manage Preferences",
        "View Our Services",
        "Sign up for a free preview of our tariffs newsletter.",
        "Related Topics: Section 232 | Tariffs",
        "Share this: LinkedIn | Email",
    ],
)
def test_boilerplate_lines_are_skipped(line: str) -> None:
    text = f"Canada imposed tariffs on Chinese steel on Monday.\n\n{line}\n"
    result = extract_detailed(text, published=PUB)
    assert [s.reason.startswith(("boilerplate", "footer")) for s in result.skipped] == [True]
    start = text.index(line)
    assert result.skipped[0].start == start


def test_evidence_spans_are_exact() -> None:
    text = "HEADLINE\n\n  “Curly” — The U.S. and Japan signed a trade agreement on Nov. 17.  Canada imposed tariffs on Chinese steel on Monday."
    events = extract(text, published=PUB)
    assert len(events) >= 2
    for e in events:
        assert e.evidence is not None
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert 0.0 <= (e.confidence or 0.0) <= 1.0


def test_retold_event_is_one() -> None:
    text = (
        "U.S. Requests Consultations With Mexico Over Corn\n\n"
        "The United States requested dispute consultations with Mexico on June 2.\n"
        "The request, filed June 2 with Mexico, opens the dispute."
    )
    disputes = [e for e in one(text, "2023-06-05") if e[0] == "dispute"]
    assert len(disputes) == 1


def test_published_forms() -> None:
    import datetime as dt

    text = "Japan and the U.S. signed a trade agreement on Monday."
    assert one(text, "2019-10-08") == one(text, dt.date(2019, 10, 8))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="invalid publication date"):
        extract(text, published="not a date")


def test_without_published_only_explicit_dates() -> None:
    events = one("Japan and the U.S. signed a trade agreement on Monday.", None)
    assert events == [("agreement", "concluded", ("JP", "US"), None)]
    events = one("Japan and the U.S. signed a trade agreement on Oct. 7, 2019.", None)
    assert events == [("agreement", "concluded", ("JP", "US"), "2019-10-07")]


# -- the pipeline ----------------------------------------------------------------------


def test_pipeline_stages_can_be_added_replaced_and_pickled() -> None:
    seen: list[int] = []

    def count(doc: Document) -> None:
        seen.append(len(doc.candidates))

    base = Extractor.default()
    assert base.names[0] == "tokenize"
    assert base.names[-1] == "events"
    extended = base.with_stage("count", count, before="events")
    assert extended.names.index("count") == extended.names.index("events") - 1
    assert extended.extract("Canada imposed tariffs on Chinese steel on Monday.", published=PUB)
    assert seen == [1]

    def no_candidates(doc: Document) -> None:
        doc.candidates.clear()

    assert (
        base.replacing("candidates", no_candidates).extract(
            "Canada imposed tariffs on Chinese steel."
        )
        == []
    )
    with pytest.raises(KeyError, match="no stage named 'nope'"):
        base.replacing("nope", no_candidates)
    with pytest.raises(ValueError, match="exists already"):
        base.with_stage("events", no_candidates)
    copy = pickle.loads(pickle.dumps(base))
    assert copy == base
    assert copy.extract(
        "Canada imposed tariffs on Chinese steel on Monday.", published=PUB
    ) == base.extract("Canada imposed tariffs on Chinese steel on Monday.", published=PUB)


# -- the dev corpus ----------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"
SCORER = Path(__file__).resolve().parents[2] / ".." / "shared" / "tools" / "score.py"
RUNNER = """
import sys, json
from tradeevents.extraction import extract
pub = sys.argv[2] if sys.argv[1:2] == ["--published"] else None
for e in extract(sys.stdin.read(), published=pub):
    print(json.dumps({"type": e.type, "status": e.status.value, "parties": list(e.parties),
                      "date": None if e.date is None else str(e.date),
                      "instruments": list(e.instruments), "products": list(e.products)}))
"""


def score(corpus: Path, tmp_path: Path) -> dict[str, Any]:
    """The scorer's figures for *corpus* (its --json output), with no failed text."""
    runner = tmp_path / "run.py"
    runner.write_text(RUNNER, encoding="utf-8")
    cmd = f"{sys.executable} {runner} --published {{published}}"
    out = subprocess.run(
        [sys.executable, str(SCORER), str(corpus), "--cmd", cmd, "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    figures: dict[str, Any] = json.loads(out.stdout)
    assert figures["errors"] == []
    return figures


#: Floors a little below the figures reached (see docs/extraction.md), so regressions fail.
F1_FLOOR = 0.81
STRICT_F1_FLOOR = 0.54
#: Texts written apart from the dev corpus (tests/data/heldout), to catch rules that
#: fit the dev corpus only; 138 of the 144 were written and annotated blind, by people
#: who had not read the rules (see docs/extraction.md).
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
HELDOUT_F1_FLOOR = 0.76
HELDOUT_STRICT_F1_FLOOR = 0.41


@pytest.mark.skipif(
    not (CORPUS.is_dir() and SCORER.is_file()),
    reason="the shared dev corpus (../shared/corpus/dev) is not present",
)
def test_dev_corpus_scores(tmp_path: Path) -> None:
    figures = score(CORPUS, tmp_path)
    assert figures["f1"] >= F1_FLOOR
    assert figures["strict_f1"] >= STRICT_F1_FLOOR


@pytest.mark.skipif(
    not SCORER.is_file(), reason="the shared scorer (../shared/tools) is not present"
)
def test_heldout_corpus_scores(tmp_path: Path) -> None:
    figures = score(HELDOUT, tmp_path)
    assert figures["f1"] >= HELDOUT_F1_FLOOR
    assert figures["strict_f1"] >= HELDOUT_STRICT_F1_FLOOR
