"""Responsive pictures list each width once, whatever the size of the uploaded image."""

from django.template import Context, Template

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

PICTURE = Template(
    '{% load picture_tags %}{% responsive_picture image "480,800,1200,1600" sizes="100vw" alt="" %}'
)


def candidates(html):
    """Per <source> type (and "img"): the widths its srcset lists, and whether it has sizes."""
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for tag in [*soup.find_all("source"), soup.find("img")]:
        srcset = tag.get("srcset")
        descriptors = [c.split()[-1] for c in srcset.split(",")] if srcset else []
        found[tag.get("type", "img")] = (descriptors, tag.has_attr("sizes"))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("size", "widths"),
    [
        ((2000, 1000), [480, 800, 1200, 1600]),
        ((1600, 900), [480, 800, 1200, 1600]),
        ((1000, 600), [480, 800, 1000]),
        ((1200, 800), [480, 800, 1200]),
        ((300, 200), [300]),
    ],
)
def test_each_width_once(settings, tmp_path, size, widths):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Бала", file=get_test_image_file(size=size))

    html = PICTURE.render(Context({"image": image}))

    found = candidates(html)
    assert set(found) == {"image/webp", "img"}, html
    if len(widths) > 1:
        expected = [f"{width}w" for width in widths]
        assert found["image/webp"] == (expected, True), html
        assert found["img"] == (expected, True), html
    else:
        # One candidate: no width descriptor, and then no sizes either.
        assert len(found["image/webp"][0]) == 1 and not found["image/webp"][0][0].endswith("w")
        assert found["image/webp"][1] is False and found["img"] == ([], False), html
