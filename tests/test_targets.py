"""`reportdiff targets`: a plan's targets beside the next report's results, with a status.

The gold pairs of bench/gold_targets (State Council reports 1991–2006, hand-checked) must get
no wrong met/missed; the rules (floor, ceiling, 左右 band, indicator direction, 下降
targets, ranges, units, scope) are driven through the real CLI on a district report pair
written like the Shanghai reports.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from reportdiff.cli import main

REPO = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    name = "reportdiff_bench_targets"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "bench_targets.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules[name]


bt = _bench()
GOLD_FILES = bt.gold_files()


def test_gold_is_well_formed() -> None:
    assert len(GOLD_FILES) >= 5
    statuses = set()
    for path in GOLD_FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["rows"], path
        for row in doc["rows"]:
            assert row["status"] in ("met", "missed", "unclear", "not reported"), path
            assert row["target"]["context"].endswith(row["target"]["text"])
            assert (row["result"] is None) == (row["status"] == "not reported"), path
            statuses.add(row["status"])
    assert {"met", "missed", "unclear", "not reported"} <= statuses


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_pair_has_no_wrong_status(path: Path, corpus_dir: Path) -> None:
    """Every met/missed the tool gives on a gold pair is the gold's, on the gold's result."""
    score = bt.score_pair(path, corpus_dir)
    assert score.wrong == 0, score.wrong_rows
    assert score.found >= score.gold * 0.6, (score.found, score.gold)


def _rows(corpus_dir: Path, plan: str, review: str, capsys: pytest.CaptureFixture[str]) -> dict:
    code = main(["targets", str(corpus_dir / plan), str(corpus_dir / review), "-f", "json"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_missed_growth_target_1998(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1998's 8% growth target against 1999's 7.8% (略低于8％的预定目标): missed."""
    doc = _rows(corpus_dir, "1998.txt", "1999.txt", capsys)
    assert doc["schema"] == "reportdiff.targets/1"
    assert (doc["plan"], doc["review"]) == ("1998", "1999")
    gdp = doc["rows"][0]
    assert gdp["indicator"] == "gdp"
    assert gdp["target"]["text"] == "8％"
    assert gdp["result"]["text"] == "7.8％"
    assert gdp["status"] == "missed"
    # prices: 1999 says only in a paragraph the parts reader frames as tasks, but which
    # opens on 去年 (looks back at 1998), that they fell (都比上年下降): words, not a
    # figure, with the words as the result; a fall is under any ceiling on a rise, so the
    # ceiling 涨幅控制在3％以内 is met (a figure would be needed to judge a band or a floor
    # it came near).
    prices = doc["rows"][1]
    assert (prices["target"]["text"], prices["status"]) == ("3％以内", "met")
    assert prices["reason"] == "said in words: a fall, under the ceiling"
    assert prices["result"]["text"] == "比上年下降"
    assert "去年财政增发" in prices["result"]["sentence"]
    # the same paragraph's 全年货币发行还比年初计划少了近500亿元 is 1998's, no 1999 target
    later = _rows(corpus_dir, "1999.txt", "2000.txt", capsys)
    assert not any("货币发行" in r["target"]["sentence"] for r in later["rows"])


