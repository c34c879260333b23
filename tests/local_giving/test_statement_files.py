"""The statements banks actually give, imported through the admin view: debit and credit
columns, Excel workbooks, 1C ClientBankExchange files; and the files the import cannot
read, each named with what to do (never a Python error)."""

import datetime
import io
import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from openpyxl import Workbook

from donations.models import Donation
from local_giving.models import StatementFormat, StatementImport, StatementLine
from local_giving.statements import StatementError, import_statement

from .keyboards import cyrillic_twin

IMPORT = "/admin/bank-transfers/import/"
OUR_ACCOUNT = "1180000012345678"


@pytest.fixture
def day():
    return datetime.date.today() - datetime.timedelta(days=2)


def upload(client, statement_format, name, raw):
    return client.post(
        IMPORT,
        {"statement_format": statement_format.pk, "file": SimpleUploadedFile(name, raw)},
        follow=True,
    )


def debit_credit_format(file_type=StatementFormat.FileType.CSV):
    return StatementFormat.objects.create(
        name=f"Debit and credit ({file_type})",
        file_type=file_type,
        date_column="Дата",
        debit_column="Дебет",
        credit_column="Кредит",
        purpose_column="Назначение платежа",
        transaction_id_column="Номер документа",
        payer_column="Плательщик",
    )


# Debit and credit columns ------------------------------------------------------------------


def test_debit_and_credit_columns_in_a_csv(client, finance_user, make_pledge, day):
    pledge = make_pledge()
    fmt = debit_credit_format()
    raw = "\r\n".join(
        [
            "Дата;Номер документа;Дебет;Кредит;Плательщик;Назначение платежа",
            f"{day:%d.%m.%Y};D1;;1 000,00;Асанова А.;Кайрымдуулук {pledge.reference_code}",
            f"{day:%d.%m.%Y};D2;250,00;;SOS;Комиссия банка",
            f"{day:%d.%m.%Y};D3;;300,00;Иванов И.;на детей",
        ]
    ).encode("cp1251")
    client.force_login(finance_user)
    html = upload(client, fmt, "debit-credit.csv", raw).content.decode()
    assert "3 lines read" in html and "1 matched" in html and "1 outgoing skipped" in html
    lines = {line.transaction_key: line for line in StatementLine.objects.all()}
    assert lines["id:D1"].donation == pledge and lines["id:D1"].amount == Decimal("1000")
    assert lines["id:D2"].status == StatementLine.Status.SKIPPED
    assert lines["id:D2"].amount == Decimal("-250")
    assert lines["id:D3"].status == StatementLine.Status.UNMATCHED


def test_a_row_without_debit_or_credit_is_reported(db):
    fmt = debit_credit_format()
    raw = "Дата;Номер документа;Дебет;Кредит;Плательщик;Назначение платежа\n01.11.2026;X;;;A;b\n"
    with pytest.raises(StatementError, match="Line 2: neither a debit nor a credit"):
        import_statement(raw.encode(), fmt, file_name="x.csv")


@pytest.mark.parametrize(
    ("columns", "field"),
    [
        ({}, "amount_column"),
        ({"amount_column": "Сумма", "credit_column": "Кредит"}, "amount_column"),
        ({"credit_column": "Кредит"}, "debit_column"),
        ({"debit_column": "Дебет"}, "credit_column"),
    ],
)
def test_a_format_has_one_amount_or_debit_and_credit(db, columns, field):
    fmt = StatementFormat(
        name="x", date_column="Дата", purpose_column="Назначение платежа", **columns
    )
    with pytest.raises(ValidationError) as error:
        fmt.full_clean()
    assert field in error.value.message_dict
    StatementFormat(name="1c", file_type=StatementFormat.FileType.ONEC).full_clean()


# Excel workbooks -----------------------------------------------------------------------------


