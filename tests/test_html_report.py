"""The HTML reviewer's report, read back with Python's HTML parser: each highlight holds exactly
its finding's text, marks nest or split correctly when findings overlap, every document text is
escaped, the page allows only its own style and script, and it streams a file at a time."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from copylint.cli import main, pipeline
from copylint.core.models import Finding, Severity, locate
from copylint.parsers import parse_text
from copylint.reporters import Report, html as html_report, render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
VOID = {"meta", "br", "img", "input", "hr", "link", "rect"}


class Page(HTMLParser):
    """What a test needs from a report: the text inside each finding's marks (fragments joined
    in page order), the attributes of every element, and whether elements nest properly."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.raw = text
        self.stack: list[tuple[str, dict]] = []
        self.mark_text: dict[str, str] = defaultdict(str)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.errors: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {[t for t, _ in self.stack]}")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        if self.stack and self.stack[-1][0] == "style":
            self.styles.append(data)
        for fid in {a.get("data-finding") or a["id"] for t, a in self.stack if t == "mark"}:
            self.mark_text[fid] += data

    def marks(self) -> list[dict]:
        return [a for t, a in self.elements if t == "mark" and "tabindex" in a]


def check(*args: str, cwd: Path | None = None, input: str | None = None):
    return CliRunner().invoke(main, ["check", "--no-config", "-j1", *args], input=input)


def html_and_json_text(*paths: str) -> tuple[str, dict]:
    """One lint run over `paths` (no configuration), reported as HTML and as JSON."""
    flags = pipeline.CheckFlags(paths=list(paths), no_config=True, jobs=1)
    outcome = pipeline.lint(flags, pipeline.plan(flags, pipeline.Resolver(flags), flags.paths), None)
    report = Report(findings=outcome.findings, errors=outcome.errors, files=outcome.files, paths=outcome.paths,
                    rules=outcome.specs, load_document=outcome.load_document)
    return render("html", report), json.loads(render("json", report))


def html_and_json(tmp_path: Path, *paths: str) -> tuple[Page, dict]:
    text, data = html_and_json_text(*paths)
    (tmp_path / "report.html").write_text(text, encoding="utf-8")
    return Page(text), data


def source_slice(finding: dict) -> str:
    text = Path(finding["path"]).read_bytes().decode("utf-8-sig")
    lines = parse_text(text).lines
    start = lines.line_start(finding["line"]) + finding["column"] - 1
    end = lines.line_start(finding["end_line"]) + finding["end_column"] - 1
    return text[start:end]


def by_location(page: Page) -> dict[tuple[str, int, int, str], str]:
    """(path, line, column, rule) of each mark -> the text it covers."""
    paths = {}
    current = None
    for tag, a in page.elements:
        if tag == "section" and "data-path" in a:
            current = a["data-path"]
        if tag == "mark" and "tabindex" in a:
            line, column = map(int, a["data-loc"].split(":"))
            paths[(current, line, column, a["data-rule"])] = page.mark_text[a["id"]]
    return paths


def test_every_fixture_finding_is_marked_on_exactly_its_text(tmp_path):
    dirs = sorted(str(d) for d in FIXTURES.iterdir() if d.is_dir())
    page, data = html_and_json(tmp_path, *dirs)
    assert not page.errors
    marked = by_location(page)
    assert len(data["findings"]) > 100
    for f in data["findings"]:
        key = (f["path"], f["line"], f["column"], f["rule"])
        assert key in marked, key
        assert marked[key] == source_slice(f), key
        if not f.get("related") or f["category"] != "duplication":
            assert marked[key] == f["excerpt"], key
    assert len(page.marks()) == len(data["findings"])


def test_summary_counts_are_the_json_reports(tmp_path):
    page, data = html_and_json(tmp_path, str(FIXTURES / "drafts"), str(FIXTURES / "claims"))
    tiles = {a["data-count"]: None for t, a in page.elements if t == "b" and "data-count" in a}
    assert set(tiles) == {"files", "findings", "error", "warning", "info", "input-errors"}
    counts = _tile_counts(page)
    findings = data["findings"]
    severity = Counter(f["severity"] for f in findings)
    assert counts == {"files": data["files"], "findings": len(findings), "error": severity["error"],
                      "warning": severity["warning"], "info": severity["info"], "input-errors": 0}
    chart = {a["data-category"]: int(a["data-count"]) for t, a in page.elements if t == "g"}
    assert chart == Counter(f["category"] for f in findings)


