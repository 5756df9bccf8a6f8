"""Every cue extraction relies on, in one place: theme fast paths and theme-independent patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.cssselect import CSSSelector


@dataclass(frozen=True)
class ThemeSelectors:
    """Where a known theme puts the breadcrumb and the body: a fast path a profile may name.
    Each is checked before use, and the generic cues below take over when it is missing or
    implausible."""

    breadcrumb: CSSSelector
    body: CSSSelector


THEMES = {
    "tpure": ThemeSelectors(CSSSelector("div.sitemap"), CSSSelector("div.single")),  # Z-BlogPHP
}
# The page's own statement of its title, beside <title>.
TITLE_META = CSSSelector(
    "meta[name=ArticleTitle], meta[property='og:title'], meta[name=title], "
    "meta[name='twitter:title']"
)

# Elements whose text is never article text.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "canvas",
        "select",
        "option",
        "textarea",
        "button",
        "input",
        "object",
        "embed",
        "head",
        "title",
        "meta",
        "link",
    }
)
# Elements that end a line of text.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
    }
)
# Block elements that hold paragraphs rather than being one.
CONTAINER_TAGS = frozenset(
    {
        "article",
        "body",
        "center",
        "dd",
        "div",
        "section",
        "main",
        "td",
        "th",
        "blockquote",
        "font",
        "span",
        "li",
        "form",
    }
)
# Page furniture that never holds the article.
FURNITURE_TAGS = frozenset({"nav", "aside"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

BREADCRUMB_LABEL = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|现在的位置|所在位置)\s*[:：]?")
BREADCRUMB_CLASS = re.compile(r"breadcrumb|crumb|sitemap|location|position|weizhi", re.IGNORECASE)
BREADCRUMB_SEPARATORS = re.compile(r"\s*(?:>|＞|›|»|/|→|&gt;)\s*")
CRUMB_AFTER_HOME = re.compile(r"^\s*(?:>|＞|›|»|→|/|&gt;){1,2}\s*$")
BREADCRUMB_LEAF = re.compile(r"^(正文内容|正文|内容|详情|文章详情|阅读正文)$")
HOME_TEXT = re.compile(r"^(首页|主页|网站首页|home)$", re.IGNORECASE)

TITLE_SEPARATORS = re.compile(r"\s+[-|–—_]\s+|\s*[|_–—]\s*|\s+-\s*")

RELATED_HEADING = re.compile(
    r"^\s*(?:相关(?:文章|阅读|链接|新闻|资讯|信息|文档|推荐|内容|报道|日志|稿件)(?:推荐)?|延伸阅读|推荐阅读)"
    r"\s*[:：]?\s*$"
)
# Text that opens another section after the related block (it ends the block).
SECTION_END = re.compile(
    r"^\s*(发表评论|评论|网友评论|最新文章|热门文章|热门标签|随机文章|猜你喜欢|上一篇|下一篇|标签|TAGS)",
    re.IGNORECASE,
)

# A date as a portal shows it (relative or absolute), full-width digits included (\d is Unicode).
DATE = re.compile(
    # Where no form can begin, one look says so: the alternation is not tried at every position.
    r"(?=[\d刚半今昨前JFMASOND一二三四五六七八九十])"
    r"(?:刚刚"
    r"|半(?:小时|年)前"
    r"|\d+\s*(?:秒钟?|分钟|分|小时|个小时|天|日|周|星期|个月|月|年)前"
    r"(?:\s*[(（]\s*\d{2,4}(?:\s*[-－/／.年月]\s*\d{1,2}){1,2}\s*日?\s*[)）])?"
    r"|(?:今天|昨天|前天)\s*\d{1,2}\s*[:：]\s*\d{2}"
    r"|\d{4}\s*[-－/／.年]\s*\d{1,2}\s*[-－/／.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?"
    # A two-digit year: 18-03-08 (百家号).
    r"|(?<![\d.:：/-])\d{2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{1,2}(?![\d.:：/-])"
    r"(?:\s*\d{1,2}\s*[:：]\s*\d{2})?"
    r"|(?<!\d)(?<!\d[:：])\d{1,2}\s*[-－月]\s*\d{1,2}(?!\d|[:：]\d)\s*日?(?:\s*\d{1,2}\s*[:：]\s*\d{2})?"
    # The theme's English options ("F j, Y", "d M Y") and WordPress's default "F jS, Y", also
    # with Chinese month names (十一月 6th, 2009).
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|十[一二]?月|[一二三四五六七八九]月)"
    r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})"
)
_DATE_CHAR = re.compile(r"[\d刚半]")


def has_date(value: str) -> bool:
    """Whether `value` shows a DATE; the alternation is tried only where one can stand (every
    form holds a digit, 刚 or 半), which is many times cheaper on text without."""
    return _DATE_CHAR.search(value) is not None and DATE.search(value) is not None


# A relative count run together with the text before it is cut to what a theme can show.
RELATIVE_COUNT = re.compile(r"(\d+)\s*(秒钟|秒|分钟|分|个小时|小时|天|日|周|星期|个月|月)前")
RELATIVE_MAX = {
    "秒": 60,
    "秒钟": 60,
    "分钟": 60,
    "分": 60,
    "小时": 24,
    "个小时": 24,
    "天": 7,
    "日": 7,
    "周": 5,
    "星期": 5,
    "个月": 12,
    "月": 12,
}

META_LABELS = {
    # Words that are also names (小编, 编辑) are labels only with their colon.
    "author": re.compile(
        r"(?:(作者|发布者|发布人|发稿人|责任编辑|编辑|小编|撰稿|记者)\s*[:：]|(\bby\b))\s*", re.I
    ),
    "category": re.compile(r"(所属分类|所属栏目|所属频道|分类|栏目|类别|频道)\s*[:：]?\s*"),
    "views": re.compile(
        r"(浏览次数|阅读次数|点击次数|点击量|阅读量|浏览量|浏览|阅读|点击|查看|人气|热度|围观|\bviews?\b)"
        r"\s*(?:次数|数|量)?\s*[:：]?\s*",
        re.I,
    ),
    "date": re.compile(
        r"(发布时间|发表时间|更新时间|发布日期|发表日期|发稿时间|发稿日期|更新日期|录入时间|上传时间"
        r"|时间|日期|发表于|更新于|发布于)\s*[:：]?\s*"
    ),
    "source": re.compile(r"(信息来源|文章来源|来源|出处)\s*[:：]\s*"),
    "comments": re.compile(r"(评论数|评论|留言|\bcomments?\b)\s*[:：]?\s*", re.IGNORECASE),
}
# Any label; the lookahead holds the first letter of each (see test_meta_label_starts), so that
# the alternation is tried only where a label can begin.
META_LABEL_STARTS = "作发责编小撰记所分栏类频浏阅点查人热围更录上时日信文来出评留bvc"
META_LABEL = re.compile(
    f"(?=[{META_LABEL_STARTS}])(?:"
    + "|".join(label.pattern for label in META_LABELS.values())
    + ")",
    re.IGNORECASE,
)
VIEWS = re.compile(r"^[(（\[]?\s*(\d[\d,]*)\s*[)）\]]?\s*(次|人|views?|次浏览|次阅读)?$", re.I)
# A count with its unit after it, or its label around it in brackets: 54756次浏览, 阅读(24).
VIEWS_UNIT = re.compile(
    r"^(\d[\d,]*)\s*[次人]?\s*(?:浏览|阅读|点击|views?)$|^(?:浏览|阅读|点击)\s*[(（]\s*(\d[\d,]*)\s*[)）]$",
    re.I,
)
COMMENTS_UNIT = re.compile(r"^(?:\d+\s*条?评论|评论\s*[(（]\s*\d+\s*[)）])$")
# What a meta field's class or icon says it is (span.user, <i class="icon-eye">).
META_HINTS = (
    ("author", re.compile(r"user|author|writer|person|zuozhe|editor", re.I)),
    ("category", re.compile(r"cate|folder|column|lanmu|sort|channel", re.I)),
    ("views", re.compile(r"view|eye|hit|click|read|pv\b|fire", re.I)),
    ("date", re.compile(r"date|time|clock|calendar|pub", re.I)),
    ("comments", re.compile(r"comment|cmt|reply|chat", re.I)),
    ("source", re.compile(r"source|from|laiyuan|origin", re.I)),
)
META_SEPARATOR = re.compile(r"\s*[|｜丨/／·•]\s*|\s{2,}|\u3000+")

# Brackets, labels and units around a date or count that stands alone (a related entry's stamp).
STAMP_EDGES = re.compile(r"^[\s(（\[【]*(?:发布时间|时间|日期|浏览|阅读)?[:：]?\s*|[\s)）\]】次]*$")

NEXT_PAGE_TEXT = re.compile(r"^\s*(下一?页|下一頁|后一?页|next|[»›>]+)\s*$", re.IGNORECASE)

# Pagination by role, for listings whose URLs do not follow the portal's scheme.
PAGINATION_TEXT = re.compile(
    r"^\s*(下一?页|下一頁|后一?页|尾页|末页|最后一?页|上一?页|首页|next|last|[»›>]+|\d{1,4})\s*$",
    re.IGNORECASE,
)
