"""Fact rules measured on FinRE (Li et al., 2019; MIT license), valid split.

Usage:
    python benchmarks/finre_eval.py [--data ../shared/data/finre] [--split valid] [--entities given|found]
                                    [--relation-model off|on|DIR] [--relation-threshold T] [--min-confidence P]

FinRE gives, per sentence, entity pairs with a relation label.  Labels map
onto finextract fact types through ``benchmarks/finre_map.json``.  For each
mapped type:

* recall    — of the annotated pairs whose label maps to the type, the share
  that some fact of that type links (either order);
* precision — of the facts of that type that link an annotated pair, the
  share whose pair carries a label mapping to the type (pairs annotated
  ``unknown`` or with another relation count against).

Facts linking pairs FinRE does not annotate are not scored (counted apart).
``--entities given`` adds every head and tail name of the split to the
pipeline as a user gazetteer, so the score is about the relation rules;
``--entities found`` runs the pipeline as shipped.  FinRE masks digits as
``<N>``; each ``<N>`` is replaced by the digit 8 before extraction so numbers
stay numbers.

``--relation-model`` adds the learned pair scorer (``on``: the shipped model,
a directory: another one, ``off``: the trigger rules alone; default: what
``finextract.Pipeline()`` does); ``--relation-threshold`` replaces the
scorer's own threshold (to trace precision against recall).  Facts of ownership and acquisition that
link a pair of the right type are also checked for direction (holder →
held, acquirer → target, against FinRE's head/tail and passive labels), and
the confidence table is repeated for the scorer's facts (rules ``*.model``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR_TYPES = {
    "partnership": ("parties",),
    "competition": ("parties",),
    "dispute": ("parties",),
    "ownership": ("holder", "held"),
    "acquisition": ("acquirer", "target"),
}


def _load(path: Path) -> dict[str, dict[frozenset[str], set[str]]]:
    by_sentence: dict[str, dict[frozenset[str], set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["head"] != row["tail"]:
            by_sentence[row["text"]][frozenset((row["head"], row["tail"]))].add(row["relation"])
    return by_sentence


def _directed(path: Path) -> dict[str, dict[tuple[str, str], set[str]]]:
    by_sentence: dict[str, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        by_sentence[row["text"]][(row["head"], row["tail"])].add(row["relation"])
    return by_sentence


def _direction_ok(fact, labels: set[str], mapping: dict[str, str]) -> bool:  # type: ignore[no-untyped-def]
    """``labels`` are FinRE's for (agent, patient): an active label of the type, or 合并."""
    return any(mapping.get(label) == fact.type and (not label.startswith("被") or label == "合并") for label in labels)


def _given_gazetteer(sentences: dict, out_dir: Path) -> Path:
    from finextract.lexicons import load_gazetteer

    known = load_gazetteer()
    names = sorted({n for pairs in sentences.values() for pair in pairs for n in pair})
    entries = []
    for k, name in enumerate(names):
        if len(name) >= 2 and known.lookup(name) is None:
            entries.append({"id": f"finre_{k}", "label": "ORG", "canonical": name, "aliases": [], "codes": [], "kind": "finre"})
    path = out_dir / "finre_entities.json"
    path.write_text(json.dumps({"version": 1, "entries": entries}, ensure_ascii=False), "utf-8")
    return path


def _name(entity) -> str:  # type: ignore[no-untyped-def]
    """The name a fact argument stands for: a reference (公司, 该行) by what it resolved to."""
    return entity.canonical if entity.source == "coreference" else entity.text


def _linked_pairs(fact) -> list[frozenset[str]]:  # type: ignore[no-untyped-def]
    names = PAIR_TYPES[fact.type]
    if names == ("parties",):
        texts = [_name(p) for p in fact.args.parties]
        return [frozenset((a, b)) for i, a in enumerate(texts) for b in texts[i + 1 :] if a != b]
    a, b = (_name(getattr(fact.args, n)) for n in names)
    return [frozenset((a, b))] if a != b else []


def _bucket_table(title: str, buckets: dict) -> None:  # type: ignore[type-arg]
    """Print precision per confidence bucket (``{bucket: [facts, correct]}``)."""
    print(f"| {title} | facts | precision |")
    print("|---|---:|---:|")
    for bucket in sorted(buckets):
        n, ok = buckets[bucket]
        print(f"| {bucket:.1f}–{bucket + 0.1:.1f} | {n} | {ok / n:.3f} |")


