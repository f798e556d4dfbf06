// Compiles only while the contract lets a client read a problem without casts: its `type`, and the
// extension members typed from the schema (`errors`, a refused share's `violations` and `resets_at`).
import createClient from "openapi-fetch";
import type { paths } from "./generated/relais";

const relais = createClient<paths>({ baseUrl: "http://127.0.0.1:8000" });

export async function hireAda(token: string): Promise<string> {
  const { data, error, response } = await relais.POST("/v1/employees", {
    headers: { Authorization: `Bearer ${token}` },
    body: { email: "ada@acme.example", given_name: "Ada", family_name: "Lovelace" },
  });
  if (error !== undefined) {
    const type: string = error.type;
    const status: number = error.status;
    const fields: string[] = (error.errors ?? []).map((field) => `${field.loc.join(".")}: ${field.message}`);
    return `${status} ${type} ${error.detail} ${fields.join("; ")}`;
  }
  const id: string = data.id;
  return `${response.status} ${id}`;
}

export async function shareOnLinkedIn(token: string, contentId: string): Promise<string> {
  const { error } = await relais.POST("/v1/shares", {
    headers: { Authorization: `Bearer ${token}` },
    body: { content_id: contentId, network: "linkedin" },
  });
  if (error === undefined) {
    return "shared";
  }
  const violations: string[] = (error.violations ?? []).map((violation) => `${violation.code}: ${violation.detail}`);
  const resetsAt: string | undefined = error.resets_at;
  return `${error.type} ${violations.join("; ")} ${resetsAt ?? ""}`;
}
