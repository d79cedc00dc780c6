import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Colours with at least 3:1 contrast against both the light and the dark page background
 * (WCAG 1.4.11 for graphics); text never relies on them, every chart has a table and a summary.
 */
export const CHART_COLORS = { primary: "#0d9488", secondary: "#c2410c", line: "#2563eb" } as const;

export interface Row {
  label: string;
  /** Null when withheld to protect a small group. */
  value: number | null;
  note?: string;
}

function Frame({ title, summary, columns, rows, children }: { title: string; summary: string; columns: [string, string]; rows: Row[]; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure aria-labelledby={`${id}-t`} className="space-y-2">
      <h3 id={`${id}-t`} className="font-semibold">
        {title}
      </h3>
      <figcaption className="text-sm text-stone-700 dark:text-stone-300">{summary}</figcaption>
      {rows.length ? (
        <div role="img" aria-label={summary} className="h-56 w-full">
          {children}
        </div>
      ) : null}
      {rows.length ? (
        <details>
          <summary className="cursor-pointer text-sm underline">{t("analytics.tableView")}</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-start text-sm">
              <thead>
                <tr>
                  <th scope="col" className="py-1 pe-4 text-start">
                    {columns[0]}
                  </th>
                  <th scope="col" className="py-1 text-end">
                    {columns[1]}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.label}-${i}`} className="border-t border-stone-200 dark:border-stone-700">
                    <th scope="row" className="py-1 pe-4 text-start font-normal">
                      {r.label}
                    </th>
                    <td className="py-1 text-end tabular-nums">{r.value === null ? t("analytics.suppressedShort") : (r.note ?? r.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}

export function BarFigure(props: { title: string; summary: string; columns: [string, string]; rows: Row[]; color?: string }) {
  const data = props.rows.map((r) => ({ label: r.label, value: r.value ?? 0 }));
  return (
    <Frame {...props}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fill: "currentColor", fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="value" name={props.columns[1]} fill={props.color ?? CHART_COLORS.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Frame>
  );
}

export function LineFigure(props: { title: string; summary: string; columns: [string, string]; rows: Row[]; domain?: [number, number] }) {
  const data = props.rows.map((r) => ({ label: r.label, value: r.value }));
  return (
    <Frame {...props}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} minTickGap={24} />
          <YAxis domain={props.domain ?? [0, "auto"]} allowDecimals={props.domain !== undefined} tick={{ fill: "currentColor", fontSize: 12 }} />
          {props.domain ? <ReferenceLine y={0} stroke="currentColor" strokeOpacity={0.5} /> : null}
          <Tooltip />
          <Line type="monotone" dataKey="value" name={props.columns[1]} stroke={CHART_COLORS.line} strokeWidth={2} dot connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}
