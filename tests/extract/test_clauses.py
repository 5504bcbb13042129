"""Clause-level rules: each sentence is read as news prose is written, not keyed on a corpus.

Each case is a sentence of a kind trade news uses every day, with the event (or no
event) the rule must give.
"""

from __future__ import annotations

import pytest

from tradeevents.extraction import extract, extract_detailed

PUB = "2023-05-24"

Row = tuple[str, str, tuple[str, ...], str | None]


def events(text: str, published: str | None = PUB) -> list[Row]:
    return [
        (e.type, e.status.value, e.parties, None if e.date is None else str(e.date))
        for e in extract(text, published=published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two verbs of one sentence are two steps
        (
            "USTR announced on Tuesday tariffs on imports from India and Turkey, "
            "but suspended the duties for 180 days.",
            [
                ("tariff", "announced", ("IN", "TR", "US"), "2023-05-23"),
                ("tariff", "ended", ("IN", "TR", "US"), "2023-05-23"),
            ],
        ),
        # a measure that began applies
        (
            "The United States began collecting tariffs on Chinese steel on Friday.",
            [("tariff", "in-effect", ("CN", "US"), "2023-05-19")],
        ),
        # issuing a final determination concludes a stage
        (
            "The Commerce Department on Friday issued its final determination in the "
            "antidumping investigation of Vietnamese solar cells.",
            [("trade-remedy", "concluded", ("US", "VN"), "2023-05-19")],
        ),
        # a passive with its subject further back
        (
            "Indonesia said exports of bauxite ore will be banned from June 2023.",
            [("export-control", "announced", ("ID",), "2023-06")],
        ),
        # verbs of restriction with their object
        (
            "Japan said on Tuesday it would restrict exports of chipmaking equipment.",
            [("export-control", "announced", ("JP",), "2023-05-23")],
        ),
        # a headline's "to" before a verb is future
        (
            "Japan to Restrict Exports of Chipmaking Tools",
            [("export-control", "announced", ("JP",), None)],
        ),
        # calls on others to act are hedges
        (
            "The White House called on Congress to pass new legislation on de minimis imports.",
            [("legislation", "planned", ("US",), None)],
        ),
        # a planned verb's date follows it
        (
            "G7 finance ministers meet in London on Friday.",
            [("meeting", "planned", ("CA", "DE", "FR", "GB", "IT", "JP", "US"), "2023-05-26")],
        ),
        # a year naming a law does not date the act
        (
            "The United States applies a 25% tariff on steel under Section 232 of the Trade "
            "Expansion Act of 1962, imposed in March 2018.",
            [("tariff", "in-effect", ("US",), "2018-03")],
        ),
        # a measure effective after publication is announced, dated by that day
        (
            "President Donald Trump on Tuesday signed a proclamation imposing a 50 percent "
            "tariff on imports of copper products, effective June 1.",
            [("tariff", "announced", ("US",), "2023-06-01")],
        ),
        # an act under a country's own law is that country's
        (
            "Effective June 6, an additional 40% duty under IEEPA applies to most products "
            "of Brazil.",
            [("tariff", "announced", ("BR", "US"), "2023-06-06")],
        ),
        # a passive's agent is a side
        (
            "Tariffs from Japan, Korea and the United States under Section 232 imposed by the "
            "European Union took effect.",
            [("tariff", "in-effect", ("EU", "JP", "KR", "US"), None)],
        ),
    ],
)
def test_clauses(text: str, expected: list[Row]) -> None:
    assert events(text) == expected


def test_the_end_of_a_period_is_no_step() -> None:
    text = "Biden has said he expects to meet Chinese President Xi Jinping at the end of June."
    assert events(text, "2023-05-17") == [("meeting", "planned", ("CN", "US"), "2023-06")]


def test_a_venue_is_no_side() -> None:
    text = "Biden and Xi Jinping will meet at the G20 summit in Osaka, Japan, on Friday."
    ((kind, status, parties, _),) = events(text)
    assert (kind, status, parties) == ("meeting", "planned", ("CN", "US"))


def test_a_topic_is_no_side() -> None:
    text = "The EU on Monday adopted new sanctions against Russia over its war in Ukraine."
    assert events(text) == [("sanction", "in-effect", ("EU", "RU"), "2023-05-22")]


