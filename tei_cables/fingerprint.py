"""Fingerprints: each TEI file carries a hash of what the converter wrote, so hand edits are never overwritten.

The fingerprint is a processing instruction after the XML declaration,
`<?tei-cables fingerprint="sha256:…"?>`, over the file's bytes without that line. A file whose bytes still give
its fingerprint is the converter's own and may be regenerated; a file edited since (a name corrected in oXygen)
gives another hash and is left alone unless the user says `--force`. Deciding this reads bytes only, never
parses them, so a hostile file in the output folder cannot do harm.
"""

from __future__ import annotations

import hashlib
import re

_PI = re.compile(rb'<\?tei-cables fingerprint="sha256:(?P<hash>[0-9a-f]{64})"\?>\n')
_DECLARATION = re.compile(rb"<\?xml[^>]*\?>\n")


def add_fingerprint(data: bytes) -> bytes:
    """Insert the fingerprint PI after the XML declaration."""
    digest = hashlib.sha256(data).hexdigest()
    pi = f'<?tei-cables fingerprint="sha256:{digest}"?>\n'.encode()
    m = _DECLARATION.match(data)
    at = m.end() if m else 0
    return data[:at] + pi + data[at:]


def state(data: bytes) -> str:
    """`unchanged` (the converter's own bytes), `edited` (changed since), or `foreign` (no fingerprint)."""
    m = _PI.search(data, 0, 4096)
    if m is None:
        return "foreign"
    without = data[:m.start()] + data[m.end():]
    return "unchanged" if hashlib.sha256(without).hexdigest() == m.group("hash").decode() else "edited"

