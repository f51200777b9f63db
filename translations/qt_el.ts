<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Eikona's Greek for the Qt strings its windows show (standard buttons, file dialogs,
     text boxes' menus): Qt ships no qtbase_el. Kept by hand; lupdate never touches it. -->
<TS version="2.1" language="el_GR">
  <context>
    <name>QDialogButtonBox</name>
    <message>
      <source>OK</source>
      <translation>Εντάξει</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>Εντάξει</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>Ό&amp;χι</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ναι</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Βοήθεια</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Άνοιγμα</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Αποθήκευση</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Ματαίωση</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Εφαρμογή</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Κλείσιμο</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Επαναφορά</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Νέα προσπάθεια</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Επαναφορά προεπιλογών</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Ακύρωση</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Παράβλεψη</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>Ό&amp;χι σε όλα</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Αποθήκευση όλων</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Απόρριψη</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Ναι σε ό&amp;λα</translation>
    </message>
  </context>
  <context>
    <name>QErrorMessage</name>
    <message>
      <source>&amp;OK</source>
      <translation>&amp;Εντάξει</translation>
    </message>
    <message>
      <source>Fatal Error:</source>
      <translation>Μοιραίο σφάλμα:</translation>
    </message>
    <message>
      <source>&amp;Show this message again</source>
      <translation>&amp;Να εμφανίζεται ξανά αυτό το μήνυμα</translation>
    </message>
    <message>
      <source>Critical Error:</source>
      <translation>Κρίσιμο σφάλμα:</translation>
    </message>
    <message>
      <source>Information:</source>
      <translation>Πληροφορία:</translation>
    </message>
    <message>
      <source>Debug Message:</source>
      <translation>Μήνυμα αποσφαλμάτωσης:</translation>
    </message>
    <message>
      <source>Warning:</source>
      <translation>Προειδοποίηση:</translation>
    </message>
  </context>
  <context>
    <name>QGnomeTheme</name>
    <message>
      <source>&amp;OK</source>
      <translation>&amp;Εντάξει</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>Α&amp;ποθήκευση</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Κλείσιμο</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Κλείσιμο χωρίς αποθήκευση</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Ακύρωση</translation>
    </message>
  </context>
  <context>
    <name>QScrollBar</name>
    <message>
      <source>Top</source>
      <translation>Αρχή</translation>
    </message>
    <message>
      <source>Scroll down</source>
      <translation>Κύλιση προς τα κάτω</translation>
    </message>
    <message>
      <source>Scroll here</source>
      <translation>Κύλιση εδώ</translation>
    </message>
    <message>
      <source>Scroll left</source>
      <translation>Κύλιση προς τα αριστερά</translation>
    </message>
    <message>
      <source>Bottom</source>
      <translation>Τέλος</translation>
    </message>
    <message>
      <source>Page up</source>
      <translation>Μία σελίδα πάνω</translation>
    </message>
    <message>
      <source>Page right</source>
      <translation>Μία σελίδα δεξιά</translation>
    </message>
    <message>
      <source>Scroll up</source>
      <translation>Κύλιση προς τα πάνω</translation>
    </message>
    <message>
      <source>Scroll right</source>
      <translation>Κύλιση προς τα δεξιά</translation>
    </message>
    <message>
      <source>Left edge</source>
      <translation>Αριστερό άκρο</translation>
    </message>
    <message>
      <source>Page down</source>
      <translation>Μία σελίδα κάτω</translation>
    </message>
    <message>
      <source>Page left</source>
      <translation>Μία σελίδα αριστερά</translation>
    </message>
    <message>
      <source>Right edge</source>
      <translation>Δεξί άκρο</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>Back</source>
      <translation>Πίσω</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Άνοιγμα</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>Ά&amp;νοιγμα</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>Α&amp;ποθήκευση</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Αρχεία</translation>
    </message>
    <message>
      <source>Show </source>
      <translation>Εμφάνιση </translation>
    </message>
    <message>
      <source>'%1' is write protected.
Do you want to delete it anyway?</source>
      <translation>Το «%1» προστατεύεται από εγγραφή.
