"""A tiny DOM for tests: parse HTML with the standard library and walk elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "link", "img", "hr", "input"}


@dataclass
class Node:
    """One element: tag, attributes and children (nodes or text)."""

    tag: str
    attrs: dict[str, str]
    children: list["Node | str"] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        """The element's class names."""
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """Text content, like the DOM's ``textContent``."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> list["Node"]:
        """This element and every element below it, in document order."""
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found.extend(child.walk())
        return found

    def find_all(self, cls: str) -> list["Node"]:
        """Elements carrying class ``cls``."""
        return [n for n in self.walk() if cls in n.classes]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert len(self.stack) > 1 and self.stack[-1].tag == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """Parse ``html``; fail on any unbalanced end tag or unclosed element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed <{builder.stack[-1].tag}>"
    return builder.root


def entity_marks(root: Node) -> dict[tuple[int, int, str], str]:
    """``(start, end, label) -> text`` of every highlighted entity, its pieces joined."""
    marks: dict[tuple[int, int, str], str] = {}
    for node in root.find_all("fx-ent"):
        if "data-start" not in node.attrs:
            continue
        key = (int(node.attrs["data-start"]), int(node.attrs["data-end"]), node.attrs["data-label"])
        assert f"fx-ent-{key[2]}" in node.classes
        marks[key] = marks.get(key, "") + node.text()
    return marks
