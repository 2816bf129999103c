"""The workbench's pages through FastAPI's TestClient: plans from uploads and the generator,
versions, the edit form with field problems, optimistic concurrency, escaping, downloads.

No solve here (tests/test_web_solve.py): these pages read only the store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from bemanna.web import create_app
from web_helpers import REPO, csrf_of

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path, solver_workers=1)) as c:
        yield c


def test_first_start_has_the_three_example_plans(client: TestClient) -> None:
    """An empty data folder gets the shipped care home, LSS group home and nurse group."""
    page = client.get("/")
    assert page.status_code == 200
    for name in ("care_home", "lss_group_home", "nurse_group"):
        assert f">{name}</a>" in page.text
    assert page.text.count("inget schema") == 3


def test_upload_an_instance_file_makes_a_plan(client: TestClient) -> None:
    csrf = csrf_of(client)
    body = (REPO / "instances" / "lss_group_home.yaml").read_bytes()
    reply = client.post("/plans/upload", data={"csrf_token": csrf},
                        files={"file": ("lss.yaml", body, "application/yaml")},
                        follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/plans/4"
    assert "uppladdad: lss.yaml" in client.get("/plans/4").text


def test_a_bad_upload_lists_each_problem_with_its_field(client: TestClient) -> None:
    """The loader's problems (field paths) are shown; nothing is stored."""
    csrf = csrf_of(client)
    data = yaml.safe_load((REPO / "instances" / "lss_group_home.yaml").read_text())
    data["employees"][0]["employment_rate"] = 120
    reply = client.post("/plans/upload", data={"csrf_token": csrf},
                        files={"file": ("bad.yaml", yaml.safe_dump(data), "application/yaml")})
    assert reply.status_code == 400
    assert "employees[0].employment_rate" in reply.text
    assert "/plans/4" not in client.get("/").text


def test_an_upload_over_20_mb_is_refused(client: TestClient) -> None:
    csrf = csrf_of(client)
    big = b"#" * (20 * 2**20 + 10)
    reply = client.post("/plans/upload", data={"csrf_token": csrf},
                        files={"file": ("big.yaml", big, "application/yaml")})
    assert reply.status_code == 413


def test_generate_a_unit(client: TestClient) -> None:
    csrf = csrf_of(client)
    reply = client.post("/plans/generate", data={"csrf_token": csrf, "kind": "lss",
                                                 "weeks": 2, "seed": 3})
    assert reply.status_code == 200
    assert "genererad: lss, 2 veckor, frö 3" in reply.text


def _edit(client: TestClient, csrf: str, base: int, **fields: str) -> object:
    data = {"csrf_token": csrf, "base_version": str(base), "shown_version": str(base), **fields}
    return client.post("/plans/2/edit", data=data, follow_redirects=False)


def test_edit_shows_the_problem_next_to_the_field(client: TestClient) -> None:
    """employment_rate 120 breaks the model's ≤ 100: the message sits in the field's cell,
    the input is marked, and no version is stored."""
    csrf = csrf_of(client)
    reply = _edit(client, csrf, 1, **{"employees.0.employment_rate": "120"})
    assert reply.status_code == 422  # type: ignore[attr-defined]
    cell = re.search(r'name="employees\.0\.employment_rate" value="120"[^>]*class="bad">'
                     r'<span class="field-error">([^<]+)</span>', reply.text)  # type: ignore[attr-defined]
    assert cell and "less than or equal to 100" in cell.group(1)
    assert len(client.app.state.store.versions(2)) == 1  # type: ignore[attr-defined]


def test_every_save_is_a_version_and_any_version_can_be_restored(client: TestClient) -> None:
    csrf = csrf_of(client)
    assert _edit(client, csrf, 1, **{"employees.0.name": "Ny Namn"}).status_code == 303  # type: ignore[attr-defined]
    store = client.app.state.store  # type: ignore[attr-defined]
    assert store.version(2).data["employees"][0]["name"] == "Ny Namn"
    old_name = store.version(2, 1).data["employees"][0]["name"]
    reply = client.post("/plans/2/versions/1/restore", data={"csrf_token": csrf})
    assert reply.status_code == 200
    assert store.version(2).number == 3
    assert store.version(2).data["employees"][0]["name"] == old_name
    text = client.get("/plans/2/versions/2/instance.yaml").text
    assert yaml.safe_load(text)["employees"][0]["name"] == "Ny Namn"


def test_two_tabs_saving_the_same_plan_the_later_gets_a_conflict(client: TestClient) -> None:
    """Both tabs loaded version 1; the first save makes version 2; the second, still based
    on 1, is refused with a reload choice and does not overwrite."""
    csrf = csrf_of(client)
    assert _edit(client, csrf, 1, **{"employees.0.name": "Flik A"}).status_code == 303  # type: ignore[attr-defined]
    later = _edit(client, csrf, 1, **{"employees.0.name": "Flik B"})
    assert later.status_code == 409  # type: ignore[attr-defined]
    assert "Ladda om" in later.text  # type: ignore[attr-defined]
    assert client.app.state.store.version(2).data["employees"][0]["name"] == "Flik A"  # type: ignore[attr-defined]


