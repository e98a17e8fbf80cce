"""The pure rules behind the figures: measures, stop points, suppression, the CSV rows, the SVG."""

import re

from app.monitoring import figures
from app.monitoring.charts import Bar, Group, bar_chart
from tests.support.html import parse


def counts(month="2026-11", **by_event):
    """counts(selfcheck_outcome={"uncertain": 12}) -> {(month, name, value): n}"""
    return {(month, name, value): n for name, values in by_event.items() for value, n in values.items()}


def test_a_count_below_ten_is_never_published():
    assert figures.shown(9) is None
    assert figures.shown(0) is None
    assert figures.shown(10) == 10
    assert figures.shown(1234) == 1234


def test_measures_of_a_month():
    measures = figures.month_measures(
        {
            ("selfcheck_started", "nl"): 30,
            ("selfcheck_started", "en"): 5,
            ("selfcheck_finished", "nl"): 20,
            ("selfcheck_outcome", "beschut_werk_likely"): 12,
            ("selfcheck_role", "helper"): 11,
            ("request_document", "voorbereiding"): 10,
            ("sheet_download", "stappen-aanvraag-nl"): 14,
        }
    )
    assert measures["started"] == 35
    assert measures["started:nl"] == 30 and measures["started:en"] == 5
    assert measures["finished"] == 20 and measures["finished:en"] == 0
    assert measures["outcome:beschut_werk_likely"] == 12
    assert measures["outcome:uncertain"] == 0  # every known outcome is listed
    assert measures["role:helper"] == 11 and measures["role:self"] == 0
    assert measures["request_document:voorbereiding"] == 10
    assert measures["sheet_download:stappen-aanvraag-nl"] == 14


def test_a_value_that_is_not_a_plain_code_never_becomes_a_measure():
    measures = figures.month_measures({("sheet_download", "a,b\nc"): 50, ("sheet_download", "Hoofdletter"): 50})
    assert not [key for key in measures if key.startswith("sheet_download:")]


def test_stop_points_follow_the_spine():
    answered = {
        "role": 100, "age": 90, "situation": 80, "previous_advice": 70, "wsw_indication": 60,
        "can_do_task": 50, "basic_work_skills": 48, "work_one_hour": 47, "work_four_hours": 45,
        "needs_supervision": 30, "needs_guidance": 29, "needs_adaptations": 28,
        "regular_employer_possible": 15, "earn_minimum_wage": 10,
        "school_type": 40,  # a follow-up question: not on the spine
    }
    measures = figures.month_measures({("selfcheck_question", q): n for q, n in answered.items()})
    assert measures["stopped_after:role"] == 10
    assert measures["stopped_after:situation"] == 10  # school_type does not count as "the next step"
    # wsw_indication is skipped for PrO/VSO pupils, so it is a follow-up too: 70 - 50 stopped.
    assert measures["stopped_after:previous_advice"] == 20
    assert "stopped_after:wsw_indication" not in measures
    assert measures["stopped_after:work_four_hours"] == 15
    assert measures["stopped_after:needs_adaptations"] == 3  # 28 - (15 + 10)
    assert "stopped_after:last_question" not in measures  # after the last question comes the result
    assert figures.reached(measures, figures.LAST_STEP) == 25


def test_a_stop_point_is_never_negative():
    measures = figures.month_measures({("selfcheck_question", "age"): 12})
    assert measures["stopped_after:role"] == 0


def test_csv_rows_leave_out_every_count_below_ten():
    rows = figures.csv_rows(
        counts(
            selfcheck_outcome={"beschut_werk_likely": 12, "uncertain": 9},
            selfcheck_started={"nl": 10, "en": 3},
        )
    )
    assert ("2026-11", "outcome:beschut_werk_likely", 12) in rows
    assert ("2026-11", "started", 13) in rows
    # 13 - 10 would give the 3 in English: the 10 is left out as well (secondary suppression).
    assert ("2026-11", "started:nl", 10) not in rows
    assert all(value >= 10 for _month, _measure, value in rows)
    measures = {measure for _month, measure, _value in rows}
    assert "outcome:uncertain" not in measures and "started:en" not in measures


def test_csv_rows_keep_months_apart_and_sorted():
    rows = figures.csv_rows(
        {("2026-10", "selfcheck_outcome", "uncertain"): 11, ("2026-11", "selfcheck_outcome", "uncertain"): 10}
    )
    assert rows == [("2026-10", "outcome:uncertain", 11), ("2026-11", "outcome:uncertain", 10)]


def test_counts_are_grouped_per_month_and_a_malformed_month_is_ignored():
    months = figures.by_month({
        ("2024-01", "selfcheck_started", "nl"): 7, ("2024-13", "selfcheck_started", "nl"): 50, ("x", "a", "b"): 99,
    })
    assert months == {"2024-01": {("selfcheck_started", "nl"): 7}}


def test_the_month_range_has_no_gaps():
    assert figures.month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert figures.month_range("2026-11", "2026-11") == ["2026-11"]


def test_the_chart_is_an_accessible_image_without_inline_styles():
    svg = str(bar_chart("grafiek-test", "Uitkomsten", "Staafdiagram", [
        Group("Beschut werk", [Bar(40, "40")]),
        Group("Niet zeker", [Bar(None, "minder dan 10")]),
        Group("Gewoon <werk>", [Bar(20, "20")]),
    ]))
    root = parse(f"<!DOCTYPE html><html><head><title>t</title></head><body>{svg}</body></html>")
    element = next(e for e in root.iter() if isinstance(e.tag, str) and e.tag.endswith("svg"))
    titles = [e for e in element.iter() if isinstance(e.tag, str) and e.tag.endswith("title")]
    assert [t.get("id") for t in titles] == ["grafiek-test-titel"] and titles[0].text == "Uitkomsten"
    assert element.get("role") == "img"
    assert element.get("aria-labelledby") == "grafiek-test-titel grafiek-test-beschrijving"
    assert "style=" not in svg and "<style" not in svg and "<script" not in svg
    widths = [int(w) for w in re.findall(r'<rect x="0" y="\d+" width="(\d+)"', svg)]
    assert widths == [250, 125]  # the suppressed count gets no bar; bars scale to the largest
    assert "minder dan 10" in svg
    assert "Gewoon &lt;werk&gt;" in svg  # labels are escaped


def test_a_long_label_wraps_instead_of_running_out_of_the_image():
    label = "Wachten: negatief advies zonder nieuwe feiten en nog wat meer"
    svg = str(bar_chart("grafiek-lang", "t", "d", [Group(label, [Bar(12, "12")])]))
    lines = re.findall(r'font-weight="700">([^<]*)</text>', svg)
    assert len(lines) == 2 and " ".join(lines) == label
    assert all(len(line) <= 36 for line in lines)
