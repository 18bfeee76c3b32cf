"""The offset map: working spans map onto original spans and back."""

from hypothesis import given
from hypothesis import strategies as st

from finextract.normalize import Normalizer
from finextract.offsets import OffsetMap


class _Expanding:
    """A converter that changes lengths, to exercise the alignment fallback."""

    def convert(self, text: str) -> str:
        return text.replace("乾", "干干").replace("隻", "")


def test_identity_map_roundtrip() -> None:
    m = OffsetMap.identity(5)
    assert m.is_identity
    assert m.to_orig(1, 3) == (1, 3)
    assert m.to_norm(1, 3) == (1, 3)


def test_pieces_with_expansion_map_to_whole_original_piece() -> None:
    # original "a乾b": 乾 became two working characters
    m = OffsetMap.from_pieces([(0, 1, 1), (1, 2, 2), (2, 3, 1)], orig_len=3)
    assert not m.is_identity
    assert m.to_orig(1, 2) == (1, 2)
    assert m.to_orig(2, 3) == (1, 2)
    assert m.to_orig(3, 4) == (2, 3)
    assert m.to_norm(1, 2) == (1, 3)
    assert m.to_norm(0, 3) == (0, 4)


def test_length_changing_converter_keeps_offsets_exact() -> None:
    text = "乾隆年間，隻身\n一人乾杯。"
    work = Normalizer(converter=_Expanding())(text)
    assert work.norm != text
    for n_start in range(len(work.norm) + 1):
        for n_end in range(n_start, len(work.norm) + 1):
            start, end = work.to_orig(n_start, n_end)
            assert 0 <= start <= end <= len(text)


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
mixed = st.one_of(han, st.characters(codec="utf-8", exclude_categories=("Cs",)), st.sampled_from("０１２３４５６７８９％，。！？「」\n\u3000"))
with_references = st.lists(st.one_of(st.text(alphabet=mixed, max_size=6), st.sampled_from(["&nbsp;", "&amp;", "&#25307;", "&#x5546;", "&lt;", "&;", "&#;"])), max_size=12).map("".join)


@given(st.one_of(st.text(alphabet=mixed, max_size=80), with_references), st.data())
def test_working_span_maps_into_original(text: str, data: st.DataObject) -> None:
    """Every working span maps into the original and back, HTML character references decoded included."""
    work = Normalizer()(text)
    n = len(work.norm)
    n_start = data.draw(st.integers(0, n))
    n_end = data.draw(st.integers(n_start, n))
    start, end = work.to_orig(n_start, n_end)
    assert 0 <= start <= end <= len(text)
    back_start, back_end = work.to_norm(start, end)
    assert back_start <= n_start and n_end <= back_end or n_start == n_end


@given(st.text(alphabet=mixed, max_size=80), st.data())
def test_expanding_converter_roundtrip(text: str, data: st.DataObject) -> None:
    work = Normalizer(converter=_Expanding())(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    n_start, n_end = work.to_norm(start, end)
    o_start, o_end = work.to_orig(n_start, n_end)
    if n_start < n_end:
        assert o_start <= start and end <= o_end


def test_chained_maps_compose() -> None:
    first = OffsetMap.from_pieces([(0, 1, 1), (1, 6, 1), (6, 7, 1)], orig_len=7)  # "A&amp;B" -> "A&B"
    second = OffsetMap.from_pieces([(0, 1, 1), (1, 2, 2), (2, 3, 1)], orig_len=3)  # "&" -> two characters
    both = first.then(second)
    assert (both.orig_len, both.norm_len) == (7, 4)
    assert [both.to_orig(i, i + 1) for i in range(4)] == [(0, 1), (1, 6), (1, 6), (6, 7)]
    assert first.then(OffsetMap.identity(3)) is first
    assert OffsetMap.identity(3).then(second) is second
