"""The article text of an HTML page: navigation, scripts and boilerplate dropped (stdlib only).

A small tree is built with :class:`html.parser.HTMLParser`, obvious non-content
(``<script>``, ``<nav>``, elements whose class says menu/footer/share …) is pruned, and the
element holding the most paragraph text is taken as the article, in the manner of
"readability" tools. Block elements become line breaks; entities are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reportdiff.core.sources.blocks import TextBlock, group_by_spacers, join_blocks

#: Elements whose content is never article text.
DROP_TAGS = frozenset(
    "script style noscript template svg math canvas iframe object embed form button select "
    "textarea input nav aside footer head title".split()
)
#: Elements that start a new line.
BLOCK_TAGS = frozenset(
    "address article blockquote center dd details dialog div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 header hgroup hr li main ol p pre section summary table tbody "
    "thead tfoot tr ul caption".split()
)
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
#: Words in a class or id that mark page furniture rather than the article.
BOILERPLATE_WORDS = frozenset(
    "nav navbar navigation menu footer sidebar breadcrumb breadcrumbs crumb crumbs share "
    "social comment comments copyright toolbar advert ads banner related recommend login "
    "pager pagination qrcode ewm".split()
)
BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
#: Paragraph-like elements whose text is evidence for the container around them.
_PARAGRAPH_TAGS = frozenset(
    "p pre blockquote li td dd div section article h2 h3 h4 font span".split()
)

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A line break in the HTML source next to a Han character is not a space: editors break
# long Chinese lines anywhere (年,\n也是), and a browser showing "年, 也是" looks wrong.
_CJK_BREAK = re.compile(
    rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*|[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])"
)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_WORDS = re.compile(r"[a-z0-9]+")


class _Node:
    """An element: tag, attributes, children (nodes or text) and parent."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent


