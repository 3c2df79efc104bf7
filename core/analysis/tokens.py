"""Word tokens for Chinese report text (jieba), loaded lazily with report terms added."""

from __future__ import annotations

import logging
import os
import threading
import warnings
from pathlib import Path
from typing import Any

from reportdiff.core.paths import cache_dir

__all__ = ["REPORT_TERMS", "tokenize", "warm_up"]

REPORT_TERMS: tuple[str, ...] = (
    "新质生产力",
    "15分钟社区生活圈",
    "15分钟生活圈",
    "一网通办",
    "一网统管",
    "营商环境",
    "高质量发展",
    "专精特新",
    "小巨人",
    "长阳秀带",
    "人民城市",
    "美丽家园",
    "美丽街区",
    "旧区改造",
    "城市更新",
    "民心工程",
    "政府实事项目",
    "首席服务员",
    "进博会",
    "长三角一体化",
    "碳达峰",
    "碳中和",
    "架空线入地",
    "合杆整治",
    "充电桩",
    "养老床位",
    "保障性租赁住房",
    "家庭医生",
    "睦邻中心",
    "社区云",
    "城运中心",
    "数字经济",
    "在线新经济",
    "五个中心",
    "放管服",
    "双循环",
    "引领区",
    "主题教育",
    "全过程人民民主",
    "十四五",
)
"""Terms jieba splits wrongly out of the box (新质生产力 → 新质/生产力) but reports use as one."""

_lock = threading.Lock()
_tokenizer: Any = None


def _load() -> Any:
    """Load jieba once, with its dictionary cache in our cache dir and report terms added."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is not None:
            return _tokenizer
        with warnings.catch_warnings():
            # jieba imports pkg_resources, which warns under recent setuptools.
            warnings.simplefilter("ignore")
            import jieba
        # jieba logs a traceback (at ERROR) when it cannot write its cache: we handle that.
        jieba.setLogLevel(logging.CRITICAL)
        tok = jieba.Tokenizer()
        directory = _jieba_cache_dir()
        # jieba's default cache is /tmp/jieba.cache, shared by every user of the machine.
        tok.tmp_dir = str(directory or "")
        jieba.dt.tmp_dir = tok.tmp_dir
        if directory is None:
            _initialize_without_cache(tok)
        else:
            tok.initialize()
        # add_word mutates shared state: done here, under the lock, before anyone cuts.
        for term in REPORT_TERMS:
            tok.add_word(term, freq=20000)
        _tokenizer = tok
        return tok


JIEBA_CACHE = "jieba.cache"
"""jieba's name for its dictionary cache (kept, so an existing cache is reused)."""


def _jieba_cache_dir() -> Path | None:
    """Our cache directory if jieba can use its cache there, else None.

    jieba loads ``jieba.cache`` if it is a readable file, and otherwise rebuilds the
    dictionary and writes the cache through a temp file in the same directory. Where that
    cannot work (the cache directory cannot be made or written, ``jieba.cache`` is a
    directory) jieba logs a traceback on every run and leaves its 9 MB temp file behind.
    """
    directory = cache_dir()
    cache = directory / JIEBA_CACHE
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if cache.is_file() and os.access(cache, os.R_OK):
            return directory
        if not cache.exists() and not cache.is_symlink() and os.access(directory, os.W_OK):
            return directory
    except OSError:
        pass
    return None


def _initialize_without_cache(tok: Any) -> None:
    """Build jieba's dictionary with its cache in a private temp dir, deleted afterwards."""
    import shutil
    import tempfile

    scratch = tempfile.mkdtemp(prefix="reportdiff-jieba-")
    try:
        tok.tmp_dir = scratch
        tok.initialize()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def warm_up() -> None:
    """Load the dictionary now (e.g. from a worker thread) so the first comparison is fast."""
    _load()


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words with jieba, dropping whitespace-only tokens.

    Args:
        text: Report text, any length.

    Returns:
        The words in order, e.g. ``['发展', '新质生产力']`` for 发展新质生产力.
    """
    if not text:
        return []
    tok = _load()
    return [w for w in tok.lcut(text, HMM=True) if not w.isspace()]
