"""Segmentation: private tokenizer, no cache files, user dictionaries."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from finextract import LexiconError
from finextract.segment import JiebaSegmenter, read_user_dict


def test_no_cache_file_is_written_or_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seg = JiebaSegmenter()
    assert seg.cut("京东金融与工商银行合作")
    assert list(tmp_path.iterdir()) == []


def test_global_jieba_dictionary_is_untouched() -> None:
    import jieba

    JiebaSegmenter(extra_words=[("瀚海云链科技", 5000, "nt")]).cut("瀚海云链科技发布公告")
    assert "瀚海云链科技" not in jieba.dt.FREQ
    assert "瀚海云链科技" not in jieba.dt.user_word_tag_tab


def test_user_dictionary_words_are_kept_whole(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# my words\n瀚海云链科技 5000 nt\n", encoding="utf-8")
    text = "瀚海云链科技发布公告"
    spans = JiebaSegmenter(user_dicts=(words,)).cut(text)
    assert (0, 6, "nt") in spans
    assert "".join(text[s:e] for s, e, _ in spans) == text


def test_both_taggers_cover_the_text() -> None:
    text = "招商银行行长王明远表示，净利润达到1120亿元。"
    for tagger in ("fast", "hmm"):
        spans = JiebaSegmenter(tagger=tagger).cut(text)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_bad_user_dictionary_line_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="line.*2|:2:"):
        read_user_dict("好词 10 n\n坏 词 10 n x\n", "words.txt")


def test_unknown_tagger_is_rejected() -> None:
    with pytest.raises(LexiconError, match="tagger"):
        JiebaSegmenter(tagger="crf").cut("文本")
