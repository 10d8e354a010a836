"""Sentence splitting (abbreviations, line breaks, offsets) and PTB detokenisation."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.text import detokenize, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# ---------------------------------------------------------------------------------------- splitter


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. Embassy in Baghdad was attacked. Nobody was hurt.",
            ["The U.S. Embassy in Baghdad was attacked.", "Nobody was hurt."],
        ),
        (
            "The consulate in Benghazi was attacked on Sept. 11, 2012. Four Americans died.",
            ["The consulate in Benghazi was attacked on Sept. 11, 2012.", "Four Americans died."],
        ),
        (
            "Dr. Smith and Mr. Jones met Gov. Brown. They talked.",
            ["Dr. Smith and Mr. Jones met Gov. Brown.", "They talked."],
        ),
        (
            "The vote is at 5 p.m. Tuesday in Washington. Results follow.",
            ["The vote is at 5 p.m. Tuesday in Washington.", "Results follow."],
        ),
        (
            "He arrived on Jan. 5 with his staff. She left on Feb. 3.",
            ["He arrived on Jan. 5 with his staff.", "She left on Feb. 3."],
        ),
        (
            '"We will leave," he said. "Not today." She agreed.',
            ['"We will leave," he said.', '"Not today."', "She agreed."],
        ),
        (
            "Is it over? Yes! It is.",
            ["Is it over?", "Yes!", "It is."],
        ),
        (
            "Shares of Acme Inc. rose 3.5 percent. Analysts were surprised.",
            ["Shares of Acme Inc. rose 3.5 percent.", "Analysts were surprised."],
        ),
    ],
)
def test_splitter_on_abbreviations_numbers_and_quotes(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "line, syntok_runs",
    [
        ("The U.S. military said the U.N. envoy left at 5 p.m. on Tuesday.", False),
        ('"We are ready." he said, e.g. at 3.5 percent; officials agreed.', False),
        ("The U.S.A. team won...", False),
        ("He left. Then he came back.", True),  # a capital after a stop: syntok decides
        ("Mr. Obama spoke (briefly) on Monday. nothing else", True),  # an opening bracket
        ("It ended.\" \"Next", True),
    ],
)
def test_lines_syntok_cannot_split_skip_it(line: str, syntok_runs: bool) -> None:
    from dateline.text import sentences as S

    assert (S._SPLIT_POINT_RE.search(line) is not None) == syntok_runs
    # either way the spans are the ones syntok gives
    assert split_sentences(line) == [(s, e) for s, e in S._syntok_spans(line, 0)]


def test_newlines_are_hard_boundaries() -> None:
    text = "LONDON (Reuters) - First line without a full stop\nSecond line.\n\n  Third paragraph.  "
    assert sentences(text) == [
        "LONDON (Reuters) - First line without a full stop",
        "Second line.",
        "Third paragraph.",
    ]


def test_windows_and_old_mac_newlines_split_too() -> None:
    assert sentences("One.\r\nTwo.\rThree.") == ["One.", "Two.", "Three."]


def test_spans_are_trimmed_ordered_and_point_into_the_text() -> None:
    text = "  Alpha went home.   Beta stayed at the U.S. base.\n\tGamma left. "
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for (s, e), (s2, _) in zip(spans, spans[1:]):
        assert e <= s2
    for s, e in spans:
        assert s < e
        assert text[s:e] == text[s:e].strip()
    assert sentences(text) == ["Alpha went home.", "Beta stayed at the U.S. base.", "Gamma left."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n"])
def test_empty_or_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_single_sentence_without_final_stop() -> None:
    assert sentences("Breaking news") == ["Breaking news"]


# ---------------------------------------------------------------------------------------- detokeniser


@pytest.mark.parametrize(
    "ptb, expected",
    [
        ("LONDON -LRB- Reuters -RRB- - Talks ended .", "LONDON (Reuters) - Talks ended."),
        ("See -LSB- 1 -RSB- and -LCB- x -RCB- .", "See [1] and {x}."),
        ("He said `` we are ready '' .", 'He said "we are ready".'),
        ("the government 's `` bold new approach , '' he said", 'the government\'s "bold new approach," he said'),
        ("They do n't know and ca n't say ; we 're sure they 've", "They don't know and can't say; we're sure they've"),
        ("I 'm sure he 'd go and we 'll see", "I'm sure he'd go and we'll see"),
        ("Prices rose 5 % to $ 12 , analysts said !", "Prices rose 5% to $12, analysts said!"),
        ("Is it true ? Yes : it is .", "Is it true? Yes: it is."),
        ("The players ' union agreed .", "The players' union agreed."),
        ("We 're gon na win .", "We're gonna win."),
        ("It happened in the U.S. .", "It happened in the U.S."),
        ('He said " no " and left .', 'He said "no" and left.'),
        ("-lrb- lower case -rrb-", "(lower case)"),
        ("CNN Student News - 1\\/26\\/11 and 5 \\* 3", "CNN Student News - 1/26/11 and 5 * 3"),
    ],
)
def test_detokenize_ptb(ptb: str, expected: str) -> None:
    assert detokenize(ptb) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Protesters stormed the U.S. Embassy in Baghdad on Tuesday (local time).",
        'He said: "We can not accept this." It\'s over, isn\'t it?',
        "The rate is 3.5% and costs $5.20 per share; see www.example.org/page.html.",
        "Rock 'n' roll, the 90's, and O'Brien's book.",
        "Line one.\nLine two.\n\nParagraph two.",
        "",
    ],
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert detokenize(text) == text


def test_detokenize_keeps_newlines_and_never_joins_lines() -> None:
    ptb = "First line .\n, second line starts with a comma\n'' third\n"
    out = detokenize(ptb)
    assert out.count("\n") == ptb.count("\n")
    assert out.split("\n")[0] == "First line."


def test_currency_rule_fires_for_every_currency_sign() -> None:
    assert detokenize("It cost $ 5 , \u00a3 6 , \u20ac 7 or \u00a5 8 .") == "It cost $5, \u00a36, \u20ac7 or \u00a58."
    assert detokenize("No sign here : 5 .") == "No sign here: 5."


def test_space_drop_before_clitics_and_closers_only() -> None:
    # the rule's cheap first look-ahead must let every closing mark and clitic through ...
    assert detokenize("a , b ; c : d ? e ! f % g ) h ] i } j . k 'S l n't m N'T") == (
        "a, b; c: d? e! f% g) h] i} j. k'S ln't mN'T"
    )
    # ... and leave words that merely start with n/N or a quote alone
    assert detokenize("ten nights , No 'ne ' x") == "ten nights, No 'ne ' x"


def test_compact_analysis_is_the_same_document() -> None:
    from datetime import date

    from dateline.model import Article
    from dateline.pipeline import analyze, analyze_compact, assemble

    for text in ("A rocket hit the base last Friday . Nobody was hurt on Saturday .",
                 "Plain text, no dates.", "", "Two days later -LRB- on Sept. 13 -RRB- it ended."):
        article = Article("a", date(2012, 9, 11), text)
        compact = analyze_compact(article)
        assert assemble(article, compact) == analyze(article)
        assert (compact[0] is None) == (detokenize(text) == text)


def test_detokenize_is_idempotent_on_ptb() -> None:
    ptb = "`` Yes , '' he said -LRB- twice -RRB- . They do n't ; `` no '' . The U.S. ."
    once = detokenize(ptb)
    assert detokenize(once) == once


def test_detokenize_timeline17_article(timeline17) -> None:
    path = timeline17 / "syria" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(next(f))["text"] for _ in range(20)]
    for ptb in texts:
        out = detokenize(ptb)
        assert "-LRB-" not in out and "-RRB-" not in out and "``" not in out
        assert " n't" not in out and " 's " not in out and " ," not in out
        assert out.count("\n") == ptb.count("\n")
        assert detokenize(out) == out
        # no word is lost or merged: the letters stay the same, in order
        assert [c for c in out if c.isalnum()] == [c for c in ptb.replace("-LRB-", "").replace("-RRB-", "")
                                                   .replace("-LSB-", "").replace("-RSB-", "")
                                                   .replace("-LCB-", "").replace("-RCB-", "") if c.isalnum()]
        assert len(out.split()) <= len(ptb.split())


@pytest.mark.parametrize(
    "line, expected",
    [
        ("MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY (Reuters) - A dangerous strain of "
         "flu has killed up to 60 people. Schools were shut.",
         ["MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY (Reuters) -",
          "A dangerous strain of flu has killed up to 60 people.", "Schools were shut."]),
        ("Full Article Gaddafi forces fire Scud missile BENGHAZI, Libya | Tue Aug 16, 2011 5:46 pm IST "
         "BENGHAZI, Libya (Reuters Health) -- Forces loyal to Gaddafi fired a Scud missile.",
         ["Full Article Gaddafi forces fire Scud missile BENGHAZI, Libya | Tue Aug 16, 2011 5:46 pm "
          "IST BENGHAZI, Libya (Reuters Health) --", "Forces loyal to Gaddafi fired a Scud missile."]),
        # no pipe: a header glued before the credit stays in the sentence (the quote drops it)
        ("Thu May 6, 2010 1:40 pm EDT (Reuters) - A steel dome was lowered on Thursday.",
         ["Thu May 6, 2010 1:40 pm EDT (Reuters) - A steel dome was lowered on Thursday."]),
        # a stray quote mark after the credit, as scraped
        ('BEIRUT | Mon Aug 22, 2011 3:20 pm EDT BEIRUT (Reuters)" - The downfall of Gaddafi is near.',
         ['BEIRUT | Mon Aug 22, 2011 3:20 pm EDT BEIRUT (Reuters)" -', "The downfall of Gaddafi is near."]),
        # a plain wire dateline stays with its lead; so does a pipe without a credit after it
        ("Cairo, Egypt (CNN) -- Thousands marched.", ["Cairo, Egypt (CNN) -- Thousands marched."]),
        ("MISRATA/TRIPOLI (Reuters) -- Rebels held.", ["MISRATA/TRIPOLI (Reuters) -- Rebels held."]),
        ("CAIRO (Reuters) - Thousands marched on Friday.", ["CAIRO (Reuters) - Thousands marched on Friday."]),
        ("By Chris Cillizza | September 16, 2008 If Wall Street were lending money",
         ["By Chris Cillizza | September 16, 2008 If Wall Street were lending money"]),
        ("Prices rose (Reuters) - then fell | and rose again.",
         ["Prices rose (Reuters) - then fell | and rose again."]),
    ],
)
def test_scraped_wire_header_is_split_from_the_lead(line: str, expected: list[str]) -> None:
    assert [line[s:e] for s, e in split_sentences(line)] == expected


@pytest.mark.parametrize(
    "line, quoted",
    [
        ("Thu May 6, 2010 1:40 pm EDT (Reuters) - A 98-ton steel dome was lowered on Thursday.",
         "A 98-ton steel dome was lowered on Thursday."),
        ("All crew members alive and accounted for WASHINGTON (AP) -- The CEO of the company spoke.",
         "The CEO of the company spoke."),
        ("By Maggie Fox, Health and Science Editor WASHINGTON (Reuters) - A child has died.",
         "A child has died."),
        ("Analyst: Tunisia is unique Protesters believe Cairo can help Cairo, Egypt (CNN) -- "
         "Thousands marched on Tuesday.", "Thousands marched on Tuesday."),
        ("-- Obama speaks from the Oval Office.", "Obama speaks from the Oval Office."),
        ("(CNN) - President Barack Obama spoke to Hosni Mubarak by telephone.",
         "President Barack Obama spoke to Hosni Mubarak by telephone."),
        ("* Rebels take the town of Brega.", "Rebels take the town of Brega."),
        # a dated list's introduction glued to its first entry
        ("Thu Oct 20, 2011 7:25 am EDT (Reuters) - Here is a timeline of the war in Libya since "
         "February: February 15/16, 2011 - The arrest of an activist sparks a riot in Benghazi.",
         "February 15/16, 2011 - The arrest of an activist sparks a riot in Benghazi."),
        ("Five Days That Transformed Wall Street: Sept. 15 - 19, 2008 The Dow fell.",
         "Five Days That Transformed Wall Street: Sept. 15 - 19, 2008 The Dow fell."),
        # a dateline is left out of the quote when a lead of six words or more follows it; a
        # credit inside a sentence is no header
        ("Cairo, Egypt (CNN) -- Thousands marched on Tahrir Square on Tuesday.",
         "Thousands marched on Tahrir Square on Tuesday."),
        ("GENEVA (Reuters) - The World Health Organisation raised its alert.",
         "The World Health Organisation raised its alert."),
        ("Cairo, Egypt (CNN) -- Thousands marched.", "Cairo, Egypt (CNN) -- Thousands marched."),
        ("MISRATA/TRIPOLI (Reuters) -- Rebels held.", "MISRATA/TRIPOLI (Reuters) -- Rebels held."),
        ("Prices rose (Reuters) - then fell.", "Prices rose (Reuters) - then fell."),
    ],
)
def test_a_quote_leaves_a_glued_wire_header_out(line: str, quoted: str) -> None:
    from datetime import date

    from dateline.model import Article, Document, Sentence
    from dateline.tls.common import make_quote

    doc = Document(Article("r1", date(2010, 5, 6), line), (Sentence("r1", 0, line),))
    assert make_quote(doc, doc.sentences[0]).text == quoted


@pytest.mark.parametrize(
    "index, line, quoted",
    [
        (0, "Mexico to re-test swine flu cases The widow of swine flu victim Gerardo Leyva first heard "
            "of the cause of his death on Monday.",
         "The widow of swine flu victim Gerardo Leyva first heard of the cause of his death on Monday."),
        (1, "Syria calms as ceasefire begins A ceasefire has begun between the Syrian government and rebels.",
         "A ceasefire has begun between the Syrian government and rebels."),
        (0, "(Julie Dermansky - Julie Dermansky) The sun never rises for BP these days.",
         "The sun never rises for BP these days."),
        (3, "Thursday 28 April 2005 13.03 BST The head of the UN weapons inspectors spoke last night.",
         "The head of the UN weapons inspectors spoke last night."),
        (7, "03 February 12 17:03 GMT Russia says it can not support the draft resolution.",
         "Russia says it can not support the draft resolution."),
        (0, "Photograph: Mandel Ngan/AFP/Getty Images Bob Dudley today became the man in charge.",
         "Bob Dudley today became the man in charge."),
        (0, "Photograph: Daniel Beltra/Greenpeace/EPA The spill set off a backlash yesterday.",
         "The spill set off a backlash yesterday."),
        (2, "Photograph: PA Two Britons have now contracted swine flu within the UK.",
         "Two Britons have now contracted swine flu within the UK."),
        # an opener before a capitalised word: "The Arab League", "A Royal Fleet Auxiliary ship"
        (0, "Syria unrest: Arab League urges Assad to reform The Arab League has called for a unity "
            "government, aimed at ending the bloodshed in the country The Arab League has outlined reforms.",
         "The Arab League has outlined reforms."),
        (0, "Aid groups have complained of delays getting aid to survivors A Royal Fleet Auxiliary ship "
            "carrying aid supplies is to be sent to Haiti.",
         "A Royal Fleet Auxiliary ship carrying aid supplies is to be sent to Haiti."),
        # a quantifier opens a lead too; so does an opener after a closing quote
        (0, "Swine flu cases close UK school Another nine UK cases of swine flu have been confirmed.",
         "Another nine UK cases of swine flu have been confirmed."),
        (0, "BP oil leak plug 'going as planned' The oil company BP says the new attempt is going well.",
         "The oil company BP says the new attempt is going well."),
        # a BBC page stamp, a CNN poll's buttons
        (0, "29 September 2011 Last updated at 17:57 GMT Help One of Michael Jackson's bodyguards testified.",
         "One of Michael Jackson's bodyguards testified."),
        (1, "Page last updated at 07:48 GMT, Tuesday, 8 November 2011 The trial took place on the ninth floor.",
         "The trial took place on the ninth floor."),
        (0, "YES | NO Egyptian President Hosni Mubarak stepped down on February 11.",
         "Egyptian President Hosni Mubarak stepped down on February 11."),
        # a Guardian or Washington Post stamp after the headline and standfirst; a dateline,
        # after a headline or opening the line
        (0, "BP survival fears as cost soars The spill could end up finishing off the oil giant "
            "Monday 14 June 2010 21.52 BST The board of BP have been meeting to discuss the dividend.",
         "The board of BP have been meeting to discuss the dividend."),
        (1, "Despite BP corporate code, firm has made political contributions Tuesday, June 29, 2010; "
            "3:29 PM BP, the global energy corporation, proclaims a code of conduct.",
         "BP, the global energy corporation, proclaims a code of conduct."),
        (0, "Central Banks Cut Rates PARIS, Dec. 4 -- Facing a drastic slowdown, France announced a plan.",
         "Facing a drastic slowdown, France announced a plan."),
        (0, "AP NEW ORLEANS -- BP's chairman said Friday that Tony Hayward is on his way out.",
         "BP's chairman said Friday that Tony Hayward is on his way out."),
        (0, "NASHVILLE, Oct. 7 -- On a day when the stock market took another plunge, they clashed.",
         "On a day when the stock market took another plunge, they clashed."),
        # ... but no capitalised word inside a sentence, nor a stamp further down an article
        (0, "The U.S. -- The world's largest economy and its biggest borrower -- slowed sharply.",
         "The U.S. -- The world's largest economy and its biggest borrower -- slowed sharply."),
        (4, "He spoke on Monday 14 June 2010 21.52 BST The board of BP have been meeting all day.",
         "He spoke on Monday 14 June 2010 21.52 BST The board of BP have been meeting all day."),
        # ... but not after a possessive ("the oil industry's Three Mile Island")
        (0, "The fear is that Macondo is the oil industry's Three Mile Island, an accident that turned opinion.",
         "The fear is that Macondo is the oil industry's Three Mile Island, an accident that turned opinion."),
        # ... nor after a function word (a title follows: "and The Chemical Brothers") nor
        # before one ("influenza A With ...")
        (0, "Coldplay, Arctic Monkeys and The Chemical Brothers will auction off prizes to raise funds.",
         "Coldplay, Arctic Monkeys and The Chemical Brothers will auction off prizes to raise funds."),
        (1, "A judge ruled the promoters of his This Is It tour were responsible for his death.",
         "A judge ruled the promoters of his This Is It tour were responsible for his death."),
        (0, "Swine flu is an influenza A With the UK confirming two cases the WHO raised its alert.",
         "Swine flu is an influenza A With the UK confirming two cases the WHO raised its alert."),
        # a name after the glue is no sentence start; further down an article, prose is left alone
        (0, "Chief executive Tony Hayward Tony Hayward hands over the clean-up to an American.",
         "Chief executive Tony Hayward Tony Hayward hands over the clean-up to an American."),
        (5, "The virus is an influenza A virus, carrying the designation H1N1, but it is new.",
         "The virus is an influenza A virus, carrying the designation H1N1, but it is new."),
    ],
)
def test_a_quote_of_an_opening_line_leaves_glued_headlines_out(index: int, line: str, quoted: str) -> None:
    from datetime import date

    from dateline.model import Article, Document, Sentence
    from dateline.tls.common import make_quote

    doc = Document(Article("r1", date(2010, 5, 6), line), (Sentence("r1", index, line),))
    assert make_quote(doc, doc.sentences[0]).text == quoted


def test_scraped_wire_header_is_never_quoted() -> None:
    from datetime import date

    from dateline.model import Article
    from dateline.pipeline import analyze
    from dateline.tls.common import quotable

    text = ("BEIRUT | Tue Apr 19, 2011 6:25 am EDT BEIRUT (Reuters) - Syrian President Bashar al-Assad "
            "lifted the emergency law on Tuesday.")
    doc = analyze(Article("r1", date(2011, 4, 19), text))
    header, lead = doc.sentences
    assert header.text.endswith("(Reuters) -") and not quotable(header)
    assert lead.text.startswith("Syrian President") and quotable(lead)
    assert [m.text for m in lead.mentions] == ["Tuesday"]


@pytest.mark.parametrize(
    "text, ok",
    [
        ("asked Albert Kyle, a finance professor at the University of Maryland.", False),
        ("thank god the bailout failed, we should let them all go bust.", False),
        (", chairman of the House committee, said the Fed had acted alone.", False),
        ("The companies are BP Plc (BP.", False),
        ("L) failed to reassure investors on Friday.", False),
        ("eBay shares rose 5 percent on Monday.", True),
        ("1) The army withdrew from the city on Monday.", True),
        ("Talks failed :) said a delegate in a post on Monday.", True),
        ("BP Plc (BP.L) failed to reassure investors on Friday.", True),
        ("'We will win,' the rebel commander said on Friday.", True),
    ],
)
def test_fragments_are_not_quotable(text: str, ok: bool) -> None:
    from dateline.model import Sentence
    from dateline.tls.common import quotable

    assert quotable(Sentence("a", 0, text)) is ok
