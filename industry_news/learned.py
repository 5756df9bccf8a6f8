"""Learn a site's boilerplate from its archive: paragraphs repeated across many articles.

Defaults: a paragraph is learned when it appears in at least
``max(DEFAULT_MIN_ARTICLES, ceil(DEFAULT_MIN_SHARE × articles))`` distinct articles. Syndicated
text is quoted by two or three articles, so five articles is the floor, which also stops a
small archive from learning anything it has seen only a couple of times. A site's own block
(an advertisement, a contact block no rule knows) rides on a large share of its pages; 10 % is
half of the 20 % such blocks were seen at, so a block is still caught when it was pasted in only
part of the time, while a 60-article archive needs 6 articles and a 1,000-article one 100.

Keys shorter than ``MIN_KEY_CHARS`` are never learned: short lines that recur genuinely across
policy articles are section headings (一、总体要求, 二、主要任务, 附件), not boilerplate.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from industry_news.cleaning import normalise

DEFAULT_MIN_SHARE = 0.1
DEFAULT_MIN_ARTICLES = 5
MIN_KEY_CHARS = 8


def learn_boilerplate(
    bodies: Iterable[Sequence[str]],
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    min_articles: int = DEFAULT_MIN_ARTICLES,
) -> dict[str, int]:
    """Normalised key → number of distinct articles carrying it, for repeated paragraphs.

    Each body is one article's paragraphs; a paragraph counts once per article.
    """
    counts: Counter[str] = Counter()
    articles = 0
    for body in bodies:
        articles += 1
        counts.update({key for key in map(normalise, body) if len(key) >= MIN_KEY_CHARS})
    threshold = max(min_articles, math.ceil(round(min_share * articles, 9)))
    return {key: n for key, n in counts.items() if n >= threshold}
