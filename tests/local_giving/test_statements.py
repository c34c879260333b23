import datetime
from decimal import Decimal

import pytest

from donations.models import Donation
from local_giving.models import StatementImport, StatementLine
from local_giving.statements import StatementError, import_statement, parse_amount, parse_date

from .keyboards import cyrillic_twin

HEADER = "Дата;Номер документа;Сумма;Валюта;Плательщик;Назначение платежа"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1000", "1000"),
        ("1 000,50", "1000.50"),
        ("1\u00a0000,50", "1000.50"),
        ("1,000.50", "1000.50"),
        ("1.000,50", "1000.50"),
        ("1,000,000", "1000000"),
        ("250,5", "250.5"),
        ("-250,00", "-250"),
        ("\u2212250", "-250"),
        ("(250.00)", "-250"),
        ("250,00-", "-250"),
        ("+75", "75"),
    ],
)
def test_amounts_in_bank_formats(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "10.5.5", "1.005", "12,345"[:0] + "1,0001"])
def test_unreadable_amounts(text):
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25.11.2026", "2026-11-25"),
        ("2026-11-25", "2026-11-25"),
        ("25.11.2026 14:03", "2026-11-25"),
    ],
)
def test_dates_in_bank_formats(text, value):
    assert parse_date(text) == datetime.date.fromisoformat(value)


def statement(*lines, header=HEADER, encoding="utf-8", delimiter=";"):
    text = "\r\n".join([header.replace(";", delimiter), *lines]) + "\r\n"
    return text.encode(encoding)


def test_import_matches_skips_and_lists_unmatched(
    make_pledge, statement_format, finance_user, accounts
):
    one = make_pledge()
    two = make_pledge(amount=Decimal("2500"))
    usd = make_pledge(currency="USD", amount=Decimal("20"))
    raw = statement(
        f"20.11.2026;A1;1 000,00;KGS;Асанова А.;Кайрымдуулук {one.reference_code}",
        f"20.11.2026;A2;2 000,50;KGS;Петров П.;пожертвование {two.reference_code.lower()}",
        "21.11.2026;A3;-5 000,00;KGS;SOS;Комиссия банка",
        "21.11.2026;A4;300;KGS;Иванов И.;на детей",
        f"22.11.2026;A5;20;EUR;Müller;{usd.reference_code}",
        encoding="cp1251" if False else "utf-8",
    )
    record = import_statement(raw, statement_format, file_name="nov.csv", user=finance_user)
    assert (record.lines_read, record.lines_new, record.lines_matched) == (5, 5, 2)
    assert (record.lines_unmatched, record.lines_skipped) == (2, 1)

    one.refresh_from_db()
    two.refresh_from_db()
    usd.refresh_from_db()
    assert one.status == two.status == Donation.Status.PAID
    assert two.amount == Decimal("2000.50") and two.pledged_amount == Decimal("2500")
    assert two.received_on == datetime.date(2026, 11, 20)
    assert usd.status == Donation.Status.PENDING

    lines = {line.transaction_key: line for line in StatementLine.objects.all()}
    assert lines["id:A2"].donation == two and "pledged 2500" in lines["id:A2"].note
    assert lines["id:A3"].status == StatementLine.Status.SKIPPED
    assert "Outgoing" in lines["id:A3"].note
    assert lines["id:A4"].status == StatementLine.Status.UNMATCHED
    assert "No payment reference" in lines["id:A4"].note
    assert lines["id:A5"].status == StatementLine.Status.UNMATCHED
    assert "Wrong currency" in lines["id:A5"].note


def test_importing_the_same_statement_twice_changes_nothing(make_pledge, statement_format):
    pledge = make_pledge()
    raw = statement(
        f"20.11.2026;A1;1000;KGS;Асанова А.;{pledge.reference_code}",
        "21.11.2026;A4;300;KGS;Иванов И.;на детей",
    )
    import_statement(raw, statement_format, file_name="a.csv")
    again = import_statement(raw, statement_format, file_name="a.csv")
    assert (again.lines_new, again.lines_already_imported) == (0, 2)
    assert StatementLine.objects.count() == 2
    assert Donation.objects.filter(status=Donation.Status.PAID).count() == 1


