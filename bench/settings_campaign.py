"""Production settings with the demo payment gateway, for the benchmark's campaign run only.

Production refuses the demo gateway (sos_site/settings/production.py), rightly. The
campaign run of `make bench` pays a gift every second over HTTP through the real
confirm path, and the demo gateway's Pay button stands in for Stripe there: it
completes the gift through the same fulfilment functions as a verified webhook.
Nothing else differs from production.
"""

from sos_site.settings.production import *  # noqa: F403

DONATIONS_DEMO_GATEWAY = True