def main() -> None:
    """Score the rules on FinRE and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "finre")
    parser.add_argument("--split", default="valid")
    parser.add_argument("--entities", choices=("given", "found"), default="given")
    parser.add_argument("--relation-model", default=None, help="off, on, or a model directory (default: the pipeline's default)")
    parser.add_argument("--relation-threshold", type=float, default=None, help="scorer threshold instead of the model's own (implies the scorer)")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    args = parser.parse_args()
    mapping: dict[str, str] = {k: v for k, v in json.loads((ROOT / "benchmarks" / "finre_map.json").read_text("utf-8")).items() if not k.startswith("_")}
    sentences = _load(args.data / "normalized" / f"{args.split}.jsonl")

    import finextract

    with tempfile.TemporaryDirectory() as tmp:
        gazetteers = [_given_gazetteer(sentences, Path(tmp))] if args.entities == "given" else []
        options: dict = {"min_confidence": args.min_confidence}
        if args.relation_model is not None:
            options["relation_model"] = {"off": False, "on": True}.get(args.relation_model, args.relation_model)
        if args.relation_threshold is not None:
            from finextract.rules.relation_model import ModelRelations

            path = None if args.relation_model in (None, "on", "off") else args.relation_model
            options["relation_model"] = ModelRelations.load(path, threshold=args.relation_threshold)
        nlp = finextract.Pipeline(gazetteers=gazetteers, **options)
        started = time.perf_counter()
        docs = {text: nlp(text.replace("<N>", "8")) for text in sentences}
        seconds = time.perf_counter() - started

    types = sorted(set(mapping.values()))
    gold_total = defaultdict(int)
    gold_hit = defaultdict(int)
    pred_total = defaultdict(int)
    pred_ok = defaultdict(int)
    unscored = defaultdict(int)
    buckets: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    model_buckets: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    direction = [0, 0]
    directed = _directed(args.data / "normalized" / f"{args.split}.jsonl")
    for text, pairs in sentences.items():
        doc = docs[text]
        linked: dict[str, set[frozenset[str]]] = defaultdict(set)
        for fact in doc.facts:
            if fact.type not in PAIR_TYPES:
                continue
            for pair in _linked_pairs(fact):
                linked[fact.type].add(pair)
                if pair not in pairs:
                    unscored[fact.type] += 1
                    continue
                ok = any(mapping.get(label) == fact.type for label in pairs[pair])
                pred_total[fact.type] += 1
                pred_ok[fact.type] += ok
                bucket = min(0.9, int(fact.confidence * 10) / 10)
                buckets[bucket][0] += 1
                buckets[bucket][1] += ok
                by_rule[fact.rule][0] += 1
                by_rule[fact.rule][1] += ok
                if fact.rule.endswith(".model"):
                    model_buckets[bucket][0] += 1
                    model_buckets[bucket][1] += ok
                if ok and fact.type in ("ownership", "acquisition"):
                    agent, patient = (getattr(fact.args, n).text for n in PAIR_TYPES[fact.type])
                    direction[0] += 1
                    direction[1] += _direction_ok(fact, directed[text][(agent, patient)], mapping)
        for pair, labels in pairs.items():
            for fact_type in {mapping[label] for label in labels if label in mapping}:
                gold_total[fact_type] += 1
                gold_hit[fact_type] += pair in linked[fact_type]

    print(f"FinRE {args.split}: {len(sentences)} sentences, entities {args.entities}; extraction {seconds:.1f} s")
    print()
    print("| fact type | gold pairs | recall | facts on annotated pairs | precision | facts on other pairs |")
    print("|---|---:|---:|---:|---:|---:|")
    for fact_type in types:
        recall = gold_hit[fact_type] / gold_total[fact_type] if gold_total[fact_type] else 0.0
        precision = pred_ok[fact_type] / pred_total[fact_type] if pred_total[fact_type] else float("nan")
        print(f"| {fact_type} | {gold_total[fact_type]} | {recall:.3f} | {pred_total[fact_type]} | {precision:.3f} | {unscored[fact_type]} |")
    g, h = sum(gold_total.values()), sum(gold_hit.values())
    p, o = sum(pred_total.values()), sum(pred_ok.values())
    print(f"| **all mapped** | {g} | {h / g if g else 0:.3f} | {p} | {o / p if p else float('nan'):.3f} | {sum(unscored.values())} |")
    print()
    print("| rule | facts on annotated pairs | precision |")
    print("|---|---:|---:|")
    for rule in sorted(by_rule):
        n, ok = by_rule[rule]
        print(f"| {rule} | {n} | {ok / n:.3f} |")
    print()
    _bucket_table("confidence", buckets)
    if model_buckets:
        print()
        _bucket_table("confidence (scorer facts only)", model_buckets)
    if direction[0]:
        print()
        print(f"Direction of ownership/acquisition facts of the right type: {direction[1]} of {direction[0]} agree with FinRE ({direction[1] / direction[0]:.3f}).")


if __name__ == "__main__":
    main()
