#!/usr/bin/env python3
"""Finishes eikona_en.ts after lupdate: each translation is its English source, and the plural
forms come from the sources' "(s)" convention ("%n image(s)" -> "%n image" / "%n images").
Run after the update_translations target (see README); the Greek is written by a person."""
import re
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("eikona_en.ts"))
text = path.read_text(encoding="utf-8")


def fill(match: re.Match) -> str:
    message = match.group(0)
    source = re.search(r"<source>(.*?)</source>", message, re.S).group(1)
    if 'numerus="yes"' in message:
        one, many = source.replace("(s)", ""), source.replace("(s)", "s")
        translation = (f"<translation>\n            <numerusform>{one}</numerusform>\n"
                       f"            <numerusform>{many}</numerusform>\n        </translation>")
    else:
        translation = f"<translation>{source}</translation>"
    return re.sub(r"<translation.*?</translation>", lambda _: translation, message, flags=re.S)


text = re.sub(r'<message( numerus="yes")?>.*?</message>', fill, text, flags=re.S)
path.write_text(text, encoding="utf-8")
