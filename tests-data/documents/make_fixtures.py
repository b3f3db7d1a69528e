#!/usr/bin/env python3
"""Writes the document fixtures of tests-data/documents/ from the texts below.

Every sentence here was written for dyad's tests; none is taken from another document. The
texts imitate what real inputs do to the text stage: a Chinese paper as a PDF text layer gives it
(lines cut inside words and sentences, a blank line after every line, running headers, page
numbers and journal footers, footnote markers and footnote bodies with URLs), a newspaper page in
narrow columns, a traditional-Chinese encyclopedia page with table rows, Russian news, an
English PDF with a text layer, and copies in GB18030, Big5, Windows-1251 and UTF-16.

Run from anywhere with python3 (standard library only); the outputs are committed, so tests never
run this. Re-run it after changing a text, and review the diff.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    path = os.path.join(HERE, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(data)


# --- 1. A Chinese paper as a PDF text layer gives it -------------------------------------------

PAPER_TITLE = "美俄军控对话的周期：回顾与前景评估"
PAPER_HEAD = [
    PAPER_TITLE,
    "",
    "林远舟",
    "",
]
# (paragraph text, footnotes that fall on this paragraph's page)
ABSTRACT = (
    "【内容提要】 冷战结束以来，美俄两国的军控对话多次中断又多次恢复，奥巴马政府时期"
    "达到高点，此后逐步走低。本文回顾三十余年来两国在战略武器、导弹防御和核试验问题上的"
    "接触，认为对话的起落既取决于两国力量对比，也取决于国内政治的牵制。特朗普第二任期"
    "开始后，两国高层接触有所增加，但互信仍然薄弱。"
)
KEYWORDS = "【关键词】 美俄关系 军控对话 战略稳定 新削减战略武器条约"
DATE_LINE = "【收稿日期：2025年9月10日】"
BODY = [
    ("一、对话的起点", []),
    (
        "苏联解体后，美俄两国很快把军控当作双边关系的支柱。1993年1月，布什与叶利钦在莫斯科签署"
        "第二阶段削减战略武器条约。[1]此后两国又围绕导弹防御展开多轮磋商，但分歧始终没有消除。"
        "进入新世纪，美国宣布退出反导条约，俄罗斯对此表示遗憾。①",
        [
            "[1] 参见周启明：《冷战后的战略武器谈判》，示例出版社 2019 年版，第 41 页。",
            "① 关于这一时期的磋商记录，参见 https://example.org/archive/abm/2001/notes-and-"
            "records.html。",
        ],
    ),
    ("二、重启与回落", []),
    (
        "2009年7月，奥巴马访问莫斯科，两国元首同意尽快就新的削减条约开始谈判。2010年4月8日，"
        "奥巴马与梅德韦杰夫在布拉格签署《新削减战略武器条约》，这是两国关系重启的标志性成果。[2]"
        "然而好景不长，2014年克里米亚事件后，美国对俄罗斯实施制裁，军控对话随之停滞。",
        [
            "[2] 何晓岚：《重启的限度》，载《示例国际评论》2012 年第 3 期，第 15—30 页。",
        ],
    ),
    (
        "特朗普第一任期内，两国的军控框架继续瓦解。2019年8月，美国正式退出《中导条约》，"
        "俄罗斯随即指责美国破坏战略稳定。[3]2020年11月，美国又退出《开放天空条约》。"
        "到拜登上台时，两国之间只剩下《新削减战略武器条约》一项主要军控协议。",
        [
            "[3] 俄罗斯外交部声明，2019 年 8 月 2 日，https://example.org/ru/mid/statements/2019-"
            "08-02。",
        ],
    ),
    (
        "2021年1月26日，拜登与普京通电话，双方同意将该条约延长五年。同年6月16日，两国元首"
        "在日内瓦会晤，并发表关于战略稳定的联合声明。[4]不过，乌克兰危机在2022年2月全面升级以后，"
        "对话再次中断。2023年2月21日，普京宣布俄罗斯暂停履行《新削减战略武器条约》。",
        [
            "[4] 白宫新闻办公室，2021 年 6 月 16 日，https://example.org/us/statements/2021/06/"
            "16/joint-statement。",
        ],
    ),
    ("三、新一轮接触", []),
    (
        "2025年2月12日，特朗普与普京通电话，两人同意由各自团队开始接触。2月18日，美俄高级官员"
        "在沙特首都利雅得举行会谈。8月15日，特朗普与普京在美国阿拉斯加州举行会晤，但没有达成"
        "停火协议。[5]会晤之后，双方都表示愿意继续接触，军控问题却几乎没有被提及。",
        [
            "[5] 参见《示例日报》2025 年 8 月 17 日第 3 版。",
        ],
    ),
    (
        "从三十余年的经验看，军控对话每一次恢复，都伴随着两国关系的短暂回暖；每一次中断，"
        "又都预示着更深的对立。两国如果不能在核风险问题上重新建立最低限度的沟通，战略误判的"
        "代价将由整个国际社会承担。",
        [],
    ),
]

RUNNING_HEADER = "美俄军控对话的周期"
JOURNAL_FOOTER = "《示例国际评论》2025年第5期"


def wrap(text, width):
    """Cuts `text` into lines of `width` characters, anywhere in Chinese text (as a PDF does) but,
    like a typesetter, never between two ASCII letters or digits (a URL breaks after `/` or `.`)."""
    lines, i = [], 0
    while i < len(text):
        end = min(i + width, len(text))
        while end < len(text) and end > i + 1 and text[end - 1].isascii() and text[end - 1].isalnum() \
                and text[end].isascii() and text[end].isalnum():
            end -= 1
        lines.append(text[i:end])
        i = end
    return lines


def paper():
    """Every line followed by a blank line; a page ends after every 12 body lines, wherever that
    falls (often inside a sentence), with the page's footnotes, its number, the journal footer
    and, on the next page, the running header in between."""
    out = []

    def line(s):
        out.append(s)
        out.append("")

    for h in PAPER_HEAD:
        out.append(h)
    # "奥巴马政府时期" is cut across two lines here (width 34): the cleaner must rejoin it.
    for l in wrap(ABSTRACT, 34):
        line(l)
    line(KEYWORDS)
    line(DATE_LINE)
    body = []  # (line, notes that this line's paragraph carries)
    for text, notes in BODY:
        if len(text) < 12:
            body.append((text, []))
            continue
        for i, l in enumerate(wrap(text, 34)):
            body.append((("　　" if i == 0 else "") + l, notes if i == 0 else []))
    page = 57
    pending = []
    for i, (l, notes) in enumerate(body, start=1):
        line(l)
        pending.extend(notes)
        if i % 12 == 0 or i == len(body):
            for n in pending:
                for part in wrap(n, 40):
                    line(part)
            pending = []
            line(f"- {page} -")
            line(JOURNAL_FOOTER)
            if i != len(body):
                line(RUNNING_HEADER)
            page += 1
    return "\n".join(out) + "\n"


# --- 2. A newspaper page in narrow columns (no date printed) ----------------------------------

COLUMN_NEWS = [
    "美国总统特朗普与俄罗斯总统普京8月15日（当地时间）在阿拉斯加州安克雷奇市的一处美军基地会面并举行会谈，"
    "双方就乌克兰问题和两国关系交换意见。会晤持续近三个小时，两位领导人在会后的记者会上"
    "都称会谈有进展，但没有公布具体成果。",
    "分析人士指出，这是两国元首四年来的首次面对面会晤。俄方希望借此缓解制裁压力，美方"
    "则希望推动停火谈判。一次会晤难以消除双方的深层分歧，后续各方的较量还会继续。",
    "会晤前一天，乌克兰方面表示，任何涉及乌克兰的安排都必须有乌方参加。欧洲多国领导人"
    "也发表声明，强调欧洲的安全利益不能被忽视。",
]


def columns():
    out = []
    for p in COLUMN_NEWS:
        lines = wrap(p, 16)
        out.append(" 　　" + lines[0])
        out.extend(lines[1:])
    return "\n".join(out) + "\n"


# --- 3. A traditional-Chinese encyclopedia page with table rows -------------------------------

HANT_WIKI = """2025年美俄阿拉斯加峰會
本條目的內容可能需要更新。 (2025年8月13日) |
| 2025年美俄阿拉斯加峰會 | |
|---|---|
| 日期 | 2025年8月15日 |
| 地點 | 阿拉斯加州安克拉治 |
| 參與者 | 美國總統、俄羅斯總統 |
2025年美俄阿拉斯加峰會是美國總統川普與俄羅斯總統普京於2025年8月15日舉行的一次會晤。
這次峰會是兩國元首四年來首次面對面會談。
背景
2022年2月,俄羅斯全面入侵烏克蘭,美國隨後對俄羅斯實施多輪制裁。
2025年2月12日,川普與普京通電話,雙方同意恢復接觸。
同月18日,兩國外長在沙烏地阿拉伯首都利雅得舉行會談。
8月8日,川普宣布將在阿拉斯加與普京會晤。
會晤
兩位領導人在機場握手後,乘坐同一輛汽車前往會場。
會晤持續約三個小時,雙方代表團成員包括兩國外長和總統助理。
會後兩人舉行聯合記者會,但沒有回答記者的提問。
普京表示,會晤是在建設性的氣氛中進行的。
川普表示,雙方在許多問題上取得共識,但尚未達成最終協議。
反應
烏克蘭總統澤連斯基表示,任何和平安排都必須有烏克蘭參與。
歐洲多國領導人發表聯合聲明,歡迎美國為停火所作的努力。
部分評論認為,這次峰會的象徵意義大於實質成果。
參見
美俄關係
俄烏戰爭和平談判
"""

# --- 4. Russian news, and its Windows-1251 copy -------------------------------------------------

RU_NEWS = (
    "Министр иностранных дел России и государственный секретарь США провели телефонный разговор.\n"
    "Стороны обсудили подготовку встречи президентов и договорились продолжить контакты.\n"
    "По словам источника, беседа длилась около сорока минут и прошла в спокойной обстановке.\n"
    "Ранее Вашингтон объявил о новых санкциях против российских банков.\n"
)

# --- 5. English notes, and their UTF-16LE copy ---------------------------------------------------

EN_NOTES = (
    "Notes on the Alaska meeting\n"
    "\n"
    "The two presidents met in Anchorage on August 15, 2025. They spoke to the press together "
    "but took no questions.\n"
    "No ceasefire agreement was announced. Both sides said that contacts would continue.\n"
)

# --- 6. An English PDF with a text layer ------------------------------------------------------------

PDF_TITLE = "Contacts between Washington and Moscow"
PDF_PAGES = [
    [
        "Contacts between Washington and Moscow",
        "Working notes for the dyad test suite",
        "",
        "On February 12, 2025, the American president spoke with the Russian",
        "president by phone. Six days later, senior officials of both coun-",
        "tries met in Riyadh.[1] The talks lasted more than four hours and",
        "ended with an agreement to restore the work of the embassies.",
        "",
        "[1] Riyadh is the capital of Saudi Arabia.",
    ],
    [
        "Contacts between Washington and Moscow",
        "In August the two presidents met in Anchorage, Alaska. The meeting",
        "produced no ceasefire agreement, and the sanctions imposed since",
        "2022 remained in force.",
    ],
]


def pdf_escape(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf():
    """A PDF 1.4 file written object by object: Helvetica text, one content stream per page, a
    running header on every page, a page number at the foot, and an info title."""
    objects = []  # index i holds object number i + 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages = add(None)
    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for n, lines in enumerate(PDF_PAGES, start=1):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        for l in lines:
            ops.append(f"({pdf_escape(l)}) Tj T*")
        ops.append("ET")
        ops.append(f"BT /F1 9 Tf 290 40 Td (Page {n} of {len(PDF_PAGES)}) Tj ET")
        stream = "\n".join(ops)
        content = add(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        page = add(
            f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] "
            f"/Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>"
        )
        kids.append(page)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages} 0 R >>"
    objects[pages - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    )
    info = add(f"<< /Title ({pdf_escape(PDF_TITLE)}) /Producer (tests-data/documents/make_fixtures.py) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def main():
    p = paper()
    write("zh-paper.txt", p)
    c = columns()
    write("zh-news-columns.txt", c)
    write("zh-news-columns.gb18030.txt", c.encode("gb18030"))
    write("zh-hant-wiki.txt", HANT_WIKI)
    write("zh-hant-wiki.big5.txt", HANT_WIKI.encode("big5"))
    write("ru-news.txt", RU_NEWS)
    write("ru-news.cp1251.txt", RU_NEWS.encode("cp1251"))
    write("en-notes.txt", EN_NOTES)
    write("en-notes.utf16le.txt", b"\xff\xfe" + EN_NOTES.encode("utf-16-le"))
    write("en-brief.pdf", make_pdf())


if __name__ == "__main__":
    main()
