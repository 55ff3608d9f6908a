#!/usr/bin/env python3
"""Deterministic benchmark inputs made from lede's own fixtures (fixtures/*.txt).

    gen.py corpus DIR MB [--seed=N]   many articles, MB (10^6 bytes) in all, DIR/NNN/NNNNNN.txt
    gen.py article FILE MB [--seed=N] one article of MB: a headline, a byline, then paragraphs
    gen.py pages DIR MB [--seed=N]    whole web pages: each a corpus article inside a page's
                                      furniture, as w3m, lynx or html2text print it

Each corpus article is one fixture with variation, so that no two files are
the same and caches and branch predictors are not flattered:
  - every person's name (first names and surnames, taken from the fixtures'
    expected JSON) is replaced, consistently within the article, by another
    name drawn from a pool of fixture names and made-up ones;
  - the body paragraphs that hold no quotation change places, and their
    sentences are shuffled;
  - 0-6 self-contained paragraphs from other fixtures are spliced in, so
    article sizes spread from about 1 to 5 KB.
Header blocks (headline, byline, dateline paragraph) and the tail
(boilerplate) stay where they are; line endings, BOM, tabs and NBSP of the
fixture are kept, and fixtures without blank lines are only renamed.
Same seed, same bytes. Prints "FILES BYTES" on stdout.

A page (`pages`) is such an article inside the furniture of a news site's
page, drawn from made-up word lists: a masthead and a menu of sections,
breadcrumbs, share buttons, topic tags, teasers of related stories, a
newsletter box, comments, a footer of links, a cookie banner; and printed
the way one of four converters prints a page (w3m: plain lines and
bullets; lynx: a margin, numbered links and a list of references;
html2text: Markdown links; html2text-py: indented Markdown links), the
article's paragraphs wrapped by w3m and lynx. Most of a page's blocks are
this furniture, as in the pages people run through a converter, where
`corpus` holds articles alone.
"""

import json
import os
import random
import re
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
QUOTE_CHARS = '"“”«»„'
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
BLANK = re.compile(r"(\r?\n[ \t\u00a0]*\r?\n(?:[ \t\u00a0]*\r?\n)*)")

FIRST = """Ada Bram Carys Dev Elin Femi Gus Hana Ivo Jess Kofi Lena Mats Nell Otis Pia
Quinn Rosa Sven Tova Uma Vik Wren Xavi Yusuf Zora Agnieszka Bjørn Chidi Dolores
Émile Farah Goran Hiroshi Ines José Kalani Leilani Mihai Noor Oluwaseun Paulo""".split()
SYL1 = "Ash Bel Cor Dun El Fen Gar Hol Ing Kes Lan Mor Nor Orl Pen Quil Rad Sel Tor Ul Ven Wick Yar Zel".split()
SYL2 = "by croft ford ham ley more ridge ton well wood ington ard ett ini ova sen ski ez".split()


def self_contained(p):
    return (
        p.count('"') % 2 == 0
        and p.count("“") == p.count("”")
        and p.count("«") == p.count("»")
        and "„" not in p
    )


def has_quote(p):
    return any(c in p for c in QUOTE_CHARS)


def shuffle_sentences(p, rng):
    lead = p[: len(p) - len(p.lstrip())]
    s = SENTENCE.split(p.strip())
    if len(s) > 1:
        rng.shuffle(s)
    return lead + " ".join(s)


class Fixture:
    def __init__(self, path):
        self.text = path.read_bytes().decode("utf-8")
        self.nl = "\r\n" if "\r\n" in self.text else "\n"
        body = self.text.rstrip("\r\n")
        self.end = self.text[len(body) :]  # the final line break(s), kept last
        parts = BLANK.split(body)
        self.blocks, self.seps = parts[0::2], parts[1::2]
        self.structured = len(self.blocks) >= 4
        long = [i for i, b in enumerate(self.blocks) if len(b) >= 150]
        if self.structured and long:
            # body = from the paragraph after the first long one (kept: dateline)
            # to the last long one; header and tail stay put
            self.lo, self.hi = long[0] + 1, long[-1] + 1
        else:
            self.lo = self.hi = 0

    def body(self):
        return self.blocks[self.lo : self.hi]


