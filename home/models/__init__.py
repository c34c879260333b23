from .pages import (
    AdvocacyPage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTopic,
    OfficesPage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePartner,
    StoryIndexPage,
    StoryPage,
)
from .privacy import PrivacyPage
from .snippets import NewsTopic, Office, Partner, SiteFigure

__all__ = [
    "AdvocacyPage",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTopic",
    "NewsTopic",
    "Office",
    "OfficesPage",
    "Partner",
    "PrivacyPage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammePartner",
    "SiteFigure",
    "StoryIndexPage",
    "StoryPage",
]
