"""Rule layer of boilerplate cleaning: fixture corpus and the hard cases one by one."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from industry_news.cleaning import CleanResult, clean_paragraphs, rule_names
from industry_news.profiles import GENERIC, all_profiles, get_profile

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "boilerplate").glob("*.json"))
LIYANG = get_profile("liyang")

CONTACT = [
    "葛毅明微信号",
    "产业招商/厂房土地租售:400 0123 021",
    "或微信/手机:13391219793",
    "请说明您的需求、用途、税收、公司、联系人、手机号,以便快速帮您对接资源。",
    "长按/扫一扫加葛毅明的微信号",
]
COPYRIGHT = (
    "版权声明:本文由溧阳厂房网发布,如需转载请注明出处。部份内容收集于网络,"
    "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
)
PROSE = [
    "11月27日至29日,区委书记吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习考察。",
    "吴勇强对溧阳稳步转型的产业结构和经济社会发展取得的成就赞叹不已。",
    "企业可拨打服务热线0519-87654321咨询政策。",
    "该园区重视知识产权和版权保护工作……",
    "会上,企业代表分享了转型经验。",
]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def run_corpus(paths: list[Path]) -> tuple[Counter[str], int, int]:
    """Clean every fixture: removals per rule totalled, boilerplate lines left, genuine lost."""
    totals: Counter[str] = Counter()
    left = lost = 0
    for path in paths:
        case = load(path)
        result = clean_paragraphs(case["paragraphs"], get_profile(case["profile"]))
        totals.update(result.removed)
        expected = case["expected_body"]
        boilerplate = [
            p
            for p in case["paragraphs"]
            if p not in expected and not p.startswith(("原标题", "【原标题"))
        ]
        left += sum(p in result.paragraphs for p in boilerplate)
        lost += sum((Counter(expected) - Counter(result.paragraphs)).values())
    return totals, left, lost


def test_corpus_is_there() -> None:
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    case = load(path)
    result = clean_paragraphs(case["paragraphs"], get_profile(case["profile"]))
    assert list(result.paragraphs) == case["expected_body"]
    assert result.original_title == case["expected_original_title"]
    assert result.removed == case["expected_removed"]


def test_corpus_totals() -> None:
    totals, left, lost = run_corpus(FIXTURES)
    expected: Counter[str] = Counter()
    for path in FIXTURES:
        expected.update(load(path)["expected_removed"])
    print("removed per rule over the corpus:", dict(sorted(totals.items())))
    assert (left, lost) == (0, 0)
    assert totals == expected
    assert set(totals) <= set(rule_names())


def test_genuine_mentions_stay() -> None:
    result = clean_paragraphs([*PROSE, *CONTACT], LIYANG)
    assert result.paragraphs == tuple(PROSE)
    assert result.removed == {"contact_block": 1}


@pytest.mark.parametrize(
    "line",
    [
        "企业可拨打服务热线0519-87654321咨询政策。",
        "该园区重视知识产权和版权保护工作……",
        "会上,企业代表分享了转型经验。",
        "分享到这里,大家都深有感触。",
        "上一篇报道中提到的项目已于近日竣工投产。",
        "扫一扫二维码即可办理业务,极大方便了群众。",
        "葛毅明表示,园区将继续做好服务。",
        "技术支持方面,园区与南京大学共建研发平台。",
        "声明发布后,多家企业表示将加快项目建设进度。",
        "标签化管理让园区服务更加精准。",
        "相关文章显示,该项目已完成备案。",
        "本文所称知识产权,包括专利权、商标权、版权等。",
        "郑重声明:该项目不存在违规用地问题。",
    ],
)
def test_lookalike_line_stays_alone_and_after_furniture(line: str) -> None:
    assert clean_paragraphs([line], LIYANG).paragraphs == (line,)
    after = clean_paragraphs([PROSE[0], COPYRIGHT, "分享给朋友:", line], LIYANG)
    assert after.paragraphs == (PROSE[0], line)


FOOTER_ITEMS = ["主办单位:溧阳市人民政府", "地址:溧阳市昆仑北路88号", "联系人:张先生"]


@pytest.mark.parametrize("line", FOOTER_ITEMS)
def test_a_footers_line_stays_among_the_text_and_goes_among_the_footer(line: str) -> None:
    assert clean_paragraphs([line], LIYANG).paragraphs == (line,)
    among = clean_paragraphs([PROSE[0], line, PROSE[1]], LIYANG)
    assert among.paragraphs == (PROSE[0], line, PROSE[1])
    below = clean_paragraphs([PROSE[0], COPYRIGHT, "分享给朋友:", line], LIYANG)
    assert below.paragraphs == (PROSE[0],)


@pytest.mark.parametrize(
    "footer",
    [
        # Real footers: a source's slogan between the portal's blocks, its apps after them,
        # its 主办单位 after its 来源 line, its 地址 heading its contact lines.
        [
            "长按/扫一扫加葛毅明的微信号",
            "科技是第一生产力、人才是第一资源、创新是第一动力",
            COPYRIGHT,
        ],
        [
            "延边发布客户端",
            "[ 本作品中使用的图片等内容,如涉及版权,请致电。确认后将第一时间删除。联系电话:0433—8157607。]",
            "延边信息港 / 延边广电客户端",
        ],
        ["点击蓝字关注我们", "来源 | 大江看看", "主办单位 | 芜湖市委网信办"],
        [
            "地址:辽宁省鞍山市海城铁西开发区世纪大道远东集团",
            "电话:0412-3570005 邮箱:18941235001@163.com",
        ],
    ],
)
def test_unknown_lines_among_a_footer_go_with_it(footer: list[str]) -> None:
    kept = clean_paragraphs([PROSE[0], PROSE[1], *footer], LIYANG).paragraphs
    assert kept[:2] == (PROSE[0], PROSE[1])
    assert all(line.startswith("来源") for line in kept[2:]), kept


def test_a_sentence_between_boilerplate_blocks_stays() -> None:
    body = [*CONTACT, PROSE[0], *CONTACT]
    assert clean_paragraphs(body, LIYANG).paragraphs == (PROSE[0],)
    body = [PROSE[0], *CONTACT, PROSE[1], COPYRIGHT]
    assert clean_paragraphs(body, LIYANG).paragraphs == (PROSE[0], PROSE[1])


def test_contact_block_in_middle_keeps_the_article_after_it() -> None:
    result = clean_paragraphs([PROSE[0], *CONTACT, PROSE[1], COPYRIGHT, PROSE[4]], LIYANG)
    assert result.paragraphs == (PROSE[0], PROSE[1], PROSE[4])
    assert result.removed == {"contact_block": 1, "copyright_notice": 1}


def test_blocks_not_lines_are_counted() -> None:
    split = clean_paragraphs([PROSE[0], *CONTACT, COPYRIGHT], LIYANG)
    wrapped = clean_paragraphs([PROSE[0], " ".join([*CONTACT, COPYRIGHT])], LIYANG)
    assert split.removed == wrapped.removed == {"contact_block": 1, "copyright_notice": 1}
    twice = clean_paragraphs([*CONTACT, PROSE[0], *CONTACT], LIYANG)
    assert twice.removed == {"contact_block": 2}


def test_generic_rules_catch_another_sites_contact_block() -> None:
    block = [
        "王磊微信号",
        "产业招商/厂房土地租售:400 0123 021",
        "或微信/手机:13812345678",
        "请说明您的需求,以便快速帮您对接资源。",
        "长按/扫一扫加王磊的微信号",
    ]
    result = clean_paragraphs([PROSE[0], *block], get_profile("wuxi"))
    assert result.paragraphs == (PROSE[0],)
    assert result.removed == {"contact_block": 1}


def test_profile_names_the_portals_own_lines() -> None:
    line = "葛毅明 欢迎来电"
    assert clean_paragraphs([PROSE[0], line], GENERIC).paragraphs == (PROSE[0], line)
    assert clean_paragraphs([PROSE[0], line], LIYANG).removed == {"contact_block": 1}


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("原标题:吴勇强带队赴泰州医药高新区学习考察", "吴勇强带队赴泰州医药高新区学习考察"),
        ("原标题： 吴勇强带队赴泰州医药高新区学习考察 ", "吴勇强带队赴泰州医药高新区学习考察"),
        ("【原标题】溧阳新能源产业再提速", "溧阳新能源产业再提速"),
    ],
)
def test_original_title(first: str, title: str) -> None:
    result = clean_paragraphs([first, PROSE[0]], LIYANG)
    assert result.original_title == title
    assert result.paragraphs == (PROSE[0],)
    assert result.removed == {}


def test_original_title_only_when_first() -> None:
    later = "原标题:吴勇强带队赴泰州医药高新区学习考察"
    result = clean_paragraphs([PROSE[0], later], LIYANG)
    assert (result.original_title, result.paragraphs) == ("", (PROSE[0], later))


def test_related_heading_drops_the_rest() -> None:
    related = ["相关文章", "【一线看项目】西工区生物医药产业园项目建设稳步推进", PROSE[1]]
    result = clean_paragraphs([PROSE[0], *related], LIYANG)
    assert result.paragraphs == (PROSE[0],)
    assert result.removed == {"related_heading": 1}


def test_trailing_share_targets_and_orphan_labels() -> None:
    tail = [
        "分享给朋友：",
        "微信 QQ空间 新浪微博",
        "上一篇：",
        "溧阳市召开重大项目推进会",
        "下一篇：没有了",
    ]
    result = clean_paragraphs([PROSE[0], *tail, "本文链接：", "http://liyang.021cf.cn/"], LIYANG)
    assert result.paragraphs == (PROSE[0],)
    assert result.removed == {"share_widget": 1, "prev_next": 1, "theme_furniture": 1}
    assert clean_paragraphs(["微信 QQ空间"], LIYANG).paragraphs == ("微信 QQ空间",)


def test_boilerplate_only_article_is_empty() -> None:
    result = clean_paragraphs(["", *CONTACT, "  ", COPYRIGHT, "分享给朋友:"], LIYANG)
    assert result == CleanResult(
        (),
        "",
        {"contact_block": 1, "copyright_notice": 1, "share_widget": 1},
        (
            ("contact_block", "\n".join(CONTACT)),
            ("copyright_notice", COPYRIGHT),
            ("share_widget", "分享给朋友:"),
        ),
    )


def test_whitespace_is_normalised_and_empty_lines_dropped() -> None:
    result = clean_paragraphs(["  吴勇强\u3000一行 \n 先后来到 ", "", " "], LIYANG)
    assert result.paragraphs == ("吴勇强 一行 先后来到",)


def test_profiles() -> None:
    assert all_profiles().profiles["liyang"].display_name == "溧阳厂房网"
    assert get_profile("liyang") is all_profiles().profiles["liyang"]
    unknown = get_profile("no_such_portal")
    assert unknown.name == "no_such_portal"
    assert unknown.contact_names == unknown.hotlines == unknown.whitelist == ()


def test_rule_names() -> None:
    names = rule_names()
    assert len(set(names)) == len(names)
    assert {"contact_block", "copyright_notice", "related_heading", "learned"} <= set(names)


LINES = st.sampled_from(
    [*PROSE, *CONTACT, COPYRIGHT, "分享给朋友:", "上一篇:", "返回列表", "标签:溧阳", "", "相关文章"]
)


@given(st.lists(LINES, max_size=20))
def test_kept_is_an_ordered_subset_and_counts_fit(paragraphs: list[str]) -> None:
    result = clean_paragraphs(paragraphs, LIYANG)
    remaining = iter(paragraphs)
    assert all(any(p == q for q in remaining) for p in result.paragraphs)
    before_related = (
        paragraphs[: paragraphs.index("相关文章")] if "相关文章" in paragraphs else paragraphs
    )
    assert [p for p in before_related if p in PROSE] == list(result.paragraphs)
    assert sum(result.removed.values()) <= len(paragraphs) - len(result.paragraphs)
    assert all(n > 0 for n in result.removed.values())


def test_bare_label_takes_only_the_next_line() -> None:
    heading = "溧阳新能源产业园二期"
    result = clean_paragraphs([PROSE[0], "标签：", PROSE[1], heading], LIYANG)
    assert result.paragraphs == (PROSE[0], PROSE[1], heading)
    assert result.removed == {"theme_furniture": 1}


@pytest.mark.parametrize(
    "line",
    [
        "联系电话：(0519)87654321",
        "电话：0519-87654321、13912345678",
        "招商热线: 400 800 1234 或 QQ: 12345678",
        "微信号：liyang021cf",
        "扫码关注溧阳厂房网公众号",
    ],
)
def test_generic_contact_lines(line: str) -> None:
    result = clean_paragraphs([PROSE[0], line], GENERIC)
    assert (result.paragraphs, result.removed) == ((PROSE[0],), {"contact_block": 1})


def test_number_runs_are_fast_and_kept() -> None:
    lines = ["1 " * 39 + "x", "电话" + "1" * 77 + "x", "1-" * 39 + "。"]
    assert clean_paragraphs(lines, GENERIC).paragraphs == tuple(x.strip() for x in lines)


def test_site_footer_owned_with_copyright_sign() -> None:
    footer = "版权所有 © 溧阳厂房网 2008-2025 苏ICP备18052236号-2"
    assert clean_paragraphs([footer], LIYANG).removed == {"source_footer": 1}
    prose = "版权所有人依法享有复制、发行等权利，园区将加强知识产权保护工作。"
    assert clean_paragraphs([prose], LIYANG).paragraphs == (prose,)


def test_headings_of_a_link_box_after_the_article_go() -> None:
    source = "本文来源：上海证券报·中国证券网 责任编辑：NF041"
    lines = [*PROSE, "重点推荐", "证券要闻", "行业动态", "公司新闻", source]
    result = clean_paragraphs(lines, GENERIC)
    assert result.paragraphs == (*PROSE, source)
    assert result.removed == {"theme_furniture": 1}


def test_two_short_lines_after_the_article_stay() -> None:
    lines = [*PROSE, "附件", "申报表"]
    assert clean_paragraphs(lines, GENERIC).paragraphs == (*PROSE, "附件", "申报表")


# Real source slogans (tests/real/texts: yybnet.net, te-ch.tech) pasted after the text.
SLOGANS = [
    "禹城新闻,新鲜有料。可以走尽是天涯,难以品尽是故乡。距离禹城市再远也不是问题。世界很大,期待在此相遇。",
    "科技是第一生产力、人才是第一资源、创新是第一动力 加快建设科技强国,实现高水平科技自立自强",
]


@pytest.mark.parametrize("slogan", SLOGANS)
def test_a_closing_slogan_goes_only_as_the_last_line(slogan: str) -> None:
    credit = "(记者 张建国)"
    result = clean_paragraphs([*PROSE[:2], slogan, credit, COPYRIGHT], LIYANG)
    assert result.paragraphs == (*PROSE[:2], credit)
    assert result.removed == {"source_footer": 1, "copyright_notice": 1}
    among = [PROSE[0], slogan, PROSE[1]]
    assert clean_paragraphs(among, LIYANG).paragraphs == tuple(among)
    assert clean_paragraphs([slogan], LIYANG).paragraphs == (slogan,)


@pytest.mark.parametrize(
    "last",
    [
        "本報記者 雷同 殷勇 張忠蘋 蹇瑋杰 彭威楠 郭僑 攝",  # credits, in either script
        "撰稿 陈雨康 记者 张伟弟 宋薇萍",
        "各县(市)、区人民政府,市政府各委、办、局:",  # an addressee line
        "一、促进消费恢复升级,扩大有效投资,稳住外贸外资,优化营商环境",  # a heading
        "新华网,北京3月5日电 十三届全国人大二次会议开幕",  # a fact: it has a digit
    ],
)
def test_a_last_line_like_a_slogan_stays(last: str) -> None:
    assert clean_paragraphs([*PROSE[:2], last], LIYANG).paragraphs == (*PROSE[:2], last)