Να διαγραφεί παρ’ όλα αυτά;</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>Να διαγραφεί το «%1»;</translation>
    </message>
    <message>
      <source>List of places and bookmarks</source>
      <translation>Τοποθεσίες και σελιδοδείκτες</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>Όνομα &amp;αρχείου:</translation>
    </message>
    <message>
      <source>Alt+Left</source>
      <translation>Alt+Left</translation>
    </message>
    <message>
      <source>Alt+Up</source>
      <translation>Alt+Up</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Διαγραφή</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Νέος φάκελος</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Γονικός φάκελος</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>&amp;Νέος φάκελος</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Αφαίρεση</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Αναζήτηση σε:</translation>
    </message>
    <message>
      <source>Alt+Right</source>
      <translation>Alt+Right</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>Δημιουργία νέου φακέλου</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Αρχεία τύπου:</translation>
    </message>
    <message>
      <source>Find Directory</source>
      <translation>Εύρεση φακέλου</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Εμφάνιση &amp;κρυφών αρχείων</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>Αποθήκευση ως</translation>
    </message>
    <message>
      <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
      <translation>%1
Ο φάκελος δεν βρέθηκε.
Ελέγξτε ότι το όνομα του φακέλου είναι σωστό.</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Πλευρική στήλη</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Προβολή λίστας</translation>
    </message>
    <message>
      <source>&amp;Choose</source>
      <translation>&amp;Επιλογή</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Διαγραφή</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Όλα τα αρχεία (*)</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Όλα τα αρχεία (*)</translation>
    </message>
    <message>
      <source>Directories</source>
      <translation>Φάκελοι</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>&amp;Μετονομασία</translation>
    </message>
    <message>
      <source>Could not delete directory.</source>
      <translation>Ο φάκελος δεν διαγράφηκε.</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Φάκελος:</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>Το «%1» υπάρχει ήδη.
Να αντικατασταθεί;</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Εμπρός</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>Μετάβαση εμπρός</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>Μετάβαση στον γονικό φάκελο</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>Πρόσφατες τοποθεσίες</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Μετάβαση πίσω</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>Προβολή με λεπτομέρειες</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Δημιουργία νέου φακέλου</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Προβολή λεπτομερειών</translation>
    </message>
    <message>
      <source>%1
File not found.
Please verify the correct file name was given.</source>
      <translation>%1
