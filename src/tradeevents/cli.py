"""The ``tradeevents`` command.

Subcommands: ``extract`` (news text to events), ``convert`` (between the event
formats), ``schema`` (the JSON Schema of the JSON form). User errors print one
line on stderr and exit 1; usage errors exit 2; Ctrl-C exits 130. No traceback
is shown for anything the user can fix.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import IO, NoReturn

from ._version import __version__
from .errors import TextFormatError, TradeEventsError
from .model import Event

__all__ = ["main"]

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


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
        where = "<stdin>"
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise UserError(f"cannot read {source}: {exc.strerror or exc}") from None
        where = source
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{where}: not UTF-8 text (byte {exc.start})") from None


def _write_output(chunks: Iterable[str], output: str | None) -> None:
    if output is None or output == "-":
        out: IO[str] = sys.stdout
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        return
    from ._io import write_atomic  # a failed write leaves the previous file intact

    write_atomic(output, chunks)


def _dump_chunks(events: Iterable[Event], fmt: str) -> Iterator[str]:
    module = _format_module(fmt)
    iter_dump = getattr(module, "iter_dump", None)
    if iter_dump is not None:
        yield from iter_dump(events)
    else:
        yield module.dumps(list(events))


# -- commands ------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    from .extraction import extract

    sources = args.files or ["-"]

    def events() -> Iterator[Event]:
        for source in sources:
            text = _read(source)
            name = None if source == "-" else source
            for event in extract(text, published=args.published):
                yield event if name is None else event.replace(source=name)

    _write_output(_dump_chunks(events(), args.format), args.output)
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


# -- parser --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradeevents",
        description="Trade-policy news as typed, immutable events.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="extract the events of news texts",
        description="Extract the trade events of news texts (files, or - for standard input).",
    )
    extract.add_argument("files", nargs="*", metavar="FILE", help="text files; - or none for stdin")
    extract.add_argument(
        "--published",
        type=_published,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) against which relative dates are resolved",
    )
    extract.add_argument("--format", choices=list(FORMATS), default="jsonl", help="output format")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.set_defaults(run=_cmd_extract)

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

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the JSON form",
        description="Print the JSON Schema (draft 2020-12) of the events' JSON form.",
    )
    schema.add_argument("--indent", type=int, default=2, help="indentation (default 2)")
    schema.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    schema.set_defaults(run=_cmd_schema)
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
