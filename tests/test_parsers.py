"""The parser registry: built-ins, parsers registered in code, entry-point plugins."""

from __future__ import annotations

import datetime as dt
import pickle
import textwrap
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest

from tradeevents import (
    Agreement,
    Event,
    EventDate,
    PluginError,
    Status,
    TextFormatError,
    UnknownParserError,
    parsers,
    registry,
    text,
)
from tradeevents.extraction import Extractor
from tradeevents.extraction import extract as news_extract
from tradeevents.formats import csv, json, jsonl, schema, to_dicts

NEWS = "The U.S. and Japan signed a trade agreement on Monday."
INSTALLED = parsers._entry_points


@pytest.fixture(autouse=True)
def _clean_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no parser registered in code and no plugin installed."""
    monkeypatch.setattr(parsers, "_registered", {})
    monkeypatch.setattr(parsers, "_entry_points", tuple)
    monkeypatch.delenv(parsers.DISABLE_ENV, raising=False)
    parsers._reset_plugins()
    yield
    parsers._reset_plugins()


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[metadata.EntryPoint]:
    """Three plugins in a module on sys.path: a good class, a good function, and a broken one."""
    (tmp_path / "fake_plugins.py").write_text(
        textwrap.dedent(
            '''
            import datetime as dt
            from tradeevents import Agreement, EventDate, Status

            class Upper:
                """Every line in capitals is an agreement of the US and Japan."""

                def __call__(self, text, /, *, published=None):
                    return [
                        Agreement(status=Status.CONCLUDED, parties=["US", "JP"],
                                  date=None if published is None else EventDate.from_date(published),
                                  topics=[line])
                        for line in text.splitlines() if line.isupper()
                    ]

            def nothing(text, /, *, published=None):
                """Finds nothing."""
                return []

            def crashes(text, /, *, published=None):
                return 1 / 0

            def not_events(text, /, *, published=None):
                return ["an event?"]

            NOT_CALLABLE = 42
            '''
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    group = parsers.ENTRY_POINT_GROUP
    eps = [
        metadata.EntryPoint("upper", "fake_plugins:Upper", group),
        metadata.EntryPoint("nothing", "fake_plugins:nothing", group),
        metadata.EntryPoint("crashes", "fake_plugins:crashes", group),
        metadata.EntryPoint("not-events", "fake_plugins:not_events", group),
        metadata.EntryPoint("missing", "no_such_module_here:Parser", group),
        metadata.EntryPoint("not-callable", "fake_plugins:NOT_CALLABLE", group),
        metadata.EntryPoint("news", "fake_plugins:nothing", group),  # cannot take a built-in name
    ]
    monkeypatch.setattr(parsers, "_entry_points", lambda: tuple(eps))
    return eps


# -- built-ins -------------------------------------------------------------------------


def test_default_is_news() -> None:
    assert parsers.extract(NEWS, published="2019-10-08") == news_extract(
        NEWS, published="2019-10-08"
    )
    assert parsers.get_parser() is parsers.get_parser("news")
    assert parsers.extract(NEWS, published=dt.date(2019, 10, 8))[0].date == EventDate.parse(
        "2019-10-07"
    )


def test_text_parser_reads_the_canonical_format() -> None:
    events = [Agreement(status=Status.CONCLUDED, parties=["US", "JP"])]
    assert parsers.extract(text.dumps(events), parser="text") == events
    with pytest.raises(TextFormatError, match="line 1, column 1"):
        parsers.extract("not the format", parser="text")


def test_news_parser_with_its_own_extractor() -> None:
    custom = parsers.NewsParser(Extractor.default().without("merge"))
    assert custom(NEWS, published=dt.date(2019, 10, 8))
    assert pickle.loads(pickle.dumps(custom)) == custom


def test_builtins_pickle_as_configuration() -> None:
    for name in ("news", "text"):
        parser = parsers.get_parser(name)
        assert pickle.loads(pickle.dumps(parser)) == parser
    assert len(pickle.dumps(parsers.get_parser("news"))) < 200  # no compiled rules inside


def test_published_strings() -> None:
    assert parsers.coerce_published("2021-11-19") == dt.date(2021, 11, 19)
    assert parsers.coerce_published("Nov. 19, 2021") == dt.date(2021, 11, 19)
    assert parsers.coerce_published(dt.datetime(2021, 11, 19, 8)) == dt.date(2021, 11, 19)
    with pytest.raises(ValueError, match="invalid publication date 'someday'"):
        parsers.coerce_published("someday")
    with pytest.raises(TypeError, match="not int"):
        parsers.coerce_published(20211119)  # type: ignore[arg-type]  # the wrong type on purpose


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        parsers.extract(b"bytes")  # type: ignore[arg-type]  # the wrong type on purpose


# -- registered in code ----------------------------------------------------------------


def _shout(text: str, /, *, published: dt.date | None = None) -> list[Event]:
    return [Agreement(status=Status.PLANNED, parties=["US"], topics=[text.strip()])]


def test_register_and_use() -> None:
    assert parsers.register_parser("shout", _shout) is _shout
    assert parsers.extract(" hi ", parser="shout") == [
        Agreement(status=Status.PLANNED, parties=["US"], topics=["hi"])
    ]
    info = parsers.available_parsers()["shout"]
    assert (info.origin, info.target) == ("registered", "test_parsers:_shout")
    parsers.unregister_parser("shout")
    with pytest.raises(UnknownParserError, match="unknown parser 'shout'; available: news, text"):
        parsers.get_parser("shout")


def test_register_refuses_clashes_and_bad_names() -> None:
    parsers.register_parser("shout", _shout)
    with pytest.raises(ValueError, match="a parser named 'shout' exists already"):
        parsers.register_parser("shout", _shout)
    with pytest.raises(ValueError, match="a parser named 'news' exists already"):
        parsers.register_parser("news", _shout)
    parsers.register_parser("news", _shout, replace=True)
    assert parsers.get_parser("news") is _shout
    with pytest.raises(ValueError, match="short identifiers"):
        parsers.register_parser("two words", _shout)
    with pytest.raises(TypeError, match="is not a parser: int is not callable"):
        parsers.register_parser("n", 3)  # type: ignore[arg-type]  # the wrong type on purpose


def test_a_parser_object_is_used_as_is() -> None:
    assert parsers.get_parser(_shout) is _shout
    assert parsers.extract("x", parser=_shout)[0].topics == ("x",)


def test_protocol_is_runtime_checkable() -> None:
    assert isinstance(_shout, parsers.Parser)
    assert isinstance(parsers.NewsParser(), parsers.Parser)


def test_a_failing_parser_in_code_is_named() -> None:
    def bad(text: str, /, *, published: dt.date | None = None) -> list[Event]:
        raise RuntimeError("boom")

    parsers.register_parser("bad", bad)
    with pytest.raises(PluginError, match=r"^parser 'bad' failed: RuntimeError: boom$"):
        parsers.extract("x", parser="bad")


# -- entry points ----------------------------------------------------------------------


def test_plugins_are_listed_without_being_imported(plugins: Any) -> None:
    import sys

    names = list(parsers.available_parsers())
    assert names == sorted(names)
    assert {"upper", "nothing", "missing", "news", "text"} <= set(names)
    assert parsers.available_parsers()["news"].origin == "builtin"
    assert parsers.available_parsers()["upper"].target == "fake_plugins:Upper"
    assert "fake_plugins" not in sys.modules


def test_plugin_class_is_instantiated_and_used(plugins: Any) -> None:
    events = parsers.extract("hello\nTALKS\n", parser="upper", published="2021-11-19")
    assert [e.topics for e in events] == [("TALKS",)]
    assert events[0].date == EventDate.parse("2021-11-19")
    assert parsers.get_parser("upper") is parsers.get_parser("upper")  # loaded once


def test_a_plugin_cannot_shadow_a_builtin(plugins: Any) -> None:
    assert parsers.get_parser("news") == parsers.NewsParser()


def test_broken_plugin_is_named_and_others_still_work(plugins: Any) -> None:
    with pytest.raises(
        PluginError,
        match=r"^plugin parser 'missing' \(no_such_module_here:Parser\) failed to load: "
        r"ModuleNotFoundError: No module named 'no_such_module_here'$",
    ):
        parsers.get_parser("missing")
    with pytest.raises(PluginError, match="failed to load"):  # the failure is remembered
        parsers.get_parser("missing")
    with pytest.raises(
        PluginError, match=r"'not-callable' .* is not a parser: int is not callable"
    ):
        parsers.get_parser("not-callable")
    assert parsers.extract("A\n", parser="upper")
    assert parsers.extract("x", parser="nothing") == []
    assert parsers.extract(NEWS)


def test_plugin_failures_at_run_time_are_named(plugins: Any) -> None:
    with pytest.raises(PluginError, match=r"^parser 'crashes' failed: ZeroDivisionError"):
        parsers.extract("x", parser="crashes")
    with pytest.raises(PluginError, match=r"^parser 'not-events' returned str, not an event$"):
        parsers.extract("x", parser="not-events")


def test_the_same_name_twice_is_an_error(
    plugins: list[metadata.EntryPoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    twice = [
        *plugins,
        metadata.EntryPoint("upper", "fake_plugins:nothing", parsers.ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(parsers, "_entry_points", lambda: tuple(twice))
    with pytest.raises(PluginError, match="parser name 'upper' is declared twice"):
        parsers.get_parser("upper")
    assert parsers.extract("x", parser="nothing") == []


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_environment_variable_disables_plugins(
    plugins: Any, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(parsers.DISABLE_ENV, value)
    assert parsers.plugins_disabled()
    assert list(parsers.available_parsers()) == ["news", "text"]
    with pytest.raises(
        UnknownParserError, match="plugins are disabled by TRADEEVENTS_DISABLE_PLUGINS"
    ):
        parsers.get_parser("upper")
    monkeypatch.setenv(parsers.DISABLE_ENV, "0")
    assert parsers.extract("A", parser="upper")


def test_code_registration_hides_a_plugin(plugins: Any) -> None:
    parsers.register_parser("upper", _shout)
    assert parsers.get_parser("upper") is _shout
    assert parsers.available_parsers()["upper"].origin == "registered"


def test_real_entry_points_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # whatever is installed, the built-ins are there and every plugin is listed by name
    monkeypatch.setattr(parsers, "_entry_points", INSTALLED)
    found = {ep.name for ep in metadata.entry_points(group=parsers.ENTRY_POINT_GROUP)}
    assert {"news", "text"} | found - {"news", "text"} == set(parsers.available_parsers())


# -- a user-defined event type, end to end -------------------------------------------------


@attrs.frozen(kw_only=True)
class Procurement(Event):
    """A government procurement rule."""

    type: ClassVar[str] = "procurement"
    agency: str | None = None


def _procurement_parser(text: str, /, *, published: dt.date | None = None) -> list[Event]:
    return [
        Procurement(status=Status.ANNOUNCED, parties=["US"], agency=line.strip(), source="notice")
        for line in text.splitlines()
        if line.strip()
    ]


@pytest.fixture
def procurement() -> Iterator[None]:
    registry.register_event_type(Procurement)
    yield
    registry.unregister_event_type("procurement")


@pytest.mark.usefixtures("procurement")
def test_custom_event_type_through_a_custom_parser_and_every_format() -> None:
    parsers.register_parser("procurement", _procurement_parser)
    events = parsers.extract("GSA\nDoD\n", parser="procurement") + parsers.extract(NEWS)
    assert {e.type for e in events} == {"procurement", "agreement"}
    for module in (json, jsonl, csv, text):
        assert module.loads(module.dumps(events)) == events, module.__name__
    jsonschema.Draft202012Validator(schema.json_schema()).validate(to_dicts(events))
