"""PageSpec: one demo page, written in all three languages."""

from dataclasses import dataclass, field

from django.apps import apps

from .. import base


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable identity: the Kyrgyz page's translation_key derives from it
    model: str  # "app_label.ModelName"
    parent: str | None  # key of the parent spec; None for the home page
    slug: str  # the same slug in every language
    fields: dict  # field name -> value; T for texts, base.ImageRef / base.PageRef for FKs
    show_in_menus: bool = True
    links: dict = field(default_factory=dict)  # FK field -> page key, set once both exist
    partners: tuple = ()  # (snippet key, ProgrammePartner role)
    topics: tuple = ()  # keys of demo news topics (home.demo.snippets.NEWS_TOPICS)

    @property
    def translation_key(self):
        return base.demo_uuid("page", self.key)

    def build(self, language, lookup):
        """An unsaved page with this spec's fields in ``language``."""
        model = apps.get_model(self.model)
        values = {}
        for name, value in self.fields.items():
            resolved = base.resolve(value, language, lookup, f"{self.key}.{name}")
            if isinstance(value, base.ImageRef | base.PageRef):
                name = f"{name}_id"
            values[name] = resolved
        return model(
            slug=self.slug,
            translation_key=self.translation_key,
            show_in_menus=self.show_in_menus,
            **values,
        )
