"""Word tokens for Chinese report text: jieba's dictionary and cut, through its Rust port.

The tokenizer is rjieba (jieba-rs), which loads jieba's own dictionary about 7× faster
than jieba and cuts about 10× faster, with the same words (checked on every corpus report,
sample and seed: tests/test_perf_tokens.py). Where rjieba is not installed, jieba itself
is used, with its dictionary cache in our cache dir. Either way the report terms below
and the user's own dictionary (:func:`user_dict_path`) are added before the first cut.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import warnings
from pathlib import Path
from typing import Any

from reportdiff.core.paths import cache_dir, config_dir

__all__ = [
    "REPORT_TERMS",
    "USER_DICT",
    "backend",
    "dictionary_fingerprint",
    "reset",
    "tokenize",
    "user_dict_path",
    "user_terms",
    "warm_up",
]

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

USER_DICT = "userdict.txt"
"""The user's own dictionary in the config dir: one word a line, in jieba's user-dictionary
format ``word [freq] [tag]`` (freq and tag optional; ``#`` starts a comment line)."""

_lock = threading.Lock()
_tokenizer: Any = None
_backend = ""
_loaded_terms: tuple[tuple[str, int | None], ...] = ()


def user_dict_path() -> Path:
    """Where the user's dictionary is read from (it need not exist)."""
    return config_dir() / USER_DICT


def user_terms() -> tuple[tuple[str, int | None], ...]:
    """The words of the user's dictionary with their frequency (None: let the tokenizer
    choose one that keeps the word whole). A missing or unreadable file has none; a line
    whose frequency is not a number keeps the word without it."""
    try:
        raw = user_dict_path().read_text(encoding="utf-8-sig", errors="replace")
    except (OSError, ValueError):
        return ()
    out: list[tuple[str, int | None]] = []
    for line in raw.splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq: int | None = None
        if len(parts) > 1 and parts[1].isdigit():
            freq = int(parts[1])
        out.append((parts[0], freq))
    return tuple(out)


def dictionary_fingerprint() -> str:
    """What the tokens depend on besides the text: tokenizer, report terms, user words.

    Part of every cache key of tokenized results, so adding a word to the user dictionary
    never reuses tokens cut without it.
    """
    h = hashlib.blake2b(digest_size=16)
    # The words the loaded tokenizer really has (the file may have changed since it
    # loaded, in a long-running reader); before the first load, the file's.
    loaded = _loaded_terms if _tokenizer is not None else None
    name = _backend if _tokenizer is not None else _choose_backend()
    for part in (name, *REPORT_TERMS, repr(user_terms() if loaded is None else loaded)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _choose_backend() -> str:
    """``rjieba`` when installed (and not turned off by ``REPORTDIFF_TOKENIZER=jieba``)."""
    if os.environ.get("REPORTDIFF_TOKENIZER", "").strip().lower() == "jieba":
        return "jieba"
    try:
        import importlib.util

        return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"
    except (ImportError, ValueError):
        return "jieba"


def backend() -> str:
    """The tokenizer in use (``rjieba`` or ``jieba``), loading it if need be."""
    _load()
    return _backend


def _load() -> Any:
    """Load the tokenizer once, with report terms and the user's words added."""
    global _tokenizer, _backend
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is not None:
            return _tokenizer
        name = _choose_backend()
        tok = _load_rjieba() if name == "rjieba" else _load_jieba()
        _backend = name
        _tokenizer = tok
        return tok


class _RJieba:
    """rjieba behind jieba's ``add_word``/``lcut``: Latin and digit runs split as jieba does."""

    def __init__(self) -> None:
        global _default_taken
        import rjieba

        # Importing rjieba builds its default instance from jieba's dictionary: the first
        # load takes it rather than build a second one; a reload (new user words) builds
        # its own, so words added before never linger.
        if _default_taken:
            self._jb = rjieba.Jieba()
        else:
            self._jb = rjieba._DEFAULT_JIEBA
            _default_taken = True

    def add_word(self, word: str, freq: int | None = None) -> None:
        self._jb.add_word(word, freq, None)

    def lcut(self, text: str, HMM: bool = True) -> list[str]:
        out: list[str] = []
        for w in self._jb.cut(text, HMM):
            if len(w) > 1 and not _HAN.search(w):
                # jieba-rs keeps 2023-2025 or sample_data whole; jieba cuts such a run as
                # its HMM stage does (finalseg's re_skip): numbers like 68.5 and 7% whole,
                # what lies between them apart.
                out.extend(p for p in _SKIP.split(w) if p)
            else:
                out.append(w)
        return out


_default_taken = False
_HAN = re.compile("[\u4e00-\u9fd5]")
_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def _load_rjieba() -> Any:
    tok = _RJieba()
    _add_terms(tok)
    return tok


def _add_terms(tok: Any) -> None:
    global _loaded_terms
    # add_word mutates shared state: done under the lock, before anyone cuts.
    for term in REPORT_TERMS:
        tok.add_word(term, freq=20000)
    words = user_terms()
    for word, freq in words:
        tok.add_word(word, freq=freq)
    _loaded_terms = words


def _load_jieba() -> Any:
    """Load jieba once, with its dictionary cache in our cache dir."""
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
    _add_terms(tok)
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


def reset() -> None:
    """Forget the loaded tokenizer, so the next cut reloads it with the user's words as
    they are now (a long-running process after the user edited the file; tests)."""
    global _tokenizer, _backend
    with _lock:
        _tokenizer = None
        _backend = ""


def warm_up() -> None:
    """Load the dictionary now (e.g. from a worker thread) so the first comparison is fast."""
    _load()


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words (jieba's dictionary), dropping whitespace-only tokens.

    Args:
        text: Report text, any length.

    Returns:
        The words in order, e.g. ``['发展', '新质生产力']`` for 发展新质生产力.
    """
    if not text:
        return []
    tok = _load()
    return [w for w in tok.lcut(text, HMM=True) if not w.isspace()]
