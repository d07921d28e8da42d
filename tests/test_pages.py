"""Real pages: metadata copy (title, meta descriptions, JSON-LD) is linted at its exact position,
and page regions decide what is linted: chrome once per run, comments and hidden text skipped,
readability and duplicates from the main content only. Configurable with `html:`."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from copylint.facts.readability import analyse_readability
from copylint.cli import main
from copylint.config import ConfigError, parse_config
from copylint.core.models import HtmlOptions
from copylint.parsers import parse, parse_text
from copylint.core.models import Source

from conftest import FIXTURES
from test_positions import expected_position

PAGES = FIXTURES / "pages"
SITE = PAGES / "clinic"


def check(*args: str, cwd=None) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--as-of", "2026-11-21", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def at(findings: list[dict], rule: str) -> list[tuple[str, int, int]]:
    """Where `rule` reported, by itself or folded into another rule's finding on the same words."""
    return [(f["path"].rsplit("/", 1)[-1], f["line"], f["column"]) for f in findings
            if f["rule"] == rule or rule in f.get("also", [])]


def test_claims_in_meta_description_and_json_ld_are_reported_at_their_exact_position():
    path = PAGES / "supplement-product.html"
    text = path.read_text(encoding="utf-8")
    findings = check(str(path))
    assert at(findings, "efficacy.cure") == [("supplement-product.html", *expected_position(text, "cures joint pain"))]
    assert at(findings, "regulatory.fda-approved") == [("supplement-product.html", *expected_position(text, "FDA approved and"))]
    assert any(f["excerpt"] == "100% guaranteed" for f in findings)


def test_metadata_blocks_of_a_page():
    doc = parse_text((PAGES / "supplement-product.html").read_text(encoding="utf-8"), "html")
    meta = [b.text for b in doc.blocks if b.region == "metadata"]
    assert meta[0] == "FlexiJoint Gold Capsules \u2013 Northwind Wellness"  # the title, entity decoded
    assert "Our turmeric and collagen blend supports comfortable joints." in meta  # og:description
    assert "I take two a day and my knees feel looser on the stairs." in meta  # JSON-LD reviewBody
    assert "https://schema.org/InStock" not in " ".join(meta)  # only copy keys, not URLs
    assert all(b.kind == "metadata" for b in doc.blocks if b.region == "metadata")


@pytest.fixture(scope="module")
def site_findings():
    return check(str(SITE))


def test_site_article_claims_are_reported(site_findings):
    assert ("msc-ms-als.html", 63) in [(p, line) for p, line, _ in at(site_findings, "safety.safe-and-effective")]
    assert [p for p, _, _ in at(site_findings, "efficacy.regrow")] == ["knee-injections.html"]


def test_site_chrome_claims_are_reported_once_for_the_site(site_findings):
    for rule in ("hype.breakthrough", "pressure.free-offer"):
        (f,) = [f for f in site_findings if f["rule"] == rule]
        assert f["path"].endswith("knee-injections.html")  # the first page by path
        assert "on 2 pages of this run" in f["message"]
        assert [r["path"].rsplit("/", 1)[-1] for r in f["related"]] == ["msc-ms-als.html"]


def test_site_template_is_no_duplicated_section(site_findings):
    assert not [f for f in site_findings if f["rule"] == "duplication.repeated-section"]


def test_hidden_popup_and_user_comments_are_not_linted(site_findings):
    excerpts = " ".join(f["excerpt"].lower() for f in site_findings)
    assert "risk-free" not in excerpts and "25% off" not in excerpts  # display:none popup
    assert "100% guaranteed" not in excerpts and "miracle cure" not in excerpts  # comments
    assert not at(site_findings, "disclaimer.investigational")  # the footer's disclaimer counts


def test_site_readability_grade_is_the_articles():
    text = (SITE / "msc-ms-als.html").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", text, re.S).group()
    page, alone = (analyse_readability(parse_text(t, "html")) for t in (text, article))
    assert (page.words, page.sentences, round(page.grade, 2)) == (alone.words, alone.sentences, round(alone.grade, 2))
    assert page.grade > 8  # the article is above target: the template no longer hides that


PAGE = """<body><nav class="breadcrumb">Home</nav>
<main><header><h1>Our stem cells cure arthritis.</h1></header>
<div class="promo-box"><p>Our serum is FDA-approved.</p></div>
<div id="comments"><p>These injections are a miracle cure.</p></div>
<p aria-hidden="true">Completely risk-free.</p><template><p>Risk-free.</p></template>
</main><aside role="complementary"><p>Sidebar text.</p></aside></body>"""


def regions(text: str, options: HtmlOptions | None = None) -> list[tuple[str, str]]:
    return [(b.region, b.text) for b in parse(Source("p.html", text, "html"), options).blocks]


def test_regions_of_a_page():
    assert regions(PAGE) == [
        ("chrome", "Home"), ("main", "Our stem cells cure arthritis."), ("main", "Our serum is FDA-approved."),
        ("chrome", "Sidebar text."),
    ]


def test_html_options_skip_chrome_and_lint_comments():
    found = regions(PAGE, HtmlOptions(skip=("div.promo-box",), chrome=("h1",), comments="lint"))
    assert found == [
        ("chrome", "Home"), ("chrome", "Our stem cells cure arthritis."),
        ("comments", "These injections are a miracle cure."), ("chrome", "Sidebar text."),
    ]


def test_layout_classes_on_body_do_not_make_the_page_chrome():
    found = regions('<body class="has-sidebar single"><div class="content-area"><p>Main words.</p></div></body>')
    assert found == [("main", "Main words.")]


def test_html_config_is_validated(tmp_path):
    config = parse_config({"html": {"skip": [".popup", "[data-nosnippet]"], "chrome": ["#promo"], "comments": "lint"}},
                          "c.yaml", base=tmp_path)
    assert config.html == HtmlOptions((".popup", "[data-nosnippet]"), ("#promo",), "lint")
    for bad in ({"skip": ["div p"]}, {"comments": "maybe"}, {"chrom": []}, ["x"]):
        with pytest.raises(ConfigError):
            parse_config({"html": bad}, "c.yaml", base=tmp_path)


def test_comments_lint_from_the_config_file_reaches_the_parser(tmp_path, monkeypatch):
    (tmp_path / ".copylint.yaml").write_text("html:\n  comments: lint\n")
    (tmp_path / "a.html").write_text('<p>Hello there.</p><div id="comments"><p>This is a miracle cure.</p></div>')
    monkeypatch.chdir(tmp_path)
    assert any("miracle" in f["excerpt"].lower() for f in check("a.html"))
    (tmp_path / ".copylint.yaml").write_text("html:\n  comments: skip\n")
    assert not any("miracle" in f["excerpt"].lower() for f in check("a.html"))


def test_header_and_footer_are_chrome_outside_the_article_and_content_inside_it():
    page = ("<body><header><p>Site header.</p></header><article><header><p>Article header.</p></header>"
            "<footer><p>Article footer.</p></footer></article><footer><p>Site footer.</p></footer></body>")
    assert regions(page) == [("chrome", "Site header."), ("main", "Article header."), ("main", "Article footer."),
                             ("chrome", "Site footer.")]
