"""The link-preview image of a page (1200 x 630 PNG): our pictogram, the page title, the site name.

Pure: made from (title, pictogram, language, address) without Flask, so it can be tested alone.
"""

import io
import textwrap
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from app.seo.links import PREVIEW_HEIGHT, PREVIEW_WIDTH
from app.seo.pictogram_raster import draw_pictogram

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
BLUE = "#01689b"
INK = "#1a1a1a"
SITE_NAME = {"nl": "Beschut werk", "en": "Beschut werk (sheltered work)"}
# Drawn at twice the size and scaled down: smooth lines without an anti-aliasing library.
SCALE = 2


@cache
def _font(bold: bool, size: int):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for directory in FONT_DIRS:
        if (directory / name).exists():
            return ImageFont.truetype(str(directory / name), size)
    return ImageFont.load_default(size)


def preview_png(title: str, pictogram: str, lang: str, address: str) -> bytes:
    width, height = PREVIEW_WIDTH * SCALE, PREVIEW_HEIGHT * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 24 * SCALE), fill=BLUE)
    draw.rectangle((0, height - 24 * SCALE, width, height), fill=BLUE)
    draw_pictogram(draw, pictogram, 70 * SCALE, 150 * SCALE, 300 * SCALE)
    left = 430 * SCALE
    draw.text((left, 90 * SCALE), SITE_NAME.get(lang, SITE_NAME["nl"]), font=_font(True, 40 * SCALE), fill=BLUE)
    size = 64 if len(title) <= 40 else 52
    lines = textwrap.wrap(title, width=18 if size == 64 else 24)[:4]
    font = _font(True, size * SCALE)
    y = 170 * SCALE
    for line in lines:
        draw.text((left, y), line, font=font, fill=INK)
        y += int(size * 1.25) * SCALE
    draw.text((left, height - 90 * SCALE), address, font=_font(False, 32 * SCALE), fill=INK)
    image = image.resize((PREVIEW_WIDTH, PREVIEW_HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
