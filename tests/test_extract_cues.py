"""Extraction rests on cues, not class names: each cue tested on markups that share no classes."""

import pytest

from industry_news.extract import Extracted, extract_article, parse_html
from industry_news.urls import Rebaser

BASE = "http://127.0.0.1:8000"
URL = f"{BASE}/index.php/post/7550.html"
RESOLVE = Rebaser(BASE, ("liyang.021cf.cn",))
TITLE = "吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习考察"
P1 = "11月27日至29日,区委书记吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习考察生物医药及医疗器械。"
P2 = "泰州医药高新区是省委、省政府重点打造的生物技术与新医药产业核心区、综合改革试验区。"
SIDEBAR = '<div class="side"><h3>最新文章</h3><ul><li><a href="/index.php/post/9.html">侧栏文章九</a></li></ul></div>'


def extract(html: str) -> Extracted:
    return extract_article(parse_html(html), URL, RESOLVE)


def page(body: str, title: str = f"{TITLE}_溧阳厂房网") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


DIVS = page(
    f"""{SIDEBAR}<div class="w"><div class="crumbs">当前位置：<a href="/">首页</a> &gt;
    <a href="http://liyang.021cf.cn/index.php/category-1.html">常州溧阳产业信息</a> &gt; 正文内容</div>
    <h1>{TITLE}</h1>
    <div class="m"><span><a href="/index.php/author-1.html">admin</a></span><span>8个月前<span> (09-24)</span></span>
    <span><a href="/index.php/category-1.html">常州溧阳产业信息</a></span><span>24</span></div>
    <div class="c"><p>{P1}</p><p>{P2}</p></div>
    <div class="r"><h4>相关文章</h4><div><div><a href="/index.php/post/100.html"><img alt="标题一百"></a>
    <h3><a href="/index.php/post/100.html">标题一百</a></h3><p>摘要一百...</p></div>
    <div><a href="/index.php/post/101.html"><img alt="标题一百零一"></a>
    <h3><a href="/index.php/post/101.html">标题一百零一</a></h3><p>摘要一百零一...</p></div></div></div></div>"""
)

TABLE = page(
    f"""<table><tr><td>当前位置: <a href="/">首页</a> > <a href="/index.php/category-1.html">常州溧阳产业信息</a> > 正文内容</td></tr>
    <tr><td><b>{TITLE}</b></td></tr>
    <tr><td><font>作者：admin <i class="i1"></i>发布时间：2024-09-24 10:20 <i class="i2"></i>分类：常州溧阳产业信息 浏览：24</font></td></tr>
    <tr><td>{P1}<br>{P2}<br></td></tr>
    <tr><td>相关文章</td></tr>
    <tr><td><ul><li><a href="/index.php/post/100.html">标题一百</a> <span>摘要一百...</span></li>
    <li><a href="/index.php/post/101.html">标题一百零一</a> <span>摘要一百零一...</span></li></ul></td></tr>
    <tr><td>{SIDEBAR}</td></tr></table>""",
    title=f"{TITLE} - 溧阳厂房网",
)

HTML5 = page(
    f"""<main><nav aria-label="breadcrumb"><ol><li><a href="/">首页</a></li>
    <li><a href="/index.php/category-1.html">常州溧阳产业信息</a></li><li>{TITLE}</li></ol></nav>
    <article><header><h2>{TITLE}</h2><p>admin8个月前 (09-24)常州溧阳产业信息24</p></header>
    <section><p>{P1}</p><p>{P2}</p></section></article>
    <section><h2>相关文章</h2><dl><dt><a href="/index.php/post/100.html">标题一百</a></dt><dd>摘要一百...</dd>
    <dt><a href="/index.php/post/101.html">标题一百零一</a></dt><dd>摘要一百零一...</dd></dl></section></main>
    <aside>{SIDEBAR}</aside>""",
    title=TITLE,
)


@pytest.mark.parametrize("html", [DIVS, TABLE, HTML5], ids=["divs", "table", "html5"])
def test_every_markup_gives_the_same_article(html: str) -> None:
    got = extract(html)
    assert got.title == TITLE
    assert got.author == "admin"
    assert got.category == "常州溧阳产业信息"
    assert got.views == 24
    assert got.paragraphs == (P1, P2)
    assert [(r.url, r.title, r.excerpt) for r in got.related] == [
        (f"{BASE}/index.php/post/100.html", "标题一百", "摘要一百..."),
        (f"{BASE}/index.php/post/101.html", "标题一百零一", "摘要一百零一..."),
    ]


def test_date_text_is_kept_as_shown() -> None:
    assert extract(DIVS).date_text == "8个月前 (09-24)"
    assert extract(TABLE).date_text == "2024-09-24 10:20"
    assert extract(HTML5).date_text == "8个月前 (09-24)"


def test_full_width_meta_line() -> None:
    html = DIVS.replace("8个月前<span> (09-24)</span>", "８个月前<span>（０９－２４）</span>")
    assert extract(html).date_text == "８个月前（０９－２４）"


def test_sidebar_and_prev_next_are_not_related() -> None:
    html = DIVS.replace(
        '<div class="r">',
        '<p>上一篇：<a href="/index.php/post/7549.html">上一篇的标题</a></p><div class="r">',
    )
    urls = [r.url for r in extract(html).related]
    assert f"{BASE}/index.php/post/9.html" not in urls
    assert f"{BASE}/index.php/post/7549.html" not in urls


def test_page_without_body_has_no_paragraphs() -> None:
    html = DIVS.replace(f"<p>{P1}</p><p>{P2}</p>", "")
    assert extract(html).paragraphs == ()


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "\x00\x01", "<<<>>>"])
def test_empty_or_broken_pages_give_empty_fields(html: str) -> None:
    got = extract(html)
    assert got.title == "" and got.paragraphs == ()


