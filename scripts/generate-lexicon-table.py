#!/usr/bin/env python3
"""Builds Rules/lexicon-table.b64 from Rules/lexicon.tsv: the segmenter's hash table of words and
their prefixes, as `Lexicon` would build it from the list, so that the binary loads it without
reading 348,974 lines (85 ms before; see docs/benchmark.md). Run after changing lexicon.tsv,
then scripts/embed-rule-data; a test builds the table from the list and checks every entry.

The file is base64 of: "NLLX1", then little-endian u32 entries, u32 words, u32 longest word,
f32 log of the total frequency; then each entry as u64 key and f32 cost (the word's
log-probability, or -infinity for a prefix that is no word), in key order. Keys are the hash of
`Lexicon.extend`; costs are computed with float32 rounding as Swift's `Float` computes them.
"""
import base64, math, struct

MASK = (1 << 64) - 1


def extend(h, scalar):
    x = ((h ^ scalar) * 0x9E3779B97F4A7C15) & MASK
    return (x ^ (x >> 29)) | 1


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def main():
    entries = {}  # key -> float32 count (words) or None (prefix only)
    words = total = longest = 0
    for line in open("Rules/lexicon.tsv", encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#") or "\t" not in line:
            continue
        word, digits = line.split("\t", 1)
        frequency = 0
        for ch in digits:
            if "0" <= ch <= "9":
                frequency = frequency * 10 + ord(ch) - 48
        frequency = max(frequency, 1)
        if not word:
            continue
        h = 0
        for ch in word:
            h = extend(h, ord(ch))
            entries.setdefault(h, None)
        value = f32(float(frequency))
        if entries[h] is None:
            words += 1
            entries[h] = value
        else:
            entries[h] = max(entries[h], value)
        total += frequency
        longest = max(longest, len(word))
    log_total = f32(math.log(max(total, 1)))
    out = bytearray(b"NLLX1")
    out += struct.pack("<IIIf", len(entries), words, longest, log_total)
    for key in sorted(entries):
        count = entries[key]
        cost = float("-inf") if count is None else f32(f32(math.log(count)) - log_total)
        out += struct.pack("<Qf", key, cost)
    text = base64.b64encode(bytes(out)).decode("ascii")
    with open("Rules/lexicon-table.b64", "w", encoding="ascii", newline="\n") as f:
        for k in range(0, len(text), 100):
            f.write(text[k:k + 100] + "\n")
    print(f"wrote Rules/lexicon-table.b64: {len(entries)} entries, {words} words")


if __name__ == "__main__":
    main()
