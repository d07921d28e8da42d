"""Positions point into the original file: 1-based lines and code-point columns, whatever the
line endings, BOM, tabs, non-ASCII text or markup."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from copylint.cli import main


def check_json(tmp_path, name: str, data: bytes, *args: str) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["check", "--format", "json", *args, str(path)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def expected_position(text: str, needle: str) -> tuple[int, int]:
    """Line and column of `needle` computed independently of copylint."""
    index = text.index(needle)
    before = text[:index].replace("\r\n", "\n")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return line, col


def only(findings: list[dict], rule: str) -> dict:
    matches = [f for f in findings if f["rule"] == rule]
    assert len(matches) == 1, findings
    return matches[0]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_text_positions_with_crlf_and_bom(tmp_path, newline, bom):
    text = newline.join(["Intro line here.", "", "\tCaf\u00e9 \u00e9l\u00e8ve: our FDA-approved serum works."]) + newline
    data = check_json(tmp_path, "a.txt", bom + text.encode("utf-8"))
    f = only(data["findings"], "regulatory.fda-approved")
    assert (f["line"], f["column"]) == expected_position(text, "FDA-approved")
    assert f["end_column"] - f["column"] == len("FDA-approved")
    assert f["excerpt"] == "FDA-approved"


MARKUP_CASES = {
    "a.md": (  # front matter, emphasis, a link URL and a quote marker before the match
        "---\ntitle: Our clinic\n---\n\n# Knee care\n\n"
        "Some **bold** words and a [link](https://example.com/a) then\n"
        "> the *FDA-approved* serum.\n"
    ),
    "a.html": (  # entities, inline tags, a style element and CRLF before the match
        "<html><head><title>Clinic</title><style>p{}</style></head>\r\n<body>\r\n"
        "<p>Caf&eacute; news: our <b>stem</b> cells\r\n   are FDA-approved &amp; more.</p>\r\n</body></html>"
    ),
}


@pytest.mark.parametrize("name", sorted(MARKUP_CASES))
def test_markup_never_shifts_positions(tmp_path, name):
    text = MARKUP_CASES[name]
    data = check_json(tmp_path, name, text.encode())
    f = only(data["findings"], "regulatory.fda-approved")
    assert (f["line"], f["column"]) == expected_position(text, "FDA-approved")
    assert f["excerpt"] == "FDA-approved"


def test_markdown_list_and_table_positions(tmp_path):
    text = "# Benefits\n\n- item one\n- \u00c9t\u00e9: a risk-free procedure\n\n| a | b |\n|---|---|\n| x | completely safe |\n"
    data = check_json(tmp_path, "a.md", text.encode())
    f = [g for g in data["findings"] if g["excerpt"] == "risk-free"][0]
    assert (f["line"], f["column"]) == expected_position(text, "risk-free")
    cell = [g for g in data["findings"] if g["excerpt"] == "completely safe"]
    assert cell and (cell[0]["line"], cell[0]["column"]) == expected_position(text, "completely safe")


def test_match_spanning_a_line_break(tmp_path):
    text = "Our treatment is safe and\neffective for everyone who tries it today.\n"
    data = check_json(tmp_path, "a.txt", text.encode())
    f = only(data["findings"], "safety.safe-and-effective")
    assert (f["line"], f["column"]) == (1, text.index("safe") + 1)
    assert (f["end_line"], f["end_column"]) == (2, len("effective") + 1)
    assert f["excerpt"] == "safe and\neffective"
