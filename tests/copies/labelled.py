"""A labelled set of articles for evaluating syndicated-copy detection.

Everything starts from the 327 real article texts in ``tests/real/texts/texts.jsonl`` and the
real boilerplate lines in ``tests/real/texts/footers.jsonl``.  The set models the world the
archive sees:

* **copies** - at least 120 real texts are taken as originals; each gets 1-4 copies on other
  portals (sometimes twice on one portal, sometimes a copy of a copy), each copy applying 1-3 of
  the edits portals really make (see ``EDITS``).  Copies are published minutes to days later.
* **natural copies** - the corpus itself holds three real re-publications (t0024/t0025,
  t0260/t0261 and t0217/t0218, the last a Traditional-script mirror of a Simplified text).
* **hard negatives** - (a) distinct real articles published on two portals that paste the same
  long disclaimer/contact block under every story (and real texts that keep their own site's
  footer, e.g. the 厂房网 sites sharing one phone-number line); (b) template notices rewritten
  every month/batch with new numbers (each month its own story; some are copied too);
  (c) real articles on the same topic or even the same event written separately
  (e.g. t0150/t0151, t0186/t0187) - their own stories; (d) short items (1-2 paragraphs).
* **distinct** - every remaining real text, once.

``story`` is the truth label: items with equal ``story`` are copies of one original.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")
TEXTS_DIR = Path(__file__).resolve().parent.parent / "real" / "texts"

# Real re-publications already inside the corpus: copy id -> original id.
NATURAL_COPIES = {"t0025": "t0024", "t0260": "t0261", "t0217": "t0218"}
# Real articles on the same event written separately: distinct stories (hard negatives (c)).
SAME_EVENT_DISTINCT = (("t0150", "t0151"), ("t0186", "t0187"), ("t0146", "t0147"))

N_ORIGINALS = 150
N_BOILERPLATE_DISTINCT = 26  # distinct real texts per heavy-boilerplate portal


@dataclass(frozen=True)
class Item:
    key: str
    site: str
    title: str
    body: str
    published_at: datetime
    story: str
    # Not needed by a detector; they let an evaluation break errors down.
    kind: str = "distinct"  # original|copy|natural_copy|distinct|boilerplate_distinct|template|template_copy
    edits: tuple[str, ...] = ()  # copies: the edits applied (cumulative from the original)
    source_key: str = ""  # copies: the key of the item it was copied from
    original_key: str = ""  # copies: the key of the story's original


def pairs(items) -> set[frozenset[str]]:
    """All true pairs: every two items of one story."""
    by_story: dict[str, list[str]] = {}
    for it in items:
        by_story.setdefault(it.story, []).append(it.key)
    return {frozenset(p) for keys in by_story.values() for p in combinations(keys, 2)}


def labelled_set(seed: int = 0) -> list[Item]:
    return list(_build(seed))


# --------------------------------------------------------------------------- loading


def _load_jsonl(name: str) -> list[dict]:
    with open(TEXTS_DIR / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@lru_cache(maxsize=1)
def _texts() -> tuple[dict, ...]:
    return tuple(_load_jsonl("texts.jsonl"))


@lru_cache(maxsize=1)
def _footer_lines() -> tuple[dict, ...]:
    return tuple(_load_jsonl("footers.jsonl"))


def _footers_of(url_part: str, kinds: tuple[str, ...] | None = None) -> list[str]:
    out = [
        f["text"]
        for f in _footer_lines()
        if url_part in f["url"] and (kinds is None or f["kind"] in kinds)
    ]
    if not out:
        raise LookupError(f"no real footer line for {url_part!r}")
    return out


# --------------------------------------------------------------------------- portals

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫晨欣怡浩宇子涵梓萱一诺佳琪思远博文雨轩俊杰"


def _person(rng: random.Random) -> str:
    n = rng.choice((1, 2, 2))
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n))


@dataclass(frozen=True)
class Portal:
    site: str
    name: str
    heavy: bool  # pastes one long block under every story


def _portals() -> tuple[Portal, ...]:
    return (
        Portal("yuanqu-zs.cn", "产业园区招商网", True),
        Portal("dfcj.net", "地方产经网", True),
        Portal("changfang.cn", "厂房网", False),
        Portal("kfq-news.cn", "开发区资讯网", False),
        Portal("tzcj.gov.cn", "投资促进网", False),
        Portal("cyzx.com.cn", "产业资讯网", False),
    )


def _heavy_block(site: str) -> list[str]:
    """The long block a heavy portal pastes under every story (real lines)."""
    if site == "yuanqu-zs.cn":
        return [
            *_footers_of("ciipa.net"),
            *_footers_of("bangqike.com", ("disclaimer",)),
        ]
    if site == "dfcj.net":
        return _footers_of("mengliting.sjfzxm.com")
    raise KeyError(site)


CF_CITIES = ("liyang", "ningbo", "dongguan", "dalian")


def _portal_footer(rng: random.Random, site: str, source: str) -> list[str]:
    """The footer/statement a (non-heavy) portal adds to a copy."""
    if site == "changfang.cn":
        return [rng.choice(_footers_of(f"{rng.choice(CF_CITIES)}.021cf.cn", ("copyright",)))]
    if site == "tzcj.gov.cn":
        return _footers_of("9599116.com")
    if site == "cyzx.com.cn":
        return _footers_of("haixiafeng.com.cn", ("media_footer", "copyright"))
    return [rng.choice(_footers_of("focus.cn")), f"来源:{source}"]


# --------------------------------------------------------------------------- edits

PUNCT_FULL = {",": "，", ":": "：", "(": "（", ")": "）", ";": "；", "!": "！", "?": "？"}
PUNCT_HALF = {v: k for k, v in PUNCT_FULL.items()}
_SENT_END = re.compile(r"(?<=[。！？!?；;])")


def _widen(text: str) -> str:
    # Keep clock times like 16:32 as they are.
    text = re.sub(r"(?<=\d):(?=\d)", "\x00", text)
    return re.sub(r"[,:();!?]", lambda m: PUNCT_FULL[m.group()], text).replace("\x00", ":")


def _narrow(text: str) -> str:
    return re.sub("[，：（）；！？]", lambda m: PUNCT_HALF[m.group()], text)


@dataclass
class Draft:
    """A copy being built: head lines, article paragraphs, tail lines."""

    title: str
    head: list[str]
    paras: list[str]
    tail: list[str]
    source: str  # name of the original outlet
    root_chars: int  # characters in the original's article paragraphs
    edits: list[str]

    def body(self) -> str:
        return "\n\n".join(p for p in (*self.head, *self.paras, *self.tail) if p.strip())


def _chars(paras: list[str]) -> int:
    return sum(len(p) for p in paras)


_FILLER = re.compile(
    r"^(据(介绍|悉|了解|统计|報道|了解到)|也是|还|并|今年|近日|日前|昨日|今天|当天|目前|随后|同时|此外|其中|核心提示|摘要提示"
    r"|\d{1,4}[、年月日])"
)
_TOPIC = re.compile(r"项目|項目|开工|開工|签约|簽約|产业|產業|园|園|投资|投資|增长|增長|\d")


def _lead_headline(draft: Draft) -> str | None:
    """A headline rewritten from a lead sentence, as portals do."""
    for p in draft.paras[:3]:
        if len(p) < 30 or re.search(r"表示|致辞|讲话|說|说[:：,，]", p[:60]):
            continue
        s = re.split(r"[。!！]", p.strip(), maxsplit=1)[0]
        s = re.sub(r"[(（][^)）]{0,40}[)）]", "", s)
        s = re.sub(r"^.{0,24}?(讯|訊|电|電|消息|报道|報道)\s*[:：]?", "", s)
        clauses = [
            c.strip()
            for c in re.split(r"[,，;；:：]", s)
            if len(c.strip()) >= 5 and not _FILLER.match(c.strip()) and "记者" not in c
        ]
        head = ""
        for c in clauses:
            if len(head) + len(c) > 30:
                break
            head = f"{head} {c}" if head else c
        if 10 <= len(head) <= 32 and head != draft.title and _TOPIC.search(head):
            return head
    return None


def _e_title_prefix(rng, draft, portal):
    draft.title = (
        rng.choice(("【转载】", "【招商动态】", "【园区动态】", "转载:", "【产业资讯】", "[推荐]"))
        + draft.title
    )
    return True


def _e_title_site(rng, draft, portal):
    draft.title += rng.choice((" - ", "_", "|", "—")) + portal.name
    return True


def _e_title_rewrite(rng, draft, portal):
    old = draft.title
    parts = [p for p in re.split(r"[\s:：!！|]+", old) if p]
    choices = []
    if len(parts) >= 2:
        choices.append(" ".join(parts[1:] + parts[:1]))
    lead = _lead_headline(draft)
    if lead:
        choices.append(lead)
    if not choices:
        return False
    draft.title = rng.choice(choices)
    if rng.random() < 0.4:
        draft.head.insert(0, f"原标题:{old}")
    return draft.title != old


def _e_footer_source(rng, draft, portal):
    editor = _person(rng)
    draft.tail.append(
        rng.choice(
            (
                f"来源:{draft.source}　责任编辑:{editor}",
                f"(来源:{draft.source})",
                f"来源:{draft.source} 编辑:{editor}",
                f"【责任编辑:{editor}】",
            )
        )
    )
    return True


def _e_footer_statement(rng, draft, portal):
    draft.tail.extend(_portal_footer(rng, portal.site, draft.source))
    return True


def _e_footer_contact(rng, draft, portal):
    area = rng.choice(("0571", "0512", "0573", "020", "027", "0755", "0531", "0791"))
    num = "".join(rng.choice("0123456789") for _ in range(7))
    lines = [
        f"招商热线:{area}-8{num}",
        f"联系人:{_person(rng)} {rng.choice(('138', '139', '151', '186'))}{''.join(rng.choice('0123456789') for _ in range(8))}",
    ]
    if rng.random() < 0.5:
        lines.append("扫一扫关注" + portal.name + "微信公众号")
    draft.tail.extend(lines)
    return True


def _e_follow(rng, draft, portal):
    draft.tail.append(
        rng.choice(
            (
                "扫一扫关注我们",
                "点击蓝字关注我们",
                f"扫一扫关注{portal.name}",
                "分享到:微信 微博 QQ空间",
            )
        )
    )
    return True


def _e_caption(rng, draft, portal):
    subject = re.split(r"[\s:：!！,，]", draft.title)[0][:14] or "项目"
    line = rng.choice(
        (
            f"图为{subject}现场。{_person(rng)} 摄",
            "▲项目效果图",
            f"(图片来源:{draft.source})",
            "资料图",
        )
    )
    draft.paras.insert(min(1, len(draft.paras)), line)
    return True


def _can_cut(draft: Draft, n: int, lead: bool) -> bool:
    if len(draft.paras) <= n:
        return False
    rest = draft.paras[n:] if lead else draft.paras[:-n]
    return _chars(rest) >= 0.5 * draft.root_chars


def _e_cut_lead(rng, draft, portal):
    if not _can_cut(draft, 1, True):
        return False
    del draft.paras[0]
    return True


def _e_cut_tail(rng, draft, portal):
    n = rng.choice((1, 1, 2))
    if not _can_cut(draft, n, False):
        n = 1
        if not _can_cut(draft, n, False):
            return False
    del draft.paras[-n:]
    return True


def _e_punct_width(rng, draft, portal):
    text = "".join(draft.paras)
    conv = _narrow if sum(text.count(c) for c in PUNCT_HALF) > text.count(",") else _widen
    draft.title = conv(draft.title)
    draft.head = [conv(x) for x in draft.head]
    draft.paras = [conv(x) for x in draft.paras]
    return True


def _e_indent(rng, draft, portal):
    pad = rng.choice(("\u3000\u3000", "  ", "\u3000\u3000 ", "\xa0\xa0"))
    draft.paras = [pad + p.strip() for p in draft.paras]
    return True


def _e_move_para(rng, draft, portal):
    if len(draft.paras) < 3:
        return False
    i = rng.randrange(1, len(draft.paras))
    j = rng.choice([k for k in range(len(draft.paras)) if k != i])
    draft.paras.insert(j, draft.paras.pop(i))
    return True


def _e_split_para(rng, draft, portal):
    cands = []
    for i, p in enumerate(draft.paras):
        sents = [s for s in _SENT_END.split(p) if s]
        if len(sents) >= 2 and len(p) >= 60:
            cands.append((i, sents))
    if not cands:
        return False
    i, sents = rng.choice(cands)
    k = rng.randrange(1, len(sents))
    draft.paras[i : i + 1] = ["".join(sents[:k]), "".join(sents[k:])]
    return True


def _e_merge_paras(rng, draft, portal):
    if len(draft.paras) < 3:
        return False
    i = rng.randrange(len(draft.paras) - 1)
    draft.paras[i : i + 2] = [draft.paras[i] + draft.paras[i + 1]]
    return True


EDITS = {
    "title_prefix": (_e_title_prefix, 3),
    "title_site": (_e_title_site, 3),
    "title_rewrite": (_e_title_rewrite, 3),
    "footer_source": (_e_footer_source, 3),
    "footer_statement": (_e_footer_statement, 2),
    "footer_contact": (_e_footer_contact, 2),
    "footer_follow": (_e_follow, 1),
    "caption_added": (_e_caption, 1),
    "lead_cut": (_e_cut_lead, 2),
    "tail_cut": (_e_cut_tail, 2),
    "punct_width": (_e_punct_width, 2),
    "indent": (_e_indent, 2),
    "para_moved": (_e_move_para, 1),
    "para_split": (_e_split_para, 1),
    "paras_merged": (_e_merge_paras, 1),
}
TITLE_EDITS = ("title_prefix", "title_site", "title_rewrite")


def _apply_edits(rng: random.Random, draft: Draft, portal: Portal, n: int) -> None:
    names = list(EDITS)
    weights = [EDITS[k][1] for k in names]
    done: list[str] = []
    tries = 0
    while len(done) < n and tries < 30:
        tries += 1
        name = rng.choices(names, weights)[0]
        if name in done or (name in TITLE_EDITS and any(d in TITLE_EDITS for d in done)):
            continue
        if EDITS[name][0](rng, draft, portal):
            done.append(name)
    if portal.heavy:
        block = _heavy_block(portal.site)
        if not all(line in draft.tail for line in block):
            draft.tail.extend(block)
        done.append("site_boilerplate")
    draft.edits[:] = list(dict.fromkeys([*draft.edits, *done]))


def _delay(rng: random.Random) -> timedelta:
    r = rng.random()
    if r < 0.35:
        return timedelta(minutes=rng.randint(5, 180))
    if r < 0.75:
        return timedelta(hours=rng.randint(3, 48), minutes=rng.randint(0, 59))
    return timedelta(days=rng.randint(2, 10), hours=rng.randint(0, 23))


def _published(rng: random.Random, text: dict) -> datetime:
    hh, mm = rng.randint(7, 20), rng.randint(0, 59)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.get("published") or ""):
        y, m, d = map(int, text["published"].split("-"))
        return datetime(y, m, d, hh, mm, tzinfo=TZ)
    start = datetime(2016, 1, 1, tzinfo=TZ)
    return start + timedelta(days=rng.randrange(3600), hours=hh, minutes=mm)


def _copies_of(
    rng: random.Random,
    orig: Item,
    title: str,
    paras: list[str],
    footers: list[str],
    source: str,
    n_copies: int,
    kind: str,
) -> list[Item]:
    portals = [p for p in _portals() if p.site != orig.site]
    chosen = rng.sample(portals, min(n_copies, len(portals)))
    if rng.random() < 0.12:  # the same portal posts it twice (two channels)
        chosen.append(rng.choice(chosen))
    made: list[tuple[Item, Draft]] = []
    for j, portal in enumerate(chosen, 1):
        parent: tuple[Item, Draft] | None = None
        if made and rng.random() < 0.25:
            parent = rng.choice(made)  # a copy of a copy
        if parent:
            src = parent[1]
            draft = Draft(
                src.title,
                [*src.head],
                [*src.paras],
                [*src.tail],
                source,
                _chars(paras),
                [*src.edits],
            )
            n = rng.choice((1, 1, 2))
        else:
            draft = Draft(title, [], [*paras], [], source, _chars(paras), [])
            if footers:
                if rng.random() < 0.3:
                    draft.tail = [*footers]
                else:
                    draft.edits.append("footer_dropped")
            n = rng.choice((1, 2, 2, 3))
        _apply_edits(rng, draft, portal, n)
        base = parent[0].published_at if parent else orig.published_at
        item = Item(
            key=f"{orig.key}-c{j}",
            site=portal.site,
            title=draft.title.strip(),
            body=draft.body(),
            published_at=base + _delay(rng),
            story=orig.story,
            kind=kind,
            edits=tuple(draft.edits),
            source_key=parent[0].key if parent else orig.key,
            original_key=orig.key,
        )
        made.append((item, draft))
    return [m[0] for m in made]


# --------------------------------------------------------------------------- templates

CITY = "江临市"
ZONE = "云川经开区"
COMPANY_A = [
    "华鼎",
    "恒昌",
    "瑞丰",
    "金川",
    "博远",
    "宏泰",
    "中科",
    "天成",
    "鑫达",
    "联创",
    "正和",
    "嘉盛",
    "新元",
    "同力",
    "东升",
    "海纳",
    "凯旋",
    "众邦",
    "安泰",
    "永信",
]
COMPANY_B = [
    "精密机械",
    "新材料",
    "智能装备",
    "电子科技",
    "生物医药",
    "汽车零部件",
    "环保科技",
    "光电",
    "纺织",
    "食品",
    "化工",
    "信息技术",
]
PLACES = [
    "临江路以东、纬三路以南",
    "滨湖大道以西、经五路以北",
    "港城路与科创大道交叉口东北侧",
    "沿江工业园区纬八路以北",
    "高新区创业路以南、兴业路以东",
    "凤凰山路以西、规划支路以北",
]
PROJECTS = [
    "年产5万吨高性能纤维",
    "新能源汽车电驱系统",
    "高端医疗器械产业园",
    "半导体封装测试基地",
    "智能仓储物流中心",
    "光伏组件智能工厂",
    "生物医药中试平台",
    "精密模具产业园",
    "数据中心二期",
    "氢能装备制造",
]


def _r(rng: random.Random, lo: float, hi: float, nd: int = 1) -> str:
    return f"{rng.uniform(lo, hi):.{nd}f}"


def _companies(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        c = f"{CITY[:2]}{rng.choice(COMPANY_A)}{rng.choice(COMPANY_B)}有限公司"
        if c not in out:
            out.append(c)
    return out


def _t_output(rng, year: int, m: int):
    g = _r(rng, 4.0, 9.8)
    dirn, d = rng.choice(("加快", "回落")), _r(rng, 0.1, 1.6)
    title = f"{year}年1-{m}月全市规模以上工业增加值同比增长{g}%"
    when = (
        datetime(year, m + 1, rng.randint(12, 20), 10, 0, tzinfo=TZ)
        if m < 12
        else datetime(year + 1, 1, 18, 10, 0, tzinfo=TZ)
    )
    paras = [
        f"记者从市统计局获悉,{year}年1-{m}月,全市规模以上工业增加值同比增长{g}%,增速比1-{m - 1}月{dirn}{d}个百分点,高于全省平均水平{_r(rng, 0.2, 2.5)}个百分点。"
        if m > 2
        else f"记者从市统计局获悉,{year}年1-2月,全市规模以上工业增加值同比增长{g}%,实现良好开局,高于全省平均水平{_r(rng, 0.2, 2.5)}个百分点。",
        f"分三大门类看,采矿业增加值同比增长{_r(rng, -3, 6)}%,制造业增长{_r(rng, 4, 11)}%,电力、热力、燃气及水生产和供应业增长{_r(rng, 1, 9)}%。",
        f"分行业看,全市{rng.choice((31, 32, 33))}个工业大类行业中有{rng.randint(18, 28)}个行业增加值保持增长。其中,计算机、通信和其他电子设备制造业增长{_r(rng, 5, 20)}%,汽车制造业增长{_r(rng, -2, 15)}%,电气机械和器材制造业增长{_r(rng, 3, 14)}%。",
    ]
    if rng.random() < 0.5:
        paras.append(
            f"从产品产量看,集成电路产量增长{_r(rng, 5, 30)}%,新能源汽车产量增长{_r(rng, 10, 60)}%,太阳能电池产量增长{_r(rng, 5, 40)}%。"
        )
    return title, paras, when


def _t_list(rng, year: int, batch: int):
    n = rng.randint(6, 12)
    title = f"关于{year}年度{CITY}专精特新中小企业(第{batch}批)拟认定名单的公示"
    when = datetime(year, 3 * batch - rng.randint(0, 1), rng.randint(5, 25), 16, 30, tzinfo=TZ)
    end = when + timedelta(days=7)
    paras = [
        f"根据《{CITY}专精特新中小企业认定管理办法》,经企业自愿申报、县(市、区)推荐、专家评审等程序,拟认定{'、'.join(_companies(rng, 2))}等{n}家企业为{year}年度{CITY}专精特新中小企业(第{batch}批),现予以公示。",
        f"公示期为{when.month}月{when.day}日至{end.month}月{end.day}日。公示期间,如有异议,请以书面形式向市经济和信息化局反映,并提供必要的证明材料。",
        "联系电话:0573-89012345",
        f"附件:{year}年度{CITY}专精特新中小企业(第{batch}批)拟认定名单",
        " ".join(f"{i}.{c}" for i, c in enumerate(_companies(rng, n), 1)),
    ]
    return title, paras, when


def _t_start(rng, year: int, q: int):
    n, total = rng.randint(12, 45), _r(rng, 40, 260, 2)
    month = 3 * q - 2 + rng.randint(0, 1)
    title = f"{ZONE}{year}年第{'一二三四'[q - 1]}季度重点项目集中开工 总投资{total}亿元"
    when = datetime(year, month, rng.randint(3, 26), 17, 0, tzinfo=TZ)
    projs = rng.sample(PROJECTS, 3)
    paras = [
        f"{when.month}月{when.day}日,{ZONE}举行{year}年第{'一二三四'[q - 1]}季度重点项目集中开工活动。此次集中开工项目{n}个,总投资{total}亿元,年度计划投资{_r(rng, 10, 80, 2)}亿元。",
        f"开工项目涵盖新能源、新材料、高端装备制造等领域,其中10亿元以上项目{rng.randint(1, 9)}个。主要包括{projs[0]}项目、{projs[1]}项目、{projs[2]}项目等。",
        "下一步,经开区将持续优化营商环境,强化要素保障,全力推动项目早建成、早投产、早见效,为全区经济高质量发展注入强劲动能。",
    ]
    return title, paras, when


def _t_land(rng, year: int, batch: int):
    k = rng.randint(1, 4)
    title = f"{CITY}国有建设用地使用权挂牌出让公告({year}年第{batch}批)"
    when = datetime(year, min(12, batch + 1), rng.randint(1, 28), 9, 0, tzinfo=TZ)
    start = when + timedelta(days=20)
    paras = [
        f"经{CITY}人民政府批准,{CITY}自然资源和规划局决定以挂牌方式出让{k}幅地块的国有建设用地使用权。现将有关事项公告如下:",
        "一、挂牌出让地块的基本情况和规划指标要求",
    ]
    for i in range(1, k + 1):
        area = rng.randint(8000, 120000)
        price = round(area * rng.uniform(0.018, 0.035))
        paras.append(
            f"地块编号:JL{year}-{batch:02d}{i:02d},土地位置:{rng.choice(PLACES)},出让面积:{area}平方米,土地用途:工业用地,容积率:≥{rng.choice(('1.0', '1.2', '1.5', '2.0'))},出让年限:50年,起始价:{price}万元,竞买保证金:{round(price * 0.2)}万元。"
        )
    paras += [
        "二、中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买,申请人可以单独申请,也可以联合申请。",
        f"三、挂牌时间:{start.year}年{start.month}月{start.day}日9时至{(start + timedelta(days=10)).month}月{(start + timedelta(days=10)).day}日15时。",
        "联系电话:0573-89016688",
    ]
    return title, paras, when


def _t_invest(rng, year: int, m: int):
    g = _r(rng, -3.5, 12.0)
    title = (
        f"1-{m}月全区固定资产投资同比增长{g}%"
        if not g.startswith("-")
        else f"1-{m}月全区固定资产投资同比下降{g[1:]}%"
    )
    when = datetime(year, m + 1, rng.randint(10, 22), 11, 0, tzinfo=TZ)
    paras = [
        f"1-{m}月,{ZONE}完成固定资产投资{_r(rng, 30, 220, 2)}亿元,同比{'增长' if not g.startswith('-') else '下降'}{g.lstrip('-')}%。其中,工业投资{_r(rng, 10, 120, 2)}亿元,增长{_r(rng, 2, 25)}%;基础设施投资增长{_r(rng, -5, 15)}%。",
        f"从项目看,全区在库项目{rng.randint(120, 260)}个,其中新开工项目{rng.randint(10, 60)}个。",
    ]
    return title, paras, when


def _t_sign(rng, year: int, m: int):
    n, total = rng.randint(5, 30), _r(rng, 20, 300, 2)
    title = f"{m}月份{ZONE}新签约亿元以上项目{n}个 总投资{total}亿元"
    when = datetime(year, m, 28, 18, 0, tzinfo=TZ)
    paras = [
        f"{m}月份,{ZONE}新签约亿元以上项目{n}个,总投资{total}亿元,其中10亿元以上项目{rng.randint(0, 6)}个,外资项目{rng.randint(0, 4)}个。"
    ]
    if rng.random() < 0.5:
        paras.append(
            f"今年以来,全区累计签约亿元以上项目{n + rng.randint(20, 120)}个,完成年度目标任务的{rng.randint(30, 110)}%。"
        )
    return title, paras, when


def _t_trade(rng, year: int, m: int):
    total, g = _r(rng, 300, 2600), _r(rng, 1, 18)
    title = f"前{'一二三四五六七八九十'[m - 1] if m <= 10 else m}个月{CITY}外贸进出口总值{total}亿元 同比增长{g}%"
    when = datetime(year, m + 1, rng.randint(15, 25), 15, 0, tzinfo=TZ)
    paras = [
        f"据海关统计,今年前{m}个月,{CITY}外贸进出口总值{total}亿元,同比增长{g}%。其中,出口{_r(rng, 200, 1800)}亿元,增长{_r(rng, 0, 20)}%;进口{_r(rng, 80, 800)}亿元,增长{_r(rng, -8, 15)}%。",
        f"从贸易方式看,一般贸易进出口占全市外贸总值的{_r(rng, 60, 80)}%。民营企业进出口增长{_r(rng, 2, 22)}%,占比提升至{_r(rng, 60, 78)}%。机电产品出口增长{_r(rng, 1, 25)}%,劳动密集型产品出口{_r(rng, -6, 9)}%。",
        f"从市场看,对东盟进出口增长{_r(rng, 3, 30)}%,对欧盟进出口增长{_r(rng, -5, 12)}%,对“一带一路”沿线国家进出口增长{_r(rng, 2, 25)}%。",
    ]
    return title, paras, when


TEMPLATES = {
    # kind: (generator, site, [(year, month-or-batch), ...])
    "industrial_output": (
        _t_output,
        "tjj.jianglin.gov.cn",
        [(2024, m) for m in range(2, 13)] + [(2025, 2), (2025, 3)],
    ),
    "list_publicity": (
        _t_list,
        "jxj.jianglin.gov.cn",
        [(y, b) for y in (2023, 2024) for b in (1, 2, 3, 4)],
    ),
    "project_start": (
        _t_start,
        "ycjkq.gov.cn",
        [(y, q) for y in (2022, 2023, 2024) for q in (1, 2, 3, 4)][2:],
    ),
    "land_auction": (_t_land, "zrzy.jianglin.gov.cn", [(2025, b) for b in range(1, 9)]),
    "fixed_investment": (_t_invest, "ycjkq.gov.cn", [(2024, m) for m in range(2, 10)]),
    "signing_monthly": (_t_sign, "ycjkq.gov.cn", [(2024, m) for m in range(1, 9)]),
    "foreign_trade": (_t_trade, "tjj.jianglin.gov.cn", [(2023, m) for m in range(3, 11)]),
}
GOV_FOOTER = {
    "tjj.jianglin.gov.cn": [
        "主办:江临市统计局　承办:江临市大数据发展管理中心",
        "网站标识码:3304000021　浙ICP备05011234号　浙公网安备33040202000123号",
    ],
    "jxj.jianglin.gov.cn": [
        "主办:江临市经济和信息化局　网站标识码:3304000034",
        "地址:江临市行政中心2号楼　邮编:314000　电话:0573-89012345",
    ],
    "ycjkq.gov.cn": [
        "云川经济技术开发区管理委员会 主办",
        "网站标识码:3304000077　浙ICP备12034567号",
    ],
    "zrzy.jianglin.gov.cn": [
        "主办:江临市自然资源和规划局　网站标识码:3304000045",
        "浙ICP备05011234号-3　浙公网安备33040202000456号",
    ],
}
GOV_NAME = {
    "tjj.jianglin.gov.cn": "江临市统计局",
    "jxj.jianglin.gov.cn": "江临市经济和信息化局",
    "ycjkq.gov.cn": "云川经开区管委会",
    "zrzy.jianglin.gov.cn": "江临市自然资源和规划局",
}


# --------------------------------------------------------------------------- build


@lru_cache(maxsize=8)
def _build(seed: int) -> tuple[Item, ...]:
    rng = random.Random(seed)
    texts = list(_texts())
    by_id = {t["id"]: t for t in texts}
    items: list[Item] = []

    def paras_of(t: dict) -> list[str]:
        return [p for p in t["paragraphs"] if p.strip()]

    def base_item(
        t: dict, kind: str, site: str | None = None, extra_tail: list[str] | None = None
    ) -> Item:
        body = paras_of(t)
        if t["footers"] and rng.random() < 0.6:  # cleaner missed the outlet's own footer
            body = body + list(t["footers"])
        body = body + list(extra_tail or [])
        return Item(
            key=t["id"],
            site=site or urlparse(t["url"]).hostname or t["source"],
            title=t["title"],
            body="\n\n".join(body),
            published_at=_published(rng, t),
            story=f"s-{t['id']}",
            kind=kind,
        )

    # Natural copies (real re-publications).
    natural_ids = sorted(set(NATURAL_COPIES) | set(NATURAL_COPIES.values()))
    originals_of_natural: dict[str, Item] = {}
    for cid, oid in sorted(NATURAL_COPIES.items()):
        orig = base_item(by_id[oid], "original")
        copy = base_item(by_id[cid], "natural_copy")
        when = max(copy.published_at, orig.published_at + _delay(rng))
        copy = Item(
            copy.key, copy.site, copy.title, copy.body, when, orig.story, "natural_copy",
            ("natural",), orig.key, orig.key,
        )  # fmt: skip
        originals_of_natural[oid] = orig
        items += [orig, copy]

    # Originals with synthetic copies: include a good share of short texts.
    pool = [t for t in texts if t["id"] not in natural_ids]
    short = [t for t in pool if len(paras_of(t)) <= 2]
    longer = [t for t in pool if len(paras_of(t)) > 2]
    n_short = min(len(short), 22)
    chosen = rng.sample(short, n_short) + rng.sample(longer, N_ORIGINALS - n_short)
    chosen.sort(key=lambda t: t["id"])
    chosen_ids = {t["id"] for t in chosen}
    for t in chosen:
        orig = base_item(t, "original")
        n = rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
        items.append(orig)
        items += _copies_of(
            rng, orig, t["title"], paras_of(t), list(t["footers"]), t["source"], n, "copy"
        )

    # Distinct real texts; some published on the heavy-boilerplate portals.
    rest = [t for t in pool if t["id"] not in chosen_ids]
    heavy = [p for p in _portals() if p.heavy]
    picks = rng.sample(rest, N_BOILERPLATE_DISTINCT * len(heavy))
    heavy_of = {t["id"]: heavy[i % len(heavy)] for i, t in enumerate(picks)}
    for t in rest:
        portal = heavy_of.get(t["id"])
        if portal:
            items.append(
                base_item(t, "boilerplate_distinct", portal.site, _heavy_block(portal.site))
            )
        else:
            items.append(base_item(t, "distinct"))

    # Template notices: each month/batch its own story; some copied by portals.
    for kind, (gen, site, slots) in TEMPLATES.items():
        for year, n in slots:
            title, paras, when = gen(rng, year, n)
            key = f"tpl-{kind}-{year}-{n:02d}"
            tail = GOV_FOOTER[site] if rng.random() < 0.7 else []
            orig = Item(key, site, title, "\n\n".join(paras + tail), when, key, "template")
            items.append(orig)
            if rng.random() < 0.35:
                items += _copies_of(
                    rng,
                    orig,
                    title,
                    paras,
                    list(tail),
                    GOV_NAME[site],
                    rng.choice((1, 1, 2)),
                    "template_copy",
                )

    items.sort(key=lambda it: (it.published_at, it.key))
    return tuple(items)
