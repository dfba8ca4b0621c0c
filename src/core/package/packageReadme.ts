/**
 * README.txt of the evidence package: what the files are, and how to check the change log with nothing
 * but Python 3. The script below is the one the integration test runs against a real package, so what
 * the README promises is what it does.
 */

/** The lines that frame the script in the README, so it can be copied out (and tested) exactly. */
export const SCRIPT_START = '----- check_changelog.py (start) -----';
export const SCRIPT_END = '----- check_changelog.py (end) -----';

/** Re-checks changelog.jsonl; the canonical JSON here mirrors src/core/audit/canonicalJson.ts. */
export const CHECK_SCRIPT = String.raw`#!/usr/bin/env python3
"""Checks the change log of a CSMS Workbook evidence package.

Usage: python3 check_changelog.py changelog.jsonl
Exit 0 and one line when every entry is intact; exit 1 naming the first broken entry.
Python 3 standard library only.
"""
import hashlib
import json
import re
import sys

GENESIS = "0" * 64
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def quote(text):
    # JSON.stringify's string form: UTF-8 kept as is, control characters escaped,
    # a lone surrogate written as \uXXXX.
    out = json.dumps(text, ensure_ascii=False)
    return LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), out)


def number(value):
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("a number that is not finite")
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e21:
            return str(int(value))
        text = repr(value)
        if "e" in text:
            raise ValueError("a number written in exponent form (%s), which this script does not reproduce" % text)
        return text
    return str(value)


def canonical(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        # Keys in UTF-16 code unit order, as JavaScript sorts them.
        keys = sorted(value, key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(quote(k) + ":" + canonical(value[k]) for k in keys) + "}"
    raise ValueError("a value of type %s" % type(value).__name__)


def fail(entry, why):
    print("Change log broken at entry %d: %s" % (entry, why))
    sys.exit(1)


def main(path):
    previous = GENESIS
    count = withheld = 0
    with open(path, encoding="utf-8", newline="") as log:
        lines = log.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for expected, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            fail(expected, "the line is not valid JSON")
        if not isinstance(entry, dict):
            fail(expected, "the line is not an entry")
        if entry.get("seq") != expected:
            fail(expected, "it is missing or out of order (line %d holds entry %s)" % (expected, entry.get("seq")))
        if entry.get("prevHash") != previous:
            fail(expected, "its link to the previous entry does not match")
        if entry.get("withheld") is True:
            # An entry about another assessment: its place and hash are kept, its content is not.
            withheld += 1
        else:
            content = {k: v for k, v in entry.items() if k not in ("prevHash", "hash")}
            try:
                text = previous + canonical(content)
            except ValueError as problem:
                fail(expected, "it holds %s" % problem)
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry.get("hash"):
                fail(expected, "its content was changed after it was written")
        previous = entry.get("hash")
        count += 1
    print("Change log intact: %d entries (%d withheld), head %s" % (count, withheld, previous))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("Usage: python3 check_changelog.py changelog.jsonl")
        sys.exit(2)
    main(sys.argv[1])
`;

export interface ReadmeFacts {
  assessment: string;
  generatedAt: string;
  documents: readonly string[];
  evidenceFiles: number;
  log: { count: number; withheld: number; head: string };
}

/** The README text; plain text with CRLF-free lines, readable in any editor. */
export function packageReadme(facts: ReadmeFacts): string {
  const { log } = facts;
  return `Evidence package: ${facts.assessment}
Made by CSMS Workbook at ${facts.generatedAt}.

What is in it
  ${facts.documents.join('\n  ')}
  evidence/             ${facts.evidenceFiles} evidence file(s), named EV-0001_<name>
  manifest.json         every evidence item, its links to requirements, and the log's head
  manifest-sha256.txt   the SHA-256 of every other file in the package
  changelog.csv         the change log to read: one row per entry, who, when, which record,
                        each field before and after, the reason given for a reopening
  changelog.jsonl       the change log to check: one entry per line, exactly as recorded
  check_changelog.py    the script below, ready to run

Checking the files
  In the unpacked folder run:  sha256sum -c manifest-sha256.txt

Checking the change log without the app
  The log holds ${log.count} entries; its last entry's hash (the head) is
  ${log.head || '(no entries)'}
  The same head is printed in the report. ${log.withheld} entries are about other assessments of the
  workbook: they appear as {"seq", "withheld": true, "prevHash", "hash"}, keeping their place in the
  chain without their content.

  How the chain is computed. Each line of changelog.jsonl is one entry with the fields seq, at,
  actor, entity, id, change and, where recorded, state, plus prevHash and hash.
  - The first entry's prevHash is 64 zeros (0000…0000).
  - Every other entry's prevHash is the hash of the entry before it, and seq counts up from 1.
  - An entry's hash is SHA-256, written as 64 lower-case hex digits, over the UTF-8 bytes of
    its prevHash followed directly by the canonical JSON of the entry without prevHash and hash.
  Canonical JSON is the entry written this way:
  - no spaces or line breaks anywhere;
  - object members sorted by their keys, comparing the keys as sequences of UTF-16 code units
    (for keys in ASCII, as all of this log's keys are, that is plain alphabetical order by
    character code: upper case before lower case);
  - members whose value is absent are left out; null is written null;
  - strings written as JavaScript's JSON.stringify writes them: every character other than the
    double quote, the backslash and the control characters U+0000 to U+001F is written as it is
    (no \\u escapes for accents or other scripts); the quote and backslash are escaped with a
    backslash; \\b \\f \\n \\r \\t for those five controls; \\u00XX (lower-case hex) for the other
    controls and \\uXXXX for a lone surrogate;
  - true and false as written; whole numbers without a decimal point or exponent (-0 is written 0).
    The log holds whole numbers only. A fractional number would be written the shortest way that
    reads back to the same value; the script below reproduces that except for fractions smaller
    than 0.0001, which Python writes with an exponent: it reports those instead of guessing.
  Changing, removing or reordering any entry changes its hash or breaks the link of the next, so
  a check that runs to the end and arrives at the head above shows the log is as it was recorded.
  What the check cannot show: someone able to rewrite the whole log could compute a new chain;
  compare the head with the one in the report and in any copy you received earlier.

  Run it with Python 3 (no extra packages):  python3 check_changelog.py changelog.jsonl
  It prints "Change log intact: …" and exits 0, or names the first broken entry and exits 1.
  The script, as also saved next to this file:

${SCRIPT_START}
${CHECK_SCRIPT}${SCRIPT_END}
`;
}

/** The script as the README carries it: what an auditor copies out. */
export function scriptFromReadme(readme: string): string | null {
  const start = readme.indexOf(`${SCRIPT_START}\n`);
  const end = readme.indexOf(SCRIPT_END, start);
  if (start === -1 || end === -1) return null;
  return readme.slice(start + SCRIPT_START.length + 1, end);
}
