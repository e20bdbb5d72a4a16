"""Colours that stay readable in light, dark and high-contrast schemes.

The app draws almost everything with the palette, so Qt's own scheme
handling (Windows, macOS, GNOME and KDE tell Qt whether the user chose dark)
does the work. The few colours of our own (an error's frame, a support
request's problems, the strength bar) are picked here for the palette in use:
a darker shade on a light window, a lighter one on a dark window, and the
palette's own text colour whenever ours would not stand out enough (WCAG 2.2:
4.5:1 for text, 3:1 for graphics) or the user asked for more contrast.

Where the platform cannot switch schemes (a bare X11 session, the offscreen
platform), choosing light or dark in the settings paints Fusion's palette
ourselves.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from mirecovery_gui.core.messages import Tone as Tone  # pages and widgets take it from here

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProxyStyle

log = logging.getLogger(__name__)

TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


_ON_LIGHT = {Tone.ERROR: "#b71c1c", Tone.SUCCESS: "#1b5e20", Tone.WARNING: "#8a4b00"}
_ON_DARK = {Tone.ERROR: "#ff8a80", Tone.SUCCESS: "#81c784", Tone.WARNING: "#ffcc80"}

# Strength levels 0-4, weak to strong: warm to green, as every meter people know.
_STRENGTH_ON_LIGHT = ("#c62828", "#d84315", "#9e6a00", "#2e7d32", "#1b5e20")
_STRENGTH_ON_DARK = ("#ef5350", "#ff8a65", "#ffd54f", "#81c784", "#66bb6a")


def relative_luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def wants_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def surface(widget: QWidget) -> QPalette.ColorRole:
    """What ``widget`` is drawn on: Base (a wizard page, a list) or Window (a dialog)."""
    parent = widget.parentWidget()
    role = parent.backgroundRole() if parent is not None else QPalette.ColorRole.Window
    return role if role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window) else QPalette.ColorRole.Window


def _text_role(on: QPalette.ColorRole) -> QPalette.ColorRole:
    return QPalette.ColorRole.Text if on == QPalette.ColorRole.Base else QPalette.ColorRole.WindowText


def _readable(wanted: QColor, palette: QPalette, minimum: float, on: QPalette.ColorRole) -> QColor:
    if wants_high_contrast() or contrast(wanted, palette.color(on)) < minimum:
        return palette.color(_text_role(on))
    return wanted


def quiet_colour(palette: QPalette, on: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """Text that is there to read but not to act on yet (a step still to come): softer, still 4.5:1.

    Qt's disabled grey is about 1.6:1 on Fusion's light window, below what text needs.
    """
    text, background = palette.color(_text_role(on)), palette.color(on)
    for share in (0.55, 0.65, 0.75, 0.85):  # the text colour's share in the mix: more until it reads
        mixed = QColor(
            round(text.red() * share + background.red() * (1 - share)),
            round(text.green() * share + background.green() * (1 - share)),
            round(text.blue() * share + background.blue() * (1 - share)),
        )
        # A margin over 4.5:1: anti-aliased small text reads a little lighter than its colour.
        if contrast(mixed, background) >= TEXT_CONTRAST + 1:
            return _readable(mixed, palette, TEXT_CONTRAST, on)
    return text


def tone_colour(tone: Tone, palette: QPalette, on: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """The colour for text (and frames) of ``tone`` on ``palette``'s ``on`` (Window or Base)."""
    if tone is Tone.INFO:
        return palette.color(
            QPalette.ColorRole.Text if on == QPalette.ColorRole.Base else QPalette.ColorRole.WindowText
        )
    table = _ON_DARK if is_dark(palette) else _ON_LIGHT
    return _readable(QColor(table[tone]), palette, TEXT_CONTRAST, on)


