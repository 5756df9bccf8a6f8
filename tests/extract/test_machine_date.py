"""machine_date.py: the date a page states for machines, publication before update."""

from __future__ import annotations

from tests.extract.helpers import P1, TITLE, extract, page


def test_publication_is_preferred_to_update() -> None:
    head = (
        "<meta itemprop='dateUpdate' content='2019-10-08 12:00:57'>"
        "<meta property='article:published_time' content='2019-09-30T22:46:00+08:00'>"
    )
    html = page(f"<h1>{TITLE}</h1><span>发布时间：09-30</span><div><p>{P1}</p></div>", head=head)
    assert extract(html).machine_date == "2019-09-30T22:46:00+08:00"


def test_a_time_element_counts() -> None:
    html = page(
        f"<h1>{TITLE}</h1><time datetime='2025-05-07T12:59:34+08:00'>2025/05/07</time><p>{P1}</p>"
    )
    assert extract(html).machine_date == "2025-05-07T12:59:34+08:00"


def test_none_stated() -> None:
    assert extract(page(f"<h1>{TITLE}</h1><p>{P1}</p>")).machine_date == ""
