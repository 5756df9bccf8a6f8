"""No page crashes extraction or link discovery: mutated real and corpus pages, junk, depth."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from industry_news.extract import extract_article, parse_html
from industry_news.links import page_links
from industry_news.urls import Rebaser

TESTS = Path(__file__).resolve().parent
PAGES = sorted((TESTS / "real" / "pages").glob("*.html")) + sorted(
    (TESTS / "corpus").glob("*.html")
)
URL = "http://liyang.021cf.cn/index.php/post/7550.html"
RESOLVE = Rebaser("http://liyang.021cf.cn/", ("liyang.021cf.cn",))
JUNK = (
    "<!-- -->",
    "<!--",
    "-->",
    "<?php echo $x; ?>",
    "<?xml version='1.0'?>",
    "<![CDATA[ x ]]>",
    "<!DOCTYPE html>",
    "</html>",
    "</body>",
    "</div></div>",
    "<div>",
    "<p>",
    "<a href='http://[bad'>",
    "<base href='http://[::1'>",
    "<a href='javascript:void(0)'>",
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "\x00",
    "\ufeff",
    "\ufffd",
    "相关文章",
    "当前位置：首页 > ",
    "8个月前 (09-24)",
    "<h1>",
    "<title>",
    "<script>",
    "<style>",
    "<form>",
    "<table><tr><td>",
)


def _read(path: Path) -> str:
    data = path.read_bytes()
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _must_not_raise(html: str) -> None:
    root = parse_html(html)
    page = extract_article(root, URL, RESOLVE)
    assert isinstance(page.title, str)
    assert all(isinstance(p, str) and p for p in page.paragraphs)
    if root is not None:
        page_links(root, URL, RESOLVE)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    html = _read(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(html)))
        kind = draw(st.sampled_from(("truncate", "cut", "insert", "junk", "duplicate", "drop")))
        if kind == "truncate":
            html = html[:at]
        elif kind == "cut":
            html = html[:at] + html[at + draw(st.integers(1, 2000)) :]
        elif kind == "insert":
            html = html[:at] + draw(st.sampled_from(JUNK)) + html[at:]
        elif kind == "junk":
            junk = draw(st.binary(min_size=1, max_size=64)).decode("latin-1")
            html = html[:at] + junk + html[at:]
        elif kind == "duplicate":
            html = html[:at] + html[max(0, at - 3000) : at] + html[at:]
        else:  # drop every tag of one name
            name = draw(st.sampled_from(("div", "p", "a", "h1", "body", "html", "head", "span")))
            html = html.replace(f"<{name}", "<x-dropped").replace(f"</{name}>", "")
    return html


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_pages_never_crash(html: str) -> None:
    _must_not_raise(html)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*JUNK, "a", "中", " ", "<", ">", "/", "="]), max_size=80))
def test_junk_never_crashes(pieces: list[str]) -> None:
    _must_not_raise("".join(pieces))


FOUND = sorted((Path(__file__).parent / "fixtures" / "fuzz").glob("*.html"))


@pytest.mark.parametrize("page", FOUND, ids=[p.stem for p in FOUND])
def test_pages_the_fuzzer_broke_never_crash_again(page: Path) -> None:
    """Mutations that once crashed the extractor (unclosed_xmlns: the parser leaves <html>
    empty, and absolute XPaths reach a breadcrumb outside the document's elements)."""
    _must_not_raise(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("depth", [300, 5_000, 50_000])
def test_deep_nesting_never_crashes(depth: int) -> None:
    body = "<p>溧阳高新区新能源产业园项目今天开工建设，总投资50亿元。</p>"
    _must_not_raise(f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>")


@pytest.mark.parametrize("html", ["", " ", "\x00", "<", "<html>", "<!--", "<?php", "<![CDATA["])
def test_tiny_documents(html: str) -> None:
    _must_not_raise(html)
