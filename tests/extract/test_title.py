"""title.py: the element the <title> names at a separator; else the headline above the body."""

from __future__ import annotations

import pytest

from tests.extract.helpers import P1, P2, TITLE, extract, page

BODY = f"<div class='c'><p>{P1}</p><p>{P2}</p></div>"


@pytest.mark.parametrize(
    "head_title",
    [
        f"{TITLE}-新华网",
        f"{TITLE}--文化--人民网",
        f"{TITLE}_溧阳厂房网",
        f"{TITLE} 溧阳厂房网",
        f"{TITLE}丨溧阳厂房网",
        f"溧阳厂房网 - {TITLE}",
        TITLE,
    ],
)
def test_any_separator_with_or_without_spaces(head_title: str) -> None:
    html = page(
        f"<h1 class='logo'><a href='/'>溧阳厂房网</a></h1><h2>{TITLE}</h2>{BODY}", head_title
    )
    assert extract(html).title == TITLE


@pytest.mark.parametrize(
    "title",
    [
        "时政|第十三届医博会举行 全市签约项目48个",
        "前湾新区—慈溪55个重大项目集中开工",
        "[政情通报] 决战四季度 打好收官战 | 句容边城镇:项目建设提速",
        "开年40天,南通开发区——用项目“加速度”跑出发展“加速度”",
    ],
)
def test_titles_holding_separators_are_whole(title: str) -> None:
    html = page(
        f"<div class='logo'>溧阳厂房网</div><h1>{title}</h1>{BODY}", f"{title} - 溧阳厂房网"
    )
    assert extract(html).title == title


def test_a_title_tag_naming_only_the_section_is_passed_over() -> None:
    html = page(
        f"<ul><li><a href='/index.php/category-1.html'>新闻动态</a></li></ul>"
        f"<h3>新闻动态</h3><h5>{TITLE}</h5><p>发布时间：2019-05-18</p>{BODY}",
        "新闻动态--中国地理学会官网",
    )
    assert extract(html).title == TITLE


def test_no_title_anywhere_gives_the_line_above_the_meta_and_body() -> None:
    html = page(
        f"<div class='logo'><img src='l.png'></div><div class='newst'>{TITLE}</div>"
        f"<div class='newsd'>发稿时间：2021/6/9</div>{BODY}",
        "",
    )
    assert extract(html).title == TITLE


def test_a_hidden_copy_of_the_title_is_not_the_title() -> None:
    html = page(
        f"<div><strong>{TITLE}</strong></div>{BODY}<div style='display:none'>{TITLE} - 溧阳厂房网</div>",
        f"{TITLE} - 溧阳厂房网",
    )
    got = extract(html)
    assert got.title == TITLE and got.paragraphs == (P1, P2)


def test_the_first_of_two_elements_showing_the_title_is_the_headline() -> None:
    html = page(f"<strong>{TITLE}</strong><div><p>{P1}</p><p>{TITLE}</p><p>{P2}</p></div>")
    assert extract(html).paragraphs[0] == P1


def test_a_title_broken_over_lines_is_whole() -> None:
    broken = TITLE.replace("、靖江市", "<br>\n、靖江市")
    html = page(f"<p align='center'><strong>{broken}</strong></p>{BODY}", f"{TITLE}_中国政府网")
    assert "".join(extract(html).title.split()) == TITLE


def test_a_title_shorter_than_the_sites_name_that_the_logo_gives() -> None:
    logo = "<div class='logo'><a href='/'><img src='/logo.png' alt='溧阳厂房网'></a></div>"
    html = page(
        f"{logo}<div>当前位置：<a href='/'>首页</a> &gt; 正文内容</div>"
        f"<table><tr><td align='center'>本周看点</td></tr></table><div>{P1}</div>"
        f"<p>{P2}</p><div class='foot'><span>溧阳厂房网</span> 版权所有</div>",
        "本周看点_溧阳厂房网",
    )
    assert extract(html).title == "本周看点"