def test_spans_point_at_the_printed_text(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportdiff.core.storage.resolve import resolve_report

    doc = _rows(corpus_dir, "2005.txt", "2006.txt", capsys)
    plan = resolve_report(str(corpus_dir / "2005.txt"))
    review = resolve_report(str(corpus_dir / "2006.txt"))
    by = {r["indicator"]: r for r in doc["rows"]}
    assert by["gdp"]["target"]["text"] == "8％左右"  # as printed, with its bound
    for row in doc["rows"]:
        s, e = row["target"]["span"]
        assert plan.text[s:e] == row["target"]["text"]
        if row["result"] is not None:
            s, e = row["result"]["span"]
            assert review.text[s:e] == row["result"]["text"]
    assert (by["gdp"]["status"], by["jobs"]["status"], by["prices"]["status"]) == ("met",) * 3
    assert by["unemployment"]["status"] == "not reported"  # 2006.txt is cut off


def test_ceiling_missed_with_chinese_numerals(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1994: 零售物价上涨幅度控制在百分之十以内; 1995: 涨幅仍然高达百分之二十一点七."""
    doc = _rows(corpus_dir, "1994.txt", "1995.txt", capsys)
    prices = next(r for r in doc["rows"] if r["indicator"] == "prices")
    assert prices["target"]["text"] == "百分之十以内"
    assert prices["result"]["text"] == "百分之二十一点七"
    assert prices["status"] == "missed"


def test_review_of_another_year_is_refused(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["targets", str(corpus_dir / "1998.txt"), str(corpus_dir / "2000.txt")])
    err = capsys.readouterr().err
    assert code != 0
    assert "reviews 1999" in err and "1998" in err
    assert len(err.strip().splitlines()) == 1


def test_report_without_a_plan_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["targets", "yangpu-2022", "yangpu-2023"])
    err = capsys.readouterr().err
    assert code != 0
    assert "yangpu-2022 has no part that sets targets" in err
    assert len(err.strip().splitlines()) == 1


# A district pair written the way district reports are: every rule in one target list.
PLAN = """2021年闵行区政府工作报告

各位代表：

现在，我代表闵行区人民政府，向大会报告政府工作，请予审议。

一、2020年工作回顾

2020年，全区地区生产总值增长3.1%，城镇调查失业率3.9%。

二、2021年主要目标和任务

{opening}2021年全区经济社会发展的主要预期目标是：地区生产总值增长7%左右；城镇调查失业率控制在5%以内；\
新增就业岗位5万个以上；单位地区生产总值能耗下降3%以上；居民消费价格涨幅控制在3%左右；\
区级财政收入增长5%；全社会固定资产投资增长6%左右；粮食产量60万吨；\
一般公共预算支出增长4%。

围绕上述目标，重点做好以下工作。
"""

REVIEW = """2022年闵行区政府工作报告

各位代表：

现在，我代表闵行区人民政府，向大会报告政府工作，请予审议。

一、2021年工作回顾

五年来，全区地区生产总值年均增长8%。2021年，全区地区生产总值增长6.6%，城镇调查失业率4.2%，\
新增就业岗位6.2万个，单位地区生产总值能耗下降1.5%，居民消费价格上涨3.4%，\
区级财政收入增长3%[初步统计]，全社会固定资产投资增长9%，粮食产量12.5亿斤，\
一般公共预算支出增长3%-5%。

二、2022年主要目标和任务

2022年全区经济社会发展的主要预期目标是：地区生产总值增长5%左右。
"""


@pytest.fixture
def district(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "minhang-2020.txt"
    review = tmp_path / "minhang-2021.txt"
    plan.write_text(PLAN.format(opening=""), encoding="utf-8")
    review.write_text(REVIEW, encoding="utf-8")
    return plan, review


def test_rules_on_a_district_pair(
    district: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plan, review = district
    assert main(["targets", str(plan), str(review), "-f", "json"]) == 0
    rows = {r["indicator"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    expected = {
        "gdp": ("7%左右", "6.6%", "met"),  # inside the half-point band; not 五年来's 8%
        "unemployment": ("5%以内", "4.2%", "met"),  # a ceiling met from below
        "jobs": ("5万个以上", "6.2万个", "met"),  # a floor met from above
        "energy-intensity": ("3%以上", "1.5%", "missed"),  # 下降3%以上: fell only 1.5%
        "prices": ("3%左右", "3.4%", "met"),  # within the band
        "区级财政收入": ("5%", "3%", "missed"),  # a bare growth of revenue is a floor
        "investment": ("6%左右", "9%", "unclear"),  # no direction: beyond the band
        "grain": ("60万吨", "12.5亿斤", "met"),  # 12.5亿斤 = 62.5万吨: converted
        "一般公共预算支出": ("4%", "3%-5%", "unclear"),  # a range is not judged
    }
    assert {k: (r["target"]["text"], (r["result"] or {}).get("text"), r["status"])
            for k, r in rows.items()} == expected  # fmt: skip


def test_markdown_and_csv_keep_report_text_inert(
    district: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, review = district
    plan.write_text(PLAN.format(opening="=HYPERLINK(1) "), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["targets", str(plan), str(review), "-f", "csv", "-o", str(out)]) == 0
    data = out.read_text(encoding="utf-8")
    assert data.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"))))
    assert rows and all(r["target_sentence"].startswith("'=") for r in rows)
    assert main(["targets", str(plan), str(review)]) == 0
    md = capsys.readouterr().out
    assert "\\[初步统计\\]" in md  # report brackets escaped, not a Markdown link


def test_output_directory_gets_default_name(district: tuple[Path, Path], tmp_path: Path) -> None:
    plan, review = district
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["targets", str(plan), str(review), "-f", "json", "-o", f"{folder}/"]) == 0
    written = folder / "targets-minhang-2020-minhang-2021.json"
    assert json.loads(written.read_text(encoding="utf-8"))["schema"] == "reportdiff.targets/1"


def test_help_names_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["targets", "--help"])
    assert "met, missed" in capsys.readouterr().out


def test_unknown_years_warn_and_judge_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No year anywhere: the review's 去年 cannot be tied to the plan's 今年, so no result."""
    text = (
        "政府工作报告\n\n各位代表：\n\n一、过去一年工作回顾\n\n去年，全区地区生产总值增长6%。\n\n"
        "二、今年主要目标和任务\n\n今年全区经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    assert main(["targets", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-f", "json"]) == 0
    captured = capsys.readouterr()
    assert "warning: the years of a and b are not known" in captured.err
    doc = json.loads(captured.out)
    assert [r["status"] for r in doc["rows"]] == ["not reported"]
    assert doc["warnings"]


def test_results_in_a_paragraph_looking_back_1995(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1996 reviews 1995 under its tasks heading (九、努力做好1996年的工作 / 过去的一年，…
    国内生产总值比上年增长10.2%): a paragraph framed as the year past is read as results.
    1995's 力争控制在百分之十五左右 names prices only in the clause before it, and
    由于已经连续三年增长速度在百分之十一以上 reviews three years: no target."""
    doc = _rows(corpus_dir, "1995.txt", "1996.txt", capsys)
    by = {r["target"]["text"]: r for r in doc["rows"]}
    assert set(by) == {"百分之八至九", "百分之十五左右", "４５５０亿公斤以上"}
    assert (by["百分之八至九"]["result"]["text"], by["百分之八至九"]["status"]) == (
        "１０．２％",
        "met",
    )
    grain = by["４５５０亿公斤以上"]
    assert (grain["result"]["text"], grain["status"]) == ("４６５０亿公斤", "met")
    assert by["百分之十五左右"]["indicator"] == "prices"
    assert by["百分之十五左右"]["status"] not in ("met", "missed") or (
        by["百分之十五左右"]["result"]["text"] == "１４．８％"
    )


def test_result_clause_names_nothing_1996(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1997: 物价涨幅要从14.8%降到10%左右，经过上下各方面的努力，实际回落到6.1%: the
    result's clause names nothing, so it speaks of the prices named two clauses before
    (over one without a figure); the quoted 10%左右 is the target, not a result."""
    doc = _rows(corpus_dir, "1996.txt", "1997.txt", capsys)
    prices = next(r for r in doc["rows"] if r["indicator"] == "prices")
    assert prices["target"]["text"] == "１０％左右"
    assert (prices["result"]["text"], prices["status"]) == ("６．１％", "met")


def test_other_names_of_the_same_indicator_1991(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1992 reviews 1991's plan with other words: 石油达到1.39亿吨 is 原油 output (by
    weight), 工业生产增长较快，总产值比上年增长14.2% is 工业总产值 (工业 named in the
    clause before), and investment's 五千亿元 meets a growth rate: unclear, not judged."""
    doc = _rows(corpus_dir, "1991.txt", "1992.txt", capsys)
    by = {r["target"]["text"]: r for r in doc["rows"]}
    oil = by["一亿三千八百八十万至一亿三千九百三十万吨"]
    assert (oil["result"]["text"], oil["status"]) == ("１．３９亿吨", "met")
    industry = next(r for r in doc["rows"] if r["indicator"] == "工业总产值")
    assert (industry["result"]["text"], industry["status"]) == ("百分之十四点二", "met")
    assert "工业生产增长较快" in industry["result"]["sentence"]
    investment = by["五千亿元"]
    assert (investment["result"]["text"], investment["status"]) == ("百分之十八点六", "unclear")


def test_progress_in_words_is_unclear_1999(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2000: 基本扫除青壮年文盲的工作取得重要进展 is the result in words (unclear), and
    贫困人口减少800万人 is not tied to 1999's 农村贫困人口 target: nothing names 农村."""
    doc = _rows(corpus_dir, "1999.txt", "2000.txt", capsys)
    by = {r["indicator"]: r for r in doc["rows"]}
    literacy = by["扫除青壮年文盲"]
    assert (literacy["result"]["text"], literacy["status"]) == ("取得重要进展", "unclear")
    assert by["农村贫困人口"]["status"] == "not reported"


def test_an_existing_stock_is_no_target_1989(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1989: 信用社计划今年增加农业贷款172亿元，同时调整原有近800亿元农业贷款的结构 —
    172亿元 is planned (1990 says nothing of it: not reported); 原有近800亿元 is the stock
    of loans there already, no target."""
    doc = _rows(corpus_dir, "1989.txt", "1990.txt", capsys)
    texts = [r["target"]["text"] for r in doc["rows"]]
    assert "１７２亿元" in texts
    assert not any("８００亿元" in t for t in texts)


def test_decided_cuts_are_targets_1989(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1989: 国务院已经决定：今年全社会固定资产投资规模要比上年压缩920亿元，减少21% — a
    decided figure of the year is a target; 粮食的收购价格平均提高18% is a price, not grain."""
    doc = _rows(corpus_dir, "1989.txt", "1990.txt", capsys)
    by = {r["target"]["text"]: r for r in doc["rows"]}
    assert by["９２０亿元"]["indicator"] == "investment"
    assert by["２１％"]["indicator"] == "investment"
    assert by["１８％"]["indicator"] != "grain"
    # 1990: 去年全社会固定资产投资…比上年减少近５００亿元 — cut by about 500, not 920: missed
    assert by["９２０亿元"]["status"] == "missed"
    assert all(
        r["status"] not in ("met", "missed")
        for r in doc["rows"]
        if r["target"]["text"] != "９２０亿元"
    )


def test_chinese_output_names_the_indicator_kinds_in_chinese(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1998 → 1999 under zh: the kinds read 国内生产总值 and 物价, not gdp and prices; English
    keeps its short names and JSON its keys (an interface)."""
    plan, review = str(corpus_dir / "1998.txt"), str(corpus_dir / "1999.txt")
    assert main(["--lang", "zh", "targets", plan, review]) == 0
    zh = capsys.readouterr().out
    assert "| 国内生产总值 · 经济增长速度 | 8％ | 7.8％ |" in zh
    assert "| 物价 · 商品零售价格涨幅 |" in zh
    assert "- **国内生产总值** " in zh
    assert "gdp" not in zh and "prices" not in zh
    assert main(["--lang", "en", "targets", plan, review]) == 0
    assert "| gdp · 经济增长速度 | 8％ | 7.8％ |" in capsys.readouterr().out
    assert main(["--lang", "zh", "targets", plan, review, "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [r["indicator"] for r in rows] == ["gdp", "prices"]


def test_a_fall_in_words_meets_a_ceiling_and_misses_a_floor(corpus_dir: Path) -> None:
    """1998's targets read as bounds on a rise: against a fall said in words (比上年下降) the
    price ceiling (涨幅控制在3％以内) is met and the growth floor (经济增长速度8％) missed; a
    figure that is not a rate (grain output in 吨) cannot be judged by the words."""
    from reportdiff.core.analysis.numbers import extract_quantities
    from reportdiff.core.analysis.target_rules import judge_fall
    from reportdiff.core.storage.resolve import resolve_report

    qs = extract_quantities(resolve_report(str(corpus_dir / "1998.txt")))
    ceiling = next(q for q in qs if q.text == "3％" and "以内" in q.qualifiers)
    floor = next(q for q in qs if q.text == "8％" and q.indicator == "经济增长速度")
    assert judge_fall(ceiling, "down") == ("met", "said in words: a fall, under the ceiling")
    assert judge_fall(floor, "up") == ("missed", "said in words: a fall, short of the floor")
    level = next(q for q in qs if q.unit == "吨" and q.role in ("target", "plan"))
    assert judge_fall(level, "up") is None
