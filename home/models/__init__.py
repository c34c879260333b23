from .pages import (
    AdvocacyPage,
    BasePage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    OfficesPage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePartner,
    StoryIndexPage,
    StoryPage,
)
from .settings import OrganisationSettings
from .snippets import Office, Partner, SiteFigure

__all__ = [
    "AdvocacyPage",
    "BasePage",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "Office",
    "OfficesPage",
    "OrganisationSettings",
    "Partner",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammePartner",
    "SiteFigure",
    "StoryIndexPage",
    "StoryPage",
]
