"""A district or county whose name several places share gets its city in its id.

China has two 朝阳区 (Beijing, Changchun), four 鼓楼区, two 普陀区 (Shanghai, Zhoushan)…: a
researcher's library of many cities' reports gave two of them one id, and the second file
failed. Where the report's title or date line names the city (北京市朝阳区), the id says it
(beijing-chaoyang-2023); a unique name (杨浦区) keeps its short id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdiff.cli import main
from reportdiff.core.storage.library import user_metas
from reportdiff.core.text.regions import (
    canonical_region,
    divisions,
    parent_pinyin,
    reading,
    region_pinyin,
    short_name,
)


def shared_county_names() -> dict[str, set[str]]:
    """Every county-level name of the official list that lies under several parents."""
    out: dict[str, set[str]] = {}
    for name, places in divisions().items():
        parents = {d.parent for d in places if d.level == "county" and d.parent}
        if len(parents) > 1 and canonical_region(name) == name:
            out[name] = parents
    return out


def test_the_official_list_has_such_names() -> None:
    names = shared_county_names()
    assert {"朝阳区", "鼓楼区", "普陀区"} <= set(names)
    assert names["朝阳区"] == {"北京市", "长春市"}


def test_every_shared_name_is_told_apart_by_the_city_the_title_names() -> None:
    for name, parents in shared_county_names().items():
        ids = set()
        for parent in parents:
            for form in (parent, short_name(parent)):
                head = f"{form}{name}政府工作报告\n——2024年1月8日在{form}{name}第十七届人民代表大会第四次会议上"
                got = parent_pinyin(name, head)
                assert got == reading(parent), (name, parent, form)
            ids.add(f"{reading(parent)}-{region_pinyin(name)}")
        # Two parents with one reading (a homophone) would still clash: none on the list.
        assert len(ids) == len(parents), name


@pytest.mark.parametrize(
    ("region", "head"),
    [
        ("杨浦区", "上海市杨浦区政府工作报告"),  # a unique name keeps its short id
        ("朝阳区", "朝阳区政府工作报告"),  # no city named: nothing to say
        ("朝阳区", "北京市朝阳区与长春市朝阳区结对合作"),  # two named: unsure
        ("朝阳区", "北京市海淀区政府工作报告"),  # another district's city
    ],
)
def test_no_city_in_front_when_unsure(region: str, head: str) -> None:
    assert parent_pinyin(region, head) is None


SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def test_two_chaoyang_reports_are_added_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (SAMPLES / "yangpu-2023.txt").read_text(encoding="utf-8")
    body = body.replace("杨浦", "朝阳")
    heads = {
        "bj.txt": "北京市朝阳区政府工作报告\n\n——2024年1月8日在北京市朝阳区第十七届人民代表大会第四次会议上\n\n",
        "cc.txt": "政府工作报告\n\n——2024年1月10日在长春市朝阳区第十八届人民代表大会第四次会议上\n\n",
    }
    for name, head in heads.items():
        (tmp_path / name).write_text(head + body, encoding="utf-8")
    assert main(["add", str(tmp_path / "bj.txt"), str(tmp_path / "cc.txt")]) == 0
    capsys.readouterr()
    assert sorted(m.id for m in user_metas()) == [
        "beijing-chaoyang-2023",
        "changchun-chaoyang-2023",
    ]
    assert {m.region for m in user_metas()} == {"朝阳区"}
