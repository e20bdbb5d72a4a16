"""The support request on paper: PDF (QPdfWriter) and print (QPrinter).

One QTextDocument serves both. Every value from the user is HTML-escaped; the
QR code (a mail draft to the support address, or the web form's address) is
drawn from its module matrix and printed large enough for a phone camera, so
the owner can send the request from their own phone by scanning the page.

The page is the letter's: its own lines (where it goes, what the QR code
holds, the footer) are in the request's language, from the core's data, not
in the app's.
"""

from __future__ import annotations

import datetime as dt
import errno
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from mirecovery_gui.core.support_request import ComposedRequest, PreparedRequest, text_for
from mirecovery_gui.gui.widgets.qr_view import qr_image
from mirecovery_gui.store.files import write_file_atomically

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

QR_RESOURCE = QUrl("mirecovery://qr/support-request.png")
QR_PRINT_PX = 220  # points on the page: about 7.8 cm, easy to scan from paper


def build_document(prepared: PreparedRequest, today: dt.date | None = None) -> QTextDocument:
    """The request as a page; raises ValueError while it is not ready."""
    request = prepared.request
    if request is None:
        raise ValueError("the request is not ready")
    language = prepared.language
    document = QTextDocument()
    document.setDocumentMargin(0)
    paragraphs = "".join(
        f"<p style='margin: 0 0 6px 0'>{html.escape(block).replace(chr(10), '<br>')}</p>"
        for block in request.body.split("\n\n")
    )
    where = ""
    if prepared.destination_text:
        trust = f" ({html.escape(text_for('unverified', language))})" if prepared.unverified else ""
        where = (
            f"<p><b>{html.escape(text_for('send_to', language))}</b> "
            f"{html.escape(prepared.destination_text)}{trust}</p>"
        )
    footer = html.escape(text_for("footer", language).format(date=(today or dt.date.today()).isoformat()))
    qr = prepared.qr()
    if qr is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QR_RESOURCE, qr_image(qr.text, modules_px=8))
        scan = html.escape(prepared.qr_description())
        bottom = (
            "<table cellspacing='0' cellpadding='0'><tr>"
            f"<td width='{QR_PRINT_PX + 20}'><img src='{QR_RESOURCE.toString()}' width='{QR_PRINT_PX}' "
            f"height='{QR_PRINT_PX}'></td>"
            f"<td valign='middle'><p>{scan}</p><p style='color: #555'>{footer}</p></td>"
            "</tr></table>"
        )
    else:
        bottom = f"<p style='color: #555'>{footer}</p>"
    document.setHtml(
        "<html><body style='font-family: sans-serif; font-size: 10.5pt'>"
        f"<h2 style='margin-bottom: 8px'>{html.escape(request.subject)}</h2>"
        f"{where}{paragraphs}<hr>{bottom}"
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
    return prepared.request, build_document(prepared)


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
