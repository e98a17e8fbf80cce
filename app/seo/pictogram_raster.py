"""Draw one of our own pictograms (app/static/img/pictograms/*.svg) with Pillow.

The pictograms are small line drawings in one colour: <path>, <rect> and <circle> with a round
stroke. This reads exactly that subset (path commands M L H V C A Z, absolute and relative),
turns every shape into polylines and strokes them, so the link preview needs no SVG library.
"""

import math
import re
from pathlib import Path

from defusedxml import ElementTree
from PIL import ImageDraw

PICTOGRAM_DIR = Path(__file__).resolve().parent.parent / "static" / "img" / "pictograms"
SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[MmLlHhVvCcAaZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
_CURVE_STEPS = 16


def _arc(x1, y1, rx, ry, rotation, large, sweep, x2, y2):
    """Points along an SVG elliptical arc (endpoint parametrisation, SVG 1.1 appendix F.6)."""
    if rx == 0 or ry == 0:
        return [(x2, y2)]
    phi = math.radians(rotation)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p, y1p = cos_phi * dx + sin_phi * dy, -sin_phi * dx + cos_phi * dy
    rx, ry = abs(rx), abs(ry)
    scale = (x1p**2) / (rx**2) + (y1p**2) / (ry**2)
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx**2 * ry**2 - rx**2 * y1p**2 - ry**2 * x1p**2
    factor = math.sqrt(max(0.0, numerator / (rx**2 * y1p**2 + ry**2 * x1p**2)))
    if large == sweep:
        factor = -factor
    cxp, cyp = factor * rx * y1p / ry, -factor * ry * x1p / rx
    cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2
    cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2

    def angle(ux, uy, vx, vy):
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    start = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
    delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    elif sweep and delta < 0:
        delta += 2 * math.pi
    points = []
    for step in range(1, _CURVE_STEPS * 2 + 1):
        t = start + delta * step / (_CURVE_STEPS * 2)
        x, y = rx * math.cos(t), ry * math.sin(t)
        points.append((cos_phi * x - sin_phi * y + cx, sin_phi * x + cos_phi * y + cy))
    return points


def path_polylines(d: str) -> list[list[tuple[float, float]]]:
    """The subpaths of an SVG path as lists of points."""
    tokens = _TOKEN.findall(d)
    lines: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    command = ""
    i = 0

    def number():
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        relative = command.islower()
        op = command.upper()
        if op == "Z":
            current.append((start_x, start_y))
            x, y = start_x, start_y
            command = ""
            continue
        if op == "M":
            if len(current) > 1:
                lines.append(current)
            nx, ny = number(), number()
            x, y = (x + nx, y + ny) if relative else (nx, ny)
            start_x, start_y = x, y
            current = [(x, y)]
            command = "l" if relative else "L"  # further pairs are line-tos
        elif op == "L":
            nx, ny = number(), number()
            x, y = (x + nx, y + ny) if relative else (nx, ny)
            current.append((x, y))
        elif op == "H":
            nx = number()
            x = x + nx if relative else nx
            current.append((x, y))
        elif op == "V":
            ny = number()
            y = y + ny if relative else ny
            current.append((x, y))
        elif op == "C":
            values = [number() for _ in range(6)]
            if relative:
                values = [v + (x if k % 2 == 0 else y) for k, v in enumerate(values)]
            x1, y1, x2, y2, x3, y3 = values
            for step in range(1, _CURVE_STEPS + 1):
                t = step / _CURVE_STEPS
                u = 1 - t
                current.append((
                    u**3 * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                    u**3 * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                ))
            x, y = x3, y3
        elif op == "A":
            rx, ry, rotation, large, sweep, nx, ny = (number() for _ in range(7))
            ex, ey = (x + nx, y + ny) if relative else (nx, ny)
            current.extend(_arc(x, y, rx, ry, rotation, bool(large), bool(sweep), ex, ey))
            x, y = ex, ey
        else:
            raise ValueError(f"path command {command!r} is not supported")
    if len(current) > 1:
        lines.append(current)
    return lines


def draw_pictogram(draw: ImageDraw.ImageDraw, name: str, left: float, top: float, size: float) -> None:
    """Stroke pictogram `name` into a square of `size` pixels at (left, top)."""
    root = ElementTree.parse(PICTOGRAM_DIR / f"{name}.svg").getroot()
    view = [float(v) for v in root.get("viewBox", "0 0 64 64").split()]
    scale = size / view[2]
    colour = root.get("stroke", "#01689b")
    width = max(1, round(float(root.get("stroke-width", "3")) * scale))

    def at(point):
        return (left + (point[0] - view[0]) * scale, top + (point[1] - view[1]) * scale)

    def stroke(points, closed=False):
        points = [at(p) for p in points] + ([at(points[0])] if closed else [])
        draw.line(points, fill=colour, width=width, joint="curve")
        for px, py in (points[0], points[-1]):  # round line caps
            draw.ellipse((px - width / 2, py - width / 2, px + width / 2, py + width / 2), fill=colour)

    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        filled = element.get("fill") not in (None, "none")
        if tag == "path":
            for line in path_polylines(element.get("d", "")):
                stroke(line)
        elif tag == "rect":
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            w, h = float(element.get("width")), float(element.get("height"))
            corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            if filled:
                draw.rectangle((*at(corners[0]), *at(corners[2])), fill=colour)
            stroke(corners, closed=True)
        elif tag == "circle":
            cx, cy, r = (float(element.get(key)) for key in ("cx", "cy", "r"))
            (x0, y0), (x1, y1) = at((cx - r, cy - r)), at((cx + r, cy + r))
            if filled:
                draw.ellipse((x0, y0, x1, y1), fill=colour)
            else:
                draw.ellipse((x0, y0, x1, y1), outline=colour, width=width)