def strength_colour(level: int, palette: QPalette, on: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """The strength bar's colour for level 0 (very weak) to 4 (very strong)."""
    table = _STRENGTH_ON_DARK if is_dark(palette) else _STRENGTH_ON_LIGHT
    return _readable(QColor(table[max(0, min(4, level))]), palette, GRAPHIC_CONTRAST, on)


def dark_palette() -> QPalette:
    """Fusion in dark, for platforms that cannot switch schemes themselves."""
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2b2b",
        roles.WindowText: "#ececec",
        roles.Base: "#1f1f1f",
        roles.AlternateBase: "#2a2a2a",
        roles.Text: "#ececec",
        roles.Button: "#383838",
        roles.ButtonText: "#ececec",
        roles.BrightText: "#ffffff",
        roles.Highlight: "#2f6fdb",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#8ab4f8",
        roles.LinkVisited: "#c58af9",
        roles.ToolTipBase: "#383838",
        roles.ToolTipText: "#ececec",
        roles.PlaceholderText: "#a6a6a6",
        roles.Light: "#4a4a4a",
        roles.Midlight: "#404040",
        roles.Mid: "#5c5c5c",
        roles.Dark: "#1a1a1a",
        roles.Shadow: "#000000",
        roles.Accent: "#2f6fdb",
    }
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#8c8c8c"))
    palette.setColor(disabled, roles.Button, QColor("#303030"))
    return palette


def _visible_edges_style() -> QProxyStyle:
    """Fusion, with edges that show on a dark palette (built only when the app paints dark itself)."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption

    class _VisibleEdges(QProxyStyle):
        """Fusion with edges that show on a dark palette.

        Fusion outlines fields, check boxes and radio buttons with the window
        colour made darker, which vanishes on a dark page. Drawing those with a
        light "window" gives an edge of about 4.5:1 (WCAG 1.4.11 asks 3:1).
        """

        _EDGED = (
            QStyle.PrimitiveElement.PE_FrameLineEdit,
            QStyle.PrimitiveElement.PE_PanelLineEdit,
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
            QStyle.PrimitiveElement.PE_Frame,
        )

        def drawPrimitive(
            self,
            element: QStyle.PrimitiveElement,
            option: QStyleOption,
            painter: QPainter,
            widget: QWidget | None = None,
        ) -> None:
            if element in self._EDGED and is_dark(option.palette):
                palette = QPalette(option.palette)
                palette.setColor(QPalette.ColorRole.Window, QColor("#c4c4c4"))  # darker(140) = #8c8c8c
                option.palette = palette
            super().drawPrimitive(element, option, painter, widget)

    return _VisibleEdges(QStyleFactory.create("Fusion"))


def apply_scheme(scheme: str) -> None:
    """Follow the system ("") or force light or dark, now, for every window."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = app.styleHints()
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(scheme)
    forced = str(app.property("mirecovery_forced_scheme") or "")
    if wanted is None:
        hints.unsetColorScheme()
        if forced:
            app.setPalette(app.style().standardPalette())
            app.setProperty("mirecovery_forced_scheme", "")
        return
    if forced == scheme:
        return
    hints.setColorScheme(wanted)
    if hints.colorScheme() == wanted and not forced:
        return
    # The platform cannot do it (no theme that knows schemes): paint it ourselves.
    log.info("colour scheme %s painted by the app", scheme)
    if not forced:
        app.setStyle(_visible_edges_style())
    app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
    app.setProperty("mirecovery_forced_scheme", scheme)


class ToneLabel(QLabel):
    """A label whose words are in a tone's colour (with a ✓ or ✗ in them: never colour alone)."""

    def __init__(self, parent: QWidget | None = None, tone: Tone | None = None) -> None:
        super().__init__(parent)
        self._tone = tone
        self._follow_palette()

    @property
    def tone(self) -> Tone | None:
        return self._tone

    def set_tone(self, tone: Tone | None) -> None:
        if tone is not self._tone:
            self._tone = tone
            self._follow_palette()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ParentChange,
        ):
            self._follow_palette()

    def _follow_palette(self) -> None:
        # The surroundings decide (not our own palette, which we set here). A
        # label on a wizard page is drawn with Text on Base, in a dialog with
        # WindowText on Window, and which one can change after construction:
        # set both.
        parent = self.parentWidget()
        around = parent.palette() if parent is not None else QApplication.palette()
        tone = self._tone or Tone.INFO
        palette = self.palette()
        changed = False
        for role, on in (
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        ):
            wanted = tone_colour(tone, around, on)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                if palette.color(group, role) != wanted:
                    palette.setColor(group, role, wanted)
                    changed = True
        if changed:
            self.setPalette(palette)
