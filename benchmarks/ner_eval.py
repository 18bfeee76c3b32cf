"""NER quality of the ``model`` and ``rules`` backends, and NER speed against jieba alone, in one run.

Usage:
    python benchmarks/ner_eval.py [--data ../shared/data] [--model DIR] [--limit N] [--skip-quality] [--skip-speed]
                                  [--guidelines]

Quality (exact spans, micro P/R/F1 over the labels each gold set annotates):

* ``msra heldout`` — every 20th record of ``msra_train`` (the records the
  shipped model did not train on; the shared ``msra`` val split overlaps
  ``msra_train`` and is not used);
* ``cluener dev`` — name/company/organization/government/address/position
  mapped to PERSON/ORG/ORG/ORG/LOC/TITLE;
* the same two sets converted to Traditional (OpenCC ``s2t``) and run
  through the whole normalize → NER path;

each for the backend alone and for the NER stage (gazetteer and patterns
on top).  ``--guidelines`` adds the neural tagger decoding with the gold
set's own corpus guideline (``ner_guideline``: ``msra_train`` for the MSRA
held-out set, ``cluener`` for CLUENER dev) beside its default blend.  Speed: the bundled sample articles repeated to ``--chars``
characters, as separate documents; jieba segmentation alone, the NER stage
alone (on already segmented documents) and the whole pipeline, best of
``--repeat`` runs, plus peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from benchcommon import best_of

ROOT = Path(__file__).resolve().parent.parent


def _write_msra_heldout(data: Path, out: Path) -> Path:
    from finextract.ner.train import DEV_EVERY, read_jsonl

    path = out / "msra_heldout.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, rec in enumerate(read_jsonl(data / "msra_train" / "normalized" / "train.jsonl.gz")):
            if i % DEV_EVERY == 0:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


GUIDELINE_OF = {"msra heldout": "msra_train", "cluener dev": "cluener"}
"""The training corpus whose annotation guideline each gold set follows."""


def quality(data: Path, model: str | None, limit: int | None, guidelines: bool = False) -> list[dict[str, Any]]:
    """One row per (gold set, script, backend, layers)."""
    from finextract.ner.evaluate import evaluate_file

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"msra heldout": _write_msra_heldout(data, Path(tmp)), "cluener dev": data / "cluener" / "normalized" / "dev.jsonl"}
        for name, path in sets.items():
            for s2t in (False, True):
                for label, ner, ner_model, own in backends(model, guidelines):
                    guideline = GUIDELINE_OF[name] if own else None
                    for layers in (False, True):
                        started = time.perf_counter()
                        scores = evaluate_file(path, ner=ner, ner_model=ner_model, ner_guideline=guideline, layers=layers, s2t=s2t, limit=limit)
                        d = scores.as_dict()
                        rows.append(
                            {
                                "set": name,
                                "script": "Traditional (s2t)" if s2t else "Simplified",
                                "ner": label,
                                "layers": "stage" if layers else "backend",
                                "micro": d["micro"],
                                "per_label": {k: v["f1"] for k, v in d.items() if isinstance(v, dict) and k != "micro"},
                                "sentences": d["sentences"],
                                "seconds": round(time.perf_counter() - started, 1),
                            }
                        )
    return rows




def backends(model: str | None, guidelines: bool = False) -> list[tuple[str, str, str | None, bool]]:
    """``(label, backend, model, own guideline)`` of each NER configuration compared: rules, the default model (or ``model``),
    with ``guidelines`` the same model decoding with each gold set's guideline, and the shipped CRF."""
    own = [("model, gold set's guideline", "model", model, True)] if guidelines else []
    return [("rules", "rules", None, False), ("model", "model", model, False), *own, ("model (CRF)", "model", "finextract-ner-crf", False)]


def speed(model: str | None, chars: int, repeat: int) -> list[tuple[str, float]]:
    """Characters per second of jieba alone, the NER stage per backend, and the whole pipeline per backend."""
    import jieba

    import finextract

    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpora" / "samples").glob("*.txt"))]
    docs: list[str] = []
    while sum(map(len, docs)) < chars:
        docs += texts
    total = sum(map(len, docs))
    jieba.setLogLevel(60)
    jieba.lcut(docs[0])
    rows = [("jieba.lcut alone", total / best_of(lambda: [jieba.lcut(d) for d in docs], repeat))]
    pre = finextract.Pipeline(["normalize", "sentences", "segment"])
    segmented = [pre(d, doc_id=str(i)) for i, d in enumerate(docs)]
    for label, ner, ner_model, _ in backends(model):
        nlp = finextract.Pipeline(ner=ner, ner_model=ner_model)
        stage = nlp.stages[nlp.stage_names.index("ner")]
        rows.append((f"NER stage ({label})", total / best_of(lambda: [stage(d) for d in segmented], repeat)))
        rows.append((f"whole pipeline ({label})", total / best_of(lambda: [nlp(d) for d in docs], repeat)))
    return rows


def main() -> None:
    """Run the benchmark and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--limit", type=int, default=None, help="records per gold set")
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--guidelines", action="store_true", help="also score the model decoding with each gold set's own guideline")
    args = parser.parse_args()
    if not args.skip_quality:
        if not args.data.exists():
            raise SystemExit(f"{args.data} not found: pass --data")
        print("| set | script | backend | scored | P | R | F1 | per-label F1 | s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in quality(args.data, args.model, args.limit, args.guidelines):
            m = r["micro"]
            labels = ", ".join(f"{k} {v:.1f}" for k, v in sorted(r["per_label"].items()))
            print(f"| {r['set']} | {r['script']} | {r['ner']} | {r['layers']} | {m['precision']:.2f} | {m['recall']:.2f} | {m['f1']:.2f} | {labels} | {r['seconds']} |")
    if not args.skip_speed:
        start = time.perf_counter()
        from finextract.ner.model import ModelBackend

        ModelBackend.load(args.model)
        print(f"\nmodel load: {time.perf_counter() - start:.2f} s (first load in this process, lexicons included)\n")
        print("| what | chars/s |")
        print("|---|---|")
        for name, rate in speed(args.model, args.chars, args.repeat):
            print(f"| {name} | {rate:,.0f} |")
    print(f"\npeak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
