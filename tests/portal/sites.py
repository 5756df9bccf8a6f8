"""Site identities: who a replayed portal is (archive key, name, host, furniture, boilerplate).

`LIYANG` is the original 溧阳厂房网 replay (model's module-level constants are its fields);
`WUXI` is a sister portal of the 021cf network (same engine and theme); `JINTAN_DEDE`,
`CZ_PHPCMS`, `YRD_WORDPRESS` and `JTKFQ_GOV` are portals of other CMSs, keyed by their host
name as the generic `portal` spider names a site. Hosts other than 021cf.cn ones are made up.

What editors paste into bodies (contact block, copied government footer, `pasted` blocks) is
boilerplate: the archive's body holds the genuine paragraphs only (model.body_text).
`network.network_replays` renders the six replays the acceptance crawl uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .network import Replay


@dataclass(frozen=True)
class Site:
    """One portal's identity and furniture."""

    key: str
    """The archive's `site` value (network spiders: their name; others: the host name)."""
    name: str
    """Display name (site title)."""
    host: str
    """Live base URL, e.g. "http://liyang.021cf.cn"."""
    category_names: tuple[str, ...]
    tag_names: tuple[str, ...]
    authors: tuple[str, ...]
    """Authors articles are drawn from (repeats weight the draw)."""
    contact_block: tuple[str, ...]
    """The contact block editors paste into articles."""
    copyright: str
    """The copyright statement the theme shows on article pages."""
    gov_footer: tuple[str, ...]
    """A government site's footer copied along with a story."""
    category_slugs: tuple[str, ...] = ()
    """Directory names/slugs of the categories (schemes whose paths use them)."""
    category_ids: tuple[int, ...] = ()
    """Category ids (default 1, 2, …)."""
    pasted: tuple[tuple[str, ...], ...] = ()
    """Further blocks editors paste after the text (source lines, 责任编辑, 转载 notices …)."""
    contact_qr: str | None = "/zb_users/upload/2023/05/202305121420361.jpg"
    """The WeChat QR code shown under the contact block (None: the block is plain text)."""
    icp: str = "苏ICP备18052236号-2"
    city: str = "溧阳"
    """Place word of keywords and taglines."""
    hotline: str = "400-0123-021"
    mobile: str = "13391219793"
    address: str = "溧阳市昆仑北路"
    region: str = "江苏省溧阳市"
    source: str = "溧阳日报"
    """The 来源 labelled on article pages of CMS markups."""
    tagline: str = "溧阳厂房出租 · 土地出售 · 招商政策"
    id_base: int = 7000
    """Article ids are id_base + 13·i + a small random step."""

    @property
    def netloc(self) -> str:
        """The host name (and port) of `host`."""
        return urlsplit(self.host).netloc

    def category_slug(self, k: int) -> str:
        return self.category_slugs[k] if k < len(self.category_slugs) else ""

    def category_id(self, k: int) -> int:
        return self.category_ids[k] if k < len(self.category_ids) else k + 1


# ---------------------------------------------------------------- the 021cf network

LIYANG = Site(
    key="liyang",
    name="溧阳厂房网",
    host="http://liyang.021cf.cn",
    category_names=("常州溧阳产业信息", "溧阳招商政策", "园区动态"),
    tag_names=("溧阳", "新能源", "厂房出租", "招商引资", "产业政策", "重大项目", "标准厂房"),
    authors=("admin", "admin", "admin", "admin", "葛毅明", "liyang021"),
    contact_block=(
        "葛毅明微信号",
        "产业招商/厂房土地租售:400 0123 021",
        "或微信/手机:13391219793",
        "请说明您的需求、用途、税收、公司、联系人、手机号,以便快速帮您对接资源。",
        "长按/扫一扫加葛毅明的微信号",
    ),
    copyright=(
        "版权声明：本文由溧阳厂房网发布，如需转载请注明出处。部份内容收集于网络，"
        "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
    ),
    gov_footer=(
        "主办:常州市人民政府办公室承办:常州市大数据管理局版权所有:常州市人民政府电子邮箱:br>",
        "地址: 常州市龙城大道1280号 (市行政中心)3号楼B座116室技术支持电线号",
    ),
)
"""溧阳厂房网: exactly the constants the replays were built on."""

WUXI_COPYRIGHT = (
    "版权声明:本文由网络蜘蛛自动收集于网络,如需转载请查明并注明出处,"
    "如有不妥之处请联系我们删除 400-0123-021 或 13391219793"
)
"""The copyright line of wuxi.021cf.cn exactly as its real pages show it."""

