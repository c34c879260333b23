"""The donate page (a Wagtail page, translated like the others).

Its routes are the donor's way (donations/views.py): the form and its submission
at the page's own URL, then thank-you/, cancelled/ and the demo gateway's page,
all under the page's localized URL.
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

    @path("", name="donate")
    def donate(self, request):
        from donations import views

        return views.donate(request, self)

    @path("thank-you/<str:token>/", name="thank_you")
    def thank_you(self, request, token):
        from donations import views

        return views.thank_you(request, self, token)

    @path("cancelled/<str:token>/", name="cancelled")
    def cancelled(self, request, token):
        from donations import views

        return views.cancelled(request, self, token)

    @path("demo-checkout/<str:token>/", name="demo_checkout")
    def demo_checkout(self, request, token):
        from donations import views

        return views.demo_checkout(request, self, token)
