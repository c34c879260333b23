"""Building blocks for the demo content: trilingual texts and StreamField blocks.

Every piece of demo text is written once as ``T(ky=..., ru=..., en=...)``. A page or
snippet spec is resolved into field values for one language at a time; the Kyrgyz
values create the source object and the Russian and English ones are paired with it
segment by segment (``core.localization.parallel_strings``) to fill its
wagtail-localize translations.
"""

import uuid
from dataclasses import dataclass

LANGUAGES = ("ky", "ru", "en")
SOURCE_LANGUAGE = "ky"
TARGET_LANGUAGES = ("ru", "en")

# Demo objects get stable translation keys derived from their spec key, so a
# re-run finds them even after an editor renamed them or changed their slug.
DEMO_NAMESPACE = uuid.UUID("0b6a3f5e-7c1d-4e8a-9f2b-5d4c3b2a1908")


def demo_uuid(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(str(part) for part in parts))


@dataclass(frozen=True)
class T:
    """One text in the three content languages."""

    ky: str
    ru: str
    en: str

    def __post_init__(self):
        for code in LANGUAGES:
            if not getattr(self, code).strip():
                raise ValueError(f"Empty {code} text in {self!r}")

    def get(self, language):
        return getattr(self, language)


def same(text):
    """A text that reads the same in every language (a phone number, a figure)."""
    return T(text, text, text)


@dataclass(frozen=True)
class ImageRef:
    """A generated demo image, by key (see home.demo.images.DEMO_IMAGES)."""

    key: str


# StreamField blocks, written as the raw JSON Wagtail stores. Block ids are filled
# in by ``resolve`` from their position, so all three languages share them.


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def rich(*paragraphs):
    """Rich text: each argument is one <p>; a list argument becomes a <ul>."""
    return _Html(paragraphs)


def paragraph(*paragraphs):
    return {"type": "paragraph", "value": rich(*paragraphs)}


def quote(text, attribution=None):
    value = {"quote": text, "attribution": attribution or ""}
    return {"type": "quote", "value": value}


def figures(*pairs):
    items = [{"type": "item", "value": {"value": v, "label": label}} for v, label in pairs]
    return {"type": "figures", "value": items}


def image(key, alt_text):
    return {
        "type": "image",
        "value": {"image": ImageRef(key), "alt_text": alt_text, "decorative": False},
    }


def call_to_action(text, page_key, button):
    return {
        "type": "call_to_action",
        "value": {"text": text, "page": PageRef(page_key), "button": button},
    }


def direction(title, *paragraphs, block_type="direction"):
    return {"type": block_type, "value": {"title": title, "text": rich(*paragraphs)}}


@dataclass(frozen=True)
class PageRef:
    """Another demo page, by spec key; resolves to the Kyrgyz page's id."""

    key: str


@dataclass(frozen=True)
class _Html:
    parts: tuple


def _html(parts, language):
    out = []
    for part in parts:
        if isinstance(part, list | tuple):
            items = "".join(f"<li>{item.get(language)}</li>" for item in part)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{part.get(language)}</p>")
    return "".join(out)


def resolve(value, language, lookup, path="x"):
    """Turn a spec value into what the model field takes, for one language.

    ``lookup(ref)`` returns the primary key for an ImageRef or PageRef.
    Stream items (dicts with "type") get a block id derived from ``path``.
    """
    if isinstance(value, T):
        return value.get(language)
    if isinstance(value, _Html):
        return _html(value.parts, language)
    if isinstance(value, ImageRef | PageRef):
        return lookup(value)
    if isinstance(value, list):
        return [resolve(item, language, lookup, f"{path}.{i}") for i, item in enumerate(value)]
    if isinstance(value, dict):
        resolved = {k: resolve(v, language, lookup, f"{path}.{k}") for k, v in value.items()}
        if "type" in value and "value" in value:
            resolved.setdefault("id", str(demo_uuid("block", path)))
        return resolved
    return value
