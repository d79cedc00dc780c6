import type { CopilotView } from "../../../../domain/api/copilot";
import { api } from "../../lib/api";

// Types only from the domain: its values would pull zod into the bundle.
export type { CopilotView };
export type CopilotQuestion = CopilotView["questions"][number];
export type CopilotCard = CopilotView["cards"][number];

export const copilotKeys = {
  view: (orgId: string, sessionId: string, language: string, version: number) => ["org", orgId, "sessions", sessionId, "copilot", language, version] as const,
};

export const copilotApi = {
  view: (sessionId: string, language: string) => api.get<CopilotView>(`/api/sessions/${sessionId}/copilot?language=${encodeURIComponent(language)}`),
};
