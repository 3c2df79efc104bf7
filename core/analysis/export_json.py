"""A comparison as JSON (schema ``reportdiff.comparison/1``, see docs-json-schema.md): the
documented interface, one line per top-level member and per row, written by the C encoder."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence

from reportdiff.core.analysis.changes import changes_between
from reportdiff.core.analysis.export_format import _round, report_keys
from reportdiff.core.comparison import AlignedRow, Comparison, NodeRef, Quantity, SharedPhrase
from reportdiff.core.model import Span

SCHEMA = "reportdiff.comparison/1"
"""The ``schema`` value of :func:`to_json` output; bumped on any incompatible change."""


def _node_json(node: NodeRef | None) -> dict[str, object] | None:
    if node is None:
        return None
    return {
        "kind": node.kind,
        "heading": node.label,
        "path": list(node.path),
        "preamble": node.preamble,
        "span": [node.span.start, node.span.end],
    }


def _span_json(span: Span) -> list[int] | None:
    """``[start, end]``, or None for the empty side of an insert or delete."""
    return [span.start, span.end] if span.end > span.start else None


def _changes_json(row: AlignedRow, keys: Sequence[str]) -> dict[str, list[dict[str, object]]]:
    """A paragraph row's changes against the first report, keyed by the other report."""
    out: dict[str, list[dict[str, object]]] = {}
    if row.nodes[0] is None:
        return out
    for j in range(1, len(row.nodes)):
        pair = changes_between(row, 0, j)
        if pair is None:
            continue
        out[keys[j]] = [
            {"op": c.op, "base": _span_json(c.base), "other": _span_json(c.other)}
            for c in pair.changes
        ]
    return out


def _row_json(row: AlignedRow, keys: Sequence[str]) -> dict[str, object]:
    doc: dict[str, object] = {
        "kind": row.kind,
        "score": row.score,
        "heading_score": row.heading_score,
        "body_score": row.body_score,
        "moved": row.moved,
        "sections": {k: _node_json(n) for k, n in zip(keys, row.nodes, strict=True)},
    }
    if row.kind == "paragraph":
        doc["changes"] = _changes_json(row, keys)
    doc["children"] = [_row_json(c, keys) for c in row.children]
    return doc


def _quantity_json(q: Quantity | None) -> dict[str, object] | None:
    if q is None:
        return None
    return {
        "text": q.text,
        "value": q.value,
        "unit": q.unit,
        "qualifiers": list(q.qualifiers),
        "indicator": q.indicator,
        "is_target": q.is_target,
        "span": [q.span.start, q.span.end],
        "signed": q.sign * q.value,
        "low": q.low,
        "high": q.high,
        "change": q.is_change,
        "period": q.period,
        "period_label": q.period_label,
        "year": q.year,
        "role": q.role,
        "stock": q.stock,
        "subject": q.subject,
        "end": q.end,
    }


def to_json(cmp: Comparison) -> str:
    """The comparison as JSON (schema ``reportdiff.comparison/1``, see docs-json-schema.md).

    Args:
        cmp: A comparison from :func:`reportdiff.core.analysis.compare.compare`.

    Returns:
        UTF-8 JSON text (Chinese is not \\u-escaped), ending in a newline: each top-level
        member and each element of a top-level list on a line of its own, compact inside.
    """
    keys = report_keys(cmp)
    dump = _compact_encoder()
    doc = {
        "schema": SCHEMA,
        "reports": [
            {
                "id": key,
                "title": r.meta.title,
                "region": r.meta.region,
                "level": r.meta.level,
                "year": r.meta.year,
                "delivered": r.meta.delivered,
                "date": r.meta.date,
                "kind": r.meta.kind,
                "source": r.meta.source,
            }
            for key, r in zip(keys, cmp.reports, strict=True)
        ],
        "alignment": [_row_json(row, keys) for row in cmp.alignment],
        "numbers": [
            {
                "indicator": p.indicator,
                "status": p.status,
                "unit": p.unit,
                "values": {k: _quantity_json(q) for k, q in zip(keys, p.values, strict=True)},
                "delta": _round(p.delta, 6),
                "pct": _round(p.pct, 2),
            }
            for p in cmp.numbers
        ],
        "phrases": _Encoded(_phrase_lines(cmp.phrases, keys, dump)),
        "unique": {
            k: [[s.start, s.end] for s in spans] for k, spans in zip(keys, cmp.unique, strict=True)
        },
    }
    return _dump_lines(doc, dump)


