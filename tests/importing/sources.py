"""Source documents for the import tests, made here: a Word SOP (python-docx) and a small Markdown handbook.

`word_sop` writes a real .docx of several pages: document properties, a Title, numbered
headings, nested numbered lists (three levels, one numbering definition as Word writes it),
tables (one with a multi-paragraph cell), bold, italic, a link and an image.
`markdown_handbook` writes a folder of twelve procedures in the styles of Hugo, GitBook
and Docusaurus handbooks: front matter with legacy keys, relative and absolute links,
images, shortcodes, and sections under other names.

Run it to write both for a look: `python tests/importing/sources.py /tmp/sources`.
"""

from __future__ import annotations

import datetime
import struct
import sys
import zlib
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (40, 90, 200)) -> bytes:
    """A real PNG image (a coloured rectangle)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def word_sop(path: Path) -> Path:
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.shared import Inches

    d = docx.Document()
    props = d.core_properties
    props.title = "Refunding a duplicate card payment"
    props.author = "Omar Example"
    props.last_modified_by = "Jane Auditor"
    props.keywords = "refund, card, duplicate"
    props.subject = "Billing operations"
    props.created = datetime.datetime(2024, 2, 1, 9, 0)
    props.modified = datetime.datetime(2026, 3, 14, 16, 30)
    props.revision = 7

    # One multi-level numbering definition (decimal, lower letter, lower roman), as Word writes it.
    numbering = d.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{i + 1}."/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, fmt in enumerate(["decimal", "lowerLetter", "lowerRoman"])
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'))
    numbers = iter(range(91, 120))

    def new_list() -> int:
        num_id = next(numbers)
        numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="90"/></w:num>'))
        return num_id

    def item(text: str, level: int, num_id: int) -> None:
        p = d.add_paragraph(style="List Paragraph")
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        head, _, rest = text.partition("**")
        p.add_run(head)
        if rest:
            bold, _, tail = rest.partition("**")
            p.add_run(bold).bold = True
            p.add_run(tail)

    def table(rows: list[tuple[str, ...]]):
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
        return t

    def paragraphs(*texts: str) -> None:
        for text in texts:
            d.add_paragraph(text)

    d.add_paragraph("Refunding a duplicate card payment", style="Title")
    d.add_heading("1. Objective", 1)
    p = d.add_paragraph("Give the customer back, ")
    p.add_run("once and only once").bold = True
    p.add_run(", a card payment that was taken twice, and record why it happened. ")
    p.add_run("Speed matters").italic = True
    p.add_run(": a customer charged twice calls again within a day.")
    d.add_heading("2. Applicability", 1)
    paragraphs("All billing agents and team leads, on every channel, for card payments taken in the last 120 days.")
    d.add_heading("3. Roles and Responsibilities", 1)
    table([("Role", "Responsibility"), ("Billing agent", "Checks the payments, issues the refund | records it"), ("Team lead", "Approves refunds over 500 EUR")])
    d.add_heading("4. Terms", 1)
    paragraphs("Duplicate payment: two captures of the same amount for the same order within 24 hours.")
    d.add_heading("5. Process", 1)
    first = new_list()
    item("Find the order in the billing system.", 0, first)
    item("Search by the customer's **order number**, not by name.", 1, first)
    item("Open the payments tab.", 1, first)
    item("Check that both captures succeeded.", 2, first)
    item("Check that neither was refunded already.", 2, first)
    item("Issue the refund of the second capture.", 0, first)
    item("Choose the reason Duplicate.", 1, first)
    item("Tell the customer when the money arrives (3 to 5 working days).", 0, first)
    p = d.add_paragraph("The card scheme rules are on ")
    _hyperlink(p, "https://www.example.com/card-rules", "the scheme's site")
    p.add_run(".")
    d.add_paragraph("The payments tab looks like this:")
    d.add_picture(io.BytesIO(png(320, 160)), width=Inches(2))
    d.add_page_break()
    d.add_heading("6. Metrics", 1)
    table([("Measure", "Target"), ("Refunds issued within one working day", "95 %"), ("Refunds issued twice", "0")])
    d.add_heading("7. Records", 1)
    t = table([("Record", "Where"), ("Refund note", "The order's notes"), ("Approval", "The approval mail")])
    t.cell(2, 1).add_paragraph("Kept for seven years.")
    d.add_heading("8. Escalation contacts", 1)
    paragraphs("Payment provider desk: extension 4410. Fraud team: extension 4499.", "Out of hours: the duty manager. Use {{ placeholders }} only in templates.")
    d.add_page_break()
    d.add_heading("9. Revision history", 1)
    table([("Version", "Date", "Change"), ("1.0", "2024-02-01", "First issue"), ("1.3", "2026-03-14", "Limit raised to 500 EUR")])
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return path


def _hyperlink(paragraph, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    paragraph._p.append(parse_xml(f'<w:hyperlink {W} {r} r:id="{rel}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>'))


# The Markdown handbook: relative path -> text, written to look like what teams keep.
PROCEDURES = {
    "_index.md": "---\ntitle: Support workflows\n---\n\nAll our support workflows, by team.\n",
    "refunds/duplicate-payment.md": """---
title: Refund a duplicate payment
author: Omar Example
updated: 2025-06-30
date: 2023-01-10
tags: [refunds, cards]
weight: 10
slug: duplicate
aliases: [/old/refund-twice/]
---

## Overview

A customer paid twice for one order. We refund the second payment the same day.

{{< alert "warning" >}}
Never refund the **first** payment: it is the one the order is linked to.
{{< /alert >}}

## Who this applies to

Billing agents on phone and chat.

## Roles and Responsibilities

| Role | Responsibility |
|---|---|
| Agent | Checks and refunds |
| Lead | Approves over 500 EUR |