def load():
    fixtures, firsts, surnames = [], set(), set()
    for path in sorted(FIXTURES.glob("*.txt")):
        expect = path.with_suffix(".expect.json")
        if not expect.exists():
            continue  # known-misses.txt and the like
        fixtures.append(Fixture(path))
        gold = json.loads(expect.read_text(encoding="utf-8"))
        names = list(gold.get("byline_authors") or [])
        names += [q.get("speaker") for q in gold.get("quotes") or []]
        for name in filter(None, names):
            words = name.split()
            if len(words) >= 2:
                firsts.add(words[0])
                surnames.update(words[1:])
    # only names that are names (not "Mr", lower-case words, ...)
    firsts = sorted(w for w in firsts if w[:1].isupper() and len(w) > 2)
    surnames = sorted(w for w in surnames if w[:1].isupper() and len(w) > 2)
    return fixtures, firsts, surnames


class Renamer:
    def __init__(self, firsts, surnames):
        self.firsts, self.surnames = firsts, surnames
        self.pool_first = sorted(set(firsts) | set(FIRST))
        self.pool_last = sorted(set(surnames) | {a + b for a in SYL1 for b in SYL2})
        tokens = firsts + surnames
        tokens += [t.upper() for t in tokens]
        tokens.sort(key=len, reverse=True)
        self.re = re.compile(r"\b(" + "|".join(map(re.escape, tokens)) + r")\b")

    def __call__(self, text, rng):
        mapping = {}
        for t in self.firsts:
            mapping[t] = rng.choice(self.pool_first)
        for t in self.surnames:
            mapping[t] = rng.choice(self.pool_last)
        for t in list(mapping):
            mapping[t.upper()] = mapping[t].upper()
        return self.re.sub(lambda m: mapping[m.group(0)], text)


def donors(fixtures):
    out = []
    for f in fixtures:
        out += [b.strip("\r\n") for b in f.body() if self_contained(b) and len(b) >= 80]
    return out


def variant(f, pool, rename, rng):
    blocks = list(f.blocks)
    seps = list(f.seps)
    if f.structured and f.hi > f.lo:
        body = blocks[f.lo : f.hi]
        # paragraphs without quotation marks move; subheadings, captions
        # and quoted paragraphs keep their places
        free = [i for i, b in enumerate(body) if len(b) >= 100 and not has_quote(b)]
        moved = [body[i] for i in free]
        rng.shuffle(moved)
        for i, b in zip(free, moved):
            body[i] = shuffle_sentences(b, rng) if rng.random() < 0.7 else b
        for _ in range(rng.randrange(7)):
            extra = rng.choice(pool).replace("\n", f.nl)
            body.insert(rng.randrange(len(body) + 1), extra)
        sep = f.nl * 2
        added = len(body) - (f.hi - f.lo)
        blocks[f.lo : f.hi] = body
        seps[f.lo : f.lo] = [sep] * added
    out = [blocks[0]]
    for s, b in zip(seps, blocks[1:]):
        out += [s, b]
    out.append(f.end)
    return rename("".join(out), rng)


