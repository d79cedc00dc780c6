import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { setupI18n } from "./i18n";
import { applyTheme, watchSystemTheme } from "./lib/theme";
import "./styles.css";

applyTheme();
watchSystemTheme();
// Translations (and the text direction) are ready before the first paint, so nothing flips.
await setupI18n();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
