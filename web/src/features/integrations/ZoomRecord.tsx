import { useTranslation } from "react-i18next";
import { Panel } from "../../components/Page";
import type { SessionRecord } from "../sessions/api";

type ZoomPart = NonNullable<SessionRecord["zoom"]>;

/** The session record's Zoom part: when the meeting ran and who came and went, as Zoom reported it. */
export function ZoomRecord({ zoom }: { zoom: ZoomPart }) {
  const { t, i18n } = useTranslation("integrations");
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" }).format(new Date(iso));
  return (
    <Panel title={t("record.title")}>
      {zoom.events.length === 0 ? (
        <p>{t("record.none")}</p>
      ) : (
        <ol className="space-y-1">
          {zoom.events.map((e, i) => (
            <li key={`${e.at}-${e.event}-${i}`}>
              <time dateTime={e.at}>{time(e.at)}</time> · {t(`record.events.${e.event.replace("meeting.", "")}`, { name: e.participantName ?? t("record.someone") })}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
