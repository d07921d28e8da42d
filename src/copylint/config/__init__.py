"""Team configuration: `.copylint.yaml` or `[tool.copylint]` in pyproject.toml, the nearest one
above each linted file (as ruff does), plus `--config KEY=VALUE` overrides, parsed by the keys
declared in config/keys.py. Parsing is pure; every error names the file and line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from copylint.config.keys import DUPLICATE_KEYS as DUPLICATES_DECLARED, FAIL_ON, HTML_KEYS as HTML_DECLARED, LEVELS
from copylint.config.keys import KEYS as KEYS_DECLARED
from copylint.core.ids import OUTPUT_FORMATS, SELECTOR
from copylint.core.errors import FileLineError
from copylint.core.models import HtmlOptions
from copylint.ruleset import yaml_lines
from copylint.ruleset.yaml_lines import LinedDict, LinedList, line_of

CONFIG_NAME = ".copylint.yaml"
# Config attributes each key sets (an override replaces exactly these); the keys and their
# types, defaults and help are declared once, in config/keys.py.
KEY_ATTRS = {key.name: key.attrs for key in KEYS_DECLARED}
KEYS = tuple(KEY_ATTRS)
DUPLICATE_KEYS = tuple(k.name for k in DUPLICATES_DECLARED)
HTML_KEYS = tuple(k.name for k in HTML_DECLARED)
OVERRIDE = "--config"


class ConfigError(FileLineError):
    """A problem in a configuration file (or flag), reported as `file:line: message`."""


@dataclass
class Config:
    """The effective settings of a run. `origins` maps each rule id or prefix written in the
    file to `file:line`, so an unknown one can be reported once the rules are loaded."""

    path: Path | None = None
    select: list[str] | None = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    exclude: list[str] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    as_of: dt.date | None = None
    duplicate_threshold: float | None = None
    duplicate_min_words: int | None = None
    disclaimers: dict[str, list[str]] = field(default_factory=dict)
    format: str | None = None
    html: HtmlOptions = field(default_factory=HtmlOptions)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """Directory that globs (exclude, per-file-ignores) are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()


# -- finding and loading -------------------------------------------------------------------------

def find_config(start: Path) -> Path | None:
    """The nearest `.copylint.yaml`, or pyproject.toml with a [tool.copylint] table, from `start` up."""
    for directory in [start, *start.parents]:
        found = _config_in(directory)
        if found is not None:
            return found
    return None


class ConfigFinder:
    """The nearest configuration file of each folder, each folder looked at once per run."""

    def __init__(self) -> None:
        self._by_dir: dict[Path, Path | None] = {}

    def nearest(self, start: Path) -> Path | None:
        start = start.resolve()
        walked: list[Path] = []
        found: Path | None = None
        for directory in [start, *start.parents]:
            if directory in self._by_dir:
                found = self._by_dir[directory]
                break
            walked.append(directory)
            found = _config_in(directory)
            if found is not None:
                break
        for directory in walked:  # none of them holds a nearer file than `found`
            self._by_dir[directory] = found
        return found


def _config_in(directory: Path) -> Path | None:
    candidate = directory / CONFIG_NAME
    if candidate.is_file():
        return candidate
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file() and _has_tool_table(pyproject):
        return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether pyproject.toml has a `tool.copylint` table, in any TOML spelling (read with
    tomllib). A malformed file that mentions copylint counts, so loading it names the error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    tomllib = _tomllib()
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return "copylint" in text
    return isinstance(tool, dict) and "copylint" in tool


def _tomllib():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib


