"""The ``tradeevents`` command.

Subcommands: ``extract`` (texts to events), ``convert`` (between the event
formats), ``validate`` (check event files), ``schema`` (the JSON Schema of the
JSON form) and ``parsers`` (what is installed). User errors print one line on
stderr and exit 1; usage errors exit 2; Ctrl-C exits 130. No traceback is
shown for anything the user can fix.

``extract`` streams: inputs are read one at a time, and events are written as
they come, so memory stays flat over any number of texts; ``--jobs N`` extracts
in N worker processes, keeping the output in input order.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import datetime as dt
import fnmatch
import glob
import importlib
import io
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import IO, Any, NoReturn

from ._version import __version__
from .batch import TextRecord, as_record, extract_record
from .errors import LoadError, TextFormatError, TradeEventsError, UnknownParserError
from .model import Event

__all__ = ["build_parser", "main"]

#: Output and input formats: name -> module with ``loads(str)`` and ``dumps(events)``.
FORMATS = {
    "jsonl": "tradeevents.formats.jsonl",
    "json": "tradeevents.formats.json",
    "csv": "tradeevents.formats.csv",
    "text": "tradeevents.text",
}
#: File suffixes that name a format.
SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".events": "text",
}
#: Files read from a directory with ``--records`` unless ``--include`` says otherwise.
RECORD_PATTERNS = ("*.json", "*.jsonl", "*.ndjson")
#: The progress bar shows only for more inputs than this (and only on a terminal).
FEW = 3
#: Texts per task sent to a worker, and the most characters per task.
BATCH_TEXTS = 32
BATCH_CHARS = 1 << 20
#: Tasks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_JOB = 4


class UserError(Exception):
    """An error in what the user asked for: reported in one line, exit status 1."""


def _format_module(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, TextFormatError):
        return exc.summary
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _published(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: expected YYYY-MM-DD") from None


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(
            f"invalid job count {text!r}: expected 0 (all cores) or more"
        )
    return jobs or os.cpu_count() or 1


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{where}: not UTF-8 text (byte {exc.start})") from None


def _read(source: str) -> str:
    if source == "-":
        return _decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc.strerror or exc}") from None
    return _decode(data, source)


def _write_output(chunks: Iterable[str], output: str | None) -> None:
    if output is None or output == "-":
        out: IO[str] = sys.stdout
        for chunk in chunks:
            out.write(chunk)
            out.flush()  # a consumer of a long stream sees events as they come
        return
    from ._io import write_atomic  # a failed write leaves the previous file intact

    try:
        write_atomic(output, chunks)
    except OSError as exc:  # inputs that cannot be read are reported as UserError already
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None


def _dump_chunks(events: Iterable[Event], fmt: str) -> Iterator[str]:
    module = _format_module(fmt)
    iter_dump = getattr(module, "iter_dump", None)
    if iter_dump is not None:
        yield from iter_dump(events)
    else:
        yield module.dumps(list(events))


# -- inputs ----------------------------------------------------------------------


def _walk(directory: Path, include: Sequence[str]) -> Iterator[str]:
    """The non-hidden files under *directory* matching *include*, in sorted order, lazily."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if include and not any(fnmatch.fnmatch(name, pattern) for pattern in include):
                continue
            yield os.path.join(root, name)


def _expand(arguments: Sequence[str], include: Sequence[str]) -> Iterator[str]:
    """Files, directories (walked) and glob patterns as the paths they name; ``-`` is stdin."""
    for argument in arguments:
        if argument == "-":
            yield argument
            continue
        path = Path(argument)
        if path.is_dir():
            yield from _walk(path, include)
        elif path.exists() or not glob.has_magic(argument):
            yield argument  # a missing file is reported when it is read
        else:
            matches = sorted(glob.iglob(argument, recursive=True))
            if not matches:
                raise UserError(f"no file matches {argument}")
            for match in matches:
                if Path(match).is_dir():
                    yield from _walk(Path(match), include)
                else:
                    yield match


def _text_records(paths: Iterable[str], published: dt.date | None) -> Iterator[TextRecord]:
    """One record per file: the whole file is the text, its path the source (stdin: none)."""
    for path in paths:
        yield TextRecord(None if path == "-" else path, _read(path), published)