def test_a_relative_clause_keeps_its_verbs() -> None:
    text = (
        "The European Union, which backs the nuclear deal, has updated its blocking statute "
        "to shield European companies."
    )
    assert all(kind != "agreement" for kind, *_ in events(text))


def test_speech_is_no_cue() -> None:
    text = "Tai added that the partnership will also support an economic framework."
    assert all(status != "in-effect" for _, status, _, _ in events(text))


def test_a_meeting_takes_its_visits_month() -> None:
    text = (
        "Treasury Secretary Janet Yellen wrapped up a visit to Beijing on Sunday.\n\n"
        "Yellen met Premier Li Qiang and Vice Premier He Lifeng."
    )
    rows = events(text, "2023-07-10")
    assert ("meeting", "concluded", ("CN", "US"), "2023-07") in rows


def test_an_act_also_done_shares_the_occasions_date() -> None:
    text = (
        "The Council of the European Union on Monday adopted a package of sanctions "
        "against Russia.\n\n"
        "The EU also banned imports of Russian pig iron and copper wire."
    )
    rows = events(text, "2023-12-19")
    assert ("import-restriction", "in-effect", ("EU", "RU"), "2023-12-18") in rows


def test_rules_taking_effect_date_the_measure_just_announced() -> None:
    text = (
        "Japan on Tuesday said it would restrict exports of chipmaking equipment. "
        "The new rules, which take effect on July 23, add 23 items to its control list."
    )
    assert events(text) == [("export-control", "announced", ("JP",), "2023-07-23")]


def test_a_dateline_is_left_out_of_the_evidence() -> None:
    for text, dateline in (
        (
            "TOKYO, May 23 (Reuters) - Japan on Tuesday imposed tariffs on Chinese steel.",
            "TOKYO, May 23 (Reuters) - ",
        ),
        ("WASHINGTON — The U.S. on Tuesday imposed tariffs on Chinese steel.", "WASHINGTON — "),
        (
            "BRUSSELS (AP) -- The EU on Tuesday imposed tariffs on Chinese steel.",
            "BRUSSELS (AP) -- ",
        ),
    ):
        result = extract_detailed(text, published=PUB)
        (event,) = result.events
        assert event.evidence is not None
        assert event.evidence.start == len(dateline)
        assert [(s.start, s.end, s.reason) for s in result.skipped] == [
            (0, len(dateline), "dateline")
        ]


def test_a_capitalised_opening_without_a_dash_is_no_dateline() -> None:
    text = "U.S. - Japan talks on tariffs resumed on Tuesday."
    result = extract_detailed(text, published=PUB)
    assert list(result.skipped) == []
    assert [(e.type, e.status.value) for e in result.events] == [("negotiation", "announced")]


def test_a_subordinate_clause_does_not_take_the_main_subject() -> None:
    text = (
        "The Commission opened its safeguard investigation in March 2018, days after "
        "Section 232 tariffs of 25% on steel imports took effect in the United States."
    )
    rows = events(text, "2019-02-01")
    assert ("tariff", "in-effect", ("US",), "2018-03") in rows


def test_a_safeguard_applies_to_all() -> None:
    text = "Definitive safeguard measures on steel imports into the European Union take effect on Saturday."
    assert events(text, "2019-02-01") == [("trade-remedy", "announced", ("EU",), "2019-02-02")]


def test_ongoing_talks_are_under_way() -> None:
    text = "Mexico said talks with the United States would continue in search of a new arrangement."
    assert events(text, "2025-04-15") == [
        ("negotiation", "announced", ("MX", "US"), None),
        ("agreement", "planned", ("MX", "US"), None),  # sought, not yet reached
    ]


def test_a_purpose_is_not_a_status() -> None:
    text = "Officials said a deal between Mexico and the United States to remove the tariffs could be reached soon."
    assert [(k, s) for k, s, _, _ in events(text)] == [("agreement", "planned")]


def test_a_bare_ban_in_a_text_of_export_bans_is_an_export_ban() -> None:
    text = (
        "India lifted its ban on onion exports on Saturday.\n\n"
        "In March the government extended the ban indefinitely."
    )
    assert {k for k, *_ in events(text, "2024-05-06")} == {"export-control"}


def test_curbs_on_sales_abroad_are_export_controls() -> None:
    text = "The U.S. tightened curbs on AI chip sales to China on Tuesday."
    assert events(text, "2023-10-18") == [
        ("export-control", "in-effect", ("CN", "US"), "2023-10-17")
    ]