def test_unclosed_tags_still_extract() -> None:
    html = DIVS.replace("</p>", "").replace("</div></div></div>", "")
    got = extract(html)
    assert got.title == TITLE
    assert P1 in got.paragraphs[0]


def test_meta_line_among_br_lines_of_one_cell() -> None:
    html = page(
        f"""<table><tr><td>当前位置: <a href="/">首页</a> > <a href="/index.php/category-1.html">常州溧阳产业信息</a> > 正文内容</td></tr>
        <tr><td><h3>{TITLE}</h3>admin 2024-09-24 常州溧阳产业信息 浏览：24<br>{P1}<br>{P2}</td></tr></table>"""
    )
    got = extract(html)
    assert (got.author, got.date_text, got.views) == ("admin", "2024-09-24", 24)
    assert got.category == "常州溧阳产业信息"
    assert got.paragraphs == (P1, P2)


@pytest.mark.parametrize(
    ("meta", "author", "category", "views"),
    [
        ("2024-09-24 admin 常州溧阳产业信息 24", "admin", "常州溧阳产业信息", 24),
        ("admin 2024-09-24 常州溧阳产业信息 24 0", "admin", "常州溧阳产业信息", 24),
        ("作者：admin 2024-09-24 浏览(24) 评论(0)", "admin", "常州溧阳产业信息", 24),
        ("liyang021 2024-09-24 常州溧阳产业信息 24", "liyang021", "常州溧阳产业信息", 24),
    ],
)
def test_meta_line_in_other_orders(meta: str, author: str, category: str, views: int) -> None:
    spans = "".join(f"<span>{part}</span>" for part in meta.split())
    got = extract(
        DIVS.replace(
            DIVS[DIVS.index('<div class="m">') : DIVS.index('<div class="c">')],
            f"<div>{spans}</div>",
        )
    )
    assert (got.author, got.category, got.views, got.date_text) == (
        author,
        category,
        views,
        "2024-09-24",
    )


def test_run_together_author_ending_in_digits() -> None:
    html = HTML5.replace(
        "admin8个月前 (09-24)常州溧阳产业信息24", "liyang0212周前 (09-24)常州溧阳产业信息24"
    )
    got = extract(html)
    assert (got.author, got.date_text) == ("liyang021", "2周前 (09-24)")


def test_english_date_option() -> None:
    html = DIVS.replace("8个月前<span> (09-24)</span>", "September 24, 2024")
    assert extract(html).date_text == "September 24, 2024"


def test_mobile_excerpt_linking_back_to_the_page_is_excerpt() -> None:
    html = DIVS.replace("<p>摘要一百...</p>", f'<p><a href="{URL}">摘要一百...</a></p>')
    got = extract(html)
    assert (got.related[0].title, got.related[0].excerpt) == ("标题一百", "摘要一百...")
    assert URL not in [r.url for r in got.related]


def test_related_entries_with_dates_are_not_excerpts() -> None:
    items = "".join(
        f'<li><span>2024-05-1{n}</span><a href="/index.php/post/10{n}.html">标题{n}</a></li>'
        for n in range(3)
    )
    html = DIVS.replace(
        DIVS[DIVS.index('<div class="r">') :],
        f"<div><div>相关文章</div><ul>{items}</ul></div></div></body></html>",
    )
    got = extract(html)
    assert [(r.title, r.excerpt) for r in got.related] == [(f"标题{n}", "") for n in range(3)]


def test_title_without_a_telling_head_title_skips_the_logo() -> None:
    html = DIVS.replace(f"<title>{TITLE}_溧阳厂房网</title>", "<title>溧阳厂房网</title>")
    html = html.replace('<div class="w">', '<div class="w"><h1>溧阳厂房网</h1>')
    assert extract(html).title == TITLE


def test_body_split_over_sibling_sections() -> None:
    p3 = "会议强调，要坚持项目为王，以更大力度推进重大产业项目建设，为全市高质量发展提供有力支撑。"
    sections = f"<section><p>{P1}</p></section><section><p>{P2}</p><p>{p3}</p></section>"
    html = DIVS.replace(f'<div class="c"><p>{P1}</p><p>{P2}</p></div>', f"<div>{sections}</div>")
    assert extract(html).paragraphs == (P1, P2, p3)


def test_a_summary_repeating_the_opening_is_not_body() -> None:
    summary = f'<div class="d">{P1[:30]}...</div>'
    html = DIVS.replace('<div class="c">', f'{summary}<div class="c">')
    assert extract(html).paragraphs == (P1, P2)


def test_unlabelled_breadcrumb_and_labelled_meta_with_author_last() -> None:
    html = page(
        f"""<table><tr><td class="nav"><a href="/">首页</a> &gt;&gt; <a href="/index.php/category-1.html">常州溧阳产业信息</a> &gt;&gt; 正文</td></tr>
        <tr><td><font size="4"><b>{TITLE}</b></font></td></tr>
        <tr><td>发布日期：2024-09-24 &nbsp;&nbsp;点击数：24 &nbsp;&nbsp;来源：溧阳日报 &nbsp;&nbsp;作者：Ruby</td></tr>
        <tr><td>&nbsp;&nbsp;{P1}<br><br>&nbsp;&nbsp;{P2}<br><br></td></tr>
        <tr><td><b>相关阅读：</b><br><a href="/index.php/post/100.html">标题一百</a><br></td></tr></table>"""
    )
    got = extract(html)
    assert (got.title, got.category, got.author, got.views) == (
        TITLE,
        "常州溧阳产业信息",
        "Ruby",
        24,
    )
    assert got.paragraphs == (P1, P2)
    assert [(r.title, r.excerpt) for r in got.related] == [("标题一百", "")]