class _TreeBuilder(HTMLParser):
    """Builds a forgiving tree: unknown end tags are ignored, unclosed ones closed late."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # An open <p> ends where another block starts (as browsers do).
        if tag in BLOCK_TAGS and self.stack[-1].tag == "p":
            self.stack.pop()
        node = _Node(tag, {k: (v or "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: (v or "") for k, v in attrs}, self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def html_to_text(html: str) -> str:
    """The article text of an HTML page.

    Args:
        html: The decoded page.

    Returns:
        One block per block element (``<p>``, ``<h2>``, ``<div>`` …) with a blank line
        between blocks; ``<br>`` breaks a line inside a block; list items and table rows
        (cells separated by a tab) sit on consecutive lines. Entities are decoded.
        ``""`` if the page has no visible text.
    """
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    root = builder.root
    page_title = _page_title(root)
    _prune(root)
    article = _best_container(root)
    blocks = group_by_spacers(_render(article))
    title = _title_before(root, article) or page_title
    if title and title not in [b.text for b in blocks[:3]]:
        blocks.insert(0, TextBlock(title))
    return join_blocks(blocks)


def _is_boilerplate(node: _Node) -> bool:
    if node.tag in DROP_TAGS:
        return True
    attrs = node.attrs
    if "hidden" in attrs or re.search(r"display\s*:\s*none", attrs.get("style", ""), re.IGNORECASE):
        return True
    if attrs.get("role", "").lower() in BOILERPLATE_ROLES:
        return True
    words = set(_WORDS.findall((attrs.get("class", "") + " " + attrs.get("id", "")).lower()))
    return bool(words & BOILERPLATE_WORDS)


def _prune(root: _Node) -> None:
    """Remove page furniture in place (iteratively: pages can nest thousands deep)."""
    todo = [root]
    while todo:
        node = todo.pop()
        kept: list[_Node | str] = []
        for child in node.children:
            if isinstance(child, _Node):
                if _is_boilerplate(child) or (child.tag == "header" and not _inside_article(child)):
                    continue
                todo.append(child)
            kept.append(child)
        node.children = kept


def _inside_article(node: _Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def _elements(root: _Node) -> list[_Node]:
    """Every element under ``root`` in document order (pre-order), ``root`` first."""
    out: list[_Node] = []
    todo = [root]
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(c for c in reversed(node.children) if isinstance(c, _Node))
    return out


def _own_text_lens(elements: list[_Node]) -> dict[int, int]:
    """For each element (by id): length of the text directly in it or its inline children,
    links excluded.

    One bottom-up pass over ``elements`` (in document order, so children come after their
    parent): counting each element's subtree anew made 20,000 nested ``<span>`` take 80 s.
    """
    lengths: dict[int, int] = {}
    for node in reversed(elements):
        total = 0
        for child in node.children:
            if isinstance(child, str):
                total += len(child.strip())
            elif child.tag != "a" and child.tag not in BLOCK_TAGS:
                total += lengths.get(id(child), 0)
        lengths[id(node)] = total
    return lengths


def _best_container(root: _Node) -> _Node:
    """The element that holds most paragraph text (credit to parent, half to grandparent)."""
    scores: dict[int, float] = {}
    elements = _elements(root)
    own_lengths = _own_text_lens(elements)
    for node in elements:
        if node.tag not in _PARAGRAPH_TAGS:
            continue
        length = own_lengths[id(node)]
        if length < 10:
            continue
        parent = node.parent
        if node.tag in ("div", "td", "section", "article"):
            # Text straight in a div (paragraphs split by <br>) is the div's own article.
            scores[id(node)] = scores.get(id(node), 0.0) + length
        if parent is not None:
            scores[id(parent)] = scores.get(id(parent), 0.0) + length
            if parent.parent is not None:
                scores[id(parent.parent)] = scores.get(id(parent.parent), 0.0) + length / 2
    best, best_score = root, 0.0
    for node in elements:
        score = scores.get(id(node), 0.0)
        if score > best_score:
            best, best_score = node, score
    return best


_BREAK = ("break",)
_ITEM_END = ("item",)
_TAB = ("tab",)
_ITEM_START = ("item-start",)
_HEADING_END = ("heading",)
_SPACER = ("spacer",)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements whose content is one list item or table row: tight against its neighbours.
_ITEM_TAGS = frozenset({"li", "tr", "dt", "dd"})


def _render(node: _Node) -> list[TextBlock]:
    """The visible text of ``node`` as blocks: block elements end a block, ``<br>`` a line."""
    parts: list[str | tuple[str]] = []
    shown = _shows_something(node)
    # A stack of pending work: a node to open, a string to emit, or a break marker.
    todo: list[_Node | str | tuple[str]] = [node]
    while todo:
        item = todo.pop()
        if item is _TAB:
            parts.append("\t")
        elif isinstance(item, tuple):
            parts.append(item)
        elif isinstance(item, str):
            parts.append(_inline(item))
        elif item.tag == "br":
            parts.append("\n")
        elif item.tag == "pre":
            parts.extend([_BREAK, _pre_text(item), _BREAK])
        else:
            if item.tag in ("p", "div") and not shown[id(item)]:
                # <p>&nbsp;</p> or <p><br></p>: spacing the author typed (see group_by_spacers).
                parts.append(_SPACER)
                continue
            if item.tag in _ITEM_TAGS:
                parts.append(_ITEM_START)
                todo.append(_ITEM_END)
            elif item.tag in _HEADING_TAGS:
                parts.append(_BREAK)
                todo.append(_HEADING_END)
            elif item.tag in BLOCK_TAGS:
                parts.append(_BREAK)
                todo.append(_BREAK)
            elif item.tag in ("td", "th"):
                todo.append(_TAB)
            todo.extend(reversed(item.children))
    blocks: list[TextBlock] = []
    buffer: list[str] = []
    new_group = True
    for part in [*parts, _BREAK]:
        if isinstance(part, str):
            buffer.append(part)
            continue
        text = _tidy("".join(buffer))
        buffer = []
        if text:
            blocks.append(
                TextBlock(
                    text,
                    item=part is _ITEM_END,
                    new_group=new_group,
                    heading=part is _HEADING_END,
                )
            )
            new_group = False
        if part is _SPACER:
            blocks.append(TextBlock(""))
        if part is _BREAK or part is _HEADING_END or part is _SPACER:
            # A block element's edge: whatever list or table comes next is a new one.
            new_group = True
    return blocks


def _shows_something(root: _Node) -> dict[int, bool]:
    """For each element under ``root`` (by id): whether it shows anything, i.e. is not only
    whitespace, &nbsp; or <br>. One bottom-up pass, linear however deep the nesting."""
    shows: dict[int, bool] = {}
    for item in reversed(_elements(root)):
        shows[id(item)] = item.tag in ("img", "table", "hr") or any(
            (c.strip() if isinstance(c, str) else shows[id(c)]) for c in item.children
        )
    return shows


def _tidy(text: str) -> str:
    """Strip each line and each tab-separated cell; drop empty lines and cells."""
    lines = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


def _inline(text: str) -> str:
    text = _CJK_BREAK.sub("", text)
    return _SPACES.sub(" ", text)


def _pre_text(node: _Node) -> str:
    out: list[str] = []
    todo: list[_Node | str] = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.append(item)
        elif item.tag == "br":
            out.append("\n")
        else:
            todo.extend(reversed(item.children))
    return "".join(out).strip("\n")


def _page_title(root: _Node) -> str | None:
    """The report's name from ``<title>``, without the site name after ``_`` or ``-``.

    ``<title>2024年政府工作报告_上海市人民政府</title>`` → 2024年政府工作报告. Used only when
    no headline stands above the article, and only if it names a 报告.
    """
    for node in _elements(root):
        if node.tag == "title":
            text = " ".join(c for c in node.children if isinstance(c, str)).strip()
            name = re.split(r"\s*(?:_|\||-{1,2}|—|–)\s*", text)[0].strip()
            return name if "报告" in name and len(name) <= 80 else None
    return None


def _title_before(root: _Node, article: _Node) -> str | None:
    """The page's headline when it stands outside the article element (common on CMS pages).

    Chinese government sites print the title in an ``<h1>`` or a ``class="…title…"`` div
    above the body container; the body alone would lose it (and with it the region/year).
    """
    if article is root:
        return None
    inside = {id(n) for n in _elements(article)}
    title: str | None = None
    for node in _elements(root):
        if id(node) == id(article):
            break
        if id(node) in inside:
            continue
        words = set(
            _WORDS.findall((node.attrs.get("class", "") + " " + node.attrs.get("id", "")).lower())
        )
        if node.tag == "h1" or (node.tag in ("h2", "div", "p") and "title" in words):
            text = " ".join(b.text for b in _render(node)).replace("\n", " ").strip()
            if text and len(text) <= 80 and re.search(f"[{_CJK}]", text):
                title = text
    return title
