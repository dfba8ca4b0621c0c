"""Reads .docx files with python-docx, the way an independent client would, and prints JSON.

Usage: python3 read_docx.py FILE.docx [FILE.docx ...]
Prints {"FILE.docx": {"headings": [...], "blocks": [...], "headers": [...], "footers": [...]}, ...}
- headings: {"style", "text"} of every body paragraph whose style name starts with "Heading" (or is "Title")
- blocks: the body in document order: a paragraph's text, or a table row's cells joined with " | "
  (a merged cell once); paragraphs keep their style as a prefix: "# " Heading 1, "## " Heading 2 ...
- headers, footers: the text of every section's header and footer paragraphs
"""
import json
import sys

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def style_name(paragraph):
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return ""


def paragraph_text(paragraph):
    """Like python-docx's Paragraph.text, but with the runs inside hyperlinks, fields and content controls."""
    parts = []
    for el in paragraph._p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "tab":
            parent = el.getparent()
            if parent is not None and parent.tag == W + "r":
                parts.append("\t")
        elif el.tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def paragraph_block(paragraph, headings):
    text = paragraph_text(paragraph)
    name = style_name(paragraph)
    if name.startswith("Heading") or name == "Title":
        headings.append({"style": name, "text": text})
        level = name[len("Heading"):].strip() if name.startswith("Heading") else ""
        prefix = "#" * int(level) if level.isdigit() else "="
        return prefix + " " + text
    return text


def cell_text(cell_element, parent):
    cell = _Cell(cell_element, parent)
    parts = []
    for child in cell_element.iterchildren():
        if child.tag == W + "p":
            parts.append(paragraph_text(Paragraph(child, cell)))
        elif child.tag == W + "tbl":
            parts.extend(" / ".join(row) for row in table_rows(Table(child, cell)))
    return "\n".join(p for p in parts if p)


def table_rows(table):
    rows = []
    for tr in table._tbl.tr_lst:
        rows.append([cell_text(tc, table) for tc in tr.tc_lst])
    return rows


def read(path):
    document = docx.Document(path)
    headings = []
    blocks = []
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            blocks.append(paragraph_block(Paragraph(child, document), headings))
        elif child.tag == W + "tbl":
            for row in table_rows(Table(child, document)):
                blocks.append(" | ".join(row))
    headers, footers = [], []
    for section in document.sections:
        headers.extend(paragraph_text(p) for p in section.header.paragraphs)
        footers.extend(paragraph_text(p) for p in section.footer.paragraphs)
    return {"headings": headings, "blocks": blocks, "headers": headers, "footers": footers}


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    out = {path: read(path) for path in sys.argv[1:]}
    sys.stdout.write(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
