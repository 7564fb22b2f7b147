"""tandem.brief, tandem.schedule and tandem.china against the CLI's outputs."""
import json
import os

import pytest

import tandem
from conftest import DATA, cli_csv


def test_brief_json_equals_the_cli(cli, tmp_path):
    b = tandem.brief("Heilongjiang", "Anhui")
    out = tmp_path / "brief.json"
    cli("brief", "Heilongjiang", "Anhui", "-o", str(out), "-q")
    assert json.loads(b.to_json()) == json.loads(out.read_text(encoding="utf-8"))
    assert b.a == "Heilongjiang" and b.b == "Anhui" and b.year == 2017
    assert "scenario" in b.tables and b.scenario is not None
    assert "Heilongjiang" in str(b) and "黑龙江" in str(b)
    assert b.to_html().lstrip().lower().startswith("<!doctype html")


def test_brief_options_and_errors():
    b = tandem.brief("黑龙江", "安徽", demand=["Anhui:Heilongjiang:01,06:500000"], top=5)
    assert b.scenario_text
    with pytest.raises(tandem.Error) as e:
        tandem.brief("Heilongjiang", "Atlantis")
    assert e.value.code == 3
    with pytest.raises(TypeError):
        tandem.brief("Heilongjiang", "Anhui", colour="red")
    # The options are `tandem brief`'s settings: the same checks and messages.
    with pytest.raises(tandem.Error) as e:
        tandem.brief("Heilongjiang", "Anhui", lang="fr")
    assert e.value.code == 2 and 'lang: expected en, zh, found "fr"' in str(e.value)
    with pytest.raises(tandem.Error) as e:
        tandem.brief("Heilongjiang", "Anhui", top="many")
    assert e.value.code == 2 and "top: expected a whole number" in str(e.value)


def test_brief_in_chinese_equals_the_cli(cli, tmp_path):
    # Both regions named in Chinese: the Chinese edition, as on the command line.
    b = tandem.brief("黑龙江", "安徽")
    out = tmp_path / "brief_zh.json"
    cli("brief", "黑龙江", "安徽", "-o", str(out), "-q")
    j = json.loads(out.read_text(encoding="utf-8"))
    assert json.loads(b.to_json()) == j and j["lang"] == "zh"
    # Amounts in 亿元 in Chinese (159,026,793 万元), in CNY bn in English.
    summary = b.tables["summary"]
    assert summary.index[0] == "增加值（亿元）"
    assert summary.loc["增加值（亿元）", "黑龙江"] == pytest.approx(15902.6793, rel=1e-12)
    en = tandem.brief("黑龙江", "安徽", lang="en").tables["summary"]
    assert en.index[0] == "value added (CNY bn)"
    assert en.loc["value added (CNY bn)", "Heilongjiang"] == pytest.approx(1590.26793, rel=1e-12)
    with pytest.raises(tandem.Error):
        tandem.brief("黑龙江", "安徽", lang="fr")


def test_partners_rank_every_other_province():
    ranking = tandem.partners("Anhui")
    assert len(ranking) == 30


def test_schedule_equals_the_cli(cli, tmp_path):
    event = os.path.join(DATA, "schedule", "small_event.json")
    df = tandem.schedule(event)
    out = tmp_path / "s.csv"
    cli("schedule", event, "-o", str(out), "-q")
    ref = cli_csv(out.read_text())
    assert df.astype(str).values.tolist() == ref.astype(str).values.tolist()
    assert df.attrs["held"] == 4 and df.attrs["weighted"] == 8
    with open(event, encoding="utf-8") as f:
        again = tandem.schedule(json.load(f))
    assert again.attrs["breaks"] == df.attrs["breaks"]


def test_schedule_errors_name_the_record():
    with pytest.raises(tandem.Error) as e:
        tandem.schedule({"slots": 2, "tables": 1, "participants": [{"id": "a"}],
                         "requests": [{"a": "a", "b": "z"}]})
    assert e.value.code == 3
    assert "requests[0]" in e.value.message


def test_china_regions():
    r = tandem.china.regions()
    assert len(r) == 31
    assert list(r.columns) == ["iso", "gb", "name", "名称", "groups"]
    assert r.set_index("iso").loc["CN-HL", "名称"] == "黑龙江"


def test_china_build_equals_the_shipped_mrio():
    stages = []
    built = tandem.china.build(2017, progress=lambda stage, done, total: stages.append(stage))
    shipped = tandem.mrio.load("china:2017")
    z_built, z_shipped = built.account("Z"), shipped.account("Z")
    assert list(z_built.index) == list(z_shipped.index)
    # The shipped MRIO is this build written with 17 significant digits.
    diff = (z_built - z_shipped).abs().to_numpy().max()
    assert diff <= 1e-9 * z_shipped.abs().to_numpy().max()
    assert stages, "the progress callback was never called"
    assert "RAS" in built.log or "gravity" in built.log