def _record_lines(path: str) -> Iterator[tuple[str, bytes]]:
    if path == "-":
        for lineno, line in enumerate(sys.stdin.buffer, 1):
            yield f"<stdin>:{lineno}", line
        return
    try:
        with open(path, "rb") as fp:
            if Path(path).suffix.lower() == ".json":
                yield path, fp.read()  # one record, or an array of records
                return
            for lineno, line in enumerate(fp, 1):
                yield f"{path}:{lineno}", line
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def _corpus_records(paths: Iterable[str], published: dt.date | None) -> Iterator[TextRecord]:
    """Records from JSON Lines files (one object per line) and JSON files (an object or an
    array of objects): ``text``, and optionally ``id`` or ``source``, and ``published``."""
    for path in paths:
        for where, line in _record_lines(path):
            if not line.strip():
                continue
            try:
                data = json.loads(_decode(line, where))
            except ValueError as exc:
                raise UserError(f"{where}: not a JSON record: {exc}") from None
            items = data if isinstance(data, list) else [data]
            for index, item in enumerate(items):
                place = f"{where}[{index}]" if isinstance(data, list) else where
                if not isinstance(item, dict):
                    raise UserError(f"{place}: a record is a JSON object with a 'text' key")
                try:
                    record = as_record(item, published=published)
                except (TypeError, ValueError) as exc:
                    raise UserError(f"{place}: {exc}") from None
                if record.source is None:
                    record = record._replace(source=place)
                yield record


# -- progress --------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr, drawn at most ten times a second.

    Shown only when *enabled* and once more than :data:`FEW` inputs are done
    (or *total* is more than that); *total* ``None`` draws a counter instead of a bar.
    """

    def __init__(self, total: int | None, enabled: bool, stream: IO[str] | None = None) -> None:
        self.total = total
        self.enabled = enabled and (total is None or total > FEW)
        self.stream = stream or sys.stderr
        self.done = 0
        self.events = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, inputs: int, events: int) -> None:
        self.done += inputs
        self.events += events
        if not self.enabled or (self.total is None and self.done <= FEW):
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        counts = f"{self.done:,} texts, {self.events:,} events, {rate:,.0f}/s"
        if self.total:
            width = 24
            filled = width * min(self.done, self.total) // self.total
            bar = "#" * filled + "." * (width - filled)
            line = f"[{bar}] {self.done * 100 // self.total:3d}% {counts} of {self.total:,}"
        else:
            line = counts
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# -- extraction, serial and parallel ---------------------------------------------------


def _extract_one(record: TextRecord, parser: Any) -> list[Event]:
    try:
        return extract_record(record, parser)
    except TradeEventsError as exc:
        if record.source is None:
            raise
        raise UserError(f"{record.source}: {_one_line(exc)}") from None


def _serial(
    records: Iterator[TextRecord], parser_name: str, progress: Progress
) -> Iterator[list[Event]]:
    from .parsers import get_parser

    parser = get_parser(parser_name)
    for record in records:
        events = _extract_one(record, parser)
        progress.update(1, len(events))
        yield events


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(parser_name: str, batch: list[TextRecord], as_jsonl: bool) -> tuple[Any, int, str | None]:
    """A worker's task: (the JSON Lines text or the event lists, the event count, an error)."""
    from .formats import jsonl
    from .parsers import get_parser

    done: list[list[Event]] = []
    try:
        parser = get_parser(parser_name)
        for record in batch:
            done.append(_extract_one(record, parser))
    except (UserError, TradeEventsError) as exc:
        error: str | None = _one_line(exc)
    else:
        error = None
    count = sum(len(events) for events in done)
    if as_jsonl:
        return jsonl.dumps(event for events in done for event in events), count, error
    return done, count, error


