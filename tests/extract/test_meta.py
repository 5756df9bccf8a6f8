"""meta.py: which date line is the page's, and what each piece of it is."""

from __future__ import annotations

import re

import pytest

from industry_news import selectors as cue
from tests.extract.helpers import P1, P2, TITLE, extract, page

CATEGORY = "<a href='/index.php/category-1.html'>常州溧阳产业信息</a>"


def meta_of(meta: str, where: str = "above") -> tuple[str, str, str, int | None]:
    body = f"<div class='c'><p>{P1}</p><p>{P2}</p></div>"
    parts = [f"<h1>{TITLE}</h1>", f"<div>{meta}</div>", body]
    if where == "below":
        parts = [parts[0], parts[2], parts[1]]
    got = extract(page("".join(parts)))
    return got.author, got.date_text, got.category, got.views


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (
            f"<i class='icon-user'></i>admin <i class='icon-time'></i>27天前 <i class='icon-folder'></i>{CATEGORY} <i class='icon-eye'></i>3809",
            ("admin", "27天前", "常州溧阳产业信息", 3809),
        ),
        (
            f"<span class='view'>54756次浏览</span> / {CATEGORY} / <span class='date'>2022-12-16 08:34</span>",
            ("", "2022-12-16 08:34", "常州溧阳产业信息", 54756),
        ),
        (
            f"人气:<span>90</span> 日期:5个月前<span class='datetime'> (12-19)</span> 栏目:{CATEGORY}",
            ("", "5个月前 (12-19)", "常州溧阳产业信息", 90),
        ),
        (
            f"<span class='user'>发布者：小编</span> / 发布时间：2025/05/15 12:00 / 分类：{CATEGORY} / 浏览次数：31528",
            ("小编", "2025/05/15 12:00", "常州溧阳产业信息", 31528),
        ),
        (
            f"<span class='view'><span>1147</span>次浏览</span> ｜ {CATEGORY} ｜ 2025年05月17日",
            ("", "2025年05月17日", "常州溧阳产业信息", 1147),
        ),
        (
            "<div class='time-info'><span>2024年09月27日　admin</span></div>",
            ("admin", "2024年09月27日", "", None),
        ),
    ],
)
def test_each_piece_is_read_by_its_label_class_icon_link_or_count(
    meta: str, expected: tuple
) -> None:
    assert meta_of(meta) == expected


def test_a_date_line_below_the_body() -> None:
    assert meta_of("发布日期：2019-03-06 责任编辑：龙慧", where="below")[1] == "2019-03-06"


def test_a_date_inside_a_sentence_is_the_articles_not_the_pages() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div><p>2019年2月27日下午，佛山顺德区大良街道一行八人到众创金融街进行实地考察调研。</p>"
        f"<p>{P1}</p></div><div>发布日期：2019-03-06</div>"
    )
    got = extract(html)
    assert got.date_text == "2019-03-06"
    assert got.paragraphs[0].startswith("2019年2月27日下午")


def test_the_headers_calendar_is_no_meta_line() -> None:
    html = page(
        f"<div class='top'>今天是2025年5月21日 星期三</div><div class='crumb'>当前位置：<a href='/'>首页</a> &gt; {CATEGORY}</div>"
        f"<h1>{TITLE}</h1><div><p>{P1}</p><p>{P2}</p></div><p>admin 2025/05/10 {CATEGORY}</p>"
    )
    assert extract(html).date_text == "2025/05/10"


def test_a_sources_meta_line_pasted_into_the_body_loses_to_the_pages_own() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div><p>2021-11-23 15:33| 编辑: 鹏哥| 查看: 556| 评论: 0|来源: 江苏泰州中国医药城</p>"
        f"<p>{P1}</p><p>{P2}</p></div><p>admin 2年前 (2023-09-23) {CATEGORY} 31062</p>"
    )
    got = extract(html)
    assert (got.date_text, got.views) == ("2年前 (2023-09-23)", 31062)


def test_a_date_split_over_two_spans_is_read_whole() -> None:
    meta = "<span class='date'>发布时间：09-30</span><span class='time'>22:46</span>"
    assert meta_of(meta)[1] == "09-30 22:46"


def test_a_count_after_a_label_is_not_cut() -> None:
    assert meta_of("<span class='date'>发布时间:23天前</span>")[1] == "23天前"


@pytest.mark.parametrize(
    ("meta", "shown"),
    [
        (
            "<span class='date'>发布时间：18-03-08</span><span class='time'>23:16</span>",
            "18-03-08 23:16",
        ),
        ("<span>其它内容</span> <span>十一月 6th, 2009</span>", "十一月 6th, 2009"),
        ("<span>November 6th, 2009</span>", "November 6th, 2009"),
    ],
)
def test_two_digit_years_and_wordpress_month_names(meta: str, shown: str) -> None:
    assert meta_of(meta)[1] == shown


def test_a_date_beside_the_whole_post_is_no_list_entry() -> None:
    links = "".join(
        f"<a href='/index.php/post/{n}.html'>相关的一篇很长的文章标题第{n}篇</a>" for n in (1, 2)
    )
    html = page(
        f"<div class='post'><h2>{TITLE}</h2><span>2019-06-08</span>"
        f"<div class='c'><p>{P1}</p><p>{P2}</p><p>{links}</p></div></div>"
    )
    assert extract(html).date_text == "2019-06-08"


