import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { safeNextPath } from "./nextPath";

export function SignInPage() {
  const { t } = useTranslation();
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const rawNext = params.get("next");
  const next = safeNextPath(rawNext);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const mutation = useMutation({ mutationFn: signIn });

  if (status === "signedIn") return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email, password });
  };
  const fields = fieldErrorsOf(mutation.error);

  return (
    <Page title={t("auth.signInTitle")} width="sm">
      {rawNext && !mutation.error ? <LiveMessage tone="info">{t("auth.sessionEnded")}</LiveMessage> : null}
      <form onSubmit={submit} className="space-y-4">
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <LiveMessage tone="error">{mutation.error ? errorMessage(t, mutation.error) : null}</LiveMessage>
        <Button type="submit" busy={mutation.isPending} className="w-full">
          {mutation.isPending ? t("auth.signingIn") : t("auth.submitSignIn")}
        </Button>
      </form>
      <p className="text-sm">
        {t("auth.noAccount")}{" "}
        <Link
          to={rawNext ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}
          className="font-semibold text-brand-700 underline underline-offset-4 dark:text-brand-300"
        >
          {t("nav.signUp")}
        </Link>
      </p>
    </Page>
  );
}
