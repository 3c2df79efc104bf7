"""Word tokens for Chinese report text (jieba), loaded lazily with report terms added."""

from __future__ import annotations

import logging
import threading
import warnings
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
        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        # jieba's default cache is /tmp/jieba.cache, shared by every user of the machine.
        tok.tmp_dir = str(directory)
        jieba.dt.tmp_dir = str(directory)
        tok.initialize()
        # add_word mutates shared state: done here, under the lock, before anyone cuts.
        for term in REPORT_TERMS:
            tok.add_word(term, freq=20000)
        _tokenizer = tok
        return tok


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
