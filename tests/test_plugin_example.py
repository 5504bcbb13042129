"""The example plugin package, examples/tradeevents-notice, installed as a user would.

`.ci/run` installs it into the test environment
(``python -m pip install ./examples/tradeevents-notice``); where it is not
installed these tests are skipped, saying so.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from tradeevents import EventDate, parsers, text
from tradeevents.formats import csv, json, jsonl

SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "tradeevents-notice"
    / "samples"
    / "notice-2019-0417.txt"
)

try:
    DIST = metadata.distribution("tradeevents-notice")
except metadata.PackageNotFoundError:
    DIST = None

pytestmark = pytest.mark.skipif(
    DIST is None, reason="install the example plugin: pip install ./examples/tradeevents-notice"
)


@pytest.fixture(autouse=True)
def _fresh_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parsers.DISABLE_ENV, raising=False)
    parsers._reset_plugins()


def test_found_through_the_entry_point() -> None:
    info = parsers.available_parsers()["notice"]
    assert info.origin == "plugin"
    assert info.target == "tradeevents_notice:NoticeParser"
    assert info.distribution == f"tradeevents-notice {DIST.version}"  # type: ignore[union-attr]
    parser = parsers.get_parser("notice")
    assert type(parser).__module__ == "tradeevents_notice"
    assert pickle.loads(pickle.dumps(parser)) == parser


def test_its_events_round_trip() -> None:
    events = parsers.extract(SAMPLE.read_text(encoding="utf-8"), parser="notice")
    assert [(e.type, str(e.status), e.parties, str(e.date)) for e in events] == [
        ("tariff", "in-effect", ("CN", "US"), "2019-05-10"),
        ("tariff", "planned", ("CN", "US"), "2019-06"),
        ("trade-remedy", "announced", ("KR", "US", "VN"), "2019-05-09"),
        ("investigation", "announced", ("MX", "US"), "2019-Q3"),
    ]
    assert events[2].products == ("solar panel",)
    assert events[0].effective == EventDate.parse("2019-05-10")  # type: ignore[attr-defined]
    for module in (json, jsonl, csv, text):
        assert module.loads(module.dumps(events)) == events, module.__name__


def test_through_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tradeevents.cli", "extract", "--parser", "notice", str(SAMPLE)],
        capture_output=True,
        check=True,
        text=True,
    )
    events = jsonl.loads(result.stdout)
    assert len(events) == 4
    assert {e.source for e in events} == {str(SAMPLE)}
    listing = subprocess.run(
        [sys.executable, "-m", "tradeevents.cli", "parsers"],
        capture_output=True,
        check=True,
        text=True,
    )
    assert "notice  plugin   tradeevents-notice" in listing.stdout


def test_a_malformed_notice_names_its_line() -> None:
    from tradeevents_notice import NoticeFormatError

    bad = SAMPLE.read_text(encoding="utf-8").replace("| tariff       |", "| tarif        |", 1)
    with pytest.raises(NoticeFormatError, match=r"^line 8: unknown measure 'tarif'$"):
        parsers.extract(bad, parser="notice")
    short = SAMPLE.read_text(encoding="utf-8").replace("| 2019-06    | planned", "", 1)
    with pytest.raises(NoticeFormatError, match=r"^line 9: expected 8 cells, found 6$"):
        parsers.extract(short, parser="notice")


def test_disabled_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parsers.DISABLE_ENV, "1")
    assert "notice" not in parsers.available_parsers()
