import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useSession } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { sessionsApi } from "../sessions/api";
import { ParticipantSession } from "./ParticipantSession";
import { normalizeCode, seats, type Seat } from "./seat";

/** `/join/:code?`: the code and a name are all a guest needs; an existing seat goes straight in. */
export function JoinPage() {
  const { code = "" } = useParams();
  // Bumped to re-read storage after the seat is forgotten.
  const [, setVersion] = useState(0);
  const seat = code ? seats.load(code) : null;
  if (seat) {
    return (
      <ParticipantSession
        key={seat.sessionId}
        seat={seat}
        onLeave={() => {
          seats.forget(seat.code);
          setVersion((v) => v + 1);
        }}
      />
    );
  }
  return <JoinForm initialCode={code} />;
}

function JoinForm({ initialCode }: { initialCode: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { status, me } = useSession();
  const [code, setCode] = useState(normalizeCode(initialCode));
  const [name, setName] = useState(me?.user.name ?? "");
  const join = useMutation({
    mutationFn: () => sessionsApi.join(normalizeCode(code), name.trim(), status === "signedIn"),
    onSuccess: async (result) => {
      const seat: Seat = { code: normalizeCode(code), sessionId: result.sessionId, participantId: result.participantId, token: result.token, title: result.title, displayName: name.trim() };
      seats.save(seat);
      await navigate(`/join/${seat.code}`, { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate();
  };
  const fields = fieldErrorsOf(join.error);
  const notFound = join.error instanceof ApiError && join.error.status === 404;

  return (
    <Page title={t("join.title")} lead={t("join.lead")} width="sm">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label={t("join.code")}
          hint={t("join.codeHint")}
          value={code}
          required
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={9}
          className="font-mono text-2xl tracking-[0.3em] uppercase"
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          error={fields.joinCode ?? (notFound ? t("join.wrongCode") : undefined)}
        />
        <TextField label={t("join.name")} hint={t("join.nameHint")} value={name} required maxLength={60} autoComplete="nickname" onChange={(e) => setName(e.target.value)} error={fields.displayName} />
        <LiveMessage tone="error">{join.error && !notFound ? errorMessage(t, join.error) : null}</LiveMessage>
        <Button type="submit" busy={join.isPending} className="w-full">
          {join.isPending ? t("join.joining") : t("join.submit")}
        </Button>
      </form>
    </Page>
  );
}
