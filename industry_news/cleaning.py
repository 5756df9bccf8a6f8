"""Remove the boilerplate a portal wraps around an article body (issue 4).

The body arrives as paragraphs (one per block or ``<br>`` line). Each paragraph is cut into
units (at whitespace between words, and before markers such as 版权声明 or 上一篇, so that a
block wrapped into one paragraph reads like the same block split across lines); a paragraph is
removed only when every unit of it, or the paragraph as a whole, is boilerplate of some named
rule. Rules recognise a line by its shape: it starts with a label, is short, and is mostly a
label, number or link; long prose that merely mentions a phone number, 版权 or 分享 stays.

Removals are counted per rule in blocks: consecutive boilerplate units of one rule (a five-line
contact block, or the same block wrapped into one paragraph) count once. A first paragraph
原标题:… is moved to ``original_title`` and not counted. Lines such as (责任编辑：…) or 来源：…
are kept on purpose: they tell where the article came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from industry_news.profiles import SiteProfile

RELATED = "related_heading"
COPYRIGHT = "copyright_notice"
SHARE = "share_widget"
PREV_NEXT = "prev_next"
FURNITURE = "theme_furniture"
FOOTER = "source_footer"
CONTACT = "contact_block"
LEARNED = "learned"


@dataclass(frozen=True)
class CleanResult:
    """The kept paragraphs, the source's own title, and blocks removed per rule."""

    paragraphs: tuple[str, ...]
    original_title: str
    removed: dict[str, int]
    blocks: tuple[tuple[str, str], ...] = ()
    """The removed blocks as (rule, text), lines joined by newlines: what a person reviews."""


_NOT_WORD = re.compile(r"[\W_]+")