def _batches(records: Iterator[TextRecord]) -> Iterator[list[TextRecord]]:
    batch: list[TextRecord] = []
    chars = 0
    for record in records:
        batch.append(record)
        chars += len(record.text)
        if len(batch) >= BATCH_TEXTS or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parallel(
    records: Iterator[TextRecord],
    parser_name: str,
    jobs: int,
    as_jsonl: bool,
    progress: Progress,
) -> Iterator[Any]:
    """Batches of records extracted in *jobs* processes, results in input order.

    At most ``jobs * IN_FLIGHT_PER_JOB`` batches are read ahead, so input is
    streamed and memory stays flat; results are JSON Lines text (*as_jsonl*)
    or lists of events.
    """
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    pending: collections.deque[tuple[int, concurrent.futures.Future[Any]]] = collections.deque()
    try:
        batches = _batches(records)
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * IN_FLIGHT_PER_JOB:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((len(batch), pool.submit(_work, parser_name, batch, as_jsonl)))
            if not pending:
                return
            size, future = pending.popleft()
            result, count, error = future.result()
            progress.update(size, count)
            if as_jsonl:
                yield result
            else:
                for events in result:
                    yield from events
            if error is not None:
                raise UserError(error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _cmd_extract(args: argparse.Namespace) -> int:
    from .parsers import get_parser

    try:
        get_parser(args.parser)  # fail early, before any input is read
    except UnknownParserError as exc:
        args.usage_error(_one_line(exc))
    arguments = args.files or ["-"]
    include = args.include or (list(RECORD_PATTERNS) if args.records else [])
    read = _corpus_records if args.records else _text_records
    records = read(_expand(arguments, include), args.published)

    show = args.progress if args.progress is not None else sys.stderr.isatty()
    total = None
    if show and not args.records:
        total = sum(1 for _ in _expand(arguments, include))  # a second, cheap walk
    progress = Progress(total, show)

    chunks: Iterable[str]
    as_jsonl = args.format == "jsonl"
    try:
        if args.jobs > 1:
            results = _parallel(records, args.parser, args.jobs, as_jsonl, progress)
            chunks = results if as_jsonl else _dump_chunks(results, args.format)
        else:
            events = (e for events in _serial(records, args.parser, progress) for e in events)
            chunks = _dump_chunks(events, args.format)
        _write_output(chunks, args.output)
    finally:
        progress.close()
    return 0


def _cmd_convert(args: argparse.Namespace) -> int:
    source = args.input or "-"
    src_format = args.from_format or _guess_format(source, "--from")
    dst_format = args.to_format or _guess_format(args.output, "--to")
    text = _read(source)
    events = _format_module(src_format).loads(text)
    _write_output(_dump_chunks(events, dst_format), args.output)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .formats import schema

    _write_output([schema.dumps(indent=args.indent), "\n"], args.output)
    return 0


def _guess_format(path: str | None, option: str) -> str:
    if path is not None and path != "-":
        fmt = SUFFIXES.get(Path(path).suffix.lower())
        if fmt is not None:
            return fmt
    raise UserError(f"cannot tell the format of {path or 'standard input/output'}: give {option}")


# -- parsers -----------------------------------------------------------------------


def _describe(parser: object) -> str:
    doc = getattr(parser, "__doc__", None) or type(parser).__doc__ or ""
    first = doc.strip().splitlines()[0] if doc.strip() else ""
    return first.replace("``", "").replace("*", "")  # reST markup reads badly in a terminal


def _cmd_parsers(args: argparse.Namespace) -> int:
    from .errors import PluginError
    from .parsers import DISABLE_ENV, available_parsers, get_parser, plugins_disabled

    rows: list[tuple[str, str, str, str]] = []
    broken = 0
    for name, info in available_parsers().items():
        try:
            description = _describe(get_parser(name))
        except PluginError as exc:
            broken += 1
            description = f"BROKEN: {_one_line(exc)}"
            print(f"tradeevents: warning: {_one_line(exc)}", file=sys.stderr)
        rows.append((name, info.origin, info.distribution or "-", description))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
            + "  "
            + row[3]
        )
    if plugins_disabled():
        print(f"tradeevents: plugins are disabled ({DISABLE_ENV} is set)", file=sys.stderr)
    return 1 if broken and args.check else 0


# -- validate ----------------------------------------------------------------------


#: A problem found by ``validate``: where (``"12"``, ``"12:3"`` or ``""``) and what.
Problem = tuple[str, str]


def _problems_jsonl(text: str) -> Iterator[Problem]:
    from .formats import jsonl

    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            jsonl.loads(line)
        except LoadError as exc:
            yield str(lineno), f"{exc.path}: {exc.msg}"


def _problems_csv(text: str) -> Iterator[Problem]:
    import csv as _csv

    from .formats import csv

    reader = _csv.reader(io.StringIO(text, newline=""), strict=True)
    index = 0
    try:
        header = next(reader, None)
        if header is None or tuple(header) != csv.COLUMNS:
            yield "1", f"$: expected the header {','.join(csv.COLUMNS)}"
            return
        while True:
            lineno = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                return
            if not row:
                continue
            buffer = io.StringIO()
            _csv.writer(buffer, lineterminator="\r\n").writerows([header, row])
            try:
                csv.loads(buffer.getvalue())
            except LoadError as exc:
                path = f"$[{index}]" + exc.path.removeprefix("$[0]")
                yield str(lineno), f"{path}: {exc.msg}"
            index += 1
    except _csv.Error as exc:
        yield str(reader.line_num), f"$: invalid CSV: {exc}"


def _problems_json(text: str) -> Iterator[Problem]:
    from .formats import from_dict
    from .formats import json as fjson

    try:
        fjson.loads(text)
        return
    except LoadError as exc:
        first = exc
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    found = False
    if isinstance(data, list):
        for index, item in enumerate(data):
            try:
                from_dict(item, f"$[{index}]")
            except LoadError as exc:
                found = True
                yield "", f"{exc.path}: {exc.msg}"
    if not found:
        yield "", _one_line(first)


