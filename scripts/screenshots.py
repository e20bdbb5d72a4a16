"""Screenshots of every wizard page from a real window (run under Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py [--lang en|id] [--out docs/screenshots]

Walks the training flow like a user (the self-test's driver) and grabs the
X screen at each page, so what is saved is what the window system shows.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QListWidget

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.flow import Step
from mirecovery_gui.self_test import PASSWORD, FlowDriver


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--scale", default="1")
    args = parser.parse_args()
    if args.scale != "1":
        os.environ["QT_SCALE_FACTOR"] = args.scale
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    suffix = f"{args.lang}" + (f"-x{args.scale}" if args.scale != "1" else "")

    def snap(window, name: str) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        screen = window.screen()
        frame = window.frameGeometry()
        shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        if shot.isNull() or shot.size().isEmpty():
            shot = window.grab(QRect())
        path = out / f"{name}-{suffix}.png"
        shot.save(str(path))
        print(path)

    # The start page: provider choice.
    start = create_main_window(["--lang", args.lang])
    start.show()
    FlowDriver(start).wait_for("start page", lambda: start.wizard.currentId() == int(Step.START))
    snap(start, "00-start")
    start.close()

    window = create_main_window(["--training", "--lang", args.lang])
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
    driver.wait_for("quota", lambda: bool(sends_left.text()))
    snap(window, "03-send-code")
    driver.child(QAbstractButton, "send_code_button").click()

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
    driver.child(QLineEdit, "confirm_password_input").setText(PASSWORD)
    driver.press_next()

    driver.wait_for("done page", driver.on_page(Step.DONE))
    snap(window, "06-done")

    window.wizard.start_over()
    driver.wait_for("identifier page", driver.on_page(Step.IDENTIFIER))
    driver.child(QAbstractButton, "lost_everything_button").click()
    driver.wait_for("support page", driver.on_page(Step.LOST_EVERYTHING))
    snap(window, "07-lost-everything")

    window.wizard.start_over()
    window.wizard.go_official_site()
    driver.wait_for("official page", driver.on_page(Step.OFFICIAL_SITE))
    snap(window, "08-official-site")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
