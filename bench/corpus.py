"""Deterministic benchmark corpus: N articles (~4-5 KB each, Markdown, HTML and text) built from
the paragraphs of ../shared/seeds and fixtures/ with seeded variations and shared sections."""

from __future__ import annotations

import argparse
import html
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = (ROOT.parent / "shared" / "seeds", ROOT / "fixtures")
FILES_PER_DIR = 100
CONDITIONS = ("ALS", "multiple sclerosis", "Parkinson's disease", "osteoarthritis", "knee pain",
              "rheumatoid arthritis", "COPD", "autism", "diabetes", "long COVID")
TREATMENTS = ("stem cell therapy", "exosome therapy", "PRP injections", "our supplement",
              "mesenchymal stem cells", "the Joint Renewal Formula", "regenerative therapy")
CLAIMS = (
    "Our {t} is a safe and effective treatment for {c}.",
    "There is no cure for {c}, and we do not claim one.",
    "{T} may help some patients with {c}, but studies are still small.",
    "Many patients report that {t} reversed their {c} within weeks.",
    "This breakthrough {t} has no side effects and works for everyone.",
    "Book your free consultation today: limited-time offer!",
    "{T} has not been approved by the FDA for {c}.",
    "A 2019 study of 12 patients suggested {t} might slow {c}.",
)
HEADINGS = ("What is {c}?", "How {t} works", "What the research says", "Risks and side effects",
            "Who is a candidate?", "Frequently asked questions", "Costs and next steps", "Our approach")


@dataclass(frozen=True)
class Article:
    path: str  # relative, e.g. "d003/a00312.md"
    text: str


def _clean(line: str) -> str:
    line = re.sub(r"<[^>]+>", " ", line)
    line = re.sub(r"^[#>*\-\s\d.]+", "", line)
    return " ".join(html.unescape(line).split())


def load_paragraphs(dirs=SEED_DIRS) -> list[str]:
    """Every prose line of 60+ characters from the seed and fixture files, deduplicated, sorted."""
    found: set[str] = set()
    for d in dirs:
        if not d.is_dir():
            continue
        for path in sorted(d.rglob("*")):
            if path.suffix not in (".txt", ".md", ".html") or not path.is_file():
                continue
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                text = _clean(line)
                if len(text) >= 60 and "{" not in text:
                    found.add(text)
    return sorted(found)


def _vary(paragraph: str, rng: random.Random, cond: str, treat: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    if len(sentences) > 2 and rng.random() < 0.3:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    text = " ".join(sentences)
    text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(2008, 2025)), text)
    text = re.sub(r"\bALS\b", cond, text) if rng.random() < 0.5 else text
    if rng.random() < 0.35:
        claim = rng.choice(CLAIMS).format(t=treat, T=treat[:1].upper() + treat[1:], c=cond)
        text = f"{text} {claim}" if rng.random() < 0.5 else f"{claim} {text}"
    return text


def _sections(paragraphs, rng, cond, treat, target, shared) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = []
    size = 0
    while size < target:
        if shared and rng.random() < 0.15:
            head, body = rng.choice(shared)
        else:
            head = rng.choice(HEADINGS).format(c=cond, t=treat)
            body = [_vary(rng.choice(paragraphs), rng, cond, treat) for _ in range(rng.randint(1, 3))]
        sections.append((head, body))
        size += len(head) + sum(len(p) + 2 for p in body)
    return sections


def render(fmt: str, title: str, sections, rng: random.Random, year: int) -> str:
    if fmt == "markdown":
        out = [f"---\ntitle: {title}\ndate: {year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---\n", f"# {title}\n"]
        for head, body in sections:
            out.append(f"## {head}\n")
            for p in body:
                out.append(f"- {p}\n" if rng.random() < 0.1 else f"{p}\n")
        return "\n".join(out)
    if fmt == "html":
        out = [f"<!DOCTYPE html>\n<html>\n<head><title>{html.escape(title)}</title></head>\n<body>",
               f"<h1>{html.escape(title)}</h1>"]
        for head, body in sections:
            out.append(f"<h2>{html.escape(head)}</h2>")
            out.extend(f"<p>{html.escape(p)}</p>" for p in body)
        out.append("</body>\n</html>\n")
        return "\n".join(out)
    out = [title, ""]
    for head, body in sections:
        out += [head, ""] + [p + "\n" for p in body]
    return "\n".join(out)


def plain_words(text: str) -> list[str]:
    """The words of an article without its markup (tags, front matter, heading and list marks)."""
    text = re.sub(r"(?s)^---\n.*?\n---\n", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return [w for w in text.split() if w.strip("#-*>")]


def generate(n: int, seed: int = 7, size: int = 4000) -> list[Article]:
    """`n` articles; the same (n, seed, size) always gives the same bytes."""
    rng = random.Random(seed)
    paragraphs = load_paragraphs()
    if not paragraphs:
        raise SystemExit("no seed paragraphs found (expected ../shared/seeds or fixtures/)")
    shared = [(rng.choice(HEADINGS).format(c=c, t=t),
               [_vary(rng.choice(paragraphs), rng, c, t) for _ in range(2)])
              for c, t in zip(CONDITIONS * 5, TREATMENTS * 8)]
    articles = []
    for i in range(n):
        cond, treat = rng.choice(CONDITIONS), rng.choice(TREATMENTS)
        fmt = rng.choices(("markdown", "html", "text"), (5, 3, 2))[0]
        title = f"{treat.title()} for {cond}"
        text = render(fmt, title, _sections(paragraphs, rng, cond, treat, size, shared), rng, rng.randint(2015, 2025))
        ext = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
        articles.append(Article(f"d{i // FILES_PER_DIR:04d}/a{i:06d}.{ext}", text))
    return articles


def write(n: int, out: Path, seed: int = 7) -> Path:
    """Write the corpus under `out` (reused when a complete copy is already there)."""
    marker = out / f".complete-{n}-{seed}"
    if marker.exists():
        return out
    for article in generate(n, seed):
        path = out / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8")
    marker.write_text("ok\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write(args.n, args.out, args.seed)
    print(args.out)


if __name__ == "__main__":
    main()
