<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/error_text.cpp" line="9"/>
        <source>These settings cannot be used: check the size, the steps and the strength.</source>
        <translation>Αυτές οι ρυθμίσεις δεν μπορούν να χρησιμοποιηθούν: ελέγξτε το μέγεθος, τα βήματα και την ένταση.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="11"/>
        <source>The device or precision chosen in Preferences is not available on this computer: choose Automatic.</source>
        <translation>Η συσκευή ή η ακρίβεια που επιλέξατε στις Προτιμήσεις δεν υπάρχει σε αυτόν τον υπολογιστή: επιλέξτε «Αυτόματα».</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="14"/>
        <source>The model was not found. Choose another one, or add it with File ▸ Add a model folder….</source>
        <translation>Το μοντέλο δεν βρέθηκε. Επιλέξτε άλλο ή προσθέστε το από Αρχείο ▸ Προσθήκη φακέλου μοντέλου….</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="16"/>
        <source>The model could not be opened: its files are damaged, or it is not a Stable Diffusion 1.5 model.</source>
        <translation>Το μοντέλο δεν άνοιξε: τα αρχεία του έχουν φθαρεί ή δεν είναι μοντέλο Stable Diffusion 1.5.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="19"/>
        <source>Not enough memory for this picture: try a smaller size or batch.</source>
        <translation>Δεν υπάρχει αρκετή μνήμη για αυτή την εικόνα: δοκιμάστε μικρότερο μέγεθος ή μικρότερη παρτίδα.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="21"/>
        <source>The init image cannot be read: choose another picture.</source>
        <translation>Η αρχική εικόνα δεν διαβάζεται: επιλέξτε άλλη εικόνα.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="23"/>
        <source>The picture could not be saved: check that the pictures folder (Preferences) exists and can be written to.</source>
        <translation>Η εικόνα δεν αποθηκεύτηκε: ελέγξτε ότι ο φάκελος εικόνων (Προτιμήσεις) υπάρχει και επιτρέπει την εγγραφή.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="26"/>
        <source>The render server cannot be reached: the job stays in the queue; start it again when the server is back.</source>
        <translation>Ο διακομιστής απόδοσης δεν απαντά: η εργασία μένει στην ουρά· ξεκινήστε την ξανά όταν επιστρέψει ο διακομιστής.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="29"/>
        <source>The render server refused the job: check its address and token in Preferences ▸ Servers.</source>
        <translation>Ο διακομιστής απόδοσης αρνήθηκε την εργασία: ελέγξτε τη διεύθυνση και το διακριτικό του στις Προτιμήσεις ▸ Διακομιστές.</translation>
    </message>
    <message>
        <location filename="../ui/error_text.cpp" line="31"/>
        <location filename="../ui/error_text.cpp" line="33"/>
        <source>Something went wrong; the window is still usable.</source>
        <translation>Κάτι πήγε στραβά· το παράθυρο εξακολουθεί να λειτουργεί.</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="10"/>
        <source>Keyboard shortcuts</source>
        <translation>Συντομεύσεις πληκτρολογίου</translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="11"/>
        <source>&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Generate now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Add to the queue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cancel the running job&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Up / Ctrl+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;More or less weight for the selected words&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from a picture&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Start from the picture on the clipboard (or drop one on the canvas)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The picture / the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Search the gallery&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter, Space / Delete / F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the gallery: open / move to the trash (Ctrl+Z undoes) / favourite&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Preferences&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel, + / −, double-click&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom the canvas, fit it&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Δημιουργία τώρα&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Προσθήκη στην ουρά&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ακύρωση της εργασίας που τρέχει&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Πάνω / Ctrl+Κάτω&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Περισσότερο ή λιγότερο βάρος στις επιλεγμένες λέξεις&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ξεκίνημα από μια εικόνα&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ξεκίνημα από την εικόνα του προχείρου (ή αφήστε μία στον καμβά)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Η εικόνα / η συλλογή&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Αναζήτηση στη συλλογή&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter, Διάστημα / Delete / F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Στη συλλογή: άνοιγμα / μεταφορά στον κάδο (το Ctrl+Z την αναιρεί) / αγαπημένο&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Προτιμήσεις&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Έξοδος&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ροδέλα, + / −, διπλό κλικ&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Μεγέθυνση του καμβά, προσαρμογή στο παράθυρο&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="32"/>
        <source>About Eikona</source>
        <translation>Σχετικά με την Eikona</translation>
    </message>
    <message>
        <location filename="../ui/help_dialogs.cpp" line="33"/>
        <source>&lt;h3&gt;Eikona %1&lt;/h3&gt;&lt;p&gt;Stable Diffusion 1.5 on your own computer.&lt;/p&gt;&lt;p&gt;Engine: Eikona&apos;s own C++ implementation on libtorch, numerically the same as diffusers for the same seed and parameters.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Eikona %1&lt;/h3&gt;&lt;p&gt;Stable Diffusion 1.5 στον δικό σας υπολογιστή.&lt;/p&gt;&lt;p&gt;Μηχανή: η δική της υλοποίηση σε C++ πάνω στο libtorch, αριθμητικά ίδια με το diffusers για τον ίδιο σπόρο και τις ίδιες παραμέτρους.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>eikona::backend::JobQueue</name>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="274"/>
        <source>(no prompt)</source>
        <translation>(χωρίς περιγραφή)</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/backend/job_queue.cpp" line="279"/>
        <source>%1 × %n image(s)</source>
        <comment>steps times images</comment>
        <translation>
            <numerusform>%1 × %n εικόνα</numerusform>
            <numerusform>%1 × %n εικόνες</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="284"/>
        <source>This computer</source>
        <translation>Αυτός ο υπολογιστής</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="289"/>
        <source>Running</source>
        <translation>Εκτελείται</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="291"/>
        <source>Server unreachable</source>
        <translation>Ο διακομιστής δεν απαντά</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="295"/>
        <source>Waiting</source>
        <translation>Σε αναμονή</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="315"/>
        <source>Prompt</source>
        <translation>Περιγραφή</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="317"/>
        <source>Size</source>
        <translation>Μέγεθος</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="319"/>
        <source>Steps</source>
        <comment>denoising steps</comment>
        <translation>Βήματα</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="321"/>
        <source>Where</source>
        <comment>the computer or server a job runs on</comment>
        <translation>Πού</translation>
    </message>
    <message>
        <location filename="../core/backend/job_queue.cpp" line="323"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
</context>
<context>
    <name>eikona::ui::CanvasView</name>
    <message>
        <location filename="../ui/canvas_view.cpp" line="28"/>
        <source>Canvas</source>
        <translation>Καμβάς</translation>
    </message>
    <message>
        <location filename="../ui/canvas_view.cpp" line="29"/>
        <source>The picture being made, then the result. Wheel or +/- to zoom, double-click to fit. Drop a picture here (or paste one with Ctrl+V) to start from it.</source>
        <translation>Η εικόνα καθώς σχηματίζεται και μετά το αποτέλεσμα. Ροδέλα ή +/- για μεγέθυνση, διπλό κλικ για προσαρμογή. Αφήστε εδώ μια εικόνα (ή επικολλήστε μία με Ctrl+V) για να ξεκινήσετε από αυτή.</translation>
    </message>
    <message>
        <location filename="../ui/canvas_view.cpp" line="108"/>
        <source>Type a prompt and press Generate (Ctrl+Enter).
The picture forms here, step by step.</source>
        <translation>Γράψτε μια περιγραφή και πατήστε «Δημιουργία» (Ctrl+Enter).