Το αρχείο δεν βρέθηκε.
Ελέγξτε ότι το όνομα του αρχείου είναι σωστό.</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>Προβολή ως λίστα</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>Cu&amp;t</source>
      <translation>Απο&amp;κοπή</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>Αντι&amp;γραφή</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>Ε&amp;πανάληψη</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Αναίρεση</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Επικόλληση</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Διαγραφή</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Επιλογή όλων</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>Cu&amp;t</source>
      <translation>Απο&amp;κοπή</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>Αντι&amp;γραφή</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>Ε&amp;πανάληψη</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Αναίρεση</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Επικόλληση</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Διαγραφή</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Επιλογή όλων</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Αντιγραφή &amp;διεύθυνσης συνδέσμου</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>File</source>
      <translation>Αρχείο</translation>
    </message>
    <message>
      <source>Alias</source>
      <translation>Ψευδώνυμο</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>Μονάδα δίσκου</translation>
    </message>
    <message>
      <source>File Folder</source>
      <translation>Φάκελος αρχείων</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Φάκελος</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Άγνωστο</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>Συντόμευση</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Kind</source>
      <translation>Είδος</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Όνομα</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Μέγεθος</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Τύπος</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>Ο υπολογιστής μου</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>Υπολογιστής</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Τροποποίηση</translation>
    </message>
  </context>
  <context>
    <name>QComboBox</name>
    <message>
      <source>True</source>
      <translation>Αληθές</translation>
    </message>
    <message>
      <source>False</source>
      <translation>Ψευδές</translation>
    </message>
    <message>
      <source>Open the combo box selection popup</source>
      <translation>Άνοιγμα της λίστας επιλογών</translation>
    </message>
  </context>
  <context>
    <name>QDockWidget</name>
    <message>
      <source>Close</source>
      <translation>Κλείσιμο</translation>
    </message>
    <message>
      <source>Float</source>
      <translation>Αποκόλληση</translation>
    </message>
    <message>
      <source>Undocks and re-attaches the dock widget</source>
      <translation>Αποκολλά το πλαίσιο και το ξαναδένει</translation>
    </message>
    <message>
      <source>Closes the dock widget</source>
      <translation>Κλείνει το πλαίσιο</translation>
    </message>
  </context>
  <context>
    <name>QDialog</name>
    <message>
      <source>What's This?</source>
      <translation>Τι είναι αυτό;</translation>
    </message>
  </context>
  <context>
    <name>QWhatsThisAction</name>
    <message>
      <source>What's This?</source>
      <translation>Τι είναι αυτό;</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Show Details...</source>
      <translation>Εμφάνιση λεπτομερειών…</translation>
    </message>
    <message>
      <source>About Qt</source>
      <translation>Σχετικά με το Qt</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>Απόκρυψη λεπτομερειών…</translation>
    </message>
    <message>
      <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Σχετικά με το Qt&lt;/h3&gt;&lt;p&gt;Αυτό το πρόγραμμα χρησιμοποιεί το Qt, έκδοση %1.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
      <source>RLE Start of right-to-left embedding</source>
      <translation>RLE Αρχή ενσωμάτωσης από δεξιά προς τα αριστερά</translation>
    </message>
    <message>
      <source>ZWSP Zero width space</source>
      <translation>ZWSP Διάστημα μηδενικού πλάτους</translation>
    </message>
    <message>
      <source>LRI Left-to-right isolate</source>
      <translation>LRI Απομόνωση από αριστερά προς τα δεξιά</translation>
    </message>
    <message>
      <source>Insert Unicode control character</source>
      <translation>Εισαγωγή χαρακτήρα ελέγχου Unicode</translation>
    </message>
    <message>
      <source>LRO Start of left-to-right override</source>
      <translation>LRO Αρχή υπέρβασης από αριστερά προς τα δεξιά</translation>
    </message>
    <message>
      <source>LRE Start of left-to-right embedding</source>
      <translation>LRE Αρχή ενσωμάτωσης από αριστερά προς τα δεξιά</translation>
    </message>
    <message>
      <source>RLI Right-to-left isolate</source>
      <translation>RLI Απομόνωση από δεξιά προς τα αριστερά</translation>
    </message>
    <message>
      <source>RLM Right-to-left mark</source>
      <translation>RLM Σημάδι από δεξιά προς τα αριστερά</translation>
    </message>
    <message>
      <source>PDF Pop directional formatting</source>
      <translation>PDF Τέλος κατευθυντικής μορφοποίησης</translation>
    </message>
    <message>
      <source>ZWNJ Zero width non-joiner</source>
      <translation>ZWNJ Μη συνδετικό μηδενικού πλάτους</translation>
    </message>
    <message>
      <source>RLO Start of right-to-left override</source>
      <translation>RLO Αρχή υπέρβασης από δεξιά προς τα αριστερά</translation>
    </message>
    <message>
      <source>PDI Pop directional isolate</source>
      <translation>PDI Τέλος κατευθυντικής απομόνωσης</translation>
    </message>
    <message>
      <source>ZWJ Zero width joiner</source>
      <translation>ZWJ Συνδετικό μηδενικού πλάτους</translation>
    </message>
    <message>
      <source>LRM Left-to-right mark</source>
      <translation>LRM Σημάδι από αριστερά προς τα δεξιά</translation>
    </message>
    <message>
      <source>FSI First strong isolate</source>
      <translation>FSI Απομόνωση κατά τον πρώτο ισχυρό χαρακτήρα</translation>
    </message>
  </context>
  <context>
    <name>QAbstractSpinBox</name>
    <message>
      <source>Step &amp;down</source>
      <translation>Ένα βήμα &amp;κάτω</translation>
    </message>
    <message>
      <source>&amp;Step up</source>
      <translation>Ένα βήμα &amp;πάνω</translation>
    </message>
    <message>
      <source>&amp;Select All</source>
      <translation>&amp;Επιλογή όλων</translation>
    </message>
  </context>
  <context>
    <name>QInputDialog</name>
    <message>
      <source>Enter a value:</source>
      <translation>Δώστε μια τιμή:</translation>
    </message>
  </context>
  <context>
    <name>QTabBar</name>
    <message>
      <source>Scroll Left</source>
      <translation>Κύλιση αριστερά</translation>
    </message>
    <message>
      <source>Scroll Right</source>
      <translation>Κύλιση δεξιά</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Ακύρωση</translation>
    </message>
  </context>
  <context>
    <name>CloseButton</name>
    <message>
      <source>Close Tab</source>
      <translation>Κλείσιμο καρτέλας</translation>
    </message>
  </context>
  <context>
    <name>QKeySequenceEdit</name>
    <message>
      <source>Press shortcut</source>
      <translation>Πατήστε τη συντόμευση</translation>
    </message>
    <message>
      <source>%1, ...</source>
      <translation>%1, ...</translation>
    </message>
  </context>
</TS>
