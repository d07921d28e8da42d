"""Page regions of HTML elements: main content, site chrome, user comments and hidden text, from
tags, ARIA roles, common class and id names, and the `html:` configuration's simple selectors."""

from __future__ import annotations

from dataclasses import dataclass

from copylint.core.models import HtmlOptions
from copylint.core.regexcache import rx

CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
CHROME_ROLES = frozenset({"banner", "navigation", "contentinfo", "complementary", "search"})
MAIN_TAGS = frozenset({"main", "article"})
# Words of class and id names that mark site chrome ("site-nav", "sidebar", "related-posts" ...).
CHROME_WORDS = frozenset({
    "menu", "nav", "navbar", "navigation", "sidebar", "widget", "widgets", "related", "breadcrumb",
    "breadcrumbs", "cookie", "cookies", "masthead", "topbar", "share", "sharing", "social",
    "skiplink", "announcementbar", "screenreadertext",
})
# Whole class or id names that mark chrome (a word such as "header" alone is too common:
# WordPress calls an article's own title block "entry-header").
CHROME_NAMES = frozenset({"header", "footer", "site-header", "site-footer", "page-footer", "colophon"})
COMMENT_NAMES = frozenset({
    "comments", "comment-list", "commentlist", "comments-area", "comment-respond", "respond",
    "disqus_thread", "comment-section", "user-comments",
})
_NAME_WORDS = rx(r"[A-Za-z0-9]+")
_HIDDEN_STYLE = rx(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)")
# Class names that describe a page's layout rather than mark a region ("has-sidebar", "no-nav").
_LAYOUT_PREFIX = ("has-", "no-", "with-", "without-", "is-", "show-", "hide-")
NEVER_BY_NAME = frozenset({"html", "body", "main", "article"})
_SELECTOR = rx(
    r"^(?P<tag>[A-Za-z][A-Za-z0-9-]*|\*)?(?P<rest>(?:[.#][A-Za-z0-9_-]+|\[[A-Za-z_:][-A-Za-z0-9_:.]*"
    r"(?:=(?:\"[^\"]*\"|'[^']*'|[^\]\"']*))?\])*)$"
)
_PART = rx(r"\.(?P<cls>[A-Za-z0-9_-]+)|#(?P<id>[A-Za-z0-9_-]+)|\[(?P<attr>[^=\]]+)(?:=(?P<value>[^\]]*))?\]")


@dataclass(frozen=True)
class Selector:
    """A compound CSS selector for one element: tag, classes, id and attributes."""

    tag: str | None
    classes: frozenset[str]
    ids: frozenset[str]
    attrs: tuple[tuple[str, str | None], ...]

    def matches(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if self.tag is not None and self.tag != tag:
            return False
        classes = set((attrs.get("class") or "").split())
        if not self.classes <= classes:
            return False
        if self.ids and attrs.get("id") not in self.ids:
            return False
        return all(name in attrs and (value is None or attrs[name] == value) for name, value in self.attrs)


def parse_selector(text: str) -> Selector:
    """A simple selector such as `div.popup`, `#comments`, `[data-nosnippet]`; ValueError for
    combinators and pseudo-classes, which are not supported."""
    m = _SELECTOR.match(text.strip())
    if not m or not text.strip():
        raise ValueError(f"{text!r} is not a simple selector (tag, .class, #id, [attr] or [attr=value], "
                         "without spaces or combinators)")
    tag = m.group("tag")
    classes, ids, attrs = set(), set(), []
    for part in _PART.finditer(m.group("rest")):
        if part.group("cls"):
            classes.add(part.group("cls"))
        elif part.group("id"):
            ids.add(part.group("id"))
        else:
            value = part.group("value")
            attrs.append((part.group("attr").lower(), value.strip("\"'") if value is not None else None))
    return Selector(None if tag in (None, "*") else tag.lower(), frozenset(classes), frozenset(ids), tuple(attrs))


@dataclass(frozen=True)
class RegionRules:
    """The compiled `html:` options."""

    skip: tuple[Selector, ...] = ()
    chrome: tuple[Selector, ...] = ()
    lint_comments: bool = False

    @classmethod
    def from_options(cls, options: HtmlOptions | None) -> "RegionRules":
        if options is None:
            return cls()
        return cls(tuple(parse_selector(s) for s in options.skip), tuple(parse_selector(s) for s in options.chrome),
                   options.comments == "lint")


def _names(attrs: dict[str, str | None]) -> list[str]:
    return [n.lower() for n in (attrs.get("class") or "").split()] + ([attrs["id"].lower()] if attrs.get("id") else [])


def is_hidden(tag: str, attrs: dict[str, str | None], rules: RegionRules) -> bool:
    """Text a reader never sees: `hidden`, aria-hidden, inline display:none, <template>, or a
    `skip` selector of the configuration."""
    if tag == "template" or "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style.lower()):
        return True
    return any(s.matches(tag, attrs) for s in rules.skip)


def element_region(tag: str, attrs: dict[str, str | None], in_main: bool, rules: RegionRules) -> str | None:
    """The region an element opens ("main", "chrome", "comments"), or None when it inherits its
    parent's. Header, footer and aside inside an article or <main> are part of the content."""
    names = _names(attrs)
    if tag not in ("html", "body") and any(n in COMMENT_NAMES for n in names):
        return "comments"
    if any(s.matches(tag, attrs) for s in rules.chrome):
        return "chrome"
    role = (attrs.get("role") or "").strip().lower()
    if role == "main" or tag in MAIN_TAGS:
        return "main"
    if role in CHROME_ROLES:
        return "chrome"
    if tag in CHROME_TAGS and not in_main:
        return "chrome"
    if tag not in NEVER_BY_NAME and any(_chrome_name(n) for n in names):
        return "chrome"
    return None


def _chrome_name(name: str) -> bool:
    if name in CHROME_NAMES:
        return True
    if name.startswith(_LAYOUT_PREFIX):
        return False
    words = _NAME_WORDS.findall(name)
    joined = ["".join(words[i:i + 3]) for i in range(len(words))]  # "top-bar", "skip-link"
    return any(w in CHROME_WORDS for w in words + joined)
