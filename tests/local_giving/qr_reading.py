"""Read back a QR code as the page draws it: segno's inline SVG path, rasterised.

The SVG's path is redrawn module by module into a PNG (no SVG renderer is installed),
then decoded by zxing-cpp, so a test proves what the markup on the page encodes.
"""

import re

import zxingcpp
from PIL import Image, ImageDraw

PATH = re.compile(r'<path class="qr-code__modules"[^>]* d="([^"]+)"')
SIZE = re.compile(r'<path fill="#fff" d="M0 0h(\d+)v')
COMMAND = re.compile(r"([MmHhVvz])([^MmHhVvz]*)")


def modules(svg):
    """The dark modules drawn by the path: {(x, y)} in module units."""
    dark = set()
    x = y = 0.0
    for command, arguments in COMMAND.findall(PATH.search(svg).group(1)):
        numbers = [float(n) for n in arguments.replace(",", " ").split()]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command in "hH":
            end = x + numbers[0] if command == "h" else numbers[0]
            dark.update((column, int(y)) for column in range(int(x), int(end)))
            x = end
        elif command in "vV":
            raise AssertionError("segno draws horizontal lines only")
    return dark


def image(svg, scale=8):
    size = int(SIZE.search(svg).group(1))
    picture = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(picture)
    for x, y in modules(svg):
        draw.rectangle([x * scale, y * scale, (x + 1) * scale - 1, (y + 1) * scale - 1], fill=0)
    return picture


def decode(picture):
    found = zxingcpp.read_barcodes(picture)
    assert len(found) == 1, f"expected one QR code, found {len(found)}"
    return found[0].text


def svg_text(svg):
    return decode(image(svg))
