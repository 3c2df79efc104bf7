"""split_compilation finds each report in a compilation and ignores its table of contents."""

from __future__ import annotations

from pathlib import Path

from reportdiff.core.text.split import split_compilation

SEED_004 = "004_22cd1e946852648b.txt"


def test_seed_004_holds_exactly_four_reports(seeds_dir: Path) -> None:
    raw = (seeds_dir / SEED_004).read_text(encoding="utf-8")
    parts = split_compilation(raw)
    assert len(parts) == 4
    firsts = [p.splitlines()[0] for p in parts]
    assert firsts == ["政府工作报告", "2024年政府工作报告", "政府工作报告(2024年)", "政府工作报告"]
    # The table of contents (dot leaders naming all 16 districts) is in none of them.
    assert not any("......" in p for p in parts)
    assert "——2024年1月17日在静安区第二届" in parts[3]


def test_single_reports_come_back_whole(seeds_dir: Path) -> None:
    for prefix in ("000", "001", "002", "003"):
        raw = next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        assert split_compilation(raw) == [raw]


def test_title_without_date_line_is_not_a_report() -> None:
    raw = "目录\n政府工作报告\n浦东新区\n\n政府工作报告\n——2024年1月1日在某会议上\n正文。\n"
    assert len(split_compilation(raw)) == 1
