"""The Chinese interface: choosing the language, the CLI in both languages, exports in zh."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from reportdiff.cli import main
from reportdiff.core.i18n import _, choose_language, env_language, set_language
from reportdiff.core.paths import config_dir
from rich.cells import cell_len

# ----------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.GB18030"}, "zh"),
        ({"LANG": "zh_SG.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),  # simplified is the only catalog: documented
        ({"LANG": "zh"}, "zh"),
        ({"LANGUAGE": "zh-Hans"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        # gettext's order: LANGUAGE, LC_ALL, LC_MESSAGES, LANG; the first one set decides
        ({"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # empty counts as unset
        # LANGUAGE is a priority list: a language without a catalog falls through
        ({"LANGUAGE": "fr:zh_CN:en"}, "zh"),
        ({"LANGUAGE": "de:en:zh_CN"}, "en"),
    ],
)
def test_environment_chooses_the_language_as_gettext_does(environ, expected) -> None:
    assert env_language(environ) == expected


def test_config_overrides_the_environment_and_lang_overrides_config() -> None:
    config = config_dir()  # under the test's own REPORTDIFF_HOME (conftest)
    config.mkdir(parents=True, exist_ok=True)
    zh_env = {"LANG": "zh_CN.UTF-8"}
    assert choose_language(None, zh_env) == "zh"
    (config / "config.json").write_text('{"language": "en"}', encoding="utf-8")
    assert choose_language(None, zh_env) == "en"
    (config / "config.json").write_text('{"language": "zh"}', encoding="utf-8")
    assert choose_language(None, {"LANG": "en_US.UTF-8"}) == "zh"
    assert choose_language("en", zh_env) == "en"
    # "auto", a broken file or an unknown value leave it to the environment
    (config / "config.json").write_text('{"language": "auto"}', encoding="utf-8")
    assert choose_language(None, zh_env) == "zh"
    (config / "config.json").write_text('{"language": ', encoding="utf-8")
    assert choose_language(None, zh_env) == "zh"
    (config / "config.json").write_text('{"language": "klingon"}', encoding="utf-8")
    assert choose_language(None, {}) == "en"


def test_messages_follow_the_language_set() -> None:
    assert _("unknown") == "unknown"
    set_language("zh")
    assert _("unknown") == "未知"
    assert _("a message no catalog has") == "a message no catalog has"
    set_language("en")
    assert _("unknown") == "unknown"


# ----------------------------------------------------------------- the CLI in both languages


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m reportdiff ARGS`` with the locale variables given and no others."""
    locale_vars = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    base = {k: v for k, v in os.environ.items() if k not in locale_vars}
    return subprocess.run(
        [sys.executable, "-m", "reportdiff", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**base, "PYTHONIOENCODING": "utf-8", **env},
        timeout=120,
    )


def test_help_in_chinese_from_lang_even_without_the_locale_installed() -> None:
    # zh_CN.UTF-8 need not exist on the machine: only the variable is read.
    done = _run(["--help"], LANG="zh_CN.UTF-8")
    assert done.returncode == 0
    assert done.stdout.startswith("用法：reportdiff")
    assert "显示本帮助并退出" in done.stdout  # argparse's own -h line
    assert "并排打开两份报告" in done.stdout
    assert "对比报告，把结果写为 Markdown、JSON、CSV 或 HTML" in done.stdout
    assert "show this help message" not in done.stdout


def test_help_in_english_by_default_and_with_lang_en() -> None:
    done = _run(["--help"])
    assert done.stdout.startswith("usage: reportdiff")
    assert "open two reports side by side" in done.stdout
    forced = _run(["--lang", "en", "export", "--help"], LANG="zh_CN.UTF-8")
    assert forced.stdout.startswith("usage: reportdiff export")
    assert "output format (default: md)" in forced.stdout
    assert not any("\u4e00" <= c <= "\u9fff" for c in forced.stdout.replace("闵行区", ""))


def test_unknown_report_error_in_both_languages() -> None:
    zh = _run(["--lang", "zh", "show", "nosuch-2022"])
    assert zh.returncode != 0
    assert zh.stderr.startswith("reportdiff: 未知的报告编号 'nosuch-2022'")
    assert "Traceback" not in zh.stderr and zh.stderr.count("\n") == 1
    en = _run(["show", "nosuch-2022"], LANG="en_US.UTF-8")
    assert en.stderr.startswith("reportdiff: unknown report id 'nosuch-2022'")


