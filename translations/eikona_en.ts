<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>eikona::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="14"/>
        <source>Eikona</source>
        <translation>Eikona</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="20"/>
        <source>Describe the picture you want</source>
        <translation>Describe the picture you want</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="21"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="25"/>
        <source>What the picture should not contain</source>
        <translation>What the picture should not contain</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="26"/>
        <source>Negative prompt</source>
        <translation>Negative prompt</translation>
    </message>
</context>
</TS>
