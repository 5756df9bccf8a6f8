"""document.py: the parsed page every cue reads."""

from __future__ import annotations

from lxml import etree

from industry_news.extract.document import text
from tests.extract.helpers import P1, TITLE, document, extract, page


def test_comments_and_processing_instructions_are_no_elements() -> None:
    doc = document(page(f"<!-- a --><?php echo 1 ?><h1>{TITLE}</h1><p>{P1}<!-- b --></p>"))
    assert all(isinstance(el.tag, str) for el in doc.elements)


def test_text_after_a_comment_stands_in_its_element() -> None:
    doc = document(page("<div id='d'>发布日期：<!-- begin -->2019-03-06<!-- end --></div>"))
    texts = [value for value, owner in doc.texts(0, len(doc.elements), 1) if owner.get("id") == "d"]
    assert "2019-03-06" in texts


def test_hidden_elements_hold_all_they_contain() -> None:
    doc = document(
        page("<div style='display: none'><p><b>x</b></p></div><div hidden><i>y</i></div>")
    )
    assert {el.tag for el in doc.hidden} == {"div", "p", "b", "i"}


def test_content_after_a_stray_document_end_is_kept() -> None:
    html = page(f"<div>头部</div></body></html><h1>{TITLE}</h1><div><p>{P1}</p></div>")
    assert extract(html).paragraphs == (P1,)


def test_a_link_no_parser_accepts_is_no_link() -> None:
    doc = document(
        page("<base href='http://[::1'><a href='http://[bad'>x</a><a href='y.html'>y</a>")
    )
    assert next(doc.link(a) for a in doc.root.iter("a")) is None


def test_positions_and_sizes_count_text_after_comments() -> None:
    doc = document(page("<div id='d'>ab<!-- x -->cd<p>ef<?pi y?>gh</p>ij</div><p id='e'></p>"))
    div = doc.root.get_element_by_id("d")
    inner = div.find("p")
    assert doc.size[div] == len("abcdefghij") and doc.size[inner] == len("efgh")
    assert doc.last[div] == doc.order[inner] == doc.order[div] + 1
    assert doc.contains(div, inner) and not doc.contains(inner, div)
    assert doc.last[doc.root] == len(doc.elements) - 1


def test_text_of_a_leaf_a_comment_and_a_nest() -> None:
    doc = document(page("<p id='a'> 溧阳\u3000 厂房 </p><p id='b'>x<!-- c --><b>y</b>z</p>"))
    assert text(doc.root.get_element_by_id("a")) == "溧阳 厂房"
    assert text(doc.root.get_element_by_id("b")) == "xyz"
    comment = next(doc.root.iter(etree.Comment))
    assert text(comment) == ""
