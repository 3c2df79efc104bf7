"""The bundled sample reports: built from the seed documents, shipped as package data."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from reportdiff.core.errors import ReportError
from reportdiff.core.i18n import _
from reportdiff.core.model import Report, ReportMeta
from reportdiff.core.paths import PACKAGE_ROOT

SAMPLE_IDS = (
    "yangpu-2022",
    "yangpu-2023",
    "yangpu-2023-plan",
    "xuhui-2022",
    "shanghai-2023",
    "pudong-2023",
    "huangpu-2023",
    "jingan-2023",
)
"""The eight bundled reports, in the order `reportdiff list` shows them."""

INDEX = "index.json"
PACKAGE_DIR = "sample_data"


def build_samples(seeds_dir: Path | str) -> dict[str, tuple[ReportMeta, str]]:
    """Clean, split and describe every seed: ``{id: (meta, body text)}`` in SAMPLE_IDS order.

    The body is the canonical text without its front matter (title, date and speaker
    lines, which are in the metadata), exactly as :func:`reportdiff.core.text.load.load_text`
    reads a user's file.

    Compilations are split with :func:`split_compilation`, exactly as a user's would be.

    Raises:
        ReportError: a seed is missing, or the seeds do not yield exactly the sample ids.
    """
    # Imported here: the cleaner is only needed to build the samples, not to open one
    # (``reportdiff A B`` starts faster without it).
    from reportdiff.core.text.clean import clean_text
    from reportdiff.core.text.load import split_front_matter
    from reportdiff.core.text.split import split_compilation

    seeds = sorted(Path(seeds_dir).glob("*.txt"))
    if not seeds:
        raise ReportError(_("no seed documents (*.txt) in {seeds_dir}").format(seeds_dir=seeds_dir))
    built: dict[str, tuple[ReportMeta, str]] = {}
    for path in seeds:
        raw = path.read_text(encoding="utf-8")
        for chunk in split_compilation(raw):
            meta, text = split_front_matter(clean_text(chunk), source=path.name)
            if meta.id in built:
                raise ReportError(
                    _("two seeds give the id {id}: {name}").format(id=meta.id, name=path.name)
                )
            built[meta.id] = (meta, text)
    if sorted(built) != sorted(SAMPLE_IDS):
        raise ReportError(
            _("seeds gave {sorted}, expected {sorted2}").format(
                sorted=sorted(built), sorted2=sorted(SAMPLE_IDS)
            )
        )
    return {sid: built[sid] for sid in SAMPLE_IDS}


def write_samples(seeds_dir: Path | str, out_dir: Path | str) -> list[Path]:
    """Write ``<id>.txt`` and ``index.json`` for every sample into ``out_dir``; return the paths."""
    from reportdiff.core.atomic import atomic_write_text

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    built = build_samples(seeds_dir)
    paths = []
    for sid, (_meta, text) in built.items():
        path = out / f"{sid}.txt"
        atomic_write_text(path, text)
        paths.append(path)
    index = json.dumps([asdict(m) for m, _ in built.values()], ensure_ascii=False, indent=2)
    atomic_write_text(out / INDEX, index + "\n")
    paths.append(out / INDEX)
    return paths


def _data() -> Path:
    return PACKAGE_ROOT / PACKAGE_DIR


def bundled_metas() -> list[ReportMeta]:
    """Metadata of the bundled samples (read from the package's index.json)."""
    entries = json.loads(_data().joinpath(INDEX).read_text(encoding="utf-8"))
    return [ReportMeta(**e) for e in entries]


def load_sample(sample_id: str) -> Report:
    """The bundled sample ``sample_id``, parsed.

    Raises:
        ReportError: no sample has that id.
    """
    from reportdiff.core.text.parse import parse_report

    for meta in bundled_metas():
        if meta.id == sample_id:
            text = _data().joinpath(f"{sample_id}.txt").read_text(encoding="utf-8")
            return parse_report(text, meta)
    raise ReportError(
        _("no bundled sample {sample_id} (samples: {value})").format(
            sample_id=repr(sample_id), value=", ".join(SAMPLE_IDS)
        )
    )


def sample_text(sample_id: str) -> str:
    """The bundled sample's text as :func:`load_sample` gives it (``.text``), without parsing it.

    Raises:
        ReportError: no sample has that id.
    """
    if sample_id not in SAMPLE_IDS:
        return load_sample(sample_id).text  # raises the error load_sample gives
    return _data().joinpath(f"{sample_id}.txt").read_text(encoding="utf-8")


def bundled_text_size(sample_id: str) -> int:
    """Length in characters of a bundled sample's cleaned text (for `reportdiff list`).

    Raises:
        ReportError: no sample has that id.
    """
    if sample_id not in {m.id for m in bundled_metas()}:
        raise ReportError(
            _("no bundled sample {sample_id} (samples: {value})").format(
                sample_id=repr(sample_id), value=", ".join(SAMPLE_IDS)
            )
        )
    return len(_data().joinpath(f"{sample_id}.txt").read_text(encoding="utf-8"))