def _problems_text(text: str) -> Iterator[Problem]:
    from . import text as textformat

    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("[")]
    # the first line and what precedes the first event, then each event block (which is
    # checked under a valid first line, so that one bad block does not hide the others)
    pieces = [(0, False, lines[: starts[0] if starts else len(lines)])]
    pieces += [
        (s, True, lines[s:e]) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    for first, block, part in pieces:
        doc = "\n".join(part)
        if block:
            doc = f"{textformat.MAGIC}\n{doc}"
        try:
            textformat.loads(doc)
        except TextFormatError as exc:
            lineno = exc.lineno + first - 1 if block else exc.lineno
            yield f"{lineno}:{exc.colno}", exc.msg


_VALIDATORS: dict[str, Callable[[str], Iterator[Problem]]] = {
    "jsonl": _problems_jsonl,
    "csv": _problems_csv,
    "json": _problems_json,
    "text": _problems_text,
}


def _cmd_validate(args: argparse.Namespace) -> int:
    bad = 0
    for source in args.files:
        fmt = args.format or _guess_format(source, "--format")
        name = "<stdin>" if source == "-" else source
        count = 0
        for where, message in _VALIDATORS[fmt](_read(source)):
            print(f"{name}:{where}: {message}" if where else f"{name}: {message}")
            count += 1
        if count:
            bad += 1
    checked = len(args.files)
    if bad:
        print(f"tradeevents: {bad} of {checked} files invalid", file=sys.stderr)
    return 1 if bad else 0


# -- parser ------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The :mod:`argparse` parser of the command line."""
    parser = argparse.ArgumentParser(
        prog="tradeevents",
        description="Trade-policy news as typed, immutable events.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="extract the events of texts",
        description=(
            "Extract the trade events of texts: files, directories (walked recursively), "
            "glob patterns, or - for standard input. Events carry their file's name as 'source'."
        ),
    )
    extract.add_argument(
        "files", nargs="*", metavar="PATH", help="files, directories or globs; - or none for stdin"
    )
    extract.add_argument(
        "--parser",
        default="news",
        metavar="NAME",
        help="the parser to read the texts with (default: news; see 'tradeevents parsers')",
    )
    extract.add_argument(
        "--published",
        type=_published,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) against which relative dates are resolved",
    )
    extract.add_argument("--format", choices=list(FORMATS), default="jsonl", help="output format")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="extract in N processes (0: one per core; default 1)",
    )
    extract.add_argument(
        "--records",
        action="store_true",
        help=(
            "inputs are corpora: JSON Lines of objects with 'text' and optional 'id' and "
            "'published' (or .json files holding one such object or an array of them)"
        ),
    )
    extract.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="in directories, read only files whose name matches (repeatable; default: every "
        "file, or *.json, *.jsonl, *.ndjson with --records)",
    )
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"a progress bar on stderr (default: when stderr is a terminal and more than {FEW} "
        "texts)",
    )
    extract.set_defaults(run=_cmd_extract, usage_error=extract.error)

    convert = commands.add_parser(
        "convert",
        help="convert events between formats",
        description="Convert events between json, jsonl, csv and the text format.",
    )
    convert.add_argument(
        "input", nargs="?", metavar="INPUT", help="input file; - or none for stdin"
    )
    convert.add_argument("--from", dest="from_format", choices=list(FORMATS), help="input format")
    convert.add_argument("--to", dest="to_format", choices=list(FORMATS), help="output format")
    convert.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    convert.set_defaults(run=_cmd_convert)

    validate = commands.add_parser(
        "validate",
        help="check event files",
        description=(
            "Check event files in any supported format and report every bad line or record "
            "with its location. Exit status 0 when every file is valid, 1 otherwise."
        ),
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="event files; - for stdin")
    validate.add_argument(
        "--format",
        choices=list(FORMATS),
        help="the files' format (default: from the suffix: .jsonl, .json, .csv, .events)",
    )
    validate.set_defaults(run=_cmd_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the JSON form",
        description="Print the JSON Schema (draft 2020-12) of the events' JSON form.",
    )
    schema.add_argument("--indent", type=int, default=2, help="indentation (default 2)")
    schema.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    schema.set_defaults(run=_cmd_schema)

    parsers = commands.add_parser(
        "parsers",
        help="list the installed parsers",
        description=(
            "List the parsers that extract and tradeevents.extract can use: built-in, and "
            "plugins installed through the 'tradeevents.parsers' entry-point group."
        ),
    )
    parsers.add_argument(
        "--check", action="store_true", help="exit with status 1 if a plugin fails to load"
    )
    parsers.set_defaults(run=_cmd_parsers)
    return parser


def _fail(message: str, status: int = 1) -> NoReturn:
    print(f"tradeevents: error: {message}", file=sys.stderr)
    raise SystemExit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (UserError, TradeEventsError) as exc:
        _fail(_one_line(exc))
    except KeyboardInterrupt:
        print("tradeevents: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`tradeevents extract ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
