"""sitemap.xml: every live page of every locale, with its translations as hreflang alternates.

Untranslated pages simply have no alternate for that language ("absence, not
alias"), so search engines never see a half-empty copy.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.seo import absolute_page_url


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_locale_tree = Q()
        for root in roots:
            in_a_locale_tree |= Q(path__startswith=root.path)
        if not roots:
            return Page.objects.none()
        return (
            Page.objects.filter(in_a_locale_tree)
            .live()
            .public()
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )

    def location(self, obj):
        return absolute_page_url(obj, self.request)

    def _urls(self, page, protocol, domain):
        alternates = self._alternates()
        urls = []
        for item in self.paginator.page(page).object_list:
            location = self.location(item)
            if location:
                urls.append(
                    {
                        "item": item,
                        "location": location,
                        "lastmod": self.lastmod(item),
                        "alternates": alternates.get(location, []),
                    }
                )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _alternates(self):
        """Map each page's URL to the hreflang links of all its live translations."""
        by_key = defaultdict(list)
        for page in self.items():
            location = self.location(page)
            if location:
                by_key[page.translation_key].append((page.locale.language_code, location))
        default_language = settings.LANGUAGE_CODE
        alternates = {}
        for versions in by_key.values():
            links = [{"lang_code": code, "location": loc} for code, loc in sorted(versions)]
            default = [loc for code, loc in versions if code == default_language]
            if default and len(versions) > 1:
                links.append({"lang_code": "x-default", "location": default[0]})
            for _code, location in versions:
                alternates[location] = links if len(versions) > 1 else []
        return alternates
