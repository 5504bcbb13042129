"""Tests for tradeevents.jurisdictions: the data tables, matching rules and validation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradeevents import jurisdictions as J
from tradeevents.errors import UnknownJurisdictionError, VocabularyError
from tradeevents.jurisdictions import Agency, Group, Jurisdiction, JurisdictionTable

# ISO 3166-1 alpha-2, all 249 officially assigned codes.
ISO_3166_1 = frozenset(
    re.findall(
        r"[A-Z]{2}",
        """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
    BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
    CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
    GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
    ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
    MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
    SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
    TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """,
    )
)

DATA = Path(J.__file__).parent / "data"


@pytest.fixture(scope="module")
def table() -> JurisdictionTable:
    return J.default_table()


def small_table() -> JurisdictionTable:
    return JurisdictionTable(
        [
            Jurisdiction(
                "US", "United States", ("U.S.", "America"), ("American",), ("Washington",)
            ),
            Jurisdiction("JP", "Japan", (), ("Japanese",), ("Tokyo",)),
            Jurisdiction("CA", "Canada", (), ("Canadian",), ("Ottawa",)),
        ],
        [Agency("Commerce", (), "US", ambiguous=True), Agency("USTR", (), "US")],
        [Group("G2", ("Group of Two",), ("JP", "US"))],
    )


def write(tmp_path: Path, data: Any, name: str = "vocab.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- the data -------------------------------------------------------------------------


def test_every_iso_code_and_the_eu(table: JurisdictionTable) -> None:
    assert len(ISO_3166_1) == 249
    assert table.codes == ISO_3166_1 | {"EU"}


def test_data_files_are_formatted_one_entry_a_line() -> None:
    for name, section in (
        ("jurisdictions.json", "jurisdictions"),
        ("agencies.json", "agencies"),
        ("groups.json", "groups"),
    ):
        text = (DATA / name).read_text(encoding="utf-8")
        data = json.loads(text)
        assert data["version"] == 1
        assert set(data) == {"version", section}
        assert text.count("\n") == len(data[section]) + 5


def test_jurisdictions_sorted_by_code() -> None:
    data = json.loads((DATA / "jurisdictions.json").read_text(encoding="utf-8"))
    codes = [e["code"] for e in data["jurisdictions"]]
    assert codes == sorted(codes)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("U.S.", "US"),
        ("US", "US"),
        ("U.S.A.", "US"),
        ("USA", "US"),
        ("the United States", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("American", "US"),
        ("Washington", "US"),
        ("Japanese", "JP"),
        ("Tokyo", "JP"),
        ("USTR", "US"),
        ("Office of the U.S. Trade Representative", "US"),
        ("European Commission", "EU"),
        ("European Union", "EU"),
        ("E.U.", "EU"),
        ("European", "EU"),
        ("Brussels", "EU"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("United Kingdom", "GB"),
        ("Britain", "GB"),
        ("U.K.", "GB"),
        ("British", "GB"),
        ("South Korea", "KR"),
        ("Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("ROK", "KR"),
        ("North Korea", "KP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Laos", "LA"),
        ("Lao PDR", "LA"),
        ("China", "CN"),
        ("PRC", "CN"),
        ("People's Republic of China", "CN"),
        ("People’s Republic of China", "CN"),
        ("mainland China", "CN"),
        ("Chinese Taipei", "TW"),
        ("Taipei", "TW"),
        ("Hong Kong", "HK"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Holland", "NL"),
        ("the Netherlands", "NL"),
        ("The Hague", "NL"),
        ("Dutch", "NL"),
        ("Brasília", "BR"),
        ("Brasilia", "BR"),
        ("New Delhi", "IN"),
        ("Delhi", "IN"),
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Emirati", "AE"),
        ("Saudi", "SA"),
        ("Filipino", "PH"),
        ("Philippine", "PH"),
        ("Argentine", "AR"),
        ("Georgia", "GE"),
        ("St. Lucia", "LC"),
        ("Saint Lucia", "LC"),
        ("Guinea-Bissau", "GW"),
        ("Guinea Bissau", "GW"),
        ("JAPAN", "JP"),
        ("  Japan ", "JP"),
        ("MOFCOM", "CN"),
        ("Mofcom", "CN"),
        ("METI", "JP"),
        ("DGTR", "IN"),
        ("AIT", "US"),
        ("TECRO", "TW"),
        ("White House", "US"),
        ("the White House", "US"),
    ],
)
def test_lookup(table: JurisdictionTable, name: str, code: str) -> None:
    assert table.lookup(name) == code
    assert J.lookup(name) == code
    assert J.find(name) == code


@pytest.mark.parametrize(
    "name",
    ["us", "Us", "uk", "eu", "GB", "JP", "Congo", "Europe", "", "   ", "the", "Atlantis", "U"],
)
def test_not_a_name(table: JurisdictionTable, name: str) -> None:
    assert table.find(name) is None
    with pytest.raises(UnknownJurisdictionError) as info:
        table.lookup(name)
    assert str(info.value) == f"unknown jurisdiction: {name!r}"
    assert isinstance(info.value, LookupError)


def test_ambiguous_agencies_need_context(table: JurisdictionTable) -> None:
    for form, code in (
        ("Commerce", "US"),
        ("Treasury", "US"),
        ("the Commission", "EU"),
        ("Commission", "EU"),
        ("BIS", "US"),
        ("Ministry of Commerce", "CN"),
        ("Commerce Ministry", "CN"),
    ):
        agency = table.agency(form)
        assert agency is not None
        assert agency.ambiguous
        assert agency.jurisdiction == code
        assert table.find(form) is None
    agency = table.agency("Commerce Department")
    assert agency == table.agency("U.S. Department of Commerce")
    assert agency is not None
    assert not agency.ambiguous
    assert table.lookup("Ministry of Commerce and Industry") == "IN"
    assert table.agency("Japan") is None


def test_groups(table: JurisdictionTable) -> None:
    assert table.group_members("G7") == ("CA", "DE", "FR", "GB", "IT", "JP", "US")
    assert table.group_members("G-7") == table.group_members("Group of Seven")
    assert table.group_members("USMCA") == ("CA", "MX", "US")
    assert table.group_members("CUSMA") == table.group_members("T-MEC") == ("CA", "MX", "US")
    assert table.group_members("Mercosur") == ("AR", "BR", "PY", "UY")
    assert table.group_members("EFTA") == ("CH", "IS", "LI", "NO")
    assert table.group_members("Quad") == ("AU", "IN", "JP", "US")
    asean = table.group_members("ASEAN")
    assert asean is not None
    assert {"BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"} <= set(asean)
    assert table.group_members("Asean") == asean
    assert "EU" in (table.group_members("G20") or ())
    assert table.group_members("Japan") is None
    # a group stands for several codes, so lookup refuses it
    assert table.find("G7") is None
    for g in table.groups:
        assert g.members == tuple(sorted(g.members))


def test_get_and_is_code(table: JurisdictionTable) -> None:
    jp = table.get("JP")
    assert jp.name == "Japan"
    assert "Tokyo" in jp.capitals
    assert J.get("GB").name == "United Kingdom"
    assert table.is_code("EU")
    assert J.is_code("US")
    assert not table.is_code("UK")
    assert not table.is_code("jp")
    with pytest.raises(UnknownJurisdictionError, match=r"^unknown jurisdiction: 'UK'$"):
        table.get("UK")


def test_every_surface_form_round_trips(table: JurisdictionTable) -> None:
    rows = list(table.surface_forms())
    kinds = {kind for _, _, kind in rows}
    assert kinds == {"name", "alias", "adjective", "capital", "agency"}
    for form, code, _kind in rows:
        assert table.lookup(form) == code, form
    ambiguous = set(table.surface_forms(include_ambiguous=True)) - set(rows)
    assert ("Commerce", "US", "agency") in ambiguous
    for form, code, _kind in ambiguous:
        agency = table.agency(form)
        assert agency is not None
        assert agency.ambiguous
        assert agency.jurisdiction == code


def test_group_forms(table: JurisdictionTable) -> None:
    forms = dict(table.group_forms())
    assert forms["USMCA"] == ("CA", "MX", "US")
    for form, members in forms.items():
        assert table.group_members(form) == members


def test_default_table_is_cached() -> None:
    assert J.default_table() is J.default_table()


# -- extension ------------------------------------------------------------------------


def test_extended_returns_a_new_table(table: JurisdictionTable) -> None:
    custom = table.extended(
        aliases={"Nippon": "JP"},
        adjectives={"Yankee": "US"},
        capitals={"Edo": "JP"},
        agencies=[Agency("Japan Fair Trade Commission", ("JFTC",), "JP")],
        groups=[Group("Big Two", (), ("CN", "US"))],
    )
    assert custom is not table
    assert custom.lookup("Nippon") == "JP"
    assert custom.lookup("yankee") == "US"
    assert custom.lookup("Edo") == "JP"
    assert custom.lookup("JFTC") == "JP"
    assert custom.group_members("Big Two") == ("CN", "US")
    assert "Nippon" in custom.get("JP").aliases
    # the default table is unchanged
    assert table.find("Nippon") is None
    assert table.find("JFTC") is None
    assert "Nippon" not in J.default_table().get("JP").aliases
    assert J.find("Nippon") is None


def test_extended_with_a_new_jurisdiction(table: JurisdictionTable) -> None:
    custom = table.extended(jurisdictions=[Jurisdiction("XK", "Kosovo", (), ("Kosovar",))])
    assert custom.lookup("Kosovar") == "XK"
    assert custom.is_code("XK")
    assert not table.is_code("XK")


def test_extended_rejects_unknown_code(table: JurisdictionTable) -> None:
    with pytest.raises(VocabularyError) as info:
        table.extended(aliases={"Atlantis": "QQ"})
    assert str(info.value) == "<api>: aliases['Atlantis']: 'Atlantis' points to unknown code 'QQ'"
    assert isinstance(info.value, ValueError)


def test_extended_rejects_a_clash(table: JurisdictionTable) -> None:
    with pytest.raises(VocabularyError) as info:
        table.extended(aliases={"Tokyo": "US"})
    assert str(info.value) == (
        "<api>: aliases['Tokyo']: form 'Tokyo' names both jurisdiction JP and jurisdiction US"
    )


def test_extended_rejects_agency_with_unknown_code() -> None:
    with pytest.raises(VocabularyError) as info:
        small_table().extended(agencies=[Agency("Ministry of Magic", (), "QQ")])
    assert str(info.value) == (
        "<api>: agencies[0] (Ministry of Magic): "
        "agency 'Ministry of Magic' names unknown jurisdiction 'QQ'"
    )


def test_from_files_merges_onto_base(tmp_path: Path, table: JurisdictionTable) -> None:
    path = write(
        tmp_path,
        {
            "version": 1,
            "jurisdictions": [{"code": "JP", "name": "Nippon", "adjectives": ["Nihon"]}],
            "agencies": [{"name": "Japan Customs", "jurisdiction": "JP"}],
        },
    )
    custom = JurisdictionTable.from_files(path, base=table)
    assert custom.lookup("Nippon") == "JP"
    assert custom.lookup("Nihon") == "JP"
    assert custom.lookup("Japan Customs") == "JP"
    assert custom.get("JP").name == "Japan"
    assert table.find("Nippon") is None


def test_from_files_alone(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {"version": 1, "jurisdictions": [{"code": "XK", "name": "Kosovo"}]},
    )
    custom = JurisdictionTable.from_files(path)
    assert custom.codes == frozenset({"XK"})


# -- validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "$: expected a JSON object at the top level"),
        ({"version": 1, "colours": []}, "$: unknown key 'colours'"),
        ({"version": 2}, "$.version: unsupported version 2 (expected 1)"),
        ({"version": 1, "jurisdictions": {}}, "$.jurisdictions: expected a list"),
        ({"version": 1, "jurisdictions": [1]}, "$.jurisdictions[0]: expected an object"),
        (
            {"version": 1, "jurisdictions": [{"code": "JP", "name": "Japan", "flag": "red"}]},
            "$.jurisdictions[0]: unknown key 'flag'",
        ),
        (
            {"version": 1, "jurisdictions": [{"code": "JP"}]},
            "$.jurisdictions[0]: missing key 'name'",
        ),
        (
            {"version": 1, "jurisdictions": [{"code": "jp", "name": "Japan"}]},
            "$.jurisdictions[0].code: 'jp' is not a two-letter code in capitals",
        ),
        (
            {"version": 1, "jurisdictions": [{"code": "JP", "name": "Japan", "aliases": "Nippon"}]},
            "$.jurisdictions[0].aliases: expected a list of strings",
        ),
        (
            {"version": 1, "agencies": [{"name": "X", "jurisdiction": "JP", "ambiguous": "yes"}]},
            "$.agencies[0].ambiguous: expected true or false",
        ),
        (
            {
                "version": 1,
                "jurisdictions": [
                    {"code": "JP", "name": "Japan"},
                    {"code": "JP", "name": "Nippon"},
                ],
            },
            "$.jurisdictions[1] (JP): duplicate code 'JP'",
        ),
        (
            {
                "version": 1,
                "jurisdictions": [
                    {"code": "JP", "name": "Japan", "capitals": ["Tokyo"]},
                    {"code": "KR", "name": "South Korea", "capitals": ["tokyo"]},
                ],
            },
            "$.jurisdictions[1] (KR): form 'tokyo' names both jurisdiction JP and jurisdiction KR",
        ),
        (
            {
                "version": 1,
                "jurisdictions": [
                    {"code": "US", "name": "United States", "aliases": ["U.S."]},
                    {"code": "GB", "name": "United Kingdom", "aliases": ["US"]},
                ],
            },
            "$.jurisdictions[1] (GB): form 'US' names both jurisdiction US and jurisdiction GB",
        ),
        (
            {
                "version": 1,
                "jurisdictions": [{"code": "JP", "name": "Japan"}],
                "groups": [{"name": "G2", "members": ["JP", "QQ"]}],
            },
            "$.groups[0] (G2): group 'G2' has unknown members 'QQ'",
        ),
        (
            {
                "version": 1,
                "jurisdictions": [{"code": "JP", "name": "Japan"}],
                "groups": [{"name": "Japan", "members": ["JP"]}],
            },
            "$.groups[0] (Japan): form 'Japan' names both jurisdiction JP and group 'Japan'",
        ),
        (
            {
                "version": 1,
                "jurisdictions": [{"code": "JP", "name": "Japan"}],
                "agencies": [{"name": "METI", "jurisdiction": "CN"}],
            },
            "$.agencies[0] (METI): agency 'METI' names unknown jurisdiction 'CN'",
        ),
    ],
)
def test_validation_errors(tmp_path: Path, data: Any, message: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(VocabularyError) as info:
        JurisdictionTable.from_files(path)
    assert str(info.value) == f"{path}: {message}"
    assert info.value.source == str(path)


def test_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"invalid JSON"):
        JurisdictionTable.from_files(path)


def test_error_names_the_second_file(tmp_path: Path) -> None:
    first = write(
        tmp_path, {"version": 1, "jurisdictions": [{"code": "JP", "name": "Japan"}]}, "a.json"
    )
    second = write(
        tmp_path,
        {"version": 1, "jurisdictions": [{"code": "CN", "name": "China", "aliases": ["Japan"]}]},
        "b.json",
    )
    with pytest.raises(VocabularyError) as info:
        JurisdictionTable.from_files(first, second)
    assert str(info.value) == (
        f"{second}: $.jurisdictions[0] (CN): form 'Japan' names both jurisdiction JP "
        "and jurisdiction CN"
    )


def test_small_table_from_values() -> None:
    t = small_table()
    assert t.lookup("U.S.") == "US"
    assert t.lookup("USTR") == "US"
    assert t.find("Commerce") is None
    assert t.group_members("group of two") == ("JP", "US")
    assert repr(t) == "<JurisdictionTable: 3 jurisdictions, 2 agencies, 1 groups>"


def test_values_are_frozen() -> None:
    jp = J.get("JP")
    with pytest.raises(AttributeError):
        jp.name = "Nippon"  # type: ignore[misc]
    assert isinstance(jp.aliases, tuple)


# -- properties -----------------------------------------------------------------------


@given(st.text())
def test_find_never_raises(text: str) -> None:
    code = J.find(text)
    assert code is None or J.is_code(code)


@given(st.text())
def test_agency_and_group_never_raise(text: str) -> None:
    J.default_table().agency(text)
    J.default_table().group_members(text)


@given(st.sampled_from(sorted(ISO_3166_1)))
def test_names_resolve_to_their_code(code: str) -> None:
    j = J.get(code)
    assert J.lookup(j.name) == code
    assert J.lookup(j.name.upper()) == code
    assert J.lookup("the " + j.name.lower()) == code
