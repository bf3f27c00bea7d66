"""What the test layouts (pdf_layout, web_layout) share: walking a model in reading order and
flattening its inlines to the words a reader sees. Each layout says how a paragraph, an item, a
heading and a footnote are printed."""
from __future__ import annotations

from akn.model import DateRef, Event, Footnote, Inline, Item, Italic, Paragraph, Ref, Resolution, Section, Text


class Reprinter:
    def __init__(self, res: Resolution) -> None:
        self.res = res

    # what a layout decides
    def note(self, node: Footnote, before: str) -> str:
        """How a footnote stands in the text, given the text before it."""
        return ""

    def italic(self, text: str) -> str:
        """How italics print; extractions mostly lose them."""
        return text

    def paragraph(self, label: str | None, text: str) -> None:
        raise NotImplementedError

    def item(self, label: str, text: str) -> None:
        raise NotImplementedError

    def heading(self, text: str) -> None:
        raise NotImplementedError

    # what every layout does the same way
    def flat(self, inlines: list[Inline]) -> str:
        out: list[str] = []
        for node in inlines:
            if isinstance(node, (Text, DateRef, Event)):
                out.append(node.text)
            elif isinstance(node, Italic):
                out.append(self.italic(self.flat(node.children)))
            elif isinstance(node, Ref):
                out.append(self.flat(node.children))
            elif isinstance(node, Footnote):
                out.append(self.note(node, "".join(out)))
        return "".join(out)

    def items(self, items: list[Item]) -> None:
        for item in items:
            self.item(f"({item.num})", self.flat(item.children))
            self.items(item.items)

    def body(self, parts) -> None:
        for part in parts:
            if isinstance(part, Section):
                heading = self.flat(part.heading)
                self.heading(f"{part.num}. {heading}" if part.num else heading)
                self.body(part.children)
            elif isinstance(part, Paragraph):
                self.paragraph(f"{part.num}." if part.num else None, self.flat(part.children))
                self.items(part.items)