def load_config(path: Path) -> Config:
    """Read and parse a config file (YAML, or pyproject.toml's [tool.copylint])."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(name, 0, f"cannot read configuration: {exc}") from None
    data = _load_toml(text, name) if path.name.endswith(".toml") else _load_yaml(text, name)
    return parse_config(data, name, base=path.resolve().parent, path=path)


def _load_yaml(text: str, name: str) -> Any:
    import yaml

    try:
        return yaml_lines.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(name, mark.line + 1 if mark else 0, f"invalid YAML: {problem}") from None


def _load_toml(text: str, name: str) -> Any:
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ConfigError(name, int(match.group(1)) if match else 0, f"invalid TOML: {exc}") from None
    tool = data.get("tool")
    table = tool.get("copylint") if isinstance(tool, dict) else None
    if table is None:
        raise ConfigError(name, 0, "no [tool.copylint] table in this file")
    return _with_lines(table, ("tool", "copylint"), _toml_key_lines(text), 1)


def _toml_key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line of each `key =` and `[table]` in TOML text, by dotted path (good enough for errors)."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    key = r'(?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
    for n, line in enumerate(text.splitlines(), 1):
        header = re.match(rf"^\s*\[\s*({key}(?:\s*\.\s*{key})*)\s*\]", line)
        if header:
            table = tuple(_unquote(p) for p in re.findall(key, header.group(1)))
            lines.setdefault(table, n)
            continue
        assign = re.match(rf"^\s*({key})\s*=", line)
        if assign:
            lines.setdefault(table + (_unquote(assign.group(1)),), n)
    return lines


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


def _with_lines(value: Any, path: tuple[str, ...], lines: dict, parent: int) -> Any:
    own = lines.get(path, parent)
    if isinstance(value, dict):
        out = LinedDict()
        out.line, out.key_lines = own, {}
        for k, v in value.items():
            out[k] = _with_lines(v, path + (str(k),), lines, own)
            out.key_lines[str(k)] = lines.get(path + (str(k),), own)
        return out
    if isinstance(value, list):
        items = LinedList(_with_lines(v, path, lines, own) for v in value)
        items.line, items.item_lines = own, [own] * len(value)
        return items
    return value


# -- parsing -------------------------------------------------------------------------------------

def parse_config(data: Any, name: str, *, base: Path, path: Path | None = None) -> Config:
    """Validate the mapping read from `name`; relative rule directories resolve against `base`."""
    config = Config(path=path)
    if data is None:
        return config
    if not isinstance(data, dict):
        raise ConfigError(name, line_of(data) or 1, "the configuration must be a mapping of keys")

    def err(key: str, problem: str, container: Any = data, sub: Any = None) -> ConfigError:
        return ConfigError(name, line_of(container, sub if sub is not None else key) or line_of(data, key), problem)

    for key in data:
        if key not in KEYS:
            import difflib  # (only to name a misspelt key: a run that reads a good file never loads it)

            close = difflib.get_close_matches(str(key).replace("_", "-"), KEYS, 1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise err(key, f"unknown key {key!r}{hint}")
    for key, attr in (("select", "select"), ("ignore", "ignore"), ("extend-select", "extend_select")):
        if key in data:
            setattr(config, attr, _selectors(data[key], key, data, name, config))
    if "per-file-ignores" in data:
        config.per_file_ignores = _per_file_ignores(data, name, config)
    if "severity" in data:
        config.severity = _severity(data, name, config)
    if "fail-on" in data:
        config.fail_on = _choice(data["fail-on"], FAIL_ON, err("fail-on", "fail-on"))
    if "exclude" in data:
        config.exclude = _strings(data["exclude"], err("exclude", "'exclude' must be a list of glob patterns"))
    if "rules" in data:
        config.rules = _rule_dirs(data, name, base)
    if "as-of" in data:
        config.as_of = _date(data["as-of"], err("as-of", ""))
    if "duplicates" in data:
        _duplicates(data, name, config)
    if "disclaimers" in data:
        config.disclaimers = _disclaimers(data, name, config)
    if "html" in data:
        config.html = _html(data, name)
    if "format" in data:
        config.format = _choice(data["format"], OUTPUT_FORMATS, err("format", "format"))
    return config


def _strings(value: Any, error: ConfigError) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise error
    return [v.strip() for v in value]


def _choice(value: Any, choices: tuple[str, ...], error: ConfigError) -> str:
    if value not in choices:
        raise replace(error, message=f"'{error.message}' must be one of: {', '.join(choices)} (got {value!r})")
    return value


def _selectors(value: Any, key: str, container: Any, name: str, config: Config) -> list[str]:
    line = line_of(container, key)
    items = _strings(value, ConfigError(name, line, f"'{key}' must be a list of rule ids or prefixes"))
    for i, item in enumerate(items):
        at = line_of(value, i) or line
        if not SELECTOR.match(item):
            raise ConfigError(name, at, f"{item!r} in '{key}' is not a rule id or prefix (e.g. 'efficacy' or 'efficacy.cure')")
        config.origins.setdefault(item, (name, at))
    return items


def _mapping(data: Any, key: str, name: str, problem: str) -> dict:
    """The mapping under `key`, or a ConfigError with `problem` at its line."""
    table = data[key]
    if not isinstance(table, dict):
        raise ConfigError(name, line_of(data, key), problem)
    return table


def _per_file_ignores(data: Any, name: str, config: Config) -> dict[str, list[str]]:
    table = _mapping(data, "per-file-ignores", name, "'per-file-ignores' must map glob patterns to lists of rule ids")
    return {str(glob): _selectors(ids, str(glob), table, name, config) for glob, ids in table.items()}


def _severity(data: Any, name: str, config: Config) -> dict[str, str]:
    table = _mapping(data, "severity", name, "'severity' must map rule ids or prefixes to error, warning, info or off")
    out: dict[str, str] = {}
    for rid, level in table.items():
        at = line_of(table, rid)
        if not isinstance(rid, str) or not SELECTOR.match(rid):
            raise ConfigError(name, at, f"{rid!r} in 'severity' is not a rule id or prefix")
        if level is False:  # YAML reads a bare `off` as false
            level = "off"
        if level not in LEVELS:
            raise ConfigError(name, at, f"severity of {rid!r} must be one of: {', '.join(LEVELS)} (got {level!r})")
        config.origins.setdefault(rid, (name, at))
        out[rid] = level
    return out


def _rule_dirs(data: Any, name: str, base: Path) -> list[Path]:
    value = data["rules"]
    dirs = _strings(value, ConfigError(name, line_of(data, "rules"), "'rules' must be a list of rule directories or files"))
    out = []
    for i, d in enumerate(dirs):
        try:
            path = (base / d).resolve()
            found = path.exists()
        except (OSError, ValueError):  # a NUL byte or an unreadable name is no directory either
            found = False
        if not found:
            raise ConfigError(name, line_of(value, i) or line_of(data, "rules"), f"rule directory {d!r} not found (relative to {base})")
        out.append(path)
    return out


def _date(value: Any, error: ConfigError) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise replace(error, message=f"'as-of' must be a date in YYYY-MM-DD form (got {value!r})") from None


def _duplicates(data: Any, name: str, config: Config) -> None:
    table = _mapping(data, "duplicates", name, "'duplicates' must be a mapping with 'threshold' and/or 'min-words'")
    for key, value in table.items():
        at = line_of(table, key)
        if key == "threshold":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                raise ConfigError(name, at, f"duplicates.threshold must be a number in (0, 1] (got {value!r})")
            config.duplicate_threshold = float(value)
        elif key == "min-words":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(name, at, f"duplicates.min-words must be a whole number >= 1 (got {value!r})")
            config.duplicate_min_words = value
        else:
            raise ConfigError(name, at, f"unknown key {key!r} in 'duplicates' (known keys: {', '.join(DUPLICATE_KEYS)})")


def _html(data: Any, name: str) -> HtmlOptions:
    """`html: {skip: [selectors], chrome: [selectors], comments: lint|skip}`."""
    from copylint.parsers.regions import parse_selector

    table = _mapping(data, "html", name, "'html' must be a mapping with 'skip', 'chrome' and/or 'comments'")
    options: dict[str, Any] = {}
    for key, value in table.items():
        at = line_of(table, key)
        if key in ("skip", "chrome"):
            selectors = _strings(value, ConfigError(name, at, f"html.{key} must be a list of CSS selectors"))
            for i, selector in enumerate(selectors):
                try:
                    parse_selector(selector)
                except ValueError as exc:
                    raise ConfigError(name, line_of(value, i) or at, f"html.{key}: {exc}") from None
            options[key] = tuple(selectors)
        elif key == "comments":
            options[key] = _choice(value, ("lint", "skip"), ConfigError(name, at, "html.comments"))
        else:
            raise ConfigError(name, at, f"unknown key {key!r} in 'html' (known keys: {', '.join(HTML_KEYS)})")
    return HtmlOptions(**options)


def _disclaimers(data: Any, name: str, config: Config) -> dict[str, list[str]]:
    table = _mapping(data, "disclaimers", name, "'disclaimers' must map rule ids to lists of accepted wordings")
    out: dict[str, list[str]] = {}
    for rid, wordings in table.items():
        at = line_of(table, rid)
        if not isinstance(rid, str) or not SELECTOR.match(rid):
            raise ConfigError(name, at, f"{rid!r} in 'disclaimers' is not a rule id")
        out[rid] = _strings(wordings, ConfigError(name, at, f"disclaimers for {rid!r} must be a list of non-empty strings"))
        config.origins.setdefault(rid, (name, at))
    return out


# -- --config KEY=VALUE overrides --------------------------------------------------------------

def is_override(arg: str) -> bool:
    """`fail-on=error` is an override; `team/.copylint.yaml` (no `=` before a path part) a file."""
    key = arg.split("=", 1)[0]
    return "=" in arg and "/" not in key and "\\" not in key and not Path(arg).is_file()


def parse_overrides(args: Iterable[str], base: Path) -> tuple[dict[str, Any], Config]:
    """The data and the parsed Config of `KEY=VALUE` overrides. VALUE is YAML (`select=[efficacy, hype]`,
    `fail-on=error`); `severity.hype=info` and `duplicates.threshold=0.9` set one entry of a table."""
    data: dict[str, Any] = {}
    for arg in args:
        import yaml  # only when there are overrides: PyYAML compiles its regexes when imported

        key, _, raw = arg.partition("=")
        key = key.strip()
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            raise ConfigError(OVERRIDE, 0, f"{arg!r}: the value is not valid YAML") from None
        head, dot, sub = key.partition(".")
        if dot and head in ("severity", "per-file-ignores", "duplicates", "disclaimers"):
            table = data.setdefault(head, {})
            if not isinstance(table, dict):
                raise ConfigError(OVERRIDE, 0, f"{arg!r}: {head!r} is already set as a whole")
            table[sub] = value
        else:
            data[key] = value
    return data, parse_config(data, OVERRIDE, base=base)


def overlay(config: Config, data: dict[str, Any], over: Config) -> Config:
    """`config` with the keys present in the override `data` replaced by `over`'s values (a
    dotted override such as `severity.hype=info` adds to the file's table instead)."""
    changes: dict[str, Any] = {}
    for key in data:
        for attr in KEY_ATTRS[key]:
            value = getattr(over, attr)
            if isinstance(value, dict) and key != "duplicates":
                value = {**getattr(config, attr), **value}
            if value is not None or key != "duplicates":
                changes[attr] = value
    return replace(config, **changes, origins={**config.origins, **over.origins})