def test_an_ambiguous_agency_counts_in_a_text_about_its_country() -> None:
    about_us = (
        "The United States on Tuesday tightened export controls on chips to China.\n\n"
        "BIS also added 13 Chinese entities to its Entity List."
    )
    rows = events(about_us, "2023-10-18")
    assert ("export-control", "in-effect", ("CN", "US"), "2023-10-17") in rows
    assert len(rows) == 2  # the listing is another act, not a retelling
    # with no U.S. in the text, "BIS" stays unresolved
    assert events("BIS added 13 Chinese entities to its Entity List.", "2023-10-18") == [
        ("export-control", "in-effect", ("CN",), None)
    ]


def test_a_modal_over_no_act_tells_none() -> None:
    text = "Badenoch said the agreements would help British firms expand in the Indo-Pacific."
    assert events(text) == []


def test_one_sides_promise_after_a_clause_is_no_deal() -> None:
    text = (
        "The bans expired after the Commission concluded that distortions had eased "
        "and Kyiv agreed to introduce export licensing."
    )
    assert all(kind != "agreement" for kind, *_ in events(text))


def test_a_deal_that_cuts_tariffs_is_not_itself_the_act() -> None:
    text = (
        "Once in force, the agreement between the EU and Mercosur would phase out tariffs on cars."
    )
    assert [(k, s) for k, s, _, _ in events(text)] == [("tariff", "planned")]


def test_talks_continuing_are_under_way() -> None:
    text = "Talks between the Commission and China on a possible price undertaking are continuing."
    assert [(k, s) for k, s, _, _ in events(text)] == [("negotiation", "announced")]


def test_a_deadline_does_not_date_the_act_but_dates_what_happens_then() -> None:
    text = (
        "Officials of the EU and the United States are trying to reach a deal before Dec. 1, "
        "when EU tariffs on American whiskey are scheduled to double to 50%."
    )
    rows = events(text, "2021-09-30")
    assert ("agreement", "planned", ("EU", "US"), None) in rows
    assert ("tariff", "planned", ("EU", "US"), "2021-12-01") in rows


def test_an_apposition_describes_the_act_before_it() -> None:
    text = (
        "The free trade agreement between the EU and Vietnam entered into force on 1 August "
        "2020, the most far-reaching trade deal the bloc has concluded with a developing country."
    )
    assert events(text, "2020-08-03") == [("agreement", "in-effect", ("EU", "VN"), "2020-08-01")]


def test_a_year_naming_a_deal_does_not_date_it() -> None:
    text = "The 2006 Softwood Lumber Agreement between Canada and the United States expired in October 2015."
    assert events(text, "2017-04-25") == [("agreement", "ended", ("CA", "US"), "2015-10")]


def test_a_measure_starting_on_a_weekday_is_dated_ahead() -> None:
    text = "Canada announced 25% tariffs on U.S. steel, starting Thursday."
    assert events(text, "2025-03-12") == [("tariff", "announced", ("CA", "US"), "2025-03-13")]


def test_a_legislature_approving_is_a_laws_step() -> None:
    text = "Vietnam's National Assembly ratified the deal with the EU in June 2020."
    assert events(text, None) == [("legislation", "concluded", ("EU", "VN"), "2020-06")]
    text = "The deal between the EU and Switzerland is signed; in Switzerland, parliament must then approve it."
    assert ("legislation", "planned") in [(k, s) for k, s, _, _ in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Food Secretary Sanjeev Chopra ruled out any fresh curbs on rice shipments this season.",
        "The trade minister ruled out resuming free trade negotiations with the European Union.",
        "Japan declined to impose new duties on Chinese steel products.",
        "The ministry denied that Beijing planned to restrict exports of rare earths.",
    ],
)
def test_a_refusal_denies_the_act_across_its_noun_phrase(text: str) -> None:
    assert events(text) == []


def test_a_refusal_does_not_reach_into_another_clause() -> None:
    rows = events("India ruled out talks, and it imposed new duties on Chinese steel on Monday.")
    assert ("tariff", "in-effect", ("CN", "IN"), "2023-05-22") in rows


