from .content import AdvocacyPage, ContentPage, OfficesPage
from .home_page import HomePage
from .news import NewsIndexPage, NewsPage, NewsPageTopic
from .privacy import PrivacyPage
from .programmes import ProgrammeIndexPage, ProgrammePage, ProgrammePartner
from .snippets import NewsTopic, Office, Partner, SiteFigure
from .stories import StoryIndexPage, StoryPage

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
