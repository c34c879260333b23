"""System checks of the deployment that only the running site can reveal."""

from django.conf import settings
from django.core.cache import cache
from django.core.checks import Tags, Warning, register

from core.security import UNTRUSTED_PROXY_KEY


@register(Tags.security, deploy=True)
def check_forwarded_for_is_trusted(app_configs, **kwargs):
    """Warn when requests arrived with X-Forwarded-For while no proxy is trusted.

    The app servers leave a mark in the shared cache (core.security.
    UntrustedProxyMiddleware); `manage.py check --deploy` run beside them reads it.
    """
    if settings.TRUSTED_PROXY_COUNT > 0:
        return []
    proxy = cache.get(UNTRUSTED_PROXY_KEY)
    if proxy is None:
        return []
    return [
        Warning(
            "Requests arrive with X-Forwarded-For (last from %s) but TRUSTED_PROXY_COUNT is 0."
            % (proxy or "an unknown address"),
            hint=(
                "Behind a load balancer every donor then shares the proxy's address, and the "
                "lock-outs and donation rate limits block them all together. Set "
                "TRUSTED_PROXY_COUNT to the number of proxies in front of the app "
                "(docs/production.md, 'Reverse proxy')."
            ),
            id="sos_site.W001",
        )
    ]
