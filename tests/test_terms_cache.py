"""The series' whole result is cached: a warm run reads it back, equal to the cold one."""

from __future__ import annotations

from reportdiff.core.analysis import terms
from reportdiff.core.storage.resolve import resolve_report
from reportdiff.core.storage.samples import SAMPLE_IDS


def test_warm_series_is_read_back_and_keyed_by_what_it_depends_on(monkeypatch):
    reports = [resolve_report(i) for i in SAMPLE_IDS[:4]]
    cold = terms.analyse_terms(reports)
    computed: list[int] = []
    real = terms._analyse

    def counting(*args, **kwargs):
        computed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(terms, "_analyse", counting)
    warm = terms.analyse_terms(reports)
    assert warm == cold
    assert computed == []  # read from the cache, not computed again
    # another option or another order is another result: computed, not read back
    wider = terms.analyse_terms(reports, extra_terms=["营商环境"])
    assert computed == [1]
    assert "营商环境" in wider.frequency
    turned = terms.analyse_terms(reports[::-1])
    assert computed == [1, 1]
    assert turned.reports == cold.reports[::-1]
