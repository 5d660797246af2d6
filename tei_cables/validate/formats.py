"""Output formats for validation findings: one function per format, in a plain registry by name.

`text` is for people (one line per problem, like a compiler); `json` for scripts; `junit` for CI systems that
show test reports (GitLab, Jenkins); `github` for GitHub Actions, whose workflow commands turn each line into an
annotation on the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Callable

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


def to_text(reports: list[FileReport]) -> str:
    return "".join(line_of(f) + "\n" for r in reports for f in r.findings)


def to_json(reports: list[FileReport]) -> str:
    files = [{"file": r.file, "valid": r.valid, "errors": len(r.errors), "warnings": len(r.warnings),
              "findings": [f.as_dict() for f in r.findings]} for r in reports]
    return json.dumps({"files": files, "summary": Summary.of(reports).as_dict()}, ensure_ascii=False, indent=2) + "\n"


def to_junit(reports: list[FileReport]) -> str:
    """One test suite per file; each error is a failed test case (a file that is not XML, an errored one)."""
    suites = etree.Element("testsuites", name="tei-cables validate")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in reports:
        suite = etree.SubElement(suites, "testsuite", name=r.file)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for f in r.errors:
            case = etree.SubElement(suite, "testcase", classname=r.file, name=f"[{f.rule_id}] {where(f)}", file=r.file)
            if f.line is not None:
                case.set("line", str(f.line))
            kind = "error" if f.unreadable else "failure"
            etree.SubElement(case, kind, type=f.rule_id, message=f.text).text = line_of(f)
            counts["tests"] += 1
            counts["errors" if f.unreadable else "failures"] += 1
        if r.valid:
            etree.SubElement(suite, "testcase", classname=r.file, name="valid", file=r.file)
            counts["tests"] += 1
        if r.warnings:
            etree.SubElement(suite, "system-out").text = "".join(line_of(f) + "\n" for f in r.warnings)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    return etree.tostring(suites, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode()


def to_github(reports: list[FileReport]) -> str:
    """`::error file=…,line=…,col=…,title=CAB-REF::message`, one workflow command per finding."""
    out = []
    for f in (f for r in reports for f in r.findings):
        props = [f"file={_escape_property(f.file)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.column is not None:
                props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.rule_id)}")
        out.append(f"::{f.severity} {','.join(props)}::{_escape_data(f.text)}\n")
    return "".join(out)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


FORMATS: dict[str, Callable[[list[FileReport]], str]] = {
    "text": to_text,
    "json": to_json,
    "junit": to_junit,
    "github": to_github,
}