WUXI = Site(
    key="wuxi",
    name="无锡厂房网",  # the real display name is unknown: nothing may depend on it
    host="http://wuxi.021cf.cn",
    category_names=("无锡产业信息", "无锡招商政策", "锡山园区动态"),
    tag_names=("无锡", "集成电路", "厂房出租", "物联网", "产业政策", "生物医药", "标准厂房"),
    authors=("admin", "admin", "admin", "钱建国", "wuxi021"),
    contact_block=(
        "钱建国微信号",
        "产业招商/厂房土地租售:400 0123 021",
        "或微信/手机:13391219793",
        "请说明您的需求、用途、税收、公司、联系人、手机号,以便快速帮您对接资源。",
        "长按/扫一扫加钱建国的微信号",
    ),
    copyright=WUXI_COPYRIGHT,
    gov_footer=(
        "主办:无锡市人民政府办公室 承办:无锡市大数据管理局 版权所有:无锡市人民政府",
        "地址:无锡市观山路199号 网站标识码:3202000012 苏ICP备05011536号 技术支持电线号",
    ),
    pasted=(
        (WUXI_COPYRIGHT,),  # auto-collected stories carry the network's own notice, too
    ),
    contact_qr="/zb_users/upload/2023/06/202306091015222.jpg",
    icp="苏ICP备18052236号-6",
    city="无锡",
    address="无锡市梁溪区解放西路",
    region="江苏省无锡市",
    source="无锡日报",
    tagline="无锡厂房出租 · 土地出售 · 招商政策",
    id_base=3100,
)

# ---------------------------------------------------------------- portals of other CMSs

JINTAN_DEDE = Site(
    key="www.jtcfzs.cn",
    name="金坛厂房招商网",
    host="http://www.jtcfzs.cn",
    category_names=("招商政策", "园区新闻"),
    category_slugs=("zhengce", "yuanqu"),
    category_ids=(3, 5),
    tag_names=(),
    authors=("jtcf", "jtcf", "金坛招商", "小周"),
    contact_block=(
        "金坛厂房招商热线：0519-82208866",
        "联系人：周经理 13961422058（微信同号）",
        "欢迎来电咨询金坛标准厂房、土地、仓库租售信息！",
    ),
    copyright=(
        "声明：本站部分文章来源于网络，版权归原作者所有，如有侵权请联系我们删除。"
        "转载请注明来源：金坛厂房招商网 www.jtcfzs.cn"
    ),
    gov_footer=(
        "主办：常州市金坛区人民政府办公室 承办：常州市金坛区行政审批局",
        "网站标识码：3204130001 苏ICP备05009458号 苏公网安备 32041302000123号",
    ),
    pasted=(
        (
            "声明：本站部分文章来源于网络，版权归原作者所有，如有侵权请联系我们删除。"
            "转载请注明来源：金坛厂房招商网 www.jtcfzs.cn",
        ),
        ("（责任编辑：小周）",),
    ),
    contact_qr=None,
    icp="苏ICP备19033517号-1",
    city="金坛",
    hotline="0519-82208866",
    mobile="13961422058",
    address="常州市金坛区金城镇东门大街88号",
    region="江苏省常州市金坛区",
    source="金坛日报",
    tagline="金坛厂房出租 · 土地出售 · 招商政策",
    id_base=1200,
)
"""A DedeCMS portal (GBK, "cms" markup); carries stories of 溧阳厂房网 (see network)."""

CZ_PHPCMS = Site(
    key="www.czinvest.org.cn",
    name="常州投资促进网",
    host="http://www.czinvest.org.cn",
    category_names=("投资动态", "政策法规"),
    category_slugs=("tzdt", "zcfg"),
    category_ids=(9, 12),
    tag_names=(),
    authors=("常州投促中心", "tzcj", "tzcj", "王敏"),
    contact_block=(
        "咨询电话：0519-85681234 传真：0519-85681235",
        "电子邮箱：tzcj@czinvest.org.cn",
    ),
    copyright=("本网转载文章，版权归原作者所有。如涉及版权问题，请与本网联系：0519-85681234"),
    gov_footer=(
        "主办：常州市商务局 承办：常州市投资促进中心",
        "地址：常州市龙城大道1280号1号楼A座 邮编：213022 苏ICP备10212370号",
    ),
    pasted=(
        ("来源：常州日报",),
        ("（本网转载文章，版权归原作者所有。如涉及版权问题，请与本网联系：0519-85681234）",),
        ("【打印本页】 【关闭窗口】",),
    ),
    contact_qr=None,
    icp="苏ICP备10212370号-2",
    city="常州",
    hotline="0519-85681234",
    mobile="0519-85681235",
    address="常州市龙城大道1280号",
    region="江苏省常州市",
    source="常州投资促进中心",
    tagline="投资常州 · 共赢未来",
    id_base=560,
)
"""A PHPCMS v9 portal ("table" markup)."""

