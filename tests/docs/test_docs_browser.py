"""The API docs as a person sees them: the real server (`provider-registry run`, as `make run`
starts it, on the test PostgreSQL), Swagger UI and Redoc opened in headless Chromium.

Both must render every operation of the bundled spec (counted from generated/openapi.json, so
other changes to the spec need no change here); in Swagger UI, Authorize with a bearer token and
"Try it out" + Execute on `GET /api/v1/auth/me` must show 200. Throughout, the browser may log no
error, break no Content-Security-Policy rule, fail no request and get no 4xx/5xx answer, and may
ask nothing of any address but this server's (Chromium's proxy setting sends any other address
to a closed local port, so nothing leaves the machine even then; the request fails the test).

Chromium is Debian's (`scripts/install-system-deps.sh`, run by `make install`), driven by
Playwright's Python package; Playwright's own browser download is never used. Every wait has a
timeout; the browser and the server are closed at the end whatever happens.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import _truncate_all, settings_env
from tests.identity.helpers import login, register
from tests.support.server import running_server

try:
    from playwright.sync_api import (
        Browser,
        ConsoleMessage,
        Page,
        Request,
        Response,
        sync_playwright,
    )
except ImportError as exc:  # pragma: no cover - the dev extras install it
    raise ImportError(
        "the docs browser test needs Playwright's Python package: run `make install`"
    ) from exc

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = json.loads((ROOT / "generated" / "openapi.json").read_text())
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
OPERATIONS = sorted(
    (method, path, operation["operationId"])
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
    if method in METHODS
)
# Swagger UI shows an operation under each of its tags (untagged ones under "default").
SWAGGER_BLOCKS = sum(
    max(1, len(operation.get("tags", [])))
    for item in SPEC["paths"].values()
    for method, operation in item.items()
    if method in METHODS
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every address but loopback (which Chromium never proxies) goes to a closed local port: the
    # docs cannot reach anything else, even if the page asked (the test then fails).
    "--proxy-server=http://127.0.0.1:9",
]
TIMEOUT_MS = 30_000  # any single wait: page load, a selector, a click
ME_PATH = "/api/v1/auth/me"
BEARER_SCHEME = next(
    name
    for name, scheme in SPEC["components"]["securitySchemes"].items()
    if scheme["type"] == "http" and scheme.get("scheme", "").lower() == "bearer"
)
# Records every Content-Security-Policy violation, which a console message may not carry.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
});
"""


