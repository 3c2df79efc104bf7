"""Make 1,000 report files from the State Council corpus, for bench/bench_library.py.

Each file is a real report's cleaned text (one of the 41 in ../shared/corpus/national)
under a title line and a session line that give it another region and year (and its
opening names that region's government), so the
library holds 1,000 distinct ids over 40 regions (provinces, prefectures, districts and
counties) and 25 years; the texts stay real. Files go into ``OUT/files/<year>/`` (folders,
so ``add`` walks them), plus one hidden file and one of another kind that ``add`` skips.

    .venv/bin/python bench/make_library.py OUT [--count 1000]

Nothing is added to any library here: bench_library.py adds the files with its own
REPORTDIFF_HOME under OUT, never the user's real library.
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "national"

#: Regions of every level (names as their governments write them), with pinyin ids that
#: do not clash.
REGIONS = (
    "江苏省",
    "浙江省",
    "广东省",
    "四川省",
    "湖北省",
    "河南省",
    "山东省",
    "福建省",
    "云南省",
    "甘肃省",
    "杭州市",
    "宁波市",
    "南京市",
    "无锡市",
    "成都市",
    "武汉市",
    "郑州市",
    "青岛市",
    "厦门市",
    "昆明市",
    "兰州市",
    "长沙市",
    "合肥市",
    "西安市",
    "闵行区",
    "杨浦区",
    "徐汇区",
    "海淀区",
    "朝阳区",
    "南山区",
    "福田区",
    "余杭区",
    "昆山市",
    "江阴市",
    "义乌市",
    "慈溪市",
    "长兴县",
    "德清县",
    "安吉县",
    "桐庐县",
)
FIRST_YEAR = 1990
"""The year the first batch of files is delivered in (the next batch a year later …)."""


def _cleaned(path: str) -> str:
    from reportdiff.core.storage.resolve import resolve_report

    return resolve_report(path).text


def make_files(out: Path, count: int) -> list[Path]:
    """Write ``count`` report files under ``out/files``; return their paths."""
    sources = sorted(CORPUS.glob("*.txt"))
    if not sources:
        sys.exit(f"make_library: no corpus at {CORPUS}")
    with ProcessPoolExecutor() as pool:
        texts = list(pool.map(_cleaned, [str(p) for p in sources]))
    folder = out / "files"
    written = []
    for i in range(count):
        region = REGIONS[i % len(REGIONS)]
        delivered = FIRST_YEAR + i // len(REGIONS)
        # The opening names the government speaking (我代表国务院…): it must agree with
        # the title, or the report is read as the State Council's again.
        body = texts[i % len(texts)].replace("我代表国务院", f"我代表{region}人民政府", 1)
        text = (
            f"{region}{delivered}年政府工作报告\n"
            f"——{delivered}年2月10日在{region}人民代表大会第{i % 5 + 1}次会议上\n\n{body}"
        )
        path = folder / str(delivered) / f"{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    (folder / ".hidden.txt").write_text("不是报告", encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write into (created)")
    parser.add_argument("--count", type=int, default=1000, help="files to make (default 1000)")
    args = parser.parse_args()
    # Never the user's real directories, even for the reading done here.
    os.environ.setdefault("REPORTDIFF_HOME", str(args.out / "home"))
    written = make_files(args.out, args.count)
    print(f"wrote {len(written)} files under {args.out / 'files'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
