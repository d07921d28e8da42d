"""Hostile input through the CLI: special files, hostile front matter, config and rule-pack values
of the wrong type, hostile baselines, outputs that would overwrite an input, a full disk, a closed
stdin, catastrophic patterns in every kind of a team's rule pack. Each gives one named line on
stderr and exit 2 (or a note), the other files still linted, no traceback, inputs untouched.
Sizes are reduced in CI; COPYLINT_STURDY_FULL=1 runs the full ones."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workflow_helpers import CLAIM, invoke, write

FULL = bool(os.environ.get("COPYLINT_STURDY_FULL"))
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files and signals")
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc and /dev/full")
CLI = [sys.executable, "-c", "import sys; from copylint.cli import main; sys.exit(main())"]
CLI_WITH_STACKS = [sys.executable, "-c", "import faulthandler, signal, sys; faulthandler.register(signal.SIGUSR1, "
                   "all_threads=True); from copylint.cli import main; sys.exit(main())"]


def run_cli(args, cwd, timeout=120, **kwargs):
    """copylint in a child process: (completed process, seconds, peak memory of children in MB)."""
    streams = {} if "stdout" in kwargs else {"capture_output": True}
    start = time.monotonic()
    proc = subprocess.run([*CLI, *map(str, args)], cwd=cwd, text=True, timeout=timeout, **streams, **kwargs)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return proc, time.monotonic() - start, peak_mb


def check(*args, input=None):
    return invoke("check", "--no-config", "-q", "--select", "efficacy.cure", *args, input=input)


def error_lines(result, fragment):
    return [line for line in result.stderr.splitlines() if fragment in line]


def assert_one_named_error(result, path, fragment, findings_in=("good.md",)):
    """Exit 2, exactly one stderr line naming `path` that says `fragment`, no traceback, and the
    other files' findings still reported."""
    assert result.exit_code == 2, result.output
    lines = error_lines(result, str(path))
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output
    for name in findings_in:
        assert f"{name}:" in result.stdout and "efficacy.cure" in result.stdout


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "good.md", CLAIM)
    return tmp_path


# -- special files --------------------------------------------------------------------------------

@POSIX
def test_fifo_named_on_the_command_line_is_refused_without_opening(folder):
    os.mkfifo(folder / "pipe.md")  # opening it would block forever: nobody writes to it
    result = check("pipe.md", "good.md")
    assert_one_named_error(result, "pipe.md", "a FIFO (named pipe), not a regular file")


@POSIX
def test_socket_and_device_named_are_refused(folder):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.md"))
    try:
        result = check("sock.md", "/dev/zero", "good.md")
    finally:
        server.close()
    assert_one_named_error(result, "sock.md", "a socket")
    assert_one_named_error(result, "/dev/zero", "a character device")


@POSIX
def test_special_files_found_by_the_walk_are_skipped_with_a_note(folder):
    write(folder, "site/page.md", CLAIM)
    os.mkfifo(folder / "site" / "pipe.md")
    write(folder, "site/dir.md/inner.md", CLAIM)  # a directory named *.md is walked, not opened
    result = check("site")
    assert result.exit_code == 1, result.output  # findings, and no error: a note is not a failure
    notes = error_lines(result, "pipe.md")
    assert len(notes) == 1 and "note: skipped: a FIFO" in notes[0]
    assert "site/page.md:" in result.stdout and "site/dir.md/inner.md:" in result.stdout


@LINUX
def test_closed_stdin_is_a_named_error(folder):
    proc, _, _ = run_cli(["check", "--no-config", "-q", "-", "good.md"], folder, stdin=subprocess.DEVNULL,
                         preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2 and "-: error: standard input is closed" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "good.md:" in proc.stdout


def test_stdin_has_the_file_size_limit(folder, monkeypatch):
    monkeypatch.setenv("COPYLINT_MAX_FILE_MB", "1")
    result = check("-", "good.md", input="Our stem cells cure arthritis. " * 70_000)  # ~2 MB
    assert_one_named_error(result, "-: error", "standard input too large")


# -- hostile front matter -----------------------------------------------------------------------

DEPTH = 5000
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
) + "audience: *i\n"  # 9^9 values if expanded; readability reads `audience`

