<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Shop database: the password was refused; enter it again (the button above, or File &gt; Settings &gt; Shop database). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Shop database: the password was refused; enter it again (the button above, or File &gt; Settings &gt; Shop database). %n change waits on this computer.</numerusform>
            <numerusform>Shop database: the password was refused; enter it again (the button above, or File &gt; Settings &gt; Shop database). %n changes wait on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: enter this desk&apos;s password (the button above, or File &gt; Settings &gt; Shop database). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Shop database: enter this desk&apos;s password (the button above, or File &gt; Settings &gt; Shop database). %n change waits on this computer.</numerusform>
            <numerusform>Shop database: enter this desk&apos;s password (the button above, or File &gt; Settings &gt; Shop database). %n changes wait on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: the secure connection (TLS) failed; check sslmode and the CA file in Settings &gt; Shop database. %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Shop database: the secure connection (TLS) failed; check sslmode and the CA file in Settings &gt; Shop database. %n change waits on this computer.</numerusform>
            <numerusform>Shop database: the secure connection (TLS) failed; check sslmode and the CA file in Settings &gt; Shop database. %n changes wait on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: not set up for mirecovery yet (its owner runs: mirecovery shop-db init). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Shop database: not set up for mirecovery yet (its owner runs: mirecovery shop-db init). %n change waits on this computer.</numerusform>
            <numerusform>Shop database: not set up for mirecovery yet (its owner runs: mirecovery shop-db init). %n changes wait on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: set up by a newer mirecovery; update this desk. %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Shop database: set up by a newer mirecovery; update this desk. %n change waits on this computer.</numerusform>
            <numerusform>Shop database: set up by a newer mirecovery; update this desk. %n changes wait on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: this login may not use the case log (ask the manager for the desk role). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Shop database: this login may not use the case log (ask the manager for the desk role). %n change waits on this computer.</numerusform>
            <numerusform>Shop database: this login may not use the case log (ask the manager for the desk role). %n changes wait on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database cannot be reached. Work goes on: %n change(s) wait on this computer and go up when it is back.</source>
        <translation>
            <numerusform>Shop database cannot be reached. Work goes on: %n change waits on this computer and goes up when it is back.</numerusform>
            <numerusform>Shop database cannot be reached. Work goes on: %n changes wait on this computer and go up when it is back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: sending %n change(s)…</source>
        <translation>
            <numerusform>Shop database: sending %n change…</numerusform>
            <numerusform>Shop database: sending %n changes…</numerusform>
        </translation>
    </message>
</context>
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