def normalise(paragraph: str) -> str:
    """Key of a paragraph for learned boilerplate: NFKC, casefolded, without whitespace,
    punctuation (ASCII and full-width), symbols or control characters."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", paragraph).casefold())


_CLAUSE = re.compile(r"[，,；;！!？?]")
_SENTENCE = re.compile(r"。|[！!？?…；;：:]$")
_OPEN = r"[【\[(（]?\s*"
_CLOSE = r"\s*[】\])）]?\s*"

# copyright_notice: the portal's or the source's copyright / disclaimer statement.
_COPYRIGHT_HEAD = re.compile(rf"^{_OPEN}(?:版权|免责)(?:及(?:版权|免责))?(?:声明|说明|宣告)")
_DECLARE_HEAD = re.compile(rf"^{_OPEN}(?:特别|郑重)?声明{_CLOSE}[:：]|^[【\[]\s*声明\s*[】\]]")
# The site's own statements: 网站声明, 图片声明：封面图片来源于…
_SITE_DECLARE = re.compile(
    rf"^{_OPEN}(?:(?:网站|图片|本站|本网)声明{_CLOSE}[:：]|(?:网站|本站)?声明{_CLOSE}$)"
)
# A statement about the site itself that names two of the things such statements are about.
_SELF = re.compile(r"本网|本站|本文|我们|本平台|本公众号|本号|本作品")
_STATEMENT_WORDS = re.compile(
    r"转载|侵权|删除|版权|免责|仅供参考|不代表|仅代表|责任自负|授权|著作权|观点|立场|投资建议"
    r"|证实其描述|联系我们|与我们联系|联[系络]我们|旨在传播|传递更多信息|网友意见|保持中立|仅供学习"
)
_COMMENT_DISCLAIMER = re.compile(r"评论.{0,6}(?:仅|谨|只)?代表.{0,8}(?:网友|个人|作者)")
_SENTENCES = re.compile(r"[。！？!?;；]")
_STATEMENT_LIKE = re.compile(
    rf"{_STATEMENT_WORDS.pattern}|{_SELF.pattern}|未经|转载|注明|出处|微信|电话|邮箱|联系|二维码|关注"
    r"|投稿|合作|授权|原创|来源|感谢"
)
_REPRINT_NOTE = re.compile(r"转载(?:时)?(?:请|须|需)(?:注明|标明|保留)|请勿转载|禁止转载|谢绝转载")
_COPYRIGHT_WORDS = re.compile(
    r"转载|侵权|删除|版权(?:归|属于)|收集于网络|来源于网络|来自网络|仅供参考|不代表本|仅代表作者"
    r"|责任自负|传递更多信息|与本[网站]联[系络]|源自网络"
)
_ENUMERATOR = r"(?:\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,2}\s*、|[(（]\d{1,2}[)）])?\s*"
_STATEMENT_HEAD = re.compile(
    rf"^{_ENUMERATOR}(?:本文|文章|本站|本网|图文|图片|部[分份]内容|转载|如需转载|未经|如有侵权"
    r"|凡本[网站]|在本[网站])"
)
# A reprint ban names what is forbidden without leave: 未经书面授权禁止复制…, …未经许可不得转载.
_NO_REPRINT = re.compile(
    r"未经.{0,40}(?:授权|许可|同意).{0,80}(?:转载|复制|镜像|使用|摘编|链接|商业性目的)"
)

# share_widget: the share box, and in the trailing furniture the bare share targets.
_SHARE_TARGET = (
    r"(?:微信好友|微信|朋友圈|QQ好友|QQ空间|QQ|新浪微博|腾讯微博|微博|豆瓣|人人网|复制链接)"
)
_SEP = r"[\s、,，/|:：]*"
_SHARE = re.compile(
    rf"^(?:分享给朋友|分享到|分享至|分享本文|一键分享|分享){_SEP}(?:{_SHARE_TARGET}{_SEP})*$", re.I
)
_SHARE_ONLY = re.compile(rf"^{_SEP}(?:{_SHARE_TARGET}{_SEP})+$", re.I)
# How-to lines of a share box: 用微信"扫一扫"…, 点击右上角分享…, 即可将网页分享给您的微信好友。
_SHARE_HOWTO = re.compile(
    r"分享让更多人看到|分享到朋友圈|点\s*[【\[]\s*在看\s*[】\]]|点个在看|"
    r"微信\W{0,2}扫一扫|扫一扫\W{0,2}(?:分享|即可)|点击?(?:屏幕)?右上角.{0,12}分享"
    r"|分享(?:给|到|至)(?:您的)?(?:微信)?(?:好友|朋友圈)"
)

# prev_next: previous / next links and 返回列表.
_PREV_NEXT = re.compile(
    rf"^{_OPEN}(?:上一篇|下一篇|上一条|下一条|前一篇|后一篇){_CLOSE}(?:[:：]|$)"
)
_BACK = re.compile(
    rf"^(?:{_OPEN}(?:返回列表|返回首页|返回顶部|返回上一页|返回\S{{0,8}}?首页|返回){_CLOSE})+$"
)
_READ_NEXT = re.compile(r"^(?:阅读|查看)?(?:上一篇|下一篇)(?:文章)?$")

# theme_furniture: the theme's (or the source page's) own texts around the article.
_FURNITURE = (
    (re.compile(r"^扫描二维码推送至手机(?:访问|阅读)"), 30),
    (re.compile(r"^扫一扫在手机上?(?:打开|阅读|浏览|查看)"), 30),
    (re.compile(r"^(?:本文链接|本文地址|本文网址|文章链接|文章地址)\s*[:：]"), 200),
    (re.compile(r"^欢迎(?:访问|光临|来到)\S{2,20}(?:网站|网|门户)$"), 40),
    (re.compile(r"^广告(?:垂询|服务|合作|热线)|^商务合作"), 30),
    (re.compile(r"^(?:标签|tags?|关键词|关键字)\s*[:：]", re.I), 80),
    (re.compile(r"^(?:原文地址|原文链接)\s*[:：]"), 200),
    (re.compile(r"^[-—–=\s]*(?:END|完|全文完)[-—–=\s]*$|^[(（]完[)）]$", re.I), 12),
    (re.compile(r"^\d+\s*人(?:觉得有用|点赞|喜欢|收藏|推荐)"), 20),
    (re.compile(r"^\S{1,6}\s*(?:>>|»|＞＞)$"), 10),  # link buttons: 更多>>, 附件>>
    (re.compile(r"^[+＋]\d{1,2}$|^[^\w\s]{1,3}$"), 4),  # a like counter (+1), a lone mark
    (re.compile(r"^当前位置\s*[:：]"), 120),
    (re.compile(r"^[-—=_*~·.\s]*分隔线[-—=_*~·.\s]*$"), 80),
    (
        re.compile(
            r"^(?:[\s【】\[\]()（）:：|]*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|加入收藏"
            r"|收藏本页|收藏|字号|字体|大|中|小|默认))+[\s【】\[\]()（）:：|]*$"
        ),
        40,
    ),
)
_URL = re.compile(r"^https?://\S+$", re.I)
# A source site's own furniture: its app and account plugs, and its button rows and menus.
_SITE_PLUG = re.compile(
    r"^(?!长按|扫码|扫一扫|识别|扫描)\S{2,12}(?:手机版|客户端|官方微信|官方微博|微信公众号|公众号|APP|app)$"
    r"|(?:下载|打开|前往|去).{0,10}(?:客户端|APP|app)|点击蓝字|关注我们$|该文章已上链"
    r"|^访问(?:电脑版|手机版|触屏版)$|^关注\S{2,10}$|尽在\S{2,12}(?:APP|app|客户端)$"
    r"|^(?:扫码)?下载\S{2,8}$",
)
# Words of a page's widgets (print, zoom, save, share, comment, scan, download, follow): a short
# line made mostly of them is a widget row, whatever its wording.
_WIDGET_WORDS = re.compile(
    r"打印|放大|缩小|字号|字体|收藏|分享|转发|评论|点评|写评论|关注|下载|扫一扫|扫描|扫码|二维码"
    r"|手机|查看|详情|我要|一下|点击这里|这里|或者|随时看|方便|给朋友|得积分|积分|用|看|到|文章|新闻"
    r"|资讯|此文|本文|更加|尽在|APP|app|客户端|Word|PDF|默认|大|中|小|关闭|窗口|返回|顶部"
    r"|登录|退出|注册|网站支持IPV6|图集|组图|视频|音频|播放"
)
_BUTTON = re.compile(r"^(?:\s*[\[【]\s*[^\[\]【】]{1,10}\s*[\]】]?\s*){2,}$")
_MENU_ITEM = re.compile(r"^[^\s,，。:：]{2,8}$")
_MENU_HEADING = 8
# Credit lines below the text: 责任编辑：…, (特约记者 张建国), 本报记者 锡小平, (福建日報),
# 见道网工程栏目编辑/贺玉婷.
_CREDIT = re.compile(
    r"^[(（\[【]?\s*(?:(?:责任编辑|责编|编辑|来源|本文来源|作者|审核|记者|通讯员|文|图|文、图|摄影?)"
    r"\s*[:：|｜/]|\S{0,10}?(?:记者|通讯员)\s*\S)|^[(（][^()（）]{2,30}[)）]$|编辑\s*/\s*\S{2,4}$"
)
_MENU_BAR = re.compile(r"\s*[|｜丨]\s*|\s+[-·]\s+")

# source_footer: a government site's footer pasted with the article (often run together).
_FOOTER_LABEL = (
    r"(?:(?:网站)?(?:主办|承办|主管|协办|运营|运维)(?:单位)?|版权所有|地址|电话|传真|邮编|邮政编码"
    r"|电子邮箱|电子邮件|邮箱|e-?mail|技术支持|网站标识码|备案号|联系我们|广告热线|举报电话)"
)
_FOOTER_HEAD = re.compile(
    rf"^(?:{_FOOTER_LABEL}\s*[:：]|版权所有\s*(?:©|\(c\)|copyright)|copyright|©|\(c\)"
    r"|[\u4e00-\u9fff]?icp[备证]|[\u4e00-\u9fff]公网安备)",
    re.I,
)
_FOOTER_STRONG = re.compile(
    r"版权\s*所有|copyright|©|icp[备证]|公网安备|网站标识码|技术支持|all rights reserved"
    r"|许可证|举报(?:邮箱|电话)",
    re.I,
)
# A licence row: 增值电信业务经营许可证 互联网新闻信息服务许可证 …
_LICENCES = re.compile(r"(?:许可证|资格证书?|备案).{0,30}(?:许可证|资格证书?|备案)")
_FOOTER_ITEM = re.compile(rf"^{_FOOTER_LABEL}\s*[:：|｜]", re.I)
_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[、.．\s]|[一二三四五六七八九十]{1,3}\s*、"
    r"|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百\d]+[章节条])"
)
"""A numbered heading of the text (二、…, 1.5 …, 第一章): no footer has one."""
_FOOTER_LINE = 80
"""At most this long, a line among a footer's is taken for one of them."""
_SENTENCE_END = re.compile(r"[。！？!?…]")
# A medium's tagline opens with its name as a clause of its own: 禹城新闻,新鲜有料。…
_TAGLINE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:新闻网|新闻|日报|晚报|网|频道|客户端)[,，]")
_PHRASE_BREAK = re.compile(r"[、,，;；\s]+")
_SLOGAN_PHRASES = 4
"""A banner's least number of phrases: 科技是第一生产力、人才是第一资源、… 加快建设科技强国,…"""
_FOOTER_LABEL_COLON = re.compile(rf"{_FOOTER_LABEL}\s*[:：]", re.I)
_OWNED = re.compile(r"版权所有\s*$")
# The site's operator named the way a footer names it: 长城新媒体集团 主办.
_RUN_BY = re.compile(r"^\S{2,20}\s+(?:主办|承办|协办|主管)$")

