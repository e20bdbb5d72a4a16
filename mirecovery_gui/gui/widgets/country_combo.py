"""The country for local phone numbers (and the owner's country on the support request)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

# Shown first: where the shops using this are, and their neighbours.
PREFERRED_REGIONS = ("ID", "MY", "SG", "PH", "TH", "VN", "IN", "CN", "HK", "TW")
# ITU calling codes of the preferred regions: the combo's first label needs no libphonenumber.
CALLING_CODES = {"ID": 62, "MY": 60, "SG": 65, "PH": 63, "TH": 66, "VN": 84, "IN": 91, "CN": 86, "HK": 852, "TW": 886}


class CountryCombo(QComboBox):
    """Regions for local phone numbers; the full list is built when first opened."""

    def __init__(
        self,
        region: str,
        parent: QWidget | None = None,
        *,
        calling_codes: bool = True,
        unknown: Callable[[], str] | None = None,
    ) -> None:
        """``calling_codes``: "Indonesia (+62)" (for phone numbers) or "Indonesia"; ``unknown``:
        the words for a first entry meaning "not known" (its region is "")."""
        super().__init__(parent)
        self.setObjectName("country_combo")
        # Long country names must not widen the window; the popup shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._filled = False
        self._calling_codes = calling_codes
        self._unknown = unknown
        if unknown is not None:
            self.addItem(unknown(), "")
        if region:
            self.addItem(self._label(region), region)
            self.setCurrentIndex(self.count() - 1)

    def retranslate(self) -> None:
        if self._unknown is not None and self.count() and self.itemData(0) == "":
            self.setItemText(0, self._unknown())

    def _label(self, region: str) -> str:
        territory = QLocale.codeToTerritory(region)
        name = QLocale.territoryToString(territory) if territory != QLocale.Country.AnyTerritory else region
        if not self._calling_codes:
            return name
        code = CALLING_CODES.get(region)
        if code is None:
            # Any other region: libphonenumber knows (imported only when needed; it takes a while).
            import phonenumbers

            code = phonenumbers.country_code_for_region(region)
        return f"{name} (+{code})"

    def region(self) -> str:
        return str(self.currentData() or "")

    def set_region(self, region: str) -> None:
        """Show ``region`` ("" for "not known" where the box has it)."""
        region = region.upper()
        if region == self.region():
            return
        if region and self.findData(region) < 0:
            self.fill()
        index = self.findData(region)
        if index >= 0:
            self.setCurrentIndex(index)

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        from mirecovery_gui.core.identifier import supported_regions

        current = self.region()
        self.blockSignals(True)
        self.clear()
        if self._unknown is not None:
            self.addItem(self._unknown(), "")
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
