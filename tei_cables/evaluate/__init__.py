"""Measuring the converter: TEI files scored against gold annotations, field by field.

The measures are those of the project's reference scorer (`../shared/eval/score_cables.py`), so a number printed
here means what it means there: routing fields right or wrong per cable, names as precision, recall and F1 over the
distinct people, places and organisations a file mentions, dates of the running text as recall, and the words of
the source kept. The gold is the reference's JSON, or a TEI file corrected by hand (`gold.py`), so an editor who
corrects a sample of their own cables measures the converter on them.
"""

from tei_cables.evaluate.gold import Gold, load_gold
from tei_cables.evaluate.score import Evaluation, evaluate_paths

__all__ = ["Evaluation", "Gold", "evaluate_paths", "load_gold"]
