<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>App</name>
    <message>
        <source>mirecovery is already open on this computer. Use that window.</source>
        <translation>mirecovery sudah terbuka di komputer ini. Gunakan jendela itu.</translation>
    </message>
    <message>
        <source>mirecovery is already open on this computer (process {pid}, since {time}). Use that window, or close it first.</source>
        <translation>mirecovery sudah terbuka di komputer ini (proses {pid}, sejak {time}). Gunakan jendela itu, atau tutup dulu.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disk penuh</translation>
    </message>
    <message>
        <source>its folder cannot be written to</source>
        <translation>foldernya tidak bisa ditulisi</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>filenya rusak</translation>
    </message>
    <message>
        <source>the disk refused</source>
        <translation>disk menolak menulis</translation>
    </message>
    <message>
        <source>The case log could not be saved: the disk is full. Free some space; it will be saved again. What was typed is kept meanwhile.</source>
        <translation>Catatan kasus tidak bisa disimpan: disk penuh. Kosongkan sedikit ruang; catatan akan disimpan lagi. Sementara itu, yang sudah diketik tetap disimpan.</translation>
    </message>
    <message>
        <source>The case log could not be saved: its folder cannot be written to. What was typed is kept while mirecovery is open.</source>
        <translation>Catatan kasus tidak bisa disimpan: foldernya tidak bisa ditulisi. Yang sudah diketik tetap disimpan selama mirecovery terbuka.</translation>
    </message>
    <message>
        <source>The case log is damaged, so changes are not saved. Close mirecovery and start it again: the damaged file is set aside and a new one started.</source>
        <translation>Catatan kasus rusak, jadi perubahan tidak disimpan. Tutup mirecovery lalu buka lagi: file yang rusak disisihkan dan file baru dibuat.</translation>
    </message>
    <message>
        <source>The case log could not be saved right now. mirecovery keeps trying; what was typed is kept.</source>
        <translation>Catatan kasus belum bisa disimpan saat ini. mirecovery terus mencoba; yang sudah diketik tetap disimpan.</translation>
    </message>
    <message>
        <source>The case log is saved again.</source>
        <translation>Catatan kasus sudah tersimpan lagi.</translation>
    </message>
    <message>
        <source>The data folder cannot be written to, so cases and drafts are not saved in this session. The recovery itself, and training, work.</source>
        <translation>Folder data tidak bisa ditulisi, jadi kasus dan draf tidak disimpan pada sesi ini. Pemulihan akun dan latihan tetap bisa dilakukan.</translation>
    </message>
    <message>
        <source>The disk is full, so cases and drafts are not saved in this session. Free some space and start mirecovery again. The recovery itself works.</source>
        <translation>Disk penuh, jadi kasus dan draf tidak disimpan pada sesi ini. Kosongkan sedikit ruang lalu buka mirecovery lagi. Pemulihan akun tetap bisa dilakukan.</translation>
    </message>
    <message>
        <source>The case database was made by a newer mirecovery, so cases and drafts are not saved in this session. The recovery itself works.</source>
        <translation>Database kasus dibuat oleh mirecovery versi yang lebih baru, jadi kasus dan draf tidak disimpan pada sesi ini. Pemulihan akun tetap bisa dilakukan.</translation>
    </message>
    <message>
        <source>The case database cannot be opened, so cases and drafts are not saved in this session. The recovery itself works.</source>
        <translation>Database kasus tidak bisa dibuka, jadi kasus dan draf tidak disimpan pada sesi ini. Pemulihan akun tetap bisa dilakukan.</translation>
    </message>
    <message>
        <source>The settings could not be saved (the config folder cannot be written to), so the change applies only until mirecovery closes.</source>
        <translation>Pengaturan tidak bisa disimpan (folder konfigurasi tidak bisa ditulisi), jadi perubahan hanya berlaku sampai mirecovery ditutup.</translation>
    </message>
    <message>
        <source>This computer has no keyring that can keep the password, so it is used until mirecovery closes and asked again at the next start.</source>
        <translation>Komputer ini tidak punya keyring yang dapat menyimpan kata sandi, jadi kata sandi dipakai sampai mirecovery ditutup dan ditanyakan lagi saat mulai berikutnya.</translation>
    </message>
    <message>
        <source>The shop database setting applies when mirecovery starts again.</source>
        <translation>Setelan database toko berlaku saat mirecovery dimulai lagi.</translation>
    </message>
    <message>
        <source>The settings file was damaged, so the defaults are used. The old file was kept as {name}.</source>
        <translation>File setelan rusak, jadi setelan bawaan yang dipakai. File lama disimpan sebagai {name}.</translation>
    </message>
    <message>
        <source>The shop database needs this desk's password (the login {user}, not a customer's). Until it is entered, cases wait on this computer.</source>
        <translation>Database toko memerlukan kata sandi meja ini (login {user}, bukan milik pelanggan). Sampai kata sandi dimasukkan, kasus menunggu di komputer ini.</translation>
    </message>
    <message>
        <source>The shop database refused that password. Check it with the manager and enter it again.</source>
        <translation>Database toko menolak kata sandi itu. Periksa dengan manajer, lalu masukkan lagi.</translation>
    </message>
    <message>
        <source>The shop database refused this desk's password (the login {user}). Until it is entered again, cases wait on this computer.</source>
        <translation>Database toko menolak kata sandi meja ini (login {user}). Sampai kata sandi dimasukkan lagi, kasus menunggu di komputer ini.</translation>
    </message>
    <message>
        <source>Case {number}{who} was deleted from the shop database by a manager while this desk had it, so this desk's changes to it were not kept.</source>
        <translation>Kasus {number}{who} dihapus dari database toko oleh manajer saat meja ini sedang menanganinya, jadi perubahan meja ini pada kasus itu tidak disimpan.</translation>
    </message>
    <message>
        <source>The shop database did not allow this desk to delete case {number} (only a manager's login may). Nothing was deleted there.</source>
        <translation>Database toko tidak mengizinkan meja ini menghapus kasus {number} (hanya login manajer yang boleh). Tidak ada yang dihapus di sana.</translation>
    </message>
    <message>
        <source>Case {number} was also changed at desk {desk}. Where both desks changed the same thing ({fields}) their entry was kept and is now shown here too; everything else from this desk was saved.</source>
        <translation>Kasus {number} juga diubah di meja {desk}. Bila kedua meja mengubah hal yang sama ({fields}), isian mereka yang disimpan dan kini juga tampil di sini; semua perubahan lain dari meja ini tersimpan.</translation>
    </message>
    <message>
        <source>Case {number} was also worked on at desk {desk}; their changes ({fields}) are shown here too, and this desk's were saved with them.</source>
        <translation>Kasus {number} juga ditangani di meja {desk}; perubahan mereka ({fields}) juga tampil di sini, dan perubahan meja ini tersimpan bersamanya.</translation>
    </message>
    <message>
        <source>Password of the shop database login {user} on {host} (not a customer's Mi account password):</source>
        <translation>Kata sandi login database toko {user} di {host} (bukan kata sandi Akun Mi pelanggan):</translation>
    </message>
    <message>
        <source>Enter the &amp;password…</source>
        <translation>Masukkan &amp;kata sandi…</translation>
    </message>
    <message>
        <source>The shop database could not take a change to case {number} as it was, so that change is not there. The case shows what the shop database has; make the change again if it is still needed.</source>
        <translation>Database toko tidak dapat menerima perubahan pada kasus {number} apa adanya, jadi perubahan itu tidak ada di sana. Kasus menampilkan isi database toko; lakukan perubahan itu lagi bila masih perlu.</translation>
    </message>
    <message>
        <source>The shop database did not allow this desk to delete the shop's cases (only a manager may).</source>
        <translation>Database toko tidak mengizinkan meja ini menghapus kasus toko (hanya manajer yang boleh).</translation>
    </message>
    <message>
        <source>Case {number} was also worked on at desk {desk}; their changes are kept with this desk's.</source>
        <translation>Kasus {number} juga ditangani di meja {desk}; perubahan mereka disimpan bersama perubahan meja ini.</translation>
    </message>
    <message>
        <source>Shop database password</source>
        <translation>Kata sandi database toko</translation>
    </message>
    <message>
        <source>The case database was damaged, so a new one was started. The old file was kept as {name}.</source>
        <translation>Database kasus rusak, jadi database baru dibuat. File lama disimpan sebagai {name}.</translation>
    </message>
    <message>
        <source>a customer</source>
        <translation>seorang pelanggan</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly during the case of {who} (last step: {step}). Continue where it stopped?</source>
        <translation>Sesi terakhir berhenti tiba-tiba saat menangani kasus {who} (langkah terakhir: {step}). Lanjutkan dari titik itu?</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Close the &amp;case</source>
        <translation>Tutup &amp;kasus</translation>
    </message>
    <message>
        <source>Not deleted yet</source>
        <translation>Belum dihapus</translation>
    </message>
    <message>
        <source>The case log cannot be written right now ({reason}), so the cases and drafts are still on this computer. Free some space and keep mirecovery open: they are deleted as soon as it can write again. The logs were deleted.</source>
        <translation>Catatan kasus tidak bisa ditulis saat ini ({reason}), jadi kasus dan draf masih ada di komputer ini. Kosongkan sedikit ruang dan biarkan mirecovery tetap terbuka: semuanya dihapus begitu catatan bisa ditulis lagi. Log sudah dihapus.</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Terhapus</translation>
    </message>
    <message>
        <source>The changes waiting on this computer and the logs were deleted. The shop's cases are on the shop database.</source>
        <translation>Perubahan yang menunggu di komputer ini dan log sudah dihapus. Kasus toko ada di database toko.</translation>
    </message>
    <message>
        <source>All cases, support-request drafts and logs were deleted from this computer.</source>
        <translation>Semua kasus, draf permintaan bantuan, dan log sudah dihapus dari komputer ini.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Tutup tanpa menyimpan?</translation>
    </message>
    <message>
        <source>Changes to the case log could not be saved yet ({reason}). If mirecovery closes now, they are lost. Keep it open and free some space: they are saved as soon as there is room.</source>
        <translation>Perubahan pada catatan kasus belum bisa disimpan ({reason}). Jika mirecovery ditutup sekarang, perubahan itu hilang. Biarkan tetap terbuka dan kosongkan sedikit ruang: perubahan disimpan begitu ada ruang.</translation>
    </message>
    <message>
        <source>&amp;Close and lose them</source>
        <translation>&amp;Tutup dan biarkan hilang</translation>
    </message>
    <message>
        <source>&amp;Keep mirecovery open</source>
        <translation>Biarkan mirecovery &amp;tetap terbuka</translation>
    </message>
    <message>
        <source>customer's name</source>
        <translation>nama pelanggan</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>kontak</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>account</source>
        <translation>akun</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>hasil</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>petugas</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>support request</source>
        <translation>permintaan bantuan</translation>
    </message>
    <message>
        <source>closing time</source>
        <translation>waktu ditutup</translation>
    </message>
    <message>
        <source>ownership checklist</source>
        <translation>daftar periksa kepemilikan</translation>
    </message>
    <message>
        <source>The shop database address cannot be used ({reason}), so cases are kept on this computer for now. Correct it in File &gt; Settings.</source>
        <translation>Alamat database toko tidak dapat dipakai ({reason}), jadi untuk sementara kasus disimpan di komputer ini. Perbaiki di File &gt; Setelan.</translation>
    </message>
</context>
<context>
    <name>CaptchaPage</name>
    <message>
        <source>Prove you are a person</source>
        <translation>Buktikan bahwa Anda bukan robot</translation>
    </message>
    <message>
        <source>Captcha picture</source>
        <translation>Gambar captcha</translation>
    </message>
    <message>
        <source>A picture of characters to type. If you cannot see it, the support request is another way back into the account.</source>
        <translation>Gambar berisi karakter yang harus diketik. Jika Anda tidak bisa melihatnya, permintaan bantuan adalah cara lain untuk kembali ke akun.</translation>
    </message>
    <message>
        <source>Get a new captcha picture</source>
        <translation>Minta gambar captcha baru</translation>
    </message>
    <message>
        <source>Characters in the picture</source>
        <translation>Karakter di gambar</translation>
    </message>
    <message>
        <source>&amp;Characters:</source>
        <translation>Ka&amp;rakter:</translation>
    </message>
    <message>
        <source>Hard to read? Press New picture; it costs nothing.</source>
        <translation>Sulit dibaca? Klik Gambar baru, tidak ada ruginya.</translation>
    </message>
    <message>
        <source>Show the &amp;answer (training)</source>
        <translation>Lihat &amp;jawaban (latihan)</translation>
    </message>
    <message>
        <source>⟳ New &amp;picture</source>
        <translation>⟳ &amp;Gambar baru</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>The picture could not be shown. Press New picture.</source>
        <translation>Gambar tidak bisa ditampilkan. Klik Gambar baru.</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>&amp;Dapatkan kode</translation>
    </message>
    <message>
        <source>For safety Xiaomi wants the characters in a picture before it sends a new code.</source>
        <translation>Demi keamanan, Xiaomi meminta karakter di gambar sebelum mengirim kode baru.</translation>
    </message>
    <message>
        <source>Type the characters you see in the picture.</source>
        <translation>Masukkan karakter yang ada di gambar.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Langkah terakhir</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Meja</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>self-test</source>
        <translation>uji mandiri</translation>
    </message>
    <message>
        <source>training</source>
        <translation>latihan</translation>
    </message>
    <message>
        <source>live</source>
        <translation>asli</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Sudah disalin.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>mirecovery keeps no copy of the password and cannot show it again. Print or save the owner's slip with the buttons below and give them that, not the password on paper.</source>
        <translation>mirecovery tidak menyimpan salinan sandi dan tidak bisa menampilkannya lagi. Cetak atau simpan slip untuk pemilik dengan tombol di bawah dan berikan slip itu, bukan sandi yang ditulis di kertas.</translation>
    </message>
    <message>
        <source>&amp;Print the owner's slip…</source>
        <translation>&amp;Cetak slip untuk pemilik…</translation>
    </message>
    <message>
        <source>Save the slip as P&amp;DF…</source>
        <translation>Simpan slip sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>The password has been changed</source>
        <translation>Sandi berhasil diubah</translation>
    </message>
    <message>
        <source>The new password should now be active</source>
        <translation>Sandi baru seharusnya sudah aktif</translation>
    </message>
    <message>
        <source>The owner finishes on the phone. Hand them the phone and go through these steps together:</source>
        <translation>Pemilik menyelesaikannya di ponsel. Berikan ponselnya dan lakukan langkah-langkah ini bersama:</translation>
    </message>
    <message>
        <source>Xiaomi's answer was lost on the way, so the change is not confirmed: step 2 shows whether it worked; if it does not, start again. Hand the owner the phone and go through these steps together:</source>
        <translation>Jawaban Xiaomi hilang di jalan, jadi perubahan ini belum terkonfirmasi: langkah 2 menunjukkan apakah berhasil; jika tidak, mulai lagi. Berikan ponsel kepada pemilik dan lakukan langkah-langkah ini bersama:</translation>
    </message>
    <message>
        <source>The slip was sent to the printer.</source>
        <translation>Slip sudah dikirim ke printer.</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>Simpan slip sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The slip could not be saved there. Choose another folder.</source>
        <translation>Slip tidak bisa disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>Start &amp;another recovery</source>
        <translation>Mulai &amp;pemulihan lain</translation>
    </message>
</context>
<context>
    <name>EnterCodePage</name>
    <message>
        <source>Enter the verification code</source>
        <translation>Masukkan kode verifikasi</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verifikasi</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>K&amp;ode:</translation>
    </message>
    <message>
        <source>Pasting works too: paste the whole message and the code is picked out.</source>
        <translation>Bisa juga ditempel: tempel seluruh pesannya, kodenya akan diambil otomatis.</translation>
    </message>
    <message>
        <source>Wait a minute or two: codes are sometimes slow.
Email: look in Spam, Promotions and Updates.
SMS: the SIM must be in a phone with signal; restart the phone if nothing arrives. In some countries Xiaomi sends the code by WhatsApp instead: look there too.
Check that the contact above is the right one; if not, go Back and choose the other.
Xiaomi sends at most 3 codes a day to one contact (5 in mainland China). When they are used up, try again tomorrow or prepare a support request.</source>
        <translation>Tunggu satu atau dua menit: kadang kode datang terlambat.
Email: periksa folder Spam, Promosi, dan Pembaruan.
SMS: kartu SIM harus ada di ponsel yang mendapat sinyal; mulai ulang ponsel jika tidak ada yang masuk. Di beberapa negara Xiaomi mengirim kode lewat WhatsApp: periksa juga di sana.
Pastikan kontak di atas sudah benar; jika salah, klik Kembali dan pilih yang lain.
Xiaomi mengirim paling banyak 3 kode sehari ke satu kontak (5 di Tiongkok daratan). Jika sudah habis, coba lagi besok atau siapkan permintaan bantuan.</translation>
    </message>
    <message>
        <source>&amp;Resend code</source>
        <translation>Kirim &amp;lagi</translation>
    </message>
    <message>
        <source>Didn't get the code?</source>
        <translation>Belum menerima kode?</translation>
    </message>
    <message>
        <source>Xiaomi already refused this code. Check the digits, or type the code from the newest message.</source>
        <translation>Xiaomi sudah menolak kode ini. Periksa angkanya, atau ketik kode dari pesan terbaru.</translation>
    </message>
    <message>
        <source>Xiaomi sent a {length}-digit code by SMS to {contact}.</source>
        <translation>Xiaomi mengirim kode {length} digit lewat SMS ke {contact}.</translation>
    </message>
    <message>
        <source>Xiaomi sent a {length}-digit code by email to {contact}.</source>
        <translation>Xiaomi mengirim kode {length} digit lewat email ke {contact}.</translation>
    </message>
    <message>
        <source>Xiaomi's help: the code did not arrive</source>
        <translation>Bantuan Xiaomi: kode tidak masuk</translation>
    </message>
    <message>
        <source>Resend in {time}</source>
        <translation>Kirim lagi dalam {time}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message>
        <source>Xiaomi says: {tips}</source>
        <translation>Pesan dari Xiaomi: {tips}</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>&amp;Coba lagi</translation>
    </message>
    <message>
        <source>New &amp;picture</source>
        <translation>&amp;Gambar baru</translation>
    </message>
    <message>
        <source>Get a &amp;new code</source>
        <translation>&amp;Minta kode baru</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Ubah</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Mulai lagi</translation>
    </message>
    <message>
        <source>Prepare a &amp;support request</source>
        <translation>Siapkan permintaan &amp;bantuan</translation>
    </message>
    <message>
        <source>Continue on the &amp;official website</source>
        <translation>Lanjutkan di situs &amp;resmi</translation>
    </message>
    <message>
        <source>Go &amp;on</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Get a new code in {time}</source>
        <translation>Minta kode baru dalam {time}</translation>
    </message>
    <message>
        <source>Try again in {time}</source>
        <translation>Coba lagi dalam {time}</translation>
    </message>
</context>
<context>
    <name>HandOverSlip</name>
    <message>
        <source>Type the new password into the phone yourself: Settings &gt; Mi Account (Xiaomi Account on HyperOS). mirecovery does not keep it, print it or show it again.</source>
        <translation>Ketik sendiri sandi baru di ponsel: Setelan &gt; Akun Mi (di HyperOS: Akun Xiaomi). mirecovery tidak menyimpan, mencetak, atau menampilkannya lagi.</translation>
    </message>
    <message>
        <source>Sign in again with it on the phone; other devices and Mi Cloud will ask for it too.</source>
        <translation>Masuk lagi dengan sandi itu di ponsel; perangkat lain dan Mi Cloud juga akan memintanya.</translation>
    </message>
    <message>
        <source>Check that Find device is on (Settings &gt; Mi Account &gt; Find device), so a lost phone can be found.</source>
        <translation>Pastikan Cari perangkat aktif (Setelan &gt; Akun Mi &gt; Cari perangkat), supaya ponsel yang hilang bisa ditemukan.</translation>
    </message>
    <message>
        <source>Keep the password where only you can reach it (a password manager, or on paper at home). Never give a verification code to anyone, not even someone who says they are from Xiaomi.</source>
        <translation>Simpan sandi di tempat yang hanya bisa Anda jangkau (pengelola sandi, atau kertas di rumah). Jangan pernah memberikan kode verifikasi kepada siapa pun, termasuk orang yang mengaku dari Xiaomi.</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Nomor kasus</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Mi Account</source>
        <translation>Akun Mi</translation>
    </message>
    <message>
        <source>Helped by</source>
        <translation>Dibantu oleh</translation>
    </message>
    <message>
        <source>Your Mi Account is back: what to do now</source>
        <translation>Akun Mi Anda sudah kembali: yang perlu dilakukan sekarang</translation>
    </message>
    <message>
        <source>This slip never shows the password.</source>
        <translation>Slip ini tidak pernah memuat sandi.</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Case history</source>
        <translation>Riwayat kasus</translation>
    </message>
    <message>
        <source>Case history: the shop's cases</source>
        <translation>Riwayat kasus: kasus toko</translation>
    </message>
    <message>
        <source>Name, phone, masked account, IMEI, model, notes…</source>
        <translation>Nama, telepon, akun tersamar, IMEI, model, catatan…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Meja</translation>
    </message>
    <message>
        <source>From (date)</source>
        <translation>Dari (tanggal)</translation>
    </message>
    <message>
        <source>Until (date)</source>
        <translation>Sampai (tanggal)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Notes for this case</source>
        <translation>Catatan untuk kasus ini</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>Ca&amp;tatan:</translation>
    </message>
    <message>
        <source>Save &amp;notes</source>
        <translation>&amp;Simpan catatan</translation>
    </message>
    <message>
        <source>&amp;Print the request again…</source>
        <translation>Ceta&amp;k ulang permintaan…</translation>
    </message>
    <message>
        <source>Save the request as P&amp;DF…</source>
        <translation>Simpan permintaan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>De&amp;lete this customer's data…</source>
        <translation>&amp;Hapus data pelanggan ini…</translation>
    </message>
    <message>
        <source>Delete &amp;all the shop's cases…</source>
        <translation>Hapus &amp;semua kasus toko…</translation>
    </message>
    <message>
        <source>&amp;Export this list as CSV…</source>
        <translation>&amp;Ekspor daftar ini sebagai CSV…</translation>
    </message>
    <message>
        <source>All desks</source>
        <translation>Semua meja</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Semua hasil</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Semua tanggal</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Kemarin</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>From… to…</source>
        <translation>Dari… sampai…</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>sedang berjalan</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>sandi diubah</translation>
    </message>
    <message>
        <source>support request</source>
        <translation>permintaan bantuan</translation>
    </message>
    <message>
        <source>official website</source>
        <translation>situs resmi</translation>
    </message>
    <message>
        <source>code did not come</source>
        <translation>kode tidak masuk</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>dihentikan</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <source>The cases could not be read. Try again in a moment.</source>
        <translation>Kasus tidak dapat dibaca. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Older cases could not be read. Scroll down again to try again.</source>
        <translation>Kasus yang lebih lama tidak dapat dibaca. Gulir ke bawah lagi untuk mencoba lagi.</translation>
    </message>
    <message>
        <source>Cases shown: {count}. Scroll down for older ones.</source>
        <translation>Kasus yang tampil: {count}. Gulir ke bawah untuk kasus yang lebih lama.</translation>
    </message>
    <message>
        <source>Cases shown: {count}</source>
        <translation>Kasus yang tampil: {count}</translation>
    </message>
    <message>
        <source>The shop database cannot be reached, so only this desk's cases that wait to go up are shown.</source>
        <translation>Database toko tidak dapat dihubungi, jadi hanya kasus meja ini yang menunggu untuk dikirim yang ditampilkan.</translation>
    </message>
    <message>
        <source>No case selected.</source>
        <translation>Belum ada kasus yang dipilih.</translation>
    </message>
    <message>
        <source>Opened: {time}</source>
        <translation>Dibuka: {time}</translation>
    </message>
    <message>
        <source>Closed: {time}</source>
        <translation>Ditutup: {time}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Hasil: {outcome}</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>Akun: {account}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Pelanggan: {name}</translation>
    </message>
    <message>
        <source>Device: {model} {imei}</source>
        <translation>Perangkat: {model} {imei}</translation>
    </message>
    <message>
        <source>Steps: {steps}</source>
        <translation>Langkah: {steps}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Ownership: proof of purchase {proof}, box IMEI matches {box}, identity checked {identity}</source>
        <translation>Kepemilikan: bukti pembelian {proof}, IMEI kotak cocok {box}, identitas diperiksa {identity}</translation>
    </message>
    <message>
        <source>Checked by: {name}</source>
        <translation>Diperiksa oleh: {name}</translation>
    </message>
    <message>
        <source>A self-test of the desk's connection (mirecovery --self-test).</source>
        <translation>Uji mandiri koneksi meja (mirecovery --self-test).</translation>
    </message>
    <message>
        <source>Open at desk {desk}, with {staff}.</source>
        <translation>Sedang dibuka di meja {desk}, oleh {staff}.</translation>
    </message>
    <message>
        <source>Desk: {desk}</source>
        <translation>Meja: {desk}</translation>
    </message>
    <message>
        <source>Last changed at desk {desk}</source>
        <translation>Terakhir diubah di meja {desk}</translation>
    </message>
    <message>
        <source>The shop database cannot be reached, so the notes could not be saved. They are still in the field: save them again when the foot of the window says connected.</source>
        <translation>Database toko tidak dapat dihubungi, jadi catatan tidak dapat disimpan. Catatan masih ada di kolomnya: simpan lagi saat bagian bawah jendela menyatakan terhubung.</translation>
    </message>
    <message>
        <source>The notes could not be saved. They are still in the field; try again in a moment.</source>
        <translation>Catatan tidak bisa disimpan. Catatan masih ada di kolomnya; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Notes saved.</source>
        <translation>Catatan tersimpan.</translation>
    </message>
    <message>
        <source>This case was deleted meanwhile, so there is nothing to add notes to.</source>
        <translation>Kasus ini sudah dihapus, jadi tidak ada yang bisa diberi catatan.</translation>
    </message>
    <message>
        <source>These notes were changed elsewhere meanwhile, so yours were not saved. Theirs: «{notes}». Press Save notes again to replace them with yours.</source>
        <translation>Catatan ini sudah diubah di tempat lain, jadi catatan Anda belum disimpan. Catatan mereka: «{notes}». Tekan Simpan catatan sekali lagi untuk menggantinya dengan catatan Anda.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sudah dikirim ke printer.</translation>
    </message>
    <message>
        <source>Save the request as PDF</source>
        <translation>Simpan permintaan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Choose another folder.</source>
        <translation>PDF tidak bisa disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>this case</source>
        <translation>kasus ini</translation>
    </message>
    <message>
        <source>The case of {who} is in progress at desk {desk} (with {staff}). Delete it and its support request from the shop database anyway? That desk's recovery of it ends, and nothing of it is kept. This cannot be undone.</source>
        <translation>Kasus {who} sedang berjalan di meja {desk} (oleh {staff}). Tetap hapus kasus ini beserta permintaan dukungannya dari database toko? Pemulihan di meja itu berhenti, dan tidak ada yang disimpan. Ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Delete the case of {who} and its support request from the shop database, for every desk? This cannot be undone.</source>
        <translation>Hapus kasus {who} beserta permintaan dukungannya dari database toko, untuk semua meja? Ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Delete this customer's data?</source>
        <translation>Hapus data pelanggan ini?</translation>
    </message>
    <message>
        <source>Delete the case of {who} and its support request from this computer? This cannot be undone.</source>
        <translation>Hapus kasus {who} beserta permintaan bantuannya dari komputer ini? Tindakan ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Simpan saja</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Terhapus.</translation>
    </message>
    <message>
        <source>Not deleted yet: the shop database cannot be reached. It is deleted there as soon as it can be; this desk keeps no copy meanwhile.</source>
        <translation>Belum terhapus: database toko tidak dapat dihubungi. Kasus dihapus di sana segera setelah bisa; meja ini tidak menyimpan salinan sementara itu.</translation>
    </message>
    <message>
        <source>Not deleted yet: the case log cannot be written right now. It is deleted as soon as it can be, while mirecovery stays open.</source>
        <translation>Belum dihapus: catatan kasus tidak bisa ditulis saat ini. Data dihapus begitu bisa, selama mirecovery tetap terbuka.</translation>
    </message>
    <message>
        <source>Delete all the shop's cases?</source>
        <translation>Hapus semua kasus toko?</translation>
    </message>
    <message>
        <source>Delete every case and support request of the shop, from every desk, from the shop database? This cannot be undone.</source>
        <translation>Hapus setiap kasus dan permintaan dukungan toko, dari semua meja, dari database toko? Ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>&amp;Delete everything</source>
        <translation>&amp;Hapus semuanya</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Ekspor daftar</translation>
    </message>
    <message>
        <source>The file could not be saved there. Choose another folder.</source>
        <translation>File tidak bisa disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Exported {count} cases.</source>
        <translation>{count} kasus diekspor.</translation>
    </message>
</context>
<context>
    <name>Identifier</name>
    <message>
        <source>Type the email, phone number or Mi account ID of the account.</source>
        <translation>Ketik email, nomor telepon, atau ID Akun Mi dari akun tersebut.</translation>
    </message>
    <message>
        <source>This is too long for an email, phone number or Mi account ID.</source>
        <translation>Terlalu panjang untuk email, nomor telepon, atau ID Akun Mi.</translation>
    </message>
    <message>
        <source>An email address needs an @, for example name@gmail.com.</source>
        <translation>Alamat email harus memakai @, misalnya nama@gmail.com.</translation>
    </message>
    <message>
        <source>This email address is not complete or has a typing mistake. Check it, for example name@gmail.com.</source>
        <translation>Alamat email ini belum lengkap atau salah ketik. Periksa lagi, misalnya nama@gmail.com.</translation>
    </message>
    <message>
        <source>Check the part after the @: it should look like gmail.com or yahoo.co.id.</source>
        <translation>Periksa bagian setelah @: seharusnya seperti gmail.com atau yahoo.co.id.</translation>
    </message>
    <message>
        <source>This phone number is too short. Check that no digit is missing.</source>
        <translation>Nomor telepon ini terlalu pendek. Pastikan tidak ada angka yang terlewat.</translation>
    </message>
    <message>
        <source>This phone number has too many digits. Check it again.</source>
        <translation>Nomor telepon ini kelebihan angka. Periksa lagi.</translation>
    </message>
    <message>
        <source>The country code is not known. Start with + and the country code, for example +62 812 0000 0001.</source>
        <translation>Kode negara tidak dikenal. Awali dengan + dan kode negara, misalnya +62 812 0000 0001.</translation>
    </message>
    <message>
        <source>This is not a valid phone number for the chosen country. Check the digits or choose another country.</source>
        <translation>Ini bukan nomor telepon yang valid untuk negara yang dipilih. Periksa angkanya atau pilih negara lain.</translation>
    </message>
    <message>
        <source>This does not look like an email, a phone number or a Mi account ID. Examples: name@gmail.com, 0812 0000 0001, 1234567890.</source>
        <translation>Ini tidak terlihat seperti email, nomor telepon, atau ID Akun Mi. Contoh: nama@gmail.com, 0812 0000 0001, 1234567890.</translation>
    </message>
</context>
<context>
    <name>IdentifierPage</name>
    <message>
        <source>Which account?</source>
        <translation>Akun yang mana?</translation>
    </message>
    <message>
        <source>Type the email address, phone number or Mi account ID of the Mi Account you want back.</source>
        <translation>Ketik alamat email, nomor telepon, atau ID Akun Mi dari Akun Mi yang ingin dipulihkan.</translation>
    </message>
    <message>
        <source>e.g. name@example.com, 0812 0000 0000 or 1234567890</source>
        <translation>mis. nama@example.com, 0812 0000 0000, atau 1234567890</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>&amp;Email, phone or Mi account ID:</source>
        <translation>&amp;Email, telepon, atau ID Akun Mi:</translation>
    </message>
    <message>
        <source>&amp;Country for local numbers:</source>
        <translation>Ne&amp;gara untuk nomor lokal:</translation>
    </message>
    <message>
        <source>Used when a phone number is typed without + and a country code.</source>
        <translation>Dipakai jika nomor telepon diketik tanpa + dan kode negara.</translation>
    </message>
    <message>
        <source>Customer (optional, for the shop's case log)</source>
        <translation>Pelanggan (opsional, untuk catatan kasus toko)</translation>
    </message>
    <message>
        <source>phone or email to call them back</source>
        <translation>telepon atau email untuk menghubungi kembali</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>Na&amp;ma pelanggan:</translation>
    </message>
    <message>
        <source>Customer con&amp;tact:</source>
        <translation>K&amp;ontak pelanggan:</translation>
    </message>
    <message>
        <source>Where to find it: the email or number the customer used to sign in. The Mi account ID is shown on the locked phone's screen and in Xiaomi's emails.</source>
        <translation>Di mana mencarinya: email atau nomor yang dipakai pelanggan untuk masuk. ID Akun Mi tampil di layar ponsel yang terkunci dan di email dari Xiaomi.</translation>
    </message>
    <message>
        <source>I no longer have this email or phone number…</source>
        <translation>Email atau nomor telepon ini sudah tidak bisa saya pakai…</translation>
    </message>
    <message>
        <source>✓ Email address</source>
        <translation>✓ Alamat email</translation>
    </message>
    <message>
        <source>✓ Phone number: {number}</source>
        <translation>✓ Nomor telepon: {number}</translation>
    </message>
    <message>
        <source>✓ Mi account ID</source>
        <translation>✓ ID Akun Mi</translation>
    </message>
</context>
<context>
    <name>Imei</name>
    <message>
        <source>Type the 15-digit IMEI. Dial *#06# on the phone or look at the box label.</source>
        <translation>Ketik IMEI 15 digit. Tekan *#06# di ponsel atau lihat label di kotak ponsel.</translation>
    </message>
    <message>
        <source>An IMEI has digits only. Remove letters and other characters.</source>
        <translation>IMEI hanya berisi angka. Hapus huruf dan karakter lain.</translation>
    </message>
    <message>
        <source>An IMEI has 15 digits; this has {count}. Check that no digit is missing.</source>
        <translation>IMEI terdiri dari 15 digit; ini hanya {count}. Pastikan tidak ada angka yang terlewat.</translation>
    </message>
    <message>
        <source>These are 14 digits: the last digit of the IMEI is missing. If the label shows 14 digits, the full IMEI is {suggestion}.</source>
        <translation>Ini 14 digit: angka terakhir IMEI belum ada. Jika di label memang 14 digit, IMEI lengkapnya {suggestion}.</translation>
    </message>
    <message>
        <source>These 16 digits are the IMEISV (IMEI and software version), not the IMEI. Use the 15-digit IMEI shown by *#06# or on the box.</source>
        <translation>16 digit ini adalah IMEISV (IMEI dan versi perangkat lunak), bukan IMEI. Pakai IMEI 15 digit dari *#06# atau dari kotak ponsel.</translation>
    </message>
    <message>
        <source>An IMEI has 15 digits; this has {count}. Check it again.</source>
        <translation>IMEI terdiri dari 15 digit; ini ada {count}. Periksa lagi.</translation>
    </message>
    <message>
        <source>This IMEI has a typing mistake: its last digit does not match the others. Compare it with *#06# or the box label digit by digit.</source>
        <translation>IMEI ini salah ketik: angka terakhirnya tidak cocok dengan angka lainnya. Bandingkan angka demi angka dengan *#06# atau label kotak.</translation>
    </message>
    <message>
        <source>An IMEI of zeros means the phone's IMEI was erased. Use the IMEI printed on the box or the invoice.</source>
        <translation>IMEI berisi nol semua berarti IMEI ponsel sudah terhapus. Pakai IMEI yang tercetak di kotak atau di nota.</translation>
    </message>
</context>
<context>
    <name>LimitedTextEdit</name>
    <message>
        <source>Only the first {count} characters were kept.</source>
        <translation>Hanya {count} karakter pertama yang disimpan.</translation>
    </message>
</context>
<context>
    <name>LostEverythingPage</name>
    <message>
        <source>Saved requests</source>
        <translation>Permintaan tersimpan</translation>
    </message>
    <message>
        <source>Sa&amp;ved requests:</source>
        <translation>&amp;Permintaan tersimpan:</translation>
    </message>
    <message>
        <source>Ask Xiaomi support: the facts</source>
        <translation>Minta bantuan Xiaomi: datanya</translation>
    </message>
    <message>
        <source>Ask Xiaomi support: the proof</source>
        <translation>Minta bantuan Xiaomi: buktinya</translation>
    </message>
    <message>
        <source>Ask Xiaomi support: review and send</source>
        <translation>Minta bantuan Xiaomi: periksa dan kirim</translation>
    </message>
    <message>
        <source>Fill in what the owner knows; * marks what support needs.</source>
        <translation>Isi yang diketahui pemilik; tanda * menandai yang dibutuhkan layanan pelanggan.</translation>
    </message>
    <message>
        <source>Support restores an account only for its owner. Gather the proof before sending.</source>
        <translation>Layanan pelanggan hanya memulihkan akun untuk pemiliknya. Kumpulkan buktinya sebelum mengirim.</translation>
    </message>
    <message>
        <source>Check the request, choose where it goes, and hand it over: from the owner's phone by the QR code, or from this computer.</source>
        <translation>Periksa permintaannya, pilih tujuannya, lalu serahkan: dari ponsel pemilik lewat kode QR, atau dari komputer ini.</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>Fi&amp;nish</source>
        <translation>Sel&amp;esai</translation>
    </message>
    <message>
        <source>The request was not copied, mailed, saved or printed yet, and it is not kept: case recording is off (Settings), so finishing now loses it.</source>
        <translation>Permintaan belum disalin, dikirim lewat email, disimpan, atau dicetak, dan tidak disimpan: pencatatan kasus dimatikan (Pengaturan), jadi permintaan hilang jika selesai sekarang.</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Finish without sending?</source>
        <translation>Selesai tanpa mengirim?</translation>
    </message>
    <message>
        <source>Open Xiaomi's help &amp;centre</source>
        <translation>Buka pusat bantuan &amp;Xiaomi</translation>
    </message>
    <message>
        <source>New re&amp;quest</source>
        <translation>&amp;Mulai permintaan baru</translation>
    </message>
    <message>
        <source>The request was not copied, mailed, saved or printed yet. It stays under Saved requests, to send later.</source>
        <translation>Permintaan belum disalin, dikirim lewat email, disimpan, atau dicetak. Permintaan tetap ada di Permintaan tersimpan, untuk dikirim nanti.</translation>
    </message>
    <message>
        <source>&amp;Stay here</source>
        <translation>&amp;Tetap di sini</translation>
    </message>
    <message>
        <source>No email address or phone number is linked to this account, so Xiaomi cannot send a code. The way back is a request to Xiaomi support.</source>
        <translation>Tidak ada email atau nomor telepon yang terhubung ke akun ini, jadi Xiaomi tidak bisa mengirim kode. Jalan kembalinya adalah permintaan bantuan ke Xiaomi.</translation>
    </message>
    <message>
        <source>Xiaomi's help centre also offers "Restore security info", which can be quicker than a request: try it first if the owner has not. The request says whether it was tried.</source>
        <translation>Pusat bantuan Xiaomi juga punya "Pulihkan info keamanan", yang bisa lebih cepat daripada permintaan: coba dulu jika pemilik belum mencobanya. Permintaan mencatat apakah sudah dicoba.</translation>
    </message>
    <message>
        <source>No more codes can be sent today. You can wait 24 hours and try again, or ask Xiaomi support now.</source>
        <translation>Hari ini kode tidak bisa dikirim lagi. Anda bisa menunggu 24 jam lalu coba lagi, atau minta bantuan Xiaomi sekarang.</translation>
    </message>
    <message>
        <source>Xiaomi has paused recovery for this account for now. You can try again later, or ask Xiaomi support now.</source>
        <translation>Untuk sementara Xiaomi menghentikan pemulihan untuk akun ini. Anda bisa coba lagi nanti, atau minta bantuan Xiaomi sekarang.</translation>
    </message>
    <message>
        <source>Without the email or the phone number, Xiaomi cannot send a code. The way back is a request to Xiaomi support with proof that the phone is the owner's.</source>
        <translation>Tanpa email atau nomor telepon, Xiaomi tidak bisa mengirim kode. Jalan kembalinya adalah permintaan bantuan ke Xiaomi dengan bukti bahwa ponsel itu milik pemiliknya.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Something went wrong inside the app. It keeps running; if a step looks stuck, start a new recovery. Details were written to the log, without personal data: {path}</source>
        <translation>Terjadi masalah di dalam aplikasi. Aplikasi tetap berjalan; jika sebuah langkah tampak macet, mulai pemulihan baru. Rinciannya ditulis ke log, tanpa data pribadi: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;New recovery</source>
        <translation>Pemulihan &amp;baru</translation>
    </message>
    <message>
        <source>Case &amp;history…</source>
        <translation>&amp;Riwayat kasus…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Setelan…</translation>
    </message>
    <message>
        <source>Practise on Xiaomi's &amp;page (training)</source>
        <translation>Berlatih di &amp;halaman Xiaomi (latihan)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>B&amp;ahasa</translation>
    </message>
    <message>
        <source>Same as the &amp;system</source>
        <translation>Sama dengan &amp;sistem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Xiaomi's &amp;official forgot-password page</source>
        <translation>Halaman resmi Xiaomi untuk &amp;lupa sandi</translation>
    </message>
    <message>
        <source>&amp;About mirecovery</source>
        <translation>&amp;Tentang mirecovery</translation>
    </message>
    <message>
        <source>mirecovery: Mi Account recovery assistant</source>
        <translation>mirecovery: asisten pemulihan Akun Mi</translation>
    </message>
    <message>
        <source> (training)</source>
        <translation> (latihan)</translation>
    </message>
    <message>
        <source>About mirecovery</source>
        <translation>Tentang mirecovery</translation>
    </message>
    <message>
        <source>mirecovery {version}

A desktop assistant for the official Mi Account recovery steps. It does not bypass captchas, codes, the activation lock or FRP. Not made by or affiliated with Xiaomi.</source>
        <translation>mirecovery {version}

Asisten desktop untuk langkah resmi pemulihan Akun Mi. Aplikasi ini tidak membobol captcha, kode, kunci aktivasi, atau FRP. Tidak dibuat oleh dan tidak berafiliasi dengan Xiaomi.</translation>
    </message>
    <message numerus="yes">
        <source>Shop database: the password was refused; enter it again (the button above, or File &gt; Settings &gt; Shop database). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Database toko: kata sandi ditolak; masukkan lagi (tombol di atas, atau File &gt; Setelan &gt; Database toko). %n perubahan menunggu di komputer ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: enter this desk's password (the button above, or File &gt; Settings &gt; Shop database). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Database toko: masukkan kata sandi meja ini (tombol di atas, atau File &gt; Setelan &gt; Database toko). %n perubahan menunggu di komputer ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: the secure connection (TLS) failed; check sslmode and the CA file in Settings &gt; Shop database. %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Database toko: koneksi aman (TLS) gagal; periksa sslmode dan file CA di Setelan &gt; Database toko. %n perubahan menunggu di komputer ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: not set up for mirecovery yet (its owner runs: mirecovery shop-db init). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Database toko: belum disiapkan untuk mirecovery (pemiliknya menjalankan: mirecovery shop-db init). %n perubahan menunggu di komputer ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: set up by a newer mirecovery; update this desk. %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Database toko: disiapkan oleh mirecovery yang lebih baru; perbarui meja ini. %n perubahan menunggu di komputer ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database: this login may not use the case log (ask the manager for the desk role). %n change(s) wait on this computer.</source>
        <translation>
            <numerusform>Database toko: login ini tidak boleh memakai catatan kasus (minta peran meja kepada manajer). %n perubahan menunggu di komputer ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shop database cannot be reached. Work goes on: %n change(s) wait on this computer and go up when it is back.</source>
        <translation>
            <numerusform>Database toko tidak dapat dihubungi. Pekerjaan tetap berjalan: %n perubahan menunggu di komputer ini dan dikirim saat database kembali.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop database: connecting… (desk {desk})</source>
        <translation>Database toko: menghubungkan… (meja {desk})</translation>
    </message>
    <message numerus="yes">
        <source>Shop database: sending %n change(s)…</source>
        <translation>
            <numerusform>Database toko: mengirim %n perubahan…</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop database: connected, everything saved (desk {desk})</source>
        <translation>Database toko: terhubung, semua tersimpan (meja {desk})</translation>
    </message>
</context>
<context>
    <name>NewPasswordPage</name>
    <message>
        <source>Choose a new password</source>
        <translation>Buat sandi baru</translation>
    </message>
    <message>
        <source>If Xiaomi accepted the code, choose the new password now. If the new password is refused, ask for a new code.</source>
        <translation>Jika Xiaomi menerima kodenya, pilih sandi baru sekarang. Jika sandi baru ditolak, minta kode baru.</translation>
    </message>
    <message>
        <source>The code was right. Now choose the new password for the Mi Account.</source>
        <translation>Kodenya benar. Sekarang buat sandi baru untuk Akun Mi.</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Setel ulang sandi</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Sandi bar&amp;u:</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>Ketik &amp;lagi:</translation>
    </message>
    <message>
        <source>Su&amp;ggest a strong password</source>
        <translation>Sa&amp;rankan sandi yang kuat</translation>
    </message>
    <message>
        <source>C&amp;opy the password</source>
        <translation>Sali&amp;n sandi</translation>
    </message>
    <message>
        <source>Xiaomi's rules:</source>
        <translation>Aturan dari Xiaomi:</translation>
    </message>
    <message>
        <source>met</source>
        <translation>terpenuhi</translation>
    </message>
    <message>
        <source>not met yet</source>
        <translation>belum terpenuhi</translation>
    </message>
    <message>
        <source>✓ The two passwords match.</source>
        <translation>✓ Kedua sandi sama.</translation>
    </message>
    <message>
        <source>✗ The two passwords do not match yet.</source>
        <translation>✗ Kedua sandi belum sama.</translation>
    </message>
    <message>
        <source>Copied. Paste it on the phone now: it leaves the clipboard in {time}.</source>
        <translation>Tersalin. Tempel di ponsel sekarang: sandi dihapus dari papan klip dalam {time}.</translation>
    </message>
    <message>
        <source>Reset with the suggested password?</source>
        <translation>Atur ulang dengan sandi yang disarankan?</translation>
    </message>
    <message>
        <source>Has the owner written it down? It is in the field now; once it is set, mirecovery cannot show it again.</source>
        <translation>Apakah pemilik sudah mencatatnya? Sandi itu ada di kolom sekarang; setelah diatur, mirecovery tidak bisa menampilkannya lagi.</translation>
    </message>
    <message>
        <source>&amp;Not yet</source>
        <translation>&amp;Belum</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation>T&amp;utup</translation>
    </message>
</context>
<context>
    <name>OfficialSitePage</name>
    <message>
        <source>Continue on Xiaomi's website</source>
        <translation>Lanjutkan di situs Xiaomi</translation>
    </message>
    <message>
        <source>Practice: Xiaomi's page (training copy)</source>
        <translation>Latihan: halaman Xiaomi (salinan latihan)</translation>
    </message>
    <message>
        <source>Xiaomi's page: reset the password</source>
        <translation>Halaman Xiaomi: atur ulang sandi</translation>
    </message>
    <message>
        <source>The app cannot talk to Xiaomi right now. The same steps work on the official website.</source>
        <translation>Aplikasi sedang tidak bisa terhubung ke Xiaomi. Langkah yang sama bisa dilakukan di situs resmi.</translation>
    </message>
    <message>
        <source>1. Open the page (button below, or scan the code with the phone's camera).
2. Type the email, phone number or Mi account ID.
3. Type the characters in the picture.
4. Press Send to get a verification code by SMS or email.
5. Type the code (Resend if it does not come in a minute; check Spam).
6. Choose the new password, then sign in again on the phone.</source>
        <translation>1. Buka halamannya (tombol di bawah, atau pindai kodenya dengan kamera ponsel).
2. Ketik email, nomor telepon, atau ID Akun Mi.
3. Masukkan karakter yang ada di gambar.
4. Ketuk Dapatkan kode untuk menerima kode verifikasi lewat SMS atau email.
5. Masukkan kodenya (Kirim lagi jika tidak datang dalam satu menit; periksa folder Spam).
6. Buat sandi baru, lalu masuk lagi di ponsel.</translation>
    </message>
    <message>
        <source>QR code of the official forgot-password page</source>
        <translation>Kode QR halaman resmi lupa sandi</translation>
    </message>
    <message>
        <source>Scan to open it on the phone:</source>
        <translation>Pindai untuk membukanya di ponsel:</translation>
    </message>
    <message>
        <source>&amp;Open the official website</source>
        <translation>Buka situs &amp;resmi</translation>
    </message>
    <message>
        <source>No email or phone? Prepare a &amp;support request</source>
        <translation>Tidak punya email atau telepon? Siapkan &amp;permintaan bantuan</translation>
    </message>
    <message>
        <source>phone or email</source>
        <translation>telepon atau email</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>&amp;Open in the browser</source>
        <translation>Buka di &amp;peramban</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>Pan&amp;duan</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>The app could not go on with Xiaomi's answer, so finish on Xiaomi's own page, here: the same steps, from the start. If it sends a new code, use that one. When you are done, press the button that says how it went.</source>
        <translation>Aplikasi tidak bisa melanjutkan dengan jawaban Xiaomi, jadi selesaikan di halaman Xiaomi sendiri, di sini: langkahnya sama, dari awal. Jika halaman itu mengirim kode baru, pakai kode itu. Setelah selesai, tekan tombol yang sesuai dengan hasilnya.</translation>
    </message>
    <message>
        <source>Not loaded:</source>
        <translation>Tidak termuat:</translation>
    </message>
    <message>
        <source>Encrypted (HTTPS):</source>
        <translation>Terenkripsi (HTTPS):</translation>
    </message>
    <message>
        <source>Not encrypted:</source>
        <translation>Tidak terenkripsi:</translation>
    </message>
    <message>
        <source>Xiaomi's page changes language when it loads again: press Reload (what was typed on it is cleared; a code already sent still comes).</source>
        <translation>Bahasa halaman Xiaomi berganti saat dimuat ulang: tekan Muat ulang (yang sudah diketik di halaman itu terhapus; kode yang sudah dikirim tetap datang).</translation>
    </message>
    <message>
        <source>It &amp;worked</source>
        <translation>Ber&amp;hasil</translation>
    </message>
    <message>
        <source>The code does not &amp;come</source>
        <translation>Kode tidak &amp;masuk</translation>
    </message>
    <message>
        <source>No email or phone any &amp;more</source>
        <translation>&amp;Email dan telepon sudah tidak ada</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>&amp;Nama pelanggan:</translation>
    </message>
    <message>
        <source>Customer con&amp;tact:</source>
        <translation>K&amp;ontak pelanggan:</translation>
    </message>
    <message>
        <source>This computer cannot show Xiaomi's page inside the app, so it opens in the browser: the same steps, on Xiaomi's official website.</source>
        <translation>Komputer ini tidak bisa menampilkan halaman Xiaomi di dalam aplikasi, jadi halaman dibuka di peramban: langkahnya sama, di situs resmi Xiaomi.</translation>
    </message>
    <message>
        <source>The app could not go on with Xiaomi's answer. The same steps work on Xiaomi's official website: open it in the browser, or on the owner's phone with the code below.</source>
        <translation>Aplikasi tidak bisa melanjutkan dengan jawaban Xiaomi. Langkah yang sama bisa dilakukan di situs resmi Xiaomi: buka di peramban, atau di ponsel pemilik dengan kode di bawah.</translation>
    </message>
    <message>
        <source>The same page as Xiaomi's, on the training service: the training accounts, codes and phone. When you are done, press the button that says how it went.</source>
        <translation>Halaman yang sama dengan milik Xiaomi, di layanan latihan: akun, kode, dan ponsel latihan. Setelah selesai, tekan tombol yang sesuai dengan hasilnya.</translation>
    </message>
    <message>
        <source>This is Xiaomi's own page, inside the app: type into it as on Xiaomi's website. The guide beside says what it asks next. When you are done, press the button that says how it went.</source>
        <translation>Ini halaman Xiaomi sendiri, di dalam aplikasi: isi seperti di situs Xiaomi. Panduan di sampingnya menjelaskan apa yang ditanyakan berikutnya. Setelah selesai, tekan tombol yang sesuai dengan hasilnya.</translation>
    </message>
    <message>
        <source>What Xiaomi's page asks, in order:
1. The email, phone number or Mi account ID.
2. The characters in the picture, or a puzzle to slide.
3. Where the code goes (SMS or email), then Send.
4. The code from the message. Email: look in Spam too. SMS: in some countries it comes by WhatsApp. Xiaomi sends at most 3 codes a day to one contact (5 in mainland China).
5. The new password, twice: 8 to 16 characters with at least two of letters, numbers and symbols, and not the email, phone number or ID.
Then press the button that says how it went.</source>
        <translation>Yang ditanyakan halaman Xiaomi, berurutan:
1. Email, nomor telepon, atau ID Akun Mi.
2. Karakter pada gambar, atau teka-teki geser.
3. Ke mana kode dikirim (SMS atau email), lalu Kirim.
4. Kode dari pesan. Email: periksa juga folder Spam. SMS: di beberapa negara kode datang lewat WhatsApp. Xiaomi mengirim paling banyak 3 kode sehari ke satu kontak (5 di Tiongkok daratan).
5. Sandi baru, dua kali: 8 sampai 16 karakter dengan paling sedikit dua jenis: huruf, angka, dan simbol, dan bukan email, nomor telepon, atau ID.
Lalu tekan tombol yang sesuai dengan hasilnya.</translation>
    </message>
    <message>
        <source>Account typed before: {account}</source>
        <translation>Akun yang diketik tadi: {account}</translation>
    </message>
    <message>
        <source>Wait a minute or two, then check Spam, Promotions and WhatsApp; make sure the contact is the right one. Codes used up today: try again tomorrow. No code ever reaches the owner: prepare a support request with "No email or phone any more".</source>
        <translation>Tunggu satu atau dua menit, lalu periksa Spam, Promosi, dan WhatsApp; pastikan kontaknya benar. Kode hari ini sudah habis: coba lagi besok. Kode tidak pernah sampai ke pemilik: siapkan permintaan bantuan dengan "Email dan telepon sudah tidak ada".</translation>
    </message>
    <message>
        <source>Xiaomi's page did not load. Check the connection, then press Reload; or open it in the browser.</source>
        <translation>Halaman Xiaomi tidak termuat. Periksa koneksi, lalu tekan Muat ulang; atau buka di peramban.</translation>
    </message>
    <message>
        <source>The page went on to {host}, which the app does not open inside. If it is Xiaomi's, open the page in the browser.</source>
        <translation>Halaman berpindah ke {host}, yang tidak dibuka di dalam aplikasi. Jika itu milik Xiaomi, buka halamannya di peramban.</translation>
    </message>
    <message>
        <source>Practice site on this computer:</source>
        <translation>Situs latihan di komputer ini:</translation>
    </message>
    <message>
        <source>Practice site on the training server:</source>
        <translation>Situs latihan di server latihan:</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation>Sembunyikan</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Hide password</source>
        <translation>Sembunyikan sandi</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Tampilkan sandi</translation>
    </message>
</context>
<context>
    <name>PasswordRule</name>
    <message>
        <source>{min} to {max} characters</source>
        <translation>{min} sampai {max} karakter</translation>
    </message>
    <message>
        <source>Only English letters, digits and keyboard symbols (no emoji or accents)</source>
        <translation>Hanya huruf Latin, angka, dan simbol keyboard (tanpa emoji atau huruf beraksen)</translation>
    </message>
    <message>
        <source>At least two of: letters, digits, symbols</source>
        <translation>Minimal gabungan 2 unsur: huruf, angka, simbol</translation>
    </message>
    <message>
        <source>Letters, digits and symbols</source>
        <translation>Huruf, angka, dan simbol</translation>
    </message>
    <message>
        <source>Letters, digits or symbols</source>
        <translation>Huruf, angka, atau simbol</translation>
    </message>
    <message>
        <source>Does not contain your email, phone number or Mi account ID</source>
        <translation>Tidak memuat email, nomor telepon, atau ID Akun Mi Anda</translation>
    </message>
</context>
<context>
    <name>ProofChecklist</name>
    <message>
        <source>Photos to add to the request</source>
        <translation>Foto untuk dilampirkan</translation>
    </message>
    <message>
        <source>Support decides from proof. Take these with the owner's phone now, to attach when the request is sent:
1. The purchase invoice or receipt, with the date and the shop.
2. The label on the box, where the IMEI is printed.
3. The phone's own IMEI: dial *#06# and take a photo of the screen.</source>
        <translation>Layanan pelanggan memutuskan berdasarkan bukti. Foto sekarang dengan ponsel pemilik, untuk dilampirkan saat permintaan dikirim:
1. Nota pembelian atau faktur, dengan tanggal dan nama tokonya.
2. Label kotak ponsel, tempat IMEI tercetak.
3. IMEI dari ponsel itu sendiri: tekan *#06# lalu foto layarnya.</translation>
    </message>
    <message>
        <source>Checked at the shop (for staff)</source>
        <translation>Diperiksa di toko (untuk petugas)</translation>
    </message>
    <message>
        <source>Tick only what was really checked; the request says so. An owner on their own can skip this.</source>
        <translation>Centang hanya yang benar-benar diperiksa; permintaan akan menyebutkannya. Pemilik yang mengurus sendiri bisa melewati bagian ini.</translation>
    </message>
    <message>
        <source>Proof of purchase seen (invoice or receipt)</source>
        <translation>Bukti pembelian sudah dilihat (nota atau faktur)</translation>
    </message>
    <message>
        <source>The IMEI on the box matches the phone (*#06#)</source>
        <translation>IMEI di kotak sama dengan ponselnya (*#06#)</translation>
    </message>
    <message>
        <source>Owner's identity checked (ID card)</source>
        <translation>Identitas pemilik sudah diperiksa (KTP)</translation>
    </message>
    <message>
        <source>e.g. Sari</source>
        <translation>mis. Sari</translation>
    </message>
    <message>
        <source>Checked b&amp;y:</source>
        <translation>Diperiksa &amp;oleh:</translation>
    </message>
</context>
<context>
    <name>RecoveryError</name>
    <message>
        <source>Something went wrong. Try again in a moment.</source>
        <translation>Terjadi masalah. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>The characters did not match the picture. Type the ones in the new picture.</source>
        <translation>Karakter tidak sesuai dengan gambar. Ketik karakter di gambar yang baru.</translation>
    </message>
    <message>
        <source>For safety, Xiaomi asks you to type the characters in a picture first.</source>
        <translation>Demi keamanan, Xiaomi meminta Anda mengetik karakter di gambar terlebih dahulu.</translation>
    </message>
    <message>
        <source>A recovery could not be started with this email, phone number or Mi account ID. Check it for typing mistakes or try another one linked to the account. If none works, prepare a request to Xiaomi support.</source>
        <translation>Pemulihan tidak bisa dimulai dengan email, nomor telepon, atau ID Akun Mi ini. Periksa apakah ada salah ketik, atau coba yang lain yang terhubung ke akun. Jika tidak ada yang berhasil, siapkan permintaan bantuan ke Xiaomi.</translation>
    </message>
    <message>
        <source>The verification code is wrong. Check the digits and try again.</source>
        <translation>Kode verifikasi salah. Periksa kembali angkanya, lalu coba lagi.</translation>
    </message>
    <message>
        <source>This code is wrong. If it came from an earlier message, it was replaced by the newer one: only the code from the newest message works. Tries left before it is blocked: %n.</source>
        <translation>Kode ini salah. Jika berasal dari pesan sebelumnya, kode itu sudah diganti oleh yang lebih baru: hanya kode dari pesan terbaru yang berlaku. Sisa percobaan sebelum diblokir: %n.</translation>
    </message>
    <message>
        <source>This code is wrong. If it came from an earlier message, it was replaced by the newer one: only the code from the newest message works.</source>
        <translation>Kode ini salah. Jika kode ini dari pesan sebelumnya, kode itu sudah diganti dengan yang lebih baru: hanya kode dari pesan terbaru yang berlaku.</translation>
    </message>
    <message>
        <source>The verification code is wrong. Check the digits and try again. Tries left before it is blocked: %n.</source>
        <translation>Kode verifikasi salah. Periksa kembali angkanya, lalu coba lagi. Sisa percobaan sebelum diblokir: %n.</translation>
    </message>
    <message>
        <source>This code no longer works: it was tried too many times, or it is too old (a code lasts a few minutes). Ask for a new code.</source>
        <translation>Kode ini sudah tidak berlaku: terlalu sering dicoba, atau sudah kedaluwarsa (kode hanya berlaku beberapa menit). Minta kode baru.</translation>
    </message>
    <message>
        <source>Xiaomi ended this recovery (it was left too long, or started again elsewhere). Start again; it only takes a minute.</source>
        <translation>Xiaomi mengakhiri pemulihan ini (terlalu lama ditinggalkan, atau dimulai lagi di tempat lain). Mulai lagi; hanya butuh satu menit.</translation>
    </message>
    <message>
        <source>Too much time has passed since the code was checked, so the password was not changed. Start again; it only takes a minute.</source>
        <translation>Sudah terlalu lama sejak kode diperiksa, jadi sandi belum diubah. Mulai lagi; hanya butuh satu menit.</translation>
    </message>
    <message>
        <source>Too many verification codes have been sent to this contact today. Wait 24 hours and try again, or prepare a request to Xiaomi support.</source>
        <translation>Terlalu banyak kode verifikasi yang telah dikirimkan ke kontak ini hari ini. Tunggu 24 jam dan coba lagi, atau siapkan permintaan bantuan ke Xiaomi.</translation>
    </message>
    <message>
        <source>Xiaomi did not accept this password. Choose another one.</source>
        <translation>Xiaomi tidak menerima sandi ini. Buat sandi lain.</translation>
    </message>
    <message>
        <source>This password was used on this account before. Choose one it has not had.</source>
        <translation>Sandi ini pernah dipakai di akun ini. Pilih sandi yang belum pernah dipakai.</translation>
    </message>
    <message>
        <source>The password cannot contain the account's email, phone number or Mi account ID. Choose another one.</source>
        <translation>Sandi tidak boleh memuat email, nomor telepon, atau ID Akun Mi dari akun ini. Pilih sandi lain.</translation>
    </message>
    <message>
        <source>Xiaomi has paused recovery for this account or this network for now. Try again later, or prepare a request to Xiaomi support.</source>
        <translation>Untuk sementara Xiaomi menghentikan pemulihan untuk akun atau jaringan ini. Coba lagi nanti, atau siapkan permintaan bantuan ke Xiaomi.</translation>
    </message>
    <message>
        <source>Xiaomi answered with something this app does not know (code {code}).</source>
        <translation>Xiaomi memberi jawaban yang tidak dikenali aplikasi ini (kode {code}).</translation>
    </message>
    <message>
        <source>Cannot connect to the server. Check the internet connection, then try again.</source>
        <translation>Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.</translation>
    </message>
    <message>
        <source>No internet connection: the server's address could not be found. Check Wi-Fi or the cable, then try again.</source>
        <translation>Tidak ada koneksi internet: alamat server tidak ditemukan. Periksa Wi-Fi atau kabel, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The connection to the server timed out. The network may be slow or blocked. Try again.</source>
        <translation>Waktu koneksi ke server habis. Jaringan mungkin lambat atau diblokir. Coba lagi.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation>Server tidak menjawab tepat waktu. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The connection broke in the middle of the answer. Try again.</source>
        <translation>Koneksi terputus di tengah jawaban. Coba lagi.</translation>
    </message>
    <message>
        <source>The server's answer was lost on the way. Try again in a moment.</source>
        <translation>Jawaban dari server hilang di jalan. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The server's answer was lost on the way, so a code may have been sent. Check the phone or email first: if a code came, go on and type it. You can ask for another after the countdown.</source>
        <translation>Jawaban dari server hilang di jalan, jadi mungkin kode sudah dikirim. Periksa dulu ponsel atau email: kalau kode sudah datang, lanjutkan dan ketik kodenya. Anda bisa meminta kode lain setelah hitungan mundur selesai.</translation>
    </message>
    <message>
        <source>The server's answer was lost on the way, so the code may already have been accepted. Go on to choose the new password; if Xiaomi refuses it, ask for a new code.</source>
        <translation>Jawaban dari server hilang di jalan, jadi mungkin kodenya sudah diterima. Lanjutkan untuk membuat sandi baru; kalau Xiaomi menolaknya, minta kode baru.</translation>
    </message>
    <message>
        <source>The server's answer was lost on the way, so the new password may already be active. Try signing in with it on the phone first: if it works, go on; if not, try again.</source>
        <translation>Jawaban dari server hilang di jalan, jadi mungkin sandi baru sudah berlaku. Coba masuk dulu dengan sandi itu di ponsel: kalau berhasil, lanjutkan; kalau tidak, coba lagi.</translation>
    </message>
    <message>
        <source>The server has a problem right now (error {status}). Try again in a moment.</source>
        <translation>Server sedang bermasalah (kesalahan {status}). Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The server is busy and asks to wait {time} (minutes:seconds) before trying again.</source>
        <translation>Server sedang sibuk dan meminta Anda menunggu {time} (menit:detik) sebelum mencoba lagi.</translation>
    </message>
    <message>
        <source>The server is busy and asks to wait {time} (hours:minutes:seconds) before trying again.</source>
        <translation>Server sedang sibuk dan meminta Anda menunggu {time} (jam:menit:detik) sebelum mencoba lagi.</translation>
    </message>
    <message>
        <source>Xiaomi sent a code a moment ago: it may still arrive (look in Spam and WhatsApp too). Another can be asked for in {time} (minutes:seconds).</source>
        <translation>Xiaomi baru saja mengirim kode: kode itu mungkin masih akan masuk (periksa juga Spam dan WhatsApp). Kode lain bisa diminta dalam {time} (menit:detik).</translation>
    </message>
    <message>
        <source>The server's answer could not be understood. It may be a network login page or a change on Xiaomi's side. Try again.</source>
        <translation>Jawaban server tidak bisa dipahami. Mungkin itu halaman login jaringan atau ada perubahan dari Xiaomi. Coba lagi.</translation>
    </message>
    <message>
        <source>This classroom training server needs its join code. Ask the trainer for the address with the code (it ends in ?code=...) and start mirecovery with it.</source>
        <translation>Server latihan kelas ini memerlukan kode bergabung. Minta alamat beserta kodenya kepada pelatih (diakhiri ?code=...) lalu buka mirecovery dengan alamat itu.</translation>
    </message>
    <message>
        <source>The secure connection could not be verified. The computer's date and time may be wrong, or a security program or network is intercepting connections. Check the date and time, then try again on another network.</source>
        <translation>Koneksi aman tidak bisa diverifikasi. Tanggal dan jam komputer mungkin salah, atau ada program keamanan atau jaringan yang menyadap koneksi. Periksa tanggal dan jam, lalu coba lagi di jaringan lain.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Working</source>
        <translation>Sedang diproses</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>Berikut&amp;nya &gt;</translation>
    </message>
</context>
<context>
    <name>RecoverySession</name>
    <message>
        <source>A new code is on its way to {contact}. Use the newest code.</source>
        <translation>Kode baru sedang dikirim ke {contact}. Pakai kode yang paling baru.</translation>
    </message>
    <message>
        <source>Type the email, phone number or Mi account ID again ({masked}): only a masked form was kept, and codes or captchas are never kept. The case continues.</source>
        <translation>Ketik lagi email, nomor telepon, atau ID Akun Mi ({masked}): yang disimpan hanya versi tersamar, dan kode atau captcha tidak pernah disimpan. Kasusnya tetap berlanjut.</translation>
    </message>
    <message>
        <source>The request saved on {date} is open again.</source>
        <translation>Permintaan yang disimpan pada {date} dibuka kembali.</translation>
    </message>
</context>
<context>
    <name>RecoveryWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>No mail app could be opened on this computer. Copy the request and paste it into an email to {address}.</source>
        <translation>Tidak ada aplikasi email yang bisa dibuka di komputer ini. Salin permintaannya lalu tempel di email ke {address}.</translation>
    </message>
    <message>
        <source>No mail app could be opened on this computer. Copy the request and paste it into an email.</source>
        <translation>Tidak ada aplikasi email yang bisa dibuka di komputer ini. Salin permintaannya lalu tempel di email.</translation>
    </message>
    <message>
        <source>No web browser could be opened on this computer. Open {address} in a browser on any device and paste the request below into its form.</source>
        <translation>Tidak ada peramban web yang bisa dibuka di komputer ini. Buka {address} di peramban pada perangkat apa pun, lalu tempel permintaan di bawah ke formulirnya.</translation>
    </message>
    <message>
        <source>No web browser could be opened on this computer. Copy the address and open it in a browser.</source>
        <translation>Tidak ada browser yang bisa dibuka di komputer ini. Salin alamatnya lalu buka di browser.</translation>
    </message>
    <message>
        <source>Could not open it</source>
        <translation>Tidak bisa dibuka</translation>
    </message>
    <message>
        <source>Go &amp;on &gt;</source>
        <translation>&amp;Lanjutkan &gt;</translation>
    </message>
    <message>
        <source>Stop and start again? What was typed on Xiaomi's page will be cleared. If it already sent a code, that code may still arrive: the next try on the page will send a new one.</source>
        <translation>Berhenti dan mulai lagi? Yang sudah diketik di halaman Xiaomi akan dihapus. Jika halaman itu sudah mengirim kode, kode itu mungkin masih datang: percobaan berikutnya di halaman akan mengirim kode baru.</translation>
    </message>
    <message>
        <source>Stop this recovery?</source>
        <translation>Hentikan pemulihan ini?</translation>
    </message>
    <message>
        <source>Stop this recovery and start again? What was typed on these pages will be cleared.</source>
        <translation>Hentikan pemulihan ini dan mulai lagi? Semua yang sudah diketik di halaman ini akan dihapus.</translation>
    </message>
    <message>
        <source>&amp;Stop and start again</source>
        <translation>&amp;Hentikan dan mulai lagi</translation>
    </message>
</context>
<context>
    <name>SendCodePage</name>
    <message>
        <source>Get a verification code</source>
        <translation>Dapatkan kode verifikasi</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>&amp;Dapatkan kode</translation>
    </message>
    <message>
        <source>S&amp;MS to {contact}</source>
        <translation>S&amp;MS ke {contact}</translation>
    </message>
    <message>
        <source>A code by email can take a few minutes and may land in the Spam or Promotions folder. A code by SMS needs the SIM in a phone with signal (in some countries it comes by WhatsApp).</source>
        <translation>Kode lewat email bisa butuh beberapa menit dan mungkin masuk ke folder Spam atau Promosi. Kode lewat SMS butuh kartu SIM di ponsel yang mendapat sinyal (di beberapa negara kode datang lewat WhatsApp).</translation>
    </message>
    <message>
        <source>&amp;Email to {contact}</source>
        <translation>&amp;Email ke {contact}</translation>
    </message>
    <message>
        <source>Choose where Xiaomi sends the code, then press Send code.</source>
        <translation>Pilih ke mana Xiaomi mengirim kode, lalu klik Dapatkan kode.</translation>
    </message>
    <message>
        <source>Press Send code and Xiaomi sends a code to the contact below.</source>
        <translation>Klik Dapatkan kode, lalu Xiaomi mengirim kode ke kontak di bawah.</translation>
    </message>
    <message>
        <source>Xiaomi sends at most 5 codes a day to one contact in mainland China.</source>
        <translation>Xiaomi mengirim paling banyak 5 kode sehari ke satu kontak di Tiongkok daratan.</translation>
    </message>
    <message numerus="yes">
        <source>Xiaomi sends at most %n code(s) a day to one contact (5 in mainland China).</source>
        <translation>
            <numerusform>Xiaomi mengirim paling banyak %n kode sehari ke satu kontak (5 di Tiongkok daratan).</numerusform>
        </translation>
    </message>
    <message>
        <source>No codes left today for this contact.</source>
        <translation>Hari ini kode untuk kontak ini sudah habis.</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) left today for this contact.</source>
        <translation>
            <numerusform>Sisa kode hari ini untuk kontak ini: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Send again in {time}</source>
        <translation>Kirim lagi dalam {time}</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Kirim la&amp;gi</translation>
    </message>
    <message>
        <source>A code was sent to {contact}. Press Next to type it.</source>
        <translation>Kode sudah dikirim ke {contact}. Klik Berikutnya untuk memasukkannya.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Setelan</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Sama dengan sistem</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>B&amp;ahasa:</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>&amp;Warna:</translation>
    </message>
    <message>
        <source>Country for local &amp;numbers:</source>
        <translation>Negara untuk &amp;nomor lokal:</translation>
    </message>
    <message>
        <source>Ask at start</source>
        <translation>Tanyakan saat mulai</translation>
    </message>
    <message>
        <source>Training (offline practice)</source>
        <translation>Latihan (tanpa internet)</translation>
    </message>
    <message>
        <source>Xiaomi account</source>
        <translation>Akun Xiaomi</translation>
    </message>
    <message>
        <source>Start &amp;with:</source>
        <translation>&amp;Mulai dengan:</translation>
    </message>
    <message>
        <source>Xiaomi's own page inside the app</source>
        <translation>Halaman Xiaomi sendiri di dalam aplikasi</translation>
    </message>
    <message>
        <source>Direct to Xiaomi's service (experimental)</source>
        <translation>Langsung ke layanan Xiaomi (eksperimental)</translation>
    </message>
    <message>
        <source>&amp;Real accounts:</source>
        <translation>Akun n&amp;yata:</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Toko</translation>
    </message>
    <message>
        <source>Shop &amp;mode: customer fields and the case history</source>
        <translation>Mode &amp;toko: kolom pelanggan dan riwayat kasus</translation>
    </message>
    <message>
        <source>&amp;Staff name:</source>
        <translation>Nama &amp;petugas:</translation>
    </message>
    <message>
        <source>Shop data&amp;base…</source>
        <translation>Data&amp;base toko…</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privasi</translation>
    </message>
    <message>
        <source>&amp;Record cases (a masked identifier, the steps, the outcome)</source>
        <translation>&amp;Catat kasus (identitas tersamar, langkah, hasil)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>&amp;Keep cases for:</source>
        <translation>&amp;Simpan kasus selama:</translation>
    </message>
    <message>
        <source>Passwords, codes and captcha answers are never stored. Cases and support-request drafts are kept on the shop database, which deletes them after the shop's own number of days (its owner sets it). This computer keeps only what waits to go up.</source>
        <translation>Kata sandi, kode, dan jawaban captcha tidak pernah disimpan. Kasus dan draf permintaan dukungan disimpan di database toko, yang menghapusnya setelah jumlah hari yang ditetapkan toko (diatur pemiliknya). Komputer ini hanya menyimpan yang menunggu untuk dikirim.</translation>
    </message>
    <message>
        <source>Passwords, codes and captcha answers are never stored. Cases and support-request drafts stay on this computer and are deleted after this many days.</source>
        <translation>Sandi, kode, dan jawaban captcha tidak pernah disimpan. Kasus dan draf permintaan bantuan hanya ada di komputer ini dan dihapus setelah sekian hari.</translation>
    </message>
    <message>
        <source>&amp;Delete all data…</source>
        <translation>&amp;Hapus semua data…</translation>
    </message>
    <message>
        <source>Experimental. The app's own pages talk to Xiaomi's service the way public code does. Public evidence contradicts parts of it, so it may stop at the first step; it then hands over to Xiaomi's page inside the app.</source>
        <translation>Eksperimental. Halaman aplikasi sendiri berbicara dengan layanan Xiaomi seperti kode publik. Bukti publik membantah sebagian caranya, jadi bisa berhenti di langkah pertama; lalu aplikasi beralih ke halaman Xiaomi di dalam aplikasi.</translation>
    </message>
    <message>
        <source>Recommended. Xiaomi's own forgot-password page inside the app: its captcha and codes work as in a browser. Nothing of it is kept, and the app cannot see whether it worked: the buttons above it say how it went.</source>
        <translation>Disarankan. Halaman lupa sandi milik Xiaomi sendiri di dalam aplikasi: captcha dan kodenya berfungsi seperti di browser. Tidak ada yang disimpan, dan aplikasi tidak bisa melihat apakah berhasil: tombol di atasnya yang menyatakan hasilnya.</translation>
    </message>
    <message>
        <source>Settings keep: {address}.</source>
        <translation>Setelan menyimpan: {address}.</translation>
    </message>
    <message>
        <source>Shop database: {address} (desk {desk})</source>
        <translation>Database toko: {address} (meja {desk})</translation>
    </message>
    <message>
        <source>Shop database: none, cases stay on this computer</source>
        <translation>Database toko: tidak ada, kasus tetap di komputer ini</translation>
    </message>
    <message>
        <source>Delete the changes waiting on this computer and the log files? The shop's cases stay on the shop database: a manager deletes them in Case history. This cannot be undone.</source>
        <translation>Hapus perubahan yang menunggu di komputer ini dan file log? Kasus toko tetap di database toko: manajer menghapusnya di Riwayat kasus. Ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Delete all data?</source>
        <translation>Hapus semua data?</translation>
    </message>
    <message>
        <source>Delete every case, every support-request draft and the log files from this computer? This cannot be undone.</source>
        <translation>Hapus semua kasus, semua draf permintaan bantuan, dan file log dari komputer ini? Tindakan ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Shop database in use now: {address} (desk {desk}; given when mirecovery was started).</source>
        <translation>Database toko yang dipakai sekarang: {address} (meja {desk}; diberikan saat mirecovery dimulai).</translation>
    </message>
    <message>
        <source>&amp;Delete everything</source>
        <translation>&amp;Hapus semuanya</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Simpan saja</translation>
    </message>
</context>
<context>
    <name>ShopDatabase</name>
    <message>
        <source>it must start with postgresql://</source>
        <translation>alamat harus diawali postgresql://</translation>
    </message>
    <message>
        <source>it holds a password; leave it out, mirecovery asks for it</source>
        <translation>alamat berisi kata sandi; hapus kata sandinya, mirecovery akan menanyakannya</translation>
    </message>
    <message>
        <source>the port is not a number from 1 to 65535</source>
        <translation>port bukan angka dari 1 sampai 65535</translation>
    </message>
    <message>
        <source>it needs a user, a server and a database: postgresql://USER@HOST/DB</source>
        <translation>alamat perlu pengguna, server, dan database: postgresql://USER@HOST/DB</translation>
    </message>
    <message>
        <source>sslmode is not one PostgreSQL knows</source>
        <translation>sslmode tidak dikenal PostgreSQL</translation>
    </message>
    <message>
        <source>it has an option mirecovery does not know</source>
        <translation>alamat berisi opsi yang tidak dikenal mirecovery</translation>
    </message>
</context>
<context>
    <name>ShopDatabaseDialog</name>
    <message>
        <source>Shop database</source>
        <translation>Database toko</translation>
    </message>
    <message>
        <source>Several desks can keep one case log on the shop's PostgreSQL server. Leave the address empty to keep cases on this computer only. The change applies when mirecovery starts again.</source>
        <translation>Beberapa meja dapat memakai satu catatan kasus di server PostgreSQL toko. Kosongkan alamat agar kasus hanya disimpan di komputer ini. Perubahan berlaku saat mirecovery dimulai lagi.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>P&amp;ilih…</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Pilih file CA</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system's keyring)</source>
        <translation>Tidak diubah (disimpan di keyring sistem)</translation>
    </message>
    <message>
        <source>No keyring here: asked at each start</source>
        <translation>Tanpa keyring: ditanyakan setiap mulai</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Alamat server:</translation>
    </message>
    <message>
        <source>&amp;This desk's name:</source>
        <translation>&amp;Nama meja ini:</translation>
    </message>
    <message>
        <source>TL&amp;S (sslmode):</source>
        <translation>TL&amp;S (sslmode):</translation>
    </message>
    <message>
        <source>&amp;CA file (sslrootcert):</source>
        <translation>File &amp;CA (sslrootcert):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>disable: never encrypted</source>
        <translation>disable: tidak pernah dienkripsi</translation>
    </message>
    <message>
        <source>prefer: encrypted when the server offers it</source>
        <translation>prefer: dienkripsi bila server menawarkannya</translation>
    </message>
    <message>
        <source>require: always encrypted, server not checked</source>
        <translation>require: selalu dienkripsi, server tidak diperiksa</translation>
    </message>
    <message>
        <source>verify-ca: encrypted, certificate checked against the CA file</source>
        <translation>verify-ca: dienkripsi, sertifikat diperiksa dengan file CA</translation>
    </message>
    <message>
        <source>verify-full: encrypted, certificate and server name checked (best)</source>
        <translation>verify-full: dienkripsi, sertifikat dan nama server diperiksa (terbaik)</translation>
    </message>
    <message>
        <source>The shop's CA certificate</source>
        <translation>Sertifikat CA toko</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Sertifikat (*.pem *.crt)</translation>
    </message>
    <message>
        <source>{mode} checks the server against the shop's CA file: choose the CA file.</source>
        <translation>{mode} memeriksa server dengan file CA toko: pilih file CA.</translation>
    </message>
    <message>
        <source>This address cannot be used: {reason}</source>
        <translation>Alamat ini tidak dapat dipakai: {reason}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Get back into a Mi Account</source>
        <translation>Masuk kembali ke Akun Mi</translation>
    </message>
    <message>
        <source>This assistant follows Xiaomi's official recovery steps. Choose how to work.</source>
        <translation>Asisten ini mengikuti langkah resmi pemulihan dari Xiaomi. Pilih cara kerjanya.</translation>
    </message>
    <message>
        <source>&amp;Xiaomi account: recover a real account (experimental)</source>
        <translation>Akun &amp;Xiaomi: pulihkan akun sungguhan (percobaan)</translation>
    </message>
    <message>
        <source>&amp;Xiaomi account: recover a real account on Xiaomi's own page</source>
        <translation>Akun &amp;Xiaomi: pulihkan akun nyata di halaman Xiaomi sendiri</translation>
    </message>
    <message>
        <source>Talks to Xiaomi's servers. Xiaomi does not publish this service, so this mode follows its known conventions and may stop working; when it does, the app takes you to Xiaomi's official website with the same steps.</source>
        <translation>Terhubung ke server Xiaomi. Xiaomi tidak mempublikasikan layanan ini, jadi mode ini mengikuti cara kerja yang sudah diketahui dan bisa saja berhenti berfungsi; jika itu terjadi, aplikasi mengarahkan Anda ke situs resmi Xiaomi dengan langkah yang sama.</translation>
    </message>
    <message>
        <source>Xiaomi's own forgot-password page, inside this window, with a guide beside it to what it asks next. Nothing from it is kept: no cookies, no history, nothing on disk.</source>
        <translation>Halaman lupa sandi Xiaomi sendiri, di dalam jendela ini, dengan panduan di sampingnya tentang apa yang ditanyakan berikutnya. Tidak ada yang disimpan: tanpa cookie, tanpa riwayat, tidak ada di disk.</translation>
    </message>
    <message>
        <source>&amp;Training: practise with sample accounts (works offline)</source>
        <translation>Mode &amp;latihan: berlatih dengan akun contoh (tanpa internet)</translation>
    </message>
    <message>
        <source>A practice service on this computer. Codes appear on a training phone in the window. Try demo@example.com.</source>
        <translation>Layanan latihan di komputer ini. Kode muncul di ponsel latihan di jendela ini. Coba demo@example.com.</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Captcha</source>
        <translation>Captcha</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Dapatkan kode</translation>
    </message>
    <message>
        <source>Enter the code</source>
        <translation>Masukkan kode</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Sandi baru</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Xiaomi's page</source>
        <translation>Halaman Xiaomi</translation>
    </message>
    <message>
        <source>The facts</source>
        <translation>Datanya</translation>
    </message>
    <message>
        <source>The proof</source>
        <translation>Buktinya</translation>
    </message>
    <message>
        <source>Review and send</source>
        <translation>Periksa dan kirim</translation>
    </message>
    <message>
        <source>still to come</source>
        <translation>belum dilalui</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Langkah {number} dari {total}</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>account</source>
        <translation>akun</translation>
    </message>
    <message>
        <source>captcha</source>
        <translation>captcha</translation>
    </message>
    <message>
        <source>get a code</source>
        <translation>dapatkan kode</translation>
    </message>
    <message>
        <source>enter the code</source>
        <translation>masukkan kode</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>sandi baru</translation>
    </message>
    <message>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>support request</source>
        <translation>permintaan bantuan</translation>
    </message>
    <message>
        <source>official website</source>
        <translation>situs resmi</translation>
    </message>
    <message>
        <source>resumed after a crash</source>
        <translation>dilanjutkan setelah aplikasi berhenti</translation>
    </message>
    <message>
        <source>request reopened</source>
        <translation>permintaan dibuka lagi</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Password strength</source>
        <translation>Kekuatan sandi</translation>
    </message>
    <message>
        <source>Strength: type a password</source>
        <translation>Kekuatan: ketik sandi</translation>
    </message>
    <message>
        <source>Strength: {level}. {time}</source>
        <translation>Kekuatan: {level}. {time}</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>sangat lemah</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>lemah</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>sedang</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>kuat</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>sangat kuat</translation>
    </message>
    <message>
        <source>Someone could guess it in minutes.</source>
        <translation>Orang lain bisa menebaknya dalam hitungan menit.</translation>
    </message>
    <message>
        <source>Someone could guess it in hours.</source>
        <translation>Orang lain bisa menebaknya dalam hitungan jam.</translation>
    </message>
    <message>
        <source>Someone could guess it in days.</source>
        <translation>Orang lain bisa menebaknya dalam hitungan hari.</translation>
    </message>
    <message>
        <source>Guessing it would take months.</source>
        <translation>Butuh berbulan-bulan untuk menebaknya.</translation>
    </message>
    <message>
        <source>Guessing it would take years.</source>
        <translation>Butuh bertahun-tahun untuk menebaknya.</translation>
    </message>
    <message>
        <source>Guessing it would take centuries.</source>
        <translation>Butuh berabad-abad untuk menebaknya.</translation>
    </message>
    <message>
        <source>A row of keys like qwerty is easy to guess.</source>
        <translation>Deretan tombol seperti qwerty mudah ditebak.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Pola keyboard yang pendek mudah ditebak.</translation>
    </message>
    <message>
        <source>Repeats like aaa are easy to guess.</source>
        <translation>Pengulangan seperti aaa mudah ditebak.</translation>
    </message>
    <message>
        <source>Repeats like abcabc are easy to guess.</source>
        <translation>Pengulangan seperti abcabc mudah ditebak.</translation>
    </message>
    <message>
        <source>This is one of the ten most used passwords.</source>
        <translation>Ini salah satu dari sepuluh sandi yang paling sering dipakai.</translation>
    </message>
    <message>
        <source>This is one of the hundred most used passwords.</source>
        <translation>Ini salah satu dari seratus sandi yang paling sering dipakai.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Ini sandi yang sangat umum.</translation>
    </message>
    <message>
        <source>This is close to a very common password.</source>
        <translation>Ini mirip dengan sandi yang sangat umum.</translation>
    </message>
    <message>
        <source>Sequences like abc or 6543 are easy to guess.</source>
        <translation>Urutan seperti abc atau 6543 mudah ditebak.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Tahun-tahun terakhir mudah ditebak.</translation>
    </message>
    <message>
        <source>A single word is easy to guess.</source>
        <translation>Satu kata saja mudah ditebak.</translation>
    </message>
    <message>
        <source>Dates are easy to guess.</source>
        <translation>Tanggal mudah ditebak.</translation>
    </message>
    <message>
        <source>Names on their own are easy to guess.</source>
        <translation>Nama saja mudah ditebak.</translation>
    </message>
    <message>
        <source>Common names are easy to guess.</source>
        <translation>Nama yang umum mudah ditebak.</translation>
    </message>
    <message>
        <source>It contains the account's email, phone number or ID.</source>
        <translation>Sandi ini memuat email, nomor telepon, atau ID akun.</translation>
    </message>
    <message>
        <source>It contains a part of the account's email or phone number.</source>
        <translation>Sandi ini memuat sebagian email atau nomor telepon akun.</translation>
    </message>
    <message>
        <source>Use a few words together, not a common phrase.</source>
        <translation>Gabungkan beberapa kata, jangan pakai ungkapan yang umum.</translation>
    </message>
    <message>
        <source>Length helps more than symbols or capitals.</source>
        <translation>Panjang sandi lebih membantu daripada simbol atau huruf besar.</translation>
    </message>
    <message>
        <source>Add another word or two.</source>
        <translation>Tambahkan satu atau dua kata lagi.</translation>
    </message>
    <message>
        <source>Capital letters alone do not help much.</source>
        <translation>Huruf besar saja tidak banyak membantu.</translation>
    </message>
    <message>
        <source>All capitals is almost as easy to guess as none.</source>
        <translation>Huruf besar semua hampir sama mudahnya ditebak dengan huruf kecil semua.</translation>
    </message>
    <message>
        <source>Words spelled backwards are not much harder to guess.</source>
        <translation>Kata yang dieja terbalik tidak jauh lebih sulit ditebak.</translation>
    </message>
    <message>
        <source>Swaps like @ for a do not help much.</source>
        <translation>Mengganti huruf seperti a menjadi @ tidak banyak membantu.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Pakai pola keyboard yang lebih panjang dan berbelok-belok.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Hindari kata dan karakter yang berulang.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Hindari urutan.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Hindari tahun-tahun terakhir.</translation>
    </message>
    <message>
        <source>Avoid years that are linked to you.</source>
        <translation>Hindari tahun yang berkaitan dengan Anda.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are linked to you.</source>
        <translation>Hindari tanggal dan tahun yang berkaitan dengan Anda.</translation>
    </message>
    <message>
        <source>Leave out the email, phone number and account ID.</source>
        <translation>Jangan masukkan email, nomor telepon, dan ID akun.</translation>
    </message>
</context>
<context>
    <name>SupportDetailsForm</name>
    <message>
        <source>Mi account ID</source>
        <translation>ID Akun Mi</translation>
    </message>
    <message>
        <source>old email</source>
        <translation>email lama</translation>
    </message>
    <message>
        <source>old phone number</source>
        <translation>nomor telepon lama</translation>
    </message>
    <message>
        <source>IMEI 1</source>
        <translation>IMEI 1</translation>
    </message>
    <message>
        <source>IMEI 2</source>
        <translation>IMEI 2</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>nomor seri</translation>
    </message>
    <message>
        <source>purchase date</source>
        <translation>tanggal pembelian</translation>
    </message>
    <message>
        <source>where it was bought</source>
        <translation>tempat pembelian</translation>
    </message>
    <message>
        <source>country</source>
        <translation>negara</translation>
    </message>
    <message>
        <source>owner's name</source>
        <translation>nama pemilik</translation>
    </message>
    <message>
        <source>contact email</source>
        <translation>email untuk balasan</translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation>telepon yang bisa dihubungi</translation>
    </message>
    <message>
        <source>description</source>
        <translation>keterangan</translation>
    </message>
    <message>
        <source>account region</source>
        <translation>wilayah akun</translation>
    </message>
    <message>
        <source>Restore security info tried</source>
        <translation>sudah mencoba Pulihkan info keamanan</translation>
    </message>
    <message>
        <source>The account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Mi &amp;account ID: *</source>
        <translation>ID Akun M&amp;i: *</translation>
    </message>
    <message>
        <source>e.g. 1234567890</source>
        <translation>mis. 1234567890</translation>
    </message>
    <message>
        <source>Shown on the locked phone's screen, in old emails from Xiaomi, and on the box of a phone bought with the account.</source>
        <translation>Tampil di layar ponsel yang terkunci, di email lama dari Xiaomi, dan di kotak ponsel yang dibeli bersama akunnya.</translation>
    </message>
    <message>
        <source>Old &amp;email:</source>
        <translation>&amp;Email lama:</translation>
    </message>
    <message>
        <source>if the owner remembers it</source>
        <translation>jika pemilik masih ingat</translation>
    </message>
    <message>
        <source>Old phone n&amp;umber:</source>
        <translation>Nomor telepon &amp;lama:</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Account re&amp;gion:</source>
        <translation>&amp;Wilayah akun:</translation>
    </message>
    <message>
        <source>The region chosen when the Mi Account was made, if the owner knows it.</source>
        <translation>Wilayah yang dipilih saat Akun Mi dibuat, jika pemilik mengetahuinya.</translation>
    </message>
    <message>
        <source>Restore security info &amp;tried:</source>
        <translation>Sudah &amp;coba Pulihkan info:</translation>
    </message>
    <message>
        <source>"Restore security info" in Xiaomi's help centre, before this request.</source>
        <translation>"Pulihkan info keamanan" di pusat bantuan Xiaomi, sebelum permintaan ini.</translation>
    </message>
    <message>
        <source>The phone</source>
        <translation>Ponsel</translation>
    </message>
    <message>
        <source>&amp;IMEI 1: *</source>
        <translation>IMEI &amp;1: *</translation>
    </message>
    <message>
        <source>e.g. the 15 digits *#06# shows</source>
        <translation>mis. 15 angka yang muncul di *#06#</translation>
    </message>
    <message>
        <source>Dial *#06# on the phone, or read the label on the box or the SIM tray.</source>
        <translation>Tekan *#06# di ponsel, atau baca label di kotak ponsel atau di slot SIM.</translation>
    </message>
    <message>
        <source>IMEI &amp;2:</source>
        <translation>IMEI &amp;2:</translation>
    </message>
    <message>
        <source>dual-SIM phones have a second one</source>
        <translation>ponsel dua SIM punya IMEI kedua</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>M&amp;odel:</translation>
    </message>
    <message>
        <source>e.g. the name on the box</source>
        <translation>mis. nama di kotak ponsel</translation>
    </message>
    <message>
        <source>Se&amp;rial number:</source>
        <translation>Nomor se&amp;ri:</translation>
    </message>
    <message>
        <source>on the box label</source>
        <translation>di label kotak ponsel</translation>
    </message>
    <message>
        <source>&amp;Purchase date:</source>
        <translation>Tan&amp;ggal pembelian:</translation>
    </message>
    <message>
        <source>year-month-day, e.g. 2024-01-31</source>
        <translation>tahun-bulan-tanggal, mis. 2024-01-31</translation>
    </message>
    <message>
        <source>Bou&amp;ght at:</source>
        <translation>Dibeli d&amp;i:</translation>
    </message>
    <message>
        <source>shop name and town</source>
        <translation>nama toko dan kota</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>&amp;Owner's name:</source>
        <translation>Nama &amp;pemilik:</translation>
    </message>
    <message>
        <source>Countr&amp;y/region:</source>
        <translation>Negara/&amp;Wilayah:</translation>
    </message>
    <message>
        <source>Con&amp;tact email:</source>
        <translation>Email untuk bala&amp;san:</translation>
    </message>
    <message>
        <source>e.g. name@example.com</source>
        <translation>mis. nama@example.com</translation>
    </message>
    <message>
        <source>An address the owner can read now: Xiaomi answers there.</source>
        <translation>Alamat yang bisa dibuka pemilik saat ini: Xiaomi akan membalas ke sana.</translation>
    </message>
    <message>
        <source>Contact &amp;phone:</source>
        <translation>Telepon yang bisa di&amp;hubungi:</translation>
    </message>
    <message>
        <source>e.g. 0812 0000 0000</source>
        <translation>mis. 0812 0000 0000</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Apa yang terjadi</translation>
    </message>
    <message>
        <source>For example: the SIM was lost and the old email was closed; the phone asks for the Mi Account.</source>
        <translation>Misalnya: kartu SIM hilang dan email lama sudah ditutup; ponsel meminta Akun Mi.</translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation>Keteran&amp;gan:</translation>
    </message>
    <message>
        <source>yes, it did not help</source>
        <translation>ya, tetapi tidak berhasil</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>SupportHandover</name>
    <message>
        <source>Lan&amp;guage of the request:</source>
        <translation>Bahasa &amp;permintaan:</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>K&amp;irim ke:</translation>
    </message>
    <message>
        <source>The request as it will be sent</source>
        <translation>Permintaan seperti yang akan dikirim</translation>
    </message>
    <message>
        <source>Cop&amp;y text</source>
        <translation>&amp;Salin teks</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>Buka di aplikasi &amp;email</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Simpan seba&amp;gai PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>QR code for the owner's phone</source>
        <translation>Kode QR untuk ponsel pemilik</translation>
    </message>
    <message>
        <source>Attach the photos before sending. Support answers in days, not minutes, and nothing here unlocks a phone without the owner's proof.</source>
        <translation>Lampirkan fotonya sebelum mengirim. Layanan pelanggan menjawab dalam hitungan hari, bukan menit, dan tidak ada di sini yang bisa membuka kunci ponsel tanpa bukti dari pemiliknya.</translation>
    </message>
    <message>
        <source>Ready. Adding these makes the request stronger: {fields}.</source>
        <translation>Siap. Permintaan lebih kuat jika ditambah: {fields}.</translation>
    </message>
    <message>
        <source>Ready: the request holds everything support asks for.</source>
        <translation>Siap: permintaan sudah berisi semua yang diminta Layanan Pelanggan.</translation>
    </message>
    <message>
        <source>The re&amp;quest:</source>
        <translation>Isi per&amp;mintaan:</translation>
    </message>
    <message>
        <source>Copy and open the help c&amp;entre</source>
        <translation>Salin dan b&amp;uka pusat bantuan</translation>
    </message>
    <message>
        <source>Not ready: go Back to the facts and fix {fields}.</source>
        <translation>Belum siap: klik Kembali ke datanya lalu perbaiki {fields}.</translation>
    </message>
    <message>
        <source>Scan with the owner's phone: an email to {address} with the whole request.</source>
        <translation>Pindai dengan ponsel pemilik: email ke {address} berisi seluruh permintaan.</translation>
    </message>
    <message>
        <source>Scan with the owner's phone: an email to {address} with every fact above.</source>
        <translation>Pindai dengan ponsel pemilik: email ke {address} berisi semua data di atas.</translation>
    </message>
    <message>
        <source>Scan with the owner's phone: an email to {address} with the main facts: {facts}.</source>
        <translation>Pindai dengan ponsel pemilik: email ke {address} berisi data utama: {facts}.</translation>
    </message>
    <message>
        <source>Attach the photos before sending it.</source>
        <translation>Lampirkan fotonya sebelum mengirim.</translation>
    </message>
    <message>
        <source>Scan with the owner's phone to open {address}: a web form, not an email. Fill it in from the request below or the printout, or paste the request on this computer with the button beside.</source>
        <translation>Pindai dengan ponsel pemilik untuk membuka {address}: formulir web, bukan email. Isi dari permintaan di bawah atau hasil cetaknya, atau tempel permintaan di komputer ini dengan tombol di sampingnya.</translation>
    </message>
    <message>
        <source>Scan with the owner's phone to call {number}.</source>
        <translation>Pindai dengan ponsel pemilik untuk menelepon {number}.</translation>
    </message>
    <message>
        <source>{name} (unverified)</source>
        <translation>{name} (belum terverifikasi)</translation>
    </message>
    <message>
        <source>A web page: open it, then paste the request into its contact form.</source>
        <translation>Halaman web: buka, lalu tempel permintaan di formulir kontaknya.</translation>
    </message>
    <message>
        <source>A phone line: call, and read out the account ID and IMEI when asked.</source>
        <translation>Nomor telepon: hubungi, lalu sebutkan ID akun dan IMEI saat ditanya.</translation>
    </message>
    <message>
        <source>Hours: {hours}</source>
        <translation>Jam layanan: {hours}</translation>
    </message>
    <message>
        <source>Unverified: this contact has no official source. Check it before use.</source>
        <translation>Belum terverifikasi: kontak ini tidak punya sumber resmi. Periksa sebelum dipakai.</translation>
    </message>
    <message>
        <source>Last checked: {date}</source>
        <translation>Terakhir diperiksa: {date}</translation>
    </message>
    <message>
        <source>Copied. Paste it into an email or the help centre's form.</source>
        <translation>Disalin. Tempel di email atau di formulir pusat bantuan.</translation>
    </message>
    <message>
        <source>Copied. Paste it into the help centre's form, then attach the photos.</source>
        <translation>Sudah disalin. Tempel di formulir pusat bantuan, lalu lampirkan fotonya.</translation>
    </message>
    <message>
        <source>The request is too long for a mail link: it was copied. Paste it into the email.</source>
        <translation>Permintaan terlalu panjang untuk tautan email: sudah disalin. Tempel di email.</translation>
    </message>
    <message>
        <source>Save the request as PDF</source>
        <translation>Simpan permintaan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Choose another folder.</source>
        <translation>PDF tidak bisa disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sudah dikirim ke printer.</translation>
    </message>
</context>
<context>
    <name>SupportRequest</name>
    <message>
        <source>This is needed: support cannot find the account without it.</source>
        <translation>Wajib diisi: tanpa ini Layanan Pelanggan tidak bisa menemukan akunnya.</translation>
    </message>
    <message>
        <source>This is needed: the IMEI is how support sees that the phone is the owner's.</source>
        <translation>Ini wajib diisi: lewat IMEI, Layanan Pelanggan melihat bahwa ponsel itu milik pemiliknya.</translation>
    </message>
    <message>
        <source>A Mi account ID is a number of 6 to 12 digits, like 1234567890. Leave out spaces and letters.</source>
        <translation>ID Akun Mi berupa angka 6 sampai 12 digit, misalnya 1234567890. Jangan pakai spasi atau huruf.</translation>
    </message>
    <message>
        <source>This email address is not complete or has a typing mistake.</source>
        <translation>Alamat email ini belum lengkap atau salah ketik.</translation>
    </message>
    <message>
        <source>This is not a valid phone number. Start with + and the country code.</source>
        <translation>Ini bukan nomor telepon yang valid. Awali dengan + dan kode negara.</translation>
    </message>
    <message>
        <source>This is too long (at most {max} characters).</source>
        <translation>Terlalu panjang (maksimal {max} karakter).</translation>
    </message>
    <message>
        <source>Write the date as year-month-day, for example 2024-03-15.</source>
        <translation>Tulis tanggal dengan format tahun-bulan-tanggal, misalnya 2024-03-15.</translation>
    </message>
    <message>
        <source>The purchase date cannot be in the future.</source>
        <translation>Tanggal pembelian tidak boleh di masa depan.</translation>
    </message>
    <message>
        <source>IMEI 2 is the same as IMEI 1. A dual-SIM phone has two different IMEIs.</source>
        <translation>IMEI 2 sama dengan IMEI 1. Ponsel dua SIM punya dua IMEI yang berbeda.</translation>
    </message>
    <message>
        <source>A serial number has only letters, digits and dashes.</source>
        <translation>Nomor seri hanya berisi huruf, angka, dan tanda hubung.</translation>
    </message>
    <message>
        <source>This is not a country or region code. Use its two letters (ISO 3166), for example ID for Indonesia.</source>
        <translation>Ini bukan kode negara atau wilayah. Pakai dua hurufnya (ISO 3166), misalnya ID untuk Indonesia.</translation>
    </message>
    <message>
        <source>Answer yes or no, or leave it empty if you do not know.</source>
        <translation>Jawab ya atau tidak, atau kosongkan jika tidak tahu.</translation>
    </message>
</context>
<context>
    <name>SupportRequestCli</name>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>tidak bisa menulis {path}: {reason}</translation>
    </message>
    <message>
        <source>-o: {path} is a folder</source>
        <translation>-o: {path} adalah folder</translation>
    </message>
    <message>
        <source>-o: {path} is a symbolic link; name the file itself (a link is not replaced)</source>
        <translation>-o: {path} adalah tautan simbolik; sebutkan berkasnya sendiri (tautan tidak diganti)</translation>
    </message>
    <message>
        <source>-o: {path} is not a regular file (a device, pipe or socket); name a regular file</source>
        <translation>-o: {path} bukan berkas biasa (perangkat, pipe, atau soket); sebutkan berkas biasa</translation>
    </message>
    <message>
        <source>--format mailto needs --to ADDRESS: the support directory has no email address for {country}.</source>
        <translation>--format mailto perlu --to ADDRESS: daftar kontak dukungan tidak punya alamat email untuk {country}.</translation>
    </message>
    <message>
        <source>--format mailto needs --to ADDRESS, or --country for a country with a support email address in the directory.</source>
        <translation>--format mailto perlu --to ADDRESS, atau --country untuk negara yang punya alamat email dukungan di daftar kontak.</translation>
    </message>
    <message>
        <source>the mail goes to {address}, the support directory's address for {country}.</source>
        <translation>email dikirim ke {address}, alamat di daftar kontak dukungan untuk {country}.</translation>
    </message>
    <message>
        <source>{address} is unverified: no official source names it. Check it before use.</source>
        <translation>{address} belum terverifikasi: tidak ada sumber resmi yang menyebutnya. Periksa sebelum dipakai.</translation>
    </message>
    <message>
        <source>--format pdf needs -o FILE</source>
        <translation>--format pdf perlu -o FILE</translation>
    </message>
</context>
<context>
    <name>TrainingPhonePanel</name>
    <message>
        <source>Training phone</source>
        <translation>Ponsel latihan</translation>
    </message>
    <message>
        <source>Practice mode: codes the training service sends by SMS or email show up here, as they would on the customer's phone.</source>
        <translation>Mode latihan: kode yang dikirim layanan latihan lewat SMS atau email muncul di sini, seperti di ponsel pelanggan.</translation>
    </message>
    <message>
        <source>Messages on the training phone</source>
        <translation>Pesan di ponsel latihan</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Belum ada pesan.</translation>
    </message>
    <message>
        <source>Check for messages</source>
        <translation>Periksa pesan</translation>
    </message>
    <message>
        <source>Training server: {address}</source>
        <translation>Server latihan: {address}</translation>
    </message>
    <message>
        <source>SMS to {to} · {time}</source>
        <translation>SMS ke {to} · {time}</translation>
    </message>
    <message>
        <source>Email to {to} · {time}</source>
        <translation>Email ke {to} · {time}</translation>
    </message>
</context>
</TS>
