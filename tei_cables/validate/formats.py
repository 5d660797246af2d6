"""Output formats for validation findings: one writer per format, in a plain registry by name.

A writer is handed each file's report as it is checked and gives the text to print at once, then the rest at
the end, so a corpus of any size is reported as it goes and without holding every finding in memory.

`text` is for people (one line per problem, like a compiler); `json` for scripts; `junit` for CI systems that
show test reports (GitLab, Jenkins); `github` for GitHub Actions, whose workflow commands turn each line into an
annotation on the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Protocol

from lxml import etree

from tei_cables.validate.findings import FileReport, Finding
from tei_cables.validate.summary import Summary


def where(f: Finding) -> str:
    """`file:line:column`, leaving out what is not known."""
    out = f.file
    if f.line is not None:
        out += f":{f.line}"
        if f.column is not None:
            out += f":{f.column}"
    return out


def line_of(f: Finding) -> str:
    """`encoded/x.xml:42:7: error [CAB-REF]: <persName ref="#p_foo"> points at no register entry …`."""
    return f"{where(f)}: {f.severity} [{f.rule_id}]: {f.text}"


class Text:
    """One line per problem, like a compiler."""

    def file(self, report: FileReport) -> str:
        return "".join(line_of(f) + "\n" for f in report.findings)

    def end(self, summary: Summary) -> str:
        return ""


class Json:
    """`{"files": [...], "summary": {...}}`, written a file at a time."""

    def __init__(self) -> None:
        self.started = False

    def file(self, report: FileReport) -> str:
        entry = {"file": report.file, "valid": report.valid, "errors": len(report.errors),
                 "warnings": len(report.warnings), "findings": [f.as_dict() for f in report.findings]}
        lead = ",\n" if self.started else '{\n  "files": [\n'
        self.started = True
        return lead + _indented(json.dumps(entry, ensure_ascii=False, indent=2), 4)

    def end(self, summary: Summary) -> str:
        lead = "\n  ],\n" if self.started else '{\n  "files": [],\n'
        return lead + '  "summary": ' + _indented(json.dumps(summary.as_dict(), indent=2), 2).lstrip() + "\n}\n"


class Junit:
    """One test suite per file; each error is a failed test case (a file that is not XML, an errored one). The
    totals stand on the root element, so the document is written at the end; each file's suite is kept small."""

    def __init__(self) -> None:
        self.suites = etree.Element("testsuites", name="tei-cables validate")
        self.totals = {"tests": 0, "failures": 0, "errors": 0}

    def file(self, report: FileReport) -> str:
        suite = etree.SubElement(self.suites, "testsuite", name=report.file)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for f in report.errors:
            case = etree.SubElement(suite, "testcase", classname=report.file, name=f"[{f.rule_id}] {where(f)}",
                                    file=report.file)
            if f.line is not None:
                case.set("line", str(f.line))
            kind = "error" if f.unreadable else "failure"
            etree.SubElement(case, kind, type=f.rule_id, message=f.text).text = line_of(f)
            counts["tests"] += 1
            counts["errors" if f.unreadable else "failures"] += 1
        if report.valid:
            etree.SubElement(suite, "testcase", classname=report.file, name="valid", file=report.file)
            counts["tests"] += 1
        if report.warnings:
            etree.SubElement(suite, "system-out").text = "".join(line_of(f) + "\n" for f in report.warnings)
        for key, value in counts.items():
            suite.set(key, str(value))
            self.totals[key] += value
        return ""

    def end(self, summary: Summary) -> str:
        for key, value in self.totals.items():
            self.suites.set(key, str(value))
        return etree.tostring(self.suites, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode()


class Github:
    """`::error file=…,line=…,col=…,title=CAB-REF::message`, one workflow command per finding."""

    def file(self, report: FileReport) -> str:
        out = []
        for f in report.findings:
            props = [f"file={_escape_property(f.file)}"]
            if f.line is not None:
                props.append(f"line={f.line}")
                if f.column is not None:
                    props.append(f"col={f.column}")
            props.append(f"title={_escape_property(f.rule_id)}")
            out.append(f"::{f.severity} {','.join(props)}::{_escape_data(f.text)}\n")
        return "".join(out)

    def end(self, summary: Summary) -> str:
        return ""


def _indented(text: str, spaces: int) -> str:
    return "\n".join(" " * spaces + line for line in text.splitlines())


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class Writer(Protocol):
    """A format: the text of each file's report as it arrives, then the rest at the end of the run."""

    def file(self, report: FileReport) -> str: ...

    def end(self, summary: Summary) -> str: ...


FORMATS: dict[str, Callable[[], Writer]] = {"text": Text, "json": Json, "junit": Junit, "github": Github}
