"""Screenshots of every wizard page from a real window (run under Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py [--lang en|id] [--out docs/screenshots]
        [--scheme light|dark] [--scale 2] [--font-scale 1.5]

Walks the training flow like a user (the self-test's driver) and grabs the
X screen at each page, so what is saved is what the window system shows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.self_test import PASSWORD, FlowDriver


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR (2 = a 200% display)")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--font-scale", type=float, default=1.0, help="a larger system font, e.g. 1.5")
    parser.add_argument("--size", default="", help="the window's size, e.g. 1024x600 (default: its own)")
    args = parser.parse_args()
    if args.scale != "1":
        os.environ["QT_SCALE_FACTOR"] = args.scale
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    if args.font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    suffix = (
        f"{args.lang}"
        + ("-dark" if args.scheme == "dark" else "")
        + (f"-x{args.scale}" if args.scale != "1" else "")
        + (f"-font{round(args.font_scale * 100)}" if args.font_scale != 1.0 else "")
        + (f"-{args.size}" if args.size else "")
    )
    common = ["--lang", args.lang, "--scheme", args.scheme]

    def snap(window, name: str) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        screen = window.screen()
        frame = window.frameGeometry()
        shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        if shot.isNull() or shot.size().isEmpty():
            shot = window.grab(QRect())
        path = out / f"{name}-{suffix}.png"
        shot.save(str(path))
        print(path, f"{frame.width()}x{frame.height()}")

    # The start page: provider choice.
    start = create_main_window(common)
    start.show()
    FlowDriver(start).wait_for("start page", lambda: start.wizard.current_step is Step.START)
    snap(start, "00-start")
    start.close()

    from mirecovery_gui.training.faults import Fault, FaultKind
    from mirecovery_gui.training.service import TrainingService

    service = TrainingService()
    window = create_main_window(["--training", *common], training_service=service)
    if args.size:
        width, height = (int(part) for part in args.size.split("x"))
        window.resize(width, height)
    window.move(0, 0)
    window.show()
    driver = FlowDriver(window)
    driver.wait_for("identifier page", driver.on_page(Step.IDENTIFIER))
    driver.child(QLineEdit, "identifier_input").setText("demo@example.com")
    snap(window, "01-identifier")
    driver.press_next()

    driver.wait_for("captcha page", driver.on_page(Step.CAPTCHA))
    captcha = window.wizard.page_for(Step.CAPTCHA)
    driver.wait_for("captcha picture", lambda: captcha.image_loaded)  # type: ignore[attr-defined]
    driver.child(QAbstractButton, "training_show_answer_button").click()
    answer = driver.child(QLabel, "training_captcha_answer")
    driver.wait_for("answer", lambda: bool(answer.text()))
    driver.child(QLineEdit, "captcha_input").setText(answer.text())
    snap(window, "02-captcha")
    driver.press_next()

    driver.wait_for("send page", driver.on_page(Step.SEND_CODE))
    driver.child(QAbstractButton, "channel_email").click()
    sends_left = driver.child(QLabel, "sends_left_label")
    driver.wait_for("quota", lambda: window.session.sends_left is not None and bool(sends_left.text()))
    snap(window, "03-send-code")
    # The code is sent, then the answer is lost on the way: the message says so and offers Go on.
    service.faults.add(Fault(FaultKind.LOST_ANSWER, step="send"))
    driver.child(QAbstractButton, "send_code_button").click()

    def go_on_shown() -> bool:
        button = window.findChild(QAbstractButton, "error_continue_button")
        return button is not None and button.isVisible()

    driver.wait_for("the lost-answer message", go_on_shown)
    snap(window, "03b-answer-lost")
    driver.child(QAbstractButton, "error_continue_button").click()

    driver.wait_for("code page", driver.on_page(Step.ENTER_CODE))
    phone = driver.child(QListWidget, "training_phone")
    driver.wait_for("message", lambda: phone.count() > 0)
    import re

    code = re.search(r"\b(\d{6})\b", phone.item(phone.count() - 1).text())
    assert code
    driver.child(QLineEdit, "code_input").setText(code.group(1)[:4])
    snap(window, "04-enter-code")
    wrong = "".join(str((int(c) + 1) % 10) for c in code.group(1))
    driver.child(QLineEdit, "code_input").setText(wrong)
    driver.press_next()
    error = window.wizard.currentPage().findChild(QLabel, "error_label")
    driver.wait_for("wrong-code message", lambda: bool(error.text()) and error.isVisible())
    snap(window, "04b-wrong-code")
    driver.child(QLineEdit, "code_input").setText(code.group(1))
    driver.press_next()

    driver.wait_for("password page", driver.on_page(Step.NEW_PASSWORD))
    driver.child(QLineEdit, "new_password_input").setText(PASSWORD)
    driver.child(QLineEdit, "confirm_password_input").setText(PASSWORD[:-2])
    snap(window, "05-new-password")
    driver.child(QAbstractButton, "suggest_password_button").click()
    driver.child(QAbstractButton, "copy_password_button").click()
    snap(window, "05b-suggested-password")
    window.wizard.secret_clipboard.clear()
    driver.child(QLineEdit, "new_password_input").setText(PASSWORD)
    driver.child(QLineEdit, "confirm_password_input").setText(PASSWORD)
    driver.press_next()

    driver.wait_for("done page", driver.on_page(Step.DONE))
    snap(window, "06-done")

    window.wizard.start_over()
    driver.wait_for("identifier page", driver.on_page(Step.IDENTIFIER))
    driver.child(QLineEdit, "identifier_input").setText("1234567890")
    driver.child(QAbstractButton, "lost_everything_button").click()
    driver.wait_for("support page", driver.on_page(Step.LOST_EVERYTHING))
    fill = {
        "support_imei_input": "35-209900-176148-2",
        "support_model_input": "Redmi Note 12",
        "support_purchase_date_input": "2024-03-15",
        "support_purchase_shop_input": "Toko Maju Jaya, Bandung",
        "support_owner_name_input": "Budi Santoso",
        "support_contact_email_input": "budi.baru@gmail.com",
    }
    for name, value in fill.items():
        driver.child(QLineEdit, name).setText(value)
    problem = driver.child(QLabel, "support_imei_problem")
    driver.wait_for("the IMEI problem", problem.isVisible)
    snap(window, "07-lost-everything")
    driver.child(QLineEdit, "support_imei_input").setText("35-209900-176148-1")
    driver.press_next()  # the facts are complete: on to the proof
    driver.wait_for("the proof screen", lambda: window.session.support_screen is SupportScreen.PROOF)
    for name in ("check_proof_of_purchase", "check_box_imei", "check_identity"):
        driver.child(QAbstractButton, name).setChecked(True)
    driver.child(QLineEdit, "check_by_input").setText("Sari")
    snap(window, "07a-support-proof")
    driver.press_next()
    driver.wait_for("the review screen", lambda: window.session.support_screen is SupportScreen.SEND)
    snap(window, "07b-support-send")
    page = window.wizard.page_for(Step.LOST_EVERYTHING)
    from mirecovery_gui.gui.support_document import write_pdf

    pdf = out / f"support-request-{suffix}.pdf"
    write_pdf(page.handover.prepared, pdf)  # type: ignore[attr-defined]
    if shutil.which("pdftoppm"):
        # The first page as a picture, for the README.
        prefix = out / f"07c-support-pdf-{suffix}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)])
        print(prefix.with_suffix(".png"))
    pdf.unlink()

    window.wizard.start_over()
    window.session.go_official_site()
    driver.wait_for("official page", driver.on_page(Step.OFFICIAL_SITE))
    page = window.wizard.page_for(Step.OFFICIAL_SITE)
    # The web view comes once the page has painted (or the page opens outside without Qt WebEngine).
    driver.wait_for(
        "the web view",
        lambda: window.findChild(QWidget, "official_page_view") is not None or not getattr(page, "_webengine_ok", True),
    )
    view = window.findChild(QWidget, "official_page_view")
    if view is not None:  # Qt WebEngine: the practice page, once it has loaded and painted
        driver.wait_for("the practice page", lambda: "TRAINING" in view.title())  # type: ignore[attr-defined]
        settle = time.monotonic() + 1.0
        driver.wait_for("the page painted", lambda: time.monotonic() > settle)
    snap(window, "08-official-site")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
