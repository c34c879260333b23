"""What an uploaded file is, and the sentence for a file the import cannot read.

The bank's export is CSV text, an Excel workbook (XLSX) or a 1C ClientBankExchange
text file. Anything else (UTF-16 "Unicode text", an old XLS, a PDF, an image, a ZIP)
is named, and the finance team is told what to do, before any reader sees it.
"""

import io
import zipfile

from django.utils.translation import gettext as _

from ..models import StatementFormat
from .lines import StatementError

MAX_BYTES = 5 * 1024 * 1024
ONEC_HEADER = b"1CClientBankExchange"
UTF8_BOM = b"\xef\xbb\xbf"
SAMPLE = 4096


class Kind:
    TEXT = "text"
    XLSX = "xlsx"
    ONEC = "1c"
    UTF16 = "utf-16"
    XLS = "xls"
    ODS = "ods"
    ZIP = "zip"
    PDF = "pdf"
    MARKUP = "markup"
    BINARY = "binary"


# What each readable kind is read by.
READER_OF = {
    Kind.TEXT: StatementFormat.FileType.CSV,
    Kind.XLSX: StatementFormat.FileType.XLSX,
    Kind.ONEC: StatementFormat.FileType.ONEC,
}


def sniff(raw):
    """The Kind of a file, from its first bytes (and, for a ZIP, its table of contents)."""
    head = raw[:SAMPLE]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Kind.UTF16
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(raw)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Kind.XLS  # an OLE2 file: old Excel, or a password-protected workbook
    if head.startswith(b"%PDF"):
        return Kind.PDF
    if _looks_like_utf16(head):
        return Kind.UTF16
    start = head.removeprefix(UTF8_BOM).lstrip()
    if start.startswith(ONEC_HEADER):
        return Kind.ONEC
    if start[:14].lower().startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        return Kind.MARKUP  # a web page or an XML spreadsheet, often named .xls by banks
    if _looks_binary(head):
        return Kind.BINARY
    return Kind.TEXT


def _looks_like_utf16(head):
    """UTF-16 without a byte-order mark: Latin text has a NUL in every other byte."""
    if len(head) < 4:
        return False
    odd, even = head[1::2], head[0::2]
    odd_nul, even_nul = odd.count(0) / len(odd), even.count(0) / len(even)
    return (odd_nul > 0.4 and even_nul < 0.05) or (even_nul > 0.4 and odd_nul < 0.05)


def _looks_binary(head):
    controls = sum(1 for byte in head if byte < 0x20 and byte not in (0x09, 0x0A, 0x0C, 0x0D))
    return b"\x00" in head or controls > len(head) * 0.01


def _zip_kind(raw):
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return Kind.XLSX
            if "mimetype" in names and b"spreadsheet" in archive.read("mimetype"):
                return Kind.ODS
    except (zipfile.BadZipFile, OSError, KeyError):
        pass
    return Kind.ZIP


def describe(kind):
    """What a file of this kind is, in a few words."""
    return {
        Kind.TEXT: _("a text file (CSV)"),
        Kind.XLSX: _("an Excel workbook (XLSX)"),
        Kind.ONEC: _("a 1C bank exchange file (1CClientBankExchange)"),
    }[kind]


def refusal(kind):
    """The sentence for a kind no statement format reads, or None for a readable one."""
    return {
        Kind.UTF16: _(
            "This file is UTF-16 text (what Excel saves as “Unicode text”), which the import "
            "does not read. Save it again as “CSV UTF-8” or as an Excel workbook (XLSX), and "
            "upload that file."
        ),
        Kind.XLS: _(
            "This file is an old Excel workbook (XLS) or a workbook protected by a password. "
            "Open it, save it as an Excel workbook (XLSX) without a password or as CSV, and "
            "upload that file."
        ),
        Kind.ODS: _(
            "This file is an OpenDocument spreadsheet (ODS). Save it as an Excel workbook "
            "(XLSX) or as CSV, and upload that file."
        ),
        Kind.ZIP: _("This file is a ZIP archive. Unpack it and upload the statement inside."),
        Kind.MARKUP: _(
            "This file is a web page (HTML) or an XML spreadsheet, which some banks save under "
            "an .xls name. Open it in a spreadsheet program, save it as an Excel workbook (XLSX) "
            "or as CSV, and upload that file."
        ),
        Kind.PDF: _(
            "This file is a PDF document: the figures in a PDF cannot be read reliably. "
            "Export the statement from the bank as CSV, as an Excel workbook (XLSX) or as a "
            "1C file, and upload that."
        ),
        Kind.BINARY: _(
            "This file is not a statement: it holds binary data (an image or a program file, "
            "for example). Export the statement from the bank as CSV, as an Excel workbook "
            "(XLSX) or as a 1C file, and upload that."
        ),
    }.get(kind)


def check_kind(raw, statement_format):
    """The file's Kind, if ``statement_format`` reads it; else StatementError saying why."""
    if len(raw) > MAX_BYTES:
        raise StatementError([_("The file is larger than 5 MB.")])
    if not raw.strip():
        raise StatementError([_("The file is empty.")])
    kind = sniff(raw)
    sentence = refusal(kind)
    if sentence:
        raise StatementError([sentence])
    if READER_OF[kind] != statement_format.file_type:
        raise StatementError(
            [
                _(
                    "This file is %(what)s; the format “%(format)s” reads: %(expected)s. Choose "
                    "a format for this kind of file, or change the file type of this format under "
                    "Local giving → Statement formats (the column headings stay the same)."
                )
                % {
                    "what": describe(kind),
                    "format": statement_format.name,
                    "expected": statement_format.get_file_type_display(),
                }
            ]
        )
    return kind


def decode(raw, encoding):
    """The text of a CSV or 1C file, in the format's encoding (or detected)."""
    if encoding == StatementFormat.Encoding.AUTO:
        if raw.startswith(UTF8_BOM):
            encoding = "utf-8-sig"
        else:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                encoding = "cp1251"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise StatementError(
            [
                _(
                    "The file cannot be read as %(encoding)s (byte %(position)s). Choose another "
                    "encoding in the statement format, or export the statement again."
                )
                % {"encoding": encoding, "position": error.start}
            ]
        ) from error
    return text.removeprefix("\ufeff")
