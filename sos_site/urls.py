from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.health import healthz
from core.language import switch_language
from core.sitemap import MultilingualSitemap
from donations import views as donation_views
from home import views as home_views

# Private URLs (admin, documents) stand outside the language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The switcher's links: store the chosen language in its cookie, then redirect.
    path("language/<str:language_code>/", switch_language, name="switch_language"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("favicon.ico"))),
    # Every live page of every locale, with hreflang alternates; robots.txt points to it.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    # Load balancer and container health check: database and cache, never cached.
    path("healthz", healthz, name="healthz"),
    # A donor's signed links (receipt PDF, Stripe customer portal); never cached.
    path("donor/", include("donations.receipt_urls")),
    # Stripe's webhooks: csrf-exempt, signature-verified (donations/webhooks.py).
    path("", include("donations.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages carry their language prefix: /ky/, /ru/, /en/.
urlpatterns += i18n_patterns(
    path("give/", include("local_giving.urls")),
    path("search/", home_views.search, name="search"),
    # The donate form's first POST: the review of the gift (donations/views.py).
    path("donate-review/<int:page_id>/", donation_views.review, name="donate_review"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
