"""Word drafts: a .docx made with python-docx is linted paragraph by paragraph (line = paragraph,
column within it), findings name their heading path, and a broken .docx is one error, exit 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from copylint.cli import main
from copylint.pipeline.sources.reading import read_source

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box: the procedure is risk-free.</w:t></w:r></w:p>"
    "</w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Box: the procedure is risk-free.</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def make_draft(path):
    """A draft with a title, sections, a list, a table, a text box, a comment and a line break."""
    d = docx.Document()
    d.add_heading("Knee care at Riverside", level=0)                      # paragraph 1
    d.add_paragraph("We treat knee pain with exercise and injections.")     # 2
    d.add_heading("Our injections", level=1)                              # 3
    intro = d.add_paragraph("Our serum is FDA-approved for knees.")         # 4
    d.add_comment(intro.runs, text="Legal: this cures nothing, check it", author="Ann")
    d.add_paragraph("Results in two weeks", style="List Bullet")            # 5
    d.add_paragraph("No side effects at all", style="List Bullet")          # 6
    d.add_heading("Prices", level=2)                                      # 7
    table = d.add_table(rows=1, cols=2)                                     # 8, 9
    table.cell(0, 0).text = "Single injection"
    table.cell(0, 1).text = "A 100% guaranteed result"
    box = d.add_paragraph("See the box.")                                   # 10 (+ 11: the box)
    box._p.append(parse_xml(TEXT_BOX))
    broken = d.add_paragraph("First line")                                  # 12
    broken.runs[0].add_break()
    broken.add_run("second line.")
    d.save(str(path))


def run(*args):
    return CliRunner().invoke(main, ["check", *args])


def findings(path, fmt="json"):
    result = run("--format", fmt, str(path))
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_docx_claims_are_reported_at_their_paragraph(tmp_path):
    path = tmp_path / "draft.docx"
    make_draft(path)
    found = {(f["rule"], f["line"], f["column"]): f for f in findings(path)["findings"]}
    fda = found[("regulatory.fda-approved", 4, len("Our serum is ") + 1)]
    assert fda["path"].endswith("draft.docx") and fda["excerpt"] == "FDA-approved"
    assert fda["message"].endswith("(under: Knee care at Riverside > Our injections)")
    assert ("safety.no-side-effects", 6, 1) in found
    cell = next(f for k, f in found.items() if k[1] == 9)
    assert "guaranteed" in cell["excerpt"] and "Prices" in cell["message"]  # one finding for the one claim
    assert any(k[1] == 11 and "risk-free" in f["excerpt"] for k, f in found.items())  # the text box, once
    assert not any("cures" in f["excerpt"] for f in found.values())  # the comment is not copy


def test_docx_lines_are_paragraphs_with_their_kinds(tmp_path):
    path = tmp_path / "draft.docx"
    make_draft(path)
    source = read_source(str(path), "docx")
    lines = source.text.split("\n")
    assert lines[3] == "Our serum is FDA-approved for knees." and lines[11] == "First line second line."
    assert [k for k, _ in source.layout[:9]] == ["heading", "paragraph", "heading", "paragraph", "list_item",
                                                  "list_item", "heading", "table_cell", "table_cell"]
    assert source.layout[2] == ("heading", 1) and source.layout[6] == ("heading", 2)


def test_docx_in_sarif_names_the_file(tmp_path):
    path = tmp_path / "draft.docx"
    make_draft(path)
    sarif = findings(path, "sarif")
    locations = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    assert all(loc["artifactLocation"]["uri"].endswith("draft.docx") for loc in locations)
    assert any(loc["region"]["startLine"] == 4 for loc in locations)


@pytest.mark.parametrize("data", [b"this is not a zip", b"PK\x03\x04 broken zip header"])
def test_corrupt_docx_is_one_error_and_other_files_are_still_linted(tmp_path, data):
    (tmp_path / "bad.docx").write_bytes(data)
    (tmp_path / "ok.txt").write_text("Our serum is FDA-approved.\n")
    (tmp_path / "~$lock.docx").write_bytes(b"\x00lock")  # Word's lock file is not linted
    result = run(str(tmp_path))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "bad.docx" in errors[0] and "not a readable .docx" in errors[0]
    assert "regulatory.fda-approved" in result.stdout
