"""Hostile XML never hurts and never leaks: entities, DTDs, size and depth bombs are refused
before they cost anything, with a clear one-line message (issue 8). Times are measured in
benchmarks/roundtrip_timing.py; these tests only bound them generously."""
from __future__ import annotations

import time

import pytest

from akn.api import read_any
from akn.errors import ConversionError
from akn.readers.akn.safe import MAX_BYTES, MAX_DEPTH

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<mainBody><paragraph eId="para_1"><content><p>&x;</p></content></paragraph></mainBody></statement></akomaNtoso>
"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso>&lol9;</akomaNtoso>
"""


def refused(data: bytes) -> tuple[ConversionError, float]:
    start = time.perf_counter()
    with pytest.raises(ConversionError) as info:
        read_any(data)
    return info.value, time.perf_counter() - start


def passwd_lines() -> list[str]:
    try:
        with open("/etc/passwd", encoding="utf-8") as f:
            return [line.strip() for line in f if line.strip()]
    except OSError:
        return ["root:x:0:0"]


def test_external_entity_is_refused_and_nothing_leaks():
    error, seconds = refused(XXE)
    assert "DOCTYPE" in str(error) and error.line == 2
    assert not any(line in str(error) for line in passwd_lines())
    assert "root:" not in str(error)
    assert seconds < 5


def test_parameter_entity_and_lowercase_doctype_are_refused():
    data = b'<!doctype a [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><a/>'
    error, _ = refused(data)
    assert "DOCTYPE" in str(error)


def test_billion_laughs_is_refused():
    error, seconds = refused(LAUGHS)
    assert "DOCTYPE" in str(error)
    assert seconds < 5


def test_undeclared_entity_is_a_syntax_error_not_an_expansion():
    error, _ = refused(b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>')
    assert "not well-formed XML" in str(error)


def test_fifty_megabytes_are_refused_before_parsing():
    data = b"<akomaNtoso>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</akomaNtoso>"
    assert len(data) > MAX_BYTES
    error, seconds = refused(data)
    assert "limit on untrusted XML is 20 MB (raise it with --max-xml-mb" in str(error) and error.line == 1
    assert seconds < 5


def test_deep_nesting_is_refused():
    depth = MAX_DEPTH + 10
    data = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">' + b"<i>" * depth \
        + b"</i>" * depth + b"</akomaNtoso>"
    error, _ = refused(data)
    assert "deeper than" in str(error)


def test_very_deep_nesting_stops_in_the_parser():
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    error, seconds = refused(data)
    assert "not well-formed XML" in str(error) or "deeper than" in str(error)
    assert seconds < 5


def test_invalid_utf8_xml_is_refused_with_its_line():
    error, _ = refused(b"<akomaNtoso>\n<p>\xff</p></akomaNtoso>")
    assert error.line == 2 and "UTF" in str(error)


@pytest.mark.parametrize("data", [b"<", b"<akomaNtoso>", b"<?xml version='1.0'?>", b"<a></b>", b"\xef\xbb\xbf<"])
def test_broken_xml_is_one_clear_error(data):
    error, _ = refused(data)
    assert error.line is not None and "\n" not in str(error)


@pytest.mark.parametrize("name, data", [("xxe.xml", XXE), ("laughs.xml", LAUGHS), ("deep.akn", b"<a>" * 5000)])
def test_cli_reports_one_line_and_writes_nothing(tmp_path, name, data):
    from click.testing import CliRunner

    from akn.cli import main

    source, out = tmp_path / name, tmp_path / "out.md"
    source.write_bytes(data)
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and str(source) in result.output
    assert not any(line in result.output for line in passwd_lines())
    assert not out.exists()


def test_nesting_up_to_the_bound_is_read_and_one_deeper_refused():
    from akn.readers.akn.safe import parse_xml

    def nested(depth: int) -> bytes:  # the root counts as one
        return b"<a>" * depth + b"</a>" * depth

    assert parse_xml(nested(MAX_DEPTH)).tag == "a"
    with pytest.raises(ConversionError, match="deeper than"):
        parse_xml(nested(MAX_DEPTH + 1))