def test_lines_without_transaction_id_are_recognised_by_content(make_pledge, statement_format):
    statement_format.transaction_id_column = ""
    statement_format.save()
    header = "Дата;Сумма;Валюта;Плательщик;Назначение платежа"
    same = "21.11.2026;300;KGS;Иванов И.;на детей"
    raw = statement(same, same, header=header)
    first = import_statement(raw, statement_format, file_name="a.csv")
    # Two identical transfers on one day are two gifts: nothing is lost.
    assert first.lines_new == 2
    # A later statement repeating them (and adding a line) imports only the new one.
    second = import_statement(
        statement(same, same, "22.11.2026;50;KGS;X;y", header=header),
        statement_format,
        file_name="b.csv",
    )
    assert (second.lines_new, second.lines_already_imported) == (1, 2)


def test_a_bad_line_imports_nothing(make_pledge, statement_format):
    pledge = make_pledge()
    raw = statement(
        f"20.11.2026;A1;1000;KGS;Асанова А.;{pledge.reference_code}",
        "32.13.2026;A2;300;KGS;Иванов И.;на детей",
        "21.11.2026;A3;сто;KGS;Иванов И.;на детей",
    )
    with pytest.raises(StatementError) as error:
        import_statement(raw, statement_format, file_name="bad.csv")
    assert [p.split(":")[0] for p in error.value.problems] == ["Line 3", "Line 4"]
    assert not StatementImport.objects.exists()
    assert not StatementLine.objects.exists()
    pledge.refresh_from_db()
    assert pledge.status == Donation.Status.PENDING


def test_a_failure_while_writing_rolls_everything_back(make_pledge, statement_format):
    pledge = make_pledge()
    raw = statement(f"20.11.2026;A1;1000;KGS;Асанова А.;{pledge.reference_code}")
    # The same bank transaction id twice in one file is refused before anything is written.
    with pytest.raises(StatementError, match="more than one line"):
        import_statement(raw + raw.split(b"\r\n", 1)[1], statement_format, file_name="dup.csv")
    pledge.refresh_from_db()
    assert pledge.status == Donation.Status.PENDING
    assert not StatementLine.objects.exists()


def test_windows_1251_and_bom_and_comma_delimiter(make_pledge, statement_format):
    pledge = make_pledge()
    line = f"20.11.2026;A1;1000,00;KGS;Асанова А.;Пожертвование {pledge.reference_code}"
    record = import_statement(
        statement(line, encoding="cp1251"), statement_format, file_name="1251.csv"
    )
    assert record.lines_matched == 1
    assert StatementLine.objects.get().payer == "Асанова А."

    other = make_pledge()
    comma = f'2026-11-21,B1,"1 000,00",KGS,"Петров, П.",{other.reference_code}'
    raw = "\ufeff".encode() + statement(comma, delimiter=",")
    assert import_statement(raw, statement_format, file_name="bom.csv").lines_matched == 1


def test_wrong_encoding_is_a_clear_error(statement_format):
    statement_format.encoding = "utf-8"
    statement_format.save()
    raw = statement("20.11.2026;A1;1000;KGS;Асанова;x", encoding="cp1251")
    with pytest.raises(StatementError, match="cannot be read as utf-8"):
        import_statement(raw, statement_format, file_name="x.csv")


def test_wrong_columns_are_a_clear_error(statement_format):
    raw = statement("20.11.2026;1000;x", header="Date;Amount;Details")
    with pytest.raises(StatementError, match="Columns not found: “Дата”") as error:
        import_statement(raw, statement_format, file_name="x.csv")
    assert "“Details”" in str(error.value)
    assert not StatementImport.objects.exists()


def test_a_line_with_missing_columns_is_reported(statement_format):
    raw = statement("20.11.2026;A1;1000")
    with pytest.raises(StatementError, match="Line 2: 3 columns instead of 6"):
        import_statement(raw, statement_format, file_name="x.csv")


def test_a_reference_typed_in_cyrillic_matches_like_its_latin_twin(make_pledge, statement_format):
    latin, cyrillic = make_pledge(), make_pledge()
    typed = cyrillic_twin(cyrillic.reference_code).lower()
    raw = statement(
        f"20.11.2026;A1;1000;KGS;Асанова А.;Кайрымдуулук {latin.reference_code}",
        f"20.11.2026;A2;1000;KGS;Петров П.;Кайрымдуулук {typed}",
    )
    record = import_statement(raw, statement_format, file_name="ky.csv")
    assert record.lines_matched == 2
    lines = {line.transaction_key: line for line in StatementLine.objects.all()}
    assert lines["id:A1"].donation == latin and lines["id:A2"].donation == cyrillic
    assert lines["id:A2"].purpose.endswith(typed)  # the bank's text is kept as it came