class _Encoded(list[str]):
    """A top-level list whose elements are JSON text already."""


def _phrase_json(ph: SharedPhrase, keys: Sequence[str]) -> dict[str, object]:
    return {
        "text": ph.text,
        "reports": [keys[i] for i in ph.reports],
        "rank": ph.rank,
        "distinctiveness": ph.distinctiveness,
        "spans": {keys[i]: [[s.start, s.end] for s in ph.spans[i]] for i in ph.reports},
    }


def _phrase_lines(
    phrases: Sequence[SharedPhrase], keys: Sequence[str], dump: Callable[[object], str]
) -> list[str]:
    """Each phrase's :func:`_phrase_json` as ``dump`` writes it, written out directly.

    The 8× pair has 16,000 phrases with 100,000 spans: making a list for every span and a
    dict for every phrase, then encoding them, was most of its export's time. Whatever is
    not an exact ``int`` or finite ``float`` (a span end, a rank, a distinctiveness) goes
    through ``dump``; a phrase naming a report twice, or reports sharing a key, is written
    from its dict.
    """
    names = [dump(k) for k in keys]
    plain = len(set(keys)) == len(keys)
    out: list[str] = []
    for ph in phrases:
        present = ph.reports
        if not plain or len(set(present)) != len(present):
            out.append(dump(_phrase_json(ph, keys)))
            continue
        try:
            spans = ",".join(
                [
                    names[i] + ":[" + ",".join([_pair(s.start, s.end) for s in ph.spans[i]]) + "]"
                    for i in present
                ]
            )
        except _NotPlain:
            out.append(dump(_phrase_json(ph, keys)))
            continue
        reports = ",".join([names[i] for i in present])
        out.append(
            f'{{"text":{dump(ph.text)},"reports":[{reports}],"rank":{_number(ph.rank, dump)},'
            f'"distinctiveness":{_number(ph.distinctiveness, dump)},"spans":{{{spans}}}}}'
        )
    return out


class _NotPlain(Exception):
    """A span end that is not an exact ``int``."""


def _pair(start: int, end: int) -> str:
    if type(start) is not int or type(end) is not int:
        raise _NotPlain
    return f"[{start},{end}]"


def _number(x: object, dump: Callable[[object], str]) -> str:
    """``x`` as JSON: ``repr`` of an exact int or finite float (what json writes), else ``dump``."""
    if type(x) is int or (type(x) is float and math.isfinite(x)):
        return repr(x)
    return dump(x)


def _compact_encoder() -> Callable[[object], str]:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, made once.

    ``json.dumps`` builds an encoder for every call, and an export calls it for every
    phrase and number (13,000 times for ten national reports: half of its time). The C
    encoder :mod:`json` itself would build is made once here; without it (a Python built
    without the accelerator) ``json.dumps`` is used.
    """
    from json import encoder

    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # The arguments JSONEncoder.iterencode passes for these options, but no cycle check
    # (an export is a tree, and a check's table would outlive a failed call).
    default = json.JSONEncoder().default  # the TypeError json.dumps raises
    c_encode = make(None, default, encoder.encode_basestring, None, ":", ",", False, False, True)

    def dump(value: object) -> str:
        if isinstance(value, str):
            return encoder.encode_basestring(value)
        return "".join(c_encode(value, 0))

    return dump


def _dump_lines(doc: Mapping[str, object], dump: Callable[[object], str]) -> str:
    """JSON with a line per top-level member and per element of a top-level list.

    ``indent=2`` makes :mod:`json` fall back to its pure-Python encoder (3.7 of 5.7 s of a
    ten-report export, and a 37 MB file for thirty reports); each piece here goes through
    the C encoder compactly, yet a person can still read and diff the file row by row.
    """
    members: list[str] = []
    for name, value in doc.items():
        if isinstance(value, _Encoded):
            inner = ",\n".join(value)
            members.append(f"{dump(name)}:[\n{inner}\n]" if value else f"{dump(name)}:[]")
        elif isinstance(value, list) and value:
            inner = ",\n".join(dump(v) for v in value)
            members.append(f"{dump(name)}:[\n{inner}\n]")
        else:
            members.append(f"{dump(name)}:{dump(value)}")
    return "{\n" + ",\n".join(members) + "\n}\n"
