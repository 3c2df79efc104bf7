"""Markdown, JSON and CSV export, and the `reportdiff export` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportdiff.cli import main
from reportdiff.core.analysis.compare import compare
from reportdiff.core.analysis.export import SCHEMA, md_escape, to_csv, to_json, to_markdown
from reportdiff.core.comparison import Comparison
from reportdiff.core.model import Block, Report, ReportMeta, Section, Span


@pytest.fixture(scope="module")
def cmp() -> Comparison:
    from reportdiff.core.storage.samples import load_sample

    return compare([load_sample("yangpu-2022"), load_sample("yangpu-2023")], use_cache=False)


def test_json_has_the_documented_fields(cmp: Comparison) -> None:
    doc = json.loads(to_json(cmp))
    assert doc["schema"] == SCHEMA == "reportdiff.comparison/1"
    assert [r["id"] for r in doc["reports"]] == ["yangpu-2022", "yangpu-2023"]
    for r in doc["reports"]:
        assert {"id", "title", "region", "year", "date"} <= r.keys()
        assert r["region"] == "杨浦区"

    def check(row: dict) -> None:
        assert {"score", "sections", "children"} <= row.keys()
        assert 0.0 <= row["score"] <= 1.0
        assert set(row["sections"]) == {"yangpu-2022", "yangpu-2023"}
        for node in row["sections"].values():
            assert node is None or (
                {"heading", "path"} <= node.keys() and isinstance(node["path"], list)
            )
        for child in row["children"]:
            check(child)

    for row in doc["alignment"]:
        check(row)
    headings = [
        (row["sections"]["yangpu-2022"] or {}).get("heading", "") for row in doc["alignment"]
    ]
    assert any("抓防控战疫情" in h for h in headings)
    for n in doc["numbers"]:
        assert {"indicator", "status", "values", "delta", "pct"} <= n.keys()
        assert n["status"] in ("changed", "same", "only")
        for v in n["values"].values():
            assert v is None or {"text", "value", "unit", "qualifiers"} <= v.keys()
    assert doc["phrases"]
    for p in doc["phrases"]:
        assert {"text", "reports", "rank"} <= p.keys()
        assert set(p["reports"]) <= {"yangpu-2022", "yangpu-2023"}


def test_csv_has_bom_and_report_columns(cmp: Comparison) -> None:
    text = to_csv(cmp)
    assert text.startswith("\ufeff")
    header = text[1:].splitlines()[0].split(",")
    assert header[:4] == ["indicator", "status", "yangpu-2022", "yangpu-2023"]
    assert len(text.splitlines()) == 1 + len(cmp.numbers)


@pytest.mark.usefixtures("zh_interface")  # the headings as a Chinese reader gets them
def test_markdown_names_reports_sections_and_unmatched(cmp: Comparison) -> None:
    md = to_markdown(cmp)
    assert md.startswith("# ")
    assert "抓纾困促重振" in md and "优存量、扩增量" in md
    only = md.split("## 仅见于一份报告的章节", 1)[1]
    assert "抓防控战疫情" in only


def _hostile(rid: str, heading: str, body: str) -> Report:
    text = f"▶ {heading}\n{body}"
    start = 2
    block = Block("paragraph", Span(len(heading) + 3, len(text)), None)
    sec = Section("section", "▶", Span(start, start + len(heading)), Span(0, len(text)), (block,))
    meta = ReportMeta(rid, "某区|<b>", 2023, None, "报告*[标题](x)", "summary", "test")
    return Report(meta=meta, text=text, sections=(sec,))


def _md_tables(md: str) -> list[list[str]]:
    """The Markdown tables of ``md``, each as its lines."""
    tables: list[list[str]] = [[]]
    for line in md.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    return [t for t in tables if t]


def _columns_agree(table: list[str]) -> bool:
    """Every row has its header's column count: no | from report text splits a cell."""
    return len({len(re.findall(r"(?<!\\)\|", line)) for line in table}) == 1