FRONT_MATTER = {
    "deep flow": ("title: " + "[" * DEPTH + "]" * DEPTH, "front matter: nesting too deep"),
    "deep block": ("title: x\n" + "".join(" " * i + "k:\n" for i in range(DEPTH // 10)) + " " * (DEPTH // 10) + "v",
                   "front matter: nesting too deep"),
    "billion laughs": (LAUGHS, "front matter: anchors and aliases expand to more than"),
    "bad date": ("date: 2024-13-45", "front matter: date 2024-13-45 is not a date"),
    "bad tagged int": ("order: !!int twelve", "front matter: twelve is not a whole number"),
    "list as a key": ("? [a, b]\n: value", "front matter: a key must be a plain name, not a list"),
    "mapping as a key": ("? {a: b}\n: value", "front matter: a key must be a plain name, not a mapping"),
}


@pytest.mark.parametrize("case", FRONT_MATTER, ids=list(FRONT_MATTER))
def test_hostile_front_matter_is_named_and_the_body_still_linted(folder, case):
    yaml_text, problem = FRONT_MATTER[case]
    page = write(folder, "page.md", f"---\n{yaml_text}\n---\n\n{CLAIM}")
    before = page.read_bytes()
    started = time.process_time()
    result = check("page.md", "good.md")
    assert time.process_time() - started < 20  # bounded: no expansion, no recursion
    assert_one_named_error(result, "page.md", problem, findings_in=("page.md", "good.md"))
    assert page.read_bytes() == before


def test_huge_front_matter_block_is_read(folder):
    lines = 20_000 if FULL else 2_000
    values = "".join(f"key{i}: a plain value number {i}\n" for i in range(lines))
    write(folder, "page.md", f"---\ntitle: Our stem cells cure arthritis\n{values}---\n\n{CLAIM}")
    result = check("page.md")
    assert result.exit_code == 1 and result.stdout.count("efficacy.cure") == 2, result.output


# -- configuration and rule packs with values of the wrong type ---------------------------------

BAD_CONFIGS = {
    "as-of: 2024-02-30": (1, "date 2024-02-30 is not a date"),
    "as-of: !!timestamp 2024-02-30": (1, "date 2024-02-30 is not a date"),
    "as-of: !!int abc": (1, "abc is not a whole number"),
    "exclude: 2024-01-01": (1, "'exclude' must be a list"),
    "select:\n  - claims\n  - !!timestamp 2024-01-01": (1, "'select' must be a list of rule ids"),
    "severity:\n  claims: !!bool maybe": (2, "maybe is not true or false"),
    "duplicates: {threshold: !!float abc}": (1, "abc is not a number"),
    "? [a, b]\n: 1": (1, "a key must be a plain name, not a list"),
    "disclaimers:\n  ? {a: b}\n  : [x]": (2, "a key must be a plain name, not a mapping"),
    "select: " + "[" * 3000 + "]" * 3000: (1, "nesting too deep"),
}


@pytest.mark.parametrize("text", BAD_CONFIGS, ids=[t.split("\n")[0][:30] for t in BAD_CONFIGS])
def test_config_values_of_the_wrong_type_are_named_with_their_line(folder, text):
    line, problem = BAD_CONFIGS[text]
    write(folder, ".copylint.yaml", text + "\n")
    result = invoke("check", "good.md")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert f".copylint.yaml:{line}: " in result.stderr and problem in result.stderr, result.stderr


RULE = """\
rules:
  - id: hype.team-rule
    kind: phrase
    category: hype
    severity: warning
    message: {message}
    why: a test
    source: tests
    terms: [cure]
    examples:
      bad: ["It is a cure."]
      good: ["It is not."]
"""

BAD_RULES = {
    "'{match.__class__.__mro__}'": "placeholder {match.__class__.__mro__} must be a plain field name",
    "'{match.__class__.__subclasses__}'": "must be a plain field name",
    "'{match:>200000000}'": "may not have a format spec",
    "'{match!r}'": "may not have a format spec or conversion",
    "'{0}'": "placeholder {0} must be a plain field name",
    "'{subject} is claimed'": "unknown placeholder {subject}; known fields: match",
    "'an {unclosed'": "bad placeholder",
    "2024-13-45": "date 2024-13-45 is not a date",
    "{[a]: b}": "a key must be a plain name, not a list",
}


@pytest.mark.parametrize("message", BAD_RULES, ids=list(BAD_RULES))
def test_rule_pack_values_and_templates_are_checked_at_load(folder, message):
    write(folder, "rules/team.yaml", RULE.format(message=message))
    result = invoke("check", "--no-config", "--rules", "rules", "good.md")
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "rules/team.yaml:" in result.stderr and BAD_RULES[message] in result.stderr, result.stderr


def test_a_valid_template_still_renders(folder):
    write(folder, "rules/team.yaml", RULE.format(message="'{match} is a {{literal}} claim'"))
    result = invoke("check", "--no-config", "--rules", "rules", "--select", "hype.team-rule", "good.md")
    assert result.exit_code == 1 and "cure is a {literal} claim" in result.stdout, result.output


PYPROJECTS = {
    "header": '[tool.copylint]\nselect = ["hype"]\n',
    "inline table": '[tool]\ncopylint = { select = ["hype"] }\n',
    "dotted key": 'tool.copylint.select = ["hype"]\n',
}


@pytest.mark.parametrize("spelling", PYPROJECTS)
def test_pyproject_table_is_found_in_any_toml_spelling(folder, spelling):
    write(folder, "pyproject.toml", PYPROJECTS[spelling])
    result = invoke("check", "--format", "json", "good.md")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert result.exit_code == 0 and "efficacy.cure" not in rules, result.output  # only hype selected


def test_malformed_pyproject_naming_copylint_and_one_without_the_table(folder):
    write(folder, "pyproject.toml", '[tool.copylint\nselect = ["hype"]\n')
    result = invoke("check", "good.md")
    assert result.exit_code == 2 and "pyproject.toml:1: invalid TOML" in result.stderr
    write(folder, "pyproject.toml", '[project]\nname = "site"\n')
    assert invoke("check", "good.md").exit_code == 1  # not a copylint config: ignored
    result = invoke("check", "--config", "pyproject.toml", "good.md")
    assert result.exit_code == 2 and "no [tool.copylint] table" in result.stderr


# -- baselines ------------------------------------------------------------------------------------

def test_deeply_nested_baseline_is_a_named_error(folder):
    write(folder, "base.json", "[" * 100_000 + "]" * 100_000)
    result = check("good.md", "--baseline", "base.json")
    assert result.exit_code == 2 and "base.json: cannot read baseline: JSON nested too deep" in result.stderr


def test_baseline_size_is_bounded(folder, monkeypatch):
    from copylint.pipeline.filters import baseline

    monkeypatch.setattr(baseline, "MAX_ENTRIES", 50)
    entries = [{"fingerprint": f"{i:020x}", "rule": "x", "path": "a.md", "excerpt": "e"} for i in range(51)]
    write(folder, "base.json", json.dumps({"version": 1, "findings": entries}))
    result = check("good.md", "--baseline", "base.json")
    assert result.exit_code == 2 and "more than the 50 it may hold" in result.stderr
    monkeypatch.setattr(baseline, "MAX_BYTES", 100)
    result = check("good.md", "--baseline", "base.json")
    assert result.exit_code == 2 and "baseline too large" in result.stderr


@pytest.mark.parametrize("target", ["missing/base.json", "/proc/copylint-base.json"])
def test_write_baseline_where_it_cannot_be_written(folder, target):
    if target.startswith("/proc") and not os.path.isdir("/proc/self"):
        pytest.skip("no /proc")
    result = check("good.md", "--write-baseline", target)
    assert result.exit_code == 2 and f"cannot write baseline {target}:" in result.stderr
    assert "Traceback" not in result.output


# -- outputs never destroy an input ---------------------------------------------------------------

@pytest.mark.parametrize("flag", ["-o", "--write-baseline"])
def test_output_that_is_an_input_is_refused_and_the_input_intact(folder, flag):
    draft = write(folder, "a.md", CLAIM + "My unsaved work.\n")
    before = draft.read_bytes()
    result = check("a.md", flag, "a.md")
    assert result.exit_code == 2 and "refusing to write" in result.stderr and "a.md is one of the files" in result.stderr
    assert draft.read_bytes() == before


@POSIX
def test_output_that_is_an_input_by_another_name_is_refused(folder):
    write(folder, "site/a.md", CLAIM)
    os.link(folder / "site" / "a.md", folder / "copy.txt")  # same inode
    os.symlink(folder / "site" / "a.md", folder / "link.json")
    before = (folder / "site" / "a.md").read_bytes()
    for output in ("copy.txt", "link.json", "site/../site/a.md"):
        result = check("site", "-o", output)
        assert result.exit_code == 2 and "one of the files being linted" in result.stderr, (output, result.output)
    assert (folder / "site" / "a.md").read_bytes() == before


def test_report_as_a_lintable_file_inside_the_linted_folder_is_refused(folder):
    write(folder, "site/a.md", CLAIM)
    result = check("site", "-o", "site/report.txt")
    assert result.exit_code == 2 and "lintable file inside the linted folder" in result.stderr
    assert not (folder / "site" / "report.txt").exists()
    assert check("site", "-o", "site/report.json").exit_code == 1  # not lintable: allowed


@POSIX
def test_a_failed_write_leaves_the_previous_file_and_no_temporary(folder):
    """A file-size limit makes the write fail mid-way as a full disk would."""
    write(folder, "site/a.md", "\n\n".join(f"Our stem cells cure arthritis in {i} days." for i in range(200)))
    old = write(folder, "report.json", "previous report\n")
    limit = lambda: (signal.signal(signal.SIGXFSZ, signal.SIG_IGN), resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)))
    for flag in ("-o", "--write-baseline"):
        proc, _, _ = run_cli(["check", "--no-config", "-q", "site", "--format", "json", flag, "report.json"], folder,
                             preexec_fn=limit)
        assert proc.returncode == 2 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        assert old.read_text() == "previous report\n"
        assert sorted(p.name for p in folder.iterdir()) == ["good.md", "report.json", "site"]


