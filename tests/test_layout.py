"""The layout shows the architecture: industry_news/ is the core, spiders/ and pipelines/ the
Scrapy shell over it; the core never imports the shell."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.crawling import ROOT

SHELL = ("spiders", "pipelines")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_the_core_never_imports_the_shell() -> None:
    core = sorted((ROOT / "industry_news").rglob("*.py"))
    assert len(core) > 20
    offending = {
        str(path.relative_to(ROOT)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] in SHELL
        )
        for path in core
    }
    assert {path: mods for path, mods in offending.items() if mods} == {}


def test_the_shell_is_at_the_top_level() -> None:
    for package in SHELL:
        assert (ROOT / package / "__init__.py").is_file()
        assert not (ROOT / "industry_news" / package).exists()
