"""The HTML report in a real headless Chromium: from the rendered DOM, each highlight covers
exactly its finding's text and is visible, the summary counts are the JSON report's, a script
written into a document never runs, filters hide and show findings, j/k move from finding to
finding, and with JavaScript off everything is shown and the filters are hidden.

Skipped (with the reason) when no Chromium is installed; .ci/run installs Debian's. Set
COPYLINT_SCREENSHOT=docs/report.png to also write the README's screenshot."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser import Browser, BrowserError, find_chromium
from test_html_report import html_and_json_text
from copylint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on PATH (apt-get install chromium; "
                                                          ".ci/run installs it when apt is reachable)")

HOSTILE = ('# Our "><img src=x onerror="window.pwned=1"> cure\n\n'
           '<script>window.pwned = 2; document.title = "pwned"</script>\n\n'
           'This miracle cure <b onclick="window.pwned=3">works</b> and is risk-free.\n')

MARKS = """(() => {
  const out = [];
  for (const section of document.querySelectorAll('section.file')) {
    for (const head of section.querySelectorAll('mark[tabindex]')) {
      const parts = [head, ...section.querySelectorAll(`mark[data-finding="${head.id}"]`)];
      const [line, column] = head.dataset.loc.split(':').map(Number);
      out.push({path: section.dataset.path, rule: head.dataset.rule, line, column,
                text: parts.map(p => p.textContent).join(''),
                shown: parts.some(p => p.getClientRects().length > 0),
                highlighted: getComputedStyle(head).backgroundColor !== 'rgba(0, 0, 0, 0)'});
    }
  }
  return out;
})()"""

STATE = """(() => ({
  marks: [...document.querySelectorAll('mark[tabindex]')].filter(m => !m.hasAttribute('data-off')).length,
  warningsHighlighted: [...document.querySelectorAll('mark[data-severity="warning"]')]
      .filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length,
  listed: [...document.querySelectorAll('aside li')].filter(li => li.offsetParent !== null).length,
  listedWarnings: [...document.querySelectorAll('aside li[data-severity="warning"]')].filter(li => li.offsetParent !== null).length,
  count: document.getElementById('visible-count').textContent,
  toolbar: document.getElementById('toolbar').offsetParent !== null,
}))()"""


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The report and the JSON report over the fixtures plus a hostile page and a CRLF page."""
    tmp = tmp_path_factory.mktemp("browser")
    (tmp / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (tmp / "windows.txt").write_bytes(b"Our supplement is clinically proven\r\nto reduce joint pain; no side effects.\r\n")
    paths = [str(FIXTURES / d) for d in ("drafts", "claims", "disclaimers", "duplicates", "readability")]
    paths += [str(tmp / "hostile.md"), str(tmp / "windows.txt")]
    out = tmp / "report.html"
    text, data = html_and_json_text(*paths)
    out.write_text(text, encoding="utf-8")
    return out, data


@pytest.fixture(scope="module")
def browser():
    try:
        started = Browser(CHROMIUM).__enter__()
    except (BrowserError, OSError) as exc:  # installed but unable to run here (a broken install, no /dev/shm)
        pytest.skip(f"{CHROMIUM} did not start: {exc}")
    try:
        yield started
    finally:
        started.__exit__(None, None, None)


def test_each_highlight_covers_exactly_its_excerpt(run, browser):
    page, data = run
    browser.open(page)
    marks = {(m["path"], m["line"], m["column"], m["rule"]): m for m in browser.eval(MARKS)}
    assert len(marks) == len(data["findings"]) > 100
    for f in data["findings"]:
        mark = marks[(f["path"], f["line"], f["column"], f["rule"])]
        if not (f.get("related") and f["category"] == "duplication" and f["related"][0]["path"] != f["path"]):
            assert mark["text"] == f["excerpt"], f
        assert mark["shown"] and (mark["highlighted"] or not f["excerpt"]), f
    assert browser.console_messages() == []


def test_summary_counts_equal_the_json_report(run, browser):
    page, data = run
    browser.open(page)
    shown = browser.eval("""(() => {
      const n = k => Number(document.querySelector(`#summary b[data-count="${k}"]`).textContent);
      const chart = {};
      document.querySelectorAll('svg.chart g').forEach(g => {
        chart[g.querySelector('text').textContent] = [...g.querySelectorAll('rect')]
            .reduce((sum, r) => sum + Number(r.querySelector('title').textContent.match(/: (\\d+)/)[1]), 0);
      });
      const index = [...document.querySelectorAll('.index tbody tr')].reduce((s, tr) => s + Number(tr.lastChild.textContent), 0);
      return {files: n('files'), findings: n('findings'), error: n('error'), warning: n('warning'), info: n('info'),
              errors: n('input-errors'), chart, index};
    })()""")
    findings = data["findings"]
    severity = Counter(f["severity"] for f in findings)
    assert shown == {"files": data["files"], "findings": len(findings), "error": severity["error"],
                     "warning": severity["warning"], "info": severity["info"], "errors": len(data["errors"]),
                     "chart": dict(Counter(f["category"] for f in findings)), "index": len(findings)}


def test_a_script_in_a_document_does_not_run(run, browser):
    page, _ = run
    browser.open(page)
    state = browser.eval("""(() => {
      const section = [...document.querySelectorAll('section.file')].find(s => s.dataset.path.endsWith('hostile.md'));
      return {pwned: window.pwned === undefined ? null : window.pwned, title: document.title,
              images: document.querySelectorAll('img').length,
              handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
              text: section.querySelector('article').textContent};
    })()""")
    assert state["pwned"] is None and state["title"].startswith("copylint review")
    assert state["images"] == 0 and state["handlers"] == 0
    assert '<script>window.pwned = 2; document.title = "pwned"</script>' in state["text"]
    assert '"><img src=x onerror="window.pwned=1">' in state["text"]


def test_filters_hide_and_show_findings(run, browser):
    page, data = run
    browser.open(page)
    total = len(data["findings"])
    warnings = sum(f["severity"] == "warning" for f in data["findings"])
    before = browser.eval(STATE)
    assert before["toolbar"] and before["marks"] == before["listed"] == total and before["count"] == str(total)
    assert before["listedWarnings"] == warnings > 0
    browser.eval("""document.querySelector('#toolbar input[data-filter="severity"][value="warning"]').click()""")
    hidden = browser.eval(STATE)
    assert hidden["marks"] == hidden["listed"] == total - warnings and hidden["count"] == str(total - warnings)
    assert hidden["warningsHighlighted"] == 0 and hidden["listedWarnings"] == 0
    browser.eval("""document.querySelector('#toolbar input[data-filter="severity"][value="warning"]').click()""")
    assert browser.eval(STATE) == before
    browser.eval("""document.querySelector('#toolbar input[data-filter="category"][value="pressure"]').click()""")
    pressure = sum(f["category"] == "pressure" for f in data["findings"])
    assert pressure and browser.eval(STATE)["marks"] == total - pressure
    browser.eval("""document.querySelector('#toolbar input[data-filter="category"][value="pressure"]').click()""")
    rule = data["findings"][0]["rule"]
    browser.eval(f"""(() => {{ const s = document.getElementById('rule-filter'); s.value = {json.dumps(rule)};
                   s.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")
    only = browser.eval(STATE)
    assert only["marks"] == only["listed"] == sum(f["rule"] == rule for f in data["findings"])


def test_keyboard_moves_from_finding_to_finding(run, browser):
    page, _ = run
    browser.open(page)
    focused = "document.activeElement.id || null"
    order = browser.eval("[...document.querySelectorAll('mark[tabindex]')].map(m => m.id)")
    browser.press("j")
    assert browser.eval(focused) == order[0]
    browser.press("j")
    assert browser.eval(focused) == order[1]
    assert browser.eval("!document.getElementById('card').hidden && document.getElementById('card').textContent.length > 20")
    browser.press("k")
    assert browser.eval(focused) == order[0]
    browser.press("k")
    assert browser.eval(focused) == order[-1]


def test_without_javascript_everything_is_shown_and_filters_are_hidden(run, browser):
    page, data = run
    browser.open(page, javascript=False)
    state = browser.eval("""(() => ({
      toolbar: document.getElementById('toolbar').offsetParent !== null,
      marks: [...document.querySelectorAll('mark[tabindex]')].filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length,
      listed: [...document.querySelectorAll('aside li')].filter(li => li.offsetParent !== null).length}))()""")
    assert state == {"toolbar": False, "marks": sum(bool(f["excerpt"]) for f in data["findings"]),
                     "listed": len(data["findings"])}


def test_prints_without_the_controls(run, browser):
    page, _ = run
    browser.open(page)
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        assert browser.eval("getComputedStyle(document.getElementById('toolbar')).display") == "none"
        assert browser.eval("getComputedStyle(document.querySelector('mark[data-severity=error]')).backgroundColor") != "rgba(0, 0, 0, 0)"
        pdf = browser.call("Page.printToPDF", session=True, printBackground=True, pageRanges="1-3")
        assert len(pdf["data"]) > 10_000
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")


@pytest.mark.skipif(not os.environ.get("COPYLINT_SCREENSHOT"), reason="set COPYLINT_SCREENSHOT=docs/report.png to write it")
def test_screenshot(tmp_path, browser, monkeypatch):
    """The README's screenshot: seed-style drafts, first screen of the report."""
    out = tmp_path / "seed.html"
    monkeypatch.chdir(ROOT)
    paths = ["fixtures/drafts/msc-als-clinic.md", "fixtures/drafts/joint-supplement.txt", "fixtures/disclaimers/seed004.txt"]
    CliRunner().invoke(main, ["check", "--no-config", "-j1", "--format", "html", "-o", str(out), *paths])
    browser.open(out)
    browser.screenshot(ROOT / os.environ["COPYLINT_SCREENSHOT"], height=int(os.environ.get("COPYLINT_SCREENSHOT_HEIGHT", 1700)),
                       top=int(os.environ.get("COPYLINT_SCREENSHOT_TOP", 0)))
