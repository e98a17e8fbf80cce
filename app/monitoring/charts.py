"""Small server-rendered SVG bar charts: no JavaScript, no chart library, no inline styles.

Each chart is an image with a title and a description (role="img", aria-labelledby); the same
numbers stand in a table beside it. Counts below the threshold get no bar, only the words
"fewer than 10" in the page's language.
"""

import textwrap
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 400
BAR_AREA = 250
LABEL_HEIGHT = 22
BAR_HEIGHT = 22
BAR_GAP = 6
GROUP_GAP = 14
COLOURS = ("#01689b", "#5a2d82")  # 5.9:1 and 9.6:1 against white (WCAG 1.4.11 asks 3:1)
TEXT = "#1a1a1a"
LABEL_CHARACTERS = 36  # a label wraps to the next line rather than run out of the image


@dataclass
class Bar:
    value: int | None  # None: suppressed
    text: str  # what stands beside the bar, e.g. "Gestart: 120" or "Gestart: minder dan 10"


@dataclass
class Group:
    label: str
    bars: list[Bar]


def bar_chart(chart_id: str, title: str, description: str, groups: list[Group]) -> Markup:
    """A horizontal bar chart: per group a label, then one bar per series."""
    largest = max([bar.value for group in groups for bar in group.bars if bar.value] or [1])
    parts = []
    y = 0
    for group in groups:
        for line in textwrap.wrap(group.label, LABEL_CHARACTERS) or [""]:
            y += LABEL_HEIGHT
            parts.append(
                f'<text x="0" y="{y - 6}" fill="{TEXT}" font-size="16" font-weight="700">{escape(line)}</text>'
            )
        for index, bar in enumerate(group.bars):
            colour = COLOURS[index % len(COLOURS)]
            width = 0 if bar.value is None else max(2, round(BAR_AREA * bar.value / largest))
            if width:
                parts.append(
                    f'<rect x="0" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{colour}"></rect>'
                )
            parts.append(
                f'<text x="{width + 8}" y="{y + BAR_HEIGHT - 6}" fill="{TEXT}" font-size="15">{escape(bar.text)}</text>'
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    height = max(y, 40)
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beschrijving"
    # Every piece of text above went through escape(); the rest are numbers and fixed markup.
    return Markup(  # noqa: S704
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(description)}</desc>'
        + "".join(parts)
        + "</svg>"
    )