@dataclass
class Trouble:
    """What went wrong in the browser while a page was open."""

    base: str
    problems: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _request(self, request: Request) -> None:
        url = request.url
        if not url.startswith((self.base + "/", "data:", "blob:")):
            self.problems.append(f"external request: {request.method} {url}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text} ({message.location})")

    def _failed(self, request: Request) -> None:
        self.problems.append(f"request failed: {request.method} {request.url}: {request.failure}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(
                f"HTTP {response.status}: {response.request.method} {response.url}"
            )

    def check(self, page: Page) -> None:
        violations = page.evaluate("window.__cspViolations || []")
        found = self.problems + [f"CSP violation: {v}" for v in violations]
        assert not found, "the browser saw trouble:\n" + "\n".join(found)


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("docs-browser") / "server.log"
    env = settings_env(database_url, environment="development")
    try:
        with running_server("run", env, log) as base:
            yield base
    finally:
        _truncate_all(database_url)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the docs browser test needs Debian's chromium package, which "
            "`make install` (scripts/install-system-deps.sh) installs",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=TIMEOUT_MS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def open_page(browser: Browser, server: str) -> Iterator[tuple[Page, Trouble]]:
    context = browser.new_context(base_url=server, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    trouble = Trouble(server)
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    trouble.watch(page)
    try:
        yield page, trouble
    finally:
        context.close()


def bearer_token(base: str) -> tuple[str, str]:
    """A new account's email and access token, obtained over HTTP as an integrator would."""
    with httpx.Client(base_url=base, timeout=10) as client:
        account = register(client)  # type: ignore[arg-type]  (any httpx client will do)
        tokens = login(client, account["email"])  # type: ignore[arg-type]
    return account["email"], tokens["access_token"]


def assert_our_favicon(page: Page, base: str) -> None:
    """The page names /favicon.ico (what browsers ask for anyway) and the browser decodes it."""
    href = page.eval_on_selector('link[rel="icon"]', "link => link.href")
    assert href == base + "/favicon.ico"
    size = page.evaluate(
        """href => new Promise((loaded, failed) => {
          const image = new Image();
          image.onload = () => loaded([image.naturalWidth, image.naturalHeight]);
          image.onerror = () => failed(new Error("the favicon is not an image the browser shows"));
          image.src = href;
        })""",
        href,
    )
    width, height = size
    assert width >= 16, size
    assert width == height, size


def test_the_spec_has_operations_to_count() -> None:
    assert OPERATIONS
    assert ("get", ME_PATH) in {(method, path) for method, path, _ in OPERATIONS}


def test_redoc_renders_every_operation(open_page: tuple[Page, Trouble], server: str) -> None:
    page, trouble = open_page
    page.goto("/api/v1/redoc")
    page.locator('[data-section-id^="operation/"]').first.wait_for()
    rendered = set(
        page.eval_on_selector_all(
            '[data-section-id^="operation/"]',
            "nodes => nodes.map(n => n.getAttribute('data-section-id'))",
        )
    )
    expected = {f"operation/{operation_id}" for _, _, operation_id in OPERATIONS}
    assert rendered == expected, {
        "missing": sorted(expected - rendered),
        "unexpected": sorted(rendered - expected),
    }
    # Each operation shows its method and path (the right-hand panel's endpoint box).
    shown = set(
        page.eval_on_selector_all(
            '[data-section-id^="operation/"] .http-verb',
            "nodes => nodes.map(n => n.textContent.trim().toLowerCase() + ' '"
            " + n.nextElementSibling.textContent.trim())",
        )
    )
    assert {f"{method} {path}" for method, path, _ in OPERATIONS} <= shown
    assert page.title().endswith("Redoc")
    assert_our_favicon(page, server)
    page.wait_for_load_state("networkidle")
    trouble.check(page)


def test_swagger_ui_renders_every_operation_and_tries_one(
    open_page: tuple[Page, Trouble], server: str
) -> None:
    page, trouble = open_page
    email, token = bearer_token(server)
    page.goto("/api/v1/ui/")
    blocks = page.locator(".opblock")
    blocks.first.wait_for()
    pairs = page.eval_on_selector_all(
        ".opblock",
        "nodes => nodes.map(n => [n.querySelector('.opblock-summary-method').textContent,"
        " n.querySelector('.opblock-summary [data-path]').getAttribute('data-path')])",
    )
    assert len(pairs) == SWAGGER_BLOCKS
    rendered = {(method.lower(), path) for method, path in pairs}
    expected = {(method, path) for method, path, _ in OPERATIONS}
    assert rendered == expected, {
        "missing": sorted(expected - rendered),
        "unexpected": sorted(rendered - expected),
    }

    # Authorize: the bearer scheme's form in the dialog.
    page.locator(".auth-wrapper .authorize").click()
    dialog = page.locator(".dialog-ux .modal-ux")
    dialog.wait_for()
    bearer = dialog.locator(f'.auth-container:has(h4 code:text-is("{BEARER_SCHEME}"))')
    bearer.locator("input").fill(token)
    bearer.locator("button.authorize").click()
    bearer.locator("h6", has_text="Authorized").wait_for()
    dialog.locator("button.close-modal").click()
    dialog.wait_for(state="detached")

    # Try it out + Execute on GET /api/v1/auth/me.
    me = page.locator(f'.opblock-get:has(.opblock-summary [data-path="{ME_PATH}"])').first
    me.locator(".opblock-summary-control").click()
    me.locator(".try-out__btn").click()
    me.locator(".execute").click()
    live = me.locator(".live-responses-table .response")
    live.first.wait_for()
    assert live.locator(".response-col_status").first.inner_text().strip() == "200"
    assert email in me.locator(".live-responses-table .microlight").first.inner_text()
    assert f"Authorization: Bearer {token}" in me.locator(".curl").first.inner_text()
    assert_our_favicon(page, server)
    page.wait_for_load_state("networkidle")
    trouble.check(page)
