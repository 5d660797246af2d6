"""tei_cables: ciphered telegrams of the early Cold War, from plain-text transcriptions to checked TEI P5."""

__version__ = "0.1.0"