def test_a_line_by_the_title_beats_a_comments_time_further_down() -> None:
    comment = (
        "<div class='c-user-info'><a href='/c/user/22743369197/'>米木由</a>"
        "<span class='c-create-time'>7小时前</span></div><p>棉衣已备好坐等冷空气来降温</p>"
    )
    html = page(
        f"<h1>{TITLE}</h1><div><span>中国网</span> <span>2019-11-25 10:37:31</span></div>"
        f"<div class='c'><p>{P1}</p><p>{P2}</p></div><div class='comments'>{comment}</div>"
    )
    assert extract(html).date_text == "2019-11-25 10:37:31"


def test_an_unlinked_name_after_the_date_is_the_author_when_the_breadcrumb_names_the_category() -> (
    None
):
    crumb = f"<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; {CATEGORY}</div>"
    html = page(
        f"{crumb}<h1>{TITLE}</h1><div>2025-03-01 <span>溧阳厂房网</span></div>"
        f"<div class='c'><p>{P1}</p><p>{P2}</p></div>"
    )
    got = extract(html)
    assert (got.author, got.category) == ("溧阳厂房网", "常州溧阳产业信息")


def test_a_sources_line_pasted_below_the_text_loses_to_the_line_by_the_title() -> None:
    pasted = "<p>2021-11-23 15:33| 编辑: 鹏哥| 查看: 556| 评论: 0|来源: 江苏泰州中国医药城</p>"
    html = page(
        f"<section><h1>{TITLE}</h1><div><span class='label'>作者：</span>admin &middot; "
        f"发布日期：2025/05/07 12:31</div><div class='con'><div><p>{P1}</p><p>{P2}</p>{pasted}"
        "</div></div></section>"
    )
    got = extract(html)
    assert (got.author, got.date_text, got.views) == ("admin", "2025/05/07 12:31", None)


def test_on_a_page_without_classes_lines_of_other_blocks_are_no_list() -> None:
    meta = "<div>作者：admin 时间：2024年5月21日 分类：溧阳厂房出租</div>"
    entries = "".join(
        f"<li><a href='/index.php/post/{n}.html'>{P2[:30]}</a></li>" for n in range(6)
    )
    liked = "<div>猜你喜欢<ul><li><a href='/index.php/post/9.html'>溧阳节能环保</a><em>2024-11-20</em></li></ul></div>"
    sidebar = f"<div><div>最新文章<ul>{entries}</ul></div>{liked}</div>"
    html = page(
        f"{sidebar}<div><h3>{TITLE}</h3>{meta}<div><p>{P1}</p><p>{P2}</p></div>{meta}</div>"
    )
    assert extract(html).date_text == "2024年5月21日"


def test_the_dates_of_a_lists_items_are_no_meta_line() -> None:
    reader = "来自江苏省常州市溧阳市天目湖镇的热心读者网友"
    items = "".join(f"<li><span>2024-11-2{n}</span> <b>{reader}{n}</b></li>" for n in range(6))
    html = page(f"<h1>{TITLE}</h1><div class='c'><p>{P1}</p><p>{P2}</p></div><ul>{items}</ul>")
    assert extract(html).date_text == ""


def test_a_date_alone_by_the_title_beats_a_sources_richer_line_in_the_text() -> None:
    pasted = "<p>2021-11-23 15:33| 编辑: 鹏哥| 查看: 556| 评论: 0|来源: 江苏泰州中国医药城</p>"
    html = page(
        f"<div><h1>{TITLE}</h1><div>2025/02/11 12:27</div>"
        f"<div class='con'><div><p>{P1}</p>{pasted}<p>{P2}</p></div></div></div>"
    )
    got = extract(html)
    assert (got.author, got.date_text, got.views) == ("", "2025/02/11 12:27", None)


def test_a_handle_ending_in_digits_is_no_name_and_count() -> None:
    assert meta_of("<p>1小时前 liyang021 2630</p>", where="below")[:1] == ("liyang021",)


def test_a_date_broken_over_inline_elements_reads_whole() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div class='c'><p>{P1}</p><p>{P2}</p></div>"
        "<p><span>发布于：</span>2<font face='宋体'>0</font>2<em>0年12月10</em>日</p>"
    )
    assert extract(html).date_text == "2020年12月10日"


def test_a_notices_signature_date_in_the_text_loses_to_the_line_below() -> None:
    signature = "<section><p>常州市钟楼区人民政府办公室</p><p>2020年12月10日</p></section>"
    html = page(
        f"<table><tr><td><h2>{TITLE}</h2></td></tr><tr><td><div><section><p>{P1}</p></section>"
        f"{signature}{f'<p><span>{P2}</span></p>' * 45}</div></td></tr>"
        "<tr><td><div><span class='user'>作者:葛毅明</span> / "
        "发布于:36分钟前 / 人气:1865</div></td></tr></table>"
    )
    got = extract(html)
    assert (got.author, got.date_text, got.views) == ("葛毅明", "36分钟前", 1865)


def test_a_name_the_pages_keywords_list_is_its_category() -> None:
    head = "<meta name='keywords' content='溧阳厂房,溧阳厂房出租,园区动态'>"
    html = page(
        f"<h2>{TITLE}</h2><div>园区动态 &middot; <span class='date'>4小时前</span></div>"
        f"<div class='c'><p>{P1}</p><p>{P2}</p></div>",
        head=head,
    )
    got = extract(html)
    assert (got.author, got.category) == ("", "园区动态")


def test_meta_label_starts() -> None:
    """Every word of every label pattern begins with a letter META_LABEL looks ahead for."""
    words = [
        word.replace(r"\b", "")
        for label in cue.META_LABELS.values()
        for group in re.findall(r"\(([^()?]*)\)", label.pattern)
        for word in group.split("|")
    ]
    assert len(words) > 30
    for word in words:
        assert word[0].lower() in cue.META_LABEL_STARTS, word
        assert cue.META_LABEL.search(f"x {word}：1"), word
