"""HTML view: escaped, well formed, every entity highlighted."""

from html.parser import HTMLParser

import finextract
from finextract.outputs.html import page_html


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.labels: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag not in {"meta", "br"}:
            self.stack.append(tag)
        label = dict(attrs).get("data-label")
        if label:
            self.labels.append(label)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()


def test_html_is_balanced_escaped_and_highlights_entities() -> None:
    doc = finextract.extract("<script>x</script>工商銀行董事長易會滿說，壞賬率不超過0.3%。\n熱門推薦")
    html = doc.to_html()
    assert "<script>x" not in html and "&lt;script&gt;" in html
    checker = _Checker()
    checker.feed(page_html(doc))
    assert checker.stack == []
    assert sorted(checker.labels) == sorted(e.label for e in doc.entities)
    assert "fx-chrome" in html and "fx-fig" in html
    assert doc._repr_html_() == html
