"""Release checks: one version, typed package, declared public surface, safe loaders.

These run against the installed distribution (editable in development, the
wheel in CI's second environment), so they catch what a source-tree-only
check would miss: metadata out of step with the code, ``py.typed`` left out of
the wheel, a public module without ``__all__`` or naming what it lacks.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import importlib.resources
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tradeevents

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(tradeevents.__file__).resolve().parent


def _public_module_names() -> list[str]:
    """Every module of the package whose dotted name has no part starting with ``_``."""
    names = ["tradeevents"]
    for info in pkgutil.walk_packages(tradeevents.__path__, prefix="tradeevents."):
        parts = info.name.split(".")
        if any(part.startswith("_") for part in parts):
            continue
        names.append(info.name)
    return sorted(names)


PUBLIC_MODULES = _public_module_names()


def _all_modules() -> list[str]:
    names = ["tradeevents"]
    names += [
        info.name
        for info in pkgutil.walk_packages(tradeevents.__path__, prefix="tradeevents.")
        if not info.name.endswith("__main__")
    ]
    return sorted(names)


def _load_toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib.loads(text)
    pytest.skip("reading pyproject.toml needs tomllib (Python 3.11+)")


# -- version --------------------------------------------------------------------


def test_version_is_the_installed_metadata_version() -> None:
    assert tradeevents.__version__ == importlib.metadata.version("tradeevents")


def test_version_is_pep440_release_string() -> None:
    assert re.fullmatch(
        r"[0-9]+\.[0-9]+\.[0-9]+(?:(?:a|b|rc)[0-9]+)?(?:\.dev[0-9]+)?", tradeevents.__version__
    )


def test_version_is_single_sourced() -> None:
    pyproject = ROOT / "pyproject.toml"
    if not pyproject.is_file():
        pytest.skip("not running from a source tree")
    project = _load_toml(pyproject.read_text(encoding="utf-8"))
    assert "version" not in project["project"], "the version must come from tradeevents._version"
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "tradeevents._version.__version__"}


def test_changelog_has_an_entry_for_this_version() -> None:
    changelog = ROOT / "CHANGELOG.md"
    if not changelog.is_file():
        pytest.skip("not running from a source tree")
    version = re.escape(tradeevents.__version__)
    assert re.search(rf"^## \[{version}\]", changelog.read_text(encoding="utf-8"), re.MULTILINE)


def test_cli_reports_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from tradeevents.cli import main; main(['--version'])"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"tradeevents {tradeevents.__version__}"


# -- typed package and package data -------------------------------------------------


def test_py_typed_is_in_the_package() -> None:
    assert (importlib.resources.files("tradeevents") / "py.typed").is_file()


def test_package_data_files_are_reachable_as_resources() -> None:
    data = importlib.resources.files("tradeevents") / "data"
    names = [entry.name for entry in data.iterdir() if entry.is_file()]
    assert "jurisdictions.json" in names


def test_distribution_declares_license_python_and_typed() -> None:
    meta = importlib.metadata.metadata("tradeevents")
    assert meta["Requires-Python"]
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert (meta.get_all("License-Expression") or []) == ["MIT"] or any(
        "MIT" in c for c in classifiers
    )
    urls = meta.get_all("Project-URL") or []
    assert any(url.startswith("Documentation") for url in urls)
    assert any(url.startswith("Changelog") for url in urls)


def test_optional_backends_are_extras() -> None:
    meta = importlib.metadata.metadata("tradeevents")
    extras = meta.get_all("Provides-Extra") or []
    assert "orjson" in extras
    requires = importlib.metadata.requires("tradeevents") or []
    core = [r for r in requires if "extra ==" not in r]
    assert not any(r.lower().startswith("orjson") for r in core), "orjson must stay optional"


# -- public surface --------------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_public_module_declares_all(name: str) -> None:
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    exported = module.__all__
    assert isinstance(exported, (list, tuple))
    assert len(set(exported)) == len(exported), f"{name}.__all__ has duplicates"
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what the module lacks: {missing}"


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_public_names_have_docstrings(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no module docstring"
    undocumented = []
    for attr in module.__all__:
        value = getattr(module, attr)
        if not (inspect.isfunction(value) or inspect.isclass(value)):
            continue  # modules, constants, type aliases
        if not getattr(value, "__doc__", None):
            undocumented.append(attr)
    assert not undocumented, f"{name}: public callables without a docstring: {undocumented}"


def test_top_level_exports_the_errors() -> None:
    from tradeevents import errors

    for name in errors.__all__:
        assert getattr(tradeevents, name) is getattr(errors, name)


def test_import_is_light() -> None:
    """``import tradeevents`` must not pull in optional or test-only libraries."""
    code = (
        "import sys, tradeevents; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    heavy = {"hypothesis", "dask", "orjson", "pydantic", "numpy", "pandas", "jsonschema", "yaml"}
    assert not loaded & heavy, f"import tradeevents loads {sorted(loaded & heavy)}"


# -- untrusted input: no code execution from data ----------------------------------------

_FORBIDDEN_CALLS = {
    "eval",
    "exec",
    "compile",
    "pickle.load",
    "pickle.loads",
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "yaml.load",
    "yaml.unsafe_load",
    "yaml.full_load",
    "__import__",
}
_FORBIDDEN_IMPORTS = {"pickle", "marshal", "shelve", "dill", "yaml"}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _source_files() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def test_source_files_found() -> None:
    assert len(_source_files()) >= 5


@pytest.mark.parametrize("path", _source_files(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_code_execution_from_data(path: Path) -> None:
    """No eval/exec, no pickle or marshal, no YAML: input is only ever parsed as data."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _dotted(node.func) in _FORBIDDEN_CALLS:
            found.append(f"line {node.lineno}: {_dotted(node.func)}()")
        elif isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.split(".")[0] in _FORBIDDEN_IMPORTS
            ]
        elif (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] in _FORBIDDEN_IMPORTS
        ):
            found.append(f"line {node.lineno}: from {node.module} import ...")
    assert not found, f"{path.name}: {found}"


@pytest.mark.parametrize("name", _all_modules())
def test_every_module_imports_cleanly(name: str) -> None:
    importlib.import_module(name)


def test_every_data_file_is_declared_package_data() -> None:
    """A data file that no ``package-data`` pattern names is left out of the wheel."""
    pyproject = ROOT / "pyproject.toml"
    source = ROOT / "src" / "tradeevents"
    if not pyproject.is_file() or not source.is_dir():
        pytest.skip("not running from a source tree")
    patterns = _load_toml(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["tradeevents"]
    files = [
        path.relative_to(source)
        for path in source.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert files
    missing = [
        str(f)
        for f in files
        if not any(f.match(p) and len(f.parts) == len(Path(p).parts) for p in patterns)
    ]
    assert not missing, f"not in any package-data pattern, so not in the wheel: {missing}"
