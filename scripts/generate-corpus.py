#!/usr/bin/env python3
"""Generates a deterministic corpus of page text from the seed pages, for the benchmark.

Usage: generate-corpus.py SEEDS_DIR OUT_DIR SIZE_MB
       generate-corpus.py SEEDS_DIR OUT_DIR year

Writes editions (folders of 8 pages) until SIZE_MB of text exist; `year` writes 365 editions of
8 pages, each page two or three seed pages long (about 100 MB), like a year of a daily. Each page is a seed with
names and numbers varied, and about half the pages hard-wrapped at a column width of 13 to 17
characters with column breaks, as page export produces. The same arguments give the same bytes.
"""
import os
import random
import re
import sys

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲兰飞鹏辉斌宇浩凯健俊帆帅旭宁晨阳树勋放果长双冬艺"
NAME_RE = re.compile(r"(本报记者|本报通讯员|记者|通讯员|□)\s?([\u4e00-\u9fff]{2,3})")
NUMBER_RE = re.compile(r"\d+(\.\d+)?")


def vary_names(text, rng):
    def repl(m):
        n = len(m.group(2))
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n - 1))
        sep = " " if " " in m.group(0) else ""
        return m.group(1) + sep + name
    return NAME_RE.sub(repl, text)


def vary_numbers(text, rng):
    def repl(m):
        s = m.group(0)
        if len(s) == 4 and s.startswith("20"):
            return s  # keep years
        if "." in s:
            whole, frac = s.split(".")
            return str(max(1, int(whole) + rng.randint(-3, 3))) + "." + frac
        return str(max(1, int(s) + rng.randint(-int(s) // 4 - 1, int(s) // 4 + 1)))
    return NUMBER_RE.sub(repl, text)


def hard_wrap(text, rng):
    """Wraps long lines at a column width and now and then breaks a column with a blank line."""
    width = rng.randint(13, 17)
    out = []
    for line in text.split("\n"):
        if len(line) <= width + 4:
            out.append(line)
            continue
        pieces = [line[i:i + width] for i in range(0, len(line), width)]
        # Typesetting never starts a line with a closing mark: pull it up onto the line before.
        for k in range(1, len(pieces)):
            while pieces[k] and pieces[k][0] in "，。、；：？！”’）》" and len(pieces[k]) > 1:
                pieces[k - 1] += pieces[k][0]
                pieces[k] = pieces[k][1:]
        for piece in pieces:
            out.append(piece)
            if rng.random() < 0.04:
                out.append("")
    return "\n".join(out)


def main():
    seeds_dir, out_dir = sys.argv[1], sys.argv[2]
    year = sys.argv[3] == "year"
    size_mb = 1e9 if year else float(sys.argv[3])
    seeds = []
    for name in sorted(os.listdir(seeds_dir)):
        with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
            seeds.append(f.read())
    rng = random.Random(20261122)
    target = int(size_mb * 1_000_000)
    written = 0
    edition = 0
    while written < target and (not year or edition < 365):
        folder = os.path.join(out_dir, f"edition-{edition:04d}")
        os.makedirs(folder, exist_ok=True)
        for page in range(8):
            parts = rng.randint(2, 3) if year else 1
            text = "\n\n".join(vary_numbers(vary_names(rng.choice(seeds), rng), rng) for _ in range(parts))
            if rng.random() < 0.5:
                text = hard_wrap(text, rng)
            data = text.encode("utf-8")
            with open(os.path.join(folder, f"page-{page + 1}.txt"), "wb") as f:
                f.write(data)
            written += len(data)
            if written >= target:
                break
        edition += 1
    print(f"{written} bytes in {edition} editions")


if __name__ == "__main__":
    main()