## Steps

1. Find the order by its number.
    1. Open the payments tab.
    2. Compare the two captures.
2. Refund the second capture ([chargeback rules]({{< ref "chargebacks.md" >}}) differ).
3. Tell the customer; see [the callback workflow](../contact/callback/).

![The payments tab](images/payments-tab.png)

Old privacy policy: [privacy](https://old.example.com/policies/privacy/). Chargebacks: [here](/refunds/chargebacks/).

## KPIs

- 95 % refunded within a working day.
""",
    "refunds/chargebacks.md": """+++
title = "Handle a chargeback"
lastmod = 2025-09-01
author = "Ana Example"
categories = ["refunds"]
draft = false
+++

## Purpose

Answer a chargeback before the bank's deadline.

{{% notice warning %}}
The deadline is 7 days from the bank's letter.
{{% /notice %}}

## Procedure

1. Gather the evidence.
2. Upload it to the provider's portal.

## Evidence

Order confirmation, delivery proof, and the call notes.
""",
    "refunds/partial-refund.md": """---
title: Partial refund
owner: Omar Example
last_reviewed: 2026-01-15
---

## Purpose

Refund part of an order.

{% hint style="info" %}
A partial refund keeps the order open.
{% endhint %}

## Procedure

1. Choose the items.
2. Refund them. If the customer wants a call back, follow [Callback](../contact/callback.md).
""",
    "contact/callback.md": """---
title: Arrange a callback
author: Ana Example
lastmod: 2026-04-02T10:15:00Z
keywords: callback, phone
---

## Purpose

Call the customer back when an answer needs time.

:::tip[Be on time]
Call within the hour you promised.
:::

## Procedure

1. Agree a time with the customer.
2. Create the callback task.
3. Call at the agreed time.

<details>
<summary>If nobody answers</summary>

Leave a short message and try once more the next working day.
</details>
""",
    "contact/angry-caller.md": """---
title: Calm an angry caller
author: Ana Example
date: 2025-11-20
---

## Purpose

Bring a heated call back to a conversation.

## Procedure

### Stage 1: Listen

1. Let the caller finish.
2. Acknowledge the feeling.

### Stage 2: Act

1. Say what you will do now.
2. Do it while they are on the line.

## Training

Role-play in the first week.
""",
    "contact/voicemail.md": """# Handle a voicemail

## Scope

The shared voicemail box of the contact centre.

## Procedure

1. Listen to each message.
2. Log it as a ticket.
3. Delete the message once logged.
""",
    "contact/escalation.md": """---
title: Escalate a call
author: Ana Example
updated: 2026-02-02
---

## Purpose

Get a caller to the right person fast.

## Procedure

### Decide

Judge whether you can solve it yourself within the call.

### Hand over

Warm transfer to the lead, with a summary.
""",
    "billing/invoice-copy.md": """---
title: Send a copy of an invoice
author: Omar Example
modified: 2026-05-05
x-internal-ref: BILL-77
---

## Purpose

Send the customer a copy of an invoice.

{{< youtube dQw4w9WgXcQ >}}

## Procedure

1. Find the invoice.
2. Send it with the template below; `{{ customer_name }}` is filled in by the mail tool.

```text
Dear {{ customer_name }},
please find your invoice attached.
```
""",
    "billing/address-change.md": """---
title: Change a billing address
author: Omar Example
updated: 2026-06-01
---

## Purpose

Keep invoices going to the right address.

## Procedure

1. Check the caller's identity ([ID check](./missing-page.md)).
2. Change the address; the [evidence rules](../refunds/chargebacks.md#evidence) apply to disputed invoices.
""",
    "billing/direct-debit.md": """---
title: Set up a direct debit
author: Omar Example
last_reviewed: 2026-07-01
version: "2.1"
description: Setting up a customer's direct debit mandate on the phone.
---

## Purpose

Let the customer pay by direct debit.

## Scope

Private customers with a bank account in the euro area.

## Responsibilities

Billing agents set it up; the lead checks rejected mandates weekly.

## Definitions

Mandate: the customer's permission to collect payments.

## Procedure

1. Read the mandate text to the customer.
2. Record their agreement.
3. Send the confirmation.

## Performance measures

- Mandates rejected by the bank: under 2 %.

## Documentation

The mandate record in the billing system.

## Training

Part of the billing induction.

## Review and approval

Reviewed yearly by the billing lead.
""",
    "quality/call-scoring.md": """---
title: Score a call
authors: [Priya Example, Tomasz Example]
date: 2025-12-12
---

## Objective

Score calls the same way across teams.

## Method

1. Pick five calls per agent per month.
2. Score them with the [scorecard][card].

| Criterion | Weight |
|---|---|
| Greeting | 10 |
| Resolution | 60 |
| Closing | 30 |

[card]: scorecard.pdf
""",
    "quality/mystery-shopper.md": """---
title: Run a mystery shopper call
author: Priya Example
date: 2026-08-08
description: >-
  How the quality team plans, places and scores mystery shopper calls to the contact centre, how the results are
  shared with team leads, and how an agent is coached afterwards; this description is far longer than any search
  result or link preview shows, so it has to stay with the legacy keys instead of becoming the SOP's description field.
---

## Purpose

See the service as a customer does.

## Procedure

1. Plan the call scenario.
2. Place the call.
3. Score it.
""",
}
MEDIA = {"refunds/images/payments-tab.png": png(300, 150), "quality/scorecard.pdf": b"%PDF-1.4\n% a scorecard\n"}


def markdown_handbook(folder: Path) -> Path:
    for rel, text in PROCEDURES.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    for rel, data in MEDIA.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "import-sources")
    word_sop(out / "refund-duplicate-card-payment.docx")
    markdown_handbook(out / "old-handbook")
    print(out)
