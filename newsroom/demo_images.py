"""Generated imagery of the demo: logos drawn as simple wordmarks (no copied trademark) and two
abstract illustrations for the release (plainly credited as generated, not passed off as
photographs). Drawn with Pillow, deterministic, each once per process."""

import functools
import io
import math
import random
import zlib

from PIL import Image, ImageDraw, ImageFilter, ImageFont


def font(size):
    """A bold sans-serif if the system has one (Debian: fonts-dejavu), Pillow's own otherwise."""
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def jpeg(image):
    """Drawn at 1600×1000, delivered at 1200×750: smoothed edges, and small enough that the
    demo's renditions (made at every load of an empty database, every test) stay quick."""
    buffer = io.BytesIO()
    image = image.convert("RGB").resize((1200, 750), Image.Resampling.LANCZOS)
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def wrap(text, draw, typeface, width):
    """``text`` in at most two lines that fit ``width`` pixels, or None."""
    words = text.split()
    for cut in range(len(words), 0, -1):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        lines = [line for line in lines if line]
        if all(draw.textlength(line, font=typeface) <= width for line in lines):
            return lines
    return None


@functools.cache
def wordmark(text, colour):
    """A square PNG logo on a transparent background: a geometric mark in ``colour`` above the
    name; the mark's shape depends on the name, so that logos differ."""
    size = 480
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    centre, radius = size // 2, 92
    for points in range(64, 30, -4):
        typeface = font(points)
        lines = wrap(text, draw, typeface, size - 40)
        if lines:
            break
    # The mark and the name, centred together.
    top = (size - (2 * radius + 36 + int(len(lines) * points * 1.2))) // 2
    box = (centre - radius, top, centre + radius, top + 2 * radius)
    shape = zlib.crc32(text.encode()) % 3
    draw.rounded_rectangle(box, radius=44, fill=colour)
    if shape == 0:  # a rising crescent
        draw.ellipse((box[0] + 36, top + 30, box[2] - 36, top + 2 * radius - 42), fill="white")
        draw.ellipse((box[0] + 62, top + 14, box[2] - 20, top + 2 * radius - 66), fill=colour)
    elif shape == 1:  # three rising bars
        for n, height in enumerate((60, 96, 132)):
            x = box[0] + 38 + n * 40
            draw.rounded_rectangle(
                (x, top + 2 * radius - 30 - height, x + 26, top + 2 * radius - 30),
                radius=8,
                fill="white",
            )
    else:  # a ring and its satellite
        ring = (box[0] + 34, top + 34, box[2] - 34, top + 2 * radius - 34)
        draw.ellipse(ring, outline="white", width=20)
        draw.ellipse((box[2] - 64, top + 22, box[2] - 22, top + 64), fill="white")
    y = top + 2 * radius + 36
    for line in lines:
        draw.text((centre, y), line, font=typeface, fill=colour, anchor="mt")
        y += int(points * 1.2)
    return png(image)


def gradient(size, start, end):
    """A diagonal gradient from ``start`` to ``end`` (RGB tuples)."""
    vertical = Image.linear_gradient("L")
    mask = Image.blend(vertical, vertical.rotate(90), 0.5).resize(size)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


@functools.cache
def network_illustration(seed=17):
    """An abstract molecular network and double helix on a deep blue ground (JPEG, 1200×750)."""
    rng = random.Random(seed)
    size = (1600, 1000)
    base = gradient(size, (8, 28, 64), (18, 96, 140)).convert("RGBA")
    glow = Image.new("RGBA", (400, 250), (0, 0, 0, 0))
    draw = ImageDraw.Draw(glow)
    for _n in range(9):
        x, y, r = rng.randint(0, 400), rng.randint(0, 250), rng.randint(20, 70)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(120, 200, 255, rng.randint(30, 70)))
    base.alpha_composite(glow.filter(ImageFilter.GaussianBlur(14)).resize(size))
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    nodes = [(rng.randint(40, 1560), rng.randint(40, 960)) for _n in range(70)]
    for i, (x1, y1) in enumerate(nodes):
        for x2, y2 in nodes[i + 1 :]:
            if (x1 - x2) ** 2 + (y1 - y2) ** 2 < 190**2:
                draw.line((x1, y1, x2, y2), fill=(190, 230, 255, 90), width=2)
    for x, y in nodes:
        r = rng.choice((5, 7, 9, 12))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(235, 248, 255, 220))
    # A double helix across the picture, rungs between the two strands.
    for step in range(0, 1600, 6):
        phase = step / 95
        y1 = 560 + 120 * math.sin(phase)
        y2 = 560 + 120 * math.sin(phase + math.pi)
        draw.ellipse((step - 5, y1 - 5, step + 5, y1 + 5), fill=(255, 196, 120, 230))
        draw.ellipse((step - 5, y2 - 5, step + 5, y2 + 5), fill=(140, 240, 220, 230))
        if step % 36 == 0:
            draw.line((step, y1, step, y2), fill=(255, 255, 255, 80), width=3)
    base.alpha_composite(layer)
    return jpeg(base)


@functools.cache
def cells_illustration(seed=23):
    """Abstract cells, some marked, as on a stained slide (JPEG, 1200×750)."""
    rng = random.Random(seed)
    size = (1600, 1000)
    base = gradient(size, (20, 10, 40), (52, 24, 84)).convert("RGBA")
    small = Image.new("RGBA", (800, 500), (0, 0, 0, 0))
    draw = ImageDraw.Draw(small)
    for _n in range(60):
        x, y, r = rng.randint(0, 800), rng.randint(0, 500), rng.randint(22, 46)
        marked = rng.random() < 0.25
        body = (255, 120, 170, 120) if marked else (110, 160, 255, 90)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=body, outline=(230, 240, 255, 150), width=2)
        n = r // 3
        nucleus = (255, 230, 120, 220) if marked else (170, 210, 255, 200)
        draw.ellipse((x - n + 4, y - n - 3, x + n + 4, y + n - 3), fill=nucleus)
    base.alpha_composite(small.filter(ImageFilter.GaussianBlur(1.2)).resize(size))
    return jpeg(base)


# (file name, drawing, alt text, caption) of the release's illustrations.
ILLUSTRATIONS = [
    (
        "demo-network.jpg",
        network_illustration,
        {
            "fr": "Illustration abstraite : réseau de molécules et double hélice sur fond bleu",
            "en": "Abstract illustration: a network of molecules and a double helix on blue",
        },
        {
            "fr": "Recherche translationnelle en oncologie (illustration générée, pas une photo)",
            "en": "Translational oncology research (generated illustration, not a photograph)",
        },
    ),
    (
        "demo-cells.jpg",
        cells_illustration,
        {
            "fr": "Illustration abstraite : des cellules, dont certaines marquées en rose",
            "en": "Abstract illustration: cells, some of them marked in pink",
        },
        {
            "fr": "Cellules persistantes (illustration générée, pas une photo)",
            "en": "Persister cells (generated illustration, not a photograph)",
        },
    ),
]
CREDIT = "Newsroom – illustration"
