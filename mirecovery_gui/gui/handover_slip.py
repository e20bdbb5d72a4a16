"""The owner's hand-over slip: what to do with the phone now, on paper, never the password.

A half page the shop prints (or saves as PDF) and gives the owner with the
phone: the case number to quote if they come back, the date, the masked
account, and the steps. It is written in the app's language, for the owner.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from mirecovery_gui.recovery.calls import HandOver
from mirecovery_gui.store.files import write_file_atomically


def steps() -> list[str]:
    """The owner's steps, the same on the done page and on the slip."""
    return [
        QCoreApplication.translate(
            "HandOverSlip",
            "Type the new password into the phone yourself: Settings > Mi Account (Xiaomi Account on "
            "HyperOS). mirecovery does not keep it, print it or show it again.",
        ),
        QCoreApplication.translate(
            "HandOverSlip", "Sign in again with it on the phone; other devices and Mi Cloud will ask for it too."
        ),
        QCoreApplication.translate(
            "HandOverSlip",
            "Check that Find device is on (Settings > Mi Account > Find device), so a lost phone can be found.",
        ),
        QCoreApplication.translate(
            "HandOverSlip",
            "Keep the password where only you can reach it (a password manager, or on paper at home). "
            "Never give a verification code to anyone, not even someone who says they are from Xiaomi.",
        ),
    ]


def build_slip(facts: HandOver, when: dt.datetime | None = None) -> QTextDocument:
    moment = (when or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    rows = []
    if facts.case_number:
        rows.append((QCoreApplication.translate("HandOverSlip", "Case number"), facts.case_number))
    rows.append((QCoreApplication.translate("HandOverSlip", "Date"), moment))
    if facts.account:
        rows.append((QCoreApplication.translate("HandOverSlip", "Mi Account"), facts.account))
    if facts.staff:
        rows.append((QCoreApplication.translate("HandOverSlip", "Helped by"), facts.staff))
    table = "".join(
        f"<tr><td style='padding-right: 12px'><b>{html.escape(name)}</b></td><td>{html.escape(value)}</td></tr>"
        for name, value in rows
    )
    items = "".join(f"<li style='margin-bottom: 6px'>{html.escape(step)}</li>" for step in steps())
    title = QCoreApplication.translate("HandOverSlip", "Your Mi Account is back: what to do now")
    never = QCoreApplication.translate("HandOverSlip", "This slip never shows the password.")
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(
        f"<h2>{html.escape(title)}</h2><table>{table}</table><ol>{items}</ol><p><i>{html.escape(never)}</i></p>"
    )
    return document


def print_slip(document: QTextDocument, device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait, QMarginsF(14, 14, 14, 14))
    )
    document.documentLayout().setPaintDevice(device)
    document.print_(device)


def write_slip_pdf(facts: HandOver, path: Path) -> None:
    """The slip as a PDF at ``path``, written whole or not at all (as every file we save)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("HandOverSlip", "Your Mi Account is back: what to do now"))
    writer.setCreator("mirecovery")
    print_slip(build_slip(facts), writer)
    del writer  # ends the PDF
    buffer.close()
    write_file_atomically(path, bytes(data.data()))
