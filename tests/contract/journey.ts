// A learner's journey written against a client generated from the served
// OpenAPI document (openapi-typescript + openapi-fetch): register, sign in,
// search the catalog, enroll, fill the cart and check out. It is only
// type-checked (tsc --strict, tests/api/test_generated_client.py), never run:
// if the document stops saying what a typed client needs, this stops compiling.
import createClient from "openapi-fetch";
import type { components, paths } from "deltalabs-api";

type Schemas = components["schemas"];
type Money = Schemas["Money"];

const api = createClient<paths>({ baseUrl: "http://127.0.0.1:8080" });

function fail(problem: Schemas["Problem"] | undefined): never {
  throw new Error(problem ? `${problem.code}: ${problem.detail ?? ""}` : "no answer");
}

function show(money: Money | null): string {
  return money === null ? "-" : `${money.amount_minor} ${money.currency}`;
}

async function signIn(email: string, password: string): Promise<Record<string, string>> {
  const registered = await api.POST("/v1/auth/register", {
    body: { email, password, first_name: "Ada", last_name: "Lovelace" },
  });
  if (registered.error) fail(registered.error);
  const signedIn = await api.POST("/v1/auth/login", { body: { email, password } });
  if (!signedIn.data) fail(signedIn.error);
  return { Authorization: `Bearer ${signedIn.data.access_token}` };
}

async function search(text: string): Promise<Schemas["Course"][]> {
  const page = await api.GET("/v1/courses", {
    params: { query: { q: text, sort: "popular", limit: 20, free: false, price_max: 10000 } },
  });
  if (!page.data) fail(page.error);
  const next: string | null = page.data.next_cursor;
  if (next !== null) await api.GET("/v1/courses", { params: { query: { cursor: next } } });
  return page.data.items ?? [];
}

// The compile-time guard a closed query parameter gives.
function wrongSort(): void {
  // @ts-expect-error: "cheapest" is not one of the declared sort orders
  void api.GET("/v1/courses", { params: { query: { sort: "cheapest" } } });
  // @ts-expect-error: limit is an integer, not text
  void api.GET("/v1/courses", { params: { query: { limit: "500" } } });
  // @ts-expect-error: an enrollment status is a closed set too
  void api.GET("/v1/enrollments", { params: { query: { status: "paused" } } });
}

async function enroll(headers: Record<string, string>, courseId: string): Promise<string[]> {
  const answer = await api.POST("/v1/enrollments", { body: { course_id: courseId }, headers });
  if (!answer.data) fail(answer.error);
  const enrolled = answer.data;
  // The discriminator narrows the union without guessing.
  switch (enrolled.kind) {
    case "enrollment":
      return [enrolled.course_id];
    case "super_course_enrollment":
      return enrolled.enrollments.map((e) => e.course_id);
  }
}

async function buy(headers: Record<string, string>, courseId: string): Promise<string> {
  const filled = await api.POST("/v1/cart/items", {
    body: { item_type: "course", item_id: courseId },
    headers,
  });
  if (!filled.data) fail(filled.error);
  const cart: Schemas["Cart"] = filled.data;
  const summary = [cart.subtotal, cart.discount, cart.total].map(show).join(" / ");
  const currency: string | null = cart.currency;
  // The document declares the Idempotency-Key header checkout requires.
  const order = await api.POST("/v1/orders", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { provider: "offline" },
    headers,
  });
  if (!order.data) fail(order.error);
  return `${summary} ${currency ?? ""} -> order ${order.data.id} (${order.data.status})`;
}

export async function journey(email: string, password: string): Promise<string> {
  wrongSort();
  const headers = await signIn(email, password);
  const [free, paid] = await search("chemistry");
  if (!free || !paid) return "nothing to take";
  const enrolled = await enroll(headers, free.id);
  return `${enrolled.join(",")}; ${await buy(headers, paid.id)}`;
}