def workbook(rows, title_rows=()):
    book = Workbook()
    sheet = book.active
    for row in [*title_rows, *rows]:
        sheet.append(list(row))
    book.create_sheet("Second sheet").append(["ignored"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_statement_is_read_from_its_first_sheet(client, finance_user, make_pledge, day):
    pledge, typed = make_pledge(amount=Decimal("1000.50")), make_pledge()
    fmt = debit_credit_format(StatementFormat.FileType.XLSX)
    moment = datetime.datetime.combine(day, datetime.time(14, 3))
    raw = workbook(
        [
            ["Дата", "Номер документа", "Дебет", "Кредит", "Плательщик", "Назначение платежа"],
            [moment, 7001, None, 1000.5, "Асанова А.", f"Кайрымдуулук {pledge.reference_code}"],
            [day, 7002, 120, None, "SOS", "Комиссия"],
            [day, 7003, None, 1000, "Петров П.", cyrillic_twin(typed.reference_code).lower()],
            [day, 7004, None, "300,00", "Иванов И.", "на детей"],
            [None, None, None, None, None, None],
        ],
        title_rows=[["Выписка по счету", OUR_ACCOUNT], []],
    )
    client.force_login(finance_user)
    html = upload(client, fmt, "statement.xlsx", raw).content.decode()
    assert "4 lines read" in html and "2 matched" in html, html
    pledge.refresh_from_db()
    typed.refresh_from_db()
    assert pledge.status == typed.status == Donation.Status.PAID
    assert pledge.amount == Decimal("1000.50") and pledge.received_on == day
    line = StatementLine.objects.get(transaction_key="id:7004")
    assert line.line_number == 7 and line.amount == Decimal("300")
    assert line.status == StatementLine.Status.UNMATCHED
    # Again: nothing new.
    html = upload(client, fmt, "statement.xlsx", raw).content.decode()
    assert "0 new" in html and "4 already imported" in html


def test_an_xlsx_with_missing_headings_lists_what_it_has(client, finance_user):
    fmt = debit_credit_format(StatementFormat.FileType.XLSX)
    raw = workbook([["Date", "Amount", "Details"], ["2026-11-01", 5, "x"]])
    client.force_login(finance_user)
    html = upload(client, fmt, "other.xlsx", raw).content.decode()
    assert "Nothing was imported" in html
    assert "Columns not found" in html and "“Details”" in html


# 1C ClientBankExchange ------------------------------------------------------------------------


def exchange(documents, *, our_account=OUR_ACCOUNT, encoding_line="Windows"):
    header = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        f"Кодировка={encoding_line}",
        "Отправитель=Бухгалтерия",
        "Получатель=",
        "ДатаНачала=01.11.2026",
        "ДатаКонца=30.11.2026",
    ]
    if our_account:
        header += [
            f"РасчСчет={our_account}",
            "СекцияРасчСчет",
            "ДатаНачала=01.11.2026",
            f"РасчСчет={our_account}",
            "НачальныйОстаток=10000.00",
            "КонецРасчСчет",
        ]
    body = []
    for fields in documents:
        body.append("СекцияДокумент=Платежное поручение")
        body += [f"{key}={value}" for key, value in fields.items()]
        body.append("КонецДокумента")
    return "\r\n".join([*header, *body, "КонецФайла", ""])


# Windows-1251 has no ң, ө, ү: a 1C file spells Kyrgyz names with Russian letters.
def payment(number, day, amount, purpose, *, incoming=True, payer="Асанова Айгуль"):
    other = "1090000098765432"
    return {
        "Номер": number,
        "Дата": f"{day:%d.%m.%Y}",
        "Сумма": amount,
        "ПлательщикСчет": other if incoming else OUR_ACCOUNT,
        "Плательщик": payer if incoming else "ОФ SOS Балдар Кыштактары",
        "ПолучательСчет": OUR_ACCOUNT if incoming else other,
        "Получатель": "ОФ SOS Балдар Кыштактары" if incoming else "Поставщик",
        "НазначениеПлатежа": purpose,
        "ДатаПоступило" if incoming else "ДатаСписано": f"{day:%d.%m.%Y}",
    }


@pytest.fixture
def onec_format(db):
    return StatementFormat.objects.create(
        name="1C (KGS account)", file_type=StatementFormat.FileType.ONEC
    )


def test_a_1c_exchange_file_in_windows_1251(client, finance_user, make_pledge, onec_format, day):
    pledge, other = make_pledge(), make_pledge(amount=Decimal("500"))
    text = exchange(
        [
            payment("15", day, "1000.00", f"Кайрымдуулук жардам {pledge.reference_code}"),
            payment("16", day, "2500.00", "Оплата за услуги", incoming=False),
            payment("15", day, "500.00", "Пожертвование"),  # the bank dropped the reference
            {
                **payment("17", day, "500.00", "Пожертвование для"),
                "НазначениеПлатежа1": cyrillic_twin(other.reference_code),
            },
        ]
    )
    raw = text.encode("cp1251")
    client.force_login(finance_user)
    html = upload(client, onec_format, "kl_to_1c.txt", raw).content.decode()
    assert "4 lines read" in html and "2 matched" in html and "1 outgoing skipped" in html, html
    pledge.refresh_from_db()
    other.refresh_from_db()
    assert pledge.status == other.status == Donation.Status.PAID
    assert pledge.received_on == day and pledge.amount == Decimal("1000")
    lines = StatementLine.objects.order_by("line_number")
    assert [line.amount for line in lines] == [
        Decimal("1000"),
        Decimal("-2500"),
        Decimal("500"),
        Decimal("500"),
    ]
    assert lines[0].payer == "Асанова Айгуль" and lines[0].currency == "KGS"
    assert lines[2].status == StatementLine.Status.UNMATCHED
    html = upload(client, onec_format, "kl_to_1c.txt", raw).content.decode()
    assert "0 new" in html and "4 already imported" in html


def test_1c_without_our_account_tells_direction_by_the_dates(onec_format, day):
    text = exchange(
        [payment("1", day, "100.00", "x"), payment("2", day, "200.00", "y", incoming=False)],
        our_account=None,
    )
    import_statement(text.encode("cp1251"), onec_format, file_name="1c.txt")
    assert [line.amount for line in StatementLine.objects.order_by("line_number")] == [
        Decimal("100"),
        Decimal("-200"),
    ]


def test_1c_in_dos_encoding(onec_format, make_pledge, day):
    pledge = make_pledge()
    text = exchange([payment("1", day, "1000.00", f"Пожертвование {pledge.reference_code}")])
    raw = text.replace("Кодировка=Windows", "Кодировка=DOS").encode("cp866")
    record = import_statement(raw, onec_format, file_name="dos.txt")
    assert record.lines_matched == 1
    assert StatementLine.objects.get().payer == "Асанова Айгуль"


def test_a_broken_1c_file_lists_its_documents(onec_format, day):
    text = exchange([payment("1", day, "сто", "x"), payment("2", day, "5.00", "y")])
    text = text.replace("КонецДокумента\r\nКонецФайла", "КонецФайла")
    with pytest.raises(StatementError) as error:
        import_statement(text.encode("cp1251"), onec_format, file_name="1c.txt")
    problems = " ".join(error.value.problems)
    assert "the amount “сто” cannot be read" in problems
    assert "not closed" in problems
    assert not StatementLine.objects.exists()


# Files the import cannot read ----------------------------------------------------------------


def utf16_csv():
    text = "Дата\tСумма\tНазначение платежа\r\n01.11.2026\t1000\tSOS-AAAA-AAAA\r\n"
    return text.encode("utf-16")


def pdf_bytes():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make_raw", "sentence"),
    [
        ("unicode.csv", utf16_csv, "This file is UTF-16 text"),
        ("utf16-no-bom.csv", lambda: utf16_csv()[2:], "This file is UTF-16 text"),
        ("random.csv", lambda: random.Random(16).randbytes(3000), "it holds binary data"),
        ("statement.pdf", pdf_bytes, "This file is a PDF document"),
        (
            "statement.csv",
            lambda: workbook([["Дата", "Сумма"], ["01.11.2026", 5]]),
            "This file is an Excel workbook (XLSX); the format “Demo bank” reads: CSV",
        ),
        (
            "kl_to_1c.csv",
            lambda: exchange([]).encode("cp1251"),
            "This file is a 1C bank exchange file (1CClientBankExchange); the format",
        ),
        (
            "old.xls",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "old Excel workbook (XLS)",
        ),
        (
            "statement.xls",
            lambda: "<html><body><table><tr><td>Дата</td></tr></table></body></html>".encode(),
            "This file is a web page (HTML) or an XML spreadsheet",
        ),
        (
            "unclosed.csv",
            lambda: (
                "Дата;Номер документа;Сумма;Валюта;Плательщик;Назначение платежа\n"
                '01.11.2026;A1;5;KGS;"' + "x" * 140_000 + "\n"
            ).encode(),
            "Line 2 cannot be read as CSV: a quotation mark is not closed",
        ),
    ],
)
def test_unreadable_files_are_named_with_what_to_do(
    client, finance_user, statement_format, name, make_raw, sentence
):
    client.force_login(finance_user)
    response = upload(client, statement_format, name, make_raw())
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert "Nothing was imported" in html
    assert sentence in html
    assert "field larger" not in html and "Traceback" not in html
    assert not StatementImport.objects.exists()


