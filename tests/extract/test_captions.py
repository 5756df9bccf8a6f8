"""captions.py: a picture's caption is not a paragraph; wording alone does not make one."""

from __future__ import annotations

from tests.extract.helpers import P1, P2, TITLE, extract, page


def test_a_centred_line_after_a_picture_is_its_caption() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div><p style='text-align:center'><img src='a.jpg'></p>"
        f"<p style='text-align:center'>图为山西品牌丝路行（南美站）启动仪式。（刘通摄）</p><p>{P1}</p>"
        f"<figure><img src='b.jpg'><figcaption>活动现场</figcaption></figure><p>{P2}</p></div>"
    )
    assert extract(html).paragraphs == (P1, P2)


def test_a_caption_quoted_as_a_paragraph_stays() -> None:
    line = "图为开幕式现场。陈梅 摄"
    html = page(f"<h1>{TITLE}</h1><div><p>{P1}</p><p>{line}</p><p>{P2}</p></div>")
    assert extract(html).paragraphs == (P1, line, P2)


def test_the_one_line_beside_a_picture_in_a_block_of_their_own_is_its_caption() -> None:
    figure = (
        "<div class='module'><div class='image'><img src='a.jpg' alt='香港行政长官梁振英'>"
        "<p class='x'>梁振英同时遭到泛民主派和亲北京阵营议员质问。</p></div></div>"
    )
    html = page(f"<h1>{TITLE}</h1><div>{figure}<p>{P1}</p><p>{P2}</p></div>")
    assert extract(html).paragraphs == (P1, P2)


def test_a_line_after_a_picture_among_paragraphs_is_text() -> None:
    html = page(f"<h1>{TITLE}</h1><div><img src='a.jpg'><p>{P1}</p><p>{P2}</p></div>")
    assert extract(html).paragraphs == (P1, P2)


def test_a_picture_story_keeps_its_only_line() -> None:
    line = "采用娲石商砼建设的武船双柳办公大楼项目，质量检测完全达标，获得多项好评"
    html = page(
        f"<h1>{TITLE}</h1><div class='newsd'>发稿时间：2014/10/24</div>"
        f"<div class='newsc'><p align='center'>{line}<img src='a.jpg'></p><p>&nbsp;</p></div>"
    )
    assert extract(html).paragraphs == (line,)