Η εικόνα σχηματίζεται εδώ, βήμα βήμα.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ErrorBar</name>
    <message>
        <location filename="../ui/error_bar.cpp" line="31"/>
        <source>What went wrong</source>
        <translation>Τι πήγε στραβά</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="62"/>
        <source>Details…</source>
        <translation>Λεπτομέρειες…</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="63"/>
        <source>Details of the error</source>
        <translation>Λεπτομέρειες του σφάλματος</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="64"/>
        <source>What the engine said, in full</source>
        <translation>Ολόκληρο το μήνυμα της μηχανής</translation>
    </message>
    <message>
        <location filename="../ui/error_bar.cpp" line="65"/>
        <location filename="../ui/error_bar.cpp" line="66"/>
        <source>Close the message</source>
        <translation>Κλείσιμο του μηνύματος</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ExportDialog</name>
    <message numerus="yes">
        <location filename="../ui/export_dialog.cpp" line="23"/>
        <source>Export %n picture(s)</source>
        <translation>
            <numerusform>Εξαγωγή %n εικόνας</numerusform>
            <numerusform>Εξαγωγή %n εικόνων</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="25"/>
        <source>A folder</source>
        <translation>Φάκελος</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="26"/>
        <source>A ZIP archive</source>
        <translation>Αρχείο ZIP</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="27"/>
        <source>An HTML contact sheet</source>
        <translation>Σελίδα HTML με μικρογραφίες</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="28"/>
        <location filename="../ui/export_dialog.cpp" line="53"/>
        <source>Export to</source>
        <translation>Εξαγωγή σε</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="30"/>
        <source>A folder of pictures, one ZIP file, or one web page with every picture and its prompt</source>
        <translation>Ένας φάκελος με εικόνες, ένα αρχείο ZIP ή μία ιστοσελίδα με κάθε εικόνα και την περιγραφή της</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="35"/>
        <location filename="../ui/export_dialog.cpp" line="54"/>
        <source>Picture format</source>
        <translation>Μορφή εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="37"/>
        <source>PNG keeps the pictures exactly; JPEG and WebP are smaller (the parameters go into their EXIF)</source>
        <translation>Το PNG κρατά τις εικόνες ακριβώς όπως είναι· τα JPEG και WebP είναι μικρότερα (οι παράμετροι μπαίνουν στα EXIF τους)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="39"/>
        <source>Leave the prompts and parameters out</source>
        <translation>Χωρίς τις περιγραφές και τις παραμέτρους</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="40"/>
        <source>Leave the parameters out</source>
        <translation>Χωρίς τις παραμέτρους</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="41"/>
        <source>For sharing pictures without how they were made</source>
        <translation>Για να μοιραστείτε εικόνες χωρίς το πώς φτιάχτηκαν</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="43"/>
        <source>Export to this place</source>
        <translation>Εξαγωγή σε αυτή τη θέση</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="47"/>
        <location filename="../ui/export_dialog.cpp" line="48"/>
        <source>Choose where</source>
        <translation>Επιλογή θέσης</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="56"/>
        <source>Where</source>
        <translation>Θέση</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="58"/>
        <source>Export</source>
        <translation>Εξαγωγή</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="85"/>
        <source>Export to this folder</source>
        <translation>Εξαγωγή σε αυτόν τον φάκελο</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.cpp" line="86"/>
        <source>Export as</source>
        <translation>Εξαγωγή ως</translation>
    </message>
</context>
<context>
    <name>eikona::ui::FirstRunDialog</name>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="129"/>
        <source>Welcome to Eikona</source>
        <translation>Καλώς ήρθατε στην Eikona</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="131"/>
        <source>&lt;p&gt;&lt;b&gt;Eikona needs a Stable Diffusion 1.5 model to make pictures.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Download the standard one from Hugging Face, or use a model you already have: a diffusers folder or a single &lt;tt&gt;.safetensors&lt;/tt&gt; file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Η Eikona χρειάζεται ένα μοντέλο Stable Diffusion 1.5 για να φτιάχνει εικόνες.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Κατεβάστε το βασικό από το Hugging Face ή χρησιμοποιήστε ένα μοντέλο που ήδη έχετε: έναν φάκελο diffusers ή ένα μεμονωμένο αρχείο &lt;tt&gt;.safetensors&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="135"/>
        <source>Stable Diffusion 1.5 (%1): %2 to download.</source>
        <translation>Stable Diffusion 1.5 (%1): %2 για λήψη.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="138"/>
        <source>Stable Diffusion 1.5 is already downloaded: it only needs to be checked.</source>
        <translation>Το Stable Diffusion 1.5 έχει ήδη κατέβει: χρειάζεται μόνο έλεγχο.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="141"/>
        <source>Stable Diffusion 1.5 (%1): asking Hugging Face for its size…</source>
        <translation>Stable Diffusion 1.5 (%1): ζητείται το μέγεθός του από το Hugging Face…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="142"/>
        <source>Also download TAESD for full-size live previews (about 10 MB)</source>
        <translation>Λήψη και του TAESD για προεπισκοπήσεις σε πλήρες μέγεθος (περίπου 10 MB)</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="143"/>
        <source>Also download TAESD</source>
        <translation>Λήψη και του TAESD</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="144"/>
        <source>Download</source>
        <translation>Λήψη</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="145"/>
        <source>Download Stable Diffusion 1.5</source>
        <translation>Λήψη του Stable Diffusion 1.5</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="147"/>
        <source>Fetch the model into the model folder; an interrupted download resumes next time</source>
        <translation>Κατεβάζει το μοντέλο στον φάκελο μοντέλων· μια λήψη που διακόπηκε συνεχίζεται την επόμενη φορά</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="148"/>
        <location filename="../ui/first_run_dialog.cpp" line="149"/>
        <source>Cancel download</source>
        <translation>Ακύρωση λήψης</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="150"/>
        <source>Stop; what was fetched stays and the download resumes next time</source>
        <translation>Διακοπή· ό,τι κατέβηκε μένει και η λήψη συνεχίζεται την επόμενη φορά</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="151"/>
        <source>Download progress</source>
        <translation>Πρόοδος λήψης</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="152"/>
        <source>Use a model folder…</source>
        <translation>Φάκελος μοντέλου…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="153"/>
        <source>Use a model folder</source>
        <translation>Χρήση φακέλου μοντέλου</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="154"/>
        <source>A diffusers folder (with model_index.json) on this computer</source>
        <translation>Ένας φάκελος diffusers (με model_index.json) σε αυτόν τον υπολογιστή</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="155"/>
        <source>Use a model file…</source>
        <translation>Αρχείο μοντέλου…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="156"/>
        <source>Use a model file</source>
        <translation>Χρήση αρχείου μοντέλου</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="157"/>
        <source>A single SD 1.x .safetensors checkpoint on this computer</source>
        <translation>Ένα μεμονωμένο αρχείο .safetensors SD 1.x σε αυτόν τον υπολογιστή</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="158"/>
        <location filename="../ui/first_run_dialog.cpp" line="159"/>
        <source>Later</source>
        <translation>Αργότερα</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="161"/>
        <source>Close; the window stays usable and File ▸ Add a model folder… adds one later</source>
        <translation>Κλείσιμο· το παράθυρο λειτουργεί κανονικά και το Αρχείο ▸ Προσθήκη φακέλου μοντέλου… προσθέτει ένα αργότερα</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="186"/>
        <source>Connecting…</source>
        <translation>Σύνδεση…</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="202"/>
        <source>%1 of %2 · %3/s · %4 left</source>
        <translation>%1 από %2 · %3/s · απομένουν %4</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="224"/>
        <source>The download was stopped. What was fetched is kept: Download resumes it.</source>
        <translation>Η λήψη σταμάτησε. Ό,τι κατέβηκε κρατήθηκε: η «Λήψη» τη συνεχίζει.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="226"/>
        <source>Hugging Face cannot be reached. Check the connection (and the proxy, if you use one), then press Download again: what was fetched is kept.</source>
        <translation>Το Hugging Face δεν είναι προσβάσιμο. Ελέγξτε τη σύνδεση (και τον διακομιστή μεσολάβησης, αν χρησιμοποιείτε) και πατήστε ξανά «Λήψη»: ό,τι κατέβηκε κρατιέται.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="230"/>
        <source>Offline mode is on (HF_HUB_OFFLINE) and the model is not downloaded yet. Turn it off to download, or use a model you already have.</source>
        <translation>Η λειτουργία χωρίς σύνδεση είναι ενεργή (HF_HUB_OFFLINE) και το μοντέλο δεν έχει κατέβει ακόμη. Απενεργοποιήστε τη για να γίνει η λήψη ή χρησιμοποιήστε ένα μοντέλο που ήδη έχετε.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="234"/>
        <source>The model was not found on Hugging Face. Use a model you already have.</source>
        <translation>Το μοντέλο δεν βρέθηκε στο Hugging Face. Χρησιμοποιήστε ένα μοντέλο που ήδη έχετε.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="236"/>
        <source>Hugging Face refuses access to this model: it is private or gated. Accept its licence on the Hugging Face website, then set HF_TOKEN to an access token of that account.</source>
        <translation>Το Hugging Face δεν επιτρέπει την πρόσβαση σε αυτό το μοντέλο: είναι ιδιωτικό ή με περιορισμένη πρόσβαση. Αποδεχτείτε την άδειά του στον ιστότοπο του Hugging Face και ορίστε στο HF_TOKEN ένα διακριτικό πρόσβασης αυτού του λογαριασμού.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="240"/>
        <source>The model folder cannot be written to: check its permissions and the free space (Preferences ▸ Model folder). What was fetched is kept.</source>
        <translation>Δεν είναι δυνατή η εγγραφή στον φάκελο μοντέλων: ελέγξτε τα δικαιώματά του και τον ελεύθερο χώρο (Προτιμήσεις ▸ Φάκελος μοντέλων). Ό,τι κατέβηκε κρατιέται.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="244"/>
        <source>A file arrived damaged and was discarded. Press Download again.</source>
        <translation>Ένα αρχείο έφτασε αλλοιωμένο και απορρίφθηκε. Πατήστε ξανά «Λήψη».</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="248"/>
        <source>The download did not work. Press Download again, or use a model you already have.</source>
        <translation>Η λήψη απέτυχε. Πατήστε ξανά «Λήψη» ή χρησιμοποιήστε ένα μοντέλο που ήδη έχετε.</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="262"/>
        <source>Choose a model file</source>
        <translation>Επιλογή αρχείου μοντέλου</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="263"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation>Μοντέλα safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="264"/>
        <source>Choose a diffusers model folder</source>
        <translation>Επιλογή φακέλου μοντέλου diffusers</translation>
    </message>
    <message>
        <location filename="../ui/first_run_dialog.cpp" line="276"/>
        <source>This cannot be used as a model: %1</source>
        <translation>Αυτό δεν μπορεί να χρησιμοποιηθεί ως μοντέλο: %1</translation>
    </message>
