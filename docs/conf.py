"""Sphinx configuration: furo theme, MyST Markdown pages, API reference from docstrings."""

from __future__ import annotations

import tradeevents

project = "tradeevents"
author = "The tradeevents developers"
copyright = "2026, The tradeevents developers"
release = tradeevents.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = False
# Without intersphinx (the docs build offline), a builtin such as ``type`` in a
# type hint has no target, and Sphinx's fuzzy lookup then finds the ``type``
# attribute of every event class and warns that the reference is ambiguous.
# Those are the only "ref.python" warnings; every other warning stays an error.
suppress_warnings = ["ref.python"]


html_theme = "furo"
html_title = f"tradeevents {release}"
