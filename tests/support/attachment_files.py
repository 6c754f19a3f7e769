"""Attachment files generated for the tests (never downloaded), each carrying planted values.

The planted values are what issue 17 found verbatim in stored attachments: a BSN, an IBAN, a
password, a phone number, an e-mail address, a name and a street address. Kept values (a customer
number, a domain) must stay readable.
"""

from __future__ import annotations

import io
import zipfile
from email import message_from_bytes, policy
from email.message import EmailMessage

BSN = "111222333"  # passes the eleven-test
IBAN = "NL91ABNA0417164300"
PASSWORD = "Zomer2024!xq"
PHONE = "06-12345678"
EMAIL = "jan.jansen@example.nl"
NAME = "Jan Jansen"
ADDRESS = "Kerkstraat 12"
CUSTOMER = "KL-48213"  # a customer number: kept
DOMAIN = "voorbeeldwinkel.nl"  # a domain: kept
PLANTED = (BSN, IBAN, PASSWORD, PHONE, EMAIL)

LINES = [
    f"Mijn BSN is {BSN} en mijn IBAN is {IBAN}.",
    f"Het wachtwoord van de beheeromgeving is: {PASSWORD}",
    f"Bel me op {PHONE} of mail {EMAIL}.",
    f"Klantnummer {CUSTOMER}, website {DOMAIN}.",
]


def pdf(pages: list[list[str]]) -> bytes:
    """A text PDF (PDF 1.4, ISO 32000-1 section 7.5): one content stream per page, Helvetica."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages (filled last)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")  # 3
    kids = []
    for lines in pages:
        ops = ["BT /F1 11 Tf 50 780 Td 14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx(lines: list[str] = LINES) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.sections[0].footer.paragraphs[0].text = f"{NAME}, {ADDRESS}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam", "BSN", "IBAN", "Klantnummer"])
    sheet.append([NAME, int(BSN), IBAN, CUSTOMER])  # the BSN as a number cell
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pptx(lines: list[str] = LINES) -> bytes:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    assert slide.shapes.title is not None
    slide.shapes.title.text = "\n".join(lines)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def odt(lines: list[str] = LINES) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in lines:
        document.text.addElement(P(text=line))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def ods() -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Blad1")
    for row_values in (["Naam", "IBAN"], [NAME, IBAN]):
        row = TableRow()
        for value in row_values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def rtf(lines: list[str] = LINES) -> bytes:
    body = "\\par\n".join(line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}") for line in lines)
    return ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Helvetica;}}\n\\f0 " + body + "\\par\n}").encode("ascii")


def zip_archive(names: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in names.items():
            zf.writestr(name, data)
    return out.getvalue()


def eml(body: str, attachments: list[tuple[str, str, bytes]] = (), subject: str = "Factuur") -> bytes:  # type: ignore[assignment]
    msg = EmailMessage()
    msg["From"] = f"{NAME} <{EMAIL}>"
    msg["To"] = "support@example.com"
    msg["Subject"] = subject
    msg["Date"] = "Thu, 03 Dec 2026 10:00:00 +0100"
    msg.set_content(body)
    for filename, ctype, data in attachments:
        if ctype == "message/rfc822":  # attached as a message part (RFC 2046 section 5.2.1), never base64
            msg.add_attachment(message_from_bytes(data, policy=policy.default), filename=filename)
            continue
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
SCREEN_LINES = [
    "Mijn gegevens - Beheeromgeving",
    f"Naam: {NAME}",
    f"Adres: {ADDRESS}, 1234 AB Utrecht",
    f"BSN: {BSN}",
    f"IBAN: {IBAN}",
    f"Telefoon: {PHONE}",
    f"E-mail: {EMAIL}",
    f"Klantnummer: {CUSTOMER}",
    f"Website: {DOMAIN}",
]


def screenshot(lines: list[str] = SCREEN_LINES, size: tuple[int, int] = (1000, 520), fmt: str = "PNG",
               exif_gps: bool = False) -> bytes:
    """A screenshot-like image: dark text on white in DejaVu Sans (Debian fonts-dejavu)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    for index, line in enumerate(lines):
        draw.text((40, 30 + 52 * index), line, fill=(20, 20, 20), font=font)
    out = io.BytesIO()
    options: dict[str, object] = {}
    if exif_gps:
        exif = Image.Exif()
        exif[0x010E] = f"photo of {NAME}"  # ImageDescription
        exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}  # GPSInfo
        options["exif"] = exif
    image.save(out, fmt, **options)
    return out.getvalue()


# A specimen MRZ (ICAO Doc 9303 part 4, appendix: the Utopian passport of Anna Maria Eriksson).
MRZ = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def passport() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1200, 600), (235, 240, 245))
    draw = ImageDraw.Draw(image)
    font, mono = ImageFont.truetype(FONT, 28), ImageFont.truetype(MONO, 30)
    for index, line in enumerate(["PASPOORT / PASSPORT", "Geslachtsnaam / Surname: ERIKSSON",
                                  "Nationaliteit / Nationality: UTOPIAN"]):
        draw.text((40, 40 + 50 * index), line, fill="black", font=font)
    for index, line in enumerate(MRZ):
        draw.text((40, 460 + 50 * index), line, fill="black", font=mono)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def scanned_pdf(lines: list[str] = SCREEN_LINES) -> bytes:
    """A PDF with no text layer: one page that is an image of the text (as a scanner makes it)."""
    from PIL import Image

    image = Image.open(io.BytesIO(screenshot(lines)))
    out = io.BytesIO()
    image.save(out, "PDF", resolution=150)
    return out.getvalue()
