"""Opens each .docx with python-docx (Debian's python3-docx) and prints, one JSON line per file, its headings
with the style python-docx finds them in, and its core properties: what another program reads from the file."""
import json
import sys

import docx

for path in sys.argv[1:]:
    try:
        document = docx.Document(path)
        headings = [[p.style.name, p.text] for p in document.paragraphs if p.style is not None and p.style.name.startswith('Heading')]
        props = document.core_properties
        print(json.dumps({'file': path, 'headings': headings, 'title': props.title, 'language': props.language, 'version': props.version, 'keywords': props.keywords}))
    except Exception as error:  # reported to the test, which fails on it
        print(json.dumps({'file': path, 'error': repr(error)}))