</context>
<context>
    <name>eikona::ui::GalleryView</name>
    <message>
        <location filename="../ui/gallery_view.cpp" line="95"/>
        <location filename="../ui/gallery_view.cpp" line="264"/>
        <source>Add a folder of pictures</source>
        <translation>Προσθήκη φακέλου με εικόνες</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="153"/>
        <location filename="../ui/gallery_view.cpp" line="255"/>
        <source>Every model</source>
        <translation>Όλα τα μοντέλα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="158"/>
        <location filename="../ui/gallery_view.cpp" line="256"/>
        <source>Every folder</source>
        <translation>Όλοι οι φάκελοι</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="165"/>
        <location filename="../ui/gallery_view.cpp" line="257"/>
        <source>Every size</source>
        <translation>Όλα τα μεγέθη</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="190"/>
        <source>Indexing %1…</source>
        <translation>Καταλογογράφηση: %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="197"/>
        <source>%n picture(s) added from %1</source>
        <translation>
            <numerusform>%n εικόνα προστέθηκε από %1</numerusform>
            <numerusform>%n εικόνες προστέθηκαν από %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="235"/>
        <source>Search the prompts (Ctrl+F)</source>
        <translation>Αναζήτηση στις περιγραφές (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="236"/>
        <source>Search the gallery</source>
        <translation>Αναζήτηση στη συλλογή</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="238"/>
        <source>Words or word beginnings of the prompt, in any language; accents and capitals do not matter</source>
        <translation>Λέξεις ή αρχές λέξεων της περιγραφής, σε οποιαδήποτε γλώσσα· τόνοι και κεφαλαία δεν παίζουν ρόλο</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="239"/>
        <source>Favourites</source>
        <translation>Αγαπημένα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="240"/>
        <source>Favourites only</source>
        <translation>Μόνο τα αγαπημένα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="241"/>
        <source>Show only the pictures marked as favourites (F)</source>
        <translation>Εμφάνιση μόνο των εικόνων που σημειώθηκαν ως αγαπημένες (F)</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="242"/>
        <source>Newest first</source>
        <translation>Νεότερες πρώτα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="243"/>
        <source>Oldest first</source>
        <translation>Παλαιότερες πρώτα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="244"/>
        <source>By name</source>
        <translation>Κατά όνομα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="245"/>
        <source>Sort</source>
        <translation>Ταξινόμηση</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="246"/>
        <source>The order of the pictures</source>
        <translation>Η σειρά των εικόνων</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="247"/>
        <source>Gallery</source>
        <translation>Συλλογή</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="249"/>
        <source>Enter opens a picture, Delete moves it to the trash (Ctrl+Z undoes it), F marks a favourite</source>
        <translation>Το Enter ανοίγει μια εικόνα, το Delete τη μεταφέρει στον κάδο (το Ctrl+Z το αναιρεί), το F τη σημειώνει ως αγαπημένη</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="275"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n εικόνα</numerusform>
            <numerusform>%n εικόνες</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="251"/>
        <source>Model filter</source>
        <translation>Φίλτρο μοντέλου</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="252"/>
        <source>Only the pictures of one model</source>
        <translation>Μόνο οι εικόνες ενός μοντέλου</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="253"/>
        <source>Folder filter</source>
        <translation>Φίλτρο φακέλου</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="254"/>
        <source>Only the pictures of one folder</source>
        <translation>Μόνο οι εικόνες ενός φακέλου</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="261"/>
        <source>Size filter</source>
        <translation>Φίλτρο μεγέθους</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="262"/>
        <source>Only the pictures of one size</source>
        <translation>Μόνο οι εικόνες ενός μεγέθους</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="263"/>
        <source>Add folder…</source>
        <translation>Προσθήκη φακέλου…</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="266"/>
        <source>Index a folder of pictures, an A1111, ComfyUI or InvokeAI output folder included: their parameters are read and their prompts become searchable</source>
        <translation>Καταλογογραφεί έναν φάκελο εικόνων, και φακέλους εξόδου του A1111, του ComfyUI ή του InvokeAI: οι παράμετροί τους διαβάζονται και οι περιγραφές τους γίνονται αναζητήσιμες</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="268"/>
        <location filename="../ui/gallery_view.cpp" line="427"/>
        <source>Export…</source>
        <translation>Εξαγωγή…</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="269"/>
        <source>Export pictures</source>
        <translation>Εξαγωγή εικόνων</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="270"/>
        <source>Export the selected pictures, or all the search shows, with their parameters</source>
        <translation>Εξαγωγή των επιλεγμένων εικόνων, ή όσων δείχνει η αναζήτηση, μαζί με τις παραμέτρους τους</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="325"/>
        <source>%1 could not be moved to the trash.</source>
        <translation>Το %1 δεν μεταφέρθηκε στον κάδο.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="334"/>
        <source>%1 is in the trash. Ctrl+Z brings it back.</source>
        <translation>Το %1 είναι στον κάδο. Το Ctrl+Z το επαναφέρει.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="345"/>
        <source>%1 could not be brought back from the trash.</source>
        <translation>Το %1 δεν επανήλθε από τον κάδο.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="354"/>
        <source>%1 is back.</source>
        <translation>Το %1 επανήλθε.</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="414"/>
        <source>Open</source>
        <translation>Άνοιγμα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="415"/>
        <source>Use these parameters</source>
        <translation>Χρήση αυτών των παραμέτρων</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="417"/>
        <source>Use as the init image</source>
        <translation>Χρήση ως αρχική εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="420"/>
        <source>Copy the picture</source>
        <translation>Αντιγραφή της εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="421"/>
        <source>Copy the parameters</source>
        <translation>Αντιγραφή των παραμέτρων</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="422"/>
        <source>Not a favourite</source>
        <translation>Όχι αγαπημένη</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="422"/>
        <source>Favourite</source>
        <translation>Αγαπημένη</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="424"/>
        <source>Show in the file manager</source>
        <translation>Εμφάνιση στη διαχείριση αρχείων</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="429"/>
        <source>Move to the trash</source>
        <translation>Μεταφορά στον κάδο</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="460"/>
        <source>Exporting…</source>
        <translation>Εξαγωγή…</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="460"/>
        <source>Cancel</source>
        <translation>Ακύρωση</translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="504"/>
        <source>The export was cancelled; nothing half-written was left.</source>
        <translation>Η εξαγωγή ακυρώθηκε· δεν έμεινε κανένα μισογραμμένο αρχείο.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery_view.cpp" line="505"/>
        <source>%n picture(s) exported to %1</source>
        <translation>
            <numerusform>%n εικόνα εξήχθη στο %1</numerusform>
            <numerusform>%n εικόνες εξήχθησαν στο %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery_view.cpp" line="507"/>
        <source>The export failed: %1</source>
        <translation>Η εξαγωγή απέτυχε: %1</translation>
    </message>
</context>
<context>
    <name>eikona::ui::GenerationPanel</name>
    <message>
        <location filename="../ui/generation_panel.cpp" line="112"/>
        <location filename="../ui/generation_panel.cpp" line="291"/>
        <source>Model</source>
        <translation>Μοντέλο</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="117"/>
        <location filename="../ui/generation_panel.cpp" line="294"/>
        <source>Sampler</source>
        <extracomment>The sampling method (Euler a, DPM++ 2M Karras…); the method names stay as they are</extracomment>
        <translation>Δειγματολήπτης</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="122"/>
        <location filename="../ui/generation_panel.cpp" line="297"/>
        <source>Steps</source>
        <extracomment>The number of denoising steps the sampler takes (not walking steps)</extracomment>
        <translation>Βήματα</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="127"/>
        <location filename="../ui/generation_panel.cpp" line="298"/>
        <source>CFG scale</source>
        <extracomment>Classifier-free guidance scale: how strongly the prompt steers the picture. CFG stays as it is</extracomment>
        <translation>Κλίμακα CFG</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="131"/>
        <location filename="../ui/generation_panel.cpp" line="299"/>
        <source>Width</source>
        <translation>Πλάτος</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="135"/>
        <location filename="../ui/generation_panel.cpp" line="300"/>
        <source>Height</source>
        <translation>Ύψος</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="148"/>
        <source>Presets</source>
        <translation>Έτοιμα μεγέθη</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="170"/>
        <location filename="../ui/generation_panel.cpp" line="309"/>
        <source>Seed</source>
        <extracomment>The random-number seed a picture starts from (a number), not a plant&apos;s seed</extracomment>
        <translation>Σπόρος</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="174"/>
        <location filename="../ui/generation_panel.cpp" line="315"/>
        <source>Batch size</source>
        <translation>Μέγεθος παρτίδας</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="177"/>
        <location filename="../ui/generation_panel.cpp" line="316"/>
        <source>Batch count</source>
        <translation>Πλήθος παρτίδων</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="204"/>
        <source>Init image</source>
        <translation>Αρχική εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="212"/>
        <location filename="../ui/generation_panel.cpp" line="325"/>
        <source>Strength</source>
        <extracomment>img2img denoising strength: how much the init image may change (0 to 1)</extracomment>
        <translation>Ένταση</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="271"/>
        <source>&amp;Prompt</source>
        <translation>&amp;Περιγραφή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="272"/>
        <source>&amp;Negative prompt</source>
        <translation>&amp;Αρνητική περιγραφή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="273"/>
        <source>Describe the picture: a lighthouse at dusk, (oil painting:1.2)</source>
        <translation>Περιγράψτε την εικόνα: ένας φάρος το σούρουπο, (ελαιογραφία:1.2)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="274"/>
        <source>Prompt</source>
        <translation>Περιγραφή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="276"/>
        <source>What to draw. (word:1.3) gives a word more weight, [word] less; Ctrl+Up and Ctrl+Down change the weight of the selected words; BREAK starts a new 75-token chunk.</source>
        <translation>Τι θα ζωγραφιστεί. Το (λέξη:1.3) δίνει σε μια λέξη περισσότερο βάρος, το [λέξη] λιγότερο· τα Ctrl+Πάνω και Ctrl+Κάτω αλλάζουν το βάρος των επιλεγμένων λέξεων· το BREAK ξεκινά νέο τμήμα 75 λεκτικών μονάδων.</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="278"/>
        <source>What the picture should not contain</source>
        <translation>Τι δεν πρέπει να έχει η εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="279"/>
        <source>Negative prompt</source>
        <translation>Αρνητική περιγραφή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="280"/>
        <source>What to steer away from, with the same syntax as the prompt.</source>
        <translation>Τι να αποφευχθεί, με την ίδια σύνταξη όπως η περιγραφή.</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="281"/>
        <source>&amp;Render on</source>
        <translation>&amp;Εκτέλεση σε</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="282"/>
        <location filename="../ui/generation_panel.cpp" line="284"/>
        <source>Generate</source>
        <translation>Δημιουργία</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="283"/>
        <source>Make the picture now, before the waiting jobs (Ctrl+Enter)</source>
        <translation>Δημιουργία της εικόνας τώρα, πριν από τις εργασίες σε αναμονή (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="285"/>
        <location filename="../ui/generation_panel.cpp" line="287"/>
        <source>Queue</source>
        <comment>verb: add to the queue</comment>
        <translation>Στην ουρά</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="286"/>
        <source>Add these settings to the end of the queue (Ctrl+Shift+Enter)</source>
        <translation>Προσθήκη αυτών των ρυθμίσεων στο τέλος της ουράς (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="288"/>
        <location filename="../ui/generation_panel.cpp" line="290"/>
        <source>Cancel</source>
        <translation>Ακύρωση</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="289"/>
        <source>Stop the picture being made; the queue goes on (Esc)</source>
        <translation>Διακοπή της εικόνας που φτιάχνεται· η ουρά συνεχίζει (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="293"/>
        <source>The Stable Diffusion 1.5 model to use: downloaded, or a folder or file on this computer</source>
        <translation>Το μοντέλο Stable Diffusion 1.5 που θα χρησιμοποιηθεί: από λήψη ή φάκελος ή αρχείο σε αυτόν τον υπολογιστή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="296"/>
        <source>The sampling method; Euler a and DPM++ 2M Karras give good pictures in 20–30 steps</source>
        <translation>Η μέθοδος δειγματοληψίας· οι Euler a και DPM++ 2M Karras δίνουν καλές εικόνες σε 20–30 βήματα</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="297"/>
        <source>Denoising steps: more take longer and add detail, up to a point</source>
        <translation>Βήματα αποθορυβοποίησης: περισσότερα θέλουν περισσότερο χρόνο και προσθέτουν λεπτομέρεια, ως ένα σημείο</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="298"/>
        <source>How closely the picture follows the prompt (7 is a good start)</source>
        <translation>Πόσο πιστά ακολουθεί η εικόνα την περιγραφή (το 7 είναι καλή αρχή)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="299"/>
        <source>Width in pixels, a multiple of 8; SD 1.5 knows 512 best</source>
        <translation>Πλάτος σε εικονοστοιχεία, πολλαπλάσιο του 8· το SD 1.5 αποδίδει καλύτερα στα 512</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="300"/>
        <source>Height in pixels, a multiple of 8; SD 1.5 knows 512 best</source>
        <translation>Ύψος σε εικονοστοιχεία, πολλαπλάσιο του 8· το SD 1.5 αποδίδει καλύτερα στα 512</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="302"/>
        <source>Choose a size…</source>
        <translation>Επιλογή μεγέθους…</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="305"/>
        <source>Size presets</source>
        <translation>Έτοιμα μεγέθη</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="306"/>
        <source>Common sizes</source>
        <translation>Συνηθισμένα μεγέθη</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="307"/>
        <location filename="../ui/generation_panel.cpp" line="308"/>
        <source>Swap width and height</source>
        <translation>Εναλλαγή πλάτους και ύψους</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="310"/>
        <source>The same seed and settings make the same picture; -1 draws a new one each time</source>
        <translation>Ο ίδιος σπόρος με τις ίδιες ρυθμίσεις δίνει την ίδια εικόνα· το -1 διαλέγει νέο κάθε φορά</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="311"/>
        <source>Random seed</source>
        <translation>Τυχαίος σπόρος</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="312"/>
        <source>A new random seed for every picture (-1)</source>
        <translation>Νέος τυχαίος σπόρος για κάθε εικόνα (-1)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="313"/>
        <source>Reuse the last seed</source>
        <translation>Ξανά ο τελευταίος σπόρος</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="314"/>
        <source>Use the seed of the last picture made</source>
        <translation>Χρήση του σπόρου της τελευταίας εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="315"/>
        <source>Pictures made together in one run (uses more memory)</source>
        <translation>Εικόνες που φτιάχνονται μαζί σε ένα πέρασμα (θέλει περισσότερη μνήμη)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="316"/>
        <source>Runs one after another; each picture gets the next seed</source>
        <translation>Περάσματα το ένα μετά το άλλο· κάθε εικόνα παίρνει τον επόμενο σπόρο</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="317"/>
        <source>Open…</source>
        <translation>Άνοιγμα…</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="318"/>
        <source>Open init image</source>
        <translation>Άνοιγμα αρχικής εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="319"/>
        <source>Start from a picture (img2img)</source>
        <translation>Ξεκίνημα από μια εικόνα (img2img)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="320"/>
        <source>Clear init image</source>
        <translation>Αφαίρεση αρχικής εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="321"/>
        <source>Make pictures from the prompt alone again</source>
        <translation>Ξανά εικόνες μόνο από την περιγραφή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="322"/>
        <source>Init image preview</source>
        <translation>Προεπισκόπηση αρχικής εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="324"/>
        <location filename="../ui/generation_panel.cpp" line="467"/>
        <source>None: the picture starts from noise</source>
        <translation>Καμία: η εικόνα ξεκινά από θόρυβο</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="325"/>
        <source>How much the init image may change: 0 keeps it, 1 replaces it</source>
        <translation>Πόσο μπορεί να αλλάξει η αρχική εικόνα: το 0 την κρατά, το 1 την αντικαθιστά</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="326"/>
        <source>Draft (quick decode)</source>
        <translation>Πρόχειρο (γρήγορη αποκωδικοποίηση)</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="327"/>
        <source>Draft</source>
        <translation>Πρόχειρο</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="329"/>
        <source>The finished picture is decoded by TAESD: seconds faster, a little rougher</source>
        <translation>Η τελική εικόνα αποκωδικοποιείται από το TAESD: δευτερόλεπτα πιο γρήγορα, λίγο πιο τραχιά</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="332"/>
        <source>A server decodes with its own VAE; drafts are made on this computer only</source>
        <translation>Ο διακομιστής αποκωδικοποιεί με το δικό του VAE· τα πρόχειρα γίνονται μόνο σε αυτόν τον υπολογιστή</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="333"/>
        <source>Needs TAESD: Preferences ▸ Full-size previews ▸ Download</source>
        <translation>Χρειάζεται το TAESD: Προτιμήσεις ▸ Προεπισκοπήσεις σε πλήρες μέγεθος ▸ Λήψη</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="334"/>
        <location filename="../ui/generation_panel.cpp" line="335"/>
        <source>Use the init image&apos;s size</source>
        <translation>Μέγεθος από την αρχική εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/generation_panel.cpp" line="336"/>
        <source>On: a new init image sets the width and height. Off: it is resized to them.</source>
        <translation>Ενεργό: μια νέα αρχική εικόνα ορίζει το πλάτος και το ύψος. Ανενεργό: προσαρμόζεται σε αυτά.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="227"/>
        <source>Eikona</source>
        <translation>Eikona</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="91"/>
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="92"/>
        <source>&amp;Open image…</source>
        <translation>&amp;Άνοιγμα εικόνας…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="93"/>
        <source>Start from a picture (img2img)</source>
        <translation>Ξεκίνημα από μια εικόνα (img2img)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="98"/>
        <source>Open the &amp;pictures folder</source>
        <translation>Άνοιγμα του φακέλου &amp;εικόνων</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="99"/>
        <source>&amp;Quit</source>
        <translation>&amp;Έξοδος</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="100"/>
        <source>&amp;Edit</source>
        <translation>&amp;Επεξεργασία</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="101"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Προτιμήσεις…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="102"/>
        <source>&amp;Generate</source>
        <translation>&amp;Δημιουργία</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="103"/>
        <source>&amp;Generate now</source>
        <translation>&amp;Δημιουργία τώρα</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="104"/>
        <source>&amp;Queue</source>
        <translation>Στην &amp;ουρά</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="105"/>
        <source>&amp;Cancel the running job</source>
        <translation>Α&amp;κύρωση της τρέχουσας εργασίας</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="106"/>
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="107"/>
        <source>&amp;Reset the layout</source>
        <translation>&amp;Επαναφορά της διάταξης</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="110"/>
        <source>&amp;Help</source>
        <translation>&amp;Βοήθεια</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="111"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Συντομεύσεις πληκτρολογίου</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="112"/>
        <source>&amp;About Eikona</source>
        <translation>Σ&amp;χετικά με την Eikona</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>Generation</source>
        <translation>Δημιουργία</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <location filename="../ui/main_window_runner.cpp" line="97"/>
        <source>Queue</source>
        <translation>Ουρά</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Picture</source>
        <translation>Εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="123"/>
        <source>%1 is not available here</source>
        <comment>a device</comment>
        <translation>%1: δεν υπάρχει εδώ</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="126"/>
        <source>Where and how pictures are computed (change it in Preferences)</source>
        <translation>Πού και πώς υπολογίζονται οι εικόνες (αλλάζει στις Προτιμήσεις)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="94"/>
        <source>&amp;Paste a picture</source>
        <translation>Επι&amp;κόλληση εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="95"/>
        <source>Start from the picture on the clipboard</source>
        <translation>Ξεκίνημα από την εικόνα του προχείρου</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="96"/>
        <source>&amp;Add a model folder…</source>
        <translation>&amp;Προσθήκη φακέλου μοντέλου…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="97"/>
        <source>Add a model &amp;file…</source>
        <translation>Προσθήκη &amp;αρχείου μοντέλου…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="108"/>
        <source>The &amp;picture</source>
        <translation>Η ει&amp;κόνα</translation>
    </message>
    <message>
        <location filename="../ui/main_window_menus.cpp" line="109"/>
        <source>The &amp;gallery</source>
        <translation>Η &amp;συλλογή</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>Gallery</source>
        <translation>Συλλογή</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="49"/>
        <source>Full-size previews are off: TAESD could not be loaded (%1)</source>
        <translation>Οι προεπισκοπήσεις σε πλήρες μέγεθος είναι ανενεργές: το TAESD δεν φορτώθηκε (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="79"/>
        <source>Step %1 / %2</source>
        <translation>Βήμα %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_runner.cpp" line="97"/>
        <source>Queue (%n waiting)</source>
        <translation>
            <numerusform>Ουρά (%n σε αναμονή)</numerusform>
            <numerusform>Ουρά (%n σε αναμονή)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="106"/>
        <source>On %1: no connection</source>
        <comment>a render server</comment>
        <translation>Στο %1: χωρίς σύνδεση</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="108"/>
        <source>On %1</source>
        <comment>a render server</comment>
        <translation>Στο %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="111"/>
        <source>On %1: %2</source>
        <comment>a render server, what it runs on</comment>
        <translation>Στο %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_runner.cpp" line="114"/>
        <source>Jobs run on the server %1; pictures are saved on this computer</source>
        <translation>Οι εργασίες εκτελούνται στον διακομιστή %1· οι εικόνες αποθηκεύονται σε αυτόν τον υπολογιστή</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_runner.cpp" line="124"/>
        <source>%1, %n thread(s)</source>
        <translation>
            <numerusform>%1, %n νήμα</numerusform>
            <numerusform>%1, %n νήματα</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="330"/>
        <source>Start from a picture</source>
        <translation>Ξεκίνημα από μια εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="331"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</source>
        <translation>Εικόνες (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="360"/>
        <source>Restore its parameters?</source>
        <translation>Επαναφορά των παραμέτρων της;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="361"/>
        <source>This picture carries the parameters it was made with. Put them into the controls too?</source>
        <translation>Αυτή η εικόνα έχει μέσα της τις παραμέτρους με τις οποίες φτιάχτηκε. Να μπουν και αυτές στις ρυθμίσεις;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="364"/>
        <source>Restore the parameters</source>
        <translation>Επαναφορά παραμέτρων</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>Only the picture</source>
        <translation>Μόνο η εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Choose a model file</source>
        <translation>Επιλογή αρχείου μοντέλου</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="390"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation>Μοντέλα safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="391"/>
        <source>Choose a diffusers model folder</source>
        <translation>Επιλογή φακέλου μοντέλου diffusers</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="498"/>
        <source>Quit Eikona?</source>
        <translation>Έξοδος από την Eikona;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="499"/>
        <source>A picture is being made. Stop it and quit? The waiting jobs stay in the queue for the next start.</source>
        <translation>Φτιάχνεται μια εικόνα. Να διακοπεί και να κλείσει η εφαρμογή; Οι εργασίες σε αναμονή μένουν στην ουρά για την επόμενη εκκίνηση.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="502"/>
        <source>Stop and quit</source>
        <translation>Διακοπή και έξοδος</translation>
    </message>
</context>
<context>
    <name>eikona::ui::PictureDetails</name>
    <message>
        <location filename="../ui/picture_details.cpp" line="54"/>
        <source>Parameters of the picture</source>
        <translation>Παράμετροι της εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="55"/>
        <source>The parameters stored in the picture&apos;s PNG; select text to copy it</source>
        <translation>Οι παράμετροι που είναι αποθηκευμένες στο PNG της εικόνας· επιλέξτε κείμενο για να το αντιγράψετε</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="56"/>
        <source>Click a picture to see its parameters here.</source>
        <translation>Κάντε κλικ σε μια εικόνα για να δείτε εδώ τις παραμέτρους της.</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="57"/>
        <location filename="../ui/picture_details.cpp" line="58"/>
        <source>Use these parameters</source>
        <translation>Χρήση παραμέτρων</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="59"/>
        <source>Fill the controls with this picture&apos;s prompt and settings</source>
        <translation>Συμπλήρωση των ρυθμίσεων με την περιγραφή και τις παραμέτρους αυτής της εικόνας</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="60"/>
        <location filename="../ui/picture_details.cpp" line="61"/>
        <source>Use this seed</source>
        <translation>Χρήση σπόρου</translation>
    </message>
    <message>
        <location filename="../ui/picture_details.cpp" line="62"/>
        <source>Put this picture&apos;s seed into the seed field</source>
        <translation>Ο σπόρος αυτής της εικόνας μπαίνει στο πεδίο του σπόρου</translation>
    </message>
</context>
<context>
    <name>eikona::ui::PreviewDecoderField</name>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="87"/>
        <source>With TAESD</source>
        <translation>Με το TAESD</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="88"/>
        <source>Full-size previews</source>
        <translation>Προεπισκοπήσεις σε πλήρες μέγεθος</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="90"/>
        <source>The forming picture at full size, drawn by TAESD (a tiny decoder), instead of a blurred sketch; it costs about 3% of the time</source>
        <translation>Η εικόνα καθώς σχηματίζεται, σε πλήρες μέγεθος, από το TAESD (έναν μικροσκοπικό αποκωδικοποιητή) αντί για θολό σκίτσο· κοστίζει περίπου 3% του χρόνου</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="93"/>
        <source>Downloading… %1</source>
        <translation>Λήψη… %1</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="95"/>
        <source>Downloaded</source>
        <translation>Έχει ληφθεί</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="99"/>
        <source>Not downloaded (about 10 MB)</source>
        <translation>Δεν έχει ληφθεί (περίπου 10 MB)</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="101"/>
        <source>Download</source>
        <translation>Λήψη</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="102"/>
        <source>Download TAESD</source>
        <translation>Λήψη του TAESD</translation>
    </message>
    <message>
        <location filename="../ui/preview_decoder_field.cpp" line="103"/>
        <source>Fetch madebyollin/taesd from Hugging Face into the model folder</source>
        <translation>Λήψη του madebyollin/taesd από το Hugging Face στον φάκελο μοντέλων</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ProgressStatus</name>
    <message>
        <location filename="../ui/progress_status.cpp" line="27"/>
        <location filename="../ui/progress_status.cpp" line="33"/>
        <source>Progress</source>
        <translation>Πρόοδος</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="41"/>
        <source>Preparing…</source>
        <translation>Προετοιμασία…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="46"/>
        <source>Loading the model %1…</source>
        <translation>Φόρτωση του μοντέλου %1…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="51"/>
        <source>Starting…</source>
        <translation>Έναρξη…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="56"/>
        <source>Getting the model ready for %1×%2…</source>
        <translation>Το μοντέλο ετοιμάζεται για %1×%2…</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="61"/>
        <source>Ready.</source>
        <translation>Έτοιμο.</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="72"/>
        <source>%1 s/it</source>
        <translation>%1 δ/βήμα</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="73"/>
        <source>%1 it/s</source>
        <translation>%1 βήματα/δ</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="77"/>
        <source>Run %1/%2 · step %3/%4 · %5 · %6 left</source>
        <translation>Πέρασμα %1/%2 · βήμα %3/%4 · %5 · απομένουν %6</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="83"/>
        <source>Step %1/%2 · %3 · %4 left</source>
        <translation>Βήμα %1/%2 · %3 · απομένουν %4</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="88"/>
        <source>Done.</source>
        <translation>Έτοιμο.</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="89"/>
        <source>Cancelled.</source>
        <translation>Ακυρώθηκε.</translation>
    </message>
    <message>
        <location filename="../ui/progress_status.cpp" line="90"/>
        <source>Stopped by an error.</source>
        <translation>Σταμάτησε λόγω σφάλματος.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::PromptEdit</name>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="159"/>
        <source>%1 / %2</source>
        <comment>prompt tokens used / tokens available</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="161"/>
        <source>CLIP tokens: the model reads prompts in chunks of 75; BREAK starts a new chunk</source>
        <translation>Λεκτικές μονάδες CLIP: το μοντέλο διαβάζει τις περιγραφές σε τμήματα των 75· το BREAK ξεκινά νέο τμήμα</translation>
    </message>
    <message>
        <location filename="../ui/prompt_edit.cpp" line="162"/>
        <source>Token count</source>
        <translation>Πλήθος λεκτικών μονάδων</translation>
    </message>
</context>
<context>
    <name>eikona::ui::QueuePanel</name>
    <message>
        <location filename="../ui/queue_panel.cpp" line="99"/>
        <source>Job queue</source>
        <translation>Ουρά εργασιών</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="100"/>
        <source>Jobs run from the top; drag a row to change the order</source>
        <translation>Οι εργασίες εκτελούνται από πάνω προς τα κάτω· σύρετε μια γραμμή για να αλλάξετε τη σειρά</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>Move up</source>
        <translation>Μετακίνηση πάνω</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="102"/>
        <source>Run this job earlier</source>
        <translation>Νωρίτερα αυτή η εργασία</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="103"/>
        <source>Move down</source>
        <translation>Μετακίνηση κάτω</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="104"/>
        <source>Run this job later</source>
        <translation>Αργότερα αυτή η εργασία</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="105"/>
        <source>Edit</source>
        <translation>Επεξεργασία</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="106"/>
        <source>Edit job</source>
        <translation>Επεξεργασία εργασίας</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="107"/>
        <source>Take this waiting job out of the queue and back into the controls</source>
        <translation>Η εργασία βγαίνει από την ουρά και επιστρέφει στις ρυθμίσεις</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="108"/>
        <location filename="../ui/queue_panel.cpp" line="152"/>
        <source>Remove</source>
        <translation>Αφαίρεση</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="109"/>
        <source>Remove job</source>
        <translation>Αφαίρεση εργασίας</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="110"/>
        <source>Remove the waiting job, or stop the running one</source>
        <translation>Αφαίρεση της εργασίας σε αναμονή ή διακοπή αυτής που τρέχει</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="111"/>
        <source>Try again</source>
        <translation>Ξανά</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="112"/>
        <source>Try the servers again</source>
        <translation>Νέα προσπάθεια με τους διακομιστές</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="113"/>
        <source>Jobs whose server did not answer are tried again every minute; now</source>
        <translation>Οι εργασίες των οποίων ο διακομιστής δεν απάντησε ξαναδοκιμάζονται κάθε λεπτό· τώρα</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="152"/>
        <source>Stop</source>
        <translation>Διακοπή</translation>
    </message>
</context>
<context>
    <name>eikona::ui::RenderTargetField</name>
    <message>
        <location filename="../ui/render_target_field.cpp" line="88"/>
        <source>PNDM cannot run on a ComfyUI server: choose another sampler.</source>
        <translation>Ο PNDM δεν εκτελείται σε διακομιστή ComfyUI: επιλέξτε άλλον δειγματολήπτη.</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="90"/>
        <source>%1 draws fresh noise at every step, which the server seeds its own way: the same seed gives a different picture there than on this computer.</source>
        <translation>Ο %1 προσθέτει νέο θόρυβο σε κάθε βήμα, που ο διακομιστής τον παράγει με τον δικό του τρόπο: ο ίδιος σπόρος δίνει εκεί άλλη εικόνα από ό,τι σε αυτόν τον υπολογιστή.</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="100"/>
        <source>This computer</source>
        <translation>Αυτός ο υπολογιστής</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="101"/>
        <source>Render on</source>
        <translation>Εκτέλεση σε</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="102"/>
        <source>Where the job runs: here, or on a ComfyUI server (Preferences ▸ Servers)</source>
        <translation>Πού εκτελείται η εργασία: εδώ ή σε έναν διακομιστή ComfyUI (Προτιμήσεις ▸ Διακομιστές)</translation>
    </message>
    <message>
        <location filename="../ui/render_target_field.cpp" line="103"/>
        <source>About seeds on a server</source>
        <translation>Για τους σπόρους σε διακομιστή</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ResultsStrip</name>
    <message>
        <location filename="../ui/results_strip.cpp" line="35"/>
        <source>Pictures made in this session</source>
        <translation>Εικόνες αυτής της συνεδρίας</translation>
    </message>
    <message>
        <location filename="../ui/results_strip.cpp" line="36"/>
        <source>The pictures made since Eikona started; click one to see it and its parameters</source>
        <translation>Οι εικόνες από την εκκίνηση της Eikona· κάντε κλικ σε μία για να δείτε την ίδια και τις παραμέτρους της</translation>
    </message>
</context>
<context>
    <name>eikona::ui::ServersPage</name>
    <message>
        <location filename="../ui/servers_page.cpp" line="40"/>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="44"/>
        <source>Address</source>
        <translation>Διεύθυνση</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="48"/>
        <source>Token</source>
        <translation>Διακριτικό</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="135"/>
        <location filename="../ui/servers_page.cpp" line="176"/>
        <source>“%1” is not a server address: write it as http://HOST:PORT or https://HOST.</source>
        <translation>Το «%1» δεν είναι διεύθυνση διακομιστή: γράψτε τη ως http://ΚΟΜΒΟΣ:ΘΥΡΑ ή https://ΚΟΜΒΟΣ.</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="169"/>
        <source>Removed. Cancel keeps it.</source>
        <translation>Αφαιρέθηκε. Με την Ακύρωση μένει.</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="180"/>
        <source>Asking %1…</source>
        <translation>Ερώτηση στο %1…</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="189"/>
        <source>No connection: %1</source>
        <translation>Χωρίς σύνδεση: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/servers_page.cpp" line="193"/>
        <source>Connected: %1. %n checkpoint(s).</source>
        <translation>
            <numerusform>Συνδέθηκε: %1. %n μοντέλο.</numerusform>
            <numerusform>Συνδέθηκε: %1. %n μοντέλα.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="206"/>
        <source>%1, %2 of %3 GB free</source>
        <comment>a GPU&apos;s name, its free and total memory</comment>
        <translation>%1, %2 από %3 GB ελεύθερα</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="216"/>
        <source>Render servers</source>
        <translation>Διακομιστές απόδοσης</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="217"/>
        <source>ComfyUI servers jobs can run on; choose one beside the Generate button</source>
        <translation>Διακομιστές ComfyUI όπου μπορούν να εκτελεστούν εργασίες· επιλέξτε έναν δίπλα στο κουμπί «Δημιουργία»</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="218"/>
        <source>Server name</source>
        <translation>Όνομα διακομιστή</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="219"/>
        <source>Studio GPU</source>
        <translation>GPU του στούντιο</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="220"/>
        <source>Server address</source>
        <translation>Διεύθυνση διακομιστή</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="221"/>
        <source>The address ComfyUI listens on, e.g. http://gpu-box:8188</source>
        <translation>Η διεύθυνση όπου ακούει το ComfyUI, π.χ. http://gpu-box:8188</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="222"/>
        <source>Server token</source>
        <translation>Διακριτικό διακομιστή</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="223"/>
        <source>Only for a proxy that asks for one</source>
        <translation>Μόνο για διακομιστή μεσολάβησης που το ζητά</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="224"/>
        <source>Sent as a bearer token; kept in a file only you can read</source>
        <translation>Στέλνεται ως διακριτικό bearer· φυλάσσεται σε αρχείο που διαβάζετε μόνο εσείς</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="225"/>
        <source>Add or update</source>
        <translation>Προσθήκη ή ενημέρωση</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="226"/>
        <source>Add or update server</source>
        <translation>Προσθήκη ή ενημέρωση διακομιστή</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="227"/>
        <location filename="../ui/servers_page.cpp" line="228"/>
        <source>Test connection</source>
        <translation>Δοκιμή σύνδεσης</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="229"/>
        <source>Remove</source>
        <translation>Αφαίρεση</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="230"/>
        <source>Remove server</source>
        <translation>Αφαίρεση διακομιστή</translation>
    </message>
    <message>
        <location filename="../ui/servers_page.cpp" line="231"/>
        <source>ComfyUI has no login of its own: anyone who reaches its port can use it. Reach it through an SSH tunnel, or a proxy that asks for a token.</source>
        <translation>Το ComfyUI δεν έχει δική του σύνδεση χρήστη: όποιος φτάνει στη θύρα του μπορεί να το χρησιμοποιήσει. Συνδεθείτε μέσω σήραγγας SSH ή διακομιστή μεσολάβησης που ζητά διακριτικό.</translation>
    </message>
</context>
<context>
    <name>eikona::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="66"/>
        <location filename="../ui/settings_dialog.cpp" line="171"/>
        <source>Device</source>
        <translation>Συσκευή</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="71"/>
        <location filename="../ui/settings_dialog.cpp" line="177"/>
        <source>Precision</source>
        <translation>Ακρίβεια</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="79"/>
        <location filename="../ui/settings_dialog.cpp" line="181"/>
        <source>Threads</source>
        <translation>Νήματα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="82"/>
        <location filename="../ui/settings_dialog.cpp" line="183"/>
        <source>Pictures folder</source>
        <translation>Φάκελος εικόνων</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="85"/>
        <location filename="../ui/settings_dialog.cpp" line="185"/>
        <source>Model folder</source>
        <translation>Φάκελος μοντέλων</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="90"/>
        <location filename="../ui/settings_dialog.cpp" line="192"/>
        <source>Live preview</source>
        <translation>Ζωντανή προεπισκόπηση</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="92"/>
        <source>Full-size previews</source>
        <translation>Προεπισκοπήσεις σε πλήρες μέγεθος</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="98"/>
        <location filename="../ui/settings_dialog.cpp" line="195"/>
        <source>Language</source>
        <translation>Γλώσσα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="136"/>
        <location filename="../ui/settings_dialog.cpp" line="198"/>
        <location filename="../ui/settings_dialog.cpp" line="199"/>
        <source>Choose a folder</source>
        <translation>Επιλογή φακέλου</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>Servers</source>
        <translation>Διακομιστές</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="149"/>
        <source>The servers could not be saved: %1</source>
        <translation>Οι διακομιστές δεν αποθηκεύτηκαν: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="162"/>
        <source>Preferences</source>
        <translation>Προτιμήσεις</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="163"/>
        <source>General</source>
        <translation>Γενικά</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="164"/>
        <source>Servers</source>
        <comment>render servers</comment>
        <translation>Διακομιστές</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="167"/>
        <location filename="../ui/settings_dialog.cpp" line="173"/>
        <source>Automatic</source>
        <translation>Αυτόματα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="168"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="169"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>Κάρτα γραφικών NVIDIA (CUDA)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="170"/>
        <source>Apple GPU (MPS)</source>
        <translation>Επεξεργαστής γραφικών Apple (MPS)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="172"/>
        <source>Where pictures are computed</source>
        <translation>Πού υπολογίζονται οι εικόνες</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="174"/>
        <source>Full (fp32)</source>
        <translation>Πλήρης (fp32)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="175"/>
        <source>Half (fp16, GPU only)</source>
        <translation>Μισή (fp16, μόνο σε κάρτα γραφικών)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="176"/>
        <source>Faster (bf16)</source>
        <translation>Ταχύτερη (bf16)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="179"/>
        <source>Number precision: fp32 matches the reference exactly; bf16 is faster on recent CPUs</source>
        <translation>Ακρίβεια αριθμών: η fp32 συμφωνεί ακριβώς με την υλοποίηση αναφοράς· η bf16 είναι ταχύτερη σε νεότερους επεξεργαστές</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings_dialog.cpp" line="180"/>
        <source>Automatic (%n)</source>
        <translation>
            <numerusform>Αυτόματα (%n)</numerusform>
            <numerusform>Αυτόματα (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="182"/>
        <source>CPU threads the engine uses</source>
        <translation>Τα νήματα CPU που χρησιμοποιεί η μηχανή</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="184"/>
        <source>Every picture is saved here as a PNG with its parameters</source>
        <translation>Κάθε εικόνα αποθηκεύεται εδώ ως PNG μαζί με τις παραμέτρους της</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="186"/>
        <source>Downloaded models (several GB each) are kept here, shared with diffusers; applies from the next start</source>
        <translation>Τα μοντέλα που κατεβαίνουν (αρκετά GB το καθένα) φυλάσσονται εδώ, κοινά με το diffusers· ισχύει από την επόμενη εκκίνηση</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="188"/>
        <source>Every step</source>
        <translation>Σε κάθε βήμα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="189"/>
        <source>Every 2nd step</source>
        <translation>Κάθε 2 βήματα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="190"/>
        <source>Every 5th step</source>
        <translation>Κάθε 5 βήματα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="191"/>
        <source>Off</source>
        <translation>Ανενεργή</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="193"/>
        <source>How often the forming picture is drawn</source>
        <translation>Πόσο συχνά σχεδιάζεται η εικόνα καθώς σχηματίζεται</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="194"/>
        <source>As the system</source>
        <translation>Όπως το σύστημα</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="196"/>
        <source>The language of Eikona&apos;s window</source>
        <translation>Η γλώσσα του παραθύρου της Eikona</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="209"/>
        <source>Not available here: %1</source>
        <translation>Δεν υπάρχει εδώ: %1</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="210"/>
        <source>Will run on: %1</source>
        <translation>Θα εκτελεστεί σε: %1</translation>
    </message>
</context>
</TS>