# contact_block: the portal's contact block (WeChat name, hotline, request, QR-code lines).
_PHONE = re.compile(r"(?:\+?86[-\s]?)?\d(?:[\s\-—()（）]?\d){6,}")
_PHONE_LABEL = re.compile(r"[^\d:：,，。]{0,17}(?:[:：]\s*[^\d:：,，。\s]{1,8})?\s*[:：]?\s*[(（]?")
"""A number's label: 手机：, 或微信/手机:, 联系人：周经理."""
_CONTACT_WORD = re.compile(
    r"微信|手机|电话|热线|咨询|联系|qq|tel|传真|租售|招商|座机|客服|mobile|wechat", re.I
)
_WECHAT_NAME = re.compile(
    r"^[\u4e00-\u9fffA-Za-z0-9]{0,12}?的?(?:微信号|微信二维码|个人微信|公众号二维码|二维码)$"
)
_WECHAT_ID = re.compile(r"^微信号?\s*[:：]\s*[\w\-]{3,30}$")
_QR = re.compile(
    r"^(?:长按|扫码|扫一扫|识别|微信扫码|扫描)[^，,。；;！!？?]{0,24}"
    r"(?:微信|二维码|好友|关注|公众号)[^，,。；;！!？?]{0,10}$"
)
_REQUEST = re.compile(
    r"^(?:请(?:说明|注明|告知|留言|写明)(?:您的)?(?:需求|来意|要求)"
    r"|欢迎(?:来电|致电|垂询|来人来电)(?:咨询|洽谈|垂询)?)"
)
"""What a contact block asks of the reader: state your needs, call us."""
_CONTACT_FIELD = re.compile(r"^(?:联系)?(?:地址|邮编|邮政编码|传真|网址|邮箱|电子邮箱)\s*[:：]")
"""The other fields of a contact block (地址：…, 传真：…), after a line with a number."""
_NUMBER_NOTE = re.compile(r"[(（][^()（）]{1,8}[)）]")
"""A note after a number: （微信同号）, (同微信)."""
_EMAIL_LINE = re.compile(r"^[^@\s]{0,12}[:：]?\s*[\w.+-]+@[\w-]+\.[\w.]+$")
# Where to write in: 投稿请发至：x@y.cn, 合作请加微信：abc123.
_WRITE_IN = re.compile(
    r"(?:投稿|合作|交流|咨询|联系|爆料|举报).{0,12}(?:请|可)?(?:发至|发送至|发到|加|添加|联系)"
    r".{0,8}(?:[\w.+-]+@[\w-]+\.[\w.]+|微信|qq)",
    re.I,
)

