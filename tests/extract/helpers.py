"""A page for the cue tests: markup around a real article's opening lines."""

from __future__ import annotations

from industry_news.extract import Extracted, extract_article, parse_html
from industry_news.extract.document import Document
from industry_news.urls import Rebaser

URL = "http://liyang.021cf.cn/index.php/post/7550.html"
RESOLVE = Rebaser("http://liyang.021cf.cn/", ("liyang.021cf.cn",))
TITLE = "吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习考察"
P1 = (
    "11月27日至29日，区委书记吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习考察生物医药及医疗器械、"
    "高端智能制造、节能环保新材料及特色田园乡村建设的相关情况。"
)
P2 = "吴勇强仔细听取介绍，并不时询问具体问题，对园区坚持专注的精神表示称赞，对园区短时间内快速成长表示敬佩。"


def page(body: str, title: str = f"{TITLE} - 溧阳厂房网", head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


def extract(html: str) -> Extracted:
    return extract_article(parse_html(html), URL, RESOLVE)


def document(html: str) -> Document:
    root = parse_html(html)
    assert root is not None
    return Document(root, URL, RESOLVE)
