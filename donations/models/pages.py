"""The donate page (a Wagtail page, translated like the others).

Its routes are the donor's way: the form and its submission at the page's own URL
(donations/views.py), then thank-you/, cancelled/ and the demo gateway's page
(donations/result_views.py), all under the page's localized URL.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from core.blocks import BodyStreamBlock
from core.models import BasePage


class DonatePage(RoutablePageMixin, BasePage):
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("donate page")

    # The views behind the routes (donations.views, donations.result_views) need the
    # models, so this module cannot import them: DonationsConfig.ready() hands them over
    # (connect_views), keeping the imports one way, views -> models.
    route_views = {}

    @classmethod
    def connect_views(cls, **views):
        cls.route_views = {**cls.route_views, **views}

    @path("", name="donate")
    def donate(self, request):
        return self.route_views["donate"](request, self)

    @path("thank-you/<str:token>/", name="thank_you")
    def thank_you(self, request, token):
        return self.route_views["thank_you"](request, self, token)

    @path("cancelled/<str:token>/", name="cancelled")
    def cancelled(self, request, token):
        return self.route_views["cancelled"](request, self, token)

    @path("demo-checkout/<str:token>/", name="demo_checkout")
    def demo_checkout(self, request, token):
        return self.route_views["demo_checkout"](request, self, token)