def test_markdown_escapes_report_text() -> None:
    heading = "经济|发展*重点#1<b>[链接](http://x)`code`_斜_"
    body = "区级财政收入完成143.5亿元，全年推进100项重大工程项目，新增公共充电桩1996个。"
    a = _hostile("hostile-a", heading, body)
    b = _hostile("hostile-b", heading + "\n第二行", body)
    md = to_markdown(compare([a, b], use_cache=False))
    tables = _md_tables(md)
    assert len(tables) >= 3
    for table in tables:
        assert _columns_agree(table), table
    assert any("hostile-a" in line and "经济" in line for t in tables for line in t)
    assert "<b>" not in md and "\\<b\\>" in md
    assert "[链接]" not in md and "\\[链接\\]" in md
    assert not re.search(r"(?<!\\)\*重点", md)
    assert not any(line.startswith("#1") for line in md.splitlines())
    assert "第二行" in md and "\n第二行" not in md


def test_md_escape_examples() -> None:
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("行一\n行二") == "行一 行二"
    assert md_escape("普通文字") == "普通文字"


def test_export_command_stdout_and_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["export", "yangpu-2022", "yangpu-2023", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["schema"] == SCHEMA
    target = tmp_path / "cmp.json"
    target.write_text("old", encoding="utf-8")
    assert (
        main(["export", "yangpu-2022", "yangpu-2023", "--format", "json", "-o", str(target)]) == 0
    )
    assert target.read_text(encoding="utf-8") == out
    assert [p.name for p in tmp_path.iterdir()] == ["cmp.json"]


def test_export_command_csv_to_file_keeps_bom(tmp_path: Path) -> None:
    target = tmp_path / "n.csv"
    assert main(["export", "yangpu-2022", "yangpu-2023", "-f", "csv", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_command_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["export", "yangpu-2022"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reportdiff: ") and err.count("\n") == 1
    assert main(["export", "yangpu-2022", "no-such-report-9"]) != 0
    assert main(["export", "yangpu-2022", "yangpu-2023", "-o", f"{tmp_path}/no/"]) == 2
    assert main(["export", "yangpu-2022", "yangpu-2023", "-o", str(tmp_path / "no" / "x.md")]) == 2
    assert not (tmp_path / "no").exists()


def test_export_help_mentions_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "--format" in capsys.readouterr().out


# ---------------------------------------------------------------- hostile text, any text


_hostile_text = st.text(alphabet="经济发展民生|*#<>[]()`_~&\\\n -!+", min_size=1, max_size=30)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_hostile_text, _hostile_text)
def test_markdown_structure_survives_any_heading(h1: str, h2: str) -> None:
    body = "区级财政收入完成143.5亿元，全年推进100项重大工程项目。"
    md = to_markdown(
        compare([_hostile("x-a", h1, body), _hostile("x-b", h2, body)], use_cache=False)
    )
    for table in _md_tables(md):
        assert _columns_agree(table), table
    assert not re.search(r"(?<!\\)[<\[`]", md)
    for line in md.splitlines():
        assert not line.startswith("#") or line.startswith(("# Comparison:", "## "))


def _number(doc: dict, indicator: str) -> dict:
    hits = [n for n in doc["numbers"] if n["indicator"] == indicator]
    assert hits, f"no number pair {indicator}"
    return hits[0]


def test_json_numbers_carry_values_delta_and_pct(cmp: Comparison) -> None:
    doc = json.loads(to_json(cmp))
    revenue = _number(doc, "区级财政收入")
    assert revenue["status"] == "changed"
    assert revenue["values"]["yangpu-2022"]["text"] == "143.5亿元"
    assert revenue["values"]["yangpu-2023"]["text"] == "154.99亿元"
    assert revenue["values"]["yangpu-2023"]["value"] == pytest.approx(15_499_000_000)
    assert revenue["delta"] == pytest.approx(11.49)
    assert revenue["pct"] == pytest.approx(8.0, abs=0.05)


@pytest.mark.usefixtures("zh_interface")  # 持平 is the Chinese interface's word
def test_markdown_puts_number_changes_under_their_section(cmp: Comparison) -> None:
    md = to_markdown(cmp)
    sections = md.split("\n## ")
    economy = next(s for s in sections if s.split("\n", 1)[0].find("抓纾困促重振") >= 0)
    assert "| 区级财政收入 | 143.5亿元 | 154.99亿元 | +11.49亿元 | +8.0% |" in economy
    city = next(s for s in sections if "抓基础强功能" in s.split("\n", 1)[0])
    assert "| 架空线入地和合杆整治 | 16公里 | 16公里 | 持平 | 0% |" in city


def test_csv_row_per_indicator(cmp: Comparison) -> None:
    rows = to_csv(cmp)[1:].splitlines()
    assert "区级财政收入,changed,143.5亿元,154.99亿元,11.49,亿元,8.01" in rows
