<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>eikona::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="14"/>
        <source>Eikona</source>
        <translation>Εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="20"/>
        <source>Describe the picture you want</source>
        <translation>Περιγράψτε την εικόνα που θέλετε</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="21"/>
        <source>Prompt</source>
        <translation>Περιγραφή</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="25"/>
        <source>What the picture should not contain</source>
        <translation>Τι δεν πρέπει να περιέχει η εικόνα</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="26"/>
        <source>Negative prompt</source>
        <translation>Αρνητική περιγραφή</translation>
    </message>
</context>
</TS>
