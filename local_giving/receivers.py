"""Keep the public totals fresh when a gift is paid or refunded.

Fund totals and the transparency table are cached for at most a minute; a change
of a donation to or from "paid" forgets them at once and retires only the cached
pages and fragments that show them (the fund's programme pages, the transparency
page and its CSV, in every language; core.caching.tags). Every other page
stays cached: on a campaign day gifts arrive every few seconds, at the peak of
the traffic.

When a donor is forgotten (donations.privacy.donor_forgotten), the bank statement
lines matched to their gifts lose the payer's name.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import receiver

from wagtail.contrib.frontend_cache.utils import PurgeBatch

from donations.models import Donation, donation_status_changed
from donations.privacy import donor_forgotten
from home.models import ProgrammePage

from .figures import forget_totals, retire_totals_pages
from .models import ProgrammeFund, StatementLine, TransparencyPage

COUNTED_STATES = {Donation.Status.PAID, Donation.Status.REFUNDED}


def forget_and_retire(fund_ids):
    forget_totals(fund_ids)
    retire_totals_pages(fund_ids)


@receiver(donation_status_changed, dispatch_uid="local_giving.refresh_totals")
def refresh_totals(sender, donation, old_status, new_status, **kwargs):
    if old_status not in COUNTED_STATES and new_status not in COUNTED_STATES:
        return
    fund_ids = [donation.fund_id]
    forget_and_retire(fund_ids)
    # Again after commit: a page rendered meanwhile from the old figures is not kept.
    transaction.on_commit(lambda: forget_and_retire(fund_ids))
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: purge_totals_pages_from_cdn(donation.fund_id))


def purge_totals_pages_from_cdn(fund_id):
    """The CDN keeps pages up to s-maxage: purge the pages that show this fund's totals."""
    keys = ProgrammeFund.objects.filter(fund_id=fund_id).values("page__translation_key")
    batch = PurgeBatch()
    batch.add_pages(ProgrammePage.objects.live().filter(translation_key__in=keys))
    for page in TransparencyPage.objects.live():
        batch.add_page(page)
        if page.full_url:
            batch.add_url(page.full_url + page.reverse_subpage("csv"))
    batch.purge()


# The finance team (the "Donations" group) confirms transfers and keeps these settings.
FINANCE_PERMISSIONS = [
    ("donations", "donation", "change_donation"),
    ("local_giving", "bankaccount", "add_bankaccount"),
    ("local_giving", "bankaccount", "change_bankaccount"),
    ("local_giving", "bankaccount", "view_bankaccount"),
    ("local_giving", "statementformat", "add_statementformat"),
    ("local_giving", "statementformat", "change_statementformat"),
    ("local_giving", "statementformat", "view_statementformat"),
    ("local_giving", "annualreport", "add_annualreport"),
    ("local_giving", "annualreport", "change_annualreport"),
    ("local_giving", "annualreport", "view_annualreport"),
]


def grant_finance_permissions(sender, **kwargs):
    group, _created = Group.objects.get_or_create(name="Donations")
    for app_label, model, codename in FINANCE_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


@receiver(donor_forgotten, dispatch_uid="local_giving.forget_statement_lines")
def forget_statement_lines(sender, donation_ids, redact, **kwargs):
    """A forgotten donor's gifts: blank the payer on the statement lines matched to them."""
    changed = 0
    for line in StatementLine.objects.select_for_update().filter(donation_id__in=donation_ids):
        purpose = redact(line.purpose)
        if line.payer or purpose != line.purpose:
            line.payer = ""
            line.purpose = purpose
            line.save(update_fields=["payer", "purpose"])
            changed += 1
    return changed