# -- combining with flags and the loaded rules ---------------------------------------------------

def split_ids(values: Iterable[str]) -> list[str]:
    """Flag values: repeatable and comma-separated (`--select efficacy,hype --select safety`)."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def check_selectors(config: Config, known: Iterable[str], flags: dict[str, list[str]] | None = None,
                    former: Iterable[str] = ()) -> None:
    """Raise ConfigError for a rule id or prefix (in the file or a flag) that matches no rule
    (a former rule id still matches; only current ids are suggested)."""
    known = list(known)
    accepted = [*known, *former]

    def matches(pattern: str) -> bool:
        return any(rid == pattern or rid.startswith(pattern + ".") for rid in accepted)

    for pattern, (file, line) in config.origins.items():
        if not matches(pattern):
            raise ConfigError(file, line, f"{pattern!r} matches no rule{_did_you_mean(pattern, known)}")
    for flag, patterns in (flags or {}).items():
        for pattern in patterns:
            if not SELECTOR.match(pattern) or not matches(pattern):
                raise ConfigError(flag, 0, f"{pattern!r} matches no rule{_did_you_mean(pattern, known)}")


def _did_you_mean(pattern: str, known: list[str]) -> str:
    import difflib  # (only for an error message)

    prefixes = sorted({".".join(k.split(".")[:n]) for k in known for n in range(1, k.count(".") + 2)})
    close = difflib.get_close_matches(pattern, prefixes, 1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def with_flags(
    config: Config,
    *,
    select: list[str] | None = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    exclude: Iterable[str] = (),
    rules: Iterable[str] = (),
    fail_on: str | None = None,
    as_of: dt.date | None = None,
    format: str | None = None,
) -> Config:
    """Command-line flags over the file: --select replaces the file's select; --extend-select,
    --ignore, --exclude and --rules add to the file's lists; the rest override."""
    return replace(
        config,
        select=select if select else config.select,
        extend_select=[*config.extend_select, *extend_select],
        ignore=[*config.ignore, *ignore],
        exclude=[*config.exclude, *exclude],
        rules=[*config.rules, *(Path(r) for r in rules)],
        fail_on=fail_on or config.fail_on,
        as_of=as_of or config.as_of,
        format=format or config.format,
    )
