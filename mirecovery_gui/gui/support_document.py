"""The support request on paper: PDF (QPdfWriter) and print (QPrinter).

One QTextDocument serves both. Every value from the user is HTML-escaped; the
QR code of the mail link is drawn from its module matrix and printed large
enough for a phone camera, so the owner can send the request from their own
email by scanning the page.
"""

from __future__ import annotations

import datetime as dt
import errno
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from mirecovery_gui.core.support_request import ComposedRequest, MailLink, PreparedRequest
from mirecovery_gui.gui.widgets.qr_view import qr_image
from mirecovery_gui.store.files import write_file_atomically

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

QR_RESOURCE = QUrl("mirecovery://qr/mail-link.png")
QR_PRINT_PX = 220  # points on the page: about 7.8 cm, easy to scan from paper


def build_document(request: ComposedRequest, mail: MailLink, destination: str = "") -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.addResource(QTextDocument.ResourceType.ImageResource, QR_RESOURCE, qr_image(mail.url, modules_px=8))
    paragraphs = "".join(
        f"<p style='margin: 0 0 6px 0'>{html.escape(block).replace(chr(10), '<br>')}</p>"
        for block in request.body.split("\n\n")
    )
    send_to = QCoreApplication.translate("SupportDocument", "Send to:")
    where = f"<p><b>{html.escape(send_to)}</b> {html.escape(destination)}</p>" if destination else ""
    scan = html.escape(
        QCoreApplication.translate(
            "SupportDocument",
            "Scan this QR code with the owner's phone: it opens this request as an email from their own address.",
        )
    )
    facts_only = QCoreApplication.translate(
        "SupportDocument", "The QR code holds the main facts only; the full text is above."
    )
    shortened = "" if mail.complete else f"<p><i>{html.escape(facts_only)}</i></p>"
    prepared = html.escape(
        QCoreApplication.translate(
            "SupportDocument",
            "Prepared with mirecovery on {date}. Support answers in days; keep this page until then.",
        ).format(date=dt.date.today().isoformat())
    )
    document.setHtml(
        "<html><body style='font-family: sans-serif; font-size: 10.5pt'>"
        f"<h2 style='margin-bottom: 8px'>{html.escape(request.subject)}</h2>"
        f"{where}{paragraphs}"
        "<hr>"
        "<table cellspacing='0' cellpadding='0'><tr>"
        f"<td width='{QR_PRINT_PX + 20}'><img src='{QR_RESOURCE.toString()}' width='{QR_PRINT_PX}' "
        f"height='{QR_PRINT_PX}'></td>"
        f"<td valign='middle'><p>{scan}</p>{shortened}<p style='color: #555'>{prepared}</p></td>"
        "</tr></table>"
        "</body></html>"
    )
    return document


def _print_into(device: QPagedPaintDevice, document: QTextDocument) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(18, 18, 18, 18)
    )
    device.setPageLayout(layout)
    # Lay the text out with the device's own font metrics, not the screen's.
    document.documentLayout().setPaintDevice(device)
    document.print_(device)


def _document(prepared: PreparedRequest) -> tuple[ComposedRequest, QTextDocument]:
    if prepared.request is None:
        raise ValueError("the request is not ready")
    return prepared.request, build_document(prepared.request, prepared.qr_link(), prepared.destination_text)


def write_pdf(prepared: PreparedRequest, path: Path) -> None:
    """Write the request as a PDF at ``path``: the old file or the whole new one, never half.

    The PDF (some tens of kB) is drawn in memory and then written the way every
    file we save is (``write_file_atomically``): readable by its owner only, a
    folder or a link refused with a reason, no temporary file left behind.
    """
    request, document = _document(prepared)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(request.subject)
    writer.setCreator("mirecovery")
    _print_into(writer, document)
    del writer  # ends the PDF
    buffer.close()
    if data.isEmpty():  # QPdfWriter reports nothing when it fails
        raise OSError(errno.EIO, "the PDF could not be drawn", str(path))
    write_file_atomically(path, bytes(data.data()))


def print_request(prepared: PreparedRequest, printer: QPagedPaintDevice) -> None:
    _print_into(printer, _document(prepared)[1])
