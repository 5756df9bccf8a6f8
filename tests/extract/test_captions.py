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
