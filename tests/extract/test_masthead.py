"""masthead.py: the centred display lines above a notice's text are not its paragraphs."""

from __future__ import annotations

from tests.extract.helpers import P1, P2, TITLE, extract, page

CENTRED = "<p align='center' style='text-align: center'><span style='font-size:18pt'>{}</span></p>"


def body(*centred: str, rest: str = f"<p>{P1}</p><p>{P2}</p>") -> str:
    lines = "".join(CENTRED.format(line) for line in centred)
    return page(
        f"<h1>{TITLE}</h1><div>发布日期：2023-04-18</div><div class='c'>{lines}{rest}</div>"
    )


def test_a_bulletins_headline_issuer_and_date_open_no_text() -> None:
    html = body(
        "江西省2022年国民经济和社会发展统计公报[1]",
        "江西省统计局 国家统计局江西调查总队",
        "2023年3月28日",
    )
    assert extract(html).paragraphs == (P1, P2)


def test_an_issuer_and_date_in_one_centred_block() -> None:
    html = body("万载县统计局    国家统计局万载调查队<br>（2023年5月）")
    assert extract(html).paragraphs == (P1, P2)


def test_a_notices_headline_broken_over_lines_with_its_issuer() -> None:
    assert extract(body("平潭县人民政府关于", "娘宫至小山东轮渡免收过渡费的通告")).paragraphs == (
        P1,
        P2,
    )


def test_an_in_body_headline_and_deck() -> None:
    html = body(
        "台达华南总部落户实验区", "这家全球电子电力产业的佼佼者，是首家进驻我区台湾创业园的公司"
    )
    assert extract(html).paragraphs == (P1, P2)


def test_a_centred_sentence_is_text() -> None:
    sentence = "2022年，全县经济运行呈现稳中向好的良好态势。"
    assert extract(body(sentence)).paragraphs == (sentence, P1, P2)


def test_a_body_centred_throughout_has_no_masthead() -> None:
    lines = ("溧阳市2025年重大产业项目集中签约", "天目湖生命康原项目总投资超过百亿元")
    assert extract(body(*lines, rest="")).paragraphs == lines


def test_centred_lines_further_down_are_text() -> None:
    heading = "一分钱变一元钱"
    html = body(rest=f"<p>{P1}</p>{CENTRED.format(heading)}<p>{P2}</p>")
    assert extract(html).paragraphs == (P1, heading, P2)
