"""Find rule files (the shipped pack and any extra directories), validate them and compile the
rules once per run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from copylint.kinds import KINDS
from copylint.core.spec import RuleSpec, Settings
from copylint.kinds.base import RuleKind
from copylint.core.models import CATEGORIES
from copylint.core.ids import RULE_ID
from copylint.ruleset.schema import FILE_KEYS, RuleError, validate_rule


def default_pack_dir() -> Path:
    """The shipped rule pack: inside the installed package, or rules/ in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "pack"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@dataclass
class RulePack:
    """Validated rule specs and the vocabularies they share, before compiling."""

    specs: list[RuleSpec] = field(default_factory=list)
    vocabularies: dict[str, list[str]] = field(default_factory=dict)
    patterns: dict[str, list[str]] = field(default_factory=dict)  # named regex lists (`patterns:`)
    aliases: dict[str, str] = field(default_factory=dict)  # former rule id -> current id (`aliases:`)


# Sub-folders of a pack that hold shared data (vocabularies by family, the claim lexicon).
DATA_FOLDERS = ("vocabularies", "language")


def rule_files(directories: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        directory = Path(directory)
        if directory.is_file():
            files.append(directory)
            continue
        if not directory.is_dir():
            raise RuleError(str(directory), 0, "rule directory not found")
        for folder in (directory, *(directory / name for name in DATA_FOLDERS)):
            if folder.is_dir():
                files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")))
    return files


def load_pack(directories: Iterable[Path] | None = None, kinds: dict[str, type[RuleKind]] | None = None) -> RulePack:
    kinds = KINDS if kinds is None else kinds
    dirs = list(directories) if directories is not None else [default_pack_dir()]
    pack = RulePack()
    seen: dict[str, str] = {}
    alias_lines: dict[str, tuple[str, int]] = {}
    for path in rule_files(dirs):
        _load_file(path, kinds, pack, seen, alias_lines)
    _check_aliases(pack, alias_lines)
    sources: dict[str, str] = {}
    shapes: dict[str, str | None] = {}
    for spec in pack.specs:
        _guard_vocabulary_refs(spec, pack.vocabularies, shapes)
        _expand_vocabulary_refs(spec, pack.vocabularies, sources)
    return pack


def _guard_vocabulary_refs(spec: RuleSpec, vocabularies: dict[str, list[str]], shapes: dict[str, str | None]) -> None:
    """Keep in `spec.guards` the guard of each pattern that names a vocabulary (the pattern
    with a short shape of each vocabulary in place of its name: `language.guards`), before the
    names are expanded. `shapes` keeps each vocabulary's shape for the whole pack. An unknown
    name gets no shape (`_expand_vocabulary_refs` reports it)."""
    from copylint.language.guards import guarded_options
    from copylint.language.vocab import terms_shape_source

    def shape(name: str) -> str | None:
        if name not in shapes:
            shapes[name] = terms_shape_source(vocabularies[name]) if name in vocabularies else None
        return shapes[name]

    spec.guards = guarded_options(spec.options, shape)


def _expand_vocabulary_refs(spec: RuleSpec, vocabularies: dict[str, list[str]], sources: dict[str, str]) -> None:
    """Replace `{vocab:NAME}` in the rule's pattern strings by one bounded alternation of the
    vocabulary's terms (their plurals and inflections too, case-insensitively), compiled as one
    trie so that the pattern's cost stays flat as the vocabulary grows. A list of drugs or devices
    is kept once in rules/vocabularies/ and shared by every pattern that names it. `sources`
    keeps each vocabulary's trie for the whole pack (built once however many patterns name it).
    An unknown name is a RuleError at the rule's line."""
    from copylint.language.guards import VOCAB_REF
    from copylint.language.vocab import terms_trie_source

    def term_alternation(m: re.Match) -> str:
        name = m.group(1)
        if name not in vocabularies:
            known = ", ".join(sorted(vocabularies)) or "none"
            raise RuleError(spec.file, spec.line, f"rule {spec.id!r}: unknown vocabulary {{vocab:{name}}} (known: {known})")
        if name not in sources:
            sources[name] = f"(?:{terms_trie_source(vocabularies[name])})"
        return sources[name]

    def expand(value: Any) -> Any:
        if isinstance(value, str):
            return VOCAB_REF.sub(term_alternation, value) if "{vocab:" in value else value
        return [expand(item) for item in value] if isinstance(value, list) else value

    for key, value in list(spec.options.items()):
        spec.options[key] = expand(value)


def file_category(path: Path) -> str | None:
    """The category a rule file is named for (`efficacy.yaml` holds the `efficacy` rules), or
    None for a file of another name (a team's own `brand.yaml`). Every rule file at the top of
    the shipped pack must be named for its category."""
    if path.stem in CATEGORIES:
        return path.stem
    if path.resolve().parent == default_pack_dir().resolve():
        return ""  # matches no category: a shipped file that holds rules must be named for one
    return None


def load_prepared(directories: Iterable[Path]) -> RulePack:
    """`load_pack` with the default kinds, each spec's `derived` data computed (what a cache may keep)."""
    pack = load_pack(directories)
    for spec in pack.specs:
        spec.derived = KINDS[spec.kind].prepare(spec)
    return pack


def _load_file(path: Path, kinds: dict[str, type[RuleKind]], pack: RulePack, seen: dict[str, str],
               alias_lines: dict[str, tuple[str, int]]) -> None:
    import yaml  # lazy: a cached pack never needs the YAML parser

    from copylint.ruleset import yaml_lines

    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(name, 0, f"cannot read rule file: {exc}") from None
    try:
        data = yaml_lines.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleError(name, mark.line + 1 if mark else 0, f"invalid YAML: {problem}") from None
    if data is None:
        return
    if not isinstance(data, dict):
        raise RuleError(name, 1, "a rule file must be a mapping with a 'rules:' list")
    for key in data:
        if key not in FILE_KEYS:
            raise RuleError(name, yaml_lines.line_of(data, key), f"unknown top-level key {key!r} (allowed: {', '.join(FILE_KEYS)})")
    _load_named_lists(name, "vocabularies", data, pack.vocabularies, _check_term)
    _load_named_lists(name, "patterns", data, pack.patterns, _check_pattern)
    _load_aliases(name, data, pack.aliases, alias_lines)
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise RuleError(name, yaml_lines.line_of(data, "rules"), "'rules' must be a list")
    category = file_category(path) if rules else None
    for i, raw in enumerate(rules):
        line = yaml_lines.line_of(rules, i)
        spec = validate_rule(raw, kinds, name, line, category)
        if spec.id in seen:
            raise RuleError(name, line, f"duplicate rule id {spec.id!r} (first defined in {seen[spec.id]})")
        seen[spec.id] = f"{name}:{line}"
        pack.specs.append(spec)


def _check_term(term: Any) -> str | None:
    return None if isinstance(term, str) and term.strip() else "must be a non-empty string"


def _check_pattern(pattern: Any) -> str | None:
    from copylint.core import validators as v

    if not isinstance(pattern, str):
        return "must be a string"
    try:
        v.compile_pattern(pattern, 0)
    except ValueError as exc:
        return str(exc)
    return None


def _load_aliases(name: str, data: Any, into: dict[str, str], lines: dict[str, tuple[str, int]]) -> None:
    """A top-level `aliases:` mapping of former rule ids to current ones."""
    from copylint.ruleset import yaml_lines

    section = data.get("aliases")
    if section is None:
        return
    if not isinstance(section, dict):
        raise RuleError(name, yaml_lines.line_of(data, "aliases"), "'aliases' must map former rule ids to current ones")
    for old, new in section.items():
        line = yaml_lines.line_of(section, old)
        for value in (old, new):
            if not isinstance(value, str) or not RULE_ID.match(value):
                raise RuleError(name, line, f"alias {old!r}: {value!r} is not a rule id (dotted lower-case words)")
        if old in lines:
            raise RuleError(name, line, f"alias {old!r} is defined twice (first in {lines[old][0]}:{lines[old][1]})")
        into[old] = new
        lines[old] = (name, line)


def _check_aliases(pack: RulePack, lines: dict[str, tuple[str, int]]) -> None:
    """Every alias names a rule that exists, and no former id is still a rule's id."""
    ids = {spec.id for spec in pack.specs}
    for old, new in pack.aliases.items():
        if old in ids:
            raise RuleError(*lines[old], f"alias {old!r} is the id of a rule; a former id must not be in use")
        if new not in ids:
            raise RuleError(*lines[old], f"alias {old!r} points to {new!r}, which is not a rule id")


SINGULAR = {"vocabularies": ("vocabulary", "terms"), "patterns": ("pattern list", "patterns")}


def _load_named_lists(name: str, key: str, data: Any, into: dict[str, list[str]], check) -> None:
    """A top-level mapping of names to lists (`vocabularies:` of terms, `patterns:` of regexes),
    merged into `into`; every bad entry is reported as file:line."""
    from copylint.ruleset import yaml_lines  # only imported when a rule file is actually parsed

    section = data.get(key)
    if section is None:
        return
    singular, items_noun = SINGULAR[key]
    if not isinstance(section, dict):
        raise RuleError(name, yaml_lines.line_of(data, key), f"{key!r} must map names to lists of {items_noun}")
    for list_name, items in section.items():
        line = yaml_lines.line_of(section, list_name)
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise RuleError(name, line, f"{singular} {list_name!r} must be a list of strings")
        for i, item in enumerate(items):
            problem = check(item)
            if problem:
                raise RuleError(name, yaml_lines.line_of(items, i) or line, f"{singular} {list_name!r}, entry {i + 1}: {problem}")
        into.setdefault(str(list_name), []).extend(items)


def pack_settings(pack: RulePack, settings: Settings | None = None) -> Settings:
    """A copy of `settings` holding the pack's vocabularies and pattern lists (the settings' own
    entries win); `settings` itself is left as it was."""
    settings = settings or Settings()
    return replace(settings, vocabularies={**pack.vocabularies, **settings.vocabularies},
                   patterns={**pack.patterns, **settings.patterns})


def compile_rules(pack: RulePack, settings: Settings | None = None, kinds: dict[str, type[RuleKind]] | None = None) -> list[RuleKind]:
    """Instantiate every rule with its kind, under `pack_settings(pack, settings)` (neither the
    pack nor the given settings change); a kind may raise RuleError for bad option values."""
    kinds = KINDS if kinds is None else kinds
    settings = pack_settings(pack, settings)
    compiled = []
    for spec in pack.specs:
        try:
            compiled.append(kinds[spec.kind](spec, settings))
        except ValueError as exc:
            raise RuleError(spec.file, spec.line, f"rule {spec.id!r}: {exc}") from None
    from copylint.language.literals import attach_anchor_index

    attach_anchor_index(compiled)  # one automaton for every rule's anchors, one pass per document
    return compiled
