"""PDFs made on the spot for the tests: a scan (an image, no text), a text PDF that is no
resolution, an encrypted copy, a cut copy. Real resolutions are in tests/data/pdf."""
from __future__ import annotations

import ctypes
import io
from pathlib import Path

PDFS = Path(__file__).parent / "data" / "pdf"


def _saved(pdf) -> bytes:
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def scanned_pdf() -> bytes:
    """The first page of a real resolution as a picture only, as a scanner makes it."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(PDFS / "A_RES_80_1.pdf")
    bitmap = source[0].render(scale=0.5)
    out = pdfium.PdfDocument.new()
    page = out.new_page(612, 792)
    image = pdfium.PdfImage.new(out)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(612, 792))
    page.insert_obj(image)
    page.gen_content()
    return _saved(out)


def text_pdf(lines: list[str | tuple[float, str]]) -> bytes:
    """A one-page PDF printing ``lines`` in Helvetica, untagged; a line given as ``(x, text)``
    starts ``x`` points from the left edge (else 72)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = pdfium.PdfDocument.new()
    page = out.new_page(612, 792)
    for k, line in enumerate(lines):
        x, line = line if isinstance(line, tuple) else (72, line)
        obj = raw.FPDFPageObj_NewTextObj(out.raw, b"Helvetica", 12.0)
        text = (line + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(text), ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, 700 - 16 * k)
        raw.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    return _saved(out)


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(PDFS / "A_RES_80_1.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file from its numbered objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _tagged_page(content: bytes, tree_root: bytes) -> list[bytes]:
    """Objects 1-6 of a one-page tagged PDF: catalog, pages, page, its content, Helvetica, and
    ``tree_root`` (object 6); the structure elements follow from object 7."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> /StructParents 0 >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        tree_root,
    ]


def deeply_tagged_pdf(depth: int) -> bytes:
    """A tagged PDF whose structure tree nests ``depth`` elements, one inside the other."""
    content = b"BT /F1 12 Tf 72 700 Td /P <</MCID 0>> BDC (The General Assembly,) Tj EMC ET"
    objects = _tagged_page(content, b"<< /Type /StructTreeRoot /K 7 0 R >>")
    first = len(objects) + 1
    for k in range(depth):
        kid = b"%d 0 R" % (first + k + 1) if k + 1 < depth else b"<< /Type /MCR /Pg 3 0 R /MCID 0 >>"
        objects.append(b"<< /Type /StructElem /S /Div /P %d 0 R /Pg 3 0 R /K %s >>" % (first + k - 1 if k else 6, kid))
    return _pdf(objects)


def tagged_list_pdf() -> bytes:
    """A tagged PDF with one list item: its label "(a)" and its body, each its own marked content,
    under L > LI > Lbl, LBody, as the official PDFs tag a lettered sub-paragraph."""
    content = (b"BT /F1 12 Tf 72 700 Td /Lbl <</MCID 0>> BDC ((a)) Tj EMC ET "
               b"BT /F1 12 Tf 108 700 Td /LBody <</MCID 1>> BDC (Agrees to the item;) Tj EMC ET")
    objects = [
        *_tagged_page(content, b"<< /Type /StructTreeRoot /K 7 0 R /ParentTree << /Nums [0 [9 0 R 10 0 R]] >> >>"),
        b"<< /Type /StructElem /S /L /P 6 0 R /K 8 0 R >>",
        b"<< /Type /StructElem /S /LI /P 7 0 R /K [9 0 R 10 0 R] >>",
        b"<< /Type /StructElem /S /Lbl /P 8 0 R /Pg 3 0 R /K 0 >>",
        b"<< /Type /StructElem /S /LBody /P 8 0 R /Pg 3 0 R /K 1 >>",
    ]
    return _pdf(objects)


def content_bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose compressed content stream inflates to ``megabytes`` of operators."""
    import zlib

    stream = zlib.compress(b"0 0 m " * (megabytes * 1024 * 1024 // 6), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return _pdf(objects)


def positioned_pdf(items: list[tuple]) -> bytes:
    """A one-page untagged PDF printing each ``(x, y, text, size)`` in Helvetica at that place
    (``y`` from the page's foot), or ``(x, y, text, size, font)`` in another base font: lines side
    by side, as a table prints its cells."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = pdfium.PdfDocument.new()
    page = out.new_page(612, 792)
    for x, y, line, size, *font in items:
        obj = raw.FPDFPageObj_NewTextObj(out.raw, font[0].encode() if font else b"Helvetica", size)
        text = (line + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(text), ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    return _saved(out)
