// The generated TypeScript client (generated/clients/typescript: openapi-typescript types +
// openapi-fetch) drives the real server through the whole story. Run by
// tests/clients/test_typescript_client.py, which starts the server and sets STORY_* variables.
// Paths and schema names are today's; they follow the spec.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { test } from "node:test";

import {
  type components,
  createProviderRegistryClient,
} from "../../../generated/clients/typescript/index.js";

type Schemas = components["schemas"];
type Client = ReturnType<typeof createProviderRegistryClient>;

function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set`);
  return value;
}

/** The body of a `status` answer; anything else fails with what the server said. */
function must<T>(
  result: { data?: T; error?: unknown; response: Response },
  status: number,
): T {
  assert.equal(result.response.status, status, JSON.stringify(result.error));
  assert.ok(result.data !== undefined);
  return result.data;
}

const baseUrl = env("STORY_BASE_URL");
const anonymous: Client = createProviderRegistryClient({ baseUrl });
const withToken = (token: string): Client =>
  createProviderRegistryClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

async function signIn(email: string, password: string): Promise<Client> {
  const tokens = must(
    await anonymous.POST("/api/v1/auth/login", { body: { email, password } }),
    200,
  );
  return withToken(tokens.access_token);
}

test("the story through the TypeScript client", async () => {
  const unique = randomUUID().slice(0, 8);

  // An account registers (no `role`: it has a default) and signs in.
  const email = `tenant-${unique}@example.com`;
  const password = "a long tenant password";
  const account: Schemas["AccountCreate"] = {
    email,
    password,
    first_name: "Ada",
    last_name: "Tenant",
  };
  must(await anonymous.POST("/api/v1/auth/register", { body: account }), 201);
  const tenant = await signIn(email, password);

  // A provider registers (anonymously) and signs in with its first API key.
  const { publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const registered = must(
    await anonymous.POST("/api/v1/registration/register", {
      body: {
        name: `ACME Compute ${unique}`,
        email: `ops-${unique}@acme.example`,
        public_key: publicKey,
        endpoints: [
          { type: "api", url: "https://api.acme.example:8443", protocol: "https", secure: true },
        ],
        metadata: { region: "us-west-2", capabilities: ["inference"] },
        terms: true,
      },
    }),
    201,
  );
  const providerId = registered.provider.id;
  const providerTokens = must(
    await anonymous.POST("/api/v1/registration/auth", {
      body: { provider_id: providerId, api_key: registered.api_key },
    }),
    200,
  );
  const provider = withToken(providerTokens.access_token);

  // An admin approves it.
  const admin = await signIn(env("STORY_ADMIN_EMAIL"), env("STORY_ADMIN_PASSWORD"));
  const approved = must(
    await admin.POST("/api/v1/admin/providers/{provider_id}/approve", {
      params: { path: { provider_id: providerId } },
    }),
    200,
  );
  assert.equal(approved.status, "approved");

  // The provider publishes a service (no pricing `currency`: it has a default) and sets prices.
  const service = must(
    await provider.POST("/api/v1/services", {
      body: {
        name: `acme-chat-${unique}`,
        version: "1.0.0",
        description: "Fast chat completions for customer support bots",
        category: "text-generation",
        endpoint: { url: "https://api.acme.example/v1/chat", protocol: "rest" },
        pricing: { model: "per-token", rates: [{ unit: "1k tokens", rate: "0.03" }] },
      },
    }),
    201,
  );
  const published = must(
    await provider.POST("/api/v1/services/{service_id}/publish", {
      params: { path: { service_id: service.id } },
    }),
    200,
  );
  assert.equal(published.status, "active");
  const seen = must(
    await anonymous.GET("/api/v1/services/{service_id}", {
      params: { path: { service_id: service.id } },
    }),
    200,
  );
  assert.equal(seen.name, service.name);
  const prices: Schemas["Pricing"] = {
    currency: "USD",
    prices: [
      { resource: "cpu", unit: "vcpu", price: "0.04", interval: "hourly" },
      { resource: "memory", unit: "GiB", price: "0.005", interval: "hourly" },
      { resource: "storage", unit: "GiB", price: "0.0001", interval: "hourly" },
    ],
  };
  must(await provider.PUT("/api/v1/provider/pricing", { body: prices }), 200);

  // The tenant creates an organization and a deployment in it.
  const organization = must(
    await tenant.POST("/api/v1/organizations", { body: { name: `Tenant Org ${unique}` } }),
    201,
  );
  const deployment = must(
    await tenant.POST("/api/v1/deployments", {
      body: {
        provider_id: providerId,
        service_id: service.id,
        organization_id: organization.id,
        name: "web",
        resources: { cpu: 2, memory: 4, storage: 20 },
      },
    }),
    201,
  );
  const deploymentPath = { params: { path: { deployment_id: deployment.id } } };

  // The provider accepts it and pushes logs; the tenant reads them and opens a ticket.
  const accepted = must(
    await provider.POST("/api/v1/provider/deployments/{deployment_id}/accept", {
      ...deploymentPath,
      body: { lease_id: `lease-${unique}` },
    }),
    200,
  );
  assert.equal(accepted.state, "active");
  const lines = ["booting", "listening on :8080"];
  const pushed = must(
    await provider.POST("/api/v1/provider/deployments/{deployment_id}/logs", {
      ...deploymentPath,
      body: { lines: lines.map((line) => ({ line })) },
    }),
    202,
  );
  assert.equal(pushed.accepted, lines.length);
  const logs = must(
    await tenant.GET("/api/v1/deployments/{deployment_id}/logs", deploymentPath),
    200,
  );
  assert.deepEqual(logs.lines, lines);
  const ticket = must(
    await tenant.POST("/api/v1/tickets", {
      body: {
        deployment_id: deployment.id,
        subject: "Port 8080 unreachable",
        description: "The service logs say it listens, but requests time out.",
        category: "technical",
      },
    }),
    201,
  );
  assert.equal(ticket.status, "open");

  // An invoice is generated (last month, by the real command) and paid by the admin.
  const period = execFileSync(env("STORY_PYTHON"), [env("STORY_BILL_SCRIPT"), deployment.id], {
    encoding: "utf8",
  }).trim();
  const page = must(await tenant.GET("/api/v1/invoices"), 200);
  assert.deepEqual(page.items.map((item) => item.period), [period]);
  const invoiceId = page.items[0]?.id;
  assert.ok(invoiceId);
  const invoicePath = { params: { path: { invoice_id: invoiceId } } };
  const paid = must(await admin.POST("/api/v1/invoices/{invoice_id}/pay", invoicePath), 200);
  assert.equal(paid.status, "paid");
  const invoice = must(await tenant.GET("/api/v1/invoices/{invoice_id}", invoicePath), 200);
  assert.equal(invoice.status, "paid");
  assert.ok(invoice.paid_at);

  // A second payment is a typed problem with its extra field.
  const again = await admin.POST("/api/v1/invoices/{invoice_id}/pay", invoicePath);
  assert.equal(again.response.status, 409);
  const problem: Schemas["Problem"] | undefined = again.error;
  assert.equal(problem?.code, "INVOICE_ALREADY_PAID");
  assert.equal(problem?.paid_at, invoice.paid_at);
});
