"""document.py: the parsed page every cue reads."""

from __future__ import annotations

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