@LINUX
def test_stdout_on_a_full_disk(folder):
    with open("/dev/full", "w") as full:
        proc, _, _ = run_cli(["check", "--no-config", "good.md"], folder, stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == "copylint: error: cannot write standard output: No space left on device"


# -- workers and signals --------------------------------------------------------------------------

def test_jobs_are_capped_at_cpus_and_files(folder):
    from copylint.pipeline import parallel

    for i in range(40):
        write(folder, f"site/p{i:02d}.md", CLAIM)
    result = check("site", "--jobs", "1000")
    cap = min(parallel.cpu_count(), 3)  # 40 files are 3 tasks of 16
    assert result.exit_code == 1 and f"note: --jobs 1000 capped at {cap} worker" in result.stderr, result.stderr
    assert result.stdout.count("efficacy.cure") == 40
    assert parallel.worker_count(0, 40)[1] is None  # the default says nothing


def _default_signals() -> None:
    """A run started from a background job of a non-interactive shell (as CI may start the
    suite) inherits SIGINT ignored, and a program rightly keeps it so (nohup does the same); the
    run under test is started as from a terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@LINUX
@pytest.mark.skipif(os.cpu_count() is None or os.cpu_count() < 2, reason="needs two CPUs for two workers")
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_during_a_parallel_run(folder, signum, code):
    page = (CLAIM + "The clinic explains each study plainly and carefully to every patient. " * 40 + "\n\n") * 10
    for i in range(1200):  # enough work that the run is still going when the signal comes
        write(folder, f"site/p{i:04d}.md", page)
    proc = subprocess.Popen([*CLI_WITH_STACKS, "check", "--no-config", "-q", "--jobs", "2", "--format", "json", "-o",
                             "out.json", "site"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_default_signals)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the pool never started"
    time.sleep(0.3)
    assert proc.poll() is None, "the run ended before the signal: give it more work"
    os.killpg(proc.pid, signum)  # as a terminal's Ctrl-C (the whole group) or a service manager
    try:
        _, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # show where it hangs: every thread's stack
        proc.send_signal(signal.SIGUSR1)
        time.sleep(1)
        proc.kill()
        pytest.fail("no exit 30 s after the signal:\n" + proc.communicate()[1][-6000:])
    assert proc.returncode == code, stderr
    assert stderr.strip().count("\n") == 0 and "Traceback" not in stderr and "copylint: " in stderr, stderr
    time.sleep(0.2)
    assert not [w for w in workers if _alive(w)], "orphan workers"
    assert sorted(p.name for p in folder.iterdir()) == ["good.md", "site"]  # no report, no temporary


# -- catastrophic patterns in every kind's regexes ------------------------------------------------

SLOW = "(a|aa)+$"
HOSTILE_LINE = "a" * 40 + "b"


def _rule(kind: str, body: str, pack_list: str | None = None) -> str:
    """A team pack with one rule; `pack_list` names a pack pattern list the pack extends with SLOW."""
    header = f"patterns:\n  {pack_list}: ['{SLOW}']\n" if pack_list else ""
    return header + f"""\
rules:
  - id: disclaimer.slow
    kind: {kind}
    category: disclaimer
    severity: warning
    message: slow on purpose
    why: a test of the time limit
    source: tests
{body}
    examples:
      bad: ["x"]
      good: ["y"]
"""


SLOW_RULES = {
    "phrase patterns": ("phrase", f"    patterns: ['{SLOW}']\n    scope: block\n    word_boundary: false", HOSTILE_LINE),
    "phrase unless phrases": ("phrase", f"    terms: [stem cells]\n    unless: {{phrases: ['{SLOW}']}}",
                              "Stem cells " + HOSTILE_LINE),
    "phrase preceded_by": ("phrase", f"    terms: [stem cells]\n    unless: {{preceded_by: ['{SLOW}']}}",
                           HOSTILE_LINE + " stem cells"),
    "required triggers": ("required", f"    triggers: ['{SLOW}']\n    accept: [disclaimer]", HOSTILE_LINE),
    "required only_if": ("required", f"    triggers: [stem cells]\n    only_if: ['{SLOW}']\n    accept: [disclaimer]",
                         HOSTILE_LINE),
    "required accept": ("required", f"    triggers: [stem cells]\n    accept: ['{SLOW}']", HOSTILE_LINE),
    "required weak": ("required", f"    triggers: [stem cells]\n    accept: [disclaimer]\n    weak: ['{SLOW}']",
                      HOSTILE_LINE),
    "required contradiction denial": (
        "required", f"    triggers: [stem cells]\n    accept: [not approved]\n"
                    f"    contradictions: [{{denial: ['{SLOW}'], claims: [approved]}}]",
        "Stem cells are not approved " + HOSTILE_LINE),
    "required contradiction claims": (
        "required", f"    triggers: [stem cells]\n    accept: [not approved]\n"
                    f"    contradictions: [{{denial: [not approved], claims: ['{SLOW}']}}]",
        "Stem cells are not approved.\n\n" + HOSTILE_LINE),
    "claim unless_phrases": ("claim", f"    subjects: [treatments]\n    effects: [effects]\n    unless_phrases: ['{SLOW}']",
                             "Stem cells cure arthritis " + HOSTILE_LINE),
    "pack pattern list (health-claim)": (
        "health-claim", "    benefits: [benefit_verbs]\n    targets: [condition_general]\n    target_shapes: [slow_shapes]\n"
                        "    subjects: ['product_*']", "Our drops relieve " + HOSTILE_LINE),
    "required boilerplate": ("required", f"    triggers: [stem cells]\n    accept: [disclaimer]\n    boilerplate: ['{SLOW}']",
                             # the disclaimer as far from the claim before it as from the one after
                             HOSTILE_LINE + "\n\nThis disclaimer qualifies the page.\n\n" + HOSTILE_LINE),
    "pack pattern list (health-claim claim_shapes)": (
        "health-claim", "    claim_shapes: [slow_shapes]\n    subjects: ['product_*']", "Our drops " + HOSTILE_LINE),
    "pack pattern list (phrase voice)": (
        "phrase", "    terms: [stem cells]\n    voice: unwarned", "Our stem cells help " + HOSTILE_LINE),
    "pack pattern list (claim voice)": (
        "claim", "    subjects: [treatments]\n    effects: [effects]\n    voice: unwarned",
        "Stem cells cure arthritis " + HOSTILE_LINE),
    "date health terms": ("date", f"    check: outdated-review\n    max_months: 1\n    health_terms: '{SLOW}'",
                          "Last updated: January 5, 2015\n\n" + HOSTILE_LINE),
}


# The pack pattern list each kind's rule above reads: its own list (health-claim), or one the
# speaker's voice analysis reads for every rule that asks who speaks (phrase, claim).
PACK_LISTS = {"health-claim": "slow_shapes", "phrase": "warning_voice", "claim": "warning_voice"}


@pytest.mark.parametrize("case", SLOW_RULES, ids=list(SLOW_RULES))
def test_catastrophic_pattern_times_out_in_every_kind(folder, monkeypatch, case):
    kind, body, text = SLOW_RULES[case]
    pack_list = PACK_LISTS.get(kind) if case.startswith("pack pattern list") else None
    monkeypatch.setenv("COPYLINT_REGEX_TIMEOUT", "0.2")
    write(folder, "rules/slow.yaml", _rule(kind, body, pack_list))
    write(folder, "slow.md", "Stem cells\n\n" + text + "\n\n" + CLAIM)
    started = time.monotonic()
    result = invoke("check", "--no-config", "-q", "--rules", "rules", "--select", "efficacy.cure,disclaimer.slow", "-j", "1",
                    "slow.md", "good.md")
    assert time.monotonic() - started < 30
    if pack_list is None:
        assert_one_named_error(result, "slow.md", "rule disclaimer.slow timed out", findings_in=("slow.md", "good.md"))
        return
    # A pack pattern list feeds an analysis every rule of its kind shares: each rule that asks for
    # it on this file times out (one line each); the other file is unaffected.
    lines = error_lines(result, "slow.md")
    assert result.exit_code == 2 and lines and all(" timed out " in line for line in lines), result.output
    assert "good.md:" in result.stdout and "Traceback" not in result.output



def _regex_keys(schema: dict, name: str = "") -> list[str]:
    """The keys under `schema` whose values are regular expressions (format: regex), as paths."""
    if schema.get("format") == "regex":
        return [name]
    found = [k for part in schema.get("anyOf", []) for k in _regex_keys(part, name)]
    found += _regex_keys(schema["items"], name) if isinstance(schema.get("items"), dict) else []
    for key, sub in schema.get("properties", {}).items():
        found += _regex_keys(sub, f"{name}.{key}" if name else key)
    return sorted(set(found))


def test_every_pattern_option_of_every_kind_has_a_catastrophic_case():
    """The table above is complete: each rule key that takes regular expressions (read from the
    kinds' option declarations) is given SLOW in some case of its kind."""
    from copylint.core.validators import schema_of
    from copylint.kinds import KINDS

    missing = []
    for name, kind in KINDS.items():
        for key, option in kind.options.items():
            for path in _regex_keys(schema_of(option), key):
                leaf = path.rsplit(".", 1)[-1]
                if not any(k == name and (f"{leaf}: ['{SLOW}']" in body or f"{leaf}: '{SLOW}'" in body)
                           for k, body, _ in SLOW_RULES.values()):
                    missing.append(f"{name}: {path}")
    assert missing == []
    assert "phrase: unless.phrases" in [f"phrase: {p}" for p in _regex_keys(schema_of(KINDS["phrase"].options["unless"]), "unless")]

def test_catastrophic_disclaimer_wording_from_config_times_out(folder, monkeypatch):
    """A house wording in the config's `disclaimers:` is a regex of the required rule it names:
    the same limit applies."""
    monkeypatch.setenv("COPYLINT_REGEX_TIMEOUT", "0.2")
    write(folder, "rules/slow.yaml", _rule("required", "    triggers: [stem cells]\n    accept: [disclaimer]"))
    write(folder, ".copylint.yaml", f"disclaimers:\n  disclaimer.slow: ['{SLOW}']\nrules: [rules]\n")
    write(folder, "slow.md", "Stem cells\n\n" + HOSTILE_LINE + "\n\n" + CLAIM)
    started = time.monotonic()
    result = invoke("check", "-q", "--select", "efficacy.cure,disclaimer.slow", "-j", "1", "slow.md", "good.md")
    assert time.monotonic() - started < 30
    assert_one_named_error(result, "slow.md", "rule disclaimer.slow timed out", findings_in=("slow.md", "good.md"))

# -- huge and deeply nested documents: bounded time and memory ------------------------------------

HUGE = {
    "1 MB of dots": ("dots.txt", lambda: "." * (1 << 20)),
    "one line without sentence breaks": ("line.txt", lambda: "word " * ((1 << 20 if FULL else 1 << 18) // 5)),
    "many list items": ("list.md", lambda: "".join(f"- item {i}\n" for i in range(100_000 if FULL else 10_000))),
    "nested quotes": ("quotes.md", lambda: ">" * 100_000 + " deep\n"),
    "nested lists": ("lists.md", lambda: "".join("  " * i + "- x\n" for i in range(2_000 if FULL else 300))),
    "nested tags": ("tags.html", lambda: "<div>" * (100_000 if FULL else 3_000) + "deep"),
    "unclosed script": ("script.html", lambda: f"<p>{CLAIM}</p><script>" + "x < y; " * 50_000),
    "unclosed style": ("style.html", lambda: f"<p>{CLAIM}</p><style>" + "p { x: y } " * 50_000),
    "unclosed comment": ("comment.html", lambda: f"<p>{CLAIM}</p><!-- " + "x " * 100_000),
    "unclosed CDATA": ("cdata.html", lambda: f"<p>{CLAIM}</p><![CDATA[ " + "x " * 100_000),
    "a 10 MB file": ("big.md", lambda: ("The clinic explains what each study measured. " * 20 + "\n\n")
                     * ((10 << 20 if FULL else 1 << 20) // 940)),
}


@pytest.mark.parametrize("case", HUGE, ids=list(HUGE))
def test_huge_and_deep_documents_are_bounded(folder, case):
    """Stated bound: each finishes within 120 s and 1 GB (a file over the per-file CPU limit is a
    named error, which is also bounded); the other file is always linted."""
    name, make = HUGE[case]
    page = write(folder, name, make())
    before = page.stat().st_size
    env = {**os.environ, "COPYLINT_FILE_TIMEOUT": "60", "COPYLINT_MAX_FILE_MB": "11"}
    proc, seconds, peak_mb = run_cli(["check", "--no-config", "-q", "-j", "1", name, "good.md"], folder, env=env)
    assert seconds < 120 and peak_mb < 1024, (seconds, peak_mb)
    assert proc.returncode in (0, 1) or (proc.returncode == 2 and "CPU seconds to lint" in proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert "good.md:" in proc.stdout and page.stat().st_size == before


# -- cross-file duplicates report the exact source text -----------------------------------------

def test_cross_file_duplicate_excerpt_is_the_source_text(folder):
    shared = ("<p>Stem cell therapy&nbsp;is offered at our clinic for\tpatients with arthritis &amp; joint pain, "
              "and many patients travel from abroad to see us every single year.</p>")
    a = write(folder, "a.html", f"<h1>A</h1>\n{shared}\n")
    write(folder, "b.html", f"<h1>B</h1>\n<p>Other words here.</p>\n{shared}\n")
    result = invoke("check", "--no-config", "--select", "duplication", "--format", "json", "a.html", "b.html")
    found = json.loads(result.stdout)["findings"]
    assert len(found) == 1, found
    text = (folder / found[0]["path"]).read_text()
    assert found[0]["excerpt"] == shared[3:-4]
    assert a.read_text().count(found[0]["excerpt"]) == 1 and found[0]["excerpt"] in text


# -- any value of any type in a config or rule key: accepted or a named error, never a crash ----

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8) | st.dates()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=6) | st.integers() | st.booleans(), inner, max_size=3), max_leaves=8)


@settings(max_examples=3000 if FULL else 400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(__import__("copylint.config", fromlist=["KEYS"]).KEYS), value=VALUES)
def test_any_config_value_is_read_or_a_config_error(tmp_path_factory, key, value):
    from copylint.config import ConfigError, parse_config

    try:
        parse_config({key: value}, "team.yaml", base=tmp_path_factory.getbasetemp())
    except ConfigError as exc:
        assert str(exc).startswith("team.yaml")


def _rule_keys():
    from copylint.kinds import KINDS
    from copylint.ruleset.schema import COMMON_KEYS

    return [(kind, key) for kind, cls in sorted(KINDS.items()) for key in (*COMMON_KEYS, *cls.options)]


@settings(max_examples=3000 if FULL else 300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from(_rule_keys()), value=VALUES)
def test_any_rule_value_is_loaded_or_a_rule_error(where, value):
    from copylint.kinds import KINDS
    from copylint.kinds.base import Settings
    from copylint.ruleset.schema import RuleError, validate_rule

    kind, key = where
    raw = {"id": "hype.team-rule", "kind": kind, "category": "hype", "severity": "warning", "message": "m", "why": "w",
           "source": "s", "examples": {"bad": ["x"], "good": ["y"]}, key: value}
    try:
        spec = validate_rule(raw, KINDS, "team.yaml", 3)
    except RuleError as exc:
        assert str(exc).startswith("team.yaml:")
        return
    try:
        KINDS[kind](spec, Settings())  # compile_rules turns a ValueError into file:line
    except ValueError:
        pass