def test_a_workbook_too_large_once_unpacked_is_refused(finance_user):
    import zipfile

    fmt = debit_credit_format(StatementFormat.FileType.XLSX)
    raw = io.BytesIO(workbook([["Дата", "Дебет"]]))
    with zipfile.ZipFile(raw, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", bytes(61 * 1024 * 1024))
    assert len(raw.getvalue()) < 5 * 1024 * 1024
    with pytest.raises(StatementError, match="too large once unpacked"):
        import_statement(raw.getvalue(), fmt, file_name="bomb.xlsx")


def test_a_text_file_for_an_xlsx_format_is_named(finance_user, statement_format):
    fmt = debit_credit_format(StatementFormat.FileType.XLSX)
    with pytest.raises(StatementError, match="This file is a text file \\(CSV\\)"):
        import_statement("Дата;Сумма\n".encode(), fmt, file_name="x.csv")


def test_refusals_are_translated(client, finance_user, statement_format):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=finance_user).update(preferred_language="ru")
    client.force_login(finance_user)
    html = upload(client, statement_format, "u.csv", utf16_csv()).content.decode()
    assert "UTF-16" in html and "This file is" not in html


def test_the_admin_form_asks_for_an_amount_or_debit_and_credit(client, finance_user):
    client.force_login(finance_user)
    url = "/admin/snippets/local_giving/statementformat/add/"
    data = {
        "name": "Bakai CSV",
        "file_type": "csv",
        "encoding": "auto",
        "delimiter": "auto",
        "default_currency": "KGS",
        "date_column": "Дата",
        "purpose_column": "Назначение",
        "debit_column": "Дебет",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give either one amount column, or a debit and a credit column." in (
        response.content.decode()
    )
    assert client.post(url, {**data, "credit_column": "Кредит"}).status_code == 302
    assert StatementFormat.objects.get(name="Bakai CSV").has_debit_and_credit
    onec = {"name": "1C", "file_type": "1c", "encoding": "auto", "delimiter": "auto"}
    assert client.post(url, {**onec, "default_currency": "KGS"}).status_code == 302