def _tile_counts(page: Page) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r'<b data-count="([\w-]+)">(\d+)</b>', page.raw)}


def test_document_text_is_escaped_and_cannot_run(tmp_path):
    hostile = tmp_path / "hostile.md"
    hostile.write_text('# Our "><img src=x onerror=alert(1)> cure\n\n<script>window.pwned = 1</script>\n\n'
                       'This miracle cure <b onclick="steal()">works</b> &amp; is risk-free.\n', encoding="utf-8")
    out = tmp_path / "r.html"
    check("--format", "html", "-o", str(out), str(hostile))
    raw = out.read_text(encoding="utf-8")
    page = Page(raw)
    assert not page.errors
    assert not [a for t, a in page.elements if t == "img"]
    assert not [a for t, a in page.elements if any(k.startswith("on") for k in a)]
    assert len(page.scripts) == 1 and "pwned" not in page.scripts[0]
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in raw
    assert "&lt;img src=x onerror=alert(1)&gt;" in raw and 'onclick="steal()"&gt;' in raw


def test_content_security_policy_allows_only_the_pages_own_style_and_script(tmp_path):
    page, _ = html_and_json(tmp_path, str(FIXTURES / "drafts"))
    policy = next(a["content"] for t, a in page.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy

    def digest(code: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"

    assert f"script-src {digest(page.scripts[0])}" in policy
    assert f"style-src {digest(page.styles[0])}" in policy
    assert not [a for t, a in page.elements if "style" in a]  # a style attribute would be blocked


def report_for(text: str, fmt: str, spans: list[tuple[int, int, str, str]], path: str = "doc.md") -> tuple[Report, list[Finding]]:
    """A report over one in-memory document with findings at the given source spans."""
    doc = parse_text(text, fmt, path)
    findings = [Finding(rule, "efficacy", Severity(sev), f"message {i}", locate(doc, a, b), text[a:b])
                for i, (a, b, rule, sev) in enumerate(spans)]
    return Report(findings=findings, files=1, paths=[path], load_document=lambda p: doc), findings


def test_overlapping_and_nested_findings_each_keep_their_exact_text():
    text = "# Title\n\nOur miracle cure works for everyone, guaranteed.\nSecond line of the claim.\n"
    body = text.index("Our")
    spans = [
        (body + 4, body + 16, "a.outer", "warning"),      # "miracle cure"
        (body + 12, body + 35, "b.crossing", "error"),    # "cure works for everyone" crosses a.outer
        (body + 12, body + 16, "c.nested", "info"),       # "cure" inside both
        (body + 27, text.index("line"), "d.two-lines", "warning"),  # crosses the line break
        (body, body, "e.pin", "info"),                    # an empty span: a pin at "Our"
    ]
    report, findings = report_for(text, "markdown", spans)
    page = Page(html_report.render(report))
    assert not page.errors
    for n, f in enumerate(findings, 1):
        assert page.mark_text[f"f{n}"] == f.excerpt
    fragments = Counter(a.get("data-finding") or a["id"] for t, a in page.elements if t == "mark")
    # b.crossing is split where a.outer ends; d.two-lines where b.crossing ends, and at the line end
    assert fragments["f2"] == 2 and fragments["f4"] == 3
    assert fragments["f1"] == 1 and fragments["f3"] == 1
    overlaps = re.findall(r'id="d-f1".*?</li>', html_report.render(report))[0]
    assert "b.crossing" in overlaps and "c.nested" in overlaps


def test_crlf_bom_and_entities_keep_marks_exact(tmp_path):
    page_file = tmp_path / "page.html"
    page_file.write_bytes("\ufeff<p>Caf&eacute; &amp; clinic:\r\nour stem cells are\r\nFDA-approved.</p>\r\n".encode())
    txt = tmp_path / "notes.txt"
    txt.write_bytes(b"Our supplement is clinically proven\r\nto reduce joint pain and has no side effects.\r\n")
    page, data = html_and_json(tmp_path, str(page_file), str(txt))
    marked = by_location(page)
    assert data["findings"]
    for f in data["findings"]:
        assert marked[(f["path"], f["line"], f["column"], f["rule"])] == f["excerpt"]
    raw = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'data-t="é"' in raw and 'data-t="&amp;"' in raw  # entities read as what they show


def test_changed_file_lists_its_findings_without_misplaced_highlights(tmp_path):
    text = "Our miracle cure works.\n"
    report, findings = report_for(text, "text", [(4, 16, "hype.miracle", "error")], path="a.txt")
    report.load_document = lambda p: parse_text("Completely different text now.\n", "text", p)
    raw = html_report.render(report)
    page = Page(raw)
    assert page.marks() == []
    assert 'id="d-f1"' in raw and "differs from what was linted" in raw


def test_unreadable_file_keeps_its_findings(tmp_path):
    report, _ = report_for("Our miracle cure.\n", "text", [(4, 11, "hype.miracle", "error")], path="gone.txt")
    report.load_document = None
    raw = html_report.render(report)
    assert "The text of this file is not shown" in raw and 'id="d-f1"' in raw


def test_stdin_document_is_rendered_from_the_text_read(tmp_path):
    out = tmp_path / "r.html"
    result = check("--format", "html", "-o", str(out), "--stdin-filename", "draft.md", "-",
                   input="# Draft\n\nOur FDA-approved stem cells cure arthritis.\n")
    assert result.exit_code == 1, result.output
    page = Page(out.read_text(encoding="utf-8"))
    assert "FDA-approved" in page.mark_text.values()


def test_page_is_written_a_file_at_a_time(tmp_path):
    for i in range(3):
        (tmp_path / f"p{i}.md").write_text(f"# Page {i}\n\nOur miracle cure {i}.\n")
    pieces = list(html_report.chunks(Report(findings=[], files=3, paths=[str(tmp_path / f"p{i}.md") for i in range(3)],
                                            load_document=lambda p: parse_text(Path(p).read_text(), "markdown", p))))
    sections = [p for p in pieces if p.startswith('<section class="file"')]
    assert len(sections) == 3 and all(p.count('<section class="file"') == 1 for p in sections)


def test_any_format_that_parses_to_a_document_renders(tmp_path):
    """The report knows no format: a Document from a parser it has never seen (here a format
    name that falls back to the plain-text parser, as a Word draft's paragraphs would read)
    renders with its marks exact."""
    from copylint.core.models import Source
    from copylint.parsers import parse

    text = "Joint Renewal Formula\nOur supplement has no side effects.\nIt works for everyone.\n"
    doc = parse(Source("draft.docx", text, "docx"))
    spans = [(text.index("no side"), text.index(".\nIt"), "safety.no-side-effects", "error"),
             (text.index("works"), len(text) - 2, "efficacy.hundred-percent", "error")]
    findings = [Finding(rule, "safety", Severity(sev), "m", locate(doc, a, b), text[a:b]) for a, b, rule, sev in spans]
    page = Page(html_report.render(Report(findings=findings, files=1, paths=["draft.docx"], load_document=lambda p: doc)))
    assert [page.mark_text["f1"], page.mark_text["f2"]] == ["no side effects", "works for everyone"]
    assert not page.errors


def test_banner_has_one_line_per_document_level_rule():
    text = "# Page\n\n" + "".join(f"Paragraph {i} repeats here.\n\n" for i in range(3))
    starts = [text.index(f"Paragraph {i}") for i in range(3)]
    report, findings = report_for(text, "markdown", [(s, s + 11, "duplication.repeated-section", "warning") for s in starts])
    for f in findings:
        f.category = "duplication"
    raw = html_report.render(report)
    banner = re.search(r'<div class="banner".*?</div>', raw).group(0)
    assert banner.count("<li") == 1 and 'data-finding="f1 f2 f3"' in banner and "3 occurrences" in banner
    assert all(f'href="#f{n}"' in banner for n in (1, 2, 3))


from hypothesis import given, settings, strategies as st  # noqa: E402

PIECES = ["Our ", "miracle cure", " works", ".\n", "\r\n", "\n\n", "# ", "- ", "**", "<b>", "</b>", "&amp;",
          "&eacute;", "<p>", "</p>", "<!-- note -->", "| a | b |\n", "\t", "   ", "é", "<script>x</script>"]


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=25), fmt=st.sampled_from(["markdown", "html", "text"]),
       cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=6))
def test_any_spans_on_any_page_keep_their_exact_text(parts, fmt, cuts):
    text = "".join(parts)
    spans = [(min(a, len(text)), min(a + n, len(text)), f"r.{i}", "warning") for i, (a, n) in enumerate(cuts)]
    report, findings = report_for(text, fmt, spans)
    page = Page(html_report.render(report))
    assert not page.errors
    for n, f in enumerate(findings, 1):
        assert page.mark_text.get(f"f{n}", "") == f.excerpt
