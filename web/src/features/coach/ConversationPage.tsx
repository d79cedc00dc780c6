import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Button } from "../../components/Button";
import { Page, Panel } from "../../components/Page";
import { coachApi, coachKeys, userTransport } from "./api";
import { ConversationView } from "./Conversation";
import { SummaryEditor } from "./SummaryEditor";

const client = coachApi(userTransport);

export function ConversationPage() {
  const { t } = useTranslation("coach");
  const { conversationId = "" } = useParams();
  const conversation = useQuery({ queryKey: coachKeys.conversation(userTransport.scope, conversationId), queryFn: () => client.conversation(conversationId) });
  const [showSummary, setShowSummary] = useState(false);
  const title = conversation.data?.topic ?? t("conversation.untitled");
  return (
    <Page title={title} lead={<Link className="underline" to="/coach">{t("conversation.back")}</Link>}>
      {/* Keyed by id so opening another conversation starts with a fresh composer. */}
      <ConversationView key={conversationId} transport={userTransport} conversationId={conversationId} />
      {conversation.data ? (
        <div className="space-y-4">
          <Button variant="secondary" aria-expanded={showSummary} aria-controls="coach-summary" onClick={() => setShowSummary((s) => !s)}>
            {showSummary ? t("conversation.hideSummary") : t("conversation.finish")}
          </Button>
          <div id="coach-summary">
            {showSummary ? (
              <Panel title={t("summary.title")}>
                <SummaryEditor key={conversationId} transport={userTransport} conversationId={conversationId} />
              </Panel>
            ) : null}
          </div>
        </div>
      ) : null}
    </Page>
  );
}
