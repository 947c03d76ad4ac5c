"""API7 Server-side request forgery: every URL a client gives us (provider endpoints, catalog
service endpoints, the provider's website) is judged by one host classifier that parses hosts the
way HTTP clients do, so no spelling of a loopback, private, link-local, CGNAT, metadata or other
non-public address gets stored."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from provider_registry.kit import netguard
from tests.catalog.test_catalog import SERVICES, World, service_body
from tests.conftest import MakeClient, problem
from tests.providers.factories import provider_session, register_provider, registration

REGISTER = "/api/v1/registration/register"
PROFILE = "/api/v1/provider/profile"

# (URL, code): spellings of addresses an HTTP client would reach inside our network.
FORBIDDEN = [
    ("http://2130706433/", "FORBIDDEN_HOST"),  # 127.0.0.1 as one decimal number
    ("http://0x7f000001/", "FORBIDDEN_HOST"),  # ... as one hex number
    ("http://017700000001/", "FORBIDDEN_HOST"),  # ... as one octal number
    ("http://127.1/", "FORBIDDEN_HOST"),  # two-part form
    ("http://127.0.1/", "FORBIDDEN_HOST"),  # three-part form
    ("http://0x7f.1/", "FORBIDDEN_HOST"),
    ("http://0177.0.0.1/", "FORBIDDEN_HOST"),  # octal part
    ("http://0/", "FORBIDDEN_HOST"),  # 0.0.0.0
    ("http://0.0.0.0/", "FORBIDDEN_HOST"),
    ("http://127.0.0.1./", "FORBIDDEN_HOST"),  # trailing dot
    ("http://localhost./", "FORBIDDEN_HOST"),
    ("http://LOCALHOST:8080/", "FORBIDDEN_HOST"),
    ("http://api.localhost/", "FORBIDDEN_HOST"),
    ("http://127.0.0.%31/", "FORBIDDEN_HOST"),  # percent-encoded host
    ("http://%6c%6f%63%61%6c%68%6f%73%74/", "FORBIDDEN_HOST"),
    ("http://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54/", "FORBIDDEN_HOST"),
    ("http://\u2460\u2461\u2466.0.0.1/", "FORBIDDEN_HOST"),  # circled digits, IDNA-mapped
    ("http://100.64.0.1/", "FORBIDDEN_HOST"),  # CGNAT 100.64.0.0/10
    ("http://100.127.255.254/", "FORBIDDEN_HOST"),
    ("http://169.254.169.254/latest/meta-data/", "FORBIDDEN_HOST"),
    ("http://0xa9fea9fe/", "FORBIDDEN_HOST"),  # 169.254.169.254 in hex
    ("http://metadata.google.internal/", "FORBIDDEN_HOST"),
    ("http://metadata/", "FORBIDDEN_HOST"),
    ("http://intranet/", "FORBIDDEN_HOST"),  # single label: resolved by search domains
    ("http://db.internal/", "FORBIDDEN_HOST"),
    ("http://printer.local/", "FORBIDDEN_HOST"),
    ("http://10.0.0.1/", "FORBIDDEN_HOST"),
    ("http://172.31.255.255/", "FORBIDDEN_HOST"),
    ("http://192.168.1.1/", "FORBIDDEN_HOST"),
    ("http://192.0.0.1/", "FORBIDDEN_HOST"),
    ("http://198.18.0.1/", "FORBIDDEN_HOST"),
    ("http://224.0.0.1/", "FORBIDDEN_HOST"),  # multicast
    ("http://240.0.0.1/", "FORBIDDEN_HOST"),  # reserved
    ("http://255.255.255.255/", "FORBIDDEN_HOST"),  # broadcast
    ("http://[::1]/", "FORBIDDEN_HOST"),
    ("http://[::]/", "FORBIDDEN_HOST"),
    ("http://[::ffff:127.0.0.1]/", "FORBIDDEN_HOST"),  # IPv4-mapped
    ("http://[::ffff:7f00:1]/", "FORBIDDEN_HOST"),
    ("http://[::ffff:a9fe:a9fe]/", "FORBIDDEN_HOST"),
    ("http://[::127.0.0.1]/", "FORBIDDEN_HOST"),  # IPv4-compatible
    ("http://[64:ff9b::a9fe:a9fe]/", "FORBIDDEN_HOST"),  # NAT64 of 169.254.169.254
    ("http://[64:ff9b::7f00:1]/", "FORBIDDEN_HOST"),
    ("http://[2002:7f00:1::]/", "FORBIDDEN_HOST"),  # 6to4 of 127.0.0.1
    ("http://[fd00:ec2::254]/", "FORBIDDEN_HOST"),  # AWS metadata over IPv6
    ("http://[fe80::1%25eth0]/", "FORBIDDEN_HOST"),  # link-local with a zone
    ("http://[fc00::1]/", "FORBIDDEN_HOST"),
    ("http://[ff02::1]/", "FORBIDDEN_HOST"),
    # Ambiguous or smuggling forms: refused whatever the host.
    ("http://user@api.acme.example/", "INVALID_URL"),  # userinfo
    ("http://api.acme.example@127.0.0.1/", "INVALID_URL"),
    ("http://user:pw@api.acme.example/", "INVALID_URL"),
    ("http://127.0.0.1\\@api.acme.example/", "INVALID_URL"),  # backslash
    ("http://api.acme.example\\@127.0.0.1/", "INVALID_URL"),
    ("http://api.acme.example\\.127.0.0.1/", "INVALID_URL"),
    ("http://api.acme.example /", "INVALID_URL"),
    ("http://api.acme\t.example/", "INVALID_URL"),
    ("http://1.2.3.4.5/", "INVALID_URL"),  # ends in a number, not an address
    ("http://256.0.0.1/", "INVALID_URL"),
    ("http://08.0.0.1/", "INVALID_URL"),
    ("http://4294967296/", "INVALID_URL"),
    ("http://api.0x10/", "INVALID_URL"),
    ("http://134744072/", "INVALID_URL"),  # 8.8.8.8, but spelled so clients disagree
    ("http://008.008.008.008/", "INVALID_URL"),
    ("http://api..acme.example/", "INVALID_URL"),
    ("http://api.acme.example../", "INVALID_URL"),
    ("http://[::1/", "INVALID_URL"),
    ("http://[not-an-address]/", "INVALID_URL"),
    ("http://[::1]evil.example/", "INVALID_URL"),
]

ALLOWED = [
    "http://api.acme.example/",
    "https://api.acme.example:8443/v1/chat?x=1",
    "http://api.acme.example./",  # one trailing dot is the same name
    "http://93.184.216.34/",
    "http://[2606:4700::1111]/",
    "https://b\u00fccher.example/",  # IDNA
    "http://xn--bcher-kva.example/",
]


@pytest.mark.unit
@pytest.mark.parametrize(("url", "code"), FORBIDDEN)
def test_classifier_refuses(url: str, code: str) -> None:
    refused = netguard.url_issue(url)
    assert refused is not None
    assert refused.code == code


@pytest.mark.unit
@pytest.mark.parametrize("url", ALLOWED)
def test_classifier_accepts(url: str) -> None:
    assert netguard.url_issue(url) is None


@pytest.mark.unit
@pytest.mark.parametrize(
    ("host", "addresses"),
    [
        ("127.1", {"127.0.0.1"}),
        ("0x7f.0.0.1", {"127.0.0.1"}),
        ("2130706433", {"127.0.0.1"}),
        ("0", {"0.0.0.0"}),
        ("0177.0.0.1", {"127.0.0.1", "177.0.0.1"}),  # octal to WHATWG and glibc, decimal to some
        ("10.0.0.1.", {"10.0.0.1"}),
        ("[::ffff:7f00:1]", {"::ffff:7f00:1", "127.0.0.1"}),
        ("[64:ff9b::a9fe:a9fe]", {"64:ff9b::a9fe:a9fe", "169.254.169.254"}),
    ],
)
def test_hosts_are_read_as_clients_read_them(host: str, addresses: set[str]) -> None:
    _, spelled = netguard.host_addresses(host)
    assert {str(a) for a in spelled} == addresses


@pytest.mark.unit
def test_resolved_addresses_are_judged_by_the_same_rules() -> None:
    """What a fetcher must call on every address a name resolves to before connecting to it."""
    for text in ("127.0.0.1", "10.1.2.3", "100.64.1.1", "169.254.169.254", "::1", "fd00:ec2::254"):
        assert not netguard.address_is_public(ipaddress.ip_address(text)), text
    for text in ("93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"):
        assert netguard.address_is_public(ipaddress.ip_address(text)), text


HOST_PIECES = st.sampled_from(
    [*"0123456789abcdefx.:[]%@/\\?#-_ ", "\u2460", "\uff4c", "\u00fc", "\x00", "%2e", "%25", "0x"]
)


@pytest.mark.unit
@given(
    st.sampled_from(["http://", "https://", "grpc://", "", "http:"]),
    st.lists(HOST_PIECES, max_size=30).map("".join),
    st.text(max_size=10),
    st.booleans(),
)
@settings(max_examples=2000, deadline=None)
def test_classifier_never_fails_otherwise(
    prefix: str, host: str, tail: str, allow_private: bool
) -> None:
    """Any string is either accepted or refused with one of the stable codes."""
    refused = netguard.url_issue(f"{prefix}{host}/{tail}", allow_private=allow_private)
    assert refused is None or refused.code in {"INVALID_URL", "INVALID_PORT", "FORBIDDEN_HOST"}


def _field_codes(response: Any, field: str) -> set[str]:
    body = problem(response, 400)
    return {e["code"] for e in body["errors"] if e["field"] == field}


def _endpoint(url: str) -> dict[str, Any]:
    return {"type": "api", "url": url, "protocol": "http", "secure": False}


def _catalog_code(url: str, code: str) -> set[str]:
    """The catalog's schema declares `format: uri` (RFC 3986): an IRI or an IPv6 zone id is not a
    URI, so those are INVALID_URL there before any host rule runs."""
    if not url.isascii() or "%25" in url or " " in url or "\t" in url or "\\" in url:
        return {"INVALID_URL"}
    return {code}


@pytest.mark.integration
def test_registration_refuses_hostile_endpoint_spellings(client: TestClient) -> None:
    wrong: dict[str, str] = {}
    for url, code in FORBIDDEN:
        response = client.post(REGISTER, json=registration(endpoints=[_endpoint(url)]))
        if response.status_code != 400 or _field_codes(response, "endpoints.0.url") != {code}:
            wrong[url] = response.text[:200]
    assert wrong == {}
    assert client.get("/api/v1/admin/providers").status_code == 401  # nothing else to see


@pytest.mark.integration
def test_registration_accepts_public_hosts(client: TestClient) -> None:
    for url in ALLOWED:
        protocol = url.split(":", 1)[0]
        endpoint = {"type": "api", "url": url, "protocol": protocol, "secure": protocol == "https"}
        register_provider(client, endpoints=[endpoint])


@pytest.mark.integration
def test_profile_update_refuses_hostile_endpoint_spellings(client: TestClient) -> None:
    auth = provider_session(client, register_provider(client))
    wrong: dict[str, str] = {}
    for url, code in FORBIDDEN:
        response = client.patch(PROFILE, headers=auth, json={"endpoints": [_endpoint(url)]})
        if response.status_code != 400 or _field_codes(response, "endpoints.0.url") != {code}:
            wrong[url] = response.text[:200]
    assert wrong == {}
    stored = client.get(PROFILE, headers=auth).json()["endpoints"]
    assert [e["url"] for e in stored] == ["https://api.acme.example:8443"]


@pytest.mark.integration
def test_provider_website_is_an_http_url_on_a_public_host(client: TestClient) -> None:
    for website, code in [
        ("javascript:alert(1)", "INVALID_URL"),
        ("http://127.1/", "FORBIDDEN_HOST"),
        ("http://user@acme.example/", "INVALID_URL"),
    ]:
        metadata = {"region": "us-west-2", "website": website}
        response = client.post(REGISTER, json=registration(metadata=metadata))
        assert _field_codes(response, "metadata.website") == {code}, website
    register_provider(client, metadata={"region": "us-west-2", "website": "https://acme.example"})


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


@pytest.mark.integration
def test_catalog_create_and_update_refuse_hostile_endpoint_spellings(world: World) -> None:
    created = world.create()
    wrong: dict[str, str] = {}
    for index, (url, code) in enumerate(FORBIDDEN):
        endpoint = {"url": url, "protocol": "rest"}
        create = world.client.post(
            SERVICES,
            headers=world.owner,
            json=service_body(version=f"9.0.{index}", endpoint=endpoint),
        )
        update = world.client.patch(
            f"{SERVICES}/{created['id']}", headers=world.owner, json={"endpoint": endpoint}
        )
        for what, response in (("create", create), ("update", update)):
            if response.status_code != 400 or _field_codes(
                response, "endpoint.url"
            ) != _catalog_code(url, code):
                wrong[f"{what} {url}"] = response.text[:200]
    assert wrong == {}
    mine = world.client.get("/api/v1/provider/services", headers=world.owner).json()["items"]
    assert [s["endpoint"]["url"] for s in mine] == ["https://api.acme.example/v1/chat"]


@pytest.mark.integration
def test_catalog_accepts_public_hosts(world: World) -> None:
    for index, url in enumerate(u for u in ALLOWED if u.isascii()):
        endpoint = {"url": url, "protocol": "rest"}
        world.create(version=f"2.0.{index}", endpoint=endpoint)


@pytest.mark.integration
def test_private_hosts_only_when_configured_for_providers_and_catalog(
    make_client: MakeClient, database_url: str
) -> None:
    client = make_client(providers_allow_private_endpoints="true")
    register_provider(client, endpoints=[_endpoint("http://127.1:8080/")])
    world = World(client, database_url)
    world.create(endpoint={"url": "http://10.0.0.5:8000/v1", "protocol": "rest"})
    # The switch admits private hosts, not ambiguous URLs.
    response = client.post(REGISTER, json=registration(endpoints=[_endpoint("http://u@10.0.0.1/")]))
    assert _field_codes(response, "endpoints.0.url") == {"INVALID_URL"}