_RELATED_KEYS = frozenset(
    {
        "相关文章",
        "相关阅读",
        "相关推荐",
        "相关新闻",
        "相关链接",
        "相关资讯",
        "相关日志",
        "相关稿件",
        "延伸阅读",
        "推荐阅读",
        "随机阅读",
        "热门阅读",
        "热点推荐",
        "精彩推荐",
        "猜你喜欢",
    }
)
# Traditional forms of the characters the rules are written with: a rule reads either script.
_SIMPLIFIED = str.maketrans(
    "權聲載轉責刪關閱讀網註請編輯來發佈時間單辦電話傳郵術號備圖點擊頁條經歸屬於說聯繫係僅參標籤簽"
    "掃碼訪問鏈複製護與為滿價錢風險舉報許證書資維鏡線頻應稱這們從後處實際體導歡負評論達個觀規並庫"
    "熱聞詳華記攝",
    "权声载转责删关阅读网注请编辑来发布时间单办电话传邮术号备图点击页条经归属于说联系系仅参标签签"
    "扫码访问链复制护与为满价钱风险举报许证书资维镜线频应称这们从后处实际体导欢负评论达个观规并库"
    "热闻详华记摄",
)
_ORIGINAL_TITLE = re.compile(rf"^{_OPEN}(?:本文)?原标题{_CLOSE}[:：]?\s*(.*)$")
# Before the article's first line: an editor's bracketed note ([摘要：…], 【编者按】…) and
# scraps of a widget (图集, a lone label) are no part of its text.
_LEADING_NOTE = re.compile(r"^[\[【]\s*(?:摘要|编者按|导读|内容提要)\s*[:：\]】]")
_LABEL_ONLY = re.compile(
    rf"^{_OPEN}(?:上一篇|下一篇|上一条|下一条|标签|tags?|本文链接|本文地址){_CLOSE}[:：]?$", re.I
)
_MARKERS = r"版权声明|免责声明|分享给朋友|分享到|上一篇|下一篇|返回列表|本文链接|扫描二维码推送"
_SPLIT = re.compile(rf"\s+|(?={_MARKERS})")
_NUMBER_PIECE = re.compile(r"^[\d\s\-—+()（）/、或]*$")
_TRAILING_STARTERS = frozenset({COPYRIGHT, SHARE, PREV_NEXT})
_ENDING = frozenset({*_TRAILING_STARTERS, FOOTER, FURNITURE, RELATED})
"""Blocks that end an article's page: what follows them is more of the page, not text."""


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@cache
def _digits(numbers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(d for d in (re.sub(r"\D", "", n) for n in numbers) if d)


def _all_statements(unit: str) -> bool:
    """Whether every sentence of a line is about the site, its rights or how to reach it: an
    article's paragraph that ends with a reprint note (…总投资122亿元。(转载请注明…)) is kept."""
    sentences = [x for x in _SENTENCES.split(unit) if len(x.strip()) >= 4]
    return all(_STATEMENT_LIKE.search(x) for x in sentences)


def _is_copyright(unit: str, profile: SiteProfile) -> bool:
    if len(unit) > 400:
        return False
    if _COPYRIGHT_HEAD.match(unit):
        return True
    if _NO_REPRINT.search(unit) and _all_statements(unit):
        return True
    if len(unit) > 300:
        return False
    if (
        len(unit) <= 200
        and _all_statements(unit)
        and (
            _REPRINT_NOTE.search(unit)
            or (_SELF.search(unit) and len(set(_STATEMENT_WORDS.findall(unit))) >= 2)
        )
    ):
        return True
    if _SITE_DECLARE.match(unit) and len(unit) <= 100:
        return True
    if _COMMENT_DISCLAIMER.search(unit) and len(unit) <= 80:
        return True
    if _DECLARE_HEAD.match(unit) and _STATEMENT_WORDS.search(unit) and _all_statements(unit):
        return True
    if _DECLARE_HEAD.match(unit) or (_STATEMENT_HEAD.match(unit) and len(unit) <= 120):
        return _COPYRIGHT_WORDS.search(unit) is not None
    return any(p.search(unit) for p in _compiled(profile.copyright_patterns))


def _is_share(unit: str, profile: SiteProfile) -> bool:
    return _SHARE.match(unit) is not None or (len(unit) <= 80 and bool(_SHARE_HOWTO.search(unit)))


def _is_prev_next(unit: str, profile: SiteProfile) -> bool:
    if _PREV_NEXT.match(unit) is not None and len(unit) <= 100:
        return True
    return bool(_BACK.match(unit)) or bool(_READ_NEXT.match(unit))


def _widget_scrap(text: str) -> bool:
    """A few letters of a widget (图集, 视频) standing alone."""
    return len(_NOT_WORD.sub("", text)) <= 4 and _widget_share(text) >= 0.7


def _widget_share(unit: str) -> float:
    """The share of a line's letters that are widget words."""
    letters = len(_NOT_WORD.sub("", unit))
    covered = sum(len(m) for m in _WIDGET_WORDS.findall(unit))
    return covered / letters if letters else 0.0


def _is_furniture(unit: str, profile: SiteProfile) -> bool:
    if any(len(unit) <= limit and p.match(unit) for p, limit in _FURNITURE):
        return True
    if len(unit) <= 40 and _SITE_PLUG.search(unit):
        return True
    if len(unit) <= 80 and _BUTTON.match(unit):
        return True
    if len(unit) <= 30 and _widget_share(unit) >= 0.7:
        return True
    # A menu: three or more items between bars, nearly all short (网站首页 | 联系我们 | 广告服务).
    items = [i for i in (i.strip() for i in _MENU_BAR.split(unit)) if i]
    short = sum(1 for i in items if _MENU_ITEM.match(i))
    return len(items) >= 3 and short >= 0.75 * len(items)


def _is_footer(unit: str, profile: SiteProfile) -> bool:
    if len(unit) > 200:
        return False
    if _OWNED.search(unit) and len(unit) <= 60 and not _CLAUSE.search(unit):
        return True
    if re.search(r"版权\s+所有\s*[©(]", unit) or (_LICENCES.search(unit) and len(unit) <= 120):
        return True
    if _RUN_BY.match(unit):
        return True
    # A footer run into one line names two of its parts (版权所有 … ICP备…, 主办单位 … 技术支持).
    if len({m.lower() for m in _FOOTER_STRONG.findall(unit)}) >= 2 and not _SENTENCE.search(unit):
        return True
    return bool(_FOOTER_HEAD.match(unit)) and (
        _FOOTER_STRONG.search(unit) is not None or len(_FOOTER_LABEL_COLON.findall(unit)) >= 2
    )


def _is_contact(unit: str, profile: SiteProfile) -> bool:
    if len(unit) > 80:
        return False
    if len(unit) <= 40 and not _CLAUSE.search(unit):
        if any(name in unit for name in profile.contact_names):
            return True
        if _WECHAT_NAME.match(unit) or _WECHAT_ID.match(unit) or _QR.match(unit):
            return True
    digits = re.sub(r"\D", "", unit)
    if any(h in digits for h in _digits(profile.hotlines)):
        return True
    if any(p.search(unit) for p in _compiled(profile.contact_patterns)):
        return True
    if _REQUEST.match(unit) or _WRITE_IN.search(unit) or _EMAIL_LINE.match(unit):
        return True
    return _labelled_numbers(unit) and _CONTACT_WORD.search(unit) is not None


def _labelled_numbers(unit: str) -> bool:
    """Whether a line is only phone numbers, each after a short label (或微信/手机:…), the last
    perhaps with a note in brackets (（微信同号）)."""
    *labels, tail = _PHONE.split(unit)
    return (
        bool(labels)
        and (not tail.strip() or _NUMBER_NOTE.fullmatch(tail.strip()) is not None)
        and all(_PHONE_LABEL.fullmatch(x.strip()) for x in labels)
    )


_RULES: tuple[tuple[str, Callable[[str, SiteProfile], bool]], ...] = (
    (COPYRIGHT, _is_copyright),
    (SHARE, _is_share),
    (PREV_NEXT, _is_prev_next),
    (FURNITURE, _is_furniture),
    (FOOTER, _is_footer),
    (CONTACT, _is_contact),
)


def rule_names() -> tuple[str, ...]:
    """Every key `CleanResult.removed` can hold."""
    return (RELATED, *(name for name, _ in _RULES), LEARNED)


class _State(NamedTuple):
    trailing: bool = False
    """The trailing furniture (版权声明, 分享, 上一篇…) has begun."""
    pending: str | None = None
    """Rule of a bare label (上一篇：, 标签：) whose value may follow as its own line."""
    contact: bool = False
    """The line before was a contact line: an address or fax line after it is the block's."""


def _classify_unit(unit: str, profile: SiteProfile, state: _State) -> tuple[str | None, _State]:
    if state.pending and len(unit) <= 60 and not _SENTENCE.search(unit):
        return state.pending, state._replace(pending=None)
    if state.trailing:
        if _SHARE_ONLY.match(unit):
            return SHARE, state
        if unit == "没有了":
            return PREV_NEXT, state
        if _URL.match(unit):
            return FURNITURE, state
    if state.contact and len(unit) <= 60 and _CONTACT_FIELD.match(unit):
        return CONTACT, state
    for name, test in _RULES:
        if test(unit, profile):
            pending = name if _LABEL_ONLY.match(unit) else None
            trailing = state.trailing or name in _TRAILING_STARTERS
            return name, _State(trailing, pending, name == CONTACT)
    return None, state._replace(contact=False)


def _pieces(text: str) -> list[str]:
    """Units of a paragraph; bare numbers and 或 stay with the piece before them."""
    pieces: list[str] = []
    for piece in filter(None, (p.strip() for p in _SPLIT.split(text))):
        if pieces and _NUMBER_PIECE.match(piece):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _classify(text: str, profile: SiteProfile, state: _State) -> tuple[list[str], _State]:
    """Rules of the units of a boilerplate paragraph (empty if it is not all boilerplate)."""
    pieces = _pieces(text)
    for candidate in (pieces, [text]) if len(pieces) > 1 else ([text],):
        current, rules = state, []
        for unit in candidate:
            rule, current = _classify_unit(unit, profile, current)
            if rule is None:
                break
            rules.append(rule)
        else:
            return rules, current
    return [], state


def clean_paragraphs(
    paragraphs: Sequence[str], profile: SiteProfile, learned: Collection[str] = ()
) -> CleanResult:
    """Drop boilerplate blocks from an article body, keeping the article in order.

    `learned` holds `normalise` keys of paragraphs known to repeat across a site; the
    profile's whitelist (compared by key) is never removed, by rules or learned keys.
    """
    whitelist = {normalise(p) for p in profile.whitelist}
    learned_keys = learned if isinstance(learned, set | frozenset | dict) else set(learned)
    # Each line with its rules (none: kept), whether the whitelist keeps it; None ends a block.
    entries: list[_Entry | None] = []
    original_title = ""
    title_seen = related = opened = False
    state = _State()
    for raw in paragraphs:
        text = " ".join(raw.split())
        if not text:
            continue
        key = normalise(text.translate(_SIMPLIFIED))
        rules: list[str] = []
        if key in whitelist:
            pass
        elif related or key in _RELATED_KEYS:
            related, rules = True, [RELATED]
        elif not opened and (_LEADING_NOTE.match(text) or _widget_scrap(text)):
            rules = [FURNITURE]
        elif not opened and not title_seen and (match := _ORIGINAL_TITLE.match(text)):
            original_title, title_seen = match.group(1).strip(), True
            entries.append(None)
            continue
        elif not opened and title_seen and not original_title:
            # A bare 原标题： label: the source's title is the line after it.
            original_title = text
            entries.append(None)
            continue
        else:
            rules, state = _classify(text.translate(_SIMPLIFIED), profile, state)
            if not rules and key in learned_keys:
                rules = [LEARNED]
        if not rules:
            opened, state = True, state._replace(pending=None, contact=False)
        entries.append(_Entry(text, rules, key in whitelist))
    _footer_lines(entries)
    kept: list[str] = []
    removed: Counter[str] = Counter()
    blocks: list[tuple[str, list[str]]] = []
    last_rule: str | None = None
    for entry in entries:
        if entry is None:
            last_rule = None
        elif not entry.rules:
            kept.append(entry.text)
            last_rule = None
        else:
            if entry.rules[0] == last_rule:
                blocks[-1][1].append(entry.text)
            else:
                blocks.append((entry.rules[0], [entry.text]))
            for rule in entry.rules:
                if rule != last_rule:
                    removed[rule] += 1
                last_rule = rule
    menu = _trailing_menu(kept)
    if menu:
        blocks.append((FURNITURE, kept[menu]))
        removed[FURNITURE] += 1
        del kept[menu]
    return CleanResult(
        tuple(kept),
        original_title,
        dict(removed),
        tuple((rule, "\n".join(lines)) for rule, lines in blocks),
    )


class _Entry(NamedTuple):
    text: str
    rules: list[str]
    protected: bool


def _footer_lines(entries: list[_Entry | None]) -> None:
    """Mark the short lines that stand among the boilerplate below the article's last text.

    A source's footer pastes lines no rule knows (its slogan, its app names, 主办单位 | …)
    among lines rules do know. Below the article's last text, a line that is no sentence is
    part of the footer when it stands between removed blocks, or ends the body after a block
    that ends articles (版权, 分享, a footer); so is a 地址：/主办单位： line heading a removed
    block. The article's last line goes too when it is a closing slogan. Credit lines (来源：…)
    are kept and stand aside; the body's first line is never taken.
    """
    lines = [(i, e) for i, e in enumerate(entries) if e is not None and not _credit(e)]
    first = next((at for at, (_, e) in enumerate(lines) if not e.rules), len(lines))
    last = True
    for at in range(len(lines) - 1, first, -1):
        i, entry = lines[at]
        if entry.rules:
            continue
        text = entry.text
        if last and not entry.protected and _closing_slogan(text):
            entries[i] = lines[at][1]._replace(rules=[FOOTER])
            lines[at] = (i, entries[i])
            continue
        last = False
        if entry.protected or len(text) > _FOOTER_LINE or _SENTENCE_END.search(text):
            return
        if _HEADING.match(text):
            return
        before = lines[at - 1][1].rules
        inside = at + 1 < len(lines)
        # The portal's contact block may stand mid-text: only a line it shares with another
        # block below is a footer's.
        follows = bool(before) and (inside or before[-1] in _ENDING)
        if not (follows or (inside and _FOOTER_ITEM.match(text))):
            return
        marked = entry._replace(rules=[FOOTER])
        entries[i], lines[at] = marked, (i, marked)


def _closing_slogan(text: str) -> bool:
    """Whether the article's last line is its source's slogan, not its text: a medium's tagline,
    or a banner of four or more phrases (of four letters or more) that states no fact (no digit),
    no label, no heading and no sentence."""
    if len(text) > 120 or re.search(r"\d", text):
        return False
    if _TAGLINE.match(text):
        return True
    phrases = sum(1 for p in _PHRASE_BREAK.split(text) if len(p) >= 4)
    return (
        len(text) <= _FOOTER_LINE
        and phrases >= _SLOGAN_PHRASES
        and not _SENTENCE_END.search(text)
        and not re.search(r"[:：]|^——", text)
        and not _HEADING.match(text)
    )


def _credit(entry: _Entry) -> bool:
    return not entry.rules and bool(_CREDIT.match(entry.text.translate(_SIMPLIFIED)))


def _trailing_menu(kept: list[str]) -> slice | None:
    """Three or more short headings in a row after the article's last sentence: a box of link
    lists whose links went (重点推荐 / 证券要闻 / 行业动态 / 公司新闻)."""
    prose = [i for i, p in enumerate(kept) if len(p) > _MENU_HEADING]
    last = max((i for i in prose if not _CREDIT.match(kept[i])), default=-1)
    start = last + 1
    while start < len(kept) and _CREDIT.match(kept[start]):
        start += 1
    end = start
    while end < len(kept) and _MENU_ITEM.match(kept[end]):
        end += 1
    return slice(start, end) if end - start >= 3 else None
