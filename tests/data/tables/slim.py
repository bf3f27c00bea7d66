"""Make a small copy of an official PDF for the table tests: embedded fonts and images (barcode, QR
code, logo) left out, tags, text, positions and font names kept, so akn reads it as the original.

    python tests/data/tables/slim.py ORIGINAL.pdf tests/data/tables/NAME.pdf

A_RES_80_239.pdf here is the official A/RES/80/239 (246 KB) slimmed so (54 KB): two annex tables.
"""
import sys
from pypdf import PdfReader, PdfWriter
src, dst = sys.argv[1], sys.argv[2]
w = PdfWriter(clone_from=PdfReader(src))
for page in w.pages:
    res = page['/Resources']
    for name, font in (res.get('/Font') or {}).items():
        f = font.get_object()
        fds = [f.get('/FontDescriptor')]
        if '/DescendantFonts' in f:
            fds.append(f['/DescendantFonts'][0].get_object().get('/FontDescriptor'))
        for fd in fds:
            if fd is None: continue
            fd = fd.get_object()
            for key in ('/FontFile2', '/FontFile', '/FontFile3'):
                if key in fd: del fd[key]
    xo = res.get('/XObject') or {}
    for n in list(xo.keys()):
        del xo[n]
    page.compress_content_streams(level=9)
w.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
w.write(dst)
import os; print(os.path.getsize(dst))
