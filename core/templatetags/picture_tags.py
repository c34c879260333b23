"""``{% responsive_picture %}``: a WebP picture with a JPEG fallback, each width listed once.

Wagtail's ``{% picture image format-{webp,jpeg} width-{480,800,1200,1600} %}`` asks
for every width, but never enlarges an image: a 1,000 px photo gives 1,000 px for
both ``width-1200`` and ``width-1600``, and the ``srcset`` then lists two candidates
of the same width, which HTML does not allow (the W3C checker reports it). Here an
image gets the requested widths below its own and, when it is not wider than the
largest, one more rendition at its own width.
"""

from django import template

from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

FORMATS = ("webp", "jpeg")


def fitting_widths(image_width, widths):
    """The widths of ``widths`` that give distinct renditions of an image this wide.

    Each width below the image's own; then the first requested width that is not,
    which gives the image at its own size (the same filter as before, so existing
    renditions are reused).
    """
    widths = sorted(set(widths))
    fitting = [width for width in widths if width < image_width]
    larger = [width for width in widths if width >= image_width]
    return [*fitting, *larger[:1]]


@register.simple_tag
def responsive_picture(image, widths, **attrs):
    """``widths``: a comma-separated list ("480,800,1200"); ``attrs`` go on the ``<img>``."""
    if not image:
        return ""
    requested = [int(width) for width in str(widths).split(",")]
    fitting = fitting_widths(image.width, requested)
    if len(fitting) == 1:
        # One candidate has no width descriptor, and then ``sizes`` is not allowed.
        attrs.pop("sizes", None)
    filters = [
        Filter(spec=f"format-{image_format}|width-{width}")
        for image_format in FORMATS
        for width in fitting
    ]
    return Picture(get_renditions_or_not_found(image, filters), attrs).__html__()
