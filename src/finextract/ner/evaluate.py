"""Exact-span precision, recall and F1 of an NER backend on a gold JSON Lines file.

The gold format is the normalized one the corpora ship in: ``{"text",
"entities": [{"start", "end", "label", "text"}]}`` per line.  Gold labels are
mapped through ``finextract/data/ner_labels.json`` (``corpus="auto"`` merges
every corpus's mapping); only the labels that occur in the mapped gold file
are scored, so a backend is not penalised for TITLE on a corpus that does not
annotate titles.

``layers=True`` scores the whole NER stage (backend plus gazetteer and
patterns) through the pipeline, in original offsets; ``layers=False`` scores
the backend's own candidates.  ``s2t=True`` converts each gold text to
Traditional first (OpenCC ``s2t``; texts whose length would change are
skipped and counted), which measures the Traditional path end to end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence


@dataclass
class Scores:
    """Per-label true positives, predictions and gold counts."""

    tp: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    sentences: int = 0
    skipped: int = 0

    def add(self, gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]], labels: frozenset[str]) -> None:
        """Count one sentence (predictions outside ``labels`` are ignored)."""
        g = {s for s in gold if s[2] in labels}
        p = {s for s in pred if s[2] in labels}
        self.sentences += 1
        for s in g:
            self.gold[s[2]] += 1
        for s in p:
            self.pred[s[2]] += 1
        for s in g & p:
            self.tp[s[2]] += 1

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2), "gold": gold, "predicted": pred}

    def as_dict(self) -> dict[str, Any]:
        """Per-label and micro scores (percent)."""
        labels = sorted(set(self.gold) | set(self.pred))
        out: dict[str, Any] = {label: self._prf(self.tp[label], self.pred[label], self.gold[label]) for label in labels}
        out["micro"] = self._prf(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values()))
        out["sentences"] = self.sentences
        if self.skipped:
            out["skipped"] = self.skipped
        return out

    def table(self) -> str:
        """A Markdown table of :meth:`as_dict`."""
        d = self.as_dict()
        rows = ["| label | P | R | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
        for label in [k for k in d if k not in ("micro", "sentences", "skipped")] + ["micro"]:
            s = d[label]
            rows.append(f"| {label} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['gold']} | {s['predicted']} |")
        return "\n".join(rows)


def score_examples(backend: Any, examples: Sequence[Any], segmenter: Any, batch_size: int = 64) -> Scores:
    """Backend-only scores on :class:`finextract.ner.train.Example` items (working text)."""
    from .train import sentence_input

    scores = Scores()
    labels = frozenset(lab for e in examples for _, _, lab in e.spans)
    for k in range(0, len(examples), batch_size):
        chunk = examples[k : k + batch_size]
        inputs = [sentence_input(e.text, segmenter) for e in chunk]
        for ex, cands in zip(chunk, backend.predict(inputs)):
            scores.add(ex.spans, [(c.start, c.end, c.label) for c in cands], labels)
    return scores


def _gold(path: Path, corpus: str, s2t: bool, limit: int | None) -> tuple[list[tuple[str, list[tuple[int, int, str]]]], int]:
    from .labels import load_label_scheme
    from .train import read_jsonl

    mapping = load_label_scheme().mapping(corpus)
    converter = None
    if s2t:
        from opencc import OpenCC

        converter = OpenCC("s2t")
    items, skipped = [], 0
    for record in read_jsonl(path):
        if limit is not None and len(items) >= limit:
            break
        text = record["text"]
        if converter is not None:
            converted = converter.convert(text)
            if len(converted) != len(text):
                skipped += 1
                continue
            text = converted
        spans = [(e["start"], e["end"], mapping[e["label"]]) for e in record.get("entities", ()) if e["label"] in mapping]
        items.append((text, spans))
    return items, skipped


def evaluate_file(
    gold_path: str | Path,
    *,
    ner: str = "rules",
    ner_model: str | Path | None = None,
    ner_guideline: str | None = None,
    corpus: str = "auto",
    layers: bool = True,
    s2t: bool = False,
    limit: int | None = None,
) -> Scores:
    """Score a backend (``layers=False``) or the whole NER stage on a gold file; library form of ``finextract eval``."""
    from ..pipeline import Pipeline

    items, skipped = _gold(Path(gold_path), corpus, s2t, limit)
    labels = frozenset(lab for _, spans in items for _, _, lab in spans)
    nlp = Pipeline(["normalize", "sentences", "segment", "ner"], ner=ner, ner_model=ner_model, ner_guideline=ner_guideline)
    stage = nlp.stages[-1]
    prefix = nlp.stages[:-1]
    scores = Scores(skipped=skipped)
    for text, gold in items:
        if not text.strip():
            scores.add(gold, [], labels)
            continue
        if layers:
            doc = nlp(text, doc_id="gold")
            scores.add(gold, [(e.start, e.end, e.label) for e in doc.entities], labels)
        else:
            scores.add(gold, _backend_spans(stage, prefix, text), labels)
    return scores


def _backend_spans(stage: Any, prefix: Sequence[Any], text: str) -> list[tuple[int, int, str]]:
    """The backend's own candidates in original offsets."""
    from ..document import Document

    doc = Document(text=text, doc_id="gold")
    for st in prefix:
        doc = st(doc)
    inputs, offsets = stage.sentence_inputs(doc)
    out = []
    for base, cands in zip(offsets, stage.backend.predict(inputs)):
        for c in cands:
            start, end, _ = doc.work.orig_span(base + c.start, base + c.end)
            out.append((start, end, c.label))
    return out

