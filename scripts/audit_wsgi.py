"""The WSGI application `make audit` serves: the site, plus /media/ from MEDIA_ROOT.

Production serves media from object storage or the web server in front of gunicorn
(docs/production.md), never from Django; the audit stands in for it with WhiteNoise,
with the bucket's Cache-Control (public, max-age=86400). autorefresh: Wagtail writes
image renditions while pages render, after this application has started.
"""

import os

from whitenoise import WhiteNoise

from sos_site.wsgi import application as site_application

application = WhiteNoise(
    site_application,
    root=os.environ["MEDIA_ROOT"],
    prefix="media/",
    max_age=86400,
    autorefresh=True,
)
