"""byline.py: a credit line opening the body names the author; it is not text."""

from __future__ import annotations

import pytest

from industry_news.extract.byline import byline
from tests.extract.helpers import P1, P2, TITLE, extract, page


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("作者：《中国企业家》记者 林涛", "林涛"),
        ("执笔/叨叨姐、胡一刀&李小飞刀", "叨叨姐、胡一刀&李小飞刀"),
        ("文｜王佳", "王佳"),
        ("【作者：本报记者 张三 李四】", "张三 李四"),
        ("撰文：陈晨", "陈晨"),
    ],
)
def test_credit_lines(line: str, names: str) -> None:
    assert byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "封面新闻记者 王正元",  # no label: kept as the text has it
        "作者：张三，李四认为此事应当如此处理。",
        "文化是一个国家、一个民族的灵魂",
        "作者单位：南京大学",
    ],
)
def test_not_credit_lines(line: str) -> None:
    assert byline(line) is None


def test_the_byline_leaves_the_body_and_names_the_author() -> None:
    html = page(
        f"<h2>{TITLE}</h2><span>十一月 6th, 2009</span>"
        f"<div class='post-content'><p>作者：《中国企业家》记者 林涛</p><p>{P1}</p><p>{P2}</p></div>"
    )
    got = extract(html)
    assert (got.author, got.paragraphs) == ("林涛", (P1, P2))


def test_the_meta_lines_author_stays() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div>作者：admin 发布时间：2020-06-05</div>"
        f"<div><p>执笔/叨叨姐</p><p>{P1}</p><p>{P2}</p></div>"
    )
    got = extract(html)
    assert (got.author, got.paragraphs) == ("admin", (P1, P2))


def test_a_credit_line_further_down_is_text() -> None:
    html = page(f"<h1>{TITLE}</h1><div><p>{P1}</p><p>文/王佳</p><p>{P2}</p></div>")
    assert extract(html).paragraphs == (P1, "文/王佳", P2)
