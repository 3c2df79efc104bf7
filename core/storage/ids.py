"""The id a report gets when none is given: its region in pinyin and its year.

Used by :mod:`reportdiff.core.storage.adding` for every file added without ``--id``.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportdiff.core.model import KIND_ID_SUFFIX, ReportMeta
from reportdiff.core.storage.entries import ID_PATTERN, RESERVED_IDS, check_id

HEAD_CHARS = 600
"""How much of a report's text after its title and date line (我代表…人民政府) may name its
city."""


def default_id(meta: ReportMeta, *, source: str, head: str = "") -> str:
    """The id a report gets when none is given: ``<region pinyin>-<year>[-plan|-budget]``.

    Any Chinese region romanises (杨浦区 → yangpu, 全国 → national). A district or county
    whose name several places share gets the city it lies in in front when ``head`` (the
    report's opening: title, date line) names it (北京市朝阳区 → beijing-chaoyang, 长春市朝阳区
    → changchun-chaoyang), so a library of many cities' reports does not give two of them
    one id. When the text names no region, the file's name stands in for it
    (``徐汇区报告.txt`` → ``xu-hui-qu-bao-gao``), and the year is left out when unknown:
    adding many files never fails because one report's id could not be made.
    """
    from reportdiff.core.text.regions import parent_pinyin, region_pinyin

    pinyin = region_pinyin(meta.region) if meta.region else None
    parent = parent_pinyin(meta.region, head) if pinyin and head else None
    if parent:
        pinyin = f"{parent}-{pinyin}"
    suffix = KIND_ID_SUFFIX.get(meta.kind, "")
    stem = pinyin or _stem_id(source)
    year = f"-{meta.year}" if meta.year and not (stem.endswith(str(meta.year))) else ""
    tail = f"{year}{suffix}"
    candidate = f"{stem[: 63 - len(tail)].rstrip('-')}{tail}"
    if not ID_PATTERN.match(candidate) or candidate in RESERVED_IDS:
        candidate = f"report-{candidate}".strip("-")[:63].rstrip("-")
    return check_id(candidate)


def _stem_id(source: str) -> str:
    """An id stem from a file name: ASCII kept, Chinese romanised, the rest to '-'."""
    from pypinyin import lazy_pinyin

    name = Path(source).stem
    spelled = "-".join(lazy_pinyin(name, errors=lambda s: s.lower()))
    return re.sub(r"[^a-z0-9]+", "-", spelled.lower()).strip("-") or "report"