def test_a_coordinated_clause_keeps_its_own_verbs() -> None:
    # the phone call is over; the hedge of the clause after ", and" is not its status
    rows = events(
        "Sheinbaum and Trump discussed the threat in a phone call on May 20, and Ebrard "
        "is expected to travel to Washington in June to meet Howard Lutnick."
    )
    assert ("meeting", "concluded", ("MX", "US"), "2023-05-20") in rows
    assert ("meeting", "planned", ("MX", "US"), "2023-06") in rows


def test_a_date_between_a_hedge_and_its_act_looks_ahead() -> None:
    rows = events(
        "Mexican officials are expected to travel to Washington in January to meet Lutnick."
    )
    assert ("meeting", "planned", ("MX", "US"), "2024-01") in rows


def test_a_state_since_a_month_began_in_the_past() -> None:
    rows = events("Poland's ban on Ukrainian grain, in place since September, is not affected.")
    assert rows == [("import-restriction", "in-effect", ("PL", "UA"), "2022-09")]


def test_a_newsletter_footer_is_boilerplate() -> None:
    result = extract_detailed(
        "The EU extended duty-free access for Ukrainian goods on Monday.\n"
        "To update your subscription preferences, visit your account page.\n",
        published=PUB,
    )
    assert [e.type for e in result.events] == ["tariff"]
    assert [s.reason for s in result.skipped] == ["boilerplate: 'your subscription'"]


def test_a_releases_own_date_line_stands_for_its_publication_date() -> None:
    text = (
        "Canada requests WTO consultations with China\n\n"
        "News release\n\n"
        "September 9, 2019 – Ottawa, Ontario – Global Affairs Canada\n\n"
        "Today, the minister announced that Canada has requested consultations with China "
        "at the World Trade Organization.\n"
    )
    assert events(text, published=None) == [("dispute", "announced", ("CA", "CN"), "2019-09-09")]


def test_a_date_line_does_not_override_a_given_publication_date() -> None:
    text = "September 9, 2019\n\nToday, Canada requested consultations with China at the WTO.\n"
    assert events(text) == [("dispute", "announced", ("CA", "CN"), PUB)]


def test_a_headline_is_not_retold_by_a_step_still_to_come() -> None:
    rows = events(
        "Canada launches WTO dispute against China over canola\n\n"
        "If consultations fail within 60 days, Canada may ask the WTO to establish a panel.\n"
    )
    assert [(t, s) for t, s, _, _ in rows] == [("dispute", "announced"), ("dispute", "planned")]


def test_a_word_of_a_compound_is_no_cue() -> None:
    rows = events(
        "Australian Trade Minister Don Farrell held a face-to-face meeting with Chinese "
        "Commerce Minister Wang Wentao in Beijing on Monday."
    )
    assert rows == [("meeting", "concluded", ("AU", "CN"), "2023-05-22")]


def test_the_noun_of_a_frame_is_no_status() -> None:
    rows = events(
        "Under the plan, the tariff on Chinese electric vehicles will quadruple to 100% "
        "from Aug. 1."
    )
    assert rows == [("tariff", "announced", ("CN",), "2023-08-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The CEPA requires ratification by Kenya's National Assembly.",
            [("legislation", "planned", ("KE",), None)],
        ),
        ("The deal still needs ratification.", [("legislation", "planned", (), None)]),
        (
            "The European Parliament must now give its consent to the agreement.",
            [("legislation", "planned", ("EU",), None)],
        ),
        (
            "New Zealand must also complete its ratification procedures.",
            [("legislation", "planned", ("NZ",), None)],
        ),
        (
            "The Senate voted 89-10 to approve the agreement on Thursday.",
            [("legislation", "concluded", (), "2023-05-18")],
        ),
        (
            "Kenyan officials said they expect lawmakers to approve it in the third quarter.",
            [("legislation", "planned", ("KE",), "2023-Q3")],
        ),
        (
            "The deal will be submitted to the European Parliament for approval.",
            [("agreement", "planned", ("EU",), None), ("legislation", "planned", ("EU",), None)],
        ),
        (
            "The agreement must still be approved by Japan's Diet and by Mongolia's parliament.",
            [("legislation", "planned", ("JP", "MN"), None)],
        ),
        (
            "The deal still needs the consent of the European Parliament.",
            [("legislation", "planned", ("EU",), None)],
        ),
        # "has" before the verb is a perfect tense, not an approval owed
        (
            "Vietnam's National Assembly has ratified the trade agreement with the European Union.",
            [("legislation", "concluded", ("EU", "VN"), None)],
        ),
    ],
)
def test_a_legislature_approving_after_by_from_or_of(text: str, expected: list[Row]) -> None:
    assert events(text) == expected


