"""`python -m tei_cables` runs the command line."""

from tei_cables.cli import main

main()
