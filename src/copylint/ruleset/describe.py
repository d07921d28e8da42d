"""Plain descriptions of a rule for readers who never see a finding (SARIF rule metadata, the
rule's docs page): its message template with every {field} taken out, and a short title."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from copylint.kinds.base import RuleSpec

# Stands for a field while the template is rewritten (never in rule text: YAML cannot hold it).
MARK = "\x00"
FIELD = re.compile(MARK + r"(\w+)" + MARK)
QUOTED_FIELD = re.compile(r"(['\"])" + FIELD.pattern + r"\1")
# What a field left in a sentence stands for, when the sentence cannot simply drop it.
NOUNS = {
    "match": "the wording",
    "term": "the correct spelling",
    "other": "another way",
    "count": "several times",
    "other_count": "several times",
    "other_line": "another line",
    "detail": "the dates found",
    "date": "the year",
    "evidence": "the evidence",
    "cue": "the wording",
    "age": "several",
    "event": "the event",
    "key": "the field",
    "size": "section",
    "where": "elsewhere",
    "copies": "several",
    "subject": "the product",
    "effect": "the effect claimed",
    "benefit": "the benefit claimed",
    "condition": "the condition",
    "claim": "the claim",
    "criterion": "the reason",
    "context": "the study",
    "statistic": "the figure",
    "strength": "the claim strength",
    "grade": "",
    "ease": "",
    "lines": "the lines named in the finding",
    "words": "the word count",
    "trigger": "the wording that calls for it",
    "trigger_line": "its line",
}


# Said of a rule whose suggestion is filled in from each finding ("a {date} study").
PER_FINDING = "Each finding carries a suggestion worked out from the text it points at."


@dataclass(frozen=True)
class Description:
    title: str  # a short title: no final full stop, no fields
    text: str  # the whole message as sentences, no fields


def describe(spec: RuleSpec) -> Description:
    """The rule's title (its `summary` when it has one) and its message without fields."""
    text = plain(spec.message, spec) or spec.id
    title = spec.summary or _title(text) or spec.id
    return Description(title=title, text=text)


def plain(template: str, spec: RuleSpec | None = None) -> str:
    """`template` with no {field}: numeric rule options filled in; a parenthesis or a clause after
    a colon that holds a field dropped; a leading quoted {match} read as "Wording that"; any
    other field replaced by what it stands for (NOUNS)."""
    text = _marked(" ".join(template.split()), spec.options if spec else {})
    text = re.sub(r"\s*\([^()]*" + MARK + r"[^()]*\)", "", text)
    text = re.sub(r"^(['\"]?)" + MARK + r"match" + MARK + r"\1\s+", "Wording that ", text)
    text = re.sub(r":\s[^.;:" + MARK + r"]*" + MARK + r"[^.;:]*(?=[.;]|$)", "", text)
    text = QUOTED_FIELD.sub(lambda m: _noun(m.group(2)), text)
    text = FIELD.sub(lambda m: _noun(m.group(1)), text)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
    return _capital(text)


def _marked(template: str, options: dict) -> str:
    """The template with each field written MARK name MARK (literal braces unescaped); fields
    naming a numeric option of the rule (`{max_grade}`) are filled with its value."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        value = options.get(name)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        out.append(str(value) if number else f"{MARK}{name}{MARK}")
    return "".join(out)


def suggestion(spec: RuleSpec) -> str | None:
    """The rule's suggested fix as plain text, or None when it has none or it is worked out
    from each finding's text (a template with fields, such as "a {date} study")."""
    if not spec.suggest or any(name for _, name, _, _ in string.Formatter().parse(spec.suggest)):
        return None
    return " ".join(spec.suggest.split()).replace("{{", "{").replace("}}", "}")


def _noun(name: str) -> str:
    return NOUNS.get(name, name.replace("_", " "))


def _title(text: str) -> str:
    """The first clause of the description: before the first colon, semicolon or full stop,
    parentheses left out (so a quotation inside them can never cut it short)."""
    bare = re.sub(r"\s*\([^()]*\)", "", text)
    clause = re.split(r"[;:]\s|\.(?:\s|$)|,\s(?:so|and|but|because)\s", bare, maxsplit=1)[0]
    return _capital(clause.strip().rstrip("."))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