def write_corpus(out, mb, seed, maker):
    """MB of files in DIR/NNN/NNNNNN.txt, each made by `maker(fixtures,
    pool, rename)(rng)`; prints "FILES BYTES"."""
    fixtures, firsts, surnames = load()
    make = maker(fixtures, donors(fixtures), Renamer(firsts, surnames))
    rng = random.Random(seed)
    target, total, n = int(mb * 1_000_000), 0, 0
    while total < target:
        d = out / f"{n // 1000:03d}"
        if n % 1000 == 0:
            d.mkdir(parents=True, exist_ok=True)
        data = make(rng).encode("utf-8")
        (d / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    print(n, total)


def corpus(out, mb, seed):
    write_corpus(out, mb, seed, lambda fixtures, pool, rename: lambda rng: variant(
        rng.choice(fixtures), pool, rename, rng))


def article(out, mb, seed):
    fixtures, firsts, surnames = load()
    rename = Renamer(firsts, surnames)
    pool = donors(fixtures)
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    head = "Council publishes every report it has ever written\n\nBy Jane Doe\n\n"
    chunks, total = [head], len(head.encode())
    while total < target:
        # 50 paragraphs at a time share one set of names
        paras = [rng.choice(pool) for _ in range(50)]
        paras = [p if has_quote(p) else shuffle_sentences(p, rng) for p in paras]
        text = rename("\n\n".join(paras) + "\n\n", rng)
        chunks.append(text)
        total += len(text.encode())
    data = "".join(chunks).encode("utf-8")
    data = data[: data.rfind(b"\n\n", 0, target + 1) + 1]  # cut at a paragraph end
    out.write_bytes(data)
    print(1, len(data))


SITE_A = "Harbour Valley Northern Coastal Capital Evening Morning Daily Weekly Island Lakeside".split()
SITE_B = "Courier Herald Ledger Gazette Chronicle Dispatch Observer Record Tribune Post".split()
SECTIONS = """Home News World Politics Business Money Sport Football Culture Arts Opinion
Weather Video Podcasts Science Health Travel Local Obituaries Puzzles Education Climate
Technology Property Motoring Lifestyle Food Books Music Film Television Letters""".split()
SHARE = ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Copy link", "Print", "Save"]
FOOTER = """About us|Contact us|Careers|Advertise with us|Privacy policy|Cookie settings
|Terms and conditions|Accessibility|Sitemap|RSS feeds|Newsletters|Help centre
|Complaints|Corrections|Syndication|Archive|Subscribe|Manage account""".replace("\n", "").split("|")
ADJ = """New Local Rising Quiet Second Last Old Late Small Major Former Rural Young Public""".split()
NOUN = """council ferry bridge school harbour market festival library hospital budget
station orchard stadium museum clinic tunnel garden railway choir bakery""".split()
VERB = """reopens closes wins loses plans delays faces gets marks opens doubles halves""".split()
OBJ = """after storm|for summer|in vote|over costs|at last|despite protest|for good
|this week|amid row|after review|on Friday|in new bid""".replace("\n", "").split("|")
USERS = """harbourwatcher quietreader Tom_K mapleleaf88 oldsalt NellyB riverside_rose
jdoe42 plainspeaker northerner Ferryfan skeptic_sam""".split()
MONTHS = "January February March April May June July August September October November December".split()


def teaser(rng):
    t = f"{rng.choice(ADJ)} {rng.choice(NOUN)} {rng.choice(VERB)} {rng.choice(OBJ)}"
    return t if rng.random() < 0.5 else t.title()


def page(text, rng):
    """`text`, an article, inside a made-up page's furniture, as a converter prints it."""
    style = rng.choice(["w3m", "lynx", "html2text", "html2text-py"])
    site = f"The {rng.choice(SITE_A)} {rng.choice(SITE_B)}"
    host = site.lower().replace("the ", "").replace(" ", "") + ".example"
    refs = []

    def link(label, path=None):
        path = path or "/" + label.lower().replace(" ", "-")
        if style == "lynx":
            refs.append(f"https://www.{host}{path}")
            return f"[{len(refs)}]{label}"
        if style == "html2text":
            return f"[{label}]({path})"
        if style == "html2text-py":
            return f"[{label}](https://www.{host}{path})"
        return label

    def items(labels):
        if style == "w3m":
            if rng.random() < 0.5:
                return [" ".join(labels)]
            return [f"  • {x}" for x in labels]
        bullet = "   * " if style == "lynx" else ("  * " if style == "html2text-py" else "* ")
        return [bullet + link(x) for x in labels]

    def wrap(block):
        if style not in ("w3m", "lynx") or len(block) < 90 or "\n" in block:
            return block
        margin = "   " if style == "lynx" else ""
        lines, line = [], ""
        for w in block.split(" "):
            if line and len(margin) + len(line) + 1 + len(w) > 76:
                lines.append(margin + line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        lines.append(margin + line)
        return "\n".join(lines)

    blocks = [site, link("Skip to main content", "/#main"), " | ".join(
        link(x) for x in ["Search", "Sign in", "Subscribe"])]
    blocks.append("\n".join(items(rng.sample(SECTIONS, rng.randrange(8, 22)))))
    crumbs = ["Home", rng.choice(SECTIONS), rng.choice(SECTIONS)]
    blocks.append((" > " if rng.random() < 0.5 else " / ").join(link(c) for c in crumbs))
    blocks += [wrap(b) for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    blocks.append("\n".join(items(rng.sample(SHARE, rng.randrange(3, len(SHARE))))))
    tags = [f"{rng.choice(ADJ)} {rng.choice(NOUN)}".title() for _ in range(rng.randrange(2, 6))]
    blocks.append("Topics: " + ", ".join(link(t) for t in tags))
    for _ in range(rng.randrange(1, 3)):
        blocks.append(rng.choice(["Related stories", "More from " + rng.choice(SECTIONS),
                                  "Most read", "You may also like"]))
        for _ in range(rng.randrange(4, 10)):
            when = rng.choice([f"{rng.randrange(1, 28)} {rng.choice(MONTHS)} 2026",
                               f"{rng.randrange(2, 23)} hours ago", ""])
            blocks.append(link(teaser(rng), f"/{rng.randrange(10**6)}") + (f"\n{when}" if when else ""))
    blocks += ["Sign up to our daily newsletter",
               "Enter your email address", link("Sign up", "/newsletters"),
               "By signing up you agree to our " + link("Privacy policy") + "."]
    if rng.random() < 0.6:
        n = rng.randrange(2, 9)
        blocks.append(f"Comments ({n})")
        for _ in range(n):
            blocks.append(f"{rng.choice(USERS)}\n{rng.randrange(1, 59)} minutes ago")
            blocks.append(f"The {rng.choice(NOUN)} should have been sorted out years ago. "
                          f"{rng.choice(['Typical.', 'Well done to all involved.', 'Who pays for this?', 'About time.'])}")
            blocks.append(" ".join(link(x) for x in ["Reply", "Report"]))
    blocks.append("\n".join(items(rng.sample(FOOTER, rng.randrange(8, len(FOOTER))))))
    blocks.append(f"© 2026 {site}. All rights reserved.")
    if rng.random() < 0.5:
        blocks += ["We use cookies to give you the best experience on our site and to show "
                   "you relevant adverts. You can change your settings at any time.",
                   " ".join(link(x) for x in ["Accept all", "Manage preferences"])]
    if refs:
        blocks.append("References\n\n" + "\n".join(
            f"{k:4d}. {r}" for k, r in enumerate(refs, 1)))
    return "\n\n".join(blocks) + "\n"


def pages(out, mb, seed):
    def maker(fixtures, pool, rename):
        articles = [f for f in fixtures if f.structured]
        return lambda rng: page(
            variant(rng.choice(articles), pool, rename, rng).replace("\r\n", "\n"), rng)

    write_corpus(out, mb, seed, maker)


def main(argv):
    args = [a for a in argv if not a.startswith("--seed")]
    seed = 20261125
    for a in argv:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
    if len(args) != 3 or args[0] not in ("corpus", "article", "pages"):
        sys.exit(__doc__)
    mode, out, mb = args[0], Path(args[1]), float(args[2])
    if mode == "corpus":
        out.mkdir(parents=True, exist_ok=True)
        corpus(out, mb, seed)
    elif mode == "pages":
        out.mkdir(parents=True, exist_ok=True)
        pages(out, mb, seed)
    else:
        article(out, mb, seed)


if __name__ == "__main__":
    main(sys.argv[1:])