def test_two_acts_of_one_sentence_with_verbs_of_their_own_stay_two() -> None:
    rows = events(
        "On Monday the U.S. Commerce Department imposed new restrictions on exports to "
        "China of chipmaking equipment, and added 140 entities to its Entity List."
    )
    assert rows == [("export-control", "in-effect", ("CN", "US"), "2023-05-22")] * 2


def test_a_description_after_a_modal_is_no_second_act() -> None:
    rows = events(
        "Albanese is expected to visit Beijing later this year, which would be the first "
        "visit by an Australian leader in seven years."
    )
    assert rows == [("visit", "planned", ("AU", "CN"), "2023")]


def test_a_measure_on_goods_from_nowhere_named_has_its_imposer_alone() -> None:
    text = (
        "Brazil sets quotas on steel imports\n\n"
        "China's exports of steel to Brazil doubled last year.\n"
        "Brazil will apply tariff-rate quotas to imports of 11 steel products from June 1.\n"
    )
    rows = events(text)
    assert ("tariff", "announced", ("BR",), "2023-06-01") in rows


def test_a_measure_with_an_implicit_target_takes_it_from_the_text() -> None:
    text = (
        "U.S. raises tariffs on Chinese goods\n\n"
        "The United States raised tariffs on $200 billion of Chinese goods to 25% on Friday.\n"
        "The tariffs took effect at midnight.\n"
    )
    assert all(parties == ("CN", "US") for _, _, parties, _ in events(text))


def test_a_dispute_does_not_take_the_state_of_the_measure_it_rules_on() -> None:
    rows = events(
        "The ruling does not oblige Washington to remove the duties, which remain in place."
    )
    assert all(t != "dispute" for t, _, _, _ in rows)


def test_a_headline_takes_the_leads_date_nearer_to_publication() -> None:
    text = (
        "China imposes provisional anti-dumping duties on EU pork\n\n"
        "China will require importers of pork from the European Union to pay deposits "
        "from June 1, the Ministry of Commerce said.\n"
    )
    rows = events(text)
    assert ("trade-remedy", "in-effect", ("CN", "EU"), "2023-06-01") in rows


def test_an_apposition_keeps_its_verbs_from_the_act_after_it() -> None:
    rows = events(
        "The duties, set out in a decision signed by a deputy minister, took effect on "
        "May 7 and will apply for 120 days."
    )
    assert [(t, s, d) for t, s, _, d in rows] == [("tariff", "in-effect", "2023-05-07")]


def test_with_no_publication_date_a_dated_meeting_told_in_the_past_happened() -> None:
    rows = events(
        "At their summit on March 16, 2023, South Korea's president and Prime Minister "
        "Fumio Kishida discussed economic security.",
        published=None,
    )
    assert ("meeting", "concluded", ("JP", "KR"), "2023-03-16") in rows


def test_an_expiry_told_in_the_future_is_only_expected() -> None:
    rows = events("The EU steel safeguard will expire on 30 June 2026.")
    assert [(t, s, d) for t, s, _, d in rows] == [("trade-remedy", "planned", "2026-06-30")]


def test_a_summit_does_not_take_the_end_of_the_talks_held_there() -> None:
    rows = events("Their talks broke down at the EU-U.S. summit in Washington in October 2022.")
    assert all(t != "meeting" for t, _, _, _ in rows)


def test_a_relative_clause_after_the_complement_tells_an_earlier_step() -> None:
    rows = events(
        "India on Saturday lifted its ban on exports of non-basmati white rice, which it "
        "imposed in July 2022 to cool domestic prices."
    )
    assert rows == [
        ("export-control", "ended", ("IN",), "2023-05-20"),
        ("export-control", "in-effect", ("IN",), "2022-07"),
    ]


def test_a_headline_is_dated_by_its_lead_not_by_the_step_the_lead_recalls() -> None:
    text = (
        "India lifts ban on rice exports\n\n"
        "India on Saturday lifted its ban on exports of non-basmati white rice, which it "
        "imposed in July 2022 to cool domestic prices.\n"
    )
    rows = events(text, published=None)
    assert ("export-control", "ended", ("IN",), None) in rows
    assert ("export-control", "in-effect", ("IN",), "2022-07") in rows


