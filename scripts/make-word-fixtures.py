#!/usr/bin/env python3
"""Writes the Word fixtures of the tests (Tests/NewsLintTests/Fixtures/word/) with Python's own
zlib and zipfile, so that newslint's inflate and zip reader are checked against another
implementation. Run it from the project root; it is deterministic, and its output is committed.

- seeds/NAME.docx: each seed page as a Word draft, one paragraph a line, every line cut into runs
  of varying length (some bold), so that positions and comments cross run boundaries.
- features.docx: hidden text, a table, a text box (with its VML fallback), tracked changes,
  fields, a soft line break, a hyperlink, references and a footnote.
- notes.docx: findings in the body, a footnote and a text box.
- deflate/*.bin: raw DEFLATE streams (stored, fixed Huffman, dynamic Huffman, empty, large) and
  deflate/manifest.json with each stream's size and CRC-32.
- bad/*: inputs that must be refused with exit code 2.
"""
import json, os, sys, zipfile, zlib

ROOT = os.path.join("Tests", "NewsLintTests", "Fixtures", "word")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STAMP = (2026, 12, 2, 0, 0, 0)

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '{extra}</Types>')
PACKAGE_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')
DOCUMENT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def t(s):
    return '<w:t xml:space="preserve">%s</w:t>' % esc(s)


def write_zip(path, members, method=zipfile.ZIP_DEFLATED):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = method
            z.writestr(info, data)


def docx(path, body, extra_types="", rels="", parts=()):
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                '<w:body>%s<w:sectPr/></w:body></w:document>') % (W, body)
    write_zip(path, [("[Content_Types].xml", CONTENT_TYPES.format(extra=extra_types)), ("_rels/.rels", PACKAGE_RELS),
                     ("word/document.xml", document), ("word/_rels/document.xml.rels", DOCUMENT_RELS.format(rels=rels))] + list(parts))


def seed_paragraph(line, n):
    """A line as a paragraph of runs of 3 to 14 characters, every third run bold."""
    if not line:
        return "<w:p/>"
    runs, i, k = [], 0, n
    lengths = [5, 9, 3, 14, 7, 4, 11]
    while i < len(line):
        size = lengths[k % len(lengths)]
        piece = line[i:i + size]
        bold = "<w:rPr><w:b/></w:rPr>" if k % 3 == 0 else ""
        content = "".join("<w:tab/>" if c == "\t" else t(c) for c in piece) if "\t" in piece else t(piece)
        runs.append('<w:r w:rsidR="00A1%04d">%s%s</w:r>' % (k % 10000, bold, content))
        i += size
        k += 1
    return "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>%s</w:p>" % "".join(runs)


def seeds():
    for name in sorted(os.listdir("seeds")):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join("seeds", name), encoding="utf-8").read()
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        body = "".join(seed_paragraph(line, n) for n, line in enumerate(lines))
        docx(os.path.join(ROOT, "seeds", name[:-4] + ".docx"), body)


def features():
    r = lambda s: "<w:r>%s</w:r>" % t(s)
    body = "".join([
        "<w:p>%s<w:r><w:rPr><w:vanish/></w:rPr>%s</w:r>%s</w:p>" % (r("第一段"), t("隐藏的字"), r("正文。")),
        # a tracked deletion and insertion: 删去 is gone, 新增 stays
        "<w:p>%s<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"a\">%s</w:ins>%s</w:p>" % (r("修订"), r("新增"), r("文字。")),
        # a complex field: its code is not text, its result is; and a simple field's result
        "<w:p>%s<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>%s<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:fldSimple w:instr=\" NUMPAGES \">%s</w:fldSimple></w:p>" % (r("第"), r("3"), r("页")),
        # a soft line break and a tab
        "<w:p><w:r>%s<w:br/>%s<w:tab/>%s</w:r></w:p>" % (t("上行"), t("下行"), t("末")),
        # a table of two cells
        "<w:tbl><w:tr><w:tc><w:p>%s</w:p></w:tc><w:tc><w:p>%s</w:p></w:tc></w:tr></w:tbl>" % (r("甲格"), r("乙格")),
        # a text box, in its DrawingML form and its VML fallback (read once)
        "<w:p>%s<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        "<wps:wsp><wps:txbx><w:txbxContent><w:p>%s</w:p></w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        "<w:txbxContent><w:p>%s</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "%s</w:p>" % (r("框外"), r("框内文字"), r("框内文字"), r("续。")),
        # a hyperlink, escaped characters, and a footnote reference
        "<w:p><w:hyperlink r:id=\"rId9\">%s</w:hyperlink>%s<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
        % (r("链接"), r("A&B<C>")),
    ])
    docx_with_footnote(os.path.join(ROOT, "features.docx"), body, r("脚注文字。"))


def docx_with_footnote(path, body, note):
    """A draft whose footnote 1 (after the separator note) holds the runs `note`."""
    footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes %s>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote></w:footnotes>') % (W, note)
    docx(path, body,
         extra_types='<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>',
         rels='<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
         parts=[("word/footnotes.xml", footnotes)])


