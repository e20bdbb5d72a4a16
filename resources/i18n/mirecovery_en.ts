<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SendCodePage</name>
    <message numerus="yes">
        <source>Xiaomi sends at most %n code(s) a day to one contact (5 in mainland China).</source>
        <translation>
            <numerusform>Xiaomi sends at most %n code a day to one contact (5 in mainland China).</numerusform>
            <numerusform>Xiaomi sends at most %n codes a day to one contact (5 in mainland China).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) left today for this contact.</source>
        <translation>
            <numerusform>%n code left today for this contact.</numerusform>
            <numerusform>%n codes left today for this contact.</numerusform>
        </translation>
    </message>
</context>
</TS>