def test_a_deal_of_a_bloc_named_alone_has_all_its_members() -> None:
    text = (
        "The Regional Comprehensive Economic Partnership entered into force on Saturday. "
        "Indonesia's parliament is expected to approve the deal this year."
    )
    rcep = (
        "AU",
        "BN",
        "CN",
        "ID",
        "JP",
        "KH",
        "KR",
        "LA",
        "MM",
        "MY",
        "NZ",
        "PH",
        "SG",
        "TH",
        "VN",
    )
    assert ("agreement", "planned", rcep, "2023") in events(text)


def test_a_minimum_export_price_is_an_export_control() -> None:
    rows = events("India set a minimum export price of $490 a tonne for white rice on Friday.")
    assert [t for t, _, _, _ in rows] == ["export-control"]


def test_a_question_tells_no_act() -> None:
    assert events("Question: Could you please introduce the preliminary anti-dumping ruling?") == []
    assert events("Will the EU impose tariffs on Chinese steel?") == []


def test_an_investigation_period_is_no_investigation() -> None:
    rows = events(
        "Imports from China rose to 147,000 tonnes in the investigation period, lifting "
        "their share of the EU market to 31%."
    )
    assert rows == []


def test_a_restriction_verb_on_a_trade_flow_is_no_bare_ban() -> None:
    text = (
        "China imposes anti-dumping duties on Australian barley\n\n"
        "China imposed anti-dumping duties on Australian barley on Monday. Last week "
        "Beijing suspended beef imports from four Australian meat processors.\n"
    )
    rows = events(text)
    assert ("import-restriction", "in-effect", ("AU", "CN"), "2023-05") in rows


def test_a_measure_told_with_no_side_is_the_last_one_of_its_kind() -> None:
    text = (
        "The Philippines will cut its tariff on rice imports to 15% from 35%, the "
        "presidential palace said on Thursday. Vietnam supplies most of the country's rice. "
        "The 35% rate has applied to most rice imports since 2019."
    )
    rows = events(text)
    assert ("tariff", "in-effect", ("PH",), "2019") in rows


def test_a_headline_s_to_before_a_noun_trigger_tells_a_plan() -> None:
    rows = events("Japan's Trade Minister to Visit Washington for Trade Talks")
    assert [(t, s) for t, s, _, _ in rows] == [("visit", "planned"), ("negotiation", "planned")]


def test_a_name_holding_a_country_s_word_names_no_country() -> None:
    rows = events(
        "The EU concluded negotiations with the South American bloc Mercosur in December."
    )
    assert rows == [("agreement", "concluded", ("AR", "BR", "EU", "PY", "UY"), "2022-12")]
    rows = events("Canada imposed tariffs on steel shipped through the South China Sea.")
    assert [p for _, _, p, _ in rows] == [("CA",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle after a linking verb tells the state; a date after "until" is
        # the deadline's
        (
            "Negotiations on a UK-India free trade agreement remain paused until after "
            "Britain's general election on July 4.",
            [("negotiation", "ended", ("GB", "IN"), None)],
        ),
        ("The duties on Chinese steel remain suspended.", [("tariff", "ended", ("CN",), None)]),
        # a round of talks completed is no deal
        (
            "Britain and India completed a 14th round of talks in March.",
            [("negotiation", "concluded", ("GB", "IN"), "2023-03")],
        ),
    ],
)
def test_linking_verbs_deadlines_and_rounds(text: str, expected: list[Row]) -> None:
    assert events(text) == expected


def test_an_act_with_no_side_is_of_the_paragraph_it_is_told_in() -> None:
    text = (
        "EU to slap duties on Chinese EVs\n"
        "The European Commission said on Wednesday it would impose duties on electric "
        "vehicles from China.\n\n"
        "UK-India talks on hold\n"
        "Negotiators completed a 14th round of talks in March.\n"
    )
    assert ("negotiation", "concluded", ("GB", "IN"), "2023-03") in events(text)


