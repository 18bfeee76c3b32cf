"""The example notebook: committed without outputs, and runs cleanly in a real kernel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "explore.ipynb"


def _source(cell: dict[str, Any]) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def test_committed_notebook_has_no_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "the notebook has no code cells"
    for cell in code:
        assert cell.get("outputs") == [], f"outputs committed in cell {cell.get('id')}"
        assert cell.get("execution_count") is None, f"execution count committed in cell {cell.get('id')}"
    assert "widgets" not in nb.get("metadata", {})


def _outputs(cell: Any) -> str:
    """Every text and HTML output of a cell, joined."""
    parts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        parts += [str(data.get(kind, "")) for kind in ("text/html", "text/plain")]
        parts.append(str(out.get("text", "")))
    return "\n".join(parts)


def _cell(nb: Any, needle: str) -> Any:
    return next(c for c in nb.cells if c.cell_type == "code" and needle in _source(c))


def test_notebook_executes_headless(monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for module in ("ipykernel", "pandas", "matplotlib", "pyarrow"):
        pytest.importorskip(module)
    monkeypatch.setenv("MPLBACKEND", "Agg")  # the kernel inherits it: no display needed
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", allow_errors=False, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.get("output_type") == "error"], _source(cell)
    documents = len(list((NOTEBOOK.parent.parent / "corpora" / "samples").glob("*.txt")))
    assert f"Corpus({documents} documents" in _outputs(_cell(nb, "Corpus.from_paths"))
    shown = _outputs(_cell(nb, "doc = corpus["))
    assert 'class="fx-doc"' in shown and "京東金融" in shown  # displayed in the article's own script
    big = _outputs(_cell(nb, "1e9"))
    assert "億元" in big or "亿元" in big
    top = _busiest_orgs(sorted((NOTEBOOK.parent.parent / "corpora" / "samples").glob("*.txt")))
    assert any(org in _outputs(_cell(nb, "groupby(\"org\")")) for org in top), top
    assert "string" in _outputs(_cell(nb, "to_arrow"))


def _busiest_orgs(paths: list[Path]) -> set[str]:
    """The organizations with the most role facts in the articles (ties: all of them), as the notebook's table ranks them."""
    import finextract

    nlp = finextract.Pipeline()
    counts: dict[str, int] = {}
    for path in paths:
        for fact in nlp(path.read_text("utf-8")).facts:
            if fact.type == "role" and fact.args.org is not None:
                counts[fact.args.org.canonical] = counts.get(fact.args.org.canonical, 0) + 1
    most = max(counts.values())
    return {org for org, n in counts.items() if n == most}
