"""Demo images, drawn with Pillow when the demo is loaded (no binary files in git).

Simple abstract illustrations in SOS blue: houses, figures, links, steps. Each has
a title and a description; Wagtail uses the description as the default alt text.
"""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

SOS_BLUE = (0, 156, 222)
DEEP_BLUE = (0, 86, 145)
LIGHT_BLUE = (214, 238, 250)
WARM = (255, 196, 0)
WHITE = (255, 255, 255)
SIZE = (1200, 675)
COLLECTION_NAME = "Demo"

# key: (motif, title, description). Titles and descriptions are in Kyrgyz, the
# source language; pages give translated alt text where they show the image.
DEMO_IMAGES = {
    "hero": ("houses", "Үйлөр жана үй-бүлө", "Көк түстөгү үйлөрдүн жөнөкөй сүрөтү"),
    "advocacy": ("links", "Укуктарды коргоо", "Бири-бири менен байланышкан тегеректер"),
    "programme-eu": ("houses", "Үй-бүлөлүк чөйрө", "Үйлөр жана жылуу күн"),
    "programme-community": (
        "people",
        "Жамааттагы колдоо",
        "Бир катарда турган чоң жана кичине адамдар",
    ),
    "story-mother": ("people", "Эне жана балдар", "Чоң жана кичине адамдардын абстракттуу сүрөтү"),
    "news-research": ("steps", "Изилдөө", "Бийиктеген тепкичтер"),
    "news-clubs": ("people", "Клубдар", "Катар турган чоң жана кичине адамдар"),
    "news-documents": ("links", "Документтер", "Сызыктар менен туташкан тегеректер"),
    "news-children-day": ("houses", "Балдарды коргоо күнү", "Жылуу күн астындагы үйлөр"),
    "uzbekistan": ("houses", "Өзбекстандагы бир тууган уюм", "Көк асман астындагы үйлөр"),
}


def _draw(motif, seed):
    from PIL import Image, ImageDraw

    rng = random.Random(seed)  # noqa: S311 - decoration only
    width, height = SIZE
    picture = Image.new("RGB", SIZE, LIGHT_BLUE)
    draw = ImageDraw.Draw(picture)
    # a soft horizon and a sun
    draw.rectangle([0, int(height * 0.72), width, height], fill=SOS_BLUE)
    sun_x = rng.randint(int(width * 0.65), int(width * 0.9))
    draw.ellipse([sun_x - 70, 60, sun_x + 70, 200], fill=WARM)

    if motif == "houses":
        x = rng.randint(60, 160)
        while x < width - 260:
            w = rng.randint(150, 230)
            h = rng.randint(130, 200)
            base = int(height * 0.72)
            draw.rectangle([x, base - h, x + w, base], fill=WHITE, outline=DEEP_BLUE, width=6)
            draw.polygon(
                [(x - 20, base - h), (x + w // 2, base - h - 90), (x + w + 20, base - h)],
                fill=DEEP_BLUE,
            )
            draw.rectangle([x + w // 2 - 22, base - 70, x + w // 2 + 22, base], fill=SOS_BLUE)
            x += w + rng.randint(50, 120)
    elif motif == "people":
        x = rng.randint(120, 220)
        while x < width - 120:
            r = rng.randint(28, 52)
            base = int(height * 0.72)
            body = r * 3
            draw.ellipse([x - r, base - body - 2 * r, x + r, base - body], fill=DEEP_BLUE)
            draw.rounded_rectangle(
                [x - r - 10, base - body, x + r + 10, base],
                radius=r,
                fill=WHITE,
                outline=DEEP_BLUE,
                width=5,
            )
            x += 2 * r + rng.randint(60, 120)
    elif motif == "links":
        points = [
            (rng.randint(120, width - 120), rng.randint(120, int(height * 0.65))) for _ in range(8)
        ]
        for a, b in zip(points, points[1:] + points[:1], strict=True):
            draw.line([a, b], fill=DEEP_BLUE, width=8)
        for px, py in points:
            r = rng.randint(26, 48)
            draw.ellipse([px - r, py - r, px + r, py + r], fill=WHITE, outline=SOS_BLUE, width=10)
    else:  # steps
        steps = 6
        step_w = (width - 240) // steps
        for i in range(steps):
            h = 60 + i * rng.randint(45, 60)
            base = int(height * 0.72)
            draw.rectangle(
                [120 + i * step_w, base - h, 120 + (i + 1) * step_w - 16, base],
                fill=WHITE,
                outline=DEEP_BLUE,
                width=6,
            )
    return picture


def get_demo_image(key):
    """The demo image for ``key``, drawn and saved the first time it is needed."""
    motif, title, description = DEMO_IMAGES[key]
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title, collection__name=COLLECTION_NAME).first()
    if existing is not None:
        return existing, False

    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    buffer = io.BytesIO()
    _draw(motif, seed=key).save(buffer, format="PNG", optimize=True)
    image = image_model(title=title, description=description, collection=collection)
    image.file = ImageFile(buffer, name=f"demo-{key}.png")
    image.save()
    return image, True
