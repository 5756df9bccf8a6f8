"""The URL schemes of the common Chinese CMSs: articles, listings, page numbers, one key per article."""

import pytest

from industry_news.schemes import (
    Kind,
    article_form,
    article_key,
    classify,
    is_page,
    listing_key,
    page_number,
)

H = "http://www.example.gov.cn"

ARTICLES = [
    # Z-BlogPHP, rewritten and plain
    (f"{H}/index.php/post/7550.html", "zblog:7550"),
    (f"{H}/post/7550.html", "zblog:7550"),
    (f"{H}/?id=7550", "zblog:7550"),
    (f"{H}/index.php?id=7550", "zblog:7550"),
    # DedeCMS
    (f"{H}/a/zhengce/2023/0524/123.html", "dedecms:123"),
    (f"{H}/news/20230524/123.html", "dedecms:123"),
    (f"{H}/plus/view.php?aid=123", "dedecms:123"),
    # PHPCMS
    (f"{H}/index.php?m=content&c=index&a=show&catid=12&id=345", "phpcms:345"),
    (f"{H}/html/news/show-12-345-1.html", "phpcms:345"),
    # WordPress
    (f"{H}/?p=88", "wordpress:88"),
    (f"{H}/2023/05/24/park-news/", "wordpress:/2023/05/24/park-news/"),
    (f"{H}/2023/05/24/%e5%9b%ad%e5%8c%ba/", "wordpress:/2023/05/24/%e5%9b%ad%e5%8c%ba/"),
    (f"{H}/archives/88", "wordpress:88"),
    # Government CMSs: Hanweb/VSB, TRS, others
    (f"{H}/art/2023/5/24/art_123_456.html", "gov:456"),
    (f"{H}/info/1234/5678.htm", "gov:5678"),
    (f"{H}/zwgk/202305/t20230524_123456.html", "gov:123456"),
    (f"{H}/xwzx/202305/t20230524_123456.shtml", "gov:123456"),
    (f"{H}/zwgk/content_123.html", "gov:123"),
]

LISTINGS = [
    (f"{H}/", 1),
    (f"{H}/index.php", 1),
    (f"{H}/index.php/page_3.html", 3),
    (f"{H}/index.php/category-12.html", 1),
    (f"{H}/index.php/category-12_4.html", 4),
    (f"{H}/index.php?cate=2&page=3", 3),
    (f"{H}/a/zhengce/list_3_2.html", 2),
    (f"{H}/plus/list.php?tid=3&PageNo=2", 2),
    (f"{H}/index.php?m=content&c=index&a=lists&catid=12&page=2", 2),
    (f"{H}/html/news/list-12-3.html", 3),
    (f"{H}/category/news/", 1),
    (f"{H}/category/news/page/2/", 2),
    (f"{H}/page/3/", 3),
    (f"{H}/col/col123/index.html", 1),
    (f"{H}/col/col123/index.html?uid=1&pageNum=2", 2),
    (f"{H}/zwgk/index.html", 1),
    (f"{H}/zwgk/index_1.html", 2),
    (f"{H}/zwgk/index_4.shtml", 5),
]

OTHER = [
    f"{H}/index.php/tags-5.html",
    f"{H}/index.php/author-1.html",
    f"{H}/tag/park/",
    f"{H}/zb_users/upload/2024/09/qr.png",
    f"{H}/uploads/2023/05/24/notice.pdf",
    f"{H}/index.php/post/abc.html",
    f"{H}/c/user/22743369197/",
    f"{H}/about.html",
]


@pytest.mark.parametrize(("url", "key"), ARTICLES)
def test_articles_of_every_scheme(url: str, key: str) -> None:
    assert classify(url) is Kind.ARTICLE
    assert article_key(url) == key


@pytest.mark.parametrize(("url", "number"), LISTINGS)
def test_listings_and_their_page_numbers(url: str, number: int) -> None:
    assert classify(url) is Kind.LISTING
    assert page_number(url) == number


@pytest.mark.parametrize("url", OTHER)
def test_other_pages(url: str) -> None:
    assert classify(url) is Kind.OTHER
    assert article_key(url) is None


def test_two_forms_of_one_article_share_a_key_not_a_form() -> None:
    pretty, dynamic = f"{H}/index.php/post/7550.html", f"{H}/?id=7550"
    assert article_key(pretty) == article_key(dynamic)
    assert article_form(pretty)[1] != article_form(dynamic)[1]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (f"{H}/index.php/category-12.html", f"{H}/index.php/category-12_4.html"),
        (f"{H}/", f"{H}/index.php/page_3.html"),
        (f"{H}/", f"{H}/page/3/"),
        (f"{H}/category/news/", f"{H}/category/news/page/2/"),
        (f"{H}/html/news/list-12-1.html", f"{H}/html/news/list-12-3.html"),
        (f"{H}/zwgk/index.html", f"{H}/zwgk/index_1.html"),
        (
            f"{H}/index.php?m=content&c=index&a=lists&catid=12",
            f"{H}/index.php?m=content&c=index&a=lists&catid=12&page=2",
        ),
    ],
)
def test_a_listings_pages_share_its_key(first: str, later: str) -> None:
    assert listing_key(first) == listing_key(later)


def test_different_listings_have_different_keys() -> None:
    assert listing_key(f"{H}/index.php/category-12.html") != listing_key(
        f"{H}/index.php/category-13.html"
    )
    assert listing_key(f"{H}/zwgk/index.html") != listing_key(f"{H}/xwzx/index.html")


def test_a_profile_may_restrict_the_schemes() -> None:
    url = f"{H}/2023/05/24/park-news/"
    assert classify(url) is Kind.ARTICLE
    assert classify(url, ("zblog",)) is Kind.OTHER


def test_pages_exclude_files_and_archives_by_tag() -> None:
    assert is_page(f"{H}/news/list/yqdt")
    assert not is_page(f"{H}/uploads/a.docx")
    assert not is_page(f"{H}/index.php/tags-5.html")
