"""Site search: the visitor's locale only, live pages only, highlighted and paginated."""

from home.views import highlight, search_terms

from .conftest import add_article


def test_highlight_escapes_text_and_query():
    terms = search_terms("<b> дом")
    html = highlight("<b>Дом</b> для семьи & дом", terms)
    assert html == (
        "<mark>&lt;b&gt;</mark><mark>Дом</mark>&lt;/b&gt; для семьи &amp; <mark>дом</mark>"
    )
    assert highlight("a & b", []) == "a &amp; b"


def test_search_finds_only_live_pages_of_the_visitors_locale(client, news_indexes):
    add_article(news_indexes["ru"], "Приёмная семья в Бишкеке", intro="История о семье.")
    add_article(news_indexes["ru"], "Семья черновик", live=False)
    add_article(news_indexes["ky"], "Бишкектеги үй-бүлө", intro="Бишкек")
    add_article(news_indexes["en"], "Family in Bishkek", intro="Bishkek")

    response = client.get("/ru/search/", {"q": "Бишкеке"})
    assert response.status_code == 200
    titles = [result["page"].title for result in response.context["results"]]
    assert titles == ["Приёмная семья в Бишкеке"]
    assert "Приёмная семья в <mark>Бишкеке</mark>" in response.text

    ky = client.get("/ky/search/", {"q": "Бишкек"})
    assert [r["page"].locale.language_code for r in ky.context["results"]] == ["ky"]
    en = client.get("/en/search/", {"q": "Bishkek"})
    assert [r["page"].title for r in en.context["results"]] == ["Family in Bishkek"]
    assert "Family in <mark>Bishkek</mark>" in en.text
    assert "<mark>Bishkek</mark>" in en.text.split("search-result__intro")[1]


def test_search_escapes_page_titles(client, news_indexes):
    add_article(news_indexes["en"], "Tags <em>inside</em> a title")
    response = client.get("/en/search/", {"q": "inside"})
    assert "Tags &lt;em&gt;<mark>inside</mark>&lt;/em&gt; a title" in response.text
    assert "<em>inside</em>" not in response.text


def test_search_paginates(client, news_indexes):
    for n in range(12):
        add_article(news_indexes["en"], f"Children's club number {n}")
    first = client.get("/en/search/", {"q": "club"})
    assert first.context["results"].paginator.count == 12
    assert len(first.context["results"]) == 10
    last = client.get("/en/search/", {"q": "club", "page": "99999999999999"})
    assert last.status_code == 200
    assert len(last.context["results"]) == 2


def test_empty_and_unmatched_queries(client, news_indexes):
    empty = client.get("/en/search/")
    assert empty.status_code == 200
    assert empty.context["results"] is None
    none = client.get("/en/search/", {"q": "zzzqqq"})
    assert none.status_code == 200
    assert "Nothing was found" in none.text