def test_a_joined_clause_whose_subject_has_a_relative_clause_keeps_its_sides() -> None:
    rows = events(
        "Hong Kong, which imposed its own ban on seafood from 10 Japanese prefectures in "
        "August 2022, has not changed its rules, and Russia, which restricted Japanese "
        "seafood imports in October 2022, has kept its curbs in place."
    )
    assert ("import-restriction", "in-effect", ("HK", "JP"), "2022-08") in rows
    assert ("import-restriction", "in-effect", ("JP", "RU"), "2022-10") in rows
    # a list's last item with a relative clause is no clause
    rows = events("The U.S. imposed tariffs on Canada, Mexico, and China, which retaliated.")
    assert rows == [("tariff", "in-effect", ("CA", "CN", "MX", "US"), None)]


def test_a_passive_restriction_ending_a_relative_clause_finds_its_flow() -> None:
    rows = events(
        "The two governments agreed to resume talks on restarting exports of Japanese beef "
        "to China, which have been halted since 2001."
    )
    assert ("export-control", "in-effect", ("CN", "JP"), "2001") in rows
    assert all(not (t == "negotiation" and s == "in-effect") for t, s, _, _ in rows)


def test_goods_of_a_country_after_the_trigger_make_it_a_side() -> None:
    rows = events(
        "The original tariffs were first imposed in 2018 and now cover roughly $370 "
        "billion of Chinese goods."
    )
    assert rows == [("tariff", "in-effect", ("CN",), "2018")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preference programme that is a law: renewed or lapsing, the law's step
        ("AGOA expired on September 30.", [("legislation", "ended", ("US",), "2022-09-30")]),
        (
            "AGOA was last renewed in 2015, when Congress extended it for ten years.",
            [("legislation", "concluded", ("US",), "2015")],
        ),
        (
            "The African Growth and Opportunity Act (AGOA), the US trade preference "
            "programme, expired at midnight.",
            [("legislation", "ended", ("US",), None)],
        ),
        # withdrawn from a country, a tariff
        (
            "Washington removed Gabon, Niger and Uganda from AGOA at the start of 2023.",
            [("tariff", "ended", ("GA", "NE", "UG", "US"), "2023-Q1")],
        ),
    ],
)
def test_a_preference_programme_that_is_a_law(text: str, expected: list[Row]) -> None:
    assert events(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure scheduled by the cue that opens the hedge is decided
        (
            "Tariffs of 25% on imported heavy trucks are due to take effect June 1.",
            [("tariff", "announced", (), "2023-06-01")],
        ),
        # a power a law gives is no act; a generic "any" names none; a relative clause
        # after another trigger is that trigger's
        (
            "Lula said Brazil would answer any tariff under its new Economic Reciprocity "
            "Law, which Congress passed in April and which lets the government suspend "
            "trade concessions.",
            [("legislation", "concluded", ("BR",), "2023-04")],
        ),
    ],
)
def test_schedules_powers_and_generic_measures(text: str, expected: list[Row]) -> None:
    assert events(text) == expected


def test_a_global_measure_under_a_country_s_own_law_is_that_country_s_alone() -> None:
    rows = events(
        "The council said exporters are grappling with the US decision to impose 25 per "
        "cent Section 232 tariffs on steel imports from all countries from March 12."
    )
    assert rows == [("tariff", "in-effect", ("US",), "2023-03-12")]


def test_a_measure_told_without_a_date_is_one_with_its_dated_retelling() -> None:
    text = (
        "WASHINGTON (AP) — President Donald Trump has ordered new tariffs on imported "
        "timber and lumber, kitchen cabinets and upholstered furniture.\n\n"
        "A proclamation Trump signed Monday imposes a 10% tariff on softwood timber and "
        "lumber and a 25% tariff on kitchen cabinets, starting June 14.\n"
    )
    rows = events(text)
    assert ("tariff", "announced", ("US",), "2023-06-14") in rows
    assert all(s != "in-effect" for _, s, _, _ in rows)


def test_a_ruling_party_is_no_ruling() -> None:
    assert events("The ruling Morena party holds a majority in Mexico's Congress.") == []


def test_each_item_of_a_roundup_dates_its_own_heading() -> None:
    text = (
        "TRADE WEEK\n\n"
        "EU: steel safeguard extended\n"
        "The European Commission on 20 May extended its steel safeguard.\n\n"
        "Japan lifts curbs on US beef\n"
        "Tokyo said on Monday that beef from all American plants may now be sold.\n"
    )
    rows = events(text)
    # the second headline takes its own item's day, not the first item's
    assert [d for _, _, p, d in rows if p == ("JP", "US")] == ["2023-05-22"]


