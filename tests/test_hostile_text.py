"""Hostile text input: any bytes give valid AKN or one clear error, in time proportional to size."""
from __future__ import annotations

import random
import re
import time

import pytest

import akn
from akn.errors import AknError, ConversionError, ValidationError
from akn.notices import Notice

from .conftest import EXAMPLES

SEED = (EXAMPLES / "A_RES_76_187.seed.md").read_text(encoding="utf-8")
SEED_XML = akn.convert(SEED)
BODY = SEED.index("\n1. ")  # where the operative part starts: hostile text goes in there


def with_body(extra: str) -> str:
    return SEED[:BODY] + "\n\n" + extra + SEED[BODY:]


def valid_or_clear_error(data: str | bytes) -> str | AknError:
    try:
        return akn.convert(data)  # validated against the OASIS schema
    except ValidationError as e:  # not a clear refusal: the writer produced invalid AKN
        raise AssertionError(f"invalid AKN: {e}") from e
    except AknError as e:
        assert e.message and "\n" not in e.message
        return e


# ------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("data", [
    SEED.encode("utf-16"),
    b"\xfe\xff" + SEED.encode("utf-16-be"),
    b"\xef\xbb\xbf" + SEED.encode("utf-8"),
    SEED.replace("\n", "\r\n").encode("utf-8"),
    SEED.replace("\n", "\r").encode("utf-8"),
], ids=["utf-16-le-bom", "utf-16-be-bom", "utf-8-bom", "crlf", "cr"])
def test_other_encodings_and_line_ends_give_the_same_akn(data):
    assert akn.convert(data) == SEED_XML


def test_invalid_utf8_is_refused_with_its_line():
    data = SEED.encode("utf-8")
    cut = data.index(b"\n", 2000)
    with pytest.raises(ConversionError) as info:
        akn.convert(data[:cut] + b"\n\xc3\x28 broken\n" + data[cut:])
    assert info.value.line == data[:cut].count(b"\n") + 2 and "not UTF-8" in info.value.message


def test_a_whole_file_in_windows_1252_is_read_with_a_warning():
    from .conftest import CORPUS

    name = "E-RES-1991-42.web.txt"
    text = (CORPUS / name).read_text(encoding="utf-8").replace("Considering the", "Considering – “the”")
    warnings: list[Notice] = []
    legacy = akn.convert(text.encode("cp1252"), filename=name, warnings=warnings)
    assert legacy == akn.convert(text.encode("utf-8"), filename=name)
    assert "“the”" in legacy and any(w.code == "encoding" and "Windows-1252" in w.message for w in warnings)


def test_nul_bytes_are_refused_with_their_line():
    with pytest.raises(ConversionError) as info:
        akn.convert(SEED[:500] + "\x00" + SEED[500:])
    assert info.value.line == SEED[:500].count("\n") + 1


def test_ten_megabytes_of_random_bytes_are_refused_quickly():
    noise = random.Random(8).randbytes(10_000_000)
    assert isinstance(valid_or_clear_error(noise), ConversionError)


NOISE = "ab (a)(i) 1. *x* [^1] 12 May 2020 resolution 76/1 A/RES/1/2 ² ³ \\ [ ] ( ) _ ;:,.\n"


def test_ten_megabytes_of_text_noise_are_refused_clearly():
    noise = "".join(random.Random(9).choices(NOISE, k=10_000_000))
    assert isinstance(valid_or_clear_error(noise), ConversionError)


def test_a_megabyte_of_text_noise_inside_a_resolution_gives_valid_akn():
    noise = "".join(random.Random(10).choices(NOISE, k=1_000_000))
    assert isinstance(valid_or_clear_error(with_body(noise)), str)


def test_control_characters_and_lone_surrogates_never_reach_the_xml():
    hostile = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r") + "\ud800\udfff\ufffe"
    out = valid_or_clear_error(with_body(f"1. *Decides* that {hostile} stays text;"))
    assert isinstance(out, str) and "\ufffe" not in out


# ------------------------------------------------------------------------------- structure


def test_five_hundred_levels_of_items():
    labels = "abcdefghijklmnopqrstuvwxyz"
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    lines = [f"({labels[k % 26] if k % 2 == 0 else romans[k % 10]}) level {k} of the list, which goes on:"
             for k in range(500)]
    out = valid_or_clear_error(with_body("1. *Decides* the following:\n\n" + "\n\n".join(lines) + "\n"))
    assert isinstance(out, str) and "level 499 of the list" in out


def test_notes_nested_without_end_stay_text():
    out = valid_or_clear_error(with_body("1. *Notes* the report" + " (Footnote: see" * 3000 + ";"))
    assert isinstance(out, str)


def test_a_repeated_marker_places_its_note_once():
    text = SEED.replace("in 2016,³⁹", "in 2016,³⁹ again³⁹", 1)
    assert text != SEED
    assert akn.convert(text).count('marker="39"') == 1


def test_unit_powers_are_not_footnote_markers():
    out = akn.convert(with_body("Noting that 5 km² and 3 m³ of water were set aside,"))
    assert "5 km² and 3 m³ of water" in out
    assert out.count("<authorialNote") == SEED_XML.count("<authorialNote")


