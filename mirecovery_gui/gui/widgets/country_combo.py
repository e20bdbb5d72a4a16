"""The country for local phone numbers (and the owner's country on the support request)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

# Shown first: where the shops using this are, and their neighbours.
PREFERRED_REGIONS = ("ID", "MY", "SG", "PH", "TH", "VN", "IN", "CN", "HK", "TW")
# ITU calling codes of the preferred regions: the combo's first label needs no libphonenumber.
CALLING_CODES = {"ID": 62, "MY": 60, "SG": 65, "PH": 63, "TH": 66, "VN": 84, "IN": 91, "CN": 86, "HK": 852, "TW": 886}


class CountryCombo(QComboBox):
    """Regions for local phone numbers; the full list is built when first opened."""

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("country_combo")
        # Long country names must not widen the window; the popup shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self._filled = False
        self.addItem(self._label(region), region)

    @staticmethod
    def _label(region: str) -> str:
        code = CALLING_CODES.get(region)
        if code is None:
            # Any other region: libphonenumber knows (imported only when needed; it takes a while).
            import phonenumbers

            code = phonenumbers.country_code_for_region(region)
        territory = QLocale.codeToTerritory(region)
        name = QLocale.territoryToString(territory) if territory != QLocale.Country.AnyTerritory else region
        return f"{name} (+{code})"

    def region(self) -> str:
        return str(self.currentData())

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        from mirecovery_gui.core.identifier import supported_regions

        current = self.region()
        self.blockSignals(True)
        self.clear()
        regions = [code for code, _ in supported_regions()]
        preferred = [code for code in PREFERRED_REGIONS if code in regions]
        for code in preferred:
            self.addItem(self._label(code), code)
        self.insertSeparator(self.count())
        for label, code in sorted((self._label(code), code) for code in regions if code not in preferred):
            self.addItem(label, code)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    # The full list (libphonenumber, a few tens of milliseconds) is built when
    # someone comes to the box: by the mouse, Tab, or the mouse wheel.
    def focusInEvent(self, event: QFocusEvent) -> None:
        self.fill()
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.fill()
        super().wheelEvent(event)
