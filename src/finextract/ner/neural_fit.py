"""Fit the neural tagger on prepared arrays with torch; numpy and torch are all it imports.

The network (inference: :mod:`finextract.ner.neural`):

* every feature value of the CRF's templates has a learned vector; a
  character's input is the sum of its features' vectors (an embedding bag)
  plus a bias, through a ReLU;
* a stack of 1-D convolutions (kernel 3, the configured dilations; every
  layer after the first is residual), ReLU after each, zero outside the
  sentence at every layer;
* a linear layer to the BIO tags, and a linear-chain CRF with learned
  start and transition scores, where ``I-X`` may only follow ``B-X`` or
  ``I-X`` (the constraint is part of training, as of decoding).

During training each sentence's corpus adds a learned vector to its input
(dropped to "no corpus" with probability ``source_dropout``); inference
always uses "no corpus", so the guideline differences between corpora are
absorbed there and not in the shared weights.

The file has no package-relative imports, so it also runs as a script on a
machine that has torch but not finextract's other dependencies::

    python neural_fit.py --arrays arrays.npz --out DIR [--settings JSON]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

NEG = -10000.0
"""Score of a forbidden transition."""

SOURCE_SLOTS = 8
"""Corpus vectors the network has room for (id 0, "no corpus", stays zero); ``neural_data.SOURCES`` names the ids used."""


def load_arrays(path: str | Path) -> dict[str, np.ndarray]:
    """The prepared npz (see :func:`finextract.ner.neural_data.save_sets`)."""
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def allowed_transitions(tags: Sequence[str], neg: float = NEG) -> tuple[np.ndarray, np.ndarray]:
    """``(start, transitions)`` additive masks: 0 where allowed, ``neg`` where ``I-X`` would not continue an ``X``.

    >>> start, trans = allowed_transitions(["O", "B-ORG", "I-ORG"])
    >>> start.tolist(), trans[0].tolist()
    ([0.0, 0.0, -10000.0], [0.0, 0.0, -10000.0])
    """
    n = len(tags)
    start = np.zeros(n, dtype=np.float32)
    trans = np.zeros((n, n), dtype=np.float32)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = neg
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    trans[i, j] = neg
    return start, trans


def quantize_rows(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(int8 rows, scale per row)`` with ``q * scale`` within half a step of ``table``.

    >>> q, s = quantize_rows(np.array([[0.5, -1.0], [0.0, 0.0]], dtype=np.float32))
    >>> q.tolist(), [round(float(x), 5) for x in s]
    ([[64, -127], [0, 0]], [0.00787, 0.0])
    """
    peak = np.abs(table).max(axis=1).astype(np.float32)
    scale = peak / 127.0
    safe = np.where(scale > 0, scale, 1.0)
    q = np.clip(np.rint(table / safe[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


class SentenceSet:
    """One prepared split, sliced into padded batches."""

    def __init__(self, arrays: dict[str, np.ndarray], name: str, vocab_size: int) -> None:
        rows = arrays[f"{name}_rows"].astype(np.int64)
        rows[rows < 0] = vocab_size
        self.rows = rows
        self.tags = arrays[f"{name}_tags"].astype(np.int64)
        self.lengths = arrays[f"{name}_lengths"].astype(np.int64)
        self.sources = arrays[f"{name}_sources"].astype(np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)
        self.pad = vocab_size

    def __len__(self) -> int:
        return len(self.lengths)

    def batches(self, size: int, rng: np.random.Generator | None, repeat: dict[str, int] | None = None) -> list[np.ndarray]:
        """Sentence index batches of similar length (shuffled when ``rng`` is given).

        ``repeat`` maps a corpus id (as a string, JSON-style) to how many
        times each of its sentences appears, to oversample a small corpus.
        """
        times = np.ones(len(self.lengths), dtype=np.int64)
        for source, k in (repeat or {}).items():
            times[self.sources == int(source)] = k
        index = np.repeat(np.arange(len(self.lengths)), times)
        order = index[np.argsort(self.lengths[index], kind="stable")]
        if rng is not None:
            noise = rng.permutation(len(index))
            order = index[np.lexsort((noise, self.lengths[index] // 8))]
        chunks = [order[k : k + size] for k in range(0, len(order), size)]
        if rng is not None:
            rng.shuffle(chunks)
        return chunks

    def batch(self, index: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(rows (B, T, L), tags (B, L), mask (B, L), sources (B,))`` padded to the longest sentence."""
        lengths = self.lengths[index]
        width = max(int(lengths.max()), 1)
        n_t = self.rows.shape[0]
        rows = np.full((len(index), n_t, width), self.pad, dtype=np.int64)
        tags = np.zeros((len(index), width), dtype=np.int64)
        mask = np.zeros((len(index), width), dtype=bool)
        for b, (s, n) in enumerate(zip(self.starts[index].tolist(), lengths.tolist())):
            rows[b, :, :n] = self.rows[:, s : s + n]
            tags[b, :n] = self.tags[s : s + n]
            mask[b, :n] = True
        return rows, tags, mask, self.sources[index]


def build_network(torch: Any, vocab_size: int, n_tags: int, n_sources: int, settings: dict[str, Any], masks: tuple[np.ndarray, np.ndarray]) -> Any:
    """The tagger as a ``torch.nn.Module``."""
    nn = torch.nn

    class Tagger(nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            embed, hidden = settings["embed"], settings["hidden"]
            self.embed = nn.Embedding(vocab_size + 1, embed, padding_idx=vocab_size)
            nn.init.normal_(self.embed.weight, std=0.05)
            with torch.no_grad():
                self.embed.weight[vocab_size].zero_()
            self.source = nn.Embedding(n_sources, embed, padding_idx=0)
            self.in_bias = nn.Parameter(torch.zeros(embed))
            dims = [embed] + [hidden] * len(settings["dilations"])
            self.convs = nn.ModuleList(
                nn.Conv1d(dims[k], dims[k + 1], 3, dilation=d, padding=d) for k, d in enumerate(settings["dilations"])
            )
            self.out = nn.Linear(hidden, n_tags)
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.register_buffer("start_mask", torch.tensor(masks[0]))
            self.register_buffer("trans_mask", torch.tensor(masks[1]))
            self.drop = nn.Dropout(settings["dropout"])

        def emissions(self, rows: Any, mask: Any, sources: Any) -> Any:
            h = self.embed(rows).sum(1) + self.in_bias + self.source(sources)[:, None, :]
            m = mask[:, :, None].float()
            x = self.drop(torch.relu(h)) * m
            x = x.transpose(1, 2)
            m = m.transpose(1, 2)
            for k, conv in enumerate(self.convs):
                y = torch.relu(conv(x)) * m
                x = y if k == 0 else x + y
            x = self.drop(x.transpose(1, 2))
            return self.out(x)

        def scores(self) -> tuple[Any, Any]:
            return self.start + self.start_mask, self.trans + self.trans_mask

    return Tagger()


def crf_nll(torch: Any, emissions: Any, tags: Any, mask: Any, start: Any, trans: Any) -> Any:
    """Sum over the batch of the negative log-likelihood of the gold tags."""
    maskf = mask.float()
    gold = emissions.gather(2, tags[:, :, None]).squeeze(2)
    score = start[tags[:, 0]] + (gold * maskf).sum(1)
    score = score + (trans[tags[:, :-1], tags[:, 1:]] * maskf[:, 1:]).sum(1)
    alpha = start + emissions[:, 0]
    for t in range(1, emissions.shape[1]):
        step = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + emissions[:, t]
        alpha = torch.where(mask[:, t, None], step, alpha)
    return (torch.logsumexp(alpha, 1) - score).sum()


def viterbi(torch: Any, emissions: Any, mask: Any, start: Any, trans: Any) -> np.ndarray:
    """Best tag ids ``(B, L)`` (positions past each sentence's end are meaningless)."""
    score = start + emissions[:, 0]
    back = []
    for t in range(1, emissions.shape[1]):
        cand = score[:, :, None] + trans[None]
        best, arg = cand.max(1)
        step = best + emissions[:, t]
        keep = mask[:, t, None]
        score = torch.where(keep, step, score)
        back.append(torch.where(keep, arg, torch.arange(arg.shape[1], device=arg.device)[None].expand_as(arg)))
    last = score.argmax(1)
    path = [last]
    for arg in reversed(back):
        last = arg.gather(1, last[:, None]).squeeze(1)
        path.append(last)
    return torch.stack(path[::-1], 1).cpu().numpy()


def spans(tags: Sequence[str], ids: Sequence[int]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of each ``B-X I-X*`` run, in order; an ``I-X`` that continues nothing starts a span.

    >>> spans(["O", "B-ORG", "I-ORG"], [1, 2, 0, 1, 2, 2])
    [(0, 2, 'ORG'), (3, 6, 'ORG')]
    """
    out, start, label = [], -1, ""
    for i, k in enumerate(ids):
        tag = tags[k]
        if tag.startswith("I-") and start >= 0 and tag[2:] == label:
            continue
        if start >= 0:
            out.append((start, i, label))
        start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    if start >= 0:
        out.append((start, len(ids), label))
    return out


SCORED: dict[int, frozenset[str]] = {1: frozenset({"PERSON", "ORG", "LOC"})}
"""Labels scored per corpus id (MSRA annotates no titles); others: every label."""


def evaluate(torch: Any, net: Any, data: SentenceSet, tags: Sequence[str], device: Any, batch_size: int = 256, guided: bool = False) -> dict[str, float]:
    """Exact-span micro precision, recall and F1 (percent) of the decoded tags.

    Decoded with "no corpus", as inference does by default; ``guided``
    decodes each sentence with its own corpus's vector (a guideline).
    """
    net.eval()
    tp = pred = gold = 0
    start, trans = net.scores()
    with torch.no_grad():
        for index in data.batches(batch_size, None):
            rows, tag_ids, mask, sources = data.batch(index)
            m = torch.tensor(mask, device=device)
            src = torch.tensor(sources, device=device) if guided else torch.zeros(len(index), dtype=torch.long, device=device)
            em = net.emissions(torch.tensor(rows, device=device), m, src)
            paths = viterbi(torch, em, m, start, trans)
            for b, n in enumerate(data.lengths[index].tolist()):
                keep = SCORED.get(int(sources[b]))
                g = {s for s in spans(tags, tag_ids[b, :n].tolist()) if keep is None or s[2] in keep}
                p = {s for s in spans(tags, paths[b, :n].tolist()) if keep is None or s[2] in keep}
                tp, pred, gold = tp + len(g & p), pred + len(p), gold + len(g)
    net.train()
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2)}


def export(net: Any, settings: dict[str, Any]) -> dict[str, np.ndarray]:
    """numpy arrays for :class:`finextract.ner.neural.NeuralWeights` (the embedding quantized to int8 per row)."""
    start, trans = net.scores()
    embed_q, embed_scale = quantize_rows(net.embed.weight.detach().cpu().numpy())
    out: dict[str, np.ndarray] = {
        "embed_q": embed_q,
        "embed_scale": embed_scale,
        "in_bias": net.in_bias.detach().cpu().numpy().astype(np.float32),
        "dilations": np.array(settings["dilations"], dtype=np.int64),
        "out_w": net.out.weight.detach().cpu().numpy().T.astype(np.float32).copy(),
        "out_b": net.out.bias.detach().cpu().numpy().astype(np.float32),
        "start": start.detach().cpu().numpy().astype(np.float32),
        "transitions": trans.detach().cpu().numpy().astype(np.float32),
        "sources": net.source.weight.detach().cpu().numpy().astype(np.float32),
    }
    for k, conv in enumerate(net.convs):
        w = conv.weight.detach().cpu().numpy()  # (out, in, 3): taps at -d, 0, +d
        out[f"conv{k}_w"] = np.concatenate([w[:, :, j].T for j in range(3)], axis=1).astype(np.float32)
        out[f"conv{k}_b"] = conv.bias.detach().cpu().numpy().astype(np.float32)
    return out


def fit(arrays: dict[str, np.ndarray], settings: dict[str, Any], log: Any = None, eval_sets: Sequence[str] = ()) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Train; returns the exported weights of the best epoch on ``valid`` and a report (per-epoch scores, seconds)."""
    import torch

    torch.manual_seed(settings["seed"])
    rng = np.random.default_rng(settings["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    vocab = int(arrays["vocab_size"])
    tags = [str(t) for t in arrays["tags"]]
    train = SentenceSet(arrays, "train", vocab)
    valid = SentenceSet(arrays, "valid", vocab)
    others = {name: SentenceSet(arrays, name, vocab) for name in eval_sets}
    net = build_network(torch, vocab, len(tags), SOURCE_SLOTS, settings, allowed_transitions(tags)).to(device)
    opt = torch.optim.Adam(net.parameters(), lr=settings["lr"])
    began = time.perf_counter()
    history: list[dict[str, Any]] = []
    best: tuple[float, dict[str, np.ndarray] | None] = (-1.0, None)
    for epoch in range(1, settings["epochs"] + 1):
        lr = settings["lr"] * (0.5 * (1 + np.cos(np.pi * (epoch - 1) / settings["epochs"])))
        for group in opt.param_groups:
            group["lr"] = lr
        total = 0.0
        for index in train.batches(settings["batch_size"], rng, settings.get("repeat")):
            rows, tag_ids, mask, sources = train.batch(index)
            drop = rng.random(len(sources)) < settings["source_dropout"]
            sources = np.where(drop, 0, sources)
            m = torch.tensor(mask, device=device)
            em = net.emissions(torch.tensor(rows, device=device), m, torch.tensor(sources, device=device))
            start, trans = net.scores()
            loss = crf_nll(torch, em, torch.tensor(tag_ids, device=device), m, start, trans)
            opt.zero_grad()
            (loss / len(index)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        row: dict[str, Any] = {"epoch": epoch, "loss": round(total / len(train), 4), "seconds": round(time.perf_counter() - began, 1)}
        row["valid"] = evaluate(torch, net, valid, tags, device)
        for name, data in others.items():
            row[name] = evaluate(torch, net, data, tags, device)
            row[f"{name}_guided"] = evaluate(torch, net, data, tags, device, guided=True)
        history.append(row)
        if log is not None:
            log(json.dumps(row))
        if row["valid"]["f1"] > best[0]:
            best = (row["valid"]["f1"], export(net, settings))
        if settings.get("max_seconds") and row["seconds"] > settings["max_seconds"]:
            break
    assert best[1] is not None
    report = {"settings": settings, "history": history, "best_epoch": max(history, key=lambda r: r["valid"]["f1"])["epoch"], "device": str(device), "seconds": round(time.perf_counter() - began, 1)}
    return best[1], report


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: fit on an arrays file, write ``weights.npz`` and ``report.json`` to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arrays", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--settings", default="{}", help="JSON object overriding the default settings")
    parser.add_argument("--eval", default="heldout,cluener_dev", help="comma-separated extra sets to score each epoch")
    args = parser.parse_args(argv)
    settings = dict(DEFAULT_SETTINGS)
    settings.update(json.loads(args.settings))
    arrays = load_arrays(args.arrays)
    names = [n for n in args.eval.split(",") if n and f"{n}_rows" in arrays]
    weights, report = fit(arrays, settings, log=lambda s: print(s, flush=True), eval_sets=names)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    weights["report"] = np.array(json.dumps(report))
    np.savez_compressed(out / "weights.npz", **weights)
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    return 0


DEFAULT_SETTINGS: dict[str, Any] = {
    "seed": 13, "embed": 64, "hidden": 96, "dilations": [1, 2, 4], "dropout": 0.3,
    "source_dropout": 0.3, "epochs": 6, "batch_size": 64, "lr": 2e-3, "repeat": {},
    "max_seconds": 0.0,
}
"""What ``NeuralTrainConfig`` defaults to (kept equal by a test)."""


if __name__ == "__main__":
    raise SystemExit(main())