def test_argparse_errors_in_chinese() -> None:
    done = _run(["export", "yangpu-2022", "yangpu-2023", "--format", "xls"], LC_ALL="zh_CN.UTF-8")
    assert done.returncode == 2
    assert "错误：参数 --format/-f：无效的选择：'xls'" in done.stderr
    assert done.stderr.startswith("用法：reportdiff export")


def test_lang_option_is_checked_and_taken_anywhere(capsys) -> None:
    assert main(["--lang", "fr", "list"]) == 2
    assert capsys.readouterr().err.strip() == (
        "reportdiff: --lang fr: not an interface language (zh or en)"
    )
    assert main(["--lang"]) == 2
    assert "--lang needs a language" in capsys.readouterr().err
    # after the command too, and on the reader's parser-free path (`reportdiff A B`)
    assert main(["export", "yangpu-2022", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith("reportdiff: 导出至少需要两份报告")
    assert main(["--lang=zh", "yangpu-2022", "yangpu-2023"]) == 2  # no terminal under pytest
    assert capsys.readouterr().err.startswith("reportdiff: 阅读器需要终端")


def test_reader_path_reads_the_environment(monkeypatch, capsys) -> None:
    """``reportdiff A B`` builds no parser: the environment still chooses the language."""
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    assert main(["yangpu-2022", "nosuch-2023"]) == 2
    assert capsys.readouterr().err.startswith("reportdiff: 未知的报告编号 'nosuch-2023'")


def test_list_labels_in_chinese(capsys) -> None:
    assert main(["--lang", "zh", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t") == ["编号", "地区", "年度", "报告年份", "标题", "大小", "来源"]
    row = next(line for line in out if line.startswith("yangpu-2022\t"))
    assert row.endswith("\t内置")


def test_list_table_keeps_ids_whole_at_80_columns(capsys, monkeypatch) -> None:
    """On a terminal 80 columns wide the Chinese table shortens titles, never an id."""
    import sys

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--lang", "zh", "list"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)  # the terminal's styles
    assert "编号" in out and "来源" in out
    for id in ("yangpu-2023-plan", "shanghai-2023", "huangpu-2023"):
        assert f" {id} " in out, out
    assert max(cell_len(line) for line in out.splitlines()) <= 80


# ----------------------------------------------------------------- exports


def _export(fmt: str, *lang: str, capsys) -> str:
    assert main([*lang, "export", "yangpu-2022", "yangpu-2023", "-f", fmt]) == 0
    return capsys.readouterr().out


def test_markdown_export_headings_in_chinese_and_english(capsys) -> None:
    zh = _export("md", "--lang", "zh", capsys=capsys)
    assert zh.startswith("# 报告对比：yangpu-2022 ↔ yangpu-2023\n")
    assert "| 报告 | 标题 | 地区 | 回顾年度 | 报告年份 | 会议日期 |" in zh
    for heading in (
        "**数字变化**",
        "**共同表述**（按独特性与长度排序）",
        "## 仅见于一份报告的章节",
    ):
        assert heading in zh
    assert "| 指标 |" in zh
    en = _export("md", capsys=capsys)
    assert en.startswith("# Comparison: yangpu-2022 ↔ yangpu-2023\n")
    for heading in ("**Changed numbers**", "**Shared phrasing**", "## Sections only in one report"):
        assert heading in en
    assert "数字变化" not in en


def test_csv_headers_in_chinese(capsys) -> None:
    zh = _export("csv", "--lang", "zh", capsys=capsys)
    assert (
        zh.lstrip("\ufeff").split("\r\n", 1)[0]
        == "指标,状态,yangpu-2022,yangpu-2023,变化量,单位,变化率"
    )
    en = _export("csv", capsys=capsys)
    assert (
        en.lstrip("\ufeff").split("\r\n", 1)[0]
        == "indicator,status,yangpu-2022,yangpu-2023,delta,unit,pct"
    )


def test_html_export_labels_in_chinese(capsys) -> None:
    zh = _export("html", "--lang", "zh", capsys=capsys)
    assert "<title>报告对比：yangpu-2022 ↔ yangpu-2023</title>" in zh
    assert "<h2>目录</h2>" in zh
    assert "<th>报告</th><th>标题</th><th>地区</th><th>年度</th><th>会议日期</th>" in zh
    assert "标记：<ins>新增</ins> / <del>删去</del>" in zh
    en = _export("html", capsys=capsys)
    assert (
        "<h2>Contents</h2>" in en and "<title>Comparison: yangpu-2022 ↔ yangpu-2023</title>" in en
    )


def test_json_export_is_the_same_in_both_languages(capsys) -> None:
    """Field names and values are an interface: nothing in the JSON is translated."""
    zh = _export("json", "--lang", "zh", capsys=capsys)
    en = _export("json", "--lang", "en", capsys=capsys)
    assert zh == en
    assert json.loads(zh)["schema"] == "reportdiff.comparison/1"


def test_terms_export_in_chinese(capsys) -> None:
    assert main(["--lang", "zh", "terms", "yangpu-2022", "yangpu-2023", "-f", "csv"]) == 0
    assert capsys.readouterr().out.lstrip("\ufeff").startswith("类别,报告,名次,词语,次数,频率\r\n")
    assert main(["--lang", "zh", "terms", "yangpu-2022", "yangpu-2023"]) == 0
    assert capsys.readouterr().out.startswith("# 2 份报告中的提法变化\n")


def test_terms_notes_english_in_json_translated_in_markdown(capsys) -> None:
    """A series' notes are English in the JSON (an interface) and Chinese in zh Markdown."""
    from reportdiff.core.analysis.terms import FIRST_NOTE, SHORT_NOTE
    from reportdiff.core.analysis.terms_export import _note_text

    args = ["terms", "yangpu-2022", "yangpu-2023", "-f", "json"]
    assert main(["--lang", "zh", *args]) == 0
    zh = capsys.readouterr().out
    assert main(["--lang", "en", *args]) == 0
    assert zh == capsys.readouterr().out
    assert FIRST_NOTE in json.loads(zh)["notes"]["yangpu-2022"]
    set_language("zh")
    assert _note_text(FIRST_NOTE).startswith("系列中的第一份报告")
    short = SHORT_NOTE.format(length="12,345", median="30,001")
    assert _note_text(short).startswith("比此前的报告短得多（12,345 汉字，此前中位数为 30,001）")
    assert main(["--lang", "zh", "terms", "yangpu-2022", "yangpu-2023"]) == 0
    assert "> 注：系列中的第一份报告" in capsys.readouterr().out


def test_served_reader_takes_the_language_serve_passes(capsys) -> None:
    """``reportdiff serve`` starts ``reportdiff.tui.served --lang <lang> …`` per browser."""
    from reportdiff.tui.served import main as served_main

    assert served_main(["--lang", "zh", "nosuch-2022"]) == 2
    assert capsys.readouterr().err.startswith("reportdiff: 未知的报告编号 'nosuch-2022'")


def test_add_dry_run_in_chinese(capsys, tmp_path) -> None:
    """`add`'s own words: 将添加 (not the legend's 新增), the origin and the summary line."""
    from pathlib import Path

    import reportdiff

    sample = Path(reportdiff.__file__).parent / "sample_data" / "yangpu-2022.txt"
    copy = tmp_path / "report.txt"
    copy.write_bytes(sample.read_bytes())
    assert main(["--lang", "zh", "add", str(copy), str(copy), "--dry-run", "--id", "x"]) != 0
    assert "--id 只能指定一份报告" in capsys.readouterr().err
    main(["--lang", "zh", "add", str(copy), "--dry-run", "--region", "杨浦区", "--year", "2022"])
    out = capsys.readouterr().out
    assert out.startswith("将添加\tyangpu-2022\t杨浦区\t2022")
    assert "编号已被内置报告占用：需要 --replace 或 --id" in out


def test_help_headings_end_in_the_language_colon() -> None:
    """Section headings: 位置参数： 选项： 命令： in Chinese (never an ASCII colon after Han),
    ``options:`` unchanged in English."""
    zh = _run(["show", "--help"], LANG="zh_CN.UTF-8")
    assert "\n位置参数：\n" in zh.stdout and "\n选项：\n" in zh.stdout
    top = _run(["--help"], LANG="zh_CN.UTF-8")
    assert "\n命令：\n" in top.stdout
    for out in (zh.stdout, top.stdout):
        assert not any(
            line.endswith(":") and "\u4e00" <= line[-2:-1] <= "\u9fff" for line in out.splitlines()
        ), out
    en = _run(["show", "--help"])
    assert "\npositional arguments:\n" in en.stdout and "\noptions:\n" in en.stdout
    assert "：" not in en.stdout


def test_report_kind_shown_in_chinese_stays_in_json(capsys) -> None:
    """`show` names the kind in the interface language; the JSON keeps the value."""
    assert main(["--lang", "zh", "show", "yangpu-2023"]) == 0
    assert "类型：摘要" in capsys.readouterr().out
    assert main(["--lang", "en", "show", "yangpu-2023"]) == 0
    assert "kind:   summary" in capsys.readouterr().out
    zh = json.loads(_export("json", "--lang", "zh", capsys=capsys))
    assert {r["kind"] for r in zh["reports"]} <= {"work-report", "summary", "plan-report"}


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda text: text[: len(text) // 2], "不是有效的 JSON（第 "),
        (lambda text: text.replace('"kind": "', '"kind": "novel-'), "未知的报告类型 'novel-"),
        (lambda text: text.replace('"text_file"', '"txt_file"'), "缺少字段 text_file"),
    ],
    ids=["json", "kind", "field"],
)
def test_damaged_entry_reason_in_chinese(capsys, tmp_path, damage, reason) -> None:
    """A damaged entry's inner reason is Chinese too, even where the library was indexed
    while the interface was English (the index keeps the reason it was told)."""
    from pathlib import Path

    import reportdiff
    from reportdiff.core.storage.library import library_dir

    sample = Path(reportdiff.__file__).parent / "sample_data" / "yangpu-2022.txt"
    copy = tmp_path / "report.txt"
    copy.write_bytes(sample.read_bytes())
    assert main(["add", str(copy), "--id", "broken-2022"]) == 0
    entry = library_dir() / "broken-2022.json"
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["--lang", "en", "list"]) == 0  # indexed, the reason in English
    capsys.readouterr()
    assert main(["--lang", "zh", "list"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("reportdiff: 报告库条目 'broken-2022' 已损坏") and reason in err, err
    for english in ("Expecting", "unknown kind", "missing or wrong", "valid JSON", "bad "):
        assert english not in err, err


COMMANDS = ("open", "list", "add", "show", "export", "terms", "remove", "serve", "search",
            "targets", "timeline")  # fmt: skip
ENGLISH_METAVAR = re.compile(
    r"(?<![A-Za-z_/-])(REPORTS?|FILE|DIR|ID|YEAR|REGION|ENCODING|PORT|HOST|QUERY|PLAN|REVIEW"
    r"|NAME|COMMAND|reports?)(?![A-Za-z_/.])"
)


@pytest.mark.parametrize("command", COMMANDS)
def test_metavars_in_chinese_and_help_lined_up_by_cells(capsys, command: str) -> None:
    """``--lang zh X --help`` names values in Chinese (``-o 文件``, ``目标报告 回顾报告``,
    ``--region 地区``), as its descriptions do; each help text starts in the column of
    ``-h, --help``'s, counted in terminal cells (a Han metavar is two cells a character)."""
    with pytest.raises(SystemExit):
        main(["--lang", "zh", command, "--help"])
    out = capsys.readouterr().out
    assert not ENGLISH_METAVAR.findall(out.replace("reportdiff", "")), out
    column = next(line.index("显示本帮助") for line in out.splitlines() if "-h, --help" in line)
    section = ""
    for line in out.splitlines():
        if line and not line.startswith(" "):
            section = line  # 位置参数：, 选项：, or the description and examples
        m = re.match(r"  (\S.*?)  +(\S.*)$", line)
        if m and section in ("位置参数：", "选项："):
            assert cell_len(line[: m.start(2)]) == column, line


def test_metavars_in_usage_and_errors(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "targets", "--help"])
    assert "[-o 文件] 目标报告 回顾报告" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "terms"])
    assert "缺少以下参数：报告" in capsys.readouterr().err


def test_english_help_keeps_its_metavars(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "targets", "--help"])
    out = capsys.readouterr().out
    assert "[-o FILE] PLAN REVIEW" in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "open", "--help"])
    assert "reports [reports ...]" in capsys.readouterr().out
