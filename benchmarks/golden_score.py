"""How many golden-corpus lines a pipeline meets, per line kind.

Usage:
    python benchmarks/golden_score.py [--tagger fast|hmm] [--ner BACKEND] [--ner-model DIR] [--ner-guideline CORPUS]
                                     [--no-relation-model]

Uses the same matching as ``tests/test_golden_corpora.py`` (imported from
there, so the score and the tests can never disagree).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Score the bundled corpus and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tagger", default="fast", choices=("fast", "hmm"))
    parser.add_argument("--ner", default=None, help="NER backend (default: the pipeline default)")
    parser.add_argument("--ner-model", default=None, help="model directory for the model backend")
    parser.add_argument("--ner-guideline", default=None, help="neural tagger: decode with this training corpus's guideline")
    parser.add_argument("--no-relation-model", action="store_true", help="trigger rules only, without the learned relation scorer")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    import test_golden_corpora as golden  # noqa: E402

    import finextract

    backend = {"ner": args.ner, "ner_model": args.ner_model} if args.ner else {}
    if args.ner_guideline:
        backend["ner_guideline"] = args.ner_guideline
    nlp = finextract.Pipeline(tagger=args.tagger, relation_model=not args.no_relation_model, **backend)
    met: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed = []
    for path in sorted((ROOT / "corpora" / "golden").glob("*.jsonl")):
        doc = nlp((ROOT / "corpora" / "samples" / f"{path.stem}.txt").read_text("utf-8"), doc_id=path.stem)
        golden._doc = lambda stem, d=doc: d  # score this pipeline's document
        for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            want = json.loads(line)
            key = f"{want['kind']}:{want.get('type', want.get('label', want.get('figure_kind', '')))}"
            total[key] += 1
            try:
                golden.test_golden_line(path.stem, want)
                met[key] += 1
            except AssertionError:
                missed.append(f"{path.stem}:{lineno}")
    print(f"tagger={args.tagger} ner={nlp.options['ner']}: {sum(met.values())} of {sum(total.values())} golden lines met")
    print()
    print("| line kind | met | lines |")
    print("|---|---:|---:|")
    for key in sorted(total):
        print(f"| {key} | {met[key]} | {total[key]} |")
    print()
    print("missed:", " ".join(missed) or "none")


if __name__ == "__main__":
    main()
