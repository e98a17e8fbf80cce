"""Walk the tagged structure of a PDF (pypdf) to check how table cells tie to their headers.

PDF/UA-1 §7.5 lets a data cell name its headers in two ways: /TD with /Headers listing the /ID of
/TH cells, or /TH with /Scope (Row, Column, Both). WeasyPrint writes the first; a checker that looks
only for /Scope reports such tables falsely (/work/shared/tooling.md), so this checks the association.
"""

import io

import pypdf


def _resolve(node):
    return node.get_object() if hasattr(node, "get_object") else node


def _kids(node):
    kids = node.get("/K")
    if kids is None:
        return []
    kids = _resolve(kids)
    return [_resolve(k) for k in (kids if isinstance(kids, list) else [kids])]


def _attribute(node, name):
    attributes = _resolve(node.get("/A")) if node.get("/A") is not None else None
    for entry in (attributes if isinstance(attributes, list) else [attributes]):
        entry = _resolve(entry)
        if isinstance(entry, dict) and name in entry:
            return _resolve(entry[name])
    return None


def tables(pdf: bytes) -> list[list[list[dict]]]:
    """Each /Table as rows of cells: {"tag": "/TH" or "/TD", "id": ..., "headers": [...], "scope": ...}."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: list = []

    def walk(node):
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Table":
            rows = []

            def collect(element):
                if not isinstance(element, dict):
                    return
                if element.get("/S") == "/TR":
                    cells = []
                    for cell in _kids(element):
                        if isinstance(cell, dict) and cell.get("/S") in ("/TH", "/TD"):
                            identifier = cell.get("/ID")
                            cells.append({
                                "tag": cell["/S"],
                                "id": str(identifier) if identifier is not None else None,
                                "headers": [str(h) for h in (_attribute(cell, "/Headers") or [])],
                                "scope": _attribute(cell, "/Scope"),
                            })
                    rows.append(cells)
                    return
                for child in _kids(element):
                    collect(child)

            collect(node)
            found.append(rows)
            return
        for child in _kids(node):
            walk(child)

    walk(_resolve(reader.trailer["/Root"]["/StructTreeRoot"]))
    return found


def header_problems(pdf: bytes) -> list[str]:
    """What keeps a data cell from being tied to its row and column headers; [] when all are tied."""
    problems = []
    for number, rows in enumerate(tables(pdf), start=1):
        headers = {cell["id"] for row in rows for cell in row if cell["tag"] == "/TH" and cell["id"]}
        if not any(cell["tag"] == "/TH" for row in rows for cell in row):
            problems.append(f"table {number} has no header cells")
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell["tag"] == "/TH" and not (cell["id"] or cell["scope"]):
                    problems.append(f"table {number}, row {r + 1}, cell {c + 1}: /TH without /ID or /Scope")
                if cell["tag"] != "/TD":
                    continue
                if cell["headers"]:
                    unknown = [h for h in cell["headers"] if h not in headers]
                    if unknown:
                        problems.append(f"table {number}, row {r + 1}, cell {c + 1}: unknown headers {unknown}")
                    column_header = rows[0][c] if c < len(rows[0]) else None
                    row_header = row[0] if row and row[0]["tag"] == "/TH" else None
                    for header, what in ((column_header, "column"), (row_header, "row")):
                        if header and header["tag"] == "/TH" and header["id"] not in cell["headers"]:
                            problems.append(f"table {number}, row {r + 1}, cell {c + 1}: not tied to its {what} header")
                elif not any(h["tag"] == "/TH" and h["scope"] for row_ in rows for h in row_):
                    problems.append(f"table {number}, row {r + 1}, cell {c + 1}: no /Headers and no scoped /TH")
    return problems
