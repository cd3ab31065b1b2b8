#!/usr/bin/python3
"""Asks LibreOffice (through python3-uno) what it thinks of the digital signatures of .docx files.

Usage: /usr/bin/python3 libreoffice_signatures.py FILE.docx [FILE.docx ...]

Starts its own headless soffice with a throw-away profile (so runs never share state), opens each file as
an OOXML storage and calls com.sun.star.security.DocumentDigitalSignatures.verifyDocumentContentSignatures,
the same check LibreOffice runs when it opens a signed document. Prints one JSON object per file:
{"file": ..., "signatures": [{"valid": bool, "partial": bool, "certificateStatus": int, "subject": str,
"date": str}], "state": ...}. "valid" is LibreOffice's SignatureIsValid (every digest and the signature
value check out); certificateStatus is the trust of the certificate (0 = trusted; a self-signed certificate
not in the user's store is untrusted, which LibreOffice shows as "valid but not trusted").
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

READ = 1  # com.sun.star.embed.ElementModes.READ


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, process):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if process.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.2)


def check(ctx, path):
    smgr = ctx.ServiceManager
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    factory = smgr.createInstanceWithContext("com.sun.star.embed.StorageFactory", ctx)
    format_ = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("StorageFormat", "ZipFormat"),))
    storage = uno.invoke(factory, "createInstanceWithArguments", ((url, READ, format_),))
    signatures = smgr.createInstanceWithContext("com.sun.star.security.DocumentDigitalSignatures", ctx)
    infos = signatures.verifyDocumentContentSignatures(storage, None)
    out = []
    for info in infos:
        signer = info.Signer
        out.append({
            "valid": bool(info.SignatureIsValid),
            "partial": bool(info.PartialDocumentSignature),
            "certificateStatus": int(info.CertificateStatus),
            "subject": signer.SubjectName if signer is not None else "",
            "date": "%04d-%02d-%02d" % (info.SignatureDate // 10000, info.SignatureDate // 100 % 100, info.SignatureDate % 100),
        })
    storage.dispose()
    return out


def main(files):
    profile = tempfile.mkdtemp(prefix="lo-signatures-")
    pipe = "sla_signatures_%d" % os.getpid()
    process = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, process)
        for path in files:
            try:
                print(json.dumps({"file": path, "signatures": check(ctx, path)}), flush=True)
            except Exception as error:  # a broken file is a result, not a crash of the whole run
                print(json.dumps({"file": path, "error": str(error)}), flush=True)
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:
            pass
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