def test_a_hostile_name_is_escaped_everywhere_it_shows(client: TestClient) -> None:
    csrf = csrf_of(client)
    assert _edit(client, csrf, 1, **{"employees.0.name": HOSTILE}).status_code == 303  # type: ignore[attr-defined]
    page = client.get("/plans/2/edit").text
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_form_may_set_only_editable_fields(client: TestClient) -> None:
    """A forged field (a server path, a cost figure) is refused, not set."""
    csrf = csrf_of(client)
    reply = _edit(client, csrf, 1, **{"absence.history_csv": "/etc/passwd"})
    assert "absence.history_csv: kan inte ändras här" in reply.text  # type: ignore[attr-defined]


def test_portfolio_sorts_by_a_column(client: TestClient) -> None:
    page = client.get("/?sort=name&dir=asc").text
    names = re.findall(r'<a href="/plans/\d+">([a-z_]+)</a>', page)
    assert names == sorted(names)


def test_excel_routes_say_when_the_template_module_is_missing(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the Excel template module is merged, both routes say so in Swedish."""
    import sys

    monkeypatch.setitem(sys.modules, "bemanna.importers.excel_template", None)
    assert "Excel-mallen finns inte" in client.get("/template.xlsx").text
    csrf = csrf_of(client)
    reply = client.post("/plans/excel", data={"csrf_token": csrf},
                        files={"file": ("m.xlsx", b"PK", "application/octet-stream")})
    assert reply.status_code == 501 and "Excel-mallen finns inte" in reply.text


def test_excel_routes_use_the_template_module(client: TestClient,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The routes call `write_template(buffer, instance | None)` and `read_template(bytes,
    source)` (the Excel branch's signatures, here a stand-in module): the download carries
    what the writer wrote, an upload becomes a plan, and the reader's per-cell problems are
    listed."""
    import sys
    import types

    from bemanna.instance import InstanceError, load_instance

    written: list[object] = []

    def write_template(target: Any, instance: Any = None) -> None:
        written.append(instance)
        target.write(b"PK-fake-xlsx")

    def read_template(data: bytes, source: str) -> Any:
        if data == b"bad":
            raise InstanceError(source, ["Personal!C7: sysselsättningsgrad 120 är över 100"])
        return load_instance(REPO / "instances" / "nurse_group.yaml")

    fake = types.ModuleType("bemanna.importers.excel_template")
    fake.write_template = write_template  # type: ignore[attr-defined]
    fake.read_template = read_template  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bemanna.importers.excel_template", fake)
    blank = client.get("/template.xlsx")
    assert blank.status_code == 200 and blank.content == b"PK-fake-xlsx" and written == [None]
    filled = client.get("/plans/3/versions/1/template.xlsx")
    assert filled.status_code == 200 and written[-1].name == "nurse_group"  # type: ignore[attr-defined]
    csrf = csrf_of(client)
    bad = client.post("/plans/excel", data={"csrf_token": csrf},
                      files={"file": ("m.xlsx", b"bad", "application/octet-stream")})
    assert bad.status_code == 400 and "Personal!C7: sysselsättningsgrad 120" in bad.text
    good = client.post("/plans/excel", data={"csrf_token": csrf},
                       files={"file": ("m.xlsx", b"ok", "application/octet-stream")},
                       follow_redirects=False)
    assert good.status_code == 303 and good.headers["location"] == "/plans/4"


def test_no_page_needs_the_internet(client: TestClient) -> None:
    """Every script, style and image a page loads comes from the app itself (/static/...),
    and the pages' Content-Security-Policy allows nothing else."""
    for path in ("/", "/plans/1", "/plans/1/edit", "/plans/1/compare", "/login"):
        reply = client.get(path)
        assert reply.status_code == 200, path
        loads = re.findall(r'(?:src|href)="([^"]+)"', reply.text)
        external = [u for u in loads if re.match(r"(https?:)?//", u)]
        assert not external, (path, external)
        assert "default-src 'self'" in reply.headers["content-security-policy"]
    for asset in ("app.js", "app.css", "htmx.min.js"):
        text = client.get(f"/static/{asset}").text
        assert not re.search(r"""(?:src|href|url)\s*[=(]\s*["']?https?://""", text), asset


def test_excel_template_round_trip_through_the_pages(client: TestClient) -> None:
    """With the real template module: the care home downloaded as its filled template and
    uploaded again becomes a plan with the same instance data; the blank template uploads as
    its example unit."""
    pytest.importorskip("bemanna.importers.excel_template")
    csrf = csrf_of(client)
    filled = client.get("/plans/1/versions/1/template.xlsx")
    assert filled.status_code == 200 and filled.content[:2] == b"PK"
    reply = client.post("/plans/excel", data={"csrf_token": csrf},
                        files={"file": ("care.xlsx", filled.content, "application/octet-stream")},
                        follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/plans/4"
    store = client.app.state.store  # type: ignore[attr-defined]
    assert store.version(4).data == store.version(1).data
    blank = client.get("/template.xlsx")
    reply = client.post("/plans/excel", data={"csrf_token": csrf},
                        files={"file": ("blank.xlsx", blank.content, "application/octet-stream")},
                        follow_redirects=False)
    assert reply.status_code == 303
