"""The command line: extract, validate, parsers, and conventional behaviour."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from importlib import metadata
from pathlib import Path

import pytest

from tradeevents import Agreement, Status, parsers, text
from tradeevents.cli import FEW, Progress, main
from tradeevents.extraction import extract
from tradeevents.formats import csv as fcsv
from tradeevents.formats import json as fjson
from tradeevents.formats import jsonl

ROOT = Path(__file__).resolve().parent.parent
BULLETIN = ROOT / "src" / "tradeevents" / "examples" / "us_japan_partnership.txt"
NEWS = [
    "The U.S. and Japan signed a trade agreement on Monday.",
    "China imposed 25% tariffs on U.S. soybeans on July 6, 2018.",
    "Nothing happened today.",
    "The European Union launched an antidumping investigation into Chinese steel last week.",
    "Mexico and Canada held talks on steel in Ottawa on Tuesday.",
]


def run(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The installed command in a subprocess (its exit status, stdout and stderr)."""
    return subprocess.run(
        [sys.executable, "-m", "tradeevents.cli", *args],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Five news files, one in a subdirectory, plus a hidden file and a non-text file."""
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    for i, body in enumerate(NEWS[:4]):
        (root / f"n{i}.txt").write_text(body, encoding="utf-8")
    (root / "sub" / "n9.txt").write_text(NEWS[4], encoding="utf-8")
    (root / ".hidden.txt").write_text(NEWS[0], encoding="utf-8")
    (root / "notes.md").write_text(NEWS[1], encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _no_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsers, "_entry_points", tuple)
    parsers._reset_plugins()


def events_of(out: str) -> list:  # type: ignore[type-arg]
    return jsonl.loads(out)


# -- extract ------------------------------------------------------------------------------


def test_stdin_jsonl_is_exactly_the_extractor_output() -> None:
    # the scorer's command: byte for byte, no source
    data = BULLETIN.read_bytes()
    result = run("extract", "--format", "jsonl", "--published", "2021-11-19", "-", stdin=data)
    assert result.returncode == 0, result.stderr
    expected = jsonl.dumps(extract(data.decode("utf-8"), published="2021-11-19"))
    assert result.stdout.decode("utf-8") == expected
    assert result.stderr == b""
    assert all(json.loads(line)["source"] is None for line in expected.splitlines())


def test_files_directories_and_globs(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--published", "2019-10-08", str(corpus)]) == 0
    by_dir = events_of(capsys.readouterr().out)
    sources = list(dict.fromkeys(e.source for e in by_dir))
    names = [str(corpus / f) for f in ("n0.txt", "n1.txt", "n3.txt", "notes.md", "sub/n9.txt")]
    assert sources == names  # sorted, recursive, hidden files left out, n2 has no event
    expected = [
        e.replace(source=name)
        for name in names
        for e in extract(Path(name).read_text(encoding="utf-8"), published="2019-10-08")
    ]
    assert by_dir == expected

    assert main(["extract", "--published", "2019-10-08", "--include", "*.txt", str(corpus)]) == 0
    assert str(corpus / "notes.md") not in {e.source for e in events_of(capsys.readouterr().out)}

    assert main(["extract", "--published", "2019-10-08", str(corpus / "**" / "*.txt")]) == 0
    by_glob = events_of(capsys.readouterr().out)
    assert {e.source for e in by_glob} == set(names) - {str(corpus / "notes.md")}


def test_jobs_give_the_same_output_in_order(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("jsonl", "csv"):
        assert main(["extract", "--format", fmt, str(corpus)]) == 0
        serial = capsys.readouterr().out
        assert main(["extract", "--format", fmt, "--jobs", "2", str(corpus)]) == 0
        assert capsys.readouterr().out == serial


def test_jobs_batches_many_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"t{i}", "text": NEWS[i % 5]}) for i in range(150)]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", "--records", "--published", "2019-10-08", str(records)]) == 0
    serial = capsys.readouterr().out
    assert main(["extract", "--records", "-j", "2", "--published", "2019-10-08", str(records)]) == 0
    assert capsys.readouterr().out == serial
    assert len({e.source for e in events_of(serial)}) == 120  # every fifth text has no event


def test_output_file(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.json"
    assert main(["extract", "--format", "json", "-o", str(out), str(corpus / "n0.txt")]) == 0
    assert capsys.readouterr().out == ""
    events = fjson.loads(out.read_text(encoding="utf-8"))
    assert events
    assert {e.source for e in events} == {str(corpus / "n0.txt")}


def test_unwritable_output(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "-o", str(tmp_path / "no" / "dir.jsonl"), str(corpus / "n0.txt")])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tradeevents: error: cannot write {tmp_path / 'no' / 'dir.jsonl'}: ")
    assert err.count("\n") == 1


def test_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "a.jsonl"
    lines.write_text(
        json.dumps({"id": "x1", "text": NEWS[0], "published": "2019-10-15"})
        + "\n\n"
        + json.dumps({"text": NEWS[0]})
        + "\n",
        encoding="utf-8",
    )
    whole = tmp_path / "b.json"
    whole.write_text(json.dumps([{"id": "y", "text": NEWS[0]}]), encoding="utf-8")
    (tmp_path / "README.md").write_text("not a record", encoding="utf-8")
    assert main(["extract", "--records", "--published", "2019-10-08", str(tmp_path)]) == 0
    events = events_of(capsys.readouterr().out)
    assert [(e.source, str(e.date)) for e in events] == [
        ("x1", "2019-10-14"),
        (f"{lines}:3", "2019-10-07"),
        ("y", "2019-10-07"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "{path}:1: not a JSON record: "),
        ('{"body": "x"}\n', "{path}:1: a record mapping needs a 'text' key; it has ['body']"),
        ("[1]\n", "{path}:1[0]: a record is a JSON object with a 'text' key"),
    ],
)
def test_bad_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--records", str(path)])
    assert exit_.value.code == 1
    assert capsys.readouterr().err.startswith("tradeevents: error: " + message.format(path=path))


def test_text_parser_error_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.events"
    good.write_text(
        text.dumps([Agreement(status=Status.CONCLUDED, parties=["US"])]), encoding="utf-8"
    )
    bad = tmp_path / "b.events"
    bad.write_text("hello\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--parser", "text", str(good), str(bad)])
    assert exit_.value.code == 1
    err = capsys.readouterr().err  # events before the error may or may not be out yet
    assert err == (
        f"tradeevents: error: {bad}: line 1, column 1: expected '# tradeevents text 1' on the first line\n"
    )


def test_missing_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argument, message in [
        (
            str(tmp_path / "none.txt"),
            f"cannot read {tmp_path / 'none.txt'}: No such file or directory",
        ),
        (str(tmp_path / "*.nothing"), f"no file matches {tmp_path / '*.nothing'}"),
    ]:
        with pytest.raises(SystemExit) as exit_:
            main(["extract", argument])
        assert exit_.value.code == 1
        assert capsys.readouterr().err == f"tradeevents: error: {message}\n"


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(SystemExit):
        main(["extract", str(path)])
    assert capsys.readouterr().err == f"tradeevents: error: {path}: not UTF-8 text (byte 3)\n"


def test_unknown_parser_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--parser", "nope"])
    assert exit_.value.code == 2
    assert "error: unknown parser 'nope'; available: news, text" in capsys.readouterr().err


# -- plugins on the command line ---------------------------------------------------------------


@pytest.fixture
def broken_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    eps = (metadata.EntryPoint("broken", "no_such_module_here:P", parsers.ENTRY_POINT_GROUP),)
    monkeypatch.setattr(parsers, "_entry_points", lambda: eps)
    parsers._reset_plugins()


@pytest.mark.usefixtures("broken_plugin")
def test_broken_plugin(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--parser", "broken", "-"])
    assert exit_.value.code == 1
    assert capsys.readouterr().err == (
        "tradeevents: error: plugin parser 'broken' (no_such_module_here:P) failed to load: "
        "ModuleNotFoundError: No module named 'no_such_module_here'\n"
    )
    assert main(["parsers"]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["broken", "plugin"],
        ["news", "builtin"],
        ["text", "builtin"],
    ]
    assert "BROKEN: plugin parser 'broken'" in out
    assert err.startswith("tradeevents: warning: plugin parser 'broken'")
    assert main(["parsers", "--check"]) == 1


def test_parsers_lists_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parsers"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["news", "builtin", "tradeevents"]
    assert "canonical text format" in out


def test_parsers_says_when_plugins_are_disabled(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRADEEVENTS_DISABLE_PLUGINS", "1")
    assert main(["parsers"]) == 0
    assert "plugins are disabled" in capsys.readouterr().err


# -- progress ------------------------------------------------------------------------------


def test_progress_bar_draws_and_clears() -> None:
    stream = io.StringIO()
    progress = Progress(10, True, stream)
    for _ in range(10):
        progress.update(1, 2)
    progress.close()
    drawn = stream.getvalue()
    assert "[########################] 100% 10 texts, 20 events" in drawn
    assert drawn.endswith("\r\x1b[K")


def test_no_progress_for_a_few_files_or_when_disabled() -> None:
    for progress in (Progress(FEW, True, io.StringIO()), Progress(100, False, io.StringIO())):
        for _ in range(FEW):
            progress.update(1, 1)
        progress.close()
        assert progress.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_progress_counter_without_total() -> None:
    stream = io.StringIO()
    progress = Progress(None, True, stream)
    for _ in range(FEW):
        progress.update(1, 0)
    assert stream.getvalue() == ""
    progress.update(1, 0)
    assert "4 texts, 0 events" in stream.getvalue()


def test_progress_on_request_only(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(corpus)]) == 0
    assert capsys.readouterr().err == ""  # stderr is no terminal here
    assert main(["extract", "--progress", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "100% 6 texts, 5 events" in err
    assert err.endswith("\r\x1b[K")


# -- validate ------------------------------------------------------------------------------


GOOD = [
    Agreement(status=Status.CONCLUDED, parties=["US", "JP"]),
    Agreement(status=Status.PLANNED, parties=["EU"]),
]


def test_validate_good_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "a.jsonl": jsonl.dumps(GOOD),
        "a.json": fjson.dumps(GOOD),
        "a.csv": fcsv.dumps(GOOD),
        "a.events": text.dumps(GOOD),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8", newline="")
    assert main(["validate", *(str(tmp_path / name) for name in files)]) == 0
    assert capsys.readouterr() == ("", "")


def test_validate_reports_every_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = jsonl.dumps(GOOD).splitlines()
    bad = [
        lines[0],
        '{"type": "agreement", "status": "maybe"}',
        "",
        "{oops",
        lines[1],
        '{"type": "nope"}',
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    found = out.splitlines()
    assert [line.split(": ")[0] for line in found] == [f"{path}:2", f"{path}:4", f"{path}:6"]
    assert found[0].startswith(f"{path}:2: $.status: ")
    assert err == "tradeevents: 1 of 1 files invalid\n"


def test_validate_csv_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = fcsv.dumps(GOOD).split("\r\n")
    rows[1] = rows[1].replace("concluded", "finished")
    rows.insert(2, "x,agreement")
    path = tmp_path / "bad.csv"
    path.write_text("\r\n".join(rows), encoding="utf-8", newline="")
    assert main(["validate", str(path)]) == 1
    found = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[:2] for line in found] == [
        [f"{path}:2", "$[0].status"],
        [f"{path}:3", "$[1]"],
    ]


def test_validate_json_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(fjson.dumps(GOOD))
    data[0]["date"] = "2021-13"
    data[1]["parties"] = ["XX"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    found = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[:2] for line in found] == [
        [str(path), "$[0].date"],
        [str(path), "$[1].parties[0]"],
    ]
    path.write_text("[{", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_validate_text_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = textwrap.dedent(
        """\
        # tradeevents text 1

        [agreement]
        status: concluded
        parties: [US]

        [agreement]
        status: someday

        [nonsense]
        status: planned

        [agreement]
        status: planned
        """
    )
    path = tmp_path / "bad.events"
    path.write_text(doc, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    found = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in found] == [f"{path}:8:9", f"{path}:10:2"]
    path.write_text("# tradeevents text 2\n\n[agreement]\nstatus: planned\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.startswith(f"{path}:1:")


def test_validate_needs_a_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "events.txt"
    path.write_text(jsonl.dumps(GOOD), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(path)])
    assert exit_.value.code == 1
    assert capsys.readouterr().err == (
        f"tradeevents: error: cannot tell the format of {path}: give --format\n"
    )
    assert main(["validate", "--format", "jsonl", str(path)]) == 0


# -- conventions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["convert"], ["validate"], ["schema"], ["parsers"]]
)
def test_help_everywhere(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("usage: tradeevents")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from tradeevents import __version__

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"tradeevents {__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nope"],
        ["extract", "--jobs", "-1"],
        ["extract", "--published", "2021-13-01"],
        ["validate"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "usage: tradeevents" in err


def _interrupt(args: list[str], feed: bytes, settle: float = 1.0) -> tuple[int, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tradeevents.cli", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write(feed)
    proc.stdin.flush()
    # the command is at work, or waiting for more input (its workers started, if any)
    time.sleep(settle)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode("utf-8")


def test_ctrl_c_stops_cleanly() -> None:
    status, err = _interrupt(["extract", "-"], b"The U.S. and")
    assert (status, err) == (130, "tradeevents: interrupted\n")


def test_ctrl_c_stops_workers_cleanly() -> None:
    records = "".join(json.dumps({"text": NEWS[0]}) + "\n" for _ in range(100)).encode()
    status, err = _interrupt(
        ["extract", "--records", "--jobs", "2", "--published", "2019-10-08", "-"],
        records,
        settle=2.0,
    )
    assert (status, err) == (130, "tradeevents: interrupted\n")


def test_a_closed_pipe_is_quiet(corpus: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tradeevents.cli", "extract", *[str(corpus)] * 50],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
