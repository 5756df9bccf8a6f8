"""The portal's own texts the generated themes show: names, furniture, boilerplate wording."""

from __future__ import annotations

import random

from tests.portal.model import COMPANIES, CONTACT_BLOCK, INDUSTRIES, PLACES, PROJECTS, to_ascii

SITE_NAME = "溧阳厂房网"
HOST = "http://liyang.021cf.cn"
QR_IMAGE = "/zb_users/upload/2023/05/202305121420361.jpg"
ICP = "苏ICP备18052236号-2"

CATEGORIES: tuple[tuple[int, str], ...] = (
    (2, "常州溧阳产业信息"),
    (3, "溧阳招商政策"),
    (5, "园区动态"),
    (7, "产业新闻"),
    (8, "招商动态"),
    (11, "溧阳厂房出租"),
    (12, "土地出售"),
    (14, "政策法规"),
    (16, "行业资讯"),
)
"""(category id, name): listing URL index.php/category-{id}.html."""
PARENT_CATEGORIES: tuple[tuple[int, str], ...] = ((1, "产业资讯"), (4, "新闻中心"), (6, "招商服务"))
EXTRA_NAV = ("关于我们", "联系我们", "招商热线", "园区地图", "留言板")

AUTHORS = (
    "admin",
    "admin",
    "admin",
    "admin",
    "葛毅明",
    "liyang021",
    "小编",
    "editor",
    "溧阳厂房网",
)
SOURCES = ("溧阳厂房网", "本站", "网络", "常州日报", "溧阳日报", "中国溧阳网", "新华日报")
TAG_NAMES = (
    "溧阳",
    "新能源",
    "厂房出租",
    "招商引资",
    "产业政策",
    "重大项目",
    "标准厂房",
    "动力电池",
)

_FULL = str.maketrans({":": "：", ",": "，", "(": "（", ")": "）", ";": "；", "!": "！", "?": "？"})


def to_full(text: str) -> str:
    """ASCII :,();!? to full-width, as the live portal most likely shows its own texts."""
    return text.translate(_FULL)


def punct(text: str, full: bool) -> str:
    """The theme's own text in its punctuation: full-width or ASCII."""
    return to_full(text) if full else to_ascii(text)


def contact_block(full: bool) -> tuple[str, ...]:
    """The portal's contact block, lines stripped, in full- or half-width punctuation."""
    return tuple(punct(line.strip(), full) for line in CONTACT_BLOCK)


COPYRIGHT_LIYANG = (
    "版权声明：本文由溧阳厂房网发布，如需转载请注明出处。部份内容收集于网络，"
    "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
)
COPYRIGHT_WUXI = (
    "版权声明：本文由网络蜘蛛自动收集于网络，如需转载请查明并注明出处，"
    "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
)
SHARE = "分享给朋友："
QR_PUSH = "扫描二维码推送至手机访问。"
PERMALINK = "本文链接："
TAGS = "标签："
PREV = "上一篇："
NEXT = "下一篇："
NO_MORE = "没有了"
BACK = "返回列表"

# ---------------------------------------------------------------- other articles' titles

_TITLES = (
    "{place}{n}个{industry}项目集中签约",
    "{place}出台支持{industry}产业发展若干措施",
    "{company}{project}项目在{place}开工",
    "{place}标准厂房建设提速 年内交付{n}万平方米",
    "溧阳{industry}产业链再添强链项目",
    "{place}工业用地挂牌出让公告（{year}年第{n}批）",
    "{year}年溧阳市重大产业项目清单发布",
    "{company}在溧阳投资建设{project}项目",
    "前{n}月{place}工业开票销售稳步增长",
    "关于申报{year}年度{industry}专项资金的通知",
    "{place}招商推介会在上海举行 签约项目{n}个",
    "溧阳{n}000平方米单层厂房出租（{place}）",
)


def other_title(rng: random.Random, year: int) -> str:
    """A plausible title of another article of the portal."""
    return rng.choice(_TITLES).format(
        place=rng.choice(PLACES),
        industry=rng.choice(INDUSTRIES),
        company=rng.choice(COMPANIES),
        project=rng.choice(PROJECTS),
        n=rng.randint(2, 12),
        year=year,
    )


COMMENT_NAMES = ("游客", "溧阳网友", "常州张先生", "访客8261", "王工", "小李", "招商服务中心")
COMMENT_TEXTS = (
    "请问{place}还有单层厂房出租吗？大概需要3000平方米。",
    "政策很好，希望尽快落地，已经分享给朋友了。",
    "相关文章里的项目进展怎么样了？期待后续报道。",
    "版权声明写得很清楚，转载请注明出处。",
    "{place}的营商环境确实不错，我们公司去年搬过来的。",
    "有没有{industry}方面的标准厂房？求联系方式。",
)


def comment_text(rng: random.Random) -> str:
    return rng.choice(COMMENT_TEXTS).format(
        place=rng.choice(PLACES), industry=rng.choice(INDUSTRIES)
    )


SITE_FOOTER_LINES = (
    "Copyright © 2018-{year} 溧阳厂房网 版权所有",
    "备案号：" + ICP,
    "地址：江苏省常州市溧阳市昆仑街道燕山中路 电话：400-0123-021",
    "Powered By Z-BlogPHP",
    "本站部分信息来源于网络，如有侵权请联系删除",
)
SIDEBAR_CONTACT = ("招商热线：400-0123-021", "手机/微信：13391219793", "联系人：葛经理")
