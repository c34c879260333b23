"""StreamField blocks shared by the public pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading; keeps the page outline in order.")
        preview_value = {"text": "Ар бир балага сүйүктүү үй", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=24)
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "pick"
        template = "blocks/figure_block.html"
        label = _("Key figure")
        description = _("A number with a short caption, such as “40,000 children”.")
        preview_value = {"value": "133", "label": "countries and regions"}


class FiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FigureBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "blocks/figures_block.html"
        label = _("Key figures")
        description = _("A row of key figures.")
        preview_value = [{"value": "220", "label": "children moved into family care"}]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with its source.")
        preview_value = {"quote": "Every child needs a loving home.", "attribution": ""}


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=160)
    page = blocks.PageChooserBlock(label=_("Page"))
    button = blocks.CharBlock(label=_("Button label"), max_length=40)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A short sentence and a button that leads to a page, such as Donate.")
        preview_value = {"text": "Help a child grow up in a family.", "button": "Donate"}


class DirectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "arrow-right"
        template = "blocks/direction_block.html"
        label = _("Direction")
        description = _("One direction of work with a short explanation.")
        preview_value = {"title": "Rights of care leavers", "text": "<p>Housing and work.</p>"}


class BodyStreamBlock(blocks.StreamBlock):
    """The free-layout body used across page types."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
        icon="pilcrow",
        description=_("Formatted text."),
        preview_value="<p>SOS Children's Villages Kyrgyzstan supports families.</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="blocks/image_block.html",
        description=_("An image with its alternative text."),
    )
    quote = QuoteBlock()
    figures = FiguresBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Body")