def test_a_measure_announced_with_immediate_effect_applies() -> None:
    rows = events(
        "The Ministry of Commerce announced export controls on tungsten and bismuth, "
        "effective immediately."
    )
    assert rows == [("export-control", "in-effect", (), "2023-05-24")]


def test_a_measure_on_imports_with_no_side_told_is_the_text_s_actor_s() -> None:
    text = (
        "Mexico proposes tariffs of up to 50% on Chinese cars\n\n"
        "Mexico's government proposed raising tariffs on cars from China to 50%. "
        "In December, the government also raised tariffs on imported apparel to 35%."
    )
    assert ("tariff", "in-effect", ("MX",), "2022-12") in events(text)


def test_a_deal_that_talks_aim_toward_is_no_agreement_of_its_own() -> None:
    rows = events(
        "Canada and Indonesia launched negotiations toward a free trade agreement in 2021."
    )
    assert rows == [("negotiation", "announced", ("CA", "ID"), "2021")]


def test_an_aim_with_a_target_date_is_no_event() -> None:
    assert events("Both sides have set a target of concluding a deal by the end of the year.") == []
    rows = events(
        "India and the European Union are also negotiating a free trade agreement, and "
        "both sides have set the goal of concluding the talks by the end of this year."
    )
    assert rows == [("negotiation", "announced", ("EU", "IN"), None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a trip's purpose told in the present lies ahead
        (
            "Lula flies to Beijing for a meeting with Xi on Friday.",
            PUB,
            ("meeting", "planned", ("BR", "CN"), "2023-05-26"),
        ),
        # told in the past, it happened
        (
            "Lula flew to Beijing for a meeting with Xi on Friday.",
            PUB,
            ("meeting", "concluded", ("BR", "CN"), "2023-05-19"),
        ),
        # "last week" is told by its month, which may run past publication
        (
            "The decision follows a visit to Beijing last week by Turkey's foreign minister.",
            "2023-06-28",
            ("visit", "concluded", ("CN", "TR"), "2023-06"),
        ),
        (
            "Kishida paid a return visit to Seoul in early May.",
            "2023-06-28",
            ("visit", "concluded", ("JP", "KR"), "2023-05"),
        ),
        # a meeting expected, dated by a month: the month ahead
        (
            "Officials are expected to take up the issue at a working-level meeting in "
            "Beijing in October.",
            "2023-06-28",
            ("meeting", "planned", ("CN",), "2023-10"),
        ),
        # a meeting a host will hold, dated ahead
        (
            "Italy will host the next trade ministers' meeting next year.",
            "2023-06-28",
            ("meeting", "planned", ("IT",), "2024"),
        ),
    ],
)
def test_meetings_and_visits_dated_by_their_sentence(
    text: str, published: str, expected: Row
) -> None:
    assert expected in events(text, published=published)


def test_the_treasury_and_state_departments_are_american() -> None:
    rows = events(
        "The Treasury and State Departments on Wednesday imposed sanctions on more than "
        "300 entities accused of supporting Russia's war in Ukraine."
    )
    assert rows == [("sanction", "in-effect", ("RU", "US"), "2023-05-24")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the norms of a system are no law
        ("China breached World Trade Organization rules, arbitrators ruled on Monday.", []),
        # a summit that is only the venue of another act is no meeting
        (
            "The 15 countries signed the agreement in November 2020 at a virtual summit "
            "hosted by Vietnam.",
            ["agreement"],
        ),
        # but a meeting where the sides agreed to resume talks is one
        (
            "Modi and EU leaders agreed to resume the negotiations at a leaders' meeting in "
            "Porto in May 2021.",
            ["meeting", "negotiation"],
        ),
        # what a meeting discussed is the meeting's
        (
            "He met Secretary Lutnick on March 20 and discussed energy cooperation.",
            ["meeting"],
        ),
    ],
)
def test_venues_norms_and_what_a_meeting_discussed(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _, _, _ in events(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The council said the duty would raise input costs for small enterprises.",
        "Tariffs would raise prices for consumers, economists warned.",
        "The duties come days after Trump called Canada's dairy policy a disgrace.",
        "The ministry said it would file a lawsuit against the U.S. tariffs at the WTO.",
        "After the talks, the minister said both sides would keep in touch.",
    ],
)
def test_what_a_measure_does_and_a_measure_retold_are_no_step(text: str) -> None:
    assert events(text) == []
