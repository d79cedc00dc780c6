import type { Dashboard, DashboardQuery, MyAnalytics, SessionAnalytics } from "../../../../domain/api/analytics";
import type { JournalEntry } from "../../../../domain/api/sessions";
import { api } from "../../lib/api";

const qs = (q: DashboardQuery) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
};

export const analyticsKeys = {
  dashboard: (orgId: string, scope: "facilitator" | "org", q: DashboardQuery) => ["org", orgId, "analytics", scope, q] as const,
  session: (orgId: string, id: string) => ["org", orgId, "analytics", "session", id] as const,
  me: ["analytics", "me"] as const,
  /** The same key as the journal page's, so both share one copy. */
  journal: ["journal"] as const,
};

export const analyticsApi = {
  dashboard: (q: DashboardQuery) => api.get<Dashboard>(`/api/analytics/dashboard${qs(q)}`),
  org: (q: DashboardQuery) => api.get<Dashboard>(`/api/analytics/org${qs(q)}`),
  session: (id: string) => api.get<SessionAnalytics>(`/api/analytics/sessions/${id}`),
  me: () => api.get<MyAnalytics>("/api/analytics/me"),
  journal: () => api.get<{ items: JournalEntry[] }>("/api/journal").then((r) => r.items),

  /**
   * Downloads need the bearer token, which only the client holds in memory; a fresh one is
   * fetched and the file saved through a temporary object URL.
   */
  async download(id: string, format: "pdf" | "csv" | "json", fileName: string): Promise<void> {
    const token = await api.refresh();
    const orgId = api.getOrgId();
    const res = await fetch(`/api/analytics/sessions/${id}/report.${format}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(orgId ? { "x-org-id": orgId } : {}) },
      credentials: "same-origin",
    });
    if (!res.ok) throw new Error(`download failed: ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
