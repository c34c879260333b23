"""Head tags (canonical, description, sharing cards, JSON-LD), sitemap.xml and robots.txt."""

import json
import re
import xml.etree.ElementTree as ET

from .conftest import add_article, publish, translate_copy

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_article_head_has_canonical_description_and_cards(client, news_indexes, image):
    article = add_article(
        news_indexes["ru"], "Новый дом", intro="Семья получила дом.", image=image, topics=["семья"]
    )
    html = client.get(article.url).text
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    assert '<meta name="description" content="Семья получила дом.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Новый дом">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og_image.startswith("http://testserver/media/images/")
    assert '<meta property="og:image:width" content="1200">' in html


def test_seo_title_and_search_description_win(client, news_indexes):
    article = add_article(news_indexes["en"], "Plain title", intro="The intro.")
    article.seo_title = "Better title for search"
    article.search_description = "A description written for search engines."
    publish(article)
    html = client.get(article.url).text
    assert "<title>Better title for search ·" in html
    assert 'content="A description written for search engines."' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_news_article_structured_data(client, news_indexes, image):
    article = add_article(
        news_indexes["en"], "A new family home", intro="Good news.", image=image, topics=["family"]
    )
    (data,) = json_ld(client.get(article.url).text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "A new family home"
    assert data["datePublished"] == "2026-05-01"
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"] == f"http://testserver{article.url}"
    assert data["image"][0].startswith("http://testserver/media/images/")
    assert data["publisher"]["@type"] == "NGO"
    assert data["keywords"] == ["family"]


def test_home_page_structured_data_is_an_ngo(client, homes):
    (data,) = json_ld(client.get("/ky/").text)
    assert data["@type"] == "NGO"
    assert data["telephone"] == "+996 312 611546"
    assert data["slogan"] == "Ар бир балага сүйүктүү үй"
    assert data["url"] == "http://testserver/ky/"


def test_structured_data_cannot_break_out_of_its_script(client, news_indexes):
    article = add_article(news_indexes["en"], "</script><script>alert(1)</script> & more")
    html = client.get(article.url).text
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html
    (data,) = json_ld(html)
    assert data["headline"] == "</script><script>alert(1)</script> & more"


def test_sitemap_lists_every_locale_with_hreflang_alternates(client, news_indexes):
    both = add_article(news_indexes["ru"], "Переведённая")
    translate_copy(both, news_indexes["ky"].locale)
    only_ru = add_article(news_indexes["ru"], "Только по-русски")
    add_article(news_indexes["ru"], "Черновик", live=False)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)  # noqa: S314 - our own output
    urls = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }
    for code in ("ky", "ru", "en"):
        assert f"http://testserver/{code}/" in urls
        assert f"http://testserver/{code}/news/" in urls
    assert urls["http://testserver/ru/"] == {
        "ky": "http://testserver/ky/",
        "ru": "http://testserver/ru/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/ky/",
    }
    ru_url = f"http://testserver{both.url}"
    ky_url = f"http://testserver{both.get_translation(news_indexes['ky'].locale).url}"
    assert urls[ru_url] == urls[ky_url] == {"ru": ru_url, "ky": ky_url, "x-default": ky_url}
    # Absence, not alias: an untranslated page has no alternates, drafts are not listed.
    assert urls[f"http://testserver{only_ru.url}"] == {}
    assert not any("chernovik" in loc or "черновик" in loc for loc in urls)


def test_robots_txt_points_to_the_sitemap(client, homes):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /ru/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
