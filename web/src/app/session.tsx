import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import type { LoginInput, MeResult, Membership, RegisterInput } from "../../../domain/api/auth";
import { api } from "../lib/api";
import { queryKeys } from "../lib/queryKeys";

export type SessionStatus = "restoring" | "signedIn" | "signedOut";

interface SessionContextValue {
  status: SessionStatus;
  me: MeResult | undefined;
  meError: unknown;
  activeOrg: Membership | undefined;
  signIn(input: LoginInput): Promise<void>;
  signUp(input: RegisterInput): Promise<void>;
  signOut(): Promise<void>;
  /**
   * Set when the user ended the session themselves (sign-out, account deleted), so private
   * pages send them to the start page instead of asking them to sign in again.
   */
  farewell: { message?: string } | null;
  /** Called when the server already ended the session (account deleted). */
  endSession(message?: string): void;
  switchOrg(orgId: string): void;
  reloadMe(): Promise<unknown>;
}

/** Everything but the public invitation preview belongs to the signed-in user. */
const isPrivateQuery = (query: Query): boolean => query.queryKey[0] !== "invitation";

const SessionContext = createContext<SessionContextValue | null>(null);

/** Keeps the active organisation one the user belongs to; falls back to the first membership. */
function reconcileOrg(me: MeResult): void {
  const current = api.getOrgId();
  if (current && me.memberships.some((m) => m.org.id === current)) return;
  api.setOrgId(me.memberships[0]?.org.id ?? null);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const signedIn = useSyncExternalStore(api.subscribe, api.isSignedIn);
  const orgId = useSyncExternalStore(api.subscribe, api.getOrgId);
  // Only a visitor who signed in before may hold a refresh cookie; others skip the call.
  const [farewell, setFarewell] = useState<{ message?: string } | null>(null);
  const [restoring, setRestoring] = useState(() => api.mayHaveSession() && !api.isSignedIn());

  useEffect(() => {
    if (!restoring) return;
    let live = true;
    void api.refresh().finally(() => {
      if (live) setRestoring(false);
    });
    return () => {
      live = false;
    };
  }, [restoring]);

  // Another user's data must not survive a session that ended (e.g. the refresh failed).
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    if (wasSignedIn.current && !signedIn) queryClient.removeQueries({ predicate: isPrivateQuery });
    wasSignedIn.current = signedIn;
  }, [signedIn, queryClient]);

  const meQuery = useQuery({
    queryKey: queryKeys.me,
    queryFn: async () => {
      const me = await api.me();
      reconcileOrg(me);
      return me;
    },
    enabled: signedIn,
    staleTime: 60_000,
  });

  const signIn = useCallback(
    async (input: LoginInput) => {
      queryClient.removeQueries();
      setFarewell(null);
      await api.login(input);
    },
    [queryClient],
  );
  const signUp = useCallback(
    async (input: RegisterInput) => {
      queryClient.removeQueries();
      setFarewell(null);
      await api.register(input);
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    setFarewell({});
    await api.logout();
    queryClient.removeQueries({ predicate: isPrivateQuery });
  }, [queryClient]);
  const endSession = useCallback((message?: string) => {
    setFarewell({ message });
    api.forgetSession();
    queryClient.removeQueries({ predicate: isPrivateQuery });
  }, [queryClient]);
  const switchOrg = useCallback((id: string) => api.setOrgId(id), []);
  const reloadMe = useCallback(() => queryClient.invalidateQueries({ queryKey: queryKeys.me }), [queryClient]);

  const me = signedIn ? meQuery.data : undefined;
  const value = useMemo<SessionContextValue>(
    () => ({
      status: restoring ? "restoring" : signedIn ? "signedIn" : "signedOut",
      me,
      meError: meQuery.error,
      farewell,
      activeOrg: me?.memberships.find((m) => m.org.id === orgId) ?? me?.memberships[0],
      signIn,
      signUp,
      signOut,
      endSession,
      switchOrg,
      reloadMe,
    }),
    [restoring, signedIn, me, meQuery.error, farewell, orgId, signIn, signUp, signOut, endSession, switchOrg, reloadMe],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession needs a SessionProvider");
  return ctx;
}

/** For pages under RequireAuth, which only renders once the profile is loaded. */
export function useSignedIn(): SessionContextValue & { me: MeResult } {
  const ctx = useSession();
  if (!ctx.me) throw new Error("useSignedIn used outside a signed-in route");
  return ctx as SessionContextValue & { me: MeResult };
}
