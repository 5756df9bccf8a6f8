"""Learned layer: normalised keys, learning from an archive, removing learned paragraphs."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from industry_news.cleaning import clean_paragraphs, normalise
from industry_news.learned import (
    DEFAULT_MIN_ARTICLES,
    DEFAULT_MIN_SHARE,
    MIN_KEY_CHARS,
    learn_boilerplate,
)
from industry_news.profiles import get_profile

LIYANG = get_profile("liyang")
AD = "溧阳高新区标准厂房出租,面积500-5000平方米,可分割,层高8米,手续齐全,欢迎来电咨询。"
SYNDICATED = "记者从市发改委获悉,今年全市计划实施省市重大项目120个,年度计划投资800亿元。"


def article(i: int) -> list[str]:
    """A synthetic article: paragraphs of its own only."""
    return [
        f"第{i}篇文章的第{j}段正文,介绍溧阳产业园区第{i * 10 + j}号项目的建设进展。"
        for j in range(4)
    ]


def test_normalise_ignores_whitespace_punctuation_and_width() -> None:
    ascii_form = "请说明您的需求、用途,以便快速帮您对接资源. (QQ:123)"
    full_width = " 请说明您的需求、用途，以便快速帮您对接资源。（ＱＱ：１２３）\u3000"
    assert (
        normalise(ascii_form)
        == normalise(full_width)
        == "请说明您的需求用途以便快速帮您对接资源qq123"
    )
    assert normalise("「产业」——招商…") == "产业招商"
    assert normalise("400 0123 021") == normalise("400-0123-021") == "4000123021"


def test_defaults_on_a_synthetic_archive() -> None:
    bodies = [article(i) for i in range(60)]
    for i in range(0, 60, 3):  # a third of the site carries the advertisement
        bodies[i].append(AD)
    for i in (5, 6, 7):  # three articles quote the same syndicated paragraph
        bodies[i].insert(1, SYNDICATED)
    bodies[1].extend(["一、总体要求", "图片"] * 2)
    learned = learn_boilerplate(bodies)
    assert learned == {normalise(AD): 20}
    assert normalise(SYNDICATED) not in learned


def test_small_archive_learns_nothing_from_two_articles() -> None:
    bodies = [article(i) for i in range(5)]
    bodies[0].append(AD)
    bodies[3].append(AD)
    assert learn_boilerplate(bodies) == {}


def test_threshold_is_max_of_floor_and_share() -> None:
    def archive(total: int, carrying: int) -> list[list[str]]:
        return [[*article(i), AD] if i < carrying else article(i) for i in range(total)]

    assert DEFAULT_MIN_ARTICLES == 5 and DEFAULT_MIN_SHARE == 0.1
    assert learn_boilerplate(archive(30, 5)) == {normalise(AD): 5}  # floor 5 beats 10 % of 30
    assert learn_boilerplate(archive(30, 4)) == {}
    assert learn_boilerplate(archive(100, 10)) == {normalise(AD): 10}  # 10 % of 100
    assert learn_boilerplate(archive(100, 9)) == {}
    assert learn_boilerplate(archive(4, 2), min_share=0.5, min_articles=2) == {normalise(AD): 2}


def test_a_paragraph_counts_once_per_article_in_any_spelling() -> None:
    bodies = [[AD, AD.replace(",", "，"), f" {AD} "] for _ in range(4)] + [article(9)]
    assert learn_boilerplate(bodies, min_share=0.5, min_articles=1) == {normalise(AD): 4}


def test_short_keys_are_never_learned() -> None:
    short = "一" * (MIN_KEY_CHARS - 1)
    exact = "二" * MIN_KEY_CHARS
    bodies = [[short, exact] for _ in range(10)]
    assert learn_boilerplate(bodies) == {exact: 10}


def test_learned_paragraphs_are_removed_in_blocks() -> None:
    second = "更多厂房土地信息请关注溧阳产业招商平台发布的最新资讯。"
    body = ["原标题:溧阳开工", SYNDICATED, AD, second, "溧阳开工仪式现场气氛热烈。", AD]
    learned = {normalise(AD), normalise(second)}
    result = clean_paragraphs(body, LIYANG, learned)
    assert result.paragraphs == (SYNDICATED, "溧阳开工仪式现场气氛热烈。")
    assert result.removed == {"learned": 2}
    assert clean_paragraphs(body, LIYANG).paragraphs == tuple(body[1:])


def test_learned_keys_match_any_spelling_and_any_collection() -> None:
    spelled = AD.replace(",", "， ").replace("。", ".")
    for learned in ([normalise(AD)], (normalise(AD),), {normalise(AD): 30}):
        assert clean_paragraphs([SYNDICATED, spelled], LIYANG, learned).paragraphs == (SYNDICATED,)


def test_whitelist_beats_learned_keys_and_rules() -> None:
    keep = "联系电话：0519-87654321"
    profile = dataclasses.replace(LIYANG, whitelist=(AD.replace("。", ""), keep))
    body = [SYNDICATED, AD, keep]
    assert clean_paragraphs(body, LIYANG, {normalise(AD)}).paragraphs == (SYNDICATED,)
    result = clean_paragraphs(body, profile, {normalise(AD)})
    assert result.paragraphs == tuple(body)
    assert result.removed == {}


def test_rules_take_precedence_over_learned() -> None:
    contact = "长按/扫一扫加葛毅明的微信号"
    result = clean_paragraphs([SYNDICATED, contact], LIYANG, {normalise(contact)})
    assert result.removed == {"contact_block": 1}


@given(
    st.lists(st.lists(st.sampled_from([AD, SYNDICATED, "图片", "溧阳"]), max_size=4), max_size=30)
)
def test_learned_counts_are_distinct_articles_over_threshold(bodies: list[list[str]]) -> None:
    learned = learn_boilerplate(bodies)
    for key, n in learned.items():
        assert n == sum(key in {normalise(p) for p in body} for body in bodies)
        assert n >= max(DEFAULT_MIN_ARTICLES, DEFAULT_MIN_SHARE * len(bodies))
        assert len(key) >= MIN_KEY_CHARS
    threshold = max(DEFAULT_MIN_ARTICLES, DEFAULT_MIN_SHARE * len(bodies))
    carriers = sum(AD in body for body in bodies)
    assert (normalise(AD) in learned) == (carriers >= threshold)