YRD_WORDPRESS = Site(
    key="www.yrdpark.com.cn",
    name="长三角园区观察",
    host="http://www.yrdpark.com.cn",
    category_names=("园区观察", "招商快讯"),
    category_slugs=("yuanqu", "zhaoshang"),
    tag_names=("长三角", "产业园区", "新能源", "招商引资", "标准厂房"),
    authors=("园区君", "园区君", "lisa", "编辑部"),
    contact_block=(
        "园区招商对接：021-64785231",
        "商务合作微信：yrdpark2019（添加请备注“招商”）",
    ),
    copyright="本文由 长三角园区观察 整理发布，转载请注明出处及本文链接。",
    gov_footer=(
        "主办单位：上海市松江区人民政府 承办单位：上海市松江区大数据中心",
        "网站标识码：3101170001 沪ICP备05017721号-1 沪公网安备 31011702000867号",
    ),
    pasted=(
        ("文章来源：中国开发区网",),
        (
            "声明：本文系转载，旨在传递更多信息，不代表本站观点。如涉及版权问题，"
            "请联系我们：021-64785231，我们将及时处理。",
        ),
    ),
    contact_qr=None,
    icp="沪ICP备20011846号-1",
    city="长三角",
    hotline="021-64785231",
    mobile="021-64785231",
    address="上海市松江区九亭镇",
    region="上海市松江区",
    source="长三角园区观察",
    tagline="长三角产业园区 · 招商 · 政策观察",
    id_base=1280,
)
"""A WordPress blog ("wordpress" markup): date permalinks, /?p= short links."""

JTKFQ_GOV = Site(
    key="www.jtkfq.gov.cn",
    name="常州金坛经济开发区",
    host="http://www.jtkfq.gov.cn",
    category_names=("园区动态", "招商引资"),
    category_slugs=("yqdt", "zsyz"),
    category_ids=(2731, 2735),
    tag_names=(),
    authors=("党政办", "经发局", "招商局", "张慧", "陈晓东"),
    contact_block=(
        "招商咨询电话：0519-82826000",
        "项目服务热线：0519-82826108",
    ),
    copyright=("版权所有：常州金坛经济开发区管理委员会 未经许可不得复制、转载或摘编，违者必究！"),
    gov_footer=(
        "主办单位：常州市金坛区人民政府办公室 承办单位：常州市金坛区大数据管理中心",
        "网站标识码：3204130012 苏ICP备13044112号-1 苏公网安备 32041302000456号",
    ),
    pasted=(
        ("来源：金坛区融媒体中心",),
        ("（责任编辑：王丽）",),
        ("【打印本页】 【关闭窗口】",),
    ),
    contact_qr=None,
    icp="苏ICP备13044112号-2",
    city="金坛",
    hotline="0519-82826000",
    mobile="0519-82826108",
    address="常州市金坛区汇福路1号",
    region="江苏省常州市金坛区",
    source="常州金坛经济开发区",
    tagline="",
    id_base=4521000,
)
"""A government portal on TRS WCM ("gov" markup): columns, 发布日期/来源 bar, 相关链接."""

JURONG_INHOUSE = Site(
    key="zs.jrkfq.cn",
    name="句容经济开发区招商网",
    host="http://zs.jrkfq.cn",
    category_names=("园区动态", "招商引资"),
    category_slugs=("yqdt", "zsyz"),
    category_ids=(21, 22),
    tag_names=(),
    authors=("招商局", "招商局", "管委会办公室", "刘晓燕", "综合服务局"),
    contact_block=(
        "句容经济开发区招商局 招商热线：0511-87289999 87281688",
        "传真：0511-87289988 联系人：刘科长 13815169728",
        "地址：句容市华阳北路1号开发区管委会大楼3楼",
    ),
    copyright="版权所有：句容经济开发区管理委员会 未经书面许可，不得转载、摘编或建立镜像",
    gov_footer=(
        "主办：镇江市人民政府办公室 承办：镇江市大数据管理局",
        "网站标识码：3211000001 苏ICP备05004823号 苏公网安备 32110202000113号",
    ),
    pasted=(
        ("来源：句容日报",),
        ("（责任编辑：陈露）",),
        ("转载请注明出处：句容经济开发区招商网（zs.jrkfq.cn），违者必究！",),
        ("【打印此页】 【关闭窗口】",),
    ),
    contact_qr=None,
    icp="苏ICP备12046318号-1",
    city="句容",
    hotline="0511-87289999",
    mobile="13815169728",
    address="句容市华阳北路1号",
    region="江苏省镇江市句容市",
    source="句容经济开发区",
    tagline="",
    id_base=3260,
)
"""An in-house ASP.NET site of a development zone's 招商局 ("inhouse" markup, INHOUSE scheme):
the generic spider meets URLs of no known CMS. Not among SITES (the six network replays)."""

SITES: dict[str, Site] = {
    s.key: s for s in (LIYANG, WUXI, JINTAN_DEDE, CZ_PHPCMS, YRD_WORDPRESS, JTKFQ_GOV)
}


def network_replays(rendered_at: datetime) -> list[Replay]:
    """The six replays of the acceptance crawl: see `network.network_replays`."""
    from .network import network_replays as replays

    return replays(rendered_at)
