"""The portal's URL scheme, canonical URLs and mapping the live host onto a replay."""

import pytest

from industry_news.schemes import Kind, classify, listing_key, page_number
from industry_news.urls import Rebaser, canonical

LIVE = "http://liyang.021cf.cn"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (f"{LIVE}/index.php/post/7550.html", Kind.ARTICLE),
        (f"{LIVE}/post/7550.html", Kind.ARTICLE),
        (f"{LIVE}/index.php?id=7550", Kind.ARTICLE),
        (f"{LIVE}/", Kind.LISTING),
        (f"{LIVE}/index.php", Kind.LISTING),
        (f"{LIVE}/index.php/page_3.html", Kind.LISTING),
        (f"{LIVE}/index.php/category-12.html", Kind.LISTING),
        (f"{LIVE}/index.php/category-12_4.html", Kind.LISTING),
        (f"{LIVE}/index.php?cate=2&page=3", Kind.LISTING),
        (f"{LIVE}/index.php/tags-5.html", Kind.OTHER),
        (f"{LIVE}/index.php/author-1.html", Kind.OTHER),
        (f"{LIVE}/zb_users/upload/2024/09/qr.png", Kind.OTHER),
        (f"{LIVE}/index.php/post/abc.html", Kind.OTHER),
    ],
)
def test_classify(url: str, kind: Kind) -> None:
    assert classify(url) is kind


@pytest.mark.parametrize(
    ("url", "number"),
    [
        (f"{LIVE}/index.php/category-12.html", 1),
        (f"{LIVE}/index.php/category-12_4.html", 4),
        (f"{LIVE}/index.php/page_7.html", 7),
        (f"{LIVE}/index.php?cate=2&page=3", 3),
    ],
)
def test_page_number(url: str, number: int) -> None:
    assert page_number(url) == number


def test_listing_key_ignores_page_number() -> None:
    assert listing_key(f"{LIVE}/index.php/category-12_4.html") == listing_key(
        f"{LIVE}/index.php/category-12.html"
    )
    assert listing_key(f"{LIVE}/index.php/category-12.html") != listing_key(
        f"{LIVE}/index.php/category-13.html"
    )


def test_canonical_drops_fragment_tracking_and_default_port() -> None:
    url = "HTTP://Liyang.021cf.cn:80/index.php/post/7550.html?utm_source=wx&from=timeline#top"
    assert canonical(url) == f"{LIVE}/index.php/post/7550.html"


def test_canonical_keeps_meaningful_query() -> None:
    assert canonical(f"{LIVE}/index.php?id=7550&spm=1.2") == f"{LIVE}/index.php?id=7550"


def test_canonical_escapes_unicode_paths() -> None:
    assert canonical(f"{LIVE}/index.php/tags-园区.html").endswith("/tags-%E5%9B%AD%E5%8C%BA.html")


def test_rebaser_maps_live_links_onto_the_replay() -> None:
    rebase = Rebaser("http://127.0.0.1:8000/", ("liyang.021cf.cn",))
    assert (
        rebase(f"{LIVE}/index.php/post/1.html#c") == "http://127.0.0.1:8000/index.php/post/1.html"
    )
    assert rebase("http://127.0.0.1:8000/index.php/post/2.html") == (
        "http://127.0.0.1:8000/index.php/post/2.html"
    )
    assert rebase("http://wuxi.021cf.cn/index.php/post/3.html") is None
    assert rebase("mailto:x@example.com") is None


def test_rebaser_keeps_a_path_prefix() -> None:
    rebase = Rebaser("http://127.0.0.1:8000/liyang", ("liyang.021cf.cn",))
    assert rebase(f"{LIVE}/index.php/post/1.html") == (
        "http://127.0.0.1:8000/liyang/index.php/post/1.html"
    )


@pytest.mark.parametrize("base", ["", "ftp://host/", "liyang.021cf.cn", "http://"])
def test_rebaser_rejects_a_bad_base(base: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        Rebaser(base, ("liyang.021cf.cn",))


def test_home_pages_share_one_listing_key() -> None:
    keys = {listing_key(f"{LIVE}{path}") for path in ("/", "/index.php", "/index.php/page_2.html")}
    assert len(keys) == 1


def test_rebaser_keeps_root_relative_links_below_the_prefix() -> None:
    rebase = Rebaser("http://127.0.0.1:8000/liyang/", ("liyang.021cf.cn",))
    assert rebase("http://127.0.0.1:8000/index.php/post/1.html") == (
        "http://127.0.0.1:8000/liyang/index.php/post/1.html"
    )
    assert rebase("http://127.0.0.1:8000/liyang/index.php/post/1.html") == (
        "http://127.0.0.1:8000/liyang/index.php/post/1.html"
    )
