import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { zoomApi, zoomKeys } from "./api";

/** The "also create a Zoom meeting" choice in the new-session form; shown only when Zoom is connected. */
export function ZoomMeetingOption({ orgId, checked, onChange }: { orgId: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation("integrations");
  const id = useId();
  const availability = useQuery({ queryKey: zoomKeys.availability(orgId), queryFn: zoomApi.availability, staleTime: 60_000, retry: false });
  if (!availability.data?.connected) return null;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 font-medium">
        <input id={id} type="checkbox" className="size-5" checked={checked} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.checked)} />
        {t("option.label")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-600 dark:text-stone-400">
        {t("option.hint")}
      </p>
    </div>
  );
}