def notes():
    """Findings in a footnote and in a text box: their comments go to the marks in the body."""
    r = lambda s: "<w:r>%s</w:r>" % t(s)
    body = ("<w:p>%s<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" % r("正文里有「可爱的中国」。")
            + "<w:p>%s<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
              "<wps:wsp><wps:txbx><w:txbxContent><w:p>%s</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
              "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>"
              % (r("框外「甲」"), r("框内「乙」")))
    docx_with_footnote(os.path.join(ROOT, "notes.docx"), body, r("脚注「丙」。"))


def deflate():
    folder = os.path.join(ROOT, "deflate")
    os.makedirs(folder, exist_ok=True)
    words = ["新闻", "记者", "报道", "，", "。", "经济", "增长", "百分之", "城市", "the ", "and ", "2026年", "\n"]
    state, out = 12345, []
    while sum(len(w.encode()) for w in out) < 400_000:
        state = (state * 1103515245 + 12345) % (1 << 31)
        out.append(words[state % len(words)])
    large = "".join(out).encode()
    sample = "本报讯（记者 张三）今年全市经济增长百分之五。".encode() * 40
    streams = {
        "stored": (sample, dict(level=0)),
        "fixed": (sample, dict(level=9, strategy=zlib.Z_FIXED)),
        "dynamic": (sample, dict(level=9)),
        "empty": (b"", dict(level=6)),
        "large": (large, dict(level=6)),
    }
    manifest = {}
    for name, (data, options) in streams.items():
        c = zlib.compressobj(options.get("level", 6), zlib.DEFLATED, -15, 9, options.get("strategy", zlib.Z_DEFAULT_STRATEGY))
        packed = c.compress(data) + c.flush()
        open(os.path.join(folder, name + ".bin"), "wb").write(packed)
        manifest[name] = {"size": len(data), "crc32": zlib.crc32(data)}
    json.dump(manifest, open(os.path.join(folder, "manifest.json"), "w"), indent=1, sort_keys=True)
    # a zip of each kind of member, as zipfile writes it
    with zipfile.ZipFile(os.path.join(folder, "members.zip"), "w") as z:
        for name, data, method in [("stored.txt", sample, zipfile.ZIP_STORED), ("deflated.txt", sample, zipfile.ZIP_DEFLATED),
                                   ("empty.txt", b"", zipfile.ZIP_DEFLATED), ("large.txt", large, zipfile.ZIP_DEFLATED)]:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = method
            z.writestr(info, data)


def bad():
    folder = os.path.join(ROOT, "bad")
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, "not-a-zip.docx"), "w").write("这只是一段文字，不是 Word 文档。\n")
    seed = open(os.path.join(ROOT, "features.docx"), "rb").read()
    open(os.path.join(folder, "damaged.docx"), "wb").write(seed[:len(seed) // 2])
    # flip bytes inside the compressed document.xml: its CRC no longer matches
    flipped = bytearray(seed)
    z = zipfile.ZipFile(os.path.join(ROOT, "features.docx"))
    info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 40, start + 48):
        flipped[k] ^= 0x55
    open(os.path.join(folder, "corrupt.docx"), "wb").write(bytes(flipped))
    cfb = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    open(os.path.join(folder, "old-format.doc"), "wb").write(cfb + "WordDocument".encode("utf-16-le") + bytes(64))
    open(os.path.join(folder, "encrypted.docx"), "wb").write(cfb + "EncryptedPackage".encode("utf-16-le") + bytes(64))
    write_zip(os.path.join(folder, "no-document.docx"), [("[Content_Types].xml", CONTENT_TYPES.format(extra=""))])
    write_zip(os.path.join(folder, "bad-xml.docx"), [("_rels/.rels", PACKAGE_RELS),
              ("word/document.xml", '<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>文字</w:r></w:p></w:body></w:document>' % W)])
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document %s><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>') % W
    write_zip(os.path.join(folder, "entities.docx"), [("_rels/.rels", PACKAGE_RELS), ("word/document.xml", laughs)])
    bomb = '<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>' % W + " " * (64 << 20) + "</w:t></w:r></w:p></w:body></w:document>"
    write_zip(os.path.join(folder, "bomb.docx"), [("_rels/.rels", PACKAGE_RELS), ("word/document.xml", bomb)])
    # an encrypted zip member: the flag is all that is read
    plain = bytearray(open(os.path.join(ROOT, "features.docx"), "rb").read())
    for at in range(len(plain) - 4):
        if plain[at:at + 4] in (b"PK\x03\x04", b"PK\x01\x02"):
            flag_at = at + (6 if plain[at + 2] == 3 else 8)
            plain[flag_at] |= 1
    open(os.path.join(folder, "encrypted-member.docx"), "wb").write(bytes(plain))


if __name__ == "__main__":
    if not os.path.isdir("seeds"):
        sys.exit("run from the project root")
    seeds()
    features()
    notes()
    deflate()
    bad()
    print("wrote", ROOT)