# ------------------------------------------------------------------ time proportional to size


def _pathological(kind: str, n: int) -> str:
    rng = random.Random(n)
    if kind == "citations and dates":
        return "1. *Recalls* " + " ".join(["resolution 76/1 of 12 May 2020 and A/C.3/76/L.1,"] * n) + " all;"
    if kind == "one long line of markup":
        return "1. *Notes* " + "".join(rng.choice("ab *x* [^1] (a) ( [ \\ ² ¹ _ 1. ; ") for _ in range(40 * n)) + ";"
    if kind == "one paragraph of many lines":
        return "1. *Notes* that\n" + "\n".join(f"the line {k} of a wrap-" for k in range(n)) + "\nend;"
    if kind == "lines joined by hyphens":
        return "1. *Notes* " + "\n".join("abcdefghij-" for _ in range(n)) + "\nend;"
    if kind == "page-cut paragraph":
        return "1. *Notes* " + "\n\n".join(f"continued part {k} without a stop" for k in range(n)) + ";"
    if kind == "footnote bodies":
        return "1. *Notes* that¹ it goes on;\n\n" + "\n".join(f"¹ more body text {k}" for k in range(n))
    if kind == "italic and link runs":
        return "1. *Notes* " + "*a* [b](c) " * (3 * n) + "*open [unclosed ( " * n + ";"
    raise AssertionError(kind)


KINDS = ["citations and dates", "one long line of markup", "one paragraph of many lines",
         "lines joined by hyphens", "page-cut paragraph", "footnote bodies", "italic and link runs"]


def _cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the best of three: another process's burst does not count
        start = time.process_time()
        valid_or_clear_error(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("kind", KINDS)
def test_pathological_text_takes_time_proportional_to_its_size(kind):
    """Four times the input may take at most about four times as long (quadratic would be 16):
    a ratio within one run, not a wall-clock limit, so a busy machine does not fail it. The ratio
    is taken up to three times and the lowest counts: noise makes one run slow, growth every run."""
    small, large = (with_body(_pathological(kind, n)) for n in (2000, 8000))
    ratios = []
    for _ in range(3):
        base = _cpu_seconds(SEED)  # the fixed cost every input pays
        ratios.append((_cpu_seconds(large) - base) / max(_cpu_seconds(small) - base, 0.05))
        if ratios[-1] < 8:
            break
    assert min(ratios) < 8, f"{kind}: 4x the input took {min(ratios):.1f}x the time"


# --------------------------------------------------------------------------- markup in the text


def test_markup_in_the_text_stays_text_in_akn_and_html():
    """Text scraped from the web may carry markup; it must come out as text, never as elements."""
    from lxml import etree, html as lxml_html

    hostile = '<script>alert("x")</script> & "quoted" <img src=x onerror=alert(1)> &amp;'
    text = with_body(f"1. *Decides* that {hostile} is text;").replace(
        "in 2016,³⁹", f"in 2016 {hostile},³⁹", 1)
    xml = akn.convert(text)
    root = etree.fromstring(xml.encode("utf-8"))
    assert not [el for el in root.iter() if etree.QName(el).localname in ("script", "img")]
    assert xml.count("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; \"quoted\"") == 2
    page = akn.convert(text, to="html")
    doc = lxml_html.document_fromstring(page)
    assert not list(doc.iter("img")) and all(s.get("type") != "text/javascript" for s in doc.iter("script"))
    assert not [s for s in doc.iter("script") if "alert" in (s.text or "")]
    # "&amp;" is read as a web page's entity for "&" (readers/text/web.py), and written escaped once
    assert page.count("&lt;script&gt;alert(") == 2 and "&amp;amp;" not in page


@pytest.mark.parametrize("printed", ["31 February 2021", "29 February 2021", "0 December 2021", "39 December 2021"])
def test_a_date_no_calendar_has_is_never_an_akn_date(printed):
    """Found by fuzzing: such a date in the closing lines became docDate date="" or "2021-02-31"."""
    closing = SEED.rindex("16 December 2021")
    out = valid_or_clear_error(SEED[:closing] + printed + SEED[closing + len("16 December 2021"):])
    assert isinstance(out, AknError) or not re.search(rf"<(?:docDate|date) [^>]*>{printed}<", out)
    assert isinstance(out, AknError) or printed in out  # kept, as text


def test_headings_with_no_paragraph_under_them_are_refused_clearly():
    """Found by fuzzing: a text cut after its section headings raised IndexError."""
    with pytest.raises(ConversionError) as info:
        akn.convert(SEED[:BODY] + "\n\nI. General provisions\n\nII. Follow-up\n")
    assert "only headings" in info.value.message and info.value.line


@pytest.mark.parametrize("start, kind", [(b"PK\x03\x04\x14\x00\x06\x00", "a zipped document"),
                                         (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 document"),
                                         (b"{\\rtf1\\ansi ", "a rich-text (RTF) document")])
def test_a_document_that_is_not_text_is_named_with_what_to_do(start, kind):
    with pytest.raises(ConversionError) as info:
        akn.convert(start + b"\x00\x01 binary body")
    assert kind in info.value.message and ("pdftotext" in info.value.message or "plain text" in info.value.message)
    assert info.value.line == 1
