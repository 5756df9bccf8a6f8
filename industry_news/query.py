"""The search query language, and what a query means: substrings of an article's title or body.

    锂电池 标准厂房        both words (AND)
    "招商 政策"            the phrase, as written
    -征求意见              not this word
    溧阳 OR 金坛 园区      (溧阳 or 金坛) and 园区

A word matches an article whose title or body holds it as a substring (ASCII letters in any
case). `expression` is the FTS5 query that finds the candidates (`fulltext`); when every term
is one run of letters and digits, the candidates are exactly the hits, else `matches` checks
each candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from industry_news import fulltext


class QueryError(ValueError):
    """A query that cannot be searched: the message says why, in one line."""


@dataclass(frozen=True)
class Term:
    text: str
    """As typed (a phrase without its quotes), lower-cased."""

    @property
    def runs(self) -> list[str]:
        return fulltext.runs(self.text)

    @property
    def exact(self) -> bool:
        """Whether the index finds exactly the texts holding it (one run of letters/digits)."""
        return self.runs == [self.text]

    def expression(self) -> str:
        return " AND ".join(fulltext.run_expression(run) for run in self.runs)

    def found_in(self, *texts: str) -> bool:
        return any(self.text in value for value in texts)


@dataclass(frozen=True)
class Query:
    """All of `groups` (each: any of its terms), none of `excluded`."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(term for group in self.groups for term in group)

    @property
    def exact(self) -> bool:
        """Whether the FTS5 expression finds exactly the hits (no check needed)."""
        return all(term.exact for term in (*self.terms, *self.excluded))

    def expression(self, column: str | None = None) -> str:
        """The FTS5 MATCH expression of the candidates; with `column`, of those whose column
        alone holds the wanted words (the exclusions still apply to the whole article)."""
        out = " AND ".join(
            "(" + " OR ".join(f"({term.expression()})" for term in group) + ")"
            for group in self.groups
        )
        if column is not None:
            out = f"({column} : ({out}))"
        # Only an exact exclusion can be left to the index: a loose one could drop hits.
        for term in self.excluded:
            if term.exact:
                out += f" NOT ({term.expression()})"
        return out

    def matches(self, title: str, body: str) -> bool:
        """The query's meaning: a plain substring test on the article's title and body."""
        title, body = title.lower(), body.lower()
        return all(any(t.found_in(title, body) for t in group) for group in self.groups) and (
            not any(t.found_in(title, body) for t in self.excluded)
        )


_TOKEN = re.compile(r'\s*(?:(-)?"([^"]*)"|(\S+))')


def parse(query: str) -> Query:
    """The query typed; QueryError for an empty one, an unbalanced quote, a query of only
    exclusions, or an OR with nothing on one side."""
    if query.count('"') % 2:
        raise QueryError('unbalanced quote: every " needs its closing "')
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    position = 0
    while position < len(query):
        found = _TOKEN.match(query, position)
        if found is None:  # only spaces remain
            break
        position = found.end()
        negated, phrase, word = found.groups()
        if word == "OR":
            if not groups or pending_or:
                raise QueryError("OR needs a word on each side")
            pending_or = True
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        value = (phrase if phrase is not None else word or "").strip().lower()
        if not value or not fulltext.runs(value):
            raise QueryError(f"nothing to search for in {found.group(0).strip()!r}")
        term = Term(value)
        if negated:
            if pending_or:
                raise QueryError("an excluded word cannot be one side of OR")
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    if pending_or:
        raise QueryError("OR needs a word on each side")
    if not groups:
        if excluded:
            raise QueryError("a query of only excluded words matches everything; add a word")
        raise QueryError("empty query: give a word to search for")
    return Query(tuple(tuple(group) for group in groups), tuple(excluded))
