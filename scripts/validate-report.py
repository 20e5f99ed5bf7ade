#!/usr/bin/env python3
"""Validates a newslint JSON report against the output contract (schema version 1).

Usage: validate-report.py REPORT.json [--expect-files N] [--expect-exit CODE]
Exits 0 and prints a one-line summary when the report follows the contract.
"""
import json
import sys

SEVERITIES = {"error", "warning", "note"}


def fail(msg):
    print(f"invalid report: {msg}", file=sys.stderr)
    sys.exit(1)


def need(obj, key, kind, where):
    if key not in obj:
        fail(f"{where}: missing `{key}`")
    if not isinstance(obj[key], kind) or (kind is int and isinstance(obj[key], bool)):
        fail(f"{where}: `{key}` should be {kind.__name__}, is {type(obj[key]).__name__}")
    return obj[key]


def main():
    args = sys.argv[1:]
    if not args:
        fail("usage: validate-report.py REPORT.json [--expect-files N] [--expect-exit CODE]")
    path = args[0]
    opts = dict(zip(args[1::2], args[2::2]))
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    if need(report, "schemaVersion", int, "report") != 1:
        fail("schemaVersion is not 1")
    tool = need(report, "tool", dict, "report")
    if need(tool, "name", str, "tool") != "newslint":
        fail("tool.name is not newslint")
    need(tool, "version", str, "tool")
    summary = need(report, "summary", dict, "report")
    for key in ("files", "characters", "errors", "warnings", "notes"):
        need(summary, key, int, "summary")
    files = need(report, "files", list, "report")
    if summary["files"] != len(files):
        fail("summary.files does not count the files")
    counts = {"error": 0, "warning": 0, "note": 0}
    characters = 0
    paths = []
    for i, f in enumerate(files):
        where = f"files[{i}]"
        paths.append(need(f, "path", str, where))
        characters += need(f, "characters", int, where)
        if f.get("unit", "line") not in ("line", "paragraph"):
            fail(f"{where}: unknown unit {f['unit']}")
        last = None
        for j, d in enumerate(need(f, "diagnostics", list, where)):
            w = f"{where}.diagnostics[{j}]"
            for key in ("rule", "severity", "message", "excerpt"):
                need(d, key, str, w)
            for key in ("line", "column", "endLine", "endColumn"):
                if need(d, key, int, w) < 1:
                    fail(f"{w}: `{key}` must be 1 or more")
            if d["severity"] not in SEVERITIES:
                fail(f"{w}: unknown severity {d['severity']}")
            if (d["endLine"], d["endColumn"]) < (d["line"], d["column"]):
                fail(f"{w}: end before start")
            if "suggestion" in d and not isinstance(d["suggestion"], str):
                fail(f"{w}: suggestion should be a string")
            for k, r in enumerate(d.get("related", [])):
                for key, kind in (("path", str), ("line", int), ("column", int), ("message", str)):
                    need(r, key, kind, f"{w}.related[{k}]")
            key = (d["line"], d["column"], d["rule"])
            if last is not None and key < last:
                fail(f"{w}: diagnostics are not sorted by line, column, rule")
            last = key
            counts[d["severity"]] += 1
    if paths != sorted(paths, key=lambda p: p.encode("utf-8")):
        fail("files are not sorted by path")
    if characters != summary["characters"]:
        fail("summary.characters is not the sum of the files'")
    for sev, key in (("error", "errors"), ("warning", "warnings"), ("note", "notes")):
        if counts[sev] != summary[key]:
            fail(f"summary.{key} is {summary[key]}, the diagnostics hold {counts[sev]}")
    if "--expect-files" in opts and len(files) != int(opts["--expect-files"]):
        fail(f"expected {opts['--expect-files']} files, found {len(files)}")
    if "--expect-exit" in opts:
        code = int(opts["--expect-exit"])
        if (code == 1) != (summary["errors"] > 0):
            fail(f"exit code {code} does not match {summary['errors']} errors")
    print(f"report valid: {len(files)} files, {summary['characters']} characters, "
          f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['notes']} notes")


if __name__ == "__main__":
    main()
