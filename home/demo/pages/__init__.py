"""The demo page tree: created in Kyrgyz, then translated through wagtail-localize."""

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

from home.models import NewsPageTopic, ProgrammePartner

from .. import base
from ..images import get_demo_image
from ..site import remove_welcome_page, use_as_default_site_root
from ..snippets import get_demo_snippet
from ..translations import relink_translations, translate_missing
from . import about, advocacy, home, news, offices, privacy, programmes, stories

# Parents before children; the donate page early, so later pages can link to it.
PAGE_TREE = [
    *home.PAGES,
    *advocacy.PAGES,
    *programmes.PAGES,
    *stories.PAGES,
    *news.PAGES,
    *about.PAGES,
    *offices.PAGES,
    *privacy.PAGES,
]


def get_demo_page(key, language=base.SOURCE_LANGUAGE):
    """The demo page with this key in ``language`` (None if missing)."""
    return (
        Page.objects.filter(
            translation_key=base.demo_uuid("page", key), locale__language_code=language
        )
        .specific()
        .first()
    )


class _Lookup:
    """Resolves ImageRef and PageRef in specs, counting the images it draws."""

    def __init__(self, ctx):
        self.ctx = ctx

    def __call__(self, ref):
        if isinstance(ref, base.ImageRef):
            picture, created = get_demo_image(ref.key)
            self.ctx.count("images", int(created))
            return picture.pk
        page = get_demo_page(ref.key)
        if page is None:
            raise LookupError(f"Demo page {ref.key!r} must be created before it is linked to")
        return page.pk


def _create_source_page(spec, parent, locale, lookup):
    page = spec.build(base.SOURCE_LANGUAGE, lookup)
    page.locale = locale
    page.slug = find_available_slug(parent, spec.slug)
    for partner_key, role in spec.partners:
        page.partners.add(ProgrammePartner(partner=get_demo_snippet(partner_key), role=role))
    for topic_key in spec.topics:
        page.topic_links.add(NewsPageTopic(topic=get_demo_snippet(topic_key)))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_pages(ctx):
    """Create the missing Kyrgyz pages, link them, then add missing translations.

    Existing pages are never changed, except that a page created in this run gets
    its links (e.g. the home page's donate page) once the target exists too.
    """
    source_locale = Locale.objects.get(language_code=base.SOURCE_LANGUAGE)
    lookup = _Lookup(ctx)
    pages, created = {}, set()

    if get_demo_page("home") is None:
        remove_welcome_page()

    for spec in PAGE_TREE:
        page = get_demo_page(spec.key)
        if page is None:
            parent = pages.get(spec.parent) if spec.parent else Page.get_first_root_node()
            if parent is None:
                ctx.note(f"  skipped page {spec.key!r}: its parent {spec.parent!r} is missing")
                continue
            page = _create_source_page(spec, parent, source_locale, lookup)
            created.add(spec.key)
            ctx.count("pages")
        pages[spec.key] = page

    if "home" in pages and use_as_default_site_root(pages["home"]):
        ctx.count("site roots")

    for spec in PAGE_TREE:
        if spec.key not in created:
            continue
        page = pages[spec.key]
        links = {name: pages[key] for name, key in spec.links.items() if key in pages}
        if links:
            for name, target in links.items():
                setattr(page, name, target)
            page.save_revision().publish()

    for spec in PAGE_TREE:
        if spec.key in pages:
            translate_missing(
                pages[spec.key],
                lambda language, spec=spec: spec.build(language, lookup),
                ctx,
                "page",
            )

    for spec in PAGE_TREE:
        if spec.key in created and spec.links:
            relink_translations(pages[spec.key], ctx)
