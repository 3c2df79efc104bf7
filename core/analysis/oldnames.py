"""Older names of an indicator that later reports name otherwise."""

from __future__ import annotations

import re

_GROSS_OUTPUT_RE = re.compile(r"(工农业|农业和副业|农副业|手工业|农业|工业|副业)生产总值")
"""A sector's 生产总值: the gross output value of that sector."""


def gross_output_name(name: str) -> str:
    """A sector's gross output value as 总产值, however a report words it.

    The rule, for every report: 工业生产总值, 农业生产总值, 工农业生产总值 and
    手工业生产总值 are the older wording of 工业总产值, 农业总产值, 工农业总产值 and
    手工业总产值 (the gross output value of the sector, 1950s statistics), so 1956's
    １９５６年工业生产总值比１９５５年将增长１９．７％ and 1957's 工业总产值比１９５６年将增长
    百分之四点五 name one indicator. 国内生产总值, 国民生产总值 and 地区生产总值 (output
    measures of the whole economy, no sector before them) are left as they are.

    >>> gross_output_name("１９５６年工业生产总值"), gross_output_name("工农业生产总值")
    ('１９５６年工业总产值', '工农业总产值')
    >>> gross_output_name("国内生产总值"), gross_output_name("地区生产总值")
    ('国内生产总值', '地区生产总值')
    """
    return _GROSS_OUTPUT_RE.sub(r"\1总产值", name)


def consumer_goods_name(name: str) -> str:
    """生活资料 (means of living) as 消费资料 (means of consumption): one category.

    The rule, for every report: the planned economy's output splits into 生产资料 (means of
    production) and the other half, which reports name 消费资料 and 生活资料 alike (1958
    says both 消费资料的生产 and 增加生活资料的生产), so 1958's 消费资料的生产…增长百分之九点七
    and 1959's 生活资料的生产增长百分之三十四 name one indicator.

    >>> consumer_goods_name("生活资料的生产"), consumer_goods_name("生产资料的生产")
    ('消费资料的生产', '生产资料的生产')
    """
    return name.replace("生活资料", "消费资料")


def older_name(name: str) -> str:
    """``name`` with the older wordings above read as the words later reports use."""
    return consumer_goods_name(gross_output_name(name))
