"""The rendered seed resolution in a real headless Chromium, used as a reader uses it.

Opens the page, reads the console, clicks a footnote marker and its back link, follows every
in-page link, checks the phone layout, prints it to A4 and runs axe-core on it. Screenshots go to
$AKN_ARTIFACTS when set (else the test's temporary folder). Without Chromium (or axe-core) the
tests skip with the reason, except under CI (CI=true), where a missing browser is a failure.
"""
from __future__ import annotations

import base64
import json
import os
import re
import struct
from pathlib import Path

import pytest

from .conftest import corpus_truth

import akn

from .cdp import Browser, find_chromium
from .conftest import CORPUS

SEED = CORPUS / "A_RES_76_187.seed.md"
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI must run the browser tests: .ci/run installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if not executable:
        unavailable("Chromium is not installed (apt-get install chromium, or set AKN_CHROMIUM)")
    with Browser(executable) as b:
        yield b


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("AKN_ARTIFACTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_page(folder: Path, name: str, text: str | bytes) -> str:
    path = folder / name
    path.write_text(akn.convert(text, to="html", filename=str(SEED)), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory) -> str:
    return write_page(tmp_path_factory.mktemp("html"), "A_RES_76_187.html", SEED.read_bytes())


@pytest.fixture
def page(browser, seed_url):
    p = browser.new_page(1024, 800)
    p.open(seed_url)
    yield p
    p.send("Page.close")


def in_view(page, element_id: str) -> bool:
    return page.evaluate(
        f"(() => {{ const r = document.getElementById({json.dumps(element_id)}).getBoundingClientRect();"
        " return r.top >= -1 && r.bottom <= innerHeight + 1 && r.height > 0; })()")  # -1, +1: subpixel rounding


def click_element(page, selector: str) -> None:
    """Scroll the element into the middle of the screen and click its centre with the mouse."""
    box = page.evaluate(
        f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
        " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    page.click(*box)


def wait_for_hash(page, wanted: str) -> None:
    page.evaluate(
        "new Promise((ok, fail) => { const t0 = Date.now(); (function poll() {"
        f" if (location.hash === {json.dumps(wanted)}) return ok(true);"
        " if (Date.now() - t0 > 5000) return fail(new Error('hash is ' + location.hash));"
        " setTimeout(poll, 20); })(); })", await_promise=True)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_page_opens_without_console_errors(page):
    assert page.evaluate("document.title").startswith("A/RES/76/187: Strengthening")
    assert page.evaluate("document.documentElement.lang") == "en"
    operative = len(corpus_truth()["A_RES_76_187.seed.md"]["operative_nums"])  # 77, by hand
    assert page.evaluate("document.querySelectorAll('.akn-paragraph').length") == operative
    assert page.errors() == []


def test_clicking_a_footnote_marker_shows_the_note_and_back(page):
    marker = page.evaluate("document.querySelector('.akn-noteref').id")
    note = marker.removeprefix("fnref-")
    assert not in_view(page, note)
    click_element(page, "#" + marker)
    wait_for_hash(page, "#" + note)
    assert in_view(page, note)
    assert page.evaluate("document.querySelector(':target').id") == note
    assert page.evaluate(f"document.getElementById({json.dumps(note)}).textContent").startswith(
        "1United Nations, Treaty Series")
    click_element(page, f"[id='{note}'] .akn-backref")
    wait_for_hash(page, "#" + marker)
    assert in_view(page, marker)
    assert page.errors() == []


def test_every_in_page_link_has_a_target(page):
    links = page.evaluate("Array.from(document.querySelectorAll('a[href^=\"#\"]'), a => a.getAttribute('href'))")
    assert len(links) == 2 * 46  # a marker and a back link per note
    missing = page.evaluate(
        "Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
        ".filter(a => !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))))"
        ".map(a => a.getAttribute('href'))")
    assert missing == []


def test_a_deep_link_opens_at_the_paragraph(browser, seed_url):
    p = browser.new_page(1024, 800)
    try:
        p.open(seed_url + "#para_25")
        assert in_view(p, "para_25")
        assert p.evaluate("document.querySelector(':target .akn-num').textContent") == "25."
    finally:
        p.send("Page.close")


def test_screenshots_desktop_and_phone(browser, seed_url, artifacts):
    for width, height, name in ((1024, 1400, "seed-desktop.png"), (375, 812, "seed-phone.png")):
        p = browser.new_page(width, height)
        try:
            p.open(seed_url)
            # readable on a phone: nothing wider than the screen, text not shrunk
            assert p.evaluate("document.documentElement.scrollWidth") <= width
            assert p.evaluate("parseFloat(getComputedStyle(document.querySelector('.akn-p')).fontSize)") >= 15
            p.screenshot(artifacts / name)
        finally:
            p.send("Page.close")
        assert png_size(artifacts / name) == (width, height)


def test_prints_on_a4_with_the_notes_at_the_end(page, artifacts):
    pdf = page.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"]
    data = base64.b64decode(pdf)
    (artifacts / "seed.pdf").write_bytes(data)
    boxes = {tuple(round(float(v)) for v in m.groups()) for m in
             re.finditer(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)}
    assert boxes == {(595, 842)}, boxes  # A4 in points
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert page.evaluate("getComputedStyle(document.querySelector('.akn-backref')).display") == "none"
        assert page.evaluate("getComputedStyle(document.querySelector('.akn-notes')).breakBefore") == "page"
        assert page.evaluate("document.querySelector('article').lastElementChild.className") == "akn-notes"
    finally:
        page.send("Emulation.setEmulatedMedia", {"media": ""})


def test_text_cannot_inject_script(browser, tmp_path):
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & "q"'
    text = SEED.read_text(encoding="utf-8").replace(
        "Strengthening the United Nations crime", f"Strengthening {hostile} the United Nations crime", 1)
    p = browser.new_page(1024, 800)
    try:
        p.open(write_page(tmp_path, "hostile.html", text))
        assert p.evaluate("typeof window.__pwned") == "undefined"
        assert hostile in p.evaluate("document.querySelector('h1').textContent")
        assert p.evaluate("document.querySelectorAll('script, img').length") == 0
        assert p.errors() == []
    finally:
        p.send("Page.close")


#: the seed, plus pages with sections and items, an annex, and a Security Council heading
AXE_PAGES = ("A_RES_76_187.seed.md", "A_RES_80_11.md", "A_RES_80_5.md", "S-RES-502-1982.web.txt")


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, tmp_path, artifacts, name):
    if not AXE.is_file():
        unavailable(f"axe-core is not installed ({AXE}): run npm ci --prefix tests/browser")
    source = CORPUS / name
    target = tmp_path / "page.html"
    target.write_text(akn.convert(source.read_bytes(), to="html", filename=str(source)), encoding="utf-8")
    page = browser.new_page(1024, 800)
    try:
        page.open(target.as_uri())
        result = run_axe(page)
    finally:
        page.send("Page.close")
    (artifacts / f"axe-{name}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=2)
    assert result["passes"] > 10  # axe did run its rules on the page


def run_axe(page) -> dict:
    """Inject axe-core into the open page and run every rule; the violations, summarised."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => ({version: r.testEngine.version,"
        " passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.length, help: v.help}))}))", await_promise=True)
